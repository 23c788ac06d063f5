"""SPARQL: the embedded Oxigraph store against rdflib's in-memory Graph on the same data.

A synthetic graph in the project's vocabulary (seeded): the knowledge base's countries, cities
and government bodies, synthetic people and projects with English and Russian labels, documents
with the entities they mention (``bl:mentionedIn`` and ``bl:Mention`` spans), posts
(``bl:holdsPosition``/``bl:title``/``bl:ofOrganization``), and events of the PLOVER classes with
their participants, dates and documents, plus the ontology. It is written once as N-Triples and
loaded (a) into an on-disk pyoxigraph store with ``bulk_load``, queried through rdflib's
``oxrdflib`` Dataset (``default_union=True``, as bilat opens its store) and through pyoxigraph
directly, and (b) into ``rdflib.Graph()`` with ``parse(format="nt")``. Each query runs three times
per engine (median reported), once only when a run takes longer than ``SLOW_S``; every engine must
return the same number of rows.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.sparql_data import generate, lit
from bench.util import current_rss_mb, dir_size, median, now, ratio

SLOW_S = 60.0  # a query slower than this runs once
RUNS = 3


# --------------------------------------------------------------------------- queries
PREFIXES = """PREFIX bl: <https://w3id.org/bilat/ontology#>
PREFIX id: <https://w3id.org/bilat/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def queries(probe_label_ru: str) -> list[tuple[str, str, str]]:
    """(name, description, SPARQL) of the benchmark queries. The first two are the contract's
    example queries (examples/queries/1_posts.rq and 2_joint_projects.rq)."""
    label = lit(probe_label_ru, "ru")
    return [
        (
            "posts",
            "who holds which post (contract example 1)",
            PREFIXES
            + """
SELECT ?name ?title ?orgName WHERE {
  ?p a bl:Person ; rdfs:label ?name ; bl:holdsPosition ?pos .
  ?pos bl:title ?title ; bl:ofOrganization/rdfs:label ?orgName .
  FILTER(lang(?name) = "en" && lang(?title) = "en" && lang(?orgName) = "en") }
ORDER BY ?name""",
        ),
        (
            "joint_projects",
            "projects involving both Russia and Kazakhstan (contract example 2)",
            PREFIXES
            + """
SELECT DISTINCT ?project ?doc WHERE {
  ?ev a/rdfs:subClassOf* bl:Event ; bl:about ?project ; bl:extractedFrom ?doc ;
      bl:participant ?ru, ?kz .
  ?ru rdfs:label "Russia"@en . ?kz rdfs:label "Kazakhstan"@en . ?project a bl:Project }""",
        ),
        (
            "events_per_month",
            "events per class per month",
            PREFIXES
            + """
SELECT ?class ?month (COUNT(?ev) AS ?events) WHERE {
  ?ev a ?c ; bl:date ?date .
  ?c rdfs:subClassOf bl:Event .
  BIND(STRAFTER(STR(?c), "#") AS ?class)
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?class ?month ORDER BY ?class ?month""",
        ),
        (
            "label_lookup",
            "entity by exact label literal",
            PREFIXES
            + f"""
SELECT ?e ?class WHERE {{ ?e rdfs:label {label} ; a ?class }}""",
        ),
        (
            "co_mentions",
            "2-hop join: people mentioned in the documents that mention Russia",
            PREFIXES
            + """
SELECT ?person (COUNT(DISTINCT ?doc) AS ?docs) WHERE {
  id:russia bl:mentionedIn ?doc .
  ?person bl:mentionedIn ?doc ; a bl:Person .
} GROUP BY ?person ORDER BY DESC(?docs) ?person LIMIT 20""",
        ),
    ]


def _time_query(run: Callable[[], int], log: Callable[[str], None], label: str) -> dict:
    times, rows = [], None
    for _ in range(RUNS):
        t0 = now()
        rows = run()
        times.append(now() - t0)
        if times[-1] > SLOW_S:
            log(f"    {label}: {times[-1]:.1f} s > {SLOW_S:.0f} s, run once")
            break
    return {
        "median_s": median(times),
        "runs": len(times),
        "times_s": times,
        "rows": rows,
        "single_run_over_s": SLOW_S if len(times) == 1 and RUNS > 1 else None,
    }


