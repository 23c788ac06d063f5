"""Runs the benchmarks and assembles the report (``python -m bench --help``)."""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "out" / "bench.json"

# sizes: full (make bench) and --quick
# budget: seconds of ingest batches per language, after which no new batch starts (at least 3
# run), so that a slower pipeline cannot push `make bench` far beyond ~15 minutes
# jobs: documents per language ingested with 1 and 2 extraction jobs (100: the last tasks, tapered
# to single documents, are a small part of the run, as in an archive; with 40, the CPU of 2 jobs
# was 1.06x that of 1 job, with 100 1.01x); stream: documents read
# lazily for the memory figures; scaling: sizes of one long document (size-scaling benchmark);
# real: real articles per language (tests/corpus: 104 en, 102 ru) for the ingest/parse ratio on
# real news beside the generated corpus's (about a minute for both languages)
FULL = {
    "chars": 1_000_000,
    "batches": 5,
    "triples": 1_000_000,
    "profile": 30,
    "budget": 300,
    "jobs": 100,
    "stream": (1_000, 10_000, 100_000),
    "scaling": (100_000, 1_000_000, 10_000_000),
    "real": 120,
}
QUICK = {
    "chars": 100_000,
    "batches": 3,
    "triples": 100_000,
    "profile": 10,
    "budget": 120,
    "jobs": 12,
    "stream": (1_000, 10_000),
    "scaling": (20_000, 100_000, 500_000),
    "real": 120,
}


def jobs_corpus(langs: tuple[str, ...], *, seed: int, n_docs: int, cache: bool = True) -> list:
    """The documents of the 1-and-2-jobs runs: ``n_docs`` a language, generated with another
    seed than the ingest part's corpus, so that neither side has extracted them before (this
    process ingested that corpus: the memos of its names would favour the one job, whose
    extraction runs here, over the fresh workers in the first round)."""
    from bench import corpus

    return [d for lang in langs for d in corpus.corpus(lang, seed=seed + 1, n_docs=n_docs, cache=cache)]


