"""``talk.lacks_partner``: a conversation word is a meeting only with someone talked with (real
sentence shapes of tests/corpus: ru_ru-mn_03, ru_kz-us_01, ru_ru-ve_01, ru_ru-id_02)."""

from __future__ import annotations

import pytest

from bilat.extract.events.tables import tables
from bilat.extract.events.talk import (
    a_practice,
    envoy_called_home,
    lacks_partner,
    statement_venue,
    summons_envoy,
    talk_parties,
    thanked_for,
)

TAB = tables("ru")
ALONE = TAB.words("talk_alone")
WITH = TAB.words("talk_with")


def k(*words: str) -> frozenset[str]:
    return frozenset(words)


CASES = [
    # (id, trigger keys, case words of the dependents, subject lists two parties, lacks a partner)
    ("razgovarival-s-millerom", [k("разговаривал", "разговаривать")], [k("с")], False, False),
    ("razgovor-s-glavoj", [k("разговор")], [k("с")], False, False),
    ("putin-i-maduro-obshchalis", [k("общались", "общаться")], [k("в"), k("в")], True, False),
    ("oni-obshchayutsya-bez", [k("общаются", "общаться")], [k("без")], False, True),
    ("sostoyalsya-razgovor", [k("разговор")], [k("у")], False, True),
    ("my-so-vsemi-obshchaemsya", [k("общаемся", "общаться")], [k("со")], False, False),
    ("vstrecha-not-a-talk-word", [k("встреча")], [], False, False),
    ("phrase-left-alone", [k("поговорить"), k("по"), k("телефон")], [], False, False),
]


