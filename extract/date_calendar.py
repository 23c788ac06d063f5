"""Date arithmetic: a :class:`DateExpr` found in a text resolved against a base date into an
ISO value and its precision (``day``, ``month``, ``year``). No text and no language here.

>>> DateExpr(0, 10, "last month", "unit", shift=-1, unit="month").resolve("2021-11-09")
('2021-10', 'month')
>>> day_month(parse_base("2021-01-03"), 12, 30, future=False)
('2020-12-30', 'day')
"""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

__all__ = ["PRECISIONS", "DateExpr", "day_month", "fmt", "fmt_date", "parse_base", "resolve_expr"]

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateExpr:
    """One date expression found in a text: offsets, and what it says.

    ``kind`` is "date" (year/month/day given, any may be None), "weekday", "relday", "unit"
    (shift + unit), "season" or "month" (a month name with a shift)."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None
    offset: int = 0
    unit: str | None = None

    def resolve(self, base: str | None, future: bool = False, past: bool = False) -> tuple[str, str] | None:
        return resolve_expr(self, parse_base(base), future, past)


# ---------------------------------------------------------------------------------------------
# resolving


def parse_base(base: str | None) -> _dt.date | None:
    if not base:
        return None
    try:
        return _dt.date.fromisoformat(base[:10])
    except ValueError:
        return None


def fmt(y: int, m: int | None = None, d: int | None = None) -> tuple[str, str] | None:
    if not 1 <= y <= 9999:
        return None
    if m is None:
        return f"{y:04d}", "year"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}", "month"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


def resolve_expr(
    e: DateExpr, base: _dt.date | None, future: bool, past: bool = False
) -> tuple[str, str] | None:
    """The ISO value and precision of ``e`` against ``base``. A month or day without a year is
    read forward when ``future`` (a planned event), back when ``past`` (a clause told as done:
    "talks were held in September" in a June article are last September's), else the nearest.

    >>> e = DateExpr(0, 9, "September", "date", month=9)
    >>> resolve_expr(e, parse_base("2023-06-10"), future=False)
    ('2023-09', 'month')
    >>> resolve_expr(e, parse_base("2023-06-10"), future=False, past=True)
    ('2022-09', 'month')
    """
    if e.kind == "date":
        if e.year is not None:
            return fmt(e.year, e.month, e.day)
        if base is None or e.month is None:
            return None
        if e.day is None:
            return fmt(_month_year(base, e.month, None, future, past), e.month)
        return day_month(base, e.month, e.day, future, past)
    if base is None:
        return None
    if e.kind == "relday":
        return fmt_date(base + _dt.timedelta(days=e.offset))
    if e.kind == "weekday":
        delta = (base.weekday() - e.weekday) % 7  # days back to the most recent such day
        if e.shift == -1:
            back = delta or 7
            return fmt_date(base - _dt.timedelta(days=back))
        if e.shift == 1:
            fwd = (e.weekday - base.weekday()) % 7 or 7
            return fmt_date(base + _dt.timedelta(days=fwd))
        if future:
            return fmt_date(base + _dt.timedelta(days=(e.weekday - base.weekday()) % 7))
        return fmt_date(base - _dt.timedelta(days=delta))
    if e.kind == "unit":
        if e.unit == "year":
            return fmt(base.year + (e.shift or 0))
        if e.unit == "month":
            idx = base.year * 12 + base.month - 1 + (e.shift or 0)
            return fmt(idx // 12, idx % 12 + 1)
        return None  # weeks and days have no precision here
    if e.kind == "month":
        return fmt(_month_year(base, e.month, e.shift, future, past), e.month)
    if e.kind == "season":
        y = e.year if e.year is not None else base.year + (e.shift or 0)
        return fmt(y)
    return None


def fmt_date(d: _dt.date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month_year(base: _dt.date, month: int, shift: int | None, future: bool, past: bool = False) -> int:
    if shift == -1:
        return base.year if month < base.month else base.year - 1
    if shift == 1:
        return base.year if month > base.month else base.year + 1
    if shift == 0:
        return base.year
    if future:
        return base.year if month >= base.month else base.year + 1
    if past:
        return base.year if month <= base.month else base.year - 1
    # the nearest occurrence, ties to the past
    best = None
    for y in (base.year - 1, base.year, base.year + 1):
        dist = abs((y * 12 + month) - (base.year * 12 + base.month))
        if best is None or dist < best[0] or (dist == best[0] and y < best[1]):
            best = (dist, y)
    return best[1]  # type: ignore[index]


def day_month(
    base: _dt.date, month: int, day: int, future: bool, past: bool = False
) -> tuple[str, str] | None:
    cands = []
    for y in (base.year - 1, base.year, base.year + 1):
        if 1 <= day <= calendar.monthrange(y, month)[1]:
            cands.append(_dt.date(y, month, day))
    if not cands:
        return None
    if future:
        later = [c for c in cands if c >= base]
        if later:
            return fmt_date(min(later))
    if past:
        earlier = [c for c in cands if c <= base + _dt.timedelta(days=1)]
        if earlier:
            return fmt_date(max(earlier))
    best = min(cands, key=lambda c: (abs((c - base).days), c > base))
    return fmt_date(best)
