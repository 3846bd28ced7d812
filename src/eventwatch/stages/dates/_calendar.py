"""Calendar arithmetic and the internal reading of one temporal expression.

A :class:`Reading` is what the rules make of an expression: a representative
day (``start``), an optional end for ranges and seasons, the period the
expression names (``lo``..``hi``, used by "early"/"mid"/"late"), a granularity
and a date type. ``start is None`` means a temporal expression that cannot be
resolved without world knowledge (Ramadan, "that day", "the 2024 election").
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

__all__ = [
    "Reading",
    "add_months",
    "add_years",
    "clip_day",
    "month_period",
    "unresolved",
    "week_period",
    "weekday_from",
    "year_period",
]

DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Reading:
    """One resolved (or deliberately unresolved) temporal expression."""

    start: dt.date | None
    end: dt.date | None = None
    granularity: str | None = "day"
    date_type: str = "exact"
    lo: dt.date | None = None
    hi: dt.date | None = None

    def approximate(self) -> Reading:
        """The same reading marked approximate (ranges and unresolved ones stay)."""
        if self.start is None or self.date_type == "range":
            return self
        return replace(self, date_type="approximate")

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """The period the expression names (its day when it names one day)."""
        if self.start is None:
            return None
        return (self.lo or self.start, self.hi or self.end or self.start)


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


def add_years(day: dt.date, years: int) -> dt.date:
    return clip_day(day.year + years, day.month, day.day)


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


def week_period(day: dt.date) -> Reading:
    """The Monday-to-Sunday week of ``day``, represented by ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return Reading(day, None, "week", "exact", monday, monday + dt.timedelta(days=6))


def month_period(year: int, month: int, day: int) -> Reading:
    """A month, represented by ``day`` of it (clipped)."""
    last = calendar.monthrange(year, month)[1]
    return Reading(
        clip_day(year, month, day),
        None,
        "month",
        "exact",
        dt.date(year, month, 1),
        dt.date(year, month, last),
    )


def year_period(year: int, month: int, day: int) -> Reading:
    """A year, represented by ``month-day`` of it (clipped)."""
    return Reading(
        clip_day(year, month, day),
        None,
        "year",
        "exact",
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
    )
