"""The bilat vocabulary as Python names, and the IRI bases of the graph.

``BL`` lists every term of ``bilat.ttl`` (tests/test_ontology.py keeps the two in step), and
fails on any other name, so a typo is an error rather than a silent new IRI:

>>> from bilat.ontology.namespace import BL
>>> str(BL.Person)
'https://w3id.org/bilat/ontology#Person'
>>> BL.Persn
Traceback (most recent call last):
...
AttributeError: term 'Persn' not in namespace 'https://w3id.org/bilat/ontology#'
"""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from bilat.extract.records import ENTITY_CLASSES as ENTITY_CLASS_NAMES
from bilat.extract.records import EVENT_CLASSES as EVENT_CLASS_NAMES

_HERE = Path(__file__).resolve().parent

ONTOLOGY_TTL: Path = _HERE / "bilat.ttl"
SHAPES_TTL: Path = _HERE / "shapes.ttl"

ONTOLOGY_IRI = URIRef("https://w3id.org/bilat/ontology")
ID = Namespace("https://w3id.org/bilat/id/")
DOC = Namespace("https://w3id.org/bilat/doc/")
GRAPH = Namespace("https://w3id.org/bilat/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
CAMEO = Namespace("https://w3id.org/bilat/cameo/")  # the CAMEO codes (bl:CameoCode) of the ontology


class BL(DefinedNamespace):
    """https://w3id.org/bilat/ontology# — see ontology/bilat.ttl for the definitions."""

    _NS = Namespace("https://w3id.org/bilat/ontology#")
    _fail = True

    # --- classes: actors, places, projects
    Actor: URIRef  # whatever can act: person, organization, state
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef  # ministries, administrations, parliaments, commissions, agencies
    InternationalOrganization: URIRef  # CIS, CSTO, EAEU, SCO, UN...
    MediaOutlet: URIRef  # TASS, RIA Novosti, newspapers, news sites
    Company: URIRef
    Place: URIRef
    Country: URIRef  # ⊑ Actor and ⊑ Place
    City: URIRef
    Project: URIRef  # joint projects, programmes and facilities

    # --- classes: documents, posts, spans
    Document: URIRef  # one source article
    Position: URIRef  # a post held by a person
    Mention: URIRef  # a span of a document naming an entity
    Argument: URIRef  # an event argument span

    # --- classes: events (PLOVER / CAMEO)
    Event: URIRef
    Statement: URIRef
    Consult: URIRef
    Agree: URIRef
    Cooperate: URIRef
    Support: URIRef
    Aid: URIRef
    Request: URIRef
    Demand: URIRef
    Accuse: URIRef
    Reject: URIRef
    Threaten: URIRef
    Protest: URIRef
    Sanction: URIRef
    Anniversary: URIRef

    # --- classes: dyads
    Dyad: URIRef  # a pair of countries
    DyadCount: URIRef  # event counts of a dyad for one month and one event class
    CameoCode: URIRef  # a CAMEO event code with its Goldstein weight

    # --- object properties
    mentionedIn: URIRef  # entity -> Document
    publisher: URIRef  # Document -> MediaOutlet
    holdsPosition: URIRef  # Person -> Position (⊑ org:holds)
    ofOrganization: URIRef  # Position -> Actor (⊑ org:postIn)
    tenure: URIRef  # Person -> Position, from the knowledge base
    participant: URIRef  # Event -> Actor
    source: URIRef  # ⊑ participant
    target: URIRef  # ⊑ participant
    speaker: URIRef  # ⊑ participant (Statement)
    implicitParticipant: URIRef  # ⊑ participant, inferred from the article's pair of states
    place: URIRef  # Event -> Place
    about: URIRef  # Event -> Project or topic
    extractedFrom: URIRef  # Event/Position/Mention -> Document (⊑ prov:wasDerivedFrom)
    country: URIRef  # entity -> Country it belongs to
    formerName: URIRef  # entity -> [ rdfs:label ; validFrom ; validTo ]
    refersTo: URIRef  # Mention -> entity
    argument: URIRef  # Event -> Argument
    argumentEntity: URIRef  # Argument -> entity
    member: URIRef  # Dyad -> Country
    dyadCount: URIRef  # Dyad -> DyadCount
    eventClass: URIRef  # DyadCount -> owl:Class

    # --- datatype properties
    title: URIRef  # Position -> rdf:langString
    evidence: URIRef  # rdf:langString
    quote: URIRef  # rdf:langString
    date: URIRef  # xsd:date | xsd:gYearMonth | xsd:gYear
    datePrecision: URIRef  # "day" | "month" | "year"
    mode: URIRef  # "meet" | "visit" | "phone" | "host"
    context: URIRef  # "planned" | "hypothetical" | "negated"
    cameoCode: URIRef  # string
    goldstein: URIRef  # xsd:decimal in [-10, 10], where it differs from the code's weight
    goldsteinWeight: URIRef  # CameoCode -> xsd:decimal: the weight of a CAMEO code
    startOffset: URIRef  # xsd:integer
    endOffset: URIRef  # xsd:integer (exclusive)
    anchor: URIRef  # the mention's text
    spans: URIRef  # "0-6 40-46": every span of an entity in a document (--mentions compact)
    argumentSpans: URIRef  # "russia 0-6; kazakhstan 11-21": an event's arguments in a document
    entitySpans: URIRef  # "russia 0-6 40-46; kazakhstan 11-21": every entity's spans in a document
    surfaceForms: URIRef  # "e1e35e95 …": keys of the surface forms a document uses (facts graph)
    triggerSpan: URIRef  # "10-13": an event's trigger in a document (earlier versions)
    eventSpans: URIRef  # "3f2a… 10-13; 9b1c… 40-47 80-85": every event's trigger spans in a document
    trigger: URIRef  # the event's trigger words (--mentions full)
    eventImplicitParticipants: URIRef  # "3f2a… kazakhstan; 3f2a… russia": implicit participants in a document
    eventTriggers: URIRef  # "3f2a… held talks; 9b1c… said": trigger words (earlier versions)
    defaultDatePrecision: URIRef  # bl:Event -> "document": the precision of an event stating none
    startDate: URIRef  # xsd:date
    endDate: URIRef  # xsd:date
    validFrom: URIRef  # xsd:date
    validTo: URIRef  # xsd:date
    status: URIRef  # "former"
    conflict: URIRef  # why a post contradicts the knowledge base
    adjective: URIRef  # rdf:langString
    abbreviation: URIRef  # rdf:langString
    surnameAlone: URIRef  # xsd:boolean: false when a person's surname alone names others too
    isoCode: URIRef  # string
    contentHash: URIRef  # string
    proposedLabel: URIRef  # rdf:langString, a name a document gives a non-KB entity
    proposedClass: URIRef  # owl:Class, the class a document gives a non-KB entity
    month: URIRef  # xsd:gYearMonth
    eventCount: URIRef  # xsd:integer
    meanGoldstein: URIRef  # xsd:decimal

    # --- annotation properties (on event classes)
    ploverType: URIRef  # "CONSULT"
    cameoRoot: URIRef  # "04"
    defaultCameoCode: URIRef  # "040": the code of an event of the class that states none
    modeCameoCode: URIRef  # on a bl:CameoCode: "visit", the bl:mode whose events have that code


# Entity classes and event classes of the public vocabulary as IRIs. Their local names are
# written once, in bilat.extract.records (plain records, no rdflib); tests/test_ontology.py checks
# them against bilat.ttl.
ENTITY_CLASSES: tuple[URIRef, ...] = tuple(URIRef(BL._NS + name) for name in ENTITY_CLASS_NAMES)
EVENT_CLASSES: tuple[URIRef, ...] = tuple(URIRef(BL._NS + name) for name in EVENT_CLASS_NAMES)

__all__ = [
    "BL",
    "ID",
    "DOC",
    "GRAPH",
    "WD",
    "ONTOLOGY_TTL",
    "SHAPES_TTL",
    "ONTOLOGY_IRI",
    "ENTITY_CLASSES",
    "EVENT_CLASSES",
]
