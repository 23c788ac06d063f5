"""The state of a national title the text leaves unsaid ("Deputy Foreign Minister Roman
Vassilenko"), from the sentence that holds it: the one state its other words name.

Never from the person named before or the publisher (test_no_state_is_guessed_for_a_national_
title_of_an_unknown_person): heads are named beside their counterparts, so only a sentence that
names exactly one state, and no other state's post, tells whose post it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

#: what ends a sentence (a line break ends one too)
_ENDS = (". ", "! ", "? ", ".\u201d ", ".\u00bb ", '." ')


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``[start, end)``: from after the last sentence end or
    line break before ``start`` to the next one after ``end`` (its end mark included)."""
    lo = max(
        [text.rfind("\n", 0, start) + 1] + [i + len(e) for e in _ENDS if (i := text.rfind(e, 0, start)) >= 0]
    )
    nxt = [i + len(e.rstrip()) for e in _ENDS if (i := text.find(e, end)) >= 0]
    if (i := text.find("\n", end)) >= 0:
        nxt.append(i)
    return lo, min(nxt, default=len(text))


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
