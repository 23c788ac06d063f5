"""The languages bilat reads: one profile per folder ``data/<code>/`` holding a ``profile.tsv``.

Adding a language is one folder of data (``data/<code>/profile.tsv`` and the tables the stages
read there: ``dates.tsv``, ``titles.tsv``, …) plus one small module named by the profile (the
NLP pipeline builder, the morphology the tables cannot say). Nothing else names a language:
code asks the profile (``profile(lang).inflected``) or enumerates :func:`codes`.

``profile.tsv`` rows are ``key<TAB>value``:

- ``name``: the language's English name ("Russian"), for messages;
- ``rank``: order of preference (1 first): the ``label`` column of the exports takes the label
  of the first language that has one, and :func:`codes` lists the languages in this order;
- ``module``: the dotted name of the language's module (``bilat.extract.lang_ru``), imported on
  first use: ``build_pipeline()`` gives its spaCy pipeline; ``has_case(word, case, normals)``
  whether a word can be read in a grammatical case (only when the profile names a case);
  ``title_key(word)`` how a word of a title is looked up in ``titles.tsv`` (default: the
  profile's :meth:`Profile.word_key`) and ``is_plural(word)`` whether a title's head word is
  plural ("ministers", "президенты"; default: never), for the posts (``extract/positions*.py``);
- ``script``: the writing system (a row of ``data/common/scripts.tsv``) and ``alphabet``: its
  letters as the language writes them (lowercase); detection by script counts the letters
  outside it (``extract/language.py``);
- ``label_tag``: the language tag of its ``rdfs:label`` literals (the ``label_<code>`` column);
- ``inflected``: ``yes`` when words are looked up by their lemma as well as by their form;
- ``date_names_capitalized``: ``yes`` when month and day names count only capitalized
  ("may" the verb, "march" the noun);
- ``weekday_case``, ``season_case``: the grammatical case (pymorphy tag) a day name needs after
  a preposition or a shift word, a season without preposition ("в среду", "осенью"); empty: none;
- ``lowercase_generics``: ``yes`` when a capitalized generic name of ``generic_names.tsv``
  ("the Government") is also found lowercase, and a lowercase one ("the government") names an
  entity only when a state narrows it (``extract/link*.py``);
- ``genitive_after_noun``: ``yes`` when a state right after a noun is its owner, with no word
  between ("посольство России": the embassy of Russia);
- ``transliterated_names``: ``yes`` when a person's name the knowledge base does not know,
  written in the language's alphabet in a script not the pivot's, also gets a pivot label by
  transliteration (``text.english_name``: "Мухтар Тлеуберди" → "Mukhtar Tleuberdi");
- ``adjective_modifiers_only``: ``yes`` when only an adjective before a title names the title's
  country or body ("российский"), a noun there belonging to the clause before ("в Анкаре
  президент Казахстана");
- ``articles``: the articles that may stand between a name's comma and a title ("Maria Zakharova,
  the official representative …"), space-separated, lowercase; empty: none;
- ``parse_batch``: the documents its pipeline parses in one call at most (``nlp.parse_many``;
  default 16): natasha's models gain with more (Russian 32: ~4 % less ingest CPU than 16, +8 MB
  at peak), spaCy's English model's peak memory grows with them (+90 MB for 32, 16 kept);
- ``aliases``: other names a document may give for the language, space-separated, lowercase
  (its ISO 639-2 code, its own name: ``rus русский``); its English name is always one.
- ``sample``: a sentence of the language (it warms the pipeline up before a timed run).

Besides the package's ``data/``, the folders named in ``$BILAT_LANGUAGES`` (separated by
``os.pathsep``) are searched for ``<code>/profile.tsv``.

>>> codes()
('en', 'ru')
>>> profile("ru").inflected, profile("en").inflected
(True, False)
>>> label_columns()
('label_en', 'label_ru')
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from bilat.extract.text import DATA, lemma, read_table

__all__ = [
    "PIVOT",
    "Profile",
    "Script",
    "codes",
    "discover",
    "label_columns",
    "names",
    "profile",
    "profiles",
    "read_profile",
    "scripts",
]

PROFILE = "profile.tsv"
#: the pivot language: the knowledge base's canonical names and keys, ``title_en`` of a post;
#: a report in another language keeps its own title and label beside the pivot's
PIVOT = "en"
ENV = "BILAT_LANGUAGES"
_KEYS = {
    "name",
    "aliases",
    "rank",
    "module",
    "script",
    "alphabet",
    "label_tag",
    "inflected",
    "date_names_capitalized",
    "weekday_case",
    "season_case",
    "sample",
    "lowercase_generics",
    "genitive_after_noun",
    "transliterated_names",
    "adjective_modifiers_only",
    "articles",
    "parse_batch",
}
_REQUIRED = ("name", "module", "script", "alphabet")


@dataclass(frozen=True)
class Profile:
    """What bilat knows of one language, read from ``data/<code>/profile.tsv``."""

    code: str
    name: str
    folder: Path
    module_name: str
    script: str
    alphabet: frozenset[str]
    rank: int = 100
    label_tag: str = ""
    inflected: bool = False
    date_names_capitalized: bool = False
    weekday_case: str = ""
    season_case: str = ""
    sample: str = ""
    aliases: tuple[str, ...] = ()
    lowercase_generics: bool = False
    genitive_after_noun: bool = False
    transliterated_names: bool = False
    adjective_modifiers_only: bool = False
    articles: tuple[str, ...] = ()
    parse_batch: int = 16

    @property
    def module(self) -> ModuleType:
        """The language's module (imported on first use)."""
        return sys.modules.get(self.module_name) or importlib.import_module(self.module_name)

    @property
    def label_column(self) -> str:
        """The export column holding the entity's label in this language."""
        return f"label_{self.code}"

    def word_key(self, word: str) -> str:
        """How a word is looked up in the language's tables: by lemma in an inflected
        language, else lowercased.

        >>> profile("en").word_key("Embassy")
        'embassy'
        """
        return lemma(word) if self.inflected else word.lower()

    def title_key(self, word: str) -> str:
        """How a word of a title is looked up in ``titles.tsv``: the module's ``title_key``,
        else :meth:`word_key`.

        >>> profile("en").title_key("Ministers"), profile("ru").title_key("министров")
        ('minister', 'министр')
        """
        own = getattr(self.module, "title_key", None)
        return own(word) if own else self.word_key(word)

    def is_plural(self, word: str) -> bool:
        """Is the head word of a title plural ("ministers")? The module's ``is_plural``, else no."""
        own = getattr(self.module, "is_plural", None)
        return bool(own and own(word))

    def table(self, name: str) -> Path:
        """The path of one of the language's data files (``dates.tsv``)."""
        return self.folder / name


