"""Scale: ingest with 1 and 2 extraction jobs, and memory while streaming many documents.

* **Jobs**: the same documents (both languages) are ingested into fresh embedded stores with
  extraction in this process (``--jobs 1``) and in two worker processes (``--jobs 2``); the
  two runs alternate ``rounds`` times, the speed-up is the median of the per-round ratios.
  Both sides are warm first, as they are after the first documents of a long run: the
  workers' models loaded, and each side has extracted the same other documents
  (``warm_docs``, not timed), so that the memos of names and words the extraction fills on
  its first documents are filled on both sides alike (each worker fills its own: cold, two
  workers pay what one job pays once). The graphs of both runs are compared (sorted N-Quads).
* **Streaming memory**: for each size, a child process (``python -m bench.scale stream FILE``)
  reads N generated documents (written beforehand as ``.jsonl.gz``) the way ``bilat ingest``
  does (``read_paths`` lazily, language resolved), then prints its peak RSS; flat memory means
  the peak does not grow with N. Extracting 100k documents would take hours on a laptop, so
  the models are not loaded here: the pipeline's own peak is the ingest benchmark's memory
  column, per batch.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path

from bench.util import median, now, peak_rss_mb, ratio

ROOT = Path(__file__).resolve().parents[1]


def _nquads(store) -> list[str]:
    import pyoxigraph

    data = store.ox.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    return sorted(re.sub(r"_:[A-Za-z0-9]+", "_:b", ln) for ln in data.splitlines())


def jobs_speedup(
    docs: Sequence,
    *,
    rounds: int = 2,
    workdir: Path,
    warm_docs: Sequence = (),
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    """Ingest ``docs`` with 1 and 2 extraction jobs, ``rounds`` times each, alternating, after
    both have ingested ``warm_docs`` once (not timed)."""
    from bilat import app, parallel
    from bilat.graph.store import open_store

    langs = sorted({d.lang for d in docs})
    t0 = now()
    two = parallel.Processes(2, langs=langs)
    two.warm()
    warm_s = now() - t0
    one = parallel.InProcess()
    app.warm_up(langs)  # this process's models, as warm as the workers'
    t0 = now()
    for jobs, pool in ((1, one), (2, two)):
        if warm_docs:
            folder = workdir / f"warm{jobs}"
            st = open_store(str(folder), create=True)
            app.ingest([], store=st, documents=warm_docs, extractors=pool, on_problem=lambda m: None)
            st.close()
            del st
            shutil.rmtree(folder, ignore_errors=True)
    warm_docs_s = now() - t0
    words = sum(len(d.text.split()) for d in docs)
    rows, same = [], True
    try:
        for i in range(rounds):
            row: dict = {"round": i + 1}
            stores = {}
            order = ((1, one), ("1core", one), (2, two))
            for jobs, pool in order if i % 2 == 0 else reversed(order):
                folder = workdir / f"jobs{jobs}-{i}"
                st = open_store(str(folder), create=True)
                cpu0, load0 = cpu_seconds(), os.getloadavg()[0]
                with one_core() if jobs == "1core" else nullcontext():
                    t = now()
                    s = app.ingest([], store=st, documents=docs, extractors=pool, on_problem=lambda m: None)
                    row[f"jobs{jobs}_s"] = now() - t
                row[f"jobs{jobs}_cpu_s"] = cpu_seconds() - cpu0
                row[f"jobs{jobs}_load"] = (load0 + os.getloadavg()[0]) / 2
                row[f"jobs{jobs}_documents"] = s.documents
                stores[jobs] = _nquads(st)
                st.close()
                del st
                shutil.rmtree(folder, ignore_errors=True)
            same = same and stores[1] == stores[2] == stores["1core"]
            row["machine_parallelism"] = machine_parallelism()
            row["speedup"] = ratio(row["jobs1_s"], row["jobs2_s"])
            row["speedup_one_core"] = ratio(row["jobs1core_s"], row["jobs2_s"])
            row["share"] = ratio(row["speedup"], row["machine_parallelism"])
            rows.append(row)
            log(
                f"  jobs round {i + 1}: 1 job {row['jobs1_s']:.1f} s (on one core "
                f"{row['jobs1core_s']:.1f} s), 2 jobs {row['jobs2_s']:.1f} s, speed-up "
                f"{row['speedup']:.2f}x (over one core {row['speedup_one_core']:.2f}x; "
                "two processes of pure Python: "
                f"{row['machine_parallelism']:.2f}x; share {row['share']:.0%}; CPU 1 job "
                f"{row['jobs1_cpu_s']:.1f} s, 2 jobs {row['jobs2_cpu_s']:.1f} s)"
            )
    finally:
        two.close()
    j1, j2 = median(r["jobs1_s"] for r in rows), median(r["jobs2_s"] for r in rows)
    c1, c2 = median(r["jobs1_cpu_s"] for r in rows), median(r["jobs2_cpu_s"] for r in rows)
    # CPUs left to us: the machine's, less the load of other processes (the load average
    # counts ours too: 1 with 1 job, up to 3 with 2 workers and the writer)
    others = median(r["jobs1_load"] for r in rows)
    free = max(0.0, (os.cpu_count() or 1) - max(0.0, (others or 0.0) - 1.0))
    return {
        "documents": len(docs),
        "words": words,
        "languages": langs,
        "rounds": rounds,
        "workers_warm_s": warm_s,
        "warm_documents": len(warm_docs),
        "warm_documents_s": warm_docs_s,
        "cpus": os.cpu_count(),
        "jobs1_s": j1,
        "jobs2_s": j2,
        "jobs1_wps": ratio(words, j1),
        "jobs2_wps": ratio(words, j2),
        "speedup": median(r["speedup"] for r in rows),
        "jobs1_one_core_s": median(r["jobs1core_s"] for r in rows),
        "speedup_one_core": median(r["speedup_one_core"] for r in rows),
        "jobs1_cores": ratio(c1, j1),
        "same_graph": same,
        "jobs1_cpu_s": c1,
        "jobs2_cpu_s": c2,
        "cpu_ratio": ratio(c2, c1),
        "machine_parallelism": median(r["machine_parallelism"] for r in rows),
        "share": median(r["share"] for r in rows),
        "load_average_jobs1": others,
        "cpus_free_estimate": free,
        "rows": rows,
    }


def _burn(n: int) -> int:
    x = 0
    for i in range(n):
        x += i
    return x


def machine_parallelism(n: int = 8_000_000) -> float:
    """How much faster two processes burn the same pure-Python work than one, right now: about
    2 on an idle 2-core machine, about 1 when another user keeps a core busy. The jobs speed-up
    is read against it."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    t = now()
    _burn(n)
    _burn(n)
    serial = now() - t
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as ex:
        list(ex.map(_burn, [10, 10]))
        t = now()
        list(ex.map(_burn, [n, n]))
        both = now() - t
    return serial / both


