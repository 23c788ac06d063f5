"""Coreference of events: restatements, headlines, lone sides (bilat.extract.events.coref), table-driven:
plain values in, plain values
out; the tables of cue words are the project's own data files."""

from __future__ import annotations

import pytest

from bilat.extract.dates import dateline_span
from bilat.extract.events.coref import (
    Typed,
    anniversary_sides,
    announces,
    counterpart_state,
    goes_on,
    headline_lines,
    headline_units,
    is_headline,
    lead_block,
    lone,
    one_state,
    other_side,
    restated,
    retold,
    tells_again,
)
from bilat.extract.events.tables import tables

P = frozenset


def restatements(*args, **kwargs) -> set[int]:
    """The indexes of the events ``restated`` folds into another (the set the tables compare)."""
    return set(restated(*args, **kwargs))


#: words of talks in either mode, for ``restated(any_mode=…)``: the step is built and tested but
#: the pipeline passes none (a "discussed" after a phone call is as often talks of their own)
ANY_MODE = P({"talk", "talks", "discuss", "discussion", "conversation", "переговоры", "обсудить", "беседа"})


@pytest.mark.parametrize(
    "events, headline, want",
    [
        # "Putin met Tokayev … During the meeting, the sides discussed …": the second restates
        (
            [
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev", "ru", "kz"})),
                Typed(2, "Consult", "meet", None, P({"ru", "kz"})),
            ],
            None,
            {1},
        ),
        # a new participant: a new meeting
        (
            [
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "meet", None, P({"putin", "xi"})),
            ],
            None,
            set(),
        ),
        # another mode: a phone call after a meeting is new
        (
            [
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "phone", None, P({"putin", "tokayev"})),
            ],
            None,
            set(),
        ),
        # a planned meeting with a date of its own is not a restatement of the one held
        (
            [
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "meet", "planned", P({"putin", "tokayev"}), date="2025-05"),
            ],
            None,
            set(),
        ),
        # the headline gives way to the lead that tells the same meeting
        (
            [
                Typed(0, "Consult", "meet", None, P({"tokayev"})),
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
            ],
            0,
            {0},
        ),
        # a headline with no body event of its kind stays
        (
            [
                Typed(0, "Consult", "phone", None, P({"tokayev", "putin"})),
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
            ],
            0,
            set(),
        ),
        # a headline of any class gives way to the body's event ("Russian, Kazakh presidents
        # sign joint declaration after talks")
        (
            [
                Typed(0, "Agree", None, None, P({"putin", "tokayev"})),
                Typed(2, "Agree", None, None, P({"putin", "tokayev", "ru", "kz"})),
            ],
            0,
            {0},
        ),
        # … but not to a body event of another class or a planned one
        (
            [
                Typed(0, "Agree", None, None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "meet", None, P({"putin", "tokayev"})),
                Typed(3, "Agree", None, "planned", P({"putin", "tokayev"})),
            ],
            0,
            set(),
        ),
        # a headline announcing planned talks gives way to the body's planned talks
        # ("Переговоры с Абашидзе в Праге продолжит Карасин", ru_ru-ge_01) …
        (
            [
                Typed(0, "Consult", "meet", "planned", P({"karasin", "abashidze"})),
                Typed(2, "Consult", "meet", "planned", P({"karasin", "abashidze", "ru", "ge"})),
            ],
            0,
            {0},
        ),
        # … not to talks held
        (
            [
                Typed(0, "Consult", "meet", "planned", P({"karasin", "abashidze"})),
                Typed(2, "Consult", "meet", None, P({"karasin", "abashidze"})),
            ],
            0,
            set(),
        ),
        # a subheadline is a headline too (ru_ru-by_02, ru_ru-kp_01, en_ru-jp_01)
        (
            [
                Typed(1, "Agree", None, None, P({"lukashenko", "putin", "union-state"})),
                Typed(4, "Agree", None, None, P({"lukashenko", "putin"})),
            ],
            frozenset({0, 1}),
            {0},
        ),
        # other classes are left alone
        (
            [Typed(1, "Agree", None, None, P({"ru", "kz"})), Typed(2, "Agree", None, None, P({"ru", "kz"}))],
            None,
            set(),
        ),
    ],
)
def test_restatements(events, headline, want):
    assert restatements(events, headline) == want


def test_a_forum_the_same_people_attend_is_no_restatement():
    restating = tables("en").words("restate")
    talks = Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}), trigger="talks")
    forum = Typed(2, "Consult", "meet", None, P({"putin", "tokayev"}), trigger="forum")
    discussed = Typed(3, "Consult", "meet", None, P({"putin"}), trigger="discuss")
    assert restatements([talks, forum, discussed], None, restating) == {2}


