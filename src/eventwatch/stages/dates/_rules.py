"""The single-phrase rules: one precompiled pattern and one handler each.

Every handler takes the match and a :class:`Context` (the reference date and
the direction the text points in) and returns a :class:`Reading`, or ``None``
when the phrase is not a date after all. Phrases built from other phrases
(ranges, "early …", "a week before …") are composed in ``_resolve.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ._calendar import (
    DAY,
    Reading,
    add_months,
    add_years,
    month_period,
    unresolved,
    week_period,
    weekday_from,
    year_period,
)
from ._lexicon import (
    ANAPHORA,
    FIXED_HOLIDAYS,
    HEDGES,
    MONTHS,
    MOVING_HOLIDAYS,
    NUMBERS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    alternation,
)

__all__ = ["RULES", "Context", "count_of", "season_reading", "shift", "valid_day"]


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against.

    ``forward``: the text speaks of the future (bare weekdays and partial dates
    look forward). ``present``: the clause is in the present tense, so "two
    decades after" counts back from the reference date.
    """

    ref: dt.date
    forward: bool = False
    present: bool = False


Handler = Callable[[re.Match[str], Context], Reading | None]

WD = f"(?:{alternation(WEEKDAYS)})"
MON = f"(?:{alternation(MONTHS)})"
COUNT = rf"(?:{alternation(VAGUE_NUMBERS)}|{alternation(NUMBERS)}|\d{{1,3}})"
UNIT = rf"(?:{alternation(UNITS)})s?"
ORD = r"(?:st|nd|rd|th)?"
YEAR = r"(\d{4})"


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def count_of(word: str) -> tuple[int, bool]:
    """A count and whether it is precise: "three" -> (3, True), "a few" -> (3, False)."""
    if word.isdigit():
        return int(word), True
    if word in VAGUE_NUMBERS:
        return VAGUE_NUMBERS[word], False
    return NUMBERS[word], True


def shift(day: dt.date, count: int, unit: str) -> dt.date | None:
    """``day`` moved by ``count`` units (negative = back); None when out of range."""
    days, months = UNITS[unit.rstrip("s")]
    try:
        if months:
            return add_months(day, count * months)
        return day + dt.timedelta(days=count * days)
    except (OverflowError, ValueError):
        return None


def _granularity(unit: str) -> str:
    unit = unit.rstrip("s")
    return "week" if unit == "fortnight" else unit


def _day(day: dt.date | None) -> Reading | None:
    return Reading(day) if day is not None else None


def _iso(m: re.Match[str], c: Context) -> Reading | None:
    return _day(valid_day(int(m[1]), int(m[2]), int(m[3])))


def _numeric(m: re.Match[str], c: Context) -> Reading | None:
    a, b, year = int(m[1]), int(m[3]), int(m[4])
    if len(m[4]) == 2:
        year += 2000 if year < 50 else 1900
    day_first = a > 12 or (m[2] == "." and b <= 12)
    day, month = (a, b) if day_first else (b, a)
    return _day(valid_day(year, month, day))


def _today(m: re.Match[str], c: Context) -> Reading | None:
    return Reading(c.ref)


def _offset_day(m: re.Match[str], c: Context) -> Reading | None:
    offsets = {"yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1}
    offsets |= {"the day before yesterday": -2, "the day after tomorrow": 2}
    return Reading(c.ref + offsets[m[0]] * DAY)


def _weekday(m: re.Match[str], c: Context) -> Reading | None:
    modifier, weekday, week = m[1], WEEKDAYS[m[2]], m[3]
    if week:
        monday = c.ref - c.ref.weekday() * DAY + {"last": -7, "next": 7}.get(week, 0) * DAY
        return Reading(monday + weekday * DAY)
    if modifier in ("last", "past", "previous"):
        return Reading(weekday_from(c.ref, weekday, forward=False, strict=True))
    if modifier in ("next", "coming"):
        return Reading(weekday_from(c.ref, weekday, forward=True, strict=True))
    if modifier == "this":
        return Reading(c.ref + (weekday - c.ref.weekday()) * DAY)
    return Reading(weekday_from(c.ref, weekday, forward=c.forward, strict=False))


def _weekday_of_day(m: re.Match[str], c: Context) -> Reading | None:
    base = c.ref + {"yesterday": -1, "today": 0, "tomorrow": 1}[m[1]] * DAY
    return Reading(weekday_from(base, WEEKDAYS[m[2]], forward=False, strict=False))


def _weekend(m: re.Match[str], c: Context) -> Reading | None:
    modifier = m[1] or ""
    forward = modifier in ("next", "coming") or (
        modifier == "this" and c.ref.weekday() < 5 or (modifier == "" and c.forward)
    )
    saturday = weekday_from(c.ref, 5, forward=forward, strict=modifier in ("last", "next"))
    return Reading(saturday, None, "week", "approximate", saturday, saturday + DAY)


def _period(m: re.Match[str], c: Context) -> Reading | None:
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m[1], 0)
    unit = m[2]
    if unit == "week":
        return week_period(c.ref + 7 * step * DAY)
    if unit == "month":
        day = add_months(c.ref, step)
        return month_period(day.year, day.month, c.ref.day)
    return year_period(c.ref.year + step, c.ref.month, c.ref.day)


