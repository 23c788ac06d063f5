"""bilat.graph.sparql against a real on-disk Oxigraph store and a real Oxigraph server."""

from __future__ import annotations

import datetime
import doctest
import io
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib import BNode, Literal, URIRef

from bilat.graph import sparql
from bilat.graph.results import RESULT_FORMATS
from bilat.graph.sparql import (
    EndpointError,
    QueryError,
    QueryTimeout,
    UpdateNotAllowed,
    ask,
    bind,
    endpoints,
    format_table,
    load_query,
    query_kind,
    run_query,
    select,
)

# rdflib's own JSON-LD parser warns about its internals
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

BL = "https://w3id.org/bilat/ontology#"
ID = "https://w3id.org/bilat/id/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
G_ENTITIES = "https://w3id.org/bilat/graph/entities"
G_DOC = "https://w3id.org/bilat/graph/doc/news%2F1"
TRICKY = 'He said: "yes" \\ no\nnext line'


def _nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def sample_quads() -> list[ox.Quad]:
    """A few facts in two named graphs: entities, and one document's event."""
    ent, doc = _nn(G_ENTITIES), _nn(G_DOC)
    russia, kz, lavrov = _nn(ID + "russia"), _nn(ID + "kazakhstan"), _nn(ID + "sergey-lavrov")
    label, alt = _nn(RDFS + "label"), _nn(SKOS + "altLabel")
    ev = _nn("https://w3id.org/bilat/id/event/1")
    return [
        ox.Quad(russia, _nn(RDF_TYPE), _nn(BL + "Country"), ent),
        ox.Quad(russia, label, ox.Literal("Russia", language="en"), ent),
        ox.Quad(russia, label, ox.Literal("Россия", language="ru"), ent),
        ox.Quad(russia, alt, ox.Literal("Russian Federation", language="en"), ent),
        ox.Quad(kz, _nn(RDF_TYPE), _nn(BL + "Country"), ent),
        ox.Quad(kz, label, ox.Literal("Kazakhstan", language="en"), ent),
        ox.Quad(kz, label, ox.Literal("Казахстан", language="ru"), ent),
        ox.Quad(lavrov, _nn(RDF_TYPE), _nn(BL + "Person"), ent),
        ox.Quad(lavrov, label, ox.Literal("Sergey Lavrov", language="en"), ent),
        ox.Quad(ev, _nn(RDF_TYPE), _nn(BL + "Statement"), doc),
        ox.Quad(ev, _nn(BL + "speaker"), lavrov, doc),
        ox.Quad(ev, _nn(BL + "participant"), russia, doc),
        ox.Quad(ev, _nn(BL + "participant"), kz, doc),
        ox.Quad(ev, _nn(BL + "quote"), ox.Literal(TRICKY), doc),
        ox.Quad(ev, _nn(BL + "date"), ox.Literal("2024-05-01", datatype=_nn(XSD + "date")), doc),
        ox.Quad(ev, _nn(BL + "confidence"), ox.Literal("0.75", datatype=_nn(XSD + "decimal")), doc),
        ox.Quad(ev, _nn(BL + "count"), ox.Literal("3", datatype=_nn(XSD + "integer")), doc),
        ox.Quad(ev, _nn(BL + "evidence"), ox.BlankNode("b1"), doc),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    s = ox.Store(str(tmp_path_factory.mktemp("store")))
    s.extend(sample_quads())
    s.flush()
    return s


def to_rdflib(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD + "string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def ox_rows(store: ox.Store, query: str) -> list[dict[str, rdflib.term.Node]]:
    """Rows straight from pyoxigraph, as rdflib terms, for comparison."""
    result = store.query(query, use_default_graph_as_union=True, prefixes=sparql.DEFAULT_PREFIXES)
    names = [v.value for v in result.variables]
    return [{n: to_rdflib(sol[n]) for n in names if sol[n] is not None} for sol in result]


def parsed_rows(data: bytes, fmt: str) -> list[dict[str, rdflib.term.Node]]:
    result = rdflib.query.Result.parse(io.BytesIO(data), format=fmt)
    return [{str(k): v for k, v in row.items() if v is not None} for row in result.bindings]


def canon(rows: list[dict]) -> list[tuple]:
    """Rows compared without blank node labels (every format may relabel them)."""

    def key(v: object) -> object:
        return (
            ("_:",)
            if isinstance(v, BNode)
            else (type(v).__name__, str(v), getattr(v, "language", None), str(getattr(v, "datatype", None)))
        )

    return sorted(tuple(sorted((k, key(v)) for k, v in row.items())) for row in rows)


SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


# --------------------------------------------------------------------------- query_kind


@pytest.mark.parametrize(
    "text, kind",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("  # comment with SELECT { }\n prefix ex: <http://ex/> BASE <http://b/>\nask { ?s ?p ?o }", "ASK"),
        ("PREFIX : <http://ex/>\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <http://ex/a>", "DESCRIBE"),
    ],
)
def test_query_kind(text: str, kind: str) -> None:
    assert query_kind(text) == kind


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX ex: <http://ex/>\n# a comment\ndelete where { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://example.org/x.ttl>",
        "CREATE GRAPH <http://g>",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "ADD DEFAULT TO <http://g>",
    ],
)
def test_query_kind_refuses_updates(update: str) -> None:
    with pytest.raises(UpdateNotAllowed, match="updates are not allowed"):
        query_kind(update)


