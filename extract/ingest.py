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
"""

from __future__ import annotations

import codecs
import datetime as _dt
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.extract import languages
from bilat.extract.records import Document
from bilat.extract.text import strip_invisible

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".jsonl", ".json", ".jsonl.gz")
EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS
STDIN = "-"  # a path that means: JSON lines from standard input
#: ``.jsonl`` files larger than this are read line by line (UTF-8 or UTF-16 with a BOM), as
#: ``.jsonl.gz`` and standard input always are; smaller ones are decoded whole (any encoding).
STREAM_BYTES = 16 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"
LANGUAGES = languages.codes()  # the profiles of extract/data/<lang>/

_EXT_LIST = ".txt, .md, .html, .htm, .jsonl, .jsonl.gz or .json"


def extension(name: str) -> str:
    """The input extension of a file name, lowercased: ``.jsonl.gz`` counts as one.

    >>> [extension(n) for n in ("a.TXT", "b.jsonl.gz", "c.gz", "d")]
    ['.txt', '.jsonl.gz', '.gz', '']
    """
    low = name.lower()
    if low.endswith(".jsonl.gz") and len(low) > len(".jsonl.gz"):
        return ".jsonl.gz"
    return os.path.splitext(low)[1]


@dataclass(frozen=True)
class Problem:
    """Something in the input that could not be used: shown as ``path:line: message``."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}: {self.message}"
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Notice(Problem):
    """Something the user should know about input that was read all the same (bytes
    replaced, an id changed); the document follows it. Shown as ``path:line: warning: …``."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: warning: {self.message}"


MAX_DOCUMENT_BYTES = 16 << 20  # 16 MiB


def parse_size(text: str) -> int:
    """A size in bytes from ``"16M"``, ``"500k"``, ``"2GB"``, ``"1048576"`` (K, M, G are
    1024-based); ``"0"`` means no limit. Raises ValueError with a one-line message.

    >>> parse_size("16M"), parse_size("500 kb"), parse_size("12")
    (16777216, 512000, 12)
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", str(text), re.I)
    if m is None:
        raise ValueError(f"not a size: {text!r} (bytes, or a number with K, M or G)")
    scale = 1024 ** " kmgt".index(m.group(2).lower() or " ")
    return int(float(m.group(1)) * scale)


def max_document_bytes() -> int:
    """The size limit of a document: ``$BILAT_MAX_SIZE`` or :data:`MAX_DOCUMENT_BYTES`."""
    value = os.environ.get("BILAT_MAX_SIZE")
    if not value:
        return MAX_DOCUMENT_BYTES
    try:
        return parse_size(value)
    except ValueError as e:
        raise ValueError(f"$BILAT_MAX_SIZE: {e}") from None


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large: {_mb(size)}, more than the limit of {_mb(limit)} per document "
        f"(raise it with --max-size or $BILAT_MAX_SIZE)"
    )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{n:,} bytes"


class DecodeError(ValueError):
    """Bytes that are not usable text; the message is the Problem message."""


class _BadRecord(ValueError):
    """A JSON record that is not a valid document; the message is the Problem message."""


# --------------------------------------------------------------------------------------------
# Text normalization and decoding
# --------------------------------------------------------------------------------------------

# C0/C1 control characters other than tab and newline (\v, \f, NEL and the Unicode line and
# paragraph separators become newlines).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, a leading BOM, control characters and invisible format characters
    (:func:`~bilat.extract.text.strip_invisible`) removed, lone surrogates replaced by U+FFFD,
    NFC. Tabs and all other characters are kept as they are."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_BREAKS)
    text = _CONTROL_RE.sub("", text)
    text = strip_invisible(text)
    text = _SURROGATE_RE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_SAMPLE = 65536
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_bytes(data: bytes, *, declared: str | None = None, notes: list[str] | None = None) -> str:
    """Decode a file's bytes into normalized text, or raise :class:`DecodeError`.

    ``declared`` is an encoding the file names itself (an HTML ``<meta charset>``); it is used
    only when the bytes are not valid UTF-8. What the user should know about the decoding
    (invalid bytes replaced) is appended to ``notes``.
    """
    if not data:
        raise DecodeError("empty file")
    notes = [] if notes is None else notes
    told = len(notes)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise DecodeError(
                    f"invalid {label} at byte {e.start + len(bom)} (the file starts with a "
                    f"{label} byte order mark)"
                ) from None
            break
    else:
        text = _decode_unmarked(data, declared, notes)
    # (invalid UTF-8 bytes replaced and told are few by construction: not a sign of binary)
    if _looks_binary(text, count_replacements=len(notes) == told):
        raise DecodeError("binary file")
    text = normalize_text(text)
    if not text.strip():
        raise DecodeError("empty file")
    return text


