"""Statements: reporting cues, transcript turns, the speaker of each cue and the quote it
attaches (the speaker resolution is in ``speakers.py``): pass 1 of the extraction,
``read_statements``, a fold over the clause units returning what was found (``records.Said``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence

from bilat.extract.events import arguments as arg
from bilat.extract.events import speakers as spk
from bilat.extract.events.attribution import ends_with_say, say_words, trailing_source
from bilat.extract.events.context import reported_past
from bilat.extract.events.document import View
from bilat.extract.events.merge import uniq as _uniq
from bilat.extract.events.merge import uniq_args as _uniq_args
from bilat.extract.events.records import ORG_CLASSES, Said
from bilat.extract.events.records import Statement as _Statement
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import CueRow
from bilat.extract.events.text import DASH_BEFORE, INVERTING_MARKS, QUOTE_GAP, QUOTE_MARKS, lone_quote
from bilat.extract.events.tree import OBJ_DEPS, SPEAKER_WINDOW, SUBJ_DEPS
from bilat.extract.events.tree import above as _above
from bilat.extract.events.tree import agrees as _agrees
from bilat.extract.events.tree import clause_root as _clause_root
from bilat.extract.events.tree import descendants as _descendants
from bilat.extract.events.tree import kids as _kids
from bilat.extract.events.tree import number as _number
from bilat.extract.events.tree import passive as _passive
from bilat.extract.events.tree import phrase as _phrase
from bilat.extract.events.turns import name_end, turn_prefix, turn_spans
from bilat.extract.records import Event

AGENT_DEPS = frozenset({"agent", "obl:agent"})  # "by X" of a passive verb
PREDICATE_DEPS = frozenset({"oprd", "xcomp"})  # what a verb names its object as
PASSING_ON_MARKS = frozenset(",-–—")  # a mark before an outlet that passes on a report


def outlet_speaks(
    kind: str, head_pos: str, cue_start: int, speakers: list[tuple[int, str]], own_sources: bool = False
) -> bool:
    """Whether a media outlet found as the speaker of a cue speaks for itself (the one rule of
    the gold, docs ANNOTATE: an outlet that reports the story is no speaker, an outlet's own
    claims are): named before the cue as its subject, not after a comma or dash ("Sputnik
    stated that", "The news agency said"), the source of a prepositional cue ("according to
    currenttime.tv", "по данным «РИА Новости»"), or citing sources it does not name
    (``own_sources``: "…, Reuters reported, citing industry sources", "сообщила газета The
    Print со ссылкой на источники в правительстве"); not an outlet that passes on what someone
    said (", TASS reports", ", передает ТАСС", "цитирует «РИА Новости»"). ``speakers``:
    (start, the character before the phrase naming it) of each speaker mention."""
    if own_sources and kind in ("subj", "after"):
        return True
    if kind == "after":
        return head_pos not in ("VERB", "AUX")
    return (
        kind == "subj"
        and bool(speakers)
        and all(start < cue_start and before not in PASSING_ON_MARKS for start, before in speakers)
    )


def passes_on(before: str) -> bool:
    """Whether a cue of the ``passing`` requirement passes on the words before it (``before``:
    the text of its unit up to it): it follows them after a comma or a dash ("…, передает
    пресс-служба", "«…», — передает Akorda"), not as the verb of its own clause.

    >>> passes_on("Мирзиёев провел встречу с Пак Чином, "), passes_on("«Это важно», — ")
    (True, True)
    >>> passes_on("Россия "), passes_on(", ")
    (False, False)
    """
    kept = before.rstrip()
    return kept[-1:] in PASSING_ON_MARKS and bool(kept[:-1].strip(' ,-–—«»"'))


def negated_cue(children: Sequence[tuple[str, frozenset[str], bool]], negations: frozenset[str]) -> bool:
    """Whether a reporting cue is negated and so reports nothing ("The Kremlin did not say what
    …", «О том, что … будут обсуждать дипломаты, не сообщается», «…, — не указано»): a child of
    its head word, not a subject and not a word of the cue itself («не исключил» is a cue of
    its own), is a negation word (``negations``: the "negated" child cues of
    ``events_context.tsv``). ``children``: (dependency, folded text and lemma, in the cue) of
    each child of the head.

    >>> kremlin, neg = ("nsubj", frozenset({"kremlin"}), False), ("neg", frozenset({"not"}), False)
    >>> negated_cue([neg, kremlin], frozenset({"not"}))
    True
    >>> negated_cue([("advmod", frozenset({"не"}), True)], frozenset({"не"}))
    False
    """
    return any(keys & negations and not in_cue and dep not in SUBJ_DEPS for dep, keys, in_cue in children)


def negations(rows: Sequence[tuple[str, str, str]]) -> frozenset[str]:
    """The negation words of the context rows (cue, context, where) of a language: its
    "negated" child cues ("not", "не")."""
    return frozenset(cue for cue, ctx, where in rows if ctx == "negated" and where == "child")


#: how many words of a complement may come before the question word opening it ("о том, что")
QUESTION_REACH = 3


def opens_question(words: Sequence[frozenset[str]], questions: frozenset[str]) -> bool:
    """Whether a phrase (the folded text and lemma of each of its words, punctuation left out)
    opens with a question word within its first words ("what the leaders discussed", «о том,
    что конкретно будут обсуждать», «какие еще страны»).

    >>> q = frozenset({"what", "что"})
    >>> opens_question([{"what"}, {"the"}, {"leader"}], q), opens_question([{"о"}, {"тот"}, {"что"}], q)
    (True, True)
    >>> opens_question([{"on"}, {"the"}, {"wording"}, {"what"}], q)
    False
    """
    return any(w & questions for w in words[:QUESTION_REACH])


def silenced_spans(v: View, head, u: _Unit) -> list[tuple[int, int]]:
    """The spans a negated reporting cue (``head``, of unit ``u``) says nothing of: each of its
    complements that opens an indirect question ("The Kremlin did not say what the leaders
    discussed", «О том, что конкретно будут обсуждать дипломаты, не сообщается»), and the whole
    unit when the cue has no subject and the unit opens with one («Какие еще страны он
    планирует посетить, … — не указано»). What it did not comment on stays ("will not comment
    on the absolutely unacceptable wording …": an accusation), as does what frames it ("Putin
    did not speak of gas at the meeting": the meeting)."""
    questions = v.tab.words("question")

    def words(toks) -> list[frozenset[str]]:
        return [v.keys[t.i] for t in toks if t.pos_ != "PUNCT"]

    kids = _kids(head)
    below = {c.i: _descendants(c) for c in kids if c.dep_ not in SUBJ_DEPS}
    spans = [
        (toks[0].idx, max(t.idx + len(t.text) for t in toks))
        for toks in below.values()
        if opens_question(words(toks), questions)
    ]
    if not any(c.dep_ in SUBJ_DEPS for c in kids) and opens_question(words(u.toks), questions):
        spans.append((u.start, u.end))
    return spans


def silenced_out(events: Sequence, spans: Sequence[tuple[int, int]]) -> list:
    """The events but those whose trigger starts inside a span a negated reporting cue says
    nothing of (``Said.silenced``): "The Kremlin did not say what the leaders discussed" reports
    no talks."""
    return [e for e in events if not any(a <= e.start < b for a, b in spans)]


def relays_like_an_outlet(v: View, head, speaker: Sequence[str]) -> bool:
    """Whether a statement's speakers pass on a report as media do: all of them media outlets,
    or all of them organizations the knowledge base does not know whose cue is a verb of
    passing on news (``relay_verb``: "…, Malay Mail reported", «…, передает "ДС"»)."""
    if all(v.cls(k) == "MediaOutlet" for k in speaker):
        return True
    return bool(
        speaker
        and v.tk(head) & v.tab.words("relay_verb")
        and all(k not in v.kb and v.cls(k) == "Organization" for k in speaker)
    )


def relayed_reports(heads: Sequence[tuple[object, bool]]) -> set[int]:
    """The indexes of the statements of a unit that only relay another's (each given as (head
    token of its cue, whether its speakers are all media outlets)): an outlet's reporting verb
    whose clause holds the reporting verb of a speaker who is no outlet ("Ранее издание Axios
    сообщило, что президент США Дональд Трамп рассказал своим советникам, что …": Trump's
    statement; the outlet only reports it, the rule of the gold). The inner verb hangs on the
    outlet's, or comes after it as a root of its own (a parse that split the sentence there)."""

    def above(a, b) -> bool:
        return _above(a, b) or (a.i < b.i and b.head.i == b.i)

    return {
        n
        for n, (head, outlet) in enumerate(heads)
        if outlet and any(not o and above(head, h) for h, o in heads)
    }


def agent_phrase(verb) -> list:
    """The words of the agent of a passive reporting verb that has no subject of its own ("as
    reported by the Interfax-Kazakhstan news agency"); none when the verb has a subject ("X was
    quoted as saying by RIA Novosti": X speaks)."""
    deps = _kids(verb)
    if any(c.dep_ in SUBJ_DEPS for c in deps):
        return []
    return [t for c in deps if c.dep_ in AGENT_DEPS for g in _kids(c) for t in _phrase(g)]


def nested_dropped(
    statements: Sequence[_Statement], state_of: Mapping[str, str | None] | None = None
) -> list[_Statement]:
    """The statements less those whose reporting cue stands inside the quoted words of another
    of the same speaker ('"The Ministry of Foreign Affairs of Georgia will use all levers …",
    the ministry said') or of the speaker's own state ('"France notes the decision …," the
    ministry said in a statement', «Узбекская сторона подчеркнула» in a ministry's words;
    ``state_of``: the state of each speaker, where known): that speaker's words, one statement.
    (Someone else's statement reported in a quote stays: the dev gold has both kinds, "Back in
    2021, President Ilham Aliyev voiced this" in Bayramov's words a statement.) Two statements
    each inside the other's quote both stay.

    >>> from bilat.extract.events.records import Statement
    >>> outer = Statement((90, 94, "said"), None, ("mfa-ge",), (), (1, 80), 0, 95, None, None)
    >>> inner = Statement((20, 28, "will use"), None, ("mfa-ge",), (), None, 0, 95, None, None)
    >>> other = Statement((40, 48, "stressed"), None, ("uzbekistan",), (), None, 0, 95, None, None)
    >>> [st.cue[2] for st in nested_dropped([inner, other, outer])]
    ['stressed', 'said']
    >>> [st.cue[2] for st in nested_dropped([inner, other, outer], {"mfa-ge": "uzbekistan"})]
    ['said']
    """
    state_of = state_of or {}
    return [
        st
        for st in statements
        if not any(
            o is not st
            and o.quote is not None
            and o.quote[0] <= st.cue[0] < o.quote[1]
            and set(st.speaker) <= set(o.speaker) | {state_of.get(k) for k in o.speaker}
            and not (st.quote is not None and st.quote[0] <= o.cue[0] < st.quote[1])
            for o in statements
        )
    ]


def governing_clause(verb):
    """The clause a participle or converb reporting verb restates: the verb it hangs on
    ("said Tokayev, noting that …", "stressed the Tajik President, adding that …", "отметил …,
    подчеркнув …"), one statement with it; any other verb is its own (table-driven tests:
    ``tests/test_events_statement_steps.py``)."""
    x = verb
    for _ in range(4):
        morph = str(x.morph)
        gerund = "VerbForm=Conv" in morph or ("VerbForm=Part" in morph and "Aspect=Prog" in morph)
        if x.dep_ not in ("advcl", "conj") or not gerund or x.head.i == x.i:
            break
        x = x.head
    return _clause_root(x)


REFERRING_DEPS = frozenset({"obj", "dobj", "pobj", "obl"})


def referred_to(noun) -> bool:
    """Whether a document noun names words said before, which its clause comments on, answers
    or takes as a reason ("прокомментировал заявление Пашиняна", "не согласна с заявлением
    Пашиняна", "commented on Lavrov's interview"): no statement of its author reported there.
    A title or a heading ("Foreign Minister Sergey Lavrov's remarks and answers …"), or an
    address that appeared ("Появилось обращение главы МИД РФ …") is one.
    (Checked against tests/corpus: ru_ru-am_02, en_ru-jp_01, ru_ru-kz_04.)"""
    return noun.dep_ in REFERRING_DEPS and noun.head.i != noun.i


def in_complement(tok, steps: int = 12) -> bool:
    """Whether ``tok`` lies in a complement clause ("was told that the French Foreign
    Ministry's statement only sought to vindicate rioters"): what someone says or thinks about
    it, not its author's report.

    >>> from types import SimpleNamespace as T
    >>> told = T(i=4, dep_="ROOT"); told.head = told
    >>> sought = T(i=13, dep_="ccomp", head=told)
    >>> in_complement(T(i=11, dep_="nsubj", head=sought)), in_complement(T(i=2, dep_="nsubjpass", head=told))
    (True, False)
    """
    x = tok
    for _ in range(steps):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.dep_ == "ccomp":
            return True
    return False


def names_as(verb, as_words: frozenset[str] = frozenset(), keys=None) -> bool:
    """Whether a verb names its object as something, with a noun or adjective for it ("called
    China a recognized leader", "назвал переговоры конструктивными"), or a preposition of
    ``as_words`` (``naming_prep`` of events_cues.tsv) before it ("described the launch as a
    testament to …"; ``keys``: each token's folded text and lemmas): a cue that otherwise needs
    a quote ("call", "describe", "назвать") reports a judgement by itself."""
    deps = [c for c in _kids(verb) if c.i > verb.i]
    if not any(c.dep_ in OBJ_DEPS for c in deps):
        return False
    if any(c.dep_ in PREDICATE_DEPS and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in deps):
        return True
    return bool(as_words) and any(
        c.dep_ == "prep"
        and keys[c.i] & as_words
        and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "ADJ", "PROPN") for g in _kids(c))
        for c in deps
    )


#: classes of the acts a verb of announcing performs by naming them: "declared four Russian
#: diplomats persona non grata", «объявило персонами нон грата», "announced the expulsion of an
#: employee", «объявил о высылке» are the expulsion, not a Statement (the real-news gold has the
#: ACCUSE alone there: en_ru-me_63, ru_ru-ro_63); "announced its decision to expel" and
#: "announced that it is expelling" report a decision and stay Statements (en_ru-ee_01, en_ru-gb_01)
PERFORMED = frozenset({"Sanction"})
#: the dependents of a verb that name what it declares: objects, predicates, "о"/"of" phrases
ACT_DEPS = frozenset({"dobj", "obj", "oprd", "xcomp", "obl", "pobj", "ccomp"})


def performs_act(found: Iterable[tuple[str, str, bool, int]], performed: frozenset[str] = PERFORMED) -> bool:
    """Whether an ``act_verb`` (events_cues.tsv: announce, declare, объявить) performs an act
    rather than reports words: one of its dependents of ``ACT_DEPS`` is headed by a trigger of a
    ``performed`` class. ``found``: for each trigger found in a dependent's phrase, (the
    dependent's label, the trigger's class, whether the trigger holds the dependent's head
    word, its number of words). A clause ("announced that it is expelling …") performs
    nothing: a ``ccomp`` counts only with a trigger of several words ("persona non grata"
    parsed as a clause).

    >>> performs_act([("dobj", "Sanction", True, 1)]), performs_act([("xcomp", "Sanction", True, 3)])
    (True, True)
    >>> performs_act([("dobj", "Sanction", False, 1)]), performs_act([("ccomp", "Sanction", True, 1)])
    (False, False)
    >>> performs_act([("ccomp", "Sanction", True, 3)]), performs_act([("dobj", "Consult", True, 1)])
    (True, False)
    """
    return any(
        dep in ACT_DEPS and cls in performed and holds_head and (dep != "ccomp" or words > 1)
        for dep, cls, holds_head, words in found
    )


def acts_named(v: View, verb) -> list[tuple[str, str, bool, int]]:
    """The triggers in the phrases of ``verb``'s dependents, as :func:`performs_act` reads them."""
    out = []
    for c in _kids(verb):
        nouns = [g for g in _kids(c) if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for n in nouns:
            if n.dep_ not in ACT_DEPS:
                continue
            below = _descendants(n)  # (not left_edge/right_edge: natasha's trees may hold cycles)
            toks = v.sdoc[below[0].i : below[-1].i + 1]
            for i, j, row in v.match(toks, v.tab.triggers, lambda _row, _toks: True):
                out.append((n.dep_, row.cls, any(t.i == n.i for t in toks[i:j]), j - i))
    return out


#: the dependency labels of a clause a verb reports ("considers that …", "… , he believes")
REPORTED_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "parataxis"})


def reports_clause(verb) -> bool:
    """Whether a verb reports a clause (an infinitive one too) or names its object as
    something: a cue of the ``clause`` requirement speaks then ("Astana considers that the
    sanctions are illegal", "considers the move unfriendly", "предложил провести переговоры"),
    not with a bare object ("The sides considered issues of trade": a topic examined;
    "компания предложила лучшие условия": an offer)."""
    return (
        any(c.dep_ in REPORTED_CLAUSE_DEPS for c in _kids(verb))
        or any(c.dep_ == "xcomp" and "VerbForm=Inf" in str(c.morph) for c in _kids(verb))
        or names_as(verb)
    )


def read_statements(v: View) -> Said:
    """Pass 1: the statements of every unit in text order (transcript turns, reporting
    cues), the persons met as speakers and subjects, the quotes and who speaks them: a fold
    over the units, each step given what the steps before it found (``Said``)."""
    said = Said()
    turns = transcript_turns(v)
    opening: dict[int, tuple[int, int, int, int]] = {}  # a unit start → the quote opening it
    for q in v.quotes:
        for at in (q[0], q[0] - 1):
            opening.setdefault(at, q)
    for u in v.units:
        if u.start in turns:
            said = turn_statement(v, said, u, *turns[u.start])
        if u.start in opening:
            said = lone_quote_statement(v, said, u, opening[u.start])
        said = unit_statements(v, said, u)
        said = spk.track_subjects(v, said, u)
    states = {k: v.country(k) for st in said.statements for k in st.speaker}
    return dataclasses.replace(said, statements=tuple(nested_dropped(said.statements, states)))


def unit_statements(v: View, said: Said, u: _Unit) -> Said:
    """``said`` with the statements of the reporting cues of unit ``u`` (verbs, document nouns,
    citations of a source) added, and the document's author when a document noun names one."""

    def accept(row: CueRow, toks) -> bool:
        if linked_cue_word(row, [v.in_linked(t) for t in toks]):
            return False
        if row.kind == "subj":
            return any(t.pos_ in ("VERB", "AUX") for t in toks)
        if row.kind == "document":
            return toks[0].pos_ in ("NOUN", "PROPN")
        return True

    found = v.match(u.toks, v.tab.reporting, accept)
    documents = [(i, j, r) for i, j, r in found if r.kind == "document"]
    sources = [(i, j, r) for i, j, r in found if r.kind == "source"]
    made: list[_Statement] = []
    # a source cited with no name ("citing industry sources", "со ссылкой на источники"):
    # the outlet that cites it reports on its own
    own_sources = any(names_nobody(v, u.toks[j : j + SPEAKER_WINDOW]) for _i, j, _row in sources)
    # "…, the PM's press service reported.": the phrase before the closing reporting word
    # names its speaker, however the parse hung the word (an adverbial clause of the verb
    # before it has no subject of its own: the person speaking before is no speaker of it)
    say = say_words(v.tab.reporting)
    tail = (
        trailing_source([(t.text, t.lemma_, t.pos_) for t in u.toks], say)
        if ends_with_say(u.toks, say)
        else None
    )
    for i, j, row in found:
        if row.kind in ("document", "source", "-"):  # ("-": a phrase that stops a shorter cue)
            continue
        toks = u.toks[i:j]
        if tail is not None and toks[0].i == u.toks[tail[2]].i and not agent_phrase(toks[0]):
            continue  # (read below)
        head = next((t for t in toks if t.pos_ in ("VERB", "AUX")), toks[-1])
        if marks_anniversary(v, head):
            continue  # "отметили 30-летие", "marked the anniversary": no statement
        if v.tk(head) & v.tab.words("act_verb") and performs_act(acts_named(v, head)):
            continue  # "declared four diplomats persona non grata": the act, no statement
        cue_ids = {t.i for t in toks}
        children = [(c.dep_, v.keys[c.i], c.i in cue_ids) for c in _kids(head)]
        if negated_cue(children, negations(v.tab.context)):
            said = dataclasses.replace(said, silenced=(*said.silenced, *silenced_spans(v, head, u)))
            continue
        speaker, args, clause_start = cue_speaker(v, said, row, toks, head, u)
        if not speaker:
            continue
        if relays_like_an_outlet(v, head, speaker) and (
            # "As Interfax reported, …", «Как сообщало EADaily, …»: a clause that passes on
            # the report (``relay_mark``), whatever the order of its words
            any(c.dep_ == "mark" and v.tk(c) & v.tab.words("relay_mark") for c in _kids(head))
            or not outlet_speaks(
                row.kind,
                head.pos_,
                toks[0].idx,
                # the mark before the phrase that names it ("…, Russia's RIA Novosti news agency
                # reported": the comma before "Russia's")
                [(a[1], v.text[: min(a[1], clause_start)].rstrip()[-1:]) for a in args],
                own_sources,
            )
        ):
            continue
        # (a joint appearance is no one's quoted words: "«…», said Tokayev, while making a
        # joint statement for mass media" has his statement and the joint one; en_kz-tj_02)
        quote = (
            None
            if row.kind == "joint"
            else attach_quote(v, said, u, clause_start, toks[-1].idx + len(toks[-1].text))
        )
        if (
            row.requires == "quote"
            and quote is None
            and not names_as(head, v.tab.words("naming_prep"), v.keys)
        ):
            continue
        if row.requires == "clause" and quote is None and not reports_clause(head):
            continue
        if row.requires == "passing" and not passes_on(v.text[u.start : toks[0].idx]):
            continue
        cue = (
            toks[0].idx,
            toks[-1].idx + len(toks[-1].text),
            v.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)],
        )
        st, said = add_statement(v, said, u, cue, head, speaker, args, quote)
        if st is not None:
            made.append(st)
    # an outlet's report of someone's words ("издание Axios сообщило, что Трамп рассказал …"):
    # only the inner reporting clause is a statement
    relays = relayed_reports([(st.head, relays_like_an_outlet(v, st.head, st.speaker)) for st in made])
    if relays:
        gone = {id(made[n]) for n in relays}
        made = [st for st in made if id(st) not in gone]
        said = dataclasses.replace(said, statements=tuple(st for st in said.statements if id(st) not in gone))
    # "…, the Akorda press service reported.": a source the parse did not give its verb
    if tail is not None and not any(st.cue[0] == u.toks[tail[2]].idx for st in made):
        np_toks, verb = list(u.toks[tail[0] : tail[1]]), u.toks[tail[2]]
        keys, args = spk.resolve_np(v, said, np_toks[-1], np_toks, u)
        if (
            keys
            and not any(v.cls(k) == "MediaOutlet" for k in keys)
            and not (made and relays_like_an_outlet(v, verb, keys))
        ):
            cue = (verb.idx, verb.idx + len(verb.text), verb.text)
            st, said = add_statement(v, said, u, cue, verb, keys, args, None)
            if st is not None:
                made.append(st)
    # document nouns: the author of the address/article, and a Statement of their own
    for i, _j, _row in documents:
        noun = u.toks[i]
        phrase = author_phrase(v, noun)
        actors = [m for m in spk.speakers_in(v, phrase) if m.cls in {"Person"} | ORG_CLASSES]
        if actors:
            keys = _uniq(m.key for m in actors)
            said = dataclasses.replace(said, author=tuple(keys))
            if (
                not any(set(keys) & set(s.speaker) for s in made)
                and not referred_to(noun)
                and not in_complement(noun)
                and not v.in_quote(noun.idx)
            ):  # (in someone's quoted words: "The statements made by … show that …")
                cue = (noun.idx, noun.idx + len(noun.text), noun.text)
                st, said = add_statement(
                    v, said, u, cue, noun, keys, [(m.key, m.start, m.end) for m in actors], None
                )
                if st is not None:
                    made.append(st)
        elif made:
            persons = [k for k in made[0].speaker if v.cls(k) == "Person"]
            if persons:
                said = dataclasses.replace(said, author=tuple(persons))
    # a citation of the report's source ("со ссылкой на пресс-службу", "citing the
    # ministry") speaks only when nothing else in the unit does
    for i, j, row in sources:
        if made:
            break
        toks = u.toks[i:j]
        speaker, args, clause_start = cue_speaker(
            v, said, CueRow(row.words, "after", row.requires), toks, toks[-1], u
        )
        if speaker and not all(v.cls(k) == "MediaOutlet" for k in speaker):
            cue = (
                toks[0].idx,
                toks[-1].idx + len(toks[-1].text),
                v.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)],
            )
            st, said = add_statement(v, said, u, cue, toks[-1], speaker, args, None)
            if st is not None:
                made.append(st)
    return said


