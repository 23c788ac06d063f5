"""Ingest speed: the full pipeline against bare NER on the same texts, batch by batch.

For each language the corpus is cut into consecutive batches. Each batch is run three times in
this process, in rotating order so that drift of a noisy machine hits every side alike:

* the pipeline: ``bilat.app.ingest`` into a fresh embedded store (parse, link, positions, events,
  RDF, one transaction per document);
* the bare NER of the same models, as their users would run it (English: the spaCy pipeline's
  ``nlp.pipe``; Russian: natasha's segmenter and ``NewsNERTagger``, no morphology or syntax);
* the pipeline's parsing alone (``bilat.extract.nlp.parse`` per document), to tell the NLP share
  of the pipeline's time from the rest (linking, positions, events, RDF, store);
* the same parse as the pipeline runs it, the texts of each batch of ``InProcess.batch``
  together (``bilat.extract.nlp.parse_many``): the overhead outside the parse is measured
  against it too, since batching makes the pipeline's own parse cheaper.

Speeds are words per second (whitespace-separated words, as ``IngestSummary.words`` counts them);
ratios are taken per batch, then the median over batches.

The generated corpus states more events per sentence than real news. The same ingest-over-parse
ratio is measured on real articles too (``run_real``: the texts of ``tests/corpus``, the dev set,
~100 a language), and the report prints both.

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
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.util import current_rss_mb, dir_size, median, now, peak_rss_mb, ratio
from bilat.extract.records import Document

ROOT = Path(__file__).resolve().parents[1]
MIN_BATCHES = 3


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
    t0, cpu0 = now(), time.process_time()
    summary = app.ingest([], store=st, documents=docs, on_problem=problems.append)
    seconds, cpu_seconds = now() - t0, time.process_time() - cpu0
    quads = st.quad_count()
    predicates = quads_by_predicate(st)
    st.close()
    del st
    written = dir_size(folder)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,  # the ingest's own (the size measurements below left out)
        "summary": summary,
        "quads": quads,
        "store_bytes": written,
        "compacted_bytes": compacted_size(folder),
        "compressed_bytes": compressed_size(folder),
        "problems": problems,
        "predicates": predicates,
    }


def quads_by_predicate(st) -> dict[str, int]:
    """What the store's quads state, by SPARQL: predicate (prefixed name) → quads, the
    ontology's graph left out."""
    from bilat.graph import iris

    rows = st.select(f"""SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(?g != {iris.ONTOLOGY_GRAPH.n3()}) }} GROUP BY ?p""")
    short = {
        "https://w3id.org/bilat/ontology#": "bl:",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
        "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
        "http://www.w3.org/2004/02/skos/core#": "skos:",
        "http://purl.org/dc/terms/": "dcterms:",
        "http://www.w3.org/2002/07/owl#": "owl:",
    }
    out = {}
    for r in rows:
        name = str(r["p"])
        for ns, prefix in short.items():
            if name.startswith(ns):
                name = prefix + name[len(ns) :]
        out[name] = int(r["n"])
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def compacted_size(folder: Path) -> int | None:
    """Bytes of the store once reopened (the write-ahead log replayed) and optimized."""
    import pyoxigraph

    for _attempt in range(2):
        try:
            ox = pyoxigraph.Store(str(folder))
        except OSError:  # still locked: the writer is not released yet
            gc.collect()
            continue
        ox.optimize()
        ox.flush()
        del ox
        return dir_size(folder)
    return None


def compressed_size(folder: Path) -> int | None:
    """Bytes of the store once rewritten compressed (``bilat compact``: its quads bulk-loaded,
    LZ4 tables, as RocksDB keeps the bulk of a store of several GB)."""
    from bilat.graph.store import StoreError, compact_store

    try:
        return compact_store(str(folder))[2]
    except (StoreError, OSError):
        return None