@pytest.mark.parametrize(
    "lang, later, restated",
    [
        # "Состоялся телефонный разговор Токаева с Мирзиёевым. … Главы государств обсудили …"
        ("ru", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev", "kz", "uz"}), "обсудить"), True),
        # "… had a phone conversation … The leaders discussed …"
        ("en", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "discuss"), True),
        # "в ходе беседы" after the call
        ("ru", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "беседа"), True),
        # a meeting after a phone call is a new event
        ("en", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "meeting"), False),
        ("ru", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "встреча"), False),
        # talks on another day are other talks
        (
            "en",
            Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "talk", date="2024-05-03"),
            False,
        ),
        # "this year" is no other day
        ("en", Typed(3, "Consult", "meet", None, P({"tokayev", "mirziyoyev"}), "talk", date="2024"), True),
    ],
)
def test_talks_words_restate_a_phone_call(lang, later, restated):
    tab = tables(lang)
    call = Typed(
        2, "Consult", "phone", None, P({"tokayev", "mirziyoyev", "akorda"}), "phone", date="2024-05-02"
    )
    got = restatements([call, later], None, tab.words("restate"), P({"kz", "uz"}), ANY_MODE)
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "later, restated",
    [
        # "During his meeting with Lavrov today, he reviewed the India-Russia relationship"
        (Typed(2, "Consult", "meet", None, P({"jaishankar", "lavrov", "india", "russia"}), "meeting"), True),
        # a state none of the persons belongs to is a new participant
        (Typed(2, "Consult", "meet", None, P({"jaishankar", "lavrov", "china"}), "meeting"), False),
    ],
)
def test_the_states_of_its_persons_are_no_new_participant(later, restated):
    talks = Typed(
        0,
        "Consult",
        "meet",
        None,
        P({"jaishankar", "lavrov", "russia"}),
        "talk",
        states=P({"india", "russia"}),
    )
    got = restatements([talks, later], None, tables("en").words("restate"), P({"russia", "ukraine"}))
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "later, restated",
    [
        # "In a statement, the Armenian Foreign Ministry said Mirzoyan and Amir Abdollahian had a
        # detailed discussion …": the ministry reports the talks
        (
            Typed(
                2,
                "Consult",
                "meet",
                None,
                P({"mirzoyan", "amir", "mfa-am"}),
                "discussion",
                voices=P({"mfa-am"}),
            ),
            True,
        ),
        # "Thursday's talks also covered …, according to Myanmar's National Defence and Security Council"
        (
            Typed(2, "Consult", "meet", None, P({"myanmar", "ndsc", "russia"}), "talks", voices=P({"ndsc"})),
            True,
        ),
        # the same body named as a party, not as the voice of a report, is a new participant
        (Typed(2, "Consult", "meet", None, P({"mirzoyan", "amir", "mfa-am"}), "discussion"), False),
        # a voice does not hide another new participant
        (
            Typed(
                2,
                "Consult",
                "meet",
                None,
                P({"mirzoyan", "lavrov", "mfa-am"}),
                "meeting",
                voices=P({"mfa-am"}),
            ),
            False,
        ),
    ],
)
def test_the_bodies_that_report_talks_are_no_new_participant(later, restated):
    talks = Typed(0, "Consult", "meet", None, P({"mirzoyan", "amir", "myanmar", "russia"}), "talks")
    got = restatements([talks, later], None, tables("en").words("restate"), P({"armenia", "iran"}))
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "later, restated",
    [
        # "Mirziyoyev's visit will give impetus to …" on the day of the visit: the visit told again
        (
            Typed(3, "Consult", "visit", "planned", P({"mirziyoyev", "kazakhstan"}), "visit", governed=True),
            True,
        ),
        # planned by a cue of its own ("the upcoming visit") or told as what is planned: another
        (Typed(3, "Consult", "visit", "planned", P({"mirziyoyev", "kazakhstan"}), "visit"), False),
        # a date of its own: another visit
        (
            Typed(
                3,
                "Consult",
                "visit",
                "planned",
                P({"mirziyoyev", "kazakhstan"}),
                "visit",
                date="2024-10",
                governed=True,
            ),
            False,
        ),
    ],
)
def test_a_visit_planned_only_by_its_verb_is_the_visit_told(later, restated):
    visit = Typed(1, "Consult", "visit", None, P({"mirziyoyev", "kazakhstan"}), "visit", date="2024-08-08")
    got = restatements([visit, later], None, tables("en").words("restate"), P({"kazakhstan", "uzbekistan"}))
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "later_place, later_state, restated",
    [
        # "свой первый зарубежный визит я совершаю именно в Казахстан" after the arrival in Astana
        ("kazakhstan", None, True),
        ("astana", "kazakhstan", True),
        # another city, or another state: another visit
        ("almaty", "kazakhstan", False),
        ("uzbekistan", None, False),
    ],
)
def test_the_state_a_city_lies_in_is_no_other_place(later_place, later_state, restated):
    arrival = Typed(
        0,
        "Consult",
        "visit",
        None,
        P({"medvedev", "kazakhstan"}),
        "прибыть",
        place="astana",
        place_state="kazakhstan",
    )
    later = Typed(
        2,
        "Consult",
        "visit",
        None,
        P({"medvedev", "kazakhstan"}),
        "визит",
        place=later_place,
        place_state=later_state,
    )
    got = restatements([arrival, later], None, tables("ru").words("restate"), P({"russia", "kazakhstan"}))
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "first, later, restated",
    [
        # "Erdogan meets Putin in Sochi … Erdogan and Putin will discuss regional issues"
        (
            Typed(0, "Consult", "meet", None, P({"erdogan", "putin"}), "meet"),
            Typed(5, "Consult", "meet", "planned", P({"erdogan", "putin"}), "discuss"),
            True,
        ),
        # … but a planned meeting after the one held may be the next one ("will meet again")
        (
            Typed(0, "Consult", "meet", None, P({"erdogan", "putin"}), "meet"),
            Typed(6, "Consult", "meet", "planned", P({"erdogan", "putin"}), "meeting"),
            False,
        ),
        # "Путин и Лукашенко начали переговоры … Главы государств планировали обсудить …"
        (
            Typed(1, "Consult", "meet", None, P({"putin", "lukashenko"}), "переговоры"),
            Typed(5, "Consult", "meet", "planned", P({"putin", "lukashenko", "ru", "by"}), "обсудить"),
            True,
        ),
        # "Lavrov will hold talks with Mongolia's foreign minister … will have a detailed discussion"
        (
            Typed(2, "Consult", "meet", "planned", P({"lavrov", "batmunkh"}), "talk"),
            Typed(4, "Consult", "meet", "planned", P({"lavrov", "batmunkh"}), "discussion"),
            True,
        ),
        # a planned meeting with a date of its own after the one held: another ("will meet in May")
        (
            Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}), "meet"),
            Typed(3, "Consult", "meet", "planned", P({"putin", "tokayev"}), "meet", date="2025-05"),
            False,
        ),
        # held talks after planned ones are not their restatement
        (
            Typed(1, "Consult", "meet", "planned", P({"putin", "tokayev"}), "talk"),
            Typed(3, "Consult", "meet", None, P({"putin", "tokayev"}), "talk"),
            False,
        ),
        # another place: another meeting
        (
            Typed(1, "Consult", "meet", None, P({"putin", "tokayev"}), "talk", place="moscow"),
            Typed(3, "Consult", "meet", None, P({"putin", "tokayev"}), "meeting", place="astana"),
            False,
        ),
        # "Путин прилетел в Улан-Батор в понедельник … Во вторник глава РФ приехал": one visit
        (
            Typed(0, "Consult", "visit", None, P({"putin", "mongolia"}), "visit", date="2019-09-02"),
            Typed(2, "Consult", "visit", None, P({"putin", "mongolia"}), "visit", date="2019-09-03"),
            True,
        ),
        # "His previous visit, in October 2023": another visit
        (
            Typed(0, "Consult", "visit", None, P({"putin", "kyrgyzstan"}), "visit", date="2025-11-25"),
            Typed(2, "Consult", "visit", None, P({"putin", "kyrgyzstan"}), "visit", date="2023-10"),
            False,
        ),
    ],
)
def test_planned_and_dated_restatements(first, later, restated):
    restating = tables("en").words("restate") | tables("ru").words("restate")
    agenda = tables("en").words("restate_agenda") | tables("ru").words("restate_agenda")
    got = restatements([first, later], None, restating, P({"ru", "by"}), agenda=agenda)
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "head, body, gives_way",
    [
        # held talks in the headline do not give way to talks the body plans (the next round)
        (
            Typed(0, "Consult", "meet", None, P({"tokayev", "kz", "moscow"}), "переговоры"),
            Typed(3, "Consult", "meet", "planned", P({"astana", "kz", "moscow"}), "переговоры"),
            False,
        ),
        # "Телефонные переговоры" before "Президенты России и Турции обсудили с Главой государства …"
        (
            Typed(0, "Consult", "phone", None, P({"kz", "tr"}), "переговоры"),
            Typed(5, "Consult", "meet", None, P({"erdogan", "putin", "tr"}), "обсудить"),
            True,
        ),
        # a phone call headline over a meeting in the body: two events
        (
            Typed(0, "Consult", "phone", None, P({"kz", "tr"}), "переговоры"),
            Typed(5, "Consult", "meet", None, P({"erdogan", "tr"}), "встреча"),
            False,
        ),
        # a body event that did not take place does not stand for the headline's
        (
            Typed(0, "Consult", "meet", None, P({"tokayev", "putin"}), "meet"),
            Typed(3, "Consult", "meet", "negated", P({"tokayev", "putin"}), "meeting"),
            False,
        ),
    ],
)
def test_a_headline_gives_way_to_talks_told_in_any_mode(head, body, gives_way):
    tab = tables("ru")
    got = restatements([head, body], 0, tab.words("restate"), P(), ANY_MODE)
    assert (0 in got) == gives_way


