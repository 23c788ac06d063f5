"""The state of a national title the text leaves unsaid ("Deputy Foreign Minister Roman
Vassilenko"), from the sentence that holds it: the one state its other words name.

Never from the person named before or the publisher (test_no_state_is_guessed_for_a_national_
title_of_an_unknown_person): heads are named beside their counterparts, so only a sentence that
names exactly one state, and no other state's post, tells whose post it is.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

#: what ends a sentence (a line break ends one too)
_ENDS = (". ", "! ", "? ", ".\u201d ", ".\u00bb ", '." ')


def sentence_bounds(text: str, start: int, end: int, starts: Sequence[int] = ()) -> tuple[int, int]:
    """The sentence of ``text`` holding ``[start, end)``: the parse's (``starts``: where its
    sentences start, "U.S." and "Mr." inside one), else from after the last sentence end or line
    break before ``start`` to the next one after ``end`` (its end mark included).

    >>> t = "Mr. Blinken met Deputy Foreign Minister Roman Vassilenko. Then he left."
    >>> sentence_bounds(t, 16, 56, (0, 58))
    (0, 58)
    >>> sentence_bounds(t, 16, 56)
    (4, 57)
    """
    starts = [s for s in starts if _after_stop(text, s)]
    if starts:
        i = bisect.bisect_right(starts, start) - 1
        lo = starts[max(0, i)]
        hi = next((s for s in starts if s >= end), len(text))
        return lo, hi
    lo = max(
        [text.rfind("\n", 0, start) + 1] + [i + len(e) for e in _ENDS if (i := text.rfind(e, 0, start)) >= 0]
    )
    nxt = [i + len(e.rstrip()) for e in _ENDS if (i := text.find(e, end)) >= 0]
    if (i := text.find("\n", end)) >= 0:
        nxt.append(i)
    return lo, min(nxt, default=len(text))


#: what may close a sentence before its end mark is followed: quotes and brackets
_CLOSERS = '»"”’)]'


def _after_stop(text: str, at: int) -> bool:
    r"""Whether a sentence the parse starts at ``at`` follows a sentence's end: the text's start,
    a line break, or an end mark (and closing quotes) before the spaces — the Russian parse
    also starts "sentences" at names inside one ("Заместитель министра иностранных дел |
    Ермухамбет Конуспаев | выразил протест послу Украины в Казахстане", ru_kz-ua_51).

    >>> t = "Министр Ермухамбет Конуспаев выразил протест. «Да», — сказал он.\nПотом"
    >>> [_after_stop(t, i) for i in (0, 8, 46, 65)]
    [True, False, True, True]
    >>> _after_stop("He said: «No.» Then", 15)
    True
    """
    i = at
    while i > 0 and text[i - 1] in " \t\xa0":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return True
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and text[i - 1] in ".!?…"


def one_state(
    spans: Iterable[tuple], lo: int, hi: int, skip: tuple[int, int], state_of: Callable[[str], str | None]
) -> str | None:
    """The one state the spans in ``[lo, hi)`` name (outside ``skip``, the title and its
    holder), or None when they name none or several. ``spans``: (start, end, key, label);
    ``state_of(key)``: the state a span's key names (a country, its adjective, a body of it)."""
    states = set()
    for s in spans:
        if s[0] < lo or s[1] > hi or (s[0] < skip[1] and skip[0] < s[1]):
            continue
        st = state_of(s[2]) if s[3] != "PER" else None
        if st is not None:
            states.add(st)
    return states.pop() if len(states) == 1 else None
