"""Transcript turns (bilat.extract.events.turns), table-driven: plain values in, plain values
out; the tables of cue words are the project's own data files."""

from __future__ import annotations

import pytest

from bilat.extract.events.turns import name_end, turn_prefix, turn_spans


@pytest.mark.parametrize(
    "line, want",
    [
        ("President of Russia Vladimir Putin: Mr Nazarbayev, I would like to thank you.", 34),
        ("SECRETARY BLINKEN: Well, Mr. Minister, Mukhtar, thank you.", 17),
        ("Путин: Си Цзиньпин демонстрирует всему миру равноправный диалог", 5),
        ("He said: the talks went well.", 7),  # a short clause too; the speaker check decides
        ("Vladimir Putin met Tokayev in Moscow on Monday and the two spoke at length: nothing new.", None),
        ("“I propose this arrangement: we meet again.", None),
        ("Mr. Putin: yes.", 9),  # an abbreviation may open a name
        ("Talks were held in Moscow. Putin: yes.", None),  # a sentence ends inside
        ("Time: 10:00", 4),  # a short phrase: whether it names a speaker is decided by the linker
        ("Note:", None),
        # en_ru-mn_02: a remark in brackets after the name
        ("President of Mongolia Ukhnaagiin Khurelsukh (retranslated): Mr President,", 58),
        ("Putin (Russia) said (in Moscow) that: no", None),
    ],
)
def test_turn_prefix(line, want):

    assert turn_prefix(line) == want


@pytest.mark.parametrize(
    "head, want",
    [
        ("President of Mongolia Ukhnaagiin Khurelsukh (retranslated)", 43),
        ("New Delhi (ABC Live)", 9),  # a dateline's outlet in brackets names no speaker
        ("Путин", 5),
        ("Песков (через переводчика)", 6),
        ("Mr. Putin", 9),
    ],
)
def test_name_end(head, want):
    assert name_end(head) == want


@pytest.mark.parametrize(
    "lines, want",
    [
        ([(0, 10, True, False), (11, 20, False, False), (21, 30, True, False)], [(0, 0, 20), (2, 21, 30)]),
        # a single "Name: …" line among the first two: a headline (ru_ru-am_02, ru_ru-ua_02)
        ([(0, 10, False, False), (11, 20, True, False), (21, 30, False, False)], [(1, 11, 20)]),
        ([(0, 10, False, False)], []),
        # a single turn after the title and the lead runs on (en_ru-kz_17, en_ru-mn_02)
        (
            [(0, 10, False, False), (11, 20, False, False), (21, 30, True, False), (31, 40, False, False)],
            [(2, 21, 40)],
        ),
        # … unless its words are a quotation: a subheading (en_ru-am_03)
        (
            [(0, 10, False, False), (11, 20, False, False), (21, 30, True, True), (31, 40, False, False)],
            [(2, 21, 30)],
        ),
    ],
)
def test_turn_spans(lines, want):

    assert turn_spans(lines) == want