def test_query_kind_garbage_has_position() -> None:
    with pytest.raises(QueryError, match=r"line 2, column 3") as info:
        query_kind("PREFIX ex: <http://ex/>\n  SELEKT * { }")
    assert (info.value.line, info.value.column) == (2, 3)
    with pytest.raises(QueryError, match="empty query"):
        query_kind("# nothing\n")


def test_run_query_refuses_updates(store: ox.Store) -> None:
    with pytest.raises(UpdateNotAllowed):
        run_query(store, "DELETE WHERE { ?s ?p ?o }", fmt="json")
    assert len(store) == len(sample_quads())


# --------------------------------------------------------------------------- run_query


@pytest.mark.parametrize(
    "fmt, media",
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("tsv", "text/tab-separated-values"),
    ],
)
def test_select_formats_round_trip(store: ox.Store, fmt: str, media: str) -> None:
    data, media_type = run_query(store, SELECT_ALL, fmt=fmt)
    assert media_type.startswith(media)
    expected = ox_rows(store, SELECT_ALL)
    assert len(expected) == len(sample_quads())
    assert canon(parsed_rows(data, fmt)) == canon(expected)
    # the store's own serializer, byte for byte
    own = store.query(SELECT_ALL, use_default_graph_as_union=True).serialize(format=RESULT_FORMATS[fmt])
    assert data == own


def test_select_csv_round_trip(store: ox.Store) -> None:
    data, media_type = run_query(store, SELECT_ALL, fmt="csv")
    assert media_type.startswith("text/csv")
    assert data.startswith(b"s,p,o\r\n")
    # CSV keeps only the lexical forms (W3C: lossy by design)
    got = sorted(
        tuple(str(row[k]) for k in ("s", "p", "o") if k in row)
        for row in parsed_rows(data, "csv")
        if not isinstance(row.get("o"), BNode)
    )
    want = sorted(
        tuple(str(row[k]) for k in ("s", "p", "o"))
        for row in ox_rows(store, SELECT_ALL)
        if not isinstance(row["o"], BNode)
    )
    assert got == want
    assert TRICKY in {g[2] for g in got}


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ask_round_trip(store: ox.Store, fmt: str) -> None:
    yes, _ = run_query(store, 'ASK { ?x rdfs:label "Россия"@ru }', fmt=fmt)
    no, _ = run_query(store, 'ASK { ?x rdfs:label "Atlantis"@en }', fmt=fmt)
    assert rdflib.query.Result.parse(io.BytesIO(yes), format=fmt).askAnswer is True
    assert rdflib.query.Result.parse(io.BytesIO(no), format=fmt).askAnswer is False


