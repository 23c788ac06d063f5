"""The store and the writer on real Oxigraph stores: embedded on disk, and a real SPARQL server."""

import pytest

from bilat.extract.records import Document, Entity, Event, Extraction, KBEntry, Mention, Position
from bilat.graph import iris
from bilat.graph.store import StoreError, ensure_ontology, open_store
from bilat.graph.write import incomplete_documents, is_unchanged, stored_hash, write_extraction
from bilat.ontology.namespace import BL

PREFIXES = """PREFIX bl: <https://w3id.org/bilat/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def person(key, lang, name, start=0):
    return Entity(
        key=key,
        cls="Person",
        labels=((lang, name),),
        alt_labels=((lang, name),),
        mentions=(Mention(start, start + len(name), name, "PER", name),),
    )


def extraction(doc_id, text, lang, *entities, positions=(), events=()):
    return Extraction(Document(doc_id, text, lang), tuple(entities), tuple(positions), tuple(events))


def labels(store, key):
    rows = store.select(PREFIXES + f"SELECT ?l WHERE {{ {iris.entity(key).n3()} rdfs:label ?l }}")
    return sorted((r["l"].language, str(r["l"])) for r in rows)


def triples(store):
    return int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])


def test_labels_from_two_languages_meet_on_one_iri(store):
    key = "person/muhtar-tleuberdi"
    write_extraction(
        store, extraction("a", "Mukhtar Tleuberdi", "en", person(key, "en", "Mukhtar Tleuberdi")), {}
    )
    write_extraction(
        store, extraction("b", "Мухтар Тлеуберди", "ru", person(key, "ru", "Мухтар Тлеуберди")), {}
    )
    assert labels(store, key) == [("en", "Mukhtar Tleuberdi"), ("ru", "Мухтар Тлеуберди")]
    docs = store.select(PREFIXES + f"SELECT ?d WHERE {{ {iris.entity(key).n3()} bl:mentionedIn ?d }}")
    assert len(docs) == 2


def test_rewriting_the_same_document_changes_nothing(store):
    ex = extraction("a", "Mukhtar Tleuberdi", "en", person("person/x", "en", "Mukhtar Tleuberdi"))
    write_extraction(store, ex, {})
    before = triples(store)
    assert is_unchanged(store, ex.document)
    assert not is_unchanged(store, Document("a", "Mukhtar Tleuberdi", "en", date="2021-01-01"))
    write_extraction(store, ex, {})
    assert triples(store) == before


def test_a_changed_document_replaces_its_facts_and_orphans_go(store):
    write_extraction(
        store, extraction("a", "Ivan Petrov", "en", person("person/ivan-petrov", "en", "Ivan Petrov")), {}
    )
    write_extraction(
        store, extraction("b", "Ivan Petrov", "en", person("person/ivan-petrov", "en", "Ivan Petrov")), {}
    )
    write_extraction(
        store, extraction("a", "Oleg Sidorov", "en", person("person/oleg-sidorov", "en", "Oleg Sidorov")), {}
    )
    assert labels(store, "person/ivan-petrov") == [("en", "Ivan Petrov")]  # b still mentions him
    assert not is_unchanged(store, Document("a", "Ivan Petrov", "en"))
    write_extraction(store, extraction("b", "nobody", "en"), {})
    assert labels(store, "person/ivan-petrov") == []  # no document mentions him any more
    assert labels(store, "person/oleg-sidorov") == [("en", "Oleg Sidorov")]


def test_most_frequent_proposed_label_wins_whatever_the_order(store):
    key = "person/tokaev"
    for doc_id, name in (
        ("a", "Kassym Tokayev"),
        ("b", "Kassym-Jomart Tokayev"),
        ("c", "Kassym-Jomart Tokayev"),
    ):
        write_extraction(store, extraction(doc_id, name, "en", person(key, "en", name)), {})
    assert labels(store, key) == [("en", "Kassym-Jomart Tokayev")]


def org(key, cls, name):
    return Entity(key, cls, (("en", name),), ((("en", name)),), (Mention(0, len(name), name, "ORG", name),))


@pytest.mark.parametrize(
    "proposals,chosen",
    [
        # one document calls it an outlet ("Trend reports"), another an organization: a tie
        # goes to the first class in alphabetical order, whatever the order of ingestion
        ((("a", "MediaOutlet"), ("b", "Organization")), "MediaOutlet"),
        ((("b", "Organization"), ("a", "MediaOutlet")), "MediaOutlet"),
        # the class most documents give wins
        ((("a", "Organization"), ("b", "MediaOutlet"), ("c", "Organization")), "Organization"),
        ((("c", "Organization"), ("a", "Organization"), ("b", "MediaOutlet")), "Organization"),
        # a document that stops mentioning it takes its vote away
        ((("a", "MediaOutlet"), ("b", "Organization"), ("c", "Organization"), ("c", None)), "MediaOutlet"),
    ],
)
def test_the_class_of_an_entity_outside_the_kb_is_voted_whatever_the_order(store, proposals, chosen):
    key = "org/trend"
    for doc_id, cls in proposals:
        ents = () if cls is None else (org(key, cls, "Trend"),)
        write_extraction(store, extraction(doc_id, "Trend", "en", *ents), {})
    rows = store.select(
        f"SELECT ?c WHERE {{ GRAPH {iris.ENTITIES_GRAPH.n3()} {{ {iris.entity(key).n3()} a ?c }} }}"
    )
    assert [str(r["c"]).rsplit("#", 1)[-1] for r in rows] == [chosen]


def test_positions_and_events_are_written_with_provenance(store):
    text = "Russian Foreign Minister Ivan Petrov said it."
    ex = extraction(
        "a",
        text,
        "en",
        person("person/ivan-petrov", "en", "Ivan Petrov", 25),
        Entity(
            "russia", "Country", (("en", "Russia"),), (("en", "Russian"),), (Mention(0, 7, "Russian", "ADJ"),)
        ),
        positions=[Position("person/ivan-petrov", "Minister of Foreign Affairs", "russia", 0, 36, text[:36])],
        events=[
            Event(
                "Statement",
                "said",
                37,
                41,
                text,
                0,
                len(text),
                participants=("person/ivan-petrov",),
                speaker=("person/ivan-petrov",),
                quote="it",
                date="2021-11-09",
                date_precision="day",
            )
        ],
    )
    write_extraction(store, ex, {})
    rows = store.select(
        PREFIXES
        + """SELECT ?t ?org WHERE { ?p bl:holdsPosition ?pos .
        ?pos bl:title ?t ; bl:ofOrganization ?org }"""
    )
    assert [(str(r["t"]), r["t"].language, str(r["org"])) for r in rows] == [
        ("Minister of Foreign Affairs", "en", str(iris.entity("russia")))
    ]
    rows = store.select(
        PREFIXES
        + """SELECT ?s ?ev ?d WHERE { ?e a bl:Statement ; bl:speaker ?s ;
        bl:evidence ?ev ; bl:date ?d ; bl:extractedFrom ?doc }"""
    )
    assert len(rows) == 1 and str(rows[0]["d"]) == "2021-11-09" and rows[0]["ev"].language == "en"


def test_a_knowledge_base_speaker_the_document_does_not_mention_is_described(store):
    """The body a press service speaks for ("Об этом сообщает пресс-служба президента": the
    presidential administration, never named) has its labels, and no mention of the document."""
    body = KBEntry("pa-kg", "GovernmentBody", (("en", "Presidential Administration of Kyrgyzstan"),))
    text = "Об этом сообщает пресс-служба президента."
    said = Event(
        "Statement", "сообщает", 8, 16, text, 0, len(text), participants=("pa-kg",), speaker=("pa-kg",)
    )
    write_extraction(store, extraction("a", said.evidence, "ru", events=[said]), {"pa-kg": body})
    assert labels(store, "pa-kg") == [("en", "Presidential Administration of Kyrgyzstan")]
    docs = store.select(PREFIXES + f"SELECT ?d WHERE {{ {iris.entity('pa-kg').n3()} bl:mentionedIn ?d }}")
    assert docs == []


def test_ontology_is_loaded_once_and_subclasses_answer(store):
    assert not ensure_ontology(store)  # already there, unchanged
    assert store.ask(PREFIXES + "ASK { bl:GovernmentBody rdfs:subClassOf* bl:Organization }")


def test_reading_a_missing_store_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(str(tmp_path / "nope"))


def test_a_post_reported_twice_is_described_once_and_goes_with_its_last_report(store):
    def report(doc_id):
        text = "Foreign Minister Ivan Petrov"
        return extraction(
            doc_id,
            text,
            "en",
            person("person/ivan-petrov", "en", "Ivan Petrov", 17),
            positions=[Position("person/ivan-petrov", "Minister of Foreign Affairs", "russia", 0, 28, text)],
        )

    write_extraction(store, report("a"), {})
    write_extraction(store, report("b"), {})
    rows = store.select(PREFIXES + """SELECT ?t WHERE { ?p bl:holdsPosition ?pos . ?pos bl:title ?t }""")
    assert len(rows) == 1  # no duplicate rows from the union of graphs
    sources = store.select(PREFIXES + "SELECT ?d WHERE { ?pos a bl:Position ; bl:extractedFrom ?d }")
    assert len(sources) == 2
    write_extraction(store, extraction("a", "nothing", "en"), {})
    assert len(store.select(PREFIXES + "SELECT ?pos WHERE { ?p bl:holdsPosition ?pos }")) == 1
    write_extraction(store, extraction("b", "nothing", "en"), {})
    assert store.select(PREFIXES + "SELECT ?pos WHERE { ?p bl:holdsPosition ?pos }") == []
    assert store.select(PREFIXES + "SELECT ?pos WHERE { ?pos a bl:Position }") == []


def test_a_merged_events_mode_is_stated_once_and_goes_with_its_last_report(store):
    text = "Russia and Kazakhstan held talks."

    def report(doc_id, *events):
        return extraction(doc_id, text, "en", events=events)

    talks = Event(
        "Consult", "held talks", 22, 32, text, 0, 33, mode="visit", date="2024-05-14",
        participants=("russia", "kazakhstan"),
    )  # fmt: skip
    write_extraction(store, report("a", talks), {})
    write_extraction(store, report("b", talks), {})
    modes = PREFIXES + "SELECT ?m WHERE { ?ev bl:mode ?m }"
    assert [str(r["m"]) for r in store.select(modes)] == ["visit"]  # one row, not one per report
    write_extraction(store, report("a"), {})
    assert [str(r["m"]) for r in store.select(modes)] == ["visit"]
    write_extraction(store, report("b"), {})
    assert store.select(modes) == []


def petrov_report(doc_id, *forms):
    """A Russian document mentioning Иван Петров by his name and ``forms``."""
    name = "Иван Петров"
    ent = Entity("person/ivan-petrov", "Person", (("ru", name),), tuple(("ru", f) for f in (name, *forms)))
    return extraction(doc_id, name, "ru", ent)


def petrov_forms(store):
    """Иван Петров's surface forms in the store (one row per form: stated once)."""
    rows = store.select(
        PREFIXES + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT ?l WHERE {{ {iris.entity('person/ivan-petrov').n3()} skos:altLabel ?l }}"
    )
    return sorted(str(r["l"]) for r in rows)


