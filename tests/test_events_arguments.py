"""The steps of the arguments of a typed event (bilat.extract.events.arguments) that read what
the passes found, table-driven: the statements of pass 1 (``records.Said``) and the talks and
directed events pass 2 has reported so far (``records.Reported``), given by hand."""

from __future__ import annotations

import pytest
from events_trees import tree, view_of

from bilat.extract.events.arguments import (
    agent_before,
    first_persons,
    interlocutor,
    is_addressed,
    persons_after,
    someone_elses_clause,
    talk_persons,
    voiced_by,
)
from bilat.extract.events.records import Reported, Said, Statement
from bilat.extract.events.typed import quoted

# the shape of ru_ru-kz calls: a call reported, condolences with no agent, a note handed
TEXT = (
    "Putin held a phone call with Tokayev. "
    "Condolences were expressed. "
    "The parties discussed trade. "
    "A note was handed to the ambassador. "
    "The ministry made a statement. "
    "Another note was handed over."
)
NAMES = {"Putin": ("vladimir-putin", "Person"), "Tokayev": ("kassym-jomart-tokayev", "Person")}
V = view_of(TEXT, NAMES)
CALL = (0, ("vladimir-putin", "kassym-jomart-tokayev"))


def unit(words: str):
    return V.unit_of(TEXT.index(words))


@pytest.mark.parametrize(
    "rep, at, cls, talks, expected",
    [
        # "Выражены взаимные соболезнования" after a call: the persons of the call
        (
            Reported(talks=(CALL,)),
            "Condolences",
            "Support",
            True,
            ["vladimir-putin", "kassym-jomart-tokayev"],
        ),
        # not an evaluation: the call says nothing of who acted
        (Reported(talks=(CALL,)), "Condolences", "Protest", False, []),
        # the same note told again: the source of the last event of its class
        (Reported(agents=((3, "Protest", ("mfa-kz",)),)), "Another note", "Protest", False, ["mfa-kz"]),
        # too far back (more than three sentences)
        (Reported(agents=((0, "Protest", ("mfa-kz",)),)), "Another note", "Protest", False, []),
        (Reported(agents=((3, "Reject", ("mfa-kz",)),)), "Another note", "Protest", False, []),
    ],
)
def test_agent_before(rep, at, cls, talks, expected):
    assert agent_before(V, rep, unit(at), cls, talks=talks) == (expected, [])


@pytest.mark.parametrize(
    "rep, at, source, expected",
    [
        # "Tokayev expressed condolences" after a call between Putin and Tokayev
        (Reported(talks=(CALL,)), "Condolences", ["kassym-jomart-tokayev"], ["vladimir-putin"]),
        (Reported(talks=(CALL,)), "The parties", ["vladimir-putin"], ["kassym-jomart-tokayev"]),
        # the call was reported more than two sentences before
        (Reported(talks=(CALL,)), "A note", ["vladimir-putin"], []),
        # the source took no part in the talks
        (Reported(talks=(CALL,)), "Condolences", ["mfa-kz"], []),
        (Reported(), "Condolences", ["kassym-jomart-tokayev"], []),
    ],
)
def test_interlocutor(rep, at, source, expected):
    assert interlocutor(V, Said(), rep, unit(at), source)[0] == expected


# a statement's quote and its reported clause voice what they hold
SPEECH = (
    '"Such provocative remarks are unacceptable," Zakharova said. '
    "She said that Russia values the partnership. "
    "Thank you, said the minister."
)
SV = view_of(SPEECH, {"Zakharova": ("maria-zakharova", "Person"), "Russia": ("russia", "Country")})
Q_END = SPEECH.index('," ')
ZAKHAROVA = Statement(
    (SPEECH.index("said"), SPEECH.index("said") + 4, "said"),
    SV.unit_of(SPEECH.index("said")),
    ("maria-zakharova",),
    (("maria-zakharova", SPEECH.index("Zakharova"), SPEECH.index("Zakharova") + 9),),
    (1, Q_END),
    0,
    SPEECH.index(" She"),
    None,
)
SAID = Said(statements=(ZAKHAROVA,), quote_speakers=((1, Q_END, ("maria-zakharova",)),))


