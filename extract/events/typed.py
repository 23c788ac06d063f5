"""Typing: the event of each trigger candidate (``triggers.py``) with its class, mode, code and
weight, participants, source, target, place, projects and date; pass 2 of the extraction (a
mixin)."""

from __future__ import annotations

from bilat.extract.events.context import reported_past
from bilat.extract.events.merge import same_clause
from bilat.extract.events.merge import uniq as _uniq
from bilat.extract.events.merge import uniq_args as _uniq_args
from bilat.extract.events.records import Cand as _Cand
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
    reports: a visit always; talks the speaker tells as done in the first person, an agreement
    told as done whoever made it (``told_past``: "we signed an agreement to increase gas
    supplies," Miller said; "мы с Алексеем Лихачевым встречались не один раз"; "agreements have
    been reached", "было достигнуто соглашение о проведении переговоров": the real-news gold
    counts them), not a hope, a plan or a present ("I hope that today we will be able to talk",
    "I am pleased to meet with you"). Other classes are not decided here."""
    if cls not in ("Agree", "Consult") or cls == "Consult" and mode == "visit":
        return True
    return told_past and context is None


class Typed:
    def _read_typed(self) -> list[Event]:
        """Pass 2: the typed events of every unit in text order (after pass 1: the speakers
        and quotes are known)."""
        typed: list[Event] = []
        for u in self.units:
            typed.extend(self._typed(u))
        return typed

    def _typed(self, u: _Unit) -> list[Event]:
        """The typed events of one unit: one per merged candidate that has participants, then
        one per class and actors of a clause (``merge.same_clause``)."""
        events = []
        for c in self._candidates(u):
            made = self._typed_event(u, c)
            if made is not None:
                e, scoped = made
                events.append((e, frozenset(scoped), c.row.direction))
        return same_clause(events)

    def _quoted(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the quoted words of a statement."""
        return any(st.quote is not None and st.quote[0] <= offset < st.quote[1] for st in self.statements)

    def _states_subject(self, c: _Cand) -> bool:
        """Whether the subject of the trigger's clause is a phrase naming the pair of states
        without naming them ("the two countries", "обе страны")."""
        s = self._subject(_clause_verb(c.anchor))
        return s is not None and self._has_phrase(sorted(_phrase(s), key=lambda t: t.i), "states")

    def _told_by_we(self, c: _Cand) -> bool:
        """Whether the subject of the trigger's clause is "we"/"мы"/"I"/"я", or a first-person
        verb has none ("Продолжим", "встречались" after "мы с …" are read by the parse)."""
        first = self.tab.words("first_person") | self.tab.words("first_person_sg")
        verb = _clause_verb(c.anchor)
        for _ in range(3):
            s = self._subject(verb)
            if s is not None:
                return bool(self.tk(s) & first)
            if "Person=1" in str(verb.morph):
                return True
            if verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    def _we(self, u: _Unit, c: _Cand, parts: list[str]) -> list[str]:
        """Who "we"/"мы" are when the trigger's clause is told in the first person, inside a
        quote whose speaker is a person, or outside quotes in the remarks or address of a named
        author ("Foreign Minister Sergey Lavrov's remarks … following talks with …": "We have
        had very constructive talks"): the persons of ``we_persons`` and the company the speaker
        heads ("we signed an agreement …," Miller, CEO of Gazprom, said); [] otherwise."""
        speaker = next((sp for qs, qe, sp in self.quote_speakers if qs <= c.head.idx < qe), None)
        if speaker is None and not any(qs <= c.head.idx < qe for _ms, _me, qs, qe in self.quotes):
            speaker = self.author
        persons = [k for k in speaker or () if self.cls(k) == "Person"]
        if not persons or not self._told_by_we(c):
            return []
        named = [k for k in parts if self.cls(k) == "Person"]
        firms = [p.org for p in self.positions if p.person in persons and self.cls(p.org) == "Company"]
        return we_persons(persons, named, [p for i, p in self.talks if i <= u.index]) + firms

    def _typed_event(self, u: _Unit, c: _Cand) -> tuple[Event, list[str]] | None:
        """The event of a candidate and the actors of its own clause; None when it has none."""
        row = c.row
        head = c.head
        t_start = c.toks[0].idx
        t_end = c.toks[-1].idx + len(c.toks[-1].text)
        place, place_m = self._place(u, head)
        parts, args, scoped = self._participants(
            u.start, u.end, t_start, exclude_place=place_m, scope=self._scope(c.anchor, u)
        )
        media = [k for k in parts if self.cls(k) == "MediaOutlet"]
        parts = [k for k in parts if k not in media]
        args = [a for a in args if a[0] not in media]
        source: list[str] = []
        target: list[str] = []
        voiced: list[str] = []
        if row.direction == "charge":
            # an act charged ("Russia continues to grossly violate …", "Казахстан нарушает"):
            # its doer is the target, whoever voices the charge the source
            doer, doer_args = self._source(c)
            voiced, v_args = self._voiced_by(t_start)
            source = [k for k in voiced if k not in doer]
            target = doer
            args.extend(doer_args + [a for a in v_args if a[0] in source])
        if row.cls in ("Consult", "Agree") and row.direction == "-":
            # the subject of the clause a meeting is held in takes part, a pronoun or a bare
            # title resolved ("he stated during a meeting with X", "сказал он на встрече с
            # коллегой", "на его встрече с замглавы МИДа"); the persons who sign, a group resolved
            # ("По итогам переговоров стороны подписали план": the persons of the talks)
            subj, subj_args = self._source(c)
            # (the states of "the two countries would sign", "стороны подписали" stay implicit)
            kinds = ("Person",) if row.cls == "Agree" and self._states_subject(c) else ("Person", "Country")
            subj = [k for k in subj if self.cls(k) in kinds]
            parts = _uniq(subj + parts)
            args.extend(a for a in subj_args if a[0] in subj)
        if row.direction == "greet":
            # a guest welcomed: the guest's visit to the greeter's country (``_greeting``)
            greeting = self._greeting(u, c, place)
            if greeting is None:
                return None
            source, target, args = greeting
            parts = []
        if row.direction in ("subj>obj", "speech", "visit", "host"):
            src, src_args = self._source(c)
            if len(src) > 1 and any(self.cls(k) == "MediaOutlet" for k in src):
                # a dateline's agency parsed into the subject ("АСТАНА. КАЗИНФОРМ – Министерство …")
                src = [k for k in src if self.cls(k) != "MediaOutlet"]
                src_args = [a for a in src_args if a[0] in src]
            if row.direction == "speech":
                voiced, v_args = self._voiced_by(t_start)
            if (
                not src
                and row.direction in ("subj>obj", "speech")
                and self._agentless(c)
                and not any(self.cls(k) == "Person" for k in voiced)
            ):
                # (a person's own words voice the evaluation; a body's release reports acts)
                src, src_args = self._agent_before(u, row.cls, talks=row.direction == "speech")
            if row.direction == "speech":
                if not src and voiced:
                    # an evaluation with no subject of its own, voiced in a statement
                    src, src_args = voiced, v_args
                elif voiced and src and not set(voiced) & set(src) and self._own_side(voiced, src):
                    # "Peskov stressed that Russia highly values …": the speaker takes part
                    parts = _uniq(parts + voiced)
                    args.extend(v_args)
            source = src
            args.extend(src_args)
        if row.direction in ("subj>obj", "speech"):
            tgt, tgt_args = self._target(c, source)
            if not tgt and source and row.direction == "speech":
                tgt, tgt_args = self._interlocutor(u, source)
            target = tgt
            args.extend(tgt_args)
        elif row.direction == "visit":
            dest = self._destination(u, c, source)
            if dest is None or not source and not any(self.cls(k) == "Person" for k in parts):
                # (no one travels: "груши, приехавшие в республику", "fans … to visit Qatar")
                return None
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
        # first person inside a quote: the speaker's country
        fp = self._first_person(u, t_start)
        if fp:
            parts = _uniq(parts + [fp[0]])
            args.append(fp)
            if row.direction != "-" and not source:
                source = [fp[0]]
        we = self._we(u, c, parts) if row.direction == "-" else []
        if we:
            parts = _uniq(parts + we)
        me = self._first_person_singular(u, c)
        if me and not source and row.direction != "-":
            source = [me[0]]
            parts = _uniq([me[0]] + parts)
            args.append(me)
        implicit = self._implicit(u, parts, u.start, u.end, scoped=scoped)
        if row.direction == "-" and self.pair and not implicit:
            if not parts:
                implicit = list(self.pair)
            elif (
                len(states := [k for k in parts if self.cls(k) == "Country"]) == 1
                and states[0] in self.pair
                and not any(self.cls(k) in ("Person", "City", "Place") for k in parts)
            ):
                # a bilateral event naming one state of the pair: the other one takes part
                implicit = [k for k in self.pair if k not in parts]
        if row.direction == "-" and row.cls in ("Consult", "Agree"):
            # "Doha and Astana signed a memorandum", "Moscow and Tokyo are preparing for talks":
            # a city that acts (not the place: "in Moscow") stands for its state
            parts = _uniq(
                parts + [ctry for k in parts if self.cls(k) == "City" and (ctry := self.country(k))]
            )
        participants = _uniq(parts + implicit)
        if not participants:
            return None
        if self._quoted(t_start) and not kept_in_quote(
            row.cls,
            c.mode,
            c.context,
            reported_past(c.anchor) and (row.cls == "Agree" or self._told_by_we(c)),
        ):
            # talks or an agreement hoped for or planned in a speaker's own words ("I hope that
            # today we will be able to talk …") are what the statement is about
            return None
        if row.cls == "Consult" and c.mode in ("meet", "phone"):
            self.talks.append((u.index, [k for k in participants if self.cls(k) == "Person"]))
        if source and row.direction in ("subj>obj", "speech"):
            self.agents.append((u.index, row.cls, list(source)))
        about = self._about(u.start, u.end)
        args.extend(self._about_args(u.start, u.end))
        if place_m is not None:
            args.append((place_m.key, place_m.start, place_m.end))
        date = self._date_for(u, c.anchor, future=c.context == "planned")
        return Event(
            cls=row.cls,
            trigger=self.text[t_start:t_end],
            start=t_start,
            end=t_end,
            evidence=self.text[u.start : u.end],
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
        ), scoped
