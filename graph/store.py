"""The store, chosen by URL: an embedded on-disk Oxigraph (through rdflib's ``oxrdflib``) for a
folder path, or a remote SPARQL 1.1 server for ``sparql+http://…``.

Every write is one SPARQL Update request, which Oxigraph (embedded or server) applies in one
transaction: a document's facts go in whole or not at all (a very long document in several,
see :mod:`bilat.graph.write`).

Readers (``query``, ``stats``, ``export``, ``validate``, ``serve``) open an embedded store
read-only (``pyoxigraph.Store.read_only``): they take no lock and write nothing, so they work
while an ingest writes, on a read-only folder or file system and on a full disk. Each sees the
store as it was when opened.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
import uuid
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
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

    def subject_lines(self, nodes, graph: URIRef) -> list[str]:
        """The triples of named graph ``graph`` whose subject is one of ``nodes``, as
        N-Triples lines (``s p o .``)."""
        if not nodes:
            return []
        values = " ".join(n.n3() for n in sorted(nodes))
        rows = self.select(
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} GRAPH {graph.n3()} {{ ?s ?p ?o }} }}"
        )
        return [f"{r['s'].n3()} {r['p'].n3()} {r['o'].n3()} ." for r in rows]

    def run_query(self, query: str, *, fmt: str) -> tuple[bytes, str]:
        from bilat.graph.sparql import run_query

        return run_query(self.target, query, fmt=fmt)

    def may_hold_graph(self, graph: URIRef) -> bool:
        """Might named graph ``graph`` hold anything? False only when it certainly holds
        nothing (a remote store cannot tell cheaply: True)."""
        return True

    @property
    def target(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def update(self, sparql: str, *, described: dict | None = None) -> None:  # pragma: no cover
        """Run a SPARQL Update (one transaction). ``described``: what it leaves in the entities
        graph for some subjects, which an embedded store remembers (:class:`Described`)."""
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


FLUSH_BYTES = 2 << 20  # update text written between two flushes of the embedded store (its
# memtables hold 6-9 bytes per byte of update text: their peak is fixed, ~14 MB, whatever the
# input). Each flush makes a table that RocksDB's compactions merge again: writing the 200
# generated articles of the jobs benchmark twice (the second time replacing them) cost 3.03 CPU
# seconds flushing every 1 MB, 2.73 every 2 MB, 2.61-2.81 every 4 MB; the stub ingest of 10k
# documents peaked at 89, 94 and 104 MB (the writer's reads between two reopenings fill
# RocksDB's block cache too, more so the larger the store)
REOPEN_FLUSHES = 4  # flushes between two reopenings of a writer's store (see LocalStore._reopen;
# a reopening costs ~0.05-0.1 s: RocksDB's open, then its tables' indexes read again by the next
# queries; streaming 100k stub documents: every flush 88 MB peak in 196 s, every 4th 94 MB in 184 s,
# and ~4 % less of the Russian pipeline's time outside the parse)
OPEN_ATTEMPTS = 5  # a read-only open racing a writer's compaction is tried again
MALLOC_ARENAS = 1  # glibc malloc arenas of a writing process (see limit_malloc_arenas)


class LocalStore(Store):
    """Embedded Oxigraph on disk, reached through rdflib (oxrdflib) and pyoxigraph; read-write
    for the writer, read-only (no lock, no write) for readers."""

    def __init__(self, path: str, *, create: bool, read_only: bool = False):
        p = Path(path)
        if not create and not p.exists():
            raise StoreError(f"{path}: no store here (run 'bilat ingest' first, or give --store)")
        if p.exists() and not p.is_dir():
            raise StoreError(f"{path}: not a store folder")
        if read_only and not (p / "CURRENT").is_file():
            raise StoreError(f"{path}: not a store (no Oxigraph data in this folder)")
        self.location = str(p)
        self.read_only = read_only
        self._written = 0
        self._flushes = 0
        self.described = Described()
        self._open()

    def _open(self) -> None:
        import pyoxigraph
        from oxrdflib import OxigraphStore

        for attempt in range(OPEN_ATTEMPTS):
            try:
                self.ox = (
                    pyoxigraph.Store.read_only(self.location)
                    if self.read_only
                    else pyoxigraph.Store(self.location)
                )
                break
            except (OSError, RuntimeError) as e:
                # (a read-only open racing a writer may find a file compacted away or a store
                # still being created: RocksDB says "Corruption" or "Column family not found")
                first = str(e).splitlines()[0] if str(e) else type(e).__name__
                if not self.read_only:
                    if "lock" in first.lower():
                        raise StoreError(
                            f"{self.location}: the store is being written by another "
                            "process (one ingest at a time)"
                        ) from e
                    raise StoreError(f"{self.location}: cannot open the store: {first}") from e
                if attempt + 1 == OPEN_ATTEMPTS:
                    raise StoreError(f"{self.location}: cannot open the store: {first}") from e
                time.sleep(0.05 * 2**attempt)  # files compacted away by a writer: look again
        if not self.read_only:
            prune_info_logs(self.location)
        self._rdflib = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        self._own_refs = self._refs()  # (this object's own references, whatever the Python)

    def _refs(self) -> tuple[int, int]:
        import sys

        return sys.getrefcount(self.ox), sys.getrefcount(self._rdflib)

    @property
    def target(self):
        return self.ox

    def _reading(self, run):
        """Run a read; a read-only view whose files a writer compacted away is opened again
        (a few times)."""
        from bilat.graph.sparql import QueryError

        for attempt in range(OPEN_ATTEMPTS):
            try:
                return run()
            except (OSError, RuntimeError, QueryError) as e:
                failed = not isinstance(e, QueryError) or isinstance(e.__cause__, (OSError, RuntimeError))
                if not (self.read_only and failed) or attempt + 1 == OPEN_ATTEMPTS:
                    raise
            time.sleep(0.05 * 2**attempt)
            self._open()

    def select(self, query: str) -> list[dict]:
        return self._reading(lambda: local_select(self.ox, query))

    def ask(self, query: str) -> bool:
        return self._reading(lambda: super(LocalStore, self).ask(query))

    def run_query(self, query: str, *, fmt: str) -> tuple[bytes, str]:
        return self._reading(lambda: super(LocalStore, self).run_query(query, fmt=fmt))

    def update(self, sparql: str, *, described: dict | None = None) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        try:
            self.ox.update(sparql)
        except BaseException:
            self.described.clear()
            raise
        if described is None:
            self.described.clear()  # an update that does not say what it leaves
        else:
            self.described.remember(described)
        # Oxigraph keeps what it wrote in memory until a flush: flush as we go, so that
        # writing a long document or many documents stays in bounded memory
        self._written += len(sparql)
        if self._written > FLUSH_BYTES:
            self.ox.flush()
            self._written = 0
            self._flushes += 1
            if self._flushes % REOPEN_FLUSHES == 0:
                self._reopen()

    def _reopen(self) -> bool:
        """Close the store and open it again (between two updates, after a flush: nothing is
        lost and no transaction is open). RocksDB keeps what it read and the tables it opened
        while a store stays open, so that a writer's memory would grow with the store (from
        ~115 MB at 10k stub documents to ~200 MB at 100k); reopened, it starts afresh, and the
        C heap's free pages go back to the system. Skipped (False) while something else holds
        the store's Python object (an rdflib view given out by :meth:`dataset`): closing needs
        every reference gone."""
        if self._refs() != self._own_refs:
            return False  # held elsewhere too
        self.ox = self._rdflib = None  # the last references: RocksDB closes here
        try:
            self._open()
        except StoreError:  # pragma: no cover - still held, by a reference cycle: collect it
            import gc

            gc.collect()
            self._open()
        _trim_heap()
        return True

    def subject_lines(self, nodes, graph: URIRef) -> list[str]:
        # straight from the store's indexes (no query, no result serialization); the entities
        # graph's subjects this writer described last, from what it remembers of them
        import pyoxigraph

        known: list[str] = []
        if graph == iris.ENTITIES_GRAPH:
            nodes = self.described.lines(nodes, known)
        g = pyoxigraph.NamedNode(str(graph))
        return known + self._reading(
            lambda: [
                f"{q.triple} ."
                for n in nodes
                for q in self.ox.quads_for_pattern(pyoxigraph.NamedNode(str(n)), None, None, g)
            ]
        )

    def may_hold_graph(self, graph: URIRef) -> bool:
        # Oxigraph lists every graph a quad was ever written into (dropping one unlists it):
        # an unlisted graph is empty, and a look-up costs a few µs (a DROP, a millisecond)
        import pyoxigraph

        return self._reading(lambda: self.ox.contains_named_graph(pyoxigraph.NamedNode(str(graph))))

    def dataset(self) -> Dataset:
        return self._rdflib

    def quad_count(self) -> int:
        return self._reading(lambda: len(self.ox))

    def close(self) -> None:
        if self.read_only:
            return
        try:
            if self.ox is not None:
                self.ox.flush()
        except Exception:  # noqa: BLE001 - closing must not hide the real error
            pass
        # drop the references, so that the store's lock goes with this object even while a
        # traceback (an exception raised inside ``with open_store(...)``) still holds it
        self.ox = None
        self._rdflib = None


DESCRIBED_SUBJECTS = 4096  # entities whose description a writer remembers (Described)


class Described:
    """What the entities graph of an embedded store says of the entities a writer described
    last: subject (an IRI) → its triples there, as N-Triples lines (at most
    :data:`DESCRIBED_SUBJECTS` subjects, the least recently described forgotten). The writer
    reads an entity's description before each document that mentions it (to write only what
    changed), and a document's entities are mostly those of the documents before it: reading
    them again cost a look-up per entity and three per line (Oxigraph keeps long terms apart).

    Valid because it changes only with the writes: :meth:`LocalStore.update` remembers what an
    update says it leaves in the entities graph (``described``), and forgets everything after
    any other update or a failed one; the store's lock keeps any other process from writing.
    A line may be written otherwise than the store would print it (another escaping): the same
    triple, and :func:`bilat.graph.write.diff_lines` compares triples so.

    >>> d = Described(2)
    >>> d.remember({"<urn:a>": frozenset({"<urn:a> <urn:p> <urn:x> ."}), "<urn:b>": frozenset()})
    >>> known = []
    >>> d.lines([URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")], known), known
    ([rdflib.term.URIRef('urn:c')], ['<urn:a> <urn:p> <urn:x> .'])
    >>> d.remember({"<urn:c>": frozenset()}); d.lines([URIRef("urn:a"), URIRef("urn:b")], [])
    [rdflib.term.URIRef('urn:a')]
    """

    def __init__(self, size: int = DESCRIBED_SUBJECTS):
        from collections import OrderedDict

        self.size = size
        self._lines: OrderedDict[str, frozenset[str]] = OrderedDict()

    def remember(self, described: dict[str, frozenset[str]]) -> None:
        """``described``: subject in N-Triples → every line of the entities graph about it."""
        for subject, lines in described.items():
            self._lines[subject] = lines
            self._lines.move_to_end(subject)
        while len(self._lines) > self.size:
            self._lines.popitem(last=False)

    def clear(self) -> None:
        self._lines.clear()

    def lines(self, nodes, out: list[str]) -> list:
        """Add the remembered lines of ``nodes`` to ``out``; returns the nodes not remembered."""
        unknown = []
        for n in nodes:
            got = self._lines.get(f"<{n}>")
            if got is None:
                unknown.append(n)
            else:
                out.extend(got)
        return unknown


def local_select(ox_store, query: str) -> list[dict]:
    """Rows of a SELECT query on an embedded store, as :meth:`Store.select` gives them
    (``{variable: rdflib term}``, unbound variables left out, the default graph the union of
    the named ones, :data:`DEFAULT_PREFIXES <bilat.graph.sparql_text.DEFAULT_PREFIXES>`
    declared), read from the store's solutions directly. ``Store.select`` runs bilat's own
    queries (the writer's, some 2 a document): the query interface's checks of a user's text
    (its form and depth, read by a Python tokenizer) and the round trip through SPARQL JSON
    results cost more than the store's answer to such a small query. A query of another form
    still fails (:class:`QueryError <bilat.graph.sparql_errors.QueryError>`).

    >>> import pyoxigraph
    >>> s = pyoxigraph.Store()
    >>> s.update('INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> "x"@en , "y" , 2 } }')
    >>> rows = local_select(s, "SELECT ?l ?n WHERE { <urn:a> ?p ?l OPTIONAL { ?l a ?n } } ORDER BY STR(?l)")
    >>> [(sorted(r), r["l"].n3()) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [(['l'], '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'), (['l'], '"x"@en'), (['l'], '"y"')]
    """
    import pyoxigraph

    from bilat.graph.sparql_errors import QueryError, syntax_error
    from bilat.graph.sparql_text import DEFAULT_PREFIXES

    try:
        result = ox_store.query(query, use_default_graph_as_union=True, prefixes=dict(DEFAULT_PREFIXES))
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [(v, v.value) for v in result.variables]
        return [{name: _rdflib_term(t) for v, name in names if (t := row[v]) is not None} for row in result]
    except SyntaxError as exc:
        raise syntax_error(str(exc)) from None
    except (OSError, RuntimeError) as exc:  # the store's files (a writer compacted them away)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise QueryError(f"query failed: {first}") from exc


_XSD_STRING_IRI = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(t):
    """A pyoxigraph term as the rdflib term SPARQL JSON results decode to
    (:func:`bilat.graph.results.decode_term`)."""
    import pyoxigraph
    from rdflib import Literal

    if isinstance(t, pyoxigraph.NamedNode):
        return URIRef(t.value)
    if isinstance(t, pyoxigraph.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == _XSD_STRING_IRI else Literal(t.value, datatype=URIRef(dt))
    if isinstance(t, pyoxigraph.BlankNode):
        return BNode(t.value)
    return tuple(_rdflib_term(x) for x in (t.subject, t.predicate, t.object))  # RDF-star triple


_ARENAS_LIMITED = False


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap the number of glibc malloc arenas of this process (``mallopt(M_ARENA_MAX)``), once,
    before a writer's store is first opened. The command line's writer calls it (``bilat
    ingest`` and the other commands that write); a library user's process is left as it is (the
    cap holds for the whole process and cannot be undone): a program of one's own that writes
    much calls it first. Elsewhere than glibc, or when the user chose
    (``MALLOC_ARENA_MAX`` or ``GLIBC_TUNABLES`` in the environment), nothing. Returns whether
    the cap was set.

    RocksDB's flushes and compactions run in its own background threads, and glibc gives each
    such thread an arena of its own: freed there, memory stays scattered in pages the process
    keeps (``malloc_trim`` cannot give them back), and the arenas grew with every compaction,
    so that a writer's memory grew with the store (pure pyoxigraph writes, flushed, closed and
    reopened every 11,200 quads: right after a reopening 35 MB at 30 MB of tables, 52 MB at
    315 MB; peak 64 -> 76 MB). With one arena, shared with the Python thread, what RocksDB
    frees is reused: 34 -> 36 MB after a reopening, peak 59 -> 63 MB, same speed. glibc fixes
    the limit the first time a thread needs a new arena: a process that started threads which
    did so before this call keeps glibc's default (8 per core)."""
    global _ARENAS_LIMITED
    if _ARENAS_LIMITED:
        return True
    if "MALLOC_ARENA_MAX" in os.environ or "arena_max" in os.environ.get("GLIBC_TUNABLES", ""):
        return False
    import ctypes

    m_arena_max = -8  # glibc's malloc.h
    try:
        _ARENAS_LIMITED = ctypes.CDLL(None).mallopt(m_arena_max, arenas) == 1
    except (OSError, AttributeError, TypeError):  # pragma: no cover - not glibc
        return False
    return _ARENAS_LIMITED


def _trim_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; elsewhere
    nothing): what RocksDB freed on closing would otherwise stay in the process, scattered."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)  # (the symbols the process has loaded: the C library's)
    except (OSError, AttributeError, TypeError):  # pragma: no cover - not glibc
        pass


class RemoteStore(Store):
    """A SPARQL 1.1 Protocol server with query and update endpoints."""

    def __init__(self, url: str, *, timeout: float = 120.0):
        self.location = url
        from bilat.graph.sparql import endpoints

        self.query_url, self.update_url = endpoints(url)
        self.timeout = timeout
        self._checked = False

    @property
    def target(self):
        return self.query_url

    def update(self, sparql: str, *, described: dict | None = None) -> None:
        # (``described``: nothing remembered, other writers may change a server's store)
        req = urllib.request.Request(
            self.update_url,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"{self.location}: update refused: {e.code} {body[0] if body else ''}") from e
        except (urllib.error.URLError, OSError) as e:
            raise StoreError(f"{self.location}: cannot reach the store: {e}") from e

    def dataset(self) -> Dataset:
        """Every quad of bilat's graphs (``https://w3id.org/bilat/graph/…``) on the server,
        each in its named graph, as TriG and N-Quads exports keep them; the server's own graphs
        (Virtuoso's system graphs, say) are left out."""
        ds = Dataset(default_union=True)
        prefix = str(iris.GRAPH)
        for r in self.select(f"""SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                FILTER(STRSTARTS(STR(?g), "{prefix}")) }}"""):
            ds.graph(r["g"]).add((r["s"], r["p"], r["o"]))
        return ds

    def check_union_default_graph(self) -> None:
        """Refuse a server whose default graph is not the union of its named graphs: bilat
        writes every fact into a named graph and queries without GRAPH, so such a server
        would take the ingest and answer every later query with nothing. Probed once: one
        triple written into a graph of its own, looked for without GRAPH, then dropped."""
        if self._checked:
            return
        token = uuid.uuid4().hex
        graph = URIRef(f"{iris.GRAPH}probe/{token}")
        triple = f'{graph.n3()} {DCTERMS.identifier.n3()} "{token}"'
        self.update(f"INSERT DATA {{ GRAPH {graph.n3()} {{ {triple} }} }}")
        try:
            seen = self.ask(f"ASK {{ {triple} }}")
        finally:
            self.update(f"DROP SILENT GRAPH {graph.n3()}")
        if not seen:
            raise StoreError(
                f"{self.location}: the server's default graph is not the union of its named "
                f"graphs, so queries would not see what bilat writes; start Oxigraph with "
                f"'oxigraph serve --union-default-graph' (Virtuoso's default graph is the union "
                f"already; see README, 'Remote stores')"
            )
        self._checked = True


def open_store(location: str | None = None, *, create: bool = False, read_only: bool = False) -> Store:
    """Open the store at ``location`` (a folder, or a ``sparql+http(s)://`` URL).

    ``create`` allows a new embedded store; reading commands pass False so that a mistyped
    path is an error rather than an empty store. ``read_only`` opens an embedded store
    without a lock or any write (readers beside a writer).
    """
    location = location or default_location()
    if is_remote(location):
        return RemoteStore(location)
    return LocalStore(location, create=create and not read_only, read_only=read_only)


def prepare_for_writing(store: Store) -> None:
    """Checks before the first write: a remote server must query the union of its graphs."""
    if isinstance(store, RemoteStore):
        store.check_union_default_graph()


@lru_cache(maxsize=1 << 16)
def term_nt(term) -> str:
    """An rdflib term as N-Triples (its ``n3()``), remembered: a document names the same
    predicates, entities, documents and dates again and again, and a typed literal's ``n3()``
    costs 2 µs (a bounded cache: a few MB at most).

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import XSD
    >>> term_nt(URIRef("http://a")), term_nt(Literal("2021", datatype=XSD.gYear))
    ('<http://a>', '"2021"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    >>> term_nt(Literal("x", lang="ru")), term_nt(Literal("x"))
    ('"x"@ru', '"x"')
    """
    return term.n3()


def triple_nt(s, p, o) -> str:
    """One triple as an N-Triples line."""
    return f"{term_nt(s)} {term_nt(p)} {term_nt(o)} ."


def graph_ntriples(g: Graph) -> str:
    """N-Triples of ``g`` in a stable order (for INSERT DATA blocks)."""
    return "\n".join(sorted(triple_nt(s, p, o) for s, p, o in g))


def replace_graph_update(graph: URIRef, g: Graph, *, empty: bool = False) -> str:
    """SPARQL Update text that replaces named graph ``graph`` with ``g`` (``empty``: the store
    holds nothing in that graph; nothing to drop)."""
    # blank nodes (the ontology's lists) go in a template: Virtuoso refuses them in DATA
    blank = any(type(s) is BNode or type(o) is BNode for s, _, o in g)  # (no predicate is one)
    return replace_graph_text(graph, graph_ntriples(g), empty=empty, template=blank)


def replace_graph_text(graph: URIRef, body: str, *, empty: bool = False, template: bool = False) -> str:
    """SPARQL Update text that replaces named graph ``graph`` with the triples of ``body``
    (N-Triples; ``template``: it has blank nodes, inserted by a template rather than as data).

    >>> print(replace_graph_text(URIRef("urn:g"), "<urn:a> <urn:p> <urn:b> ."))
    DROP SILENT GRAPH <urn:g> ;
    INSERT DATA { GRAPH <urn:g> {
    <urn:a> <urn:p> <urn:b> .
    } }
    >>> replace_graph_text(URIRef("urn:g"), "", empty=True)
    ''
    """
    out = "" if empty else f"DROP SILENT GRAPH {graph.n3()} ;\n"
    if body:
        if template:
            out += f"INSERT {{ GRAPH {graph.n3()} {{\n{body}\n}} }} WHERE {{}}"
        else:
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
        f"SELECT ?h WHERE {{ GRAPH {g_iri.n3()} {{ {marker.n3()} {DCTERMS.hasVersion.n3()} ?h }} }}"
    )
    if have and str(have[0]["h"]) == digest:
        return False
    store.update(_ontology_update(ttl, digest))
    return True


@lru_cache(maxsize=2)
def _ontology_update(ttl: str, digest: str) -> str:
    """The update that writes the ontology ``ttl`` (of content hash ``digest``) into its graph,
    made once per process: parsing the Turtle cost more than the store's write of it, in every
    ingest into a new store."""
    from rdflib import Literal

    g = Graph()
    g.parse(data=ttl, format="turtle")
    marker = URIRef(str(iris.ONTOLOGY_GRAPH))
    g.add((marker, DCTERMS.hasVersion, Literal(digest)))
    return replace_graph_update(iris.ONTOLOGY_GRAPH, g)


def old_info_logs(names) -> list[str]:
    """The RocksDB info logs of earlier opens among a store folder's file names: each
    read-write open renames ``LOG`` to ``LOG.old.<microseconds>`` (~140 KB, diagnostics only,
    and RocksDB keeps a thousand), so a store ingested into a few hundred times carries tens of
    MB of them; the data, its manifest and options are never among them.

    >>> old_info_logs(["LOG", "LOG.old.1796429653267006", "000010.sst", "OPTIONS-000007"])
    ['LOG.old.1796429653267006']
    """
    return sorted(n for n in names if n.startswith("LOG.old."))


def prune_info_logs(location: str) -> int:
    """Remove the info logs of earlier opens from an embedded store's folder (the writer's,
    after opening it: RocksDB writes only the current ``LOG``); returns the bytes freed."""
    freed = 0
    try:
        for name in old_info_logs(os.listdir(location)):
            f = Path(location) / name
            try:
                freed += f.stat().st_size
                f.unlink()
            except OSError:  # pragma: no cover - gone meanwhile, or not ours to remove
                pass
    except OSError:  # pragma: no cover - an unreadable folder: nothing to prune
        pass
    return freed


def _folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def compact_store(location: str) -> tuple[int, int, int]:
    """Rewrite an embedded store compressed: its quads bulk-loaded into a new folder beside it,
    which then takes its place. Returns (quads, bytes before, bytes after).

    Oxigraph's RocksDB compresses (LZ4) only the levels below the first one data is compacted
    into, which a store reaches once an index outgrows 512 MB (a few GB of store): a smaller
    store stays uncompressed, about twice its compressed size, however it is optimized.
    Bulk-loaded tables are compressed whatever the size. The writer's lock is held throughout
    (no ingest meanwhile); readers should be stopped, since the folder is replaced."""
    import shutil

    import pyoxigraph

    if is_remote(location):
        raise StoreError(f"{location}: a remote store compacts itself (see its server's documentation)")
    path = Path(location)
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{location}: not a store (no Oxigraph data in this folder)")
    fresh = path.with_name(path.name + ".compacting")
    old = path.with_name(path.name + ".compacted-old")
    for leftover in (fresh, old):  # what an interrupted compaction left
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        src = pyoxigraph.Store(str(path))
    except OSError as e:
        raise StoreError(f"{location}: cannot open the store (is an ingest running?): {e}") from e
    src.flush()
    before = _folder_bytes(path)
    quads = len(src)
    dst = pyoxigraph.Store(str(fresh))
    dst.bulk_extend(src)
    dst.flush()
    if len(dst) != quads:  # pragma: no cover - a bulk load that lost quads
        del dst
        shutil.rmtree(fresh, ignore_errors=True)
        raise StoreError(f"{location}: compaction failed (quad counts differ); the store is unchanged")
    dst.optimize()
    del dst, src
    path.rename(old)
    fresh.rename(path)
    shutil.rmtree(old, ignore_errors=True)
    return quads, before, _folder_bytes(path)
