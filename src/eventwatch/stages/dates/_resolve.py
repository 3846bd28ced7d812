"""Resolving one temporal expression against a reference date.

:func:`interpret` normalises the text (case, abbreviation dots, clock times,
leading prepositions) and tries, in order: the single-phrase rules of
``_rules.py``; a hedge ("about …", approximate); a part of the day ("Friday
evening" is Friday); a period modifier ("late last month" is its last day,
"mid-March" its middle, "earlier this month" stays put but turns approximate);
a shift from another date ("a week before last Friday"); a range ("March
15-20", "Thursday through Tuesday", "between July and September"), whose end
is looked for from its start, so it is never inverted. When the whole text is
not a date, its longest leading part that is one is used ("Monday to discuss
the deal" is Monday). :func:`resolve_date` is the public, typed entry point.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ...records import TimeSpan
from ._calendar import DAY, Reading
from ._lexicon import HEDGES, MONTHS, PARTS_OF_DAY, WEEKDAYS, alternation
from ._rules import COUNT, RULES, UNIT, Context, count_of, shift

__all__ = ["interpret", "normalize", "reading_to_span", "resolve_date"]

_CLOCK = re.compile(
    r"(?:\b(?:at|around|about|shortly before|shortly after|just before|just after|by|until) )?"
    r"(?:\b\d{1,2}(?::\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b\d{1,2}:\d\d(?::\d\d)?\b"
    r"|\b(?:noon|midnight|dawn|dusk|daybreak|nightfall)\b)"
    r"(?:\s*\(?\b(?:gmt|utc|edt|est|cet|cest|local time)\b\)?)?"
)
_CLEAN = [
    (re.compile(r"(?<=[a-z])'s\b"), ""),
    (re.compile(r"(?<=[a-z])\."), ""),
    (re.compile(r"(?<=[a-z])-(?=[a-z0-9])"), " "),
    (re.compile(r"\s*-\s*(?=\d)"), "-"),
    (re.compile(r"[()\[\],;:\"“”'!?]+|\.(?!\d)"), " "),
    (re.compile(r"\s+"), " "),
]
_FILLER = re.compile(
    r"(?:on|in|at|during|since|by|until|till|of|as of|back in|sometime(?: in)?|some time in"
    r"|as early as|as late as|no later than|not until|later in|earlier in) (.+)"
)
_HEDGE = re.compile(rf"(?:{alternation(HEDGES)}) (.+)")
_PARTS = re.compile(rf"\b(?:{alternation(PARTS_OF_DAY)})\b")
_MODIFIER = re.compile(
    r"(early|earlier|mid|middle of|the middle of|late|later|end of|the end of|by the end of"
    r"|towards? the end of|beginning of|the beginning of|start of|the start of) (.+)"
)
_SHIFT = re.compile(rf"(?:({COUNT}) ({UNIT})|the (day|week|month|year)) (before|after) (.+)")
_RANGE_SPLIT = re.compile(r"\s*-\s*| (?:to|through|thru|until|till|and) ")
_BARE_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?")
_MONTH_WORD = re.compile(rf"\b(?:{alternation(MONTHS)})\b")
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_ABBREVIATIONS = frozenset(w for w in (*WEEKDAYS, *MONTHS) if len(w) <= 4) | frozenset(MONTHS)
_MAX_CHARS = 80


def normalize(text: str) -> str:
    """Lower case, no clock times, no abbreviation dots, single spaces."""
    s = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = _CLOCK.sub(" ", s)
    for pattern, repl in _CLEAN:
        s = pattern.sub(repl, s)
    return s.strip()


def interpret(
    text: str, ref: dt.date, *, forward: bool = False, present: bool = False
) -> Reading | None:
    """What ``text`` means against ``ref``: a reading, or None when it is not a date."""
    s = normalize(text)[:_MAX_CHARS].strip()
    if not s:
        return None
    context = Context(ref, forward, present)
    reading = _phrase(s, context, 0)
    if reading is not None:
        return reading
    words = s.split()
    for n in range(min(len(words) - 1, 8), 0, -1):
        prefix = " ".join(words[:n])
        if n == 1 and prefix in _ABBREVIATIONS:
            continue  # "may be", "sat down", "march on": not dates
        reading = _phrase(prefix, context, 0)
        if reading is not None and reading.date_type != "range":
            return reading
    return None


def _phrase(s: str, c: Context, depth: int) -> Reading | None:
    try:
        for pattern, handler in RULES:
            match = pattern.fullmatch(s)
            if match is not None:
                reading = handler(match, c)
                if reading is not None:
                    return reading
        if depth > 3:
            return None
        return _composed(s, c, depth + 1)
    except (OverflowError, ValueError):
        return None  # a date beyond the calendar's range


def _composed(s: str, c: Context, depth: int) -> Reading | None:
    if match := _FILLER.fullmatch(s):
        return _phrase(match[1], c, depth)
    if match := _HEDGE.fullmatch(s):
        inner = _phrase(match[1], c, depth)
        return inner.approximate() if inner else None
    if _PARTS.search(s):
        core = " ".join(_PARTS.sub(" ", s).split())
        inner = _phrase(core, c, depth) if core else None
        if inner is not None and inner.granularity == "day":
            return inner
    if match := _MODIFIER.fullmatch(s):
        return _modified(match[1], match[2], c, depth)
    if match := _SHIFT.fullmatch(s):
        return _shifted(match, c, depth)
    return _range(s, c, depth)


def _modified(modifier: str, rest: str, c: Context, depth: int) -> Reading | None:
    inner = _phrase(rest, c, depth)
    if inner is None or inner.start is None or inner.granularity == "day":
        return inner  # "early Friday" is Friday
    if inner.date_type == "range":
        return None
    lo, hi = inner.bounds() or (inner.start, inner.start)
    if modifier in ("earlier", "later"):
        return replace(inner, date_type="approximate")
    if modifier.startswith(("early", "beginning", "start", "the beginning", "the start")):
        day = lo
    elif "mid" in modifier:
        day = _middle(lo, hi, inner.granularity)
    else:
        day = lo + 4 * DAY if inner.granularity == "week" else hi
    return Reading(day, None, inner.granularity, "approximate", lo, hi)


def _middle(lo: dt.date, hi: dt.date, granularity: str | None) -> dt.date:
    if granularity == "year":
        return dt.date(lo.year, 7, 1)
    if granularity == "week":
        return lo + 2 * DAY
    return lo + ((hi - lo).days + 1) // 2 * DAY


def _shifted(m: re.Match[str], c: Context, depth: int) -> Reading | None:
    inner = _phrase(m[5], c, depth)
    if inner is None:
        return None
    if inner.start is None:
        return inner
    count, unit = (count_of(m[1])[0], m[2]) if m[1] else (1, m[3])
    day = shift(inner.start, count if m[4] == "after" else -count, unit)
    return replace(inner, start=day, end=None, lo=None, hi=None) if day else None


def _range(s: str, c: Context, depth: int) -> Reading | None:
    body = re.sub(r"^(?:from|between) ", "", s)
    for split in _RANGE_SPLIT.finditer(body):
        left, right = body[: split.start()], body[split.end() :]
        if left and right:
            reading = _range_parts(left, right, c, depth)
            if reading is not None:
                return reading
    return None


def _range_parts(left: str, right: str, c: Context, depth: int) -> Reading | None:
    right_day, left_day = _BARE_DAY.fullmatch(right), _BARE_DAY.fullmatch(left)
    if right_day and (month := _MONTH_WORD.search(left)):
        right = f"{month[0]} {right}"  # "March 15-20"
    elif left_day and not left_day[2] and (month := _MONTH_WORD.search(right)):
        left = f"{left} {month[0]}"  # "12-14 May"
    right_year = _HAS_YEAR.search(right)
    if right_year and not _HAS_YEAR.search(left) and not left_day:
        left = f"{left} {right_year[0]}"  # "March to April 2024"
    elif right_year and left_day and not _HAS_YEAR.search(left):
        left = f"{left} {right_year[0]}"
    first = _phrase(left, c, depth)
    if first is None or first.start is None or first.date_type == "range":
        return None
    last = _phrase(right, replace(c, ref=first.start, forward=True), depth)
    if last is None or last.start is None or last.date_type == "range":
        return None
    start, end = sorted((first.start, last.end or last.start))
    return Reading(start, end, first.granularity, "range", start, end)


def reading_to_span(
    reading: Reading | None, *, text: str, start: int = 0, end: int | None = None,
    anchor: str | None = "publication", source: str = "text",
) -> TimeSpan:  # fmt: skip
    """The :class:`TimeSpan` record of a reading (unresolved when there is none)."""
    end = len(text) if end is None else end
    if reading is None or reading.start is None:
        return TimeSpan(start, end, text, None, None, None, "unresolved", None, source)
    end_date = reading.end.isoformat() if reading.end else None
    return TimeSpan(
        start, end, text, reading.start.isoformat(), end_date,
        reading.granularity, reading.date_type, anchor, source,
    )  # fmt: skip


def resolve_date(text: str, *, ref: dt.date) -> TimeSpan:
    """Resolve one temporal expression against a reference (publication) date.

    ``resolve_date("last Sunday", ref=date(2023, 9, 29))`` gives a day-granular
    exact span starting 2023-09-24. Text that is no date, or one that needs
    world knowledge (Ramadan, "the 2024 election", "that day"), comes back
    with ``date_type="unresolved"`` and no dates. Never raises on odd input.

    DOCS: docs/design.md, section "Dates".
    """
    return reading_to_span(interpret(text, ref) if text else None, text=text)