def test_a_surface_form_is_stated_once_and_goes_with_the_last_document_using_it(store):
    """A surface form used by several documents is one skos:altLabel (facts graph); it stays
    while one document uses it, and a document's rewrite or the repair drops it after."""
    from bilat.graph.write import repair

    report = petrov_report

    def forms():
        return petrov_forms(store)

    write_extraction(store, report("a", "Ивана Петрова"), {})
    write_extraction(store, report("b", "Ивана Петрова", "Петровым"), {})
    assert forms() == ["Иван Петров", "Ивана Петрова", "Петровым"]
    write_extraction(store, report("b", "Петрову"), {})  # b rewritten: a still uses "Ивана Петрова"
    assert forms() == ["Иван Петров", "Ивана Петрова", "Петрову"]
    write_extraction(store, report("a"), {})
    assert forms() == ["Иван Петров", "Петрову"]
    write_extraction(store, extraction("a", "nothing", "ru"), {})
    write_extraction(store, extraction("b", "nothing", "ru"), {})
    assert forms() == []
    # a form left by an interrupted write of the only document using it: the repair drops it
    alt = "<http://www.w3.org/2004/02/skos/core#altLabel>"
    who = iris.entity("person/ivan-petrov").n3()
    store.update(f'INSERT DATA {{ GRAPH {iris.FACTS_GRAPH.n3()} {{ {who} {alt} "Петров"@ru }} }}')
    repair(store)
    assert forms() == []