#: the dependency labels of a passive verb's subject
PASSIVE_SUBJ = frozenset({"nsubjpass", "nsubj:pass"})


def addressee_subject(dep: str, classes: Sequence[str], speaks: Collection[str]) -> bool:
    """Whether the subject of a reporting verb is the one told or named, not the speaker: a
    passive subject naming a person, state or place ("Кейси был предупрежден", "the Kuril
    Islands were declared …", seen in ru_ru-gb_01, en_ru-jp_01), unless the verb is one whose
    passive subject speaks (``speaks``: "цитируется", "was quoted as saying"). Asked where the
    language's ``grammar`` rows say ``passive_addressee``, else only for its verbs of telling
    (``addressee_verb``), and only of the verb's own subject (or its first conjunct's): the
    subject of a raising verb above it speaks ("Lavrov is expected to announce …").

    >>> addressee_subject("nsubj:pass", ["Person"], ()), addressee_subject("nsubj", ["Person"], ())
    (True, False)
    >>> addressee_subject("nsubjpass", ["Person"], {"quote"}), addressee_subject("nsubjpass", [], ())
    (False, False)
    """
    return dep in PASSIVE_SUBJ and bool(classes) and not speaks


def linked_cue_word(row: CueRow, linked: Sequence[bool]) -> bool:
    """Whether a word of the cue's own (not one an ``<any>`` stands for) is part of a name:
    "Interfax said" is no cue inside a name, while "expressed Russia's readiness" ("express
    <any> <any> readiness") and "voiced Kazakhstan's concern" are cues whatever fills the
    gap (en_ru-cn_01 "Lavrov, in turn, expressed Russia's readiness to strengthen
    cooperation"; the gap names whose readiness, not who speaks).

    >>> from bilat.extract.events.tables import CueRow, _Word
    >>> row = CueRow(tuple(_Word(w) for w in ("express", "<any>", "<any>", "readiness")), "subj", None)
    >>> linked_cue_word(row, [False, True, False, False]), linked_cue_word(row, [True, False, False, False])
    (False, True)
    """
    return any(on for w, on in zip(row.words, linked, strict=False) if w.text != "<any>")