@pytest.mark.parametrize(
    "first, newline, title, want",
    [
        ("President Tokayev has telephone conversation with Vladimir Putin", True, None, True),
        ("Vladimir Putin met at the Kremlin with President Nazarbayev.", True, None, False),
        ("Путин: Си Цзиньпин демонстрирует равноправный диалог", True, None, True),
        ("Putin met Tokayev", False, None, False),
        ("Putin met Tokayev.", False, "Putin met Tokayev.", True),
    ],
)
def test_is_headline(first, newline, title, want):
    assert is_headline(first, newline, title) is want


@pytest.mark.parametrize(
    "event, dropped",
    [
        # "We greatly appreciate this": one side only
        (Typed(0, "Support", participants=P({"russia"})), True),
        (Typed(0, "Support", participants=P({"putin", "nazarbayev"})), False),
        # a meeting or visit naming one side: the venue of a statement ("заявил президент на
        # встрече с представителями СМИ", "said at a plenary session"), a trip with no host
        (Typed(0, "Consult", "meet", participants=P({"putin"})), True),
        (Typed(0, "Consult", "visit", participants=P({"eec"})), True),
        (Typed(0, "Consult", "meet", participants=P({"lavrov", "bayramov"})), False),
        # "The next CIS summit will be held in Bishkek": an organization of members meets
        (Typed(0, "Consult", "meet", participants=P({"cis"}), members=True), False),
        (Typed(0, "Consult", "visit", participants=P({"eec"}), members=True), True),
        # "Tokayev hosted the summit in Astana": the host's guests are not named
        (Typed(0, "Consult", "host", participants=P({"tokayev"})), False),
        (Typed(0, "Anniversary", participants=P({"russia"})), False),
        (Typed(0, "Agree", participants=P()), True),
        # a criticism may name only who voices it ("Russia summoned the Kazakh ambassador")
        (Typed(0, "Accuse", participants=P({"russia"})), False),
    ],
)
def test_lone(event, dropped):

    assert lone([event]) == ({0} if dropped else set())


