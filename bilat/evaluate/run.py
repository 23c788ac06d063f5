"""The run: ingest the gold texts into a temporary store, score every document, report; the
``bilat eval`` command."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bilat.evaluate.gold import COLUMNS, LANGS, GoldError, read_gold_dir
from bilat.evaluate.report import (
    DYAD_FIGURES,
    HOME_DYAD,
    OTHER_DYADS,
    baseline_from,
    compare,
    dyad_key,
    dyad_of,
    figures_from,
    format_report,
    read_baseline,
)
from bilat.evaluate.scoring import Tally, score_entities, score_events, score_identity, score_positions
from bilat.evaluate.stored import document_iris, read_stored


def _warm_up(langs: Iterable[str]) -> float:
    """Load the extractor and each language's models before the ingest is timed."""
    from bilat.app import warm_up

    t0 = time.perf_counter()
    warm_up(tuple(langs))
    return time.perf_counter() - t0


def evaluate(gold_dir: str | Path, *, skip: Iterable[str | Path] = (), on_problem=None) -> dict[str, Any]:
    """Run the whole evaluation on ``gold_dir``; returns the report (the ``--json`` content).
    Raises :class:`GoldError` for a missing folder or a malformed gold file."""
    from bilat.app import ingest
    from bilat.graph.store import open_store

    golds = read_gold_dir(gold_dir, skip=skip)
    problems: list[str] = []

    def report_problem(msg: str) -> None:
        problems.append(msg)
        if on_problem is not None:
            on_problem(msg)

    langs_present = [lg for lg in LANGS if any(g.lang == lg for g in golds)]
    warm = _warm_up(langs_present)
    speed: dict[str, dict[str, float | int | None]] = {}
    tally = Tally()
    by_dyad: dict[str, Tally] = defaultdict(Tally)
    dyad_docs: Counter[str] = Counter()
    found: dict[str, dict[str, str]] = {}
    errors: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="bilat-eval-") as tmp:
        store = open_store(str(Path(tmp) / "store"), create=True)
        try:
            total_words, total_seconds, total_docs = 0, 0.0, 0
            for lang in langs_present:
                docs = [g.document() for g in golds if g.lang == lang]
                s = ingest([], store=store, documents=docs, on_problem=report_problem)
                speed[lang] = {
                    "documents": s.documents,
                    "words": s.words,
                    "seconds": round(s.seconds, 3),
                    "words_per_second": round(s.words / s.seconds, 1) if s.seconds else None,
                }
                total_words += s.words
                total_seconds += s.seconds
                total_docs += s.documents
            speed["all"] = {
                "documents": total_docs,
                "words": total_words,
                "seconds": round(total_seconds, 3),
                "words_per_second": round(total_words / total_seconds, 1) if total_seconds else None,
            }
            iris = document_iris(store, [g.id for g in golds])
            for g in golds:
                stored = read_stored(store, iris.get(g.id), g.text)
                if stored.iri is None:
                    report_problem(f"{g.path}: document {g.id!r} is not in the store")
                errs: list = []
                ent = score_entities(g, stored, errs)
                found[g.id] = ent.found
                errors[g.id] = errs
                for part in (ent.tally, score_positions(g, stored, errs), score_events(g, stored, errs)):
                    tally.merge(part, g.lang)
                    dyad = dyad_key(dyad_of(g))
                    by_dyad[dyad].merge(part, g.lang)
                    if dyad != HOME_DYAD:
                        by_dyad[OTHER_DYADS].merge(part, g.lang)
                dyad_docs[dyad] += 1
                dyad_docs[OTHER_DYADS] += dyad != HOME_DYAD
        finally:
            store.close()
            del store
    ident = score_identity(found, {g.id: g.lang for g in golds})
    for name, cols in ident.counts.items():
        for col in COLUMNS:
            tally.counts[name][col][0] += cols[col][0]
            tally.counts[name][col][1] += cols[col][1]
    figs, counts = figures_from(tally)
    for lg in LANGS:  # across languages: a figure of all documents only
        figs["identity.across_languages"][lg] = None
        counts.get("identity.across_languages", {}).pop(lg, None)
    n_docs = {lg: sum(1 for g in golds if g.lang == lg) for lg in LANGS}
    n_docs["all"] = len(golds)
    speed["warmup_seconds"] = round(warm, 3)
    dyads = {}
    for key in sorted(dyad_docs, key=lambda k: (k == OTHER_DYADS, -dyad_docs[k], k)):
        if dyad_docs[key]:
            d_figs, d_counts = figures_from(by_dyad[key])
            dyads[key] = {
                "documents": dyad_docs[key],
                "figures": {n: d_figs[n]["all"] for n in DYAD_FIGURES},
                "counts": {n: d_counts[n]["all"] for n in DYAD_FIGURES if n in d_counts},
            }
    return {
        "gold_dir": str(gold_dir),
        "documents": n_docs,
        "ingest": speed,
        "figures": figs,
        "counts": counts,
        "dyads": dyads,
        "problems": problems,
        "errors": errors,
    }


def main(args) -> int:
    """The ``bilat eval`` command: ``args.gold_dir``, ``args.json``, ``args.baseline``."""
    out_json = getattr(args, "json", None)
    out_errors = getattr(args, "errors", None)
    baseline_path = getattr(args, "baseline", None)
    try:
        baseline = read_baseline(baseline_path) if baseline_path else None
        report = evaluate(
            args.gold_dir,
            skip=[p for p in (out_json, baseline_path, out_errors) if p],
            on_problem=lambda m: print(f"bilat eval: {m}", file=sys.stderr),
        )
    except GoldError as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    errors = report.pop("errors", {})
    for path, content in ((out_json, report), (out_errors, errors)):
        if not path:
            continue
        try:
            Path(path).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as e:
            print(f"{path}: cannot write: {e.strerror or e}", file=sys.stderr)
            return 2
    if baseline is not None:
        drops = compare(report, baseline)
        if drops:
            print(f"bilat eval: {len(drops)} figure(s) below the baseline {baseline_path}:", file=sys.stderr)
            for d in drops:
                print(f"  {d}", file=sys.stderr)
            return 1
        print(f"bilat eval: no figure below the baseline {baseline_path}")
    return 0


def _script(argv: Sequence[str] | None = None) -> int:
    """``python -m bilat.evaluate GOLD_DIR --write-baseline FILE``: run and (re)write a baseline."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m bilat.evaluate")
    p.add_argument("gold_dir")
    p.add_argument("--write-baseline", metavar="FILE", required=True)
    a = p.parse_args(argv)
    try:
        report = evaluate(a.gold_dir, skip=[a.write_baseline])
    except GoldError as e:
        print(str(e).splitlines()[0], file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    Path(a.write_baseline).write_text(
        json.dumps(baseline_from(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"baseline → {a.write_baseline}")
    return 0