def test_ask_csv_tsv_table(store: ox.Store) -> None:
    assert run_query(store, "ASK { ?s ?p ?o }", fmt="csv")[0] == b"true"
    assert run_query(store, "ASK { ?s ?p ?o }", fmt="tsv")[0] == b"true"
    assert run_query(store, "ASK { ?s bl:nothing ?o }", fmt="table") == (
        b"false\n",
        "text/plain; charset=utf-8",
    )


CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G_ENTITIES}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize(
    "fmt, rdflib_format, media",
    [
        ("turtle", "turtle", "text/turtle"),
        ("ntriples", "nt", "application/n-triples"),
        ("rdfxml", "xml", "application/rdf+xml"),
        ("jsonld", "json-ld", "application/ld+json"),
        ("json", "json-ld", "application/ld+json"),  # a graph asked for as json: JSON-LD
        ("xml", "xml", "application/rdf+xml"),
        ("csv", "turtle", "text/turtle"),
        ("table", "turtle", "text/turtle"),
    ],
)
def test_construct_formats(store: ox.Store, fmt: str, rdflib_format: str, media: str) -> None:
    data, media_type = run_query(store, CONSTRUCT, fmt=fmt)
    assert media_type.startswith(media)
    got = rdflib.Graph().parse(data=data, format=rdflib_format)
    want = rdflib.Graph()
    for t in store.query(CONSTRUCT):
        want.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    assert len(got) == len(want) == 9
    assert rdflib.compare.isomorphic(got, want)


def test_turtle_uses_prefixes(store: ox.Store) -> None:
    data, _ = run_query(store, CONSTRUCT, fmt="turtle")
    text = data.decode()
    assert "@prefix id: <https://w3id.org/bilat/id/> ." in text
    assert "id:russia" in text and "prefix foaf:" not in text


def test_describe(store: ox.Store) -> None:
    data, _ = run_query(store, "DESCRIBE id:russia", fmt="ntriples")
    graph = rdflib.Graph().parse(data=data, format="nt")
    assert (URIRef(ID + "russia"), URIRef(RDFS + "label"), Literal("Россия", lang="ru")) in graph


def test_format_mismatch(store: ox.Store) -> None:
    with pytest.raises(ValueError, match="CONSTRUCT/DESCRIBE"):
        run_query(store, SELECT_ALL, fmt="turtle")
    with pytest.raises(ValueError, match="unknown format"):
        run_query(store, SELECT_ALL, fmt="yaml")


def test_union_default_graph_sees_both_graphs(store: ox.Store) -> None:
    # Labels live in the entities graph, events in a document graph: one pattern joins them.
    rows = select(
        store,
        """
        SELECT ?name WHERE { ?ev a bl:Statement ; bl:speaker ?who . ?who rdfs:label ?name }""",
    )
    assert rows == [{"name": Literal("Sergey Lavrov", lang="en")}]
    graphs = select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [r["g"] for r in graphs] == [URIRef(G_DOC), URIRef(G_ENTITIES)]
    total = select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert total[0]["n"].toPython() == len(sample_quads())


