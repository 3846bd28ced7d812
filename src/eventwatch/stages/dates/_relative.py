"""The deictic and anaphoric atoms of the date grammar.

Deictic words count from the reference (publication) date: "today",
"yesterday", weekdays with "last/this/next", "last month", "the weekend", "the
past three weeks", "two years ago", "in a week's time". Anaphoric words count
from the narrative's anchor, the time last spoken of: "the previous day", "that
year", "the week before", "three days later". Without an anchor they stay
unresolved (the document stage gives them one; ``resolve_date`` uses the
reference). The table of patterns is in ``_atoms.py``.
"""

from __future__ import annotations

import datetime as dt
import re

from ._calendar import DAY, Reading, shift, unresolved, weekday_from
from ._context import APPROXIMATE_UNITS, Context, anchor_fits
from ._lexicon import ANAPHORIC_STEPS, DEICTIC_STEPS, UNITS, WEEKDAYS
from ._words import count_of, duration_of, unit_of

__all__ = [
    "ago",
    "anaphoric_weekday",
    "elapsed",
    "from_now",
    "offset",
    "offset_day",
    "period",
    "recent",
    "that",
    "today",
    "weekday",
    "weekdays_ago",
    "weekend",
    "window",
]

_PARTS_OF_DAY = frozenset(("morning", "afternoon", "evening", "night"))

# --- deictic words ------------------------------------------------------------------


def today(m: re.Match[str], c: Context) -> Reading | None:
    return Reading(c.ref)


def offset_day(m: re.Match[str], c: Context) -> Reading | None:
    return Reading(c.ref + (1 if m[0] == "tomorrow" else -1) * DAY)


def weekday(m: re.Match[str], c: Context) -> Reading | None:
    modifier, weekday, week, tail = m[1], WEEKDAYS[m[2]], m[3], m[4]
    if week:
        monday = c.ref - c.ref.weekday() * DAY + 7 * DEICTIC_STEPS[week] * DAY
        return Reading(monday + weekday * DAY)
    step = DEICTIC_STEPS.get(modifier or "")
    if tail == "before last":
        return Reading(weekday_from(c.ref, weekday, forward=False, strict=True) - 7 * DAY)
    if tail == "after next":
        return Reading(weekday_from(c.ref, weekday, forward=True, strict=True) + 7 * DAY)
    if step is not None and step != 0:
        return Reading(weekday_from(c.ref, weekday, forward=step > 0, strict=True))
    if step == 0 and modifier != "this":  # "current Monday"
        return None
    if step == 0:
        return Reading(c.ref + (weekday - c.ref.weekday()) * DAY)
    return Reading(weekday_from(c.ref, weekday, forward=c.forward, strict=False))


def weekdays_ago(m: re.Match[str], c: Context) -> Reading | None:
    count, precise = count_of(m[1])
    last = weekday_from(c.ref, WEEKDAYS[m[2]], forward=False, strict=True)
    day = last - int(count - 1) * 7 * DAY
    return Reading(day, None, "day", "exact" if precise else "approximate")


def weekend(m: re.Match[str], c: Context) -> Reading | None:
    if m[2]:  # "the weekend before last": the one before last weekend
        saturday = weekday_from(c.ref, 5, forward=False, strict=True) - 7 * DAY
        return Reading(saturday, None, "week", "approximate")
    step = DEICTIC_STEPS.get(m[1] or "")
    if step is None and c.anchor is not None and m[0].startswith("that"):
        day = anchor_fits(c.anchor, "week")
        if day is None:
            return unresolved()
        return Reading(day - day.weekday() * DAY + 5 * DAY, None, "week", "approximate")
    if m[0].startswith("that"):
        return unresolved()
    forward = step == 1 or (step == 0 and c.ref.weekday() < 5) or (step is None and c.forward)
    saturday = weekday_from(c.ref, 5, forward=forward, strict=step in (-1, 1))
    return Reading(saturday, None, "week", "approximate")  # its Saturday stands for it


def period(m: re.Match[str], c: Context) -> Reading | None:
    """ "Last month", "this week", "next year": one unit from the reference, at that
    unit's granularity; the reference's day in it stands for it ("last month" said on
    May 16 is April 16, granularity month), and parts of it read its calendar unit."""
    unit, step = m[2], DEICTIC_STEPS.get(m[1], 0)
    day = shift(c.ref, step, unit)
    if day is None:
        return None
    kind = "approximate" if unit in APPROXIMATE_UNITS else "exact"
    return Reading(day, None, unit, kind)


