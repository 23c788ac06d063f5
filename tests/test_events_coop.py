"""Cooperate with a named object (bilat.extract.events.coop), table-driven: plain values in, plain values
out; the tables of cue words are the project's own data files."""

from __future__ import annotations

import pytest

from bilat.extract.events.coop import (
    cooperation_has_object,
    nested,
    placed_in_state,
    topic_of_talks,
    vague_object,
)
from bilat.extract.events.tables import tables

EN = tables("en").coop
RU = tables("ru").coop


@pytest.mark.parametrize(
    "cues, trigger, anchor, verb, deps, project, want",
    [
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
        # what is stood for or said together is no joint work (en_ru-cn_02, en_cn-kz_01)
        (EN, "jointly", "safeguard", True, [("dobj", "")], False, False),
        (EN, "jointly", "advocate", True, [("dobj", "")], False, False),
        # «совместно разрабатывать месторождение», not «будем совместно работать в интересах …»
        (RU, "совместно", "разрабатывать", True, [("obj", "")], False, True),
        (RU, "совместно", "работать", True, [("obl", "в")], False, False),
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
    ],
)
def test_cooperation_has_object(cues, trigger, anchor, verb, deps, project, want):
    assert cooperation_has_object(trigger, anchor, verb, deps, project, cues) is want


@pytest.mark.parametrize(
    "cues, trigger, verb, deps, project, near, want",
    [
        # "projects are being implemented": a project carried out
        (EN, "implement", True, [("nsubjpass", "")], False, ["number", "project", "scale"], True),
        # "implement the agreements": no project, whatever its object
        (EN, "implement", True, [("dobj", "")], False, ["agreement"], False),
        # "the implementation of the Baiterek project" named
        (EN, "implementation", False, [("prep", "of")], True, [], True),
        # "реализовали ряд крупных проектов"
        (RU, "реализовать", True, [("obj", "")], False, ["ряд", "проект"], True),
        # "реализация договоренностей", "реализация в сфере энергетики": no project
        (RU, "реализация", False, [("nmod", "")], False, ["договоренность"], False),
        (RU, "реализация", False, [("nmod", "в")], False, ["сфера"], False),
    ],
)
def test_carrying_out_needs_a_project(cues, trigger, verb, deps, project, near, want):
    assert cooperation_has_object(trigger, trigger, verb, deps, project, cues, near) is want


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_carrying_out_words_are_cooperate_triggers(lang):
    t = tables(lang)
    coop_words = {r.words[0].text for r in t.triggers if r.cls == "Cooperate" and len(r.words) == 1}
    assert t.coop.carry and t.coop.carry <= coop_words
    assert t.coop.carried and not t.coop.carry & t.coop.generic


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cooperation_cues_name_cooperate_triggers(lang):
    t = tables(lang)
    coop_words = {r.words[0].text for r in t.triggers if r.cls == "Cooperate" and len(r.words) == 1}
    assert t.coop.generic and t.coop.generic <= coop_words
    assert t.coop.preps and t.coop.objects


@pytest.mark.parametrize(
    "heads, want",
    [
        # "discussed prospects for strengthening bilateral cooperation"
        (
            [
                ("pcomp", "VERB", False),
                ("pobj", "ADP", False),
                ("prep", "NOUN", False),
                ("dobj", "VERB", True),
            ],
            True,
        ),
        # "обсудили ряд вопросов сотрудничества": вопросов, ряд, обсудили
        ([("nmod", "NOUN", False), ("nmod", "NOUN", False), ("obj", "VERB", True)], True),
        # "talks on cooperation in energy"
        ([("pobj", "ADP", False), ("prep", "NOUN", True)], True),
        # a long list of fields: conjuncts count as no step
        ([("conj", "NOUN", False)] * 6 + [("acomp", "VERB", False), ("dobj", "VERB", True)], True),
        # "consultations help strengthen cooperation": the talks are the subject, not above it
        ([("dobj", "VERB", False), ("xcomp", "VERB", False), ("ccomp", "VERB", False)], False),
        # a clause of its own between: "the talks, after which the sides cooperated"
        ([("advcl", "VERB", True)], False),
        # too far above
        ([("nmod", "NOUN", False)] * 4 + [("obj", "VERB", True)], False),
        ([], False),
    ],
)
def test_topic_of_talks(heads, want):
    assert topic_of_talks(heads) is want


@pytest.mark.parametrize(
    "cues, noun, modifiers, want",
    [
        # "strengthening cooperation in all areas", "across various sectors"
        (EN, "area", ["all"], True),
        (EN, "sector", ["various"], True),
        # "in the field of transportation and energy": a field named
        (EN, "field", ["the", "of"], False),
        # "cooperation in energy"
        (EN, "energy", [], False),
        # "взаимодействие по всем направлениям", "во всех сферах"
        (RU, "направление", ["весь"], True),
        (RU, "сфера", ["весь"], True),
        # "в торгово-экономической сфере"
        (RU, "сфера", ["торгово-экономический"], False),
        # "deepen mutually beneficial cooperation on all fronts", "in political, economic … and
        # other spheres"
        (EN, "front", ["all"], True),
        (EN, "sphere", ["political", "economic", "other"], True),
        (RU, "сфера", ["политический", "другой"], True),
        # where states act together names no field: "coordination on the international arena",
        # "collaboration in international forums", "на международных площадках"
        (EN, "arena", ["the", "international"], True),
        (EN, "forum", ["international"], True),
        (RU, "площадка", ["международный"], True),
        (RU, "арена", ["международный"], True),
        # "стратегическое партнерство КНР и Казахстана на встрече": where it was spoken of
        (RU, "встреча", [], True),
        # "cooperation in international trade": a field
        (EN, "trade", ["international"], False),
    ],
)
def test_vague_object(cues, noun, modifiers, want):
    assert vague_object(noun, modifiers, cues) is want


@pytest.mark.parametrize(
    "words, classes, want",
    [
        # "German direct investments in Kazakhstan", "the largest investor in the Kazakh economy"
        (["investment", "in"], ["Country"], True),
        (["investor", "in"], ["Country"], True),
        # "investments in Paks"
        (["investment", "in"], ["City"], True),
        # "ready to invest in its modernisation", "investors engaged in exploration"
        (["invest", "in"], [], False),
        (["investor", "in"], ["Organization"], False),
        # other Cooperate triggers are not decided here
        (["transit"], [], True),
    ],
)
def test_capital_placed_in_a_state(words, classes, want):
    assert placed_in_state(words, classes, EN) is want


@pytest.mark.parametrize(
    "words, want",
    [
        # "collaborating (3) on the construction of the segment, which will facilitate transit (9)"
        ([(3, frozenset({3, 4, 5, 9})), (9, frozenset({9}))], {1}),
        # two cooperation words of one clause, neither below the other: both events
        ([(3, frozenset({3, 4})), (8, frozenset({8, 9}))], set()),
        # "joint (2) venture (3)" with its anchor's phrase holding the other's word and back: kept
        ([(2, frozenset({2, 3})), (3, frozenset({2, 3}))], set()),
        # one word alone
        ([(5, frozenset({5}))], set()),
    ],
)
def test_nested_cooperation_is_one_work(words, want):
    assert nested(words) == want
