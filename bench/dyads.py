"""Dyads: what one ingest call of a few documents costs, and what asking for the dyads' counts
costs, at two store sizes.

A store of N synthetic documents (no models: each has a few events between knowledge-base
countries; an archive that grows with time, ``per_month`` documents a month, N/5 months) is
built with the writer; then, ``rounds`` times, one ``bilat ingest`` call of ``batch`` new
documents (the same stub extraction) is timed whole, and the two questions that count the
dyads from the events (the store keeps no counts): the saved question ``dyad_by_month`` for
Russia–Kazakhstan (``bilat plot timeline``) and ``dyad_months`` for every pair (``bilat
view``). The ingest call should cost the same at both sizes; the pair's question reads that pair's
events (its parameters are bound inside its sub-select), every pair's reads every event, so
both grow with the store. Medians of the rounds.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.util import median, now, ratio

COUNTRIES = ("russia", "kazakhstan", "china", "belarus", "uzbekistan", "kyrgyzstan", "armenia", "ukraine")
CLASSES = ("Consult", "Agree", "Cooperate", "Aid", "Accuse", "Sanction")
SENTENCE = "Officials of the two countries met and agreed. "


def _day(rng: random.Random, months: int, day: int | None = None) -> str:
    m = rng.randrange(months)
    return f"{2000 + m // 12}-{m % 12 + 1:02d}-{day or rng.randint(1, 28):02d}"


def extraction(doc_id: str, rng: random.Random, kb: dict, months: int = 120):
    """A document with 1-4 events between 2-3 countries, dated in the first ``months`` months
    from 2000."""
    from bilat.extract.records import Document, Entity, Event, Extraction, Mention

    n = rng.randint(1, 4)
    text = SENTENCE * n
    date = _day(rng, months)
    events, keys = [], set()
    for i in range(n):
        members = tuple(rng.sample(COUNTRIES, rng.choice((2, 2, 3))))
        keys |= set(members)
        s = i * len(SENTENCE)
        dated = rng.random() < 0.5
        events.append(
            Event(
                rng.choice(CLASSES),
                "met",
                s + 35,
                s + 38,
                SENTENCE.strip(),
                s,
                s + len(SENTENCE) - 1,
                participants=members,
                date=_day(rng, months, 1) if dated else None,
                date_precision="day" if dated else None,
                goldstein=round(rng.uniform(-5, 8), 1),
            )
        )
    entities = tuple(
        Entity(k, "Country", tuple(kb[k].labels), (), (Mention(0, 9, "Officials", "GPE"),), in_kb=True)
        for k in sorted(keys)
    )
    return Extraction(Document(doc_id, text, "en", date=date), entities, (), tuple(events))


class StubEvents:
    """An extractor pool without models: each document's synthetic extraction."""

    workers = 1

    def __init__(self, rng: random.Random, kb: dict, months: int):
        self.rng, self.kb, self.months = rng, kb, months

    def map(self, docs):
        for doc in docs:
            yield doc, ("ok", extraction(doc.id, self.rng, self.kb, self.months), None)

    def close(self) -> None:
        pass


def one_size(n: int, *, batch: int, rounds: int, workdir: Path, seed: int, per_month: int) -> dict:
    from bilat import app
    from bilat.extract.records import Document
    from bilat.graph.dyads import dyad_months
    from bilat.graph.saved import prepare
    from bilat.graph.store import ensure_ontology, open_store
    from bilat.graph.write import write_extraction

    kb = app._kb()
    rng = random.Random(seed)
    path = workdir / f"dyads-{n}"
    st = open_store(str(path), create=True)
    ensure_ontology(st)
    t = now()
    months = max(1, n // per_month)
    for i in range(n):
        write_extraction(st, extraction(f"base/{i}", rng, kb, months), kb)
    build_s = now() - t
    ingest_s, pair_s, all_s = [], [], []
    for r in range(rounds):
        docs = [Document(f"new/{r}/{i}", SENTENCE, "en") for i in range(batch)]
        t = now()
        s = app.ingest(
            [],
            store=st,
            documents=docs,
            extractors=StubEvents(rng, kb, months),
            on_problem=lambda m: None,
        )
        ingest_s.append(now() - t)
        assert s.documents == batch, s
        t = now()
        st.select(prepare(st, "dyad_by_month", {"a": "russia", "b": "kazakhstan"}))
        pair_s.append(now() - t)
        t = now()
        dyad_months(st)
        all_s.append(now() - t)
    st.close()
    shutil.rmtree(path, ignore_errors=True)
    return {
        "documents": n,
        "batch": batch,
        "build_s": build_s,
        "ingest_call_s": median(ingest_s),
        "pair_question_s": median(pair_s),
        "all_pairs_question_s": median(all_s),
        "rounds": rounds,
        "documents_per_month": per_month,
    }


def run(
    sizes: Sequence[int] = (200, 2_000),
    *,
    batch: int = 5,
    rounds: int = 3,
    seed: int = 1,
    per_month: int = 5,
    log: Callable[[str], None] = lambda s: None,
) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-dyads-"))
    try:
        out: dict = {}
        for n in sizes:
            r = one_size(n, batch=batch, rounds=rounds, workdir=workdir, seed=seed, per_month=per_month)
            log(
                f"  store of {n:,} documents: ingest call of {batch} documents "
                f"{r['ingest_call_s'] * 1000:.0f} ms; dyad_by_month (one pair) "
                f"{r['pair_question_s'] * 1000:.0f} ms, dyad_months (every pair) "
                f"{r['all_pairs_question_s'] * 1000:.0f} ms"
            )
            out[str(n)] = r
        if len(sizes) >= 2:
            a, b = out[str(sizes[0])], out[str(sizes[-1])]
            out["growth"] = {
                "ingest_call": ratio(b["ingest_call_s"], a["ingest_call_s"]),
                "pair_question": ratio(b["pair_question_s"], a["pair_question_s"]),
                "all_pairs_question": ratio(b["all_pairs_question_s"], a["all_pairs_question_s"]),
            }
            g = out["growth"]
            log(
                f"  {sizes[-1] // sizes[0]}x the documents: ingest call x{g['ingest_call']:.2f}, "
                f"one pair's question x{g['pair_question']:.2f}, "
                f"every pair's x{g['all_pairs_question']:.2f}"
            )
        return out
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    import sys

    run(log=lambda s: print(s, file=sys.stderr, flush=True))
