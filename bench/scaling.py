"""Size scaling: one document of 100 KB, 1 MB and 10 MB (UTF-8) per language, each ingested
into a fresh store by a child process (``python -m bench.scaling SIZE LANG TEXT STORE``) that
prints its time and memory as one JSON line. Linear cost means seconds per MB and the memory
above the loaded models per MB roughly constant as the size grows tenfold; bounded memory
means the peak stays far below what the text would take quadratically.

The document is the generated corpus (``bench.corpus``) joined into one text with blank lines
between its articles, so that it reads like a long report; its size limit is lifted
(``--max-size 0``) for the measurement.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
SIZES = (100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (20_000, 100_000, 500_000)
DATE = "2022-10-14"


def long_text(lang: str, nbytes: int, *, seed: int = 1, cache: bool = True) -> str:
    """About ``nbytes`` bytes of UTF-8: generated articles joined by blank lines."""
    from bench import corpus

    parts, size = [], 0
    docs = corpus.corpus(
        lang, seed=seed, min_chars=nbytes if lang == "en" else int(nbytes * 0.6) + 1000, cache=cache
    )
    for d in docs:
        b = len(d.text.encode("utf-8")) + 2
        if size + b > nbytes and parts:
            break
        parts.append(d.text)
        size += b
    return "\n\n".join(parts) + "\n"


def child(size: str, lang: str, text_path: str, store_dir: str) -> dict:
    """In the child process: load the models (a warm-up document), then ingest the text."""
    from bench.util import current_rss_mb, now, peak_rss_mb
    from bilat import app
    from bilat.extract.records import Document
    from bilat.graph.store import open_store

    text = Path(text_path).read_text(encoding="utf-8")
    warm = Document(
        id="warm-up",
        text="Sergey Lavrov met Mukhtar Tleuberdi in Astana."
        if lang == "en"
        else "Сергей Лавров встретился с Мухтаром Тлеуберди в Астане.",
        lang=lang,
    )
    app.extractor()(warm)
    loaded_mb, loaded_peak_mb = current_rss_mb(), peak_rss_mb()
    doc = Document(id=f"long-{lang}-{size}", text=text, lang=lang, date=DATE)
    store = open_store(store_dir, create=True)
    t0, cpu0 = now(), time.process_time()
    summary = app.ingest([], store=store, documents=[doc], on_problem=lambda m: None, max_bytes=0)
    seconds, cpu = now() - t0, time.process_time() - cpu0
    store.close()
    return {
        "size": int(size),
        "lang": lang,
        "bytes": len(text.encode("utf-8")),
        "words": len(text.split()),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "documents": summary.documents,
        "failed": summary.failed,
        "entities": summary.entities,
        "events": summary.events,
        "triples": summary.triples,
        "loaded_mb": loaded_mb,
        "loaded_peak_mb": loaded_peak_mb,
        "peak_mb": peak_rss_mb(),
    }


def measure(lang: str, nbytes: int, workdir: Path, *, cache: bool = True) -> dict:
    text_path = workdir / f"long-{lang}-{nbytes}.txt"
    text_path.write_text(long_text(lang, nbytes, cache=cache), encoding="utf-8")
    store = workdir / f"store-{lang}-{nbytes}"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.scaling", str(nbytes), lang, str(text_path), str(store)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=6 * 3600,
        )
    finally:
        text_path.unlink(missing_ok=True)
        shutil.rmtree(store, ignore_errors=True)
    if proc.returncode != 0:
        return {"size": nbytes, "lang": lang, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    mb = row["bytes"] / 1e6
    row["seconds_per_mb"] = row["seconds"] / mb
    if row.get("cpu_seconds") is not None:
        row["cpu_seconds_per_mb"] = row["cpu_seconds"] / mb
    row["peak_above_loaded_mb"] = row["peak_mb"] - row["loaded_peak_mb"]
    row["peak_above_loaded_mb_per_mb"] = row["peak_above_loaded_mb"] / mb
    return row


def run(
    langs=("en", "ru"), sizes=SIZES, *, cache: bool = True, log: Callable[[str], None] = lambda s: None
) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-scaling-"))
    out: dict = {"sizes": list(sizes), "langs": {}}
    try:
        for lang in langs:
            rows = []
            for n in sizes:
                log(f"  scaling {lang} {n:,} bytes …")
                row = measure(lang, n, workdir, cache=cache)
                rows.append(row)
                if "error" in row:
                    log(f"  scaling {lang} {n:,}: failed: {row['error']}")
                else:
                    log(
                        f"  scaling {lang} {n:,}: {row['seconds']:.1f} s ({row['seconds_per_mb']:.1f} s/MB), "
                        f"peak {row['peak_mb']:.0f} MB ({row['peak_above_loaded_mb']:.0f} MB above the "
                        f"loaded models)"
                    )
            good = [r for r in rows if "error" not in r]
            summary = {"rows": rows}
            if len(good) >= 2:
                # growth of the cost per MB from the second-smallest to the largest size (the
                # smallest carries the fixed costs of a run)
                a, b = good[1] if len(good) > 2 else good[0], good[-1]
                summary["seconds_per_mb_growth"] = b["seconds_per_mb"] / a["seconds_per_mb"]
                if a.get("cpu_seconds_per_mb") and b.get("cpu_seconds_per_mb"):
                    summary["cpu_seconds_per_mb_growth"] = b["cpu_seconds_per_mb"] / a["cpu_seconds_per_mb"]
                summary["max_peak_mb"] = max(r["peak_mb"] for r in good)
            out["langs"][lang] = summary
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return out


def render(sc: dict) -> list[str]:
    from bench.report import table

    lines = [
        "",
        "Size scaling: one document per size, ingested by a child process into a fresh store "
        "(models loaded before timing)",
    ]
    rows = []
    for lang, r in sc["langs"].items():
        for x in r["rows"]:
            if "error" in x:
                rows.append([lang, f"{x['size']:,}", "failed: " + x["error"], "", "", "", "", "", ""])
                continue
            rows.append(
                [
                    lang,
                    f"{x['bytes'] / 1e6:.2f}",
                    f"{x['words']:,}",
                    f"{x['seconds']:.1f}",
                    f"{x['seconds_per_mb']:.1f}",
                    f"{x['cpu_seconds_per_mb']:.1f}" if x.get("cpu_seconds_per_mb") else "–",
                    f"{x['peak_mb']:.0f}",
                    f"{x['peak_above_loaded_mb']:.0f}",
                    f"{x['triples']:,}",
                ]
            )
    lines += table(
        ["lang", "MB", "words", "seconds", "s/MB", "CPU s/MB", "peak RSS MB", "above models MB", "triples"],
        rows,
    )
    for lang, r in sc["langs"].items():
        if "seconds_per_mb_growth" in r:
            cpu = r.get("cpu_seconds_per_mb_growth")
            lines.append(
                f"  {lang}: seconds per MB ×{r['seconds_per_mb_growth']:.2f} from the middle to the "
                f"largest size (1.00: linear)"
                + (f", CPU seconds per MB ×{cpu:.2f}" if cpu else "")
                + f"; peak RSS at most {r['max_peak_mb']:.0f} MB"
            )
    return lines


if __name__ == "__main__":
    print(json.dumps(child(*sys.argv[1:5])))
