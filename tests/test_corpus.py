"""Validate the gold evaluation corpora (format: shared/eval/GOLD_FORMAT.md): ``tests/corpus``
(real news nobody on the team wrote, the dev corpus) and ``tests/regression`` (the seeds and the
articles the team wrote, a smaller regression set); ``tests/unseen`` holds real news kept out of all tuning.

Every ``*.json`` file of both folders is checked, seeds and both languages alike; each check is
parametrised over the files so that a failure names its file. The checks:

* the file is valid JSON (no duplicate keys) with the required keys, and ``id`` is the stem;
* header fields are well formed (``lang``, ``date``, ``url``, ``outlet``, ``title``, ``text``);
* entity and event types come from the allowed lists; every mention, adjectival and
  descriptive mention is a case-sensitive substring of ``text``; so is every evidence;
* every participant, speaker, place, project, role person and role ``of`` is the ``name_en``
  of an entity (or implicit entity) of the same file;
* dates are ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` and real calendar dates;
* the dev corpus: every file names its ``url``, ``outlet`` and ``dyad`` (two countries of the
  file), and none is an article kept for independent evaluation (``heldout-check``);
* across both folders, one ``name_en`` has one ``name_ru`` and one type, and one ``name_ru``
  (case- and ё-insensitive) has one ``name_en``.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
REGRESSION = HERE / "regression"
UNSEEN = HERE / "unseen"  # real news kept out of every tuning: a check of generality
FILES = sorted(CORPUS.glob("*.json")) + sorted(REGRESSION.glob("*.json")) + sorted(UNSEEN.glob("*.json"))
IDS = [f"{p.parent.name}/{p.name}" for p in FILES]
HELDOUT_CHECK = HERE.parents[1] / "shared" / "tools" / "heldout-check"

# The gold format's entity and event types: one copy, in the stdlib-only checker annotators run
# (tools/check_gold.py), held to the vocabulary and the evaluator below.
_spec = importlib.util.spec_from_file_location("check_gold", HERE.parent / "tools" / "check_gold.py")
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)
ENTITY_TYPES = check_gold.TYPES
EVENT_TYPES = check_gold.EVENT_TYPES


def test_the_checkers_types_are_the_vocabularys_and_the_evaluators():
    from bilat.evaluate.gold import EVENT_CLASSES as GOLD_EVENT_TYPES
    from bilat.extract.records import ENTITY_CLASSES

    assert ENTITY_TYPES == set(ENTITY_CLASSES)
    assert EVENT_TYPES == set(GOLD_EVENT_TYPES)


@pytest.mark.parametrize(
    "other_names, complaint",
    [
        ([{"name_en": "Eurosatory", "kind": "Event", "mentions": ["Eurosatory"]}], None),
        (["Eurosatory"], "other_names[0]: an object with a name_en"),  # the evaluator refuses it
        ([{"name_ru": "Запад-2025"}], "other_names[0]: an object with a name_en"),
    ],
)
def test_the_checker_wants_other_names_as_objects(tmp_path, other_names, complaint):
    doc = json.loads((CORPUS / "en_am-fr_01.json").read_text(encoding="utf-8"))
    doc["other_names"] = other_names
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    found = [c for c in check_gold.check(path) if c.startswith("other_names")]
    assert found == ([] if complaint is None else [found[0]]) and (complaint is None or complaint in found[0])


# "negated" (a planned event said not to happen / not to have happened) must be explained in
# the file's "notes".
EVENT_STATUSES = {"planned", "ongoing", "negated"}
ROLE_STATUSES = {"former", "acting", "designate", "elect"}

REQUIRED_KEYS = ("id", "lang", "url", "outlet", "date", "title", "text", "entities", "roles", "events")
ENTITY_KEYS = ("name_en", "name_ru", "type", "mentions")
ROLE_KEYS = ("person", "position", "of", "evidence")
EVENT_KEYS = ("type", "participants", "speaker", "date", "place", "project", "evidence")

DOC_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


@cache
def _load(path: Path):
    """The parsed document, or the error message (str) when it is not valid JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except (ValueError, UnicodeDecodeError) as exc:
        return f"{path.name}: invalid JSON: {exc}"