def names_nobody(v: View, toks) -> bool:
    """Whether the words up to the first punctuation name no actor: no mention (an
    adjective names none: "Indian government sources"), no title, body or spokesman noun
    ("industry sources", "источники в отрасли")."""
    nouns = v.person_nouns | v.org_nouns | v.spokes_nouns
    for n, t in enumerate(toks):
        if t.pos_ == "PUNCT" or (n and t.pos_ == "ADP" and toks[n - 1].pos_ == "NOUN"):
            break  # "sources in the government of …": unnamed sources, where they sit
        if any(m.label != "ADJ" for m in v.mentions_of_tokens([t])) or v.tk(t) & nouns:
            return False
    return bool(toks)


def transcript_turns(v: View) -> dict[int, tuple[int, int, int]]:
    """Transcript turns ("Name: …"): the unit start of each turn's first line → (end of the
    speaker's name, end of the turn's words, end of the first line)."""
    lines = []
    pos = 0
    for raw in v.text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        colon = turn_prefix(stripped)
        named = colon is not None and any(
            m.cls in {"Person"} | ORG_CLASSES and not m.affil or m.label == "DESC"
            for m in v.mentions_in(start + lead, start + lead + name_end(stripped[:colon]))
        )
        quoted = colon is not None and stripped[colon + 1 :].lstrip()[:1] in QUOTE_MARKS
        lines.append((start + lead, start + len(raw.rstrip()), named, colon, quoted))
    out = {}
    for i, s, e in turn_spans([(a, b, named, quoted) for a, b, named, _, quoted in lines]):
        out[s] = (s + lines[i][3], e, lines[i][1])
    return out