def test_a_form_an_interrupted_rewrite_left_is_repaired(store, dying_store):
    """An interrupted rewrite replaces the document's graph (its new bl:surfaceForms) before the
    forms it stopped using are dropped; written again, the old keys are gone: the repair of
    the documents whose write was interrupted drops the forms no document names."""
    from bilat.graph.write import repair

    report = petrov_report

    def forms():
        return petrov_forms(store)

    write_extraction(store, report("a", "Ивана Петрова", "Петровым"), {})
    write_extraction(store, report("b"), {})
    with pytest.raises(StoreError):
        write_extraction(dying_store(store, 2), report("a", "Ивана Петрова"), {}, chunk=3)
    write_extraction(store, report("a", "Ивана Петрова"), {})
    assert "Петровым" in forms()  # left by the interrupted rewrite
    repair(store, ["a"])
    assert forms() == ["Иван Петров", "Ивана Петрова"]


def test_dyad_counts_events_by_month_and_class(store):
    from bilat.graph.dyads import dyad_months
    from bilat.graph.kb import entries_by_key

    kb = entries_by_key()
    countries = (
        Entity("russia", "Country", (("en", "Russia"),), (), (Mention(0, 6, "Russia", "GPE"),), in_kb=True),
        Entity(
            "kazakhstan",
            "Country",
            (("en", "Kazakhstan"),),
            (),
            (Mention(11, 21, "Kazakhstan", "GPE"),),
            in_kb=True,
        ),
    )
    text = "Russia and Kazakhstan signed a deal. They will meet."
    events = [
        Event(
            "Agree",
            "signed",
            22,
            28,
            text[:36],
            0,
            36,
            participants=("russia", "kazakhstan"),
            date="2022-10-14",
            date_precision="day",
            goldstein=8.0,
        ),
        Event(
            "Consult",
            "meet",
            47,
            51,
            text[37:],
            37,
            len(text),
            participants=("russia", "kazakhstan"),
            date="2022-10-20",
            date_precision="day",
            goldstein=1.0,
            context="planned",
        ),
    ]
    write_extraction(
        store, Extraction(Document("a", text, "en", date="2022-10-14"), countries, (), tuple(events)), kb
    )
    rows = dyad_months(store)
    assert [
        (str(r["month"]), str(r["class"]), int(r["events"]), float(r["mean_goldstein"])) for r in rows
    ] == [("2022-10", "Agree", 1, 8.0)]  # the planned meeting has not happened: not counted


