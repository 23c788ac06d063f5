"""The Python API: ``bilat.open(store)``.

>>> import tempfile, pathlib, bilat
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> _ = (tmp / "a.txt").write_text(
...     "АСТАНА, 5 июня 2024 года. Президент Казахстана Касым-Жомарт Токаев провёл переговоры "
...     "с президентом России Владимиром Путиным.", encoding="utf-8")
>>> with bilat.open(tmp / "store") as kg:
...     summary = kg.ingest([tmp / "a.txt"])
...     events = kg.events()                      # a pandas DataFrame, one row per event
...     rows = kg.query("SELECT ?d WHERE { ?x dcterms:date ?d }", frame=False)
...     countries = kg.query(saved="entity_profile", entity="Kazakhstan")
>>> summary.documents
1
>>> str(rows[0]["d"])                             # the dateline gave the document its date
'2024-06-05'
>>> sorted(set(events["class"]))
['Consult']
>>> events.loc[0, ["date", "date_precision", "participants"]].tolist()
['2024-06-05', 'document', 'Kassym-Jomart Tokayev; Vladimir Putin']
>>> "Казахстан" in set(countries["value"])
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any


def _pandas():
    try:
        import pandas
    except ImportError:  # pragma: no cover - pandas is pinned, but the API works without it
        return None
    return pandas


class Bilat:
    """An open bilat store. Use :func:`bilat.open`; close it (or use ``with``) when done."""

    def __init__(self, location: str | os.PathLike | None = None, *, create: bool = True):
        from bilat.graph.store import open_store

        self.store = open_store(None if location is None else str(location), create=create)

    # -- writing
    def ingest(
        self, paths: Iterable[str | os.PathLike] = (), *, documents: Iterable | None = None, on_problem=None
    ):
        """Read files or folders (or ``documents``: :class:`bilat.extract.records.Document`
        records), extract and write them; returns the :class:`bilat.app.IngestSummary`."""
        from bilat import app

        return app.ingest(
            [str(p) for p in paths],
            store=self.store,
            documents=documents,
            on_problem=on_problem or (lambda msg: None),
        )

    # -- reading
    def query(
        self, sparql: str | None = None, *, saved: str | None = None, frame: bool | None = None, **params: Any
    ):
        """Rows of a SELECT query (or a saved question, ``saved="dyad_by_month", a="Russia",
        b="Kazakhstan"``; parameters as on the command line). A pandas DataFrame of plain
        Python values when pandas is installed (or ``frame=True``), else (or with
        ``frame=False``) a list of ``{variable: rdflib term}`` dicts. ASK gives a bool."""
        from bilat.graph.sparql_text import query_kind

        if (sparql is None) == (saved is None):
            raise ValueError("give a SPARQL query or saved=NAME (one of them)")
        if saved is not None:
            from bilat.graph.saved import prepare

            sparql = prepare(self.store, saved, {k: str(v) for k, v in params.items()})
        elif params:
            from bilat.graph.bind import bind

            sparql = bind(sparql, **params)
        if query_kind(sparql) == "ASK":
            return self.store.ask(sparql)
        import json

        from bilat.graph.results import decode_term

        data, _ = self.store.run_query(sparql, fmt="json")
        doc = json.loads(data)
        columns = doc.get("head", {}).get("vars", [])  # in the query's order
        rows = [{k: decode_term(v) for k, v in b.items()} for b in doc.get("results", {}).get("bindings", [])]
        pd = _pandas() if frame is not False else None
        if pd is None:
            if frame:
                raise ImportError("frame=True needs pandas")
            return rows
        return pd.DataFrame([{c: _plain(r.get(c)) for c in columns} for r in rows], columns=columns)

    def events(self, *, frame: bool | None = None):
        """The events table (columns: :data:`bilat.graph.table.COLUMNS`), as a DataFrame
        when pandas is installed, else a list of dicts."""
        from bilat.graph.table import COLUMNS, event_rows

        rows = event_rows(self.store)
        pd = _pandas() if frame is not False else None
        if pd is None:
            return rows
        return pd.DataFrame(rows, columns=list(COLUMNS))

    def network(self, **filters):
        """The actor network as a networkx MultiDiGraph (filters of
        :func:`bilat.graph.views.network`)."""
        from bilat.graph.views import network

        return network(self.store, **filters)

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _plain(term: Any) -> Any:
    """An rdflib term as a plain Python value (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    from rdflib import Literal

    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, bool)):
            return value
        try:
            from decimal import Decimal

            if isinstance(value, Decimal):
                return float(value)
        except ImportError:  # pragma: no cover
            pass
        return str(term)
    return str(term)


def open(location: str | os.PathLike | None = None, *, create: bool = True) -> Bilat:  # noqa: A001
    """Open (or create) a store: a folder, ``sparql+http://…``, or the default
    (``$BILAT_STORE`` or ``./bilat-store``)."""
    return Bilat(location, create=create)
