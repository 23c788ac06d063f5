"""The registry of language profiles (bilat.extract.languages): one folder of data per language
plus one small module, and no other code that names a language."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from bilat.extract import languages
from bilat.extract.text import DATA

ROOT = Path(__file__).resolve().parents[1]


def test_the_registry_lists_english_and_russian():
    assert languages.codes() == ("en", "ru")
    assert languages.names() == ("English", "Russian")
    assert languages.label_columns() == ("label_en", "label_ru")
    en, ru = languages.profile("en"), languages.profile("ru")
    assert (en.script, ru.script) == ("latin", "cyrillic")
    assert (en.inflected, ru.inflected) == (False, True)
    assert (en.date_names_capitalized, ru.date_names_capitalized) == (True, False)
    assert (en.weekday_case, ru.weekday_case, ru.season_case) == ("", "accs", "ablt")
    assert en.folder == DATA / "en" and en.table("dates.tsv").is_file()
    assert (en.lowercase_generics, ru.lowercase_generics) == (True, False)
    assert (en.genitive_after_noun, ru.genitive_after_noun) == (False, True)
    assert (en.transliterated_names, ru.transliterated_names) == (False, True)
    assert (en.adjective_modifiers_only, ru.adjective_modifiers_only) == (False, True)
    assert (en.articles, ru.articles) == (("the", "a", "an"), ())
    with pytest.raises(ValueError, match="unsupported language 'kk'"):
        languages.profile("kk")


@pytest.mark.parametrize("code", ["en", "ru"])
def test_each_profile_names_a_module_with_a_pipeline_builder(code):
    p = languages.profile(code)
    assert callable(p.module.build_pipeline)
    assert p.sample and p.alphabet and p.label_tag == code
    if p.weekday_case or p.season_case:
        assert callable(p.module.has_case)


@pytest.mark.slow
@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_profile_pipeline_is_the_one_nlp_loads(code):
    from bilat.extract import nlp

    built = languages.profile(code).module.build_pipeline()
    assert built.pipe_names == nlp.load(code).pipe_names
    assert type(built.tokenizer) is type(nlp.load(code).tokenizer)


def test_every_language_folder_has_a_profile():
    folders = {d.name for d in DATA.iterdir() if d.is_dir() and d.name != "common"}
    assert folders == set(languages.codes())


@pytest.mark.parametrize(
    "rows, message",
    [
        ("name\tX\nmodule\tm\nscript\tlatin\n", "missing alphabet"),
        ("name\tX\nmodule\tm\nscript\tlatin\nalphabet\tab\ncolour\tred\n", "unknown key 'colour'"),
        ("name\tX\nmodule\tm\nscript\trunic\nalphabet\tab\n", "unknown script 'runic'"),
        ("name\tX\nmodule\tm\nscript\tlatin\nalphabet\tab\ninflected\tperhaps\n", "yes or no"),
        ("name\tX\nmodule\tm\nscript\tlatin\nalphabet\tab\nparse_batch\t0\n", "at least 1"),
        ("name\tX\nmodule\tm\nscript\tlatin\nalphabet\tab\nparse_batch\tmany\n", "at least 1"),
    ],
)
def test_a_broken_profile_is_an_error_naming_the_file(tmp_path, rows, message):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "profile.tsv").write_text(rows, encoding="utf-8")
    with pytest.raises(languages.ProfileError, match=message) as e:
        languages.discover(tmp_path)
    assert "profile.tsv" in str(e.value)


@pytest.mark.parametrize(("value", "batch"), [("", 16), ("32", 32), ("1", 1)])
def test_parse_batch_is_read_from_the_profile(tmp_path, value, batch):
    (tmp_path / "xx").mkdir()
    row = f"parse_batch\t{value}\n" if value else ""
    (tmp_path / "xx" / "profile.tsv").write_text(
        "name\tX\nmodule\tm\nscript\tlatin\nalphabet\tab\n" + row, encoding="utf-8"
    )
    assert languages.discover(tmp_path)[0].parse_batch == batch


# ---------------------------------------------------------------------------------------------
# a third language: one folder of data and one module, nothing else


FAKE_PROFILE = """\
name\tExample
rank\t3
module\tlang_xx_example
script\tlatin
alphabet\tabcdefghijklmnopqrstuvwxyzäö
label_tag\txx
inflected\tno
date_names_capitalized\tyes
sample\tLavrof mött Tokajef in Astana.
"""
FAKE_DATES = "month\tjanvar\t1\nmonth\tnovembar\t11\nprep\tam\n"
FAKE_MODULE = '''"""A language with no pipeline of its own."""


def build_pipeline():
    import spacy

    return spacy.blank("xx")
'''
PROBE = r"""
import json
from rdflib import Graph
from bilat.evaluate.gold import LANGS
from bilat.extract import languages
from bilat.extract.docdate import text_date
from bilat.extract.date_scan import scan
from bilat.extract.language import SUPPORTED, resolve_language
from bilat.extract.records import Document
from bilat.graph.page import LABEL_COLUMNS
from bilat.graph.property_graph import NODE_ATTRIBUTES, property_graph