@pytest.mark.parametrize("trigger,cases,listed,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lacks_partner(trigger, cases, listed, expected):
    assert lacks_partner(trigger, cases, listed, ALONE, WITH) is expected


def test_no_talk_words_in_english():
    """A language without ``talk_alone`` words keeps every conversation trigger."""
    en = tables("en")
    assert not lacks_partner([k("talk")], [], False, en.words("talk_alone"), en.words("talk_with"))


def _k(*words: str) -> frozenset[str]:
    return frozenset(words)


THANKS = _k("thank", "gratitude", "благодарить", "поблагодарить")
THANKS_PREP = _k("for", "за")


@pytest.mark.parametrize(
    "path, want",
    [
        # "thank President Putin for his official visit"
        (
            [(_k("visit"), _k(), _k("his")), (_k("for"), _k(), _k("visit")), (_k("thank"), _k(), _k("for"))],
            True,
        ),
        # "expressed my gratitude to you for joining this summit": the thanks a dependent
        (
            [
                (_k("summit"), _k(), _k()),
                (_k("join"), _k(), _k()),
                (_k("for"), _k(), _k()),
                (_k("express"), _k(), _k("gratitude")),
            ],
            True,
        ),
        # "поблагодарил за визит": the preposition a case dependent of the meeting word
        ([(_k("визит"), _k("за"), _k("за")), (_k("поблагодарить"), _k(), _k("визит"))], True),
        # "At the meeting, Putin thanked Tokayev": no "for" on the way up
        ([(_k("meeting"), _k("at"), _k("at")), (_k("thank"), _k(), _k("meeting"))], False),
        # "thanked for the support at the meeting": a meeting word anywhere under the reason of
        # thanks is none of its own (no dev gold meeting sits on a sentence of thanks)
        (
            [
                (_k("meeting"), _k(), _k()),
                (_k("at"), _k(), _k()),
                (_k("support"), _k(), _k()),
                (_k("for"), _k(), _k()),
                (_k("thank"), _k(), _k()),
            ],
            True,
        ),
        # the "for" must come before the thanks word on the way up: "for the talks, thanks were
        # given at the meeting" reaches no thanks word after a "for"
        (
            [(_k("meeting"), _k("at"), _k("at")), (_k("give"), _k(), _k("thank")), (_k("for"), _k(), _k())],
            False,
        ),
    ],
)
def test_thanked_for(path, want):
    assert thanked_for(path, THANKS, THANKS_PREP) is want


CALL_HOME, CALL_PREP, ENVOYS = _k("recall", "summon", "send"), _k("for"), _k("ambassador", "diplomat")


@pytest.mark.parametrize(
    "path, want",
    [
        # "recalled its ambassador for consultations": why the envoy is called home
        (
            [
                (_k("consultation"), _k(), _k()),
                (_k("for"), _k(), _k()),
                (_k("recall"), _k(), _k("its", "ambassador")),
            ],
            True,
        ),
        # the preposition as the word's own case ("для консультаций")
        ([(_k("consultation"), _k("for"), _k("for")), (_k("recall"), _k(), _k("ambassador"))], True),
        # "sent a delegation to Moscow for consultations": talks
        (
            [(_k("consultation"), _k(), _k()), (_k("for"), _k(), _k()), (_k("send"), _k(), _k("delegation"))],
            False,
        ),
        # no purpose preposition on the way: "recalled the ambassador after the consultations"
        ([(_k("consultation"), _k("after"), _k("after")), (_k("recall"), _k(), _k("ambassador"))], False),
        # a calling verb before the preposition is not reached through it
        ([(_k("recall"), _k(), _k("ambassador")), (_k("for"), _k(), _k())], False),
    ],
)
def test_envoy_called_home(path, want):
    assert envoy_called_home(path, CALL_HOME, CALL_PREP, ENVOYS) is want


@pytest.mark.parametrize(
    "lang, pos, plural, modifiers, want",
    [
        # "regular visits, and mechanism of political consultations" (en_az-ge_52): a practice
        ("en", "NOUN", True, [k("regular")], True),
        ("ru", "NOUN", True, [k("регулярные", "регулярный")], True),
        # "The next regular CIS summit will be held in Bishkek": one meeting, an event
        ("en", "NOUN", False, [k("next"), k("regular")], False),
        # "official visits": no practice word
        ("en", "NOUN", True, [k("official")], False),
        # a verb is left alone ("регулярно поднимаются в обсуждениях" is read on the verb)
        ("en", "VERB", True, [k("regular")], False),
    ],
)
def test_a_practice(lang, pos, plural, modifiers, want):
    assert a_practice(pos, plural, modifiers, tables(lang).words("practice")) is want


#: (lang, subject head keys or None, passive, persons of the subject, a partner named, want)
PARTIES = [
    # "The parties discussed …", "They also discussed …", "The two leaders also discussed …"
    ("en", k("parties", "party"), False, k(), False, k()),
    ("en", k("they"), False, k(), False, k()),
    ("en", k("leaders", "leader"), False, k(), False, k()),
    # «Собеседники обсудили …», «Главы государств обсудили …», «Стороны рассмотрели …»
    ("ru", k("собеседники", "собеседник"), False, k(), False, k()),
    ("ru", k("главы", "глава"), False, k(), False, k()),
    ("ru", k("стороны", "сторона"), False, k(), False, k()),
    # "Karachi Port connectivity to Tirmez was also discussed": no one named
    ("en", k("connectivity"), True, k(), False, k()),
    ("en", None, False, k(), False, k()),
    # "Bayramov and Botchorishvili discussed …": the persons named
    ("en", k("bayramov"), False, k("bayramov", "botchorishvili"), False, k("bayramov", "botchorishvili")),
    # a partner named: "The leaders discussed … with Lavrov", «обсудил с послом»
    ("en", k("leaders", "leader"), False, k(), True, None),
    ("ru", None, False, k(), True, None),
    # a singular title or a state refers back to no parties
    ("en", k("leader"), False, k(), False, None),
    ("en", k("russia"), False, k(), False, None),
]


@pytest.mark.parametrize("lang, subject, passive, persons, partner, want", PARTIES)
def test_talk_parties(lang, subject, passive, persons, partner, want):
    parties = tables(lang).words("talks_parties")
    assert talk_parties(subject, passive, persons, partner, parties) == want


#: (id, keys of the objects and passive subjects, (keys, a government body) of each place, want)
SUMMONS = [
    # «российского посла … вызвали в румынский МИД» (ru_ru-ro_63): an envoy, a ministry
    ("posla-vyzvali-v-rumynskij-mid", [k("посла", "посол")], [(k("мид"), True)], True),
    # «был вызван в грузинское внешнеполитическое ведомство» (ru_ge-by_63): the passive subject
    ("vyzvan-v-vedomstvo", [k("посол")], [(k("ведомство"), False)], True),
    # «вызвали в МИД» with no object named
    ("vyzvali-v-mid", [], [(k("мид"), False)], True),
    # «МИД вызвал российского посла»: an envoy, no place
    ("mid-vyzval-posla", [k("посла", "посол")], [], True),
    # «посол вызван в Москву на консультации»: an envoy called home, no summons
    ("vyzvan-v-moskvu", [k("посол")], [(k("москву", "москва"), False)], False),
    # «вызвало недовольство (в МИД)»: something caused, no summons
    ("vyzvalo-nedovolstvo", [k("недовольство")], [], False),
    ("vyzvalo-nedovolstvo-v-mid", [k("недовольство")], [(k("мид"), True)], False),
    # «вызвало»: nothing named
    ("vyzvalo", [], [], False),
]


@pytest.mark.parametrize("objects,places,want", [c[1:] for c in SUMMONS], ids=[c[0] for c in SUMMONS])
def test_summons_envoy(objects, places, want):
    ru = tables("ru")
    assert summons_envoy(objects, places, ru.words("envoy"), ru.words("summons_place")) is want


@pytest.mark.parametrize(
    "lang, trigger, prep, verb, partner, want",
    [
        # "Patrushev said at a meeting on national security"
        ("en", k("meeting"), k("at"), k("said", "say"), False, True),
        # "told reporters after speaking at a forum in Seoul"
        ("en", k("forum"), k("at"), k("speaking", "speak"), False, True),
        # "said at a meeting with President Tokayev": someone met
        ("en", k("meeting"), k("at"), k("said", "say"), True, False),
        # "signed at a meeting": no verb of speaking
        ("en", k("meeting"), k("at"), k("signed", "sign"), False, False),
        # "said after the talks": not a venue word, not its preposition
        ("en", k("talks", "talk"), k("after"), k("said", "say"), False, False),
        ("ru", k("совещании", "совещание"), k("на"), k("заявил", "заявить"), False, True),
        ("ru", k("совещании", "совещание"), k("на"), k("подписали", "подписать"), False, False),
    ],
)
def test_statement_venue(lang, trigger, prep, verb, partner, want):
    tab = tables(lang)
    got = statement_venue(
        trigger, prep, verb, partner, tab.words("venue"), tab.words("venue_prep"), tab.words("venue_verb")
    )
    assert got == want