def test_a_headline_gives_way_whatever_its_word():
    """ "President Tokayev has telephone conversation with Vladimir Putin": "telephone" is no
    word that restates, but the headline announces the lead's call."""
    restating = tables("en").words("restate")
    head = Typed(0, "Consult", "phone", None, P({"tokayev", "putin"}), trigger="telephone")
    lead = Typed(1, "Consult", "phone", None, P({"tokayev", "putin", "kz"}), trigger="telephone")
    assert restatements([head, lead], 0, restating) == {0}


@pytest.mark.parametrize(
    "later, restated",
    [
        # "Президенты обсудили актуальные вопросы двусторонних отношений": the pair's states are
        # no new participant
        (P({"putin", "nazarbayev", "ru", "kz"}), True),
        (P({"ru", "kz"}), True),
        # a third state or person is
        (P({"putin", "erdogan", "ru"}), False),
    ],
)
def test_the_pair_is_no_new_participant(later, restated):
    talks = Typed(1, "Consult", "meet", None, P({"putin", "nazarbayev"}), trigger="talks")
    again = Typed(3, "Consult", "meet", None, later, trigger="discuss")
    got = restatements([talks, again], None, frozenset({"talks", "discuss"}), pair=P({"ru", "kz"}))
    assert got == ({1} if restated else set())


@pytest.mark.parametrize(
    "later, states, restated",
    [
        # "The agreement was reached during a meeting between Baketaev and Yoshikawa" after
        # "The Ministry of Finance of Kyrgyzstan and JICA have agreed …": persons of its states
        (P({"baketaev", "yoshikawa"}), P({"kg", "jp"}), True),
        # a person of a state that took no part in the agreement told before: another one
        (P({"baketaev", "lavrov"}), P({"kg", "ru"}), False),
        # no state known for the persons named: left alone
        (P({"baketaev", "yoshikawa"}), P(), False),
    ],
)
def test_an_agreement_named_as_reported_by_its_makers(later, states, restated):
    agreed = Typed(1, "Agree", None, None, P({"mof-kg", "jica", "kg", "jp"}), trigger="agree")
    again = Typed(3, "Agree", None, None, later, trigger="agreement", back=True, states=states)
    assert restatements([agreed, again], None, frozenset(), pair=P({"kg", "jp"})) == (
        {1} if restated else set()
    )
    # an agreement noun not named as one reported ("An agreement was reached between …") is new
    fresh = Typed(3, "Agree", None, None, later, trigger="agreement", back=False, states=states)
    assert restatements([agreed, fresh], None, frozenset(), pair=P({"kg", "jp"})) == set()


@pytest.mark.parametrize(
    "back, restated",
    [
        # "The document was signed in Moscow after their talks": the declaration reported before
        (True, True),
        # "The sides also signed a package of agreements": new agreements
        (False, False),
    ],
)
def test_an_agreement_named_as_reported(back, restated):
    signed = Typed(1, "Agree", None, None, P({"putin", "tokayev", "ru", "kz"}), trigger="sign")
    again = Typed(4, "Agree", None, None, P({"ru", "kz"}), trigger="sign", back=back)
    assert restatements([signed, again], None, frozenset(), pair=P({"ru", "kz"})) == (
        {1} if restated else set()
    )
    # with no agreement before, it is the first report
    assert restatements([again], None, frozenset(), pair=P({"ru", "kz"})) == set()


@pytest.mark.parametrize(
    "first, title, want",
    [
        # a headline and a subheadline, each a line of its own with no full stop
        (
            [
                ("Лукашенко заявил о согласии Путина решить проблемы Союзного государства", True, True),
                ("Лукашенко и Путин договорились решить проблемы Союзного государства к осени", True, False),
            ],
            "Лукашенко заявил о согласии Путина решить проблемы Союзного государства",
            {0, 1},
        ),
        # a line reporting someone's words is the lead, its full stop left out (ru_ru-kz_16)
        (
            [
                ('Проект "Байтерек" откроет Казахстану путь в клуб космических держав - Лавров', True, True),
                ("Стратегическое значение имеют совместные проекты, отметил Сергей Лавров", True, True),
            ],
            None,
            {0},
        ),
        # a lead sentence after the headline is the body
        (
            [("Putin meets Tokayev", True, False), ("Vladimir Putin met Tokayev in Moscow.", True, False)],
            None,
            {0},
        ),
        # no headline: no subheadline either
        (
            [("Putin met Tokayev in Moscow.", True, False), ("The talks lasted two hours", True, False)],
            None,
            set(),
        ),
        # a line that goes on in the same paragraph is no subheadline
        (
            [("Putin meets Tokayev", True, False), ("The two leaders discussed trade", False, False)],
            None,
            {0},
        ),
        ([], None, set()),
    ],
)
def test_headline_units(first, title, want):
    assert headline_units(first, title) == want


