"""Events: statements and typed events (PLOVER classes) with their arguments.

Table-driven: every cue word lives in ``data/{lang}/``:

* ``events.tsv``          triggers (lemma sequences) → class, Consult mode, CAMEO code, Goldstein
                          weight, direction rule;
* ``reporting.tsv``       reporting cues (verbs, "according to", "по словам", impersonal
                          "отмечается", document nouns) → how the speaker is found;
* ``events_cues.tsv``     pronouns, bare titles, first person, the phrases that name the
                          article's pair of states or its two leaders, role prepositions;
* ``events_context.tsv``  what makes an event planned, hypothetical or negated.

The text is cut into clause units (spaCy / natasha sentences, also cut at line breaks and
re-joined where a sentence was split at a colon or a comma). In each unit:

1. Statements, one per reporting clause. The speaker is the subject of a reporting verb, the
   name after "according to" / "по словам", a descriptive mention ("the foreign minister"), a
   pronoun or bare title ("He", "The minister") resolved to the most recent person speaker or
   subject, or — for impersonal cues ("отмечается", "as the article states") — the author of
   the address or article the document reports; a release cited with no author ("according to
   the statement", "согласно сообщению") is its issuer's, a body; a joint appearance before the
   press ("jointly met the press", "совместное заявление для СМИ") is one Statement of both
   persons; the passive subject or the object of a verb of telling is the one told. The quote
   is the quoted passage attached to the clause (before it: '"…," Lavrov said'; after it: 'He
   stressed that "…"'; or, in Russian, the passage before a dash: "…, - говорится в
   обращении"). Two clauses attached to one quoted passage with one speaker are one Statement.
   A Statement's evidence runs from the first sentence of its quote to its reporting clause.
2. Typed events from trigger lemmas. Triggers of one class linked in the parse ("hosted the
   summit", "signed an agreement", "held a meeting to discuss") are one event, and so are two
   triggers of one class, mode and context with the same actors in their clauses; a visit and
   the talks held during it stay two. A meeting noun that refers back to one already reported
   ("The talks were substantive", "в ходе встречи") is no new event, nor is a talks verb it frames
   once talks were reported ("During the meeting, the sides discussed …") — but talks held in
   another month than the article's ("their meeting at the Vostochny Cosmodrome in September")
   and two meetings of one word named side by side ("the NATO-Russia Council meeting …, and the
   OSCE Permanent Council meeting …") are meetings of their own (``another``); a flight home is no visit;
   a guest welcomed ("Welcoming the Kazakh leader, Rahmon …", "Erdoğan was welcomed in Astana")
   is no praise but the guest's visit to the greeter's country or the city named;
   a capitalized trigger inside a sentence is a name ("Cooperation Without Borders"), except a
   meeting name ("the 17th Forum … will be held") and a word alone among lowercase words
   ("towards Russophobia,": ``triggers.lone_capital``). Participants are the actors named in the
   unit, those of the trigger's own clause first (affiliations inside a title — "Russian" in
   "Russian Foreign Minister Lavrov", "the Kazakh leader" — media outlets and places are not
   participants; a city that acts in a meeting or agreement — "Doha and Astana signed" —
   stands for its state as well); a visit's participants are the visitor (the subject, the
   noun's owner — "визит российского президента", "your visit" in quoted words — or the
   agent of "by") and the country visited; a visit with no traveller (no visitor, no
   person: "груши, приехавшие в республику") is none. An agreement noun that is the subject
   of what it says ("The agreements provide for …") is no agreement made; the subject of an
   agreement's clause takes part as a meeting's does. Source and
   target follow the trigger's direction rule ("thanked his Russian counterpart" resolves the
   bare title), ``about`` holds the projects named, ``place`` a city or place named with
   "in"/"в". Phrases naming the pair of states without naming them ("the two countries",
   "двусторонний", "совместный") make the article's pair of states (the two countries most
   mentioned) implicit participants when fewer than two countries are named; "the two
   presidents" makes the two persons named last implicit participants (those named in the
   next two sentences when none was before: "The leaders discussed …" opening a lead), "the
   presidents of Russia and Turkey" the person of each state named before (else just after,
   as under a headline); a symmetric event with no participant, or naming one state of the
   pair and nothing else, gets the pair (or the other state) — and, when not talks, the
   persons of the talks of two persons reported in the eight sentences before, as does one
   that names the pair by a phrase only ("совместное заявление")
   (``arguments.talk_persons``); "we"/"мы" inside a quote is the speaker's country and
   "I"/a first-person verb the speaker. Evaluations (praise, thanks, criticism, accusation:
   direction "speech") with no subject of their own are the speaker's when a statement's
   quote or reported clause holds them ('"Such provocative remarks …," X said'), and the
   speaker takes part when the subject is the speaker's own state or body ("Peskov stressed
   that Russia highly values …"); an evaluation with no addressee addresses the other party of the
   talks or call just reported; an anniversary is the states' (those of its persons, and the other state of
   the pair). An agentless clause ("a note was handed to the ambassador", "ноту вручили
   послу") has the source of the last event of its class a few sentences before. A plural
   bare title with a country ("российским коллегам") stands for that state; a third-person
   pronoun inside someone's quote is not the speaker; a trigger inside the phrase naming a
   speaker or inside a title ("командующий миротворческими силами … заявил") is no event.
   Talks or an agreement inside a speaker's quoted words are what the statement is about, not
   an event the article reports ("I hope that today we will be able to talk"), unless the
   speaker tells them as done — talks in the first person ("мы с Алексеем Лихачевым
   встречались"), an agreement whoever made it ("we signed an agreement," Miller said; "было
   достигнуто соглашение"); there "we"/"мы" of a
   two-sided event are the speaker, the persons the clause names ("мы с Романом Скляром") or
   else the other persons of the talks the speaker took part in, and the company the speaker
   heads. A visit there stays. Events with no participant are dropped (the SHACL shape
   requires one). Dated events of one document that the graph would store as one
   node (same class, date, context and participants) are merged here.
3. Dates: the date expression of the trigger's own clause (a participial phrase belongs to its
   clause, a relative or subordinate clause does not), resolved against the publication date
   (or the dateline's); a future-tense (planned) event reads "on Friday" forward. No date is
   given to an event whose clause does not state one. Unresolvable expressions are counted.
Steps across sentences (``coref.py``, ``turns.py``, ``coop.py``): a transcript turn
("Name: …") is a Statement of the named speaker, its "I"/"we" the speaker; a generic Cooperate
word ("strategic partnership") is an event only with a named object (not "in all areas", "по всем
направлениям"), and not as the topic of talks ("discussed prospects for strengthening cooperation
in trade", "The talks focused on issues regarding … cooperation", "На заседании были рассмотрены
вопросы … взаимодействия": the real-news gold has no Cooperate there); an evaluation or act (praise,
accusation, aid, sanction …) that the lead and the body or a quote tell again with the same word
and parties is one event, told where the text says it in a sentence rather than in a headline
line (``coref.retold``); one clause tells one event of the conflict family (a demand for an
expulsion is the demand: ``merge.one_per_family``); an evaluation voiced by one state of the
article's pair with no addressee found addresses the other (``coref.other_side``); talks or a call
that name one person of a state of the pair and the other state take that state's person named
last before as the counterpart (``coref.counterpart_state``); a meeting or visit word
naming no one new restates the one reported before, and a headline or subheadline (a line of
its own after it, no full stop, no one's words reported; or a line a wire places above its
dateline, ``coref.lead_block``) event gives way to the body's of the same context (whatever its
class); a Support, Agree, Cooperate or Consult event
with one side is dropped (a meeting of a body of members excepted: "the CIS summit"), and so is a
Cooperate event of one state (a person or body with their own state: ``coref.one_state``), and a
Cooperate word gives way to the agreement of its clause that stays an event. "The sides"/"they"
right after talks speak for the two persons named and the article's pair of states.
A sentence listing agreements by their parties ("the MoU between A and B, the MoU between C
and D"; ``listed``: two phrases of ``parties_prep`` or more, in a sentence with a
``document_noun``, none hung on talks or a conflict) tells one Agree per phrase, its sides the
bodies, companies or regions named, and the sentence's own Agree or Cooperate gives way.
One clause tells one statement per voice and one set of talks (``retell``): two reporting cues
of one clause with a speaker in common are one Statement ("President Tokayev, he said, had
presented him …"; "Как сообщила пресс-служба Токаева, он также выразил готовность …"), unless each
reports a quote of its own; two talks words of one clause, mode and context with the same parties
are one Consult ("Gazprom is in talks with Kazakhstan …, Miller said at a meeting").
A statement of a headline line gives way to the body's statement of the same speaker that tells
its words again (``retell.headline_said_again``: three content words in common, no name,
reporting cue or bare title counted; a reporting clause that points back — "Такое заявление
сделал …", "Об этом заявил …", ``said_back`` — tells the words of the sentence before): the
real-news gold tells it once, in the body; a transcript's title ("Foreign Minister Sergey
Lavrov's remarks …") stays.
4. Context: planned / hypothetical / negated from auxiliaries, negation, governing verbs
   ("expected to", "отложен"), modifiers ("next", "предстоящий"), infinitive complements and
   future tense. "postponed"/"отложен" is negated: the event did not take place as planned.
   An accusation's adjective that qualifies a noun takes its context from it and its noun only
   ("Вильнюс не станет предпринимать провокационных шагов" voices the accusation:
   ``context.attributive_evaluation``).

The package (issue 9): steps that are functions from plain values to plain values, no object
with state. ``tables`` (cue tables, matcher), ``text`` (clause units, quotes), ``tree`` (parse-tree
walks), ``context`` (context, dates), ``coop``, ``coref``, ``turns``, ``merge`` work on plain values;
``document.view`` builds the frozen ``View`` of one document once (text, parse, mentions, units, pair
of states, cue words; its methods only read it). Pass 1, ``statements.read_statements(v)``, folds
over the units and returns what it found as a frozen ``records.Said`` (people, author, last speaker,
statements, quote speakers): each step is given the record so far and returns a new one. Pass 2,
``typed.read_typed(v, said)``, folds the same way with a frozen ``records.Reported`` (Consult modes
seen, talks, directed events). ``speakers``, ``arguments``, ``triggers``, ``statements`` and
``typed`` are module-level functions of the view and of the records they read; ``merged`` runs the
steps across sentences over the two passes' events.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence

from bilat.extract.dates import dateline_span
from bilat.extract.events.another import coordinated_twins, own_time
from bilat.extract.events.coref import (
    LEAD_LINES,
    anniversary_sides,
    counterpart_state,
    headline_lines,
    headline_units,
    lead_block,
    lone,
    one_state,
    other_side,
    restated,
    retold,
)
from bilat.extract.events.coref import Typed as _TypedView
from bilat.extract.events.document import View, view
from bilat.extract.events.listed import TELLING, listed_agreements
from bilat.extract.events.merge import (
    absorb,
    general_gives_way,
    one_node_each,
    one_per_family,
    persons_announced,
    report_words,
    told_again,
    topics_give_way,
    verbatim_repeats,
)
from bilat.extract.events.records import Said
from bilat.extract.events.retell import Told, headline_said_again, one_talk_per_clause, one_voice_per_clause
from bilat.extract.events.statements import read_statements, silenced_out, statement_event
from bilat.extract.events.tables import tables
from bilat.extract.events.talk import talk_parties
from bilat.extract.events.text import MAX_UNIT_CHARS
from bilat.extract.events.text import bounded as _bounded
from bilat.extract.events.tree import AUX_DEPS, OBJ_DEPS, PASSIVE_SUBJ_DEPS, SUBJ_DEPS, descendants, kids
from bilat.extract.events.triggers import names_partner
from bilat.extract.events.typed import read_typed
from bilat.extract.link import Linked
from bilat.extract.positions import Descriptive
from bilat.extract.records import Document, Event, KBEntry, Position
from bilat.extract.text import fold


def extract_events(
    doc: Document,
    sdoc,
    linked: Linked,
    positions: Iterable[Position],
    descriptive: Iterable[Descriptive],
    kb: dict[str, KBEntry],
) -> tuple[tuple[Event, ...], int]:
    """The events of ``doc`` and the number of date expressions left unresolved."""
    v = view(doc, sdoc, linked, positions, descriptive, kb)
    unresolved = sum(1 for u in v.units for d in u.dates if d.resolve(v.base) is None)
    said = read_statements(v)  # pass 1: statements, speakers, quotes
    statements = [
        e
        for e in (statement_event(v, said, st) for st in said.statements)
        if e is not None and (e.participants or e.speaker or e.source)
    ]
    typed = read_typed(v, said)  # pass 2: typed events
    return merged(v, said, statements, typed), unresolved


#: the dependents of a signing verb that may name the agreement signed
BACK_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})

#: classes of participants made of members: a meeting of one of them has two sides by itself
#: ("the CIS summit", "заседание Совета министров")
MEMBER_CLASSES = frozenset({"InternationalOrganization", "Organization", "GovernmentBody"})


def merged(v: View, said: Said, statements: list[Event], typed: list[Event]) -> tuple[Event, ...]:
    """The events of the document from the statement events and the typed events of the two
    passes: the typed ones told again, restated, giving way or one too many in a clause left
    out (``coref``, ``merge``), the other side of the pair added where an evaluation addresses
    no one, the rest in text order, one per node of the graph."""
    statements = said_once(v, statements)
    # what a negated reporting cue leaves open is not reported ("did not say what …")
    typed = silenced_out([e for e in typed if e is not None], said.silenced)
    typed = sorted(
        (e for e in typed if e.participants or e.source),
        key=lambda e: (e.start, e.cls),
    )
    told = retold(typed_views(v, typed), opening_lines(v))
    typed = absorb(typed, told)
    views = typed_views(v, typed, body_voices(v, statements))
    heads = headline_of(v, said)
    again = restated(views, heads, v.restating, frozenset(v.pair), agenda=v.tab.words("restate_agenda"))
    gone = set(told) | set(again) | lone(views)
    gone |= one_state(views, {k: v.country(k) for w in views for k in w.participants})
    # the persons a headline names take part in the body's event it announces
    announced = {i: k for i, k in again.items() if views[i].unit in heads}
    typed = told_again(persons_announced(typed, announced, lambda k: v.cls(k) == "Person"), again)
    gone |= topics_give_way([(w.unit, w.cls) for w in views], gone)
    gone |= general_gives_way([(w.unit, w.cls) for w in views], gone)
    gone |= one_per_family([(w.unit, w.cls, w.context, w.participants) for w in views], gone)
    gone |= one_talk_per_clause(
        [(w.unit, w.cls, w.mode, w.context, w.participants) for w in views], gone
    ) - named_side_by_side(v, typed, views)
    events = statements + [
        anniversary(v, counterpart(v, addressed_side(v, e))) for i, e in enumerate(typed) if i not in gone
    ]
    listed = listed_agreements(v, events)
    if listed:
        # the sentence's own agreement or joint work gives way to the agreements it lists
        units = {(e.sentence_start, e.sentence_end) for e in listed}
        events = [
            e for e in events if not (e.cls in TELLING and (e.sentence_start, e.sentence_end) in units)
        ] + listed
    events.sort(key=lambda e: (e.start, e.cls))
    # a sentence printed twice (a subhead repeating the lead, the lead again after a dateline)
    # is one report
    again = verbatim_repeats(
        [
            ((e.cls, e.mode, e.context, tuple(sorted(e.speaker))), report_words(e.evidence), e.sentence_start)
            for e in events
        ]
    )
    events = [e for i, e in enumerate(told_again(events, again)) if i not in again]
    return tuple(one_node_each(events))


def named_side_by_side(v: View, events: list[Event], views: list[_TypedView]) -> set[int]:
    """The indexes of the meetings named side by side with another of one kind in their unit
    (``another.coordinated_twins``: "the NATO-Russia Council meeting was held in Brussels …,
    and the OSCE Permanent Council meeting in Vienna …"): each is an event of its own."""
    starts = v.starts
    toks = [v.sdoc[max(0, bisect.bisect_right(starts, e.start) - 1)] for e in events]
    out: set[int] = set()
    for i, a in enumerate(events):
        for j in range(i + 1, len(events)):
            b = events[j]
            if (
                views[i].unit == views[j].unit
                and a.cls == b.cls == "Consult"
                and a.mode == b.mode
                and toks[i].pos_ in ("NOUN", "PROPN")
                and coordinated_twins(toks[i], toks[j])
            ):
                out |= {i, j}
    return out


def said_once(v: View, statements: list[Event]) -> list[Event]:
    """The statement events but one of two of one voice in a clause unit
    (``retell.one_voice_per_clause``) and those of a headline line the body tells again
    (``retell.headline_said_again``)."""
    told = [
        Told(
            v.unit_of(e.start).index,
            frozenset(e.speaker),
            e.sentence_end - e.sentence_start,
            e.quote,
            said_words(v, e),
            joint_cue(v, e),
        )
        for e in statements
    ]
    gone = one_voice_per_clause(told)
    gone |= headline_said_again(told, opening_lines(v), gone)
    return [e for i, e in enumerate(statements) if i not in gone]


def joint_cue(v: View, e: Event) -> bool:
    """Whether a statement's cue is a joint appearance before the press (a ``joint`` row of
    reporting.tsv: "jointly met the press", "a joint statement to the media")."""
    rows = v.tab.reporting_of("joint")
    lo, hi = bisect.bisect_left(v.starts, e.start), bisect.bisect_left(v.starts, e.end)
    toks = v.tokens[lo:hi]
    return bool(rows and toks and v.match(toks, rows, lambda _row, _toks: True))


def said_words(v: View, e: Event) -> frozenset[str]:
    """The content words of a statement: those of its evidence, and those of the sentence
    before when its reporting clause points back to it (``said_back``: "Отношения Астаны и
    Душанбе развиваются по восходящей линии. Такое заявление сделал … Токаев")."""
    words = content_words(v, e.sentence_start, e.sentence_end)
    lo = bisect.bisect_left(v.starts, e.sentence_start)
    hi = bisect.bisect_left(v.starts, e.sentence_end)
    first = v.unit_of(e.sentence_start).index
    opens = v.phrase_opens("said_back")
    if first == 0 or opens.isdisjoint(range(lo, hi)):
        return words  # (no "said_back" phrase can open in the sentence)
    # the reporting clause's words, not the quoted ones ("«… мы говорили об этом», — сказал он")
    clause = [v.tokens[i] for i in range(lo, hi) if not v.in_quote(v.starts[i])]
    if v.has_phrase(clause, "said_back"):
        before = v.units[first - 1]
        words |= content_words(v, before.start, before.end)
    return words


def content_words(v: View, start: int, end: int) -> frozenset[str]:
    """The folded lemmas of the content words between the offsets ``start`` and ``end``: no
    stop word, punctuation or number, no word of a name, of a reporting cue or of a bare title
    (a headline and the body name the speaker and the article's countries, and say that
    someone said something, whatever else they tell)."""
    said = v.tab.naming_words()  # (the reporting cues' words, bare person and body titles)
    keys, starts, plain, lemmas = v.keys, v.starts, v.plain_words, v.lemmas
    # the tokens that start inside a name: those from its start's index to its end's
    named = {
        i
        for m in v.mentions_in(start, end)
        for i in range(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end))
    }
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return frozenset(lemmas[i] for i in range(lo, hi) if plain[i] and i not in named and not keys[i] & said)


