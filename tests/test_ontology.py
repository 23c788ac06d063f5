"""The ontology (bilat.ttl), its Python namespace (BL) and the SHACL shapes (shapes.ttl)."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from bilat.ontology import event_codes, load_ontology, load_shapes
from bilat.ontology.namespace import (
    BL,
    DOC,
    ENTITY_CLASSES,
    EVENT_CLASSES,
    GRAPH,
    ID,
    ONTOLOGY_IRI,
    ONTOLOGY_TTL,
    SHAPES_TTL,
    WD,
)

NS = "https://w3id.org/bilat/ontology#"
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SDO = Namespace("https://schema.org/")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def defined_terms(g: Graph) -> set[str]:
    return {
        str(s)[len(NS) :]
        for s in g.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def bl_terms() -> set[str]:
    return {name for name in BL.__annotations__ if not name.startswith("_")}


def superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def superproperties(g: Graph, prop: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(prop, RDFS.subPropertyOf))


# --- the Turtle and the Python namespace ------------------------------------------------------


def test_files_and_bases():
    assert ONTOLOGY_TTL.is_file() and SHAPES_TTL.is_file()
    assert str(ID) == "https://w3id.org/bilat/id/"
    assert str(DOC) == "https://w3id.org/bilat/doc/"
    assert str(GRAPH) == "https://w3id.org/bilat/graph/"
    assert str(WD) == "http://www.wikidata.org/entity/"
    assert str(BL.Person) == NS + "Person"


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert str(ONTOLOGY_IRI) == "https://w3id.org/bilat/ontology"


def test_every_defined_term_is_in_BL_and_back(onto):
    defined = defined_terms(onto)
    assert defined == bl_terms(), (
        f"only in bilat.ttl: {sorted(defined - bl_terms())}; only in BL: {sorted(bl_terms() - defined)}"
    )


def test_unknown_term_fails():
    with pytest.raises(AttributeError):
        BL.Persn  # noqa: B018


@pytest.mark.parametrize("name", sorted(bl_terms()))
def test_term_is_documented(onto, name):
    term = BL[name]
    langs = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
    assert {"en", "ru"} <= langs, f"{name}: labels in {langs}"
    for lang in ("en", "ru"):
        assert len([x for x in onto.objects(term, RDFS.label) if x.language == lang]) == 1
    comments = [c for c in onto.objects(term, RDFS.comment) if c.language == "en"]
    assert comments, f"{name} has no English rdfs:comment"
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


# --- the class and property hierarchy of the contract ----------------------------------------

SUBCLASS = [
    (BL.Person, BL.Actor),
    (BL.Organization, BL.Actor),
    (BL.Country, BL.Actor),
    (BL.Country, BL.Place),
    (BL.City, BL.Place),
    (BL.GovernmentBody, BL.Organization),
    (BL.InternationalOrganization, BL.Organization),
    (BL.MediaOutlet, BL.Organization),
    (BL.Company, BL.Organization),
    (BL.GovernmentBody, BL.Actor),
    (BL.MediaOutlet, BL.Actor),
    *[(cls, BL.Event) for cls in EVENT_CLASSES],
    # alignments
    (BL.Person, FOAF.Person),
    (BL.Person, SDO.Person),
    (BL.Actor, FOAF.Agent),
    (BL.Actor, PROV.Agent),
    (BL.Organization, FOAF.Organization),
    (BL.Organization, ORG.Organization),
    (BL.Organization, SDO.Organization),
    (BL.GovernmentBody, ORG.FormalOrganization),
    (BL.GovernmentBody, SDO.GovernmentOrganization),
    (BL.MediaOutlet, SDO.NewsMediaOrganization),
    (BL.Company, SDO.Corporation),
    (BL.Country, SDO.Country),
    (BL.City, SDO.City),
    (BL.Place, SDO.Place),
    (BL.Event, SDO.Event),
    (BL.Consult, SDO.Event),
    (BL.Document, PROV.Entity),
    (BL.Position, ORG.Post),
]


@pytest.mark.parametrize("sub,sup", SUBCLASS, ids=lambda t: str(t).rsplit("/", 1)[-1])
def test_subclass(onto, sub, sup):
    assert sup in superclasses(onto, sub)


NOT_SUBCLASS = [
    (BL.Place, BL.Actor),
    (BL.City, BL.Actor),
    (BL.Project, BL.Actor),
    (BL.Person, BL.Place),
    (BL.Document, BL.Actor),
    (BL.Position, BL.Actor),
    (BL.Event, BL.Actor),
    (BL.Event, PROV.Activity),  # prov:Activity is disjoint with prov:Entity; see bilat.ttl
]


@pytest.mark.parametrize("sub,sup", NOT_SUBCLASS, ids=lambda t: str(t).rsplit("/", 1)[-1])
def test_not_subclass(onto, sub, sup):
    assert sup not in superclasses(onto, sub)


SUBPROPERTY = [
    (BL.source, BL.participant),
    (BL.target, BL.participant),
    (BL.speaker, BL.participant),
    (BL.implicitParticipant, BL.participant),
    (BL.holdsPosition, ORG.holds),
    (BL.ofOrganization, ORG.postIn),
    (BL.extractedFrom, PROV.wasDerivedFrom),
]


@pytest.mark.parametrize("sub,sup", SUBPROPERTY, ids=lambda t: str(t).rsplit("/", 1)[-1])
def test_subproperty(onto, sub, sup):
    assert sup in superproperties(onto, sub)


def test_event_classes_are_exactly_the_subclasses_of_event(onto):
    subs = set(onto.transitive_subjects(RDFS.subClassOf, BL.Event)) - {BL.Event}
    assert subs == set(EVENT_CLASSES)


def test_entity_classes_are_declared_classes_and_no_events(onto):
    events = set(onto.transitive_subjects(RDFS.subClassOf, BL.Event))
    for cls in ENTITY_CLASSES:
        assert (cls, RDF.type, OWL.Class) in onto, cls
        assert cls not in events, cls


def test_one_copy_of_each_vocabulary_constant():
    """The class names are written once (bilat.extract.records); every other module derives
    or imports them: no second assignment anywhere in the code."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    where = {}
    for folder in ("bilat", "extract", "graph", "ontology", "tools", "bench"):
        for path in (root / folder).rglob("*.py"):
            for name in re.findall(r"^(ENTITY_CLASSES|EVENT_CLASSES)\b.*= *\(", path.read_text(), re.M):
                where.setdefault(name, []).append(path.relative_to(root).as_posix())
    assert where == {"ENTITY_CLASSES": ["extract/records.py"], "EVENT_CLASSES": ["extract/records.py"]}


