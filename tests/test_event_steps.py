"""The pure steps of the events stage (bilat.extract.event_steps), table-driven: plain values
in, plain values out; the tables of cue words are the project's own data files."""
from __future__ import annotations

import pytest

from bilat.extract.event_steps import Typed, cooperation_has_object, is_headline, restatements
from bilat.extract.events import tables

EN = tables("en").coop
RU = tables("ru").coop


@pytest.mark.parametrize("cues, trigger, anchor, verb, deps, project, want", [
    # "strengthen bilateral cooperation": a generic noun, nothing named
    (EN, "cooperation", "cooperation", False, [("amod", "")], False, False),
    # "comprehensive strategic partnership"
    (EN, "partnership", "partnership", False, [("amod", ""), ("amod", "")], False, False),
    # "cooperation in energy and aerospace"
    (EN, "cooperation", "cooperation", False, [("prep", "in")], False, True),
    # "collaborating on the construction of the railway"
    (EN, "collaborate", "collaborate", True, [("prep", "on")], False, True),
    # "China is ready to cooperate with Russia": a partner, not an object
    (EN, "cooperate", "cooperate", True, [("prep", "with")], False, False),
    # "a joint venture"
    (EN, "joint", "venture", False, [("det", "")], False, True),
    # "a joint focus"
    (EN, "joint", "focus", False, [("det", "")], False, False),
    # "to jointly develop a section of the highway"
    (EN, "jointly", "develop", True, [("dobj", "")], False, True),
    # "the Baiterek joint project" / a project named in the phrase
    (EN, "cooperation", "cooperation", False, [], True, True),
    # "Russia's nuclear cooperation with Kazakhstan": a field named by an adjective
    (EN, "cooperation", "cooperation", False, [("amod", "nuclear"), ("prep", "with")], False, True),
    # "cooperation within the CIS"
    (EN, "cooperation", "cooperation", False, [("prep", "within")], False, True),
    # "тесно координируют подходы в ООН": a verb with its object
    (RU, "координировать", "координировать", True, [("obj", ""), ("advmod", "")], False, True),
    # concrete triggers need nothing more
    (EN, "transit", "transit", False, [], False, True),
    # "сотрудничество в сфере энергетики"
    (RU, "сотрудничество", "сотрудничество", False, [("nmod", "в")], False, True),
    # "стратегическое партнерство"
    (RU, "партнерство", "партнерство", False, [("amod", "")], False, False),
    # "совместный проект"
    (RU, "совместный", "проект", False, [], False, True),
    (RU, "товарооборот", "товарооборот", False, [], False, True),
])
def test_cooperation_has_object(cues, trigger, anchor, verb, deps, project, want):
    assert cooperation_has_object(trigger, anchor, verb, deps, project, cues) is want


P = frozenset


@pytest.mark.parametrize("events, headline, want", [
    # "Putin met Tokayev … During the meeting, the sides discussed …": the second restates
    ([Typed(1, "Consult", "meet", None, P({"putin", "tokayev", "ru", "kz"})),
      Typed(2, "Consult", "meet", None, P({"ru", "kz"}))], None, {1}),
    # a new participant: a new meeting
    ([Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
      Typed(2, "Consult", "meet", None, P({"putin", "xi"}))], None, set()),
    # another mode: a phone call after a meeting is new
    ([Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
      Typed(2, "Consult", "phone", None, P({"putin", "tokayev"}))], None, set()),
    # a planned meeting is not a restatement of the one held
    ([Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
      Typed(2, "Consult", "meet", "planned", P({"putin", "tokayev"}))], None, set()),
    # the headline gives way to the lead that tells the same meeting
    ([Typed(0, "Consult", "meet", None, P({"tokayev"})),
      Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}))], 0, {0}),
    # a headline with no body event of its kind stays
    ([Typed(0, "Consult", "phone", None, P({"tokayev", "putin"})),
      Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}))], 0, set()),
    # other classes are left alone
    ([Typed(1, "Agree", None, None, P({"ru", "kz"})),
      Typed(2, "Agree", None, None, P({"ru", "kz"}))], None, set()),
])
def test_restatements(events, headline, want):
    assert restatements(events, headline) == want


def test_a_forum_the_same_people_attend_is_no_restatement():
    restating = tables("en").words("restate")
    talks = Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}), trigger="talks")
    forum = Typed(2, "Consult", "meet", None, P({"putin", "tokayev"}), trigger="forum")
    discussed = Typed(3, "Consult", "meet", None, P({"putin"}), trigger="discuss")
    assert restatements([talks, forum, discussed], None, restating) == {2}


@pytest.mark.parametrize("first, newline, title, want", [
    ("President Tokayev has telephone conversation with Vladimir Putin", True, None, True),
    ("Vladimir Putin met at the Kremlin with President Nazarbayev.", True, None, False),
    ("Путин: Си Цзиньпин демонстрирует равноправный диалог", True, None, True),
    ("Putin met Tokayev", False, None, False),
    ("Putin met Tokayev.", False, "Putin met Tokayev.", True),
])
def test_is_headline(first, newline, title, want):
    assert is_headline(first, newline, title) is want


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cooperation_cues_name_cooperate_triggers(lang):
    t = tables(lang)
    coop_words = {r.words[0].text for r in t.triggers if r.cls == "Cooperate" and len(r.words) == 1}
    assert t.coop.generic and t.coop.generic <= coop_words
    assert t.coop.preps and t.coop.objects


@pytest.mark.parametrize("line, want", [
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
])
def test_turn_prefix(line, want):
    from bilat.extract.event_steps import turn_prefix

    assert turn_prefix(line) == want


@pytest.mark.parametrize("lines, want", [
    ([(0, 10, True), (11, 20, False), (21, 30, True)], [(0, 0, 20), (2, 21, 30)]),
    ([(0, 10, False), (11, 20, True), (21, 30, False)], [(1, 11, 20)]),
    ([(0, 10, False)], []),
])
def test_turn_spans(lines, want):
    from bilat.extract.event_steps import turn_spans

    assert turn_spans(lines) == want


@pytest.mark.parametrize("event, dropped", [
    # "We greatly appreciate this": one side only
    (Typed(0, "Support", participants=P({"russia"})), True),
    (Typed(0, "Support", participants=P({"putin", "nazarbayev"})), False),
    # a meeting may name one side ("Putin attended the parade")
    (Typed(0, "Consult", "meet", participants=P({"putin"})), False),
    (Typed(0, "Anniversary", participants=P({"russia"})), False),
    (Typed(0, "Agree", participants=P()), True),
    # a criticism may name only who voices it ("Russia summoned the Kazakh ambassador")
    (Typed(0, "Accuse", participants=P({"russia"})), False),
])
def test_lone(event, dropped):
    from bilat.extract.event_steps import lone

    assert lone([event]) == ({0} if dropped else set())
