"""Walks over the dependency tree (bilat.extract.events.tree), table-driven over hand-built trees."""

from __future__ import annotations

import pytest
from events_trees import keys, tree

from bilat.extract.events.tree import (
    agrees,
    clause_root,
    clause_verb,
    descendants,
    dominates,
    governed_by,
    head,
    kids,
    nearest_subjects,
    nested,
    passive,
    passive_agents,
    phrase,
    subject,
)

# "Putin, who arrived in Astana, held talks with Tokayev and praised the cooperation ."
SENT = tree("""
Putin 5 nsubj PROPN
, 0 punct PUNCT
who 3 nsubj PRON
arrived 0 relcl VERB
in 3 prep ADP
held 5 ROOT VERB hold
talks 5 dobj NOUN talk
with 6 prep ADP
Tokayev 7 pobj PROPN
and 5 cc CCONJ
praised 5 conj VERB praise
the 12 det DET
cooperation 10 dobj NOUN
. 5 punct PUNCT
""")
RELATIVES = frozenset({"who", "which", "которой", "где"})


@pytest.mark.parametrize(
    "tok, want",
    [
        (0, "Putin"),  # the relative clause and the comma are not the subject's phrase
        (6, "talks with Tokayev"),
        # a verb's phrase: its subject, objects and conjuncts; the conjunction, the relative clause
        # and the full stop left out
        (5, "Putin held talks with Tokayev praised the cooperation"),
    ],
)
def test_phrase(tok, want):
    assert " ".join(t.text for t in sorted(phrase(SENT[tok]), key=lambda t: t.i)) == want


@pytest.mark.parametrize("toks, want", [((6, 7, 8), 6), ((11, 12), 12), ((0,), 0)])
def test_head(toks, want):
    assert head([SENT[i] for i in toks]).i == want


@pytest.mark.parametrize(
    "tok, verb, root",
    [
        (8, 5, 5),  # "Tokayev" → "held", the main clause
        (12, 10, 5),  # "cooperation" → its verb "praised"; a conjunct is in its first verb's clause
        (4, 3, 3),  # "in" → "arrived", the root of a relative clause
    ],
)
def test_clause_verb_and_root(tok, verb, root):
    assert clause_verb(SENT[tok]).i == verb
    assert clause_root(SENT[tok]).i == root


@pytest.mark.parametrize(
    "verb, want",
    [
        (5, 0),  # its own subject
        (10, 0),  # a coordinated verb shares the first verb's subject
        (3, 0),  # a relative pronoun's antecedent
    ],
)
def test_subject(verb, want):
    assert subject(SENT[verb], keys(SENT), RELATIVES).i == want


def test_no_subject():
    doc = tree("""
    Signed 0 ROOT VERB sign
    an 2 det DET
    agreement 0 dobj NOUN
    """)
    assert subject(doc[0], keys(doc), RELATIVES) is None


@pytest.mark.parametrize(
    "a, b, want", [(5, 8, True), (5, 6, True), (6, 5, False), (5, 12, True), (3, 4, True)]
)
def test_dominates(a, b, want):
    assert dominates(SENT[a], SENT[b]) is want


def test_nested():
    # "These remarks are the result of propaganda": "propaganda" hangs on "result", not on "are"
    doc = tree("""
    remarks 1 nsubj NOUN remark
    are 1 ROOT AUX be
    the 3 det DET
    result 1 attr NOUN
    of 3 prep ADP
    propaganda 4 pobj NOUN
    """)
    assert nested(doc[5], doc[1]) is True
    # "expressed words of gratitude": the verb's own object does not nest
    doc = tree("""
    expressed 0 ROOT VERB express
    words 0 dobj NOUN word
    of 1 prep ADP
    gratitude 2 pobj NOUN
    """)
    assert nested(doc[3], doc[0]) is False


# "facilitates the timely implementation of previous bilateral agreements"
IMPL = tree("""
facilitates 0 ROOT VERB facilitate
the 3 det DET
timely 3 amod ADJ
implementation 0 dobj NOUN
of 3 prep ADP
previous 7 amod ADJ
bilateral 7 amod ADJ
agreements 4 pobj NOUN agreement
""")
# "Лавров и Байрамов намерены обсудить выполнение трехсторонних соглашений"
VYP = tree(
    """
намерены 0 ROOT ADJ намеренный
обсудить 0 xcomp VERB обсудить
выполнение 1 obj NOUN выполнение
трехсторонних 3 amod ADJ трехсторонний
соглашений 2 nmod NOUN соглашение
""",
    "ru",
)
CUES = frozenset({"implementation", "implement", "выполнение"})