def test_contract_queries_see_the_hierarchy(onto):
    rows = onto.query(
        "SELECT ?c WHERE { ?c rdfs:subClassOf* bl:Organization }", initNs={"bl": BL._NS, "rdfs": RDFS}
    )
    assert {r.c for r in rows} == {
        BL.Organization,
        BL.GovernmentBody,
        BL.InternationalOrganization,
        BL.MediaOutlet,
        BL.Company,
    }


@pytest.mark.parametrize(
    "cls,plover,cameo",
    [
        ("Consult", "CONSULT", "04"),
        ("Agree", "AGREE", "03"),
        ("Cooperate", "COOPERATE", "06"),
        ("Support", "SUPPORT", "05"),
        ("Aid", "AID", "07"),
        ("Request", "REQUEST", "02"),
        ("Demand", "REQUEST", "10"),
        ("Accuse", "ACCUSE", "11"),
        ("Reject", "REJECT", "12"),
        ("Threaten", "THREATEN", "13"),
        ("Protest", "PROTEST", "14"),
        ("Sanction", "SANCTION", "16"),
        ("Statement", None, "01"),
        ("Anniversary", None, None),
    ],
)
def test_plover_and_cameo(onto, cls, plover, cameo):
    assert event_codes()[cls] == (plover, cameo)
    assert [str(x) for x in onto.objects(BL[cls], BL.ploverType)] == ([plover] if plover else [])
    assert [str(x) for x in onto.objects(BL[cls], BL.cameoRoot)] == ([cameo] if cameo else [])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_cameo_weight_of_the_event_tables_is_the_ontologys(lang):
    """The graph keeps a code's Goldstein weight once (bl:CameoCode in bilat.ttl); an event
    states only its code. Every code the extraction's tables give, with its weight, must be
    there, so that no event needs a bl:goldstein of its own."""
    from bilat.extract.events.tables import tables
    from bilat.ontology import cameo_weights

    weights = cameo_weights()
    rows = {(r.cameo, r.goldstein) for r in tables(lang).triggers if r.cameo is not None}
    assert rows
    wrong = {(c, g) for c, g in rows if c not in weights or float(weights[c]) != g}
    assert not wrong, f"codes or weights missing from bilat.ttl (bl:CameoCode): {sorted(wrong)}"
    assert "010" in weights and weights["010"] == 0  # statements (extract/events/statements.py)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_event_without_a_stated_code_has_its_class_default(lang):
    """An event states bl:cameoCode only where it is not its class's bl:defaultCameoCode: that
    is lossless only if every trigger of a class with a default gives a code, and every
    default is a code of the ontology."""
    from bilat.extract.events.tables import tables
    from bilat.ontology import cameo_weights, default_cameo_codes

    defaults = default_cameo_codes()
    assert set(defaults.values()) <= set(cameo_weights())
    assert {"Statement", "Consult", "Agree", "Cooperate", "Support", "Accuse"} <= set(defaults)
    rows = [r for r in tables(lang).triggers if r.cls in defaults]
    assert rows and all(r.cameo for r in rows), [r for r in rows if not r.cameo][:3]


