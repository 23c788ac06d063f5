"""The extraction loop: one document in, one ``Extraction`` out.

parse (spaCy / natasha) → link (knowledge base + NER) → positions → events. The knowledge base
arrives as plain ``KBEntry`` records; this side never reads RDF.

A text longer than :data:`WINDOW_CHARS` is extracted window by window (cut at paragraph, line
or sentence breaks) and the results joined, offsets unchanged: time grows linearly with the
length and memory stays bounded, whatever the document's size. What links across a window
break is lost there (a surname whose full name stood only in an earlier window, a pronoun at
the start of a window); news articles are far shorter than one window.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from bilat.extract import languages, nlp
from bilat.extract.dates import dateline
from bilat.extract.events import extract_events
from bilat.extract.events.merge import one_node_each
from bilat.extract.link import Linker
from bilat.extract.positions import extract_positions
from bilat.extract.problems import first_line
from bilat.extract.records import Document, Entity, Event, Extraction, KBEntry, Position

WINDOW_CHARS = 100_000

# where a window may end, best first: a paragraph break, a line break, a sentence end, a space
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.!?…])\s+"),
    re.compile(r"\s+"),
)


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows of at most ``size`` characters covering ``text``,
    each cut after the last paragraph break of its second half (else a line break, a
    sentence end, a space; a hard cut only when there is none).

    >>> windows("aa bb.\\n\\ncc dd.", size=10)
    [(0, 8), (8, 14)]
    >>> windows("x" * 10, size=4)
    [(0, 4), (4, 8), (8, 10)]
    >>> windows("", size=4)
    [(0, 0)]
    """
    out = []
    start = 0
    n = len(text)
    while n - start > size:
        lo, hi = start + size // 2, start + size
        cut = hi
        for rx in _CUTS:
            last = None
            for m in rx.finditer(text, lo, hi):
                last = m
            if last is not None and last.end() > start:
                cut = last.end()
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


class Extractor:
    """Holds what is loaded once (pipelines, knowledge-base indexes) for many documents."""

    window_chars = WINDOW_CHARS

    def __init__(self, kb: Sequence[KBEntry]):
        self.kb = {e.key: e for e in kb}
        self.linker = Linker(kb)
        nlp.keep_loaded()  # the knowledge base's indexes live as long as the extractor
        self._read: set[str] = set()  # languages whose first document was extracted
        self._warm = False  # tables loaded by a first document, not yet kept (``_keep_warm``)

    def _keep_warm(self, langs: Iterable[str]) -> None:
        """Keep what the first document of a language loaded (its trigger, title and place
        tables, the first lemmas of its memos: some ten thousand objects that live as long as
        the process) out of the garbage collector's sight, as the models are
        (``nlp.keep_loaded``): at the next call after it, when its own objects are gone.
        Each full collection of an ingest walked them: ~0.1 s less per hundred Russian
        articles."""
        if self._warm:
            self._warm = False
            nlp.keep_loaded()
        new = set(langs) - self._read
        if new:
            self._read |= new
            self._warm = True

    def __call__(self, doc: Document) -> Extraction:
        if doc.lang not in languages.codes():
            raise ValueError(f"{doc.id}: language {doc.lang!r} is not supported")
        self._keep_warm((doc.lang,))
        spans = windows(doc.text, self.window_chars)
        if len(spans) == 1:
            return self._extract(doc)[0]
        # a later window has no dateline of its own: it takes the document's date
        date = doc.date
        if date is None:
            found = dateline(doc.text[:1000], doc.lang, None)
            if found and len(found[0]) == 10:
                date = found[0]
        parts = []
        for n, (a, b) in enumerate(spans):
            part = dataclasses.replace(doc, text=doc.text[a:b], date=doc.date if n == 0 else date)
            ex, sdoc = self._extract(part)
            parts.append((a, ex, sum(1 for _ in sdoc.sents)))
            del sdoc  # (one window's parse held at a time)
        return join(doc, parts)

    def many(self, docs: Sequence[Document]) -> list[Extraction | Exception]:
        """The extraction of each of ``docs`` (or the exception it raised), as ``self(doc)``
        gives it; the texts of one window and one language are parsed together
        (:func:`nlp.parse_many`), the rest of the extraction is document by document (the
        cyclic garbage collector paused meanwhile: :func:`nlp.batch_collection`)."""
        with nlp.batch_collection():
            return self._many(docs)

    def _many(self, docs: Sequence[Document]) -> list[Extraction | Exception]:
        parsed: dict[int, object] = {}
        by_lang: dict[str, list[int]] = {}
        self._keep_warm(())
        for i, d in enumerate(docs):
            if d.lang in languages.codes() and len(d.text) <= self.window_chars:
                by_lang.setdefault(d.lang, []).append(i)
        for lang, idx in by_lang.items():
            if len(idx) < 2:
                continue
            try:
                parsed.update(zip(idx, nlp.parse_many([docs[i].text for i in idx], lang), strict=True))
            except Exception:  # noqa: BLE001, S110 - each is parsed alone below, its failure its own
                pass
        out: list[Extraction | Exception] = []
        for i, d in enumerate(docs):
            try:
                out.append(self._extract(d, parsed.pop(i))[0] if i in parsed else self(d))
            except Exception as e:  # noqa: BLE001 - one document's failure is its own
                out.append(e)
        self._keep_warm(by_lang)
        return out

    def _extract(self, doc: Document, sdoc=None) -> tuple[Extraction, object]:
        """The extraction of one window (or whole document) and its parse."""
        sdoc = sdoc if sdoc is not None else nlp.parse(doc.text, doc.lang)
        linked = self.linker.link(doc, sdoc)
        problems: list[str] = []
        # posts and events read the entities; when one of them fails on a text, the document
        # still goes in with the entities (and posts), and the failure is reported in one line
        positions, descriptive = _stage("posts", problems, ((), ()), extract_positions, doc, linked, self.kb)
        events, unresolved = _stage(
            "events", problems, ((), 0), extract_events, doc, sdoc, linked, positions, descriptive, self.kb
        )
        return Extraction(
            document=doc,
            entities=linked.entities,
            positions=tuple(positions),
            events=tuple(events),
            unresolved_dates=unresolved,
            problems=tuple(problems),
        ), sdoc

    def publisher(self, doc: Document) -> str | None:
        """The knowledge-base media outlet named by the document's source, if any."""
        if not doc.source:
            return None
        for span in self.linker.gazetteer.find(doc.source):
            for c in span.keys:
                e = self.kb.get(c.key)
                if e is not None and e.cls == "MediaOutlet":
                    return e.key
        return None