def turn_statement(v: View, said: Said, u: _Unit, colon: int, end: int, line_end: int) -> Said:
    """One Statement per transcript turn: the speaker named before the colon, the rest of the
    line its quote; "I"/"we" in the turn's words are the speaker and the speaker's country
    (``said`` with it added)."""
    name = [t for t in u.toks if t.idx < u.start + name_end(v.text[u.start : colon])]
    actors = [m for m in spk.speakers_in(v, name) if m.cls in {"Person"} | ORG_CLASSES]
    if not actors:
        actors = [m for m in v.mentions_of_tokens(name) if m.label == "DESC"]
    if not actors:
        return said
    keys = _uniq(m.key for m in actors)
    q0 = colon + 1
    while q0 < line_end and v.text[q0].isspace():
        q0 += 1
    cue = (u.start, colon, v.text[u.start : colon])
    st, said = add_statement(
        v,
        said,
        u,
        cue,
        name[-1] if name else u.toks[0],
        keys,
        [(m.key, m.start, m.end) for m in actors],
        (q0, line_end),
    )
    if st is not None and end > line_end:
        said = dataclasses.replace(said, quote_speakers=(*said.quote_speakers, (line_end, end, tuple(keys))))
    return said


def lone_quote_statement(v: View, said: Said, u: _Unit, q: tuple[int, int, int, int]) -> Said:
    """A quoted paragraph with no reporting clause of its own (it opens its paragraph and
    nothing but punctuation follows it there): a Statement of whoever spoke or acted just
    before — the speaker of a statement of the two units before it, else the person
    subject of the unit before ('Mirzoyan also thanked the Kazakh side. / "I would like to
    emphasize …"', '"…," Lavrov said. / "We discussed …'). The quote mark is its cue
    (``said`` with it added)."""
    if u.index == 0:
        return said
    text = v.text
    ms, me, qs, qe = q
    para = text.rfind("\n", 0, ms) + 1
    line_end = text.find("\n", me)
    line_end = len(text) if line_end < 0 else line_end
    if (
        text[para:ms].strip()
        or not lone_quote(text[qs:qe], text[me:line_end])
        or any(a <= qs < b for a, b, _ in said.quote_speakers)
    ):
        return said
    prev = v.units[u.index - 1]
    before = v.units[max(0, u.index - 2)].start
    speaker: list[str] = []
    earlier: list[str] = []  # the speaker of a statement of the unit two before
    for st in reversed(said.statements):
        if st.cue[0] < before:
            break
        if st.cue[0] < u.start:
            if st.cue[0] >= prev.start:
                speaker = list(st.speaker)
            else:
                earlier = list(st.speaker)
            break
    if not speaker:
        # the person subject of the unit just before goes before a speaker two units back
        # ('"…," Bayramov said. / Mirzoyan also thanked the Kazakh side. / "I would like …')
        persons = [k for off, k in said.people if prev.start <= off < prev.end]
        speaker = persons[-1:] or earlier
    if not speaker:
        return said
    cue = (ms, ms + 1, text[ms : ms + 1])
    return add_statement(v, said, u, cue, u.toks[0], speaker, [], (qs, qe))[1]