def counterpart(v: View, e: Event) -> Event:
    """``e`` with the counterpart of talks that name one person of the article's pair and the
    other state as an implicit participant: that state's person named last before
    (``coref.counterpart_state``)."""
    keys = (*e.participants, *e.implicit)
    persons = [(k, v.country(k)) for k in keys if v.cls(k) == "Person"]
    sides = {c for k in keys if v.cls(k) != "Person" and (c := v.country(k))}
    other = counterpart_state(e.cls, e.mode, persons, sides, v.pair)
    if other is None:
        return e
    for m in reversed(v.mentions):
        if m.start < e.start and m.cls == "Person" and not m.affil and v.country(m.key) == other:
            if m.key in keys:
                return e
            return dataclasses.replace(
                e, participants=(*e.participants, m.key), implicit=(*e.implicit, m.key)
            )
    return e


def anniversary(v: View, e: Event) -> Event:
    """``e`` with the states whose anniversary it is as implicit participants
    (``coref.anniversary_sides``): those of its persons and bodies, and the other state of
    the article's pair."""
    keys = (*e.participants, *e.implicit)
    add = [k for k in anniversary_sides(e.cls, [v.country(k) for k in keys], v.pair) if k not in keys]
    if not add:
        return e
    return dataclasses.replace(e, participants=(*e.participants, *add), implicit=(*e.implicit, *add))


