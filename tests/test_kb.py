"""The curated knowledge base (kb/*.ttl) and its reader, bilat.graph.kb.

Table-driven: the tables below say what must be true of particular entries; the other tests
check properties of every entry. Run: .venv/bin/python -m pytest -q tests/test_kb.py
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import DCTERMS as DCT
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from bilat.extract.records import ENTITY_CLASSES
from bilat.graph import kb as kbmod

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "kb"
GOLD_DIRS = (ROOT.parent / "shared" / "eval", ROOT / "tests" / "regression")

# Keys that are not the slug of the English label (documented in kb/README.md). None today.
SLUG_EXCEPTIONS: dict[str, str] = {}
# Normalized aliases allowed to name two entries of the same class (kb/README.md). None today.
AMBIGUOUS: set[str] = set()
# Names shared across classes on purpose; the linker prefers the first class listed.
CROSS_CLASS = {
    "baikonur": ("Project", "City"),
    "байконур": ("Project", "City"),
    "байқоңыр": ("Project", "City"),
}


def norm(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


@pytest.fixture(scope="module")
def entries():
    return kbmod.load_kb()


@pytest.fixture(scope="module")
def by_key(entries):
    return {e.key: e for e in entries}


@pytest.fixture(scope="module")
def graph():
    return kbmod.kb_graph()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests write their disk caches to a temporary folder, not the user's ~/.cache."""
    monkeypatch.setenv(kbmod.ENV_CACHE_DIR, str(tmp_path_factory.getbasetemp() / "kb-cache"))
    monkeypatch.delenv(kbmod.ENV_EXTRA, raising=False)


# --------------------------------------------------------------------------- particular entries
ENTRIES = [
    # key, class, English label, Russian label, country, wikidata
    ("russia", "Country", "Russia", "Россия", None, "Q159"),
    ("kazakhstan", "Country", "Kazakhstan", "Казахстан", None, "Q232"),
    ("united-states", "Country", "United States", "США", None, "Q30"),
    ("moscow", "City", "Moscow", "Москва", "russia", "Q649"),
    ("astana", "City", "Astana", "Астана", "kazakhstan", "Q1520"),
    ("almaty", "City", "Almaty", "Алматы", "kazakhstan", "Q35493"),
    ("baikonur", "City", "Baikonur", "Байконур", "kazakhstan", None),
    ("sergey-lavrov", "Person", "Sergey Lavrov", "Сергей Лавров", "russia", "Q58217"),  # officials.ttl
    ("vladimir-putin", "Person", "Vladimir Putin", "Владимир Путин", "russia", "Q7747"),
    (
        "kassym-jomart-tokayev",
        "Person",
        "Kassym-Jomart Tokayev",
        "Касым-Жомарт Токаев",
        "kazakhstan",
        "Q200881",
    ),
    (
        "ministry-of-foreign-affairs-of-russia",
        "GovernmentBody",
        "Ministry of Foreign Affairs of Russia",
        "Министерство иностранных дел России",
        "russia",
        None,
    ),
    (
        "ministry-of-foreign-affairs-of-kazakhstan",
        "GovernmentBody",
        "Ministry of Foreign Affairs of Kazakhstan",
        "Министерство иностранных дел Казахстана",
        "kazakhstan",
        None,
    ),
    (
        "presidential-administration-of-russia",
        "GovernmentBody",
        "Presidential Administration of Russia",
        "Кремль",
        "russia",
        None,
    ),
    ("akorda", "GovernmentBody", "Akorda", "Акорда", "kazakhstan", None),
    (
        "russia-kazakhstan-intergovernmental-commission",
        "GovernmentBody",
        "Russia-Kazakhstan Intergovernmental Commission",
        "Межправительственная комиссия по сотрудничеству между Россией и Казахстаном",
        None,
        None,
    ),
    ("baikonur-cosmodrome", "Project", "Baikonur Cosmodrome", "космодром Байконур", "kazakhstan", None),
    ("baiterek", "Project", "Baiterek", "Байтерек", "kazakhstan", None),
    (
        "caspian-pipeline-consortium",
        "Project",
        "Caspian Pipeline Consortium",
        "Каспийский трубопроводный консорциум",
        None,
        None,
    ),
    ("tass", "MediaOutlet", "TASS", "ТАСС", "russia", None),
    ("ria-novosti", "MediaOutlet", "RIA Novosti", "РИА Новости", "russia", None),
    ("rossiyskaya-gazeta", "MediaOutlet", "Rossiyskaya Gazeta", "Российская газета", "russia", None),
    ("kazlenta", "MediaOutlet", "Kazlenta", "kazlenta.kz", "kazakhstan", None),
    (
        "commonwealth-of-independent-states",
        "InternationalOrganization",
        "Commonwealth of Independent States",
        "Содружество Независимых Государств",
        None,
        None,
    ),
    (
        "united-nations",
        "InternationalOrganization",
        "United Nations",
        "Организация Объединенных Наций",
        None,
        "Q1065",
    ),
    ("rosatom", "Organization", "Rosatom", "Росатом", "russia", None),
    ("kazatomprom", "Company", "Kazatomprom", "Казатомпром", "kazakhstan", None),
]


@pytest.mark.parametrize("key,cls,en,ru,country,wikidata", ENTRIES, ids=[r[0] for r in ENTRIES])
def test_entry(by_key, key, cls, en, ru, country, wikidata):
    e = by_key[key]
    assert (e.cls, e.label("en"), e.label("ru"), e.country, e.wikidata) == (cls, en, ru, country, wikidata)


