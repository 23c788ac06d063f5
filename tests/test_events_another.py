"""Another meeting: talks dated in another month than the article are no restatement of the
article's meeting (bilat.extract.events.another, coref.restated), table-driven: plain values
in, plain values out, dates as ``context.date_for`` resolves them. The rows come from dev
articles (tests/corpus)."""

from __future__ import annotations

import pytest
from events_trees import tree

from bilat.extract.events.another import coordinated_twins, other_month, own_time
from bilat.extract.events.coref import Typed, restated

P = frozenset


@pytest.mark.parametrize(
    "date, base, want",
    [
        # en_ru-kp_01 "their meeting at the Vostochny Cosmodrome in September" (article of June,
        # "September" read forward)
        ("2024-09", "2024-06-20", True),
        # en_am-az_02 "Then, a meeting was held in Washington in November." (article of May 2023)
        ("2022-11", "2023-05-10", True),
        # en_am-az_02 "the negotiations on a peace treaty began in Geneva in October 2022"
        ("2022-10", "2023-05-10", True),
        # en_ru-th_01 "the meeting of … Putin and … Prayut Chan-o-cha in Singapore in November 2018"
        ("2018-11", "2019-07-30", True),
        # the article's own month, "this year": no other time
        ("2024-06", "2024-06-19", False),
        ("2024", "2024-06-19", False),
        # an earlier year is another time
        ("2013", "2024-05-17", True),
        # the article's talks told late or ahead, within a month
        ("2024-04-24", "2024-05-17", False),
        ("2024-06-28", "2024-07-02", False),
        # no date either side
        (None, "2024-06-19", False),
        ("2023-09", None, False),
    ],
)
def test_other_month(date, base, want):
    assert other_month(date, base) is want


@pytest.mark.parametrize(
    "cls, mode, context, date, base, want",
    [
        ("Consult", "meet", None, "2022-11", "2023-05-10", True),
        # a planned meeting's date is naturally not the article's ("will meet in September")
        ("Consult", "meet", "planned", "2024-09", "2024-06-20", False),
        # en_kz-gb_02 "the first UK Prime Minister to pay a state visit there in 2013"
        ("Consult", "visit", None, "2013", "2024-05-17", True),
        # calls and agreements are not decided here
        ("Consult", "phone", None, "2022-11", "2023-05-10", False),
        ("Agree", None, None, "2022-11", "2023-05-10", False),
        # the article's own talks
        ("Consult", "meet", None, "2023-05", "2023-05-10", False),
    ],
)
def test_own_time(cls, mode, context, date, base, want):
    assert own_time(cls, mode, context, date, base) is want


TALKS = Typed(1, "Consult", "meet", None, P({"putin", "kim", "russia", "north-korea"}))


@pytest.mark.parametrize(
    "later, want",
    [
        # "During the talks, the leaders discussed …": the article's talks told again
        (Typed(3, "Consult", "meet", None, P({"putin", "kim"})), {1}),
        # "Kim recalled … their meeting at the Vostochny Cosmodrome in September": another meeting
        (Typed(3, "Consult", "meet", None, P({"putin", "kim"}), own_time=True), set()),
    ],
)
def test_restatements_own_time(later, want):
    assert set(restated([TALKS, later])) == want


# Two meetings of one kind named side by side (``another.coordinated_twins``), hand-built trees
# ("word head dep POS [lemma]") of the dev sentences' shapes
TWO_HELD = """
the 1 det DET
meeting 3 nsubjpass NOUN
was 3 auxpass AUX be
held 3 ROOT VERB hold
and 3 cc CCONJ
the 6 det DET
meeting 7 nsubjpass NOUN
held 3 conj VERB hold
"""  # en_ru-us_01 "the NATO-Russia Council meeting was held …, and the OSCE … meeting [was held] …"

TWO_FORUMS = """
develop 0 ROOT VERB
during 0 prep ADP
the 3 det DET
forum 1 pobj NOUN
and 1 cc CCONJ
at 1 conj ADP
the 7 det DET
forum 5 pobj NOUN
"""  # en_ru-th_01 "during the upcoming … business forum … and at the digital cooperation forum …"

ONE_NEXT = """
The 1 det DET
meeting 2 nsubj NOUN
discussed 2 ROOT VERB discuss
the 5 det DET
next 5 amod ADJ
meeting 2 dobj NOUN
"""  # not coordinated: the one meeting discusses another

TALKS_AND_MEETING = """
held 0 ROOT VERB hold
talks 0 dobj NOUN talk
and 1 cc CCONJ
a 4 det DET
meeting 1 conj NOUN
"""  # two words of one meeting: not two of one kind


@pytest.mark.parametrize(
    "rows, a, b, want",
    [
        (TWO_HELD, 1, 6, True),
        (TWO_FORUMS, 3, 7, True),
        (ONE_NEXT, 1, 5, False),
        (TALKS_AND_MEETING, 1, 4, False),
        (TWO_HELD, 1, 1, False),
    ],
)
def test_coordinated_twins(rows, a, b, want):
    doc = tree(rows)
    assert coordinated_twins(doc[a], doc[b]) is want
    assert coordinated_twins(doc[b], doc[a]) is want
