"""The candidates of a unit (bilat.extract.events.triggers.candidates) against what pass 2 has
reported before (``records.Reported``), table-driven over a hand-built tree: a meeting noun that
refers back to talks reported is no new event, and the Consult modes found are returned noted."""

from __future__ import annotations

import pytest
from events_trees import held_talks

from bilat.extract.events.records import Reported, Said
from bilat.extract.events.triggers import candidates, lone_capital, visit_row

V = held_talks()  # "Putin held talks with Tokayev. The talks were substantive."


@pytest.mark.parametrize(
    "seen, found",
    [
        (frozenset(), ["talks"]),  # no talks reported before: these are new
        (frozenset({"meet"}), []),  # "The talks" refer back to the talks reported
        (frozenset({"phone"}), ["talks"]),  # a call reported is not these talks
    ],
)
def test_a_meeting_noun_refers_back_to_talks_reported(seen, found):
    cands, rep = candidates(V, Said(), Reported(consults_seen=seen), V.units[1])
    assert [" ".join(t.text for t in c.toks) for c in cands] == found
    assert rep.consults_seen == seen | ({"meet"} if found else set())


def test_the_consult_modes_found_are_noted():
    given = Reported()
    cands, rep = candidates(V, Said(), given, V.units[0])
    assert [(c.row.cls, c.mode) for c in cands] == [("Consult", "meet")]
    assert rep.consults_seen == {"meet"} and given.consults_seen == frozenset()


def test_visit_row():
    row = visit_row(V)
    assert (row.cls, row.mode, len(row.words)) == ("Consult", "visit", 1)


@pytest.mark.parametrize(
    "before, after, lone",
    [
        ("towards", ",", True),  # "seeks to drift towards Russophobia, which …"
        ("a", "position", True),  # "a Russophobic position"
        ("Shanghai", "Organisation", False),  # "Shanghai Cooperation Organisation"
        ("the", "Without", False),  # "the Cooperation Without Borders"
        ("the", "of", False),  # "the Forum of Regions"
        ("11-й", "этой", True),  # "стартует 11-й Саммит этой организации"
        (":", "you", False),  # "Nazarbayev: Thank you, Mr Putin": a turn's first word
        ("с", "о", False),  # "подписали с ним Соглашение о сотрудничестве": a document's name
    ],
)
def test_a_lone_capitalized_trigger_is_no_name(before, after, lone):
    assert lone_capital(before, after, {"of", "о"}) is lone
