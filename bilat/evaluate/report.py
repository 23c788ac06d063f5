"""Figures from counts, the text tables, baselines."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from bilat.evaluate.gold import COLUMNS, TOLERANCE, GoldDoc, GoldError
from bilat.evaluate.scoring import Tally

#: Figures, in table order; per-type event figures follow in sorted order.
FIGURES = (
    "entities.precision",
    "entities.recall",
    "entities.f1",
    "entities.canonical_label",
    "entities.type_coarse",
    "entities.type_fine",
    "identity.within_language",
    "identity.across_languages",
    "positions.precision",
    "positions.recall",
    "positions.f1",
    "events.precision",
    "events.recall",
    "events.f1",
    "events.statement_speaker",
    "events.context",
)
#: The figures a baseline written by :func:`baseline_from` holds (the per-type event figures
#: rest on a handful of events each and are left out).
BASELINE_FIGURES = FIGURES


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def figures_from(tally: Tally) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, list[int]]]]:
    """Ratios (with F1 from precision and recall) and the counts behind them."""
    figs: dict[str, dict[str, float | None]] = {}
    counts: dict[str, dict[str, list[int]]] = {}
    extra = sorted(n for n in tally.counts if n not in FIGURES)
    for name in list(FIGURES) + extra:
        if name.endswith(".f1"):
            stem = name[: -len(".f1")]
            figs[name] = {
                c: _f1(tally.ratio(stem + ".precision", c), tally.ratio(stem + ".recall", c)) for c in COLUMNS
            }
        else:
            figs[name] = {c: tally.ratio(name, c) for c in COLUMNS}
            if name in tally.counts:
                counts[name] = {c: list(tally.counts[name][c]) for c in COLUMNS}
        figs[name] = {c: (round(v, 4) if v is not None else None) for c, v in figs[name].items()}
    return figs, counts


#: The project's first pair; the per-dyad table adds a row for all the other pairs together.
HOME_DYAD = "Kazakhstan – Russia"
OTHER_DYADS = "(all pairs but Kazakhstan – Russia)"
#: The figures of the per-dyad table.
DYAD_FIGURES = (
    "entities.precision",
    "entities.recall",
    "entities.f1",
    "entities.canonical_label",
    "positions.precision",
    "positions.recall",
    "events.precision",
    "events.recall",
    "events.statement_speaker",
)


def dyad_of(gold: GoldDoc) -> tuple[str, ...]:
    """The pair of countries a gold article is about: its ``dyad`` when given, else the two
    countries it names most often (names and adjectives counted in the text)."""
    if len(gold.dyad) == 2:
        return gold.dyad
    counts = []
    for e in gold.entities:
        if e.type == "Country":
            n = sum(gold.text.count(m) for m in set(e.mentions + e.adjectival) if m)
            counts.append((-n, e.name_en))
    return tuple(name for _, name in sorted(counts)[:2])


def dyad_key(dyad: Sequence[str]) -> str:
    """A dyad's name in the report: its countries in alphabetical order.

    >>> dyad_key(["Russia", "Kazakhstan"])
    'Kazakhstan – Russia'
    """
    return " – ".join(sorted(dyad)) if dyad else "(no pair)"


def _cell(report: Mapping, name: str, col: str) -> str:
    v = report["figures"].get(name, {}).get(col)
    if v is None:
        return "-"
    num_den = report.get("counts", {}).get(name, {}).get(col)
    return f"{v:.3f} ({num_den[0]}/{num_den[1]})" if num_den else f"{v:.3f}"


def format_report(report: Mapping) -> str:
    """The figures as a text table: rows = figures, columns = en, ru, all."""
    rows = [(name, *(_cell(report, name, c) for c in COLUMNS)) for name in report["figures"]]
    rows.append(("documents", *(str(report["documents"].get(c, 0)) for c in COLUMNS)))
    ing = report.get("ingest", {})
    rows.append(
        (
            "ingest words/s",
            *(
                (f"{ing[c]['words_per_second']:.0f}" if ing.get(c, {}).get("words_per_second") else "-")
                for c in COLUMNS
            ),
        )
    )
    head = ("figure", *COLUMNS)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(  # noqa: E731
        (r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])) for i in range(len(r))
    ).rstrip()
    out = [line(head), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n" + format_dyads(report)


def format_dyads(report: Mapping) -> str:
    """The per-dyad table: rows = pairs of countries (most documents first), columns = figures."""
    dyads = report.get("dyads") or {}
    if not dyads:
        return ""
    short = {
        n: n.replace("entities.", "ent.")
        .replace("positions.", "pos.")
        .replace("events.", "ev.")
        .replace("precision", "P")
        .replace("recall", "R")
        .replace("canonical_label", "label")
        .replace("statement_speaker", "speaker")
        for n in DYAD_FIGURES
    }
    head = ("dyad", "docs", *(short[n] for n in DYAD_FIGURES))
    rows = []
    for key, d in dyads.items():
        cells = [key, str(d["documents"])]
        for n in DYAD_FIGURES:
            v = d["figures"].get(n)
            cells.append("-" if v is None else f"{v:.2f}")
        rows.append(tuple(cells))
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "  ".join(  # noqa: E731
        (r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])) for i in range(len(r))
    ).rstrip()
    return "\n".join(["", line(head), "  ".join("-" * w for w in widths), *map(line, rows)]) + "\n"


def compare(report: Mapping, baseline: Mapping, *, tolerance: float = TOLERANCE) -> list[str]:
    """The figures of ``baseline["figures"]`` that ``report`` falls below by more than
    ``tolerance``, one line each (a figure the report no longer measures counts as a drop
    when its baseline is above the tolerance)."""
    drops = []
    base_figs = baseline.get("figures", {}) if isinstance(baseline, Mapping) else {}
    for name, cols in sorted(base_figs.items()):
        if not isinstance(cols, Mapping):
            continue
        for col, base in cols.items():
            if not isinstance(base, (int, float)) or isinstance(base, bool):
                continue
            now = report.get("figures", {}).get(name, {}).get(col)
            if now is None:
                if base > tolerance:
                    drops.append(f"{name} [{col}]: not measured any more (baseline {base:.3f})")
            elif now < base - tolerance:
                drops.append(f"{name} [{col}]: {now:.3f} < baseline {base:.3f}")
    return drops


def _floor2(v: float) -> float:
    return math.floor(v * 100 + 1e-9) / 100


def baseline_from(report: Mapping, names: Iterable[str] = BASELINE_FIGURES) -> dict[str, Any]:
    """A baseline holding ``names`` from ``report``, rounded down to two decimals."""
    figs = {}
    for name in names:
        cols = {c: _floor2(v) for c, v in report["figures"].get(name, {}).items() if v is not None}
        if cols:
            figs[name] = cols
    return {"figures": figs}


def read_baseline(path: str | Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise GoldError(f"{path}: cannot read the baseline: {e.strerror or e}") from e
    except ValueError as e:
        raise GoldError(f"{path}: invalid JSON: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise GoldError(f'{path}: not a baseline (expected {{"figures": {{...}}}})')
    return data
