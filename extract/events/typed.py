"""Typed events: trigger candidates in a clause unit, the ones that are no event (a flight
home, a meeting referred back to, a Cooperate word with no object), and the event of each
candidate with its participants, source, target, place and date (a mixin)."""
from __future__ import annotations

from bilat.extract.events.coop import cooperation_has_object
from bilat.extract.events.merge import (candidates as merge_candidates, same_clause,
                                        uniq as _uniq, uniq_args as _uniq_args)
from bilat.extract.events.records import Cand as _Cand, Unit as _Unit
from bilat.extract.events.tables import TriggerRow
from bilat.extract.events.tree import head as _head, phrase as _phrase
from bilat.extract.records import Event
from bilat.extract.text import fold


class Typed:
    def _read_typed(self) -> list[Event]:
        """Pass 2: the typed events of every unit in text order (after pass 1: the speakers
        and quotes are known)."""
        typed: list[Event] = []
        for u in self.units:
            typed.extend(self._typed(u))
        return typed

    def _typed(self, u: _Unit) -> list[Event]:
        first_word = next((t for t in u.toks if t.is_alpha), None)

        def accept(row: TriggerRow, toks) -> bool:
            t0 = toks[0]
            # the name of a meeting is a meeting ("the 17th Forum of Interregional Cooperation
            # will be held"): a Consult trigger may open a name; other triggers inside a name
            # ("Shanghai Cooperation Organisation", "Cooperation Without Borders") are not events
            opens_name = row.cls == "Consult" and self._opens_name(t0)
            if any(self.in_linked(t) for t in toks) and not opens_name:
                return False
            if t0.text[:1].isupper() and (first_word is None or t0.i != first_word.i) and t0.i > 0 and \
                    self.sdoc[t0.i - 1].text not in ("\"", "«", "“", "(", "-", "–", "—") and not opens_name:
                return False
            if row.pos:
                h = _head(toks)
                if h.pos_ not in row.pos:
                    return False
            if row.cls != "Consult" and self._describes_speaker(_head(toks)):
                return False
            return True

        cands = []
        for i, j, row in self._match(u.toks, self.tab.triggers, accept):
            if row.cls == "-":
                continue  # a phrase that is not an event ("joint press conference")
            toks = u.toks[i:j]
            head = _head(toks)
            anchor = head.head if head.pos_ in ("ADJ", "ADV") and head.head.i != head.i else head
            cands.append(_Cand(row, head, anchor, tuple(toks), self._context(head, anchor), row.mode))
        # a flight home is no visit ("flew back to Moscow"): drop it before it merges
        cands = [c for c in cands if c.row.direction != "visit"
                 or self._destination(u, c, self._source(c)[0]) is not None]
        # "the talks", "during the visit", "в ходе встречи": a meeting already reported
        cands = [c for c in cands if not self._refers_back(c)]
        # "strengthen bilateral cooperation", "strategic partnership": no named object, no event
        cands = [c for c in cands if c.row.cls != "Cooperate" or self._coop_object(c)]
        for c in cands:
            if c.row.cls == "Consult":
                self.consults_seen.add(c.mode)
        cands = merge_candidates(cands)
        events = []
        for c in cands:
            made = self._typed_event(u, c)
            if made is not None:
                e, scoped = made
                events.append((e, frozenset(scoped), c.row.direction))
        return same_clause(events)

    def _coop_object(self, c: _Cand) -> bool:
        coop = self.tab.coop
        trig = " ".join(sorted(self.tk(c.head)))
        key = next((k for k in self.tk(c.head) if k in coop.generic), trig)
        deps = []
        for t in {c.head.i: c.head, c.anchor.i: c.anchor}.values():
            for ch in t.children:
                if ch.i in {x.i for x in c.toks}:
                    continue
                case = [g for g in ch.children if g.dep_ == "case"]
                word = ch if ch.dep_ in ("prep", "case", "amod", "compound") else (case[0] if case else None)
                deps.append((ch.dep_, fold(word.lemma_) if word is not None else ""))
        anchor = fold(c.anchor.lemma_) if c.anchor.i != c.head.i else key
        phrase = _phrase(c.anchor)  # (not .subtree: natasha's trees may hold cycles)
        project = any(m.cls == "Project" for m in self.mentions_of_tokens(phrase))
        return cooperation_has_object(key, anchor, c.anchor.pos_ in ("VERB", "AUX"), deps, project, coop)

    def _refers_back(self, c: _Cand) -> bool:
        """A meeting noun that refers back to one reported in an earlier sentence: with an
        anaphoric determiner ("The talks were substantive", "told the summit") or framed by a
        circumstance ("at the start of the talks", "during the visit", "в ходе встречи", "по
        итогам переговоров") — not a new event. A planned one ("the next round") is new."""
        if c.row.cls != "Consult" or c.context == "planned" or c.mode not in self.consults_seen:
            return False
        head = c.toks[0]
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        anaphors = self.tab.words("anaphor")
        if any(ch.dep_ in ("det", "poss") and self.tk(ch) & anaphors for ch in c.head.children):
            return True
        before = [w for w in self.sdoc[max(0, head.i - 6):head.i] if not w.is_space]
        keys = [self.tk(w) for w in before]
        while keys and keys[-1] & anaphors:
            keys.pop()
        for seq in self.tab.phrases("frame"):
            n = len(seq)
            if n <= len(keys) and all(w in k for w, k in zip(seq, keys[len(keys) - n:])):
                return True
        return False

    def _opens_name(self, tok) -> bool:
        """Whether ``tok`` is the first word of a name: a linked span starting at it, or a
        capitalized word followed by more capitalized words or "of"/a genitive."""
        s = tok.idx
        if any(m.start == s and m.label != "DESC" for m in self.mentions_in(s, s + 400)):
            return True
        if not tok.text[:1].isupper() or tok.i + 1 >= len(self.sdoc):
            return False
        nxt = self.sdoc[tok.i + 1]
        return nxt.text[:1].isupper() or nxt.dep_ in ("prep", "nmod", "amod") and nxt.head.i == tok.i


    def _typed_event(self, u: _Unit, c: _Cand) -> tuple[Event, list[str]] | None:
        """The event of a candidate and the actors of its own clause; None when it has none."""
        row = c.row
        head = c.head
        t_start = c.toks[0].idx
        t_end = c.toks[-1].idx + len(c.toks[-1].text)
        place, place_m = self._place(u, head)
        parts, args, scoped = self._participants(u.start, u.end, t_start, exclude_place=place_m,
                                         scope=self._scope(c.anchor, u))
        media = [k for k in parts if self.cls(k) == "MediaOutlet"]
        parts = [k for k in parts if k not in media]
        args = [a for a in args if a[0] not in media]
        source: list[str] = []
        target: list[str] = []
        voiced: list[str] = []
        if row.direction in ("subj>obj", "speech", "visit", "host"):
            src, src_args = self._source(c)
            if len(src) > 1 and any(self.cls(k) == "MediaOutlet" for k in src):
                # a dateline's agency parsed into the subject ("АСТАНА. КАЗИНФОРМ – Министерство …")
                src = [k for k in src if self.cls(k) != "MediaOutlet"]
                src_args = [a for a in src_args if a[0] in src]
            if row.direction == "speech":
                voiced, v_args = self._voiced_by(t_start)
            if not src and row.direction in ("subj>obj", "speech") and self._agentless(c) \
                    and not any(self.cls(k) == "Person" for k in voiced):
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
            if dest is None:
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
        me = self._first_person_singular(u, c)
        if me and not source and row.direction != "-":
            source = [me[0]]
            parts = _uniq([me[0]] + parts)
            args.append(me)
        implicit = self._implicit(u, parts, u.start, u.end, scoped=scoped)
        if row.direction == "-" and self.pair and not implicit:
            if not parts:
                implicit = list(self.pair)
            elif len(states := [k for k in parts if self.cls(k) == "Country"]) == 1 and states[0] in self.pair \
                    and not any(self.cls(k) in ("Person", "City", "Place") for k in parts):
                # a bilateral event naming one state of the pair: the other one takes part
                implicit = [k for k in self.pair if k not in parts]
        participants = _uniq(parts + implicit)
        if not participants:
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
            cls=row.cls, trigger=self.text[t_start:t_end], start=t_start, end=t_end,
            evidence=self.text[u.start:u.end], sentence_start=u.start, sentence_end=u.end,
            participants=tuple(participants), source=tuple(_uniq(source)),
            target=tuple(k for k in _uniq(target) if k not in source),
            mode=c.mode if row.cls == "Consult" else None,
            date=date[0] if date else None, date_precision=date[1] if date else None,
            place=place, about=tuple(about), context=c.context, implicit=tuple(implicit),
            cameo=row.cameo, goldstein=row.goldstein, arguments=tuple(_uniq_args(args)),
        ), scoped