def addressed_side(v: View, e: Event) -> Event:
    """``e`` with the other state of the article's pair as an implicit participant when it is
    an evaluation or act voiced by one side with no addressee found (``coref.other_side``)."""
    sides = [v.country(k) for k in (*e.participants, *e.implicit)]
    other = other_side(e.cls, sides, e.target, v.pair)
    if other is None or other in e.implicit:
        return e
    return dataclasses.replace(e, implicit=(*e.implicit, other))


def body_voices(v: View, statements: list[Event]) -> dict[int, list[tuple[frozenset[str], int]]]:
    """Unit index → the speakers of each of its statements that are no person (a ministry, a
    council, a press service), with the index of the statement's cue token."""
    out: dict[int, list[tuple[frozenset[str], int]]] = {}
    for e in statements:
        bodies = frozenset(k for k in e.speaker if v.cls(k) != "Person")
        if bodies:
            cue = max(0, bisect.bisect_right(v.starts, e.start) - 1)
            out.setdefault(v.unit_of(e.start).index, []).append((bodies, cue))
    return out


def reporting_bodies(v: View, e: Event, tok, voices: Sequence[tuple[frozenset[str], int]]) -> frozenset[str]:
    """The bodies that report ``e``: the non-person speakers of a statement (``voices``: its
    speakers and the index of its cue) whose cue's clause holds ``e``'s trigger ``tok`` ("the
    Armenian Foreign Ministry said Mirzoyan and Amir Abdollahian had a detailed discussion",
    "Thursday's talks also covered …, according to Myanmar's National Defence and Security
    Council"), named outside the trigger's phrase — not a partner in the talks ("he had held a
    meeting with management of France's Framatome, which confirmed …")."""
    if not voices:
        return frozenset()
    out: set[str] = set()
    for bodies, cue in voices:
        c = v.sdoc[cue]  # the cue, or the word it hangs on ("according to" → "covered")
        # (the contiguous stretch between spaCy's edges, wider than the true subtree where
        # natasha's tree is not projective: held-out MEET 1 fewer with the subtree)
        if any(g.left_edge.i <= tok.i <= g.right_edge.i for g in (c, c.head)):
            out |= bodies
    if not out:
        return frozenset()
    u = v.unit_of(e.start)
    span = descendants(tok)
    lo, hi = span[0].idx, span[-1].idx + len(span[-1].text)
    inside = {m.key for m in v.mentions_in(u.start, u.end) if m.key in out and lo <= m.start < hi}
    return frozenset(out - inside)


