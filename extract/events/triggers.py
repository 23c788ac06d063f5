"""Candidate triggers of a clause unit: trigger rows matched (not inside a name, a title or the
phrase naming a speaker), and the candidates that are no event dropped: a flight home, a meeting
noun referring back to one reported, a generic Cooperate word with no named object; candidates
of one class linked in the parse merged (``merge.candidates``) (a mixin)."""

from __future__ import annotations

import dataclasses

from bilat.extract.events.agency import ACTOR_CUES, NEEDS_ACTOR, no_actor
from bilat.extract.events.coop import cooperation_has_object, topic_of_talks, vague_object
from bilat.extract.events.merge import candidates as merge_candidates
from bilat.extract.events.merge import framed_by_reported
from bilat.extract.events.records import Cand as _Cand
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import TriggerRow
from bilat.extract.events.tree import governed_by
from bilat.extract.events.tree import head as _head
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


class Triggers:
    def _candidates(self, u: _Unit) -> list[_Cand]:
        """The trigger candidates of unit ``u`` that are events, merged; the Consult modes
        among them are noted as reported (``consults_seen``)."""
        first_word = next((t for t in u.toks if t.is_alpha), None)

        def accept(row: TriggerRow, toks) -> bool:
            t0 = toks[0]
            # the name of a meeting is a meeting ("the 17th Forum of Interregional Cooperation
            # will be held"): a Consult trigger may open a name; other triggers inside a name
            # ("Shanghai Cooperation Organisation", "Cooperation Without Borders") are not events
            opens_name = row.cls == "Consult" and self._opens_name(t0)
            if any(self.in_linked(t) for t in toks) and not opens_name:
                return False
            if (
                t0.text[:1].isupper()
                and (first_word is None or t0.i != first_word.i)
                and t0.i > 0
                and self.sdoc[t0.i - 1].text not in ('"', "«", "“", "(", "-", "–", "—")
                and not opens_name
            ):
                return False
            if row.pos:
                h = _head(toks)
                if h.pos_ not in row.pos:
                    return False
            if row.cls != "Consult" and self._describes_speaker(_head(toks)):
                return False
            if row.cls != "Consult" and self._in_meeting_name(_head(toks), first_word):
                return False
            return True

        cands = []
        for i, j, row in self._match(u.toks, self.tab.triggers, accept):
            if row.cls == "-":
                continue  # a phrase that is not an event ("joint press conference")
            toks = u.toks[i:j]
            head = _head(toks)
            anchor = head.head if head.pos_ in ("ADJ", "ADV") and head.head.i != head.i else head
            ctx = self._context(head, anchor, row.cls)
            if ctx == "negated" and own_negation(tuple(w.text for w in row.words), self.tab.context):
                ctx = None  # "did not agree with that": a disagreement voiced
            cands.append(_Cand(row, head, anchor, tuple(toks), ctx, row.mode))
        # a flight home is no visit ("flew back to Moscow"): drop it before it merges
        cands = [
            c
            for c in cands
            if c.row.direction != "visit" or self._destination(u, c, self._source(c)[0]) is not None
        ]
        # "the talks", "during the visit", "в ходе встречи": a meeting already reported
        back = [c for c in cands if self._refers_back(c)]
        cands = [c for c in cands if c not in back]
        # "During the meeting, the sides discussed …", "В ходе встречи обсуждены …": said at talks
        # reported as an event in an earlier unit (else the verb is the only report of them)
        if any(idx < u.index for idx, _ in self.talks):
            cands = [c for c in cands if not framed_by_reported(c, back)]
        # "Welcoming his Uzbek counterpart", "Erdoğan was welcomed with a ceremony": a guest greeted
        # is no praise but the guest's visit (``typed``: direction "greet")
        cands = [
            greeted(c, self._visit_row()) if c.row.cls == "Support" and self._greets_guest(c) else c
            for c in cands
        ]
        # "the Russian peacekeeping troops", "российские миротворцы": troops, not peacekeeping
        cands = [c for c in cands if not (c.row.cls == "Aid" and self._troops_only(c))]
        # "received the ambassador", "принял посла": a meeting only with a person received (the
        # one-word trigger; "принял участие" is a trigger of its own)
        cands = [c for c in cands if not self._receives_no_guest(c)]
        # "implement the agreements reached earlier", "выполнение соглашений": made before
        cands = [c for c in cands if not (c.row.cls == "Agree" and self._in_force(c))]
        # "The agreements provide for …", "the new agreement would outline …": what the clause is
        # about, not an agreement made
        cands = [c for c in cands if not (c.row.cls == "Agree" and agreement_as_topic(c, cands))]
        # "strengthen bilateral cooperation", "strategic partnership": no named object, no event
        cands = [c for c in cands if c.row.cls != "Cooperate" or self._coop_object(c)]
        # "discussed prospects for strengthening cooperation in trade": the topic of the talks
        cands = [c for c in cands if c.row.cls != "Cooperate" or not self._talks_topic(c)]
        # "issues that call for prompt response", "The request was made": no actor does it
        cands = [c for c in cands if c.row.cls not in NEEDS_ACTOR or not self._no_actor(c)]
        for c in cands:
            if c.row.cls == "Consult":
                self.consults_seen.add(c.mode)
        return merge_candidates(
            cands, lambda c: any(m.cls == "Person" for m in self.mentions_of_tokens(_phrase(c.head)))
        )

    def _no_actor(self, c: _Cand) -> bool:
        words = frozenset().union(*(self.tab.words(k) for k in ACTOR_CUES))
        return no_actor(c.head, self._subject, self.keys, self.in_linked, words, self.relatives)

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
                # "in all areas", "по всем направлениям": a preposition that opens no field
                objs = [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else [ch]
                if word is not None and any(
                    vague_object(fold(o.lemma_), [fold(g.lemma_) for g in o.children], coop) for o in objs
                ):
                    word = None
                deps.append((ch.dep_, fold(word.lemma_) if word is not None else ""))
        anchor = fold(c.anchor.lemma_) if c.anchor.i != c.head.i else key
        phrase = _phrase(c.anchor)  # (not .subtree: natasha's trees may hold cycles)
        project = any(m.cls == "Project" for m in self.mentions_of_tokens(phrase))
        return cooperation_has_object(key, anchor, c.anchor.pos_ in ("VERB", "AUX"), deps, project, coop)

    def _talks_topic(self, c: _Cand, steps: int = 20) -> bool:
        """Whether a Cooperate word is what talks were about (``coop.topic_of_talks``)."""
        words = _talk_words(self.tab.triggers) - self.tab.words("receive")
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
                self.tk(g) & words or any(self.tk(gg) & words for gg in g.children)
                for g in x.head.children
                if g.i != x.i and g.dep_ not in FRAME_STOP
            )
            heads.append((x.dep_, x.head.pos_, bool(self.tk(x.head) & words) or framed))
            verbs += x.head.pos_ in ("VERB", "AUX") and x.head.dep_ != "acl"  # not "issues regarding"
            x = x.head
        return topic_of_talks(heads)

    def _in_meeting_name(self, tok, first_word, steps: int = 3) -> bool:
        """Whether a word hangs on a capitalized meeting word inside the sentence: it is part of
        the meeting's name ("XXI Форум межрегионального *сотрудничества* Казахстана и России",
        "the Forum of Interregional *Cooperation*"), not an event of its own."""
        meeting_words = _meeting_words(self.tab.triggers)
        x = tok
        for _ in range(steps):
            if x.head.i == x.i or x.dep_ in NOT_IN_NAME:
                return False  # ("the … Cooperation Forum and the anniversary celebrations")
            x = x.head
            if (
                x.text[:1].isupper()
                and (first_word is None or x.i != first_word.i)
                and self.tk(x) & meeting_words
            ):
                return True
        return False

    def _visit_row(self) -> TriggerRow | None:
        """The first one-word visit row of the trigger table: its code and weight."""
        return next(
            (r for r in self.tab.triggers if r.cls == "Consult" and r.mode == "visit" and len(r.words) == 1),
            None,
        )

    def _greets_guest(self, c: _Cand) -> bool:
        """A verb of welcoming whose object (or passive subject) is a person: a guest greeted,
        not praise ("Welcoming Nikol Pashinyan, Putin said", "it's my pleasure to welcome you",
        "президентов приветствовала рота почетного караула")."""
        return bool(self.tk(c.head) & self.tab.words("greet")) and self._has_guest(c)

    def _troops_only(self, c: _Cand, steps: int = 3) -> bool:
        """An Aid word that names troops not deployed in this clause (``names_troops``)."""
        noun = c.head
        if noun.dep_ in ("amod", "compound", "nmod") and noun.head.i != noun.i and noun.pos_ != "VERB":
            noun = noun.head if self.tk(noun.head) & self.tab.words("troops") else noun
        around = [self.tk(ch) for ch in noun.children]
        x = noun
        for _ in range(steps):
            if x.head.i == x.i:
                break
            x = x.head
            around.append(self.tk(x))
        return names_troops(self.tk(noun), around, self.tab.words("troops"), self.tab.words("deploy"))

    def _receives_no_guest(self, c: _Cand) -> bool:
        """A one-word trigger of receiving (``receive``) whose object is no person: "received
        this notification", "приняли решение" are no meeting."""
        if len(c.toks) != 1 or not self.tk(c.head) & self.tab.words("receive"):
            return False
        return not self._has_guest(c)

    def _has_guest(self, c: _Cand) -> bool:
        """Whether the object (or passive subject) of a trigger verb is a person: a person
        named, a pronoun, a bare title or a ``guest`` word ("received the Russian ambassador",
        "принял посла России", "welcome you")."""
        people = self.pronouns | self.person_nouns | self.tab.words("guest")
        for ch in c.head.children:
            if ch.dep_ not in OBJ_DEPS and ch.dep_ not in PASSIVE_SUBJ_DEPS:
                continue
            if self.tk(ch) & people:
                return True
            if any(m.cls == "Person" for m in self.mentions_of_tokens(_phrase(ch))):
                return True
        return False

    def _in_force(self, c: _Cand) -> bool:
        """An agreement noun governed by a word of carrying it out ("implement the agreements",
        "the implementation of previous bilateral agreements", "выполнение трехсторонних
        соглашений") or by an anniversary: an agreement already made, not a new one."""
        if c.head.pos_ not in ("NOUN", "PROPN"):
            return False
        cues = self.tab.words("in_force")
        anniversaries = [
            r.words[0] for r in self.tab.triggers if r.cls == "Anniversary" and len(r.words) == 1
        ]
        # … or marked by an anniversary ("накануне годовщины подписания договора", "к 25-летию
        # подписания договора")
        return governed_by(
            c.head, lambda t: bool(self.tk(t) & cues) or any(w.ok(self.tk(t)) for w in anniversaries)
        )

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
        before = [w for w in self.sdoc[max(0, head.i - 6) : head.i] if not w.is_space]
        keys = [self.tk(w) for w in before]
        while keys and keys[-1] & anaphors:
            keys.pop()
        for seq in self.tab.phrases("frame"):
            n = len(seq)
            if n <= len(keys) and all(w in k for w, k in zip(seq, keys[len(keys) - n :], strict=True)):
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
