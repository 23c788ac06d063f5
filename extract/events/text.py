"""Text-level steps: the clause units a text is cut into, and its quoted passages. Strings
and offsets in, offsets out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bilat.extract.text import fold

OPEN_QUOTES = {"«": "»", "“": "”", "„": "“"}
#: the characters ``quotes`` acts on (line breaks, straight double quotes, the opening and the
#: closing marks): it reads these and passes over the rest of the text
_QUOTE_CHARS = re.compile("[" + re.escape('\n"' + "".join(OPEN_QUOTES) + "".join(OPEN_QUOTES.values())) + "]")
QUOTE_GAP = re.compile(r"^[\s,.:;!?\-–—]*$")
#: the end of a passage quoted before a dash ("…, – говорится в обращении", "…! — сказал он"):
#: the passage closes with a comma or a sentence mark; a dash inside a name ("Deputy Prime
#: Minister – Foreign Minister Murat Nurtleu") ends no one's words (en_kz-gb_02; the 53 dash
#: quotes of the dev corpus all close so)
DASH_BEFORE = re.compile(r"[,.!?…]\s*[-–—]+\s*$")
TERMINAL = ".!?…"
_SENTENCE_BREAK = re.compile(r"(?:(?<=[a-zа-яё]{3}[.!?…])|(?<=[.!?…][»\"”]))[ \t]+(?=[«\"“]?[A-ZА-ЯЁ])")
CLOSERS = "\"»”)’'"
#: quotation marks, which a name may stand in ("цитирует «РИА Новости»", "the «Kazinform» agency")
QUOTE_MARKS = frozenset({"-", "«", "»", '"', "“", "”", "„"})
#: what ends a reported clause before its reporting verb: ", reported X", "», — заявил X"
INVERTING_MARKS = frozenset({",", "-", "–", "—", "»", '"', "”", ":"})

MAX_UNIT_CHARS = 600  # a "sentence" longer than this (a list, a table, a page on one line) is cut


def bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut an over-long stretch at semicolons or commas (at spaces when there are none), so
    that the cost of a sentence stays bounded whatever the input's punctuation."""
    out = []
    while b - a > MAX_UNIT_CHARS:
        window = text[a : a + MAX_UNIT_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_UNIT_CHARS // 4:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_UNIT_CHARS - 1
        out.append((a, a + cut + 1))
        a += cut + 1
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


_bounded = bounded


def unit_spans(text: str, sentence_starts: Iterable[int], head_end: int = 0) -> list[tuple[int, int]]:
    r"""The clause units of ``text`` as (start, end): the parser's sentences (``sentence_starts``),
    also cut after the dateline (ending at ``head_end``), at line breaks and where the parser
    missed a sentence break; re-joined where a sentence was split at a colon or a comma
    (``continues``); over-long stretches cut (``bounded``). Leading and trailing spaces are
    left out, blank pieces dropped.

    >>> unit_spans("Putin met Tokayev. They talked.\nNext line", [0, 19])
    [(0, 18), (19, 31), (32, 41)]
    """
    cuts = {0}
    if head_end:
        cuts.add(head_end)
    cuts.update(sentence_starts)
    for m in re.finditer(r"\n", text):
        cuts.add(m.end())
    for m in _SENTENCE_BREAK.finditer(text):  # a break the segmenter missed
        cuts.add(m.end())
    cuts = sorted(c for c in cuts if c < len(text))
    pieces = []
    for a, b in zip(cuts, cuts[1:] + [len(text)], strict=True):
        seg = text[a:b]
        if seg.strip():
            pieces.append((a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())))
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if (
            merged
            and a != head_end
            and "\n" not in text[merged[-1][1] : a]
            and continues(text[merged[-1][0] : merged[-1][1]], text[a:b])
        ):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [piece for a, b in merged for piece in bounded(text, a, b)]


def prep_before(text: str, start: int, preps: frozenset[str], skip: frozenset[str] = frozenset()) -> bool:
    """Whether the word before offset ``start`` (words of ``skip`` — articles — passed over) is
    one of ``preps``: "in Astana", "in the Kazakh capital", "в Астану".

    >>> prep_before("talks in the capital", 13, frozenset({"in"}), frozenset({"the"}))
    True
    """
    for w in reversed(text[max(0, start - 30) : start].split()):  # (the last words first)
        key = fold(w)
        if key not in skip:
            return key in preps
    return False


def continues(prev: str, nxt: str) -> bool:
    """Whether a sentence split between ``prev`` and ``nxt`` (same line) should be undone."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return False
    if p[-1] in ":;,–—-":
        return True
    last = p.rstrip(CLOSERS)
    ends = bool(last) and last[-1] in TERMINAL
    return not ends and (n[0].islower() or n[0] in ",;:)»")


def quotes(text: str) -> list[tuple[int, int, int, int]]:
    """Quoted passages: (mark start, mark end, content start, content end), outermost only.
    Guillemets nest; straight double quotes toggle. A quote still open at the end of its
    paragraph closes there when the next paragraph opens with the same mark: a quotation that
    runs over several paragraphs opens each of them with a mark and closes only the last
    ('“… go further.\\n“Unfortunately, …,” he said'); one whose later paragraphs open with no
    mark stays one passage.

    >>> t = "“We are ready. We can go further.\\n“No answer came,” he said."
    >>> [t[qs:qe] for _, _, qs, qe in quotes(t)]
    ['We are ready. We can go further.', 'No answer came,']
    >>> t = "«Меры временные.\\nАстана ценит отношения», — говорится в заявлении."
    >>> [t[qs:qe] for _, _, qs, qe in quotes(t)]
    ['Меры временные.\\nАстана ценит отношения']
    >>> t = "He thanked them.\\n“We offered a package of proposals to the other side."
    >>> [t[qs:qe] for _, _, qs, qe in quotes(t)]
    ['We offered a package of proposals to the other side.']
    """
    spans = []
    stack: list[tuple[int, str]] = []
    straight: int | None = None
    for m in _QUOTE_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n" and straight is not None:
            spans.append((straight, i, straight + 1, i))
            straight = None
        if ch == "\n" and stack and text[i + 1 : i + 2] == text[stack[0][0]]:
            spans.extend((s, i, s + 1, i) for s, _ in stack)
            stack.clear()
        if ch in OPEN_QUOTES and not (ch == "“" and stack and stack[-1][1] == "“"):
            stack.append((i, OPEN_QUOTES[ch]))
        elif stack and ch == stack[-1][1]:
            s, _ = stack.pop()
            spans.append((s, i + 1, s + 1, i))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1, straight + 1, i))
                straight = None
    if straight is not None:
        spans.append((straight, len(text), straight + 1, len(text)))
    # a quote opened in the last paragraph and never closed runs to the end of the text (an
    # excerpt that stops inside the quotation)
    spans.extend((s, len(text), s + 1, len(text)) for s, _ in stack if "\n" not in text[s:])
    spans.sort(key=lambda s: (s[0], -s[1]))
    out = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


LONE_QUOTE_WORDS = 8


def lone_quote(quoted: str, after: str) -> bool:
    """Whether a quoted passage that opens its paragraph stands alone as someone's words: long
    enough to be speech (``LONE_QUOTE_WORDS`` words) and followed on its line by nothing but
    punctuation (no '…," Lavrov said').

    >>> lone_quote("We discussed the situation in the region and around it at length.", "")
    True
    >>> lone_quote("We discussed the situation in the region and around it at length.", ", Lavrov said.")
    False
    """
    return len(quoted.split()) >= LONE_QUOTE_WORDS and not after.strip(" \t.,;:!?…-–—»”\"'")
