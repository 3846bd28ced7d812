"""The atoms of the date grammar: expressions that name a time by themselves.

Each atom is one precompiled pattern and a handler that takes the match and a
:class:`Context` and returns a :class:`Reading` (or ``None`` when the words are
no date after all). Atoms are of four kinds:

* calendar names: written dates, months, years, decades, centuries, seasons,
  quarters, holidays (fixed, Easter-based or n-th weekday; lunar ones stay
  unresolved);
* deictic words, counted from the reference (publication) date, and anaphoric
  words, counted from the narrative's anchor (their handlers are in
  ``_relative.py``);
* partial dates aligned to the reference: "March 3" is the nearest past one
  (the next one when the text looks forward; the nearest either way in a
  present-tense clause), "Monday, Oct. 26" the one in the year the weekday fits.

Compositions of expressions (ranges, offsets, parts) live in ``_grammar.py``.
"""

from __future__ import annotations

import datetime as dt
import re

from . import _relative as rel
from ._calendar import DAY, Reading, add_months, easter, nth_weekday, period_of, unresolved
from ._context import Context, Handler, day_reading, unit_period, valid_day
from ._lexicon import (
    ANAPHORIC_STEPS,
    DEICTIC_STEPS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTHS,
    MOVING_HOLIDAYS,
    SEASONS,
    TODAY_WORDS,
    WEEKDAY_HOLIDAYS,
    WEEKDAYS,
    alternation,
)
from ._words import COUNT, DAYNUM, DUR, MON, ORD, REL, UNIT, WD, YEAR, day_of, key, keys, year_of

__all__ = ["ATOMS", "partial", "season_reading"]


# --- written dates -----------------------------------------------------------------


def _iso(m: re.Match[str], c: Context) -> Reading | None:
    return day_reading(valid_day(int(m[1]), int(m[2]), int(m[3])))


def _numeric(m: re.Match[str], c: Context) -> Reading | None:
    a, b, year = int(m[1]), int(m[3]), int(m[4])
    if len(m[4]) == 2:
        year += 2000 if year < 50 else 1900
    day_first = a > 12 or (m[2] == "." and b <= 12)
    day, month = (a, b) if day_first else (b, a)
    return day_reading(valid_day(year, month, day))


def partial(month: int, day: int, c: Context) -> dt.date | None:
    """``month-day`` in the year the context points to (see the module docstring)."""
    options = [d for k in range(-8, 9) if (d := valid_day(c.ref.year + k, month, day))]
    if c.forward:
        return min((d for d in options if d >= c.ref), default=None)
    if c.present:
        return min(options, key=lambda d: (abs((d - c.ref).days), d > c.ref), default=None)
    return max((d for d in options if d <= c.ref), default=None)


def _month_day(m: re.Match[str], c: Context) -> Reading | None:
    groups = m.groupdict()
    month, day = MONTHS[groups["mon"]], day_of(groups["day"])
    if day is None:
        return None
    if groups["year"]:
        return day_reading(valid_day(year_of(groups["year"], c.ref.year), month, day))
    if groups["wd"]:  # "Monday, Oct. 26": the year in which the two agree
        weekday = WEEKDAYS[groups["wd"]]
        years = range(c.ref.year - 1, c.ref.year + 2)
        options = [d for y in years if (d := valid_day(y, month, day)) and d.weekday() == weekday]
        if options:
            return Reading(min(options, key=lambda d: abs((d - c.ref).days)))
    step = DEICTIC_STEPS.get(groups["mod"] or "", None)
    if step == -1:
        return day_reading(partial(month, day, Context(c.ref - DAY)))
    if step == 1:
        return day_reading(partial(month, day, Context(c.ref + DAY, forward=True)))
    if step == 0:
        return day_reading(valid_day(c.ref.year, month, day))
    return day_reading(partial(month, day, c))


def _month(m: re.Match[str], c: Context) -> Reading | None:
    modifier, month = m[1], MONTHS[m[2]]
    if m[3]:
        return unit_period("month", dt.date(year_of(m[3], c.ref.year), month, 1))
    step = DEICTIC_STEPS.get(modifier or "")
    year = c.ref.year
    if step == -1 or (step is None and not c.forward):
        year -= month > c.ref.month or (step == -1 and month == c.ref.month)
    elif step == 1 or (step is None and c.forward):
        year += month < c.ref.month or (step == 1 and month == c.ref.month)
    return unit_period("month", dt.date(year, month, 1))


