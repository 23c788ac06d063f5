"""The small steps of the statements (bilat.extract.events.statements), table-driven over plain
values and hand-built trees: outlets that speak for themselves, verbs that name their object as
something, the agent of a passive reporting verb; and the steps of pass 1 that add what they find
to what was found before (``records.Said``): a statement added, a quoted paragraph of its own,
transcript turns."""

from __future__ import annotations

import pytest
from events_trees import keys, tree, view_of

from bilat.extract.events.records import Said
from bilat.extract.events.statements import (
    add_statement,
    addressee_subject,
    agent_phrase,
    closest_before,
    governing_clause,
    linked_cue_word,
    lone_quote_statement,
    names_as,
    outlet_speaks,
    performs_act,
    referred_to,
    subject_inside,
    transcript_turns,
)


@pytest.mark.parametrize(
    "kind, head_pos, cue_start, speakers, want",
    [
        ("subj", "VERB", 8, [(0, "")], True),  # "Sputnik stated that …"
        ("subj", "VERB", 20, [(4, "")], True),  # "The news agency said …"
        ("subj", "VERB", 90, [(80, ",")], False),  # "…, TASS reports."
        ("subj", "VERB", 90, [(80, "—")], False),  # "… — передает ТАСС"
        ("subj", "VERB", 90, [(72, ",")], False),  # "…, Russia's RIA Novosti news agency reported."
        ("subj", "VERB", 10, [(20, "")], False),  # "reported Akorda": named after the cue
        ("subj", "VERB", 10, [], False),
        ("after", "ADP", 0, [(13, "")], True),  # "according to currenttime.tv"
        ("after", "NOUN", 0, [(10, "")], True),  # "по данным «РИА Новости»"
        ("after", "VERB", 5, [(15, "")], False),  # "цитирует «РИА Новости»"
        ("author", "VERB", 0, [(5, "")], False),
    ],
)
def test_outlet_speaks(kind, head_pos, cue_start, speakers, want):
    assert outlet_speaks(kind, head_pos, cue_start, speakers) is want


@pytest.mark.parametrize(
    "kind, head_pos, cue_start, speakers, want",
    [
        ("subj", "VERB", 90, [(80, ",")], True),  # "…, Reuters reported, citing industry sources."
        ("subj", "VERB", 10, [(20, "")], True),  # "сообщила газета The Print со ссылкой на источники"
        ("author", "VERB", 0, [(5, "")], False),
    ],
)
def test_outlet_citing_sources_it_does_not_name_speaks(kind, head_pos, cue_start, speakers, want):
    assert outlet_speaks(kind, head_pos, cue_start, speakers, own_sources=True) is want


# "Tokayev called China a leader ." / "He called on Russia to stop ." / "He called the talks ."
CALLED = tree("""
Tokayev 1 nsubj PROPN
called 1 ROOT VERB call
China 1 dobj PROPN
a 4 det DET
leader 1 oprd NOUN
. 1 punct PUNCT
He 7 nsubj PRON
called 7 ROOT VERB call
on 7 prep ADP
Russia 8 pobj PROPN
to 11 aux PART
stop 7 xcomp VERB
He 13 nsubj PRON
called 13 ROOT VERB call
the 15 det DET
talks 13 dobj NOUN
""")
# "Лавров назвал переговоры конструктивными"
NAZVAL = tree(
    """
Лавров 1 nsubj PROPN
назвал 1 ROOT VERB назвать
переговоры 1 obj NOUN
конструктивными 1 xcomp ADJ
""",
    "ru",
)


@pytest.mark.parametrize(
    "doc, verb, want",
    [
        (CALLED, 1, True),  # an object and what it is called
        (CALLED, 7, False),  # "called on Russia to stop": a verb, no object
        (CALLED, 13, False),  # no predicate: needs a quote
        (NAZVAL, 1, True),
    ],
)
def test_names_as(doc, verb, want):
    assert names_as(doc[verb]) is want