def ev(unit, cls, trigger, parts, source=(), target=(), context=None):
    return Typed(unit, cls, None, context, P(parts), trigger, source=P(source), target=P(target))


@pytest.mark.parametrize(
    "events, lines, want",
    [
        # a subheadline, the lead and a quote tell one disagreement (ru_ru-am_02: "Песков: РФ не
        # согласна с заявлением Пашиняна …" / "Россия не согласна с заявлением премьер-министра
        # Армении …" / "«… мы должны категорически не согласиться с господином Пашиняном»"): the
        # lead stays, the subheadline being a line of the headline
        (
            [
                ev(1, "Accuse", "не", {"peskov", "russia", "pashinyan", "csto"}, {"peskov"}),
                ev(2, "Accuse", "не", {"russia"}, {"russia"}),
                ev(3, "Accuse", "не", {"peskov", "pashinyan", "russia"}, {"peskov"}),
            ],
            {0, 1},
            {0: 1, 2: 1},
        ),
        # the lead and the body tell one protest (ru_ru-kz_04: "Сыздыков … выразил недоумение по
        # поводу высказываний … Никонова" and "В ходе встречи … Сыздыков выразил недоумение …")
        (
            [
                ev(2, "Accuse", "недоумение", {"syzdykov", "komarov", "russia", "nikonov"}, {"syzdykov"}),
                ev(6, "Accuse", "недоумение", {"syzdykov", "kazakhstan", "nikonov", "russia"}, {"syzdykov"}),
            ],
            {0},
            {1: 0},
        ),
        # a report and the quote it reports (en_kz-tr_01: "Türkiye will continue to support
        # Kazakhstan's territorial integrity, … Erdoğan said" / "We will continue to support the
        # stability … of brotherly Kazakhstan"); the support the other way is another event
        (
            [
                ev(2, "Support", "support", {"turkey", "kazakhstan", "erdogan"}, {"turkey"}, {"kazakhstan"}),
                ev(3, "Support", "support", {"erdogan", "kazakhstan", "turkey"}, {"erdogan"}, {"kazakhstan"}),
                ev(9, "Support", "support", {"kazakhstan", "turkey", "tokayev"}, {"kazakhstan"}, {"turkey"}),
            ],
            (),
            {1: 0},
        ),
        # another word is another evaluation ("praised China's success" after "thanked Xi")
        (
            [
                ev(2, "Support", "thank", {"tokayev", "xi", "china"}, {"tokayev"}),
                ev(4, "Support", "praise", {"tokayev", "xi", "china"}, {"tokayev"}),
            ],
            (),
            {},
        ),
        # one shared party is not enough; nor is another context
        (
            [
                ev(2, "Accuse", "accuse", {"sandu", "russia"}, {"sandu"}),
                ev(4, "Accuse", "accuse", {"russia", "moldova_party"}),
                ev(5, "Accuse", "accuse", {"sandu", "russia"}, {"sandu"}, context="planned"),
            ],
            (),
            {},
        ),
        # cooperation is told again with another object: no retelling ("cooperation in energy",
        # "humanitarian collaboration")
        (
            [
                ev(2, "Cooperate", "cooperation", {"russia", "kazakhstan"}),
                ev(4, "Cooperate", "cooperation", {"russia", "kazakhstan"}),
            ],
            (),
            {},
        ),
        # a headline line tells the body's accusation in other words (ru_ru-dk_63: "МИД сообщил,
        # что вызвал посла Дании …" / "Посол Дании … был вызван … из-за его провокационных заявлений")
        (
            [
                ev(1, "Accuse", "вызвать посол", {"mfa", "denmark", "henningsen"}),
                ev(3, "Accuse", "провокационный", {"mfa_dk", "denmark", "henningsen", "russia"}),
            ],
            {0, 1},
            {0: 1},
        ),
        # a headline stating no context tells the body's planned aid (ru_kz-kg_02: "республика
        # готова предоставить гуманитарную помощь" / "выразил готовность … предоставить …")
        (
            [
                ev(1, "Aid", "гуманитарный помощь", {"tokayev", "kazakhstan", "kyrgyzstan"}),
                ev(4, "Aid", "гуманитарный помощь", {"tokayev", "kyrgyzstan", "bishkek"}, context="planned"),
            ],
            {1},
            {0: 1},
        ),
        # it goes to the body's event of its trigger words, and two body events it might tell
        # stay two (ru_ru-cz_62: "Посла России вызвали в МИД Чехии из-за слов Небензи")
        (
            [
                ev(0, "Accuse", "вызвать", {"mfa_cz", "russia", "nebenzya"}),
                ev(3, "Accuse", "пропаганда", {"mfa_cz", "russia", "nebenzya"}),
                ev(5, "Accuse", "вызвать посол", {"mfa_cz", "russia", "zmeevsky"}, context="planned"),
            ],
            {0},
            {0: 2},
        ),
        # a body event is no headline's: no other word
        (
            [
                ev(3, "Accuse", "пропаганда", {"mfa_cz", "russia", "nebenzya"}),
                ev(5, "Accuse", "вызвать посол", {"mfa_cz", "russia", "nebenzya"}),
            ],
            {0},
            {},
        ),
    ],
)
def test_retold(events, lines, want):
    assert retold(events, lines) == want
    for i, j in want.items():
        assert tells_again(events[max(i, j)], events[min(i, j)]) or announces(events[i], events[j])


