"""What the extraction knows of one document, frozen: its text and parse, the mentions of its
entities, its clause units, its pair of states, the cue tables of its language (``View``, built
once by ``view``), and the lookups over them (methods that read the view only)."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, ORTH

from bilat.extract.date_scan import scan_spans
from bilat.extract.dates import dateline, dateline_span
from bilat.extract.events.context import context, date_for
from bilat.extract.events.records import Mention as _Mention
from bilat.extract.events.records import Unit as _Unit
from bilat.extract.events.tables import Tables, match, tables
from bilat.extract.events.text import prep_before, quotes, unit_spans
from bilat.extract.events.tree import subject, tokens
from bilat.extract.text import fold


@dataclass(frozen=True, eq=False)
class View:
    """The view of one document the steps read: its text and parse, the mentions of its
    entities, its clause units, its pair of states, the cue tables of its language and the cue
    word sets read from them, its quotes. Frozen: no step changes it; its methods read it only."""

    doc: object
    text: str
    lang: str
    sdoc: object
    kb: dict
    positions: tuple
    tab: Tables
    cls_of: dict[str, str]
    base: str | None  # the date relative expressions are read against
    tokens: tuple  # the document's tokens, built once (by ``tok.i``)
    starts: tuple[int, ...]  # their offsets
    keys: tuple[frozenset[str], ...]  # their folded text and lemma
    plain_words: tuple[bool, ...]  # whether each is alphabetic and no stop word (read at once)
    lemmas: tuple[str, ...]  # their folded lemmas (read at once, ``folded_lemmas``)
    mentions: tuple[_Mention, ...]
    m_starts: tuple[int, ...]
    #: the mentions overlapping each token (``mentions_by_token``): token index → their indexes
    by_token: dict[int, tuple[int, ...]]
    units: tuple[_Unit, ...]
    unit_starts: tuple[int, ...]
    pair: tuple[str, ...]  # the article's pair of states (the two countries most mentioned)
    pronouns: frozenset[str]
    person_nouns: frozenset[str]
    relatives: frozenset[str]
    first_person: frozenset[str]
    org_nouns: frozenset[str]
    spokes_nouns: frozenset[str]
    restating: frozenset[str]
    grammar_cues: frozenset[str]
    doc_nouns: frozenset[str]
    quotes: tuple[tuple[int, int, int, int], ...]
    #: the quoted words of the quotes as disjoint spans in text order (``quoted_spans``): their
    #: starts, and their ends
    quoted_starts: tuple[int, ...] = ()
    quoted_ends: tuple[int, ...] = ()
    #: the state of each entity key asked about (``country``): a memo, valid as long as the
    #: view (the knowledge base and the document's posts do not change under it; a view
    #: copied with other posts, ``dataclasses.replace``, starts a memo of its own)
    countries: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    #: the indexes of the tokens at which a cue phrase of each kind asked about may start
    #: (``phrase_opens``): a memo, valid as long as the view (its tokens and tables are fixed)
    opens: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    #: what the cue phrases of a stretch of units tell (``arguments.implicit``), by (start,
    #: end, unit index): a memo, valid as long as the view (a pure reading of its tokens and
    #: tables; the events of one unit ask about the same stretch again)
    stretches: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    # -- lookups over entities ---------------------------------------------------------------
    def cls(self, key: str) -> str:
        c = self.cls_of.get(key)  # (``entity_class``, inline: it is called for every key read)
        if c is None:
            e = self.kb.get(key)
            c = e.cls if e is not None else "Organization"
        return c

    def country(self, key: str) -> str | None:
        """The state of an entity: itself, its own, that of the body it holds a post in
        (the knowledge base's tenures, else the document's posts), up to three bodies deep."""
        try:
            return self.countries[key]
        except KeyError:
            found = self.countries[key] = self._country(key)
            return found

    def _country(self, key: str, depth: int = 0) -> str | None:
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
                    return self._country(t.org, depth + 1)
        for p in self.positions:
            if p.person == key and p.org:
                return self._country(p.org, depth + 1)
        return None

    # -- lookups over tokens and mentions -----------------------------------------------------
    def tk(self, tok) -> frozenset[str]:
        return self.keys[tok.i]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the quoted words of one of the text's quotes."""
        i = bisect.bisect_right(self.quoted_starts, offset) - 1
        return i >= 0 and offset < self.quoted_ends[i]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self.m_starts, start)
        out = []
        ms = self.mentions
        n = len(ms)
        while i < n:
            m = ms[i]
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
            i += 1
        return out

    def mentions_of_tokens(self, toks) -> list[_Mention]:
        """The mentions overlapping any of ``toks``, in text order."""
        by_token = self.by_token
        found = [n for t in toks for n in by_token.get(t.i, ())]
        if not found:
            return []
        ms = self.mentions
        return [ms[n] for n in sorted(set(found))]

    def in_linked(self, tok) -> bool:
        """Whether a linked name (no descriptive mention) holds ``tok`` and ends with it (or
        one character after it), starting at most 200 characters before it (the mentions
        ``mentions_in`` gives around it; read from the mentions overlapping the token)."""
        found = self.by_token.get(tok.i)
        if not found:
            return False
        s = tok.idx
        e = s + len(tok.text)
        ms = self.mentions
        return any(
            s - 200 <= m.start <= s and e <= m.end <= e + 1 and m.label != "DESC"
            for m in (ms[n] for n in found)
        )

    def unit_of(self, offset: int) -> _Unit:
        i = max(0, bisect.bisect_right(self.unit_starts, offset) - 1)
        return self.units[i]

    def match(self, toks, rows, accept) -> list[tuple[int, int, object]]:
        return match(toks, self.keys, rows, lambda row, span: within_clause(row, span) and accept(row, span))

    def subject(self, verb):
        return subject(verb, self.keys, self.relatives)

    def date_for(self, u: _Unit, tok, future: bool, past: bool = False) -> tuple[str, str] | None:
        return date_for(u, tok, self.base, future, past)

    def context(self, head, anchor, cls: str | None = None, climb: bool = True) -> str | None:
        return context(head, anchor, self.keys, self.tab.context, cls, climb)

    def grammar(self, feature: str) -> bool:
        """Whether the language's grammar cues (``grammar`` in events_cues.tsv) name ``feature``."""
        return feature in self.grammar_cues

    def prep_before(self, m: _Mention, preps: frozenset[str]) -> bool:
        return prep_before(self.text, m.start, preps, self.tab.words("article"))

    def place_prep_before(self, m: _Mention) -> bool:
        return self.prep_before(m, self.tab.words("place_prep"))

    def phrase_opens(self, kind: str) -> frozenset[int]:
        """The indexes of the document's tokens one of whose words opens a cue phrase of
        ``kind`` (read once per document and kind: ``has_phrase`` tries only those)."""
        hit = self.opens.get(kind)
        if hit is None:
            firsts = self.tab.first_words(kind)
            hit = self.opens[kind] = frozenset(i for i, k in enumerate(self.keys) if not firsts.isdisjoint(k))
        return hit

    def has_phrase(self, toks, kind: str, unless_followed: bool = False) -> bool:
        """Whether a cue phrase of ``kind`` occurs; with ``unless_followed``, not when a
        complement names them ("the presidents of Russia and Kazakhstan")."""
        by_first = self.tab.phrases_by_first(kind)
        if not by_first:
            return False
        opens = self.phrase_opens(kind)
        at = [i for i, t in enumerate(toks) if t.i in opens]  # (where a phrase may start)
        if not at:
            return False
        of = self.tab.words("of")
        forms = [self.keys[t.i] for t in toks]  # each token's words (folded text and lemma)
        for i in at:
            for seq in (seq for w0 in forms[i] for seq in by_first.get(w0, ())):
                n = len(seq)
                if i + n <= len(toks) and all(w in forms[i + j] for j, w in enumerate(seq)):
                    if unless_followed and i + n < len(toks):
                        nxt = toks[i + n]
                        if self.tk(nxt) & of or any(
                            m.cls == "Country" for m in self.mentions_of_tokens([nxt])
                        ):
                            continue
                    return True
        return False