def test_one_node_per_cameo_code(onto):
    from rdflib.namespace import SKOS

    codes = list(onto.subjects(RDF.type, BL.CameoCode))
    notations = [str(onto.value(c, SKOS.notation)) for c in codes]
    assert len(notations) == len(set(notations)) == len(codes) > 10
    for c in codes:
        assert len(list(onto.objects(c, BL.goldsteinWeight))) == 1
        assert -10 <= float(onto.value(c, BL.goldsteinWeight)) <= 10


# --- SHACL ----------------------------------------------------------------------------------

PREFIXES = """
@prefix bl: <https://w3id.org/bilat/ontology#> .
@prefix id: <https://w3id.org/bilat/id/> .
@prefix doc: <https://w3id.org/bilat/doc/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

VALID = (
    PREFIXES
    + """
doc:a a bl:Document ; dcterms:identifier "a" ; bl:publisher id:tass .
id:tass a bl:MediaOutlet ; rdfs:label "TASS"@en , "ТАСС"@ru ; bl:mentionedIn doc:a .
id:russia a bl:Country ; rdfs:label "Russia"@en , "Россия"@ru ; bl:mentionedIn doc:a .
id:kazakhstan a bl:Country ; rdfs:label "Kazakhstan"@en ; bl:mentionedIn doc:a .
id:sergey-lavrov a bl:Person ; rdfs:label "Sergey Lavrov"@en , "Сергей Лавров"@ru ;
    bl:mentionedIn doc:a ; bl:holdsPosition <urn:pos1> .
<urn:pos1> a bl:Position ;
    bl:title "Minister of Foreign Affairs"@en , "министр иностранных дел"@ru ;
    bl:ofOrganization id:russia ; bl:extractedFrom doc:a .
<urn:ev1> a bl:Consult ; bl:extractedFrom doc:a ;
    bl:evidence "Lavrov met his Kazakh counterpart in Astana."@en ;
    bl:participant id:sergey-lavrov , id:kazakhstan ; bl:source id:sergey-lavrov ;
    bl:mode "meet" ; bl:date "2024-05-14"^^xsd:date ; bl:datePrecision "day" ;
    bl:cameoCode "042" ; bl:goldstein 1.9 ; bl:startOffset 0 ; bl:endOffset 45 .
<urn:ev2> a bl:Statement ; bl:extractedFrom doc:a ; bl:evidence "Лавров заявил…"@ru ;
    bl:participant id:sergey-lavrov ; bl:speaker id:sergey-lavrov ;
    bl:date "2024"^^xsd:gYear ; bl:context "planned" .
<urn:ev3> a bl:Anniversary ; bl:extractedFrom doc:a ; bl:evidence "30 years of relations"@en ;
    bl:participant id:russia , id:kazakhstan ; bl:date "2022-10"^^xsd:gYearMonth .
<urn:dyad> a bl:Dyad ; bl:member id:russia , id:kazakhstan ; bl:dyadCount <urn:dc> .
<urn:dc> a bl:DyadCount ; bl:month "2024-05"^^xsd:gYearMonth ; bl:eventClass bl:Consult ;
    bl:eventCount 1 ; bl:meanGoldstein 1.9 .
