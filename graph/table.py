"""The events table: one row per event, the way analysts read GDELT's event tables.

Read from the store through SPARQL only (``events_table.rq``, ``event_links.rq``,
``labels.rq``) and written as CSV (UTF-8, header, RFC 4180 quoting) or Parquet; both read back
with pandas and DuckDB. The columns, in order:

=====================  ======================================================================
column                 meaning
=====================  ======================================================================
``event``              the event's IRI
``date``               ISO date: the event's own ``bl:date``, else its document's date
                       (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` when only that is known);
                       empty when neither is known
``date_precision``     ``day`` | ``month`` | ``year`` (the text dates the event), or
                       ``document`` (the date is inherited from the reporting document)
``month``              ``YYYY-MM`` of ``date`` (empty for a year-only date)
``class``              the event class (PLOVER-aligned local name: ``Consult``, ``Agree``, …)
``cameo``              CAMEO code
``goldstein``          Goldstein score, −10 (conflict) … +10 (cooperation); empty if none
``context``            ``planned`` | ``hypothetical`` | ``negated``; empty: it happened
``happened``           ``true`` when ``context`` is empty
``mode``               ``meet`` | ``visit`` | ``phone`` | ``host`` (Consult)
``source``             who acts (labels, ``; ``-joined); ``source_iri`` their IRIs
``target``             on whom; ``target_iri``
``speaker``            who spoke (Statement); ``speaker_iri``
``participants``       every actor taking part; ``participant_iris``
``implicit``           participants inferred from the article's pair of states
``place``              where; ``place_iri``
``project``            what it is about (``bl:about``: a project or topic); ``project_iri``
``quote``              the quoted words
``evidence``           the sentence(s) it was read from
``documents``          the reporting documents' ids; ``document_urls`` their URLs
``n_documents``        how many documents report it
=====================  ======================================================================

Labels are English where the entity has one, else Russian. Multi-valued cells join their
values, sorted, with ``"; "``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from typing import Any

from bilat.extract.languages import profiles
from bilat.graph.sparql_text import load_query

COLUMNS = (
    "event",
    "date",
    "date_precision",
    "month",
    "class",
    "cameo",
    "goldstein",
    "context",
    "happened",
    "mode",
    "source",
    "source_iri",
    "target",
    "target_iri",
    "speaker",
    "speaker_iri",
    "participants",
    "participant_iris",
    "implicit",
    "place",
    "place_iri",
    "project",
    "project_iri",
    "quote",
    "evidence",
    "documents",
    "document_urls",
    "n_documents",
)
_ACTOR_FIELDS = {  # predicate local name → (label column, IRI column)
    "source": ("source", "source_iri"),
    "target": ("target", "target_iri"),
    "speaker": ("speaker", "speaker_iri"),
    "participant": ("participants", "participant_iris"),
    "place": ("place", "place_iri"),
    "about": ("project", "project_iri"),
    "implicitParticipant": ("implicit", None),
}
SEP = "; "


def implicit_participants(text: str) -> dict[str, set[str]]:
    """A document's ``bl:eventImplicitParticipants`` literal as event IRI → the IRIs of its
    implicit participants.

    >>> found = implicit_participants("3f2a kazakhstan; 3f2a russia")
    >>> [(ev.rsplit("/", 1)[1], sorted(k.rsplit("/", 1)[1] for k in keys)) for ev, keys in found.items()]
    [('3f2a', ['kazakhstan', 'russia'])]
    """
    from bilat.graph import iris
    from bilat.graph.triples import event_from_key, parse_event_triggers

    return {
        str(event_from_key(key)): {str(iris.entity(k)) for k in keys}
        for key, keys in parse_event_triggers(text).items()
    }


class Names:
    """Labels of entities (English, else Russian, else any) and documents' ids, dates, URLs."""

    def __init__(self, store) -> None:
        labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.docs: dict[str, dict[str, str]] = {}
        for r in store.select(load_query("labels")):
            x = str(r["x"])
            if "label" in r:
                lab = r["label"]
                labels[x].setdefault(getattr(lab, "language", None) or "", str(lab))
            else:
                d = self.docs.setdefault(x, {"id": str(r["id"]), "date": "", "url": ""})
                if "date" in r:
                    d["date"] = (
                        min(filter(None, (d["date"], str(r["date"])))) if d["date"] else str(r["date"])
                    )
                if "url" in r:
                    d["url"] = str(r["url"])
        self.labels = labels

    def label(self, iri: str) -> str:
        by_lang = self.labels.get(str(iri))
        if not by_lang:
            return str(iri).rstrip("/").rsplit("/", 1)[-1]
        for lang in (*(p.label_tag for p in profiles().values()), ""):  # en, ru, untagged
            if lang in by_lang:
                return by_lang[lang]
        return sorted(by_lang.values())[0]

    def label_in(self, iri: str, lang: str) -> str:
        return self.labels.get(str(iri), {}).get(lang, "")