@pytest.mark.parametrize(
    "first, title, want",
    [
        # the headline and a subheadline reporting words (ru_ru-am_02)
        (
            [
                ("Кремль прокомментировал заявление Пашиняна об «угрозе» ОДКБ для Армении", True),
                ("Песков: РФ не согласна с заявлением Пашиняна об «угрозе» ОДКБ для Армении", True),
                ("Россия не согласна с заявлением премьер-министра Армении Никола Пашиняна.", False),
            ],
            None,
            {0, 1},
        ),
        # a text that opens with a sentence has no headline line
        ([("Putin met Tokayev in Moscow.", True), ("Talks", True)], None, set()),
        # the document's title is a headline line whatever it ends with
        ([("Putin met Tokayev.", False)], "Putin met Tokayev.", {0}),
        ([], None, set()),
    ],
)
def test_headline_lines(first, title, want):
    assert headline_lines(first, title) == want


RU_KZ = ("russia", "kazakhstan")


@pytest.mark.parametrize(
    "cls, sides, target, pair, want",
    [
        # "Россельхознадзор выразил несогласие с введёнными мерами" (ru_ru-kz_14): the other side
        ("Accuse", ["russia"], (), RU_KZ, "kazakhstan"),
        # "Estonia called the incident a 'set up'" (en_ru-ee_02); a place of no state changes nothing
        ("Accuse", ["estonia", None], (), ("russia", "estonia"), "russia"),
        # "Но Россия своими заявлениями и другой поддержкой помогла стабилизировать ситуацию" (ru_ru-kg_02)
        ("Aid", ["russia"], (), ("russia", "kyrgyzstan"), "kyrgyzstan"),
        # an addressee found, both sides named, a state outside the pair, no pair: nothing
        ("Support", ["germany"], ("olaf-scholz",), ("germany", "kazakhstan"), None),
        ("Accuse", ["russia", "kazakhstan"], (), RU_KZ, None),
        ("Accuse", ["ukraine"], (), RU_KZ, None),
        ("Accuse", ["russia"], (), (), None),
        ("Accuse", [None], (), RU_KZ, None),
        # a symmetric class gets the pair elsewhere
        ("Cooperate", ["russia"], (), RU_KZ, None),
    ],
)
def test_other_side(cls, sides, target, pair, want):
    assert other_side(cls, sides, target, pair) == want


@pytest.mark.parametrize(
    "cls, sides, pair, want",
    [
        # "Next year we will mark the 45th anniversary of the establishment of diplomatic
        # relations," Putin said (en_ru-mz_57): we and Putin are Russia, the other side added
        ("Anniversary", ["russia", "russia"], ("russia", "mozambique"), ("russia", "mozambique")),
        # "был приурочен к 80-летию Победы" of Putin's visit to Xi (ru_ru-cn_01): their states
        ("Anniversary", ["russia", "china", None], ("russia", "china"), ("russia", "china")),
        # "commemorating the 80th anniversary of victory" with Mirziyoyev (en_ru-uz_01)
        ("Anniversary", ["uzbekistan"], ("russia", "uzbekistan"), ("uzbekistan", "russia")),
        # "This year Astana celebrates its 20th anniversary" (en_ru-kz_12): its state, then the other
        ("Anniversary", ["kazakhstan"], ("russia", "kazakhstan"), ("kazakhstan", "russia")),
        # a state outside the pair gets no other side; no pair, nothing added
        ("Anniversary", ["china"], ("russia", "kazakhstan"), ("china",)),
        ("Anniversary", ["russia"], (), ("russia",)),
        ("Anniversary", [None], ("russia", "kazakhstan"), ()),
        # states of two sides stay as they are
        (
            "Anniversary",
            ["russia", "mongolia", "soviet-union"],
            ("russia", "mongolia"),
            ("russia", "mongolia", "soviet-union"),
        ),
        # other classes take no states this way
        ("Consult", ["russia"], ("russia", "kazakhstan"), ()),
        ("Agree", ["russia"], ("russia", "kazakhstan"), ()),
    ],
)
def test_anniversary_sides(cls, sides, pair, want):
    assert anniversary_sides(cls, sides, pair) == want


PAIR = ("russia", "mongolia")


@pytest.mark.parametrize(
    "cls, mode, persons, sides, want",
    [
        # "Following the bilateral talks, the presidents of Russia and Mongolia …" (en_ru-mn_02)
        ("Consult", "meet", [("putin", "russia")], {"russia", "mongolia"}, "mongolia"),
        # "в ходе переговоров с министром иностранных дел КНДР Ли Ён Хо" (ru_ru-kp_02)
        ("Consult", "meet", [("ri", "mongolia")], {"mongolia", "russia"}, "russia"),
        ("Consult", "phone", [("putin", "russia")], {"mongolia"}, "mongolia"),
        # the other state takes no part: no counterpart
        ("Consult", "meet", [("putin", "russia")], {"russia"}, None),
        # two persons named already, or none
        ("Consult", "meet", [("putin", "russia"), ("khurelsukh", "mongolia")], {"mongolia"}, None),
        ("Consult", "meet", [], {"russia", "mongolia"}, None),
        # a person of a state outside the pair
        ("Consult", "meet", [("xi", "china")], {"russia", "mongolia"}, None),
        # a visit's other side is the country visited; other classes have no counterpart
        ("Consult", "visit", [("putin", "russia")], {"mongolia"}, None),
        ("Support", None, [("putin", "russia")], {"mongolia"}, None),
    ],
)
def test_counterpart_state(cls, mode, persons, sides, want):
    assert counterpart_state(cls, mode, persons, sides, PAIR) == want


