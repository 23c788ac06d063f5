"""Candidate triggers of a clause unit: trigger rows matched (not inside a name, a title or the
phrase naming a speaker), and the candidates that are no event dropped: a flight home, a meeting
noun referring back to one reported, a generic Cooperate word with no named object; candidates
of one class linked in the parse merged (``merge.candidates``). Functions of the document's view
(``document.View``), of what pass 1 found (``records.Said``) and of what pass 2 has reported so
far (``records.Reported``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection

from bilat.extract.events import arguments as arg
from bilat.extract.events.agency import ACTOR_CUES, NEEDS_ACTOR, no_actor
from bilat.extract.events.another import coordinated_twins, own_time
from bilat.extract.events.context import STANCE_STOP, attributive_evaluation, reported_past
from bilat.extract.events.coop import (
    cooperation_has_object,
    nested,
    placed_in_state,
    topic_of_talks,
    vague_object,
)
from bilat.extract.events.document import View
from bilat.extract.events.evaluative import denies_a_charge
from bilat.extract.events.gathering import takes_a_thing
from bilat.extract.events.implied import answered_act, deed_lacks_document, gift_lacks_object
from bilat.extract.events.merge import FAMILIES, framed_by_reported
from bilat.extract.events.merge import candidates as merge_candidates
from bilat.extract.events.records import ACTOR_CLASSES, PLACE_CLASSES, Reported, Said
from bilat.extract.events.records import Cand as _Cand
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import TriggerRow
from bilat.extract.events.talk import (
    a_practice,
    envoy_called_home,
    lacks_partner,
    statement_venue,
    summons_envoy,
    thanked_for,
)
from bilat.extract.events.tree import descendants, governed_by, passive
from bilat.extract.events.tree import head as _head
from bilat.extract.events.tree import kids as _kids
from bilat.extract.events.tree import phrase as _phrase
from bilat.extract.text import fold

#: the object of a verb, and the subject of a passive one (the person welcomed)
OBJ_DEPS = frozenset({"dobj", "obj", "iobj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "nsubj:pass"})


#: dependencies that leave a name: a list, an apposition, a clause of its own
NOT_IN_NAME = frozenset({"conj", "appos", "relcl", "acl:relcl", "acl", "parataxis", "advcl", "ccomp"})


#: dependents of a verb that tell something else than its frame (a list, a clause of its own)
FRAME_STOP = frozenset({"conj", "relcl", "acl:relcl", "parataxis", "ccomp", "advcl", "xcomp", "csubj"})


_MEETING_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _meeting_words(rows) -> frozenset[str]:
    """The one-word Consult triggers of a trigger table (cached per table)."""
    hit = _MEETING_WORDS.get(id(rows))
    if hit is None or hit[0] is not rows:
        words = frozenset(r.words[0].text for r in rows if r.cls == "Consult" and len(r.words) == 1)
        hit = _MEETING_WORDS[id(rows)] = (rows, words)
    return hit[1]


_TALK_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _talk_words(rows) -> frozenset[str]:
    """The one-word Consult triggers of talks and calls (modes meet, phone) of a trigger table
    (cached per table)."""
    hit = _TALK_WORDS.get(id(rows))
    if hit is None or hit[0] is not rows:
        words = frozenset(
            r.words[0].text
            for r in rows
            if r.cls == "Consult" and r.mode in ("meet", "phone") and len(r.words) == 1
        )
        hit = _TALK_WORDS[id(rows)] = (rows, words)
    return hit[1]


def names_troops(
    noun: frozenset[str], around: list[frozenset[str]], troops: frozenset[str], deploy: frozenset[str]
) -> bool:
    """Whether a peacekeeping word names troops rather than an act of peacekeeping: its noun
    (the word itself, "peacekeepers", or the noun it qualifies, "peacekeeping force") is a
    ``troops`` word and no ``deploy`` word governs it or hangs on it (``around``: the words of
    its governors and dependents). "a supporter of the Russian peacekeeping troops", "В состав
    миротворческого контингента вошли" are no Aid; "decided to send peacekeeping forces",
    "a peacekeeping force sent by the CSTO", "направить миротворческие силы" are.

    >>> T, D = frozenset({"force", "peacekeeper"}), frozenset({"send"})
    >>> names_troops(frozenset({"force"}), [frozenset({"criticism"})], T, D)
    True
    >>> names_troops(frozenset({"force"}), [frozenset({"send", "sent"})], T, D)
    False
    >>> names_troops(frozenset({"effort"}), [], T, D)
    False
    """
    return bool(noun & troops) and not any(k & deploy for k in around)


def greeted(c: _Cand, visit: TriggerRow | None) -> _Cand:
    """A welcome given to a guest as the guest's visit: the candidate with the visit row's class,
    mode, code and weight and the direction "greet" (the guest visits, the greeter's country or
    the place named is visited); unchanged when the table has no visit row."""
    if visit is None:
        return c
    row = dataclasses.replace(visit, words=c.row.words, direction="greet", pos=frozenset())
    return dataclasses.replace(c, row=row, mode=visit.mode)


def agreement_as_topic(c: _Cand, cands) -> bool:
    """Whether an agreement noun is the active subject of a word that is no trigger ("The
    agreements provide for the creation of …", "the new agreement would outline future
    cooperation", "Соглашение предусматривает …"): the clause tells what the agreement says, not
    that one was made ("The agreement was signed", "вступило в силу" are triggers of their own)."""
    if c.head.pos_ not in ("NOUN", "PROPN") or c.head.dep_ != "nsubj" or c.head.head.i == c.head.i:
        return False
    return not any(t.i == c.head.head.i for o in cands for t in o.toks)


def own_negation(words: tuple[str, ...], context_rows) -> bool:
    """Whether a trigger phrase holds a negation cue of its own ("not agree", "не согласиться":
    disagreement voiced): that negation is the event, it does not negate it.

    >>> rows = (("not", "negated", "child"), ("will", "planned", "aux"))
    >>> own_negation(("not", "agree"), rows), own_negation(("agree",), rows)
    (True, False)
    """
    negations = {cue for cue, ctx, where in context_rows if ctx == "negated" and where == "child"}
    return any(w in negations for w in words)


def candidates(v: View, said: Said, rep: Reported, u: _Unit) -> tuple[list[_Cand], Reported]:
    """The trigger candidates of unit ``u`` that are events, merged, and ``rep`` with the
    Consult modes among them noted as reported (``consults_seen``)."""
    first_word = next((t for t in u.toks if t.is_alpha), None)

    def accept(row: TriggerRow, toks) -> bool:
        t0 = toks[0]
        # the name of a meeting is a meeting ("the 17th Forum of Interregional Cooperation
        # will be held"): a Consult trigger may open a name; other triggers inside a name
        # ("Shanghai Cooperation Organisation", "Cooperation Without Borders") are not events
        opens = row.cls == "Consult" and opens_name(v, t0)
        if any(v.in_linked(t) for t in toks) and not opens:
            return False
        if (
            t0.text[:1].isupper()
            and (first_word is None or t0.i != first_word.i)
            and t0.i > 0
            and v.sdoc[t0.i - 1].text not in ('"', "«", "“", "(", "-", "–", "—")
            and not opens
            and not lone_capital(
                v.sdoc[t0.i - 1].text,
                v.sdoc[toks[-1].i + 1].text if toks[-1].i + 1 < len(v.sdoc) else "",
                v.tab.words("name_of"),
            )
        ):
            return False
        if row.pos:
            h = _head(toks)
            if h.pos_ not in row.pos:
                return False
        if row.cls != "Consult" and arg.describes_speaker(v, said, _head(toks)):
            return False
        # "exchanged views", "adopted a law", "принял посла": a deed done with no document
        if row.cls == "Agree" and deed_without_document(v, _head(toks)):
            return False
        if row.cls != "Consult" and in_meeting_name(v, _head(toks), first_word):
            return False
        return True

    cands = []
    for i, j, row in v.match(u.toks, v.tab.triggers, accept):
        if row.cls == "-":
            continue  # a phrase that is not an event ("joint press conference")
        toks = u.toks[i:j]
        head = _head(toks)
        anchor = head.head if head.pos_ in ("ADJ", "ADV") and head.head.i != head.i else head
        # "не станет предпринимать провокационных шагов": the accusation is voiced all the same
        climb = FAMILIES.get(row.cls) != "conflict" or not attributive_evaluation(
            row.direction, head.pos_, head.dep_
        )
        ctx = v.context(head, anchor, row.cls, climb)
        if ctx == "negated" and own_negation(tuple(w.text for w in row.words), v.tab.context):
            ctx = None  # "did not agree with that": a disagreement voiced
        cands.append(_Cand(row, head, anchor, tuple(toks), ctx, row.mode))
    if not cands:
        return [], rep  # (no trigger in the unit, most units: the steps below keep nothing)
    # a flight home is no visit ("flew back to Moscow"): drop it before it merges
    cands = [
        c
        for c in cands
        if c.row.direction != "visit"
        or arg.destination(v, u, c, arg.source_of(v, said, rep, c)[0]) is not None
    ]
    # "the talks", "during the visit", "в ходе встречи": a meeting already reported
    back = [c for c in cands if refers_back(v, rep, c) and not any(twins(o, c) for o in cands)]
    cands = [c for c in cands if c not in back]
    # "During the meeting, the sides discussed …", "В ходе встречи обсуждены …": said at talks
    # reported as an event in an earlier unit (else the verb is the only report of them)
    if any(idx < u.index for idx, _ in rep.talks):
        cands = [c for c in cands if not framed_by_reported(c, back)]
    # "Welcoming his Uzbek counterpart", "Erdoğan was welcomed with a ceremony": a guest greeted
    # is no praise but the guest's visit (``typed``: direction "greet")
    cands = [greeted(c, visit_row(v)) if c.row.cls == "Support" and greets_guest(v, c) else c for c in cands]
    # "the Russian peacekeeping troops", "российские миротворцы": troops, not peacekeeping
    cands = [c for c in cands if not (c.row.cls == "Aid" and troops_only(v, c))]
    # "presented his plans", "supplies to Kiev": a gift verb gives only "with" what is given
    cands = [c for c in cands if not (c.row.cls == "Aid" and gift_without_object(v, c))]
    cands = [c for c in cands if not charge_denied(v, c)]
    # "вызвало недовольство": a summons verb alone summons only an envoy or to a ministry
    cands = [c for c in cands if not calls_no_one(v, c)]
    # "received the ambassador", "принял посла": a meeting only with a person received (the
    # one-word trigger; "принял участие" is a trigger of its own)
    # (a deed of an agreement "приняли заявление" is left to ``deed_without_document``)
    cands = [c for c in cands if not (c.row.cls == "Consult" and receives_no_guest(v, c))]
    # "meets the interests of the two nations", "host military bases": no meeting
    cands = [c for c in cands if not (c.row.cls == "Consult" and meets_a_thing(v, c))]
    # "thank President Putin for his official visit", "поблагодарил за визит": the reason of thanks
    # "recalled its ambassador for consultations", «отозвал посла для консультаций»: an envoy
    # called home, no talks of the pair
    cands = [c for c in cands if not (c.row.cls == "Consult" and thanked_or_called_home(v, c))]
    # "они общаются без соблюдения мер", "состоялся замечательный разговор": no one talked with
    cands = [c for c in cands if not (c.row.cls == "Consult" and talks_with_no_one(v, c))]
    # "Patrushev said at a meeting on national security", "speaking at a forum in Seoul": where
    # someone spoke, no one met
    cands = [c for c in cands if not (c.row.cls == "Consult" and venue_of_words(v, c))]
    # "regular visits", "регулярные консультации": a practice, no meeting held ("the next
    # regular CIS summit" is one)
    cands = [c for c in cands if not (c.row.cls == "Consult" and practice_noun(v, c))]
    # "implement the agreements reached earlier", "выполнение соглашений": made before
    cands = [c for c in cands if not (c.row.cls == "Agree" and in_force(v, c))]
    # "The agreements provide for …", "the new agreement would outline …": what the clause is
    # about, not an agreement made
    cands = [c for c in cands if not (c.row.cls == "Agree" and agreement_as_topic(c, cands))]
    # "strengthen bilateral cooperation", "strategic partnership": no named object, no event
    cands = [c for c in cands if c.row.cls != "Cooperate" or coop_object(v, c)]
    # "discussed prospects for strengthening cooperation in trade": the topic of the talks
    cands = [c for c in cands if c.row.cls != "Cooperate" or not talks_topic(v, c)]
    # "the company is a joint venture between …", "КТК - это международное совместное предприятие":
    # what a thing is, no joint work done
    # ("The Netherlands is the largest investor in the Kazakh economy" places capital: an event)
    cands = [c for c in cands if c.row.cls != "Cooperate" or not (generic(v, c) and predicate_noun(c.anchor))]
    # "collaborating on the construction of the railway, which will facilitate transit": one work
    coops = [c for c in cands if c.row.cls == "Cooperate"]
    inner = [
        coops[j] for j in nested([(c.head.i, frozenset(t.i for t in descendants(c.anchor))) for c in coops])
    ]
    cands = [c for c in cands if c not in inner]
    # "issues that call for prompt response", "The request was made": no actor does it
    cands = [c for c in cands if c.row.cls not in NEEDS_ACTOR or not actorless(v, c)]
    modes = {c.mode for c in cands if c.row.cls == "Consult"}
    if not modes <= rep.consults_seen:
        rep = Reported(rep.consults_seen | modes, rep.talks, rep.agents)
    answer = v.tab.words("answer")
    merged = merge_candidates(
        cands,
        lambda c: any(m.cls == "Person" for m in v.mentions_of_tokens(_phrase(c.head))),
        lambda a, b: (
            answered_act(a.head, b.head, v.keys, answer)
            or answered_act(b.head, a.head, v.keys, answer)
            or twins(a, b)
        ),
    )
    return merged, rep


def lone_capital(before: str, after: str, name_of: Collection[str]) -> bool:
    """Whether a capitalized trigger inside a sentence stands alone, no word of a name: the
    words around it are not capitalized and the next is none of ``name_of`` ("of", «о»: a
    ``name_of`` row of ``events_cues.tsv``) ("seeks to drift towards
    Russophobia, which …", "a Russophobic position"), not "Shanghai Cooperation Organisation",
    "Cooperation Without Borders", "the Forum of Regions"; nor the first word after a colon,
    which opens words of their own ("Nazarbayev: Thank you, Mr Putin": a transcript's turn).

    >>> lone_capital("towards", ",", {"of"}), lone_capital("the", "of", {"of"})
    (True, False)
    """
    return (
        not before[:1].isupper()
        and before != ":"
        and not after[:1].isupper()
        and after.lower() not in name_of
    )


def actorless(v: View, c: _Cand) -> bool:
    words = frozenset().union(*(v.tab.words(k) for k in ACTOR_CUES))
    return no_actor(c.head, v.subject, v.keys, v.in_linked, words, v.relatives)


def coop_object(v: View, c: _Cand) -> bool:
    coop = v.tab.coop
    # capital placed: in a state or place named ("investments in Kazakhstan")
    words = [w for t in c.toks for w in v.tk(t)]
    if any(w in coop.placed for w in words):  # (the objects' mentions only for those words)
        objs = [g for t in c.toks for g in _kids(t) if g.dep_ in ("pobj", "obj", "nmod")]
        classes = [m.cls for o in objs for m in v.mentions_of_tokens(_phrase(o))]
        if not placed_in_state(words, classes, coop):
            return False
    trig = " ".join(sorted(v.tk(c.head)))
    key = next((k for k in v.tk(c.head) if k in coop.generic or k in coop.carry), trig)
    deps = []
    for t in {c.head.i: c.head, c.anchor.i: c.anchor}.values():
        for ch in t.children:
            if ch.i in {x.i for x in c.toks}:
                continue
            # the own preposition of the noun a joint word qualifies opens no object ("на
            # совместном … заявлении"); a cooperation noun's own ("в тесном взаимодействии с
            # партнерами обеспечивает работу") says how a thing is done together
            if ch.dep_ == "case" and t.i == c.anchor.i != c.head.i:
                continue
            case = [g for g in ch.children if g.dep_ == "case"]
            word = ch if ch.dep_ in ("prep", "case", "amod", "compound") else (case[0] if case else None)
            # "in all areas", "по всем направлениям": a preposition that opens no field
            objs = [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else [ch]
            if word is not None and any(
                vague_object(fold(o.lemma_), [fold(g.lemma_) for g in modifiers(o)], coop) for o in objs
            ):
                word = None
            deps.append((ch.dep_, fold(word.lemma_) if word is not None else ""))
    anchor = fold(c.anchor.lemma_) if c.anchor.i != c.head.i else key
    phrase = _phrase(c.anchor)  # (not .subtree: natasha's trees may hold cycles)
    project = any(m.cls == "Project" for m in v.mentions_of_tokens(phrase))
    near = carried_nouns(c.head) if key in coop.carry else []
    return cooperation_has_object(key, anchor, c.anchor.pos_ in ("VERB", "AUX"), deps, project, coop, near)


def generic(v: View, c: _Cand) -> bool:
    """Whether a Cooperate trigger is a generic word of joint work (``coop_generic``: "joint",
    "cooperation", "совместный"), not a concrete one ("investor in", "transit")."""
    return bool(v.tk(c.head) & v.tab.coop.generic)


def predicate_noun(tok) -> bool:
    """Whether a noun is what a clause says its subject is: the attribute of "be" ("the company
    is a joint venture", "This is cooperation in …") or a noun with a subject of its own
    ("КТК - это совместное предприятие")."""
    return tok.pos_ == "NOUN" and (tok.dep_ == "attr" or any(ch.dep_ == "nsubj" for ch in _kids(tok)))


def modifiers(noun) -> list:
    """The words hung on a noun and the conjuncts of each ("in political, economic, humanitarian
    and *other* spheres": "other" is a conjunct of "political" in the parse)."""
    out, seen = [], {noun.i}
    layer = list(_kids(noun))
    while layer:
        out += layer
        seen.update(g.i for g in layer)
        layer = [gg for g in layer for gg in _kids(g) if gg.dep_ == "conj" and gg.i not in seen]
    return out


#: dependencies by which a word of carrying out qualifies the noun it carries out ("projects that
#: should be implemented", "проекты, которые должны реализовываться")
QUALIFIES = frozenset({"acl", "relcl", "acl:relcl", "amod"})
#: dependencies that open a clause or a list of their own below the word
CARRIED_STOP = frozenset({"conj", "parataxis", "ccomp", "advcl", "csubj", "relcl", "acl:relcl", "appos"})
NOUNS = ("NOUN", "PROPN")


def carried_nouns(tok, depth: int = 3) -> list[str]:
    """The lemmas of the nouns a word of carrying out (``coop.cooperation_has_object``) governs,
    within ``depth`` steps below it (its object, subject or complement, and a noun of these: "a
    number of projects", "ряд крупных проектов"), and of the noun it qualifies through a clause
    ("проекты, которые должны реализовываться")."""
    out = []
    layer = [tok]
    for _ in range(depth):
        layer = [ch for x in layer for ch in _kids(x) if ch.dep_ not in CARRIED_STOP]
        out += [fold(ch.lemma_) for ch in layer if ch.pos_ in NOUNS]
    x = tok
    for _ in range(3):
        if x.head.i == x.i:
            break
        if x.dep_ in QUALIFIES and x.head.pos_ in NOUNS:
            out.append(fold(x.head.lemma_))
            break
        if x.dep_ not in ("xcomp",):
            break
        x = x.head
    return out


def talks_topic(v: View, c: _Cand, steps: int = 20) -> bool:
    """Whether a Cooperate word is what talks were about (``coop.topic_of_talks``), or a prospect
    weighed rather than done (a ``coop_topic`` word above it: "Prospects for expanding cooperation
    in the economic sphere were emphasized", "the parties considered trade cooperation in …")."""
    words = _talk_words(v.tab.triggers) - v.tab.words("receive")
    topics = v.tab.words("coop_topic")
    heads = []
    x = c.head
    verbs = 0
    for _ in range(steps):
        if x.head.i == x.i:
            break
        # the head is a talks word, or talks frame the first verb above ("During the
        # meeting, the parties exchanged views on …", "The talks focused on issues …", "На
        # заседании были рассмотрены вопросы …", "в ходе беседы было уделено внимание …")
        framed = not verbs and any(
            v.tk(g) & words or any(v.tk(gg) & words for gg in g.children)
            for g in x.head.children
            if g.i != x.i and g.dep_ not in FRAME_STOP
        )
        heads.append((x.dep_, x.head.pos_, bool(v.tk(x.head) & (words | topics)) or framed))
        verbs += x.head.pos_ in ("VERB", "AUX") and x.head.dep_ != "acl"  # not "issues regarding"
        x = x.head
    return topic_of_talks(heads)


def in_meeting_name(v: View, tok, first_word, steps: int = 3) -> bool:
    """Whether a word hangs on a capitalized meeting word inside the sentence: it is part of
    the meeting's name ("XXI Форум межрегионального *сотрудничества* Казахстана и России",
    "the Forum of Interregional *Cooperation*"), not an event of its own."""
    meeting_words = _meeting_words(v.tab.triggers)
    x = tok
    for _ in range(steps):
        if x.head.i == x.i or x.dep_ in NOT_IN_NAME:
            return False  # ("the … Cooperation Forum and the anniversary celebrations")
        x = x.head
        if x.text[:1].isupper() and (first_word is None or x.i != first_word.i) and v.tk(x) & meeting_words:
            return True
    return False


def visit_row(v: View) -> TriggerRow | None:
    """The first one-word visit row of the trigger table: its code and weight."""
    return next(
        (r for r in v.tab.one_word("Consult") if r.mode == "visit"),
        None,
    )


def greets_guest(v: View, c: _Cand) -> bool:
    """A verb of welcoming whose object (or passive subject) is a person: a guest greeted,
    not praise ("Welcoming Nikol Pashinyan, Putin said", "it's my pleasure to welcome you",
    "президентов приветствовала рота почетного караула")."""
    return bool(v.tk(c.head) & v.tab.words("greet")) and has_guest(v, c)


def troops_only(v: View, c: _Cand, steps: int = 3) -> bool:
    """An Aid word that names troops not deployed in this clause (``names_troops``)."""
    noun = c.head
    if noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i and noun.pos_ != "VERB":
        noun = noun.head if v.tk(noun.head) & v.tab.words("troops") else noun
    around = [v.tk(ch) for ch in noun.children]
    x = noun
    for _ in range(steps):
        if x.head.i == x.i:
            break
        x = x.head
        around.append(v.tk(x))
    return names_troops(v.tk(noun), around, v.tab.words("troops"), v.tab.words("deploy"))


#: the dependencies of a gift verb's subject (active "We supplied", passive "was presented with")
GIFT_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def gift_without_object(v: View, c: _Cand) -> bool:
    """A gift verb ("supply", "present") with no "with" child (``implied.gift_lacks_object``)."""
    return gift_lacks_object(
        v.tk(c.head),
        [v.tk(ch) for ch in c.head.children],
        v.tab.words("gift_verb"),
        v.tab.words("gift_prep"),
        v.tab.words("gift_person"),
        any(ch.dep_ in GIFT_SUBJECTS for ch in c.head.children),
    )


#: the dependents of a deed verb or noun that name the text it is done with: its object, its
#: passive subject ("the road map was approved"), a noun's "of" or oblique ("exchange of
#: documents", «обмен документами»)
DOCUMENT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass", "pobj", "nmod", "obl"})


def deed_without_document(v: View, head) -> bool:
    """An Agree deed ("exchange", "adopt", «утвердить»: ``document_deed`` cues) with no
    ``deed_document`` object (``implied.deed_lacks_document``)."""
    deeds = v.tab.words("document_deed")
    if not v.tk(head) & deeds:
        return False
    objects = []
    for ch in _kids(head):
        if ch.dep_ == "prep":
            objects.extend(v.tk(g) for g in _kids(ch) if g.dep_ in DOCUMENT_DEPS)
        elif ch.dep_ in DOCUMENT_DEPS:
            objects.append(v.tk(ch))
    return deed_lacks_document(v.tk(head), objects, deeds, v.tab.words("deed_document"))


def charge_denied(v: View, c: _Cand) -> bool:
    """A charge denied: the refusal or the accusation noun of "rejected the accusations",
    "denied any involvement" (``evaluative.denies_a_charge``)."""
    h = c.head
    governor = v.tk(h.head) if h.dep_ in OBJ_DEPS and h.head.i != h.i else None
    return denies_a_charge(
        c.row.cls,
        v.tk(h),
        [v.tk(ch) for ch in h.children if ch.dep_ in OBJ_DEPS],
        governor,
        v.tab.words("deny_verb"),
        v.tab.words("charge_noun"),
    )


def meets_a_thing(v: View, c: _Cand) -> bool:
    """A meeting verb whose object (or passive subject: "The delivery of aid was attended by
    …") is a thing (``gathering.takes_a_thing``)."""
    objs = [ch for t in c.toks for ch in t.children if ch.dep_ in OBJ_DEPS or ch.dep_ in PASSIVE_SUBJ_DEPS]
    if len(c.toks) > 1:  # "take part in construction"
        objs += [g for t in c.toks for ch in t.children if fold(ch.lemma_) == "in" for g in ch.children]
    actors = v.pronouns | v.person_nouns | v.org_nouns | v.tab.words("guest")
    return takes_a_thing(
        [v.tk(t) for t in c.toks],
        [(v.tk(o), bool(v.mentions_of_tokens([o]) or v.tk(o) & actors)) for o in objs],
        v.tab.words("gathering_verb"),
        v.tab.words("gathering") | _meeting_words(v.tab.triggers),
    )


def path_up(v: View, c: _Cand, steps: int = 8) -> list:
    """The words from a trigger's anchor up to its statement's root (not into a reported or
    relative clause), nearest first, each as (its keys, the keys of its case dependents, the
    keys of all its dependents): what ``talk.thanked_for`` and ``talk.envoy_called_home`` read."""
    path = []
    x = c.anchor
    for _ in range(steps):
        cases = [v.tk(ch) for ch in x.children if ch.dep_ in ("case", "prep", "mark")]
        path.append((v.tk(x), frozenset().union(*cases), frozenset().union(*(v.tk(ch) for ch in x.children))))
        if x.dep_ in STANCE_STOP or x.head.i == x.i:
            break
        x = x.head
    return path


def thanked_or_called_home(v: View, c: _Cand) -> bool:
    """A meeting word that someone is thanked for (``talk.thanked_for``) or that is why an envoy
    is called home (``talk.envoy_called_home``): one walk up from it for both."""
    t = v.tab
    path = path_up(v, c)
    return thanked_for(path, t.words("thanks"), t.words("thanks_prep")) or envoy_called_home(
        path, t.words("call_home"), t.words("call_home_prep"), t.words("envoy")
    )


def calls_no_one(v: View, c: _Cand) -> bool:
    """A one-word ``summons_verb`` trigger that summons no envoy and to no ministry
    (``talk.summons_envoy``); any other trigger is left alone."""
    t = v.tab
    if len(c.toks) != 1 or not v.tk(c.head) & t.words("summons_verb"):
        return False
    verb = c.head
    objects = [v.tk(ch) for ch in _kids(verb) if ch.dep_ in OBJ_DEPS or ch.dep_ in PASSIVE_SUBJ_DEPS]
    preps = t.words("called_prep")
    places = []
    for ch in _kids(verb):
        if ch.dep_ == "prep" and v.tk(ch) & preps:
            nouns = [g for g in _kids(ch) if g.dep_ == "pobj"]
        elif ch.dep_.startswith("obl") and any(v.tk(g) & preps for g in _kids(ch) if g.dep_ == "case"):
            nouns = [ch]
        else:
            continue
        for n in nouns:
            body = any(m.cls == "GovernmentBody" for m in v.mentions_of_tokens([n]))
            places.append((v.tk(n), body))
    return not summons_envoy(objects, places, t.words("envoy"), t.words("summons_place"))


def practice_noun(v: View, c: _Cand) -> bool:
    """A plural meeting or visit noun modified by a ``practice`` word (``talk.a_practice``), or
    the complement of one ("the regularity of political consultations", «регулярность
    политических консультаций»)."""
    mods = [v.tk(ch) for ch in c.head.children if ch.dep_ == "amod"]
    h = c.head
    if h.dep_ == "pobj" and h.head.head.i != h.head.i:
        mods.append(v.tk(h.head.head))  # (the noun the "of" phrase hangs on)
    elif h.dep_ == "nmod" and h.head.i != h.i:
        mods.append(v.tk(h.head))
    plural = "Number=Plur" in str(c.head.morph)
    return a_practice(c.head.pos_, plural, mods, v.tab.words("practice"))


def talks_with_no_one(v: View, c: _Cand) -> bool:
    """A conversation word with no one talked with (``talk.lacks_partner``)."""
    subj = v.subject(c.head)
    owners = [c.head] + ([subj] if subj is not None else [])
    cases = [v.tk(g) for t in owners for ch in t.children for g in ch.children if g.dep_ in ("case", "prep")]
    cases += [v.tk(ch) for t in owners for ch in t.children if ch.dep_ in ("case", "prep")]
    listed = subj is not None and any(ch.dep_ == "conj" for ch in subj.children)
    return lacks_partner(
        [v.tk(t) for t in c.toks], cases, listed, v.tab.words("talk_alone"), v.tab.words("talk_with")
    )


def names_partner(v: View, tok, skip: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a ``talk_with`` word ("with", «с») stands on a dependent of ``tok`` (its
    dependency label not in ``skip``) or on that dependent's preposition: the word names a
    partner in talks ("met with journalists", «беседа с послом»)."""
    with_ = v.tab.words("talk_with")
    return any(
        v.tk(ch) & with_ or any(g.dep_ in ("case", "prep") and v.tk(g) & with_ for g in _kids(ch))
        for ch in _kids(tok)
        if ch.dep_ not in skip
    )


def venue_of_words(v: View, c: _Cand) -> bool:
    """A one-word gathering trigger that is only where someone spoke (``talk.statement_venue``):
    its preposition is the word it hangs on ("at a meeting") or a case word of its own («на
    совещании»); a partner is an actor named in its phrase, not a place ("a forum in Seoul"), or
    a ``talk_with`` word on it ("with journalists", «с послом»)."""
    if len(c.toks) != 1:
        return False
    head = c.head
    cases = [ch for ch in _kids(head) if ch.dep_ in ("case", "prep")]
    prep = next((ch for ch in cases if ch.dep_ == "case"), None)
    if prep is not None:
        verb = head.head
    elif head.dep_ == "pobj" and head.head.i != head.i:
        prep, verb = head.head, head.head.head
    else:
        return False
    span = descendants(head)
    lo, hi = span[0].idx, span[-1].idx + len(span[-1].text)
    actor = any(
        m.cls in ACTOR_CLASSES and m.cls not in PLACE_CLASSES for m in v.mentions_in(lo, hi) if m.start >= lo
    )
    talked = names_partner(v, head)
    return statement_venue(
        v.tk(head),
        v.tk(prep),
        v.tk(verb),
        actor or talked,
        v.tab.words("venue"),
        v.tab.words("venue_prep"),
        v.tab.words("venue_verb"),
    )


def receives_no_guest(v: View, c: _Cand) -> bool:
    """A one-word trigger of receiving or calling (``receive``) whose object is no person, or
    has an object predicate: "received this notification", "приняли решение", "called him a
    friend" are no meeting or call."""
    if len(c.toks) != 1 or not v.tk(c.head) & v.tab.words("receive"):
        return False
    # an object predicate names what the object is called, no guest ("called him a friend")
    return any(ch.dep_ == "oprd" for ch in c.head.children) or not has_guest(v, c)


def has_guest(v: View, c: _Cand) -> bool:
    """Whether the object (or passive subject) of a trigger verb is a person: a person
    named, a pronoun, a bare title or a ``guest`` word ("received the Russian ambassador",
    "принял посла России", "welcome you")."""
    people = v.pronouns | v.person_nouns | v.tab.words("guest")
    guests = [ch for ch in c.head.children if ch.dep_ in OBJ_DEPS or ch.dep_ in PASSIVE_SUBJ_DEPS]
    h = c.head
    if (
        h.dep_ == "conj"
        and h.head.i != h.i
        and passive(h)
        and not any(ch.dep_ in SUBJECT_DEPS for ch in h.children)
    ):
        # "Лавров посетил КНДР … и был принят Ким Чен Ыном": a passive verb coordinated with
        # another and no subject of its own shares the other's subject, the person received
        guests += [ch for ch in h.head.children if ch.dep_ in SUBJECT_DEPS]
    for ch in guests:
        if v.tk(ch) & people:
            return True
        # the object itself names a person, not one who owns it ("welcomed Putin", not
        # "приветствовал намерение Гурбангулы Бердымухамедова принять участие в саммите": the
        # intention is what is welcomed)
        if any(m.cls == "Person" for m in v.mentions_of_tokens(own_words(ch))):
            return True
    return False


#: the dependents of a noun that belong to its own name ("Nikol Pashinyan", "President Putin")
NAME_DEPS = frozenset({"flat", "flat:name", "compound", "appos", "amod", "det"})


def own_words(tok) -> list:
    """A noun and the words of its own name or title, not the phrases that hang on it."""
    return [tok] + [ch for ch in _kids(tok) if ch.dep_ in NAME_DEPS]


def in_force(v: View, c: _Cand) -> bool:
    """An agreement noun governed by a word of carrying it out ("implement the agreements",
    "the implementation of previous bilateral agreements", "выполнение трехсторонних
    соглашений") or by an anniversary: an agreement already made, not a new one."""
    if c.head.pos_ not in ("NOUN", "PROPN"):
        return False
    cues = v.tab.words("in_force")
    anniversaries = [r.words[0] for r in v.tab.one_word("Anniversary")]
    # … or marked by an anniversary ("накануне годовщины подписания договора", "к 25-летию
    # подписания договора")
    return governed_by(c.head, lambda t: bool(v.tk(t) & cues) or any(w.ok(v.tk(t)) for w in anniversaries))


def twins(a: _Cand, b: _Cand) -> bool:
    """Whether two meeting candidates are two meetings of one kind named side by side
    (``another.coordinated_twins``: "the NATO-Russia Council meeting …, and the OSCE Permanent
    Council meeting …")."""
    return (
        a is not b
        and a.row.cls == b.row.cls == "Consult"
        and a.head.pos_ in ("NOUN", "PROPN")
        and b.head.pos_ in ("NOUN", "PROPN")
        and coordinated_twins(a.head, b.head)
    )


def refers_back(v: View, rep: Reported, c: _Cand) -> bool:
    """A meeting noun that refers back to one reported in an earlier sentence: with an
    anaphoric determiner ("The talks were substantive", "told the summit") or framed by a
    circumstance ("at the start of the talks", "during the visit", "в ходе встречи", "по
    итогам переговоров") — not a new event. A planned one ("the next round") is new."""
    if c.row.cls != "Consult" or c.context == "planned" or c.mode not in rep.consults_seen:
        return False
    date = v.date_for(v.unit_of(c.head.idx), c.anchor, future=False, past=reported_past(c.anchor))
    if own_time(c.row.cls, c.mode, c.context, date[0] if date else None, v.base) and dated_noun(v, c.head):
        return False  # "the meeting of … in Singapore in November 2018": another meeting
    head = c.toks[0]
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if names_someone_new(v, rep, c):
        return False  # "в ходе переговоров с министром … Ли Ён Хо" after Kim received Lavrov
    anaphors = v.tab.words("anaphor")
    if any(ch.dep_ in ("det", "poss") and v.tk(ch) & anaphors for ch in c.head.children):
        return True
    before = [w for w in v.sdoc[max(0, head.i - 6) : head.i] if not w.is_space]
    keys = [v.tk(w) for w in before]
    while keys and keys[-1] & anaphors:
        keys.pop()
    for seq in v.tab.phrases("frame"):
        n = len(seq)
        if n <= len(keys) and all(w in k for w, k in zip(seq, keys[len(keys) - n :], strict=True)):
            return True
    return False


def names_someone_new(v: View, rep: Reported, c: _Cand) -> bool:
    """Whether the phrase of a meeting noun (its clauses left out) names a person who took part
    in none of the talks reported before (``rep.talks``): talks of their own, however framed
    ("Лавров … был принят Ким Чен Ыном. … в ходе переговоров с министром иностранных дел КНДР
    Ли Ён Хо обсуждались …")."""
    toks = [c.head] + [t for ch in _kids(c.head) if ch.dep_ not in NOUN_CLAUSE_DEPS for t in descendants(ch)]
    named = {m.key for m in v.mentions_of_tokens(toks) if m.cls == "Person"}
    known = {p for _unit, persons in rep.talks for p in persons}
    return bool(named - known)


#: the dependents of a noun that are clauses of their own ("the summit, which brought together
#: the leaders of …"): who they name is not whom the noun's phrase names
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl:relcl", "acl", "parataxis"})


def dated_noun(v: View, noun) -> bool:
    """Whether a date expression of the unit lies in the phrase of the meeting noun ("their
    meeting at the Vostochny Cosmodrome in September") or the noun is the subject of its clause
    ("a meeting was held in Washington in November"), not only in the clause around it ("After
    the meeting, Tokayev … expressed anticipation for Xi's state visit to Astana in July")."""
    if noun.dep_ in SUBJECT_DEPS:
        return True
    a, b = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)
    return any(a <= d.start and d.end <= b for d in v.unit_of(noun.idx).dates)


#: the dependency labels of a clause's subject (both parsers' schemes)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})


def opens_name(v: View, tok) -> bool:
    """Whether ``tok`` is the first word of a name: a linked span starting at it, or a
    capitalized word followed by more capitalized words or "of"/a genitive."""
    s = tok.idx
    if any(m.start == s and m.label != "DESC" for m in v.mentions_in(s, s + 400)):
        return True
    if not tok.text[:1].isupper() or tok.i + 1 >= len(v.sdoc):
        return False
    nxt = v.sdoc[tok.i + 1]
    return nxt.text[:1].isupper() or nxt.dep_ in ("prep", "nmod", "amod") and nxt.head.i == tok.i
