"""Readers, one per kind of input file: ``.txt``/``.md`` (with their ``.meta.json`` sidecars),
``.html``/``.htm``, ``.jsonl``/``.jsonl.gz`` (and any binary stream of JSON lines: standard
input), ``.json``. Each yields Documents and Problems and never raises for bad input;
:func:`read_file` picks the reader by the file's :func:`extension`."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilat.extract.docfields import BadRecord, doc_from_object, json_type, metadata, too_large
from bilat.extract.encoding import BOMS, CHARSET_RE, SAMPLE, DecodeError, decode_bytes, normalize_text
from bilat.extract.html_text import extract_html
from bilat.extract.problems import Notice, Problem, notices
from bilat.extract.records import Document

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".jsonl", ".json", ".jsonl.gz")
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS
#: ``.jsonl`` files larger than this are read line by line (UTF-8 or UTF-16 with a BOM), as
#: ``.jsonl.gz`` and standard input always are; smaller ones are decoded whole (any encoding).
STREAM_BYTES = 16 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"

EXT_LIST = ".txt, .md, .html, .htm, .jsonl, .jsonl.gz or .json"


def extension(name: str) -> str:
    """The input extension of a file name, lowercased: ``.jsonl.gz`` counts as one.

    >>> [extension(n) for n in ("a.TXT", "b.jsonl.gz", "c.gz", "d")]
    ['.txt', '.jsonl.gz', '.gz', '']
    """
    low = name.lower()
    if low.endswith(".jsonl.gz") and len(low) > len(".jsonl.gz"):
        return ".jsonl.gz"
    return os.path.splitext(low)[1]


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _decoded(path: Path, notes: list[str], *, sniff_charset: bool = False) -> str | Problem:
    """The file's text (``notes`` gets what decoding noticed), or one :class:`Problem` naming the
    file. ``sniff_charset``: an HTML page's own ``<meta charset>`` is the declared encoding."""
    try:
        data = _read_bytes(path)
        m = CHARSET_RE.search(data[:4096]) if sniff_charset else None
        return decode_bytes(data, declared=m.group(1).decode("ascii") if m else None, notes=notes)
    except OSError as e:
        return Problem(str(path), None, _os_message(e))
    except DecodeError as e:
        return Problem(str(path), None, str(e))


def _os_message(e: OSError) -> str:
    return f"cannot read: {e.strerror or e}"


def _sidecar_of(path: Path) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)


def _read_sidecar(path: Path) -> dict[str, str | None] | Problem | None:
    side = _sidecar_of(path)
    if not side.is_file():
        return None
    try:
        obj = json.loads(decode_bytes(_read_bytes(side)))
    except OSError as e:
        return Problem(str(side), None, _os_message(e))
    except DecodeError as e:
        return Problem(str(side), None, str(e))
    except json.JSONDecodeError as e:
        return Problem(str(side), e.lineno, f"invalid JSON: {e.msg} (column {e.colno})")
    if not isinstance(obj, dict):
        return Problem(str(side), None, f"metadata must be a JSON object, got {json_type(obj)}")
    try:
        meta = metadata(obj)
    except BadRecord as e:
        return Problem(str(side), None, str(e))
    return {k: v for k, v in meta.items() if v is not None}


_MD_TITLE_RE = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")


def _size_problem(path: Path, limit: int | None) -> Problem | None:
    """A file too large to be one document, told before it is read."""
    if not limit:
        return None
    try:
        size = path.stat().st_size
    except OSError as e:
        return Problem(str(path), None, _os_message(e))
    return Problem(str(path), None, too_large(size, limit)) if size > limit else None


def _read_text_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    meta = _read_sidecar(path)
    if isinstance(meta, Problem):
        yield meta
        return
    big = _size_problem(path, limit)
    if big is not None:
        yield big
        return
    notes: list[str] = []
    text = _decoded(path, notes)
    if isinstance(text, Problem):
        yield text
        return
    yield from notices(str(path), None, notes)
    title = None
    if path.suffix.lower() == ".md":
        first = next((ln for ln in text.split("\n") if ln.strip()), "")
        m = _MD_TITLE_RE.fullmatch(first.strip())
        if m:
            title = m.group(1).strip() or None
    fields: dict[str, Any] = {"title": title}
    fields.update(meta or {})
    yield Document(id=doc_id, text=text, path=str(path), **fields)