def view(doc, sdoc, linked, positions, descriptive, kb) -> View:
    """The view of ``doc`` (parsed as ``sdoc``, its entities ``linked``, the posts and
    descriptive mentions found)."""
    text = doc.text
    lang = doc.lang or "en"
    tab = tables(lang)
    positions = tuple(positions)
    descriptive = tuple(descriptive)
    cls_of = {e.key: e.cls for e in linked.entities}
    base = doc.date or (dateline(doc.text, lang, None) or (None,))[0]
    if base is not None and len(base) != 10:
        base = None
    toks = tuple(tokens(sdoc))
    starts = tuple(t.idx for t in toks)
    keys = token_keys(sdoc)
    mentions = tuple(
        title_adjectives(
            mentions_of(linked, positions, descriptive, lambda k: entity_class(cls_of, kb, k)),
            dict(zip(starts, toks, strict=True)),
            keys,
            tab.words("person_noun"),
        )
    )
    units = tuple(units_of(text, lang, sdoc, toks, starts))
    found = tuple(quotes(text))
    spans = quoted_spans(found)
    return View(
        doc=doc,
        text=text,
        lang=lang,
        sdoc=sdoc,
        kb=kb,
        positions=positions,
        tab=tab,
        cls_of=cls_of,
        base=base,
        tokens=toks,
        starts=starts,
        keys=keys,
        plain_words=plain_words(sdoc),
        lemmas=folded_lemmas(sdoc),
        mentions=mentions,
        m_starts=tuple(m.start for m in mentions),
        by_token=mentions_by_token([(m.start, m.end) for m in mentions], starts, lambda i: len(toks[i].text)),
        units=units,
        unit_starts=tuple(u.start for u in units),
        pair=pair_of(mentions),
        pronouns=tab.words("pronoun"),
        person_nouns=tab.words("person_noun"),
        relatives=tab.words("relative"),
        first_person=tab.words("first_person"),
        org_nouns=tab.words("org_noun"),
        spokes_nouns=tab.words("spokes_noun"),
        restating=tab.words("restate"),
        grammar_cues=tab.words("grammar"),
        doc_nouns=frozenset(
            r.words[0].text for r in tab.reporting if r.kind == "document" and len(r.words) == 1
        ),
        quotes=found,
        quoted_starts=tuple(a for a, _ in spans),
        quoted_ends=tuple(b for _, b in spans),
    )