def marks_anniversary(v: View, verb) -> bool:
    firsts = [r.words[0] for r in v.tab.one_word("Anniversary")]
    if not firsts:
        return False
    # (each object's phrase built once, not once per row)
    return any(
        ch.dep_ in OBJ_DEPS and any(w.ok(v.keys[t.i]) for t in _phrase(ch) for w in firsts)
        for ch in _kids(verb)
    )


def author_phrase(v: View, noun) -> list:
    """The words naming who wrote or gave a document noun: its owner ("Lavrov's article",
    "his address"), "by X", or a genitive with no preposition ("обращение главы МИД РФ
    Сергея Лаврова"); not "a speech at Moscow State University"."""
    out = []
    for ch in _kids(noun):
        if ch.dep_ in ("poss", "nmod:poss"):
            out.extend(_phrase(ch))
        elif ch.dep_ in ("prep", "agent") and v.tk(ch) & {"by"}:
            for g in _kids(ch):
                out.extend(_phrase(g))
        elif (
            ch.dep_ == "nmod" and "Case=Gen" in str(ch.morph) and not any(g.dep_ == "case" for g in _kids(ch))
        ):
            out.extend(_phrase(ch))
        elif ch.dep_ == "appos" or (
            ch.dep_ == "nmod" and ch.pos_ == "PROPN" and not any(g.dep_ == "case" for g in _kids(ch))
        ):
            out.extend(_phrase(ch))
    return out


def add_statement(v: View, said: Said, u, cue, head, speaker, args, quote) -> tuple[_Statement | None, Said]:
    """The Statement of one reporting cue and ``said`` with it added (its speaker the last, its
    persons met, its quote spoken by it); None when a statement of the same quote and speaker
    takes it in (its evidence and arguments extended) or its reporting clause has one already."""
    for n, st in enumerate(said.statements):
        if (
            quote is not None
            and st.quote is not None
            and st.quote[0] == quote[0]
            and set(st.speaker) & set(speaker)
        ):
            merged = dataclasses.replace(
                st,
                ev_end=max(st.ev_end, u.end),
                args=st.args + tuple(_uniq(a for a in args if a not in st.args)),
            )
            return None, dataclasses.replace(
                said, statements=(*said.statements[:n], merged, *said.statements[n + 1 :])
            )
        if (
            st.unit is u
            and set(st.speaker) == set(speaker)
            and governing_clause(st.head).i == governing_clause(head).i
        ):
            return None, said  # one Statement per reporting clause
    ev_start, ev_end = u.start, u.end
    if quote is not None:
        ev_start = min(ev_start, v.unit_of(quote[0]).start)
        ev_end = max(ev_end, v.unit_of(max(quote[0], quote[1] - 1)).end)
    st = _Statement(
        cue,
        u,
        tuple(speaker),
        tuple(args),
        quote,
        ev_start,
        ev_end,
        head,
        v.date_for(u, head, future=False, past=reported_past(head)),
    )
    quoted = ((quote[0], quote[1], tuple(speaker)),) if quote is not None else ()
    return st, Said(
        people=(*said.people, *((cue[0], k) for k in speaker if v.cls(k) == "Person")),
        author=said.author,
        last_speaker=tuple(speaker),
        statements=(*said.statements, st),
        quote_speakers=(*said.quote_speakers, *quoted),
        silenced=said.silenced,
    )


def closest_before(positions: Sequence[int], verb: int, chosen: int) -> int:
    """The index in ``positions`` (of a verb's subjects, in text order) of the one that speaks:
    the last before the verb (at ``verb``) when several are, else the one the parse's own
    choice (at ``chosen``) is. A fronted phrase the parse also made a subject ("After meeting
    with … Murat Nurtleu on April 24, Cameron reiterated …") is farther from the verb.

    >>> closest_before([12, 17], 18, 12), closest_before([2, 9], 5, 2), closest_before([3], 5, 3)
    (1, 0, 0)
    """
    before = [n for n, p in enumerate(positions) if p < verb]
    return before[-1] if len(before) > 1 else positions.index(chosen)


def subject_inside(s, start: int, end: int):
    """For a verb's subject ``s`` that the parse took from outside the sentence (``start``,
    ``end``: its offsets; a dateline's city, "MOSCOW, June 9 (Reuters) - Russia said …"), the
    subject inside it: another subject of the same verb ("Russia"), else a phrase apposed to
    the outside one ("ASTANA – Kazakhstan's Foreign Ministry said …": "Ministry"); None when
    there is neither (table-driven tests: ``tests/test_events_statement_steps.py``)."""
    siblings = [c for c in _kids(s.head) if c.dep_ in SUBJ_DEPS and c.i != s.i] if s.head.i != s.i else []
    apposed = [c for c in _kids(s) if c.dep_ == "appos"]
    return next((c for c in (*siblings, *apposed) if start <= c.idx < end and not c.is_punct), None)