g = Graph().parse(format="turtle", data='''
@prefix bl: <https://w3id.org/bilat/ontology#> .
@prefix id: <https://w3id.org/bilat/id/> .
@prefix doc: <https://w3id.org/bilat/doc/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
id:russia a bl:Country ; rdfs:label "Russia"@en, "Россия"@ru, "Russland"@xx ; bl:mentionedIn doc:a .
id:kazakhstan a bl:Country ; rdfs:label "Kasachstan"@xx ; bl:mentionedIn doc:a .
''')
G = property_graph(g)
doc = resolve_language(Document(id="x", text="Lavrof mött Tokajef am 9 Novembar.", lang="xx"))
print(json.dumps({
    "codes": languages.codes(),
    "names": languages.names(),
    "supported": SUPPORTED,
    "gold": LANGS,
    "nodes": NODE_ATTRIBUTES,
    "page": LABEL_COLUMNS,
    "label_xx": G.nodes["https://w3id.org/bilat/id/russia"]["label_xx"],
    "label": G.nodes["https://w3id.org/bilat/id/kazakhstan"]["label"],
    "resolved": getattr(doc, "lang", None),
    "dates": [(e.text, e.month, e.day) for e in scan("Lavrof mött Tokajef am 9 Novembar.", "xx")],
    "text_date": text_date("ASTANA, 9 Novembar 2021\nLavrof mött Tokajef.", "xx"),
    "pipeline": type(languages.profile("xx").module.build_pipeline()).__name__,
}))
"""


def test_a_third_language_is_one_folder_and_one_module(tmp_path):
    (tmp_path / "langs" / "xx").mkdir(parents=True)
    (tmp_path / "langs" / "xx" / "profile.tsv").write_text(FAKE_PROFILE, encoding="utf-8")
    (tmp_path / "langs" / "xx" / "dates.tsv").write_text(FAKE_DATES, encoding="utf-8")
    (tmp_path / "lang_xx_example.py").write_text(FAKE_MODULE, encoding="utf-8")
    env = dict(os.environ, BILAT_LANGUAGES=str(tmp_path / "langs"), PYTHONPATH=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["codes"] == got["supported"] == got["gold"] == ["en", "ru", "xx"]
    assert got["names"] == ["English", "Russian", "Example"]
    assert got["page"] == ["label_en", "label_ru", "label_xx"]
    assert got["nodes"][:4] == ["label", "label_en", "label_ru", "label_xx"]
    assert (got["label_xx"], got["label"]) == ("Russland", "Kasachstan")
    assert got["resolved"] == "xx"
    assert got["dates"] == [["am 9 Novembar", 11, 9]]
    assert got["text_date"] == "2021-11-09"  # the dateline, read with the dates.tsv of xx
    assert got["pipeline"] == "MultiLanguage"


# ---------------------------------------------------------------------------------------------
# no code outside the language modules names a language

#: code that names a language: a comparison with a language code, the pair of codes, a column
LANGUAGE_BRANCH = re.compile(
    r"""\blang\w*\s*[!=]=\s*["']"""  # lang == "…", lang != "…"
    r"""|[!=]=\s*["'](?:en|ru|kk)["']"""  # … == "ru"
    r"""|["'](?:en|ru)["']\s*[!=]="""  # "ru" == …
    r"""|\(\s*["']en["']\s*,\s*["']ru["']"""  # ("en", "ru"
    r"""|\blabel_(?:en|ru)\b"""  # the export columns
)
PACKAGES = ("bilat", "extract", "graph", "ontology")
#: where the language modules live (they may name their own language)
LANGUAGE_MODULES = re.compile(r"extract/lang_\w+\.py|extract/languages\.py")
#: file → (how many lines still name a language, why); the count may only go down (none left)
ALLOWED: dict[str, tuple[int, str]] = {}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of a Python file with comments and docstrings blanked out."""
    src = path.read_text(encoding="utf-8")
    lines = src.splitlines()
    blank: set[int] = set()
    prev = tokenize.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
        elif tok.type == tokenize.STRING and prev in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            blank.update(range(tok.start[0], tok.end[0] + 1))  # a docstring
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            prev = tok.type
    return [(i, line) for i, line in enumerate(lines, 1) if i not in blank]


def language_branches() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if LANGUAGE_MODULES.fullmatch(rel):
                continue
            hits = [
                f"{rel}:{i}: {line.strip()}" for i, line in _code_lines(path) if LANGUAGE_BRANCH.search(line)
            ]
            if hits:
                found[rel] = hits
    return found


@pytest.mark.parametrize(
    "line, hit",
    [
        ('if lang == "ru":', True),
        ("title_src if p.lang != 'en' else None", True),
        ('return name if doc.lang_code == "kk" else x', True),
        ('for lang in ("en", "ru"):', True),
        ('G.nodes[n].get("label_en")', True),
        ('if "ru" == lang:', True),
        ("if lang == other:", False),
        ('for key in ("entities", "roles"):', False),
        ("label_column = f'label_{code}'", False),
    ],
)
def test_the_branch_pattern(line, hit):
    assert bool(LANGUAGE_BRANCH.search(line)) is hit


def test_code_does_not_branch_on_the_language():
    found = language_branches()
    new = {f: hits for f, hits in found.items() if len(hits) > ALLOWED.get(f, (0, ""))[0]}
    assert not new, "code that names a language (ask its profile instead):\n" + "\n".join(
        h for hits in new.values() for h in hits
    )
    stale = sorted(f for f in ALLOWED if f not in found)
    assert not stale, f"no more language branches in {stale}: remove them from ALLOWED"


@pytest.mark.parametrize(
    "code, word, key, plural",
    [
        ("en", "Ministers", "minister", True),
        ("en", "Congress", "congress", False),
        ("en", "Minister", "minister", False),
        ("ru", "министров", "министр", True),
        ("ru", "Президенты", "президент", True),
        ("ru", "министра", "министр", False),
    ],
)
def test_a_title_word_is_read_by_its_language_module(code, word, key, plural):
    p = languages.profile(code)
    assert (p.title_key(word), p.is_plural(word)) == (key, plural)