"""
)

# (name, expected words of the one violation message, triples to remove, triples to add), as
# Turtle: each makes VALID invalid in exactly one way.
INVALID = [
    ("two English labels", "per language tag", "", 'id:russia rdfs:label "Russian Federation"@en .'),
    ("entity without label", "at least one rdfs:label", 'id:kazakhstan rdfs:label "Kazakhstan"@en .', ""),
    ("mentionedIn a non-document", "bl:mentionedIn points", "", "id:russia bl:mentionedIn id:tass ."),
    (
        "event without evidence",
        "bl:evidence",
        '<urn:ev1> bl:evidence "Lavrov met his Kazakh counterpart in Astana."@en .',
        "",
    ),
    (
        "evidence without language",
        "bl:evidence",
        '<urn:ev3> bl:evidence "30 years of relations"@en .',
        '<urn:ev3> bl:evidence "30 years of relations" .',
    ),
    ("event without document", "bl:extractedFrom", "<urn:ev3> bl:extractedFrom doc:a .", ""),
    ("event without participant", "bl:participant", "<urn:ev2> bl:participant id:sergey-lavrov .", ""),
    ("statement without speaker", "bl:speaker", "<urn:ev2> bl:speaker id:sergey-lavrov .", ""),
    (
        "position without English title",
        "bl:title in English",
        '<urn:pos1> bl:title "Minister of Foreign Affairs"@en .',
        "",
    ),
    ("position without organization", "bl:ofOrganization", "<urn:pos1> bl:ofOrganization id:russia .", ""),
    (
        "position with two organizations",
        "bl:ofOrganization",
        "",
        "<urn:pos1> bl:ofOrganization id:kazakhstan .",
    ),
    ("document without identifier", "dcterms:identifier", 'doc:a dcterms:identifier "a" .', ""),
    ("document with two identifiers", "dcterms:identifier", "", 'doc:a dcterms:identifier "b" .'),
    (
        "date as a string",
        "bl:date is",
        '<urn:ev1> bl:date "2024-05-14"^^xsd:date .',
        '<urn:ev1> bl:date "2024-05-14" .',
    ),
    (
        "date as dateTime",
        "bl:date is",
        '<urn:ev1> bl:date "2024-05-14"^^xsd:date .',
        '<urn:ev1> bl:date "2024-05-14T10:00:00"^^xsd:dateTime .',
    ),
    ("goldstein above 10", "bl:goldstein", "<urn:ev1> bl:goldstein 1.9 .", "<urn:ev1> bl:goldstein 10.5 ."),
    (
        "goldstein below -10",
        "bl:goldstein",
        "<urn:ev1> bl:goldstein 1.9 .",
        '<urn:ev1> bl:goldstein "-12.0"^^xsd:double .',
    ),
    ("unknown mode", "bl:mode", '<urn:ev1> bl:mode "meet" .', '<urn:ev1> bl:mode "lunch" .'),
    ("unknown context", "bl:context", '<urn:ev2> bl:context "planned" .', '<urn:ev2> bl:context "maybe" .'),
    (
        "start offset after end",
        "bl:startOffset",
        "<urn:ev1> bl:startOffset 0 .",
        "<urn:ev1> bl:startOffset 50 .",
    ),
    ("dyad of one country", "bl:Dyad", "<urn:dyad> bl:member id:kazakhstan .", ""),
]


def _graph(remove: str = "", add: str = "", with_ontology: bool = False) -> Graph:
    g = Graph().parse(data=VALID, format="turtle")
    if remove:
        for t in Graph().parse(data=PREFIXES + remove, format="turtle"):
            assert t in g, f"not in VALID: {t}"
            g.remove(t)
    if add:
        g += Graph().parse(data=PREFIXES + add, format="turtle")
    if with_ontology:
        load_ontology(g)
    return g


def _validate(g: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _report, text = validate(g, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, text


def test_shapes_parse(shapes):
    SH = Namespace("http://www.w3.org/ns/shacl#")
    assert len(set(shapes.subjects(RDF.type, SH.NodeShape))) >= 8
    # every event class is a target of the event shape
    targets = set(shapes.objects(URIRef("https://w3id.org/bilat/shapes#EventShape"), SH.targetClass))
    assert set(EVENT_CLASSES) | {BL.Event} == targets
    for msg in shapes.objects(None, SH.message):
        assert msg.language == "en"


@pytest.mark.parametrize("with_ontology", [False, True], ids=["data", "data+ontology"])
def test_valid_graph_conforms(shapes, with_ontology):
    conforms, text = _validate(_graph(with_ontology=with_ontology), shapes)
    assert conforms, text


def test_valid_graph_conforms_with_double_goldstein_and_typed_strings(shapes):
    g = _graph(
        '<urn:ev1> bl:goldstein 1.9 . <urn:ev1> bl:mode "meet" .',
        '<urn:ev1> bl:goldstein "1.9"^^xsd:double . <urn:ev1> bl:mode "meet"^^xsd:string .',
    )
    conforms, text = _validate(g, shapes)
    assert conforms, text


@pytest.mark.parametrize("name,expect,remove,add", INVALID, ids=[c[0] for c in INVALID])
@pytest.mark.parametrize("with_ontology", [False, True], ids=["data", "data+ontology"])
def test_invalid_graph_does_not_conform(shapes, name, expect, remove, add, with_ontology):
    conforms, text = _validate(_graph(remove, add, with_ontology), shapes)
    assert not conforms, f"{name}: expected a violation"
    messages = [line.strip() for line in text.splitlines() if line.strip().startswith("Message:")]
    assert len(messages) == 1 and expect in messages[0], text


def test_event_typed_only_by_subclass_is_targeted(shapes):
    # no ontology in the data graph: the shape must still find a bl:Sanction without evidence
    g = Graph().parse(
        data=PREFIXES
        + """
        doc:a a bl:Document ; dcterms:identifier "a" .
        <urn:s> a bl:Sanction ; bl:extractedFrom doc:a ; bl:participant id:russia .""",
        format="turtle",
    )
    conforms, text = _validate(g, shapes)
    assert not conforms and "bl:evidence" in text


def test_ontology_graph_itself_conforms(onto, shapes):
    # loading the ontology into a store must not create violations by itself
    conforms, text = _validate(onto, shapes)
    assert conforms, text
