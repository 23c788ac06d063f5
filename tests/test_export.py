"""Tests for bilat.graph.export: RDF -> property graph -> GraphML (Gephi, Cytoscape, yEd)."""

from __future__ import annotations

import datetime as dt
import doctest
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

from bilat.graph import export
from bilat.graph.export import (
    EDGE_ATTRIBUTES,
    NODE_ATTRIBUTES,
    export_graphml,
    property_graph,
    write_graphml,
)

BL = Namespace("https://w3id.org/bilat/ontology#")
ID = Namespace("https://w3id.org/bilat/id/")
DOC = Namespace("https://w3id.org/bilat/doc/")
WD = Namespace("http://www.wikidata.org/entity/")
GML = "{http://graphml.graphdrawing.org/xmlns}"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

RU, KZ, LAVROV = str(ID.russia), str(ID.kazakhstan), str(ID["sergey-lavrov"])
BAIKONUR, ROSKOSMOS, ASTANA = str(ID["baikonur-cosmodrome"]), str(ID.roskosmos), str(ID.astana)
UNNAMED = str(ID["unnamed-entity"])

ONTOLOGY = [
    (BL.Person, BL.Actor),
    (BL.Organization, BL.Actor),
    (BL.GovernmentBody, BL.Organization),
    (BL.Country, BL.Actor),
    (BL.Country, BL.Place),
    (BL.City, BL.Place),
    *((BL[c], BL.Event) for c in ("Statement", "Consult", "Agree", "Cooperate", "Support", "Request")),
]


def d(value: str) -> Literal:
    return Literal(value, datatype=XSD_DATE)


def build_graph(with_ontology: bool = True) -> Graph:
    g = Graph()
    add = g.add
    if with_ontology:
        for sub, sup in ONTOLOGY:
            add((sub, RDFS.subClassOf, sup))

    for doc, date in ((DOC.a, "2024-03-01"), (DOC.b, "2024-04-10"), (DOC.c, "2024-05-20")):
        add((doc, RDF.type, BL.Document))
        add((doc, DCTERMS.date, d(date)))

    def entity(iri, classes, docs, **labels):
        for cls in classes:
            add((iri, RDF.type, cls))
        for doc in docs:
            add((iri, BL.mentionedIn, doc))
        for lang, text in labels.items():
            add((iri, RDFS.label, Literal(text, lang=lang)))

    entity(ID.russia, [BL.Country], [DOC.a, DOC.b, DOC.c], en="Russia", ru="Россия")
    add((ID.russia, OWL.sameAs, WD.Q159))
    add((ID.russia, OWL.sameAs, URIRef("http://dbpedia.org/resource/Russia")))
    entity(
        ID.kazakhstan,
        [BL.Country, BL.Place, BL.Actor],
        [DOC.a, DOC.b, DOC.c],
        en="Kazakhstan",
        ru="Казахстан",
    )
    entity(ID["sergey-lavrov"], [BL.Person, BL.Actor], [DOC.a, DOC.b], en="Sergey Lavrov", ru="Сергей Лавров")
    entity(ID["baikonur-cosmodrome"], [BL.Project], [DOC.b], en="Baikonur\x07 Cosmodrome")
    entity(ID.roskosmos, [BL.GovernmentBody, BL.Organization], [DOC.b], ru="Роскосмос")
    entity(ID.astana, [BL.City], [DOC.c], en="Astana", ru="Астана")
    add((ID.astana, BL.country, ID.kazakhstan))  # direct entity-to-entity link
    entity(ID["unnamed-entity"], [], [DOC.c])  # no label, no class
    add((ID.ghost, RDFS.label, Literal("Ghost", lang="en")))  # not mentioned: not an entity

    # position (from the knowledge base: no document)
    pos = BNode()
    add((ID["sergey-lavrov"], BL.holdsPosition, pos))
    add((pos, RDF.type, BL.Position))
    add((pos, BL.title, Literal("Minister of Foreign Affairs", lang="en")))
    add((pos, BL.title, Literal("министр иностранных дел", lang="ru")))
    add((pos, BL.ofOrganization, ID.russia))
    add((pos, BL.startDate, d("2004-03-09")))

    def event(iri, cls, docs, date=None, **roles):
        add((iri, RDF.type, cls))
        for doc in docs:
            add((iri, BL.extractedFrom, doc))
        if date:
            add((iri, BL.date, d(date)))
        for role, values in roles.items():
            for value in values:
                add((iri, BL[role], value))

    ev = Namespace("https://w3id.org/bilat/id/event/")
    # one Statement reported by two documents
    event(
        ev.s1,
        BL.Statement,
        [DOC.a, DOC.b],
        "2024-03-01",
        speaker=[ID["sergey-lavrov"]],
        participant=[ID["sergey-lavrov"], ID.russia, ID.kazakhstan],
    )
    add((ev.s1, BL.quote, Literal("We value our partnership.", lang="en")))
    # Cooperate: three events, two distinct documents
    event(ev.c1, BL.Cooperate, [DOC.a], "2024-03-01", participant=[ID.russia, ID.kazakhstan])
    event(
        ev.c2,
        BL.Cooperate,
        [DOC.b],
        "2024-04-10",
        participant=[ID.kazakhstan, ID.russia],
        about=[ID["baikonur-cosmodrome"]],
    )
    event(ev.c3, BL.Cooperate, [DOC.a], "2024-03-02", participant=[ID.russia, ID.kazakhstan])
    # directed Consult without bl:date: the document's date is used
    event(
        ev.v1,
        BL.Consult,
        [DOC.c],
        source=[ID.russia],
        target=[ID.kazakhstan],
        participant=[ID.russia, ID.kazakhstan],
    )
    add((ev.v1, BL.mode, Literal("visit")))
    # same pair, another relation type
    event(ev.a1, BL.Agree, [DOC.c], "2024-05-20", participant=[ID.kazakhstan, ID.russia])
    # self-loop: dropped
    event(ev.x1, BL.Support, [DOC.c], source=[ID.russia], target=[ID.russia])
    # participant that is not an entity: no edge
    event(ev.x2, BL.Request, [DOC.c], participant=[ID.russia, ID.ghost])
    return g