def run(
    n_triples: int = 1_000_000,
    *,
    seed: int = 1,
    engines: tuple[str, ...] = ("oxigraph", "oxrdflib", "rdflib"),
    log: Callable[[str], None] = lambda s: None,
    workdir: Path | None = None,
) -> dict:
    """Generate, load and query; returns load times, query medians and ratios."""
    import pyoxigraph
    from oxrdflib import OxigraphStore
    from rdflib import Dataset, Graph

    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bilat-bench-sparql-")) if own else workdir
    try:
        nt = workdir / "data.nt"
        data = generate(nt, n_triples, seed=seed)
        log(
            f"  generated {data['lines']:,} N-Triples lines ({data['bytes'] / 1e6:.0f} MB, "
            f"{data['documents']:,} documents) in {data['seconds']:.1f} s"
        )

        # (a) Oxigraph on disk, bulk load
        folder = workdir / "oxigraph"
        gc.collect()
        t0 = now()
        ox = pyoxigraph.Store(str(folder))
        ox.bulk_load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
        ox.flush()
        ox_load = now() - t0
        ox_triples = len(ox)
        ox_bytes = dir_size(folder)
        log(f"  oxigraph bulk_load: {ox_triples:,} triples in {ox_load:.1f} s")
        ds = Dataset(store=OxigraphStore(store=ox), default_union=True)

        # (b) rdflib in memory
        g = None
        rdflib_load = rdflib_triples = rss_delta = None
        if "rdflib" in engines:
            gc.collect()
            rss0 = current_rss_mb()
            t0 = now()
            g = Graph()
            g.parse(str(nt), format="nt")
            rdflib_load = now() - t0
            rdflib_triples = len(g)
            rss1 = current_rss_mb()
            rss_delta = rss1 - rss0 if rss0 is not None and rss1 is not None else None
            log(f"  rdflib parse: {rdflib_triples:,} triples in {rdflib_load:.1f} s")

        # the stores are passed in, not closed over: `del` below frees them for the return
        def ox_run(store, q: str) -> Callable[[], int]:
            return lambda: len([tuple(s) for s in store.query(q)])

        def rdflib_run(graph, q: str) -> Callable[[], int]:
            return lambda: len(list(graph.query(q)))

        results = []
        for name, desc, q in queries(data["probe_label_ru"]):
            row: dict = {"name": name, "description": desc, "query": q}
            gc.collect()  # once per query: a full collection costs ~0.2 s with the NLP models loaded
            for engine, make, target in (
                ("oxigraph", ox_run, ox),
                ("oxrdflib", rdflib_run, ds),
                ("rdflib", rdflib_run, g),
            ):
                if engine not in engines or target is None:
                    continue
                row[engine] = _time_query(make(target, q), log, f"{name} on {engine}")
            counts = {row[e]["rows"] for e in engines if e in row}
            row["rows"] = counts.pop() if len(counts) == 1 else None
            row["rows_agree"] = row["rows"] is not None
            if not row["rows_agree"]:
                log(
                    f"    {name}: engines disagree on the number of rows: "
                    + ", ".join(f"{e}={row[e]['rows']}" for e in engines if e in row)
                )
            row["rdflib_over_oxigraph"] = ratio(
                (row.get("rdflib") or {}).get("median_s"), (row.get("oxigraph") or {}).get("median_s")
            )
            row["rdflib_over_oxrdflib"] = ratio(
                (row.get("rdflib") or {}).get("median_s"), (row.get("oxrdflib") or {}).get("median_s")
            )
            row["oxrdflib_over_oxigraph"] = ratio(
                (row.get("oxrdflib") or {}).get("median_s"), (row.get("oxigraph") or {}).get("median_s")
            )
            results.append(row)
            log(
                f"  {name}: {row['rows']} rows; "
                + ", ".join(f"{e} {row[e]['median_s'] * 1000:,.1f} ms" for e in engines if e in row)
            )
        del ds, ox, g
        gc.collect()
        return {
            "target_triples": n_triples,
            "generated": {k: v for k, v in data.items() if k != "path"},
            "oxigraph": {
                "triples": ox_triples,
                "load_s": ox_load,
                "store_bytes": ox_bytes,
                "method": "pyoxigraph.Store(path).bulk_load(N-Triples) + flush",
            },
            "rdflib": {
                "triples": rdflib_triples,
                "load_s": rdflib_load,
                "rss_growth_mb": rss_delta,
                "method": "rdflib.Graph().parse(format='nt')",
            },
            "load_ratio": ratio(rdflib_load, ox_load),
            "runs": RUNS,
            "slow_s": SLOW_S,
            "queries": results,
        }
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