def _local(iri: Any) -> str:
    return str(iri).rsplit("#", 1)[-1]


def event_rows(store, names: Names | None = None) -> list[dict[str, Any]]:
    """The events table as a list of dicts (keys = :data:`COLUMNS`), ordered by date, class
    and IRI (undated events last)."""
    names = names or Names(store)
    base: dict[str, dict[str, Any]] = {}
    classes: dict[str, set[str]] = defaultdict(set)
    for r in store.select(load_query("events_table")):
        ev = str(r["ev"])
        classes[ev].add(_local(r["class"]))
        row = base.setdefault(ev, {"event": ev})
        for key in ("date", "precision", "context", "mode", "cameo", "goldstein"):
            if key in r and key not in row:
                row[key] = r[key]
    links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in store.select(load_query("event_links")):
        links[str(r["ev"])][_local(r["p"])].add(str(r["o"]))
    for r in store.select(load_query("event_implicit")):  # (compact and none mention modes)
        for ev, keys in implicit_participants(str(r["implicit"])).items():
            links[ev]["implicitParticipant"].update(keys)

    rows = []
    for ev, b in base.items():
        link = links.get(ev, {})
        docs = sorted(link.get("extractedFrom", ()), key=lambda d: names.docs.get(d, {}).get("id", d))
        doc_info = [names.docs.get(d, {"id": d.rsplit("/", 1)[-1], "date": "", "url": ""}) for d in docs]
        date, precision = (str(b["date"]), str(b.get("precision", ""))) if "date" in b else ("", "")
        if not date:
            doc_dates = sorted(i["date"] for i in doc_info if i["date"])
            if doc_dates:
                date, precision = doc_dates[0], "document"
        if date and not precision:
            precision = {10: "day", 7: "month", 4: "year"}.get(len(date), "")
        specific = sorted(classes[ev] - {"Event"}) or ["Event"]
        context = str(b.get("context", ""))
        row: dict[str, Any] = {
            "event": ev,
            "date": date,
            "date_precision": precision,
            "month": date[:7] if len(date) >= 7 else "",
            "class": specific[0],
            "cameo": str(b.get("cameo", "")),
            "goldstein": float(b["goldstein"]) if "goldstein" in b else None,
            "context": context,
            "happened": not context,
            "mode": str(b.get("mode", "")),
        }
        for pred, (label_col, iri_col) in _ACTOR_FIELDS.items():
            iris_ = sorted(link.get(pred, ()))
            row[label_col] = SEP.join(sorted({names.label(i) for i in iris_}))
            if iri_col:
                row[iri_col] = SEP.join(iris_)
        row["quote"] = SEP.join(sorted(link.get("quote", ())))
        row["evidence"] = SEP.join(sorted(link.get("evidence", ())))
        row["documents"] = SEP.join(i["id"] for i in doc_info)
        row["document_urls"] = SEP.join(i["url"] for i in doc_info if i["url"])
        row["n_documents"] = len(docs)
        rows.append({c: row.get(c, "") for c in COLUMNS})
    rows.sort(key=lambda r: (r["date"] == "", r["date"], r["class"], r["event"]))
    return rows


def write_csv(rows: list[dict[str, Any]], path) -> None:
    """CSV with a header, UTF-8, every field quoted where needed; booleans ``true``/``false``,
    a missing score an empty cell."""

    def cell(v: Any) -> Any:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return v

    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: cell(r[k]) for k in COLUMNS})


def arrow_table(rows: list[dict[str, Any]]):
    """The rows as a typed ``pyarrow.Table`` (strings, ``goldstein`` float64 with nulls,
    ``happened`` bool, ``n_documents`` int32)."""
    import pyarrow as pa

    types = {"goldstein": pa.float64(), "happened": pa.bool_(), "n_documents": pa.int32()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    return pa.Table.from_pylist(rows, schema=schema)


def write_parquet(rows: list[dict[str, Any]], path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(rows), path)


__all__ = ["COLUMNS", "Names", "event_rows", "write_csv", "write_parquet", "arrow_table"]
