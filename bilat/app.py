"""What the commands do, as plain functions over the two sides: files → extract → graph.

This is the only layer that imports both ``bilat.extract`` and ``bilat.graph``. The CLI parses
arguments and prints; everything it runs is here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class IngestSummary:
    documents: int = 0  # written (new or changed)
    unchanged: int = 0
    skipped: int = 0  # unreadable input, unsupported language
    failed: int = 0  # extraction or writing failed
    entities: int = 0
    events: int = 0
    positions: int = 0
    triples: int = 0
    words: int = 0
    unresolved_dates: int = 0  # date expressions that could not be resolved (left out, not guessed)
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.documents} documents ingested ({self.unchanged} unchanged, {self.skipped} skipped, "
            f"{self.failed} failed), "
            f"{self.entities} entities, {self.positions} positions, {self.events} events, "
            f"{self.triples} triples, {self.unresolved_dates} dates unresolved, {self.seconds:.1f} s"
        )


_EXTRACTOR = None
_VERSION = None


def version_inputs() -> list:
    """The files whose bytes make the pipeline version: the knowledge base (with the user's
    files), the per-language data files and the source of the extraction and graph packages."""
    from pathlib import Path

    import bilat.extract
    import bilat.graph
    from bilat.extract.text import DATA as data
    from bilat.graph.kb import kb_files

    code = [p for pkg in (bilat.extract, bilat.graph) for p in Path(pkg.__file__).parent.rglob("*.py")]
    return sorted(kb_files()) + sorted(data.rglob("*.tsv")) + sorted(code)


def pipeline_version() -> str:
    """A digest of everything that decides what a document's stored graph holds: the code
    version and the bytes of ``version_inputs()`` — so a changed rule or table re-extracts a
    document without waiting for a release. A document stored under another version is
    extracted again."""
    global _VERSION
    if _VERSION is None:
        import hashlib

        from bilat import __version__

        h = hashlib.sha256(__version__.encode())
        for path in version_inputs():
            h.update(str(path.name).encode())
            h.update(path.read_bytes())
        _VERSION = h.hexdigest()[:16]
    return _VERSION


def extractor():
    """The extraction pipeline with the knowledge base, built once per process."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from bilat.extract.pipeline import Extractor
        from bilat.graph.kb import load_kb

        _EXTRACTOR = Extractor(load_kb())
    return _EXTRACTOR


def warm_up(langs=()) -> None:
    """Build the extractor and run it on each of ``langs``' sample sentence (its profile's
    ``sample``): the models, the tables and memos the first document of a language loads are
    then in place, as they are after the first documents of a long run."""
    from bilat.extract.languages import profile
    from bilat.extract.records import Document

    ex = extractor()
    for lang in langs:
        ex(Document(id=f"bilat-warm-up-{lang}", text=profile(lang).sample, lang=lang))


MAX_KEPT_PROBLEMS = 1000  # IngestSummary.problems keeps so many (memory flat on huge inputs)