# "… , as reported by the Interfax news agency ." / "Markovskaya was quoted by RIA ."
REPORTED = tree("""
as 1 mark SCONJ
reported 1 ROOT VERB report
by 1 agent ADP
the 6 det DET
Interfax 6 compound PROPN
news 6 compound NOUN
agency 2 pobj NOUN
Markovskaya 9 nsubjpass PROPN
was 9 auxpass AUX
quoted 9 ROOT VERB quote
by 9 agent ADP
RIA 10 pobj PROPN
""")


@pytest.mark.parametrize(
    "verb, want",
    [
        (1, "the Interfax news agency"),  # no subject of its own: the agent
        (9, ""),  # a subject of its own speaks ("X was quoted as saying by RIA")
    ],
)
def test_agent_phrase(verb, want):
    assert " ".join(t.text for t in sorted(agent_phrase(REPORTED[verb]), key=lambda t: t.i)) == want


# "Tokayev said , noting that …" / "Рахмон отметил , подчеркнув …"
NOTING = tree("""
Tokayev 1 nsubj PROPN
said 1 ROOT VERB say VerbForm=Fin
, 1 punct PUNCT
noting 1 advcl VERB note Aspect=Prog|Tense=Pres|VerbForm=Part
""")
PODCHERKNUV = tree(
    """
Рахмон 1 nsubj PROPN
отметил 1 ROOT VERB отметить VerbForm=Fin
, 3 punct PUNCT
подчеркнув 1 advcl VERB подчеркнуть VerbForm=Conv
""",
    "ru",
)
# "Tokayev said , as Putin noted" : a finite adverbial clause reports on its own
AS_NOTED = tree("""
Tokayev 1 nsubj PROPN
said 1 ROOT VERB say VerbForm=Fin
, 1 punct PUNCT
as 5 mark SCONJ
Putin 5 nsubj PROPN
noted 1 advcl VERB note VerbForm=Fin
""")


@pytest.mark.parametrize(
    "doc, i, want",
    [
        (NOTING, 3, 1),  # "noting" restates "said": one statement
        (NOTING, 1, 1),
        (PODCHERKNUV, 3, 1),  # "подчеркнув" restates "отметил"
        (AS_NOTED, 5, 5),  # a finite adverbial clause is a reporting clause of its own
    ],
)
def test_governing_clause(doc, i, want):
    assert governing_clause(doc[i]).i == want


# "Кремль прокомментировал заявление Пашиняна" / "Песков не согласен с заявлением Пашиняна" /
# "Lavrov's remarks and answers" (a title) / "Появилось обращение Лаврова"
KOMMENTIROVAL = tree(
    """
Кремль 1 nsubj PROPN
прокомментировал 1 ROOT VERB прокомментировать
заявление 1 obj NOUN
Пашиняна 2 nmod PROPN
""",
    "ru",
)
SOGLASEN = tree(
    """
Песков 1 nsubj PROPN
согласен 1 ROOT ADJ
с 3 case ADP
заявлением 1 obl NOUN
Пашиняна 3 nmod PROPN
""",
    "ru",
)
REMARKS = tree("""
Lavrov 2 poss PROPN
's 0 case PART
remarks 2 ROOT NOUN remark
""")
POYAVILOS = tree(
    """
Появилось 0 ROOT VERB появиться
обращение 0 nsubj NOUN
Лаврова 1 nmod PROPN
""",
    "ru",
)


@pytest.mark.parametrize(
    "doc, i, want",
    [
        (KOMMENTIROVAL, 2, True),  # commented on: said before, no statement here
        (SOGLASEN, 3, True),
        (REMARKS, 2, False),  # a title: the remarks are the statement
        (POYAVILOS, 1, False),  # an address that appeared
    ],
)
def test_referred_to(doc, i, want):
    assert referred_to(doc[i]) is want


