"""``bilat view``: one self-contained HTML page (no network access, no external file) with an
interactive actor network and a dyad timeline.

The page is ``page.html`` with the data inlined as JSON; its JavaScript is small, hand-written
and dependency-free (a force layout and SVG bars), so the page works offline, opens from a
file, and can be read and audited in full — no vendored library to keep up to date.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from pathlib import Path

from bilat.graph.plots import CLASS_COLORS, TYPE_COLORS, _month_range
from bilat.graph.property_graph import LABEL_COLUMNS

TEMPLATE = Path(__file__).resolve().parent / "page.html"


def _network_data(G, max_nodes: int) -> tuple[list[dict], list[dict]]:
    strength: dict[str, float] = defaultdict(float)
    for u, v, d in G.edges(data=True):
        strength[u] += d.get("weight", 1)
        strength[v] += d.get("weight", 1)
    center = G.graph.get("center")
    ranked = sorted((n for n in G if strength.get(n)), key=lambda n: (n != center, -strength[n], n))
    keep = set(ranked[:max_nodes])
    pairs: dict[tuple[str, str, bool], dict] = {}
    for u, v, d in G.edges(data=True):
        if u not in keep or v not in keep:
            continue
        directed = bool(d.get("directed", True))
        key = (u, v, True) if directed else (min(u, v), max(u, v), False)
        rec = pairs.setdefault(
            key,
            {
                "source": key[0],
                "target": key[1],
                "directed": directed,
                "weight": 0,
                "classes": {},
                "scores": [],
                "dates": [],
            },
        )
        label = (
            d["label"]
            if d["kind"] == "event"
            else f"post: {d['label']}"
            if d["kind"] == "position"
            else d["label"]
        )
        rec["classes"][label] = rec["classes"].get(label, 0) + max(1, d.get("events", 0))
        rec["weight"] += d.get("weight", 1)
        if d.get("has_goldstein"):
            rec["scores"] += [d["goldstein"]] * max(1, d.get("events", 1))
        rec["dates"] += [x for x in (d.get("first_date"), d.get("last_date")) if x]
    edges = []
    for rec in pairs.values():
        scores, dates = rec.pop("scores"), sorted(rec.pop("dates"))
        rec["goldstein"] = round(sum(scores) / len(scores), 2) if scores else None
        rec["first"], rec["last"] = (dates[0], dates[-1]) if dates else ("", "")
        edges.append(rec)
    used = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [
        {
            "id": n,
            "label": G.nodes[n].get("label") or n,
            "type": G.nodes[n].get("type", ""),
            "mentions": G.nodes[n].get("mentions", 0),
            "alt": " ".join(x for x in (G.nodes[n].get(c) for c in LABEL_COLUMNS) if x),
        }
        for n in ranked
        if n in used
    ]
    return nodes, edges


def _dyads(store, names, first: tuple[str, str] | None) -> list[dict]:
    from bilat.graph.sparql_text import load_query

    cells: dict[tuple[str, str], dict[str, dict]] = defaultdict(
        lambda: defaultdict(lambda: {"classes": {}, "scored": []})
    )
    for r in store.select(load_query("dyad_months")):
        a, b = str(r["a"]), str(r["b"])
        m = cells[(a, b)][str(r["month"])]
        n = int(r["events"])
        m["classes"][str(r["class"])] = m["classes"].get(str(r["class"]), 0) + n
        if "mean_goldstein" in r:
            m["scored"].append((n, float(r["mean_goldstein"])))
    out = []
    for (a, b), months in cells.items():
        series = []
        for month in _month_range(min(months), max(months)):
            m = months.get(month, {"classes": {}, "scored": []})
            n = sum(k for k, _ in m["scored"])
            series.append(
                {
                    "month": month,
                    "classes": m["classes"],
                    "total": sum(m["classes"].values()),
                    "goldstein": round(sum(k * s for k, s in m["scored"]) / n, 2) if n else None,
                }
            )
        out.append(
            {
                "a": a,
                "b": b,
                "label": f"{names.label(a)} – {names.label(b)}",
                "total": sum(x["total"] for x in series),
                "months": series,
            }
        )
    out.sort(key=lambda d: (-d["total"], d["label"]))
    if first:
        want = tuple(sorted(first))
        out.sort(key=lambda d: (d["a"], d["b"]) != want)
    return out


def page_data(store, *, dyad: tuple[str, str] | None = None, max_nodes: int = 80, **filters) -> dict:
    """Everything the page shows, as JSON-ready data."""
    from bilat.graph.table import Names
    from bilat.graph.views import network, resolve_entity

    names = Names(store)
    G = network(store, **filters)
    nodes, edges = _network_data(G, max_nodes)
    first = tuple(str(resolve_entity(store, x)) for x in dyad) if dyad else None
    dyads = _dyads(store, names, first)
    if first and (not dyads or (dyads[0]["a"], dyads[0]["b"]) != tuple(sorted(first))):
        raise ValueError(f"no events between {dyad[0]} and {dyad[1]} in the dyads of the store")
    docs = len(names.docs)
    summary = (
        f"{docs} documents · {len(nodes)} actors and {len(edges)} relations shown"
        f"{' around ' + filters['around'] if filters.get('around') else ''}"
        f" · {len(dyads)} pair{'' if len(dyads) == 1 else 's'} of countries"
        " · made by bilat from the store, offline"
    )
    class_order = [c for c in CLASS_COLORS]
    return {
        "nodes": nodes,
        "edges": edges,
        "dyads": dyads,
        "summary": summary,
        "type_colors": TYPE_COLORS,
        "class_colors": CLASS_COLORS,
        "class_order": class_order,
    }


def render(data: dict, title: str = "bilateral relations") -> str:
    text = TEMPLATE.read_text(encoding="utf-8")
    # JSON inside <script>: "</" and "<!--" could end or confuse the element; \u2028/9 are fine
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    return text.replace("__TITLE__", html.escape(title)).replace("__DATA__", payload)


def write_page(store, path, **options) -> str:
    data = page_data(store, **options)
    title = data["dyads"][0]["label"] if data["dyads"] else "bilateral relations"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(render(data, title), encoding="utf-8")
    return (
        f"{len(data['nodes'])} actors, {len(data['edges'])} relations, "
        f"{len(data['dyads'])} pair(s) of countries → {path}"
    )


__all__ = ["page_data", "render", "write_page"]
