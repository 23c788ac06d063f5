"""GraphML that Gephi, Cytoscape, yEd, igraph and networkx all read back with readable labels
and typed attributes (:func:`write_graphml`), from any networkx graph."""

from __future__ import annotations

import datetime as _dt
import json
import numbers
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["generation_date", "normalized_copy", "write_graphml", "xml_text"]

# XML 1.0 Char production, inverted: control characters other than TAB/LF/CR, lone surrogates,
# U+FFFE and U+FFFF.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_NMTOKEN_BAD = re.compile(r"[^\w.\-:]")


def xml_text(text: Any) -> str:
    """A plain ``str`` without XML-invalid characters; ``\\r\\n`` becomes ``\\n``."""
    text = str(text)
    if text.isascii() and text.isprintable():  # fast path: nothing to remove
        return text
    return XML_INVALID.sub("", text).replace("\r\n", "\n")


def write_graphml(G: nx.Graph, path: str | os.PathLike | Any) -> None:
    """Write ``G`` as GraphML readable by Gephi, Cytoscape, yEd, igraph and networkx.

    ``path`` is a file name or a binary file object. Compared with plain
    ``networkx.write_graphml(G, path, named_key_ids=True, infer_numeric_types=True)``:

    - every string (attribute values, attribute names, node ids) loses XML-invalid characters
      (control characters other than TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF);
    - values are plain ``str``/``int``/``float``/``bool``: ``None`` becomes the type's default,
      dates become ISO strings, lists and sets ``"; "``-joined strings, mappings JSON;
      each attribute name gets one type across all nodes and edges (mixed -> string,
      int+float -> float) and is present on every node (or edge) that has the attribute kind;
    - key ids are the attribute names (``<key id="label" ...>``), kept unique: an edge
      attribute whose name is also a node attribute gets ``edge_<name>`` as its id
      (Gephi, Cytoscape, igraph and networkx go by ``attr.name``);
    - edges of multigraphs get unique ids (``e0``, ``e1``, ...): Gephi drops edges whose id
      repeats, so the MultiDiGraph keys (the labels) are not used as ids;
    - graph-level attributes go into the graph's ``<desc>`` (Gephi reports graph-level keys
      as errors).

    >>> import io, networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("n1", label="bell\\x07 ok", mentions=2)
    >>> G.add_node("n2", label="two", mentions=None)
    >>> _ = G.add_edge("n1", "n2", key="x", label="x", weight=1)
    >>> buf = io.BytesIO()
    >>> write_graphml(G, buf)
    >>> H = nx.read_graphml(io.BytesIO(buf.getvalue()), force_multigraph=True)
    >>> H.nodes["n1"]["label"], H.nodes["n2"]["mentions"], list(H.edges(keys=True))
    ('bell ok', 0, [('n1', 'n2', 'e0')])
    """
    H = normalized_copy(G)
    writer = _NamedKeyWriter(infer_numeric_types=True, named_key_ids=True)
    writer.add_graph_element(H)
    desc = "; ".join(f"{k}: {v}" for k, v in _normalized_graph_attrs(G).items())
    if desc:
        graph_element = writer.xml.find("graph")
        if graph_element is not None:
            element = writer.myElement("desc")
            element.text = desc
            graph_element.insert(0, element)
    if hasattr(path, "write"):
        writer.dump(path)
    else:
        with open(Path(path), "wb") as fh:
            writer.dump(fh)


# --------------------------------------------------------------------------------------------
# GraphML internals


def generation_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date().isoformat()
    return _dt.datetime.now(_dt.UTC).date().isoformat()