class ProfileError(ValueError):
    """A profile.tsv that cannot be used; the message names the file."""


def _yes(value: str, where: str) -> bool:
    v = value.strip().lower()
    if v not in ("yes", "no", ""):
        raise ProfileError(f"{where}: expected yes or no, not {value!r}")
    return v == "yes"


def _positive(value: str, default: int, where: str) -> int:
    v = value.strip()
    if not v:
        return default
    if not v.isdigit() or int(v) < 1:
        raise ProfileError(f"{where}: expected a whole number of at least 1, not {value!r}")
    return int(v)


def read_profile(folder: Path) -> Profile:
    """The profile of the language whose folder is ``folder`` (its name is the code)."""
    path = Path(folder) / PROFILE
    values: dict[str, str] = {}
    for row in read_table(path):
        key = row[0].strip()
        if key not in _KEYS:
            raise ProfileError(f"{path}: unknown key {key!r}")
        values[key] = row[1].strip() if len(row) > 1 else ""
    missing = [k for k in _REQUIRED if not values.get(k)]
    if missing:
        raise ProfileError(f"{path}: missing {', '.join(missing)}")
    if values["script"] not in scripts():
        raise ProfileError(f"{path}: unknown script {values['script']!r} (data/common/scripts.tsv)")
    code = Path(folder).name
    return Profile(
        code=code,
        name=values["name"],
        folder=Path(folder),
        module_name=values["module"],
        script=values["script"],
        alphabet=frozenset(values["alphabet"].lower()),
        rank=int(values.get("rank") or 100),
        label_tag=values.get("label_tag") or code,
        inflected=_yes(values.get("inflected", ""), str(path)),
        date_names_capitalized=_yes(values.get("date_names_capitalized", ""), str(path)),
        weekday_case=values.get("weekday_case", ""),
        season_case=values.get("season_case", ""),
        sample=values.get("sample", ""),
        aliases=tuple(values.get("aliases", "").lower().split()),
        lowercase_generics=_yes(values.get("lowercase_generics", ""), str(path)),
        genitive_after_noun=_yes(values.get("genitive_after_noun", ""), str(path)),
        transliterated_names=_yes(values.get("transliterated_names", ""), str(path)),
        adjective_modifiers_only=_yes(values.get("adjective_modifiers_only", ""), str(path)),
        articles=tuple(values.get("articles", "").lower().split()),
        parse_batch=_positive(values.get("parse_batch", ""), 16, str(path)),
    )


