"""The indexes the document's view builds once (bilat.extract.events.document): the joined
quoted spans ``in_quote`` bisects, the mentions overlapping each token, the plain words; and the
first test of a trailing source read on tokens (``attribution.ends_with_say``). Each gives what
the scan it replaces gives."""

from __future__ import annotations

from types import SimpleNamespace as T

import pytest

from bilat.extract.events.attribution import ends_with_say, trailing_source
from bilat.extract.events.document import mentions_by_token, quoted_spans


@pytest.mark.parametrize(
    "quotes",
    [
        [],
        [(0, 10, 1, 9)],
        [(0, 30, 1, 29), (10, 20, 11, 19)],  # nested
        [(0, 30, 1, 29), (28, 35, 29, 34)],  # overlapping
        [(0, 10, 1, 9), (9, 20, 9, 19)],  # adjacent
        [(5, 5, 5, 5), (20, 30, 21, 29)],  # an empty one
        [(40, 60, 41, 59), (0, 10, 1, 9)],  # out of order
    ],
)
def test_quoted_spans_hold_the_offsets_of_the_quotes(quotes):
    spans = quoted_spans(quotes)
    assert spans == sorted(spans)
    assert all(b <= c for (_, b), (c, _) in zip(spans, spans[1:], strict=False))  # disjoint
    for offset in range(-1, 65):
        inside = any(qs <= offset < qe for _ms, _me, qs, qe in quotes)
        assert inside == any(a <= offset < b for a, b in spans), offset


#: "Sergey Lavrov met Wang Yi in Moscow." — (start, length) of each token
TOKENS = [(0, 6), (7, 6), (14, 3), (18, 4), (23, 2), (26, 2), (29, 6), (35, 1)]


@pytest.mark.parametrize(
    "mentions",
    [
        [],
        [(0, 13)],
        [(0, 13), (7, 13), (18, 25), (29, 35)],
        [(3, 9)],  # inside tokens, across their gap
        [(13, 15)],  # a space and the first character of a token
        [(36, 40)],  # after the last token
    ],
)
def test_mentions_by_token_are_those_overlapping_it(mentions):
    starts = [s for s, _ in TOKENS]
    found = mentions_by_token(mentions, starts, lambda i: TOKENS[i][1])
    for i, (s, n) in enumerate(TOKENS):
        expected = tuple(k for k, (a, b) in enumerate(mentions) if s < b and a < s + n)
        assert found.get(i, ()) == expected, i


SAY = frozenset({"report", "say"})


@pytest.mark.parametrize(
    "words",
    [
        [
            ("Talks", "talk", "NOUN"),
            ("began", "begin", "VERB"),
            (",", ",", "PUNCT"),
            ("the", "the", "DET"),
            ("press", "press", "NOUN"),
            ("service", "service", "NOUN"),
            ("reported", "report", "VERB"),
            (".", ".", "PUNCT"),
        ],
        [("he", "he", "PRON"), ("said", "say", "VERB"), (".", ".", "PUNCT")],
        [("Talks", "talk", "NOUN"), ("began", "begin", "VERB"), (".", ".", "PUNCT")],
        [("said", "say", "VERB"), ("!", "!", "PUNCT")],
        [(".", ".", "PUNCT")],
        [],
    ],
)
def test_a_trailing_source_needs_a_reporting_word_last(words):
    toks = [T(text=w, lemma_=lemma) for w, lemma, _pos in words]
    if not ends_with_say(toks, SAY):
        assert trailing_source(words, SAY) is None