COUNTRY = {"tokayev": "kazakhstan", "kazakhstan": "kazakhstan", "astana": "kazakhstan", "russia": "russia"}


@pytest.mark.parametrize(
    "event, dropped",
    [
        # "In the future, we intend to cooperate with your company," Tokayev said: the company
        # not found, Tokayev and his state are one side (en_kz-ae_02)
        (Typed(0, "Cooperate", participants=P({"tokayev", "kazakhstan"})), True),
        (Typed(0, "Cooperate", participants=P({"astana", "kazakhstan", "tokayev"})), True),
        # two states, or a side of no known state
        (Typed(0, "Cooperate", participants=P({"tokayev", "russia"})), False),
        (Typed(0, "Cooperate", participants=P({"tokayev", "adnoc"})), False),
        # an agreement a person reached with the other state's leader and that state (Lukashenko's
        # "договоренность достигнута с … Путиным" names Putin and Russia): not decided here
        (Typed(0, "Agree", participants=P({"tokayev", "kazakhstan"})), False),
    ],
)
def test_one_state(event, dropped):
    assert one_state([event], COUNTRY) == ({0} if dropped else set())


@pytest.mark.parametrize(
    "events, headline, want",
    [
        # a restatement is mapped to the talks it tells again
        (
            [
                Typed(1, "Consult", "meet", None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "visit", None, P({"putin", "kz"})),
                Typed(3, "Consult", "meet", None, P({"putin"})),
            ],
            None,
            {2: 0},
        ),
        # a headline to the first body event of its class and mode sharing a participant
        (
            [
                Typed(0, "Consult", "meet", None, P({"tokayev"})),
                Typed(1, "Consult", "visit", None, P({"tokayev", "ru"})),
                Typed(2, "Consult", "meet", None, P({"putin", "tokayev"})),
            ],
            0,
            {0: 2},
        ),
        # another mode, nothing restated
        (
            [
                Typed(1, "Consult", "phone", None, P({"putin", "tokayev"})),
                Typed(2, "Consult", "visit", None, P({"putin"})),
            ],
            None,
            {},
        ),
    ],
)
def test_restated_maps_each_restatement_to_the_event_it_tells(events, headline, want):
    assert restated(events, headline) == want
    assert restatements(events, headline) == set(want)


@pytest.mark.parametrize(
    "lang, trigger, date, again",
    [
        # "Erdogan arrived to Russia to meet with Putin. … On September 4, Erdogan arrived to
        # Russia's Sochi to meet with Putin": one visit told twice (en_ru-tr_02)
        ("en", "arrive", "2023-09-04", True),
        ("en", "travel", None, True),
        # "Во вторник глава РФ приехал на официальную встречу …" after his visit (ru_ru-mn_02)
        ("ru", "приехать", None, True),
        # "Визит … Лукашенко в Абхазию … Лукашенко посетил Абхазию в среду": the verb of the
        # visit told by its noun before (ru_ge-by_63)
        ("ru", "посетить", None, True),
        # an arrival in another month is another trip
        ("en", "arrive", "2023-11-02", False),
        # a word not of the table restates nothing
        ("en", "embark", None, False),
    ],
)
def test_an_arrival_restates_the_visit(lang, trigger, date, again):
    visit = Typed(1, "Consult", "visit", None, P({"erdogan", "russia"}), "visit", date="2023-09")
    later = Typed(3, "Consult", "visit", None, P({"erdogan", "russia"}), trigger, date=date)
    assert restated([visit, later], None, tables(lang).words("restate")) == ({1: 0} if again else {})


#: the talks reported first: a phone call of Mirziyoyev and Japarov (unit 1)
CALL = Typed(1, "Consult", "phone", None, P({"mirziyoyev", "japarov"}), "phone")
MET = Typed(1, "Consult", "meet", None, P({"kulubaev", "saidov", "kg"}), "meet")