# surface form (as the linker sees it after lemmatizing), language, kind, the entry it names
ALIASES = [
    ("Nur-Sultan", "en", "former", "astana"),
    ("Нур-Султан", "ru", "former", "astana"),
    ("Akmola", "en", "former", "astana"),
    ("Alma-Ata", "en", "former", "almaty"),
    ("Republic of Kazakhstan", "en", "alt", "kazakhstan"),
    ("РФ", "ru", "abbr", "russia"),
    ("РК", "ru", "abbr", "kazakhstan"),
    ("US", "en", "abbr", "united-states"),
    ("Russian", "en", "adjective", "russia"),
    ("Kazakh", "en", "adjective", "kazakhstan"),
    ("Kazakhstani", "en", "adjective", "kazakhstan"),
    ("казахстанский", "ru", "adjective", "kazakhstan"),
    ("казахский", "ru", "adjective", "kazakhstan"),
    ("российский", "ru", "adjective", "russia"),
    ("российско", "ru", "adjective", "russia"),
    ("казахстанско", "ru", "adjective", "kazakhstan"),
    ("американский", "ru", "adjective", "united-states"),
    ("МИД РФ", "ru", "abbr", "ministry-of-foreign-affairs-of-russia"),
    ("МИД России", "ru", "abbr", "ministry-of-foreign-affairs-of-russia"),
    ("Russian Foreign Ministry", "en", "alt", "ministry-of-foreign-affairs-of-russia"),
    (
        "Министерство иностранных дел Российской Федерации",
        "ru",
        "alt",
        "ministry-of-foreign-affairs-of-russia",
    ),
    ("МИД РК", "ru", "abbr", "ministry-of-foreign-affairs-of-kazakhstan"),
    ("МИД Казахстана", "ru", "abbr", "ministry-of-foreign-affairs-of-kazakhstan"),
    ("Kremlin", "en", "alt", "presidential-administration-of-russia"),
    ("Кремль", "ru", "label", "presidential-administration-of-russia"),
    ("Администрация президента России", "ru", "alt", "presidential-administration-of-russia"),
    ("Акорда", "ru", "label", "akorda"),
    ("Межправкомиссия", "ru", "alt", "russia-kazakhstan-intergovernmental-commission"),
    ("Baikonur", "en", "alt", "baikonur-cosmodrome"),
    ("Байконур", "ru", "alt", "baikonur-cosmodrome"),
    ("космодром «Байконур»", "ru", "alt", "baikonur-cosmodrome"),
    ("Байтерек", "ru", "label", "baiterek"),
    ("КТК", "ru", "abbr", "caspian-pipeline-consortium"),
    ("kazlenta.kz", "en", "alt", "kazlenta"),
    ("kazlenta.kz", "ru", "label", "kazlenta"),
    ("CIS", "en", "abbr", "commonwealth-of-independent-states"),
    ("СНГ", "ru", "abbr", "commonwealth-of-independent-states"),
    ("ОДКБ", "ru", "abbr", "collective-security-treaty-organization"),
    ("CSTO", "en", "abbr", "collective-security-treaty-organization"),
    ("ЕАЭС", "ru", "abbr", "eurasian-economic-union"),
    ("EAEU", "en", "abbr", "eurasian-economic-union"),
    ("ШОС", "ru", "abbr", "shanghai-cooperation-organisation"),
    ("SCO", "en", "abbr", "shanghai-cooperation-organisation"),
    ("ООН", "ru", "abbr", "united-nations"),
    ("Sergei Lavrov", "en", "alt", "sergey-lavrov"),
    ("Kassym-Jomart Tokaev", "en", "alt", "kassym-jomart-tokayev"),
    ("Nursultan Nazarbaev", "en", "alt", "nursultan-nazarbayev"),
    ("Oral", "en", "alt", "uralsk"),
]


@pytest.mark.parametrize("text,lang,kind,key", ALIASES, ids=[f"{a[0]}@{a[1]}" for a in ALIASES])
def test_alias(by_key, text, lang, kind, key):
    found = {(a.text, a.lang, a.kind) for a in by_key[key].aliases}
    assert (text, lang, kind) in found


def test_astana_former_name_nur_sultan_has_dates(by_key):
    formers = {
        (a.text, a.lang): (a.valid_from, a.valid_to) for a in by_key["astana"].aliases if a.kind == "former"
    }
    assert formers[("Nur-Sultan", "en")] == ("2019-03-23", "2022-09-17")
    assert formers[("Нур-Султан", "ru")] == ("2019-03-23", "2022-09-17")


TENURES = [
    # person, English title, org, start, end
    ("sergey-lavrov", "Minister of Foreign Affairs", "russia", "2004-03-09", None),
    ("vladimir-putin", "President", "russia", "2012-05-07", None),
    ("dmitry-medvedev", "President", "russia", "2008-05-07", "2012-05-07"),
    ("kassym-jomart-tokayev", "President", "kazakhstan", "2019-03-20", None),
    ("igor-ivanov", "Minister of Foreign Affairs", "russia", "1998-09-11", "2004-03-09"),
    ("dmitry-peskov", "Press Secretary of the President", "russia", "2012-05", None),
    ("maria-zakharova", "Spokesperson", "ministry-of-foreign-affairs-of-russia", "2015-08", None),
    ("dauren-abayev", "Ambassador to Russia", "kazakhstan", "2023-07-03", None),
]


@pytest.mark.parametrize("person,title,org,start,end", TENURES, ids=[f"{t[0]}:{t[1]}" for t in TENURES])
def test_tenure(by_key, person, title, org, start, end):
    assert (title, org, start, end) in {(t.title_en, t.org, t.start, t.end) for t in by_key[person].tenures}


# --------------------------------------------------------------------------- every entry
def test_every_entry_has_english_and_russian_labels(entries):
    missing = [e.key for e in entries if not e.label("en") or not e.label("ru")]
    assert not missing


def test_at_most_one_label_per_language(entries):
    bad = [e.key for e in entries if len({lg for lg, _ in e.labels}) != len(e.labels)]
    assert not bad


def test_keys_are_unique_and_the_slug_of_the_english_label(entries, graph):
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    bad = {
        e.key: e.label("en")
        for e in entries
        if SLUG_EXCEPTIONS.get(e.key, kbmod.slugify(e.label("en") or "")) != e.key
    }
    assert not bad
    # one IRI, one entity class: two entries written with the same key would merge silently
    classes = defaultdict(set)
    for s, o in graph.subject_objects(RDF.type):
        if str(o).startswith(str(kbmod.BL)) and str(o)[len(str(kbmod.BL)) :] in ENTITY_CLASSES:
            classes[str(s)].add(o)
    assert not {s: c for s, c in classes.items() if len(c) > 1}


def test_no_alias_names_two_entries_of_one_class(entries):
    owners = defaultdict(set)
    for e in entries:
        for a in e.aliases:
            owners[norm(a.text)].add((e.cls, e.key))
    clashes = {}
    for text, keys in owners.items():
        classes = [c for c, _ in keys]
        if len(set(classes)) < len(classes) and text not in AMBIGUOUS:
            clashes[text] = sorted(keys)
    assert not clashes, clashes


def test_names_shared_across_classes_are_the_documented_ones(entries):
    owners = defaultdict(set)
    for e in entries:
        for a in e.aliases:
            if a.kind != "adjective":
                owners[norm(a.text)].add(e.cls)
    shared = {t: c for t, c in owners.items() if len(c) > 1}
    assert set(shared) == set(CROSS_CLASS)
    for text, preferred in CROSS_CLASS.items():
        assert shared[text] == set(preferred)


def test_references_resolve(by_key):
    for e in by_key.values():
        if e.country is not None:
            assert by_key[e.country].cls == "Country", e.key
        for t in e.tenures:
            assert t.org in by_key, (e.key, t)
            assert e.cls == "Person", e.key


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_dates_are_iso_and_ordered(entries):
    for e in entries:
        spans = [(t.start, t.end) for t in e.tenures]
        spans += [(a.valid_from, a.valid_to) for a in e.aliases if a.kind == "former"]
        for start, end in spans:
            for d in (start, end):
                assert d is None or DATE.match(d), (e.key, d)
            if start and end:
                assert start[: len(end)] <= end[: len(start)], (e.key, start, end)


def test_wikidata_ids_are_unique_and_well_formed(entries):
    ids = [e.wikidata for e in entries if e.wikidata]
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in ids)
    assert len(ids) == len(set(ids))