UTF8_BAD_RATIO = 4  # valid non-ASCII UTF-8 characters needed per invalid byte to trust UTF-8
_SHOWN = 5  # invalid bytes named in a notice


def _utf8_despite(data: bytes, notes: list[str]) -> str | None:
    """Text that is UTF-8 but for a few invalid bytes (a damaged download, a stray byte of
    another encoding): decoded as UTF-8, each invalid byte replaced by U+FFFD and named in a
    note. None when the bytes are not that (another encoding: almost no valid sequences)."""
    leads = sum(data.count(b) for b in range(0xC2, 0xF5))  # bytes that start a character
    if not leads:
        return None
    text = data.decode("utf-8", errors="surrogateescape")  # an invalid byte → one surrogate
    bad = [m.start() for m in _SURROGATE_RE.finditer(text)]
    if not bad or (leads - len(bad)) < UTF8_BAD_RATIO * len(bad):
        return None
    where = []
    for i in bad[:_SHOWN]:
        byte = len(text[:i].encode("utf-8", errors="surrogateescape"))
        where.append(f"byte {byte} (line {text.count(chr(10), 0, i) + 1})")
    more = f" and {len(bad) - _SHOWN} more" if len(bad) > _SHOWN else ""
    s = "s" if len(bad) > 1 else ""
    notes.append(f"invalid UTF-8 at {', '.join(where)}{more}: read as UTF-8, the byte{s} replaced by U+FFFD")
    return _SURROGATE_RE.sub("\ufffd", text)


def _decode_unmarked(data: bytes, declared: str | None, notes: list[str]) -> str:
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
        raise DecodeError("binary file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _utf8_despite(data, notes)
    if text is not None:
        return text
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.01:
        raise DecodeError("binary file")
    if declared:
        try:
            codec = codecs.lookup(declared.strip().lower()).name
        except LookupError:
            codec = None
        if codec is not None and codec not in ("utf-8", "utf-16", "utf-32"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    return _decode_8bit(data)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs (the high bytes of ASCII characters) on one side only, and
    the decoded sample is text (no control characters, mostly letters and spaces)."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 16 or len(data) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.1 and even == 0:
        codec = "utf-16-le"
    elif even > half * 0.1 and odd == 0:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(codec, errors="strict" if len(sample) == len(data) else "ignore")
    except UnicodeDecodeError:
        return None
    if any(ch < " " and ch not in "\t\n\r" for ch in text):
        return None
    wordy = sum(1 for ch in text if ch.isalpha() or ch.isspace())
    return codec if wordy >= 0.5 * len(text) else None


def _letter_counts(text: str) -> tuple[int, int, int]:
    """(Cyrillic letters, uppercase Cyrillic letters, Latin letters) in ``text``."""
    cyr = upper = lat = 0
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            if ch.isalpha():
                cyr += 1
                if ch.isupper():
                    upper += 1
        elif ch.isascii():
            if ch.isalpha():
                lat += 1
        elif ch.isalpha() and "LATIN" in unicodedata.name(ch, ""):
            lat += 1
    return cyr, upper, lat


def _decode_8bit(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:  # byte 0x98 is the only one cp1251 leaves undefined
        text = None
    if text is not None:
        cyr, upper, lat = _letter_counts(text[:_SAMPLE])
        if cyr and cyr >= 0.3 * (cyr + lat):
            # Cyrillic either way: KOI8-R puts lowercase where cp1251 puts uppercase, and
            # running text is mostly lowercase.
            if upper > 0.6 * cyr:
                koi = data.decode("koi8-r")
                kcyr, kupper, _ = _letter_counts(koi[:_SAMPLE])
                if kcyr and kupper < 0.4 * kcyr:
                    return koi
            return text
    try:
        # Latin text with a few 8-bit characters (smart quotes, accented letters).
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 4 * _SAMPLE]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError, ImportError):
        pass
    raise DecodeError("cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1251)")


def _looks_binary(text: str, count_replacements: bool = True) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if (ch < " " and ch not in "\t\n\r\x0c\x0b") or (ch == "\ufffd" and count_replacements)
    )
    return bad > max(2, len(sample) * 0.01)