@pytest.mark.parametrize(
    "doc, i, want",
    [
        (IMPL, 7, True),  # through "of": the implementation of agreements
        (IMPL, 3, False),  # the cue word itself is not governed by one
        (VYP, 4, True),  # выполнение соглашений
        (VYP, 2, False),
    ],
)
def test_governed_by(doc, i, want):
    assert governed_by(doc[i], lambda t: t.lemma_ in CUES) is want


def _headed_token_by_token(rows: str):
    """A tree whose heads are written one token at a time after it was built (as natasha's are,
    ``extract/nlp.py``): spaCy's ``children`` may then miss some dependents."""
    doc = tree(
        "\n".join(f"{r.split()[0]} {i} dep {r.split()[3]}" for i, r in enumerate(rows.strip().splitlines()))
    )
    for i, r in enumerate(rows.strip().splitlines()):
        w, h, dep, _ = r.split()[:4]
        doc[i].dep_ = dep
        if int(h) != i:
            doc[i].head = doc[int(h)]
    return doc


@pytest.mark.parametrize(
    "rows, verb, want",
    [
        # "Президент России Владимир Путин на встрече с королем заявил, что …": the subject
        # is found from the heads whatever order they were written in
        (
            """
            Президент 6 nsubj NOUN
            России 0 nmod PROPN
            на 3 case ADP
            встрече 6 obl NOUN
            с 5 case ADP
            королем 3 nmod NOUN
            заявил 6 ROOT VERB
            """,
            6,
            "Президент",
        ),
        ("Lavrov 1 nsubj PROPN\nsaid 1 ROOT VERB", 1, "Lavrov"),
        # a relative clause with no subject that a relative word opens as an adverbial: the
        # subject of the clause whose noun it describes ("Алиев выступил с речью на форуме, в
        # которой отметил …"; "… направил письмо, где указал …")
        (
            """
            Алиев 1 nsubj PROPN
            выступил 1 ROOT VERB
            с 3 case ADP
            речью 1 obl NOUN
            на 5 case ADP
            форуме 3 nmod NOUN
            в 7 case ADP
            которой 8 obl PRON
            отметил 5 acl:relcl VERB
            """,
            8,
            "Алиев",
        ),
        (
            """
            Лукашенко 1 nsubj PROPN
            направил 1 ROOT VERB
            письмо 1 obj NOUN
            где 4 advmod ADV
            указал 2 acl:relcl VERB
            """,
            4,
            "Лукашенко",
        ),
    ],
)
def test_subject_from_heads(rows, verb, want):
    doc = _headed_token_by_token(rows)
    s = subject(doc[verb], keys(doc), RELATIVES)
    assert s is not None and s.text == want
    assert {t.i for t in kids(doc[verb])} == {t.i for t in doc if t.head.i == verb and t.i != verb}


@pytest.mark.parametrize(
    "rows, subj, verb, want",
    [
        # a singular noun is no subject of a plural verb (the parse lent it from the reported clause)
        ("Глава 1 nsubj NOUN _ Number=Sing\nзаявили 1 ROOT VERB _ Number=Plur", 0, 1, False),
        ("Стороны 1 nsubj NOUN _ Number=Plur\nзаявили 1 ROOT VERB _ Number=Plur", 0, 1, True),
        # coordinated singulars make a plural subject
        (
            "Лавров 3 nsubj PROPN _ Number=Sing\nи 2 cc CCONJ\nДжайшанкар 0 conj PROPN _ Number=Sing\n"
            "заявили 3 ROOT VERB _ Number=Plur",
            0,
            3,
            True,
        ),
        # no number on the verb (English "said"): no veto
        ("Lavrov 1 nsubj PROPN _ Number=Sing\nsaid 1 ROOT VERB", 0, 1, True),
    ],
)
def test_agrees(rows, subj, verb, want):
    doc = tree(rows)
    assert agrees(doc[subj], doc[verb]) is want


# '" … Farukh ] , " he added .': the parse gives the reporting verb a second subject inside the
# quoted words; '… , » Likhachev said': the closing quote mark taken for a subject
QUOTED = tree("""
" 2 punct PUNCT
It 2 nsubjpass PRON
preceded 2 ROOT VERB precede
Farukh 9 nsubj PROPN
] 9 punct PUNCT
, 9 punct PUNCT
" 9 punct PUNCT
he 9 nsubj PRON
also 9 advmod ADV
added 9 ROOT VERB add
» 12 nsubj PROPN
Likhachev 12 nsubj PROPN
said 12 ROOT VERB say
Putin 14 nsubj PROPN
spoke 14 ROOT VERB speak
""")