def typed_views(
    v: View, events: list[Event], voices: dict[int, list[tuple[frozenset[str], int]]] | None = None
) -> list[_TypedView]:
    """What the steps across sentences (``coref``) see of each event: its unit, class, mode,
    context, participants, trigger word (the first ``restate`` word of a talks phrase — "talks"
    in "held talks" — else its lemma), date, the states of its participants,
    whether a body of members takes part and whether an agreement names one reported."""
    starts = v.starts
    views = []
    for e in events:
        first = max(0, bisect.bisect_right(starts, e.start) - 1)
        tok = v.sdoc[first]
        talks = e.mode in ("meet", "phone")  # "held talks"; "paid a visit" tells the visit itself
        span = [tok] + [t for t in v.sdoc[first + 1 : first + 4] if talks and t.idx < e.end]
        words = [k for t in span for k in sorted(v.tk(t)) if k in v.restating]
        key = words[0] if words else fold(tok.lemma_)
        views.append(
            _TypedView(
                v.unit_of(e.start).index,
                e.cls,
                e.mode,
                e.context,
                frozenset(e.participants) | frozenset(e.implicit),
                key,
                any(v.cls(k) in MEMBER_CLASSES for k in e.participants),
                e.cls == "Agree" and names_agreement_back(v, tok),
                frozenset(e.source),
                frozenset(e.target),
                e.date,
                frozenset(c for k in e.participants if (c := v.country(k)) and c != k),
                e.place,
                own_time(e.cls, e.mode, e.context, e.date, v.base),
                said_parties(v, e, tok, key),
                talks
                and tok.pos_ in ("NOUN", "PROPN")
                and any(
                    ch.dep_ in ("amod", "nummod") and v.tk(ch) & v.tab.words("another_meeting")
                    for ch in kids(tok)
                ),
                voices=reporting_bodies(v, e, tok, (voices or {}).get(v.unit_of(e.start).index, ())),
                governed=governed_planned(v, e, tok),
                place_state=(c if e.place and (c := v.country(e.place)) != e.place else None),
                family=(family := trigger_family(v, e)),
                added=bool(family) and adds_an_act(v, e),
            )
        )
    return views