def _doc(path: Path) -> dict:
    doc = _load(path)
    if isinstance(doc, str):
        pytest.fail(doc)
    if not isinstance(doc, dict):
        pytest.fail(f"{path.name}: top level is not an object")
    missing = [k for k in REQUIRED_KEYS if k not in doc]
    if missing:
        pytest.fail(f"{path.name}: missing keys {missing}")
    return doc


def _all_entities(doc: dict) -> list[dict]:
    return list(doc.get("entities") or []) + list(doc.get("implicit_entities") or [])


def _names(doc: dict) -> set[str]:
    return {e.get("name_en") for e in _all_entities(doc) if isinstance(e, dict)}


def _valid_date(value: str, full: bool) -> bool:
    pattern = DOC_DATE if full else EVENT_DATE
    if not isinstance(value, str) or not pattern.match(value):
        return False
    parts = [int(x) for x in value.split("-")] + [1, 1]
    try:
        _dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _check_spans(errors: list[str], text: str, where: str, values) -> None:
    if not isinstance(values, list):
        errors.append(f"{where}: not a list")
        return
    for v in values:
        if not isinstance(v, str) or not v:
            errors.append(f"{where}: not a non-empty string: {v!r}")
        elif v not in text:
            errors.append(f"{where}: {v!r} does not occur in text")


def _report(path: Path, errors: list[str]) -> None:
    if errors:
        pytest.fail(f"{path.name}:\n  " + "\n  ".join(errors))


@pytest.mark.parametrize("folder, at_least", [(CORPUS, 100), (REGRESSION, 40), (UNSEEN, 30)])
def test_corpus_is_not_empty(folder, at_least):
    assert len(list(folder.glob("*.json"))) >= at_least, f"fewer than {at_least} *.json in {folder}"


REAL = sorted(CORPUS.glob("*.json")) + sorted(UNSEEN.glob("*.json"))


@pytest.mark.parametrize("path", REAL, ids=[f"{p.parent.name}/{p.name}" for p in REAL])
def test_real_article_header(path: Path):
    doc = _doc(path)
    errors = []
    for key in ("url", "outlet"):
        if not isinstance(doc.get(key), str) or not doc[key].strip():
            errors.append(f"no {key}")
    dyad = doc.get("dyad")
    countries = {e.get("name_en") for e in doc["entities"] if e.get("type") == "Country"}
    if not (isinstance(dyad, list) and len(dyad) == 2 and set(dyad) <= countries):
        errors.append(f"dyad {dyad!r} is not two countries of the file")
    _report(path, errors)


def test_real_articles_in_both_languages_and_many_pairs():
    docs = [_doc(p) for p in sorted(CORPUS.glob("*.json"))]
    langs = [d["lang"] for d in docs]
    pairs = [tuple(sorted(d.get("dyad") or ())) for d in docs]
    assert langs.count("en") >= 45 and langs.count("ru") >= 45, langs
    assert len(set(pairs)) >= 12, sorted(set(pairs))
    assert pairs.count(("Kazakhstan", "Russia")) <= 0.35 * len(docs)


