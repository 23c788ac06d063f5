"""Child process of the memory measurement: ``python -m bench.memory pipeline|ner LANG DOCS.jsonl
STORE_DIR`` loads the models, runs the pipeline (ingest into a fresh store at STORE_DIR) or bare
NER on the documents, and prints one JSON line: RSS at start, after loading (and one warm-up
document), and the peak (``ru_maxrss``) at the end, in MiB.
"""

from __future__ import annotations

import json
import os
import shutil
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from bench.util import current_rss_mb, now, peak_rss_mb  # noqa: E402


def main(argv: list[str]) -> int:
    what, lang, path, store_dir = argv
    start_mb = current_rss_mb()
    from bilat.extract.records import Document

    with open(path, encoding="utf-8") as f:
        docs = [Document.from_json(line) for line in f if line.strip()]
    t0 = now()
    if what == "pipeline":
        from bilat import app
        from bilat.graph.store import open_store

        app.extractor()(docs[0])
        loaded_mb, loaded_peak_mb = current_rss_mb(), peak_rss_mb()
        st = open_store(store_dir, create=True)
        t1 = now()
        summary = app.ingest([], store=st, documents=docs, on_problem=lambda m: None)
        seconds = now() - t1
        st.close()
        count = summary.documents
        shutil.rmtree(store_dir, ignore_errors=True)
    elif what == "ner":
        from bench.ingest import bare_ner

        ner = bare_ner(lang)
        ner([docs[0].text])
        loaded_mb, loaded_peak_mb = current_rss_mb(), peak_rss_mb()
        t1 = now()
        count = ner([d.text for d in docs])
        seconds = now() - t1
    else:
        raise SystemExit(f"unknown measurement {what!r}")
    print(
        json.dumps(
            {
                "what": what,
                "lang": lang,
                "documents": len(docs),
                "count": count,
                "start_mb": start_mb,
                "loaded_mb": loaded_mb,
                "loaded_peak_mb": loaded_peak_mb,
                "peak_mb": peak_rss_mb(),
                "end_mb": current_rss_mb(),
                "load_s": t1 - t0,
                "run_s": seconds,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