#: the families of trigger words that tell one kind of act in several words (cue kinds of
#: events_cues.tsv): an ambassador summoned and a note of protest handed are one démarche
TRIGGER_FAMILIES = ("demarche",)


def trigger_family(v: View, e: Event) -> str:
    """The family of the trigger words of ``e`` (``TRIGGER_FAMILIES``): the first whose cue
    words one of its trigger's tokens holds, else ""."""
    lo, hi = bisect.bisect_left(v.starts, e.start), bisect.bisect_left(v.starts, e.end)
    keys = [v.keys[i] for i in range(lo, hi)]
    for family in TRIGGER_FAMILIES:
        words = v.tab.words(family)
        if any(k & words for k in keys):
            return family
    return ""


def adds_an_act(v: View, e: Event) -> bool:
    """Whether the sentence of ``e`` holds an ``additive`` cue ("in addition", «кроме того»):
    it tells one more act, not the one told before."""
    lo = bisect.bisect_left(v.starts, e.sentence_start)
    hi = bisect.bisect_left(v.starts, e.sentence_end)
    return v.has_phrase(v.tokens[lo:hi], "additive")


def governed_planned(v: View, e: Event, tok) -> bool:
    """Whether the visit noun ``tok`` of ``e`` is planned only through the finite verb it is
    the subject of or hangs on through a preposition — "Mirziyoyev's visit will give impetus …",
    "during his visit, the countries will sign …" —, not as what a verb holds ("agreed to pay
    another visit in autumn", «договорились провести встречу»: the object of the verb, or of an
    infinitive, is what is planned; so is the subject of an ``occur`` verb: "the visit will take
    place on Friday", «визит состоится в четверг»), and no modifier of its own is a planned cue
    ("next", "upcoming", «предстоящий»: a ``mod`` row of ``events_context.tsv``). (Talks are left
    alone: a meeting noun in a future clause is as often talks still to come.)"""
    if e.mode != "visit" or e.context != "planned" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    own = frozenset(cue for cue, ctx, where in v.tab.context if where == "mod" and ctx == "planned")
    if any(v.tk(ch) & own for ch in kids(tok)):
        return False
    x = tok
    for _ in range(8):
        if x.dep_ in OBJ_DEPS or x.head.i == x.i:
            return False
        subject = x.dep_ in SUBJ_DEPS
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            if x.dep_ == "xcomp" or subject and tells_occurrence(v, x):
                return False
            # a bare infinitive is planned as what it holds, not one told with an auxiliary
            # verb ("will give": the auxiliary is a verb; "to hold": a particle)
            return "VerbForm=Inf" not in str(x.morph).split("|") or any(
                ch.dep_ in AUX_DEPS and ch.pos_ == "AUX" for ch in kids(x)
            )
    return False


