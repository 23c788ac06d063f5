"""The benchmark report: one dict (written as JSON) and its text rendering (tables)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.util import ratio


def _n(v, fmt: str = ",.0f", missing: str = "–") -> str:
    if v is None:
        return missing
    try:
        return format(v, fmt)
    except (TypeError, ValueError):
        return str(v)


def _kb(v) -> str:
    return _n(v / 1024 if v is not None else None, ",.1f")


def _mb(v) -> str:
    return _n(v / 1e6 if v is not None else None, ",.2f")


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    right = right if right is not None else set(range(1, len(headers)))
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=True)]

    def line(cells):
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return ["  " + x for x in out]


def render(report: dict) -> str:
    lines: list[str] = []
    m, v = report.get("machine", {}), report.get("versions", {})
    lines.append(f"bilat benchmark ({report.get('mode', 'full')}) — {report.get('started', '')}")
    lines.append(
        f"  {m.get('platform', '')}, {m.get('cpus', '?')} CPUs, OPENBLAS_NUM_THREADS="
        f"{m.get('openblas_num_threads')}; " + ", ".join(f"{k} {x}" for k, x in v.items())
    )
    lines.append(
        "  Speeds are medians over batches (ingest) or runs (SPARQL); every ratio is against "
        "a baseline run in the same process."
    )

    corpus = report.get("corpus")
    if corpus:
        lines += ["", f"Corpus (generated from bench/templates.tsv, seed {report.get('seed')})"]
        rows = []
        for lang, c in corpus.items():
            wpd = c.get("words_per_doc", {})
            rows.append(
                [
                    lang,
                    _n(c["documents"]),
                    _n(c["words"]),
                    _n(c["chars"]),
                    _n(c["bytes"] / 1e6, ".2f"),
                    f"{wpd.get('min')}/{_n(wpd.get('median'))}/{wpd.get('max')}",
                ]
            )
        lines += table(["lang", "docs", "words", "chars", "MB (UTF-8)", "words/doc min/med/max"], rows)

    ingest = report.get("ingest")
    if ingest:
        lines += [
            "",
            "Ingest: full pipeline (bilat.app.ingest into a fresh embedded store) vs bare NER "
            "on the same texts",
        ]
        rows = []
        for lang, r in ingest.items():
            mem = r.get("memory", {})
            rows.append(
                [
                    lang,
                    str(r["batches"]),
                    _n(r["words"]),
                    _n(r["pipeline_wps"]),
                    _n(r["ner_wps"]),
                    _n(r["ratio"], ".3f"),
                    _n(r.get("parse_wps")),
                    _n(r.get("parse_share"), ".0%"),
                    _n(mem.get("pipeline_peak_mb")),
                    _n(mem.get("ner_peak_mb")),
                    _n(r["doc_triples_per_doc"], ".0f"),
                    _n(r["quads_per_doc"], ".0f"),
                    _kb(r.get("store_bytes_per_doc")),
                    _kb(r.get("store_compacted_bytes_per_doc")),
                    _kb(r.get("store_compressed_bytes_per_doc")),
                ]
            )
        lines += table(
            [
                "lang",
                "batches",
                "words",
                "pipeline w/s",
                "bare NER w/s",
                "pipeline/NER",
                "parse w/s",
                "parse share",
                "peak RSS pipe MB",
                "peak RSS NER MB",
                "doc triples/doc",
                "quads/doc",
                "store KB/doc",
                "compacted KB/doc",
                "compressed KB/doc",
            ],
            rows,
        )
        for lang, r in ingest.items():
            mem = r.get("memory", {})
            lines.append(
                f"  {lang}: bare NER = {r['ner_baseline']}; models loaded in "
                f"{r['pipeline_load_s']:.1f} s (pipeline) / {r['ner_load_s']:.1f} s (NER); "
                f"parse = bilat.extract.nlp.parse alone, its share of the pipeline's time; "
                f"per-batch ratios "
                + ", ".join(f"{x['ratio']:.3f}" for x in r["rows"])
                + (f"; {r['skipped']} documents skipped" if r.get("skipped") else "")
                + (
                    f"; stopped after {r['batches']} of {r['batches_planned']} batches (time budget)"
                    if r.get("stopped_early")
                    else ""
                )
            )
            if mem.get("mode") == "subprocess":
                p, n = mem.get("pipeline", {}), mem.get("ner", {})
                lines.append(
                    f"      memory (child processes, {mem['documents']} documents): pipeline "
                    f"{_n(p.get('loaded_mb'))} MB after loading → peak {_n(p.get('peak_mb'))} MB; "
                    f"bare NER {_n(n.get('loaded_mb'))} → {_n(n.get('peak_mb'))} MB; "
                    f"ratio {_n(mem.get('ratio'), '.2f')}"
                )
            elif mem.get("mode") == "inprocess":
                lines.append(
                    f"      memory: peak RSS of this process so far {_n(mem.get('process_peak_mb'))} MB "
                    "(in-process: pipeline and NER models together)"
                )
            prof = r.get("profile")
            if prof:
                lines.append(
                    f"      where the time goes (cProfile, {prof['documents']} documents, cumulative): "
                    + ", ".join(f"{x['stage'].strip()} {x['share']:.0%}" for x in prof["stages"])
                )
            e = r["empty_store"]
            lines.append(
                f"      store per batch (median): {_mb(r.get('store_bytes'))} MB on disk as written "
                f"(write-ahead log included), {_mb(r.get('store_compacted_bytes'))} MB reopened and "
                f"optimized, {_mb(r.get('store_compressed_bytes'))} MB compressed (bilat compact); "
                f"ontology-only store {_mb(e['bytes'])} / {_mb(e.get('compacted_bytes'))} / "
                f"{_mb(e.get('compressed_bytes'))} MB, "
                f"{e['quads']} quads (subtracted in the per-document figures)"
            )

    dy = report.get("dyads")
    if dy:
        lines += ["", "Dyads (issue 12: an ingest call, and the counts asked of the events)"]
        for n, r in dy.items():
            if n == "growth":
                continue
            lines.append(
                f"  store of {int(n):,} documents: ingest call of {r['batch']} documents "
                f"{_n(r['ingest_call_s'] * 1000)} ms; dyad_by_month (one pair) "
                f"{_n(r['pair_question_s'] * 1000)} ms, dyad_months (every pair) "
                f"{_n(r['all_pairs_question_s'] * 1000)} ms (medians of {r['rounds']} rounds)"
            )
        g = dy.get("growth")
        if g:
            lines.append(
                f"  growth with 10x the documents: ingest call x{_n(g['ingest_call'], '.2f')}, "
                f"one pair's question x{_n(g['pair_question'], '.2f')}, "
                f"every pair's x{_n(g['all_pairs_question'], '.2f')}"
            )

    sc = report.get("scale")
    if ingest or sc:
        lines += ["", "Issue 12 figures"]
        for lang, r in (ingest or {}).items():
            lines.append(
                f"  {lang}: store {_kb(r.get('store_compacted_bytes_per_doc'))} KB per article "
                f"compacted ({_n(r['quads_per_doc'], '.0f')} quads/article); ingest speed / parse "
                f"alone = {_n(r.get('parse_ratio'), '.2f')} (median of per-batch ratios, same run; "
                f"in CPU seconds {_n(r.get('parse_cpu_ratio'), '.2f')}); against the parse "
                f"batched as the pipeline runs it {_n(r.get('parse_batched_ratio'), '.2f')} "
                f"(CPU {_n(r.get('parse_batched_cpu_ratio'), '.2f')})"
            )
            real = (report.get("ingest_real") or {}).get(lang)
            if real:
                lines.append(
                    f"      {lang} on real articles ({real['source']}, {real['documents']} documents, "
                    f"{real['batches']} batches): ingest speed / parse alone = "
                    f"{_n(real.get('parse_ratio'), '.2f')} (CPU {_n(real.get('parse_cpu_ratio'), '.2f')}); "
                    f"against the parse batched {_n(real.get('parse_batched_ratio'), '.2f')} "
                    f"(CPU {_n(real.get('parse_batched_cpu_ratio'), '.2f')})"
                )
        for lang, r in (ingest or {}).items():
            preds = r.get("quads_per_doc_by_predicate") or {}
            if preds:
                lines.append(
                    f"      {lang} quads per article by predicate (SPARQL, first batch): "
                    + ", ".join(f"{p} {n:.1f}" for p, n in list(preds.items())[:14])
                )
        j = (sc or {}).get("jobs")
        if j:
            lines.append(
                f"  jobs: {j['documents']} documents ({', '.join(j['languages'])}), {j['cpus']} CPUs: "
                f"1 job {_n(j['jobs1_wps'])} w/s ({_n(j['jobs1_s'], '.1f')} s), 2 jobs "
                f"{_n(j['jobs2_wps'])} w/s ({_n(j['jobs2_s'], '.1f')} s): speed-up "
                f"{_n(j['speedup'], '.2f')}x (median of {j['rounds']} alternating rounds; "
                f"both warm: models loaded, {j.get('warm_documents', 0)} other documents extracted first; "
                f"same graph: {'yes' if j['same_graph'] else 'NO'})"
            )
            if j.get("speedup_one_core") is not None:
                lines.append(
                    f"        1 job uses {_n(j['jobs1_cores'], '.2f')} CPUs (its extraction thread beside "
                    f"the writer); 1 job on one core {_n(j['jobs1_one_core_s'], '.1f')} s: "
                    f"2 jobs over one core {_n(j['speedup_one_core'], '.2f')}x"
                )
            if j.get("cpu_ratio") is not None:
                lines.append(
                    "        CPU seconds (this process and its workers): "
                    f"1 job {_n(j['jobs1_cpu_s'], '.1f')}, "
                    f"2 jobs {_n(j['jobs2_cpu_s'], '.1f')} ({_n(j['cpu_ratio'], '.2f')}x: the cost of "
                    f"parallelism); load average during the 1-job runs {_n(j['load_average_jobs1'], '.1f')}, "
                    f"so about {_n(j['cpus_free_estimate'], '.1f')} of {j['cpus']} CPUs were ours"
                )
            if j.get("machine_parallelism") is not None:
                lines.append(
                    f"        the machine's own speed-up with 2 processes of pure Python, same rounds: "
                    f"{_n(j['machine_parallelism'], '.2f')}x (about 2 when the 2 cores are free); "
                    f"ingest's share of it: {_n(ratio(j['speedup'], j['machine_parallelism']), '.0%')} "
                    f"(median of the per-round shares: {_n(j.get('share'), '.0%')})"
                )
        for n, m in ((sc or {}).get("stream") or {}).items():
            if "error" in m:
                lines.append(f"  streaming {int(n):,} documents: failed: {m['error']}")
            else:
                lines.append(
                    f"  streaming {int(n):,} documents (.jsonl.gz, {m['uncompressed_bytes'] / 1e6:,.0f} MB "
                    f"uncompressed, read lazily + language): peak RSS {_n(m['peak_mb'])} MB "
                    f"({_n(m['read_s'], '.0f')} s)"
                )
                i = m.get("ingest") or {}
                if "error" in i:
                    lines.append(f"      ingest with stub models: failed: {i['error']}")
                elif i:
                    lines.append(
                        f"      ingest with stub models (no NLP; reading, unchanged check, writer, store): "
                        f"peak RSS {_n(i['peak_mb'])} MB, {_n(i['ingest_s'], '.0f')} s, "
                        f"{_n(i['ingested'])} documents, {_n(i['quads'])} quads"
                        + (
                            f" ({i['store_bytes'] / 2**20:,.0f} MB of store; counting its quads "
                            f"after: peak {_n(i['peak_after_count_mb'])} MB)"
                            if "store_bytes" in i
                            else ""
                        )
                    )

        peaks = sorted(
            (int(n), m["ingest"]["peak_mb"])
            for n, m in ((sc or {}).get("stream") or {}).items()
            if "peak_mb" in (m.get("ingest") or {})
        )
        if len(peaks) >= 2:
            (n0, p0), (n1, p1) = peaks[-2], peaks[-1]  # (the smallest may end before the first flush)
            lines.append(
                f"  stub ingest peak RSS from {n0:,} to {n1:,} documents: {p1 - p0:+.0f} MB "
                f"({(p1 - p0) * 1024 / ((n1 - n0) / 1000):+.1f} KB per 1,000 documents; flat: ~0)"
            )

    sp = report.get("sparql")
    if sp:
        ox, rl = sp["oxigraph"], sp["rdflib"]
        g = sp["generated"]
        lines += [
            "",
            f"SPARQL: {_n(ox['triples'])} triples ({_n(g['documents'])} documents, {_n(g['people'])} "
            f"people, {_n(g['projects'])} projects; N-Triples {g['bytes'] / 1e6:.0f} MB)",
        ]
        rows = [
            [
                "oxigraph (on disk)",
                ox["method"],
                _n(ox["load_s"], ".2f"),
                f"{ox['store_bytes'] / 1e6:.0f} MB on disk",
            ],
            [
                "rdflib (in memory)",
                rl["method"],
                _n(rl["load_s"], ".2f"),
                f"+{_n(rl.get('rss_growth_mb'))} MB RSS" if rl.get("rss_growth_mb") is not None else "–",
            ],
        ]
        lines += table(["store", "load", "seconds", "size"], rows, right={2})
        lines.append(f"  load time ratio rdflib/oxigraph: {_n(sp['load_ratio'], '.1f')}")
        rows, notes = [], []
        for q in sp["queries"]:

            def cell(engine, q=q):
                r = q.get(engine)
                if not r:
                    return "–"
                mark = "*" if r.get("single_run_over_s") else ""
                return _n(r["median_s"] * 1000, ",.1f") + mark

            rows.append(
                [
                    q["name"],
                    _n(q["rows"]) if q["rows_agree"] else "differ",
                    cell("oxigraph"),
                    cell("oxrdflib"),
                    cell("rdflib"),
                    _n(q["rdflib_over_oxigraph"], ",.1f"),
                    _n(q["rdflib_over_oxrdflib"], ",.1f"),
                ]
            )
            if any((q.get(e) or {}).get("single_run_over_s") for e in ("oxigraph", "oxrdflib", "rdflib")):
                notes.append(q["name"])
        lines.append(
            f"  queries: median of {sp['runs']} runs, milliseconds (oxigraph = pyoxigraph directly; "
            "oxrdflib = rdflib Dataset over the same Oxigraph store)"
        )
        lines += table(
            ["query", "rows", "oxigraph", "oxrdflib", "rdflib", "rdflib/oxigraph", "rdflib/oxrdflib"], rows
        )
        if notes:
            lines.append(f"  * ran once: a run took more than {sp['slow_s']:.0f} s ({', '.join(notes)})")
        for q in sp["queries"]:
            lines.append(f"  {q['name']}: {q['description']}")
    if report.get("scaling"):
        from bench.scaling import render as render_scaling

        lines += render_scaling(report["scaling"])
    lines += ["", f"Total {report.get('seconds', 0):.0f} s; JSON in {report.get('json', 'out/bench.json')}"]
    return "\n".join(lines)


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    tmp.replace(path)
