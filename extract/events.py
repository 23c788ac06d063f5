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
   subject, or — for impersonal cues ("отмечается", "as the article states") — the author of the
   address or article the document reports. The quote is the quoted passage attached to the
   clause (before it: '"…," Lavrov said'; after it: 'He stressed that "…"'; or, in Russian, the
   passage before a dash: "…, - говорится в обращении"). Two clauses attached to one quoted
   passage with one speaker are one Statement. A Statement's evidence runs from the first
   sentence of its quote to its reporting clause.
2. Typed events from trigger lemmas. Triggers of one class linked in the parse ("hosted the
   summit", "signed an agreement", "held a meeting to discuss") are one event, and so are two
   triggers of one class, mode and context with the same actors in their clauses; a visit and
   the talks held during it stay two. A meeting noun that refers back to one already reported
   ("The talks were substantive", "в ходе встречи") is no new event; a flight home is no visit;
   a capitalized trigger inside a sentence is a name ("Cooperation Without Borders"), except a
   meeting name ("the 17th Forum … will be held"). Participants are the actors named in the
   unit, those of the trigger's own clause first (affiliations inside a title — "Russian" in
   "Russian Foreign Minister Lavrov", "the Kazakh leader" — media outlets and places are not
   participants); a visit's participants are the visitor and the country visited. Source and
   target follow the trigger's direction rule ("thanked his Russian counterpart" resolves the
   bare title), ``about`` holds the projects named, ``place`` a city or place named with
   "in"/"в". Phrases naming the pair of states without naming them ("the two countries",
   "двусторонний", "совместный") make the article's pair of states (the two countries most
   mentioned) implicit participants when fewer than two countries are named; "the two
   presidents" makes the two persons named last implicit participants; a symmetric event with
   no participant, or naming one state of the pair and nothing else, gets the pair (or the
   other state); "we"/"мы" inside a quote is the speaker's country and "I"/a first-person verb
   the speaker. Evaluations (praise, thanks, criticism, accusation: direction "speech") with
   no subject of their own are the speaker's when a statement's quote or reported clause
   holds them ('"Such provocative remarks …," X said'), and the speaker takes part when the
   subject is the speaker's own state or body ("Peskov stressed that Russia highly values …");
   an evaluation with no addressee addresses the other party of the talks or call just
   reported. An agentless clause ("a note was handed to the ambassador", "ноту вручили
   послу") has the source of the last event of its class a few sentences before. A plural
   bare title with a country ("российским коллегам") stands for that state; a third-person
   pronoun inside someone's quote is not the speaker; a trigger inside the phrase naming a
   speaker or inside a title ("командующий миротворческими силами … заявил") is no event.
   Events with no participant are dropped (the SHACL shape requires one). Dated
   events of one document that the graph would store as one node (same class, date, context
   and participants) are merged here.
3. Dates: the date expression of the trigger's own clause (a participial phrase belongs to its
   clause, a relative or subordinate clause does not), resolved against the publication date
   (or the dateline's); a future-tense (planned) event reads "on Friday" forward. No date is
   given to an event whose clause does not state one. Unresolvable expressions are counted.
Steps across sentences live as pure functions in ``event_steps.py`` (issue 9): a transcript turn
("Name: …") is a Statement of the named speaker, its "I"/"we" the speaker; a generic Cooperate
word ("strategic partnership") is an event only with a named object; a meeting or visit word
naming no one new restates the one reported before, and a headline event gives way to the
body's; a Support, Agree or Cooperate event with one side is dropped. "The sides"/"they" right
after talks speak for the two persons named and the article's pair of states.
4. Context: planned / hypothetical / negated from auxiliaries, negation, governing verbs
   ("expected to", "отложен"), modifiers ("next", "предстоящий"), infinitive complements and
   future tense. "postponed"/"отложен" is negated: the event did not take place as planned.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from bilat.extract.dates import DateExpr, dateline, dateline_span, scan
from bilat.extract.event_steps import (CoopCues, Typed, cooperation_has_object, is_headline,
                                       lone, restatements, turn_prefix, turn_spans)
from bilat.extract.link import Linked
from bilat.extract.positions import Descriptive
from bilat.extract.records import Document, Event, KBEntry, Position
from bilat.extract.text import DATA, fold, lemma, read_table

ORG_CLASSES = {"Organization", "GovernmentBody", "InternationalOrganization", "MediaOutlet", "Company"}
PLACE_CLASSES = {"City", "Place"}
ACTOR_CLASSES = {"Person", "Country"} | ORG_CLASSES | PLACE_CLASSES
SUBJ_DEPS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "csubjpass"}
OBJ_DEPS = {"dobj", "obj", "iobj", "dative"}
AUX_DEPS = {"aux", "auxpass", "aux:pass"}
CLAUSE_DEPS = {"relcl", "acl:relcl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis"}
PHRASE_STOP = CLAUSE_DEPS | {"acl", "punct", "cc"}
DATE_CLAUSE_DEPS = CLAUSE_DEPS | {"xcomp", "pcomp"}
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“"}
QUOTE_GAP = re.compile(r"^[\s,.:;!?\-–—]*$")
DASH_BEFORE = re.compile(r"[,.!?…]?\s*[-–—]+\s*$")
TERMINAL = ".!?…"
_SENTENCE_BREAK = re.compile(
    r"(?:(?<=[a-zа-яё]{3}[.!?…])|(?<=[.!?…][»\"”]))[ \t]+(?=[«\"“]?[A-ZА-ЯЁ])")
CLOSERS = "\"»”)’'"
SPEAKER_WINDOW = 6


# ---------------------------------------------------------------------------------------------
# tables

_FIRST_WORD_INDEXES: dict[int, tuple] = {}


def _first_word_index(rows) -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """Rows by the literal key of their first word (and the rows whose first word is a
    pattern), so that matching a token looks at the few rows that can start there; the row
    numbers keep the table's order of priority."""
    hit = _FIRST_WORD_INDEXES.get(id(rows))
    if hit is not None and hit[2] is rows:
        return hit[0], hit[1]
    by_first: dict[str, list[int]] = {}
    loose = set()
    for n, row in enumerate(rows):
        w = row.words[0]
        if w.text == "<any>" or w.rx is not None:
            loose.add(n)
        else:
            by_first.setdefault(w.text, []).append(n)
    index = ({k: tuple(v) for k, v in by_first.items()}, frozenset(loose))
    _FIRST_WORD_INDEXES[id(rows)] = (index[0], index[1], rows)
    return index


class _Word:
    """One word of a cue: a literal key, ``<any>``, or a pattern with ``<num>``."""

    __slots__ = ("text", "rx")

    def __init__(self, text: str):
        self.text = text
        self.rx = None
        if "<num>" in text:
            self.rx = re.compile("^" + re.escape(text).replace(re.escape("<num>"), r"\d+") + "$")

    def ok(self, keys: frozenset[str]) -> bool:
        if self.text == "<any>":
            return True
        if self.rx is not None:
            return any(self.rx.match(k) for k in keys)
        return self.text in keys


@dataclass(frozen=True)
class TriggerRow:
    words: tuple[_Word, ...]
    cls: str
    mode: str | None
    cameo: str | None
    goldstein: float | None
    direction: str
    pos: frozenset[str]


@dataclass(frozen=True)
class CueRow:
    words: tuple[_Word, ...]
    kind: str
    requires: str | None


@dataclass(frozen=True)
class Tables:
    triggers: tuple[TriggerRow, ...]
    reporting: tuple[CueRow, ...]
    cues: dict[str, tuple[tuple[str, ...], ...]]
    context: tuple[tuple[str, str, str], ...]  # (cue, context, where)

    def words(self, kind: str) -> frozenset[str]:
        return frozenset(w for seq in self.cues.get(kind, ()) for w in seq if len(seq) == 1)

    def phrases(self, kind: str) -> tuple[tuple[str, ...], ...]:
        return self.cues.get(kind, ())

    @property
    def coop(self) -> CoopCues:
        return CoopCues(self.words("coop_generic"), self.words("coop_prep"), self.words("coop_object"),
                        self.words("coop_field"))


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _seq(text: str) -> tuple[_Word, ...]:
    return tuple(_Word(fold(w)) for w in text.split())


