"""Clause units and quoted passages (bilat.extract.events.text), table-driven: strings in,
offsets out."""

from __future__ import annotations

import pytest

from bilat.extract.events.text import (
    DASH_BEFORE,
    MAX_UNIT_CHARS,
    bounded,
    continues,
    lone_quote,
    prep_before,
    quotes,
    unit_spans,
)


def _units(text, sents, head_end=0):
    return [text[a:b] for a, b in unit_spans(text, sents, head_end)]


@pytest.mark.parametrize(
    "text, sents, head_end, want",
    [
        # the parser's sentences
        ("Putin met Tokayev. They talked.", [0, 19], 0, ["Putin met Tokayev.", "They talked."]),
        # a line break cuts, blank lines are dropped
        ("Headline\n\nPutin met Tokayev.", [0], 0, ["Headline", "Putin met Tokayev."]),
        # a break the parser missed
        ("Putin met Tokayev. They talked.", [0], 0, ["Putin met Tokayev.", "They talked."]),
        # a sentence the parser split at a colon is joined again
        ("Lavrov said: we agree.", [0, 13], 0, ["Lavrov said: we agree."]),
        # … but not across a line break, nor after the dateline
        ("Lavrov said:\nwe agree.", [0, 13], 0, ["Lavrov said:", "we agree."]),
        ("MOSCOW, May 5. talks began.", [0, 15], 15, ["MOSCOW, May 5.", "talks began."]),
    ],
)
def test_unit_spans(text, sents, head_end, want):
    assert _units(text, sents, head_end) == want


@pytest.mark.parametrize(
    "prev, nxt, want",
    [
        ("He said:", "we agree.", True),
        ("Russia, Kazakhstan,", "and China", True),
        ("Putin met Tokayev.", "they talked.", False),
        ("Putin met Tokayev", "and talked.", True),
        ("Putin met Tokayev", "They talked.", False),
        ('"We agree."', "said Lavrov.", False),
        ("", "x", False),
    ],
)
def test_continues(prev, nxt, want):
    assert continues(prev, nxt) is want


def test_bounded_cuts_long_stretches_at_commas():
    text = ", ".join(["word"] * 400)
    pieces = bounded(text, 0, len(text))
    assert all(b - a <= MAX_UNIT_CHARS for a, b in pieces)
    assert text[pieces[0][0] : pieces[0][1]].endswith(",")
    assert pieces[-1][1] == len(text)
    assert bounded("short", 0, 5) == [(0, 5)]


@pytest.mark.parametrize(
    "text, want",
    [
        ('He said "we agree" today.', ["we agree"]),
        ("«Мы «за» сотрудничество», – сказал он.", ["Мы «за» сотрудничество"]),  # outermost only
        ("“Yes,” he said. “No.”", ["Yes,", "No."]),
        ('"Open quote runs\nto the paragraph end', ["Open quote runs"]),
        ("no quotes here", []),
    ],
)
def test_quotes(text, want):
    assert [text[qs:qe] for _, _, qs, qe in quotes(text)] == want


@pytest.mark.parametrize(
    "text, name, want",
    [
        ("talks in Astana", "Astana", True),
        ("talks in the Kazakh capital", "Kazakh", True),  # an article passed over
        ("визит в Астану", "Астану", True),
        ("Astana hosted talks", "Astana", False),
        ("talks with Astana", "Astana", False),
        ("IN Astana", "Astana", True),  # folded
    ],
)
def test_prep_before(text, name, want):
    preps = frozenset({"in", "в", "to"})
    assert prep_before(text, text.index(name), preps, frozenset({"the", "a"})) is want


@pytest.mark.parametrize(
    "quoted, after, want",
    [
        # a quoted paragraph with nothing after it on its line: someone's words on their own
        ("I would like to emphasize that Armenia is aimed at peace. We are involved.", "", True),
        ("В дипломатии есть такие механизмы, которые не принято делать публичными.", "", True),
        # its reporting clause after it: not alone
        ("We will continue to support the stability of brotherly Kazakhstan,", ", Erdoğan said.", False),
        ("Это не случайный выбор, Россия является нашим стратегическим партнером", ", - сказал он.", False),
        # a closing mark or a full stop only: still alone
        ("The task for both sides now is to deepen comprehensive strategic cooperation", "”.", True),
        # a few quoted words (a title, a slogan): not speech
        ("Cooperation Without Borders", "", False),
    ],
)
def test_lone_quote(quoted, after, want):
    assert lone_quote(quoted, after) is want


@pytest.mark.parametrize(
    "before, quoted",
    [
        ("Мы готовы к диалогу, - ", True),  # "…, - говорится в обращении"
        ("Это неприемлемо! — ", True),
        ("We will respond. – ", True),
        # a dash inside a title names no one's words (en_kz-gb_02)
        ("After meeting with Kazakhstan’s Deputy Prime Minister – ", False),
        ("Министр иностранных дел — ", False),
    ],
)
def test_dash_before(before, quoted):

    assert (DASH_BEFORE.search(before) is not None) == quoted