def tells_occurrence(v: View, verb) -> bool:
    """Whether ``verb`` is an ``occur`` cue ("hold", «состояться»), or the first word of one whose
    other words are its dependents ("take place")."""
    keys = v.tk(verb)
    for seq in v.tab.phrases("occur"):
        if seq[0] in keys and all(any(w in v.tk(ch) for ch in kids(verb)) for w in seq[1:]):
            return True
    return False


def said_parties(v: View, e: Event, tok, key: str) -> frozenset[str] | None:
    """Who the talks verb of the agenda (``restate_agenda``: "discussed", "обсудили") that
    triggers ``e`` says talks (``talk.talk_parties``): its subject's head (a ``talks_parties``
    word, "the parties", «собеседники»), whether it is passive, the persons its subject names,
    and whether a ``talk_with`` word names a partner on it; None for other events."""
    if e.cls != "Consult" or key not in v.tab.words("restate_agenda") or tok.pos_ not in ("VERB", "AUX"):
        return None
    partner = names_partner(v, tok, skip=SUBJ_DEPS)
    subj = v.subject(tok)
    passive = subj is not None and subj.dep_ in PASSIVE_SUBJ_DEPS
    if subj is None:
        return talk_parties(None, False, frozenset(), partner, v.tab.words("talks_parties"))
    span = descendants(subj) if subj.i != tok.i else [subj]
    persons = frozenset(m.key for m in v.mentions_of_tokens(span) if m.cls == "Person" and not m.affil)
    return talk_parties(v.tk(subj), passive, persons, partner, v.tab.words("talks_parties"))