class _NamedKeyWriter(GraphMLWriter):
    """networkx's writer with key ids = attribute names, unique across node/edge/graph."""

    def get_key(self, name, attr_type, scope, default):
        keys_key = (name, attr_type, scope)
        if keys_key in self.keys:
            return self.keys[keys_key]
        taken = set(self.keys.values())
        base = _NMTOKEN_BAD.sub("_", name) or "key"
        new_id = base if base not in taken else f"{scope}_{base}"
        n = 2
        while new_id in taken:
            new_id = f"{scope}_{base}_{n}"
            n += 1
        self.keys[keys_key] = new_id
        key_element = self.myElement(
            "key", **{"id": new_id, "for": scope, "attr.name": name, "attr.type": attr_type}
        )
        if default is not None:
            default_element = self.myElement("default")
            default_element.text = str(default)
            key_element.append(default_element)
        # append (networkx inserts at 0): keys keep the attributes' order, node keys first;
        # the <graph> element is appended after all keys are known.
        self.xml.append(key_element)
        return new_id


_DEFAULTS = {bool: False, int: 0, float: 0.0, str: ""}


def _convert(value: Any) -> Any:
    """A GraphML-ready scalar (bool/int/float/str) or None."""
    kind = type(value)
    if kind is str:
        return xml_text(value)
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return xml_text(bytes(value).decode("utf-8", "replace"))
    if isinstance(value, str):  # also URIRef and Literal
        return xml_text(value)
    if isinstance(value, Mapping):
        return xml_text(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True))
    if isinstance(value, (set, frozenset)):
        return "; ".join(sorted(str(_convert(v)) for v in value if v is not None))
    if isinstance(value, Iterable):
        return "; ".join(str(_convert(v)) for v in value if v is not None)
    return xml_text(value)


def _unify(types: set[type]) -> type:
    if not types:
        return str
    if types == {bool}:
        return bool
    if types <= {bool, int}:
        return int
    if types <= {bool, int, float}:
        return float
    return str


def _cast(value: Any, target: type) -> Any:
    if value is None:
        return _DEFAULTS[target]
    if target is str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)
    return target(value)


def _normalized_graph_attrs(G: nx.Graph) -> dict[str, str]:
    out = {}
    for k, v in G.graph.items():
        if k in ("node_default", "edge_default") or v is None:
            continue
        out[xml_text(k)] = str(_convert(v))
    return out


def normalized_copy(G: nx.Graph) -> nx.Graph:
    """Copy of G with clean ids, scalar values, one type per attribute name, unique edge keys."""
    nodes = [(xml_text(n), {xml_text(k): _convert(v) for k, v in d.items()}) for n, d in G.nodes(data=True)]
    if G.is_multigraph():
        raw_edges = G.edges(keys=True, data=True)
    else:
        raw_edges = ((u, v, None, d) for u, v, d in G.edges(data=True))
    edges = [
        (xml_text(u), xml_text(v), k, {xml_text(a): _convert(x) for a, x in d.items()})
        for u, v, k, d in raw_edges
    ]

    seen_types: dict[str, set[type]] = defaultdict(set)
    node_names: dict[str, None] = {}  # ordered sets: first-seen order
    edge_names: dict[str, None] = {}
    for _n, d in nodes:
        node_names.update(dict.fromkeys(d))
        for k, v in d.items():
            if v is not None:
                seen_types[k].add(type(v))
    for *_uvk, d in edges:
        edge_names.update(dict.fromkeys(d))
        for k, v in d.items():
            if v is not None:
                seen_types[k].add(type(v))
    target = {name: _unify(types) for name, types in seen_types.items()}
    for name in [*node_names, *edge_names]:
        target.setdefault(name, str)

    H = (
        nx.MultiDiGraph()
        if G.is_multigraph() and G.is_directed()
        else (nx.MultiGraph() if G.is_multigraph() else (nx.DiGraph() if G.is_directed() else nx.Graph()))
    )
    for n, d in nodes:
        H.add_node(n, **{k: _cast(d.get(k), target[k]) for k in node_names})
    for i, (u, v, _k, d) in enumerate(edges):
        attrs = {k: _cast(d.get(k), target[k]) for k in edge_names}
        if H.is_multigraph():
            H.add_edge(u, v, key=f"e{i}", **attrs)
        else:
            H.add_edge(u, v, **attrs)
    return H
