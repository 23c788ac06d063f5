"""Context and date clauses of a trigger (bilat.extract.events.context), table-driven over
hand-built trees and the project's own context tables."""

from __future__ import annotations

import pytest
from events_trees import keys, tree

from bilat.extract.events.context import (
    attributive_evaluation,
    clause_key,
    context,
    first_person,
    reported_past,
)
from bilat.extract.events.tables import tables

EN = tables("en").context
RU = tables("ru").context

CASES = [
    # (id, rows, tree, trigger index, anchor index, context)
    (
        # a modifier cue is read on the trigger and its anchor only, not on the governor above
        # a trigger that is its own anchor
        "mod of the governor, not of the trigger",
        EN,
        """
     Russia 1 nsubj PROPN
     signed 1 ROOT VERB sign
     agreement 1 dobj NOUN
     next 1 advmod ADJ
     """,
        2,
        2,
        None,
    ),
    (
        "happened",
        EN,
        """
     Russia 1 nsubj PROPN
     signed 1 ROOT VERB sign
     an 3 det DET
     agreement 1 dobj NOUN
     """,
        1,
        1,
        None,
    ),
    (
        "aux will",
        EN,
        """
     Russia 2 nsubj PROPN
     will 2 aux AUX
     sign 2 ROOT VERB
     """,
        2,
        2,
        "planned",
    ),
    (
        "negation",
        EN,
        """
     Russia 3 nsubj PROPN
     did 3 aux AUX do
     not 3 neg PART
     sign 3 ROOT VERB
     """,
        3,
        3,
        "negated",
    ),
    (
        "negated wins over planned",
        EN,
        """
     Russia 3 nsubj PROPN
     will 3 aux AUX
     not 3 neg PART
     sign 3 ROOT VERB
     """,
        3,
        3,
        "negated",
    ),
    (
        "governor: plans to visit",
        EN,
        """
     Putin 1 nsubj PROPN
     plans 1 ROOT VERB plan
     to 3 aux PART
     visit 1 xcomp VERB
     """,
        3,
        3,
        "planned",
    ),
    (
        "modifier: the next round of talks",
        EN,
        """
     the 2 det DET
     next 2 amod ADJ
     round 2 ROOT NOUN
     """,
        2,
        2,
        "planned",
    ),
    (
        "xgov: agreed to hold talks",
        EN,
        """
     they 1 nsubj PRON
     agreed 1 ROOT VERB agree
     to 3 aux PART
     hold 1 xcomp VERB _ VerbForm=Inf
     talks 3 dobj NOUN talk
     """,
        4,
        3,
        "planned",
    ),
    (
        "xgov needs the infinitive: agreed on a plan",
        EN,
        """
     they 1 nsubj PRON
     agreed 1 ROOT VERB agree
     on 1 prep ADP
     a 4 det DET
     deal 2 pobj NOUN
     """,
        4,
        4,
        None,
    ),
    (
        "a reported clause stops the chain",
        EN,
        """
     Lavrov 1 nsubj PROPN
     hopes 1 ROOT VERB hope
     Russia 3 nsubj PROPN
     signed 1 ccomp VERB sign
     """,
        3,
        3,
        None,
    ),
    (
        "Russian future tense",
        RU,
        """
     Россия 1 nsubj PROPN россия
     подпишет 1 ROOT VERB подписать Tense=Fut|VerbForm=Fin
     соглашение 1 obj NOUN
     """,
        1,
        1,
        "planned",
    ),
    (
        "a conjunct with its own tense keeps it: will cooperate … and we agreed (en_kz-uz_01)",
        EN,
        """
     we 1 nsubj PRON
     will 1 aux AUX will VerbForm=Fin
     cooperate 2 ROOT VERB cooperate VerbForm=Inf
     and 2 cc CCONJ
     we 5 nsubj PRON
     agreed 2 conj VERB agree Tense=Past|VerbForm=Fin
     """,
        5,
        5,
        None,
    ),
    (
        "a bare conjunct shares the auxiliary: will meet and discuss",
        EN,
        """
     they 2 nsubj PRON
     will 2 aux AUX will VerbForm=Fin
     meet 2 ROOT VERB meet VerbForm=Inf
     and 2 cc CCONJ
     discuss 2 conj VERB discuss VerbForm=Inf
     """,
        4,
        4,
        "planned",
    ),
    (
        "a conjunct with its own auxiliary: will be signed and were ratified",
        EN,
        """
     they 3 nsubjpass PRON
     will 3 aux AUX will VerbForm=Fin
     be 3 auxpass AUX be VerbForm=Inf
     signed 3 ROOT VERB sign Tense=Past|VerbForm=Part
     and 3 cc CCONJ
     were 6 auxpass AUX be Tense=Past|VerbForm=Fin
     ratified 3 conj VERB ratify Tense=Past|VerbForm=Part
     """,
        6,
        6,
        None,
    ),
    (
        "Russian: будем сотрудничать и договорились",
        RU,
        """
     мы 2 nsubj PRON мы
     будем 2 aux AUX быть Tense=Fut|VerbForm=Fin
     сотрудничать 2 ROOT VERB сотрудничать VerbForm=Inf
     и 4 cc CCONJ и
     договорились 2 conj VERB договориться Tense=Past|VerbForm=Fin
     """,
        4,
        4,
        None,
    ),
    (
        "Russian: будут подписаны и ратифицированы (a bare conjunct)",
        RU,
        """
     соглашения 2 nsubj:pass NOUN соглашение
     будут 2 aux:pass AUX быть Tense=Fut|VerbForm=Fin
     подписаны 2 ROOT VERB подписать Tense=Past|VerbForm=Part
     и 4 cc CCONJ и
     ратифицированы 2 conj VERB ратифицировать Tense=Past|VerbForm=Part
     """,
        4,
        4,
        "planned",
    ),
    (
        "a blockade stops what it governs: Lithuania's blockade of transit (en_ru-lt_01)",
        EN,
        """
     Lithuania 2 poss PROPN
     's 0 case PART
     blockade 2 ROOT NOUN
     of 2 prep ADP
     transit 3 pobj NOUN
     """,
        4,
        4,
        "negated",
    ),
    (
        "Russian: Литва готова блокировать транзит (ru_ru-lt_01)",
        RU,
        """
     Литва 1 nsubj PROPN литва
     готова 1 ROOT ADJ готовый
     блокировать 1 xcomp VERB блокировать VerbForm=Inf
     транзит 2 obj NOUN транзит
     """,
        3,
        3,
        "negated",
    ),
]


