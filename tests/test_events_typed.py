"""The pure steps of typing (bilat.extract.events.typed): who "we" are in a speaker's quote, and
which talks or agreements told in a quote are events, table-driven; and pass 2 as a fold over the
units, each given what the units before it reported (``records.Reported``) and returning it grown."""

from __future__ import annotations

import pytest
from events_trees import held_talks

from bilat.extract.events.records import Reported, Said
from bilat.extract.events.typed import kept_in_quote, read_typed, typed_unit, we_persons


@pytest.mark.parametrize(
    "speaker, named, talks, want",
    [
        # "мы с Романом Скляром подписали": the speaker and the person named (ru_ru-kz_10)
        (["miller"], ["sklyar"], [], ["miller", "sklyar"]),
        # "we agreed" after the talks of the two presidents (en_kz-uz_01)
        (["tokayev"], [], [["tokayev", "mirziyoyev"]], ["tokayev", "mirziyoyev"]),
        # the last talks the speaker took part in
        (
            ["lavrov"],
            [],
            [["lavrov", "kamilov"], ["putin", "xi"], ["lavrov", "tleuberdi"]],
            ["lavrov", "tleuberdi"],
        ),
        # talks of others are not the speaker's
        (["lavrov"], [], [["putin", "xi"]], ["lavrov"]),
        # a person named beats the talks
        (["tokayev"], ["erdogan"], [["tokayev", "mirziyoyev"]], ["tokayev", "erdogan"]),
        # the speaker named in the clause is no partner
        (["miller"], ["miller"], [], ["miller"]),
        ([], ["sklyar"], [], []),
    ],
)
def test_we_persons(speaker, named, talks, want):
    assert we_persons(speaker, named, talks) == want


@pytest.mark.parametrize(
    "cls, mode, context, told_past, want",
    [
        ("Agree", None, None, True, True),  # "we signed an agreement …," Miller said
        ("Consult", "meet", None, True, True),  # "мы … встречались не один раз"
        ("Consult", "meet", "planned", True, False),  # "we agreed that the commission will meet"
        ("Consult", "meet", None, False, False),  # "I am pleased to meet with you"
        ("Agree", None, "hypothetical", False, False),  # "it would be nice to agree"
        ("Consult", "visit", "planned", False, True),  # a visit stays
        ("Support", None, None, False, True),  # other classes are not decided here
    ],
)
def test_kept_in_quote(cls, mode, context, told_past, want):
    assert kept_in_quote(cls, mode, context, told_past) is want


TALKS = held_talks()  # "Putin held talks with Tokayev. The talks were substantive."
PERSONS = ("vladimir-putin", "kassym-jomart-tokayev")


def test_a_unit_returns_its_events_and_what_it_reported():
    given = Reported()
    events, rep = typed_unit(TALKS, Said(), given, TALKS.units[0])
    assert [(e.cls, e.mode, e.trigger, e.participants) for e in events] == [
        ("Consult", "meet", "held talks", PERSONS)
    ]
    assert rep == Reported(consults_seen=frozenset({"meet"}), talks=((0, PERSONS),))
    assert given == Reported()  # (the record given is left as it was)


def test_the_second_unit_reads_what_the_first_reported():
    # "The talks were substantive" after the talks: no new meeting, nothing more reported
    rep = Reported(consults_seen=frozenset({"meet"}), talks=((0, PERSONS),))
    assert typed_unit(TALKS, Said(), rep, TALKS.units[1]) == ([], rep)


def test_pass_two_threads_the_units():
    assert [e.trigger for e in read_typed(TALKS, Said())] == ["held talks"]


def test_talks_a_spokesman_tells_of_him_in_quoted_words_are_events(extractor):
    from bilat.extract.records import Document

    text = (
        "Indian External Affairs Minister Subrahmanyam Jaishankar arrived in Bishkek on Monday. "
        '"In fact, he had fruitful bilateral meetings yesterday with the foreign minister of the '
        'Kyrgyz Republic Chingiz Aidarbekov," spokesman Anurag Srivastava said.'
    )
    ex = extractor(Document(id="t", text=text, lang="en", date="2021-07-15"))
    talks = [e for e in ex.events if e.cls == "Consult" and e.mode == "meet"]
    assert talks and {"s-jaishankar", "chingiz-aidarbekov"} <= set(talks[0].participants)


@pytest.mark.parametrize(
    "lang, text",
    [
        # a plural agreement noun with an anaphoric determiner, the passive subject of the signing
        # verb, names the agreements told before (dev en_tt-cn_65): one Agree
        (
            "en",
            "Prime Minister Keith Rowley yesterday signed three memoranda of understanding with the "
            "Chinese government. The MOUs were signed after Premier Li Keqiang welcomed Rowley in Beijing.",
        ),
        (
            "ru",
            "Президенты Казахстана и Узбекистана подписали три соглашения о сотрудничестве. "
            "Эти соглашения были подписаны после переговоров в Ташкенте.",
        ),
    ],
)
def test_agreements_named_back_by_a_determiner_are_the_ones_told_before(extractor, lang, text):
    from bilat.extract.records import Document

    ex = extractor(Document(id="t", text=text, lang=lang, date="2019-05-15"))
    assert len([e for e in ex.events if e.cls == "Agree"]) == 1