def _read_html_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    meta = _read_sidecar(path)
    if isinstance(meta, Problem):
        yield meta
        return
    # the page's markup is not the article: allow it a few times the document limit
    big = _size_problem(path, limit and 4 * limit)
    if big is not None:
        yield big
        return
    notes: list[str] = []
    html = _decoded(path, notes, sniff_charset=True)
    if isinstance(html, Problem):
        yield html
        return
    yield from notices(str(path), None, notes)
    try:
        page = extract_html(html, url=(meta or {}).get("url"))
    except Exception as e:  # lxml/trafilatura failures on malformed pages
        yield Problem(str(path), None, f"cannot parse HTML: {e}".split("\n")[0])
        return
    if page is None:
        yield Problem(str(path), None, "no article text found in the page")
        return
    fields: dict[str, Any] = {k: v for k, v in page.items() if k != "text"}
    fields.update(meta or {})
    yield Document(id=doc_id, text=page["text"], path=str(path), **fields)


def _decode_jsonl(data: bytes, path: str) -> tuple[list[tuple[int, str]], list[Problem]]:
    """Lines of a JSONL file as (1-based number, text); lines that are not valid UTF-8 in an
    otherwise UTF-8 file become Problems (a wholly 8-bit file is decoded as one text)."""
    has_bom = any(data.startswith(bom) for bom, _, _ in BOMS)
    if not has_bom and b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raw_lines = data.split(b"\n")
            bad = []
            for i, raw in enumerate(raw_lines, 1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    bad.append((i, e.start))
            non_ascii = sum(1 for raw in raw_lines if not raw.isascii())
            if len(bad) < non_ascii:  # mostly UTF-8: only the bad lines are reported
                problems = [Problem(path, i, f"invalid UTF-8 at column {col + 1}") for i, col in bad]
                bad_set = {i for i, _ in bad}
                lines = [
                    (i, normalize_text(raw.decode("utf-8")))
                    for i, raw in enumerate(raw_lines, 1)
                    if i not in bad_set
                ]
                return lines, problems
    text = decode_bytes(data)  # raises DecodeError
    return list(enumerate(text.split("\n"), 1)), []


def _jsonl_record(line: str, p: str, number: int, limit: int | None = None) -> list[Document | Problem]:
    """The items of one JSON line: Notices about it, then its Document; or one Problem; or
    nothing for a blank line."""
    if not line.strip():
        return []
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return [Problem(p, number, f"invalid JSON: {e.msg} (column {e.colno})")]
    notes: list[str] = []
    try:
        doc = doc_from_object(obj, path=p, line=number, notes=notes, limit=limit)
    except BadRecord as e:
        return [Problem(p, number, str(e))]
    return [*notices(p, number, notes), doc]


def stream_jsonl(f, p: str, limit: int | None = None) -> Iterator[Document | Problem]:
    """Documents of a binary stream of JSON lines, read one line at a time (memory flat
    whatever its length): UTF-8 (a BOM is dropped), or UTF-16/32 when a BOM says so; a line
    that is not valid UTF-8 is a Problem and the reading goes on."""
    import io

    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    lines: Iterator = iter(f)
    wide = next(
        ((codec, len(bom)) for bom, codec, _ in BOMS if head.startswith(bom) and codec != "utf-8"), None
    )
    if wide is not None:
        f.read(wide[1])
        lines = iter(io.TextIOWrapper(f, encoding=wide[0], newline=None))
    any_line = False
    for number, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                any_line = True
                yield Problem(p, number, f"invalid UTF-8 at column {e.start + 1}")
                continue
        items = _jsonl_record(normalize_text(raw), p, number, limit)
        if items:
            any_line = True
            yield from items
    if not any_line:
        yield Problem(p, None, "empty file" if p != "<stdin>" else "no documents on standard input")


def _stream_jsonl_file(path: Path, limit: int | None = None) -> Iterator[Document | Problem]:
    import gzip

    p = str(path)
    try:
        if extension(path.name) == ".jsonl.gz":
            f = gzip.open(path, "rb")
        else:
            f = open(path, "rb")
    except OSError as e:
        yield Problem(p, None, _os_message(e))
        return
    with f:
        try:
            yield from stream_jsonl(f, p, limit)
        except (OSError, EOFError, gzip.BadGzipFile) as e:  # truncated or corrupt .gz
            yield Problem(p, None, f"cannot read: {e}")


STREAM_JSONL_BYTES = STREAM_BYTES  # a larger .jsonl file is read line by line (bounded memory)


def _streamable(path: Path) -> bool:
    """Whether a large .jsonl file can be read line by line: no byte order mark but UTF-8's, no
    NUL in its head, and its lines (mostly) UTF-8. One pass, in bounded memory."""
    with open(path, "rb") as f:
        head = f.read(SAMPLE)
        if b"\x00" in head or any(head.startswith(b) for b, _, _ in BOMS[1:]):
            return False
        f.seek(0)
        bad = non_ascii = 0
        for raw in f:
            if not raw.isascii():
                non_ascii += 1
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    bad += 1
    return bad == 0 or bad < non_ascii - bad


def _read_jsonl_file(path: Path, limit: int | None = None) -> Iterator[Document | Problem]:
    p = str(path)
    try:
        if extension(path.name) == ".jsonl.gz" or (
            path.stat().st_size > STREAM_JSONL_BYTES and _streamable(path)
        ):
            yield from _stream_jsonl_file(path, limit)
            return
    except OSError as e:
        yield Problem(p, None, _os_message(e))
        return
    try:
        lines, problems = _decode_jsonl(_read_bytes(path), p)
    except OSError as e:
        yield Problem(p, None, _os_message(e))
        return
    except DecodeError as e:
        yield Problem(p, None, str(e))
        return
    pending = sorted(problems, key=lambda pr: pr.line or 0)
    any_line = False
    for item in lines:
        if isinstance(item, Problem):
            any_line = True
            yield item
            continue
        number, line = item
        while pending and (pending[0].line or 0) < number:
            yield pending.pop(0)
        if not line.strip():
            continue
        any_line = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(p, number, f"invalid JSON: {e.msg} (column {e.colno})")
            continue
        notes: list[str] = []
        try:
            doc = doc_from_object(obj, path=p, line=number, notes=notes, limit=limit)
        except BadRecord as e:
            yield Problem(p, number, str(e))
            continue
        yield from notices(p, number, notes)
        yield doc
    yield from pending
    if not any_line and not problems:
        yield Problem(p, None, "empty file")


def _read_json_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    p = str(path)
    notes: list[str] = []
    text = _decoded(path, notes)
    if isinstance(text, Problem):
        yield text
        return
    yield from notices(p, None, notes)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield Problem(p, e.lineno, f"invalid JSON: {e.msg} (column {e.colno})")
        return
    if isinstance(obj, dict):
        if "text" not in obj:
            yield Problem(
                p, None, "not a document: expected an object with 'id' and 'text', or a list of them"
            )
            return
        try:
            doc = doc_from_object(obj, path=p, line=None, default_id=doc_id, notes=notes, limit=limit)
        except BadRecord as e:
            yield Problem(p, None, str(e))
            return
        yield from notices(p, None, notes)
        yield doc
    elif isinstance(obj, list):
        if not obj:
            yield Problem(p, None, "empty list: no documents")
        for n, item in enumerate(obj, 1):
            try:
                doc = doc_from_object(item, path=p, line=None, notes=notes, limit=limit)
            except BadRecord as e:
                yield Problem(p, None, f"item {n}: {e}")
                continue
            for note in notes:
                yield Notice(p, None, f"item {n}: {note}")
            notes.clear()
            yield doc
    else:
        yield Problem(p, None, f"not a document: expected a JSON object or a list, got {json_type(obj)}")


def read_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    ext = extension(path.name)
    if ext in TEXT_EXTENSIONS:
        yield from _read_text_file(path, doc_id, limit)
    elif ext in HTML_EXTENSIONS:
        yield from _read_html_file(path, doc_id, limit)
    elif ext in (".jsonl", ".jsonl.gz"):
        yield from _read_jsonl_file(path, limit)
    else:
        yield from _read_json_file(path, doc_id, limit)


__all__ = [
    "EXTENSIONS",
    "EXT_LIST",
    "HTML_EXTENSIONS",
    "JSON_EXTENSIONS",
    "SIDECAR_SUFFIX",
    "STREAM_BYTES",
    "STREAM_JSONL_BYTES",
    "TEXT_EXTENSIONS",
    "extension",
    "read_file",
    "stream_jsonl",
]