EXPECTED_NODES = {
    # iri: (label, label_en, label_ru, type, mentions, wikidata)
    RU: ("Russia", "Russia", "Россия", "Country", 3, str(WD.Q159)),
    KZ: ("Kazakhstan", "Kazakhstan", "Казахстан", "Country", 3, ""),
    LAVROV: ("Sergey Lavrov", "Sergey Lavrov", "Сергей Лавров", "Person", 2, ""),
    BAIKONUR: ("Baikonur Cosmodrome", "Baikonur Cosmodrome", "", "Project", 1, ""),
    ROSKOSMOS: ("Роскосмос", "", "Роскосмос", "GovernmentBody", 1, ""),
    ASTANA: ("Astana", "Astana", "Астана", "City", 1, ""),
    UNNAMED: ("unnamed-entity", "", "", "", 1, ""),
}

EXPECTED_EDGES = {
    # (u, v, label): (predicate, kind, weight, first_date, last_date)
    (LAVROV, RU, "Minister of Foreign Affairs"): (str(BL.holdsPosition), "position", 1, "2004-03-09", ""),
    (ASTANA, KZ, "country"): (str(BL.country), "link", 1, "", ""),
    (LAVROV, RU, "Statement"): (str(BL.Statement), "event", 2, "2024-03-01", "2024-03-01"),
    (LAVROV, KZ, "Statement"): (str(BL.Statement), "event", 2, "2024-03-01", "2024-03-01"),
    (KZ, RU, "Statement"): (str(BL.Statement), "event", 2, "2024-03-01", "2024-03-01"),
    (KZ, RU, "Cooperate"): (str(BL.Cooperate), "event", 2, "2024-03-01", "2024-04-10"),
    (RU, KZ, "Consult"): (str(BL.Consult), "event", 1, "2024-05-20", "2024-05-20"),
    (KZ, RU, "Agree"): (str(BL.Agree), "event", 1, "2024-05-20", "2024-05-20"),
}


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return property_graph(build_graph())


