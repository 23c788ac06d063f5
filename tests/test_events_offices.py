"""Whose press service speaks (bilat.extract.events.offices), table-driven over plain values:
the posts of a person and the government bodies of the knowledge base."""

from __future__ import annotations

import pytest

from bilat.extract.events.offices import head_office

BODIES = [
    ("government-of-kazakhstan", "kazakhstan", ["Government of Kazakhstan", "Правительство Казахстана"]),
    ("akorda", "kazakhstan", ["Akorda", "Presidential Administration of Kazakhstan"]),
    ("presidential-administration-of-russia", "russia", ["Кремль", "Presidential Administration of Russia"]),
]
HEADS, OFFICES = {"president"}, ["presidential administration"]


@pytest.mark.parametrize(
    "posts, want",
    [
        # "Как сообщила пресс-служба Токаева" (ru_kz-kg_02): the gold names Akorda
        (
            [("Minister of Foreign Affairs", "kazakhstan", "2007-01"), ("President", "kazakhstan", None)],
            "akorda",
        ),
        (
            [("President", "russia", None)],
            "presidential-administration-of-russia",
        ),  # "the Kremlin's press service"
        ([("President", "kazakhstan", "2019-03-20")], None),  # a former president's post
        ([("Minister of Foreign Affairs", "kazakhstan", None)], None),  # a minister: no office known here
        ([("President", "uzbekistan", None)], None),  # no presidential administration in the KB
        ([], None),
    ],
)
def test_head_office(posts, want):
    assert head_office(posts, BODIES, HEADS, OFFICES) == want
