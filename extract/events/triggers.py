"""Candidate triggers of a clause unit: trigger rows matched (not inside a name, a title or the
phrase naming a speaker), and the candidates that are no event dropped: a flight home, a meeting
noun referring back to one reported, a generic Cooperate word with no named object; candidates
of one class linked in the parse merged (``merge.candidates``) (a mixin)."""

from __future__ import annotations

from bilat.extract.events.coop import cooperation_has_object
from bilat.extract.events.merge import candidates as merge_candidates
from bilat.extract.events.records import Cand as _Cand
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import TriggerRow
from bilat.extract.events.tree import head as _head
from bilat.extract.events.tree import phrase as _phrase
from bilat.extract.text import fold


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
        cands = [
            c
            for c in cands
            if c.row.direction != "visit" or self._destination(u, c, self._source(c)[0]) is not None
        ]
        # "the talks", "during the visit", "в ходе встречи": a meeting already reported
        cands = [c for c in cands if not self._refers_back(c)]
        # "strengthen bilateral cooperation", "strategic partnership": no named object, no event
        cands = [c for c in cands if c.row.cls != "Cooperate" or self._coop_object(c)]
        for c in cands:
            if c.row.cls == "Consult":
                self.consults_seen.add(c.mode)
        return merge_candidates(cands)

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
