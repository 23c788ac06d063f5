"""SHACL validation of a store against the project's shapes (``ontology/shapes.ttl``)."""

from __future__ import annotations

__all__ = ["validate"]


def validate(store) -> tuple[bool, str]:
    """SHACL validation of the store's union graph: ``(conforms, report text)``."""
    from pyshacl import validate as shacl

    from bilat.ontology import load_shapes

    data = store.union_graph()
    conforms, _, text = shacl(data, shacl_graph=load_shapes(), inference="none", advanced=True)
    return conforms, text
