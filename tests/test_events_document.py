"""The document's view and the two passes of the events stage (bilat.extract.events): the view
is a frozen record built once, pass 1 returns its findings as a frozen record that pass 2 reads,
and pass 2 threads what it has reported as a frozen record too."""

from __future__ import annotations

import dataclasses

import pytest

from bilat.extract import nlp
from bilat.extract.events import extract_events, merged
from bilat.extract.events.document import view
from bilat.extract.events.records import Said
from bilat.extract.events.statements import read_statements, statement_event
from bilat.extract.events.typed import read_typed
from bilat.extract.positions import extract_positions
from bilat.extract.records import Document

pytestmark = pytest.mark.slow

TEXT = (
    '"We will deepen our cooperation," Sergey Lavrov said. '
    "He met Kazakh Foreign Minister Mukhtar Tleuberdi in Moscow."
)


@pytest.fixture(scope="module")
def inputs(extractor):
    doc = Document(id="t", text=TEXT, lang="en", date="2021-11-09")
    sdoc = nlp.parse(doc.text, doc.lang)
    linked = extractor.linker.link(doc, sdoc)
    positions, descriptive = extract_positions(doc, linked, extractor.kb)
    return doc, sdoc, linked, tuple(positions), tuple(descriptive), extractor.kb


def test_the_view_is_read_only(inputs):
    v = view(*inputs)
    for name in ("units", "mentions", "text", "pair", "tab"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(v, name, None)


def test_pass_one_returns_a_frozen_record(inputs):
    v = view(*inputs)
    said = read_statements(v)
    assert isinstance(said, Said)
    assert all(isinstance(getattr(said, f.name), tuple) for f in dataclasses.fields(Said))
    assert [st.speaker for st in said.statements] == [("sergey-lavrov",)]
    [(qs, qe, speaker)] = said.quote_speakers
    assert (TEXT[qs:qe], speaker) == ("We will deepen our cooperation,", ("sergey-lavrov",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        said.statements = ()
    # the same view read twice gives the same findings (no state left behind)
    again = read_statements(v)
    assert (again.people, again.author, again.last_speaker, again.quote_speakers) == (
        said.people,
        said.author,
        said.last_speaker,
        said.quote_speakers,
    )
    assert [(st.cue, st.speaker, st.quote) for st in again.statements] == [
        (st.cue, st.speaker, st.quote) for st in said.statements
    ]


def test_the_passes_make_the_events(inputs):
    v = view(*inputs)
    said = read_statements(v)
    statements = [statement_event(v, said, st) for st in said.statements]
    events = merged(v, said, statements, read_typed(v, said))
    assert {e.cls for e in events} >= {"Statement", "Consult"}
    assert (events, 0) == extract_events(*inputs)
