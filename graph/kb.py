"""The curated knowledge base: Turtle files in ``kb/`` read into :class:`KBEntry` records.

The knowledge base is the set of ``*.ttl`` files in the project's ``kb/`` folder plus, when the
environment variable ``BILAT_KB_EXTRA`` is set, the Turtle files in the folder(s) it names
(several separated by ``os.pathsep``); users put their own entries there. All files are merged
into one graph, so a user file may also add names to an existing entry::

    id:russia skos:altLabel "Russian Federation"@en .

Conventions (see ``docs/DESIGN.md`` and ``kb/README.md``):

* an entry is an IRI ``https://w3id.org/bilat/id/{key}`` typed with one of the entity classes
  of ``bl:`` (``bl:Person``, ``bl:Country``, ...); the key is the slug of the English name;
* ``rdfs:label`` (one per language), ``skos:altLabel``, ``bl:abbreviation``, ``bl:adjective``
  give its names; ``bl:formerName [ rdfs:label ...; bl:validFrom ...; bl:validTo ... ]`` its
  historical names;
* ``owl:sameAs wd:Q...`` its Wikidata item, ``bl:country`` its country, ``bl:tenure [ a
  bl:Position; bl:title ...@en; bl:ofOrganization id:...; bl:startDate ...; bl:endDate ... ]``
  the posts a person held.

Parsing is cached in memory (keyed by the files' paths, sizes and modification times) and on
disk as JSON (``$BILAT_CACHE_DIR``, else ``$XDG_CACHE_HOME/bilat``, else ``~/.cache/bilat``;
``BILAT_KB_CACHE=0`` turns the disk cache off).

>>> entries = {e.key: e for e in load_kb()}
>>> entries["russia"].cls, entries["russia"].label("ru"), entries["russia"].wikidata
('Country', 'Россия', 'Q159')
>>> slugify("Ministry of Foreign Affairs of Russia")
'ministry-of-foreign-affairs-of-russia'
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from bilat.extract.languages import PIVOT
from bilat.extract.records import ENTITY_CLASSES, Alias, KBEntry, Tenure
from bilat.ontology.namespace import BL, ID, WD

log = logging.getLogger(__name__)


#: The project's own knowledge base folder: the ``kb`` folder beside ``graph/`` -- the checkout's
#: ``kb/``, or ``bilat/kb/`` in an installed wheel (``pyproject.toml`` maps ``bilat.kb`` to ``kb``).
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "kb"
#: Environment variable naming extra folders (or files) of user Turtle.
ENV_EXTRA = "BILAT_KB_EXTRA"
ENV_CACHE_DIR = "BILAT_CACHE_DIR"
ENV_CACHE = "BILAT_KB_CACHE"

# Bump when the mapping from Turtle to records changes, to invalidate disk caches.
_CACHE_VERSION = "2"  # 2: KBEntry.surname_alone
_WIKIDATA_PREFIXES = (
    "http://www.wikidata.org/entity/",
    "https://www.wikidata.org/entity/",
    "https://www.wikidata.org/wiki/",
    "http://www.wikidata.org/wiki/",
)

# When an IRI carries several entity classes, the first of these wins (most specific first).
_CLASS_PRIORITY = (
    "Person",
    "Country",
    "City",
    "GovernmentBody",
    "InternationalOrganization",
    "MediaOutlet",
    "Company",
    "Project",
    "Organization",
    "Place",
)
assert set(_CLASS_PRIORITY) == set(ENTITY_CLASSES)
_KIND_ORDER = {"label": 0, "alt": 1, "abbr": 2, "adjective": 3, "former": 4}
_LANG_ORDER = {"en": 0, "ru": 1, "kk": 2}

_Signature = tuple[tuple[str, int, int], ...]


# --------------------------------------------------------------------------- keys
#: Latin letters NFKD leaves whole, as the plain letters they are written from
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
    }
)


def slugify(text: str) -> str:
    """The key for an English name: lowercase ASCII words joined by ``-``.

    Accents are stripped, apostrophes dropped ("People's" → "peoples"), any other run of
    non-alphanumeric characters becomes one hyphen.

    Latin letters that do not decompose into a letter and an accent are read as the letter
    they are written from ("Radosław" → "radoslaw", "Støre" → "store", "Yıldırım" → "yildirim").

    >>> slugify("Côte d'Ivoire"), slugify("Vlast.kz"), slugify("Russia–Kazakhstan  Forum")
    ('cote-divoire', 'vlast-kz', 'russia-kazakhstan-forum')
    >>> slugify("Radosław Sikorski"), slugify("Jonas Gahr Støre"), slugify("Zoran Đinđić")
    ('radoslaw-sikorski', 'jonas-gahr-store', 'zoran-dindic')
    """
    text = text.translate(_UNDECOMPOSED)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’ʼ`]", "", text)
    # other non-ASCII letters and digits are dropped; any other character separates words
    text = "".join(
        ch if ch.isascii() else ("" if unicodedata.category(ch)[0] in "LN" else "-") for ch in text
    ).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class KBError(RuntimeError):
    """The project's knowledge base is missing or empty (a broken installation): no entity could
    be linked, so nothing is extracted rather than a graph with no countries."""


def key_of(iri: str) -> str | None:
    """The entry key of an entity IRI (``https://w3id.org/bilat/id/russia`` → ``russia``)."""
    base = str(ID)
    if iri.startswith(base) and len(iri) > len(base):
        return iri[len(base) :]
    return None


# --------------------------------------------------------------------------- files
def kb_files(paths: Iterable[Path | str] | None = None) -> tuple[Path, ...]:
    """The Turtle files making up the knowledge base, sorted.

    ``paths`` are files or folders (folders are searched recursively for ``*.ttl``). Without
    ``paths``: the project's ``kb/`` folder plus what ``$BILAT_KB_EXTRA`` names; a missing or empty
    project folder raises :class:`KBError`, a missing path given otherwise ``FileNotFoundError``.
    """
    if paths is None:
        roots: list[Path] = [DEFAULT_DIR]
        extra = os.environ.get(ENV_EXTRA, "").strip()
        if extra:
            roots.extend(Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip())
    else:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        roots = [Path(p).expanduser() for p in paths]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            found = sorted(p for p in root.rglob("*.ttl") if p.is_file())
            if not found and root == DEFAULT_DIR and paths is None:
                raise KBError(f"knowledge base is empty: no *.ttl in {root} (broken installation?)")
            files.extend(found)
        elif root.is_file():
            files.append(root)
        elif root == DEFAULT_DIR and paths is None:
            raise KBError(f"knowledge base not found: {root} (broken installation?)")
        else:
            raise FileNotFoundError(f"knowledge base path not found: {root}")
    seen: dict[Path, None] = {}
    for f in files:
        seen.setdefault(f.resolve(), None)
    return tuple(seen)


def _signature(files: tuple[Path, ...]) -> _Signature:
    sig = []
    for f in files:
        st = f.stat()
        sig.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(sig)


# --------------------------------------------------------------------------- parsing
def _parse_file(graph: rdflib.Graph, path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read knowledge base file: {exc}") from exc
    try:
        graph.parse(data=data, format="turtle", publicID=path.as_uri())
    except SyntaxError as exc:  # rdflib's BadSyntax is a SyntaxError
        line = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).strip().splitlines()[0]
        if isinstance(line, int):
            src = getattr(exc, "_str", b"") or b""
            pos = getattr(exc, "_i", None)
            col = ""
            if isinstance(pos, int) and isinstance(src, bytes):
                start = src.rfind(b"\n", 0, pos) + 1
                col = f":{len(src[start:pos].decode('utf-8', 'replace')) + 1}"
            raise ValueError(f"{path}:{line + 1}{col}: Turtle syntax error (line {line + 1}): {why}") from exc
        raise ValueError(f"{path}: Turtle syntax error: {why}") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text: {exc}") from exc
    except Exception as exc:  # other parser failures (bad IRIs, literals...)
        raise ValueError(f"{path}: cannot parse Turtle: {exc}") from exc


@functools.lru_cache(maxsize=4)
def _graph_for(sig: _Signature) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path, _mtime, _size in sig:
        _parse_file(graph, Path(path))
    _bind(graph)
    return graph


def _bind(graph: rdflib.Graph) -> None:
    graph.bind("bl", BL, override=True)
    graph.bind("id", ID, override=True)
    graph.bind("wd", WD, override=True)
    graph.bind("skos", SKOS, override=True)
    graph.bind("owl", OWL, override=True)


def kb_graph(paths: Iterable[Path | str] | None = None) -> rdflib.Graph:
    """The merged Turtle of the knowledge base as a new (caller-owned) rdflib Graph."""
    cached = _graph_for(_signature(kb_files(paths)))
    out = rdflib.Graph()
    for triple in cached:
        out.add(triple)
    _bind(out)
    return out


# --------------------------------------------------------------------------- records
def _lang(lit) -> str:
    return (lit.language or "").lower() if isinstance(lit, Literal) else ""


def _text(node) -> str:
    return " ".join(str(node).split())


def _date(node) -> str | None:
    if node is None:
        return None
    return str(node).strip() or None


def _sorted_labels(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(set(pairs), key=lambda p: (_LANG_ORDER.get(p[0], 9), p[0], p[1])))


def _entries_from_graph(graph: rdflib.Graph) -> tuple[KBEntry, ...]:
    classes: dict[str, set[str]] = defaultdict(set)
    class_iris = {BL[c]: c for c in ENTITY_CLASSES}
    for subj, cls_iri in graph.subject_objects(RDF.type):
        if cls_iri in class_iris and isinstance(subj, URIRef):
            key = key_of(str(subj))
            if key:
                classes[key].add(class_iris[cls_iri])
    # IRIs under id: that have names but no class (say, a user file adding a name to a typo'd
    # key) are reported, not silently dropped.
    for subj in set(graph.subjects(RDFS.label)) | set(graph.subjects(SKOS.altLabel)):
        key = key_of(str(subj)) if isinstance(subj, URIRef) else None
        if key and key not in classes:
            log.warning("knowledge base: %s has names but no bl: entity class; ignored", key)

    out: list[KBEntry] = []
    for key in sorted(classes):
        subj = ID[key]
        cls = next(c for c in _CLASS_PRIORITY if c in classes[key])
        aliases: set[Alias] = set()
        labels = []
        for lit in graph.objects(subj, RDFS.label):
            text = _text(lit)
            labels.append((_lang(lit), text))
            aliases.add(Alias(text, _lang(lit), "label"))
        for prop, kind in ((SKOS.altLabel, "alt"), (BL.abbreviation, "abbr"), (BL.adjective, "adjective")):
            for lit in graph.objects(subj, prop):
                aliases.add(Alias(_text(lit), _lang(lit), kind))
        for former in graph.objects(subj, BL.formerName):
            if isinstance(former, Literal):
                aliases.add(Alias(_text(former), _lang(former), "former"))
                continue
            start = _date(graph.value(former, BL.validFrom))
            end = _date(graph.value(former, BL.validTo))
            for lit in graph.objects(former, RDFS.label):
                aliases.add(Alias(_text(lit), _lang(lit), "former", start, end))
        wikidata = None
        for same in sorted(str(o) for o in graph.objects(subj, OWL.sameAs)):
            for prefix in _WIKIDATA_PREFIXES:
                if same.startswith(prefix):
                    wikidata = same[len(prefix) :]
                    break
            if wikidata:
                break
        country = None
        for obj in sorted(str(o) for o in graph.objects(subj, BL.country)):
            country = key_of(obj)
            if country:
                break
        tenures = []
        for node in graph.objects(subj, BL.tenure):
            if not isinstance(node, (BNode, URIRef)):
                continue
            titles = sorted(graph.objects(node, BL.title), key=lambda t: (_lang(t) != PIVOT, str(t)))
            if not titles:
                continue
            org_node = graph.value(node, BL.ofOrganization)
            tenures.append(
                Tenure(
                    title_en=_text(titles[0]),
                    org=key_of(str(org_node)) if org_node is not None else None,
                    start=_date(graph.value(node, BL.startDate)),
                    end=_date(graph.value(node, BL.endDate)),
                )
            )
        tenures.sort(key=lambda t: (t.start or "", t.end or "9999", t.title_en, t.org or ""))
        alone = graph.value(subj, BL.surnameAlone)
        out.append(
            KBEntry(
                key=key,
                cls=cls,
                labels=_sorted_labels(labels),
                aliases=tuple(
                    sorted(
                        aliases,
                        key=lambda a: (
                            _KIND_ORDER.get(a.kind, 9),
                            _LANG_ORDER.get(a.lang, 9),
                            a.lang,
                            a.text.casefold(),
                            a.text,
                            a.valid_from or "",
                            a.valid_to or "",
                        ),
                    )
                ),
                wikidata=wikidata,
                country=country,
                tenures=tuple(tenures),
                surname_alone=not (isinstance(alone, Literal) and alone.toPython() is False),
            )
        )
    return tuple(out)


# --------------------------------------------------------------------------- disk cache
def _cache_dir() -> Path | None:
    if os.environ.get(ENV_CACHE, "1").strip().lower() in {"0", "off", "no", "false"}:
        return None
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "bilat"


def _cache_file(sig: _Signature) -> Path | None:
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        me = Path(__file__).stat()
        stamp = (me.st_mtime_ns, me.st_size)
    except OSError:
        stamp = (0, 0)
    digest = hashlib.sha256(json.dumps([_CACHE_VERSION, stamp, sig]).encode()).hexdigest()[:20]
    return folder / f"kb-{digest}.json"


def _read_cache(path: Path | None) -> tuple[KBEntry, ...] | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple(KBEntry.from_dict(d) for d in data["entries"])
    except Exception as exc:  # a corrupt cache is only a cache
        log.debug("ignoring knowledge base cache %s: %s", path, exc)
        return None


def _write_cache(path: Path | None, entries: tuple[KBEntry, ...]) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(
            {"version": _CACHE_VERSION, "entries": [e.to_dict() for e in entries]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        fd, tmp = tempfile.mkstemp(prefix=".kb-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
        # keep the folder small: the newest few knowledge-base caches only
        old = sorted(path.parent.glob("kb-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[8:]:
            stale.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot write knowledge base cache %s: %s", path, exc)


@functools.lru_cache(maxsize=8)
def _load(sig: _Signature) -> tuple[KBEntry, ...]:
    cache = _cache_file(sig)
    entries = _read_cache(cache)
    if entries is None:
        entries = _entries_from_graph(_graph_for(sig))
        _write_cache(cache, entries)
    return entries


# --------------------------------------------------------------------------- public API
def load_kb(paths: Iterable[Path | str] | None = None) -> tuple[KBEntry, ...]:
    """Every knowledge-base entry, sorted by key.

    ``paths``: Turtle files or folders to read instead of the default (the project's ``kb/``
    plus ``$BILAT_KB_EXTRA``). A Turtle syntax error raises ``ValueError`` naming the file and
    line. Results are cached; a changed file (size or mtime) is re-read.
    """
    return _load(_signature(kb_files(paths)))


def clear_cache() -> None:
    """Forget the in-memory caches (the disk cache is keyed by file stamps and stays valid)."""
    _load.cache_clear()
    _graph_for.cache_clear()


def entries_by_key(paths: Iterable[Path | str] | None = None) -> dict[str, KBEntry]:
    """``load_kb`` as a dict keyed by entry key."""
    return {e.key: e for e in load_kb(paths)}


__all__ = [
    "BL",
    "ID",
    "WD",
    "DEFAULT_DIR",
    "ENV_EXTRA",
    "KBError",
    "slugify",
    "key_of",
    "kb_files",
    "kb_graph",
    "load_kb",
    "entries_by_key",
    "clear_cache",
]
