"""What the extraction knows of the document: its mentions, clause units, pair of states,
and lookups over tokens and mentions (the base of the extraction)."""

from __future__ import annotations

import bisect
from collections import Counter

from bilat.extract.dates import DateExpr, dateline, dateline_span, scan
from bilat.extract.events.context import context, date_for
from bilat.extract.events.records import Mention as _Mention
from bilat.extract.events.records import Statement as _Statement
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import match, tables
from bilat.extract.events.text import quotes, unit_spans
from bilat.extract.events.tree import subject, tokens
from bilat.extract.text import fold

#: the attributes the two passes accumulate; every other attribute is the view of the document
#: (text, parse, mentions, units, tables), set once when it is built and read-only after
PASS_STATE = frozenset(
    {"people", "author", "last_speaker", "statements", "quote_speakers", "consults_seen", "talks", "agents"}
)


class Base:
    """The view of one document the steps read: its text and parse, the mentions of its
    entities, its clause units, its pair of states, the cue tables of its language, and lookups
    over them (pure: they read the view only)."""

    def __init__(self, doc, sdoc, linked, positions, descriptive, kb):
        self.doc = doc
        self.text = doc.text
        self.lang = doc.lang or "en"
        self.sdoc = sdoc
        self.kb = kb
        self.positions = positions
        self.tab = tables(self.lang)
        self.cls_of = {e.key: e.cls for e in linked.entities}
        self.base = doc.date or (dateline(doc.text, self.lang, None) or (None,))[0]
        if self.base is not None and len(self.base) != 10:
            self.base = None
        self.tokens = tokens(sdoc)  # the document's tokens, built once (by ``tok.i``)
        self.starts = [t.idx for t in self.tokens]  # their offsets
        self.keys = [frozenset({fold(t.text), fold(t.lemma_)}) for t in self.tokens]
        self.mentions = self._title_adjectives(self._mentions(linked, positions, descriptive))
        self.m_starts = [m.start for m in self.mentions]
        self.max_mention = max((m.end - m.start for m in self.mentions), default=0)
        self.units = self._units()
        self.unit_starts = [u.start for u in self.units]
        self.pair = self._pair()
        self.pronouns = self.tab.words("pronoun")
        self.person_nouns = self.tab.words("person_noun")
        self.relatives = self.tab.words("relative")
        self.first_person = self.tab.words("first_person")
        self.org_nouns = self.tab.words("org_noun")
        self.spokes_nouns = self.tab.words("spokes_noun")
        self.restating = self.tab.words("restate")
        self.grammar_cues = self.tab.words("grammar")
        self.doc_nouns = frozenset(
            r.words[0].text for r in self.tab.reporting if r.kind == "document" and len(r.words) == 1
        )
        self.quotes = quotes(self.text)
        # what pass 1 (statements, ``Statements._read_statements``) finds, frozen (tuples) when
        # it ends: pass 2 reads it and cannot change it
        self.people: list[tuple[int, str]] = []  # (offset, person key): speakers and subjects
        self.author: list[str] = []
        self.last_speaker: list[str] = []
        self.statements: list[_Statement] = []
        self.quote_speakers: list[tuple[int, int, list[str]]] = []
        # what pass 2 (typed events, ``Typed._read_typed``) has reported so far
        self.consults_seen: set[str | None] = set()  # Consult modes reported so far
        self.talks: list[tuple[int, list[str]]] = []  # (unit, persons) of meetings and calls
        self.agents: list[tuple[int, str, list[str]]] = []  # (unit, class, source) of directed events
        self._sealed = True

    def __setattr__(self, name: str, value) -> None:
        if name not in PASS_STATE and self.__dict__.get("_sealed"):
            raise AttributeError(f"the document's view is read-only once built ({name})")
        object.__setattr__(self, name, value)

    # -- setup -----------------------------------------------------------------------------
    def cls(self, key: str) -> str:
        c = self.cls_of.get(key)
        if c is None:
            e = self.kb.get(key)
            c = e.cls if e is not None else "Organization"
        return c

    def _mentions(self, linked, positions, descriptive) -> list[_Mention]:
        titles = [(p.start, p.end, p.person) for p in positions]
        descs = [(d.start, d.end) for d in descriptive]
        out = []
        for s, e, key, label in linked.spans:
            cls = self.cls(key)
            # a name inside a person's title is that person's affiliation, not an actor
            affil = cls != "Person" and any(
                ps <= s and e <= pe and key != person for ps, pe, person in titles
            )
            affil = affil or (cls != "Person" and any(ds <= s and e <= de for ds, de in descs))
            out.append(_Mention(s, e, key, label, cls, affil))
        for d in descriptive:
            out.append(_Mention(d.start, d.end, d.key, "DESC", "Person", False))
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _title_adjectives(self, mentions: list[_Mention]) -> list[_Mention]:
        """An adjective on a bare title ("the Kazakh leader", "казахстанский президент") is the
        person's affiliation, not an actor of the sentence."""
        nouns = self.tab.words("person_noun")
        starts = dict(zip(self.starts, self.tokens, strict=True))
        out = []
        for m in mentions:
            t = starts.get(m.start)
            if (
                m.label == "ADJ"
                and not m.affil
                and t is not None
                and t.dep_ in ("amod", "compound")
                and self.keys[t.head.i] & nouns
            ):
                m = _Mention(m.start, m.end, m.key, m.label, m.cls, True)
            out.append(m)
        return out

    def _units(self) -> list[_Unit]:
        text = self.text
        spans = unit_spans(text, (s.start_char for s in self.sdoc.sents), dateline_span(text, self.lang)[0])
        starts = self.starts
        units = []
        for i, (a, b) in enumerate(spans):
            lo = bisect.bisect_left(starts, a)
            hi = bisect.bisect_left(starts, b)
            toks = tuple(t for t in self.tokens[lo:hi] if not t.is_space)
            dates = tuple(
                DateExpr(**{**d.__dict__, "start": d.start + a, "end": d.end + a})
                for d in scan(text[a:b], self.lang)
            )
            units.append(_Unit(i, a, b, toks, dates))
        return units

    def _pair(self) -> tuple[str, ...]:
        cnt = Counter(m.key for m in self.mentions if m.cls == "Country")
        top = [k for k, _ in cnt.most_common(2)]
        return tuple(top) if len(top) == 2 else ()

    def country(self, key: str, depth: int = 0) -> str | None:
        if depth > 3:
            return None
        if self.cls(key) == "Country":
            return key
        e = self.kb.get(key)
        if e is not None and e.country:
            return e.country
        if e is not None:
            for t in e.tenures:
                if t.org:
                    return self.country(t.org, depth + 1)
        for p in self.positions:
            if p.person == key and p.org:
                return self.country(p.org, depth + 1)
        return None

    # -- helpers over tokens and mentions -----------------------------------------------------
    def tk(self, tok) -> frozenset[str]:
        return self.keys[tok.i]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def mentions_of_tokens(self, toks) -> list[_Mention]:
        """The mentions overlapping any of ``toks``, in text order."""
        if not toks:
            return []
        spans = [(t.idx, t.idx + len(t.text)) for t in toks]
        lo = min(s for s, _ in spans)
        hi = max(e for _, e in spans)
        i = max(0, bisect.bisect_left(self.m_starts, lo - self.max_mention))
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if any(s < m.end and m.start < e for s, e in spans):
                out.append(m)
            i += 1
        return out

    def in_linked(self, tok) -> bool:
        s, e = tok.idx, tok.idx + len(tok.text)
        return any(
            m.start <= s and e <= m.end and m.label != "DESC"
            for m in self.mentions_in(max(0, s - 200), e + 1)
        )

    def unit_of(self, offset: int) -> _Unit:
        i = max(0, bisect.bisect_right(self.unit_starts, offset) - 1)
        return self.units[i]

    def _match(self, toks, rows, accept) -> list[tuple[int, int, object]]:
        return match(toks, self.keys, rows, accept)

    def _subject(self, verb):
        return subject(verb, self.keys, self.relatives)

    def _date_for(self, u: _Unit, tok, future: bool) -> tuple[str, str] | None:
        return date_for(u, tok, self.base, future)

    def _context(self, head, anchor, cls: str | None = None) -> str | None:
        return context(head, anchor, self.keys, self.tab.context, cls)

    def grammar(self, feature: str) -> bool:
        """Whether the language's grammar cues (``grammar`` in events_cues.tsv) name ``feature``."""
        return feature in self.grammar_cues