def window(m: re.Match[str], c: Context) -> Reading | None:
    """The past or coming N units, counted from the reference (or from the anchor)."""
    side, unit = m["side"], unit_of(m["unit"])
    count = count_of(m["n"])[0] if m["n"] else (3 if m["unit"].endswith("s") else 1)
    if side in ("previous", "preceding", "prior", "following", "subsequent"):
        if not m["n"] and not m["unit"].endswith("s"):
            return _anaphoric_step(ANAPHORIC_STEPS[side], unit, c)
        origin = anchor_fits(c.anchor, unit)
        if origin is None:
            return unresolved()
        backward = side in ("previous", "preceding", "prior")
    else:
        if side == "next" and not m["lead"] and not m["n"] and not m["unit"].endswith("s"):
            return _anaphoric_step(1, unit, c)  # "the next day": counted from the anchor
        origin, backward = c.ref, side in ("past", "last")
    other = shift(origin, -count if backward else count, unit)
    if other is None:
        return None
    # "the past 24 hours" is a day or two; "the past three days" reads as about a week
    granularity = {"hour": "day", "day": "week"}.get(unit, unit)
    lo, hi = sorted((origin, other))
    return Reading(lo, hi, "week" if granularity == "fortnight" else granularity, "approximate")


def recent(m: re.Match[str], c: Context) -> Reading | None:
    unit = unit_of(m[1])
    start = shift(c.ref, -3, unit)
    if start is None:
        return None
    return Reading(start, c.ref, "week" if unit == "day" else unit, "approximate")


def offset(origin: dt.date, text: str, sign: int) -> Reading | None:
    """``origin`` moved by the duration ``text`` names ("two weeks"), forward (``sign``
    1) or back (-1), at the duration's unit; vague counts are approximate."""
    duration = duration_of(text)
    if duration is None:
        return None
    day = shift(origin, sign * duration.count, duration.unit)
    if day is None:
        return None
    kind = "exact" if duration.precise else "approximate"
    return Reading(day, None, UNITS[duration.unit], kind)


def ago(m: re.Match[str], c: Context) -> Reading | None:
    return offset(c.ref, m["dur"], -1)


def from_now(m: re.Match[str], c: Context) -> Reading | None:
    return offset(c.ref, m["dur"], 1)


# --- anaphoric words ----------------------------------------------------------------


def _anaphoric_step(step: int, unit: str, c: Context) -> Reading:
    """The ``unit`` before (``-1``), of (``0``) or after (``1``) the anchor's, the anchor's
    day standing for it (as "last month" does for the reference)."""
    day = anchor_fits(c.anchor, "day" if unit == "hour" else unit)
    if day is None:
        return unresolved()
    moved = shift(day, step, unit)
    if moved is None:
        return unresolved()
    return Reading(moved, None, "day" if unit == "hour" else unit)


def that(m: re.Match[str], c: Context) -> Reading | None:
    """ "That day", "the same week", "the next morning", "the day before"."""
    groups = m.groupdict()
    word = groups["unit"]
    step = ANAPHORIC_STEPS.get(groups.get("step") or "", 0)
    if groups.get("dir"):
        step = -1 if groups["dir"] == "before" else 1
    if word == "time":
        return unresolved()
    return _anaphoric_step(step, "day" if word in _PARTS_OF_DAY else word, c)


def anaphoric_weekday(m: re.Match[str], c: Context) -> Reading | None:
    day = anchor_fits(c.anchor, "day")
    if day is None:
        return unresolved()
    weekday = WEEKDAYS[m[2]]
    if m[1] == "that":
        return Reading(weekday_from(day, weekday, forward=False, strict=False))
    forward = ANAPHORIC_STEPS[m[1]] > 0
    return Reading(weekday_from(day, weekday, forward=forward, strict=True))


def elapsed(m: re.Match[str], c: Context) -> Reading | None:
    """ "Three days later": counted from the anchor; "two decades after", in a
    present-tense clause, back from the reference."""
    duration = duration_of(m["dur"])
    if duration is None:
        return None
    if c.present and m["dir"] in ("after", "since"):
        back = offset(c.ref, m["dur"], -1)
        return back.approximate() if back else None
    origin = anchor_fits(c.anchor, UNITS[duration.unit])
    if origin is None:
        return unresolved()
    backward = m["dir"] in ("earlier", "before", "previously", "prior")
    return offset(origin, m["dur"], -1 if backward else 1)