def _ago(m: re.Match[str], c: Context) -> Reading | None:
    count, precise = count_of(m[2])
    day = shift(c.ref, -count, m[4])
    if day is None:
        return None
    exact = precise and not m[1] and not m[3]
    return Reading(day, None, _granularity(m[4]), "exact" if exact else "approximate")


def _elapsed(m: re.Match[str], c: Context) -> Reading | None:
    count, _ = count_of(m[1])
    if not c.present or m[3] not in ("after", "since"):
        return unresolved()  # "three days later": counted from a point of the story
    day = shift(c.ref, -count, m[2])
    return Reading(day, None, _granularity(m[2]), "approximate") if day else None


def _window(m: re.Match[str], c: Context) -> Reading | None:
    count = count_of(m[1])[0] if m[1] else 3
    unit = m[2].rstrip("s")
    start = shift(c.ref, -count, unit)
    if start is None:
        return None
    granularity = "week" if unit == "day" else _granularity(unit)
    return Reading(start, c.ref, granularity, "approximate", start, c.ref)


def _recent(m: re.Match[str], c: Context) -> Reading | None:
    start = shift(c.ref, -3, m[1])
    if start is None:
        return None
    granularity = "week" if m[1] == "day" else m[1]
    return Reading(start, c.ref, granularity, "approximate", start, c.ref)


def _partial(month: int, day: int, c: Context) -> dt.date | None:
    """The most recent ``month-day`` at or before the reference (or the next one)."""
    step = 1 if c.forward else -1
    for offset in range(0, 9):
        year = c.ref.year + step * offset
        found = valid_day(year, month, day)
        if found is not None and (found >= c.ref if c.forward else found <= c.ref):
            return found
    return None


def _month_day(m: re.Match[str], c: Context) -> Reading | None:
    groups = m.groupdict()
    month, day = MONTHS[groups["mon"]], int(groups["day"])
    if groups["year"]:
        return _day(valid_day(int(groups["year"]), month, day))
    if groups["wd"]:  # "Monday, Oct. 26": the year in which the two agree
        weekday = WEEKDAYS[groups["wd"]]
        years = range(c.ref.year - 1, c.ref.year + 2)
        options = [d for y in years if (d := valid_day(y, month, day)) and d.weekday() == weekday]
        if options:
            return Reading(min(options, key=lambda d: abs((d - c.ref).days)))
    if groups["mod"] == "last":
        return _day(_partial(month, day, Context(c.ref - DAY)))
    if groups["mod"] == "next":
        return _day(_partial(month, day, Context(c.ref + DAY, forward=True)))
    return _day(_partial(month, day, c))


def _month(m: re.Match[str], c: Context) -> Reading | None:
    modifier, month = m[1], MONTHS[m[2]]
    if m[3]:
        return month_period(int(m[3]), month, c.ref.day)
    year = c.ref.year
    if modifier == "last" or (modifier is None and not c.forward):
        year -= month > c.ref.month or (modifier == "last" and month == c.ref.month)
    elif modifier == "next" or (modifier is None and c.forward):
        year += month < c.ref.month or (modifier == "next" and month == c.ref.month)
    return month_period(year, month, c.ref.day)


def _year(m: re.Match[str], c: Context) -> Reading | None:
    year = int(m[1])
    return year_period(year, c.ref.month, c.ref.day) if 1000 <= year <= 2199 else None


def _decade(m: re.Match[str], c: Context) -> Reading | None:
    year = int(m[1])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    if year < 1000 or year > 2190:
        return None
    lo, hi = dt.date(year, 1, 1), dt.date(year + 9, 12, 31)
    return Reading(lo, None, "decade", "exact", lo, hi)


def season_reading(name: str, year: int) -> Reading:
    """The season ``name`` that starts in ``year`` (winter 2023 = Dec 2023 - Feb 2024)."""
    first = dt.date(year, SEASONS[name], 1)
    last = add_months(first, 3) - DAY
    return Reading(first, last, "season", "approximate", first, last)


def _season(m: re.Match[str], c: Context) -> Reading | None:
    modifier, name = m[1], m[2]
    if m[3]:
        return season_reading(name, int(m[3]))
    options = [season_reading(name, c.ref.year + k) for k in (-2, -1, 0, 1)]
    if modifier in ("last", "past", "previous"):
        return [r for r in options if r.end and r.end < c.ref][-1]
    if modifier in ("next", "coming") or (modifier is None and c.forward):
        return next(r for r in options if r.start and r.start > c.ref)
    if modifier == "this":
        inside = [r for r in options if r.start and r.end and r.start <= c.ref <= r.end]
        return inside[0] if inside else options[2]
    return [r for r in options if r.start and r.start <= c.ref][-1]