# '"…," Lavrov said. / "We discussed …': a quote, its speaker, a second paragraph quoted
TALK = (
    '"We will deepen our cooperation," Lavrov said.\n'
    '"We discussed the situation in the region and around it at length."'
)
TALK_NAMES = {"Lavrov": ("sergey-lavrov", "Person"), "Rosatom": ("rosatom", "Company")}
TV = view_of(TALK, TALK_NAMES)
Q1 = (1, TALK.index('," '))
CUE = (TALK.index("said"), TALK.index("said") + 4, "said")


def _said_token(v, offset):
    return next(t for t in v.tokens if t.idx == offset)


@pytest.mark.parametrize(
    "speaker, people",
    [
        (["sergey-lavrov"], ((CUE[0], "sergey-lavrov"),)),  # a person speaker is a person met
        (["rosatom"], ()),  # a body is not
    ],
)
def test_add_statement_returns_the_findings_with_it(speaker, people):
    u = TV.unit_of(CUE[0])
    st, said = add_statement(TV, Said(), u, CUE, _said_token(TV, CUE[0]), speaker, [], Q1)
    assert st is not None and st.speaker == tuple(speaker) and st.quote == Q1
    assert said.statements == (st,)
    assert said.last_speaker == tuple(speaker)
    assert said.people == people
    assert said.quote_speakers == ((*Q1, tuple(speaker)),)


def test_add_statement_one_per_quote_and_clause():
    u = TV.unit_of(CUE[0])
    head = _said_token(TV, CUE[0])
    first, said = add_statement(TV, Said(), u, CUE, head, ["sergey-lavrov"], [], Q1)
    # the same reporting clause again: no second statement, nothing new found
    again, same = add_statement(TV, said, u, CUE, head, ["sergey-lavrov"], [], None)
    assert again is None and same is said
    # another clause attached to the same quoted passage, one speaker: the first statement
    # takes it in (its evidence runs on to the later unit, its arguments gain the new ones)
    later = TV.units[-1]
    arg = ("sergey-lavrov", 0, 1)
    merged, grown = add_statement(TV, said, later, CUE, head, ["sergey-lavrov"], [arg], Q1)
    assert merged is None and len(grown.statements) == 1
    assert grown.statements[0].ev_end == later.end and grown.statements[0].args == (arg,)
    assert said.statements[0] is first  # (the record given is left as it was)


@pytest.mark.parametrize(
    "said, expected",
    [
        # the speaker of the statement just before goes on
        (lambda st: Said(statements=(st,)), ("sergey-lavrov",)),
        # no statement: the person met as subject in the unit before
        (lambda st: Said(people=((TALK.index("Lavrov"), "sergey-lavrov"),)), ("sergey-lavrov",)),
        (lambda st: Said(), None),
    ],
)
def test_lone_quote_statement(said, expected):
    u = TV.unit_of(CUE[0])
    st, _ = add_statement(TV, Said(), u, CUE, _said_token(TV, CUE[0]), ["sergey-lavrov"], [], Q1)
    second = TV.unit_of(TALK.index("We discussed"))
    before = said(st)
    after = lone_quote_statement(TV, before, second, TV.quotes[-1])
    if expected is None:
        assert after is before
    else:
        new = after.statements[-1]
        assert new.speaker == expected and new.cue[2] == '"'
        assert TALK[new.quote[0] : new.quote[1]].startswith("We discussed the situation")


TRANSCRIPT = "Question: What about the talks?\nSergey Lavrov: We discussed trade.\nThank you."


@pytest.mark.parametrize(
    "names, speakers",
    [
        ({"Sergey Lavrov": ("sergey-lavrov", "Person")}, ["Sergey Lavrov"]),
        ({}, []),  # "Name:" names no one known: no turn
    ],
)
def test_transcript_turns(names, speakers):
    v = view_of(TRANSCRIPT, names)
    turns = transcript_turns(v)
    assert [TRANSCRIPT[s:colon] for s, (colon, _end, _line) in turns.items()] == speakers


