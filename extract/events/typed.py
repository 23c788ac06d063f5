"""Typing: the event of each trigger candidate (``triggers.py``) with its class, mode, code and
weight, participants, source, target, place, projects and date: pass 2 of the extraction,
``read_typed``, a fold over the clause units threading what was reported so far
(``records.Reported``: Consult modes, talks, directed events)."""

from __future__ import annotations

from bilat.extract.events import arguments as arg
from bilat.extract.events import triggers as trg
from bilat.extract.events.another import own_time
from bilat.extract.events.context import reported_past
from bilat.extract.events.document import View
from bilat.extract.events.evaluative import city_states, issuer_acts, unaddressed, voiced_in_clause
from bilat.extract.events.implied import answered_act
from bilat.extract.events.merge import same_clause
from bilat.extract.events.merge import uniq as _uniq
from bilat.extract.events.merge import uniq_args as _uniq_args
from bilat.extract.events.records import Cand as _Cand
from bilat.extract.events.records import Reported, Said
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tree import clause_verb as _clause_verb
from bilat.extract.events.tree import phrase as _phrase
from bilat.extract.records import Event


def we_persons(speaker: list[str], named: list[str], talks: list[list[str]]) -> list[str]:
    """Who "we"/"мы" of a speaker's quote are among persons: the speaker and the persons the
    clause names ("мы с Романом Скляром подписали", "we signed with our Kazakh colleagues"),
    else the speaker and the others of the last talks the speaker took part in (``talks``, most
    recent last: "we agreed" after "Tokayev held talks with Mirziyoyev"); the speaker alone
    when neither names anyone."""
    if not speaker:
        return []
    others = [k for k in named if k not in speaker]
    if not others:
        for persons in reversed(talks):
            if set(speaker) & set(persons):
                others = [k for k in persons if k not in speaker]
                break
    return list(dict.fromkeys(list(speaker) + others))


def kept_in_quote(cls: str, mode: str | None, context: str | None, told_past: bool) -> bool:
    """Whether talks or an agreement inside a speaker's quoted words are an event the article
    reports: a visit always; talks the speaker tells as done in the first person, or in the
    third person with a person their subject (a press service's report), an agreement
    told as done whoever made it (``told_past``: "we signed an agreement to increase gas
    supplies," Miller said; "мы с Алексеем Лихачевым встречались не один раз"; "agreements have
    been reached", "было достигнуто соглашение о проведении переговоров": the real-news gold
    counts them), not a hope, a plan or a present ("I hope that today we will be able to talk",
    "I am pleased to meet with you"). Other classes are not decided here."""
    if cls not in ("Agree", "Consult") or cls == "Consult" and mode == "visit":
        return True
    return told_past and context is None


def read_typed(v: View, said: Said) -> list[Event]:
    """Pass 2: the typed events of every unit in text order (after pass 1: the speakers
    and quotes are known), each unit given what the units before it reported (``Reported``)."""
    typed: list[Event] = []
    rep = Reported()
    for u in v.units:
        events, rep = typed_unit(v, said, rep, u)
        typed.extend(events)
    return typed


def typed_unit(v: View, said: Said, rep: Reported, u: _Unit) -> tuple[list[Event], Reported]:
    """The typed events of one unit: one per merged candidate that has participants, then
    one per class and actors of a clause (``merge.same_clause``); and ``rep`` with what they
    reported added."""
    events, answered = [], []
    cands, rep = trg.candidates(v, said, rep, u)
    words = v.tab.words("answer")
    for c in cands:
        made, rep = typed_event(v, said, rep, u, c)
        if made is not None:
            e, scoped = made
            # the act answered ("in retaliation for Estonia's expulsion of …") is one of its own
            apart = any(o is not c and answered_act(o.head, c.head, v.keys, words) for o in cands)
            # the second of two meetings of one kind named side by side is one of its own
            apart = apart or any(trg.twins(o, c) for o in cands[: cands.index(c)])
            (answered if apart else events).append((e, frozenset(scoped), c.row.direction))
    return same_clause(events) + same_clause(answered), rep


def quoted(said: Said, offset: int) -> bool:
    """Whether ``offset`` lies inside the quoted words of a statement."""
    return any(st.quote is not None and st.quote[0] <= offset < st.quote[1] for st in said.statements)


def states_subject(v: View, c: _Cand) -> bool:
    """Whether the subject of the trigger's clause is a phrase naming the pair of states
    without naming them ("the two countries", "обе страны")."""
    s = v.subject(_clause_verb(c.anchor))
    return s is not None and v.has_phrase(sorted(_phrase(s), key=lambda t: t.i), "states")


