"""tools/make_legislatures.py and kb/legislatures.ttl: the chambers of parliament of the UN member
states. The generator is tested on rows written here (the fetched source, EveryPolitician's
countries.json, is not in the repository: kb/README.md; `make kb-check` compares the committed
file with it), the committed file on its shape."""

from __future__ import annotations

import doctest
import importlib.util
import json
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from bilat.graph import kb as kbmod
from bilat.ontology.namespace import BL

ROOT = Path(__file__).resolve().parents[1]
KB_FILE = ROOT / "kb" / "legislatures.ttl"


@pytest.fixture(scope="module")
def m():
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(
        "make_legislatures", ROOT / "tools" / "make_legislatures.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _state(key, en, gen, adjs=(), adjs_ru=(), article=False):
    return {
        "key": key,
        "en": en,
        "the_en": ("the " if article else "") + en,
        "gen": gen,
        "adjs": list(adjs),
        "adjs_ru": list(adjs_ru),
    }


# what make_legislatures.states() gives for a few UN members (names from kb/countries.ttl)
STATES = {
    "AM": _state("armenia", "Armenia", "Армении", ["Armenian"], ["армянский"]),
    "GE": _state("georgia", "Georgia", "Грузии", ["Georgian"], ["грузинский"]),
    "DE": _state("germany", "Germany", "Германии", ["German"]),
    "US": _state("united-states", "United States", "США", [], [], article=True),
    "KZ": _state("kazakhstan", "Kazakhstan", "Казахстана", ["Kazakh"]),
    "PT": _state("portugal", "Portugal", "Португалии", ["Portuguese"]),
    "FR": _state("france", "France", "Франции", ["French"]),
    "BY": _state("belarus", "Belarus", "Белоруссии", ["Belarusian"], ["белорусский"]),
}

# countries.json of EveryPolitician as the generator reads it (only the fields it uses)
ROWS = [
    {"code": "AM", "legislatures": [{"name": "National Assembly"}]},
    {"code": "GE", "legislatures": [{"name": "Parliament of Georgia"}]},
    {"code": "DE", "legislatures": [{"name": "Bundestag"}]},
    {"code": "US", "legislatures": [{"name": "House of Representatives"}, {"name": "Senate"}]},
    {"code": "KZ", "legislatures": [{"name": "Mazhilis"}]},
    {"code": "PT", "legislatures": [{"name": "Assembleia da República"}]},
    {"code": "FR", "legislatures": [{"name": "Assemblée nationale"}]},
    {"code": "BY", "legislatures": [{"name": "House of Representatives"}]},
    {"code": "GE-AB", "legislatures": [{"name": "People's Assembly"}]},  # not a UN member
]


def test_the_module_examples(m):
    assert doctest.testmod(m).failed == 0


def test_chambers_of_un_members_only(m):
    got = m.chambers(ROWS, set(STATES))
    assert ("AM", "National Assembly") in got and ("US", "Senate") in got
    assert not any(code == "GE-AB" for code, _ in got)


@pytest.mark.parametrize(
    "code, name, en, ru",
    [
        ("AM", "National Assembly", "National Assembly of Armenia", "Национальное собрание Армении"),
        ("FR", "Assemblée nationale", "National Assembly of France", "Национальное собрание Франции"),
        ("GE", "Parliament of Georgia", "Parliament of Georgia", "Парламент Грузии"),
        ("DE", "Bundestag", "Bundestag", "Бундестаг"),  # a name of its own (overrides table)
        ("US", "Senate", "United States Senate", "Сенат США"),
    ],
)
def test_names_from_the_tables(m, code, name, en, ru):
    records, _ = m.build(ROWS, STATES, taken=(set(), set()))
    rec = next(r for r in records if r["code"] == code and r["source_name"] == name)
    assert (rec["en"], rec["ru"], rec["country"]) == (en, ru, STATES[code]["key"])


def test_aliases_always_name_the_state(m):
    records, _ = m.build(ROWS, STATES, taken=(set(), set()))
    by_key = {r["key"]: r for r in records}
    assert by_key["national-assembly-of-france"]["alt"]["en"] == ["French National Assembly"]
    # only a chamber that is the whole parliament is named "parliament": one named so in the
    # source, or a unicameral one the overrides table names so
    georgia = by_key["parliament-of-georgia"]["alt"]
    assert {"georgian parliament", "georgia's parliament"} <= {m.norm(t) for t in georgia["en"]}
    assert georgia["ru"] == ["грузинский парламент"]
    assert not any("parliament" in t.lower() for t in by_key["national-assembly-of-france"]["alt"]["en"])
    armenia = by_key["national-assembly-of-armenia"]["alt"]
    assert "Armenian parliament" in armenia["en"] and "армянский парламент" in armenia["ru"]
    generic = {m.norm(r[1]) for r in m.make_states.rows(m.NAMES)}
    for r in records:
        for text in [r["en"], r["ru"], *r["alt"]["en"], *r["alt"]["ru"]]:
            assert m.norm(text) not in generic, text  # never a bare "Senate", "Parliament"


def test_left_out_with_a_reason(m):
    records, skipped = m.build(ROWS, STATES, taken=(set(), set()))
    why = {(code, name): reason for code, name, reason in skipped}
    assert "state-duma" not in {r["key"] for r in records}
    assert why[("KZ", "Mazhilis")].startswith("hand-written")  # overrides: hand-written wins
    assert why[("PT", "Assembleia da República")] == "no Russian name in the tables"


def test_the_hand_written_entry_wins(m):
    taken_keys = {"bundestag"}
    taken_names = {m.norm("Парламент Грузии"), m.norm("French National Assembly")}
    records, skipped = m.build(ROWS, STATES, taken=(taken_keys, taken_names))
    keys = {r["key"] for r in records}
    assert "bundestag" not in keys and "parliament-of-georgia" not in keys  # same key, same label
    assert ("DE", "Bundestag", "the hand-written KB has it") in skipped
    france = next(r for r in records if r["key"] == "national-assembly-of-france")
    assert france["alt"]["en"] == []  # a name another entry has is dropped, the entry stays


def test_generator_needs_the_source_and_says_how_to_get_it(m, tmp_path):
    with pytest.raises(SystemExit, match="source everypolitician-countries not found .*viewer-sinatra"):
        m.sources.everypolitician_countries(tmp_path / "missing")
    (tmp_path / "countries.json").write_text(json.dumps(ROWS), encoding="utf-8")
    assert m.sources.everypolitician_countries(tmp_path / "countries.json") == ROWS


def test_render_from_rows(m):
    records, _ = m.build(ROWS, STATES, taken=(set(), set()))
    g = rdflib.Graph().parse(data=m.render(records), format="turtle")
    node = rdflib.URIRef("https://w3id.org/bilat/id/national-assembly-of-armenia")
    assert (node, RDF.type, BL.GovernmentBody) in g
    assert (node, BL.country, rdflib.URIRef("https://w3id.org/bilat/id/armenia")) in g
    assert rdflib.Literal("Национальное собрание Армении", lang="ru") in set(g.objects(node, RDFS.label))


# --------------------------------------------------------------------------- the committed file
def test_committed_file_shape():
    head = KB_FILE.read_text(encoding="utf-8")[:1200]
    assert "everypolitician" in head.lower() and "ODbL" in head
    g = rdflib.Graph().parse(KB_FILE, format="turtle")
    bodies = set(g.subjects(RDF.type, BL.GovernmentBody))
    assert len(bodies) >= 150
    countries = set()
    for node in bodies:
        langs = sorted(o.language for o in g.objects(node, RDFS.label))
        assert langs == ["en", "ru"], node
        countries |= set(g.objects(node, BL.country))
        for alias in g.objects(node, SKOS.altLabel):
            assert alias.language in ("en", "ru")
    assert len(countries) >= 150


@pytest.mark.parametrize(
    "key, ru, country",
    [
        ("national-assembly-of-armenia", "Национальное собрание Армении", "armenia"),
        ("jogorku-kenesh", "Жогорку Кенеш", "kyrgyzstan"),
        ("bundestag", "Бундестаг", "germany"),
        ("united-states-senate", "Сенат США", "united-states"),
    ],
)
def test_chambers_in_the_loaded_kb(key, ru, country):
    entries = {e.key: e for e in kbmod.load_kb()}
    assert dict(entries[key].labels)["ru"] == ru
    assert entries[key].country == country and entries[key].cls == "GovernmentBody"
    # the hand-written chambers stay as they are
    assert dict(entries["state-duma"].labels)["en"] == "State Duma"
    assert "mazhilis-of-kazakhstan" not in entries


def test_chambers_the_source_lacks_are_added_from_the_table(m):
    records, _ = m.build(ROWS, STATES, taken=(set(), set()))
    belarus = {r["key"]: r for r in records if r["code"] == "BY"}
    assert set(belarus) == {
        "house-of-representatives-of-belarus",  # EveryPolitician
        "national-assembly-of-belarus",  # the whole parliament (overrides table, "add")
        "council-of-the-republic-of-belarus",  # the upper house
    }
    assert belarus["national-assembly-of-belarus"]["source"] == "our table"
    assert "белорусский парламент" in belarus["national-assembly-of-belarus"]["alt"]["ru"]
    assert not any(
        "parliament" in t.lower() for t in belarus["house-of-representatives-of-belarus"]["alt"]["en"]
    )
