"""What analysts look at, produced from the example articles and the dev corpus (real news) and
read back by each output's standard reader: the events table (pandas, DuckDB), GraphML
(networkx, igraph), GEXF (networkx), the pictures (Pillow, an XML parser), the HTML view (a real
headless Chromium, with a screenshot), the saved questions and the Python API."""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from bilat.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
CORPUS = ROOT / "tests" / "corpus"
BL = "https://w3id.org/bilat/ontology#"
ID = "https://w3id.org/bilat/id/"
PREFIXES = (
    "PREFIX bl: <https://w3id.org/bilat/ontology#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
DATELINE_TEXT = (
    "АСТАНА, 5 июня 2024 года. Президент Казахстана Касым-Жомарт Токаев провёл переговоры "
    "с президентом России Владимиром Путиным. Стороны подписали соглашение о сотрудничестве."
)


def run(capsys, *args):
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def select(store, query):
    from bilat.graph.store import open_store

    with open_store(store) as s:
        return s.select(PREFIXES + query)


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory):
    """The two bundled articles and a .txt without metadata that opens with a dateline."""
    folder = tmp_path_factory.mktemp("examples")
    for p in EXAMPLES.iterdir():
        shutil.copy(p, folder / p.name)
    (folder / "astana_dateline.txt").write_text(DATELINE_TEXT, encoding="utf-8")
    path = str(tmp_path_factory.mktemp("ex") / "store")
    assert main(["ingest", str(folder), "--store", path]) == 0
    return path


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The dev corpus (tests/corpus: 175 real articles) with its metadata, ingested once."""
    from bilat import app
    from bilat.extract.records import Document
    from bilat.graph.store import open_store

    docs = []
    for f in sorted(CORPUS.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        docs.append(
            Document(
                id=g["id"],
                text=g["text"],
                lang=g["lang"],
                title=g.get("title"),
                date=g.get("date"),
                url=g.get("url"),
                source=g.get("outlet"),
            )
        )
    path = str(tmp_path_factory.mktemp("corpus") / "store")
    with open_store(path, create=True) as s:
        summary = app.ingest([], store=s, documents=docs, on_problem=lambda m: None)
    assert summary.documents == len(docs) and not summary.failed
    return path


# ------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("АСТАНА, 5 июня 2024 года. Президент …", "ru", "2024-06-05"),
        ("MOSCOW, November 9, 2021. /TASS/. Text", "en", "2021-11-09"),
        ("ASTANA, Jan 9, 2023 (Reuters) - Kazakhstan said", "en", "2023-01-09"),
        ("Заголовок статьи\n05.06.2024 14:30\nМинистр заявил …", "ru", "2024-06-05"),
        ("Headline\n2024-06-05T10:00:00+05:00\nText", "en", "2024-06-05"),
        ("Headline\nPublished: June 5, 2024\nText", "en", "2024-06-05"),
        ("Лавров встретился 5 июня 2024 года с коллегой в Москве и обсудил вопросы.", "ru", None),
        ("The ministers met on June 5, 2024 in Astana to discuss transit and trade.", "en", None),
        ("MOSCOW, November 9. /TASS/. Text", "en", None),  # no year: not guessed
        ("Headline\n31.02.2024 10:00\nText", "ru", None),  # not a date
    ],
)
def test_document_date_from_the_text(text, lang, expected):
    from bilat.extract.docdate import text_date

    assert text_date(text, lang) == expected


@pytest.mark.slow
def test_dateline_gives_a_txt_without_metadata_its_date(examples_store):
    rows = select(
        examples_store,
        """SELECT ?date WHERE { ?d dcterms:identifier "astana_dateline" ;
        dcterms:date ?date }""",
    )
    assert [str(r["date"]) for r in rows] == ["2024-06-05"]
    events = select(
        examples_store,
        """SELECT ?ev ?date ?p WHERE { ?ev bl:extractedFrom ?d ;
        bl:date ?date . ?d dcterms:identifier "astana_dateline"
        OPTIONAL { ?ev bl:datePrecision ?stated } bl:Event bl:defaultDatePrecision ?default
        BIND(COALESCE(?stated, ?default) AS ?p) }""",
    )
    assert events and {str(r["date"]) for r in events} == {"2024-06-05"}
    assert {str(r["p"]) for r in events} <= {"day", "document"}


@pytest.mark.slow
def test_every_event_of_a_dated_document_is_dated(corpus_store):
    rows = select(
        corpus_store,
        """SELECT ?ev (SAMPLE(?date) AS ?d) (SAMPLE(?p) AS ?prec) (SAMPLE(?docdate) AS ?dd)
        WHERE { ?ev a/rdfs:subClassOf+ bl:Event ; bl:extractedFrom ?doc .
        OPTIONAL { ?ev bl:date ?date OPTIONAL { ?ev bl:datePrecision ?stated }
          BIND(COALESCE(?stated, "document") AS ?p) }
        OPTIONAL { ?doc dcterms:date ?docdate } } GROUP BY ?ev""",
    )
    assert len(rows) > 500
    undated_with_doc_date = [r for r in rows if "d" not in r and "dd" in r]
    assert undated_with_doc_date == []
    dated = sum("d" in r for r in rows)
    # 9 % before dates were inherited; the rest are events of documents whose page gave no date
    # (a fifth of the articles added since 6 December) and whose text gives none either
    assert dated / len(rows) > 0.7
    precisions = Counter(str(r.get("prec", "")) for r in rows if "d" in r)
    assert set(precisions) <= {"day", "month", "year", "document"}
    assert precisions["document"] > 0 and precisions["day"] > 0


# -------------------------------------------------------------------------------- events table


@pytest.fixture(scope="module")
def events_files(corpus_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("events")
    for fmt in ("events-csv", "events-parquet"):
        assert main(["export", "--format", fmt, "-o", str(out / fmt), "--store", corpus_store]) == 0
    return out / "events-csv", out / "events-parquet"


@pytest.mark.slow
def test_events_table_reads_back_in_pandas(corpus_store, events_files):
    import pandas as pd

    from bilat.graph.table import COLUMNS

    csv_path, parquet_path = events_files
    df = pd.read_csv(csv_path, keep_default_na=False, na_values={"goldstein": [""]})
    pq = pd.read_parquet(parquet_path)
    n = int(
        select(corpus_store, "SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE { ?ev a/rdfs:subClassOf+ bl:Event }")[
            0
        ]["n"]
    )
    assert len(df) == len(pq) == n
    assert list(df.columns) == list(pq.columns) == list(COLUMNS)
    assert df["event"].is_unique and df["event"].str.startswith(ID + "event/").all()
    assert (df["n_documents"] >= 1).all() and (df["documents"] != "").all()
    assert set(df["date_precision"]) <= {"day", "month", "year", "document", ""}
    assert ((df["date"] == "") == (df["date_precision"] == "")).all()
    assert (df["date"] != "").mean() > 0.7  # (see test_every_event_of_a_dated_document_is_dated)
    assert df["goldstein"].dropna().between(-10, 10).all()
    assert (pq["happened"] == (pq["context"] == "")).all()
    assert set(pq["context"]) <= {"", "planned", "hypothetical", "negated"}
    assert pq["goldstein"].dtype == "float64" and pq["n_documents"].dtype == "int32"
    statements = df[df["class"] == "Statement"]
    assert (statements["speaker"] != "").mean() > 0.9
    assert (df["participant_iris"].str.contains(ID)).mean() > 0.9
    with_url = df[df["document_urls"] != ""]
    assert len(with_url) > 0.9 * len(df) and with_url["document_urls"].str.startswith("http").all()
    # a row agrees with the graph: the labels are the entities' English names
    row = df[df["participant_iris"].str.contains(ID + "kazakhstan")].iloc[0]
    assert "Kazakhstan" in row["participants"]


@pytest.mark.slow
def test_events_table_reads_back_in_duckdb(events_files):
    import duckdb
    import pandas as pd

    csv_path, parquet_path = events_files
    con = duckdb.connect()
    by_class_csv = dict(
        con.execute(
            f"SELECT class, count(*) FROM read_csv('{csv_path}', header=true, "
            "all_varchar=true) GROUP BY class"
        ).fetchall()
    )
    by_class_pq = dict(
        con.execute(f"SELECT class, count(*) FROM read_parquet('{parquet_path}') GROUP BY class").fetchall()
    )
    assert by_class_csv == by_class_pq == pd.read_parquet(parquet_path)["class"].value_counts().to_dict()
    assert {"Statement", "Consult", "Agree"} <= set(by_class_pq)
    kinds = dict(
        con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{parquet_path}'))"
        ).fetchall()
    )
    assert kinds["goldstein"] == "DOUBLE" and kinds["happened"] == "BOOLEAN" and kinds["date"] == "VARCHAR"
    months = con.execute(
        f"SELECT month, count(*) FROM read_parquet('{parquet_path}') WHERE month <> '' "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert len(months) > 20 and all(re.fullmatch(r"\d{4}-\d{2}", m) for m, _ in months)


@pytest.mark.slow
def test_events_table_of_the_examples(examples_store, tmp_path):
    import pandas as pd

    out = tmp_path / "ev.csv"
    assert main(["export", "--format", "events-csv", "-o", str(out), "--store", examples_store]) == 0
    df = pd.read_csv(out, keep_default_na=False)
    tass = df[df["documents"] == "000_7257ba5e422b5fd5"]
    assert len(tass) > 0 and (tass["date"] != "").all()
    assert (tass["document_urls"] == "").all()  # the example has no URL
    lavrov = df[(df["class"] == "Statement") & df["speaker"].str.contains("Sergey Lavrov")]
    assert len(lavrov) > 0


# ------------------------------------------------------------------------------------ networks


@pytest.mark.slow
def test_graphml_edges_carry_event_attributes_and_real_direction(corpus_store, tmp_path):
    import igraph

    path = tmp_path / "g.graphml"
    assert main(["export", "--format", "graphml", "-o", str(path), "--store", corpus_store]) == 0
    G = nx.read_graphml(path, force_multigraph=True)
    events = [(u, v, d) for u, v, d in G.edges(data=True) if d["kind"] == "event"]
    assert len(events) > 500
    assert all(d["context"] == "" for _, _, d in events)  # did not happen: left out by default
    assert all(d["documents"] >= 1 and d["events"] >= 1 for _, _, d in events)
    assert any(d["has_goldstein"] and -10 <= d["goldstein"] <= 10 for _, _, d in events)
    assert any(re.fullmatch(r"\d{3,4}", d["cameo"].split("; ")[0]) for _, _, d in events if d["cameo"])
    assert any(d["first_date"] for _, _, d in events)
    directed = [(u, v, d) for u, v, d in events if d["directed"] and d["label"] != "Statement"]
    undirected = [(u, v, d) for u, v, d in events if not d["directed"]]
    assert directed and undirected
    pairs = {
        (str(r["s"]), str(r["t"]))
        for r in select(corpus_store, "SELECT ?s ?t WHERE { ?e bl:source ?s ; bl:target ?t }")
    }
    assert all((u, v) in pairs for u, v, _ in directed)  # direction comes only from source/target
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == G.number_of_nodes() and ig.ecount() == G.number_of_edges()
    assert "goldstein" in ig.es.attributes() and "context" in ig.es.attributes()


@pytest.mark.slow
def test_graphml_flags_events_that_did_not_happen(corpus_store, tmp_path):
    path = tmp_path / "flag.graphml"
    assert (
        main(
            [
                "export",
                "--format",
                "graphml",
                "-o",
                str(path),
                "--store",
                corpus_store,
                "--not-happened",
                "flag",
            ]
        )
        == 0
    )
    G = nx.read_graphml(path, force_multigraph=True)
    contexts = Counter(d["context"] for _, _, d in G.edges(data=True) if d["kind"] == "event")
    n = int(select(corpus_store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e bl:context ?c }")[0]["n"])
    assert n > 0 and sum(v for k, v in contexts.items() if k) > 0
    assert set(contexts) - {""} <= {"planned", "hypothetical", "negated"}


@pytest.mark.slow
def test_gexf_plays_relations_over_time(corpus_store, tmp_path):
    path = tmp_path / "g.gexf"
    assert main(["export", "--format", "gexf", "-o", str(path), "--store", corpus_store]) == 0
    root = ET.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    spells = root.findall(".//g:edge/g:spells/g:spell", ns)
    assert len(spells) > 300
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.get("start")) for s in spells)
    assert all(s.get("end") is None or s.get("end") >= s.get("start") for s in spells)
    G = nx.read_gexf(path)
    assert G.number_of_nodes() > 100 and G.number_of_edges() > 500
    years = {s.get("start")[:4] for s in spells}
    assert len(years) >= 5  # the timeline spans years of relations


@pytest.mark.slow
def test_network_filters(corpus_store, tmp_path):
    path = tmp_path / "kz.gexf"
    assert (
        main(
            [
                "export",
                "--format",
                "gexf",
                "-o",
                str(path),
                "--store",
                corpus_store,
                "--around",
                "Kazakhstan",
                "--hops",
                "1",
                "--from",
                "2022-01-01",
                "--to",
                "2023-12-31",
                "--classes",
                "Consult,Agree",
            ]
        )
        == 0
    )
    G = nx.read_gexf(path)
    kz = ID + "kazakhstan"
    assert kz in G and 3 < G.number_of_nodes()
    U = G.to_undirected()
    assert all(n == kz or U.has_edge(n, kz) for n in G)  # one hop
    events = [d for _, _, d in G.edges(data=True) if d["kind"] == "event"]
    assert events and {d["label"] for d in events} <= {"Consult", "Agree"}
    for d in events:
        # a date of the edge's events lies in the window (a year or month date: its period meets it)
        assert any("2022-01-01"[: len(x)] <= x <= "2023-12-31"[: len(x)] for x in d["dates"].split("; "))
    # an unknown entity is a usage error, one line
    assert (
        main(["export", "--format", "gexf", "-o", str(path), "--store", corpus_store, "--around", "Atlantis"])
        == 2
    )
    assert (
        main(["export", "--format", "graphml", "-o", str(path), "--store", corpus_store, "--hops", "2"]) == 2
    )


@pytest.mark.slow
def test_graphml_of_the_examples(examples_store, tmp_path):
    path = tmp_path / "ex.graphml"
    assert main(["export", "--format", "graphml", "-o", str(path), "--store", examples_store]) == 0
    G = nx.read_graphml(path, force_multigraph=True)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"Russia", "Kazakhstan", "Sergey Lavrov"} <= labels
    assert any(d["kind"] == "event" and d["documents"] >= 1 for _, _, d in G.edges(data=True))


# ------------------------------------------------------------------------------------ pictures


def _png(path):
    from PIL import Image

    return Image.open(path).convert("RGB")


def _has_color(img, rgb, tolerance=12, box=None, at_least=50):
    region = img.crop(box) if box else img
    r0, g0, b0 = rgb
    n = sum(
        1 for (r, g, b) in region.get_flattened_data() if abs(r - r0) + abs(g - g0) + abs(b - b0) <= tolerance
    )
    return n >= at_least


def _hex(color):
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.slow
def test_timeline_picture(corpus_store, tmp_path, capsys):
    from bilat.graph.plots import CLASS_COLORS

    code, out, err = run(
        capsys,
        "plot",
        "timeline",
        "--dyad",
        "Russia",
        "Kazakhstan",
        "-o",
        tmp_path / "tl.png",
        "--store",
        corpus_store,
    )
    assert code == 0, err
    drawn = int(out.split()[0])
    from bilat.graph.dyads import dyad_months
    from bilat.graph.store import open_store

    with open_store(corpus_store) as s:
        rows = dyad_months(s)
    total = sum(
        int(r["events"]) for r in rows if (str(r["a"]), str(r["b"])) == (f"{ID}kazakhstan", f"{ID}russia")
    )
    assert drawn == total > 20
    img = _png(tmp_path / "tl.png")
    assert img.width > 800 and img.height > 400
    assert _has_color(img, _hex(CLASS_COLORS["Consult"])) and _has_color(img, _hex(CLASS_COLORS["Agree"]))
    svg = ET.parse(tmp_path / "tl.svg").getroot()
    assert svg.tag.endswith("svg") and "Russia" in ET.tostring(svg, encoding="unicode")


@pytest.mark.slow
def test_network_picture(corpus_store, tmp_path, capsys):
    from bilat.graph.plots import TYPE_COLORS

    code, out, err = run(
        capsys,
        "plot",
        "network",
        "--around",
        "Kazakhstan",
        "--from",
        "2022-01-01",
        "-o",
        tmp_path / "net",
        "--store",
        corpus_store,
    )
    assert code == 0, err
    assert int(out.split()[0]) > 5
    img = _png(tmp_path / "net.png")
    assert _has_color(img, _hex(TYPE_COLORS["Country"]), at_least=200)
    assert _has_color(img, _hex(TYPE_COLORS["Person"]), at_least=200)
    ET.parse(tmp_path / "net.svg")


# --------------------------------------------------------------------------- the HTML view page


def chromium():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "Chromium is installed by the Makefile (make test: apt-get install chromium)"
    return exe


def browse(page: Path, tmp_path: Path, *args) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--hide-scrollbars",
        "--window-size=1400,1000",
        "--virtual-time-budget=5000",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def page(corpus_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "page.html"
    assert main(["view", "-o", str(path), "--store", corpus_store]) == 0
    return path


def _page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script id="data" type="application/json">(.*?)</script>', text, re.S)
    return json.loads(m.group(1))


@pytest.mark.slow
def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", text, re.I)
    assert not re.search(r"url\(\s*['\"]?https?:", text)
    assert "default-src 'none'" in text  # the browser itself refuses any fetch
    data = _page_data(page)
    assert 20 < len(data["nodes"]) <= 80 and data["edges"] and data["dyads"]
    assert data["dyads"][0]["label"] == "Kazakhstan – Russia"


@pytest.mark.slow
def test_page_runs_in_a_real_browser(page, tmp_path):
    done = browse(page, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert 'data-ready="1"' in dom  # the script ran to the end
    data = _page_data(page)
    network = re.search(r'<svg id="network".*?</svg>', dom, re.S).group(0)
    assert network.count("<circle") == len(data["nodes"])
    assert len(re.findall(r'<line[^>]*class="edge"', network)) == len(data["edges"])
    assert f'data-nodes="{len(data["nodes"])}"' in network
    timeline = re.search(r'<svg id="timeline".*?</svg>', dom, re.S).group(0)
    bars = sum(len(m["classes"]) for m in data["dyads"][0]["months"])
    assert timeline.count('class="bar"') == bars > 10
    assert "Kazakhstan – Russia" in dom


@pytest.mark.slow
def test_page_screenshot(page, tmp_path):
    from bilat.graph.plots import CLASS_COLORS, TYPE_COLORS

    shot = tmp_path / "page.png"
    done = browse(page, tmp_path, f"--screenshot={shot}")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    img = _png(shot)
    assert img.size == (1400, 1000)
    left, right = (0, 150, 820, 850), (840, 150, 1400, 700)  # network panel, timeline panel
    assert _has_color(img, _hex(TYPE_COLORS["Country"]), box=left, at_least=300)  # country nodes drawn
    assert _has_color(img, _hex(TYPE_COLORS["Person"]), box=left, at_least=300)
    assert _has_color(img, _hex(CLASS_COLORS["Consult"]), box=right, at_least=100)  # timeline bars drawn
    assert not _has_color(img, _hex(CLASS_COLORS["Consult"]), box=left, tolerance=0, at_least=10**6)
    assert len(set(img.crop(left).get_flattened_data())) > 200  # a drawing, not an empty panel


@pytest.mark.slow
def test_pictures_and_page_of_the_examples(examples_store, tmp_path, capsys):
    code, out, err = run(
        capsys,
        "plot",
        "timeline",
        "--dyad",
        "Kazakhstan",
        "Russia",
        "-o",
        tmp_path / "tl",
        "--store",
        examples_store,
    )
    assert code == 0, err
    assert int(out.split()[0]) >= 2 and (tmp_path / "tl.png").stat().st_size > 5000
    page = tmp_path / "ex.html"
    assert main(["view", "-o", str(page), "--store", examples_store]) == 0
    data = _page_data(page)
    assert {"Russia", "Kazakhstan", "Sergey Lavrov"} <= {n["label"] for n in data["nodes"]}
    done = browse(page, tmp_path, "--dump-dom")
    assert done.returncode == 0 and 'data-ready="1"' in done.stdout
    assert done.stdout.count("<circle") == len(data["nodes"])


# ------------------------------------------------------------------------------ saved questions

SAVED = {
    "posts_at_date": ["date=2018-01-01"],
    "who_said_what": ["speaker=Sergey Lavrov"],
    "dyad_by_month": ["a=Russia", "b=Kazakhstan"],
    "projects_and_participants": [],
    "documents_mentioning": ["entity=Baiterek"],
    "co_mentions": ["entity=kazakhstan", "min=3"],
    "entity_profile": ["entity=Сергей Лавров"],
}


def test_saved_questions_are_documented(capsys):
    from bilat.graph.saved import list_saved

    assert sorted(q.name for q in list_saved()) == sorted(SAVED)
    for q in list_saved():
        assert q.title and q.description and q.text.lstrip().startswith("#")
    code, out, _ = run(capsys, "query", "--list-saved")
    assert code == 0 and all(name in out for name in SAVED)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in SAVED)


@pytest.mark.parametrize("name", sorted(SAVED))
@pytest.mark.slow
def test_saved_question_answers(corpus_store, capsys, name):
    args = [x for p in SAVED[name] for x in ("--param", p)]
    code, out, err = run(capsys, "query", "--saved", name, *args, "--store", corpus_store, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["results"]["bindings"]
    assert rows
    values = [{k: v["value"] for k, v in r.items()} for r in rows]
    if name == "posts_at_date":
        assert {
            "organization": "Kazakhstan",
            "title": "President",
            "person": "Nursultan Nazarbayev",
        }.items() <= next(
            v for v in values if v["organization"] == "Kazakhstan" and v["title"] == "President"
        ).items()
        assert all(v["reported"] <= "2018-01-01" for v in values)
    if name == "who_said_what":
        assert {v["speaker_name"] for v in values} == {"Sergey Lavrov"}
    if name == "dyad_by_month":
        assert sum(int(v["events"]) for v in values) > 20
        assert all(re.fullmatch(r"\d{4}-\d{2}", v["month"]) for v in values)
    if name == "entity_profile":
        names = {(v["lang"], v["value"]) for v in values if v["field"] == "2 name"}
        assert {("en", "Sergey Lavrov"), ("ru", "Сергей Лавров")} <= names
    if name == "co_mentions":
        assert all(ID + "kazakhstan" in (v["a"], v["b"]) and int(v["documents"]) >= 3 for v in values)


@pytest.mark.slow
def test_saved_question_parameters_are_terms(corpus_store, capsys):
    from bilat.graph.saved import prepare
    from bilat.graph.store import open_store

    with open_store(corpus_store) as s:
        q = prepare(s, "posts_at_date", {"date": "2023-01-01"})
        assert 'VALUES ?date { "2023-01-01"^^<http://www.w3.org/2001/XMLSchema#date> }' in q
        with pytest.raises(ValueError):
            prepare(s, "posts_at_date", {"date": '2023-01-01" } ; DROP ALL ; #'})
    code, _, err = run(
        capsys, "query", "--saved", "dyad_by_month", "--param", "a=Russia", "--store", corpus_store
    )
    assert code == 2 and "b=" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys,
        "query",
        "--saved",
        "documents_mentioning",
        "--param",
        'entity=x" } DROP ALL #',
        "--store",
        corpus_store,
    )
    assert code == 2 and "no entity" in err


@pytest.mark.slow
def test_saved_query_never_imports_spacy(corpus_store):
    code = (
        "import sys\nfrom bilat.cli import main\n"
        "rc = main(['query', '--saved', 'entity_profile', '--param', 'entity=Kazakhstan', "
        f"'--store', {corpus_store!r}])\n"
        "assert rc == 0, rc\nassert 'spacy' not in sys.modules and 'natasha' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Казахстан" in done.stdout


@pytest.mark.slow
def test_endpoint_page_lists_saved_questions_and_renders_tables(corpus_store):
    import urllib.parse
    import urllib.request

    from bilat.graph.server import make_server

    srv = make_server(store=corpus_store, host="127.0.0.1", port=0, timeout=30, workers=1)
    try:
        base = f"http://127.0.0.1:{srv.server_address[1]}"
        home = urllib.request.urlopen(base + "/?saved=dyad_by_month", timeout=30).read().decode()
        assert all(f"/?saved={name}" in home for name in SAVED)
        assert "# title: A dyad by month" in home  # the chosen question is loaded in the form
        q = urllib.parse.urlencode(
            {
                "query": PREFIXES + f"SELECT ?name WHERE {{ <{ID}kazakhstan> rdfs:label ?name }}",
                "format": "html",
            }
        )
        with urllib.request.urlopen(f"{base}/query?{q}", timeout=30) as r:
            assert r.headers["Content-Type"].startswith("text/html")
            table = r.read().decode()
        assert "<table>" in table and "<th>name</th>" in table and "<td>Казахстан<sub>@ru</sub></td>" in table
    finally:
        srv.stop()


# ------------------------------------------------------------------------------------ Python API


@pytest.mark.slow
def test_python_api(corpus_store):
    import pandas as pd

    import bilat

    with bilat.open(corpus_store, create=False) as kg:
        events = kg.events()
        assert isinstance(events, pd.DataFrame) and len(events) > 500
        df = kg.query(saved="dyad_by_month", a="Russia", b="Kazakhstan")
        assert list(df.columns) == ["month", "class", "events", "mean_goldstein"]
        assert df["events"].sum() > 20 and list(df["month"]) == sorted(df["month"])
        kz_ru = events[
            events["participant_iris"].str.contains(ID + "russia")
            & events["participant_iris"].str.contains(ID + "kazakhstan")
        ]
        assert len(kz_ru) >= df["events"].sum() * 0.5
        rows = kg.query("SELECT ?n WHERE { ?x rdfs:label ?n } LIMIT 3", frame=False)
        assert len(rows) == 3 and "n" in rows[0]
        assert kg.query("ASK { ?x a bl:Country }") is True
        G = kg.network(around="Kazakhstan", hops=1)
        assert ID + "kazakhstan" in G