def hash_line(store, doc_id: str) -> str:
    """The content-hash triple of a stored document, as N-Triples."""
    h = stored_hash(store, doc_id)
    return f'{iris.document(doc_id).n3()} {BL.contentHash.n3()} "{h}" .'


def test_incomplete_documents_reads_the_writes_under_way_not_every_document(store, dying_store):
    """Only a write in several requests can stop half way, and it records itself until its
    last request: the check reads that record. Documents stored whole (here many, and one
    whose Document node lacks a hash without any write of it under way) are never read."""
    people = [person(f"person/p{i}", "en", f"Person{i} Name", start=20 * i) for i in range(8)]
    text = " ".join(f"Person{i} Name" for i in range(8))
    for i in range(30):
        write_extraction(store, extraction(f"whole-{i}", text, "en", *people), {})
    assert incomplete_documents(store) == []
    # a document written in pieces of 5 triples, its writer killed after two requests
    cut = extraction("cut", text, "en", *people)
    with pytest.raises(StoreError):
        write_extraction(dying_store(store, 2), cut, {}, chunk=5)
    assert incomplete_documents(store) == ["cut"]
    # a Document without a hash that no write left (not what bilat writes) is not looked for
    hashed = hash_line(store, "whole-3")
    store.update(f"DELETE DATA {{ GRAPH {iris.doc_graph('whole-3').n3()} {{ {hashed} }} }}")
    assert incomplete_documents(store) == ["cut"]
    # written again whole (in pieces or not), it is complete and the record is gone
    write_extraction(store, cut, {}, chunk=7)
    assert incomplete_documents(store) == []
    assert not store.ask(f"ASK {{ GRAPH {iris.WRITING_GRAPH.n3()} {{ ?s ?p ?o }} }}")


