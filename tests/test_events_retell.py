"""Events told twice in one clause (bilat.extract.events.retell), table-driven: plain values in,
indexes out. The rows are the shapes of real sentences of the dev corpus (tests/corpus)."""

from __future__ import annotations

import pytest

from bilat.extract.events.retell import (
    Told,
    headline_said_again,
    one_talk_per_clause,
    one_voice,
    one_voice_per_clause,
)

P = frozenset


@pytest.mark.parametrize(
    "statements, want",
    [
        # en_kz-de_02 "President Tokayev, he said, had presented him with his plans …": "said" and
        # the clause's own cue, one speaker: one statement (the longer evidence stays)
        ([Told(4, P({"scholz"}), 180), Told(4, P({"scholz"}), 140)], {1}),
        # ru_kz-kg_02 "Как сообщила в субботу пресс-служба Токаева, он также выразил готовность …"
        ([Told(3, P({"tokayev"}), 120), Told(3, P({"tokayev"}), 120)], {1}),
        # en_kz-tj_01 "…, stressed the Tajik President, adding …": "adding" took the persons around
        # him as speakers too; the one voice named stays
        ([Told(6, P({"rahmon", "tokayev", "kz", "tj"}), 200), Told(6, P({"rahmon"}), 200)], {0}),
        # ru_ru-kz_07 a quote and its "отметил", one speaker
        ([Told(9, P({"mishustin"}), 300, "В январе-октябре …"), Told(9, P({"mishustin"}), 150)], {1}),
        # two speakers of one clause are two statements ("Как рассказал Сыдыков, …, заявил представитель")
        ([Told(2, P({"sydykov"}), 100), Told(2, P({"gkns"}), 100)], set()),
        # one speaker in two sentences: two statements (the real-news gold often has both)
        ([Told(2, P({"lavrov"}), 100), Told(3, P({"lavrov"}), 100)], set()),
        # en_017 (regression) "Putin stressed that … "are bound by …", echoing an article …, in which he
        # described the two countries as "allies with a common future"": two quotes of their own
        (
            [Told(5, P({"putin"}), 250, "are bound by centuries"), Told(5, P({"putin"}), 250, "allies")],
            set(),
        ),
        # no speaker found: nothing to compare
        ([Told(1, P()), Told(1, P())], set()),
    ],
)
def test_one_voice_per_clause(statements, want):
    assert one_voice_per_clause(statements) == want


def test_one_voice_per_clause_leaves_out_dropped():
    told = [Told(4, P({"scholz"}), 180), Told(4, P({"scholz"}), 140)]
    assert one_voice_per_clause(told, gone={0}) == set()


@pytest.mark.parametrize(
    "a, b, want",
    [
        (Told(1, P({"putin"})), Told(1, P({"putin", "russia"})), True),
        (Told(1, P({"putin"})), Told(2, P({"putin"})), False),
        (Told(1, P({"putin"}), quote="a"), Told(1, P({"putin"})), True),
        (Told(1, P({"putin"}), quote="a"), Told(1, P({"putin"}), quote="b"), False),
    ],
)
def test_one_voice(a, b, want):
    assert one_voice(a, b) is want


GK = P({"gazprom", "kazakhstan"})
TALKS = P({"putin", "erdogan", "russia"})


