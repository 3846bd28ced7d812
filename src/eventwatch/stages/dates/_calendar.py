"""Calendar arithmetic and the internal reading of one temporal expression.

A :class:`Reading` is what the grammar makes of an expression: its first day
(``start``), its last one when the words name a stretch of days (``end``), the
calendar unit the words speak in (``granularity``) and a date type. A reading
is never more precise than its words. A named period is its days: "in 2022" is
2022-01-01..2022-12-31 at year granularity, "March 2020" the month's days. A
period counted from a reference has no end; one day stands for it and the
granularity says how much is meant: "last month" said on 16 May is 16 April,
granularity month ("three years ago" likewise). ``start is None`` marks a
temporal expression left unresolved on purpose (Ramadan, "the 2024 election").

The calendar units (:data:`PERIOD_UNITS`) are the Monday-to-Sunday week, the
month, the quarter, the half, the year, the decade (1990-1999) and the century
(1901-2000 is the twentieth; "the 1900s" is 1900-1999).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

__all__ = [
    "DAY",
    "PERIOD_UNITS",
    "Reading",
    "add_months",
    "clip_day",
    "easter",
    "nth_weekday",
    "period_of",
    "shift",
    "unresolved",
    "weekday_from",
]

DAY = dt.timedelta(days=1)

#: calendar units with a period of their own, and how many months one spans
#: (0: counted in days)
PERIOD_UNITS: dict[str, int] = {
    "day": 0, "week": 0, "month": 1, "quarter": 3, "half": 6, "year": 12,
    "decade": 120, "century": 1200,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """One resolved (or deliberately unresolved) temporal expression."""

    start: dt.date | None
    end: dt.date | None = None
    granularity: str | None = "day"
    date_type: str = "exact"

    def approximate(self) -> Reading:
        """The same reading marked approximate (ranges and unresolved ones stay)."""
        if self.start is None or self.date_type == "range":
            return self
        return replace(self, date_type="approximate")

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the period the expression names.

        A reading without an end stands for the calendar unit of its granularity
        that holds its day ("last month": the whole month); a day for itself.
        """
        if self.start is None:
            return None
        if self.end is not None:
            return (self.start, self.end)
        unit = {"fortnight": "week"}.get(self.granularity or "day", self.granularity or "day")
        if unit in PERIOD_UNITS:
            return period_of(unit, self.start)
        return (self.start, self.start)

    @classmethod
    def period(
        cls, lo: dt.date, hi: dt.date, granularity: str, date_type: str = "exact"
    ) -> Reading:
        """A reading of the days ``lo``..``hi`` (one day: no end)."""
        return cls(lo, hi if hi != lo else None, granularity, date_type)


def unresolved() -> Reading:
    """A temporal expression that is deliberately left without a date."""
    return Reading(None, None, None, "unresolved")


def clip_day(year: int, month: int, day: int) -> dt.date:
    """``year-month-day`` with the day clipped to the month's length."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months (the day clipped: Mar 31 - 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    return clip_day(index // 12, index % 12 + 1, day.day)


def shift(day: dt.date, count: float, unit: str) -> dt.date | None:
    """``day`` moved by ``count`` units (negative: back); None when out of range.

    Units of days ("day", "week", "fortnight", "hour") move by days; the others by
    whole months, a fraction of a unit rounding to months ("a year and a half").
    """
    try:
        if unit in ("day", "week", "fortnight", "hour"):
            per = {"day": 1.0, "week": 7.0, "fortnight": 14.0, "hour": 1 / 24}[unit]
            return day + dt.timedelta(days=int(count * per))
        return add_months(day, round(count * PERIOD_UNITS[unit]))
    except (OverflowError, ValueError):
        return None


def period_of(unit: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the calendar ``unit`` that holds ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        monday = day - day.weekday() * DAY
        return monday, monday + 6 * DAY
    if unit == "decade":
        first = day.year - day.year % 10
        return dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    if unit == "century":
        first = (day.year - 1) // 100 * 100 + 1
        return dt.date(first, 1, 1), dt.date(min(first + 99, 9999), 12, 31)
    months = PERIOD_UNITS[unit]
    first_month = (day.month - 1) // months * months + 1
    lo = dt.date(day.year, first_month, 1)
    return lo, add_months(lo, months) - DAY


def weekday_from(ref: dt.date, weekday: int, *, forward: bool, strict: bool) -> dt.date:
    """The nearest ``weekday`` (0 = Monday) at or before ``ref`` (after, if ``forward``)."""
    if forward:
        delta = (weekday - ref.weekday()) % 7
        if delta == 0 and strict:
            delta = 7
        return ref + dt.timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if delta == 0 and strict:
        delta = 7
    return ref - dt.timedelta(days=delta)


def nth_weekday(lo: dt.date, hi: dt.date, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th ``weekday`` between ``lo`` and ``hi`` (``n = -1``: the last one)."""
    if n < 0:
        day = weekday_from(hi, weekday, forward=False, strict=False) - (-n - 1) * 7 * DAY
    else:
        day = weekday_from(lo, weekday, forward=True, strict=False) + (n - 1) * 7 * DAY
    return day if lo <= day <= hi else None


def easter(year: int, *, orthodox: bool = False) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian computus; Julian for the Orthodox date)."""
    if orthodox:  # Meeus' Julian algorithm, then the Julian-to-Gregorian offset
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        century = year // 100
        offset = century - century // 4 - 2
        return dt.date(year, month, day + 1) + offset * DAY
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)