@lru_cache(maxsize=4)
def tables(lang: str) -> Tables:
    folder = DATA / lang
    triggers = []
    for r in read_table(folder / "events.tsv"):
        r = [c.strip() for c in r] + ["-"] * (7 - len(r))
        g = _opt(r[4])
        triggers.append(TriggerRow(
            words=_seq(r[0]), cls=r[1], mode=_opt(r[2]), cameo=_opt(r[3]),
            goldstein=float(g) if g is not None else None, direction=r[5] or "-",
            pos=frozenset(p.strip() for p in r[6].split(",") if p.strip() not in ("", "-")),
        ))
    reporting = []
    for r in read_table(folder / "reporting.tsv"):
        r = [c.strip() for c in r] + ["-"] * (3 - len(r))
        reporting.append(CueRow(words=_seq(r[0]), kind=r[1], requires=_opt(r[2])))
    cues: dict[str, list[tuple[str, ...]]] = {}
    for r in read_table(folder / "events_cues.tsv"):
        cues.setdefault(r[0].strip(), []).append(tuple(fold(w) for w in r[1].split()))
    context = tuple((fold(r[0]) if "=" not in r[0] else r[0].strip(), r[1].strip(), r[2].strip())
                    for r in read_table(folder / "events_context.tsv"))
    return Tables(
        triggers=tuple(sorted(triggers, key=lambda t: -len(t.words))),
        reporting=tuple(sorted(reporting, key=lambda t: -len(t.words))),
        cues={k: tuple(v) for k, v in cues.items()},
        context=context,
    )


# ---------------------------------------------------------------------------------------------
# records used while extracting

@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    key: str
    label: str  # PER ORG GPE LOC FAC ADJ DESC
    cls: str
    affil: bool  # inside a title or a descriptive mention: an affiliation, not an actor


