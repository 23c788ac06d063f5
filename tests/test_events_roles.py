"""Roles of arguments decided on plain values (bilat.extract.events.roles), table-driven: the
sentence shapes are those of tests/corpus, written as the keys the callers hand over."""

from __future__ import annotations

import pytest

from bilat.extract.events.roles import visit_host


@pytest.mark.parametrize(
    "visitor, named, pair, elsewhere, want",
    [
        # en_ru-kg_02 "His previous visit, in October 2023, was his first foreign trip …
        # deportation of Ukrainian children" (an adjective is no country named)
        ({"russia"}, [], ("kyrgyzstan", "russia"), False, "kyrgyzstan"),
        # ru_ru-kg_02 "С ним же в ходе нынешнего визита Казакбаев обсудил возможность
        # поддержки бюджета Киргизии": the visitor's own country named
        ({"kyrgyzstan"}, ["kyrgyzstan"], ("kyrgyzstan", "russia"), False, "russia"),
        # en_kz-ae_01 "During your visit, important documents … were signed" (Tokayev's)
        ({"kazakhstan"}, [], ("kazakhstan", "united-arab-emirates"), False, "united-arab-emirates"),
        # a country named as a noun in the sentence goes first
        ({"russia"}, ["syria", "kyrgyzstan"], ("kyrgyzstan", "russia"), False, "syria"),
        # ru_kz-de_01 "Шольц совершает турне по среднеазиатским странам": a region, no state
        ({"germany"}, [], ("germany", "kazakhstan"), True, None),
        # a visitor of neither state of the pair: no guess
        ({"china"}, [], ("kyrgyzstan", "russia"), False, None),
        # the visitor's state unknown
        (set(), [], ("kyrgyzstan", "russia"), False, None),
        # no pair
        ({"russia"}, [], (), False, None),
    ],
)
def test_visit_host(visitor, named, pair, elsewhere, want):
    assert visit_host(visitor, named, pair, elsewhere) == want
