"""The store, chosen by URL: an embedded on-disk Oxigraph (through rdflib's ``oxrdflib``) for a
folder path, or a remote SPARQL 1.1 server for ``sparql+http://…``.

Every write is one SPARQL Update request, which Oxigraph (embedded or server) applies in one
transaction: a document's facts go in whole or not at all.
"""
from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS

from bilat.graph import iris

DEFAULT_LOCATION = "bilat-store"


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line for the user."""


def default_location() -> str:
    return os.environ.get("BILAT_STORE") or DEFAULT_LOCATION


def is_remote(location: str) -> bool:
    return location.startswith(("sparql+http://", "sparql+https://"))


class Store:
    """An open store. Use :func:`open_store`."""

    location: str

    def select(self, query: str) -> list[dict]:
        from bilat.graph.sparql import select

        return select(self.target, query)

    def ask(self, query: str) -> bool:
        from bilat.graph.sparql import ask

        return ask(self.target, query)

    def run_query(self, query: str, *, fmt: str) -> tuple[bytes, str]:
        from bilat.graph.sparql import run_query

        return run_query(self.target, query, fmt=fmt)

    @property
    def target(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def update(self, sparql: str) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def dataset(self) -> Dataset:  # pragma: no cover - abstract
        raise NotImplementedError

    def union_graph(self) -> Graph:
        """Every triple of every graph, as one rdflib Graph (set semantics)."""
        g = Graph()
        data, _ = self.run_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", fmt="ntriples")
        g.parse(data=data.decode("utf-8"), format="nt")
        return g

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class LocalStore(Store):
    """Embedded Oxigraph on disk, reached through rdflib (oxrdflib) and pyoxigraph."""

    def __init__(self, path: str, *, create: bool):
        import pyoxigraph
        from oxrdflib import OxigraphStore

        p = Path(path)
        if not create and not p.exists():
            raise StoreError(f"{path}: no store here (run 'bilat ingest' first, or give --store)")
        if p.exists() and not p.is_dir():
            raise StoreError(f"{path}: not a store folder")
        try:
            self.ox = pyoxigraph.Store(str(p))
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store: {str(e).splitlines()[0]}") from e
        self.location = str(p)
        self._rdflib = Dataset(store=OxigraphStore(store=self.ox), default_union=True)

    @property
    def target(self):
        return self.ox

    def update(self, sparql: str) -> None:
        self.ox.update(sparql)

    def dataset(self) -> Dataset:
        return self._rdflib

    def quad_count(self) -> int:
        return len(self.ox)

    def close(self) -> None:
        try:
            if self.ox is not None:
                self.ox.flush()
        except Exception:  # noqa: BLE001 - closing must not hide the real error
            pass
        # drop the references, so that the store's lock goes with this object even while a
        # traceback (an exception raised inside ``with open_store(...)``) still holds it
        self.ox = None
        self._rdflib = None


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol server with query and update endpoints."""

    def __init__(self, url: str, *, timeout: float = 120.0):
        self.location = url
        from bilat.graph.sparql import endpoints

        self.query_url, self.update_url = endpoints(url)
        self.timeout = timeout

    @property
    def target(self):
        return self.query_url

    def update(self, sparql: str) -> None:
        req = urllib.request.Request(
            self.update_url, data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"{self.location}: update refused: {e.code} {body[0] if body else ''}") from e
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"{self.location}: cannot reach the store: {e}") from e

    def dataset(self) -> Dataset:
        ds = Dataset(default_union=True)
        data, _ = self.run_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", fmt="ntriples")
        ds.parse(data=data.decode("utf-8"), format="nt")
        return ds


def open_store(location: str | None = None, *, create: bool = False) -> Store:
    """Open the store at ``location`` (a folder, or a ``sparql+http(s)://`` URL).

    ``create`` allows a new embedded store; reading commands pass False so that a mistyped
    path is an error rather than an empty store.
    """
    location = location or default_location()
    if is_remote(location):
        return RemoteStore(location)
    return LocalStore(location, create=create)


def graph_ntriples(g: Graph) -> str:
    """N-Triples of ``g`` in a stable order (for INSERT DATA blocks)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g)
    return "\n".join(lines)


def replace_graph_update(graph: URIRef, g: Graph) -> str:
    """SPARQL Update text that replaces named graph ``graph`` with ``g``."""
    body = graph_ntriples(g)
    out = f"DROP SILENT GRAPH {graph.n3()} ;\n"
    if body:
        out += f"INSERT DATA {{ GRAPH {graph.n3()} {{\n{body}\n}} }}"
    return out


def ensure_ontology(store: Store) -> bool:
    """Load (or refresh) the ontology into its graph; True when it was (re)loaded."""
    from bilat.graph.triples import content_hash
    from bilat.ontology import ontology_turtle

    ttl = ontology_turtle()
    digest = content_hash(ttl)
    g_iri = iris.ONTOLOGY_GRAPH
    marker = URIRef(str(g_iri))
    have = store.select(
        f"SELECT ?h WHERE {{ GRAPH {g_iri.n3()} {{ {marker.n3()} {DCTERMS.hasVersion.n3()} ?h }} }}")
    if have and str(have[0]["h"]) == digest:
        return False
    g = Graph()
    g.parse(data=ttl, format="turtle")
    from rdflib import Literal

    g.add((marker, DCTERMS.hasVersion, Literal(digest)))
    store.update(replace_graph_update(g_iri, g))
    return True