@pytest.mark.parametrize("rows, text, trig, anchor, want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_context(rows, text, trig, anchor, want):
    doc = tree(text, "ru" if rows is RU else "en")
    assert context(doc[trig], doc[anchor], keys(doc), rows) == want


WOULD_LIKE_TO_THANK = """
     I 2 nsubj PRON i Person=1
     would 2 aux AUX would VerbForm=Fin
     like 2 ROOT VERB like VerbForm=Inf
     to 4 aux PART
     thank 2 xcomp VERB thank VerbForm=Inf
     you 4 dobj PRON
     """
HE_WOULD_LIKE_TO_THANK = WOULD_LIKE_TO_THANK.replace(
    "I 2 nsubj PRON i Person=1", "he 2 nsubj PRON he Person=3"
)
WISH_TO_CONGRATULATE = """
     I 1 nsubj PRON i Person=1
     wish 1 ROOT VERB wish Tense=Pres|VerbForm=Fin
     to 3 aux PART
     congratulate 1 xcomp VERB congratulate VerbForm=Inf
     """
EXPRESS_GRATITUDE = """
     I 2 nsubj PRON i Person=1
     would 2 aux AUX would VerbForm=Fin
     like 2 ROOT VERB like VerbForm=Inf
     to 4 aux PART
     express 2 xcomp VERB express VerbForm=Inf
     my 6 poss PRON
     gratitude 4 dobj NOUN gratitude
     """
HOCHU = """
     хочу 0 ROOT VERB хотеть Person=1|Tense=Pres|VerbForm=Fin
     поблагодарить 0 xcomp VERB поблагодарить VerbForm=Inf
     вас 1 obj PRON вы
     """
HOTEL_BY = """
     я 1 nsubj PRON я Person=1
     хотел 1 ROOT VERB хотеть Tense=Past|VerbForm=Fin
     бы 1 aux AUX бы Mood=Cnd
     поздравить 1 xcomp VERB поздравить VerbForm=Inf
     """
HOTELOS_BY = """
     хотелось 0 ROOT VERB хотеться Tense=Past|VerbForm=Fin
     бы 0 aux AUX бы Mood=Cnd
     выразить 0 xcomp VERB выразить VerbForm=Inf
     благодарность 2 obj NOUN благодарность
     """
ON_HOCHET = """
     он 1 nsubj PRON он Person=3
     хочет 1 ROOT VERB хотеть Person=3|Tense=Pres|VerbForm=Fin
     поблагодарить 1 xcomp VERB поблагодарить VerbForm=Inf
     """

PERFORMATIVE_CASES = [
    # (id, rows, tree, trigger index, anchor index, class, context)
    ("I would like to thank (en_ru-kz_14, en_ru-mn_02)", EN, WOULD_LIKE_TO_THANK, 4, 4, "Support", None),
    ("I wish to congratulate (en_ru-am_01)", EN, WISH_TO_CONGRATULATE, 3, 3, "Support", None),
    (
        "I would like to express my gratitude (en_kz-tj_02, en_ru-kz_01)",
        EN,
        EXPRESS_GRATITUDE,
        6,
        6,
        "Support",
        None,
    ),
    (
        "he would like to thank: told of a third person",
        EN,
        HE_WOULD_LIKE_TO_THANK,
        4,
        4,
        "Support",
        "planned",
    ),
    ("I would like to visit: not a Support event", EN, WOULD_LIKE_TO_THANK, 4, 4, "Consult", "planned"),
    ("no class given", EN, WOULD_LIKE_TO_THANK, 4, 4, None, "planned"),
    ("хочу поблагодарить", RU, HOCHU, 1, 1, "Support", None),
    ("я хотел бы поздравить", RU, HOTEL_BY, 3, 3, "Support", None),
    ("хотелось бы выразить благодарность", RU, HOTELOS_BY, 3, 3, "Support", None),
    ("он хочет поблагодарить: told of a third person", RU, ON_HOCHET, 2, 2, "Support", "planned"),
    ("хочу встретиться: not a Support event", RU, HOCHU, 1, 1, "Consult", "planned"),
]


@pytest.mark.parametrize(
    "rows, text, trig, anchor, cls, want",
    [c[1:] for c in PERFORMATIVE_CASES],
    ids=[c[0] for c in PERFORMATIVE_CASES],
)
def test_context_performative(rows, text, trig, anchor, cls, want):
    doc = tree(text, "ru" if rows is RU else "en")
    assert context(doc[trig], doc[anchor], keys(doc), rows, cls) == want


@pytest.mark.parametrize(
    "text, lang, verb, want",
    [
        (WOULD_LIKE_TO_THANK, "en", 2, True),
        (HE_WOULD_LIKE_TO_THANK, "en", 2, False),
        (HOCHU, "ru", 0, True),
        (HOTELOS_BY, "ru", 0, True),
        (ON_HOCHET, "ru", 1, False),
    ],
)
def test_first_person(text, lang, verb, want):
    assert first_person(tree(text, lang)[verb]) is want


def test_context_rows_are_plain_values():
    rows = (("someday", "hypothetical", "mod"),)
    doc = tree("""
    someday 1 advmod ADV
    talks 1 ROOT NOUN talk
    """)
    assert context(doc[1], doc[1], keys(doc), rows) == "hypothetical"
    assert context(doc[1], doc[1], keys(doc), ()) is None


@pytest.mark.parametrize(
    "a, b, same",
    [
        (1, 5, True),  # "signed … on Monday": one clause
        (1, 8, False),  # "to meet next year": an infinitive complement is a clause of its own
        (7, 8, True),
    ],
)
def test_clause_key(a, b, same):
    # "They signed the deal on Monday and agreed to meet next year"
    doc = tree("""
    They 1 nsubj PRON
    signed 1 ROOT VERB sign
    the 3 det DET
    deal 1 dobj NOUN
    on 1 prep ADP
    Monday 4 pobj PROPN
    agreed 1 conj VERB agree
    meet 6 xcomp VERB _ VerbForm=Inf
    year 7 npadvmod NOUN
    """)
    assert (clause_key(doc[a], 0) == clause_key(doc[b], 0)) is same


PAST_CASES = [
    # (id, tree, anchor index, told as done)
    (
        "we signed",
        """
     we 1 nsubj PRON
     signed 1 ROOT VERB sign Tense=Past|VerbForm=Fin
     """,
        1,
        True,
    ),
    (
        "we have agreed (perfect)",
        """
     we 2 nsubj PRON
     have 2 aux AUX have Mood=Ind|Tense=Pres|VerbForm=Fin
     agreed 2 ROOT VERB agree Aspect=Perf|Tense=Past|VerbForm=Part
     """,
        2,
        True,
    ),
    (
        "the talks were held (a noun told by its verb)",
        """
     talks 2 nsubjpass NOUN talk Number=Plur
     were 2 auxpass AUX be Mood=Ind|Tense=Past|VerbForm=Fin
     held 2 ROOT VERB hold Aspect=Perf|Tense=Past|VerbForm=Part
     """,
        0,
        True,
    ),
    (
        "мы подписали",
        """
     мы 1 nsubj PRON
     подписали 1 ROOT VERB подписать Aspect=Perf|Mood=Ind|Number=Plur|Tense=Past|VerbForm=Fin
     """,
        1,
        True,
    ),
    (
        "we discuss (present)",
        """
     we 1 nsubj PRON
     discuss 1 ROOT VERB _ Tense=Pres|VerbForm=Fin
     """,
        1,
        False,
    ),
    (
        "agreements being signed (bare participle)",
        """
     agreements 2 nsubjpass NOUN agreement Number=Plur
     being 2 auxpass AUX be Aspect=Prog|Tense=Pres|VerbForm=Part
     signed 2 ROOT VERB sign Aspect=Perf|Tense=Past|VerbForm=Part
     """,
        0,
        False,
    ),
    (
        "at one meeting (a noun no verb tells)",
        """
     agree 0 ROOT VERB _ VerbForm=Inf
     at 0 prep ADP
     meeting 1 pobj NOUN
     """,
        2,
        False,
    ),
]


@pytest.mark.parametrize("rows, anchor, want", [c[1:] for c in PAST_CASES], ids=[c[0] for c in PAST_CASES])
def test_reported_past(rows, anchor, want):
    doc = tree(rows)
    assert reported_past(doc[anchor]) is want


SHOULD_STRENGTHEN = """
    sides 2 nsubj NOUN side
    should 2 aux AUX
    strengthen 2 ROOT VERB
    cooperation 2 dobj NOUN
    to 6 aux PART
    jointly 6 advmod ADV
    promote 2 advcl VERB _ VerbForm=Inf
    peace 6 dobj NOUN
    """
POTENTIAL_FOR = """
    countries 1 nsubj NOUN country
    have 1 ROOT VERB
    a 4 det DET
    high 4 amod ADJ
    potential 1 dobj NOUN
    for 4 prep ADP
    cooperation 5 pobj NOUN
    in 6 prep ADP
    energy 7 pobj NOUN
    """
ZAINTERESOVANA = """
    Москва 1 nsubj PROPN москва
    заинтересована 1 ROOT ADJ заинтересовать
    в 3 case ADP
    развитии 1 obl NOUN развитие
    партнерства 3 nmod NOUN партнёрство
    """
MUST_ADMIT = """
    we 2 nsubj PRON
    must 2 aux AUX
    admit 2 ROOT VERB
    they 4 nsubj PRON
    cooperated 2 ccomp VERB cooperate Tense=Past|VerbForm=Fin
    """
HOPES_FOR = """
    I 1 nsubj PRON
    have 1 ROOT VERB
    high 3 amod ADJ
    hopes 1 dobj NOUN hope
    for 3 prep ADP
    the 7 det DET
    full 7 amod ADJ
    implementation 4 pobj NOUN
    of 7 prep ADP
    projects 8 pobj NOUN project
    """
DETERMINED_TO = """
    administration 2 nsubj NOUN
    is 2 cop AUX
    determined 2 ROOT ADJ
    to 4 aux PART
    strengthen 2 xcomp VERB _ VerbForm=Inf
    cooperation 4 dobj NOUN
    """
NEED_TO = """
    Sharif 1 nsubj PROPN
    stressed 1 ROOT VERB
    the 3 det DET
    need 1 dobj NOUN
    to 5 aux PART
    work 3 acl VERB _ VerbForm=Inf
    together 5 advmod ADV
    to 8 aux PART
    enhance 5 advcl VERB _ VerbForm=Inf
    cooperation 8 dobj NOUN
    """

STANCE_CASES = [
    # (id, rows, tree, trigger index, anchor index, class, context)
    ("should strengthen … to jointly promote", EN, SHOULD_STRENGTHEN, 5, 6, "Cooperate", "hypothetical"),
    ("should … jointly: a stance only for Cooperate", EN, SHOULD_STRENGTHEN, 5, 6, "Consult", None),
    ("potential for cooperation", EN, POTENTIAL_FOR, 6, 6, "Cooperate", "hypothetical"),
    ("заинтересована в развитии партнерства", RU, ZAINTERESOVANA, 4, 4, "Cooperate", "hypothetical"),
    ("must admit that they cooperated: reported clause", EN, MUST_ADMIT, 4, 4, "Cooperate", None),
    ("high hopes for the full implementation of projects", EN, HOPES_FOR, 7, 7, "Cooperate", "hypothetical"),
    # a determination or a need voiced for cooperation (dev en_ir-tm_56, en_az-pk_62)
    ("is determined to strengthen cooperation", EN, DETERMINED_TO, 5, 5, "Cooperate", "hypothetical"),
    (
        "stressed the need to work together to enhance cooperation",
        EN,
        NEED_TO,
        9,
        9,
        "Cooperate",
        "hypothetical",
    ),
]


@pytest.mark.parametrize(
    "rows, text, trig, anchor, cls, want",
    [c[1:] for c in STANCE_CASES],
    ids=[c[0] for c in STANCE_CASES],
)
def test_context_stance(rows, text, trig, anchor, cls, want):
    doc = tree(text, "ru" if rows is RU else "en")
    assert context(doc[trig], doc[anchor], keys(doc), rows, cls) == want


@pytest.mark.parametrize(
    "direction, pos, dep, attributive",
    [
        ("speech", "ADJ", "amod", True),  # "не станет предпринимать провокационных шагов"
        ("charge", "ADJ", "amod", True),  # "«незаконные» шаги не имеют под собой оснований"
        ("speech", "ADJ", "ROOT", False),  # "this is unacceptable": the predicate itself
        ("speech", "NOUN", "amod", False),  # no adjective
        ("subj>obj", "ADJ", "amod", False),  # not an evaluation
    ],
)
def test_an_attributive_evaluation_is_read_from_its_noun(direction, pos, dep, attributive):
    assert attributive_evaluation(direction, pos, dep) is attributive


WILL_NOT_TAKE_PROVOCATIVE_STEPS = """
     Vilnius 3 nsubj PROPN
     will 3 aux AUX
     not 3 neg PART
     take 3 ROOT VERB
     provocative 5 amod ADJ
     steps 3 dobj NOUN step
     """


@pytest.mark.parametrize("climb, want", [(True, "negated"), (False, None)])
def test_context_without_climbing_reads_the_trigger_and_its_noun(climb, want):
    doc = tree(WILL_NOT_TAKE_PROVOCATIVE_STEPS, "en")
    assert context(doc[4], doc[5], keys(doc), EN, "Accuse", climb) == want
