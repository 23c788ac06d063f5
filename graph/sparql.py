"""SPARQL over the bilat store: run read-only queries (:func:`run_query`, :func:`select`,
:func:`ask`).

A *target* is where a query runs:

- a :class:`pyoxigraph.Store` (the embedded on-disk store);
- ``http://…`` / ``https://…``: the query endpoint of a SPARQL 1.1 Protocol server;
- ``sparql+http://…`` / ``sparql+https://…``: a bilat store URL (see
  :func:`bilat.graph.remote.endpoints`);
- any other string or path: the folder of an embedded store, opened read-only.

Which one is decided in one place, :func:`bilat.graph.remote.query_endpoint`.

Every query sees the union of all named graphs as its default graph (the embedded store is
queried with ``use_default_graph_as_union=True``; a remote Oxigraph is expected to run with
``--union-default-graph``). Only SELECT, ASK, CONSTRUCT and DESCRIBE are accepted: updates
raise :class:`UpdateNotAllowed`.

The prefixes of :data:`DEFAULT_PREFIXES` (``bl:``, ``id:``, ``rdfs:``, ``skos:``…) may be used
without declaring them; a query's own ``PREFIX`` declarations win.

The pieces live in modules of one job each, and their public names are also importable from
here: :mod:`bilat.graph.sparql_errors` (the errors), :mod:`bilat.graph.sparql_text` (query
text: form, depth, prefixes, the stored ``.rq`` files), :mod:`bilat.graph.bind` (parameters),
:mod:`bilat.graph.results` (formats, terms, tables), :mod:`bilat.graph.remote` (endpoints,
HTTP).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from bilat.graph.bind import bind
from bilat.graph.remote import endpoints, query_endpoint, run_remote
from bilat.graph.results import (
    RESULT_FORMATS,
    TABLE_MEDIA_TYPE,
    decode_term,
    format_table,
    output_format,
    portable_tsv,
    serialize_graph,
)
from bilat.graph.sparql_errors import (
    EndpointError,
    QueryError,
    QueryTimeout,
    QueryTooDeep,
    UpdateNotAllowed,
    syntax_error,
)
from bilat.graph.sparql_text import (
    DEFAULT_PREFIXES,
    MAX_CHAIN,
    MAX_NESTING,
    QUERIES_DIR,
    check_nesting,
    list_queries,
    load_query,
    query_kind,
)

__all__ = [
    "DEFAULT_PREFIXES",
    "EndpointError",
    "MAX_CHAIN",
    "MAX_NESTING",
    "QUERIES_DIR",
    "QueryError",
    "QueryTimeout",
    "QueryTooDeep",
    "UpdateNotAllowed",
    "ask",
    "bind",
    "check_nesting",
    "endpoints",
    "format_table",
    "list_queries",
    "load_query",
    "query_kind",
    "run_query",
    "select",
]


def _open_read_only(path: str | os.PathLike[str]) -> ox.Store:
    p = Path(path)
    if not (p / "CURRENT").is_file():
        raise QueryError(f"no store at {p}: the folder does not exist or is not an Oxigraph store")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise QueryError(f"cannot open the store at {p}: {exc}") from exc


def run_query(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    fmt: str = "json",
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> tuple[bytes, str]:
    """Run a read-only query and serialize its result; returns ``(bytes, media_type)``.

    ``fmt`` for SELECT/ASK: ``json``, ``csv``, ``tsv``, ``xml`` (the W3C SPARQL 1.1 result
    formats, as the store writes them) or ``table`` (:func:`format_table`, text/plain). For
    CONSTRUCT/DESCRIBE: ``turtle``, ``ntriples``, ``nquads``, ``rdfxml`` or ``jsonld``; there
    ``json`` means JSON-LD, ``xml`` RDF/XML, and ``csv``/``tsv``/``table`` Turtle.

    ``timeout`` (seconds) bounds a remote request (raising :class:`QueryTimeout`); the embedded
    store cannot interrupt a query (``bilat serve`` runs them in worker processes for that).
    ``prefixes`` defaults to :data:`DEFAULT_PREFIXES`; pass ``{}`` for none.
    """
    return _run_kind(target, query, query_kind(query), fmt=fmt, timeout=timeout, prefixes=prefixes)


def _run_kind(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    kind: str,
    *,
    fmt: str,
    timeout: float | None,
    prefixes: Mapping[str, str] | None,
) -> tuple[bytes, str]:
    """:func:`run_query` of a query whose ``kind`` (:func:`query_kind`, which reads and checks
    the whole text) the caller has already taken."""
    out = output_format(kind, fmt)
    prefixes = DEFAULT_PREFIXES if prefixes is None else prefixes
    if isinstance(target, ox.Store):
        return _run_local(target, query, kind, out, prefixes)
    if isinstance(target, (str, os.PathLike)):
        url = query_endpoint(target)
        if url is not None:
            return run_remote(url, query, kind, out, timeout, prefixes)
        return _run_local(_open_read_only(target), query, kind, out, prefixes)
    raise TypeError(
        f"cannot query a {type(target).__name__}: give a pyoxigraph.Store, an endpoint URL or a store folder"
    )


def _run_local(
    store: ox.Store, query: str, kind: str, out: str, prefixes: Mapping[str, str]
) -> tuple[bytes, str]:
    try:
        result = store.query(query, use_default_graph_as_union=True, prefixes=dict(prefixes) or None)
    except SyntaxError as exc:
        raise syntax_error(str(exc)) from None
    except (OSError, RuntimeError) as exc:  # the store's files (a writer compacted them away)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"query failed: {first}") from exc
    try:
        if kind in ("SELECT", "ASK"):
            if out == "table":
                return format_table(result.serialize(format=ox.QueryResultsFormat.JSON)).encode(
                    "utf-8"
                ), TABLE_MEDIA_TYPE
            results_format = RESULT_FORMATS[out]
            data = result.serialize(format=results_format)
            return (portable_tsv(data) if out == "tsv" else data), results_format.media_type
        return serialize_graph(list(result), out, prefixes)
    except (OSError, RuntimeError, ValueError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"query failed: {first}") from exc


def select(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> list[dict[str, Node]]:
    """Rows of a SELECT query as ``{variable: rdflib term}`` (unbound variables left out).

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/bilat/id/russia"),
    ...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...     ox.Literal("Россия", language="ru"), ox.NamedNode("https://w3id.org/bilat/graph/entities")))
    >>> select(store, "SELECT ?e ?name WHERE { ?e rdfs:label ?name }")  # doctest: +NORMALIZE_WHITESPACE
    [{'e': rdflib.term.URIRef('https://w3id.org/bilat/id/russia'),
      'name': rdflib.term.Literal('Россия', lang='ru')}]
    """
    kind = query_kind(query)
    if kind != "SELECT":
        raise QueryError(f"select() needs a SELECT query, not {kind}")
    data, _ = _run_kind(target, query, kind, fmt="json", timeout=timeout, prefixes=prefixes)
    doc = json.loads(data)
    return [
        {name: decode_term(value) for name, value in row.items()}
        for row in doc.get("results", {}).get("bindings", [])
    ]


def ask(
    target: ox.Store | str | os.PathLike[str],
    query: str,
    *,
    timeout: float | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> bool:
    """The answer of an ASK query."""
    kind = query_kind(query)
    if kind != "ASK":
        raise QueryError(f"ask() needs an ASK query, not {kind}")
    data, _ = _run_kind(target, query, kind, fmt="json", timeout=timeout, prefixes=prefixes)
    return bool(json.loads(data)["boolean"])
