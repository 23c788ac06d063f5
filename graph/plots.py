"""Pictures with matplotlib (no pyplot, no display: the figures render with Agg/SVG backends).

- :func:`timeline`: a dyad's events that happened per month, stacked by class, with the mean
  Goldstein score per month below (from the saved question ``dyad_by_month``);
- :func:`network_picture`: the actor network around an entity (``bilat.graph.views``), node
  colour by type, edge colour by mean Goldstein score.

Each writes a PNG and an SVG (the output name with either suffix, or none) and returns the paths.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from pathlib import Path

# one colour per event class (colour-blind-safe-ish palette, stable across pictures)
CLASS_COLORS = {
    "Consult": "#4e79a7",
    "Agree": "#59a14f",
    "Cooperate": "#8cd17d",
    "Support": "#76b7b2",
    "Aid": "#b6992d",
    "Request": "#f1ce63",
    "Demand": "#d37295",
    "Statement": "#bab0ac",
    "Anniversary": "#d4a6c8",
    "Accuse": "#f28e2b",
    "Reject": "#ff9d9a",
    "Protest": "#e15759",
    "Threaten": "#b07aa1",
    "Sanction": "#9c755f",
}
TYPE_COLORS = {
    "Country": "#4e79a7",
    "Person": "#f28e2b",
    "GovernmentBody": "#59a14f",
    "InternationalOrganization": "#76b7b2",
    "MediaOutlet": "#bab0ac",
    "Company": "#edc948",
    "City": "#af7aa1",
    "Place": "#af7aa1",
    "Project": "#e15759",
    "Organization": "#9c755f",
}


def _outputs(path: str | Path) -> list[Path]:
    p = Path(path)
    stem = p.with_suffix("") if p.suffix.lower() in (".png", ".svg") else p
    stem.parent.mkdir(parents=True, exist_ok=True)
    return [stem.with_suffix(".png"), stem.with_suffix(".svg")]


def _save(fig, path) -> list[Path]:
    import matplotlib

    outs = _outputs(path)
    # SVG keeps its text as text (searchable, editable), not as glyph outlines
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        for out in outs:
            fig.savefig(
                out,
                dpi=110 if out.suffix == ".png" else None,
                bbox_inches="tight",
                metadata={"Date": None} if out.suffix == ".svg" else None,
            )
    return outs


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


def dyad_months(store, a: str, b: str) -> tuple[list[dict], str, str]:
    """Rows of ``dyad_by_month`` for two countries (IRIs, keys or names) and their labels."""
    from bilat.graph.saved import prepare
    from bilat.graph.table import Names

    rows = store.select(prepare(store, "dyad_by_month", {"a": a, "b": b}))
    from bilat.graph.views import resolve_entity

    names = Names(store)
    return rows, names.label(str(resolve_entity(store, a))), names.label(str(resolve_entity(store, b)))


def timeline(store, a: str, b: str, path) -> tuple[list[Path], int]:
    """Events per month by class and the mean Goldstein score for the dyad ``a``–``b``.
    Returns the files written and the number of events drawn."""
    from matplotlib.figure import Figure

    rows, name_a, name_b = dyad_months(store, a, b)
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    scored: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for r in rows:
        month, cls, n = str(r["month"]), str(r["class"]), int(r["events"])
        counts[month][cls] = counts[month].get(cls, 0) + n
        if "mean_goldstein" in r:
            scored[month].append((n, float(r["mean_goldstein"])))
    fig = Figure(figsize=(11, 6.2))
    ax, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.4]})
    total = sum(sum(c.values()) for c in counts.values())
    title = f"{name_a} – {name_b}: events that happened, per month"
    if not counts:
        ax.text(0.5, 0.5, "no dated events for this pair", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(title)
        return _save(fig, path), 0
    months = _month_range(min(counts), max(counts))
    xs = [_dt.date(int(m[:4]), int(m[5:7]), 15) for m in months]
    width = 24 if len(months) < 60 else 20
    bottom = [0] * len(months)
    classes = sorted(
        {c for m in counts.values() for c in m},
        key=lambda c: (list(CLASS_COLORS).index(c) if c in CLASS_COLORS else 99, c),
    )
    for cls in classes:
        heights = [counts.get(m, {}).get(cls, 0) for m in months]
        ax.bar(xs, heights, width=width, bottom=bottom, label=cls, color=CLASS_COLORS.get(cls, "#999999"))
        bottom = [b_ + h for b_, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("events")
    ax.set_title(f"{title} ({total} event{'' if total == 1 else 's'})")
    ax.legend(loc="upper left", fontsize=8, ncol=min(len(classes), 6), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    mx, my = [], []
    for m, x in zip(months, xs, strict=True):
        if scored.get(m):
            n = sum(k for k, _ in scored[m])
            mx.append(x)
            my.append(sum(k * s for k, s in scored[m]) / n)
    ax2.axhline(0, color="#888888", lw=0.8)
    ax2.plot(mx, my, "o-", color="#333333", ms=4, lw=1)
    for x, y in zip(mx, my, strict=True):
        ax2.vlines(x, 0, y, color="#59a14f" if y >= 0 else "#e15759", lw=3, alpha=0.6)
    ax2.set_ylim(-10, 10)
    ax2.set_ylabel("mean Goldstein")
    ax2.grid(axis="y", alpha=0.3)
    fig.autofmt_xdate()
    return _save(fig, path), total


def network_picture(G, path, title: str = "") -> list[Path]:
    """Draw a (small) actor network: spring layout, fixed seed."""
    import networkx as nx
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 9))
    ax = fig.subplots()
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no relations", ha="center", va="center", transform=ax.transAxes)
        return _save(fig, path)
    simple = nx.Graph()
    for u, v, d in G.edges(data=True):
        w = simple.get_edge_data(u, v, {"weight": 0, "scores": []})
        scores = w["scores"] + (
            [d["goldstein"]] * max(1, d.get("events", 1)) if d.get("has_goldstein") else []
        )
        simple.add_edge(u, v, weight=w["weight"] + d.get("weight", 1), scores=scores)
    simple.add_nodes_from(G.nodes)
    pos = nx.spring_layout(simple, seed=7, k=2.5 / max(1, simple.number_of_nodes()) ** 0.5, iterations=100)
    center = G.graph.get("center")
    degrees = dict(simple.degree(weight="weight"))
    sizes = [60 + 12 * min(degrees.get(n, 0), 60) + (300 if n == center else 0) for n in simple]
    colors = [TYPE_COLORS.get(G.nodes[n].get("type", ""), "#cccccc") for n in simple]
    edge_colors, widths = [], []
    for _u, _v, d in simple.edges(data=True):
        s = sum(d["scores"]) / len(d["scores"]) if d["scores"] else 0.0
        edge_colors.append("#59a14f" if s > 0.5 else "#e15759" if s < -0.5 else "#aaaaaa")
        widths.append(0.6 + min(d["weight"], 10) * 0.4)
    nx.draw_networkx_edges(simple, pos, ax=ax, edge_color=edge_colors, width=widths, alpha=0.7)
    nx.draw_networkx_nodes(
        simple, pos, ax=ax, node_size=sizes, node_color=colors, edgecolors="#333333", linewidths=0.5
    )
    labels = {n: G.nodes[n].get("label", n) for n in simple}
    nx.draw_networkx_labels(simple, pos, labels=labels, ax=ax, font_size=8)
    present = sorted({G.nodes[n].get("type", "") for n in simple} & set(TYPE_COLORS))
    from matplotlib.lines import Line2D

    ax.legend(
        handles=[Line2D([], [], marker="o", ls="", color=TYPE_COLORS[t], label=t) for t in present],
        loc="lower left",
        fontsize=8,
        frameon=False,
    )
    return _save(fig, path)


__all__ = ["timeline", "network_picture", "dyad_months", "CLASS_COLORS", "TYPE_COLORS"]