def test_curated_literals_are_language_tagged(graph):
    untagged = [
        (str(s), str(o))
        for p in (RDFS.label, SKOS.altLabel, kbmod.BL.abbreviation, kbmod.BL.adjective, kbmod.BL.title)
        for s, o in graph.subject_objects(p)
        if isinstance(o, Literal) and o.language not in {"en", "ru", "kk", "uk"}
    ]
    assert not untagged


def test_coverage(entries):
    per_class = defaultdict(int)
    for e in entries:
        per_class[e.cls] += 1
    assert sum(n for c, n in per_class.items() if c != "Country") >= 150
    for cls in ENTITY_CLASSES:
        assert per_class[cls] > 0, cls


def test_every_iso_country_is_present(graph):
    codes = {str(o) for o in graph.objects(None, kbmod.BL.isoCode)}
    assert {c.alpha_2 for c in pycountry.countries} <= codes


def test_countries_ttl_is_generated_and_up_to_date():
    spec = importlib.util.spec_from_file_location("make_countries", ROOT / "tools" / "make_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.slugify("Côte d'Ivoire") == kbmod.slugify("Côte d'Ivoire")
    assert (KB_DIR / "countries.ttl").read_text(encoding="utf-8") == module.render(), (
        "kb/countries.ttl is stale: run tools/make_countries.py"
    )


@pytest.mark.parametrize(
    "demonyms,code,present,absent",
    [
        # a demonym the hand table lacks becomes the country's English adjective
        ({"BO": ["Bolivian"]}, "BO", {"Bolivian"}, set()),
        # never one that is another country's name or adjective ("French" of Réunion)
        ({"RE": ["French", "Réunionese"]}, "RE", {"Réunionese"}, {"French"}),
        # one the table already gives is not repeated
        ({"KZ": ["Kazakhstani"]}, "KZ", {"Kazakhstani"}, set()),
    ],
)
def test_countries_take_mledoze_demonyms_as_adjectives(demonyms, code, present, absent):
    spec = importlib.util.spec_from_file_location("make_countries", ROOT / "tools" / "make_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [rec] = [r for r in module.build(demonyms=demonyms) if r["code"] == code]
    adjectives = rec["names"].get("adj", {}).get("en", [])
    assert present <= set(adjectives) and not (absent & set(adjectives))
    assert len(adjectives) == len(set(adjectives))


@pytest.mark.parametrize(
    ("code", "name"),
    [("CD", "Democratic Republic of Congo"), ("CG", "Republic of Congo"), ("GM", "Republic of Gambia")],
)
def test_country_names_of_the_also_go_without_the_article(code, name):
    spec = importlib.util.spec_from_file_location("make_countries", ROOT / "tools" / "make_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    [rec] = [r for r in module.build() if r["code"] == code]
    assert name in rec["names"]["alt"]["en"]


def test_demonyms_table_is_from_the_pinned_source_when_fetched():
    spec = importlib.util.spec_from_file_location("make_demonyms", ROOT / "tools" / "make_demonyms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        countries = module.sources.mledoze_countries()
    except SystemExit:
        pytest.skip("mledoze/countries not fetched (kb/README.md, Sources)")
    assert module.OUT.read_text(encoding="utf-8") == module.render(module.rows(countries))


def _make_states():
    spec = importlib.util.spec_from_file_location("make_states", ROOT / "tools" / "make_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# mledoze/countries records as the generators read them (the fetched source is not in the repo:
# kb/README.md; `make kb-check` compares the committed files with it)
MLEDOZE_ROWS = [
    {"cca2": cc, "unMember": True}
    for cc in (
        "AL",
        "AM",
        "AZ",
        "CO",
        "CZ",
        "DE",
        "EC",
        "GE",
        "KP",
        "KW",
        "MV",
        "MY",
        "RU",
        "UA",
        "UZ",
        "AT",
        "BG",
        "CN",
    )
] + [{"cca2": "VA", "unMember": True}, {"cca2": "XK", "unMember": False}]


@pytest.fixture
def mledoze(monkeypatch):
    """The generators' sources module reads MLEDOZE_ROWS instead of the fetched countries.json."""
    m = _make_states()
    monkeypatch.setattr(m.sources, "mledoze_countries", lambda given=None: MLEDOZE_ROWS)
    return m


@pytest.mark.parametrize(
    "data, excluded, members",
    [
        (MLEDOZE_ROWS, {"VA"}, 18),
        ([{"cca2": "XK", "unMember": False}], set(), 0),
        ([{"cca2": "KZ", "unMember": True}, {"cca2": "KZ2"}], set(), 1),
    ],
)
def test_un_members_of_mledoze_rows(data, excluded, members):
    assert len(_make_states().sources.un_members(data, excluded)) == members


def test_states_build_from_rows(mledoze):
    m = mledoze
    assert m.un_members(m.rows(m.DATA / "states_overrides.tsv")) == sorted(
        r["cca2"] for r in MLEDOZE_ROWS if r["unMember"] and r["cca2"] != "VA"
    )
    records = {r["key"]: r for r in m.build()}
    assert records["ministry-of-foreign-affairs-of-georgia"]["ru"] == "Министерство иностранных дел Грузии"
    assert records["government-of-armenia"]["country"] == "armenia"
    assert not any(r["code"] in ("VA", "XK") for r in records.values())  # observer, not a member
    assert "ministry-of-foreign-affairs-of-russia" not in records  # hand-written in government.ttl


def test_generators_need_the_source_and_say_how_to_get_it(tmp_path):
    m = _make_states()
    with pytest.raises(
        SystemExit, match="source mledoze-countries not found .*fetch github:mledoze/countries"
    ):
        m.sources.mledoze_countries(tmp_path / "missing")
    (tmp_path / "countries.json").write_text(json.dumps(MLEDOZE_ROWS), encoding="utf-8")
    assert m.sources.mledoze_countries(tmp_path) == MLEDOZE_ROWS


def test_generated_files_cite_their_sources():
    head = {name: (KB_DIR / name).read_text(encoding="utf-8")[:1200] for name in ("states.ttl", "cities.ttl")}
    for text in head.values():
        assert "mledoze/countries" in text and "ODbL" in text  # ODbL: attribution of derived databases
    assert "Wikidata P39" in (KB_DIR / "officials.ttl").read_text(encoding="utf-8")[:600]


@pytest.mark.parametrize(
    "name, genitive",
    [
        ("Грузия", "Грузии"),
        ("Южная Корея", "Южной Кореи"),
        ("Иран", "Ирана"),
        ("США", "США"),
        ("Перу", "Перу"),
        ("Босния и Герцеговина", "Боснии и Герцеговины"),
        ("Гвинея-Бисау", "Гвинеи-Бисау"),
        ("Объединённые Арабские Эмираты", "Объединённых Арабских Эмиратов"),
        ("Кот-д'Ивуар", "Кот-д'Ивуара"),
    ],
)
def test_state_name_genitive(name, genitive):
    m = _make_states()
    table = {r[0]: r[1] for r in m.rows(m.DATA / "ru_genitive.tsv")}
    assert m.genitive(name, table) == genitive


@pytest.mark.parametrize(
    "code, key, ru",
    [
        ("GE", "ministry-of-foreign-affairs-of-georgia", "Министерство иностранных дел Грузии"),
        ("AM", "government-of-armenia", "Правительство Армении"),
        ("MN", "government-of-mongolia", "Правительство Монголии"),
        ("TJ", "ministry-of-defence-of-tajikistan", "Министерство обороны Таджикистана"),
        ("IR", "ministry-of-foreign-affairs-of-iran", "Министерство иностранных дел Ирана"),
    ],
)
def test_every_un_member_has_its_bodies(code, key, ru):
    entries = {e.key: e for e in kbmod.load_kb()}
    assert dict(entries[key].labels)["ru"] == ru
    # the committed file: bodies for (nearly) every UN member state, none for the Holy See
    states = [e for e in entries.values() if e.key.startswith("ministry-of-defence-of")]
    assert len({e.country for e in states}) >= 185 and "vatican-city" not in {e.country for e in states}


# --------------------------------------------------------------------------- seeds' gold
def _gold_entities():
    seen, rows = set(), []
    for folder in GOLD_DIRS:
        for path in sorted(folder.glob("seed_*.json")) if folder.is_dir() else ():
            doc = json.loads(path.read_text(encoding="utf-8"))
            for ent in doc.get("entities", []) + doc.get("implicit_entities", []):
                row = (ent["name_en"], ent["name_ru"], ent["type"], tuple(ent.get("alt_types", ())))
                if row not in seen:
                    seen.add(row)
                    rows.append(pytest.param(*row, id=f"{path.stem}:{ent['name_en']}"))
    return rows or [
        pytest.param(None, None, None, (), id="no-gold", marks=pytest.mark.skip(reason="no seed gold found"))
    ]


@pytest.mark.parametrize("name_en,name_ru,cls,alt_types", _gold_entities())
def test_gold_entity_is_in_the_kb(entries, name_en, name_ru, cls, alt_types):
    found = [e for e in entries if e.label("en") == name_en]
    assert len(found) == 1, name_en
    e = found[0]
    assert e.cls == cls or e.cls in alt_types
    assert e.label("ru") == name_ru


# --------------------------------------------------------------------------- the reader
EXTRA = """\
@prefix bl:   <https://w3id.org/bilat/ontology#> .
@prefix id:   <https://w3id.org/bilat/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
id:test-users-own-body a bl:GovernmentBody ;
  rdfs:label "Test User's Own Body"@en, "Тестовый орган"@ru ;
  bl:country id:kazakhstan .
id:russia skos:altLabel "Раша"@ru .
"""


def test_extra_folder_adds_entries_and_names(tmp_path, monkeypatch):
    (tmp_path / "mine.ttl").write_text(EXTRA, encoding="utf-8")
    monkeypatch.setenv(kbmod.ENV_EXTRA, str(tmp_path))
    entries = {e.key: e for e in kbmod.load_kb()}
    mine = entries["test-users-own-body"]
    assert (mine.cls, mine.label("ru"), mine.country) == ("GovernmentBody", "Тестовый орган", "kazakhstan")
    assert ("Раша", "ru", "alt") in {(a.text, a.lang, a.kind) for a in entries["russia"].aliases}
    monkeypatch.delenv(kbmod.ENV_EXTRA)
    assert "test-users-own-body" not in {e.key for e in kbmod.load_kb()}


def test_changed_file_is_reread(tmp_path):
    path = tmp_path / "one.ttl"
    path.write_text(EXTRA, encoding="utf-8")
    assert "test-users-own-body" in {e.key for e in kbmod.load_kb([tmp_path])}
    path.write_text(EXTRA.replace("test-users-own-body", "test-renamed-body"), encoding="utf-8")
    keys = {e.key for e in kbmod.load_kb([tmp_path])}
    assert "test-renamed-body" in keys and "test-users-own-body" not in keys


@pytest.mark.parametrize(
    "body,line",
    [
        ('id:x a bl:Organization ;\n  rdfs:label "unterminated@en .\n', 4),
        ("id:x a bl:Organization ;\n  rdfs:label nope:thing .\n", 4),
    ],
)
def test_turtle_syntax_error_names_file_and_line(tmp_path, body, line):
    bad = tmp_path / "broken.ttl"
    bad.write_text(
        "@prefix bl: <https://w3id.org/bilat/ontology#> .\n"
        "@prefix id: <https://w3id.org/bilat/id/> .\n" + body,
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as err:
        kbmod.load_kb([tmp_path])
    message = str(err.value)
    assert "broken.ttl" in message and f"line {line}" in message and f":{line}:" in message


def test_disk_cache_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv(kbmod.ENV_CACHE_DIR, str(tmp_path / "cache"))
    kbmod.clear_cache()
    first = kbmod.load_kb()
    assert len(list((tmp_path / "cache").glob("kb-*.json"))) == 1
    kbmod.clear_cache()

    def boom(_graph):
        raise AssertionError("parsed again instead of reading the cache")

    monkeypatch.setattr(kbmod, "_entries_from_graph", boom)
    started = time.perf_counter()
    second = kbmod.load_kb()
    assert second == first
    assert time.perf_counter() - started < 2.0
    kbmod.clear_cache()


def test_memory_cache_returns_the_same_tuple():
    assert kbmod.load_kb() is kbmod.load_kb()


def test_kb_graph_is_a_fresh_copy():
    g1 = kbmod.kb_graph()
    g1.add((kbmod.ID["scratch"], RDFS.label, Literal("scratch", lang="en")))
    assert (kbmod.ID["scratch"], None, None) not in kbmod.kb_graph()


def test_slugify():
    assert kbmod.slugify("Ministry of Foreign Affairs of Russia") == "ministry-of-foreign-affairs-of-russia"
    assert kbmod.slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert kbmod.slugify("Prosecutor General's Office of Russia") == "prosecutor-generals-office-of-russia"
    assert kbmod.slugify("OPEC+") == "opec"


def _make_cities():
    spec = importlib.util.spec_from_file_location("make_cities", ROOT / "tools" / "make_cities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_cities_have_cldr_russian_names_and_skip_common_words(monkeypatch):
    m = _make_cities()
    monkeypatch.setattr(m.sources, "mledoze_countries", lambda given=None: MLEDOZE_ROWS)
    by_key = {r["key"]: r for r in m.build()}
    assert by_key["prague"]["ru"] == "Прага" and by_key["prague"]["country"] == "czech-republic"
    assert by_key["kuala-lumpur"]["ru"] == "Куала-Лумпур"
    assert "male" not in by_key and "sofia" not in by_key  # common word, given name
    assert "moscow" not in by_key and "vienna" not in by_key  # hand-written in places.ttl
    assert m.common_word_ru("Вена") and not m.common_word_ru("Прага")
    # not its zone's exemplar (America/Guayaquil's is Guayaquil): GeoNames' Cyrillic name that
    # the Russian dictionary knows, not "Кіто" or another language's
    assert by_key["quito"]["ru"] == "Кито" and "capital" in by_key["quito"]["roles"]


@pytest.mark.parametrize(
    ("label", "russian"),
    [
        ("Оттава", True),
        ("Канберра", True),
        ("Ханой", True),
        ("Отава", False),  # Ukrainian, Bulgarian…
        ("Канбера", False),
        ("Київ", False),
        ("Абуджа", False),  # not in the dictionary: no name made up
        ("Санкт Петербург", False),  # a space: no dictionary entry
        ("оттава", False),  # a name is capitalized
    ],
)
def test_a_russian_place_name_is_one_the_dictionary_knows_as_a_place(label, russian):
    assert _make_cities().place_name_ru(label) is russian


@pytest.mark.parametrize(
    ("label", "common"),
    [
        ("Вена", True),
        ("Дамаск", True),
        ("Дакар", True),
        ("Прага", False),
        ("Кампала", False),
        ("Любляна", False),
        ("Хартум", False),
        ("Буэнос-Айрес", False),
    ],
)
def test_a_common_word_is_one_the_dictionary_knows_not_a_guess(label, common):
    assert _make_cities().common_word_ru(label) is common


def _make_regions():
    spec = importlib.util.spec_from_file_location("make_regions", ROOT / "tools" / "make_regions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_regions_are_cldr_m49_names_and_skip_names_the_kb_has():
    m = _make_regions()
    by_key = {r["key"]: r for r in m.build()}
    assert by_key["southeast-asia"]["ru"] == "Юго-Восточная Азия"  # en_ru-th_01
    assert by_key["latin-america"]["ru"] == "Латинская Америка"  # ru_ru-mx_01
    assert "central-asia" not in by_key and "asia" not in by_key  # hand-written in places.ttl
    assert "southern-africa" not in by_key  # "Южная Африка" is South Africa's name
    assert "world" not in by_key
    assert m.render(m.build()) == (KB_DIR / "regions.ttl").read_text(encoding="utf-8")  # not stale


def _make_subdivisions():
    path = ROOT / "tools" / "make_subdivisions.py"
    spec = importlib.util.spec_from_file_location("make_subdivisions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "base, kind, label, others",
    [
        ("Kaliningrad", "oblast", "Kaliningrad Region", ["Kaliningrad Oblast"]),  # en_ru-lt_01
        ("Moscow Province", "oblast", "Moscow Region", ["Moscow Oblast"]),  # CLDR's type word dropped
        ("Chernivtsi Oblast", "oblast", "Chernivtsi Region", ["Chernivtsi Oblast"]),
        ("Ahal", "velayat", "Ahal Region", ["Ahal Province"]),
        ("Altai Krai", "krai", "Altai Krai", []),
        ("Chukotka Okrug", "autonomous okrug", "Chukotka Autonomous Okrug", []),
        ("Jewish", "autonomous oblast", "Jewish Autonomous Region", ["Jewish Autonomous Oblast"]),
        ("Tatarstan", "republic", "Tatarstan", ["Republic of Tatarstan"]),
        ("Komi Republic", "republic", "Komi Republic", []),
        ("Harju", "county", "Harju County", []),
        ("Vilnius County", "county", "Vilnius County", []),
        ("Sichuan", "province", "Sichuan", ["Sichuan Province"]),
        ("Kakheti", "region", "Kakheti", []),
    ],
)
def test_subdivision_english_names_follow_the_kb_convention(base, kind, label, others):
    assert _make_subdivisions().english_names(base, kind) == (label, others)


@pytest.mark.parametrize(
    "ru, iso_type, kind",
    [
        ("Калининградская область", "Administrative region", "oblast"),
        ("Алтайский край", "Administrative territory", "krai"),
        ("Еврейская автономная область", "Autonomous region", "autonomous oblast"),
        ("Ненецкий автономный округ", "Autonomous district", "autonomous okrug"),
        ("Синьцзян-Уйгурский автономный район", "Autonomous region", "autonomous region"),
        ("Республика Коми", "Republic", "republic"),
        ("Чечня", "Republic", "republic"),
        ("Ахалский велаят", "Region", "velayat"),
        ("Алитусский уезд", "County", "county"),
        ("Сычуань", "Province", "province"),
    ],
)
def test_subdivision_kind_from_the_russian_name_else_iso(ru, iso_type, kind):
    assert _make_subdivisions().kind(ru, iso_type) == kind


def test_subdivisions_one_identity_and_the_other_entry_wins():
    m = _make_subdivisions()
    records, skipped = m.build(with_skipped=True)
    by_key = {r["key"]: r for r in records}
    why = dict(skipped)
    kgd = by_key["kaliningrad-region"]  # en_ru-lt_01, ru_ru-lt_01
    assert (kgd["en"], kgd["ru"]) == ("Kaliningrad Region", "Калининградская область")
    assert kgd["country"] == "russia"
    assert "Kaliningrad Oblast" in kgd["alt_en"] and kgd["code"] == "RU-KGD"
    assert by_key["chuy-region"]["ru"] == "Чуйская область"  # ru_kz-kg_05, ru_ru-kg_02
    assert by_key["sverdlovsk-region"]["country"] == "russia"  # en_ru-az_03
    assert by_key["kharkiv-region"]["en"] == "Kharkiv Region"  # our table, not CLDR's "Kharkivshchyna"
    assert "orenburg-region" not in by_key and "key" in why["ruore"]  # hand-written in places.ttl
    assert "east-kazakhstan-region" not in by_key  # hand-written (and en.xml's old id)
    assert why["rumow"].startswith("ISO type") and why["kzala"]  # cities: Moscow, Almaty
    assert why["cntw"] and "hong-kong" not in by_key  # countries of countries.ttl
    assert "moscow" not in by_key and "baku" not in by_key and "minsk" not in by_key
    assert "Тува" in by_key["tuva"]["alt_ru"] and "skip" in why["mn047"]  # "в Туве" is Tuva, not Töv
    assert m.iso_code("ua05") == "UA-05"
    assert m.common_noun_ru("Вена") and not m.common_noun_ru("Гагаузия")
    assert m.render(records) == (KB_DIR / "subdivisions.ttl").read_text(encoding="utf-8")  # not stale


# --------------------------------------------------------------------------- officials.ttl
def _make_officials():
    spec = importlib.util.spec_from_file_location("make_officials", ROOT / "tools" / "make_officials.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Rows in the form of the extract make_officials.py --refresh writes (the source itself is fetched,
# not committed: kb/README.md). Names, ids and dates as Wikidata gives them; "Tigran Simonyan"
# stands for any second bearer of a surname.
HEADS = """country,position,position_label,person,name,start,end
Q183,Q4970706,Federal Chancellor of Germany,Q61053,Olaf Scholz,2021,
Q183,Q4970706,Federal Chancellor of Germany,Q566257,Friedrich Merz,2025,
Q265,Q1348717,Prime Minister of Uzbekistan,Q28002959,Abdulla Nigmatovich Aripov,2016,
Q227,Q946064,Prime Minister of Azerbaijan,Q12850075,Ali Asadov,2019,
Q222,Q1625960,President of Albania,Q727132,Ilir Meta,2017,2022
Q739,Q853475,President of Colombia,Q1501697,Gustavo Petro,2022,
Q212,Q579677,President of Ukraine,Q3785,Petro Poroshenko,2014,2019
Q399,Q4283840,President of Armenia,Q20513503,Alen Simonyan,2022,2022
Q399,Q1123764,Prime Minister of Armenia,Q7035479,Nikol Pashinyan,2021,
Q423,Q7240364,Premier of North Korea,Q56226,Kim Jong-un,2011,
Q148,Q1140279,Premier of the People's Republic of China,Q16000,Li Keqiang,2013,2023
Q159,Q218295,President of Russia,Q7747,Vladimir Putin,2012,
"""
FOREIGN = """country,position,position_label,person,name,start
Q736,Q5583633,Minister of Foreign Affairs of Ecuador,Q5617587,Guillaume Long,2016-03-03
Q817,Q6866312,Minister of Foreign Affairs of Kuwait,Q4695947,Ahmad Nasser Al Muhammad Al Sabah,2019-12-17
Q159,Q1504366,Minister of Foreign Affairs of Russia,Q58217,Sergey Lavrov,2004-03-09
Q227,Q3320800,Minister of Foreign Affairs of Azerbaijan,Q28369963,Jeyhun Bayramov,2020-07-16
"""
AM_FM = "armenia,Minister of Foreign Affairs"
UZ_FM = "uzbekistan,Minister of Foreign Affairs,Q4666995,Abdulaziz Komilov"
# (a history's labels name no state; every post of a government is listed, a region's too)
CABINETS = f"""country,position_label,person,name,start,end,repository,enwiki
{UZ_FM},1994-02-25,2003-03-14,uzbekistan-ministers,Abdulaziz Kamilov
{UZ_FM},2012-02-11,2022-04-27,uzbekistan-ministers,Abdulaziz Kamilov
{AM_FM},Q4794493,Armen Grigoryan,2021-08-02,2021-08-19,armenia-ministers,
armenia,Prime Minister,Q99999999,Tigran Simonyan,1999-01-01,2000-01-01,armenia-ministers,
armenia,Minister of Health,Q99999998,Ani Grigoryan,2019-01-01,2021-01-01,armenia-ministers,
russia,President of the Sakha Republic,Q1998892,Yegor Borisov,2010-05-31,2018-05-28,russia-cabinet,
russia,Minister of Foreign Affairs,Q99999997,Ivan Testov,2002-11-14,2002-01-06,russia-cabinet,
azerbaijan,Prime Minister,Q12850075,Ali Asadov,2019-10-08,,azerbaijan-cabinet,
georgia,Prime Minister,Q99999996,Zurab Nogaideli,2005-02-17,2007-11-16,georgia-ministers,
"""


@pytest.fixture(scope="module")
def officials():
    m = _make_officials()
    snap = {"heads.csv": HEADS, "foreign_ministers.csv": FOREIGN, "cabinets.csv": CABINETS}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(m.sources, "mledoze_countries", lambda given=None: MLEDOZE_ROWS)
        mp.setattr(m, "read_snapshot", lambda name: list(csv.DictReader(io.StringIO(snap[name]))))
        records, skipped = m.build()
    return m, {r["key"]: r for r in records if not r.get("link_only")}, skipped, records


def test_officials_render_from_rows(officials):
    m, by_key, _, records = officials
    text = m.render(records)
    assert "id:friedrich-merz a bl:Person ;" in text and "owl:sameAs wd:Q566257 ." in text
    assert "id:sergey-lavrov owl:sameAs wd:Q58217 ;" in text
    assert text.count(" a bl:Person ;") == len(by_key)


def test_committed_officials_shape():
    """kb/officials.ttl: every person has labels in both languages, a Wikidata id, a cited
    source and at least one tenure."""
    g = rdflib.Graph().parse(KB_DIR / "officials.ttl", format="turtle")
    people = set(g.subjects(RDF.type, kbmod.BL.Person))
    assert len(people) > 500
    for subj in people:
        assert {o.language for o in g.objects(subj, RDFS.label)} >= {"en", "ru"}, subj
        ids = [str(o) for o in g.objects(subj, OWL.sameAs)]
        assert len(ids) == 1 and re.fullmatch(r"http://www\.wikidata\.org/entity/Q\d+", ids[0]), subj
        assert any(str(o).startswith("Wikidata P39 via") for o in g.objects(subj, DCT.source)), subj
        assert any(True for _ in g.objects(subj, kbmod.BL.tenure)), subj


@pytest.mark.parametrize(
    "en, ru",
    [
        ("Jeyhun Bayramov", "Джейхун Байрамов"),
        ("Shavkat Mirziyoyev", "Шавкат Мирзиёев"),
        ("Ararat Mirzoyan", "Арарат Мирзоян"),
        ("Kokhir Rasulzoda", "Кохир Расулзода"),
        ("Roman Golovchenko", "Роман Головченко"),
        ("Ilia Darchiashvili", "Илия Дарчиашвили"),
        ("Serdar Berdimuhamedow", "Сердар Бердимухамедов"),
        ("S. Jaishankar", "С. Джаишанкар"),
        ("Adylbek Kasymaliev", "Адылбек Касымалиев"),  # -iev, not -иэв
        ("Mevlüt Çavuşoğlu", "Мевлют Чавушоглу"),  # ç ş folded, ğ as г (Эрдоган, Давутоглу)
    ],
)
def test_officials_russian_transliteration(en, ru):
    m = _make_officials()
    assert m.to_russian(en) == ru
    assert m.round_trip(en, ru)


@pytest.mark.parametrize(
    "en, ru",
    [
        ("Olaf Scholz", "Олаф Шольц"),  # l before a consonant, z
        ("Frank-Walter Steinmeier", "Франк-Вальтер Штайнмайер"),  # st-, ei, -eie-
        ("Friedrich Merz", "Фридрих Мерц"),  # ie, ch
        ("Angela Merkel", "Ангела Меркель"),  # l at the end
        ("Karl Nehammer", "Карл Нехаммер"),  # l after a consonant, h before a vowel
        ("Helmut Kohl", "Хельмут Коль"),  # silent h
        ("Jens Spahn", "Йенс Шпан"),  # j, sp-
        ("Christian Lindner", "Кристиан Линднер"),  # chr-
        ("Daniel Risch", "Даниэль Риш"),  # -iel
    ],
)
def test_officials_russian_transliteration_german(en, ru):
    """The rows of a language come first for its names; the general rows stay for others."""
    m = _make_officials()
    assert m.to_russian(en, "de") == ru
    assert m.to_russian("Olaf Scholz") == "Олаф Шолз"


@pytest.mark.parametrize(
    "en, ru",
    [
        ("José Manuel Albares", "Хосе Мануэль Альбарес"),  # j, l before a consonant and at the end
        ("Pedro Castillo", "Педро Кастильо"),  # ll
        ("Alberto Fernández", "Альберто Фернандес"),  # z
        ("Miguel Díaz-Canel", "Мигель Диас-Канель"),  # gue
        ("Carlos Alvarado Quesada", "Карлос Альварадо Кесада"),  # que
        ("Javier Milei", "Хавьер Милей"),  # ie, final ei
        ("Juan Carlos Holguín", "Хуан Карлос Ольгин"),  # silent h, gui
    ],
)
def test_officials_russian_transliteration_spanish(en, ru):
    m = _make_officials()
    assert m.to_russian(en, "es") == ru


@pytest.mark.parametrize(
    "en, lang, given, ru",
    [
        # French: eau/au/ou, ch, j/g → ж, s between vowels, u → ю, final e silent, é kept
        ("Sébastien Lecornu", "fr", ["fr"], "Себастьен Лекорню"),
        ("Jean Castex", "fr", ["fr"], "Жан Кастекс"),
        ("Jovenel Moïse", "fr", ["fr"], "Жовенель Моиз"),
        ("Bruno Le Maire", "fr", [], "Брюно Ле Мэр"),
        ("Jean-Michel Sama Lukonde", None, ["fr"], "Жан-Мишель Сама Луконде"),  # given name only
        # Polish: sz cz rz, ie, -cki, l
        ("Mateusz Morawiecki", "pl", [], "Матеуш Моравецкий"),
        ("Karol Nawrocki", "pl", [], "Кароль Навроцкий"),
        # Czech and Slovak: č š ž kept, c → ц, ch → х, j → й
        ("Zuzana Čaputová", "cs", [], "Зузана Чапутова"),
        ("Robert Fico", "cs", [], "Роберт Фицо"),
        ("Andrej Babiš", "cs", [], "Андрей Бабиш"),
        ("Rastislav Káčer", "cs", [], "Растислав Качер"),
        # South Slavic: j, lj, c, e after a vowel
        ("Milojko Spajić", "sh", [], "Милойко Спаич"),
        ("Janez Janša", "sh", [], "Янез Янша"),
        ("Gordana Siljanovska-Davkova", "sh", [], "Гордана Силяновска-Давкова"),
        ("Ivica Dačić", "sh", [], "Ивица Дачич"),
        ("Zoran Zaev", "sh", [], "Зоран Заев"),
        # Portuguese: j g ch lh nh ç ou ei, final unstressed o, s between vowels
        ("Jair Bolsonaro", "pt", [], "Жаир Болсонару"),
        ("António José Seguro", "pt", [], "Антониу Жозе Сегуру"),
        ("João Lourenço", "pt", ["pt"], "Жуан Лоуренсу"),
        ("João Gomes Cravinho", "pt", ["pt"], "Жуан Гомес Кравинью"),
        ("Umaro Sissoco Embaló", "pt", [], "Умару Сиссоку Эмбало"),
        ("Rui Alberto de Figueiredo Soares", "pt", [], "Руи Алберту Де Фигейреду Соарес"),
        ("Filipe Nyusi", "pt", [], "Филипе Нюси"),
        # Ukrainian: y → и, h → г, -kyi, i after a vowel
        ("Yulia Tymoshenko", "uk", ["ru"], "Юлия Тимошенко"),
        ("Serhii Koretskyi", "uk", ["ru"], "Сергей Корецкий"),
        ("Vadym Prystaiko", "uk", ["ru"], "Вадим Пристайко"),
        ("Volodymyr Khandohiy", "uk", ["ru"], "Владимир Хандогий"),
        # Arabic: the article, sun letters, Abdel
        ("Abdel Fattah el-Sisi", "ar", [], "Абдель Фаттах ас-Сиси"),
        ("Bashar al-Assad", "ar", [], "Башар аль-Ассад"),
        ("Ahmed al-Sharaa", "ar", [], "Ахмед аш-Шараа"),
        ("Abdelmadjid Tebboune", "ar", ["fr"], "Абдельмаджид Теббуне"),
        # English given names; East Slavic names in their Russian form; final -ei
        ("Justin Trudeau", None, ["en", "fr"], "Джастин Трудеау"),
        ("William Ruto", None, ["en"], "Уильям Руто"),
        ("Sergei Sidorsky", None, ["ru"], "Сергей Сидорский"),
        ("Volodymyr Groysman", None, ["ru"], "Владимир Гройсман"),
        ("Vladimir Makei", None, [], "Владимир Макей"),
    ],
)
def test_officials_russian_by_language(en, lang, given, ru):
    """A language's rows, the given-name table of the person's groups, the Arabic article."""
    m = _make_officials()
    assert m.to_russian(en, lang, given) == ru


@pytest.mark.parametrize(
    "en, ru",
    [
        ("Jean Castex", "Джеан Кастекс"),  # no group, no language: letter by letter as before
        ("Bashar al-Assad", "Башар Ал-Ассад"),
        ("Justin Trudeau", "Джустин Трудеау"),
    ],
)
def test_officials_russian_without_language(en, ru):
    """Without the country's language and groups, no language row, given name or article applies."""
    m = _make_officials()
    assert m.to_russian(en) == ru


def test_officials_given_names_table():
    """Every row of given_names_ru.tsv: a Latin name, a Cyrillic form, a group some country has."""
    m = _make_officials()
    rules = [r for r in m.rows(m.DATA / "official_name_rules.tsv") if r[0] in ("given", "language")]
    groups = {g for r in rules for g in r[2].split()}
    for r in m.rows(m.DATA / "given_names_ru.tsv"):
        assert len(r) == 3 and re.fullmatch(r"[^\W\d_]+", r[0]) and re.fullmatch(r"[А-Яа-яЁё]+", r[1]), r
        assert r[2] in groups, r


@pytest.mark.parametrize(
    "label, title",
    [
        ("President of Kazakhstan", "President"),
        ("president of Tajikistan", "President"),
        ("Prime Minister of Uzbekistan", "Prime Minister"),
        ("Taoiseach", "Prime Minister"),
        ("Federal Chancellor of Germany", "Chancellor"),
        ("Premier of the People's Republic of China", "Premier"),
        ("Minister of Foreign Affairs of Belarus", "Minister of Foreign Affairs"),
        ("Foreign Minister of Bolivia", "Minister of Foreign Affairs"),
        ("Minister of External Affairs", "Minister of Foreign Affairs"),
        ("monarch of Canada", None),
        ("King of Jordan", None),
        ("Captain Regent of San Marino", None),
        ("Member of the Swiss Federal Council", None),
    ],
)
def test_officials_post_of_position_label(label, title):
    m = _make_officials()
    table = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in m.rows(m.DATA / "official_titles.tsv")]
    got = m.title_of(label, table)
    assert (got[0] if got else None) == title


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("Abdulla Nigmatovich Aripov", "Abdulla Aripov"),  # a patronymic: news name people without it
        ("Dr. Narayan Khadka", "Narayan Khadka"),
        ("Sheikh Hasina", "Hasina"),
        ("Mukhtar Tleuberdi", "Mukhtar Tleuberdi"),
    ],
)
def test_officials_clean_name(raw, clean):
    assert _make_officials().clean_name(raw) == clean


@pytest.mark.parametrize(
    "name, ok",
    [
        ("Bashar al-Assad", True),
        ("Abdel Fattah el-Sisi", True),
        ("Nayib buke", False),  # a broken label
        ("Q3052772", False),
        ("Salman bin Hamad, Crown Prince of Bahrain", False),
        ("Naruhito", False),
    ],
)
def test_officials_personal_name(name, ok):
    assert _make_officials().personal_name(name) is ok


def test_officials_tenures_wikidata_and_rules(officials):
    _, by_key, skipped, records = officials
    merz = by_key["friedrich-merz"]
    assert merz["qid"] == "Q566257" and merz["country"] == "germany"
    assert [(t[0][0], t[1], t[2]) for t in merz["tenures"]] == [("Chancellor", "2025", None)]
    # a term without an end ends when the next holder began
    assert [(t[0][0], t[1], t[2]) for t in by_key["olaf-scholz"]["tenures"]] == [
        ("Chancellor", "2021", "2025")
    ]
    assert by_key["abdulla-aripov"]["en"] == "Abdulla Aripov"
    assert by_key["ali-asadov"]["ru"] == "Али Асадов" and by_key["ali-asadov"]["checked"]
    # hand-written people are not generated; name orders are left out; a risky surname alone
    # names no one: the person is found by the full name only
    assert "vladimir-putin" not in by_key and "jeyhun-bayramov" not in by_key
    for name, why in (
        ("Guillaume Long", "surname is a common English word"),
        ("Ilir Meta", "Russian spelling of the surname is a common noun, given name or place"),
        ("Gustavo Petro", "surname is a given name"),  # Petro Poroshenko
        ("Alen Simonyan", "surname two people of the sources bear"),
    ):
        assert name in skipped[f"found by the full name only ({why})"]
        [rec] = [r for r in by_key.values() if r["en"] == name]
        assert rec["surname_why"] == why
    assert by_key["ali-asadov"]["surname_why"] is None
    assert (
        "Armen Grigoryan"
        in skipped[f"every term shorter than {_make_officials().SHORT_TERM_DAYS} days (acting, caretaker)"]
    )
    # the history of the posts from the per-country repositories: dates to the day, since the 1990s
    kamilov = by_key["abdulaziz-kamilov"]  # the English Wikipedia title; Wikidata's label is an alias
    assert "Abdulaziz Komilov" in kamilov["alt"]
    assert [(t[1], t[2]) for t in kamilov["tenures"]] == [
        ("1994-02-25", "2003-03-14"),
        ("2012-02-11", "2022-04-27"),
    ]
    # only a state's own head of state or government and its foreign minister, by the whole
    # label (cabinet_positions.tsv): a region's president is not the state's; a minister of
    # health is no bearer of a surname the linker could take for a head's
    assert "Yegor Borisov (President of the Sakha Republic)" in skipped["post not generated"]
    risky = skipped["found by the full name only (surname two people of the sources bear)"]
    assert "Armen Grigoryan" not in risky
    assert "Ivan Testov (Minister of Foreign Affairs)" in skipped["a term that ends before it begins"]
    # a history's term in days stands for the same person's term of a world list in years
    assert [(t[1], t[2]) for t in by_key["ali-asadov"]["tenures"]] == [("2019-10-08", None)]
    # a former office holder: found by the full name only
    assert by_key["zurab-nogaideli"]["surname_why"] == "every term ended before 2021"
    assert "Kim Jong-un" in skipped["name order (official_name_rules.tsv)"]
    # family name first, one order and a syllable table: generated (China)
    assert by_key["li-keqiang"]["ru"] == "Ли Кэцян" and by_key["li-keqiang"]["country"] == "china"
    assert (
        "Ahmad Nasser Al Muhammad Al Sabah" in skipped["surname after a particle (official_name_rules.tsv)"]
    )
    for r in by_key.values():
        assert r["en"] and r["ru"] and r["qid"].startswith("Q") and r["tenures"]
    # hand-written people named so in the source, with a post in their country, get its Wikidata id
    links = {r["key"]: r["qid"] for r in records if r.get("link_only")}
    assert links["sergey-lavrov"] == "Q58217" and links["nikol-pashinyan"] == "Q7035479"
    assert "vladimir-putin" not in links  # had one already


def test_officials_in_the_loaded_kb():
    entries = {e.key: e for e in kbmod.load_kb()}
    e = entries["friedrich-merz"]
    assert e.cls == "Person" and e.country == "germany" and e.wikidata == "Q566257"
    assert [(t.title_en, t.org, t.start) for t in e.tenures] == [("Chancellor", "germany", "2025")]


def test_country_tlds_table_is_fresh():
    """extract/data/common/country_tlds.tsv is what tools/make_country_tlds.py makes of
    kb/countries.ttl."""
    path = ROOT / "tools" / "make_country_tlds.py"
    spec = importlib.util.spec_from_file_location("make_country_tlds", path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    table = m.rows()
    assert ("kz", "kazakhstan") in table and ("uk", "united-kingdom") in table
    assert not any(tld == "tv" for tld, _ in table)
    assert m.OUT.read_text(encoding="utf-8") == m.render(table)


@pytest.mark.parametrize(
    "label, also",
    [
        # the label is made with the state's Russian label, other names with its other names too
        ("Министерство иностранных дел Молдавии", "МИД Молдовы"),
        ("Правительство Нидерландов", "Правительство Голландии"),
        ("Министерство обороны Мьянмы", "Министерство обороны Бирмы"),
        # and with the state's Russian adjective agreed with the body's noun
        ("Правительство Японии", "японское правительство"),
        ("Министерство иностранных дел Японии", "японский МИД"),
        ("Министерство обороны Чехии", "чешское минобороны"),
    ],
)
def test_generated_bodies_are_named_with_every_name_of_their_state(label, also):
    text = (KB_DIR / "states.ttl").read_text(encoding="utf-8")
    block = next(b for b in text.split("\n\n") if f'"{label}"@ru' in b)
    assert f'"{also}"@ru' in block


def test_the_loader_reads_surname_alone():
    from bilat.graph.kb import load_kb

    by_key = {e.key: e for e in load_kb([ROOT / "kb" / "officials.ttl"])}
    assert by_key["imran-khan"].surname_alone is False
    assert by_key["ali-asadov"].surname_alone is True