def cue_speaker(v: View, said: Said, row: CueRow, toks, head, u: _Unit):
    """(speaker keys, argument mentions, start of the clause) for one reporting cue."""
    cue_start = toks[0].idx
    cue_end = toks[-1].idx + len(toks[-1].text)
    if row.kind == "subj":
        inverted = inverted_speaker(v, said, head, toks, u)
        if inverted is not None:
            return inverted[0], inverted[1], cue_start
        by = agent_phrase(head)
        if by and v.mentions_of_tokens(by):
            # "…, as reported by Lavrov": the agent of a reporting verb with no subject of its
            # own speaks, not the subject of the clause it joins; a body or outlet there
            # passes the report on ("as reported by the Interfax-Kazakhstan news agency,
            # citing …": the source cited speaks, if any)
            ms = [m for m in spk.speakers_in(v, by) if m.cls == "Person"]
            return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
        agent = instrumental_agent(head) if v.grammar("instrumental_agent") else None
        if agent is not None and u.start <= agent.idx < u.end:
            # "Казахстанской стороной высказана позиция …": the passive's agent speaks
            keys, args = spk.resolve_np(v, said, agent, _phrase(agent), u)
            if keys:
                return keys, args, min([cue_start] + [a[1] for a in args])
        s = v.subject(head)
        if s is not None and s.head.i == head.i:
            # two subjects the parse gave one verb: the one right before it ("After meeting
            # with … Foreign Minister Murat Nurtleu on April 24, Cameron reiterated …")
            subs = [c for c in _kids(head) if c.dep_ in SUBJ_DEPS and not c.is_punct]
            s = subs[closest_before([c.i for c in subs], head.i, s.i)]
        verb = head
        if head.dep_ == "conj" and (s is None or s.head.i != head.i):
            # a verb with no subject of its own that the parse made a conjunct of the reported
            # verb: a person set off by commas right before it speaks, not the reported
            # clause's subject ("Moscow is preparing …, Sergey Lavrov, Russia's foreign
            # minister, told reporters")
            keys, args = spk.comma_speaker(v, u, toks)
            if keys:
                return keys, args, min([cue_start] + [a[1] for a in args])
        if (
            s is not None
            # its own subject (or its first conjunct's: "was called and informed"), not one of
            # a raising verb above it ("Lavrov is expected to announce …")
            and s.head.i in (head.i, head.head.i if head.dep_ == "conj" else head.i)
            and (v.grammar("passive_addressee") or v.tk(head) & v.tab.words("addressee_verb"))
            and addressee_subject(
                s.dep_,
                [m.cls for m in v.mentions_of_tokens(_phrase(s))],
                v.tk(head) & v.tab.words("passive_speaker"),
            )
        ):
            # "Посол … Найджел Кейси был предупрежден", "all the Kuril Islands were declared
            # the territory of …", "The US diplomat has been told that …" (a verb of telling,
            # ``addressee_verb``, where the language's passives are not all so: en_pk-us_62):
            # the passive's subject is told or named, not the speaker, and the agentless
            # passive names no one
            return [], [], cue_start
        if s is None or not _agrees(s, head):
            # a plural verb with no subject of its own says who speaks with "в"/"на"
            # ("заявили ранее в МИД России", "В Кремле сообщили"); the parse may lend it
            # a singular subject from the reported clause
            body = indefinite_body(v, said, head, u)
            if body:
                return body[0], body[1], cue_start
        if s is not None and not (u.start <= s.idx < u.end):
            # the parse reaches out of the sentence (a dateline, a title): the subject it gave
            # the verb besides, or the phrase it apposed to the outside one, inside the sentence
            # ("MOSCOW, June 9 (Reuters) - Russia said …", "ASTANA – Kazakhstan's Foreign
            # Ministry said …"), else none
            s = subject_inside(s, u.start, u.end)
        if s is not None and v.in_quote(s.idx) and not v.in_quote(cue_start):
            # a subject inside the quoted words the verb reports is the parse's mistake: who
            # says them is named outside ('«… to Mr. Emomali Rahmon, for his work …,» said
            # Kassym-Jomart Tokayev', en_kz-tj_02)
            s = None
        had_subject = s is not None
        for _ in range(3):
            if s is not None and not (u.start <= s.idx < u.end):
                s = None  # (the subject of a coordinated verb, too)
            if s is not None:
                phrase = [t for t in _phrase(s) if u.start <= t.idx < u.end]
                if s.idx > cue_start:
                    # a subject after its verb names no one before the verb (a parse that hung
                    # the clause's own subject on "…, передает корреспондент МИА «Казинформ»")
                    phrase = [t for t in phrase if t.idx > cue_start]
                start = min(t.idx for t in phrase)
                keys, args = spk.resolve_np(v, said, s, phrase, u)
                if keys:
                    return keys, args, min(start, cue_start)
            # a coordinated verb whose own subject says nothing: the first verb's subject
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head
            s = v.subject(verb)
        if readout_cue(v, [head], cue_start, passive=True):
            # "The importance of … was emphasized", "… was noted with satisfaction": the
            # persons of the talks the readout reports
            keys = spk.readout_speakers(v, cue_start)
            if keys:
                return keys, [], cue_start
        if had_subject and s is not None and not (v.tk(s) & v.relatives):
            return [], [], cue_start  # a subject that names nobody we know: no guess
        # no parse subject: a name right before or right after the verb (an organization
        # after a verb with no subject: "сообщили в Кремле")
        keys, args = spk.near_speaker(v, u, toks, orgs=s is None)
        if keys:
            return keys, args, min([cue_start] + [a[1] for a in args])
        if s is None and v.grammar("passive_author") and "Voice=Pass" in str(head.morph):
            return spk.author(said), [], cue_start
        return [], [], cue_start
    if row.kind == "joint":
        # a joint appearance before the press: both persons speak, one statement
        return spk.joint_speakers(v, head, u, cue_start), [], cue_start
    if row.kind == "after":
        window = [t for t in u.toks if t.idx >= cue_start][: len(toks) + SPEAKER_WINDOW]
        for t in window:
            if t.idx < cue_end:
                continue
            if t.pos_ == "PUNCT" and t.text not in QUOTE_MARKS:
                break
            k = spk.press_body(v, said, t, _phrase(t))
            if k:
                # "according to PM Garibashvili's administration": the body of his post
                return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
        outlet = None
        for t in window:
            if t.idx >= cue_end and t.pos_ == "PUNCT" and t.text not in QUOTE_MARKS:
                break
            ms = [m for m in spk.speakers_in(v, [t]) if m.cls in {"Person"} | ORG_CLASSES]
            if ms and all(m.cls == "MediaOutlet" for m in ms) and t.idx >= cue_end:
                # the outlet that quotes someone ("цитирует «РИА Новости» казахстанского
                # лидера"): the one quoted, when named after it, speaks
                outlet = outlet or ms
                continue
            if ms:
                return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
            if v.tk(t) & v.pronouns:
                k = spk.recent_person(v, said, t.idx)
                if k:
                    return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
            if t.idx >= cue_end and v.tk(t) & v.person_nouns:
                named = named_further(v, u.toks, t)
                if named is not None:
                    return [named.key], [(named.key, named.start, named.end)], cue_start
                k = spk.recent_person(v, said, t.idx, spk.country_hint(v, _phrase(t)))
                if k:
                    return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
            if t.idx >= cue_end and v.tk(t) & v.org_nouns and first_word_after(window, cue_end, t):
                # a bare body noun ("По данным пресс-службы, Токаев пожелал …"; ru_kz-kg_02): the
                # body it stands for, as a subject's would be
                words = v.tk(t) & v.org_nouns
                k = spk.recent_org(v, said, t.idx, words, spk.country_hint(v, _phrase(t)))
                if k:
                    return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
        if outlet:
            return _uniq(m.key for m in outlet), [(m.key, m.start, m.end) for m in outlet], cue_start
        if cites_report(v, toks, window, cue_end):
            # a release cited with no author ("…, according to the statement, …", "Так, согласно
            # сообщению, …"; en_am-ir_51, ru_ua-by_51): who issued it
            # (the body acting in the sentence goes first: a document named before, "после
            # заявлений Лукашенко", is what the release is about, not its author)
            # (a release is a body's: no person's, state's or outlet's)
            k = spk.acting_body(v, cue_start) or spk.document_issuer(v, said, cue_start, None)
            keys = [k] if k else spk.author(said)
            if keys and all(v.cls(k) in ORG_CLASSES - {"MediaOutlet"} for k in keys):
                return keys, [], cue_start
        return [], [], cue_start
    if row.kind == "author":
        # the person or body named right after ("говорится в сообщении МИД РФ"), a bare
        # body noun there ("говорится в сообщении ведомства"), else the document's author;
        # a person named as the subject first ("Yevgeny Karabanov answered: …")
        if readout_cue(v, toks, cue_start):
            # "It was noted that …" after talks of two persons: they speak
            keys = spk.readout_speakers(v, cue_start)
            if keys:
                return keys, [], cue_start
        s = v.subject(head)
        if s is not None and u.start <= s.idx < u.end:
            ms = [m for m in spk.speakers_in(v, _phrase(s)) if m.cls == "Person"]
            if ms:
                return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
        window = [t for t in u.toks if t.idx >= cue_end][:SPEAKER_WINDOW]
        for t in window:
            if t.pos_ == "PUNCT":
                break
            ms = [m for m in spk.speakers_in(v, [t]) if m.cls in {"Person"} | ORG_CLASSES - {"MediaOutlet"}]
            if ms:
                return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
            if v.tk(t) & v.org_nouns:
                k = spk.recent_org(v, said, t.idx, v.tk(t) & v.org_nouns, spk.country_hint(v, _phrase(t)))
                if k:
                    return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
        # the body that published the document, named in a phrase of its own ("говорится в
        # сообщении, опубликованном на сайте российского МИД"; ru_ru-de_01)
        ms = publisher(v, u, window)
        if ms:
            return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
        return spk.impersonal_author(v, said, cue_start), [], cue_start
    return [], [], cue_start