def jobs_warm_corpus(langs: tuple[str, ...], *, seed: int, n_docs: int, cache: bool = True) -> list:
    """What both sides of the 1-and-2-jobs runs extract first, untimed: half as many
    documents a language as :func:`jobs_corpus`, with a third seed (other texts from the
    same templates and names, as a long run's first documents are)."""
    from bench import corpus

    n = max(1, n_docs // 2)
    return [d for lang in langs for d in corpus.corpus(lang, seed=seed + 2, n_docs=n, cache=cache)]


def benchmark(
    *,
    only: str | None = None,
    langs: tuple[str, ...] = ("en", "ru"),
    seed: int = 1,
    chars: int | None = 1_000_000,
    docs: int | None = None,
    batches: int = 5,
    triples: int = 1_000_000,
    memory: str = "subprocess",
    cache: bool = True,
    profile: int = 0,
    budget_s: float | None = None,
    mode: str = "full",
    jobs_docs: int = 0,
    jobs_rounds: int = 5,
    stream_sizes: tuple[int, ...] = (),
    scaling: tuple[int, ...] = FULL["scaling"],
    scaling_langs: tuple[str, ...] | None = None,
    real: int = 0,
    log=lambda s: None,
) -> dict:
    """Run the benchmarks; ``only`` is None, "ingest", "jobs", "dyads", "sparql" or "scaling" ("jobs": the
    1-and-2-jobs part of "ingest" alone, ``jobs_rounds`` rounds). The corpus has ``docs``
    documents per language when given, else at least ``chars`` characters. ``profile``: how
    many documents of the first batch to ingest once more under cProfile, for the share of each
    stage (0: none). ``real``: how many real articles per language (``tests/corpus``) to
    measure the ingest/parse ratio on as well (0: none)."""
    from bench import util

    t0 = util.now()
    report: dict = {
        "version": 1,
        "mode": mode,
        "started": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": util.machine(),
        "versions": util.versions(),
        "seed": seed,
        "args": {
            "only": only,
            "langs": list(langs),
            "chars": chars,
            "docs": docs,
            "batches": batches,
            "triples": triples,
            "memory": memory,
            "profile": profile,
            "budget_s": budget_s,
            "scaling": list(scaling),
            "real": real,
        },
    }
    if only in (None, "ingest"):
        from bench import corpus, ingest

        corpora = {}
        for lang in langs:
            tc = util.now()
            corpora[lang] = corpus.corpus(
                lang, seed=seed, min_chars=None if docs else chars, n_docs=docs, cache=cache
            )
            log(f"corpus {lang}: {len(corpora[lang])} documents ({util.now() - tc:.1f} s)")
        report["corpus"] = {lang: corpus.describe(d) for lang, d in corpora.items()}
        log("ingest …")
        report["ingest"] = ingest.run(
            corpora, batches=batches, memory=memory, profile=profile, budget_s=budget_s, log=log
        )
        if real:
            log(f"ingest of real articles (tests/corpus, at most {real} per language) …")
            report["ingest_real"] = ingest.run_real(langs, limit=real, log=log)
        if jobs_docs or stream_sizes:
            from bench import scale

            mixed = jobs_corpus(langs, seed=seed, n_docs=jobs_docs, cache=cache)
            warm = jobs_warm_corpus(langs, seed=seed, n_docs=jobs_docs, cache=cache) if jobs_docs else []
            report["scale"] = scale.run(
                mixed, rounds=jobs_rounds, warm_docs=warm, stream_sizes=stream_sizes, log=log
            )
    if only == "jobs" and jobs_docs:
        from bench import scale

        mixed = jobs_corpus(langs, seed=seed, n_docs=jobs_docs, cache=cache)
        warm = jobs_warm_corpus(langs, seed=seed, n_docs=jobs_docs, cache=cache)
        report["scale"] = scale.run(mixed, rounds=jobs_rounds, warm_docs=warm, stream_sizes=(), log=log)
    if only in (None, "dyads"):
        from bench import dyads

        log("dyads: one ingest call of 5 documents into stores of 200 and 2,000 …")
        report["dyads"] = dyads.run((200, 2_000), seed=seed, log=log)
    if only in (None, "sparql"):
        from bench import sparql

        log(f"sparql ({triples:,} triples) …")
        report["sparql"] = sparql.run(triples, seed=seed, log=log)
    if only in (None, "scaling") and scaling:
        from bench import scaling as sc

        log(f"size scaling ({', '.join(f'{n:,}' for n in scaling)} bytes) …")
        report["scaling"] = sc.run(scaling_langs or langs, scaling, cache=cache, log=log)
    report["seconds"] = util.now() - t0
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench",
        description=(
            "Ingest speed and memory against bare NER, and SPARQL on Oxigraph against rdflib. "
            "Prints a table and writes JSON (out/bench.json)."
        ),
    )
    ap.add_argument(
        "--quick",
        action="store_true",
        help=f"small sizes: {QUICK['chars']:,} characters per language, {QUICK['triples']:,} triples",
    )
    ap.add_argument(
        "--only",
        choices=("ingest", "jobs", "dyads", "sparql", "scaling"),
        help="run one benchmark (jobs: the 1-and-2-jobs part of ingest alone)",
    )
    ap.add_argument("--lang", default="en,ru", help="languages of the ingest benchmark (en,ru)")
    ap.add_argument("--chars", type=int, help="corpus characters per language (default 1,000,000)")
    ap.add_argument("--docs", type=int, help="corpus documents per language (instead of --chars)")
    ap.add_argument("--batches", type=int, help="ingest batches per language (default 5)")
    ap.add_argument("--triples", type=int, help="SPARQL data size (default 1,000,000)")
    ap.add_argument(
        "--profile",
        type=int,
        help="documents to ingest under cProfile for the stage shares (default 30; 0: none)",
    )
    ap.add_argument(
        "--budget",
        type=float,
        help="seconds of ingest batches per language before no new batch starts "
        "(default 300; at least 3 batches run; 0: no limit)",
    )
    ap.add_argument(
        "--jobs",
        type=int,
        help="documents per language ingested with 1 and 2 extraction jobs (default 100; 0: none)",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="alternating rounds of the 1-and-2-jobs runs (default 5; the speed-up is their median)",
    )
    ap.add_argument(
        "--stream",
        help="sizes of the streaming-memory runs, comma-separated (default 1000,10000,100000; empty: none)",
    )
    ap.add_argument(
        "--scaling",
        help="document sizes of the size-scaling benchmark, in bytes "
        "(default 100K,1M,10M; --quick 20K,100K,500K; 0: none)",
    )
    ap.add_argument(
        "--real",
        type=int,
        help="real articles per language (tests/corpus) for the ingest/parse ratio on real news "
        "beside the generated corpus's (default 120: all of them; 0: none)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--memory",
        choices=("subprocess", "inprocess", "off"),
        default="subprocess",
        help="how to measure peak RSS of the ingest (default: child processes)",
    )
    ap.add_argument("--no-cache", action="store_true", help="regenerate the corpus (no .cache/bench/)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="JSON report path (default out/bench.json)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    args = ap.parse_args(argv)

    sizes = QUICK if args.quick else FULL
    scaling = sizes["scaling"]
    if args.scaling is not None:
        from bilat.extract.ingest import parse_size

        try:
            scaling = tuple(n for n in (parse_size(x) for x in args.scaling.split(",")) if n)
        except ValueError as e:
            ap.error(f"--scaling: {e}")
    langs = tuple(x.strip() for x in args.lang.split(",") if x.strip())
    if not set(langs) <= {"en", "ru"}:
        ap.error("--lang: en and/or ru")

    def log(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    from bench import report as rep

    result = benchmark(
        only=args.only,
        langs=langs,
        seed=args.seed,
        chars=args.chars or sizes["chars"],
        docs=args.docs,
        batches=args.batches or sizes["batches"],
        triples=args.triples or sizes["triples"],
        memory=args.memory,
        cache=not args.no_cache,
        profile=sizes["profile"] if args.profile is None else args.profile,
        budget_s=sizes["budget"] if args.budget is None else (args.budget or None),
        mode="quick" if args.quick else "full",
        jobs_docs=sizes["jobs"] if args.jobs is None else args.jobs,
        jobs_rounds=max(1, args.rounds),
        stream_sizes=sizes["stream"]
        if args.stream is None
        else tuple(int(x) for x in args.stream.split(",") if x.strip()),
        scaling=scaling,
        real=sizes["real"] if args.real is None else args.real,
        log=log,
    )
    out = Path(args.out)
    try:
        result["json"] = str(out.resolve().relative_to(Path.cwd()))
    except ValueError:
        result["json"] = str(out)
    rep.write_json(result, out)
    print(rep.render(result))
    return 0