@pytest.mark.parametrize(
    "dep, classes, speaks, want",
    [
        (
            "nsubj:pass",
            ["Country", "Person"],
            (),
            True,
        ),  # "Посол Великобритании … Кейси был предупрежден, что …"
        ("nsubjpass", ["Place"], (), True),  # "all the Kuril Islands were declared the territory of …"
        ("nsubjpass", ["Person"], {"quote"}, False),  # "Ms. Markovskaya … was quoted as saying"
        ("nsubjpass", [], (), False),  # "It was noted that …": no one named, the author speaks
        ("nsubj", ["Person"], (), False),  # "Lavrov said"
    ],
)
def test_addressee_subject(dep, classes, speaks, want):
    assert addressee_subject(dep, classes, speaks) is want


def _row(*words):
    from bilat.extract.events.tables import CueRow, _Word

    return CueRow(tuple(_Word(w) for w in words), "subj", None)


@pytest.mark.parametrize(
    "words, linked, want",
    [
        # "Lavrov, in turn, expressed Russia's readiness to strengthen cooperation" (en_ru-cn_01)
        (("express", "<any>", "<any>", "readiness"), [False, True, False, False], False),
        (("express", "<any>", "readiness"), [False, True, False], False),  # "voiced Kazakhstan's concern"
        (("say",), [True], True),  # a cue word inside a name is no cue
        (("express", "<any>", "readiness"), [True, False, False], True),
    ],
)
def test_linked_cue_word(words, linked, want):
    assert linked_cue_word(_row(*words), linked) is want


# "Об этом говорится в сообщении, опубликованном на сайте МИД." (ru_ru-de_01): the body named in
# the participle hanging on the document noun published it; a person named there is no publisher
_PUBLISHED = """
Об 2 case ADP об
этом 2 obl PRON этот
говорится 2 ROOT VERB говориться
в 4 case ADP
сообщении 2 obl NOUN сообщение
, 6 punct PUNCT
{participle} 4 acl VERB {lemma} VerbForm=Part
на 8 case ADP
сайте 6 obl NOUN сайт
{name} 8 nmod PROPN
. 2 punct PUNCT
"""


@pytest.mark.parametrize(
    "name, cls, participle, want",
    [
        ("МИД", "GovernmentBody", "опубликованном", ["mfa"]),
        ("Лаврова", "Person", "опубликованном", []),
        ("ТАСС", "MediaOutlet", "опубликованном", []),
        # a participle that is no publishing: what the statement is about ("посвящённом …")
        ("МИД", "GovernmentBody", "посвящённом", []),
    ],
)
def test_publisher(name, cls, participle, want):
    from bilat.extract.events.statements import publisher

    lemma = {"опубликованном": "опубликовать", "посвящённом": "посвятить"}[participle]
    doc = tree(_PUBLISHED.format(name=name, participle=participle, lemma=lemma), "ru")
    v = view_of(doc, {name: ("mfa" if cls != "Person" else "lavrov", cls)}, lang="ru")
    u = v.units[0]
    window = [t for t in u.toks if t.i >= 3][:6]
    assert [m.key for m in publisher(v, u, window)] == want


@pytest.mark.parametrize(
    "children, want",
    [
        # "The Kremlin did not say what …": a negation of the cue's head
        ([("nsubj", {"kremlin"}, False), ("aux", {"do"}, False), ("neg", {"not"}, False)], True),
        # «О том, …, не сообщается»
        ([("obl", {"тот"}, False), ("advmod", {"не"}, False)], True),
        # «не исключил»: the negation is a word of the cue itself
        ([("nsubj", {"путин"}, False), ("advmod", {"не"}, True)], False),
        # a negation inside the subject ("No official said …" parsed on the subject) is the
        # subject's, and a head with no negation reports
        ([("nsubj", {"not"}, False)], False),
        ([("nsubj", {"lavrov"}, False), ("ccomp", {"be"}, False)], False),
    ],
)
def test_negated_cue(children, want):
    from bilat.extract.events.statements import negated_cue

    rows = [(dep, frozenset(keys), in_cue) for dep, keys, in_cue in children]
    assert negated_cue(rows, frozenset({"not", "n't", "не"})) is want


