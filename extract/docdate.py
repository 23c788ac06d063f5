"""A document's publication date read from its own text, for documents whose metadata has none.

News pages and agency wires open with a dateline ("АСТАНА, 5 июня 2024 года.", "MOSCOW,
November 9, 2021. /TASS/.") or carry a timestamp near the top ("05.06.2024 14:30",
"Published: June 5, 2024", "2024-06-05T10:00:00"). Only a complete date (day, month and year)
near the start of a line among the first lines is taken; a date inside a sentence ("talks held
on 5 June 2024 …") is not a publication date and is left alone, and nothing is guessed.

>>> text_date("АСТАНА, 5 июня 2024 года. Президент Казахстана …", "ru")
'2024-06-05'
>>> text_date("MOSCOW, November 9, 2021. /TASS/. Text", "en")
'2021-11-09'
>>> text_date("Title of the piece\\n05.06.2024 14:30\\nThe minister said …", "ru")
'2024-06-05'
>>> text_date("Published: June 5, 2024 10:00 GMT\\nText", "en")
'2024-06-05'
>>> text_date("Лавров встретился 5 июня 2024 года с коллегой.", "ru") is None
True
>>> text_date("MOSCOW, November 9. /TASS/. Text", "en") is None   # no year: not guessed
True
"""

from __future__ import annotations

import datetime as _dt
import re

from bilat.extract.dates import scan
from bilat.extract.languages import codes

_LINES = 6  # how many non-empty lines from the top may carry the date
_HEAD = 110  # how far into a line the date may start
_ISO_STAMP = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?=T\d|\b)")
_DMY_STAMP = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)")
# What may precede the date on its line: a place in capitals or capitalized words, an agency,
# a "published" label, punctuation.
_BEFORE = re.compile(
    r"^[\s\W]*(?:(?:published|posted|date|опубликовано|дата(?: публикации)?|обновлено|"
    r"[A-ZА-ЯЁ][\w.\-’']*)[\s,.:;|/()\-–—]*){0,5}$",
    re.I,
)
_PUBLISHED_ONLY = re.compile(r"^[\s\W]*(?:published|posted|date|опубликовано|дата(?: публикации)?)", re.I)
# What may follow it: the end of the line, a full stop, a comma, a dash, a time, an agency mark.
_AFTER = re.compile(r"^\s*(?:г\.|года?|year)?\s*(?:$|[.,;|/(\-–—]|T?\d{1,2}:\d{2})", re.I)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        day = _dt.date(y, m, d)
    except ValueError:
        return None
    if not 1900 <= y <= _dt.date.today().year + 1:
        return None
    return day.isoformat()


def _line_date(line: str, lang: str) -> str | None:
    head = line[: _HEAD + 40]
    candidates: list[tuple[int, int, str]] = []  # (start, end, iso)
    for rx, order in ((_ISO_STAMP, "ymd"), (_DMY_STAMP, "dmy")):
        for m in rx.finditer(head):
            a, b, c = (int(x) for x in m.groups())
            iso = _valid(a, b, c) if order == "ymd" else _valid(c, b, a)
            if iso:
                candidates.append((m.start(), m.end(), iso))
    for e in scan(head, lang):
        if e.kind == "date" and e.year and e.month and e.day:
            iso = _valid(e.year, e.month, e.day)
            if iso:
                candidates.append((e.start, e.end, iso))
    for start, end, iso in sorted(candidates):
        if start > _HEAD:
            break
        before, after = line[:start], line[end:]
        closed = line[end - 1 : end] in ".,;"  # the date expression took its own full stop
        if not _BEFORE.match(before) or not (closed or _AFTER.match(after)):
            continue
        # a bare capitalized word before a date in running text ("Lavrov 5 June 2024 …")
        # would pass _BEFORE: require a separator, a label, or nothing before the date
        if before.strip() and not (re.search(r"[,.:|/–—\-]\s*$", before) or _PUBLISHED_ONLY.match(before)):
            continue
        tail = _AFTER.match(after)
        if not closed and len(line) - end > 25 and not tail.group().strip():
            continue  # the date runs on into a sentence
        return iso
    return None


def text_date(text: str, lang: str | None) -> str | None:
    """The publication date (ISO ``YYYY-MM-DD``) a text states at its top, or None."""
    if not text or lang not in codes():
        return None
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > _LINES:
            break
        iso = _line_date(line.strip(), lang)
        if iso:
            return iso
    return None


def with_text_date(doc):
    """``doc`` itself when it has a date, else a copy dated from its text where it states one."""
    if doc.date or not doc.lang:
        return doc
    iso = text_date(doc.text, doc.lang)
    if iso is None:
        return doc
    from dataclasses import replace

    return replace(doc, date=iso)


__all__ = ["text_date", "with_text_date"]
