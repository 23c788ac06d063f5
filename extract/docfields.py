"""The fields of a document record: JSON objects (``.json``, ``.jsonl``, sidecars) validated
and normalized into a :class:`~bilat.extract.records.Document`; ids, dates, languages; the
size limit of a document. A record that is not valid raises :class:`BadRecord`, whose message
is the Problem message."""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from typing import Any

from bilat.extract import languages
from bilat.extract.encoding import CONTROL_RE, SURROGATE_RE, normalize_text
from bilat.extract.records import Document
from bilat.extract.text import strip_invisible

LANGUAGES = languages.codes()  # the profiles of extract/data/<lang>/

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


def too_large(size: int, limit: int) -> str:
    return (
        f"too large: {_mb(size)}, more than the limit of {_mb(limit)} per document "
        f"(raise it with --max-size or $BILAT_MAX_SIZE)"
    )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{n:,} bytes"


class BadRecord(ValueError):
    """A JSON record that is not a valid document; the message is the Problem message."""


_DATE_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_date(value: Any) -> str | None:
    """An ISO date ``YYYY-MM-DD`` (or a timestamp starting with one) → ``YYYY-MM-DD``;
    None or "" → None; anything else raises ValueError with a one-line message."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"'date' must be a string YYYY-MM-DD, got {json_type(value)}")
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


def json_type(value: Any) -> str:
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
        raise BadRecord(f"'{key}' must be a string, got {json_type(value)}")
    value = normalize_text(value).strip()
    return value or None


def metadata(obj: dict[str, Any]) -> dict[str, str | None]:
    """title/date/url/lang/source of a JSON object (``outlet`` stands in for ``source``)."""
    source = _opt_str(obj, "source")
    if source is None:
        source = _opt_str(obj, "outlet")
    try:
        date = parse_date(obj.get("date"))
    except ValueError as e:
        raise BadRecord(str(e)) from None
    lang = normalize_lang(_opt_str(obj, "lang"))
    if lang is not None and lang not in LANGUAGES:
        expected = " or ".join(repr(c) for c in LANGUAGES)
        raise BadRecord(f"unsupported language {lang!r} (expected {expected})")
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


def doc_from_object(
    obj: Any,
    *,
    path: str,
    line: int | None,
    default_id: str | None = None,
    notes: list[str] | None = None,
    limit: int | None = None,
) -> Document:
    if not isinstance(obj, dict):
        raise BadRecord(f"expected a JSON object, got {json_type(obj)}")
    if "id" in obj and obj["id"] is not None:
        doc_id = obj["id"]
        if not isinstance(doc_id, str):
            raise BadRecord(f"'id' must be a string, got {json_type(doc_id)}")
        if not doc_id.strip():
            raise BadRecord("'id' is empty")
        if (
            CONTROL_RE.search(doc_id)
            or any(c in doc_id for c in "\r\n\t\x0b\x0c\x85")
            or SURROGATE_RE.search(doc_id)
        ):
            raise BadRecord("'id' holds control characters or invalid Unicode")
        safe = normalize_id(doc_id)
        if not safe.strip():
            raise BadRecord(f"'id' {doc_id!r} is empty once its '.' and '..' segments are resolved")
        if safe != doc_id and notes is not None:
            notes.append(f"id {doc_id!r} is written {safe!r} (safe IRI segments)")
        doc_id = safe
    elif default_id is not None:
        doc_id = default_id
    else:
        raise BadRecord("missing 'id'")
    if "text" not in obj or obj["text"] is None:
        raise BadRecord("missing 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        raise BadRecord(f"'text' must be a string, got {json_type(text)}")
    if limit and len(text) > limit // 4 and len(text.encode("utf-8", "surrogatepass")) > limit:
        raise BadRecord(f"'text' is {too_large(len(text.encode('utf-8', 'surrogatepass')), limit)}")
    text = normalize_text(text)
    if not text.strip():
        raise BadRecord("'text' is empty")
    return Document(id=doc_id, text=text, path=path, line=line, **metadata(obj))


__all__ = [
    "BadRecord",
    "LANGUAGES",
    "MAX_DOCUMENT_BYTES",
    "doc_from_object",
    "max_document_bytes",
    "metadata",
    "normalize_id",
    "normalize_lang",
    "parse_date",
    "parse_size",
    "too_large",
]
