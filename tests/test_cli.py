"""The command line as a user runs it: the bundled examples in, answers and exports out."""

import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.query import Result

from bilat.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
PREFIXES = """PREFIX bl: <https://w3id.org/bilat/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("cli") / "store")
    assert main(["ingest", str(EXAMPLES), "--store", path]) == 0
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def select(capsys, store, query):
    capsys.readouterr()  # what earlier commands printed
    code, out, err = run(capsys, "query", PREFIXES + query, "--store", store, "--format", "json")
    assert code == 0, err
    return json.loads(out)["results"]["bindings"]


def test_contract_query_posts(capsys, store):
    rows = select(
        capsys,
        store,
        """SELECT ?name ?title ?org WHERE { ?p a bl:Person ; rdfs:label ?name ;
        bl:holdsPosition ?pos . ?pos bl:title ?title ; bl:ofOrganization/rdfs:label ?org .
        FILTER(lang(?name) = "en" && lang(?title) = "en" && lang(?org) = "en") }""",
    )
    assert ("Sergey Lavrov", "Minister of Foreign Affairs", "Russia") in {
        (r["name"]["value"], r["title"]["value"], r["org"]["value"]) for r in rows
    }


@pytest.mark.parametrize(
    "label,cls",
    [
        ("Russia", "Country"),
        ("Kazakhstan", "Country"),
        ("TASS", "MediaOutlet"),
        ("Rossiyskaya Gazeta", "MediaOutlet"),
        ("Baikonur Cosmodrome", "Project"),
        ("Sergey Lavrov", "Person"),
        ("Ministry of Foreign Affairs of Russia", "GovernmentBody"),
        ("Astana", "City"),
    ],
)
def test_seed_entities_have_their_class(capsys, store, label, cls):
    rows = select(
        capsys, store, f"""SELECT ?c WHERE {{ ?e rdfs:label "{label}"@en ; a ?c ; bl:mentionedIn ?d }}"""
    )
    assert f"https://w3id.org/bilat/ontology#{cls}" in {r["c"]["value"] for r in rows}


def test_lavrov_is_one_iri_in_both_languages(capsys, store):
    rows = select(
        capsys,
        store,
        """SELECT DISTINCT ?e WHERE { ?e rdfs:label "Sergey Lavrov"@en, "Сергей Лавров"@ru ;
        bl:mentionedIn ?d1, ?d2 . FILTER(?d1 != ?d2) }""",
    )
    assert len(rows) == 1


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml"])
def test_result_formats_parse_in_rdflib(capsys, store, fmt):
    code, out, err = run(
        capsys, "query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 50", "--store", store, "--format", fmt
    )
    assert code == 0, err
    assert len(list(Result.parse(io.BytesIO(out.encode()), format=fmt))) == 50


@pytest.mark.parametrize(
    "fmt,parser,ds",
    [
        ("turtle", "turtle", False),
        ("nquads", "nquads", True),
        ("trig", "trig", True),
        ("jsonld", "json-ld", False),
    ],
)
def test_rdf_exports_parse(capsys, store, tmp_path, fmt, parser, ds):
    out = tmp_path / f"x.{fmt}"
    code, _, err = run(capsys, "export", "--format", fmt, "-o", str(out), "--store", store)
    assert code == 0, err
    g = Dataset() if ds else Graph()
    g.parse(out, format=parser)
    assert len(g) > 100


def test_graphml_export_reads_in_networkx_and_igraph(capsys, store, tmp_path):
    import igraph

    out = tmp_path / "x.graphml"
    code, _, err = run(capsys, "export", "--format", "graphml", "-o", str(out), "--store", store)
    assert code == 0, err
    G = nx.read_graphml(out)
    assert G.number_of_nodes() > 10 and all(d.get("label") for _, d in G.nodes(data=True))
    ig = igraph.Graph.Read_GraphML(str(out))
    assert ig.vcount() == G.number_of_nodes() and ig.ecount() == G.number_of_edges()
    assert "Sergey Lavrov" in ig.vs["label"]


def test_validate_and_stats(capsys, store):
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 0 and "conforms" in out
    code, out, _ = run(capsys, "stats", "--store", store)
    assert code == 0 and "documents  2" in out


def test_reingest_changes_nothing(capsys, store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = select(capsys, store, count)[0]["n"]["value"]
    code, out, _ = run(capsys, "ingest", str(EXAMPLES), "--store", store)
    assert code == 0 and "2 unchanged" in out
    assert select(capsys, store, count)[0]["n"]["value"] == before


def test_bad_input_is_reported_and_the_rest_goes_in(capsys, tmp_path):
    store = str(tmp_path / "store")
    assert main(["ingest", str(EXAMPLES), "--store", store]) == 0
    capsys.readouterr()
    before = int(select(capsys, store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]["value"])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "german.txt").write_text(
        "Der Außenminister sprach gestern in Berlin über die Beziehungen zu Russland."
    )
    (bad / "news.jsonl").write_text(
        '{"id": "ok-1", "text": "Kazakh President Kassym-Jomart Tokayev met '
        'Russian President Vladimir Putin in Moscow on Tuesday."}\n{"id": broken\n'
    )
    (bad / "cp1251.txt").write_bytes(
        "Президент Казахстана Касым-Жомарт Токаев встретился с Владимиром Путиным.".encode("cp1251")
    )
    code, out, err = run(capsys, "ingest", str(bad), "--store", store)
    lines = [line for line in err.splitlines() if line.strip()]
    assert any("news.jsonl:2" in line for line in lines)
    assert any("binary.txt" in line for line in lines) and any("empty.txt" in line for line in lines)
    assert any("german.txt" in line and "language" in line for line in lines)
    assert "Traceback" not in err
    ids = {
        r["id"]["value"]
        for r in select(capsys, store, "SELECT ?id WHERE { ?d a bl:Document ; dcterms:identifier ?id }")
    }
    assert {"ok-1", "cp1251"} <= ids
    after = int(select(capsys, store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]["value"])
    assert after > before


@pytest.mark.parametrize(
    "args,code,needle",
    [
        (["query", "SELEC nonsense"], 1, "bad query"),
        (["query", "SELECT * WHERE { ?s ?p }"], 1, "line"),
        (["query"], 2, "SPARQL"),
        (["export", "--format", "pdf", "-o", "x"], 2, "invalid choice"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_exit_codes(capsys, store, args, code, needle):
    extra = ["--store", store] if args[0] in ("query", "export") else []
    got, out, err = run(capsys, *args, *extra)
    assert got == code
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err


def test_missing_store_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "query", "ASK {}", "--store", str(tmp_path / "nowhere"))
    assert code == 2 and "no store here" in err


def test_query_does_not_load_spacy(store):
    code = (
        "import sys; from bilat.cli import main; "
        f"rc = main(['query', 'ASK {{ ?s ?p ?o }}', '--store', {store!r}]); "
        "assert 'spacy' not in sys.modules and 'natasha' not in sys.modules, 'NLP loaded'; sys.exit(rc)"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "true"


def write_jsonl(path, *records):
    import json as _json

    path.write_text("".join(_json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_a_publisher_the_text_never_names_is_still_described(capsys, tmp_path):
    store = str(tmp_path / "store")
    src = write_jsonl(
        tmp_path / "a.jsonl",
        {
            "id": "p1",
            "source": "TASS",
            "date": "2021-11-09",
            "text": "Russia and Kazakhstan signed an agreement on Tuesday.",
        },
    )
    assert main(["ingest", src, "--store", store]) == 0
    rows = select(
        capsys,
        store,
        """SELECT ?l WHERE { ?d bl:publisher ?p . ?p a bl:MediaOutlet ; rdfs:label ?l
        FILTER(lang(?l) = "en") }""",
    )
    assert [r["l"]["value"] for r in rows] == ["TASS"]
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 0, out


def test_changed_metadata_is_applied_to_an_unchanged_text(capsys, tmp_path):
    store = str(tmp_path / "store")
    text = "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow on Tuesday."
    assert (
        main(
            [
                "ingest",
                write_jsonl(tmp_path / "a.jsonl", {"id": "m", "text": text, "date": "2021-11-09"}),
                "--store",
                store,
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "ingest",
                write_jsonl(tmp_path / "b.jsonl", {"id": "m", "text": text, "date": "2022-03-15"}),
                "--store",
                store,
            ]
        )
        == 0
    )
    rows = select(capsys, store, 'SELECT ?date WHERE { ?d dcterms:identifier "m" ; dcterms:date ?date }')
    assert [r["date"]["value"] for r in rows] == ["2022-03-15"]


def test_a_bad_record_does_not_stop_the_run_and_the_dyads_follow(capsys, tmp_path):
    store = str(tmp_path / "store")
    good = {
        "id": "g",
        "date": "2022-10-14",
        "text": "Russia and Kazakhstan signed an agreement on energy cooperation.",
    }
    bad = '{"id": "bad\\ud800", "text": "Russia and Kazakhstan met."}\n'
    path = tmp_path / "d.jsonl"
    path.write_text(__import__("json").dumps(good) + "\n" + bad, encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(path), "--store", store)
    assert code == 2 and "d.jsonl:2" in err and "Traceback" not in err
    code, out, err = run(
        capsys,
        "query",
        "--saved",
        "dyad_by_month",
        "--param",
        "a=Russia",
        "--param",
        "b=Kazakhstan",
        "--format",
        "csv",
        "--store",
        store,
    )
    assert code == 0 and out.splitlines()[1:], err


def test_a_report_withdrawn_leaves_no_trace_in_shared_facts(capsys, tmp_path):
    store = str(tmp_path / "store")
    en = {"id": "en1", "lang": "en", "text": "Russian Foreign Minister Sergey Lavrov arrived in Astana."}
    ru = {"id": "ru1", "lang": "ru", "text": "Министр иностранных дел России Сергей Лавров прибыл в Астану."}
    assert main(["ingest", write_jsonl(tmp_path / "a.jsonl", en, ru), "--store", store]) == 0
    ru2 = dict(ru, text="Сергей Лавров прибыл в Астану.")
    assert main(["ingest", write_jsonl(tmp_path / "b.jsonl", ru2), "--store", store]) == 0
    rows = select(capsys, store, "SELECT ?t WHERE { ?p bl:holdsPosition ?pos . ?pos bl:title ?t }")
    assert [r["t"]["value"] for r in rows] == ["Minister of Foreign Affairs"]