def discover(root: Path) -> list[Profile]:
    """The profiles of the folders ``root/<code>/`` that hold a ``profile.tsv``."""
    root = Path(root)
    if not root.is_dir():
        return []
    return [read_profile(d) for d in sorted(root.iterdir()) if (d / PROFILE).is_file()]


def _roots() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    return [DATA, *extra]


@lru_cache(maxsize=1)
def profiles() -> dict[str, Profile]:
    """Every language found, by code, in order of rank (then code)."""
    found: dict[str, Profile] = {}
    for root in _roots():
        for p in discover(root):
            if p.code in found:
                raise ProfileError(f"{p.folder}: language {p.code!r} is defined twice")
            found[p.code] = p
    return {p.code: p for p in sorted(found.values(), key=lambda p: (p.rank, p.code))}


def codes() -> tuple[str, ...]:
    """The codes of the languages bilat reads ("en", "ru"), in order of rank."""
    return tuple(profiles())


def by_name() -> dict[str, str]:
    """Code of each language by its lowercase English name and aliases.

    >>> by_name()["russian"], by_name()["eng"]
    ('ru', 'en')
    """
    out: dict[str, str] = {}
    for p in profiles().values():
        for name in (p.name.lower(), *p.aliases):
            out.setdefault(name, p.code)
    return out


def names() -> tuple[str, ...]:
    """Their English names, in the same order ("English", "Russian")."""
    return tuple(p.name for p in profiles().values())


def profile(code: str) -> Profile:
    """The profile of ``code``; ``ValueError`` for a language bilat does not read."""
    try:
        return profiles()[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}") from None


def label_columns() -> tuple[str, ...]:
    """One export column per language: ``label_en``, ``label_ru``."""
    return tuple(p.label_column for p in profiles().values())


# ---------------------------------------------------------------------------------------------
# writing systems


@dataclass(frozen=True)
class Script:
    """A writing system of ``data/common/scripts.tsv``: its letters as one regex class."""

    key: str
    name: str
    ranges: tuple[tuple[int, int], ...]
    letters: re.Pattern = field(compare=False, repr=False)

    def chars(self) -> list[str]:
        return [chr(c) for a, b in self.ranges for c in range(a, b + 1) if chr(c).isalpha()]


def _char_class(chars) -> re.Pattern:
    return (
        re.compile("[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]")
        if chars
        else re.compile("(?!)")
    )


@lru_cache(maxsize=1)
def scripts() -> dict[str, Script]:
    """The writing systems, in the file's order (which breaks ties)."""
    out: dict[str, Script] = {}
    for row in read_table(DATA / "common" / "scripts.tsv"):
        key, name, spans = row[0].strip(), row[1].strip(), row[2].split()
        ranges = tuple((int(a, 16), int(b, 16)) for a, b in (s.split("-") for s in spans))
        letters = [chr(c) for a, b in ranges for c in range(a, b + 1) if chr(c).isalpha()]
        out[key] = Script(key, name, ranges, _char_class(letters))
    return out


@lru_cache(maxsize=16)
def foreign_letters(code: str) -> re.Pattern:
    """The letters of the language's script that are not of its alphabet (``ә`` for Russian,
    ``ä`` for English), as one regex class."""
    p = profile(code)
    return _char_class(c for c in scripts()[p.script].chars() if c.lower() not in p.alphabet)
