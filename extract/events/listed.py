"""Agreements listed in one sentence: "These are the Memorandum … between the Ministry of Energy
of Kazakhstan and the Ministry of Energy and Industry of the UAE, the MoU between …, the MoU
between …"; "Other agreements covered the establishment of sister city relations between the
Kyzylorda Region and Hưng Yên Province, confirmation of the share sale … between Samruk Kazyna
and Sovico Group …". Each phrase naming the parties ("between X and Y", "между X и Y",
``parties_prep`` in ``data/{lang}/events_cues.tsv``) in a sentence holding a document noun
(``document_noun``) is an agreement of its own whose sides are the actors it names — the bodies,
companies or regions that signed, not their states. One such phrase alone makes none (the
sentence's own agreement has its actors; "a peace treaty between Yerevan and Baku" may be hoped
for), nor does one on talks or relations (``parties_not``: "talks between X and Y")."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from bilat.extract.events.document import View
from bilat.extract.events.merge import uniq
from bilat.extract.events.records import ACTOR_CLASSES
from bilat.extract.events.tree import descendants
from bilat.extract.records import Event

#: the classes of the events of a sentence that may tell the agreement a phrase names already
TELLING = frozenset({"Agree", "Cooperate"})


def listed_parties(phrases: Sequence[Collection[str]]) -> list[int]:
    """The indexes of the parties phrases of one sentence (``phrases``: the actors each names)
    that are agreements of their own: those naming two actors at least, when there are two or
    more (a list of the documents signed). One alone is not (the sentence's agreement has its
    actors already, or it names a treaty hoped for: "Russia is interested in a peace treaty
    between Yerevan and Baku").

    >>> listed_parties([{"minenergo-kz", "minenergo-ae"}, {"aifc", "cbuae"}])
    [0, 1]
    >>> listed_parties([{"russia", "kazakhstan"}])
    []
    >>> listed_parties([{"rosneft"}, {"aifc", "cbuae"}])
    []
    """
    two = [i for i, p in enumerate(phrases) if len(set(p)) >= 2]
    return two if len(two) >= 2 else []


def parties_phrases(v: View, toks) -> list[tuple[int, int, tuple[str, ...]]]:
    """The phrases naming parties among ``toks`` (a sentence's tokens): for each parties
    preposition, the span of the noun phrase it hangs on (from the noun to the end of its
    object) and the actors its object names (not an adjective, not a place after a place
    preposition), in text order."""
    preps = v.tab.words("parties_prep")
    nots = v.tab.words("parties_not")
    found = []
    for t in toks:
        if not v.tk(t) & preps:
            continue
        objs = [c for c in t.children if c.dep_ in ("pobj", "obj", "nmod")]
        if objs:
            obj, noun = objs[0], t.head
        elif t.head.i > t.i:  # "между X и Y": the preposition hangs on its object
            obj, noun = t.head, t.head.head
        else:
            continue
        if v.tk(noun) & nots:
            continue  # "talks between X and Y": no agreement
        start = min(noun.idx, t.idx) if noun.i != t.i else t.idx
        found.append((start, t, obj))
    out = []
    for j, (start, t, obj) in enumerate(found):
        # a phrase ends where the next one begins ("the MoU between A and B, the MoU between
        # C and D": the parse may hang the second on the first's object)
        stop = found[j + 1][0] if j + 1 < len(found) else None
        words = [x for x in descendants(obj) if x.i > t.i and (stop is None or x.idx < stop)]
        while words and words[-1].pos_ in ("PUNCT", "DET", "CCONJ"):
            words.pop()
        if not words:
            continue
        keys = uniq(
            m.key
            for m in v.mentions_of_tokens(words)
            if not m.affil and m.label != "ADJ" and m.cls in ACTOR_CLASSES
        )
        last = max(words, key=lambda x: x.i)
        out.append((start, last.idx + len(last.text), tuple(keys)))
    return out


def agree_codes(rows) -> tuple[str | None, float | None]:
    """The CAMEO code and Goldstein score of an agreement, from the first Agree row of the
    trigger table (``rows``) that has them — one copy of the codes, in the language's data.

    >>> from types import SimpleNamespace as R
    >>> rows = [R(cls="Consult", cameo="040", goldstein=1.0), R(cls="Agree", cameo="057", goldstein=8.0)]
    >>> agree_codes(rows)
    ('057', 8.0)
    >>> agree_codes([])
    (None, None)
    """
    row = next((r for r in rows if r.cls == "Agree" and r.cameo), None)
    return (row.cameo, row.goldstein) if row is not None else (None, None)


def listed_agreements(v: View, events: Sequence[Event]) -> list[Event]:
    """The agreements a sentence lists by their parties (``listed_parties``), as events of
    their own: the phrase is the trigger, the sentence the evidence; date, place and context
    those of the sentence's agreement or joint work when it has one."""
    docs = v.tab.words("document_noun")
    cameo, goldstein = agree_codes(v.tab.triggers)
    out: list[Event] = []
    for u in v.units:
        keys = v.keys
        if all(docs.isdisjoint(keys[t.i]) for t in u.toks):
            continue
        phrases = parties_phrases(v, u.toks)
        if not phrases:
            continue
        told = [e for e in events if e.cls in TELLING and u.start <= e.start < u.end]
        keep = listed_parties([p for _, _, p in phrases])
        like = next((e for e in told if e.cls == "Agree"), told[0] if told else None)
        for i in keep:
            start, end, keys = phrases[i]
            ev = Event(
                cls="Agree",
                trigger=v.text[start:end],
                start=start,
                end=end,
                evidence=v.text[u.start : u.end],
                sentence_start=u.start,
                sentence_end=u.end,
                participants=keys,
                cameo=cameo,
                goldstein=goldstein,
                arguments=tuple((m.key, m.start, m.end) for m in v.mentions_in(start, end) if m.key in keys),
            )
            if like is not None:
                ev = dataclasses.replace(
                    ev,
                    date=like.date,
                    date_precision=like.date_precision,
                    place=like.place,
                    context=like.context,
                )
            out.append(ev)
    return out
