"""The benchmark runs end to end at a tiny size and its report has the expected shape.

Only structure is checked (numbers present and positive), never timings: speed and memory are
measured by ``make bench``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/ is a folder of the project, not an installed package
    sys.path.insert(0, str(ROOT))

from bench import corpus, report, runner  # noqa: E402
from bilat.evaluate.gold import GoldError  # noqa: E402


def positive(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) and x > 0


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    result = runner.benchmark(
        docs=15,
        batches=3,
        # the knowledge base's countries, cities and bodies alone fill about 9,800 triples of the
        # SPARQL data: room for the synthetic documents and events the queries count
        triples=20_000,
        memory="inprocess",
        cache=False,
        profile=2,
        mode="test",
        scaling=(3_000, 9_000),
        scaling_langs=("en",),
        real=6,
    )
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    report.write_json(result, out)
    return result, out


def test_corpus_is_deterministic_and_in_range():
    for lang in ("en", "ru"):
        a = corpus.generate(lang, seed=3, n_docs=8)
        b = corpus.generate(lang, seed=3, n_docs=8)
        assert [d.text for d in a] == [d.text for d in b]
        assert all(d.lang == lang and d.id.startswith(f"bench-{lang}-") for d in a)
        for d in a:
            assert corpus.MIN_WORDS <= len(d.text.split()) <= corpus.MAX_WORDS
            assert "{" not in d.text and "}" not in d.text  # every slot filled
    assert corpus.generate("en", seed=4, n_docs=3)[0].text != corpus.generate("en", seed=3, n_docs=3)[0].text
    big = corpus.generate("ru", seed=1, min_chars=5000)
    assert sum(len(d.text) for d in big) >= 5000


def test_russian_names_take_their_case():
    forms = corpus.inflect_person_ru("Сергей Лавров", "m")
    assert (forms["gent"], forms["ablt"]) == ("Сергея Лаврова", "Сергеем Лавровым")
    assert corpus.inflect_person_ru("Мария Захарова", "f")["accs"] == "Марию Захарову"
    assert corpus.inflect_ru("Казахстан")["loct"] == "Казахстане"
    text = " ".join(d.text for d in corpus.generate("ru", seed=1, n_docs=5))
    assert "Казахстан" in text or "Росси" in text


@pytest.mark.slow
def test_report_structure(tiny):
    result, out = tiny
    assert set(result["corpus"]) == {"en", "ru"}
    for lang in ("en", "ru"):
        c = result["corpus"][lang]
        assert c["documents"] == 15 and positive(c["words"]) and positive(c["bytes"])
        r = result["ingest"][lang]
        assert r["batches"] == 3 and len(r["rows"]) == 3
        for key in (
            "pipeline_wps",
            "ner_wps",
            "ratio",
            "ratio_of_medians",
            "parse_wps",
            "parse_share",
            "parse_batched_ratio",
            "doc_triples_per_doc",
            "store_compacted_bytes_per_doc",
            "quads_per_doc",
            "store_bytes",
            "store_bytes_per_doc",
        ):
            assert positive(r[key]), (lang, key, r[key])
        for row in r["rows"]:
            assert row["ingested"] == row["documents"] and positive(row["pipeline_s"])
            assert positive(row["ner_s"]) and positive(row["words"])
        assert positive(r["memory"]["process_peak_mb"])
        stages = {x["stage"]: x for x in r["profile"]["stages"]}
        # the pipeline parses the texts of a batch together (parse_many), a lone text alone
        parsing = [
            stages[k]["share"]
            for k in ("parse (spaCy / natasha)", "parse, batched (nlp.pipe)")
            if k in stages
        ]
        assert parsing and positive(sum(parsing))
        assert positive(stages["write (RDF + store)"]["seconds"])
    # the same ratio on real articles (tests/corpus), beside the generated corpus's
    for lang in ("en", "ru"):
        real = result["ingest_real"][lang]
        assert real["source"] == "tests/corpus" and real["documents"] == 6 and real["ingested"] == 6
        assert real["batches"] == 3 and len(real["rows"]) == 3
        for key in ("parse_ratio", "parse_cpu_ratio", "parse_batched_ratio", "parse_batched_cpu_ratio"):
            assert positive(real[key]), (lang, key, real[key])
    sp = result["sparql"]
    assert sp["oxigraph"]["triples"] >= 10_000
    assert sp["oxigraph"]["triples"] == sp["rdflib"]["triples"]
    assert positive(sp["oxigraph"]["load_s"]) and positive(sp["rdflib"]["load_s"])
    assert positive(sp["load_ratio"])
    names = [q["name"] for q in sp["queries"]]
    assert names == ["posts", "joint_projects", "events_per_month", "label_lookup", "co_mentions"]
    for q in sp["queries"]:
        assert q["rows_agree"] and positive(q["rows"]), q["name"]
        for engine in ("oxigraph", "oxrdflib", "rdflib"):
            assert positive(q[engine]["median_s"]) and q[engine]["runs"] >= 1
        assert positive(q["rdflib_over_oxigraph"]) and positive(q["rdflib_over_oxrdflib"])
    # size scaling: one long document per size, ingested whole by a child process
    sc = result["scaling"]["langs"]["en"]
    assert [r["size"] for r in sc["rows"]] == [3_000, 9_000]
    for r in sc["rows"]:
        assert "error" not in r, r
        assert r["documents"] == 1 and r["failed"] == 0 and 0.5 * r["size"] < r["bytes"] <= r["size"]
        for key in ("seconds", "seconds_per_mb", "peak_mb", "loaded_mb", "triples", "words"):
            assert positive(r[key]), (key, r[key])
        assert r["peak_mb"] >= r["loaded_peak_mb"]
    assert positive(sc["seconds_per_mb_growth"]) and positive(sc["max_peak_mb"])
    # the JSON file holds the same report, and the text rendering names every part
    assert json.loads(out.read_text(encoding="utf-8"))["sparql"]["queries"][0]["name"] == "posts"
    text = report.render(result)
    for part in (
        "Corpus",
        "Ingest",
        "SPARQL",
        "pipeline/NER",
        "rdflib/oxigraph",
        "co_mentions",
        "Size scaling",
        "s/MB",
        "ru on real articles (tests/corpus, 6 documents",
    ):
        assert part in text


def test_cli_arguments(monkeypatch, tmp_path):
    calls = {}

    def fake(**kwargs):
        calls.update(kwargs)
        return {"seconds": 0.0}

    monkeypatch.setattr(runner, "benchmark", fake)
    assert runner.main(["--quick", "--only", "sparql", "-q", "--out", str(tmp_path / "b.json")]) == 0
    assert calls["only"] == "sparql" and calls["triples"] == runner.QUICK["triples"]
    assert calls["real"] == runner.QUICK["real"] > 0  # the real articles' ratio: on by default
    assert calls["scaling"] == runner.QUICK["scaling"]
    assert (
        runner.main(["--only", "scaling", "--scaling", "1M,10M", "-q", "--out", str(tmp_path / "c.json")])
        == 0
    )
    assert calls["only"] == "scaling" and calls["scaling"] == (1 << 20, 10 << 20)
    runner.main(["--real", "0", "-q", "--out", str(tmp_path / "d.json")])
    assert calls["real"] == 0
    assert json.loads((tmp_path / "b.json").read_text())["seconds"] == 0.0
    with pytest.raises(SystemExit):
        runner.main(["--only", "nothing"])


def test_real_documents_are_the_dev_articles_of_the_language(tmp_path):
    from bench import ingest

    for lang in ("en", "ru"):
        docs = ingest.real_documents(lang, limit=3)
        assert len(docs) == 3 and all(d.lang == lang and d.text for d in docs)
        assert [d.id for d in docs] == sorted(d.id for d in docs)
    assert len(ingest.real_documents("ru")) == len(list(ingest.REAL_CORPUS.glob("ru_*.json")))
    # read as bilat eval reads them (a byte order mark too; the outlet is the source)
    gold = {
        "id": "x",
        "lang": "ru",
        "text": "Текст.",
        "outlet": "ТАСС",
        "entities": [],
        "roles": [],
        "events": [],
    }
    (tmp_path / "ru_x.json").write_text("\ufeff" + json.dumps(gold), encoding="utf-8")
    (tmp_path / "en_y.json").write_text(json.dumps({**gold, "id": "y"}))  # a Russian article
    assert [(d.id, d.source) for d in ingest.real_documents("ru", folder=tmp_path)] == [("x", "ТАСС")]
    assert ingest.real_documents("en", folder=tmp_path) == []
    assert ingest.real_documents("ru", folder=tmp_path / "absent") == []
    # a malformed gold file fails the bench as it fails bilat eval
    (tmp_path / "ru_z.json").write_text(json.dumps({**gold, "id": "z", "text": ""}))
    with pytest.raises(GoldError, match="ru_z.json"):
        ingest.real_documents("ru", folder=tmp_path)