@pytest.fixture(scope="module")
def graphml_path(G, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "bilat.graphml"
    write_graphml(G, path)
    return path


def edge_table(H) -> dict:
    return {(u, v, data["label"]): data for u, v, data in H.edges(data=True)}


# ---------------------------------------------------------------------------------------------
# property_graph


def test_counts(G):
    assert G.is_directed() and G.is_multigraph()
    assert set(G.nodes) == set(EXPECTED_NODES)
    assert G.number_of_nodes() == 7
    assert G.number_of_edges() == len(EXPECTED_EDGES) == 8


@pytest.mark.parametrize("iri", sorted(EXPECTED_NODES))
def test_node_attributes(G, iri):
    label, label_en, label_ru, type_, mentions, wikidata = EXPECTED_NODES[iri]
    data = G.nodes[iri]
    assert data == {
        "label": label,
        "label_en": label_en,
        "label_ru": label_ru,
        "type": type_,
        "mentions": mentions,
        "wikidata": wikidata,
        "iri": iri,
        "name": label,
    }


@pytest.mark.parametrize("key", sorted(EXPECTED_EDGES))
def test_edge_attributes(G, key):
    u, v, label = key
    predicate, kind, weight, first, last = EXPECTED_EDGES[key]
    assert G.has_edge(u, v, key=label)  # MultiDiGraph key = label
    data = G.edges[u, v, label]
    assert {k: data[k] for k in list(data)[:7]} == {
        "label": label,
        "interaction": label,
        "predicate": predicate,
        "kind": kind,
        "weight": weight,
        "first_date": first,
        "last_date": last,
    }
    assert data["documents"] == weight and data["context"] == ""
    assert data["event_class"] == (label if kind == "event" else "")


EDGE_TYPES = {
    "weight": int,
    "documents": int,
    "events": int,
    "goldstein": float,
    "has_goldstein": bool,
    "directed": bool,
}
GRAPHML_TYPES = {int: "long", float: "double", bool: "boolean", str: "string"}


def test_one_type_per_attribute(G):
    node_types = {name: {type(d[name]) for _, d in G.nodes(data=True)} for name in NODE_ATTRIBUTES}
    assert node_types == {name: {int} if name == "mentions" else {str} for name in NODE_ATTRIBUTES}
    for _u, _v, data in G.edges(data=True):
        assert list(data) == list(EDGE_ATTRIBUTES)
    edge_types = {name: {type(d[name]) for *_e, d in G.edges(data=True)} for name in EDGE_ATTRIBUTES}
    assert edge_types == {name: {EDGE_TYPES.get(name, str)} for name in EDGE_ATTRIBUTES}


def test_no_self_loops_nor_non_entities(G):
    assert nx.number_of_selfloops(G) == 0
    assert str(ID.ghost) not in G
    assert all(d["weight"] >= 1 for *_e, d in G.edges(data=True))  # Gephi drops weight 0


@pytest.mark.parametrize("with_ontology", [True, False], ids=["ontology", "fixed-order"])
def test_types_with_and_without_ontology(with_ontology):
    H = property_graph(build_graph(with_ontology))
    assert {n: d["type"] for n, d in H.nodes(data=True)} == {
        iri: row[3] for iri, row in EXPECTED_NODES.items()
    }
    assert edge_table(H).keys() == EXPECTED_EDGES.keys()


@pytest.mark.parametrize(
    "subclass_triple, expected",
    [(True, "Ministry"), (False, "GovernmentBody")],
    ids=["subclass-in-graph", "no-subclass"],
)
def test_most_specific_type_uses_the_graphs_ontology(subclass_triple, expected):
    g = Graph()
    e = ID["ministry-of-foreign-affairs-of-russia"]
    g.add((e, BL.mentionedIn, DOC.a))
    g.add((e, RDF.type, BL.GovernmentBody))
    g.add((e, RDF.type, BL.Ministry))
    if subclass_triple:
        g.add((BL.Ministry, RDFS.subClassOf, BL.GovernmentBody))
        g.add((BL.GovernmentBody, RDFS.subClassOf, BL.Organization))
    assert property_graph(g).nodes[str(e)]["type"] == expected


def test_dataset_is_read_as_union_of_named_graphs():
    ds = Dataset()
    for i, triple in enumerate(build_graph()):
        ds.graph(URIRef(f"https://w3id.org/bilat/graph/doc/{i % 3}")).add(triple)
    H = property_graph(ds)
    assert set(H.nodes) == set(EXPECTED_NODES)
    assert {k: d["weight"] for k, d in edge_table(H).items()} == {
        k: row[2] for k, row in EXPECTED_EDGES.items()
    }


def test_statement_edges_are_directed_from_the_speaker(G):
    assert not G.has_edge(RU, LAVROV) and not G.has_edge(KZ, LAVROV)
    assert set(G[LAVROV][RU]) == {"Statement", "Minister of Foreign Affairs"}
    assert set(G[KZ][RU]) == {"Statement", "Cooperate", "Agree"}


# ---------------------------------------------------------------------------------------------
# write_graphml


def test_graphml_reads_back_in_networkx(G, graphml_path):
    H = nx.read_graphml(graphml_path, force_multigraph=True)
    assert H.is_directed()
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert edge_table(H) == edge_table(G)
    assert H.number_of_edges() == G.number_of_edges()


def test_graphml_reads_in_igraph(G, graphml_path):
    igraph = pytest.importorskip("igraph")
    ig = igraph.Graph.Read_GraphML(str(graphml_path))
    assert ig.is_directed()
    assert (ig.vcount(), ig.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    assert "label" in ig.vs.attributes()
    assert all(isinstance(x, str) and x for x in ig.vs["label"])
    assert sorted(ig.vs["label"]) == sorted(row[0] for row in EXPECTED_NODES.values())
    assert sorted(ig.es["label"]) == sorted(k[2] for k in EXPECTED_EDGES)
    assert sorted(ig.es["weight"]) == sorted(float(row[2]) for row in EXPECTED_EDGES.values())
    assert sorted(ig.vs["mentions"]) == sorted(float(r[4]) for r in EXPECTED_NODES.values())


def test_graphml_is_well_formed_with_named_unique_keys(graphml_path):
    raw = graphml_path.read_bytes()
    assert b"\x07" not in raw
    text = raw.decode("utf-8")
    assert '<key id="label"' in text  # named_key_ids
    root = ET.fromstring(raw)  # no invalid characters
    keys = root.findall(f"{GML}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))  # key ids unique across node and edge keys
    by_scope = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert by_scope == {
        **{("node", n): "long" if n == "mentions" else "string" for n in NODE_ATTRIBUTES},
        **{("edge", n): GRAPHML_TYPES[EDGE_TYPES.get(n, str)] for n in EDGE_ATTRIBUTES},
    }
    assert not [k for k in keys if k.get("for") == "graph"]  # Gephi rejects graph-level keys
    graph = root.find(f"{GML}graph")
    assert graph.get("edgedefault") == "directed"
    assert "bilat" in graph.find(f"{GML}desc").text
    edge_ids = [e.get("id") for e in graph.findall(f"{GML}edge")]
    assert len(edge_ids) == len(set(edge_ids)) == 8  # Gephi drops edges with a repeated id
    labels = {
        n.get("id"): [x.text for x in n.findall(f"{GML}data") if x.get("key") == "label"]
        for n in graph.findall(f"{GML}node")
    }
    assert labels[BAIKONUR] == ["Baikonur Cosmodrome"]
    assert labels[ROSKOSMOS] == ["Роскосмос"]


@pytest.mark.parametrize(
    "values, expected",
    [
        ([1, None, 3], [1, 0, 3]),
        ([1, 2.5, None], [1.0, 2.5, 0.0]),
        (["a", 1, None], ["a", "1", ""]),
        ([dt.date(2024, 3, 1), None, "x"], ["2024-03-01", "", "x"]),
        ([["b", "a"], ("x",), None], ["b; a", "x", ""]),
        (["ok\x07", "\ud800lone", "bad\ufffe\uffff"], ["ok", "lone", "bad"]),
        ([URIRef("http://ex/a"), Literal("lit", lang="en"), None], ["http://ex/a", "lit", ""]),
        ([True, False, None], [True, False, False]),
    ],
    ids=["int", "int+float", "mixed", "date", "list", "invalid-xml", "rdflib-terms", "bool"],
)
def test_write_graphml_normalizes_values(tmp_path, values, expected):
    H = nx.MultiDiGraph()
    for i, value in enumerate(values):
        H.add_node(f"n{i}", value=value, label=f"n{i}")
    H.add_node("n9", label="no value attribute")
    path = tmp_path / "t.graphml"
    write_graphml(H, path)
    ET.parse(path)
    back = nx.read_graphml(path)
    got = [back.nodes[f"n{i}"]["value"] for i in range(len(values))]
    assert got == expected
    assert {type(x) for x in got} == {type(x) for x in expected}
    assert back.nodes["n9"]["value"] == type(expected[0])()  # missing -> typed default


def test_write_graphml_simple_graph_and_file_object():
    H = nx.Graph()
    H.add_edge("a", "b", label="x", weight=2)
    buf = io.BytesIO()
    write_graphml(H, buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert not back.is_directed()
    assert back.edges["a", "b"] == {"label": "x", "weight": 2}


# ---------------------------------------------------------------------------------------------
# export_graphml, doctests


def test_export_graphml(tmp_path):
    path = tmp_path / "out.graphml"
    assert export_graphml(build_graph(), path) == (7, 8)
    H = nx.read_graphml(path, force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (7, 8)


def test_doctests():
    result = doctest.testmod(export, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