def _stage(name: str, problems: list[str], empty, step, *args):
    """``step(*args)``, or ``empty`` with a line added to ``problems`` when it raises.

    >>> problems = []
    >>> _stage("events", problems, ((), 0), lambda: 1 // 0), problems
    (((), 0), ['events: ZeroDivisionError: integer division or modulo by zero'])
    """
    try:
        return step(*args)
    except Exception as e:  # noqa: BLE001 - one stage's failure must not lose the document
        problems.append(f"{name}: {first_line(e)}")
        return empty


# --------------------------------------------------------------------------- joining windows


def _shift_event(e: Event, by: int) -> Event:
    return dataclasses.replace(
        e,
        start=e.start + by,
        end=e.end + by,
        sentence_start=e.sentence_start + by,
        sentence_end=e.sentence_end + by,
        arguments=tuple((k, s + by, t + by) for k, s, t in e.arguments),
        told_again=tuple((s + by, t + by) for s, t in e.told_again),
    )


def _shift_position(p: Position, by: int) -> Position:
    return dataclasses.replace(p, start=p.start + by, end=p.end + by)


def _name_rank(label: tuple[str, str], mentions: int) -> tuple:
    """The fullest, most mentioned name first (as the linker chooses within a window)."""
    return (-len(label[1].split()), -mentions, label[1])


def join(doc: Document, parts: list[tuple[int, Extraction, int]]) -> Extraction:
    """One document's extraction from those of its windows: ``parts`` holds (offset of the
    window, its extraction, its number of sentences). Entities meet by key (mentions and
    names joined), posts by holder, title and organization, dated events by what makes them
    one node of the graph."""
    entities: dict[str, Entity] = {}
    names: dict[str, dict[tuple[str, str], int]] = {}
    positions: dict[tuple, Position] = {}
    events: list[Event] = []
    unresolved = 0
    problems: list[str] = []
    sentence = 0
    for offset, ex, sentences in parts:
        for e in ex.entities:
            mentions = tuple(
                dataclasses.replace(
                    m, start=m.start + offset, end=m.end + offset, sentence=m.sentence + sentence
                )
                for m in e.mentions
            )
            if not e.in_kb:
                for label in e.labels:
                    counts = names.setdefault(e.key, {})
                    counts[label] = counts.get(label, 0) + len(e.mentions)
            old = entities.get(e.key)
            if old is None:
                entities[e.key] = dataclasses.replace(e, mentions=mentions)
            else:
                entities[e.key] = dataclasses.replace(
                    old,
                    mentions=old.mentions + mentions,
                    alt_labels=tuple(sorted(set(old.alt_labels) | set(e.alt_labels))),
                )
        for p in ex.positions:
            positions.setdefault((p.person, p.title_en, p.org), _shift_position(p, offset))
        events.extend(_shift_event(e, offset) for e in ex.events)
        unresolved += ex.unresolved_dates
        problems.extend(p for p in ex.problems if p not in problems)
        sentence += sentences
    for key, counts in names.items():
        by_lang: dict[str, list] = {}
        for label, n in counts.items():
            by_lang.setdefault(label[0], []).append((_name_rank(label, n), label))
        entities[key] = dataclasses.replace(
            entities[key], labels=tuple(min(c)[1] for _, c in sorted(by_lang.items()))
        )
    return Extraction(
        document=doc,
        entities=tuple(entities[k] for k in sorted(entities)),
        positions=tuple(positions.values()),
        events=tuple(one_node_each(events)),
        unresolved_dates=unresolved,
        problems=tuple(problems),
    )
