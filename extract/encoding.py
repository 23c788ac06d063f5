"""Bytes of an input file → normalized text (:func:`decode_bytes`, :func:`normalize_text`).

A BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); otherwise UTF-16 without BOM is recognised by its
NUL pattern, then strict UTF-8, then UTF-8 with a few invalid bytes (at most one for every
:data:`UTF8_BAD_RATIO` valid non-ASCII characters: each replaced by U+FFFD and named in a
note), then an 8-bit Cyrillic check (Windows-1251, or KOI8-R when the case pattern says so),
then Windows-1252 for Latin text, then charset-normalizer's guess. NUL bytes or control
characters mean "binary file"; no text means "empty file" (:class:`DecodeError`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from bilat.extract.text import strip_invisible


class DecodeError(ValueError):
    """Bytes that are not usable text; the message is the Problem message."""


# C0/C1 control characters other than tab and newline (\v, \f, NEL and the Unicode line and
# paragraph separators become newlines).
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
SURROGATE_RE = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, a leading BOM, control characters and invisible format characters
    (:func:`~bilat.extract.text.strip_invisible`) removed, lone surrogates replaced by U+FFFD,
    NFC. Tabs and all other characters are kept as they are."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_BREAKS)
    text = CONTROL_RE.sub("", text)
    text = strip_invisible(text)
    text = SURROGATE_RE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
SAMPLE = 65536
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


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
    for bom, codec, label in BOMS:
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
    bad = [m.start() for m in SURROGATE_RE.finditer(text)]
    if not bad or (leads - len(bad)) < UTF8_BAD_RATIO * len(bad):
        return None
    where = []
    for i in bad[:_SHOWN]:
        byte = len(text[:i].encode("utf-8", errors="surrogateescape"))
        where.append(f"byte {byte} (line {text.count(chr(10), 0, i) + 1})")
    more = f" and {len(bad) - _SHOWN} more" if len(bad) > _SHOWN else ""
    s = "s" if len(bad) > 1 else ""
    notes.append(f"invalid UTF-8 at {', '.join(where)}{more}: read as UTF-8, the byte{s} replaced by U+FFFD")
    return SURROGATE_RE.sub("\ufffd", text)


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
    sample = data[:SAMPLE]
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
    sample = data[: SAMPLE & ~1]
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
        cyr, upper, lat = _letter_counts(text[:SAMPLE])
        if cyr and cyr >= 0.3 * (cyr + lat):
            # Cyrillic either way: KOI8-R puts lowercase where cp1251 puts uppercase, and
            # running text is mostly lowercase.
            if upper > 0.6 * cyr:
                koi = data.decode("koi8-r")
                kcyr, kupper, _ = _letter_counts(koi[:SAMPLE])
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

        best = from_bytes(data[: 4 * SAMPLE]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError, ImportError):
        pass
    raise DecodeError("cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1251)")


def _looks_binary(text: str, count_replacements: bool = True) -> bool:
    sample = text[:SAMPLE]
    if not sample:
        return False
    bad = sum(
        1
        for ch in sample
        if (ch < " " and ch not in "\t\n\r\x0c\x0b") or (ch == "\ufffd" and count_replacements)
    )
    return bad > max(2, len(sample) * 0.01)


__all__ = ["DecodeError", "decode_bytes", "normalize_text", "UTF8_BAD_RATIO"]