def _part_of_year(m: re.Match[str], c: Context) -> Reading | None:
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
    ordinal |= {"fourth": 4, "4th": 4, "q": 0, "h": 0}
    groups = m.groupdict()
    kind = "half" if groups["kind"] in ("half", "h") else "quarter"
    default = 2 if kind == "half" else 4
    number = int(groups.get("n") or ordinal.get(groups.get("ord") or "", default))
    months = 6 if kind == "half" else 3
    if number < 1 or number * months > 12:
        return None
    when = groups["when"] or ""
    year = c.ref.year + {"last year": -1, "next year": 1}.get(when, 0)
    if when.isdigit():
        year = int(when)
    first = dt.date(year, (number - 1) * months + 1, 1)
    if not when and first > c.ref:
        first = add_years(first, -1)
    last = add_months(first, months) - DAY
    return Reading(first, last, "quarter", "approximate", first, last)


def _holiday(m: re.Match[str], c: Context) -> Reading | None:
    name = m[2]
    if name not in FIXED_HOLIDAYS:
        return unresolved()
    month, day = FIXED_HOLIDAYS[name]
    if m[3]:
        return _day(valid_day(int(m[3]), month, day))
    modifier = m[1]
    ref = c.ref - DAY if modifier == "last" else c.ref + DAY if modifier == "next" else c.ref
    forward = modifier == "next" or (modifier is None and c.forward)
    return _day(_partial(month, day, Context(ref, forward)))


def _anaphora(m: re.Match[str], c: Context) -> Reading | None:
    return unresolved()


_HOLIDAYS = alternation([*FIXED_HOLIDAYS, *MOVING_HOLIDAYS])
_SEASON = alternation(SEASONS)
_DAY_LEAD = rf"(?:(?P<wd>{WD}) )?(?:(?P<mod>last|this|next) )?(?:the )?"
_RULE_TABLE: list[tuple[str, Handler]] = [
    (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:t[\d:.]*z?(?:[+-][\d:]+)?)?", _iso),
    (r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})", _numeric),
    (r"today|tonight|this (?:morning|afternoon|evening)", _today),
    (
        r"yesterday|tomorrow|last night|last evening|the day (?:before yesterday|after tomorrow)",
        _offset_day,
    ),  # fmt: skip
    (rf"(?:(last|this|next|past|coming|previous) )?({WD})(?: (last|this|next) week)?", _weekday),
    (rf"(yesterday|today|tomorrow) ({WD})", _weekday_of_day),
    (r"(?:(?:over|during|at) )?(?:the )?(?:(this|last|next|past|coming) )?weekend", _weekend),
    (r"(last|this|next|previous|coming|the|current) (week|month|year)", _period),
    (
        rf"(?:({alternation(HEDGES)}) )?({COUNT})(?: (?:or|to) ({COUNT}))? ({UNIT}) (?:ago|back)",
        _ago,
    ),  # fmt: skip
    (rf"({COUNT}) ({UNIT}) (after|since|later|earlier|before)", _elapsed),
    (
        rf"(?:(?:in|over|during|for|within) )?the (?:past|last|previous) (?:({COUNT}) )?({UNIT})",
        _window,
    ),  # fmt: skip
    (r"(?:in |over |during )?recent (day|week|month|year)s", _recent),
    (rf"{_DAY_LEAD}(?P<mon>{MON}) (?P<day>\d{{1,2}}){ORD}(?: (?P<year>\d{{4}}))?", _month_day),
    (
        rf"{_DAY_LEAD}(?P<day>\d{{1,2}}){ORD} (?:of )?(?P<mon>{MON})(?: (?P<year>\d{{4}}))?",
        _month_day,
    ),  # fmt: skip
    (rf"(?:(last|this|next) )?({MON})(?: (?:of )?{YEAR})?", _month),
    (rf"(?:the year )?{YEAR}", _year),
    (r"(?:the )?((?:1[0-9]|20)?\d0)'?s", _decade),
    (rf"(?:(last|this|next|past|coming|previous|the) )?({_SEASON})(?: (?:of )?{YEAR})?", _season),
    (
        r"(?:the )?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th) (?P<kind>half|quarter)"
        r"(?: of)?(?: (?:the )?(?P<when>year|this year|last year|next year|\d{4}))?",
        _part_of_year,
    ),
    (r"(?P<kind>q|h)(?P<n>[1-4])(?: of)? (?P<when>\d{4})", _part_of_year),
    (rf"(?:(last|this|next) )?({_HOLIDAYS})(?: {YEAR})?", _holiday),
    (alternation(ANAPHORA), _anaphora),
]

#: (compiled pattern, handler), tried in order with ``fullmatch``
RULES: list[tuple[re.Pattern[str], Handler]] = [(re.compile(p), h) for p, h in _RULE_TABLE]