# --------------------------------------------------------------------------------------------
# Field validation
# --------------------------------------------------------------------------------------------

_DATE_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_date(value: Any) -> str | None:
    """An ISO date ``YYYY-MM-DD`` (or a timestamp starting with one) → ``YYYY-MM-DD``;
    None or "" → None; anything else raises ValueError with a one-line message."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'date' must be a string YYYY-MM-DD, got {_json_type(value)}")
    s = value.strip()
    if not s:
        return None
    m = _DATE_RE.fullmatch(s)
    if m:
        try:
            _dt.date.fromisoformat(m.group(1))
            return m.group(1)
        except ValueError:
            pass
    raise ValueError(f"'date' must be YYYY-MM-DD, got {value!r}")


def normalize_lang(value: str | None) -> str | None:
    """``EN``, ``en-US``, ``ru_RU``, ``english`` → ``en``/``ru``; other codes lowercased
    (primary subtag); blank → None."""
    if value is None:
        return None
    s = value.strip().lower().replace("_", "-")
    if not s:
        return None
    s = s.split("-", 1)[0]
    return languages.by_name().get(s, s)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadRecord(f"'{key}' must be a string, got {_json_type(value)}")
    value = normalize_text(value).strip()
    return value or None


def _metadata(obj: dict[str, Any]) -> dict[str, str | None]:
    """title/date/url/lang/source of a JSON object (``outlet`` stands in for ``source``)."""
    source = _opt_str(obj, "source")
    if source is None:
        source = _opt_str(obj, "outlet")
    try:
        date = parse_date(obj.get("date"))
    except ValueError as e:
        raise _BadRecord(str(e)) from None
    lang = normalize_lang(_opt_str(obj, "lang"))
    if lang is not None and lang not in LANGUAGES:
        expected = " or ".join(repr(c) for c in LANGUAGES)
        raise _BadRecord(f"unsupported language {lang!r} (expected {expected})")
    return {
        "title": _opt_str(obj, "title"),
        "date": date,
        "url": _opt_str(obj, "url"),
        "lang": lang,
        "source": source,
    }


def normalize_id(doc_id: str) -> str:
    """A document id as safe IRI path segments: NFC, invisible characters removed, empty and
    ``.`` segments dropped and ``..`` segments resolved as in a path (so that no IRI holds a
    dot segment that a resolver would remove); may give "" (no id).

    >>> normalize_id("../x"), normalize_id("/news//2021/./a"), normalize_id("a/b/../c")
    ('x', 'news/2021/a', 'a/c')
    """
    out: list[str] = []
    for seg in unicodedata.normalize("NFC", strip_invisible(doc_id)).split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if out:
                out.pop()
            continue
        out.append(seg)
    return "/".join(out)


def _doc_from_object(
    obj: Any,
    *,
    path: str,
    line: int | None,
    default_id: str | None = None,
    notes: list[str] | None = None,
    limit: int | None = None,
) -> Document:
    if not isinstance(obj, dict):
        raise _BadRecord(f"expected a JSON object, got {_json_type(obj)}")
    if "id" in obj and obj["id"] is not None:
        doc_id = obj["id"]
        if not isinstance(doc_id, str):
            raise _BadRecord(f"'id' must be a string, got {_json_type(doc_id)}")
        if not doc_id.strip():
            raise _BadRecord("'id' is empty")
        if (
            _CONTROL_RE.search(doc_id)
            or any(c in doc_id for c in "\r\n\t\x0b\x0c\x85")
            or _SURROGATE_RE.search(doc_id)
        ):
            raise _BadRecord("'id' holds control characters or invalid Unicode")
        safe = normalize_id(doc_id)
        if not safe.strip():
            raise _BadRecord(f"'id' {doc_id!r} is empty once its '.' and '..' segments are resolved")
        if safe != doc_id and notes is not None:
            notes.append(f"id {doc_id!r} is written {safe!r} (safe IRI segments)")
        doc_id = safe
    elif default_id is not None:
        doc_id = default_id
    else:
        raise _BadRecord("missing 'id'")
    if "text" not in obj or obj["text"] is None:
        raise _BadRecord("missing 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        raise _BadRecord(f"'text' must be a string, got {_json_type(text)}")
    if limit and len(text) > limit // 4 and len(text.encode("utf-8", "surrogatepass")) > limit:
        raise _BadRecord(f"'text' is {_too_large(len(text.encode('utf-8', 'surrogatepass')), limit)}")
    text = normalize_text(text)
    if not text.strip():
        raise _BadRecord("'text' is empty")
    return Document(id=doc_id, text=text, path=path, line=line, **_metadata(obj))


# --------------------------------------------------------------------------------------------
# Readers, one per kind of file
# --------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read()


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
        return Problem(str(side), None, f"metadata must be a JSON object, got {_json_type(obj)}")
    try:
        meta = _metadata(obj)
    except _BadRecord as e:
        return Problem(str(side), None, str(e))
    return {k: v for k, v in meta.items() if v is not None}


_MD_TITLE_RE = re.compile(r"#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")


def _notices(path: str, line: int | None, notes: list[str]) -> Iterator[Notice]:
    for note in notes:
        yield Notice(path, line, note)
    notes.clear()


def _size_problem(path: Path, limit: int | None) -> Problem | None:
    """A file too large to be one document, told before it is read."""
    if not limit:
        return None
    try:
        size = path.stat().st_size
    except OSError as e:
        return Problem(str(path), None, _os_message(e))
    return Problem(str(path), None, _too_large(size, limit)) if size > limit else None


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
    try:
        text = decode_bytes(_read_bytes(path), notes=notes)
    except OSError as e:
        yield Problem(str(path), None, _os_message(e))
        return
    except DecodeError as e:
        yield Problem(str(path), None, str(e))
        return
    yield from _notices(str(path), None, notes)
    title = None
    if path.suffix.lower() == ".md":
        first = next((ln for ln in text.split("\n") if ln.strip()), "")
        m = _MD_TITLE_RE.fullmatch(first.strip())
        if m:
            title = m.group(1).strip() or None
    fields: dict[str, Any] = {"title": title}
    fields.update(meta or {})
    yield Document(id=doc_id, text=text, path=str(path), **fields)


_quiet_done = False


def _quiet_html_loggers() -> None:
    """trafilatura and htmldate log warnings for ordinary pages; errors come back as Problems."""
    global _quiet_done
    if not _quiet_done:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logger = logging.getLogger(name)
            if logger.level == logging.NOTSET:
                logger.setLevel(logging.ERROR)
        _quiet_done = True


def extract_html(html: str, *, url: str | None = None) -> dict[str, str | None] | None:
    """Article text and metadata of an HTML page via trafilatura: a dict with text, title,
    date, url, source (site name), or None when the page has no extractable text."""
    import trafilatura  # slow to import; only needed for HTML input

    _quiet_html_loggers()
    # lxml refuses str input with an XML encoding declaration; the text is decoded already.
    html = re.sub(r"\A\s*<\?xml[^>]*\?>", "", html)
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,  # else its fallbacks return menus of pages without an article
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": _dt.date.today().isoformat(),
        },
    )
    if result is None:
        return None
    text = normalize_text(getattr(result, "text", None) or "")
    text = "\n".join(ln.rstrip() for ln in text.split("\n")).strip()
    if not text:
        return None

    def field(name: str) -> str | None:
        value = getattr(result, name, None)
        if not isinstance(value, str):
            return None
        value = normalize_text(value).strip()
        return value or None

    try:
        date = parse_date(field("date"))
    except ValueError:
        date = None
    return {
        "text": text,
        "title": field("title"),
        "date": date,
        "url": field("url"),
        "source": field("sitename"),
    }


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
    try:
        data = _read_bytes(path)
        m = _CHARSET_RE.search(data[:4096])
        html = decode_bytes(data, declared=m.group(1).decode("ascii") if m else None, notes=notes)
    except OSError as e:
        yield Problem(str(path), None, _os_message(e))
        return
    except DecodeError as e:
        yield Problem(str(path), None, str(e))
        return
    yield from _notices(str(path), None, notes)
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
    has_bom = any(data.startswith(bom) for bom, _, _ in _BOMS)
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
        doc = _doc_from_object(obj, path=p, line=number, notes=notes, limit=limit)
    except _BadRecord as e:
        return [Problem(p, number, str(e))]
    return [*_notices(p, number, notes), doc]


def stream_jsonl(f, p: str, limit: int | None = None) -> Iterator[Document | Problem]:
    """Documents of a binary stream of JSON lines, read one line at a time (memory flat
    whatever its length): UTF-8 (a BOM is dropped), or UTF-16/32 when a BOM says so; a line
    that is not valid UTF-8 is a Problem and the reading goes on."""
    import io

    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    lines: Iterator = iter(f)
    wide = next(
        ((codec, len(bom)) for bom, codec, _ in _BOMS if head.startswith(bom) and codec != "utf-8"), None
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
        head = f.read(_SAMPLE)
        if b"\x00" in head or any(head.startswith(b) for b, _, _ in _BOMS[1:]):
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
            doc = _doc_from_object(obj, path=p, line=number, notes=notes, limit=limit)
        except _BadRecord as e:
            yield Problem(p, number, str(e))
            continue
        yield from _notices(p, number, notes)
        yield doc
    yield from pending
    if not any_line and not problems:
        yield Problem(p, None, "empty file")


def _read_json_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    p = str(path)
    notes: list[str] = []
    try:
        text = decode_bytes(_read_bytes(path), notes=notes)
    except OSError as e:
        yield Problem(p, None, _os_message(e))
        return
    except DecodeError as e:
        yield Problem(p, None, str(e))
        return
    yield from _notices(p, None, notes)
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
            doc = _doc_from_object(obj, path=p, line=None, default_id=doc_id, notes=notes, limit=limit)
        except _BadRecord as e:
            yield Problem(p, None, str(e))
            return
        yield from _notices(p, None, notes)
        yield doc
    elif isinstance(obj, list):
        if not obj:
            yield Problem(p, None, "empty list: no documents")
        for n, item in enumerate(obj, 1):
            try:
                doc = _doc_from_object(item, path=p, line=None, notes=notes, limit=limit)
            except _BadRecord as e:
                yield Problem(p, None, f"item {n}: {e}")
                continue
            for note in notes:
                yield Notice(p, None, f"item {n}: {note}")
            notes.clear()
            yield doc
    else:
        yield Problem(p, None, f"not a document: expected a JSON object or a list, got {_json_type(obj)}")


def _read_file(path: Path, doc_id: str, limit: int | None = None) -> Iterator[Document | Problem]:
    ext = extension(path.name)
    if ext in TEXT_EXTENSIONS:
        yield from _read_text_file(path, doc_id, limit)
    elif ext in HTML_EXTENSIONS:
        yield from _read_html_file(path, doc_id, limit)
    elif ext in (".jsonl", ".jsonl.gz"):
        yield from _read_jsonl_file(path, limit)
    else:
        yield from _read_json_file(path, doc_id, limit)


# --------------------------------------------------------------------------------------------
# Paths and folders
# --------------------------------------------------------------------------------------------


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
                yield Problem(str(given), None, f"no input files ({_EXT_LIST}) in this folder")
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
                yield from _read_file(path, doc_id, limit)
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
                str(given), None, f"unsupported file type {ext or '(no extension)'!r} (expected {_EXT_LIST})"
            )
            continue
        yield from _read_file(root, root.name[: len(root.name) - len(ext)], limit)


def read_paths(paths: Sequence[str | Path], *, max_bytes: int | None = None) -> Iterator[Document | Problem]:
    """Documents and Problems from files and folders, in a deterministic order; a
    :class:`Notice` (a Problem that skips nothing) comes before the document it is about.

    Never raises for bad input. A document whose id was already read in this call is a
    Problem ("duplicate id") and is skipped; so is a document of more than ``max_bytes``
    bytes of UTF-8 text (0 or None: no limit).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    first: dict[str, tuple] = {}  # id → (path, line): small, the path string is shared
    for item in _iter_paths(paths, max_bytes or None):
        if isinstance(item, Document):
            if item.id in first:
                path, line = first[item.id]
                where = f"{path or '?'}:{line}" if line is not None else (path or "?")
                yield Problem(
                    item.path or "?", item.line, f"duplicate id {item.id!r} (already read from {where})"
                )
                continue
            first[item.id] = (item.path, item.line)
        yield item


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
    "EXTENSIONS",
    "SIDECAR_SUFFIX",
    "LANGUAGES",
    "MAX_DOCUMENT_BYTES",
]