def quoted_spans(quotes) -> list[tuple[int, int]]:
    """The spans of the quoted words of ``quotes`` (ms, me, qs, qe), overlapping ones joined,
    in text order: an offset is inside a quote's words when it is inside one of them.

    >>> quoted_spans([(0, 30, 1, 29), (40, 60, 41, 59), (10, 20, 11, 19), (28, 35, 29, 34)])
    [(1, 34), (41, 59)]
    """
    out: list[tuple[int, int]] = []
    for qs, qe in sorted((qs, qe) for _ms, _me, qs, qe in quotes if qs < qe):
        if out and qs <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], qe))
        else:
            out.append((qs, qe))
    return out


#: the keys of a token by the string-store hashes of its text and lemma: (orth, lemma) → its
#: folded text and lemma; the hashes name the strings in every document (spaCy's hashes of the
#: strings themselves), so the sets made for one document serve the next ones (a language's
#: news repeats most of its words)
_KEYS: dict[tuple[int, int], frozenset[str]] = {}
_KEYS_MAX = 200_000  # pairs kept before the memo starts afresh


def mentions_by_token(spans, starts, length) -> dict[int, tuple[int, ...]]:
    """The mentions (their ``spans``, start and end) overlapping each token, by token index
    (``starts``: the tokens' offsets, ``length``: a token's length by index); a token that
    overlaps none is left out.

    >>> # "Sergey Lavrov met Wang" — tokens at 0, 7, 14, 18; mentions "Sergey Lavrov", "Lavrov", "Wang"
    >>> mentions_by_token([(0, 13), (7, 13), (18, 22)], [0, 7, 14, 18], [6, 6, 3, 4].__getitem__)
    {0: (0,), 1: (0, 1), 3: (2,)}
    """
    out: dict[int, list[int]] = {}
    for n, (ms, me) in enumerate(spans):
        i = max(0, bisect.bisect_right(starts, ms) - 1)
        if starts and starts[i] + length(i) <= ms:
            i += 1  # (the token before the mention ends before it)
        while i < len(starts) and starts[i] < me:
            if ms < starts[i] + length(i):
                out.setdefault(i, []).append(n)
            i += 1
    return {i: tuple(ns) for i, ns in sorted(out.items())}


def plain_words(sdoc) -> tuple[bool, ...]:
    """Whether each token of ``sdoc`` is alphabetic and no stop word, read at once.

    >>> import spacy
    >>> plain_words(spacy.blank("en")("The talks in 2024"))
    (False, True, False, False)
    """
    flags = sdoc.to_array([IS_ALPHA, IS_STOP])
    return tuple((flags[:, 0] > flags[:, 1]).tolist())  # (alphabetic 1, stop word 0)


def token_keys(sdoc) -> tuple[frozenset[str], ...]:
    """The folded text and lemma of each token of ``sdoc`` (by ``tok.i``), read from the
    hashes of its texts and lemmas at once (no Token read); tokens written and lemmatized
    alike share one set.

    >>> import spacy
    >>> d = spacy.blank("en")("Talks and Talks")
    >>> for t in d:
    ...     t.lemma_ = "talk" if t.lower_ == "talks" else t.lower_
    >>> a, _, b = token_keys(d)
    >>> sorted(a), sorted(b), a is b
    (['talk', 'talks'], ['talk', 'talks'], True)
    """
    if len(_KEYS) > _KEYS_MAX:
        _KEYS.clear()
    strings = sdoc.vocab.strings
    out = []
    for pair in map(tuple, sdoc.to_array([ORTH, LEMMA]).tolist()):
        hit = _KEYS.get(pair)
        if hit is None:
            hit = _KEYS[pair] = frozenset({fold(strings[pair[0]]), fold(strings[pair[1]])})
        out.append(hit)
    return tuple(out)


