"""What the commands do, as plain functions over the two sides: files → extract → graph.

This is the only layer that imports both ``bilat.extract`` and ``bilat.graph``. The CLI parses
arguments and prints; everything it runs is here.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence


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
        return (f"{self.documents} documents ingested ({self.unchanged} unchanged, {self.skipped} skipped, "
                f"{self.failed} failed), "
                f"{self.entities} entities, {self.positions} positions, {self.events} events, "
                f"{self.triples} triples, {self.unresolved_dates} dates unresolved, {self.seconds:.1f} s")


_EXTRACTOR = None
_VERSION = None


def pipeline_version() -> str:
    """A digest of everything that decides what extraction gives: the code version, the
    knowledge base (with the user's files) and the per-language data files. A document stored
    under another version is extracted again."""
    global _VERSION
    if _VERSION is None:
        import hashlib

        from bilat import __version__
        from bilat.graph.kb import kb_files

        h = hashlib.sha256(__version__.encode())
        from bilat.extract.text import DATA as data
        for path in sorted(kb_files()) + sorted(data.rglob("*.tsv")):
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


def ingest(paths: Sequence[str], *, store, on_problem: Callable[[str], None] | None = None,
           progress: bool = False, documents: Iterable | None = None,
           max_bytes: int | None = None) -> IngestSummary:
    """Read ``paths`` (or the given ``documents``), extract, and write each document into
    ``store`` in its own transaction. Problems are reported through ``on_problem`` and the
    other documents still go in. Documents are read one at a time (memory does not grow with
    the input); one of more than ``max_bytes`` bytes of text (default
    ``$BILAT_MAX_SIZE`` or 16 MiB; 0: no limit) is refused.

    What an earlier, interrupted ingest left is repaired on the way: documents stored
    incompletely are extracted again when they are in the input (and reported when they are
    not), leftovers of their writing removed, and stale dyads refreshed."""
    from bilat.extract.ingest import (Notice, Problem, max_document_bytes, normalize_id, normalize_text,
                                      read_paths)
    from bilat.extract.language import resolve_language
    from bilat.graph.store import ensure_ontology
    from bilat.graph.write import incomplete_documents, is_unchanged, write_extraction

    t0 = time.perf_counter()
    summary = IngestSummary()
    report = on_problem or (lambda msg: print(msg, file=sys.stderr))
    limit = max_document_bytes() if max_bytes is None else max_bytes
    ensure_ontology(store)
    broken = set(incomplete_documents(store))
    items = iter(documents) if documents is not None else read_paths(paths, max_bytes=limit)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, leave=False)
    ex = None
    version = pipeline_version()
    try:
        for item in items:
            if bar is not None:
                bar.update(1)
            if isinstance(item, Notice):
                summary.problems.append(str(item))
                report(str(item))
                continue
            if isinstance(item, Problem):
                summary.skipped += 1
                summary.problems.append(str(item))
                report(str(item))
                continue
            if normalize_id(item.id) != item.id:  # a document given in code, not read by read_paths
                import dataclasses

                safe = normalize_id(item.id)
                if not safe:
                    msg = str(Problem(item.path or item.id, item.line, f"id {item.id!r} is empty once "
                                      "its '.' and '..' segments are resolved"))
                    summary.skipped += 1
                    summary.problems.append(msg)
                    report(msg)
                    continue
                report(str(Notice(item.path or item.id, item.line,
                                  f"id {item.id!r} is written {safe!r} (safe IRI segments)")))
                item = dataclasses.replace(item, id=safe)
            if normalize_text(item.text) != item.text:  # (read_paths normalizes what it reads)
                import dataclasses

                item = dataclasses.replace(item, text=normalize_text(item.text))
            doc = resolve_language(item)
            if isinstance(doc, Problem):
                summary.skipped += 1
                summary.problems.append(str(doc))
                report(str(doc))
                continue
            if limit and len(doc.text) > limit // 4 and len(doc.text.encode("utf-8", "replace")) > limit:
                from bilat.extract.ingest import _too_large

                msg = str(Problem(doc.path or doc.id, doc.line,
                                  _too_large(len(doc.text.encode("utf-8", "replace")), limit)))
                summary.skipped += 1
                summary.problems.append(msg)
                report(msg)
                continue
            try:  # one bad document must not stop the rest; each write is its own transaction
                if is_unchanged(store, doc, version):
                    summary.unchanged += 1
                    continue
                if ex is None:
                    ex = extractor()
                extraction = ex(doc)
                summary.triples += write_extraction(store, extraction, ex.kb, publisher=ex.publisher(doc),
                                                    version=version)
                broken.discard(doc.id)
            except Exception as e:  # noqa: BLE001
                where = doc.path or doc.id
                if doc.line:
                    where += f":{doc.line}"
                msg = f"{where}: failed: {type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}"
                summary.failed += 1
                summary.problems.append(msg)
                report(msg)
                continue
            summary.documents += 1
            summary.entities += len(extraction.entities)
            summary.events += len(extraction.events)
            summary.positions += len(extraction.positions)
            summary.words += len(doc.text.split())
            summary.unresolved_dates += extraction.unresolved_dates
    finally:
        if bar is not None:
            bar.close()
        _repair(store, broken, summary, report)
    summary.seconds = time.perf_counter() - t0
    return summary


def _repair(store, broken: set[str], summary: IngestSummary, report) -> None:
    """After the documents (even when interrupted): remove what interrupted writes left, tell
    the documents still stored incompletely, and make the dyads follow what is stored."""
    from bilat.graph.dyads import dyads_current, refresh_dyads
    from bilat.graph.write import incomplete_documents, repair

    if broken or summary.failed:
        repair(store)
        for doc_id in incomplete_documents(store):
            msg = f"{doc_id}: stored incompletely (an ingest was interrupted): ingest it again"
            summary.problems.append(msg)
            report(msg)
    if summary.documents or not dyads_current(store):
        refresh_dyads(store)


@dataclass
class Stats:
    documents: int
    triples: int
    entities: dict[str, int]
    events: dict[str, int]
    positions: int

    def lines(self) -> list[str]:
        out = [f"documents  {self.documents}", f"triples    {self.triples}",
               f"positions  {self.positions}", "entities by class:"]
        out += [f"  {k:<26}{v}" for k, v in sorted(self.entities.items())]
        out.append("events by class:")
        out += [f"  {k:<26}{v}" for k, v in sorted(self.events.items())]
        return out


def stats(store) -> Stats:
    from bilat.graph.sparql import load_query

    def count(name: str) -> int:
        rows = store.select(load_query(name))
        return int(rows[0]["n"]) if rows else 0

    def by_class(name: str) -> dict[str, int]:
        return {str(r["c"]).rsplit("#", 1)[-1]: int(r["n"]) for r in store.select(load_query(name))}

    return Stats(documents=count("count_documents"), triples=count("count_triples"),
                 entities=by_class("entities_by_class"), events=by_class("events_by_class"),
                 positions=count("count_positions"))


def validate(store):
    """SHACL validation of the store's union graph: (conforms, report text)."""
    from pyshacl import validate as shacl

    from bilat.ontology import load_shapes

    data = store.union_graph()
    conforms, _, text = shacl(data, shacl_graph=load_shapes(), inference="none", advanced=True)
    return conforms, text


def export(store, fmt: str, path: str) -> str:
    """Write the store to ``path`` in ``fmt``; returns a one-line description. The file is
    written beside and renamed into place, so a failed export leaves the previous one whole."""
    import os

    tmp = f"{path}.part"
    try:
        done = _export(store, fmt, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return done.replace(tmp, path)


def _export(store, fmt: str, path: str) -> str:
    if fmt == "graphml":
        from bilat.graph.export import export_graphml

        nodes, edges = export_graphml(store.union_graph(), path)
        return f"{nodes} nodes, {edges} edges → {path}"
    ox_formats = {"turtle": "turtle", "nquads": "nquads", "trig": "trig"}
    if fmt in ox_formats and hasattr(store, "ox"):
        import pyoxigraph

        rdf_fmt = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nquads": pyoxigraph.RdfFormat.N_QUADS,
                   "trig": pyoxigraph.RdfFormat.TRIG}[fmt]
        with open(path, "wb") as f:
            if fmt == "turtle":
                # Turtle has no graphs: the union of every graph, each triple once
                g = store.union_graph()
                _bind_prefixes(g)
                f.write(g.serialize(format="turtle").encode("utf-8"))
            else:
                store.ox.dump(f, rdf_fmt)
        return f"{fmt} → {path}"
    ds = store.dataset()
    if fmt == "jsonld":
        g = store.union_graph()
        _bind_prefixes(g)
        data = g.serialize(format="json-ld", auto_compact=True)
    elif fmt in ("turtle",):
        g = store.union_graph()
        _bind_prefixes(g)
        data = g.serialize(format="turtle")
    else:
        data = ds.serialize(format=fmt)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return f"{fmt} → {path}"


def _bind_prefixes(g) -> None:
    from rdflib.namespace import DCTERMS, OWL, SKOS

    from bilat.ontology.namespace import BL, ID, WD

    g.bind("bl", BL._NS)
    g.bind("id", ID)
    g.bind("wd", WD)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("owl", OWL)
