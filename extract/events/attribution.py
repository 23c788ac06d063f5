"""Attribution: a report's source named at the end of the sentence it reports.

Seen on the real-news dev corpus (tests/corpus): "…, the Akorda press service reported."
(en_kz-ae_01), "…, the Kremlin's press service reports." (en_ru-kg_01), "…, reports the
ministry's press service." (en_kz-us_01), "…, the press service of the Armenian Defense Ministry
informed" (en_am-fr_01): the gold counts the body as the speaker of a statement of its own, but
the parse reads the tail as an apposition with a relative verb ("service" appos, "reported"
acl) or the verb as a plural noun ("reports" NOUN), so the reporting verb finds no subject.

A plain step over the words of one clause unit: (text, lemma, part of speech) of each; the
reporting words are the one-word subject cues of ``reporting.tsv``."""

from __future__ import annotations

from collections.abc import Sequence

#: the marks that open the tail clause ("…, the Akorda press service reported")
OPENING_MARKS = frozenset({",", "-", "–", "—"})

#: the parts of speech of the words of the noun phrase that names the source
NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM"})

#: the words that end the unit after the verb
CLOSING = frozenset({".", "!", "…"})


def trailing_source(
    words: Sequence[tuple[str, str, str]], say: frozenset[str]
) -> tuple[int, int, int] | None:
    """``(start, end, verb)``: the indexes of the noun phrase that names the source of the
    sentence's report and of its reporting word, when the unit ends with a mark, a noun phrase
    and a reporting word ("…, the Akorda press service reported."); None otherwise. The phrase
    holds a noun or a name and no verb, pronoun or preposition other than "of" ("the press
    service of the ministry"); "he said", "TASS reports" are read by the parse.

    >>> say = frozenset({"report", "say"})
    >>> ws = [("Talks", "talk", "NOUN"), ("began", "begin", "VERB"), (",", ",", "PUNCT"),
    ...       ("the", "the", "DET"), ("Akorda", "Akorda", "PROPN"), ("press", "press", "NOUN"),
    ...       ("service", "service", "NOUN"), ("reported", "report", "VERB"), (".", ".", "PUNCT")]
    >>> trailing_source(ws, say)
    (3, 7, 7)
    >>> trailing_source(ws[:3] + [("he", "he", "PRON"), ("said", "say", "VERB"), (".", ".", "PUNCT")], say)
    """
    n = len(words)
    while n and words[n - 1][0] in CLOSING:
        n -= 1
    if n < 3 or words[n - 1][1].lower() not in say:
        return None
    verb = n - 1
    i = verb
    while i > 0 and words[i - 1][0] not in OPENING_MARKS:
        text, lemma, pos = words[i - 1]
        if pos not in NP_POS and not (pos == "ADP" and lemma.lower() == "of") and text not in ("’s", "'s"):
            return None
        i -= 1
    if i == 0 or i == verb:
        return None
    if not any(pos in ("NOUN", "PROPN") for _t, _l, pos in words[i:verb]):
        return None
    return i, verb, verb


def ends_with_say(toks, say: frozenset[str]) -> bool:
    """Whether the last word of a unit's tokens before its closing marks is a reporting word:
    ``trailing_source``'s first test, read on the tokens themselves (most units fail it, and
    their words are then not read).

    >>> from types import SimpleNamespace as T
    >>> say = frozenset({"report"})
    >>> ws = [T(text=w, lemma_=l) for w, l in [("Talks", "talk"), (",", ","), ("TASS", "tass"),
    ...       ("reported", "report"), (".", ".")]]
    >>> ends_with_say(ws, say), ends_with_say(ws[:3], say), ends_with_say(ws[2:], say)
    (True, False, False)
    """
    n = len(toks)
    while n and toks[n - 1].text in CLOSING:
        n -= 1
    return n >= 3 and toks[n - 1].lemma_.lower() in say


def say_words(reporting: tuple) -> frozenset[str]:
    """The one-word reporting cues of the subject kind ("report", "say") of a language's
    ``reporting.tsv`` rows (``tables.CueRow``); kept by the identity of ``reporting`` (a key
    hashed would hash every row of the table on each call)."""
    hit = _SAY.get(id(reporting))
    if hit is None or hit[0] is not reporting:
        if len(_SAY) > 16:
            _SAY.clear()
        found = frozenset(r.words[0].text for r in reporting if r.kind == "subj" and len(r.words) == 1)
        hit = _SAY[id(reporting)] = (reporting, found)
    return hit[1]


_SAY: dict[int, tuple[tuple, frozenset[str]]] = {}  # id(reporting) → (reporting, its say words)
