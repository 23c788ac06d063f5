"""The curated knowledge base (kb/*.ttl) and its reader, bilat.graph.kb.

Table-driven: the tables below say what must be true of particular entries; the other tests
check properties of every entry. Run: .venv/bin/python -m pytest -q tests/test_kb.py
"""

from __future__ import annotations

import importlib.util
import json
import re
import time
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

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


def _make_states():
    spec = importlib.util.spec_from_file_location("make_states", ROOT / "tools" / "make_states.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_states_ttl_is_generated_and_up_to_date():
    assert (KB_DIR / "states.ttl").read_text(encoding="utf-8") == _make_states().render(
        _make_states().build()
    ), "kb/states.ttl is stale: run tools/make_states.py"


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
    members = _make_states().un_members(_make_states().rows(_make_states().DATA / "states_overrides.tsv"))
    assert len(members) == 193 and code in members and "VA" not in members


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


def test_cities_ttl_is_generated_and_up_to_date():
    m = _make_cities()
    assert (KB_DIR / "cities.ttl").read_text(encoding="utf-8") == m.render(m.build()), (
        "kb/cities.ttl is stale: run tools/make_cities.py"
    )


def test_generated_cities_have_cldr_russian_names_and_skip_common_words():
    m = _make_cities()
    by_key = {r["key"]: r for r in m.build()}
    assert by_key["prague"]["ru"] == "Прага" and by_key["prague"]["country"] == "czech-republic"
    assert by_key["kuala-lumpur"]["ru"] == "Куала-Лумпур"
    assert "male" not in by_key and "sofia" not in by_key  # common word, given name
    assert "moscow" not in by_key and "vienna" not in by_key  # hand-written in places.ttl
    assert m._common_word_ru("Вена") and not m._common_word_ru("Прага")


# --------------------------------------------------------------------------- officials.ttl
def _make_officials():
    spec = importlib.util.spec_from_file_location("make_officials", ROOT / "tools" / "make_officials.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def officials():
    m = _make_officials()
    records, skipped = m.build()
    return m, {r["key"]: r for r in records if not r.get("link_only")}, skipped, records


def test_officials_ttl_is_generated_and_up_to_date(officials):
    m, _, _, records = officials
    text = m.render(records)
    assert (KB_DIR / "officials.ttl").read_text(encoding="utf-8") == text, (
        "kb/officials.ttl is stale: run tools/make_officials.py"
    )


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
        ("Mevlüt Çavuşoğlu", "Мевлют Чавушолу"),  # not round-trip: ç ş ğ are folded
    ],
)
def test_officials_russian_transliteration(en, ru):
    m = _make_officials()
    assert m.to_russian(en) == ru
    assert m.round_trip(en, ru) == ("ş" not in en)


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
        ("Minister of External Affairs", "Minister of External Affairs"),
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
    # hand-written people are not generated; risky surnames and name orders are left out
    assert "vladimir-putin" not in by_key and "jeyhun-bayramov" not in by_key
    assert "Guillaume Long" in skipped["surname is a common English word"]
    assert "Ilir Meta" in skipped["Russian spelling of the surname is a common noun, given name or place"]
    assert "Gustavo Petro" in skipped["surname is a given name"]  # Petro Poroshenko
    assert "Alen Simonyan" in skipped["surname two people of the sources bear"]
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
    assert "Kim Jong-un" in skipped["name order (official_name_rules.tsv)"]
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
