"""``attribution.trailing_source``: the source named at the end of the sentence it reports
(real sentence shapes of tests/corpus: en_kz-ae_01, en_ru-kg_01, en_kz-tj_01, en_ru-kp_01)."""

from __future__ import annotations

import pytest

from bilat.extract.events.attribution import trailing_source

SAY = frozenset({"report", "reports", "say", "inform", "announce"})


def w(spec: str) -> list[tuple[str, str, str]]:
    """'word/lemma/POS word/POS …' → (text, lemma, pos) triples (lemma = word when left out)."""
    out = []
    for item in spec.split():
        parts = item.split("/")
        text, lemma, pos = (parts[0], parts[0].lower(), parts[1]) if len(parts) == 2 else parts
        out.append((text, lemma, pos))
    return out


CASES = [
    # (id, words, expected (start, end, verb) or None)
    (
        "press-service-reported",  # en_kz-ae_01 (parse: "service" appos, "reported" acl)
        w(
            "Tokayev/PROPN said/say/VERB "
            ",/PUNCT the/DET Akorda/PROPN press/NOUN service/NOUN reported/report/VERB ./PUNCT"
        ),
        (3, 7, 7),
    ),
    (
        "press-service-reports-noun",  # en_ru-kg_01 (parse: "reports" a plural noun)
        w(
            "He/PRON stated/state/VERB it/PRON "
            ",/PUNCT the/DET Kremlin/PROPN ’s/PART press/NOUN service/NOUN reports/report/NOUN ./PUNCT"
        ),
        (4, 9, 9),
    ),
    (
        "of-phrase",  # "the press service of the ministry informed"
        w(
            "Talks/NOUN began/begin/VERB "
            ",/PUNCT the/DET press/NOUN service/NOUN of/ADP the/DET ministry/NOUN "
            "informed/inform/VERB ./PUNCT"
        ),
        (3, 9, 9),
    ),
    (
        "name-reports",  # "…, Akorda reports." (en_kz-tj_01)
        w("Talks/NOUN began/begin/VERB ,/PUNCT Akorda/PROPN reports/report/VERB ./PUNCT"),
        (3, 4, 4),
    ),
    (
        "pronoun",  # "…, he said." — the parse reads it
        w("Talks/NOUN began/begin/VERB ,/PUNCT he/PRON said/say/VERB ./PUNCT"),
        None,
    ),
    (
        "verb-not-last",  # "…, KCNA said on Friday." — not a tail attribution of this kind
        w("Talks/NOUN began/begin/VERB ,/PUNCT KCNA/PROPN said/say/VERB on/ADP Friday/PROPN ./PUNCT"),
        None,
    ),
    (
        "clause-before",  # "…, which the ministry reported." — a relative clause
        w(
            "Talks/NOUN began/begin/VERB "
            ",/PUNCT which/PRON the/DET ministry/NOUN reported/report/VERB ./PUNCT"
        ),
        None,
    ),
    (
        "no-mark",  # "The Akorda press service reported." — the parse has a subject
        w("The/DET Akorda/PROPN press/NOUN service/NOUN reported/report/VERB ./PUNCT"),
        None,
    ),
    (
        "not-reporting",  # "…, the two sides agreed." — no reporting word
        w("Talks/NOUN began/begin/VERB ,/PUNCT the/DET sides/side/NOUN agreed/agree/VERB ./PUNCT"),
        None,
    ),
    (
        "no-noun",  # "…, the first reported." — nothing named
        w("Talks/NOUN began/begin/VERB ,/PUNCT the/DET first/ADJ reported/report/VERB ./PUNCT"),
        None,
    ),
]


@pytest.mark.parametrize("words,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_trailing_source(words, expected):
    assert trailing_source(words, SAY) == expected
