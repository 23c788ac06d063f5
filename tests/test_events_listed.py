"""Agreements listed in one sentence by their parties (bilat.extract.events.listed),
table-driven: hand-built trees, the cue tables of the project's data files."""

from __future__ import annotations

import pytest
from events_trees import tree, view_of

from bilat.extract.events.listed import listed_parties, parties_phrases


@pytest.mark.parametrize(
    "phrases, expected",
    [
        # "the Memorandum … between the Ministry of Energy of Kazakhstan and the Ministry of
        # Energy and Industry of the UAE, the MoU between …" (en_kz-ae_02): each its own
        ([{"minenergo-kz", "minenergo-ae"}, {"mintrade-kz", "mineconomy-ae"}], [0, 1]),
        # a phrase naming one actor is none; the others stay a list
        ([{"kyzylorda", "hung-yen"}, {"samruk", "sovico"}, {"radio-complex"}], [0, 1]),
        # one phrase alone is the sentence's own agreement, or one hoped for
        # ("Russia is interested in a peace treaty between Yerevan and Baku")
        ([{"yerevan", "baku"}], []),
        ([{"yerevan", "baku"}, {"rosneft"}], []),
        ([], []),
    ],
)
def test_listed_parties(phrases, expected):
    assert listed_parties(phrases) == expected


# "the MoU between Gazprom and Rosneft, the MoU between Samruk and Sovico.": the parser hangs
# the second MoU on Rosneft; each phrase ends where the next begins
_LIST = """
the 1 det DET
MoU 1 ROOT NOUN mou
between 1 prep ADP
Gazprom 2 pobj PROPN
and 3 cc CCONJ
Rosneft 3 conj PROPN
, 5 punct PUNCT
the 8 det DET
MoU 5 conj NOUN mou
between 8 prep ADP
Samruk 9 pobj PROPN
and 10 cc CCONJ
Sovico 10 conj PROPN
. 1 punct PUNCT
"""

# "talks between Gazprom and Rosneft": talks name no agreement
_TALKS = """
talks 0 ROOT NOUN talk
between 0 prep ADP
Gazprom 1 pobj PROPN
and 2 cc CCONJ
Rosneft 2 conj PROPN
"""

# "меморандум между Газпромом и Роснефтью": the preposition hangs on its object
_RU = """
меморандум 0 ROOT NOUN меморандум
между 2 case ADP между
Газпромом 0 nmod PROPN газпром
и 4 cc CCONJ и
Роснефтью 2 conj PROPN роснефть
"""

NAMES = {
    "Gazprom": ("gazprom", "Company"),
    "Rosneft": ("rosneft", "Company"),
    "Samruk": ("samruk", "Company"),
    "Sovico": ("sovico", "Company"),
    "Газпромом": ("gazprom", "Company"),
    "Роснефтью": ("rosneft", "Company"),
}


@pytest.mark.parametrize(
    "rows, lang, expected",
    [
        (
            _LIST,
            "en",
            [
                ("MoU between Gazprom and Rosneft", ("gazprom", "rosneft")),
                ("MoU between Samruk and Sovico", ("samruk", "sovico")),
            ],
        ),
        (_TALKS, "en", []),
        (_RU, "ru", [("меморандум между Газпромом и Роснефтью", ("gazprom", "rosneft"))]),
    ],
)
def test_parties_phrases(rows, lang, expected):
    v = view_of(tree(rows, lang), NAMES, lang)
    got = [(v.text[s:e], keys) for s, e, keys in parties_phrases(v, list(v.sdoc))]
    assert got == expected