@pytest.mark.parametrize(
    "updates, may_hold",
    [
        ((), False),
        (("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> <urn:b> } }",), True),
        (("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> <urn:b> } }", "DROP GRAPH <urn:g>"), False),
        (("INSERT DATA { GRAPH <urn:other> { <urn:a> <urn:p> <urn:b> } }",), False),
    ],
)
def test_a_graph_may_hold_something_once_written_until_dropped(store, updates, may_hold):
    from rdflib import URIRef

    from bilat.graph.store import RemoteStore

    for u in updates:
        store.update(u)
    # (a remote store cannot tell cheaply: it always says it may)
    assert store.may_hold_graph(URIRef("urn:g")) is (may_hold or isinstance(store, RemoteStore))


@pytest.mark.parametrize(
    "empty, starts", [(False, "DROP SILENT GRAPH <urn:g> ;\nINSERT DATA"), (True, "INSERT DATA")]
)
def test_a_graph_known_empty_is_not_dropped_first(empty, starts):
    from rdflib import URIRef

    from bilat.graph.store import replace_graph_update
    from bilat.graph.triples import Triples

    g = Triples([(URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b"))])
    assert replace_graph_update(URIRef("urn:g"), g, empty=empty).startswith(starts)


def test_a_document_new_to_the_store_and_written_again_is_stored_alike(store):
    from bilat.graph.store import RemoteStore

    ex = extraction("d1", "Lavrov met.", "en", person("sergey-lavrov", "en", "Lavrov"))
    write_extraction(store, ex, {})
    first = triples(store)
    write_extraction(store, ex, {})
    assert triples(store) == first > 0
    if not isinstance(store, RemoteStore):
        assert store.may_hold_graph(iris.doc_graph("d1"))


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s ?o WHERE { ?s <urn:p> ?o } ORDER BY STR(?o)",
        "SELECT ?o ?none WHERE { <urn:a> <urn:p> ?o OPTIONAL { ?o <urn:q> ?none } } ORDER BY STR(?o)",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT ?g WHERE { GRAPH ?g { <urn:a> rdfs:label ?l } }",  # a default prefix
        "SELECT * WHERE { ?s <urn:none> ?o }",
    ],
)
def test_an_embedded_stores_rows_are_those_of_its_sparql_json_results(tmp_path, query):
    from bilat.graph import sparql
    from bilat.graph.store import local_select

    st = open_store(str(tmp_path / "s"), create=True)
    st.update("""PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> "x"@en , "y" , 2 , 4.5 , "a\\nb\\"c" , <urn:b> ,
        "2021-11"^^xsd:gYearMonth , "z"^^xsd:string .
        <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@ru . _:n <urn:p> "blank" } }""")
    assert local_select(st.ox, query) == sparql.select(st.ox, query)
    assert st.select(query) == sparql.select(st.ox, query)
    st.close()


def test_an_embedded_store_selects_only_with_a_select_query(tmp_path):
    from bilat.graph.sparql import QueryError

    st = open_store(str(tmp_path / "s"), create=True)
    for query in ("ASK { ?s ?p ?o }", "SELECT WHERE {", "CONSTRUCT WHERE { ?s ?p ?o }"):
        with pytest.raises(QueryError):
            st.select(query)
    st.close()


def _entities_graph(st) -> list[str]:
    g = iris.ENTITIES_GRAPH
    rows = st.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {g.n3()} {{ ?s ?p ?o }} }}")
    return sorted(f"{r['s'].n3()} {r['p'].n3()} {r['o'].n3()}" for r in rows)