def test_store_folder_target(store: ox.Store, tmp_path: Path) -> None:
    other = tmp_path / "s"
    s = ox.Store(str(other))
    s.extend(sample_quads()[:3])
    s.flush()
    del s
    assert select(str(other), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"].toPython() == 3
    with pytest.raises(QueryError, match="no store at"):
        run_query(str(tmp_path / "missing"), SELECT_ALL, fmt="json")


# --------------------------------------------------------------------------- errors


def test_syntax_error_has_position(store: ox.Store) -> None:
    query = "SELECT ?s\nWHERE {\n  ?s rdfs:label ?name .\n  ?s ?p }"
    with pytest.raises(QueryError) as info:
        run_query(store, query, fmt="json")
    message = str(info.value)
    # the parser's own position, as line and column
    with pytest.raises(SyntaxError) as raw:
        store.query(query, prefixes=sparql.DEFAULT_PREFIXES)
    line, column = (int(x) for x in str(raw.value).split()[2].rstrip(":").split(":"))
    assert line == 4
    assert message.startswith(f"SPARQL syntax error at line 4, column {column}: expected ")
    assert "\n" not in message
    assert (info.value.line, info.value.column) == (4, column)


def test_undeclared_unknown_prefix_is_an_error(store: ox.Store) -> None:
    with pytest.raises(QueryError, match="line 1"):
        run_query(store, "SELECT * { ?s nope:x ?o }", fmt="json")


def test_default_prefixes_and_own_declarations(store: ox.Store) -> None:
    assert ask(store, "ASK { id:russia a bl:Country }")
    # the query's own PREFIX wins over the default
    assert not ask(store, "PREFIX bl: <http://example.org/other#> ASK { id:russia a bl:Country }")
    with pytest.raises(QueryError):  # no defaults: bl: is unknown
        run_query(store, "ASK { id:russia a bl:Country }", fmt="json", prefixes={})


# --------------------------------------------------------------------------- select / ask


def test_select_gives_rdflib_terms(store: ox.Store) -> None:
    rows = select(
        store,
        """
        SELECT ?ev ?quote ?date ?n ?conf ?missing WHERE {
          ?ev bl:quote ?quote ; bl:date ?date ; bl:count ?n ; bl:confidence ?conf .
          OPTIONAL { ?ev bl:nothing ?missing } }""",
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["ev"] == URIRef("https://w3id.org/bilat/id/event/1")
    assert row["quote"] == Literal(TRICKY)
    assert row["date"].toPython() == datetime.date(2024, 5, 1)
    assert row["n"].toPython() == 3
    assert row["conf"].datatype == URIRef(XSD + "decimal")
    assert "missing" not in row
    with pytest.raises(QueryError, match="SELECT"):
        select(store, "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="ASK"):
        ask(store, SELECT_ALL)


# --------------------------------------------------------------------------- format_table


def test_format_table(store: ox.Store) -> None:
    data, _ = run_query(
        store,
        """
        SELECT ?e ?name ?date ?n ?conf ?quote WHERE {
          ?e rdfs:label ?name . FILTER(lang(?name) = "ru")
          OPTIONAL { ?ev bl:participant ?e ; bl:date ?date ; bl:count ?n ; bl:confidence ?conf ;
                     bl:quote ?quote . FILTER(?e = id:russia) } }
        ORDER BY ?e""",
        fmt="json",
    )
    table = format_table(data)
    lines = table.splitlines()
    assert lines == [
        "e             | name           | date                   | n | conf | quote",
        "--------------+----------------+------------------------+---+------+-----------"
        "-------------------------",
        'id:kazakhstan | "Казахстан"@ru |                        |   |      |',
        'id:russia     | "Россия"@ru    | "2024-05-01"^^xsd:date | 3 | 0.75 | '
        '"He said: \\"yes\\" \\\\ no\\nnext line"',
        "(2 rows)",
    ]


def test_format_table_iris_and_empty() -> None:
    data = (
        b'{"head":{"vars":["x","y"]},"results":{"bindings":['
        b'{"x":{"type":"uri","value":"http://example.org/a b"},'
        b'"y":{"type":"bnode","value":"b0"}},'
        b'{"x":{"type":"uri","value":"https://w3id.org/bilat/ontology#Country"}}]}}'
    )
    assert format_table(data).splitlines() == [
        "x                        | y",
        "-------------------------+-----",
        "<http://example.org/a b> | _:b0",
        "bl:Country               |",
        "(2 rows)",
    ]
    empty = b'{"head":{"vars":["x"]},"results":{"bindings":[]}}'
    assert format_table(empty) == "x\n-\n(0 rows)\n"
    assert format_table(b'{"head":{},"boolean":true}') == "true\n"


def test_table_format_from_run_query(store: ox.Store) -> None:
    data, media = run_query(
        store, "SELECT ?name WHERE { id:russia rdfs:label ?name } ORDER BY ?name", fmt="table"
    )
    assert media == "text/plain; charset=utf-8"
    assert data.decode() == 'name\n-----------\n"Russia"@en\n"Россия"@ru\n(2 rows)\n'


# --------------------------------------------------------------------------- bind

INJECTION = 'x" } ; DROP ALL ; #'


def test_bind_injection_stays_a_literal(store: ox.Store) -> None:
    query = bind("SELECT ?s WHERE { ?s rdfs:label ?label }", label=INJECTION)
    assert query_kind(query) == "SELECT"
    assert select(store, query) == []  # no such label, and nothing else happened
    data, _ = run_query(store, bind("SELECT ?label WHERE { }", label=INJECTION), fmt="json")
    assert parsed_rows(data, "json") == [{"label": Literal(INJECTION)}]
    assert len(store) == len(sample_quads())


@pytest.mark.parametrize(
    "value",
    [
        INJECTION,
        TRICKY,
        "'''",
        '"""',
        'end"',
        "a\\",
        "\r\n\t",
        "} UNION { ?s ?p ?o }",
        "Россия",
        "emoji 🇷🇺",
        "# not a comment",
    ],
)
def test_bind_strings_round_trip(store: ox.Store, value: str) -> None:
    rows = select(store, bind("SELECT ?v WHERE { }", v=value))
    assert rows == [{"v": Literal(value)}]


def test_bind_terms(store: ox.Store) -> None:
    q = "SELECT ?e WHERE { ?e rdfs:label ?label }"
    assert select(store, bind(q, label=Literal("Россия", lang="ru"))) == [{"e": URIRef(ID + "russia")}]
    assert select(store, bind(q, label="Россия")) == []  # a plain string is not @ru
    rows = select(
        store,
        bind(
            "SELECT ?label WHERE { ?e rdfs:label ?label } ORDER BY ?label",
            e=[URIRef(ID + "russia"), URIRef(ID + "kazakhstan")],
        ),
    )
    assert len(rows) == 4
    typed = select(
        store, bind("SELECT ?ev WHERE { ?ev bl:date ?d ; bl:count ?n }", d=datetime.date(2024, 5, 1), n=3)
    )
    assert typed == [{"ev": URIRef("https://w3id.org/bilat/id/event/1")}]
    undef = bind("SELECT ?x WHERE { ?x ?p ?o }", x=None)
    assert "VALUES ?x { UNDEF }" in undef
    assert "1.5" in bind("SELECT ?x { }", x=1.5) and "true" in bind("SELECT ?x { }", x=True)


def test_bind_placement() -> None:
    one = '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'
    # the top-level group and every sub-select's group that names the parameter
    assert bind("SELECT * { SELECT ?x WHERE { ?x ?p ?o } }", x=1) == (
        f"SELECT * {{ VALUES ?x {{ {one} }} {{ SELECT ?x WHERE {{ VALUES ?x {{ {one} }} ?x ?p ?o }} }} }}"
    )
    nested = bind("SELECT ?y { ?y ?q ?x { SELECT ?y { ?y ?p ?o } } { SELECT ?x { ?x ?p ?o } } }", x=1)
    assert nested == (
        f"SELECT ?y {{ VALUES ?x {{ {one} }} ?y ?q ?x {{ SELECT ?y {{ ?y ?p ?o }} }} "
        f"{{ SELECT ?x {{ VALUES ?x {{ {one} }} ?x ?p ?o }} }} }}"
    )
    construct = bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", s=URIRef("http://a"))
    assert construct == "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <http://a> } ?s ?p ?o }"
    short = bind("CONSTRUCT WHERE { ?s ?p ?o }", s=URIRef("http://a"))
    assert short.endswith("\nVALUES (?s) { (<http://a>) }\n")
    tricky = bind('# where {\nSELECT * WHERE { ?s ?p "{" }', s=URIRef("http://a"))
    assert tricky == '# where {\nSELECT * WHERE { VALUES ?s { <http://a> } ?s ?p "{" }'


def test_bind_runs_everywhere(store: ox.Store) -> None:
    russia = URIRef(ID + "russia")
    sub = bind("SELECT ?n WHERE { SELECT ?e (COUNT(*) AS ?n) WHERE { ?e ?p ?o } GROUP BY ?e }", e=russia)
    assert select(store, sub)[0]["n"].toPython() == 4
    short = bind("CONSTRUCT WHERE { ?e rdfs:label ?l }", e=russia)
    graph = rdflib.Graph().parse(data=run_query(store, short, fmt="ntriples")[0], format="nt")
    assert len(graph) == 2
    describe = bind("DESCRIBE ?e", e=russia)
    assert run_query(store, describe, fmt="ntriples")[0].count(b"\n") == 4


def test_bind_rejects_bad_names_and_values() -> None:
    q = "SELECT ?e WHERE { ?e rdfs:label ?label }"
    for name in ["label>", "a b", "", "?label", "x}"]:
        with pytest.raises(ValueError, match="variable name"):
            bind(q, **{name: "x"})
    with pytest.raises(ValueError, match="no variable"):
        bind(q, lable="x")
    with pytest.raises(ValueError, match="blank node"):
        bind(q, label=BNode())
    with pytest.raises(ValueError, match="valid URI"):
        bind(q, e=URIRef("http://a> } ; DROP ALL ; <x"))
    with pytest.raises(TypeError):
        bind(q, label=object())
    with pytest.raises(ValueError, match="empty"):
        bind(q, label=[])
    with pytest.raises(UpdateNotAllowed):
        bind("DELETE WHERE { ?s ?p ?label }", label="x")


def test_doctests() -> None:
    from bilat.graph import bind, remote, results, sparql_errors, sparql_text

    attempted = 0
    for module in (sparql, sparql_errors, sparql_text, bind, results, remote):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted >= 10


# --------------------------------------------------------------------------- stored queries


def test_load_query_entity_by_label(store: ox.Store) -> None:
    query = load_query("entity_by_label")
    assert load_query("entity_by_label.rq") == query
    assert "entity_by_label" in sparql.list_queries()
    rows = select(store, bind(query, label=Literal("Russian Federation", lang="en")))
    assert rows == [
        {
            "entity": URIRef(ID + "russia"),
            "class": URIRef(BL + "Country"),
            "name": Literal("Russia", lang="en"),
        }
    ]
    plain = select(store, bind(query, label="Казахстан"))  # a plain string: any language
    assert [r["entity"] for r in plain] == [URIRef(ID + "kazakhstan")]
    assert select(store, bind(query, label=INJECTION)) == []


def test_load_query_rejects_bad_names() -> None:
    for name in ["../pyproject", "a/b", "", ".hidden"]:
        with pytest.raises(ValueError):
            load_query(name)
    with pytest.raises(FileNotFoundError, match="entity_by_label"):
        load_query("no_such_query")


def test_endpoints() -> None:
    assert endpoints("sparql+http://127.0.0.1:7878") == (
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
    )
    assert endpoints("sparql+http://127.0.0.1:7878/") == (
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
    )
    assert endpoints("sparql+https://h.example/ds/query?x=1") == (
        "https://h.example/ds/query?x=1",
        "https://h.example/ds/update?x=1",
    )
    assert endpoints("sparql+http://h.example/sparql") == (
        "http://h.example/sparql",
        "http://h.example/sparql",
    )
    with pytest.raises(ValueError):
        endpoints("http://h.example/query")


# --------------------------------------------------------------------------- remote store

OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path, quads: list[ox.Quad]) -> tuple[subprocess.Popen, int]:
    """The real Oxigraph server on 127.0.0.1, loaded with `quads` over HTTP."""
    if not OXIGRAPH.exists():
        pytest.skip(f"no oxigraph server binary at {OXIGRAPH} (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(
                    "oxigraph did not start: " + proc.stderr.read().decode(errors="replace")
                ) from None
            time.sleep(0.05)
    body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/store",
        data=body,
        method="POST",
        headers={"Content-Type": "application/n-quads"},
    )
    urllib.request.urlopen(request, timeout=30).close()
    return proc, port


def stop_oxigraph(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    if proc.stderr:
        proc.stderr.close()


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory):
    proc, port = start_oxigraph(tmp_path_factory.mktemp("oxigraph"), sample_quads())
    yield f"sparql+http://127.0.0.1:{port}"
    stop_oxigraph(proc)


ORDERED = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(!isBlank(?o)) } ORDER BY ?s ?p ?o"


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml", "table"])
def test_remote_select_same_bytes(store: ox.Store, remote: str, fmt: str) -> None:
    local = run_query(store, ORDERED, fmt=fmt)
    assert run_query(remote, ORDERED, fmt=fmt) == local
    assert run_query(endpoints(remote)[0], ORDERED, fmt=fmt) == local  # plain endpoint URL
    if fmt in ("json", "xml", "tsv"):
        assert canon(parsed_rows(local[0], fmt)) == canon(ox_rows(store, ORDERED))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld", "json"])