# Where the pipeline's time goes: (label, file path suffix, function name); cumulative times
# from cProfile, so a stage includes what it calls (write includes the store's update).
STAGES = (
    ("language", "extract/language.py", "resolve_language"),
    ("unchanged check", "graph/write.py", "is_unchanged"),
    ("parse (spaCy / natasha)", "extract/nlp.py", "parse"),
    ("parse, batched (nlp.pipe)", "extract/nlp.py", "parse_many"),
    ("link", "extract/link.py", "link"),
    ("positions", "extract/positions.py", "extract_positions"),
    ("events", "extract/events/__init__.py", "extract_events"),
    ("write (RDF + store)", "graph/write.py", "write_extraction"),
    ("  document lines (N-Triples)", "graph/triples.py", "document_lines"),
    ("  store queries", "~", "<method 'query' of 'pyoxigraph.Store' objects>"),
    ("  store update", "~", "<method 'update' of 'pyoxigraph.Store' objects>"),
    ("  store flush", "~", "<method 'flush' of 'pyoxigraph.Store' objects>"),
    ("  store reopen", "graph/store.py", "_reopen"),
)


def profile_stages(docs: Sequence[Document], folder: Path) -> dict:
    """Share of each pipeline stage in the time of ingesting ``docs`` under cProfile (which
    slows Python code more than native code: shares, not speeds)."""
    import cProfile
    import pstats

    from bilat import app, parallel
    from bilat.graph.store import open_store

    st = open_store(str(folder), create=True)
    prof = cProfile.Profile()
    t0 = now()
    prof.enable()  # (it sees this thread alone: the extraction runs in it here)
    with parallel.InProcess(thread=False) as pool:
        app.ingest([], store=st, documents=docs, extractors=pool, on_problem=lambda m: None)
    prof.disable()
    total = now() - t0
    st.close()
    del st
    shutil.rmtree(folder, ignore_errors=True)
    stats = pstats.Stats(prof).stats  # {(file, line, func): (cc, nc, tt, ct, callers)}
    stages = []
    for label, suffix, func in STAGES:
        cum = sum(
            v[3]
            for (file, _line, name), v in stats.items()
            if name == func and file.replace("\\", "/").endswith(suffix)
        )
        calls = sum(
            v[1]
            for (file, _line, name), v in stats.items()
            if name == func and file.replace("\\", "/").endswith(suffix)
        )
        if calls:
            stages.append(
                {"stage": label, "seconds": cum, "share": cum / total if total else None, "calls": calls}
            )
    return {"documents": len(docs), "seconds": total, "stages": stages}


def empty_store(folder: Path) -> dict:
    """Quads and size of a store holding only the ontology (what every store starts with)."""
    from bilat.graph.store import ensure_ontology, open_store

    st = open_store(str(folder), create=True)
    ensure_ontology(st)
    quads = st.quad_count()
    st.close()
    del st
    return {
        "quads": quads,
        "bytes": dir_size(folder),
        "compacted_bytes": compacted_size(folder),
        "compressed_bytes": compressed_size(folder),
    }