def names_agreement_back(v: View, tok) -> bool:
    """Whether an Agree trigger is, or signs, a singular definite agreement noun of the
    ``agree_back`` cues ("The document was signed …", "after signing the deal"), or is an
    agreement noun with an ``anaphor`` determiner that is the passive subject of its clause
    ("The agreement was reached during a meeting between …", "The agreements were reached
    during a meeting of …": the agreement told before, now said where it was made)."""
    back = v.tab.words("agree_back")
    indefinite = v.tab.words("indefinite")
    nouns = [tok] + [ch for ch in tok.children if ch.dep_ in BACK_DEPS]
    if any(
        n.pos_ in ("NOUN", "PROPN")
        and anaphoric_passive_subject(
            n.dep_, [v.tk(ch) for ch in kids(n) if ch.dep_ == "det"], v.tab.words("anaphor")
        )
        for n in nouns
    ):
        return True
    return any(
        v.tk(n) & back
        and "Number=Plur" not in str(n.morph)
        and not any(ch.dep_ == "det" and v.tk(ch) & indefinite for ch in n.children)
        for n in nouns
    )


def anaphoric_passive_subject(
    dep: str, determiners: Iterable[frozenset[str]], anaphors: frozenset[str]
) -> bool:
    """Whether a noun (its dependency ``dep`` and the keys of its determiners) is the passive
    subject of its clause with an anaphoric determiner: "*The* agreement was reached …", "*These*
    agreements were signed …" (not "Agreements were reached on …", "An agreement was signed …").

    >>> anaphoric_passive_subject("nsubjpass", [frozenset({"the"})], frozenset({"the", "this"}))
    True
    >>> anaphoric_passive_subject("nsubjpass", [frozenset({"an", "a"})], frozenset({"the", "this"}))
    False
    >>> anaphoric_passive_subject("nsubjpass", [], frozenset({"the"}))
    False
    >>> anaphoric_passive_subject("dobj", [frozenset({"the"})], frozenset({"the"}))
    False
    """
    return dep in PASSIVE_SUBJ_DEPS and any(keys & anaphors for keys in determiners)


