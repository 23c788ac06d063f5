"""The document's view and the two passes of the events stage (bilat.extract.events): the view
is read-only once built, pass 1's findings are frozen before pass 2 reads them."""

from __future__ import annotations

import pytest

from bilat.extract import nlp
from bilat.extract.events import _Extraction
from bilat.extract.positions import extract_positions
from bilat.extract.records import Document

pytestmark = pytest.mark.slow

TEXT = (
    '"We will deepen our cooperation," Sergey Lavrov said. '
    "He met Kazakh Foreign Minister Mukhtar Tleuberdi in Moscow."
)


@pytest.fixture(scope="module")
def extraction(extractor):
    doc = Document(id="t", text=TEXT, lang="en", date="2021-11-09")
    sdoc = nlp.parse(doc.text, doc.lang)
    linked = extractor.linker.link(doc, sdoc)
    positions, descriptive = extract_positions(doc, linked, extractor.kb)
    return _Extraction(doc, sdoc, linked, tuple(positions), tuple(descriptive), extractor.kb)


def test_the_view_is_read_only(extraction):
    for name in ("units", "mentions", "text", "pair", "tab"):
        with pytest.raises(AttributeError):
            setattr(extraction, name, None)


def test_pass_one_is_frozen_before_pass_two(extraction):
    events, _ = extraction.run()
    assert isinstance(extraction.statements, tuple) and isinstance(extraction.people, tuple)
    assert [st.speaker for st in extraction.statements] == [("sergey-lavrov",)]
    assert {e.cls for e in events} >= {"Statement", "Consult"}