def bench_language(
    lang: str,
    docs: Sequence[Document],
    *,
    batches: int,
    workdir: Path,
    memory: str = "subprocess",
    profile: int = 0,
    budget_s: float | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """The benchmark of one language; ``budget_s`` bounds the time of the batches (at least
    ``MIN_BATCHES`` run whatever it is)."""
    from bilat import app
    from bilat.extract.nlp import parse, parse_many
    from bilat.parallel import InProcess

    parts = slices(docs, batches)
    # load and warm up every side (not timed as throughput)
    warm = list(docs[: min(4, max(1, len(docs) // 20))])
    t0 = now()
    ex = app.extractor()
    for d in warm:
        ex(d)
    pipeline_load_s = now() - t0
    t0 = now()
    ner = bare_ner(lang)
    ner([d.text for d in warm])
    ner_load_s = now() - t0
    base = empty_store(workdir / f"empty-{lang}")

    rows = []
    started = now()
    stopped_early = False
    for i, part in enumerate(parts):
        if budget_s and len(rows) >= MIN_BATCHES and now() - started > budget_s:
            stopped_early = True  # enough batches for a median, and the time is up
            log(f"  {lang}: time budget of {budget_s:g} s spent, stopping after {len(rows)} batches")
            break
        texts = [d.text for d in part]
        n_words = words(part)
        sides = ("ner", "pipeline", "parse", "parse_batched")
        order = sides[i % 4 :] + sides[: i % 4]  # rotate, so drift hits every side alike
        row: dict = {"batch": i + 1, "documents": len(part), "words": n_words}
        gc.collect()  # once per batch: a full collection costs ~0.2 s with the models loaded
        for what in order:
            cpu0 = time.process_time()  # CPU seconds too: wall time on a shared machine is noisy
            if what == "ner":
                t0 = now()
                entities = ner(texts)
                row["ner_s"] = now() - t0
                row["ner_entities"] = entities
            elif what == "parse":
                t0 = now()
                for text in texts:
                    parse(text, lang)
                row["parse_s"] = now() - t0
            elif what == "parse_batched":
                # the parse as the pipeline runs it: the texts of a batch together (nlp.pipe)
                t0 = now()
                for k in range(0, len(texts), InProcess.batch):
                    parse_many(texts[k : k + InProcess.batch], lang)
                row["parse_batched_s"] = now() - t0
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
                row["store_compressed_bytes"] = r["compressed_bytes"]
                row["predicates"] = r["predicates"]
                shutil.rmtree(folder, ignore_errors=True)
            row[f"{what}_cpu_s"] = time.process_time() - cpu0
            if what == "pipeline":
                # the ingest's CPU alone, as its time is: reading the store's size afterwards
                # (counting, compacting, compressing it) is no part of the ingest
                row["pipeline_cpu_s"] = r["cpu_seconds"]
        row["pipeline_wps"] = n_words / row["pipeline_s"]
        row["parse_cpu_ratio"] = row["parse_cpu_s"] / row["pipeline_cpu_s"]  # the same, in CPU time
        row["parse_batched_ratio"] = row["parse_batched_s"] / row["pipeline_s"]
        row["parse_batched_cpu_ratio"] = row["parse_batched_cpu_s"] / row["pipeline_cpu_s"]
        row["ner_wps"] = n_words / row["ner_s"]
        row["parse_wps"] = n_words / row["parse_s"]
        row["ratio"] = row["pipeline_wps"] / row["ner_wps"]
        row["parse_ratio"] = row["pipeline_wps"] / row["parse_wps"]  # 1 − pipeline overhead
        row["parse_share"] = row["parse_s"] / row["pipeline_s"]
        ingested = max(row["ingested"], 1)
        row["doc_triples_per_doc"] = row["doc_triples"] / ingested
        row["quads_per_doc"] = (row["quads"] - base["quads"]) / ingested
        row["store_bytes_per_doc"] = (row["store_bytes"] - base["bytes"]) / ingested
        if row["store_compacted_bytes"] is not None and base["compacted_bytes"] is not None:
            row["store_compacted_bytes_per_doc"] = (
                row["store_compacted_bytes"] - base["compacted_bytes"]
            ) / ingested
        if row.get("store_compressed_bytes") is not None and base.get("compressed_bytes") is not None:
            row["store_compressed_bytes_per_doc"] = (
                row["store_compressed_bytes"] - base["compressed_bytes"]
            ) / ingested
        rows.append(row)
        log(
            f"  {lang} batch {i + 1}/{len(parts)}: {row['documents']} docs, {n_words} words: "
            f"pipeline {row['pipeline_wps']:,.0f} w/s, bare NER {row['ner_wps']:,.0f} w/s, "
            f"ratio {row['ratio']:.3f}; parse alone {row['parse_wps']:,.0f} w/s"
        )

    out = {
        "lang": lang,
        "batches": len(rows),
        "batches_planned": len(parts),
        "stopped_early": stopped_early,
        "documents": sum(r["documents"] for r in rows),  # those measured
        "words": sum(r["words"] for r in rows),
        "pipeline_load_s": pipeline_load_s,
        "ner_load_s": ner_load_s,
        "ner_baseline": (
            "spaCy en_core_web_sm nlp.pipe (bilat.extract.nlp.load('en'))"
            if lang == "en"
            else "natasha Segmenter + NewsNERTagger (no morphology, no syntax)"
        ),
        "pipeline_wps": median(r["pipeline_wps"] for r in rows),
        "ner_wps": median(r["ner_wps"] for r in rows),
        "ratio": median(r["ratio"] for r in rows),
        "parse_wps": median(r["parse_wps"] for r in rows),
        "parse_share": median(r["parse_share"] for r in rows),
        "parse_ratio": median(r["parse_ratio"] for r in rows),
        "parse_cpu_ratio": median(r["parse_cpu_ratio"] for r in rows),
        "parse_batched_ratio": median(r["parse_batched_ratio"] for r in rows),
        "parse_batched_cpu_ratio": median(r["parse_batched_cpu_ratio"] for r in rows),
        "skipped": sum(r["skipped"] for r in rows),
        "doc_triples_per_doc": median(r["doc_triples_per_doc"] for r in rows),
        "quads_per_doc": median(r["quads_per_doc"] for r in rows),
        "store_bytes_per_doc": median(r["store_bytes_per_doc"] for r in rows),
        "store_bytes": median(r["store_bytes"] for r in rows),
        "store_compacted_bytes": median(r["store_compacted_bytes"] for r in rows),
        "store_compressed_bytes": median(r.get("store_compressed_bytes") for r in rows),
        "store_compacted_bytes_per_doc": median(r.get("store_compacted_bytes_per_doc") for r in rows),
        "store_compressed_bytes_per_doc": median(r.get("store_compressed_bytes_per_doc") for r in rows),
        "empty_store": base,
        "rows": rows,
    }
    # quads per article by predicate (the first batch)
    first = rows[0] if rows else {}
    out["quads_per_doc_by_predicate"] = {
        p: n / max(first.get("ingested", 0), 1) for p, n in (first.get("predicates") or {}).items()
    }
    out["ratio_of_medians"] = ratio(out["pipeline_wps"], out["ner_wps"])
    if profile:
        out["profile"] = profile_stages(parts[0][:profile], workdir / f"profile-{lang}")
        log(
            f"  {lang} profile: "
            + ", ".join(f"{x['stage'].strip()} {x['share']:.0%}" for x in out["profile"]["stages"])
        )
    out["memory"] = measure_memory(lang, parts[0], workdir, mode=memory, log=log)
    return out


REAL_CORPUS = ROOT / "tests" / "corpus"  # the dev set: real news articles with their gold


def real_documents(lang: str, limit: int | None = None, folder: Path = REAL_CORPUS) -> list[Document]:
    """The real news articles of ``lang`` in ``folder`` (its ``{lang}_*.json`` gold files, in
    name order, at most ``limit``) as documents, read as ``bilat eval`` reads them
    (``GoldDoc.document``); none when the folder is absent (an installed copy without tests)."""
    from bilat.evaluate.gold import parse_gold

    out = []
    for path in sorted(folder.glob(f"{lang}_*.json")):
        g = parse_gold(json.loads(path.read_text(encoding="utf-8-sig")), str(path))
        if g.lang != lang:
            continue
        out.append(g.document())
        if limit is not None and len(out) >= limit:
            break
    return out


def bench_real(
    lang: str,
    docs: Sequence[Document],
    *,
    batches: int,
    workdir: Path,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """The ingest-over-parse ratio of :func:`bench_language` on real articles (``docs``), as
    on the generated corpus: per batch the pipeline into a fresh store, the parse alone and the
    parse batched as the pipeline runs it, in rotating order; ratios per batch, then their
    median. (No bare NER, store sizes or memory here: the generated corpus's figures.)"""
    from bilat.extract.nlp import parse, parse_many
    from bilat.parallel import InProcess

    parts = slices(docs, batches)
    rows = []
    for i, part in enumerate(parts):
        texts = [d.text for d in part]
        sides = ("pipeline", "parse", "parse_batched")
        order = sides[i % 3 :] + sides[: i % 3]
        row: dict = {"batch": i + 1, "documents": len(part), "words": words(part)}
        gc.collect()
        for what in order:
            cpu0, t0 = time.process_time(), now()
            if what == "parse":
                for text in texts:
                    parse(text, lang)
            elif what == "parse_batched":
                for k in range(0, len(texts), InProcess.batch):
                    parse_many(texts[k : k + InProcess.batch], lang)
            else:
                from bilat import app
                from bilat.graph.store import open_store

                folder = workdir / f"real-{lang}-{i + 1}"
                st = open_store(str(folder), create=True)
                t0, cpu0 = now(), time.process_time()
                done = app.ingest([], store=st, documents=part, on_problem=lambda m: None)
                row["ingested"] = done.documents
                row["pipeline_s"] = now() - t0
                row["pipeline_cpu_s"] = time.process_time() - cpu0  # (the ingest's own, as its time)
                st.close()
                del st
                shutil.rmtree(folder, ignore_errors=True)
            if what != "pipeline":
                row[f"{what}_s"] = now() - t0
                row[f"{what}_cpu_s"] = time.process_time() - cpu0
        row["parse_ratio"] = row["parse_s"] / row["pipeline_s"]
        row["parse_cpu_ratio"] = row["parse_cpu_s"] / row["pipeline_cpu_s"]
        row["parse_batched_ratio"] = row["parse_batched_s"] / row["pipeline_s"]
        row["parse_batched_cpu_ratio"] = row["parse_batched_cpu_s"] / row["pipeline_cpu_s"]
        rows.append(row)
        log(
            f"  {lang} real batch {i + 1}/{len(parts)}: {row['documents']} docs, {row['words']} words: "
            f"ingest / parse alone {row['parse_ratio']:.3f} (CPU {row['parse_cpu_ratio']:.3f})"
        )
    return {
        "lang": lang,
        "source": "tests/corpus",
        "batches": len(rows),
        "documents": sum(r["documents"] for r in rows),
        "words": sum(r["words"] for r in rows),
        "ingested": sum(r["ingested"] for r in rows),
        **{
            k: median(r[k] for r in rows)
            for k in ("parse_ratio", "parse_cpu_ratio", "parse_batched_ratio", "parse_batched_cpu_ratio")
        },
        "rows": rows,
    }


def run_real(
    langs: Sequence[str],
    *,
    limit: int,
    batches: int = MIN_BATCHES,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """:func:`bench_real` for each of ``langs`` on at most ``limit`` real articles of
    ``tests/corpus`` (languages with none left out)."""
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-real-"))
    try:
        out = {}
        for lang in langs:
            docs = real_documents(lang, limit)
            if docs:
                out[lang] = bench_real(lang, docs, batches=batches, workdir=workdir, log=log)
        return out
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def measure_memory(
    lang: str,
    docs: Sequence[Document],
    workdir: Path,
    *,
    mode: str,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """Peak RSS of ingesting ``docs`` (and of bare NER on them): in child processes
    (``subprocess``), or this process's high-water mark so far (``inprocess``)."""
    if mode == "off":
        return {"mode": "off"}
    if mode == "inprocess":
        return {
            "mode": "inprocess",
            "documents": len(docs),
            "process_peak_mb": peak_rss_mb(),
            "rss_now_mb": current_rss_mb(),
        }
    path = workdir / f"memory-{lang}.jsonl"
    path.write_text("".join(d.to_json() + "\n" for d in docs), encoding="utf-8")
    out: dict = {"mode": "subprocess", "documents": len(docs), "words": words(docs)}
    for what in ("pipeline", "ner"):
        cmd = [
            sys.executable,
            "-m",
            "bench.memory",
            what,
            lang,
            str(path),
            str(workdir / f"mem-store-{lang}"),
        ]
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


def run(
    corpora: dict[str, list[Document]],
    *,
    batches: int = 5,
    memory: str = "subprocess",
    profile: int = 0,
    budget_s: float | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """The ingest benchmark for each language of ``corpora``."""
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-ingest-"))
    try:
        return {
            lang: bench_language(
                lang,
                docs,
                batches=batches,
                workdir=workdir,
                memory=memory,
                profile=profile,
                budget_s=budget_s,
                log=log,
            )
            for lang, docs in corpora.items()
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