@pytest.mark.parametrize(
    "words, want",
    [
        (["what", "the", "leader", "discuss"], True),
        (["whether", "the", "talk"], True),
        (["о", "тот", "что", "конкретно"], True),
        (["какой", "еще", "страна"], True),
        # a topic not commented on: no question
        (["on", "the", "absolutely", "unacceptable", "wording"], False),
        # a question word too far in is none that opens the phrase
        (["about", "the", "talk", "what"], False),
        ([], False),
    ],
)
def test_opens_question(words, want):
    from bilat.extract.events.statements import opens_question

    q = frozenset({"what", "whether", "что", "какой"})
    assert opens_question([frozenset({w}) for w in words], q) is want


@pytest.mark.parametrize(
    "starts, spans, want",
    [
        ([10, 40, 90], [(30, 60)], [10, 90]),
        ([10, 30, 60], [(30, 60)], [10, 60]),  # the span's end is outside it
        ([10, 40], [], [10, 40]),
        ([5, 50], [(0, 10), (45, 55)], []),
    ],
)
def test_silenced_out(starts, spans, want):
    from types import SimpleNamespace

    from bilat.extract.events.statements import silenced_out

    events = [SimpleNamespace(start=s) for s in starts]
    assert [e.start for e in silenced_out(events, spans)] == want


def _tok(i: int, head: int, ancestors: tuple[int, ...] = ()):
    from types import SimpleNamespace

    t = SimpleNamespace(i=i)
    t.head = t if head == i else SimpleNamespace(i=head)
    t.ancestors = [SimpleNamespace(i=a) for a in ancestors]
    return t


@pytest.mark.parametrize(
    "heads, want",
    [
        # "издание Axios сообщило, что Трамп рассказал …": the inner verb hangs on the outlet's
        ([(_tok(3, 3), True), (_tok(10, 3, (3,)), False)], {0}),
        # … or the parse made it a root of its own after the outlet's
        ([(_tok(3, 3), True), (_tok(10, 10), False)], {0}),
        # "Лавров заявил …, передает ТАСС": the outlet's verb comes after, no clause of its own
        ([(_tok(1, 1), False), (_tok(12, 12), True)], set()),
        # an outlet's report with no one else's words inside
        ([(_tok(3, 3), True)], set()),
        # two outlets: neither relays a speaker's words
        ([(_tok(3, 3), True), (_tok(10, 3, (3,)), True)], set()),
    ],
)
def test_relayed_reports(heads, want):
    from bilat.extract.events.statements import relayed_reports

    assert relayed_reports(heads) == want


#: (id, the triggers in the phrases of an act verb's dependents, want): what performs_act reads
PERFORMS = [
    # "declared four Russian diplomats persona non grata" (en_ru-me_63: "persona" parsed a clause)
    ("declared-persona-non-grata", [("ccomp", "Sanction", True, 3)], True),
    # «объявило персонами нон грата 10 сотрудников» (ru_ru-ro_63)
    ("obyavilo-personami-non-grata", [("xcomp", "Sanction", True, 3)], True),
    # "announced the expulsion of an employee" (en_ru-me_63), «объявил о высылке» (ru_ru-ro_63)
    ("announced-the-expulsion", [("dobj", "Sanction", True, 1)], True),
    ("obyavil-o-vysylke", [("obl", "Sanction", True, 1)], True),
    # "announced its decision to expel one Estonian diplomat" (en_ru-ee_01): a decision reported
    ("announced-its-decision-to-expel", [("dobj", "Sanction", False, 1)], False),
    # "announced that it is expelling a British Embassy employee" (en_ru-gb_01): a clause reported
    ("announced-that-it-is-expelling", [("ccomp", "Sanction", True, 1)], False),
    # "announced the talks": no act of a performed class
    ("announced-the-talks", [("dobj", "Consult", True, 1)], False),
    # a trigger in the subject's phrase names nothing declared
    ("subject-phrase", [("nsubj", "Sanction", True, 1)], False),
    ("nothing", [], False),
]