def named_further(v: View, toks, t):
    """The person named after the title word ``t`` (of ``toks``, a unit's) before the phrase
    ends ("according to the Governor of the Kaliningrad region Anton Alikhanov"): the name
    speaks, the title stands for no one named before; None when none is."""
    for w in toks:
        if w.i <= t.i:
            continue
        if w.pos_ == "PUNCT" and w.text not in QUOTE_MARKS:
            return None
        named = [m for m in spk.speakers_in(v, [w]) if m.cls == "Person"]
        if named:
            return named[0]
    return None


def readout_cue(v: View, toks, cue_start: int, passive: bool = False) -> bool:
    """Whether a cue is an agentless readout verb (``readout_verb`` rows of events_cues.tsv:
    "It was noted that …", with ``passive`` a passive verb with no agent, "The need for … was
    emphasized") outside anyone's quoted words (there the one quoted speaks)."""
    words = v.tab.words("readout_verb")
    if not any(v.tk(t) & words for t in toks):
        return False
    if v.in_quote(cue_start):
        return False
    if passive:
        verb = toks[0]
        return _passive(verb) and not any(c.dep_ in AGENT_DEPS for c in _kids(verb))
    return True


def instrumental_agent(verb):
    """The agent of a passive verb named by a bare instrumental (no preposition): "Казахстанской
    стороной высказана позиция" (read where the language's ``grammar`` rows say
    ``instrumental_agent``); None for an active verb or none such."""
    if not _passive(verb):
        return None
    for c in _kids(verb):
        if (
            c.dep_ in ("obl", "obl:agent")
            and "Case=Ins" in str(c.morph)
            and c.pos_ in ("NOUN", "PROPN")
            and not any(g.dep_ == "case" for g in _kids(c))
        ):
            return c
    return None


def indefinite_body(v: View, said: Said, head, u: _Unit):
    """The body an indefinite-personal reporting verb names with a preposition (the
    ``indefinite_personal`` grammar: a 3rd-person plural verb with no subject has no agent
    of its own): "сообщили в Минобороны РФ", "В МИД России ответили"."""
    if not v.grammar("indefinite_personal") or _number(head) != "Plur":
        return None
    for c in _kids(head):
        if c.dep_ != "obl" or not (u.start <= c.idx < u.end):
            continue
        phrase = _phrase(c)
        ms = [
            m for m in v.mentions_of_tokens(phrase) if m.cls in ORG_CLASSES - {"MediaOutlet"} and not m.affil
        ]
        if ms:
            return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
        states = [m for m in v.mentions_of_tokens([c]) if m.cls in ("Country", "City") and not m.affil]
        if states:
            # a state or its capital speaking: "В Киргизии объяснили, что …"; the body of that
            # state whose statements the article reports, when one spoke before ("… сообщает
            # МИД Беларуси. … В Минске резко осудили действия Польши"; ru_by-pl_51)
            m = states[0]
            k = spk.state_body_spoken(v, said, v.country(m.key), c.idx)
            return [k or m.key], [(k or m.key, m.start, m.end)]
        k = spk.press_body(v, said, c, phrase)
        if k:
            # "сообщили в пресс-службе узбекского лидера", "в аппарате армянского премьера"
            return [k], [(k, c.idx, c.idx + len(c.text))]
        if v.tk(c) & v.org_nouns:
            # a bare body noun: "сообщили в российском ведомстве", "добавили в ведомстве"
            k = spk.recent_org(v, said, c.idx, v.tk(c) & v.org_nouns, spk.country_hint(v, phrase))
            if k:
                return [k], [(k, c.idx, c.idx + len(c.text))]
    return None


def cites_report(v: View, toks, window, end: int) -> bool:
    """Whether an "after" cue cites a release or report with no author: its last word or the
    first word after it (``first_word_after``) is a ``report_noun`` ("according to the
    statement", "согласно сообщению"); the words after it name no one (the caller has looked
    for a name there)."""
    nouns = v.tab.words("report_noun")
    if v.tk(toks[-1]) & nouns:
        return True
    return any(v.tk(t) & nouns and first_word_after(window, end, t) for t in window if t.idx >= end)


def first_word_after(window, end: int, tok) -> bool:
    """Whether ``tok`` is the first word after offset ``end`` but for articles and
    adjectives ("по данным пресс-службы", "according to the ministry"; not "according to one of
    the government's decisions")."""
    for t in window:
        if t.idx < end or t.pos_ in ("DET", "ADJ"):
            continue
        return t.i == tok.i
    return False