def told_by_name(v: View, c: _Cand) -> bool:
    """Whether the subject of the trigger's clause names a person, or is a personal pronoun
    of the third person: talks told in the third person, as a press service or a spokesman
    reports them ('"Kassym-Zhomart Tokayev held talks with the Crown Prince of Abu Dhabi …,"
    Akorda said'; '"… he had fruitful bilateral meetings yesterday with foreign ministers of …,"
    the spokesman said'), not a speaker's hope or plan."""
    verb = _clause_verb(c.anchor)
    for _ in range(3):
        s = v.subject(verb)
        if s is not None:
            if third_person_pronoun(s.pos_, str(s.morph)):
                return True
            return any(m.cls == "Person" and m.label != "DESC" for m in v.mentions_of_tokens([s]))
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def third_person_pronoun(pos: str, morph: str) -> bool:
    """Whether a word is a personal pronoun of the third person, not a neuter one ("he",
    "they", «он»; not "it", «оно»).

    >>> third_person_pronoun("PRON", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs")
    True
    >>> third_person_pronoun("PRON", "Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs")
    False
    >>> third_person_pronoun("PRON", "Case=Nom|Number=Plur|Person=1|PronType=Prs")
    False
    """
    feats = morph.split("|")
    return pos == "PRON" and "Person=3" in feats and "Gender=Neut" not in feats


def told_by_we(v: View, c: _Cand) -> bool:
    """Whether the subject of the trigger's clause is "we"/"мы"/"I"/"я", or a first-person
    verb has none ("Продолжим", "встречались" after "мы с …" are read by the parse)."""
    first = v.tab.words("first_person") | v.tab.words("first_person_sg")
    verb = _clause_verb(c.anchor)
    for _ in range(3):
        s = v.subject(verb)
        if s is not None:
            return bool(v.tk(s) & first)
        if "Person=1" in str(verb.morph):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def we_keys(v: View, said: Said, rep: Reported, u: _Unit, c: _Cand, parts: list[str]) -> list[str]:
    """Who "we"/"мы" are when the trigger's clause is told in the first person, inside a
    quote whose speaker is a person, or outside quotes in the remarks or address of a named
    author ("Foreign Minister Sergey Lavrov's remarks … following talks with …": "We have
    had very constructive talks"): the persons of ``we_persons`` and the company the speaker
    heads ("we signed an agreement …," Miller, CEO of Gazprom, said); [] otherwise."""
    speaker = next((sp for qs, qe, sp in said.quote_speakers if qs <= c.head.idx < qe), None)
    if speaker is None and not v.in_quote(c.head.idx):
        speaker = said.author
    persons = [k for k in speaker or () if v.cls(k) == "Person"]
    if not persons or not told_by_we(v, c):
        return []
    named = [k for k in parts if v.cls(k) == "Person"]
    firms = [p.org for p in v.positions if p.person in persons and v.cls(p.org) == "Company"]
    return we_persons(persons, named, [p for i, p in rep.talks if i <= u.index]) + firms


def reporting_heads(said: Said) -> list[int]:
    """The token indexes of the statements' reporting cues."""
    return [st.head.i for st in said.statements if st.head is not None]