@pytest.mark.skipif(not HELDOUT_CHECK.exists(), reason="../shared/tools/heldout-check is not here")
def test_no_article_is_kept_for_independent_evaluation():
    import subprocess

    r = subprocess.run([str(HELDOUT_CHECK), *map(str, FILES)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_json_and_header(path: Path):
    doc = _doc(path)
    errors = []
    if doc["id"] != path.stem:
        errors.append(f"id {doc['id']!r} != file stem {path.stem!r}")
    if doc["lang"] not in ("en", "ru"):
        errors.append(f"lang {doc['lang']!r} not 'en'/'ru'")
    if doc["date"] is not None and not _valid_date(doc["date"], full=True):
        errors.append(f"date {doc['date']!r} is not YYYY-MM-DD or null")
    for key in ("url", "outlet", "title"):
        if doc[key] is not None and not isinstance(doc[key], str):
            errors.append(f"{key} is neither a string nor null")
    if not isinstance(doc["text"], str) or not doc["text"].strip():
        errors.append("text is empty")
    for key in ("entities", "roles", "events"):
        if not isinstance(doc[key], list):
            errors.append(f"{key} is not a list")
    if not doc["entities"]:
        errors.append("no entities")
    _report(path, errors)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_entities(path: Path):
    doc = _doc(path)
    text = doc["text"]
    errors = []
    seen: set[str] = set()
    for kind in ("entities", "implicit_entities"):
        for i, ent in enumerate(doc.get(kind) or []):
            where = f"{kind}[{i}]"
            if not isinstance(ent, dict):
                errors.append(f"{where}: not an object")
                continue
            missing = [k for k in ENTITY_KEYS if k not in ent]
            if missing:
                errors.append(f"{where}: missing keys {missing}")
                continue
            name = ent["name_en"]
            where = f"{kind}[{i}] {name!r}"
            for key in ("name_en", "name_ru"):
                if not isinstance(ent[key], str) or not ent[key].strip():
                    errors.append(f"{where}: {key} is empty")
            if name in seen:
                errors.append(f"{where}: name_en listed twice")
            seen.add(name)
            if ent["type"] not in ENTITY_TYPES:
                errors.append(f"{where}: type {ent['type']!r} not allowed")
            for alt in _as_list(ent.get("alt_types")):
                if alt not in ENTITY_TYPES:
                    errors.append(f"{where}: alt_type {alt!r} not allowed")
            spans = 0
            for key in ("mentions", "adjectival_mentions", "descriptive_mentions"):
                values = ent.get(key, [])
                _check_spans(errors, text, f"{where}.{key}", values)
                if isinstance(values, list):
                    spans += len(values)
                    if len(set(values)) != len(values):
                        errors.append(f"{where}.{key}: duplicates")
            if spans == 0:
                errors.append(f"{where}: no mention of any kind")
    for i, other in enumerate(doc.get("other_names") or []):
        if isinstance(other, dict) and "mentions" in other:
            _check_spans(errors, text, f"other_names[{i}].mentions", other["mentions"])
    _report(path, errors)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_roles(path: Path):
    doc = _doc(path)
    text = doc["text"]
    names = _names(doc)
    persons = {e["name_en"] for e in _all_entities(doc) if isinstance(e, dict) and e.get("type") == "Person"}
    errors = []
    keys = set()
    for i, role in enumerate(doc["roles"]):
        where = f"roles[{i}]"
        if not isinstance(role, dict):
            errors.append(f"{where}: not an object")
            continue
        missing = [k for k in ROLE_KEYS if k not in role]
        if missing:
            errors.append(f"{where}: missing keys {missing}")
            continue
        where = f"roles[{i}] {role['person']!r}"
        if role["person"] not in persons:
            errors.append(f"{where}: person is not a Person entity of the file")
        if role["of"] not in names:
            errors.append(f"{where}: of {role['of']!r} is not an entity of the file")
        if not isinstance(role["position"], str) or not role["position"].strip():
            errors.append(f"{where}: empty position")
        key = (role["person"], role["position"], role["of"])
        if key in keys:
            errors.append(f"{where}: duplicate (person, position, of)")
        keys.add(key)
        _check_spans(errors, text, f"{where}.evidence", [role["evidence"]])
        _check_spans(errors, text, f"{where}.other_evidence", role.get("other_evidence", []))
        if "status" in role and role["status"] not in ROLE_STATUSES:
            errors.append(f"{where}: status {role['status']!r} not allowed")
    _report(path, errors)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_events(path: Path):
    doc = _doc(path)
    text = doc["text"]
    names = _names(doc)
    errors = []
    negated = False
    for i, ev in enumerate(doc["events"]):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            errors.append(f"{where}: not an object")
            continue
        missing = [k for k in EVENT_KEYS if k not in ev]
        if missing:
            errors.append(f"{where}: missing keys {missing}")
            continue
        where = f"events[{i}] {ev['type']}"
        if ev["type"] not in EVENT_TYPES:
            errors.append(f"{where}: type not allowed")
        participants = ev["participants"]
        if not isinstance(participants, list) or not participants:
            errors.append(f"{where}: participants must be a non-empty list")
            participants = []
        for p in participants:
            if p not in names:
                errors.append(f"{where}: participant {p!r} is not an entity of the file")
        speakers = _as_list(ev["speaker"])
        if ev["type"] == "STATEMENT" and not speakers:
            errors.append(f"{where}: a STATEMENT needs a speaker")
        for s in speakers:
            if s not in names:
                errors.append(f"{where}: speaker {s!r} is not an entity of the file")
            elif s not in participants:
                errors.append(f"{where}: speaker {s!r} is not among the participants")
        for key in ("place", "project"):
            if ev[key] is not None and ev[key] not in names:
                errors.append(f"{where}: {key} {ev[key]!r} is not an entity of the file")
        if ev["date"] is not None and not _valid_date(ev["date"], full=False):
            errors.append(f"{where}: date {ev['date']!r} is not yyyy-mm-dd / yyyy-mm / yyyy")
        _check_spans(errors, text, f"{where}.evidence", [ev["evidence"]])
        _check_spans(errors, text, f"{where}.other_evidence", ev.get("other_evidence", []))
        if "status" in ev:
            if ev["status"] not in EVENT_STATUSES:
                errors.append(f"{where}: status {ev['status']!r} not allowed")
            negated = negated or ev["status"] == "negated"
    if negated and "negated" not in str(doc.get("notes") or ""):
        errors.append("an event has status 'negated' but 'notes' does not document it")
    _report(path, errors)


def _fold(s: str) -> str:
    return s.casefold().replace("ё", "е")


@cache
def _index():
    """name_en -> {(name_ru, type): [files]} and folded name_ru -> {name_en: [files]}."""
    by_en: dict[str, dict[tuple, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_ru: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in FILES:
        doc = _load(path)
        if not isinstance(doc, dict):
            continue
        for ent in _all_entities(doc):
            if not isinstance(ent, dict) or not {"name_en", "name_ru", "type"} <= set(ent):
                continue
            if not isinstance(ent["name_ru"], str) or not isinstance(ent["name_en"], str):
                continue
            by_en[ent["name_en"]][(ent["name_ru"], ent["type"])].append(path.name)
            by_ru[_fold(ent["name_ru"])][ent["name_en"]].append(path.name)
    return by_en, by_ru


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_cross_file_consistency(path: Path):
    doc = _doc(path)
    by_en, by_ru = _index()
    errors = []
    for ent in _all_entities(doc):
        if not isinstance(ent, dict) or not {"name_en", "name_ru", "type"} <= set(ent):
            continue
        name, ru, typ = ent["name_en"], ent["name_ru"], ent["type"]
        variants = by_en.get(name, {})
        if len(variants) > 1:
            others = {k: v for k, v in variants.items() if k != (ru, typ)}
            errors.append(
                f"{name!r}: here (name_ru={ru!r}, type={typ!r}); elsewhere "
                + "; ".join(f"{k} in {sorted(set(v))}" for k, v in others.items())
            )
        if isinstance(ru, str):
            en_names = by_ru.get(_fold(ru), {})
            if len(en_names) > 1:
                others = {k: v for k, v in en_names.items() if k != name}
                errors.append(
                    f"name_ru {ru!r} is {name!r} here but "
                    + "; ".join(f"{k!r} in {sorted(set(v))}" for k, v in others.items())
                )
    _report(path, errors)