@pytest.mark.parametrize(
    "first, later, want",
    [
        # «Мирзиёев созвонился с Жапаровым. … Собеседники обсудили …»: topics are no participants
        (CALL, Typed(3, "Consult", "meet", None, P({"kg", "uz"}), "обсудить", parties=P()), 0),
        # "Kulubaev met Saidov … They also discussed interaction in … the UN, CIS, SCO"
        (MET, Typed(3, "Consult", "meet", None, P({"un", "cis", "sco"}), "discuss", parties=P()), 0),
        # "The two leaders also discussed the situation in Afghanistan": the place is a topic
        (
            MET,
            Typed(
                3, "Consult", "meet", None, P({"afghanistan"}), "discuss", parties=P(), place="afghanistan"
            ),
            0,
        ),
        # "Bayramov and Botchorishvili discussed …" after their call
        (
            CALL,
            Typed(
                3,
                "Consult",
                "meet",
                None,
                P({"mirziyoyev", "japarov", "un"}),
                "discuss",
                parties=P({"mirziyoyev", "japarov"}),
            ),
            0,
        ),
        # persons who were not in the talks: other talks
        (CALL, Typed(3, "Consult", "meet", None, P({"putin", "un"}), "discuss", parties=P({"putin"})), None),
        # no subject that refers back (a partner named, or other parties): left to ``restated``
        (CALL, Typed(3, "Consult", "meet", None, P({"kg", "uz"}), "discuss"), None),
        # held talks go on held ones only: "will discuss" after the talks held may be the next ones
        (MET, Typed(3, "Consult", "meet", "planned", P({"kg"}), "discuss", parties=P()), None),
        # talks on another date, or in another month than the article's, are other talks
        (
            Typed(1, "Consult", "meet", None, P({"kulubaev", "saidov"}), "meet", date="2024-05-02"),
            Typed(3, "Consult", "meet", None, P({"kg"}), "discuss", parties=P(), date="2024-05-03"),
            None,
        ),
        (MET, Typed(3, "Consult", "meet", None, P({"kg"}), "discuss", parties=P(), own_time=True), None),
        # a session or a forum is no talks it goes on with; a meeting a body of members takes part in
        (
            Typed(1, "Consult", "meet", None, P({"kz", "ru"}), "session"),
            Typed(3, "Consult", "meet", None, P({"putin"}), "discuss", parties=P()),
            None,
        ),
        (
            Typed(1, "Consult", "meet", None, P({"kulubaev", "saidov"}), "meet", members=True),
            Typed(3, "Consult", "meet", None, P({"kg"}), "discuss", parties=P()),
            None,
        ),
        # … but a phone call in which a ministry is named is the call of two persons
        (
            Typed(1, "Consult", "phone", None, P({"bayramov", "mfa"}), "conversation", members=True),
            Typed(3, "Consult", "meet", None, P({"kg"}), "discuss", parties=P()),
            0,
        ),
        # in the same unit: no talks told before it
        (MET, Typed(1, "Consult", "meet", None, P({"kg"}), "discuss", parties=P()), None),
    ],
)
def test_goes_on(first, later, want):
    talks = tables("en").words("restate") | tables("ru").words("restate")
    assert goes_on([first, later], 1, {}, (), talks) == want


def test_goes_on_the_last_talks_told():
    """The talks told last before it, as the event that stays for them."""
    other = Typed(2, "Consult", "meet", None, P({"kulubaev", "saidov"}), "talks")
    later = Typed(3, "Consult", "meet", None, P({"un"}), "discuss", parties=P())
    assert goes_on([CALL, other, later], 2, {}, ()) == 1
    assert goes_on([CALL, other, later], 2, {1: 0}, ()) == 0


def test_restated_folds_a_readout_into_the_talks():
    """In the pipeline's call: the restate words, the pair and the agenda words."""
    tab = tables("en")
    later = Typed(
        3,
        "Consult",
        "meet",
        None,
        P({"afghanistan", "pk", "uz"}),
        "discuss",
        parties=P(),
        place="afghanistan",
    )
    got = restated(
        [MET, later], None, tab.words("restate"), P({"pk", "uz"}), agenda=tab.words("restate_agenda")
    )
    assert got == {1: 0}


@pytest.mark.parametrize(
    "fresh, want",
    [
        # "The sides agreed to hold their first in-person meeting": another meeting
        (True, {}),
        # "The meeting will be held in Astana": the meeting planned
        (False, {1: 0}),
    ],
)
def test_a_fresh_meeting_restates_none(fresh, want):
    planned = Typed(1, "Consult", "meet", "planned", P({"nurtleu", "lavrov", "igc"}), "meeting")
    later = Typed(2, "Consult", "meet", "planned", P({"nurtleu", "lavrov"}), "meeting", fresh=fresh)
    assert restated([planned, later], None, tables("en").words("restate")) == want


@pytest.mark.parametrize(
    "lines, lang, want",
    [
        # a wire's headline and lead above its dateline (en_ru-jp_01)
        (
            [
                "Japan hopes to discuss peace treaty during Lavrov's visit — government",
                "The long-running dispute over the Southern Kuril Islands remains the main obstacle.",
                "TOKYO, November 27. /TASS/. Japan hopes to discuss the peace treaty, he said.",
            ],
            "en",
            2,
        ),
        (
            [
                "Пашинян о результатах переговоров по российскому газу",
                "Армения продолжает вести переговоры по вопросу поставок газа с Россией.",
                "ЕРЕВАН, 3 июля - Sputnik. Армения продолжает вести переговоры, заявил Пашинян.",
            ],
            "ru",
            2,
        ),
        # the headline right above the dateline
        (["Putin meets Tokayev", "MOSCOW, June 9 (Sputnik) - Putin met Tokayev."], "en", 1),
        # a text that opens with its dateline, or has none: no lead block
        (["MOSCOW, June 9 (Sputnik) - Putin met Tokayev.", "He said."], "en", 0),
        (["Putin meets Tokayev", "Putin met Tokayev.", "He said so."], "en", 0),
        # a dateline far down the text opens no lead block
        (["A", "B.", "C.", "D.", "MOSCOW, June 9 (Sputnik) - E."], "en", 0),
    ],
)
def test_lead_block(lines, lang, want):
    assert lead_block([dateline_span(line, lang)[0] > 0 for line in lines]) == want
