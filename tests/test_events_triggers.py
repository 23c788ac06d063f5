"""The candidates of a unit (bilat.extract.events.triggers.candidates) against what pass 2 has
reported before (``records.Reported``), table-driven over a hand-built tree: a meeting noun that
refers back to talks reported is no new event, and the Consult modes found are returned noted."""

from __future__ import annotations

import pytest
from events_trees import held_talks, tree

from bilat.extract.events.records import Reported, Said
from bilat.extract.events.triggers import candidates, lone_capital, modifiers, predicate_noun, visit_row

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


# "the company is a joint venture": the noun is what its subject is (attr); "КТК - это совместное
# предприятие": a noun with a subject of its own; "they set up a joint venture": an object
COMPANY_IS = tree(
    "the 1 det DET\ncompany 2 nsubj NOUN\nis 2 ROOT AUX be\n"
    "a 5 det DET\njoint 5 amod ADJ\nventure 2 attr NOUN"
)
KTK_IS = tree("КТК 3 nsubj PROPN\nэто 3 expl PART\nсовместное 3 amod ADJ\nпредприятие 3 ROOT NOUN", lang="ru")
SET_UP = tree(
    "they 1 nsubj PRON\nset 1 ROOT VERB\nup 1 prt ADP\na 5 det DET\njoint 5 amod ADJ\nventure 1 dobj NOUN"
)


@pytest.mark.parametrize("doc, i, want", [(COMPANY_IS, 5, True), (KTK_IS, 3, True), (SET_UP, 5, False)])
def test_predicate_noun(doc, i, want):
    assert predicate_noun(doc[i]) is want


# "in political, economic and other spheres": "other" is a conjunct of a conjunct of "political"
SPHERES = tree(
    "in 0 ROOT ADP\npolitical 5 amod ADJ\n, 1 punct PUNCT\neconomic 1 conj ADJ\nand 3 cc CCONJ\n"
    "spheres 0 pobj NOUN\nother 3 conj ADJ"
)


def test_modifiers_hold_the_conjuncts_of_a_modifier():
    assert sorted(t.text for t in modifiers(SPHERES[5])) == ["economic", "other", "political"]