def _year(m: re.Match[str], c: Context) -> Reading | None:
    year = year_of(m[1], c.ref.year)
    return unit_period("year", dt.date(year, 1, 1)) if 1000 <= year <= 2199 else None


def _decade(m: re.Match[str], c: Context) -> Reading | None:
    digits = m[1].lstrip("'")
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year > c.ref.year % 100 else 2000
    if not 1000 <= year <= 2190:
        return None
    if year % 100 == 0 and year < 2000:  # "the 1800s": the hundred years
        return Reading(dt.date(year, 1, 1), dt.date(year + 99, 12, 31), "century")
    return unit_period("decade", dt.date(year, 1, 1))


def _century(m: re.Match[str], c: Context) -> Reading | None:
    from ..lexicon import ordinal_value

    number = ordinal_value(m[1])
    if number is None or not 1 <= number <= 21:
        return None
    return unit_period("century", dt.date((number - 1) * 100 + 1, 1, 1))


def season_reading(name: str, year: int) -> Reading:
    """The season ``name`` that starts in ``year`` (winter 2023 = Dec 2023 - Feb 2024)."""
    first = dt.date(year, SEASONS[name], 1)
    return Reading(first, add_months(first, 3) - DAY, "season", "approximate")


def _season(m: re.Match[str], c: Context) -> Reading | None:
    modifier, name = m[1], m[2]
    if m[3]:
        return season_reading(name, year_of(m[3], c.ref.year))
    options = [season_reading(name, c.ref.year + k) for k in (-2, -1, 0, 1)]
    step = DEICTIC_STEPS.get(modifier or "")
    if step == -1:
        return [r for r in options if r.end and r.end < c.ref][-1]
    if step == 1 or (step is None and c.forward):
        return next(r for r in options if r.start and r.start > c.ref)
    if step == 0:
        inside = [r for r in options if r.start and r.end and r.start <= c.ref <= r.end]
        return inside[0] if inside else options[2]
    return [r for r in options if r.start and r.start <= c.ref][-1]


def _quarter(m: re.Match[str], c: Context) -> Reading | None:
    months = 6 if m["kind"] == "h" else 3
    number = int(m["n"])
    if number * months > 12:
        return None
    if m["year"]:
        year = year_of(m["year"], c.ref.year)
    else:
        year = c.ref.year - (dt.date(c.ref.year, (number - 1) * months + 1, 1) > c.ref)
    first = dt.date(year, (number - 1) * months + 1, 1)
    return Reading(first, add_months(first, months) - DAY, "quarter", "approximate")


def _holiday(m: re.Match[str], c: Context) -> Reading | None:
    name = m[2]
    if name in _MOVING:
        return unresolved()
    step = DEICTIC_STEPS.get(m[1] or "")
    if m[3]:
        return day_reading(_holiday_in(name, year_of(m[3], c.ref.year)))
    days = [d for k in (-2, -1, 0, 1, 2) if (d := _holiday_in(name, c.ref.year + k))]
    if step == -1:
        return day_reading(max((d for d in days if d < c.ref), default=None))
    if step == 1 or (step is None and c.forward):
        return day_reading(
            min((d for d in days if d > c.ref or (step is None and d == c.ref)), default=None)
        )
    if step == 0:
        return day_reading(_holiday_in(name, c.ref.year))
    return day_reading(max((d for d in days if d <= c.ref), default=None))


def _holiday_in(name: str, year: int) -> dt.date | None:
    if not 1583 <= year <= 9998:
        return None
    if name in _FIXED:
        return valid_day(year, *_FIXED[name])
    if name in _EASTER:
        return easter(year, orthodox=name.startswith("orthodox")) + _EASTER[name] * DAY
    month, weekday, n = _WEEKDAY_H[name]
    lo, hi = period_of("month", dt.date(year, month, 1))
    return nth_weekday(lo, hi, weekday, n)