def opening_lines(v: View) -> frozenset[int]:
    """The units that open the text as lines of their own ending no sentence, and those of the
    lines a dateline comes after (``lead``)."""
    first = [(v.text[u.start : u.end], "\n" in v.text[u.end : u.end + 3]) for u in v.units[:4]]
    return headline_lines(first, v.doc.title) | lead(v)


def lead(v: View) -> frozenset[int]:
    """The units of the lines before a dateline that follows the headline (``coref.lead_block``:
    "Headline" / "Lead sentence." / "MOSCOW, June 9 (Sputnik) - …")."""
    lines, at = [], 0
    for line in v.text.split("\n"):
        if len(lines) > LEAD_LINES:
            break
        if line.strip():
            lines.append((at, line))
        at += len(line) + 1
    n = lead_block([dateline_span(line, v.lang)[0] > 0 for _, line in lines])
    if not n:
        return frozenset()
    end = lines[n][0]
    return frozenset(u.index for u in v.units if u.start < end)


def headline_of(v: View, said: Said) -> frozenset[int]:
    """The units of the headline and subheadline, if the text opens with them."""
    stated = {st.unit.index for st in said.statements}
    first = [
        (v.text[u.start : u.end], "\n" in v.text[u.end : u.end + 3], u.index in stated) for u in v.units[:2]
    ]
    return headline_units(first, v.doc.title) | lead(v)


__all__ = ["extract_events", "tables", "MAX_UNIT_CHARS", "_bounded"]
