"""Transcripts: "Name: …" turns and the lines each turn spans."""

from __future__ import annotations

import re
from collections.abc import Sequence

TURN_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"\w{4,}\.(\s|$)")  # "Mr." and "S.V." may open a name; "met him." may not


def turn_prefix(line: str) -> int | None:
    """Where the speaker's name ends in a transcript turn ("President of Russia Vladimir Putin:
    Mr Nazarbayev, …", "SECRETARY BLINKEN: Well, …", "Песков: …"): the offset of the colon that
    closes a short opening phrase (at most ``TURN_MAX_WORDS`` words, no sentence punctuation,
    no quotation mark) followed by the turn's words; None when the line is no turn.

    >>> turn_prefix("Песков: мы не комментируем"), turn_prefix("He said: no.")
    (6, 7)
    """
    i = line.find(":")
    if i <= 0 or i + 1 >= len(line) or not line[i + 1].isspace() or not line[i + 1 :].strip():
        return None
    head = line[:i]
    if (
        len(head.split()) > TURN_MAX_WORDS
        or any(ch in head for ch in '!?;"«»“”„()[]')
        or _SENTENCE_END.search(head)
    ):
        return None
    return i


def turn_spans(lines: Sequence[tuple[int, int, bool]]) -> list[tuple[int, int, int]]:
    """The turns of a transcript: for each line (start, end, whether it opens with a speaker's
    name), the span of the turn's words — the line that names the speaker and the lines after it
    up to the next named speaker — as (first line index, start, end). Continuation lines belong
    to a turn only when the text has at least two turns (a single "Name: …" line is a headline
    or a quote, not a transcript).

    >>> turn_spans([(0, 10, True), (11, 20, False), (21, 30, True), (31, 40, False)])
    [(0, 0, 20), (2, 21, 40)]
    >>> turn_spans([(0, 10, True), (11, 20, False)])
    [(0, 0, 10)]
    """
    opens = [i for i, (_, _, named) in enumerate(lines) if named]
    out = []
    for n, i in enumerate(opens):
        last = i
        if len(opens) >= 2:
            last = (opens[n + 1] if n + 1 < len(opens) else len(lines)) - 1
        out.append((i, lines[i][0], lines[last][1]))
    return out