@pytest.mark.parametrize(
    "events, want",
    [
        # en_ru-kz_04 "Gazprom is in talks with Kazakhstan …, Alexey Miller said … at a meeting"
        ([(1, "Consult", "meet", None, GK), (1, "Consult", "meet", None, GK | {"miller"})], {1}),
        # en_ru-tr_02 "Russia is open to negotiations …, Putin told Erdogan during a meeting in Sochi"
        ([(3, "Consult", "meet", None, TALKS), (3, "Consult", "meet", None, TALKS | {"black-sea"})], {1}),
        # en_ru-jp_01 "Tokyo expects to discuss … with Lavrov who is due to meet with … Kishida"
        (
            [
                (2, "Consult", "meet", "planned", P({"japan", "lavrov", "kishida"})),
                (2, "Consult", "meet", "planned", P({"japan", "lavrov", "kishida"})),
            ],
            {1},
        ),
        # a visit and the talks held during it stay two ("visited Moscow, where she discussed …")
        ([(1, "Consult", "visit", None, GK), (1, "Consult", "meet", None, GK)], set()),
        # held talks and planned ones stay two
        ([(1, "Consult", "meet", None, GK), (1, "Consult", "meet", "planned", GK)], set()),
        # talks with other parties in one clause stay two
        (
            [
                (1, "Consult", "meet", None, P({"lavrov", "wang"})),
                (1, "Consult", "meet", None, P({"lavrov", "asean"})),
            ],
            set(),
        ),
        # talks of two sentences are ``coref``'s, not this step's
        ([(1, "Consult", "meet", None, GK), (2, "Consult", "meet", None, GK)], set()),
        # other classes are left alone
        ([(1, "Agree", None, None, GK), (1, "Agree", None, None, GK)], set()),
    ],
)
def test_one_talk_per_clause(events, want):
    assert one_talk_per_clause(events) == want


def _told(unit, speakers, words):
    return Told(unit, P(speakers), words=P(words))


@pytest.mark.parametrize(
    "statements, lines, gone, want",
    [
        # ru_ru-uz_01 "Мирзиёев назвал ядерную энергетику стратегическим направлением сотрудничества
        # с РФ" / a body sentence of Mirziyoyev telling the same words: the body's stays
        (
            [
                _told(0, {"mirziyoyev"}, {"ядерный", "энергетика", "стратегический", "направление"}),
                _told(3, {"mirziyoyev"}, {"ядерный", "энергетика", "стратегический", "направление", "год"}),
            ],
            {0},
            (),
            {0},
        ),
        # en_ru-kz_09 a transcript's title, "Foreign Minister Sergey Lavrov's remarks …": nothing the
        # body tells again, the headline stays
        (
            [
                _told(0, {"lavrov"}, {"conference", "joint", "question", "talk"}),
                _told(4, {"lavrov"}, {"constructive", "talk", "videoconference"}),
            ],
            {0},
            (),
            set(),
        ),
        # ru_ru-cn_01 "Путин: Си Цзиньпин демонстрирует всему миру равноправный диалог …": the body
        # quotes other words of Putin's interview; the headline stays
        (
            [
                _told(0, {"putin"}, {"демонстрировать", "диалог", "равноправный", "партнер"}),
                _told(2, {"putin"}, {"визит", "успех", "резонанс", "партнер"}),
            ],
            {0},
            (),
            set(),
        ),
        # the same words from another speaker: both stay
        (
            [
                _told(0, {"peskov"}, {"атака", "резиденция", "утверждение"}),
                _told(2, {"zakharova"}, {"атака", "резиденция", "утверждение"}),
            ],
            {0},
            (),
            set(),
        ),
        # a subheadline (line 1) told again by the body, the headline (line 0) not
        (
            [
                _told(0, {"likhachev"}, {"пуск", "год"}),
                _told(1, {"likhachev"}, {"готовый", "гуманитарный", "помощь", "предоставить"}),
                _told(3, {"likhachev"}, {"готовый", "гуманитарный", "помощь", "бишкек"}),
            ],
            {0, 1},
            (),
            {1},
        ),
        # a body statement already dropped tells nothing
        (
            [
                _told(0, {"miller"}, {"интерес", "поставка", "газ"}),
                _told(2, {"miller"}, {"интерес", "поставка", "газ"}),
            ],
            {0},
            {1},
            set(),
        ),
        # two headline lines telling each other: no body, both stay
        (
            [
                _told(0, {"miller"}, {"интерес", "поставка", "газ"}),
                _told(1, {"miller"}, {"интерес", "поставка", "газ"}),
            ],
            {0, 1},
            (),
            set(),
        ),
        # a body statement with no speaker found tells nothing
        (
            [
                _told(0, {"miller"}, {"интерес", "поставка", "газ"}),
                _told(2, set(), {"интерес", "поставка", "газ"}),
            ],
            {0},
            (),
            set(),
        ),
    ],
)
def test_headline_said_again(statements, lines, gone, want):
    assert headline_said_again(statements, lines, gone) == want
