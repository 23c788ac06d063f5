"""Merging events and candidates (bilat.extract.events.merge), table-driven: values in, new
values out, the inputs left as they were."""

from __future__ import annotations

import dataclasses

import pytest
from events_trees import tree

from bilat.extract.events.merge import (
    absorb,
    candidates,
    framed_by_reported,
    linked,
    one_node_each,
    one_per_family,
    persons_announced,
    purpose_of_visit,
    same_clause,
    same_voice,
    told_again,
    topics_give_way,
    uniq,
    uniq_args,
)
from bilat.extract.events.records import Cand
from bilat.extract.events.tables import TriggerRow, _seq
from bilat.extract.records import Event


def ev(cls="Consult", start=0, **kw):
    return Event(
        cls=cls,
        trigger="t",
        start=start,
        end=start + 1,
        evidence="e",
        sentence_start=0,
        sentence_end=10,
        **kw,
    )


@pytest.mark.parametrize(
    "events, into, want",
    [
        # the lead names the accuser, the quote the accused: the lead stays with both
        (
            [
                ev("Accuse", participants=("russia",), source=("russia",)),
                ev("Accuse", start=5, participants=("peskov", "pashinyan"), target=("pashinyan",)),
            ],
            {1: 0},
            ev(
                "Accuse",
                participants=("russia", "peskov", "pashinyan"),
                source=("russia",),
                target=("pashinyan",),
            ),
        ),
        # the one that stays keeps its own source and date; the other's source is no target
        (
            [
                ev("Support", date="2024-09-18", participants=("xi", "china"), source=("xi",)),
                ev(
                    "Support",
                    start=5,
                    date="2024-09-17",
                    participants=("china", "kz"),
                    source=("china",),
                    target=("xi", "kz"),
                ),
            ],
            {1: 0},
            ev(
                "Support",
                date="2024-09-18",
                participants=("xi", "china", "kz"),
                source=("xi",),
                target=("kz",),
            ),
        ),
    ],
)
def test_absorb(events, into, want):
    before = list(events)
    out = absorb(events, into)
    assert out[0] == want
    assert out[1] == events[1] and events == before


@pytest.mark.parametrize(
    "into, want",
    [
        # "Putin met Tokayev. … The sides discussed …": the second words are a mention of the first
        ({1: 0}, [((5, 6),), (), ()]),
        # a headline restated by the body's lead, the lead by a later sentence: all on the lead
        ({0: 1, 2: 1}, [(), ((0, 1), (9, 10)), ()]),
        # a chain: told again of one told again, on the one that stays
        ({2: 1, 1: 0}, [((5, 6), (9, 10)), (), ()]),
        # a cycle has no report that stays: nothing added
        ({0: 1, 1: 0}, [(), (), ()]),
        ({}, [(), (), ()]),
    ],
)
def test_told_again(into, want):
    events = [ev(participants=("putin", "tokayev")), ev(start=5), ev(start=9)]
    before = list(events)
    out = told_again(events, into)
    assert [e.told_again for e in out] == want
    assert [e.start for e in out] == [0, 5, 9] and events == before


@pytest.mark.parametrize(
    "into, want",
    [
        # the headline's talks name the two ministers, the body's "today's talks" the states
        ({0: 1}, ("russia", "thailand", "lavrov", "don")),
        # a person already there is not added twice; states of the headline are not added
        ({2: 1}, ("russia", "thailand", "lavrov")),
        ({}, ("russia", "thailand")),
    ],
)
def test_persons_announced(into, want):
    events = [
        ev(participants=("lavrov", "don", "thailand")),
        ev(start=5, participants=("russia", "thailand")),
        ev(start=9, participants=("lavrov", "kz")),
    ]
    before = list(events)
    out = persons_announced(events, into, lambda k: k in ("lavrov", "don"))
    assert out[1].participants == want
    assert out[0] == events[0] and events == before


def test_one_node_each_keeps_the_other_reports_as_mentions():
    a = ev(date="2021-11-08", participants=("putin", "tokayev"))
    b = ev(start=5, date="2021-11-08", participants=("tokayev", "putin"), told_again=((20, 21),))
    assert one_node_each([a, b])[0].told_again == ((5, 6), (20, 21))