MAX_UNIT_CHARS = 600  # a "sentence" longer than this (a list, a table, a page on one line) is cut


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut an over-long stretch at semicolons or commas (at spaces when there are none), so
    that the cost of a sentence stays bounded whatever the input's punctuation."""
    out = []
    while b - a > MAX_UNIT_CHARS:
        window = text[a:a + MAX_UNIT_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < MAX_UNIT_CHARS // 4:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_UNIT_CHARS - 1
        out.append((a, a + cut + 1))
        a += cut + 1
        while a < b and text[a].isspace():
            a += 1
    if b > a:
        out.append((a, b))
    return out


@dataclass
class _Unit:
    index: int
    start: int
    end: int
    toks: list
    dates: list[DateExpr] = field(default_factory=list)


@dataclass
class _Statement:
    cue: tuple[int, int, str]
    unit: _Unit
    speaker: list[str]
    args: list[tuple[str, int, int]]
    quote: tuple[int, int] | None
    ev_start: int
    ev_end: int
    head: object
    date: tuple[str, str] | None = None


@dataclass
class _Cand:
    row: TriggerRow
    head: object
    anchor: object
    toks: list
    context: str | None
    mode: str | None


# ---------------------------------------------------------------------------------------------
# the extractor

def extract_events(doc: Document, sdoc, linked: Linked, positions: Iterable[Position],
                   descriptive: Iterable[Descriptive], kb: dict[str, KBEntry]
                   ) -> tuple[tuple[Event, ...], int]:
    """The events of ``doc`` and the number of date expressions left unresolved."""
    return _Extraction(doc, sdoc, linked, tuple(positions), tuple(descriptive), kb).run()


class _Extraction:
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
        self.keys = [frozenset({fold(t.text), fold(t.lemma_)}) for t in sdoc]
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
        self.doc_nouns = frozenset(r.words[0].text for r in self.tab.reporting
                                   if r.kind == "document" and len(r.words) == 1)
        self.people: list[tuple[int, str]] = []  # (offset, person key): speakers and subjects
        self.author: list[str] = []
        self.last_speaker: list[str] = []
        self.statements: list[_Statement] = []
        self.quotes = _quotes(self.text)
        self.quote_speakers: list[tuple[int, int, list[str]]] = []
        self._scoped: list[str] = []
        self.consults_seen: set[str | None] = set()  # Consult modes reported so far
        self.talks: list[tuple[int, list[str]]] = []  # (unit, persons) of meetings and calls
        self.agents: list[tuple[int, str, list[str]]] = []  # (unit, class, source) of directed events

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
            affil = cls != "Person" and any(ps <= s and e <= pe and key != person for ps, pe, person in titles)
            affil = affil or (cls != "Person" and any(ds <= s and e <= de for ds, de in descs))
            out.append(_Mention(s, e, key, label, cls, affil))
        for d in descriptive:
            out.append(_Mention(d.start, d.end, d.key, "DESC", "Person", False))
        return sorted(out, key=lambda m: (m.start, -m.end))

    def _title_adjectives(self, mentions: list[_Mention]) -> list[_Mention]:
        """An adjective on a bare title ("the Kazakh leader", "казахстанский президент") is the
        person's affiliation, not an actor of the sentence."""
        nouns = self.tab.words("person_noun")
        starts = {t.idx: t for t in self.sdoc}
        out = []
        for m in mentions:
            t = starts.get(m.start)
            if m.label == "ADJ" and not m.affil and t is not None and t.dep_ in ("amod", "compound") \
                    and self.keys[t.head.i] & nouns:
                m = _Mention(m.start, m.end, m.key, m.label, m.cls, True)
            out.append(m)
        return out

    def _units(self) -> list[_Unit]:
        text = self.text
        cuts = {0}
        head_end = dateline_span(text, self.lang)[0]
        if head_end:
            cuts.add(head_end)
        for s in self.sdoc.sents:
            cuts.add(s.start_char)
        for m in re.finditer(r"\n", text):
            cuts.add(m.end())
        for m in _SENTENCE_BREAK.finditer(text):  # a break the segmenter missed
            cuts.add(m.end())
        cuts = sorted(c for c in cuts if c < len(text))
        pieces = []
        for a, b in zip(cuts, cuts[1:] + [len(text)]):
            seg = text[a:b]
            if seg.strip():
                pieces.append((a + len(seg) - len(seg.lstrip()), a + len(seg.rstrip())))
        merged: list[tuple[int, int]] = []
        for a, b in pieces:
            if merged and a != head_end and "\n" not in text[merged[-1][1]:a] and _continues(text[merged[-1][0]:merged[-1][1]], text[a:b]):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        merged = [piece for a, b in merged for piece in _bounded(text, a, b)]
        starts = [t.idx for t in self.sdoc]
        units = []
        for i, (a, b) in enumerate(merged):
            lo = bisect.bisect_left(starts, a)
            hi = bisect.bisect_left(starts, b)
            toks = [t for t in self.sdoc[lo:hi] if not t.is_space]
            u = _Unit(i, a, b, toks)
            for d in scan(text[a:b], self.lang):
                u.dates.append(DateExpr(**{**d.__dict__, "start": d.start + a, "end": d.end + a}))
            units.append(u)
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
        return any(m.start <= s and e <= m.end and m.label != "DESC" for m in self.mentions_in(max(0, s - 200), e + 1))

    def unit_of(self, offset: int) -> _Unit:
        i = max(0, bisect.bisect_right(self.unit_starts, offset) - 1)
        return self.units[i]

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> tuple[tuple[Event, ...], int]:
        unresolved = 0
        for u in self.units:
            for d in u.dates:
                if d.resolve(self.base) is None:
                    unresolved += 1
        turns = self._turns()
        for u in self.units:
            if u.start in turns:
                self._turn_statement(u, *turns[u.start])
            self._statements(u)
            self._track_subjects(u)
        events = [self._statement_event(st) for st in self.statements]
        typed: list[Event] = []
        for u in self.units:
            typed.extend(self._typed(u))
        typed = self._clause_steps([e for e in typed if e is not None and (e.participants or e.source)])
        events = [e for e in events if e is not None and (e.participants or e.speaker or e.source)] + typed
        events.sort(key=lambda e: (e.start, e.cls))
        return tuple(_one_node_each(events)), unresolved

    def _clause_steps(self, events: list[Event]) -> list[Event]:
        """Restatements of a meeting or visit and a headline repeated by the lead are dropped
        (``event_steps.restatements``), and so are events between two sides that found only
        one (``event_steps.lone``)."""
        events = sorted(events, key=lambda e: (e.start, e.cls))
        starts = [t.idx for t in self.sdoc]
        views = []
        for e in events:
            tok = self.sdoc[max(0, bisect.bisect_right(starts, e.start) - 1)]
            key = next((k for k in sorted(self.tk(tok)) if k in self.restating), fold(tok.lemma_))
            views.append(Typed(self.unit_of(e.start).index, e.cls, e.mode, e.context,
                               frozenset(e.participants) | frozenset(e.implicit), key))
        headline = None
        if self.units:
            u0 = self.units[0]
            after = self.text[u0.end:u0.end + 3]
            if is_headline(self.text[u0.start:u0.end], "\n" in after, self.doc.title):
                headline = 0
        gone = restatements(views, headline, self.restating) | lone(views)
        kept = [i for i in range(len(events)) if i not in gone]
        return [events[i] for i in kept]

    # -- matching ----------------------------------------------------------------------------
    def _match(self, toks, rows, accept) -> list[tuple[int, int, object]]:
        by_first, loose = _first_word_index(rows)
        out = []
        i = 0
        n = len(toks)
        while i < n:
            hit = None
            keys = self.tk(toks[i])
            cands = sorted({r for key in keys for r in by_first.get(key, ())} | loose)
            for row in (rows[r] for r in cands):
                k = len(row.words)
                if i + k > n:
                    continue
                if all(w.ok(self.tk(toks[i + j])) for j, w in enumerate(row.words)) and accept(row, toks[i:i + k]):
                    hit = (i, i + k, row)
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit[1]
        return out

    # -- statements --------------------------------------------------------------------------
    def _statements(self, u: _Unit) -> None:
        def accept(row: CueRow, toks) -> bool:
            if any(self.in_linked(t) for t in toks):
                return False
            if row.kind == "subj":
                return any(t.pos_ in ("VERB", "AUX") for t in toks)
            if row.kind == "document":
                return toks[0].pos_ in ("NOUN", "PROPN")
            return True

        found = self._match(u.toks, self.tab.reporting, accept)
        documents = [(i, j, r) for i, j, r in found if r.kind == "document"]
        sources = [(i, j, r) for i, j, r in found if r.kind == "source"]
        made: list[_Statement] = []
        for i, j, row in found:
            if row.kind in ("document", "source"):
                continue
            toks = u.toks[i:j]
            head = next((t for t in toks if t.pos_ in ("VERB", "AUX")), toks[-1])
            if self._marks_anniversary(head):
                continue  # "отметили 30-летие", "marked the anniversary": no statement
            speaker, args, clause_start = self._speaker(row, toks, head, u)
            if not speaker:
                continue
            if all(self.cls(k) == "MediaOutlet" for k in speaker):
                continue
            quote = self._attach_quote(u, clause_start, toks[-1].idx + len(toks[-1].text))
            if row.requires == "quote" and quote is None:
                continue
            cue = (toks[0].idx, toks[-1].idx + len(toks[-1].text), self.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)])
            st = self._add_statement(u, cue, head, speaker, args, quote)
            if st is not None:
                made.append(st)
        # document nouns: the author of the address/article, and a Statement of their own
        for i, j, row in documents:
            noun = u.toks[i]
            phrase = self._author_phrase(noun)
            actors = [m for m in self._speakers_in(phrase) if m.cls in {"Person"} | ORG_CLASSES]
            if actors:
                keys = _uniq(m.key for m in actors)
                self.author = keys
                if not any(set(keys) & set(s.speaker) for s in made):
                    cue = (noun.idx, noun.idx + len(noun.text), noun.text)
                    st = self._add_statement(u, cue, noun, keys, [(m.key, m.start, m.end) for m in actors], None)
                    if st is not None:
                        made.append(st)
            elif made:
                persons = [k for k in made[0].speaker if self.cls(k) == "Person"]
                if persons:
                    self.author = persons
        # a citation of the report's source ("со ссылкой на пресс-службу", "citing the
        # ministry") speaks only when nothing else in the unit does
        for i, j, row in sources:
            if made:
                break
            toks = u.toks[i:j]
            speaker, args, clause_start = self._speaker(CueRow(row.words, "after", row.requires), toks, toks[-1], u)
            if speaker and not all(self.cls(k) == "MediaOutlet" for k in speaker):
                cue = (toks[0].idx, toks[-1].idx + len(toks[-1].text), self.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)])
                st = self._add_statement(u, cue, toks[-1], speaker, args, None)
                if st is not None:
                    made.append(st)

    def _turns(self) -> dict[int, tuple[int, int, int]]:
        """Transcript turns ("Name: …"): the unit start of each turn's first line → (end of the
        speaker's name, end of the turn's words, end of the first line)."""
        lines = []
        pos = 0
        for raw in self.text.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            colon = turn_prefix(stripped)
            named = colon is not None and any(
                m.cls in {"Person"} | ORG_CLASSES and not m.affil or m.label == "DESC"
                for m in self.mentions_in(start + lead, start + lead + colon))
            lines.append((start + lead, start + len(raw.rstrip()), named, colon))
        out = {}
        for i, s, e in turn_spans([(a, b, named) for a, b, named, _ in lines]):
            out[s] = (s + lines[i][3], e, lines[i][1])
        return out

    def _turn_statement(self, u: _Unit, colon: int, end: int, line_end: int) -> None:
        """One Statement per transcript turn: the speaker named before the colon, the rest of the
        line its quote; "I"/"we" in the turn's words are the speaker and the speaker's country."""
        name = [t for t in u.toks if t.idx < colon]
        actors = [m for m in self._speakers_in(name) if m.cls in {"Person"} | ORG_CLASSES]
        if not actors:
            actors = [m for m in self.mentions_of_tokens(name) if m.label == "DESC"]
        if not actors:
            return
        keys = _uniq(m.key for m in actors)
        q0 = colon + 1
        while q0 < line_end and self.text[q0].isspace():
            q0 += 1
        cue = (u.start, colon, self.text[u.start:colon])
        st = self._add_statement(u, cue, name[-1] if name else u.toks[0], keys,
                                 [(m.key, m.start, m.end) for m in actors], (q0, line_end))
        if st is not None and end > line_end:
            self.quote_speakers.append((line_end, end, list(keys)))

    def _marks_anniversary(self, verb) -> bool:
        rows = [r for r in self.tab.triggers if r.cls == "Anniversary" and len(r.words) == 1]
        return any(ch.dep_ in OBJ_DEPS and any(r.words[0].ok(self.tk(t)) for r in rows for t in _phrase(ch))
                   for ch in verb.children)

    def _author_phrase(self, noun) -> list:
        """The words naming who wrote or gave a document noun: its owner ("Lavrov's article",
        "his address"), "by X", or a genitive with no preposition ("обращение главы МИД РФ
        Сергея Лаврова"); not "a speech at Moscow State University"."""
        out = []
        for ch in noun.children:
            if ch.dep_ in ("poss", "nmod:poss"):
                out.extend(_phrase(ch))
            elif ch.dep_ in ("prep", "agent") and self.tk(ch) & {"by"}:
                for g in ch.children:
                    out.extend(_phrase(g))
            elif ch.dep_ == "nmod" and "Case=Gen" in str(ch.morph) and not any(g.dep_ == "case" for g in ch.children):
                out.extend(_phrase(ch))
            elif ch.dep_ == "appos" or (ch.dep_ == "nmod" and ch.pos_ == "PROPN" and not any(g.dep_ == "case" for g in ch.children)):
                out.extend(_phrase(ch))
        return out

    def _add_statement(self, u, cue, head, speaker, args, quote) -> _Statement | None:
        for st in self.statements:
            if quote is not None and st.quote is not None and st.quote[0] == quote[0] and set(st.speaker) & set(speaker):
                st.ev_end = max(st.ev_end, u.end)
                st.args.extend(a for a in args if a not in st.args)
                return None
            if st.unit is u and set(st.speaker) == set(speaker) and \
                    _clause_root(st.head).i == _clause_root(head).i:
                return None  # one Statement per reporting clause
        ev_start, ev_end = u.start, u.end
        if quote is not None:
            ev_start = min(ev_start, self.unit_of(quote[0]).start)
            ev_end = max(ev_end, self.unit_of(max(quote[0], quote[1] - 1)).end)
        st = _Statement(cue, u, list(speaker), list(args), quote, ev_start, ev_end, head)
        st.date = self._date_for(u, head, future=False)
        self.statements.append(st)
        self.last_speaker = list(speaker)
        for k in speaker:
            if self.cls(k) == "Person":
                self.people.append((cue[0], k))
        if quote is not None:
            self.quote_speakers.append((quote[0], quote[1], list(speaker)))
        return st

    def _speaker(self, row: CueRow, toks, head, u: _Unit):
        """(speaker keys, argument mentions, start of the clause) for one reporting cue."""
        cue_start = toks[0].idx
        cue_end = toks[-1].idx + len(toks[-1].text)
        if row.kind == "subj":
            s = _subject(head, self)
            v = head
            if s is not None and not (u.start <= s.idx < u.end):
                s = None  # the parse reaches out of the sentence (a dateline, a title)
            had_subject = s is not None
            for _ in range(3):
                if s is not None:
                    phrase = [t for t in _phrase(s) if u.start <= t.idx < u.end]
                    start = min(t.idx for t in phrase)
                    keys, args = self._resolve_np(s, phrase, u)
                    if keys:
                        return keys, args, min(start, cue_start)
                # a coordinated verb whose own subject says nothing: the first verb's subject
                if v.dep_ != "conj" or v.head.i == v.i:
                    break
                v = v.head
                s = _subject(v, self)
            if had_subject and s is not None and not (self.tk(s) & self.relatives):
                return [], [], cue_start  # a subject that names nobody we know: no guess
            # no parse subject: a name right before or right after the verb (an organization
            # after a verb with no subject: "сообщили в Кремле")
            keys, args = self._near_speaker(u, toks, orgs=s is None)
            if keys:
                return keys, args, min([cue_start] + [a[1] for a in args])
            if s is None and self.lang == "ru" and "Voice=Pass" in str(head.morph):
                return self._author(), [], cue_start
            return [], [], cue_start
        if row.kind == "after":
            window = [t for t in u.toks if t.idx >= cue_start][:len(toks) + SPEAKER_WINDOW]
            for t in window:
                if t.idx >= cue_end and t.pos_ == "PUNCT" and t.text != "-":
                    break
                ms = [m for m in self._speakers_in([t]) if m.cls in {"Person"} | ORG_CLASSES]
                if ms:
                    return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
                if self.tk(t) & self.pronouns:
                    k = self._recent_person(t.idx)
                    if k:
                        return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
                if t.idx >= cue_end and self.tk(t) & self.person_nouns:
                    k = self._recent_person(t.idx, self._country_hint(_phrase(t)))
                    if k:
                        return [k], [(k, t.idx, t.idx + len(t.text))], cue_start
            return [], [], cue_start
        if row.kind == "author":
            window = [t for t in u.toks if t.idx >= cue_end][:SPEAKER_WINDOW]
            for t in window:
                if t.pos_ == "PUNCT":
                    break
                ms = [m for m in self._speakers_in([t]) if m.cls == "Person"]
                if ms:
                    return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms], cue_start
            return self._author(), [], cue_start
        return [], [], cue_start

    def _author(self) -> list[str]:
        return list(self.author or self.last_speaker)

    def _speakers_in(self, toks) -> list[_Mention]:
        """The mentions of a phrase that can speak: persons first, then organizations, then
        states and cities; affiliations only when nothing else is there."""
        ms = self.mentions_of_tokens(toks)
        for group in (("Person",), tuple(ORG_CLASSES), ("Country", "City", "Place"), ("Project",)):
            chosen = [m for m in ms if m.cls in group and not m.affil and m.label != "ADJ"
                      and not (group[0] == "Country" and self._place_prep_before(m))]
            if chosen:
                return chosen
        return []

    def _resolve_np(self, s, phrase, u: _Unit | None = None):
        """Who a subject phrase names: a person or body named in it; a pronoun, a bare title,
        a spokesman, an organization noun or a document noun resolved as their tables say."""
        if u is not None:
            phrase = [t for t in phrase if u.start <= t.idx < u.end]
            if not phrase:
                return [], []
        ms = self._speakers_in(phrase)
        keys = self.tk(s)
        if keys & self.spokes_nouns and not any(m.cls == "Person" for m in ms):
            # "a Kremlin spokesman said": the body he speaks for, else its country
            bodies = [m for m in ms if m.cls in ORG_CLASSES] or [
                m for m in self.mentions_of_tokens(phrase) if m.cls == "Country"]
            if bodies:
                return [bodies[0].key], [(bodies[0].key, bodies[0].start, bodies[0].end)]
            return [], []
        if keys & self.person_nouns and not any(m.cls == "Person" for m in ms):
            # a bare title with its country or body: "глава казахстанского правительства",
            # "the Kazakh President" — a person named before, not the body
            k = self._recent_person(s.idx, self._country_hint(phrase))
            if k:
                start = min(t.idx for t in phrase)
                end = max(t.idx + len(t.text) for t in phrase)
                return [k], [(k, start, end)]
        if ms:
            return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
        if keys & self.pronouns:
            k = self._recent_person(s.idx)
            return ([k], [(k, s.idx, s.idx + len(s.text))]) if k else ([], [])
        group = keys & self.tab.words("group_pronoun")
        ordered = sorted(phrase, key=lambda t: t.i)
        if group or self._has_phrase(ordered, "states") or self._has_phrase(ordered, "persons", unless_followed=True):
            # "The sides stressed", "They expressed confidence", "Стороны подтвердили": the
            # people of the talks just reported, and the article's pair of states
            ks = self._sides(s.idx, window=2 if group else 4)
            if ks or not group:
                return ks, [(k, s.idx, s.idx + len(s.text)) for k in ks]
        if keys & self.person_nouns:
            k = self._recent_person(s.idx, self._country_hint(phrase))
            if k:
                start = min(t.idx for t in phrase)
                end = max(t.idx + len(t.text) for t in phrase)
                return [k], [(k, start, end)]
            return [], []
        if keys & self.org_nouns:
            m = self._recent_org(s.idx, keys & self.org_nouns)
            if m is not None:
                return [m], [(m, s.idx, s.idx + len(s.text))]
        if keys & self.doc_nouns:
            return self._author(), []
        if keys & self.org_nouns:
            # "the Kazakh presidential press service": its country, for want of the body
            states = [m for m in self.mentions_of_tokens(phrase) if m.cls == "Country"]
            if states:
                return [states[0].key], [(states[0].key, states[0].start, states[0].end)]
        return [], []

    def _sides(self, before: int, window: int) -> list[str]:
        """Who "the sides" are: the two persons named last within ``window`` sentences before
        (the people of the talks just reported), with the article's pair of states; for "they"
        (``window`` 2), nothing unless two persons were named just before."""
        idx = self.unit_of(before).index
        lo = self.units[max(0, idx - window)].start
        persons: list[str] = []
        for m in reversed(self.mentions_in(lo, before)):
            if m.cls == "Person" and not m.affil and m.key not in persons:
                persons.append(m.key)
            if len(persons) == 2:
                break
        if len(persons) == 2:
            return _uniq(persons[::-1] + list(self.pair))
        return list(self.pair) if window > 2 else []

    def _recent_org(self, before: int, nouns: frozenset[str]) -> str | None:
        """The organization a bare noun stands for ("the agency", "ведомство"): the most recent
        one whose name has that word, else the most recent organization speaker."""
        for m in reversed(self.mentions):
            if m.start < before and m.cls in ORG_CLASSES - {"MediaOutlet"}:
                name = {fold(w) for w in re.findall(r"\w+", self.text[m.start:m.end])}
                e = self.kb.get(m.key)
                if e is not None:
                    for _, lab in e.labels:
                        name |= {fold(w) for w in re.findall(r"\w+", lab)}
                name |= {lemma(w) for w in name}
                if name & nouns:
                    return m.key
        for st in reversed(self.statements):
            orgs = [k for k in st.speaker if self.cls(k) in ORG_CLASSES]
            if orgs:
                return orgs[0]
        return None

    def _country_hint(self, phrase) -> str | None:
        ms = self.mentions_of_tokens(phrase)
        for m in ms:
            if m.cls == "Country":
                return m.key
        for m in ms:
            c = self.country(m.key)
            if c:
                return c
        return None

    def _near_speaker(self, u: _Unit, toks, orgs: bool = False):
        """A person named just before the cue (same clause) or right after it ("said Lavrov");
        with ``orgs``, an organization right after it too."""
        i0 = u.toks.index(toks[0])
        i1 = u.toks.index(toks[-1])
        for t in reversed(u.toks[max(0, i0 - SPEAKER_WINDOW):i0]):
            if t.pos_ == "PUNCT" and t.text not in ("-",):
                break
            ms = [m for m in self._speakers_in([t]) if m.cls == "Person"]
            if ms:
                return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
        allowed = {"Person"} | (ORG_CLASSES - {"MediaOutlet"} if orgs else set())
        for t in u.toks[i1 + 1:i1 + 1 + 4]:
            if t.pos_ == "PUNCT":
                break
            ms = [m for m in self._speakers_in([t]) if m.cls in allowed]
            if ms:
                return [ms[0].key], [(ms[0].key, ms[0].start, ms[0].end)]
        return [], []

    def _recent_person(self, before: int, country: str | None = None,
                       exclude: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The person a pronoun or bare title stands for: a speaker of the same or the previous
        unit first, then the most recent person speaker or subject, then the most recent
        person named."""
        unit = self.unit_of(before)
        for qs, qe, speaker in self.quote_speakers:
            if qs <= before < qe:
                # a third-person pronoun in someone's own words is not the speaker: the person
                # named last in the quote ('"I thank Putin. He responded at once," X said')
                exclude = frozenset(exclude) | frozenset(speaker)
                for m in reversed(self.mentions_in(qs, before)):
                    if m.cls == "Person" and m.key not in exclude and (country is None or self.country(m.key) == country):
                        return m.key
                break
        for st in reversed(self.statements):
            if st.cue[0] < before and st.unit.index >= unit.index - 1:
                for key in st.speaker:
                    if self.cls(key) == "Person" and key not in exclude and (country is None or self.country(key) == country):
                        return key
        for off, key in reversed(self.people):
            if off < before and key not in exclude and (country is None or self.country(key) == country):
                return key
        for m in reversed(self.mentions):
            if m.start < before and m.cls == "Person" and m.key not in exclude and (country is None or self.country(m.key) == country):
                return m.key
        return None

    def _track_subjects(self, u: _Unit) -> None:
        for t in u.toks:
            if t.dep_ in SUBJ_DEPS:
                for m in self._speakers_in(_phrase(t)):
                    if m.cls == "Person":
                        self.people.append((m.start, m.key))
        self.people.sort()

    # -- quotes ------------------------------------------------------------------------------
    def _attach_quote(self, u: _Unit, clause_start: int, cue_end: int) -> tuple[int, int] | None:
        text = self.text
        # a quote right before the clause: '"…," the minister said'
        for ms, me, qs, qe in self.quotes:
            if u.start <= me <= clause_start and qe > qs and QUOTE_GAP.match(text[me:clause_start]):
                return (qs, qe)
        # a quote after the cue in the same clause: 'He stressed that "…"'
        for ms, me, qs, qe in self.quotes:
            if qs >= cue_end and ms < u.end:
                if len(text[qs:qe].split()) >= 2:
                    return (qs, qe)
        if text[u.start:u.end].rstrip().endswith(":") and u.index + 1 < len(self.units):
            nxt = self.units[u.index + 1]
            for ms, me, qs, qe in self.quotes:
                if nxt.start <= ms < nxt.start + 2:
                    return (qs, qe)
        # a passage before a dash: "…, - говорится в обращении"
        before = text[u.start:clause_start]
        m = DASH_BEFORE.search(before)
        if m is not None and before[:m.start()].strip():
            para = text.rfind("\n", 0, clause_start) + 1
            start = para
            for st in self.statements:
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
    def _statement_event(self, st: _Statement) -> Event | None:
        parts, args = self._participants(st.ev_start, st.ev_end, st.cue[0], exclude_place=None)
        speaker = _uniq(st.speaker)
        participants = _uniq(speaker + parts)
        implicit = self._implicit(st.unit, participants, st.ev_start, st.ev_end)
        participants = _uniq(participants + implicit)
        about = self._about(st.ev_start, st.ev_end)
        # the quoted words as written, without the comma that joins them to the clause
        quote = self.text[st.quote[0]:st.quote[1]].strip().rstrip(",").rstrip() if st.quote else None
        arguments = _uniq_args(st.args + args + [a for a in self._about_args(st.ev_start, st.ev_end)])
        return Event(
            cls="Statement", trigger=st.cue[2], start=st.cue[0], end=st.cue[1],
            evidence=self.text[st.ev_start:st.ev_end], sentence_start=st.ev_start,
            sentence_end=st.ev_end, participants=tuple(participants), speaker=tuple(speaker),
            quote=quote, date=st.date[0] if st.date else None,
            date_precision=st.date[1] if st.date else None, about=tuple(about),
            implicit=tuple(implicit), cameo="010", goldstein=0.0, arguments=tuple(arguments),
        )

    # -- typed events ------------------------------------------------------------------------
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
            cands.append(_Cand(row, head, anchor, toks, self._context(head, anchor), row.mode))
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
        cands = self._merge(cands)
        events = []
        for c in cands:
            e = self._typed_event(u, c)
            if e is not None:
                events.append((e, frozenset(self._scoped), c.row.direction))
        # two triggers of one class, mode and context with the same actors in their clauses
        # are one event ("стратегического партнерства остается совместное использование"), and
        # so are two evaluations of one class voiced by one source in one sentence ("propaganda
        # fomented by foreign powers seeking to sabotage relations")
        out: list[Event] = []
        keys: list[frozenset] = []
        for e, scoped, direction in events:
            idx = next((i for i, o in enumerate(out) if (o.cls, o.mode, o.context) == (e.cls, e.mode, e.context)
                        and (keys[i] == scoped or (direction == "speech" and _same_voice(o, e)))), None)
            if idx is None:
                out.append(e)
                keys.append(scoped)
            else:
                same = out[idx]
                out[idx] = dataclasses.replace(
                    same, about=tuple(_uniq(same.about + e.about)), date=same.date or e.date,
                    date_precision=same.date_precision or e.date_precision,
                    participants=tuple(_uniq(same.participants + e.participants)),
                    target=tuple(_uniq(same.target + e.target)),
                    arguments=tuple(_uniq_args(same.arguments + e.arguments)))
        return out

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

    def _merge(self, cands: list[_Cand]) -> list[_Cand]:
        """Triggers of one class linked in the parse are one event: "signed an agreement",
        "held a meeting to discuss", "arrived on a visit"; a host and what it hosts ("hosted the
        summit") is one event of mode host. A visit and the talks held during it stay two."""
        out: list[_Cand] = []
        for c in cands:
            target = None
            for o in out:
                if o.row.cls != c.row.cls or o.context != c.context or not _linked(o, c):
                    continue
                if o.mode == c.mode or "host" in (o.mode, c.mode):
                    target = o
                    break
            if target is None:
                out.append(c)
                continue
            if c.mode == "host":
                target.mode = c.mode
                target.row = c.row  # its code, weight and direction too
        return out

    def _typed_event(self, u: _Unit, c: _Cand) -> Event | None:
        row = c.row
        head = c.head
        t_start = c.toks[0].idx
        t_end = c.toks[-1].idx + len(c.toks[-1].text)
        place, place_m = self._place(u, head)
        parts, args = self._participants(u.start, u.end, t_start, exclude_place=place_m,
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
        implicit = self._implicit(u, parts, u.start, u.end, scoped=True)
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
        )

    # -- arguments ---------------------------------------------------------------------------
    def _participants(self, start: int, end: int, anchor: int, exclude_place,
                      scope=None) -> tuple[list[str], list]:
        """The actors named in [start, end): those of ``scope`` (the tokens of the trigger's
        own clause) first, then the closest to ``anchor``. The actors of the scope are kept in
        ``self._scoped`` (two triggers of one class with the same scoped actors are one
        event)."""
        ms = [m for m in self.mentions_in(start, end)
              if not m.affil and m.cls in ACTOR_CLASSES and m is not exclude_place
              and not (exclude_place is not None and m.key == exclude_place.key and m.cls in PLACE_CLASSES)]
        ms = [m for m in ms if not (m.cls in PLACE_CLASSES and self._place_prep_before(m))]
        inside: set[str] = set()
        if scope:
            spans = [(t.idx, t.idx + len(t.text)) for t in scope]
            inside = {m.key for m in ms if any(a < m.end and m.start < b for a, b in spans)}
        ms.sort(key=lambda m: (m.key not in inside, m.label == "ADJ", abs(m.start - anchor)))
        self._scoped = [m.key for m in ms if m.key in inside]
        keys = _uniq(m.key for m in ms)
        args = []
        seen = set()
        for m in ms:
            if m.key not in seen:
                seen.add(m.key)
                args.append((m.key, m.start, m.end))
        return keys, args

    def _scope(self, anchor, u: _Unit) -> list:
        """The tokens of the trigger's own clause: the subtree of its clause head, without the
        relative, adverbial, participial and reported clauses that do not hold the trigger."""
        root = _clause_root(anchor)
        path = set()
        x = anchor
        for _ in range(40):
            path.add(x.i)
            if x.i == root.i or x.head.i == x.i:
                break
            x = x.head
        out = [root]
        seen = {root.i}
        stack = [root]
        while stack:
            t = stack.pop()
            for ch in t.children:
                if ch.i in seen or not (u.start <= ch.idx < u.end):
                    continue
                if ch.dep_ in CLAUSE_DEPS | {"acl", "xcomp"} and ch.i not in path:
                    continue
                seen.add(ch.i)
                out.append(ch)
                stack.append(ch)
        return out

    def _place_prep_before(self, m: _Mention) -> bool:
        return self._prep_before(m, self.tab.words("place_prep"))

    def _prep_before(self, m: _Mention, preps: frozenset[str]) -> bool:
        """Whether the word before a mention (an article or adjective skipped) is one of
        ``preps``: "in Astana", "in the Kazakh capital", "в Астану"."""
        before = [fold(w) for w in self.text[max(0, m.start - 30):m.start].split()]
        skip = self.tab.words("article")
        while before and before[-1] in skip:
            before.pop()
        return bool(before) and before[-1] in preps

    def _place(self, u: _Unit, head):
        best = None
        for m in self.mentions_in(u.start, u.end):
            if m.affil or m.label == "ADJ":
                continue
            if m.cls in PLACE_CLASSES | {"Country"} and self._place_prep_before(m):
                rank = (m.cls == "Country", abs(m.start - head.idx))
                if best is None or rank < best[0]:
                    best = (rank, m)
        if best is None:
            return None, None
        m = best[1]
        return m.key, (m if m.cls in PLACE_CLASSES else None)

    def _about(self, start: int, end: int) -> list[str]:
        return _uniq(m.key for m in self.mentions_in(start, end) if m.cls == "Project")

    def _about_args(self, start: int, end: int) -> list:
        return [(m.key, m.start, m.end) for m in self.mentions_in(start, end) if m.cls == "Project"]

    def _source(self, c: _Cand):
        anchor = c.anchor
        # a noun trigger's owner: "Russia's sanctions", "his visit", "российские санкции"
        if anchor.pos_ in ("NOUN", "PROPN"):
            for ch in anchor.children:
                if ch.dep_ in ("poss", "nmod:poss", "amod") or (ch.dep_ == "nmod" and self.lang == "ru" and "Case=Gen" in str(ch.morph) and not any(g.dep_ == "case" for g in ch.children)):
                    ms = self._speakers_in([ch]) or [m for m in self.mentions_of_tokens([ch]) if m.cls == "Country"]
                    if ms:
                        return _uniq(m.key for m in ms), [(m.key, m.start, m.end) for m in ms]
                    if self.tk(ch) & self.pronouns:
                        k = self._recent_person(ch.idx)
                        if k:
                            return [k], [(k, ch.idx, ch.idx + len(ch.text))]
        verb = _clause_verb(anchor)
        if c.row.direction == "speech" and anchor.pos_ in ("NOUN", "PROPN") and _nested(anchor, verb):
            return [], []  # "X is the result of propaganda": X did not make the propaganda
        s = _subject(verb, self)
        if s is None or any(s.i == t.i for t in c.toks):
            return [], []  # (a clausal subject that is the trigger itself: "трудно переоценить")
        keys, args = self._resolve_np(s, _phrase(s))
        if keys == self._author() and not (self.tk(s) & (self.pronouns | self.person_nouns)):
            # a document noun as subject is not an actor of the event
            ms = self._speakers_in(_phrase(s))
            if not ms:
                return [], []
        return keys, args

    def _describes_speaker(self, tok) -> bool:
        """Whether a trigger word is part of the phrase naming a speaker ("the commander of the
        peacekeeping forces said", "как заявил командующий миротворческими силами"): a
        description, not an event. Also a word inside a person's title."""
        for pos in self.positions:
            if pos.start <= tok.idx < pos.end:
                return True
        heads = {st.head.i: st for st in self.statements}
        x = tok
        for _ in range(6):
            if x.dep_ in SUBJ_DEPS:
                st = heads.get(x.head.i)
                # the subject phrase names the speaker (not "Отмечается сотрудничество …")
                return st is not None and any(m.key in st.speaker for m in self.mentions_of_tokens(_phrase(x)))
            if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
                return False
            x = x.head
        return False

    def _agentless(self, c: _Cand) -> bool:
        """Whether the trigger's clause names no agent: a passive with no "by X" ("a note was
        handed to the ambassador", "выражены соболезнования") or a Russian indefinite-personal
        verb, third person plural with no subject ("ноту вручили послу")."""
        verb = _clause_verb(c.anchor)
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        deps = {ch.dep_ for ch in verb.children}
        if deps & {"nsubj", "csubj", "agent", "obl:agent", "expl"}:
            return False
        morph = str(verb.morph)
        if "Voice=Pass" in morph or deps & {"auxpass", "aux:pass", "nsubjpass", "nsubj:pass"}:
            return True
        return self.lang == "ru" and "Number=Plur" in morph and "VerbForm=Fin" in morph \
            and "Person=1" not in morph and "Person=2" not in morph

    def _agent_before(self, u: _Unit, cls: str, window: int = 3, talks: bool = False):
        """Who acted in an agentless clause: the source of the last event of the same class a
        few sentences before (the same note, told again), else, for an evaluation (``talks``),
        the persons of the talks or call just reported ("Выражены взаимные соболезнования"
        after a telephone call)."""
        for idx, ecls, src in reversed(self.agents):
            if ecls == cls and u.index - window <= idx <= u.index:
                return list(src), []
        if not talks:
            return [], []
        for idx, persons in reversed(self.talks):
            if u.index - window < idx <= u.index and persons:
                return list(persons), []
        return [], []

    def _voiced_by(self, offset: int):
        """The speaker of the statement whose quote or reported clause holds ``offset`` (the
        closest one), with the speaker's argument spans."""
        best = None
        for st in self.statements:
            inside = st.quote is not None and st.quote[0] <= offset < st.quote[1]
            if inside or st.ev_start <= offset < st.ev_end:
                rank = (inside, st.ev_start)
                if best is None or rank > best[0]:
                    best = (rank, st)
        if best is None:
            return [], []
        st = best[1]
        keys = [k for k in st.speaker if self.cls(k) != "MediaOutlet"]
        return keys, [a for a in st.args if a[0] in keys]

    def _own_side(self, speakers: list[str], source: list[str]) -> bool:
        """Whether the source is the speaker's own state or body ("Peskov: Russia values …")."""
        mine = {self.country(k) for k in speakers} - {None}
        return bool(mine) and all(self.country(k) in mine for k in source)

    def _interlocutor(self, u: _Unit, source: list[str], window: int = 2):
        """Whom an evaluation with no addressee is addressed to: the other persons of the talks
        or call reported just before that the source took part in ("Tokayev expressed
        condolences" after a call between Putin and Tokayev)."""
        for idx, persons in reversed(self.talks):
            if idx < u.index - window:
                break
            if set(source) & set(persons):
                others = [k for k in persons if k not in source]
                if others:
                    return others, []
        return [], []

    def _target(self, c: _Cand, source: list[str]):
        preps = self.tab.words("target_prep")
        anchor = c.anchor
        out: list[_Mention] = []
        heads = []
        for ch in anchor.children:
            if ch.dep_ in OBJ_DEPS:
                heads.append(ch)
            elif ch.dep_ == "prep" and self.tk(ch) & preps:
                heads.extend(g for g in ch.children if g.dep_ == "pobj")
            elif ch.dep_ in ("obl", "nmod") and any(g.dep_ == "case" and self.tk(g) & preps for g in ch.children):
                heads.append(ch)
        keys: list[str] = []
        args = []
        for h in heads:
            phrase = _phrase(h)
            ms = self._speakers_in(phrase)
            if self.tk(h) & self.person_nouns and not any(m.cls == "Person" for m in ms):
                hint = self._country_hint(phrase)
                if hint is not None and "Number=Plur" in str(h.morph) and hint not in source:
                    # "thanked the Russian colleagues": a group standing for its state
                    keys.append(hint)
                    args.append((hint, h.idx, h.idx + len(h.text)))
                    continue
                # "thanked his Russian counterpart", "поблагодарил министра"
                k = self._recent_person(h.idx, hint, exclude=set(source))
                if k:
                    keys.append(k)
                    args.append((k, h.idx, h.idx + len(h.text)))
                    continue
            for m in ms:
                keys.append(m.key)
                args.append((m.key, m.start, m.end))
        keep = [i for i, k in enumerate(keys) if k not in source]
        return _uniq(keys[i] for i in keep), [args[i] for i in keep]

    def _destination(self, u: _Unit, c: _Cand, source: list[str]):
        """The country visited, its mentions, and the city or place of the visit; None when the
        only destination named is the visitor's own country (a return home is no visit)."""
        preps = self.tab.words("visit_prep")
        anchor = c.anchor
        cands: list[_Mention] = []
        for ch in anchor.children:
            if ch.dep_ == "prep" and self.tk(ch) & preps:
                for g in ch.children:
                    if g.dep_ == "pobj":
                        cands.extend(self.mentions_of_tokens(_phrase(g)))
            elif ch.dep_ in ("obl", "nmod", "obj", "dobj") and (ch.dep_ in ("obj", "dobj") or any(g.dep_ == "case" and self.tk(g) & preps for g in ch.children)):
                cands.extend(self.mentions_of_tokens(_phrase(ch)))
        after = c.toks[-1].idx
        for m in self.mentions_in(after, u.end):
            if (m.cls in PLACE_CLASSES | {"Country"} or m.label == "ADJ") and self._prep_before(m, preps):
                cands.append(m)  # the nearest place after the trigger only
                break
        src_countries = {self.country(k) for k in source} - {None}
        place = None
        home = False
        for m in cands:
            if m.affil or not (m.cls in PLACE_CLASSES | {"Country"} or m.label == "ADJ"):
                continue
            if m.cls in PLACE_CLASSES and place is None:
                place = m.key
            ctry = self.country(m.key) if m.label != "ADJ" else m.key
            if ctry and ctry not in src_countries:
                return [ctry], [(m.key, m.start, m.end)], place
            if ctry:
                home = True
        if home:
            return None
        for m in self.mentions_in(u.start, u.end):
            if m.cls == "Country" and not m.affil and m.key not in src_countries and src_countries:
                return [m.key], [(m.key, m.start, m.end)], place
        return [], [], place

    def _first_person(self, u: _Unit, offset: int):
        for qs, qe, speaker in self.quote_speakers:
            if qs <= offset < qe:
                for t in u.toks:
                    if qs <= t.idx < qe and self.tk(t) & self.first_person:
                        for k in speaker:
                            c = self.country(k)
                            if c:
                                return (c, t.idx, t.idx + len(t.text))
                return None
        return None

    def _first_person_singular(self, u: _Unit, c: _Cand):
        """Inside a quote, a trigger whose subject is "I"/"я" (or a first-person verb with no
        subject: "Хотел бы выразить благодарность") has the speaker as its source."""
        for qs, qe, speaker in self.quote_speakers:
            if not qs <= c.head.idx < qe:
                continue
            persons = [k for k in speaker if self.cls(k) == "Person"]
            if not persons:
                return None
            verb = _clause_verb(c.anchor)
            for _ in range(3):
                s = _subject(verb, self)
                if s is not None:
                    if self.tk(s) & self.tab.words("first_person_sg"):
                        return (persons[0], s.idx, s.idx + len(s.text))
                    return None
                if "Person=1" in str(verb.morph) and "Number=Sing" in str(verb.morph):
                    return (persons[0], verb.idx, verb.idx + len(verb.text))
                if verb.head.i == verb.i:
                    break
                verb = verb.head
            return None
        return None

    def _implicit(self, u: _Unit, parts: list[str], start: int, end: int, scoped: bool = False) -> list[str]:
        """Participants named only as "the two countries" (the article's pair of states) or
        "the two leaders" (the two persons named last); with ``scoped``, a person named in
        another clause of the sentence does not stop "the leaders"."""
        toks = [t for t in u.toks if start <= t.idx < end] if (start, end) == (u.start, u.end) else \
            [t for uu in self.units if uu.end > start and uu.start < end for t in uu.toks]
        out: list[str] = []
        named = [m for m in self.mentions_in(start, end) if not m.affil]
        countries = {m.key for m in named if m.cls == "Country"}
        if self.pair and len(countries) < 2 and self._has_phrase(toks, "states"):
            out.extend(k for k in self.pair if k not in parts and k not in countries)
        persons_named = [k for k in (self._scoped if scoped else (m.key for m in named)) if self.cls(k) == "Person"]
        if self._has_phrase(toks, "persons", unless_followed=True) and not persons_named:
            prev = []
            for m in reversed(self.mentions):
                if m.start < start and m.cls == "Person" and m.key not in prev:
                    prev.append(m.key)
                if len(prev) == 2:
                    break
            out.extend(k for k in prev if k not in parts)
        return _uniq(out)

    def _has_phrase(self, toks, kind: str, unless_followed: bool = False) -> bool:
        """Whether a cue phrase of ``kind`` occurs; with ``unless_followed``, not when a
        complement names them ("the presidents of Russia and Kazakhstan")."""
        phrases = self.tab.phrases(kind)
        of = self.tab.words("of")
        for i in range(len(toks)):
            for seq in phrases:
                n = len(seq)
                if i + n <= len(toks) and all(
                        w in self.tk(toks[i + j]) or w == fold(toks[i + j].text) for j, w in enumerate(seq)):
                    if unless_followed and i + n < len(toks):
                        nxt = toks[i + n]
                        if self.tk(nxt) & of or any(m.cls == "Country" for m in self.mentions_of_tokens([nxt])):
                            continue
                    return True
        return False

    # -- dates -------------------------------------------------------------------------------
    def _date_for(self, u: _Unit, tok, future: bool) -> tuple[str, str] | None:
        if not u.dates:
            return None
        key = self._clause_key(tok, u)
        best = None
        for d in u.dates:
            dtoks = [t for t in u.toks if d.start <= t.idx < d.end and not t.is_punct]
            if not dtoks:
                continue
            dtok = dtoks[-1]
            if self._clause_key(dtok, u) != key:
                continue
            dist = abs(dtok.i - tok.i)
            if best is None or dist < best[0]:
                best = (dist, d)
        if best is None:
            return None
        return best[1].resolve(self.base, future)

    def _clause_key(self, tok, u: _Unit, depth: int = 0):
        """The clause a token belongs to for dating: relative, adverbial, reported, infinitive
        ("agreed to meet next year": the meeting is next year, the agreement is not) and
        prepositional ("after taking office last month") clauses are clauses of their own; a
        participle ("published on Tuesday") belongs to the clause of its noun."""
        r = _clause_root(tok, DATE_CLAUSE_DEPS)
        if depth < 3 and (r.dep_ == "ROOT" or r.head.i == r.i) and r.pos_ not in ("VERB", "AUX"):
            # a verbless fragment continues the clause before it ("…: Cooperation Without
            # Borders, published by Rossiyskaya Gazeta on Tuesday.")
            first = r.sent.start
            if first > 0 and self.sdoc[first - 1].idx >= u.start:
                return self._clause_key(self.sdoc[first - 1].sent.root, u, depth + 1)
        return r.i

    # -- context -----------------------------------------------------------------------------
    def _context(self, head, anchor) -> str | None:
        chain = [head]
        if anchor.i != head.i:
            chain.append(anchor)
        x = anchor
        via_inf: set[int] = set()  # governors reached through an infinitive complement
        for _ in range(12):
            if x.dep_ in CLAUSE_DEPS or x.head.i == x.i or x.dep_ == "ROOT":
                break
            if x.dep_ == "xcomp" or "VerbForm=Inf" in str(x.morph):
                via_inf.add(x.head.i)
            x = x.head
            chain.append(x)
        found: set[str] = set()
        implicative = False
        for cue, ctx, where in self.tab.context:
            if where == "aux":
                if any(ch.dep_ in AUX_DEPS and cue in self.tk(ch) for v in chain for ch in v.children):
                    found.add(ctx)
            elif where == "child":
                if any(cue in self.tk(ch) for v in chain for ch in v.children if ch not in chain):
                    found.add(ctx)
            elif where in ("gov", "xgov"):
                if any(cue in self.tk(v) for v in chain[1:] if (v.i != anchor.i or anchor.i == head.i)
                       and (where == "gov" or v.i in via_inf)):
                    if ctx == "-":
                        implicative = True
                    else:
                        found.add(ctx)
            elif where == "mod":
                if any(cue in self.tk(ch) for v in (head, anchor) for ch in v.children):
                    found.add(ctx)
            elif where == "morph":
                feats = [str(v.morph) for v in chain if v.pos_ in ("VERB", "AUX")]
                feats += [str(ch.morph) for v in chain for ch in v.children if ch.dep_ in AUX_DEPS]
                if any(cue in f.split("|") for f in feats):
                    found.add(ctx)
        for cue, ctx, where in self.tab.context:
            if where == "inf" and not implicative:
                # an infinitive complement ("agreed to hold talks"), not a purpose clause
                if any(ch.dep_ in AUX_DEPS and cue in self.tk(ch) for v in chain
                       if v.pos_ in ("VERB", "AUX") and v.dep_ == "xcomp" for ch in v.children):
                    found.add(ctx)
        for ctx in ("negated", "hypothetical", "planned"):
            if ctx in found:
                return ctx
        return None


# ---------------------------------------------------------------------------------------------
# parse helpers

def _one_node_each(events: list[Event]) -> list[Event]:
    """The graph keeps one node for a dated event (same class, date, context and participants:
    "one event, many reports"). Two such events of one document are one event here too: the
    first report stays, with what the others add (projects, arguments)."""
    out: list[Event] = []
    seen: dict[tuple, int] = {}
    for e in events:
        if e.cls == "Statement" or not e.date:
            out.append(e)
            continue
        key = (e.cls, e.date, e.context or "", tuple(sorted(set(e.participants) | set(e.implicit)
                                                           | set(e.source) | set(e.target))))
        if key not in seen:
            seen[key] = len(out)
            out.append(e)
            continue
        first = out[seen[key]]
        out[seen[key]] = dataclasses.replace(
            first, about=tuple(_uniq(first.about + e.about)),
            arguments=tuple(_uniq_args(first.arguments + e.arguments)))
    return out


def _nested(noun, verb) -> bool:
    """Whether a noun hangs from its clause verb through another noun that is not the verb's
    object ("are the result of propaganda"); "expressed words of gratitude" is not nested."""
    x = noun
    for _ in range(8):
        if x.head.i == x.i or x.head.i == verb.i:
            return False
        x = x.head
        if x.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and not (x.dep_ in OBJ_DEPS and x.head.i == verb.i):
            return True
    return False


def _same_voice(a: Event, b: Event) -> bool:
    """Two evaluations with one source and no conflicting target."""
    return bool(a.source) and a.source == b.source and (not a.target or not b.target or a.target == b.target)


def _continues(prev: str, nxt: str) -> bool:
    """Whether a sentence split between ``prev`` and ``nxt`` (same line) should be undone."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return False
    if p[-1] in ":;,–—-":
        return True
    last = p.rstrip(CLOSERS)
    ends = bool(last) and last[-1] in TERMINAL
    return not ends and (n[0].islower() or n[0] in ",;:)»")


def _head(toks):
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _phrase(tok) -> list:
    """The token and its dependents, clauses and punctuation left out (natasha's trees may
    hold cycles: each token is visited once)."""
    out = [tok]
    seen = {tok.i}
    stack = [tok]
    while stack:
        x = stack.pop()
        for c in x.children:
            if c.dep_ in PHRASE_STOP or c.i in seen:
                continue
            seen.add(c.i)
            out.append(c)
            stack.append(c)
    return out


def _clause_verb(tok):
    x = tok
    for _ in range(20):
        if x.pos_ in ("VERB", "AUX") or x.head.i == x.i:
            return x
        x = x.head
    return x


def _clause_root(tok, deps=CLAUSE_DEPS):
    x = tok
    for _ in range(40):
        if x.dep_ in deps or x.head.i == x.i or x.dep_ == "ROOT":
            return x
        if x.dep_ == "acl" and "VerbForm=Inf" in str(x.morph) and deps is not CLAUSE_DEPS:
            return x  # "a bid to chair the OSCE in 2010"
        x = x.head
    return x


def _subject(verb, ex: _Extraction):
    v = verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ in SUBJ_DEPS:
                if ex.tk(c) & ex.relatives and v.dep_ in ("relcl", "acl:relcl", "acl") and v.head.i != v.i:
                    return v.head
                return c
        # a coordinated verb, an infinitive complement or a participle/gerund clause shares
        # the subject of its head ("praised him, calling him …", "выступая на форуме, отметил")
        if (v.dep_ in ("conj", "xcomp") or (v.dep_ == "advcl" and (
                "VerbForm=Ger" in str(v.morph) or "VerbForm=Part" in str(v.morph) or "VerbForm=Conv" in str(v.morph)))) \
                and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


def _dominates(a, b) -> bool:
    x = b
    for _ in range(3):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.i == a.i:
            return True
    return False


def _linked(a: _Cand, b: _Cand) -> bool:
    return _dominates(a.head, b.head) or _dominates(b.head, a.head) or (
        a.head.head.i == b.head.head.i and a.head.i != a.head.head.i)


def _uniq(items) -> list:
    out = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _uniq_args(args) -> list:
    return sorted(set(args), key=lambda a: (a[1], a[2], a[0]))


def _quotes(text: str) -> list[tuple[int, int, int, int]]:
    """Quoted passages: (mark start, mark end, content start, content end), outermost only.
    Guillemets nest; straight double quotes toggle and close at the end of a paragraph."""
    spans = []
    stack: list[tuple[int, str]] = []
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and straight is not None:
            spans.append((straight, i, straight + 1, i))
            straight = None
        if ch in OPEN_QUOTES and not (ch == "“" and stack and stack[-1][1] == "“"):
            stack.append((i, OPEN_QUOTES[ch]))
        elif stack and ch == stack[-1][1]:
            s, _ = stack.pop()
            spans.append((s, i + 1, s + 1, i))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1, straight + 1, i))
                straight = None
    if straight is not None:
        spans.append((straight, len(text), straight + 1, len(text)))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            continue
        out.append(s)
    return out


__all__ = ["extract_events", "tables"]
