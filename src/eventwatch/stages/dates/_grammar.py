"""The date grammar: expressions built from other expressions.

An expression is an atom (``_atoms.py``) or one of these compositions, each of
which reads its inner expression with :func:`parse` again::

    EXPR  := ATOM
           | FILLER EXPR                  "on Friday", "in 2022", "as of March"
           | HEDGE EXPR | EXPR "or so"    "about a week ago"          (approximate)
           | "in" DUR | "within" DUR      "in two weeks" (a point), "within a month"
           | PART-OF-DAY EXPR | EXPR PART-OF-DAY | "overnight"  "Friday evening" (the day)
           | PART EXPR                    "late last month", "mid-2019", "earlier this year"
           | HALF|QUARTER of EXPR         "the second half of last year"
           | first|last [N] UNIT of EXPR  "the first week of March", "the last day of 2020"
           | ORD WEEKDAY of EXPR          "the second Tuesday of May"
           | the ORD [of EXPR]            "the 15th of last month", "on the 3rd"
           | the week|month|year of EXPR  "the week of March 3"
           | WEEKDAY [of] EXPR            "Monday of that week", "Tuesday the 3rd"
           | DAY-WORD WEEKDAY             "yesterday (Friday)": the weekday at or before it
           | DUR before|after|from EXPR   "two weeks before last Friday"
           | [the] UNIT before|after EXPR "the day before yesterday", "the week after next"
           | SAME-DAY EXPR                "the same day last year", "this time a year ago"
           | earlier|later in the day     "later in the day" (the anchor's day, approximate)
           | midweek                      the middle of this week (approximate)
           | EXPR to|through|- EXPR | between EXPR and EXPR          (a range)

A part stands for a piece of its expression's period by one day, at the
period's granularity and approximate: "early", "mid", "late" are its first,
middle and last day (a year's middle is July 1st; a week's middle Wednesday
and its end Friday); "earlier"/"later" are the reference day (or the anchor)
when the period holds it. Halves and quarters are approximate ranges of the
period's months; "the first week of March" is exactly its days. A part of a day
("Friday evening", "overnight Friday") is the day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ._atoms import ATOMS
from ._calendar import DAY, Reading, add_months, nth_weekday, period_of, shift, weekday_from
from ._context import Context, valid_day
from ._lexicon import HEDGES, PARTS_OF_DAY, UNITS, WEEKDAYS, alternation
from ._ranges import HAS_YEAR, read_range
from ._relative import offset
from ._words import COUNT, DUR, MON, ORD, REL, WD, count_of, day_of, duration_of, unit_of

__all__ = ["parse"]

Composition = Callable[[re.Match[str], Context], Reading | None]

_FILLER = (
    "on", "in", "at", "during", "since", "by", "until", "till", "of", "as of", "back in",
    "sometime", "sometime in", "sometime during", "some time in", "as early as", "as late as",
    "as soon as", "no later than", "no earlier than", "not until", "not before", "exactly",
    "from", "starting", "effective", "dated", "through", "throughout", "just", "only",
    "again", "also", "even", "already",
)  # fmt: skip
_EARLY = ("early", "the beginning of", "beginning of", "the start of", "start of", "the dawn of")
_MID = ("mid", "middle", "the middle of", "middle of", "the midst of")
_LATE = (
    "late", "the end of", "end of", "the close of", "towards the end of", "toward the end of",
    "at the end of", "by the end of", "the tail end of",
)  # fmt: skip
_REST = ("the rest of", "the remainder of", "the balance of")
_PARTS = {
    **dict.fromkeys(_EARLY, "early"), **dict.fromkeys(_MID, "mid"),
    **dict.fromkeys(_LATE, "late"), **dict.fromkeys(_REST, "later"),
    "earlier": "earlier", "later": "later",
}  # fmt: skip
_ORDINAL_PARTS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "last": -1, "final": -1, "latter": -1, "closing": -1, "opening": 1,
}  # fmt: skip
_PART_OF_DAY = rf"(?:{alternation(PARTS_OF_DAY)})"
_DAY_PART = re.compile(
    rf"\b(?:(?:in|on|during|at) )?(?:the )?(?:{_PART_OF_DAY}|overnight)(?: of| on)?\b"
)


def parse(s: str, c: Context) -> Reading | None:
    """The reading of a normalised expression, or ``None`` when it is no date."""
    return _parse(s, c)


@lru_cache(maxsize=8192)
def _parse(s: str, c: Context) -> Reading | None:
    try:
        for pattern, atom in ATOMS:
            match = pattern.fullmatch(s)
            if match is not None and (reading := atom(match, c)) is not None:
                return reading
        for pattern, composition in _COMPOSITIONS:
            match = pattern.fullmatch(s)
            if match is not None and (reading := composition(match, c)) is not None:
                return reading
    except (OverflowError, ValueError):
        return None  # a date beyond the calendar's range
    return None


def _inner(text: str, c: Context) -> Reading | None:
    return _parse(text, c)


# --- fillers, hedges, points ahead --------------------------------------------------


def _filler(m: re.Match[str], c: Context) -> Reading | None:
    return _inner(m["x"], c)


def _hedged(m: re.Match[str], c: Context) -> Reading | None:
    inner = _inner(m["x"], c)
    return inner.approximate() if inner else None


def _bare_units(m: re.Match[str], c: Context) -> Reading | None:
    """ "Hours later", "days earlier": a few of the unit from the anchor, approximately
    (minutes and hours stay on the anchor's day)."""
    unit = "hours" if m["unit"] == "minutes" else m["unit"]
    inner = _inner(f"a few {unit} {m['dir']}", c)
    return inner.approximate() if inner else None


def _ahead(m: re.Match[str], c: Context) -> Reading | None:
    """ "In two weeks": that far after the reference; "within a month": up to it."""
    ahead = offset(c.ref, m["dur"], 1)
    if ahead is None or ahead.start is None or m["lead"] != "within":
        return ahead
    return Reading(c.ref, ahead.start, ahead.granularity, "approximate")


# --- parts of the day -----------------------------------------------------------------


def _day_part(m: re.Match[str], c: Context) -> Reading | None:
    """ "Friday evening", "the night of March 3", "late Tuesday night": a part of the day,
    wherever it stands, leaves the day ("overnight Friday" is the night that ends on it)."""
    rest = " ".join(_DAY_PART.sub(" ", m[0]).split())
    inner = _inner(rest, c) if rest and rest != m[0] else None
    if inner is None or inner.start is None:
        return None
    return inner if inner.granularity == "day" and not inner.end else None


def _overnight(m: re.Match[str], c: Context) -> Reading | None:
    """ "Overnight", said without a day: the night that ends on the reference day."""
    return Reading(c.ref)


# --- parts of a period --------------------------------------------------------------


def _representative(part: str, lo: dt.date, hi: dt.date, granularity: str | None) -> dt.date:
    """The day that stands for a part of ``lo..hi``: its first, middle or last day
    (the middle of a year is July 1st; a week's middle is Wednesday, its end Friday)."""
    if part == "early":
        return lo
    if part == "mid":
        if granularity == "year":
            return dt.date(lo.year, 7, 1)
        if granularity == "week":
            return lo + 2 * DAY
        return lo + ((hi - lo).days + 1) // 2 * DAY
    return lo + 4 * DAY if granularity == "week" else hi


def _split(lo: dt.date, hi: dt.date, parts: int) -> list[tuple[dt.date, dt.date]]:
    """``lo..hi`` cut in ``parts`` equal pieces: of months when it is whole months."""
    if lo.day == 1 and (hi + DAY).day == 1:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        if months % parts == 0 and months >= parts:
            size = months // parts
            starts = [add_months(lo, size * i) for i in range(parts + 1)]
            return [(starts[i], starts[i + 1] - DAY) for i in range(parts)]
    days = (hi - lo).days + 1
    cuts = [lo + (days * i // parts) * DAY for i in range(parts + 1)]
    return [(cuts[i], cuts[i + 1] - DAY) for i in range(parts)]


def _period(text: str, c: Context) -> tuple[Reading | None, tuple[dt.date, dt.date] | None]:
    """The reading of ``text`` and the stretch of days it names, when it names more than
    one day (a month, "last year", a season)."""
    inner = _inner(text, c)
    bounds = inner.bounds() if inner is not None and inner.date_type != "range" else None
    if bounds is None or bounds[0] == bounds[1]:
        return inner, None
    return inner, bounds


def _unresolved_or_none(inner: Reading | None) -> Reading | None:
    """An inner expression left unresolved leaves its composition unresolved too."""
    return inner if inner is not None and inner.start is None else None


def _part(m: re.Match[str], c: Context) -> Reading | None:
    """ "Late last month" (its last day), "mid-2019" (July 1st), "earlier this year" (the
    reference day, when the year holds it): approximate, at the period's granularity."""
    inner, bounds = _period(m["x"], c)
    part = _PARTS[m["part"]]
    if inner is None or inner.start is None or bounds is None:
        if inner is not None and inner.granularity == "day" and not inner.end:
            return inner if part not in _RELATIVE else inner.approximate()  # "early Friday"
        return _unresolved_or_none(inner)
    lo, hi = bounds
    granularity = inner.granularity
    if part in _RELATIVE:
        point = next((d for d in (c.ref, _anchor_day(c)) if d and lo <= d <= hi), None)
        if point is None:
            return inner.approximate()
        return Reading(point, None, granularity, "approximate")
    return Reading(_representative(part, lo, hi, granularity), None, granularity, "approximate")


_RELATIVE = frozenset({"earlier", "later"})


def _in_the_day(m: re.Match[str], c: Context) -> Reading | None:
    """ "Later in the day": as "later that day", the anchor's day (or the reference's)."""
    return _inner(f"{m['part']} that day", c)


def _midweek(m: re.Match[str], c: Context) -> Reading | None:
    """ "Midweek": the middle of this week, approximately."""
    return _inner("mid this week", c)


def _same_day(m: re.Match[str], c: Context) -> Reading | None:
    """ "The same day last year", "a year ago today": the reference's day moved by the
    other words' offset, at day granularity ("this time last year" approximately)."""
    inner = _inner(m["x"], c)
    if inner is None or inner.start is None or inner.end is not None:
        return _unresolved_or_none(inner)
    kind = "approximate" if "time" in (m.groupdict().get("same") or "") else inner.date_type
    return Reading(inner.start, None, "day", kind)


def _anchor_day(c: Context) -> dt.date | None:
    return c.anchor.start if c.anchor is not None else None


def _fraction(m: re.Match[str], c: Context) -> Reading | None:
    """ "The second half of last year", "the third quarter" (of this year, or the last
    one that has begun)."""
    inner, bounds = _period(m["x"] or "this year", c)
    if inner is None or inner.start is None or bounds is None:
        return _unresolved_or_none(inner)
    parts = 2 if m["kind"] == "half" else 4
    index = _ORDINAL_PARTS[m["ord"]]
    if index > parts:
        return None
    lo, hi = _split(*bounds, parts)[index - 1 if index > 0 else -1]
    if not m["x"] and lo > c.ref:  # "the fourth quarter", said in September: last year's
        lo, hi = add_months(lo, -12), add_months(hi + DAY, -12) - DAY
    granularity = "quarter" if inner.granularity == "year" else inner.granularity or "day"
    return Reading(lo, hi, granularity, "approximate")


def _edge_units(m: re.Match[str], c: Context) -> Reading | None:
    """ "The first week of March", "the last two days of 2020", "the first day of May",
    "the third week of October" (its days 15-21)."""
    inner, bounds = _period(m["x"], c)
    if inner is None or inner.start is None or bounds is None:
        return _unresolved_or_none(inner)
    unit = unit_of(m["unit"])
    count = count_of(m["n"])[0] if m["n"] else 1
    period_lo, period_hi = bounds
    index = _ORDINAL_PARTS[m["which"]]
    if index > 1 and m["n"]:
        return None  # "the second two weeks of May" is no calendar unit
    if index > 0:
        lo = shift(period_lo, index - 1, unit) or period_lo  # "the second week": days 8-14
        hi = (shift(lo, count, unit) or period_hi + DAY) - DAY
        if lo > period_hi:
            return None
    else:
        hi = period_hi
        lo = shift(hi + DAY, -count, unit) or period_lo
    lo, hi = max(lo, period_lo), min(hi, period_hi)
    return Reading.period(lo, hi, UNITS[unit], "exact")


def _nth_weekday(m: re.Match[str], c: Context) -> Reading | None:
    """ "The second Tuesday of May", "the last Friday of the month"."""
    inner, bounds = _period(m["x"], c)
    if inner is None or inner.start is None or bounds is None:
        return _unresolved_or_none(inner)
    n = -1 if m["ord"] in ("last", "final") else day_of(m["ord"])
    if n is None or not -1 <= n <= 5 or n == 0:
        return None
    day = nth_weekday(*bounds, WEEKDAYS[m["wd"]], n)
    return Reading(day) if day else None


def _day_of(m: re.Match[str], c: Context) -> Reading | None:
    """ "The 15th of last month", "the first of the month"."""
    inner, bounds = _period(m["x"], c)
    number = day_of(m["day"])
    if inner is None or inner.start is None or bounds is None or number is None:
        return _unresolved_or_none(inner)
    if inner.granularity != "month":
        return None
    day = valid_day(bounds[0].year, bounds[0].month, number)
    return Reading(day) if day else None


def _bare_day(m: re.Match[str], c: Context) -> Reading | None:
    """ "On the 3rd": the 3rd of the month the context points to; with a weekday, the
    nearest 3rd that falls on it."""
    number = day_of(m["day"])
    if number is None or not 1 <= number <= 31:
        return None
    months = [add_months(dt.date(c.ref.year, c.ref.month, 1), k) for k in range(-14, 15)]
    options = [d for first in months if (d := valid_day(first.year, first.month, number))]
    if m["wd"]:
        weekday = WEEKDAYS[m["wd"]]
        options = [d for d in options if d.weekday() == weekday]
        day = min(options, key=lambda d: (abs((d - c.ref).days), d > c.ref), default=None)
        return Reading(day) if day else None
    if c.forward:
        return Reading(min(d for d in options if d >= c.ref))
    if c.present:
        return Reading(min(options, key=lambda d: (abs((d - c.ref).days), d > c.ref)))
    return Reading(max(d for d in options if d <= c.ref))


def _unit_of_day(m: re.Match[str], c: Context) -> Reading | None:
    """ "The week of March 3": the calendar unit that holds the day."""
    inner = _inner(m["x"], c)
    if inner is None or inner.start is None:
        return inner
    if inner.granularity != "day" or inner.end:
        return None
    lo, hi = period_of(m["unit"], inner.start)
    return Reading(lo, hi, m["unit"])


def _weekday_in(m: re.Match[str], c: Context) -> Reading | None:
    """ "Monday of that week", "Friday, March 3": the weekday in a week, or the day."""
    inner = _inner(m["x"], c)
    if inner is None or inner.start is None:
        return None
    weekday = WEEKDAYS[m["wd"]]
    if inner.granularity == "day" and not inner.end:
        return inner if inner.start.weekday() == weekday else None
    return _weekday_of_week(inner, weekday)


def _day_then_weekday(m: re.Match[str], c: Context) -> Reading | None:
    """ "Yesterday (Friday)", "last week Tuesday": the weekday names the day, at or
    before the day the other words name (or in their week)."""
    inner = _inner(m["x"], c)
    if inner is None or inner.start is None:
        return inner
    weekday = WEEKDAYS[m["wd"]]
    if inner.granularity == "day" and not inner.end:
        return Reading(weekday_from(inner.start, weekday, forward=False, strict=False))
    return _weekday_of_week(inner, weekday)


def _weekday_of_week(inner: Reading, weekday: int) -> Reading | None:
    bounds = inner.bounds()
    if inner.granularity != "week" or bounds is None or (bounds[1] - bounds[0]).days != 6:
        return None
    return Reading(bounds[0] + weekday * DAY)


# --- offsets ------------------------------------------------------------------------

_BEFORE = frozenset({"before", "prior to", "earlier than", "ahead of", "preceding"})


def _shifted(m: re.Match[str], c: Context) -> Reading | None:
    """ "Two weeks before last Friday", "a week from Monday", "the day after tomorrow"."""
    if m["dur"]:
        duration = duration_of(m["dur"])
        if duration is None:
            return None
        count, unit, precise = duration.count, duration.unit, duration.precise
    else:
        count, unit, precise = 1.0, m["unit"], True
    x = m["x"]
    if x in ("last", "next"):  # "the week before last" = the week before last week
        x = f"{x} {unit}"
    inner = _inner(x, c)
    if inner is None or inner.start is None:
        return inner
    sign = -1 if m["dir"] in _BEFORE else 1
    lo = shift(inner.start, sign * count, unit)
    if lo is None:
        return None
    end = None
    if inner.end is not None:
        end = shift(inner.end + DAY, sign * count, unit)
        end = end - DAY if end else None
    kind = inner.date_type if precise else inner.approximate().date_type
    return Reading(lo, end, inner.granularity, kind)


# --- a partial date in a named year -------------------------------------------------


def _in_year(m: re.Match[str], c: Context) -> Reading | None:
    """ "Sept. 3 last year", "March of next year", "Oct. 3-5 this year": the days the
    month words name, moved into the year the other words name."""
    if HAS_YEAR.search(m["x"]):
        return None  # "March 2020 last year" names its own year
    year, days = _inner(m["y"], c), _inner(m["x"], c)
    if year is None or year.start is None or year.granularity != "year" or year.end:
        return None
    if days is None or days.start is None or days.granularity not in ("day", "month"):
        return None
    months = 12 * (year.start.year - days.start.year)
    end = add_months(days.end, months) if days.end else None
    return replace(days, start=add_months(days.start, months), end=end)


# --- ranges -------------------------------------------------------------------------


def _range(m: re.Match[str], c: Context) -> Reading | None:
    return read_range(m, c, _inner)


_HALF = r"first|second|1st|2nd|last|final|latter"
_QUARTER = r"first|second|third|fourth|1st|2nd|3rd|4th|last|final"
_EDGE = r"first|second|third|fourth|2nd|3rd|4th|last|final|opening|closing"
_COMPOSITION_TABLE: list[tuple[str, Composition]] = [
    (rf"(?P<lead>in|within) (?P<dur>{DUR})(?: time)?", _ahead),
    (rf"(?:{alternation(_FILLER)}) (?P<x>.+)", _filler),
    (rf"(?:{alternation(HEDGES)}) (?P<x>.+)", _hedged),
    (
        r"(?P<x>.+) (?:or so|or thereabouts|or earlier|or later|at the latest|at the earliest)",
        _hedged,
    ),  # fmt: skip
    (r"(?P<unit>minutes|hours|days|weeks) (?P<dir>earlier|later|before|after)", _bare_units),
    (
        rf"(?P<x>.*\b{MON}\b.*?),? (?:of |in )?(?P<y>(?:the )?(?:{REL}|following|same) year)",
        _in_year,
    ),  # fmt: skip
    (r"overnight", _overnight),
    (rf".*\b(?:{_PART_OF_DAY}|overnight)\b.*", _day_part),
    (rf"(?:the )?(?P<ord>{_HALF}) (?P<kind>half)(?: of (?P<x>.+))?", _fraction),
    (rf"(?:the )?(?P<ord>{_QUARTER}) (?P<kind>quarter)(?: of (?P<x>.+))?", _fraction),
    (
        rf"(?:the )?(?P<which>{_EDGE}) (?:(?P<n>{COUNT}) )?(?P<unit>days?|weeks?|months?)"
        r" (?:of|in) (?P<x>.+)",
        _edge_units,
    ),  # fmt: skip
    (rf"(?:the )?(?P<ord>{ORD}|last|final) (?P<wd>{WD}) (?:of|in) (?P<x>.+)", _nth_weekday),
    (r"(?P<part>earlier|later) (?:in|during) the day", _in_the_day),
    (r"(?:by |in |at )?mid ?week", _midweek),
    (
        rf"(?P<same>(?:on )?the same (?:day|date)|this (?:time|day)|(?:on )?this date) "
        rf"(?P<x>(?:last|next) year|(?:{DUR}) (?:ago|earlier|later|before))",
        _same_day,
    ),  # fmt: skip
    (rf"(?P<x>(?:{DUR}) ago) (?:today|to the day|this week)", _same_day),
    (rf"(?:the )?(?P<part>{alternation(_PARTS)}) (?:in |on |of )?(?P<x>.+)", _part),
    (rf"the (?P<day>{ORD}) (?:day )?of (?P<x>.+)", _day_of),
    (rf"(?:(?P<wd>{WD}) )?the (?P<day>\d{{1,2}}(?:st|nd|rd|th))", _bare_day),
    (rf"(?P<wd>{WD}) the (?P<day>{ORD})", _bare_day),
    (r"the (?P<unit>week|month|year) of (?P<x>.+)", _unit_of_day),
    (rf"(?P<wd>{WD}) (?:of |in )?(?P<x>.+)", _weekday_in),
    (
        rf"(?P<x>yesterday|today|tomorrow|tonight|last night|{REL} week) (?P<wd>{WD})",
        _day_then_weekday,
    ),  # fmt: skip
    (
        rf"(?:(?P<dur>{DUR})|(?:the )?(?P<unit>day|week|month|year)) (?P<dir>before|after|prior to"
        r"|following|from|earlier than|later than|ahead of|preceding) (?P<x>.+)",
        _shifted,
    ),  # fmt: skip
    (r"(?:from |between )?(?P<x>.+)", _range),
]

_COMPOSITIONS: list[tuple[re.Pattern[str], Composition]] = [
    (re.compile(p), h) for p, h in _COMPOSITION_TABLE
]
