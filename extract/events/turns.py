"""Transcripts: "Name: …" turns and the lines each turn spans."""

from __future__ import annotations

import re
from collections.abc import Sequence

TURN_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"\w{4,}\.(\s|$)")  # "Mr." and "S.V." may open a name; "met him." may not
#: a short remark in brackets closing the speaker's name: "(retranslated)", "(через переводчика)"
_NAME_REMARK = re.compile(r"\s*\([^()]{1,30}\)\s*$")
#: a single turn among the first lines is a headline or subheadline ("Песков: …"), not a transcript
BODY_FROM = 2


def turn_prefix(line: str) -> int | None:
    """Where the speaker's name ends in a transcript turn ("President of Russia Vladimir Putin:
    Mr Nazarbayev, …", "SECRETARY BLINKEN: Well, …", "Песков: …", "President of Mongolia
    Ukhnaagiin Khurelsukh (retranslated): …"): the offset of the colon that closes a short
    opening phrase (at most ``TURN_MAX_WORDS`` words, no sentence punctuation, no quotation
    mark, a short remark in brackets at its end allowed) followed by the turn's words; None
    when the line is no turn.

    >>> turn_prefix("Песков: мы не комментируем"), turn_prefix("He said: no.")
    (6, 7)
    """
    i = line.find(":")
    if i <= 0 or i + 1 >= len(line) or not line[i + 1].isspace() or not line[i + 1 :].strip():
        return None
    head = _NAME_REMARK.sub("", line[:i])
    if (
        len(head.split()) > TURN_MAX_WORDS
        or any(ch in head for ch in '!?;"«»“”„()[]')
        or _SENTENCE_END.search(head)
    ):
        return None
    return i


def name_end(head: str) -> int:
    """Where the speaker's name ends in the words before a turn's colon: before a closing
    remark in brackets ("(retranslated)"), whose words name no speaker ("New Delhi (ABC Live):
    …" is a dateline with its outlet, not a turn of ABC Live's).

    >>> name_end("President of Mongolia Khurelsukh (retranslated)"), name_end("Песков")
    (32, 6)
    """
    m = _NAME_REMARK.search(head)
    return m.start() if m else len(head)


def turn_spans(lines: Sequence[tuple[int, int, bool, bool]]) -> list[tuple[int, int, int]]:
    """The turns of a transcript: for each non-blank line (start, end, whether it opens with a
    speaker's name, whether the words after the name open with a quotation mark), the span of
    the turn's words — the line that names the speaker and the lines after it up to the next
    named speaker — as (first line index, start, end). Continuation lines belong to a turn when
    the text has at least two turns, or when its one turn stands after the first ``BODY_FROM``
    lines and its words are no quotation (a "Name: …" line among the first lines is a headline,
    'Russian Foreign Ministry: "Criticism … is unacceptable"' a subheading quoting someone; the
    remarks after the text's lead, "President of Kazakhstan Kassym-Jomart Tokayev: Mr Putin, …",
    run on over the paragraphs after it).

    >>> turn_spans([(0, 10, True, False), (11, 20, False, False), (21, 30, True, False)])
    [(0, 0, 20), (2, 21, 30)]
    >>> turn_spans([(0, 10, True, False), (11, 20, False, False)])
    [(0, 0, 10)]
    """
    opens = [i for i, line in enumerate(lines) if line[2]]
    out = []
    for n, i in enumerate(opens):
        last = i
        if len(opens) >= 2 or (i >= BODY_FROM and not lines[i][3]):
            last = (opens[n + 1] if n + 1 < len(opens) else len(lines)) - 1
        out.append((i, lines[i][0], lines[last][1]))
    return out
