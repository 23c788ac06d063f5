"""Ingest speed: the full pipeline against bare NER on the same texts, batch by batch.

For each language the corpus is cut into consecutive batches. Each batch is run twice in this
process — through ``bilat.app.ingest`` into a fresh embedded store (parse, link, positions,
events, RDF, one transaction per document) and through the bare NER of the same models (English:
the spaCy pipeline's ``nlp.pipe``; Russian: natasha's segmenter and ``NewsNERTagger``, no
morphology or syntax) — in alternating order, so that drift of a noisy machine hits both. Speeds
are words per second (whitespace-separated words, as ``IngestSummary.words`` counts them); the
ratio is taken per batch, then the median over batches.

Peak memory is measured in child processes (``python -m bench.memory``), one for the pipeline
and one for bare NER, so that neither sees the other's models: ``ru_maxrss`` is a high-water
mark of the whole process.
"""
from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from bilat.extract.records import Document

from bench.util import current_rss_mb, dir_size, median, now, peak_rss_mb, ratio

ROOT = Path(__file__).resolve().parents[1]


def words(docs: Sequence[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def bare_ner(lang: str) -> Callable[[list[str]], int]:
    """The NER of ``lang`` alone, as its users would run it: a function of texts that returns
    the number of entities found."""
    if lang == "en":
        from bilat.extract.nlp import load

        nlp = load("en")

        def run_en(texts: list[str]) -> int:
            return sum(len(doc.ents) for doc in nlp.pipe(texts))

        return run_en
    if lang == "ru":
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

            segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

        def run_ru(texts: list[str]) -> int:
            n = 0
            for text in texts:
                doc = Doc(text)
                doc.segment(segmenter)
                doc.tag_ner(tagger)
                n += len(doc.spans)
            return n

        return run_ru
    raise ValueError(f"unsupported language {lang!r}")


def slices(docs: Sequence[Document], batches: int) -> list[list[Document]]:
    """``docs`` cut into ``batches`` consecutive slices of (nearly) equal size."""
    batches = max(1, min(batches, len(docs)))
    size, extra = divmod(len(docs), batches)
    out, start = [], 0
    for i in range(batches):
        stop = start + size + (1 if i < extra else 0)
        out.append(list(docs[start:stop]))
        start = stop
    return out


def ingest_into_fresh_store(docs: Sequence[Document], folder: Path) -> dict:
    """Ingest ``docs`` into a new embedded store in ``folder``; time, counts and size."""
    from bilat import app
    from bilat.graph.store import open_store

    problems: list[str] = []
    st = open_store(str(folder), create=True)
    gc.collect()
    t0 = now()
    summary = app.ingest([], store=st, documents=docs, on_problem=problems.append)
    seconds = now() - t0
    quads = st.quad_count()
    st.close()
    del st
    gc.collect()
    written = dir_size(folder)
    return {"seconds": seconds, "summary": summary, "quads": quads, "store_bytes": written,
            "compacted_bytes": compacted_size(folder), "problems": problems}


def compacted_size(folder: Path) -> int | None:
    """Bytes of the store once reopened (the write-ahead log replayed) and optimized."""
    import pyoxigraph

    try:
        ox = pyoxigraph.Store(str(folder))
        ox.optimize()
        ox.flush()
        del ox
        gc.collect()
    except OSError:
        return None
    return dir_size(folder)


def empty_store(folder: Path) -> dict:
    """Quads and size of a store holding only the ontology (what every store starts with)."""
    from bilat.graph.store import ensure_ontology, open_store

    st = open_store(str(folder), create=True)
    ensure_ontology(st)
    quads = st.quad_count()
    st.close()
    del st
    gc.collect()
    return {"quads": quads, "bytes": dir_size(folder), "compacted_bytes": compacted_size(folder)}


def bench_language(lang: str, docs: Sequence[Document], *, batches: int, workdir: Path,
                   memory: str = "subprocess", log: Callable[[str], None] = lambda s: None) -> dict:
    from bilat import app

    parts = slices(docs, batches)
    # load and warm up both sides (not timed as throughput)
    t0 = now()
    ex = app.extractor()
    ex(docs[0])
    pipeline_load_s = now() - t0
    t0 = now()
    ner = bare_ner(lang)
    ner([docs[0].text])
    ner_load_s = now() - t0
    base = empty_store(workdir / f"empty-{lang}")

    rows = []
    for i, part in enumerate(parts):
        texts = [d.text for d in part]
        n_words = words(part)
        order = ("ner", "pipeline") if i % 2 == 0 else ("pipeline", "ner")
        row: dict = {"batch": i + 1, "documents": len(part), "words": n_words}
        for what in order:
            if what == "ner":
                gc.collect()
                t0 = now()
                entities = ner(texts)
                row["ner_s"] = now() - t0
                row["ner_entities"] = entities
            else:
                folder = workdir / f"store-{lang}-{i + 1}"
                r = ingest_into_fresh_store(part, folder)
                s = r["summary"]
                row["pipeline_s"] = r["seconds"]
                row["ingested"] = s.documents
                row["skipped"] = s.skipped
                row["problems"] = r["problems"][:5]
                row["entities"], row["positions"], row["events"] = s.entities, s.positions, s.events
                row["doc_triples"] = s.triples
                row["quads"] = r["quads"]
                row["store_bytes"] = r["store_bytes"]
                row["store_compacted_bytes"] = r["compacted_bytes"]
                shutil.rmtree(folder, ignore_errors=True)
        row["pipeline_wps"] = n_words / row["pipeline_s"]
        row["ner_wps"] = n_words / row["ner_s"]
        row["ratio"] = row["pipeline_wps"] / row["ner_wps"]
        ingested = max(row["ingested"], 1)
        row["doc_triples_per_doc"] = row["doc_triples"] / ingested
        row["quads_per_doc"] = (row["quads"] - base["quads"]) / ingested
        row["store_bytes_per_doc"] = (row["store_bytes"] - base["bytes"]) / ingested
        if row["store_compacted_bytes"] is not None and base["compacted_bytes"] is not None:
            row["store_compacted_bytes_per_doc"] = (
                (row["store_compacted_bytes"] - base["compacted_bytes"]) / ingested)
        rows.append(row)
        log(f"  {lang} batch {i + 1}/{len(parts)}: {row['documents']} docs, {n_words} words: "
            f"pipeline {row['pipeline_wps']:,.0f} w/s, bare NER {row['ner_wps']:,.0f} w/s, "
            f"ratio {row['ratio']:.3f}")

    out = {
        "lang": lang,
        "batches": len(rows),
        "documents": sum(r["documents"] for r in rows),
        "words": sum(r["words"] for r in rows),
        "pipeline_load_s": pipeline_load_s,
        "ner_load_s": ner_load_s,
        "ner_baseline": ("spaCy en_core_web_sm nlp.pipe (bilat.extract.nlp.load('en'))" if lang == "en"
                         else "natasha Segmenter + NewsNERTagger (no morphology, no syntax)"),
        "pipeline_wps": median(r["pipeline_wps"] for r in rows),
        "ner_wps": median(r["ner_wps"] for r in rows),
        "ratio": median(r["ratio"] for r in rows),
        "skipped": sum(r["skipped"] for r in rows),
        "doc_triples_per_doc": median(r["doc_triples_per_doc"] for r in rows),
        "quads_per_doc": median(r["quads_per_doc"] for r in rows),
        "store_bytes_per_doc": median(r["store_bytes_per_doc"] for r in rows),
        "store_bytes": median(r["store_bytes"] for r in rows),
        "store_compacted_bytes": median(r["store_compacted_bytes"] for r in rows),
        "store_compacted_bytes_per_doc": median(r.get("store_compacted_bytes_per_doc") for r in rows),
        "empty_store": base,
        "rows": rows,
    }
    out["ratio_of_medians"] = ratio(out["pipeline_wps"], out["ner_wps"])
    out["memory"] = measure_memory(lang, parts[0], workdir, mode=memory, log=log)
    return out


def measure_memory(lang: str, docs: Sequence[Document], workdir: Path, *, mode: str,
                   log: Callable[[str], None] = lambda s: None) -> dict:
    """Peak RSS of ingesting ``docs`` (and of bare NER on them): in child processes
    (``subprocess``), or this process's high-water mark so far (``inprocess``)."""
    if mode == "off":
        return {"mode": "off"}
    if mode == "inprocess":
        return {"mode": "inprocess", "documents": len(docs), "process_peak_mb": peak_rss_mb(),
                "rss_now_mb": current_rss_mb()}
    path = workdir / f"memory-{lang}.jsonl"
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    out: dict = {"mode": "subprocess", "documents": len(docs), "words": words(docs)}
    for what in ("pipeline", "ner"):
        cmd = [sys.executable, "-m", "bench.memory", what, lang, str(path), str(workdir / f"mem-store-{lang}")]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=1800)
        if proc.returncode != 0:
            out[what] = {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
            log(f"  {lang} memory ({what}) failed: {out[what]['error']}")
            continue
        out[what] = json.loads(proc.stdout.strip().splitlines()[-1])
    p, n = out.get("pipeline", {}), out.get("ner", {})
    out["pipeline_peak_mb"] = p.get("peak_mb")
    out["ner_peak_mb"] = n.get("peak_mb")
    out["ratio"] = ratio(p.get("peak_mb"), n.get("peak_mb"))
    return out


def run(corpora: dict[str, list[Document]], *, batches: int = 5, memory: str = "subprocess",
        log: Callable[[str], None] = lambda s: None) -> dict:
    """The ingest benchmark for each language of ``corpora``."""
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-ingest-"))
    try:
        return {lang: bench_language(lang, docs, batches=batches, workdir=workdir, memory=memory,
                                     log=log)
                for lang, docs in corpora.items()}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