def test_remote_construct(store: ox.Store, remote: str, fmt: str) -> None:
    data, media = run_query(remote, CONSTRUCT, fmt=fmt)
    local_data, local_media = run_query(store, CONSTRUCT, fmt=fmt)
    assert media == local_media
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}.get(fmt, "json-ld")
    assert rdflib.compare.isomorphic(
        rdflib.Graph().parse(data=data, format=rdflib_format),
        rdflib.Graph().parse(data=local_data, format=rdflib_format),
    )


@pytest.mark.slow
def test_remote_select_ask_union_and_bind(remote: str) -> None:
    assert ask(remote, 'ASK { id:russia rdfs:label "Россия"@ru }')
    rows = select(remote, bind(load_query("entity_by_label"), label=Literal("Russia", lang="en")))
    assert [r["entity"] for r in rows] == [URIRef(ID + "russia")]
    rows = select(remote, "SELECT ?name WHERE { ?ev bl:speaker/rdfs:label ?name }")
    assert rows == [{"name": Literal("Sergey Lavrov", lang="en")}]


@pytest.mark.slow
def test_remote_errors(remote: str) -> None:
    # the position is the user's, not shifted by the prefixes bilat declares for them
    with pytest.raises(QueryError) as info:
        run_query(remote, "SELECT * WHERE {\n  ?s bl:speaker ?o .\n  ?s ?p }", fmt="json")
    assert str(info.value).startswith("SPARQL syntax error at line 3, column 10:")
    assert (info.value.line, info.value.column) == (3, 10)
    with pytest.raises(UpdateNotAllowed):
        run_query(remote, "DROP ALL", fmt="json")
    assert ask(remote, "ASK { id:russia ?p ?o }")
    with pytest.raises(EndpointError, match="cannot reach"):
        run_query(f"sparql+http://127.0.0.1:{free_port()}", ORDERED, fmt="json", timeout=5)


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def filler_quads(n: int = 3000) -> list[ox.Quad]:
    return [
        ox.Quad(
            _nn(f"{ID}filler-{i}"),
            _nn(BL + "count"),
            ox.Literal(str(i), datatype=_nn(XSD + "integer")),
            _nn(G_DOC if i % 2 else G_ENTITIES),
        )
        for i in range(n)
    ]