@pytest.mark.parametrize(
    "word, voiced",
    [
        ("provocative", ["maria-zakharova"]),  # inside the quote
        ("Zakharova", ["maria-zakharova"]),  # in the reported clause
        ("values", []),  # another sentence
    ],
)
def test_voiced_by_and_quoted(word, voiced):
    keys, args = voiced_by(SV, SAID, SPEECH.index(word))
    assert keys == voiced
    assert [a[0] for a in args] == voiced
    assert quoted(SAID, SPEECH.index(word)) == (word == "provocative")


ADDRESSED = '"We welcome you in Astana," Tokayev said. "The talks were useful," he added.'
AV = view_of(ADDRESSED, {"Tokayev": ("kassym-jomart-tokayev", "Person")})


@pytest.mark.parametrize(
    "quotes, expected",
    [
        (((1, ADDRESSED.index('," T'), ("kassym-jomart-tokayev",)),), True),  # "you" in a quote
        ((), False),  # a "you" in no one's quoted words addresses no one
    ],
)
def test_is_addressed(quotes, expected):
    assert is_addressed(AV, Said(quote_speakers=quotes), AV.units[0]) is expected


# "Putin held talks with Tokayev, who chose Russia for his first visit" (en regression
# en_008): the visit in a relative clause of someone else
_RELATIVE = """
Putin 1 nsubj PROPN
held 1 ROOT VERB hold
talks 1 dobj NOUN talk
with 2 prep ADP
Tokayev 3 pobj PROPN
who 6 nsubj PRON
chose 4 relcl VERB choose
Russia 6 dobj PROPN
for 6 prep ADP
his 10 poss PRON
visit 8 pobj NOUN
"""
# "пригласил Путина посетить Казахстан с визитом" (ru regression ru_016): an infinitive
# controlled by the object
_INVITED = """
пригласил 0 ROOT VERB пригласить
Путина 0 obj PROPN Путин
посетить 0 xcomp VERB
Казахстан 2 obj PROPN
с 5 case ADP
визитом 2 obl NOUN визит
"""
# "His previous visit was his first foreign trip" (en_ru-kg_02): the visit is the clause's own
_OWN = """
His 2 poss PRON
previous 2 amod ADJ
visit 3 nsubj NOUN
was 3 ROOT AUX be
"""


@pytest.mark.parametrize(
    "rows, lang, word, expected",
    [
        (_RELATIVE, "en", "visit", True),
        (_INVITED, "ru", "визитом", True),
        (_OWN, "en", "visit", False),
    ],
)
def test_someone_elses_clause(rows, lang, word, expected):
    doc = tree(rows, lang)
    anchor = next(t for t in doc if t.text == word)
    assert someone_elses_clause(anchor) is expected


@pytest.mark.parametrize(
    "named, have, want, country, expected",
    [
        # "The leaders discussed …" opening a lead, named in the next sentence (en_ru-mz_57)
        ([("putin", "russia"), ("nyusi", "mozambique")], (), 2, None, ["putin", "nyusi"]),
        # one leader named before: only the other one is wanted, not him again
        ([("putin", "russia"), ("nyusi", "mozambique")], ("putin",), 1, None, ["nyusi"]),
        # "Президенты России и Казахстана …" over "Путин … с … Назарбаевым": the state's person
        ([("putin", "russia"), ("nazarbayev", "kazakhstan")], (), 1, "kazakhstan", ["nazarbayev"]),
        ([("putin", "russia")], (), 1, "kazakhstan", []),
        # the same person named twice is one; nobody named after, nobody
        (
            [("putin", "russia"), ("putin", "russia"), ("nyusi", "mozambique")],
            (),
            2,
            None,
            ["putin", "nyusi"],
        ),
        ([], (), 2, None, []),
    ],
)
def test_first_persons(named, have, want, country, expected):
    assert first_persons(named, have, want, country) == expected


