"""Evaluations and appeals (``extract/events/evaluative.py``): table-driven, on the shapes of
real sentences of the dev corpus."""

from __future__ import annotations

import pytest

from bilat.extract.events.evaluative import (
    city_states,
    denies_a_charge,
    issuer_acts,
    names_your_state,
    unaddressed,
    voiced_in_clause,
)


@pytest.mark.parametrize(
    "direction, clause_verb, heads, expected",
    [
        # "В российском ведомстве назвали этот случай недружественным шагом" (ru_ru-md_02):
        # the evaluation is told in the reporting clause "назвали"
        ("speech", 3, [3], True),
        # "ноту вручили послу" after a statement elsewhere: an act, its agent told before
        ("subj>obj", 1, [9], False),
        # an evaluation in a clause of its own ("Высказывание содержало «безосновательные …»")
        ("speech", 1, [9], False),
        # an act in the reporting clause is not an evaluation
        ("subj>obj", 3, [3], False),
    ],
)
def test_voiced_in_clause(direction, clause_verb, heads, expected):
    assert voiced_in_clause(direction, clause_verb, heads) is expected


@pytest.mark.parametrize(
    "direction, source, agentless, issuers, expected",
    [
        # "the ambassador was protested …, the ministry said" (en_kz-ua_51): the issuer protested
        ("subj>obj", [], True, ["mfa-kz"], ["mfa-kz"]),
        # an act with its own subject keeps it
        ("subj>obj", ["russia"], True, ["mfa-kz"], ["russia"]),
        # an act in the active voice with no subject found stays without a source
        ("subj>obj", [], False, ["mfa-kz"], []),
        # an evaluation has its own rule (the speaker voices it)
        ("speech", [], True, ["mfa-kz"], []),
        # no statement reports it: no one
        ("subj>obj", [], True, [], []),
    ],
)
def test_issuer_acts(direction, source, agentless, issuers, expected):
    assert issuer_acts(direction, source, agentless, issuers) == expected


DAT = "Animacy=Inan|Case=Dat|Gender=Neut|Number=Sing"


@pytest.mark.parametrize(
    "cls, target, dependents, expected",
    [
        # "Our countries are trusted allies, stated Tokayev, urging to move forward." (en_kz-tj_01)
        ("Request", [], [("xcomp", ""), ("punct", "")], True),
        # "The sides also called for the intensification of interregional exchanges." (en_uz-cn_01)
        ("Request", [], [("nsubj", ""), ("advmod", ""), ("prep", ""), ("punct", "")], True),
        # "ранее по просьбе Астаны поставляли больше воды" (ru_kz-kg_04): the noun's owner only
        ("Request", [], [("nmod", "Case=Gen")], True),
        # "Kassym-Jomart Tokayev instructed the government to prepare proposals."
        ("Request", [], [("nsubj", ""), ("dobj", ""), ("xcomp", "")], False),
        # "Касым-Жомарт Токаев поручил правительству подготовить предложения."
        ("Request", [], [("nsubj", "Case=Nom"), ("iobj", DAT), ("xcomp", "")], False),
        ("Request", [], [("nsubj", "Case=Nom"), ("obl", DAT), ("xcomp", "")], False),
        # "ordered them to leave the country" (en_ru-de_01)
        ("Request", [], [("nsubj", ""), ("dobj", ""), ("xcomp", "")], False),
        # an appeal with its addressee found
        ("Request", ["ministry-of-agriculture-of-kazakhstan"], [("prep", "")], False),
        # a demand is an event whoever it is pressed on
        ("Demand", [], [("xcomp", "")], False),
        ("Support", [], [], False),
    ],
)
def test_unaddressed(cls, target, dependents, expected):
    assert unaddressed(cls, target, dependents) is expected


CLASSES = {
    "moscow": "City",
    "washington": "City",
    "astana": "City",
    "russia": "Country",
    "united-states": "Country",
    "gulshara-abdykalikova": "Person",
    "sergey-ryabkov": "Person",
}
STATES = {
    "moscow": "russia",
    "washington": "united-states",
    "astana": "kazakhstan",
    "russia": "russia",
    "united-states": "united-states",
    "gulshara-abdykalikova": "kazakhstan",
    "sergey-ryabkov": "russia",
}


@pytest.mark.parametrize(
    "sides, expected",
    [
        # "российская сторона сожалеет о позиции Вашингтона" (ru_ru-us_01)
        (["russia", "washington"], ["united-states"]),
        # "commended … cooperation between Astana and Moscow" (en_ru-kz_12)
        (["gulshara-abdykalikova", "astana", "moscow"], ["kazakhstan", "russia"]),
        # no city among the sides
        (["sergey-ryabkov", "united-states"], []),
        ([], []),
    ],
)
def test_city_states(sides, expected):
    assert city_states(sides, CLASSES, STATES) == expected


DENY = frozenset({"reject", "deny", "dismiss", "отвергнуть", "отрицать"})
CHARGE = frozenset({"accusation", "allegation", "involvement", "обвинение", "причастность"})
W = frozenset


@pytest.mark.parametrize(
    "cls, trigger, objects, governor, expected",
    [
        # "He rejected Finland's accusations against Russian border guards." (en_ru-fi_01)
        ("Reject", W({"rejected", "reject"}), [W({"accusations", "accusation"})], None, True),
        ("Accuse", W({"accusations", "accusation"}), [], W({"rejected", "reject"}), True),
        # "“We reject such accusations,” Peskov said" (en_ru-fi_01)
        ("Accuse", W({"accusations", "accusation"}), [], W({"reject"}), True),
        # "Russia has denied any involvement in Moldova’s internal affairs" (en_ru-md_02)
        ("Reject", W({"denied", "deny"}), [W({"involvement"})], None, True),
        # "Заявления Киева, отрицающие причастность ВСУ к атаке" (ru_ru-ua_02)
        ("Reject", W({"отрицающие", "отрицать"}), [W({"причастность"})], None, True),
        # a refusal of talks stays one ("The Armenian side refused the third meeting", en_am-az_02)
        ("Reject", W({"refused", "refuse"}), [W({"meeting"})], None, False),
        # "Finland had earlier accused Russian border guards" (en_ru-fi_01): an accusation
        ("Accuse", W({"accused", "accuse"}), [W({"guards", "guard"})], None, False),
        # accusations voiced, not denied ("попытки обвинить Москву")
        ("Accuse", W({"accusations", "accusation"}), [], W({"make"}), False),
        ("Support", W({"denied", "deny"}), [W({"involvement"})], None, False),
    ],
)
def test_denies_a_charge(cls, trigger, objects, governor, expected):
    assert denies_a_charge(cls, trigger, objects, governor, DENY, CHARGE) is expected


SECOND = W({"your", "ваш"})
STATE_NOUNS = W({"country", "nation", "страна", "государство"})


@pytest.mark.parametrize(
    "head, children, expected",
    [
        # "Your country has been supporting Kazakhstan since the first days of Independence." (en_kz-ae_01)
        (W({"country"}), [W({"your"})], True),
        # "The entire international community respects your country" (en_kz-tr_01)
        (W({"country"}), [W({"your"})], True),
        # "Ваша страна …"
        (W({"страна"}), [W({"ваша", "ваш"})], True),
        # "our country": the speaker's, read elsewhere (first person)
        (W({"country"}), [W({"our"})], False),
        # "your visit" is a visit
        (W({"visit"}), [W({"your"})], False),
        (W({"country"}), [W({"the"}), W({"host"})], False),
    ],
)
def test_names_your_state(head, children, expected):
    assert names_your_state(head, children, SECOND, STATE_NOUNS) is expected