class Progress:
    """Progress of an ingest: a bar on a terminal (``"bar"``), or on a non-terminal one line
    every ``every`` documents or ``seconds`` seconds, whichever comes first (``"lines"``)."""

    def __init__(
        self, mode: str | None, *, every: int = 100, seconds: float = 30.0, out=None, clock=time.perf_counter
    ):
        self.mode, self.every, self.seconds = mode, every, seconds
        self.out = out if out is not None else sys.stderr
        self.clock = clock
        self.t0 = self.last = clock()
        self.done = 0
        self.bar = None
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=self.out, leave=False)

    def step(self, summary: IngestSummary) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.mode == "lines":
            now = self.clock()
            if self.done % self.every == 0 or now - self.last >= self.seconds:
                self.last = now
                print(progress_line(self.done, summary, now - self.t0), file=self.out, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def progress_line(done: int, s: IngestSummary, seconds: float) -> str:
    """One progress line.

    >>> progress_line(200, IngestSummary(documents=180, unchanged=15, skipped=4, failed=1), 40.0)
    'ingest: 200 documents read (180 written, 15 unchanged, 4 skipped, 1 failed), 5.0 documents/s, 40 s'
    """
    rate = done / seconds if seconds > 0 else 0.0
    return (
        f"ingest: {done} documents read ({s.documents} written, {s.unchanged} unchanged, "
        f"{s.skipped} skipped, {s.failed} failed), {rate:.1f} documents/s, {seconds:.0f} s"
    )


def ingest(
    paths: Sequence[str],
    *,
    store,
    on_problem: Callable[[str], None] | None = None,
    progress: bool | str | None = False,
    documents: Iterable | None = None,
    mentions: str | None = None,
    jobs: int = 1,
    dask=None,
    extractors=None,
    progress_every: tuple[int, float] = (100, 30.0),
    max_bytes: int | None = None,
) -> IngestSummary:
    """Read ``paths`` (or the given ``documents``) lazily, extract, and write each document
    into ``store`` in its own transaction, in input order. Problems are reported through
    ``on_problem`` and the other documents still go in. A document of more than ``max_bytes``
    bytes of text (default ``$BILAT_MAX_SIZE`` or 16 MiB; 0: no limit) is refused.

    Extraction runs in this process (``jobs`` 1), in ``jobs`` worker processes, on the Dask
    cluster whose scheduler is ``dask``, or in the given ``extractors`` pool
    (:mod:`bilat.parallel`); this process is the one writer. ``mentions`` is the mention detail
    kept (``full``, ``compact``, ``none``; see :data:`bilat.graph.triples.MENTION_MODES`).
    ``progress``: True or ``"bar"`` for a bar, ``"lines"`` for progress lines.

    What an earlier, interrupted ingest left is repaired on the way: documents stored
    incompletely are extracted again when they are in the input (and reported when they are
    not), leftovers of their writing removed."""
    from bilat import parallel
    from bilat.extract.docdate import with_text_date
    from bilat.extract.ingest import (
        Notice,
        Problem,
        max_document_bytes,
        normalize_id,
        normalize_text,
        read_paths,
    )
    from bilat.extract.language import resolve_language
    from bilat.extract.problems import first_line
    from bilat.graph.store import ensure_ontology, prepare_for_writing
    from bilat.graph.triples import DEFAULT_MENTIONS, MENTION_MODES
    from bilat.graph.write import incomplete_documents, is_unchanged, write_extraction

    mentions = mentions or DEFAULT_MENTIONS
    if mentions not in MENTION_MODES:
        raise ValueError(f"--mentions must be one of {', '.join(MENTION_MODES)}, got {mentions!r}")
    t0 = time.perf_counter()
    summary = IngestSummary()
    report = on_problem or (lambda msg: print(msg, file=sys.stderr))
    limit = max_document_bytes() if max_bytes is None else max_bytes
    prepare_for_writing(store)
    items = iter(documents) if documents is not None else read_paths(paths, max_bytes=limit)
    bar = Progress(
        "bar" if progress is True else progress or None, every=progress_every[0], seconds=progress_every[1]
    )
    # the document hash covers the mention mode: another mode rewrites the document
    version = f"{pipeline_version()}/{mentions}"

    def problem(msg: str, kind: str = "skipped") -> None:
        setattr(summary, kind, getattr(summary, kind) + 1)
        if len(summary.problems) < MAX_KEPT_PROBLEMS:  # all reported; the first ones kept
            summary.problems.append(msg)
        report(msg)
        bar.step(summary)

    def notice(msg: str) -> None:  # told, and kept, but nothing is skipped
        if len(summary.problems) < MAX_KEPT_PROBLEMS:
            summary.problems.append(msg)
        report(msg)

    def where(doc) -> str:
        return f"{doc.path or doc.id}:{doc.line}" if doc.line else (doc.path or doc.id)

    def to_extract():
        for item in items:
            if isinstance(item, Notice):
                notice(str(item))
                continue
            if isinstance(item, Problem):
                problem(str(item))
                continue
            if normalize_id(item.id) != item.id:  # a document given in code, not read by read_paths
                import dataclasses

                safe = normalize_id(item.id)
                if not safe:
                    problem(
                        str(
                            Problem(
                                item.path or item.id,
                                item.line,
                                f"id {item.id!r} is empty once its '.' and '..' segments are resolved",
                            )
                        )
                    )
                    continue
                report(
                    str(
                        Notice(
                            item.path or item.id,
                            item.line,
                            f"id {item.id!r} is written {safe!r} (safe IRI segments)",
                        )
                    )
                )
                item = dataclasses.replace(item, id=safe)
            if normalize_text(item.text) != item.text:  # (read_paths normalizes what it reads)
                import dataclasses

                item = dataclasses.replace(item, text=normalize_text(item.text))
            doc = resolve_language(item)
            if isinstance(doc, Problem):
                problem(str(doc))
                continue
            doc = with_text_date(doc)  # no date in the metadata: the dateline's or timestamp's
            if limit and len(doc.text) > limit // 4 and len(doc.text.encode("utf-8", "replace")) > limit:
                from bilat.extract.docfields import too_large

                problem(
                    str(
                        Problem(
                            doc.path or doc.id,
                            doc.line,
                            too_large(len(doc.text.encode("utf-8", "replace")), limit),
                        )
                    )
                )
                continue
            try:  # one bad document must not stop the rest; each write is its own transaction
                if is_unchanged(store, doc, version):
                    summary.unchanged += 1
                    bar.step(summary)
                    continue
            except Exception as e:  # noqa: BLE001
                problem(f"{where(doc)}: failed: {first_line(e)}", "failed")
                continue
            yield doc

    own = extractors is None
    pool = parallel.pool(jobs, dask) if own else extractors
    kb = None  # the writer's knowledge base: looked up once (its files are checked on each look-up)
    ready = False
    try:
        # worker pools start on the first documents now, while the store is made ready here
        results = pool.map(to_extract())
        ensure_ontology(store)
        broken = set(incomplete_documents(store))
        interrupted = frozenset(broken)  # written again below, their leftovers repaired after
        ready = True
        for doc, result in results:
            if result[0] != "ok":
                problem(f"{where(doc)}: failed: {result[1]}", "failed")
                continue
            _, extraction, publisher = result
            try:  # one bad document must not stop the rest; each write is its own transaction
                kb = kb if kb is not None else _kb()
                summary.triples += write_extraction(
                    store, extraction, kb, publisher=publisher, version=version, mentions=mentions
                )
            except Exception as e:  # noqa: BLE001
                problem(f"{where(doc)}: failed: {first_line(e)}", "failed")
                continue
            broken.discard(doc.id)
            for msg in extraction.problems:  # stored without that stage's output: said, not hidden
                notice(f"{where(doc)}: stored without its {msg}")
            summary.documents += 1
            summary.entities += len(extraction.entities)
            summary.events += len(extraction.events)
            summary.positions += len(extraction.positions)
            summary.words += len(doc.text.split())
            summary.unresolved_dates += extraction.unresolved_dates
            bar.step(summary)
    finally:
        if own:
            pool.close()
        bar.close()
        # even when interrupted: leftovers removed
        if ready:
            _repair(store, broken | interrupted, summary, report)
    summary.seconds = time.perf_counter() - t0
    return summary


_KB: tuple = (None, {})


def _kb() -> dict:
    """The knowledge base by key, for the writer (extraction may run elsewhere)."""
    global _KB
    if _EXTRACTOR is not None:
        return _EXTRACTOR.kb
    from bilat.graph.kb import load_kb

    entries = load_kb()  # cached; a changed file is re-read
    if _KB[0] is not entries:
        _KB = (entries, {e.key: e for e in entries})
    return _KB[1]


def _repair(store, broken: set[str], summary: IngestSummary, report) -> None:
    """After the documents (even when interrupted): remove what interrupted writes left, tell
    the documents still stored incompletely, and drop the dyad counts a store written before
    kept (they are counted from the events when asked: graph/dyads.py)."""
    from bilat.graph.dyads import drop_stored_dyads
    from bilat.graph.write import incomplete_documents, repair

    if broken or summary.failed:
        repair(store, broken)  # also the forms the documents interrupted before left behind
        for doc_id in incomplete_documents(store):
            msg = f"{doc_id}: stored incompletely (an ingest was interrupted): ingest it again"
            if len(summary.problems) < MAX_KEPT_PROBLEMS:
                summary.problems.append(msg)
            report(msg)
    drop_stored_dyads(store)


@dataclass
class Stats:
    documents: int
    triples: int
    entities: dict[str, int]
    events: dict[str, int]
    positions: int

    def lines(self) -> list[str]:
        out = [
            f"documents  {self.documents}",
            f"triples    {self.triples}",
            f"positions  {self.positions}",
            "entities by class:",
        ]
        out += [f"  {k:<26}{v}" for k, v in sorted(self.entities.items())]
        out.append("events by class:")
        out += [f"  {k:<26}{v}" for k, v in sorted(self.events.items())]
        return out


def stats(store) -> Stats:
    from bilat.graph.sparql_text import load_query

    def count(name: str) -> int:
        rows = store.select(load_query(name))
        return int(rows[0]["n"]) if rows else 0

    def by_class(name: str) -> dict[str, int]:
        return {str(r["c"]).rsplit("#", 1)[-1]: int(r["n"]) for r in store.select(load_query(name))}

    return Stats(
        documents=count("count_documents"),
        triples=count("count_triples"),
        entities=by_class("entities_by_class"),
        events=by_class("events_by_class"),
        positions=count("count_positions"),
    )


def validate(store):
    """SHACL validation of the store's union graph: (conforms, report text)."""
    from bilat.graph.shacl import validate as shacl_validate

    return shacl_validate(store)


def export(store, fmt: str, path: str, **filters) -> str:
    """Write the store to ``path`` in ``fmt``; returns a one-line description. The file is
    written beside and renamed into place, so a failed export leaves the previous one whole.
    ``filters`` (graphml and gexf only): ``around``, ``hops``, ``start``, ``end``, ``classes``,
    ``not_happened`` (see :mod:`bilat.graph.views`); the formats: :mod:`bilat.graph.export`."""
    import os

    from bilat.graph.export import export_store

    filters = {k: v for k, v in filters.items() if v is not None}
    tmp = f"{path}.part"
    try:
        done = export_store(store, fmt, tmp, filters)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return done.replace(tmp, path)