@pytest.mark.parametrize(
    "verb, want",
    [
        (9, ["he", "Farukh"]),  # the subject cut off from the verb by a closing quote comes last
        (12, ["Likhachev"]),  # a quote mark is no subject
        (14, ["Putin"]),
        (2, ["It"]),
    ],
)
def test_nearest_subjects(verb, want):
    assert [t.text for t in nearest_subjects(QUOTED[verb])] == want
    assert subject(QUOTED[verb], keys(QUOTED), RELATIVES).text == want[0]


# passive clauses: who acts (the agent, a bare instrumental, the place summoned to) and whether
# a verb is passive
_BY = """
Kazakhstan 2 nsubjpass PROPN
was 2 auxpass AUX be
accused 2 ROOT VERB accuse
by 2 agent ADP
Russia 3 pobj PROPN
"""
_SUMMONED_EN = """
The 1 det DET
ambassador 3 nsubjpass NOUN
was 3 auxpass AUX be
summoned 3 ROOT VERB summon
to 3 prep ADP
the 6 det DET
Ministry 4 pobj PROPN
and 3 cc CCONJ
handed 3 conj VERB hand Tense=Past|VerbForm=Part
a 10 det DET
note 8 dobj NOUN
"""
_ACTIVE = """
Russia 1 nsubj PROPN
summoned 1 ROOT VERB summon Tense=Past|VerbForm=Fin
the 3 det DET
ambassador 1 dobj NOUN
to 1 prep ADP
Moscow 4 pobj PROPN
"""
# "Посол вызван в МИД", "Казахстан был обвинен Россией в нарушении"
_SUMMONED_RU = """
Посол 1 nsubj:pass NOUN посол Case=Nom
вызван 1 ROOT VERB вызвать Variant=Short|VerbForm=Part|Voice=Pass
в 3 case ADP
МИД 1 obl PROPN мид Case=Acc
"""
_INSTR_RU = """
Казахстан 2 nsubj:pass PROPN казахстан Case=Nom
был 2 aux:pass AUX быть
обвинен 2 ROOT VERB обвинить Variant=Short|VerbForm=Part|Voice=Pass
Россией 2 obl PROPN россия Case=Ins
в 5 case ADP
нарушении 2 obl NOUN нарушение Case=Loc
"""


@pytest.mark.parametrize(
    "rows, lang, verb, expected",
    [
        (_BY, "en", "accused", True),
        (_SUMMONED_EN, "en", "summoned", True),
        (_SUMMONED_EN, "en", "handed", True),  # a bare participle sharing the passive subject
        (_ACTIVE, "en", "summoned", False),
        (_SUMMONED_RU, "ru", "вызван", True),
        (_INSTR_RU, "ru", "обвинен", True),
    ],
)
def test_passive(rows, lang, verb, expected):
    doc = tree(rows, lang)
    assert passive(next(t for t in doc if t.text == verb)) is expected


@pytest.mark.parametrize(
    "rows, lang, verb, instrumental, called, expected",
    [
        (_BY, "en", "accused", False, set(), ["Russia"]),
        # the place summoned to acts, for a verb of calling only
        (_SUMMONED_EN, "en", "summoned", False, {"to"}, ["Ministry"]),
        (_SUMMONED_EN, "en", "summoned", False, set(), []),
        (_SUMMONED_RU, "ru", "вызван", True, {"в"}, ["МИД"]),
        # a bare instrumental, where the language names its agent so; not "в нарушении"
        (_INSTR_RU, "ru", "обвинен", True, set(), ["Россией"]),
        (_INSTR_RU, "ru", "обвинен", False, set(), []),
        (_INSTR_RU, "ru", "обвинен", False, {"в"}, ["нарушении"]),
    ],
)
def test_passive_agents(rows, lang, verb, instrumental, called, expected):
    doc = tree(rows, lang)
    v = next(t for t in doc if t.text == verb)
    got = passive_agents(v, keys(doc), frozenset({"by"}), instrumental, frozenset(called))
    assert [t.text for t in got] == expected


@pytest.mark.parametrize(
    "rows, tok, want",
    [
        # a tree: the token and all below it, as spaCy's subtree gives them
        (
            """
            переговоров 0 ROOT NOUN
            с 2 case ADP
            министром 0 nmod NOUN
            Ли 2 appos PROPN
            """,
            2,
            ["с", "министром", "Ли"],
        ),
        # heads in a cycle (natasha's may be: "переговоров" under "министром" under it): each
        # token once, where spaCy's subtree never ends
        (
            """
            переговоров 2 nmod NOUN
            с 2 case ADP
            министром 0 nmod NOUN
            Ли 2 appos PROPN
            """,
            2,
            ["переговоров", "с", "министром", "Ли"],
        ),
    ],
)
def test_descendants(rows, tok, want):
    doc = _headed_token_by_token(rows)
    assert [t.text for t in descendants(doc[tok])] == want
