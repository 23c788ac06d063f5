"""What the issues promise on the two bundled seed articles, read back through SPARQL."""

from pathlib import Path

import pytest
from rdflib import URIRef

from bilat.app import ingest
from bilat.graph.store import open_store
from bilat.graph.triples import event_key, parse_entity_spans

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(tmp_path_factory.mktemp("seeds") / "store"), create=True)
    summary = ingest([str(EXAMPLES)], store=s)
    assert summary.documents == 2
    yield s
    s.close()


def en(store, query):
    return [{k: str(v) for k, v in row.items()} for row in store.select(query)]


@pytest.mark.parametrize(
    "a,b",
    [
        ('"Sergey Lavrov"@en', '"Сергей Лавров"@ru'),
        ('"Astana"@en', '"Астана"@ru'),
    ],
)
def test_one_iri_across_languages_and_names(store, a, b):
    rows = en(store, f"SELECT DISTINCT ?e WHERE {{ ?e rdfs:label {a}, {b} ; bl:mentionedIn ?d }}")
    assert len(rows) == 1


@pytest.mark.parametrize(
    "surface,label,cls",
    [
        ("Nur-Sultan", "Astana", "City"),
        ("МИД РФ", "Ministry of Foreign Affairs of Russia", "GovernmentBody"),
        ("Foreign Ministry", "Ministry of Foreign Affairs of Russia", "GovernmentBody"),
        ("Байконур", "Baikonur Cosmodrome", "Project"),
        ("Rossiyskaya Gazeta", "Rossiyskaya Gazeta", "MediaOutlet"),
        ("TASS", "TASS", "MediaOutlet"),
    ],
)
def test_surface_forms_resolve_to_their_entity(store, surface, label, cls):
    # a surface form that is the entity's canonical name is its rdfs:label (not restated as
    # an altLabel); any other is a skos:altLabel
    rows = en(
        store,
        f"""SELECT ?c WHERE {{ ?e rdfs:label|skos:altLabel ?s ; rdfs:label "{label}"@en ; a ?c .
        FILTER(STR(?s) = "{surface}") }}""",
    )
    assert f"https://w3id.org/bilat/ontology#{cls}" in {r["c"] for r in rows}


def test_statements_have_speaker_and_quotes(store):
    from bilat.extract.ingest import read_documents

    rows = en(
        store,
        """SELECT ?ev ?id ?spans ?quote WHERE { ?ev a bl:Statement ; bl:extractedFrom ?d ;
        bl:speaker/rdfs:label "Sergey Lavrov"@en . ?d bl:eventSpans ?spans ; dcterms:identifier ?id .
        OPTIONAL { ?ev bl:quote ?quote } }""",
    )
    # the trigger words: the document's text where its bl:eventSpans literal says
    text = {d.id: d.text for d in read_documents([EXAMPLES])[0]}
    triggers = {
        text[r["id"]][s:e]
        for r in rows
        for s, e in parse_entity_spans(r["spans"]).get(event_key(URIRef(r["ev"])), [])
    }
    assert {"said", "concluded", "отметил"} <= triggers  # "the top diplomat concluded" included
    assert sum(1 for r in rows if r.get("quote")) >= 3


def test_publication_in_rossiyskaya_gazeta_is_dated_from_on_tuesday(store):
    rows = en(
        store,
        """SELECT ?date WHERE { ?ev a bl:Statement ; bl:date ?date ;
        bl:participant/rdfs:label "Rossiyskaya Gazeta"@en }""",
    )
    assert {r["date"] for r in rows} == {"2021-11-09"}


def test_joint_use_of_baikonur_is_cooperation_of_both_countries(store):
    rows = en(
        store,
        """SELECT DISTINCT ?ev WHERE { ?ev a bl:Cooperate ;
        bl:about/rdfs:label "Baikonur Cosmodrome"@en ;
        bl:participant/rdfs:label "Russia"@en, "Kazakhstan"@en }""",
    )
    assert rows


def test_anniversary_of_diplomatic_relations(store):
    rows = en(
        store,
        """SELECT DISTINCT ?ev WHERE { ?ev a bl:Anniversary ;
        bl:participant/rdfs:label "Russia"@en, "Kazakhstan"@en }""",
    )
    assert rows


def test_lavrov_holds_the_post_from_both_articles(store):
    rows = en(
        store,
        """SELECT ?doc WHERE { ?p rdfs:label "Sergey Lavrov"@en ; bl:holdsPosition ?pos .
        ?pos bl:title "Minister of Foreign Affairs"@en ; bl:ofOrganization/rdfs:label "Russia"@en ;
        bl:extractedFrom ?doc }""",
    )
    assert len(rows) == 2