@pytest.mark.parametrize("found,want", [c[1:] for c in PERFORMS], ids=[c[0] for c in PERFORMS])
def test_performs_act(found, want):
    assert performs_act(found) is want


# "MOSCOW , June 9 ( Reuters ) - Russia said …": the dateline's city the parse made a subject
WIRE = tree("""
MOSCOW 9 nsubj PROPN
, 0 punct PUNCT
June 0 npadvmod PROPN
9 2 nummod NUM
( 5 punct PUNCT
Reuters 0 appos PROPN
) 5 punct PUNCT
- 0 punct PUNCT
Russia 9 nsubj PROPN
said 9 ROOT VERB say
""")
# "ASTANA – Kazakhstan 's Foreign Ministry said …": the body apposed to the dateline's city
APPOSED = tree("""
ASTANA 6 nsubj PROPN
– 0 punct PUNCT
Kazakhstan 5 poss PROPN
's 2 case PART
Foreign 5 compound PROPN
Ministry 0 appos PROPN
said 6 ROOT VERB say
""")
# "TASHKENT said …": nothing else inside the sentence
ALONE = tree("""
TASHKENT 1 nsubj PROPN
said 1 ROOT VERB say
""")


@pytest.mark.parametrize(
    "doc, sentence_from, want",
    [
        (WIRE, 8, "Russia"),  # the verb's other subject, inside the sentence
        (WIRE, 9, None),  # none inside: no subject
        (APPOSED, 2, "Ministry"),  # the phrase apposed to the outside subject
        (ALONE, 1, None),
    ],
)
def test_subject_inside(doc, sentence_from, want):
    start, end = doc[sentence_from].idx, len(doc.text)
    got = subject_inside(doc[0], start, end)
    assert (got.text if got is not None else None) == want


@pytest.mark.parametrize(
    "positions, verb, chosen, want",
    [
        ([12, 17], 18, 12, 1),  # "… Murat Nurtleu on April 24, Cameron reiterated": the nearer
        ([0, 8], 9, 0, 1),  # "MOSCOW, June 9 (Reuters) - Russia said"
        ([2, 9], 5, 2, 0),  # one before the verb, one after: the parse's choice
        ([2, 9], 5, 9, 1),
        ([3], 5, 3, 0),
    ],
)
def test_closest_before(positions, verb, chosen, want):
    assert closest_before(positions, verb, chosen) == want


# "Meredov described the launch as a testament ." / "Meredov described the launch as Iran"
# hangs "as" on the verb with a noun / "He described the launch in detail ."
DESCRIBED = tree("""
Meredov 1 nsubj PROPN
described 1 ROOT VERB describe
the 3 det DET
launch 1 dobj NOUN
as 1 prep ADP
a 6 det DET
testament 4 pobj NOUN
He 8 nsubj PRON
described 8 ROOT VERB describe
the 10 det DET
launch 8 dobj NOUN
in 8 prep ADP
detail 11 pobj NOUN
""")


@pytest.mark.parametrize(
    "verb, as_words, want",
    [
        (1, {"as"}, True),  # named as a testament: a judgement
        (1, set(), False),  # a language with no such preposition
        (8, {"as"}, False),  # "in detail": no naming
    ],
)
def test_names_as_with_a_preposition(verb, as_words, want):
    assert names_as(DESCRIBED[verb], frozenset(as_words), keys(DESCRIBED)) is want
