"""The extraction loop: one document in, one ``Extraction`` out.

parse (spaCy / natasha) → link (knowledge base + NER) → positions → events. The knowledge base
arrives as plain ``KBEntry`` records; this side never reads RDF.
"""
from __future__ import annotations

from typing import Sequence

from bilat.extract import nlp
from bilat.extract.events import extract_events
from bilat.extract.link import Linker
from bilat.extract.positions import extract_positions
from bilat.extract.records import Document, Extraction, KBEntry


class Extractor:
    """Holds what is loaded once (pipelines, knowledge-base indexes) for many documents."""

    def __init__(self, kb: Sequence[KBEntry]):
        self.kb = {e.key: e for e in kb}
        self.linker = Linker(kb)

    def __call__(self, doc: Document) -> Extraction:
        if doc.lang not in ("en", "ru"):
            raise ValueError(f"{doc.id}: language {doc.lang!r} is not supported")
        sdoc = nlp.parse(doc.text, doc.lang)
        linked = self.linker.link(doc, sdoc)
        positions, descriptive = extract_positions(doc, linked, self.kb)
        events, unresolved = extract_events(doc, sdoc, linked, positions, descriptive, self.kb)
        return Extraction(document=doc, entities=linked.entities, positions=positions,
                          events=tuple(events), unresolved_dates=unresolved)

    def publisher(self, doc: Document) -> str | None:
        """The knowledge-base media outlet named by the document's source, if any."""
        if not doc.source:
            return None
        for span in self.linker.gazetteer.find(doc.source):
            for c in span.keys:
                e = self.kb.get(c.key)
                if e is not None and e.cls == "MediaOutlet":
                    return e.key
        return None
