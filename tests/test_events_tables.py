"""The cue tables and their matcher (bilat.extract.events.tables), table-driven."""

from __future__ import annotations

import pytest
from events_trees import keys, tree

from bilat.extract.events.tables import CueRow, _seq, _Word, match, tables


def _doc(words):
    return tree("\n".join(f"{w} 0 dep X" for w in words.split()))


ROWS = tuple(
    sorted(
        [
            CueRow(_seq("according to"), "after", None),
            CueRow(_seq("according"), "subj", None),
            CueRow(_seq("say"), "subj", None),
            CueRow(_seq("<any> said"), "subj", None),
            CueRow(_seq("decree no <num>"), "document", None),
        ],
        key=lambda r: -len(r.words),
    )
)


@pytest.mark.parametrize(
    "text, want",
    [
        ("according to Lavrov", [("according to", "after")]),  # the longest row first
        ("Lavrov said", [("Lavrov said", "subj")]),  # <any>
        ("decree no 15 of May", [("decree no 15", "document")]),  # <num>
        ("decree no fifteen", []),
        ("nothing here", []),
    ],
)
def test_match(text, want):
    doc = _doc(text)
    toks = list(doc)
    got = [
        (" ".join(t.text for t in toks[i:j]), row.kind)
        for i, j, row in match(toks, keys(doc), ROWS, lambda r, t: True)
    ]
    assert got == want


def test_match_accept_vetoes_a_row_and_the_next_one_is_tried():
    doc = _doc("according to Lavrov")
    toks = list(doc)
    got = match(toks, keys(doc), ROWS, lambda row, t: len(row.words) == 1)
    assert [(i, j, r.kind) for i, j, r in got] == [(0, 1, "subj")]


@pytest.mark.parametrize(
    "word, literal",
    [("say", "say"), ("<any>", None), ("no <num>", None), ("<num>", None)],
)
def test_a_words_literal_key(word, literal):
    # (``match`` tests a literal word by a set lookup, the others by ``ok``)
    assert _Word(word).literal == literal


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_reporting_rows_of_a_kind_are_one_tuple_in_table_order(lang):
    tab = tables(lang)
    rows = tab.reporting_of("joint")
    assert rows is tab.reporting_of("joint")  # (made once: ``match`` keeps its index of them)
    assert rows == tuple(r for r in tab.reporting if r.kind == "joint")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_grammar_cues_name_known_features(lang):
    known = {
        "passive_author",
        "genitive_owner",
        "indefinite_personal",
        "passive_addressee",
        "instrumental_agent",
    }
    assert tables(lang).words("grammar") <= known


def test_the_languages_differ_in_their_data_only():
    assert tables("ru").words("grammar") == {
        "passive_author",
        "genitive_owner",
        "indefinite_personal",
        "passive_addressee",
        "instrumental_agent",
    }
    assert tables("en").words("grammar") == {"passive_addressee"}
