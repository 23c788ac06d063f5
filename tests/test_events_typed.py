"""The pure steps of typing (bilat.extract.events.typed): who "we" are in a speaker's quote, and
which talks or agreements told in a quote are events, table-driven."""

from __future__ import annotations

import pytest

from bilat.extract.events.typed import kept_in_quote, we_persons


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