@pytest.mark.slow
def test_remote_timeout(tmp_path: Path) -> None:
    proc, port = start_oxigraph(tmp_path / "ox", sample_quads() + filler_quads())
    try:
        url = f"sparql+http://127.0.0.1:{port}"
        started = time.monotonic()
        with pytest.raises(QueryTimeout, match="time limit of 0.5 s"):
            run_query(url, CROSS_JOIN, fmt="json", timeout=0.5)
        assert time.monotonic() - started < 3
        assert ask(url, "ASK { id:russia ?p ?o }", timeout=10)
    finally:
        stop_oxigraph(proc)  # it would go on with the cross join otherwise


@pytest.mark.parametrize("value", ["-4.4", "-0.5", "7.0", "-2"])
def test_tsv_of_a_negative_decimal_reads_back_in_rdflib(value: str) -> None:
    """The store writes -4.4 in TSV's short form, which rdflib's reader refuses: bilat
    writes negative decimals in the long form, the same term."""
    from rdflib.query import Result

    store = ox.Store()
    lit = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    store.add(ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:p"), lit, ox.NamedNode("urn:g")))
    data, _ = sparql.run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", fmt="tsv")
    rows = list(Result.parse(io.BytesIO(data), format="tsv"))
    assert [float(r[0]) for r in rows] == [float(value)]