_FIXED = {key(k): v for k, v in FIXED_HOLIDAYS.items()}
_EASTER = {key(k): v for k, v in EASTER_HOLIDAYS.items()}
_WEEKDAY_H = {key(k): v for k, v in WEEKDAY_HOLIDAYS.items()}
_MOVING = frozenset(key(k) for k in MOVING_HOLIDAYS)
_HOLIDAYS = keys([*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, *WEEKDAY_HOLIDAYS, *MOVING_HOLIDAYS])
_SEASON = alternation(SEASONS)
_ANA = alternation(ANAPHORIC_STEPS)
_DAY_LEAD = rf"(?:(?P<wd>{WD}) )?(?:(?P<mod>{REL}) )?(?:the )?"
_YEAR_TAIL = rf"(?: (?:of )?(?P<year>{YEAR}))?"
_THAT_UNIT = r"day|week|month|year|decade|morning|afternoon|evening|night|time"
_RULE_TABLE: list[tuple[str, Handler]] = [
    (r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:t[\d:.]*z?(?:[+-][\d:]+)?)?", _iso),
    (r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})", _numeric),
    (keys(TODAY_WORDS), rel.today),
    (r"yesterday|tomorrow|last night|last evening", rel.offset_day),
    (
        rf"(?:({REL}) )?({WD})(?: (?:of )?(?:the )?(last|this|next|coming|past|previous) week"
        r"| (before last|after next))?",
        rel.weekday,
    ),  # fmt: skip
    (rf"({COUNT}) ({WD})s? ago", rel.weekdays_ago),
    (
        rf"(?:(?:over|during|at) )?(?:the )?(?:({REL}|that) )?weekend(?: (before last))?",
        rel.weekend,
    ),  # fmt: skip
    (rf"(?:({REL}|the) )(week|month|quarter|year|decade|century)", rel.period),
    (
        rf"(?P<lead>(?:in|over|during|for|within|throughout) )?(?:the |this )?"
        rf"(?P<side>past|last|previous|preceding|prior|coming|next|following|subsequent)"
        rf" (?:(?P<n>{COUNT}) )?(?P<unit>{UNIT})",
        rel.window,
    ),  # fmt: skip
    (r"(?:in |over |during )?recent (day|week|month|year)s", rel.recent),
    (rf"(?P<dur>{DUR}) (?:ago|back|before now|before today)", rel.ago),
    (rf"(?P<dur>{DUR}) (?:from now|from today|hence)", rel.from_now),
    (
        rf"(?P<dur>{DUR}) (?P<dir>after|since|later|earlier|before|afterwards?|on|thereafter"
        r"|previously|prior)",
        rel.elapsed,
    ),  # fmt: skip
    (rf"(?:that|the (?P<step>{_ANA})) (?P<unit>{_THAT_UNIT})", rel.that),
    (rf"the (?P<unit>{_THAT_UNIT}) (?P<dir>before|after)", rel.that),
    (rf"(?:the )?(that|{_ANA}) ({WD})", rel.anaphoric_weekday),
    (rf"{_DAY_LEAD}(?P<mon>{MON}) (?:the )?(?P<day>{DAYNUM}){_YEAR_TAIL}", _month_day),
    (rf"{_DAY_LEAD}(?P<day>{DAYNUM}) (?:of )?(?P<mon>{MON}){_YEAR_TAIL}", _month_day),
    (rf"(?:({REL}) )?({MON})(?: (?:of )?({YEAR}))?", _month),
    (rf"(?:the (?:calendar |fiscal )?year )?({YEAR})", _year),
    (r"(?:the )?((?:1[0-9]|20)?\d0|'\d0)s", _decade),
    (rf"(?:the )?({ORD}) century", _century),
    (rf"(?:({REL}|the) )?({_SEASON})(?: (?:of )?({YEAR}))?", _season),
    (rf"(?P<kind>q|h)(?P<n>[1-4])(?: (?:of )?(?P<year>{YEAR}))?", _quarter),
    (rf"(?P<year>{YEAR}) (?P<kind>q|h)(?P<n>[1-4])", _quarter),
    (rf"(?:({REL}) )?({_HOLIDAYS})(?: ({YEAR}))?", _holiday),
]

#: (compiled pattern, handler), tried in order with ``fullmatch``
ATOMS: list[tuple[re.Pattern[str], Handler]] = [(re.compile(p), h) for p, h in _RULE_TABLE]