#: the folded lemma of each string-store hash of a lemma (valid in every document: the hash
#: names the string itself); a language's news repeats most of its lemmas
_LEMMAS: dict[int, str] = {}


def folded_lemmas(sdoc) -> tuple[str, ...]:
    """The folded lemma of each token of ``sdoc`` (by ``tok.i``), read from the hashes of
    the lemmas at once (no Token read).

    >>> import spacy
    >>> d = spacy.blank("en")("Talks in Astana")
    >>> for t, lemma in zip(d, ("talk", "in", "Astana")):
    ...     t.lemma_ = lemma
    >>> folded_lemmas(d)
    ('talk', 'in', 'astana')
    """
    if len(_LEMMAS) > _KEYS_MAX:
        _LEMMAS.clear()
    strings = sdoc.vocab.strings
    out = []
    for h in sdoc.to_array(LEMMA).tolist():
        hit = _LEMMAS.get(h)
        if hit is None:
            hit = _LEMMAS[h] = fold(strings[h])
        out.append(hit)
    return tuple(out)


def entity_class(cls_of: dict[str, str], kb: dict, key: str) -> str:
    """The class of an entity: as linked in the document, else the knowledge base's, else
    "Organization"."""
    c = cls_of.get(key)
    if c is None:
        e = kb.get(key)
        c = e.cls if e is not None else "Organization"
    return c


def mentions_of(linked, positions, descriptive, cls) -> list[_Mention]:
    """The mentions of the linked spans and the descriptive mentions, in text order (longest
    first at one start); a name inside a person's title or inside a descriptive mention is an
    affiliation (``cls``: the class of an entity key)."""
    titles = [(p.start, p.end, p.person) for p in positions]
    descs = [(d.start, d.end) for d in descriptive]
    out = []
    for s, e, key, label in linked.spans:
        c = cls(key)
        # a name inside a person's title is that person's affiliation, not an actor
        affil = c != "Person" and any(ps <= s and e <= pe and key != person for ps, pe, person in titles)
        affil = affil or (c != "Person" and any(ds <= s and e <= de for ds, de in descs))
        out.append(_Mention(s, e, key, label, c, affil))
    for d in descriptive:
        out.append(_Mention(d.start, d.end, d.key, "DESC", "Person", False))
    return sorted(out, key=lambda m: (m.start, -m.end))


def title_adjectives(mentions, starts: dict, keys, nouns: frozenset[str]) -> list[_Mention]:
    """An adjective on a bare title ("the Kazakh leader", "казахстанский президент") is the
    person's affiliation, not an actor of the sentence (``starts``: offset → token)."""
    out = []
    for m in mentions:
        t = starts.get(m.start)
        if (
            m.label == "ADJ"
            and not m.affil
            and t is not None
            and t.dep_ in ("amod", "compound")
            and keys[t.head.i] & nouns
        ):
            m = _Mention(m.start, m.end, m.key, m.label, m.cls, True)
        out.append(m)
    return out


def units_of(text: str, lang: str, sdoc, toks, starts) -> list[_Unit]:
    """The clause units of the text, with their tokens (spaces left out) and dates."""
    spans = unit_spans(text, (s.start_char for s in sdoc.sents), dateline_span(text, lang)[0])
    units = []
    space = sdoc.to_array(IS_SPACE).tolist()  # (read at once, not token by token)
    for i, ((a, b), dates) in enumerate(zip(spans, scan_spans(text, spans, lang), strict=True)):
        lo = bisect.bisect_left(starts, a)
        hi = bisect.bisect_left(starts, b)
        utoks = tuple(toks[n] for n in range(lo, hi) if not space[n])
        units.append(_Unit(i, a, b, utoks, tuple(dates)))
    return units


def pair_of(mentions) -> tuple[str, ...]:
    """The article's pair of states: the two countries most mentioned (none unless two are)."""
    cnt = Counter(m.key for m in mentions if m.cls == "Country")
    top = [k for k, _ in cnt.most_common(2)]
    return tuple(top) if len(top) == 2 else ()


def within_clause(row, span) -> bool:
    """Whether a cue row's ``<any>`` words stay inside the phrase: none of them is a
    complementizer or a punctuation mark ("recall <any> <any> ambassador" is "recall its
    ambassador", never "recalled that the ambassador had met")."""
    return not any(
        w.anyword and (tok.dep_ == "mark" or tok.is_punct) for w, tok in zip(row.words, span, strict=True)
    )
