"""The bilat vocabulary: ``bilat.ttl`` (OWL), ``shapes.ttl`` (SHACL) and ``namespace.BL``.

>>> from rdflib.namespace import RDFS
>>> g = load_ontology()
>>> (BL.Country, RDFS.subClassOf, BL.Place) in g
True
>>> event_codes()["Consult"]
('CONSULT', '04')
>>> cameo_weights()["042"]
Decimal('1.9')
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Graph

from bilat.ontology.namespace import (
    BL,
    CAMEO,
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


def load_ontology(graph: Graph | None = None) -> Graph:
    """Parse ``bilat.ttl`` into ``graph`` (a new Graph when None) and return it."""
    g = graph if graph is not None else Graph()
    g.parse(ONTOLOGY_TTL, format="turtle")
    return g


@lru_cache(maxsize=1)
def _parsed() -> Graph:
    """``bilat.ttl`` parsed once per process, for the tables read from it below (each parsed it
    again: 20 ms a time, in the first ingest of every process). Not to be changed: whoever wants
    a graph of their own calls :func:`load_ontology`."""
    return load_ontology()


def load_shapes(graph: Graph | None = None) -> Graph:
    """Parse ``shapes.ttl`` into ``graph`` (a new Graph when None) and return it."""
    g = graph if graph is not None else Graph()
    g.parse(SHAPES_TTL, format="turtle")
    return g


@lru_cache(maxsize=1)
def ontology_turtle() -> str:
    """The text of ``bilat.ttl`` (UTF-8), e.g. to load into a store as is."""
    return ONTOLOGY_TTL.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def event_codes() -> dict[str, tuple[str | None, str | None]]:
    """Local name of each event class -> (PLOVER type, CAMEO root code); None where the
    class has no counterpart (Statement has no PLOVER type, Anniversary has neither)."""
    g = _parsed()
    out: dict[str, tuple[str | None, str | None]] = {}
    for cls in EVENT_CLASSES:
        plover = g.value(cls, BL.ploverType)
        cameo = g.value(cls, BL.cameoRoot)
        out[cls[len(str(BL)) :]] = (
            str(plover) if plover is not None else None,
            str(cameo) if cameo is not None else None,
        )
    return out


@lru_cache(maxsize=1)
def cameo_weights() -> dict[str, Decimal]:
    """CAMEO code (its ``skos:notation``, as events state it) -> Goldstein weight: the
    ``bl:CameoCode`` nodes of the ontology, the one place the graph keeps the weights."""
    from rdflib.namespace import RDF, SKOS

    g = _parsed()
    out: dict[str, Decimal] = {}
    for code in g.subjects(RDF.type, BL.CameoCode):
        notation, weight = g.value(code, SKOS.notation), g.value(code, BL.goldsteinWeight)
        if notation is not None and weight is not None:
            out[str(notation)] = Decimal(str(weight))
    return out


@lru_cache(maxsize=1)
def default_cameo_codes() -> dict[str, str]:
    """Local name of each event class -> its ``bl:defaultCameoCode``: the code of an event of
    that class that states no ``bl:cameoCode`` of its own (only another code is stated).

    >>> default_cameo_codes()["Consult"], "Anniversary" in default_cameo_codes()
    ('040', False)
    """
    g = _parsed()
    out: dict[str, str] = {}
    for cls in EVENT_CLASSES:
        code = g.value(cls, BL.defaultCameoCode)
        if code is not None:
            out[cls[len(str(BL)) :]] = str(code)
    return out


@lru_cache(maxsize=1)
def mode_cameo_codes() -> dict[str, str]:
    """``bl:mode`` -> the CAMEO code of an event of that mode that states no ``bl:cameoCode``
    of its own (``bl:modeCameoCode`` on the ontology's ``bl:CameoCode`` nodes): a visit's code
    is said by its mode, as a class's default by its class.

    >>> mode_cameo_codes()["visit"], "meet" in mode_cameo_codes()
    ('042', False)
    """
    from rdflib.namespace import SKOS

    g = _parsed()
    return {
        str(mode): str(g.value(code, SKOS.notation)) for code, mode in g.subject_objects(BL.modeCameoCode)
    }


def implied_cameo(cls: str, mode: str | None = None) -> str | None:
    """The CAMEO code an event of class ``cls`` (local name) and ``mode`` has when it states
    none: its mode's, else its class's default.

    >>> implied_cameo("Consult"), implied_cameo("Consult", "visit"), implied_cameo("Anniversary")
    ('040', '042', None)
    """
    return mode_cameo_codes().get(mode or "") or default_cameo_codes().get(cls)


def event_cameo(cls: str, stated, modes=()) -> list[str]:
    """The CAMEO codes of an event of class ``cls`` (local name) whose ``bl:cameoCode`` values
    are ``stated`` and ``bl:mode`` values ``modes``: those, else its modes' codes, else its
    class's default.

    >>> event_cameo("Consult", []), event_cameo("Consult", ["042"]), event_cameo("Anniversary", [])
    (['040'], ['042'], [])
    >>> event_cameo("Consult", [], ["phone"]), event_cameo("Consult", [], ["meet"])
    (['041'], ['040'])
    """
    stated = sorted(str(c) for c in stated)
    if stated:
        return stated
    by_mode = sorted({mode_cameo_codes()[str(m)] for m in modes if str(m) in mode_cameo_codes()})
    if by_mode:
        return by_mode
    default = default_cameo_codes().get(cls)
    return [default] if default else []


__all__ = [
    "BL",
    "CAMEO",
    "ID",
    "DOC",
    "GRAPH",
    "WD",
    "ONTOLOGY_IRI",
    "ONTOLOGY_TTL",
    "SHAPES_TTL",
    "ENTITY_CLASSES",
    "EVENT_CLASSES",
    "load_ontology",
    "load_shapes",
    "ontology_turtle",
    "event_codes",
    "cameo_weights",
    "default_cameo_codes",
    "event_cameo",
    "implied_cameo",
    "mode_cameo_codes",
]