@contextmanager
def one_core():
    """Every thread of this process (the store's, the extraction thread started inside) on one
    CPU meanwhile: the one-job ingest as a single core runs it, the base of the speed-up of 2
    cores over one."""
    if not hasattr(os, "sched_setaffinity") or not os.path.isdir("/proc/self/task"):
        yield
        return
    before = os.sched_getaffinity(0)
    _pin_threads({min(before)})
    try:
        yield
    finally:
        _pin_threads(before)


def _pin_threads(cpus: set[int]) -> None:
    """Every thread of this process, now, on ``cpus``."""
    for tid in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(tid), cpus)
        except OSError:
            pass  # a thread that ended meanwhile


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its live children (the workers)."""
    import psutil

    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.Error:
            pass
    return total


# ------------------------------------------------------------------------------- streaming


def write_jsonl_gz(path: Path, n: int, seed: int = 1) -> int:
    """``n`` documents (the bench corpus of both languages, repeated under new ids) as
    ``.jsonl.gz``, written one line at a time; returns the uncompressed bytes."""
    from bench import corpus

    base = corpus.corpus("en", seed=seed, n_docs=50) + corpus.corpus("ru", seed=seed, n_docs=50)
    total = 0
    with gzip.open(path, "wb", compresslevel=1) as f:
        for i in range(n):
            d = base[i % len(base)]
            line = (
                json.dumps(
                    {
                        "id": f"stream-{i:07d}",
                        "text": d.text,
                        "lang": d.lang,
                        "title": d.title,
                        "date": d.date,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            ).encode()
            f.write(line)
            total += len(line)
    return total


def _stream_child(path: str) -> dict:
    """In a child process: read the documents of ``path`` as ``bilat ingest`` does."""
    from bilat.extract.ingest import Problem, read_paths
    from bilat.extract.language import resolve_language

    before = peak_rss_mb()
    t = now()
    docs = problems = chars = 0
    for item in read_paths([path]):
        if not isinstance(item, Problem):
            item = resolve_language(item)
        if isinstance(item, Problem):
            problems += 1
        else:
            docs += 1
            chars += len(item.text)
    read_s = now() - t
    return {
        "read": docs,
        "problems": problems,
        "chars": chars,
        "read_s": read_s,
        "peak_before_read_mb": before,
        "peak_mb": peak_rss_mb(),
    }


class StubModels:
    """An extractor pool without NLP models (the streaming-ingest memory run): each document
    gets the knowledge-base countries whose English or Russian stem its text contains, with
    those spans, so that reading, the unchanged check, the writer (entity descriptions,
    mentions, the store) run as in a real ingest, at a cost that lets 100,000
    documents pass in minutes. Extraction's own memory is per document (the ingest
    benchmark's memory column); what could grow with the number of documents is the rest."""

    workers = 1
    STEMS = (("russia", ("Russia", "Росси")), ("kazakhstan", ("Kazakhstan", "Казахстан")))

    def __init__(self):
        from bilat import app

        kb = app._kb()  # the writer's knowledge base by key (no models loaded)
        self.entries = {key: kb.get(key) for key, _ in self.STEMS}

    def _extraction(self, doc):
        from bilat.extract.records import Entity, Extraction, Mention

        entities = []
        for key, stems in self.STEMS:
            spans = []
            for stem in stems:
                at = doc.text.find(stem)
                while at >= 0 and len(spans) < 50:
                    spans.append(Mention(at, at + len(stem), stem, "GPE"))
                    at = doc.text.find(stem, at + 1)
            e = self.entries.get(key)
            if spans and e is not None:
                entities.append(Entity(key, e.cls, labels=tuple(e.labels), mentions=tuple(spans), in_kb=True))
        return Extraction(document=doc, entities=tuple(entities))

    def map(self, docs):
        for doc in docs:
            yield doc, ("ok", self._extraction(doc), None)

    def close(self) -> None:
        pass