def publisher(v: View, u: _Unit, window) -> list:
    """The bodies named in the words that hang on the first noun after an impersonal cue, up
    to the end of the unit: a participle after a comma names who published it ("говорится в
    сообщении, опубликованном на сайте российского МИД", "… in a statement posted on the
    ministry's website"); no person (one named there is what the document is about). Only a
    participle of publishing (``publish_verb`` rows of events_cues.tsv): "в заявлении,
    посвящённом сотрудничеству с ОДКБ" names what it is about, not who published it."""
    noun = next((t for t in window if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return []
    publish = v.tab.words("publish_verb")
    hung = [
        c
        for c in _kids(noun)
        if c.i > noun.i
        and c.pos_ in ("VERB", "ADJ")
        and "VerbForm=Part" in str(c.morph)
        and (c.lemma_.lower() in publish or c.text.lower() in publish)
    ]
    toks = [t for c in hung for t in _phrase(c) if u.start <= t.idx < u.end]
    return [m for m in spk.speakers_in(v, toks) if m.cls in ORG_CLASSES - {"MediaOutlet"}]


def inverted_speaker(v: View, said: Said, head, toks, u: _Unit):
    """The speaker of a reporting verb that follows the clause it reports, named after it
    (", reported the Akorda press service", ", сообщает пресс-служба Минэнерго"): the parse
    may take the verb for a conjunct of the reported verb and lend it that verb's subject.
    Only a finite verb right after a comma, dash or closing quote, with no subject before
    it, whose subject or object after it is a person or body (a mention, or a noun naming
    a person, a spokesman or a body)."""
    i0 = u.toks.index(toks[0])
    if i0 == 0 or u.toks[i0 - 1].text not in INVERTING_MARKS or "VerbForm=Fin" not in str(head.morph):
        return None
    deps = _kids(head)
    if any(c.dep_ in SUBJ_DEPS and c.i < head.i for c in deps):
        return None
    nouns = v.person_nouns | v.spokes_nouns | v.org_nouns
    # its subject first: "…, заявил ТАСС посол России": the outlet told is no speaker
    # (the object of a verb of telling is the one told: "…, Magzum Mirzagaliyev, Chair of …,
    # told Trend", en_az-kz_02)
    telling = bool(v.tk(head) & v.tab.words("addressee_verb"))
    for c in sorted(deps, key=lambda c: c.dep_ not in SUBJ_DEPS):
        if c.i <= toks[-1].i or c.dep_ not in OBJ_DEPS | SUBJ_DEPS:
            continue
        if telling and c.dep_ in OBJ_DEPS:
            continue
        if not (v.mentions_of_tokens([c]) or v.tk(c) & nouns):
            continue
        keys, args = spk.resolve_np(v, said, c, _phrase(c), u)
        if keys:
            return keys, args
    return None


def attach_quote(v: View, said: Said, u: _Unit, clause_start: int, cue_end: int) -> tuple[int, int] | None:
    text = v.text
    # a quote right before the clause: '"…," the minister said'
    for _ms, me, qs, qe in v.quotes:
        if u.start <= me <= clause_start and qe > qs and QUOTE_GAP.match(text[me:clause_start]):
            return (qs, qe)
    # a quote after the cue in the same clause: 'He stressed that "…"'
    for ms, _me, qs, qe in v.quotes:
        if qs >= cue_end and ms < u.end:
            if len(text[qs:qe].split()) >= 2:
                return (qs, qe)
    if text[u.start : u.end].rstrip().endswith(":") and u.index + 1 < len(v.units):
        nxt = v.units[u.index + 1]
        for ms, _me, qs, qe in v.quotes:
            if nxt.start <= ms < nxt.start + 2:
                return (qs, qe)
    # a passage before a dash: "…, - говорится в обращении"
    before = text[u.start : clause_start]
    m = DASH_BEFORE.search(before)
    if m is not None and before[: m.start()].strip():
        para = text.rfind("\n", 0, clause_start) + 1
        start = para
        for st in said.statements:
            if para <= st.ev_end <= clause_start:
                start = max(start, st.ev_end)
        end = u.start + m.start()
        seg = text[start:end]
        lead = len(seg) - len(seg.lstrip(" \t\n-–—"))
        seg_end = len(seg.rstrip(" \t\n,"))
        if seg_end > lead:
            return (start + lead, start + seg_end)
    return None


# -- events from statements --------------------------------------------------------------
#: the contexts a reporting cue keeps: words that may be said ("Lavrov may also inform his
#: counterpart …"), not words said; a cue said to come ("will tell") is left as told, the gold
#: rarely marking a statement planned
SPEECH_CONTEXTS = frozenset({"hypothetical"})


def speech_context(ctx: str | None, kept: frozenset[str] = SPEECH_CONTEXTS) -> str | None:
    """The context a statement takes from its cue's (``ctx``): only one of ``kept``.

    >>> speech_context("hypothetical"), speech_context("planned"), speech_context(None)
    ('hypothetical', None, None)
    """
    return ctx if ctx in kept else None


def city_speaks_for_state(speakers: Sequence[str], cls_of, state_of) -> list[str]:
    """The speakers of a statement, a city among them standing for its state ("Islamabad
    said that …", "Moscow strongly condemns …", «Москва считает …»: the capital speaks for
    the state, as the gold reads it); a city of no known state stays.

    >>> C = {"islamabad": "City", "pakistan": "Country", "lavrov": "Person"}
    >>> S = {"islamabad": "pakistan", "lavrov": "russia"}
    >>> city_speaks_for_state(["islamabad"], C.get, S.get), city_speaks_for_state(["lavrov"], C.get, S.get)
    (['pakistan'], ['lavrov'])
    """
    return _uniq([(state_of(k) or k) if cls_of(k) == "City" else k for k in speakers])


def statement_event(v: View, said: Said, st: _Statement) -> Event | None:
    parts, args, _ = arg.participants(v, st.ev_start, st.ev_end, st.cue[0], exclude_place=None)
    speaker = city_speaks_for_state(st.speaker, v.cls, v.country)
    # (the city named stays a participant beside its state)
    participants = _uniq(speaker + list(st.speaker) + parts)
    implicit = arg.implicit(v, said, st.unit, participants, st.ev_start, st.ev_end)
    participants = _uniq(participants + implicit)
    about = arg.about(v, st.ev_start, st.ev_end)
    # the quoted words as written, without the comma that joins them to the clause
    quote = v.text[st.quote[0] : st.quote[1]].strip().rstrip(",").rstrip() if st.quote else None
    arguments = _uniq_args(list(st.args) + args + [a for a in arg.about_args(v, st.ev_start, st.ev_end)])
    return Event(
        cls="Statement",
        trigger=st.cue[2],
        start=st.cue[0],
        end=st.cue[1],
        evidence=v.text[st.ev_start : st.ev_end],
        sentence_start=st.ev_start,
        sentence_end=st.ev_end,
        participants=tuple(participants),
        speaker=tuple(speaker),
        quote=quote,
        date=st.date[0] if st.date else None,
        date_precision=st.date[1] if st.date else None,
        about=tuple(about),
        implicit=tuple(implicit),
        context=speech_context(v.context(st.head, st.head, "Statement")) if st.head is not None else None,
        cameo="010",
        goldstein=0.0,
        arguments=tuple(arguments),
    )