KB_ENTRY = KBEntry("russia", "Country", (("en", "Russia"), ("ru", "Россия")), wikidata="Q159")
WRITES = [  # (document, its entities): votes that change labels and classes, a rewrite, a drop
    ("a", (person("person/tokaev", "en", "Kassym Tokayev"), org("org/trend", "MediaOutlet", "Trend"))),
    (
        "b",
        (person("person/tokaev", "en", "Kassym-Jomart Tokayev"), org("org/trend", "Organization", "Trend")),
    ),
    ("c", (person("person/tokaev", "en", "Kassym-Jomart Tokayev"), person("russia", "en", "Russia"))),
    ("a", (org("org/trend", "Organization", "Trend"), person("person/lavrov", "ru", 'Лавров "С. В."\n'))),
    ("b", ()),
    ("d", (person("russia", "ru", "России"), org("org/trend", "MediaOutlet", "Trend"))),
]


@pytest.mark.parametrize("remembered", [0, 1, 4096])
def test_descriptions_remembered_or_read_again_leave_the_same_entities_graph(tmp_path, remembered):
    """The writer reads the descriptions of the entities it described last from what the store
    remembers (Described), the rest from the store: the same entities graph whatever it
    remembers, and the same as a remote store's, which remembers nothing."""
    from bilat.graph.store import Described

    graphs = []
    for size in (0, remembered):
        st = open_store(str(tmp_path / f"s{size}-{len(graphs)}"), create=True)
        st.described = Described(size)
        for doc_id, ents in WRITES:
            write_extraction(st, extraction(doc_id, doc_id, "en", *ents), {"russia": KB_ENTRY})
            graphs.append(_entities_graph(st))
        st.close()
    half = len(graphs) // 2
    assert graphs[:half] == graphs[half:]
    assert graphs[-1] and any("Kassym-Jomart" in line for line in graphs[-1])


def test_an_update_that_does_not_say_what_it_leaves_forgets_the_descriptions(tmp_path):
    from bilat.graph.store import StoreError

    st = open_store(str(tmp_path / "s"), create=True)
    write_extraction(st, extraction("a", "a", "en", person("person/tokaev", "en", "Tokayev")), {})
    node = iris.entity("person/tokaev")
    assert st.described.lines([node], []) == []  # remembered
    st.update(f"DELETE WHERE {{ GRAPH {iris.ENTITIES_GRAPH.n3()} {{ {node.n3()} ?p ?o }} }}")
    assert st.described.lines([node], []) == [node]  # forgotten: read again
    write_extraction(st, extraction("b", "b", "en", person("person/tokaev", "en", "Tokayev")), {})
    assert labels(st, "person/tokaev") == [("en", "Tokayev")]
    with pytest.raises(SyntaxError):
        st.update("INSERT DATA {", described={})
    assert st.described.lines([node], []) == [node]  # a failed update forgets too
    st.close()
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "s"), read_only=True).update("INSERT DATA {}")