def _ingest_child(path: str, store_dir: str) -> dict:
    """In a child process: ``bilat ingest FILE`` with :class:`StubModels` for the models."""
    from bilat import app
    from bilat.graph.store import limit_malloc_arenas, open_store

    before = peak_rss_mb()
    t = now()
    limit_malloc_arenas()  # as `bilat ingest` does
    st = open_store(store_dir, create=True)
    problems: list[str] = []
    s = app.ingest([path], store=st, extractors=StubModels(), on_problem=problems.append)
    seconds, peak = now() - t, peak_rss_mb()  # the ingest's own: before the check below
    quads = st.quad_count()  # (reads every quad: RocksDB's block cache fills, up to 32 MB)
    st.close()
    store_bytes = sum(f.stat().st_size for f in Path(store_dir).rglob("*") if f.is_file())
    return {
        "ingested": s.documents,
        "store_bytes": store_bytes,
        "problems": len(problems),
        "triples": s.triples,
        "quads": quads,
        "ingest_s": seconds,
        "peak_before_mb": before,
        "peak_mb": peak,
        "peak_after_count_mb": peak_rss_mb(),
    }


def _child(args: list[str], *, timeout: float = 3600) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-m", "bench.scale", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
    )
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def stream_memory(
    sizes: Sequence[int], *, workdir: Path, log: Callable[[str], None] = lambda s: None
) -> dict:
    out = {}
    for n in sizes:
        path = workdir / f"stream-{n}.jsonl.gz"
        t = now()
        raw = write_jsonl_gz(path, n)
        write_s = now() - t
        r = _child(["stream", str(path)])
        if "error" not in r:
            r.update({"documents": n, "uncompressed_bytes": raw, "write_s": write_s})
            log(f"  streaming {n:,} documents: peak RSS {r['peak_mb']:.0f} MB ({r['read_s']:.0f} s)")
            store = workdir / f"stream-store-{n}"
            r["ingest"] = _child(["ingest", str(path), str(store)], timeout=4 * 3600)
            shutil.rmtree(store, ignore_errors=True)
            i = r["ingest"]
            if "error" not in i:
                log(
                    f"  streaming ingest of {n:,} documents (stub models): peak RSS {i['peak_mb']:.0f} MB "
                    f"({i['ingest_s']:.0f} s, {i['quads']:,} quads)"
                )
        path.unlink()
        out[str(n)] = r
    return out


def run(
    docs: Sequence,
    *,
    rounds: int = 2,
    warm_docs: Sequence = (),
    stream_sizes: Sequence[int] = (10_000, 100_000),
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-scale-"))
    try:
        out: dict = {}
        if docs:
            log(f"jobs: {len(docs)} documents with 1 and 2 extraction jobs …")
            out["jobs"] = jobs_speedup(docs, rounds=rounds, workdir=workdir, warm_docs=warm_docs, log=log)
        if stream_sizes:
            log("streaming memory …")
            out["stream"] = stream_memory(stream_sizes, workdir=workdir, log=log)
        return out
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["stream"]:
        print(json.dumps(_stream_child(sys.argv[2])))
    elif sys.argv[1:2] == ["ingest"]:
        print(json.dumps(_ingest_child(sys.argv[2], sys.argv[3])))
    else:
        raise SystemExit("usage: python -m bench.scale stream FILE.jsonl.gz | ingest FILE.jsonl.gz STORE")