LEAD = (
    "The leaders discussed trade. Following the talks, Putin and Nyusi signed documents. "
    "Xi spoke. Lavrov spoke."
)
LEAD_V = view_of(
    LEAD,
    {
        "Putin": ("vladimir-putin", "Person"),
        "Nyusi": ("filipe-nyusi", "Person"),
        "Xi": ("xi-jinping", "Person"),
        "Lavrov": ("sergey-lavrov", "Person"),
    },
)


@pytest.mark.parametrize(
    "reach, expected",
    [
        # the persons of the next sentences, in text order, as far as ``reach`` goes
        (1, ["vladimir-putin", "filipe-nyusi"]),
        (2, ["vladimir-putin", "filipe-nyusi", "xi-jinping"]),
        (0, []),
    ],
)
def test_persons_after(reach, expected):
    end = LEAD.index(".") + 1
    assert [k for k, _ in persons_after(LEAD_V, end, reach)] == expected


@pytest.mark.parametrize(
    "talks, unit, reach, expected",
    [
        # "Kulubaev met with … Saidov" (unit 1) … "During the meeting, … a schedule … was
        # agreed upon" (unit 6, en_kg-uz_51): the persons of those talks
        ([(1, ("kulubaev", "saidov"))], 6, 8, ["kulubaev", "saidov"]),
        # the last talks count, and only talks of two persons at least
        ([(0, ("putin", "tokayev")), (2, ("lavrov", "vassilenko"))], 3, 8, ["lavrov", "vassilenko"]),
        ([(0, ("putin", "tokayev")), (2, ("lavrov",))], 3, 8, ["putin", "tokayev"]),
        ([(2, ("lavrov", "lavrov"))], 3, 8, []),
        # talks too far back, or told after the event: none
        ([(1, ("kulubaev", "saidov"))], 10, 8, []),
        ([(5, ("kulubaev", "saidov"))], 4, 8, []),
        ([], 3, 8, []),
    ],
)
def test_talk_persons(talks, unit, reach, expected):
    assert talk_persons(talks, unit, reach) == expected


#: "The parties discussed the visit of Mirziyoyev to Kazakhstan." / "… the visit by Mirziyoyev …"
#: / "… the visit of the ministry to Kazakhstan."
VISIT_OF = """
The 1 det DET
parties 2 nsubj NOUN party Number=Plur
discussed 2 ROOT VERB discuss Tense=Past|VerbForm=Fin
the 4 det DET
visit 2 dobj NOUN visit Number=Sing
{prep} 4 prep ADP
{name} 5 pobj PROPN
to 4 prep ADP
Kazakhstan 7 pobj PROPN
. 2 punct PUNCT
"""


@pytest.mark.parametrize(
    "prep, name, cls, expected",
    [
        # "the upcoming visit of the President of Uzbekistan to Kazakhstan": the person of "of"
        # is the visitor, not the parties of the clause
        ("of", "Mirziyoyev", "Person", ["shavkat-mirziyoyev"]),
        ("by", "Mirziyoyev", "Person", ["shavkat-mirziyoyev"]),
        # "of" naming no person is not the visitor ("the visit of the ministry"): the clause's
        # subject stays the source
        ("of", "Ministry", "GovernmentBody", []),
    ],
)
def test_the_visitor_of_a_visit_noun(prep, name, cls, expected):
    from bilat.extract.events.arguments import source_of
    from bilat.extract.events.records import Cand

    doc = tree(VISIT_OF.format(prep=prep, name=name))
    key = "shavkat-mirziyoyev" if cls == "Person" else "ministry"
    names = {name: (key, cls), "Kazakhstan": ("kazakhstan", "Country")}
    v = view_of(doc, names)
    row = next(r for r in v.tab.triggers if r.cls == "Consult" and r.mode == "visit" and len(r.words) == 1)
    c = Cand(row, doc[4], doc[4], (doc[4],), "planned", "visit")
    keys, _args = source_of(v, Said(), Reported(), c)
    assert [k for k in keys if k in ("shavkat-mirziyoyev", "ministry")] == expected