def typed_event(
    v: View, said: Said, rep: Reported, u: _Unit, c: _Cand
) -> tuple[tuple[Event, list[str]] | None, Reported]:
    """The event of a candidate and the actors of its own clause (None when it has none), and
    ``rep`` with the talks and the directed event it reports added."""
    row = c.row
    head = c.head
    t_start = c.toks[0].idx
    t_end = c.toks[-1].idx + len(c.toks[-1].text)
    place, place_m = arg.event_place(v, u, head)
    parts, args, scoped = arg.participants(
        v, u.start, u.end, t_start, exclude_place=place_m, scope=arg.clause_scope(c.anchor, u)
    )
    media = [k for k in parts if v.cls(k) == "MediaOutlet"]
    parts = [k for k in parts if k not in media]
    args = [a for a in args if a[0] not in media]
    source: list[str] = []
    target: list[str] = []
    voiced: list[str] = []
    unvoiced = False  # a passive clause that names no agent
    if row.direction == "charge":
        # an act charged ("Russia continues to grossly violate …", "Казахстан нарушает"):
        # its doer is the target, whoever voices the charge the source
        doer, doer_args = arg.source_of(v, said, rep, c)
        voiced, v_args = arg.voiced_by(v, said, t_start)
        judged = arg.judged_side(v, c)
        if judged is not None and not set(judged[0]) & set(doer):
            # "Lavrov called Lithuania's actions illegal": the subject of the judging verb
            # brands the act of the thing judged (its owner did it)
            voiced = doer or [k for k in voiced if k not in judged[0]]
            v_args = doer_args if doer else v_args
            doer, doer_args = judged
        source = [k for k in voiced if k not in doer]
        target = doer
        args.extend(doer_args + [a for a in v_args if a[0] in source])
    if row.cls in ("Consult", "Agree") and row.direction == "-":
        # the subject of the clause a meeting is held in takes part, a pronoun or a bare
        # title resolved ("he stated during a meeting with X", "сказал он на встрече с
        # коллегой", "на его встрече с замглавы МИДа"); the persons who sign, a group resolved
        # ("По итогам переговоров стороны подписали план": the persons of the talks)
        subj, subj_args = arg.source_of(v, said, rep, c)
        # (the states of "the two countries would sign", "стороны подписали" stay implicit)
        kinds = ("Person",) if row.cls == "Agree" and states_subject(v, c) else ("Person", "Country")
        subj = [k for k in subj if v.cls(k) in kinds]
        parts = _uniq(subj + parts)
        args.extend(a for a in subj_args if a[0] in subj)
    if row.direction == "greet":
        # a guest welcomed: the guest's visit to the greeter's country (``arguments.greeting``)
        greeting = arg.greeting(v, said, rep, u, c, place)
        if greeting is None:
            return None, rep
        source, target, args = greeting
        parts = []
    me = arg.first_person_singular(v, said, u, c)  # "I" in a quote: its speaker
    if row.direction in ("subj>obj", "speech", "visit", "host"):
        src, src_args = arg.source_of(v, said, rep, c)
        if len(src) > 1 and any(v.cls(k) == "MediaOutlet" for k in src):
            # a dateline's agency parsed into the subject ("АСТАНА. КАЗИНФОРМ – Министерство …")
            src = [k for k in src if v.cls(k) != "MediaOutlet"]
            src_args = [a for a in src_args if a[0] in src]
        if row.direction == "speech":
            voiced, v_args = arg.voiced_by(v, said, t_start)
        # a passive clause with no agent names no one who acts ("He announced that the
        # programme was approved"): not the speaker, not the doer of an act told before
        unvoiced = not src and arg.passive_subject(v, c) is not None
        if (
            not src
            and not unvoiced
            and row.direction in ("subj>obj", "speech")
            and arg.agentless(v, c)
            and not any(v.cls(k) == "Person" for k in voiced)
            and not voiced_in_clause(row.direction, _clause_verb(c.anchor).i, reporting_heads(said))
        ):
            # (a person's own words voice the evaluation; a body's release reports acts)
            src, src_args = arg.agent_before(v, rep, u, row.cls, talks=row.direction == "speech")
        if not src and not unvoiced and row.direction == "subj>obj" and arg.agentless(v, c):
            # (no act of its class told before: the statement's issuer did it)
            issuers, i_args = arg.voiced_by(v, said, t_start)
            src = issuer_acts(row.direction, src, True, issuers)
            src_args = [a for a in i_args if a[0] in src]
        if row.direction == "speech":
            if not src and voiced and not unvoiced:
                # an evaluation with no subject of its own, voiced in a statement
                src, src_args = voiced, v_args
            elif voiced and src and not set(voiced) & set(src) and arg.own_side(v, voiced, src):
                # "Peskov stressed that Russia highly values …": the speaker takes part
                parts = _uniq(parts + voiced)
                args.extend(v_args)
        source = src
        args.extend(src_args)
    if row.direction in ("subj>obj", "speech"):
        tgt, tgt_args = arg.target(v, said, c, source)
        if not tgt and row.direction == "speech" and (side := arg.judged_side(v, c)) is not None:
            # "Zakharova called the decision of Vilnius a provocation": the thing judged
            tgt = [k for k in side[0] if k not in source]
            tgt_args = [a for a in side[1] if a[0] in tgt]
        if not tgt and source and row.direction == "speech":
            tgt, tgt_args = arg.interlocutor(v, said, rep, u, source)
        target = tgt
        args.extend(tgt_args)
    elif row.direction == "visit":
        if not source and me is not None:
            # "Then, I visited Astana in 2015." in a quote whose speaker is named sentences
            # later: the speaker travels (known before the destination: not their own country)
            source = [me[0]]
            args.append(me)
        dest = arg.destination(v, u, c, source)
        if dest is None or not source and not any(v.cls(k) == "Person" for k in parts):
            # (no one travels: "груши, приехавшие в республику", "fans … to visit Qatar")
            return None, rep
        tgt, tgt_args, vplace = dest
        target = tgt
        args.extend(tgt_args)
        if vplace is not None:
            place = place or vplace
            parts = [k for k in parts if k != vplace]  # the city visited is the place
    if row.direction == "visit" and source and target:
        # a visit is the visitor's and the host country's: who else the sentence names
        # (the people met, the city) belongs to the talks and the place
        parts = []
        args = [a for a in args if a[0] in source or a[0] in target]
    parts = _uniq(source + parts + target)
    # first person inside a quote: the speaker's country, unless "I" is the trigger's subject
    # ("I have come to congratulate you on … our common celebration": the speaker)
    fp = arg.first_person(v, said, u, t_start)
    if fp:
        parts = _uniq(parts + [fp[0]])
        args.append(fp)
        if row.direction != "-" and not source and not me:
            source = [fp[0]]
    we = we_keys(v, said, rep, u, c, parts) if row.direction == "-" else []
    if we:
        parts = _uniq(parts + we)
    if me and not source and row.direction != "-":
        source = [me[0]]
        parts = _uniq([me[0]] + parts)
        args.append(me)
        if not target and row.direction == "speech":
            # "I would like to express my gratitude to you": the one addressed
            target, tgt_args = arg.interlocutor(v, said, rep, u, source)
            parts = _uniq(parts + target)
            args.extend(tgt_args)
    implicit = arg.implicit(v, said, u, parts, u.start, u.end, scoped=scoped)
    if row.direction == "-" and v.pair and not implicit:
        if not parts:
            # (told just after talks of two persons: "During the meeting, … a schedule … was
            # agreed upon", "They also focused on …": those persons, and the pair)
            # (not talks: a meeting word naming no one restates the talks, ``coref``)
            persons = arg.talk_persons(rep.talks, u.index) if row.cls != "Consult" else []
            implicit = _uniq(persons + list(v.pair))
        elif (
            len(states := [k for k in parts if v.cls(k) == "Country"]) == 1
            and states[0] in v.pair
            and not any(v.cls(k) in ("Person", "City", "Place") for k in parts)
        ):
            # a bilateral event naming one state of the pair: the other one takes part
            implicit = [k for k in v.pair if k not in parts]
    elif row.direction == "-" and not parts and row.cls != "Consult" and set(implicit) <= set(v.pair):
        # the pair named by a phrase only ("По итогам переговоров планируется подписать
        # совместное заявление"): the persons of the talks just reported take part as well
        implicit = _uniq(arg.talk_persons(rep.talks, u.index) + implicit)
    # a city that acts or is addressed (not the place: "in Moscow") stands for its state: the
    # participants of symmetric talks and agreements ("Doha and Astana signed a memorandum"),
    # the source and target of a directed act ("Moscow deeply regrets Finland's decision")
    sides = (
        parts
        if row.direction == "-" and row.cls in ("Consult", "Agree")
        else _uniq(source + target)
        if row.direction in ("subj>obj", "speech", "charge")
        else []
    )
    if sides:
        parts = _uniq(
            parts + city_states(sides, {k: v.cls(k) for k in sides}, {k: v.country(k) for k in sides})
        )
    participants = _uniq(parts + implicit)
    # (an appeal in a passive clause with no agent, "he was ordered to pay", names its
    # addressee only: no one appeals, as when it addresses no one)
    addressees = [] if unvoiced and not source else target
    dependents = [(ch.dep_, str(ch.morph)) for ch in head.children]
    if not participants or unaddressed(row.cls, addressees, dependents):
        return None, rep
    date = v.date_for(
        u,
        c.anchor,
        future=c.context == "planned",
        past=c.context is None and reported_past(c.anchor),
    )
    own = own_time(row.cls, c.mode, c.context, date[0] if date else None, v.base)
    if quoted(said, t_start) and not kept_in_quote(
        row.cls,
        c.mode,
        c.context,
        reported_past(c.anchor) and (row.cls == "Agree" or told_by_we(v, c) or told_by_name(v, c)) or own,
    ):
        # talks or an agreement hoped for or planned in a speaker's own words ("I hope that
        # today we will be able to talk …") are what the statement is about
        return None, rep
    if row.cls == "Consult" and c.mode in ("meet", "phone"):
        talk = (u.index, tuple(k for k in participants if v.cls(k) == "Person"))
        rep = Reported(rep.consults_seen, (*rep.talks, talk), rep.agents)
    if source and row.direction in ("subj>obj", "speech"):
        rep = Reported(rep.consults_seen, rep.talks, (*rep.agents, (u.index, row.cls, tuple(source))))
    about = arg.about(v, u.start, u.end)
    args.extend(arg.about_args(v, u.start, u.end))
    if place_m is not None:
        args.append((place_m.key, place_m.start, place_m.end))
    return (
        Event(
            cls=row.cls,
            trigger=v.text[t_start:t_end],
            start=t_start,
            end=t_end,
            evidence=v.text[u.start : u.end],
            sentence_start=u.start,
            sentence_end=u.end,
            participants=tuple(participants),
            source=tuple(_uniq(source)),
            target=tuple(k for k in _uniq(target) if k not in source),
            mode=c.mode if row.cls == "Consult" else None,
            date=date[0] if date else None,
            date_precision=date[1] if date else None,
            place=place,
            about=tuple(about),
            context=c.context,
            implicit=tuple(implicit),
            cameo=row.cameo,
            goldstein=row.goldstein,
            arguments=tuple(_uniq_args(args)),
        ),
        scoped,
    ), rep