def test_uniq_keeps_the_first_order():
    assert uniq(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
    assert uniq_args([("b", 5, 6), ("a", 0, 1), ("b", 5, 6)]) == [("a", 0, 1), ("b", 5, 6)]


@pytest.mark.parametrize(
    "events, n",
    [
        # two reports of one dated meeting: one node
        (
            [
                ev(date="2021-11-08", participants=("putin", "tokayev")),
                ev(start=5, date="2021-11-08", participants=("tokayev", "putin"), about=("baikonur",)),
            ],
            1,
        ),
        # undated: kept apart
        ([ev(participants=("putin",)), ev(start=5, participants=("putin",))], 2),
        # another mode: another node (the graph's IRI hashes the mode): a visit and the
        # talks held on its day
        (
            [
                ev(date="2018-05-31", mode="visit", participants=("lavrov", "kim")),
                ev(start=5, date="2018-05-31", mode="meet", participants=("lavrov", "kim")),
            ],
            2,
        ),
        # another context: another node
        (
            [
                ev(date="2021-11-08", participants=("putin",)),
                ev(start=5, date="2021-11-08", context="planned", participants=("putin",)),
            ],
            2,
        ),
        # statements are never merged
        (
            [
                ev("Statement", date="2021-11-08", speaker=("lavrov",)),
                ev("Statement", start=5, date="2021-11-08", speaker=("lavrov",)),
            ],
            2,
        ),
    ],
)
def test_one_node_each(events, n):
    out = one_node_each(events)
    assert len(out) == n
    if n == 1:
        assert out[0].start == 0 and "baikonur" in out[0].about


@pytest.mark.parametrize(
    "a, b, want",
    [
        (ev("Accuse", source=("ru",)), ev("Accuse", source=("ru",), target=("us",)), True),
        (ev("Accuse", source=("ru",), target=("kz",)), ev("Accuse", source=("ru",), target=("us",)), False),
        (ev("Accuse"), ev("Accuse"), False),
    ],
)
def test_same_voice(a, b, want):
    assert same_voice(a, b) is want


def test_same_clause():
    a = ev("Cooperate", participants=("ru",), about=("baikonur",))
    b = ev("Cooperate", start=5, participants=("kz",), date="2021")
    c = ev("Accuse", start=7, source=("ru",))
    d = ev("Accuse", start=9, source=("ru",), target=("us",))
    out = same_clause(
        [
            (a, frozenset({"ru"}), "-"),
            (b, frozenset({"ru"}), "-"),
            (c, frozenset({"x"}), "speech"),
            (d, frozenset({"y"}), "speech"),
        ]
    )
    assert [(e.cls, e.participants, e.date) for e in out] == [
        ("Cooperate", ("ru", "kz"), "2021"),
        ("Accuse", (), None),
    ]
    assert out[1].target == ("us",)
    assert a.participants == ("ru",)  # the inputs are not changed


ROW = TriggerRow(_seq("meet"), "Consult", "meet", "040", 1.0, "-", frozenset())
HOST = TriggerRow(_seq("host"), "Consult", "host", "042", 1.9, "host", frozenset())
# "Astana hosted the summit and a meeting"
DOC = tree("""
Astana 1 nsubj PROPN
hosted 1 ROOT VERB host
the 3 det DET
summit 1 dobj NOUN
and 3 cc CCONJ
talks 3 conj NOUN talk
""")


def cand(i, row, mode):
    return Cand(row, DOC[i], DOC[i], (DOC[i],), None, mode)


def test_linked():
    assert linked(cand(1, HOST, "host"), cand(3, ROW, "meet"))
    assert linked(cand(3, ROW, "meet"), cand(5, ROW, "meet"))  # "the summit and talks"
    assert not linked(cand(0, ROW, "meet"), cand(5, ROW, "meet"))


def test_candidates_host_takes_over_what_it_hosts():
    summit = cand(3, ROW, "meet")
    host = cand(1, HOST, "host")
    out = candidates([summit, host])
    assert len(out) == 1 and out[0].mode == "host" and out[0].row is HOST and out[0].head.i == 3
    assert summit.mode == "meet"  # the input candidate is not changed


def test_candidates_of_other_classes_or_contexts_stay_apart():
    other = dataclasses.replace(cand(1, HOST, "host"), context="planned")
    assert len(candidates([cand(3, ROW, "meet"), other])) == 2


@pytest.mark.parametrize(
    "classes, gone, dropped",
    [
        # "signed an Agreement on Strategic Cooperation", "agreed to cooperate on …"
        (["Agree", "Cooperate"], set(), {1}),
        # an agreement that is no event (restated, made before): the cooperation is the news
        (["Agree", "Cooperate"], {0}, set()),
        # "the sides discussed cooperation in energy": talks keep the cooperation they were about
        (["Consult", "Cooperate"], set(), set()),
        # "commended … cooperation between Astana and Moscow": the praise keeps its topic
        (["Support", "Cooperate"], set(), set()),
        (["Cooperate"], set(), set()),
        (["Consult", "Agree"], set(), set()),
    ],
)
def test_topics_give_way(classes, gone, dropped):
    assert topics_give_way([(0, c) for c in classes], gone) == dropped
    # another clause's agreement leaves a Cooperate alone
    assert topics_give_way([(0, "Agree"), (1, "Cooperate")]) == set()


# "Erdogan arrived in Sochi to meet Putin and held talks"
TRIP = tree("""
Erdogan 1 nsubj PROPN
arrived 1 ROOT VERB arrive
in 1 prep ADP
Sochi 2 pobj PROPN
to 5 aux PART
meet 1 advcl VERB
Putin 5 dobj PROPN
and 1 cc CCONJ
held 1 conj VERB hold
talks 8 dobj NOUN talk
""")
# "Делегация посетила Форум, прошедший в Уральске"
FORUM = tree(
    """
Делегация 1 nsubj NOUN делегация
посетила 1 ROOT VERB посетить
Форум 1 obj NOUN форум
""",
    "ru",
)


@pytest.mark.parametrize(
    "doc, visit, meeting, want",
    [
        (TRIP, 1, 5, True),  # "arrived … to meet": what the trip was for
        (TRIP, 1, 9, False),  # "and held talks": a clause of its own, two events
        (FORUM, 1, 2, True),  # "посетила Форум"
        (TRIP, 5, 1, False),
    ],
)
def test_purpose_of_visit(doc, visit, meeting, want):
    assert purpose_of_visit(doc[visit], doc[meeting]) is want


def test_candidates_the_meeting_a_trip_was_for_is_the_visit():
    visit = TriggerRow(_seq("arrive"), "Consult", "visit", "042", 1.9, "visit", frozenset())
    arrive = Cand(visit, TRIP[1], TRIP[1], (TRIP[1],), None, "visit")
    meet = Cand(ROW, TRIP[5], TRIP[5], (TRIP[5],), "planned", "meet")
    talks = Cand(ROW, TRIP[9], TRIP[9], (TRIP[9],), None, "meet")
    assert [c.head.i for c in candidates([arrive, meet, talks])] == [1, 9]
    # "arrived in Sochi to meet Putin": a meeting naming a person of its own stays
    assert [c.head.i for c in candidates([arrive, meet, talks], lambda c: c.head.i == 5)] == [1, 5, 9]


# "During the meeting, the sides discussed prospects"
FRAMED = tree("""
During 4 prep ADP
the 2 det DET
meeting 0 pobj NOUN
the 4 det DET
sides 5 nsubj NOUN side
discussed 5 ROOT VERB discuss
prospects 5 dobj NOUN prospect
""")


@pytest.mark.parametrize(
    "back_mode, verb_mode, want",
    [
        ("meet", "meet", True),  # the meeting reported before: what was discussed at it
        ("phone", "meet", True),  # "в ходе телефонного разговора обсудили …"
        ("visit", "meet", False),  # "during the visit, X discussed with Y": talks of their own
        (None, "meet", False),  # no meeting referring back: new talks
    ],
)
def test_framed_by_reported(back_mode, verb_mode, want):
    verb = Cand(ROW, FRAMED[5], FRAMED[5], (FRAMED[5],), None, verb_mode)
    back = [] if back_mode is None else [Cand(ROW, FRAMED[2], FRAMED[2], (FRAMED[2],), None, back_mode)]
    assert framed_by_reported(verb, back) is want


P = frozenset


@pytest.mark.parametrize(
    "events, gone, want",
    [
        # "The Russian Foreign Ministry stated that the political party had demanded the
        # expulsion of the Russian ambassador" (en_ru-md_02): the demand, not also a Sanction
        (
            [
                (3, "Demand", None, P({"mfa_ru", "embassy_ru"})),
                (3, "Sanction", None, P({"mfa_ru", "embassy_ru", "russia"})),
            ],
            (),
            {1},
        ),
        # "«безосновательные обвинения в адрес посла России, призывы к его высылке»" (ru_ru-md_02)
        (
            [
                (2, "Accuse", None, P({"mfa_ru", "russia"})),
                (2, "Sanction", None, P({"darii", "mfa_ru", "russia"})),
            ],
            (),
            {1},
        ),
        # another clause, or other parties: two events
        (
            [(2, "Accuse", None, P({"mfa_ru", "russia"})), (3, "Sanction", None, P({"mfa_ru", "russia"}))],
            (),
            set(),
        ),
        (
            [(2, "Accuse", None, P({"sandu", "russia"})), (2, "Accuse", None, P({"moldova", "party"}))],
            (),
            set(),
        ),
        # another context: "will not comment on the absolutely unacceptable wording …, but we
        # … will summon the ambassador" (en_ru-md_01)
        (
            [
                (2, "Accuse", "negated", P({"mfa_md", "russia"})),
                (2, "Accuse", "planned", P({"mfa_md", "russia"})),
            ],
            (),
            set(),
        ),
        # the note delivered is the purpose of the summons: one act ("Посол … вызван в МИД РФ для
        # вручения ноты", ru_ru-bg_61), whichever is told first
        (
            [
                (2, "Accuse", None, P({"mfa_ru", "bulgaria", "krastin"})),
                (2, "Accuse", "planned", P({"bulgaria", "mfa_ru", "krastin"})),
            ],
            (),
            {1},
        ),
        (
            [
                (2, "Accuse", "planned", P({"bulgaria", "mfa_ru", "krastin"})),
                (2, "Accuse", None, P({"mfa_ru", "bulgaria", "krastin"})),
            ],
            (),
            {0},
        ),
        # a planned act of another class beside one that happened stays (an accusation and the
        # expulsion it announces)
        (
            [
                (2, "Accuse", None, P({"mfa_ru", "bulgaria"})),
                (2, "Sanction", "planned", P({"mfa_ru", "bulgaria"})),
            ],
            (),
            set(),
        ),
        # a refusal and the pretext charged are two ("refused the third meeting, boycotting it
        # under various pretexts", en_am-az_02)
        (
            [
                (2, "Reject", None, P({"armenia", "azerbaijan"})),
                (2, "Accuse", None, P({"armenia", "azerbaijan"})),
            ],
            (),
            set(),
        ),
        # thanks for aid are two events ("thanking Tileuberdi for Kazakhstan's generous
        # humanitarian assistance"): Support and Aid are no family
        (
            [
                (1, "Support", None, P({"blinken", "tleuberdi"})),
                (1, "Aid", None, P({"kazakhstan", "tleuberdi"})),
            ],
            (),
            set(),
        ),
        # an event already dropped keeps no other out
        ([(3, "Demand", None, P({"a", "b"})), (3, "Sanction", None, P({"a", "b"}))], {0}, set()),
    ],
)
def test_one_per_family(events, gone, want):
    assert one_per_family(events, gone) == want


def test_a_sentence_printed_twice_is_one_report(extractor):
    from bilat.extract.records import Document

    lead = (
        "Russia has expelled several American diplomats from the US Embassy in Moscow, "
        "a State Department spokesperson has said."
    )
    text = lead + "\n\nMoscow: " + lead + " The embassy received the list on Wednesday."
    ex = extractor(Document(id="t", text=text, lang="en", date="2022-03-24"))
    assert len([e for e in ex.events if e.cls == "Statement"]) == 1
