"""Read input files and folders into :class:`~bilat.extract.records.Document` records.

``read_paths`` never raises for bad input: every file, line or record it cannot use becomes a
:class:`Problem` (one line, naming the file and, for ``.jsonl``, the line), yielded in reading
order between the documents, and the reading goes on.

Inputs (``CONTRACT.md``, section "Input"):

- ``.txt`` / ``.md``: one document per file; the whole file is the text. For ``.md`` a leading
  ``# Title`` line also gives the title (the text keeps it).
- ``.html`` / ``.htm``: the article text is extracted with trafilatura in its precision mode
  (menus, footers, share buttons, comments removed; lines right-stripped); title, date
  (``article:published_time``, JSON-LD, ``<time>``: the published date, not the modified one;
  no guessing from the body text), canonical URL and site name (as ``source``) come from the
  page metadata. A page with no article text is a Problem. A ``<meta charset>`` is honoured
  when the bytes are not UTF-8.
- ``.jsonl``: one JSON object per line, ``{"id", "text", "title"?, "date"?, "url"?, "lang"?,
  "source"?}``; blank lines are skipped; a bad line is a Problem with its 1-based line number.
- ``.json``: one such object, a list of them, or a gold-annotation file (``eval/GOLD_FORMAT``:
  keys id/text/lang/date/title/url/outlet; ``outlet`` is read as ``source``; other keys are
  ignored). A single object without ``id`` takes the file's id.
- Sidecar metadata: ``NAME.meta.json`` beside ``NAME.txt`` / ``.md`` / ``.html`` / ``.htm`` holds
  a JSON object with any of title/date/url/lang/source (``outlet`` too); its values override
  what the page itself says. A sidecar is never read as a document; one without a matching
  document file is a Problem.

Document ids: for files found in a folder, the path relative to that folder (POSIX separators)
without the extension (``2021/tass-001``); for a file given directly, its stem. ``.json`` and
``.jsonl`` records carry their own ids. A second document with an id already read in the same
call is a Problem (it would overwrite the first one's graph).

Folders are walked recursively in sorted order; hidden entries (``.git``, ``.DS_Store``) and
files with other extensions are skipped silently; symlinked folders are not followed. A path
given explicitly that is missing or has another extension is a Problem. Extensions are matched
case-insensitively.

Decoding: a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); otherwise UTF-16 without BOM is
recognised by its NUL pattern, then strict UTF-8, then UTF-8 with a few invalid bytes (at most
one for every :data:`UTF8_BAD_RATIO` valid non-ASCII characters: each replaced by U+FFFD and
reported in a :class:`Notice` naming its byte and line), then an 8-bit Cyrillic check
(Windows-1251, or KOI8-R when the case pattern says so), then Windows-1252 for Latin text, then
charset-normalizer's guess. NUL bytes or control characters mean "binary file"; no text means
"empty file". All text (files and JSON strings alike) is normalized by :func:`normalize_text`:
newlines to ``\\n``, BOM, control and invisible format characters (bidirectional controls,
zero-width spaces and joiners, soft hyphens) removed, NFC.

Size: a document larger than the limit given to :func:`read_paths` (``bilat ingest
--max-size``, ``$BILAT_MAX_SIZE``, default :data:`MAX_DOCUMENT_BYTES`) is a Problem, told
before the file is read.

Ids are normalized to safe IRI path segments by :func:`normalize_id` (empty, ``.`` and ``..``
segments resolved as a path would be, invisible characters removed); a changed id is told in
a :class:`Notice`.

Dates: ISO ``YYYY-MM-DD``; a full ISO timestamp (``2021-11-09T10:00:00+03:00``) is accepted
and cut to its date. Languages given in the input must be ``en`` or ``ru`` (``EN``, ``en-US``,
``english`` are read as ``en``); language detection itself is :mod:`bilat.extract.language`.

This module walks the paths and folders (:func:`read_paths`) and re-exports the public names of
the modules that do the rest: :mod:`~bilat.extract.readers` (one reader per kind of file),
:mod:`~bilat.extract.html_text` (trafilatura), :mod:`~bilat.extract.encoding` (bytes to
normalized text), :mod:`~bilat.extract.docfields` (record fields, ids, dates, languages, the
size limit), :mod:`~bilat.extract.problems` (Problem, Notice).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

# The public names of reading, from the modules that hold them (one job each):
from bilat.extract.docfields import (
    LANGUAGES,
    MAX_DOCUMENT_BYTES,
    max_document_bytes,
    normalize_id,
    normalize_lang,
    parse_date,
    parse_size,
)
from bilat.extract.encoding import UTF8_BAD_RATIO, DecodeError, decode_bytes, normalize_text
from bilat.extract.html_text import extract_html
from bilat.extract.problems import Notice, Problem
from bilat.extract.readers import (
    EXT_LIST,
    EXTENSIONS,
    HTML_EXTENSIONS,
    JSON_EXTENSIONS,
    SIDECAR_SUFFIX,
    STREAM_BYTES,
    STREAM_JSONL_BYTES,
    TEXT_EXTENSIONS,
    extension,
    read_file,
    stream_jsonl,
)
from bilat.extract.records import Document
from bilat.extract.seen import SeenIds

STDIN = "-"  # a path that means: JSON lines from standard input


def _is_sidecar(name: str) -> bool:
    return name.endswith(SIDECAR_SUFFIX) and len(name) > len(SIDECAR_SUFFIX)


def _sidecar_owner(path: Path) -> Path | None:
    """The document file a ``NAME.meta.json`` belongs to (``NAME.txt`` etc.), if it exists."""
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    try:
        names = sorted(os.listdir(path.parent))
    except OSError:
        return None
    for name in names:
        if name.startswith(stem) and name[len(stem) :].lower() in TEXT_EXTENSIONS + HTML_EXTENSIONS:
            return path.with_name(name)
    return None


def _orphan_sidecar(path: Path) -> Problem:
    stem = path.name[: -len(SIDECAR_SUFFIX)]
    return Problem(
        str(path), None, f"metadata file without a document: no {stem}.txt, .md, .html or .htm beside it"
    )


def _walk(root: Path) -> list[tuple[str, ...]]:
    """Relative paths (as part tuples) of the input files and sidecars under ``root``, sorted."""
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = Path(dirpath).relative_to(root).parts
        for name in filenames:
            if name.startswith("."):
                continue
            if _is_sidecar(name) or extension(name) in EXTENSIONS:
                found.append(rel + (name,))
    found.sort()
    return found


def _iter_paths(paths: Sequence[str | Path], limit: int | None = None) -> Iterator[Document | Problem]:
    seen: set[Path] = set()
    for given in paths:
        if str(given) == STDIN:
            import sys

            yield from stream_jsonl(sys.stdin.buffer, "<stdin>", limit)
            continue
        root = Path(given)
        if not root.exists():
            yield Problem(str(given), None, "no such file or directory")
            continue
        if root.is_dir():
            found = _walk(root)
            if not any(not _is_sidecar(parts[-1]) for parts in found):
                yield Problem(str(given), None, f"no input files ({EXT_LIST}) in this folder")
            for parts in found:
                path = root.joinpath(*parts)
                key = path.resolve()
                if key in seen:
                    continue
                seen.add(key)
                if _is_sidecar(parts[-1]):
                    if _sidecar_owner(path) is None:
                        yield _orphan_sidecar(path)
                    continue
                stem = parts[-1][: len(parts[-1]) - len(extension(parts[-1]))]
                doc_id = "/".join(parts[:-1] + (stem,))
                yield from read_file(path, doc_id, limit)
            continue
        if not root.is_file():
            yield Problem(str(given), None, "not a regular file or folder")
            continue
        key = root.resolve()
        if key in seen:
            continue
        seen.add(key)
        if _is_sidecar(root.name):
            if _sidecar_owner(root) is None:
                yield _orphan_sidecar(root)
            continue  # read together with its document
        ext = extension(root.name)
        if ext not in EXTENSIONS:
            yield Problem(
                str(given), None, f"unsupported file type {ext or '(no extension)'!r} (expected {EXT_LIST})"
            )
            continue
        yield from read_file(root, root.name[: len(root.name) - len(ext)], limit)


def read_paths(paths: Sequence[str | Path], *, max_bytes: int | None = None) -> Iterator[Document | Problem]:
    """Documents and Problems from files and folders, in a deterministic order; a
    :class:`Notice` (a Problem that skips nothing) comes before the document it is about.

    Never raises for bad input. A document whose id was already read in this call is a
    Problem ("duplicate id") and is skipped; so is a document of more than ``max_bytes``
    bytes of UTF-8 text (0 or None: no limit).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen = SeenIds()  # id → (path, line), in flat memory however many documents
    try:
        for item in _iter_paths(paths, max_bytes or None):
            if isinstance(item, Document):
                first = seen.first(item.id)
                if first is not None:
                    path, line = first
                    where = f"{path or '?'}:{line}" if line is not None else (path or "?")
                    yield Problem(
                        item.path or "?", item.line, f"duplicate id {item.id!r} (already read from {where})"
                    )
                    continue
                seen.add(item.id, item.path, item.line)
            yield item
    finally:
        seen.close()


def read_documents(paths: Sequence[str | Path]) -> tuple[list[Document], list[Problem]]:
    """``read_paths`` collected into (documents, problems); notices are among the problems."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in read_paths(paths):
        (docs if isinstance(item, Document) else problems).append(item)  # type: ignore[arg-type]
    return docs, problems


__all__ = [
    "Problem",
    "Notice",
    "DecodeError",
    "read_paths",
    "read_documents",
    "decode_bytes",
    "normalize_text",
    "normalize_id",
    "parse_date",
    "normalize_lang",
    "extract_html",
    "parse_size",
    "max_document_bytes",
    "stream_jsonl",
    "extension",
    "EXTENSIONS",
    "TEXT_EXTENSIONS",
    "HTML_EXTENSIONS",
    "JSON_EXTENSIONS",
    "SIDECAR_SUFFIX",
    "STDIN",
    "STREAM_BYTES",
    "STREAM_JSONL_BYTES",
    "UTF8_BAD_RATIO",
    "LANGUAGES",
    "MAX_DOCUMENT_BYTES",
]
