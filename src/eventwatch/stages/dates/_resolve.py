"""Resolving one temporal expression against a reference date (and an anchor).

:func:`interpret` normalises the text and reads it with the grammar of
``_grammar.py``; when the whole text is not a date, its longest leading part
that is one is used ("Monday to discuss the deal" is Monday). :func:`resolve_date`
is the public, typed entry point.
"""

from __future__ import annotations

import datetime as dt

from ...records import TimeSpan
from ._calendar import Reading
from ._context import Context
from ._grammar import parse
from ._lexicon import MONTHS, WEEKDAYS
from ._words import normalize

__all__ = ["interpret", "reading_to_span", "resolve_date"]

_ABBREVIATIONS = frozenset(w for w in (*WEEKDAYS, *MONTHS) if len(w) <= 4) | frozenset(MONTHS)
_MAX_CHARS = 80
_MAX_PREFIX_WORDS = 8


def interpret(
    text: str,
    ref: dt.date,
    *,
    anchor: Reading | None = None,
    forward: bool = False,
    present: bool = False,
) -> Reading | None:
    """What ``text`` means against ``ref``: a reading, or None when it is not a date.

    ``anchor`` is the time the narrative last spoke of; anaphoric expressions ("the
    previous day") count from it, and stay unresolved when it is ``None``.
    """
    s = normalize(text)[:_MAX_CHARS].strip()
    if not s:
        return None
    context = Context(ref, anchor, forward, present)
    reading = parse(s, context)
    if reading is not None:
        return reading
    words = s.split()
    for n in range(min(len(words) - 1, _MAX_PREFIX_WORDS), 0, -1):
        prefix = " ".join(words[:n])
        if n == 1 and prefix in _ABBREVIATIONS:
            continue  # "may be", "sat down", "march on": not dates
        reading = parse(prefix, context)
        if reading is not None and reading.date_type != "range":
            return reading
    return None


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


def resolve_date(text: str, *, ref: dt.date, anchor: dt.date | None = None) -> TimeSpan:
    """Resolve one temporal expression against a reference (publication) date.

    ``resolve_date("last Sunday", ref=date(2023, 9, 29))`` gives a day-granular
    exact span starting 2023-09-24; ``"in 2022"`` the year (2022-01-01 to
    2022-12-31, granularity ``year``). Expressions counted from the narrative
    ("the previous day", "three days later", "that year") count from ``anchor``,
    the day the text last spoke of (``anchor="text"`` on the span), or from
    ``ref`` when there is none. Expressions that need world knowledge (Ramadan,
    "the 2024 election") and text that is no date come back unresolved
    (``date_type="unresolved"``, no dates). Never raises on odd input.

    DOCS: docs/design.md, section "Dates".
    """
    if not text:
        return reading_to_span(None, text=text)
    reading = interpret(text, ref)
    if reading is not None and reading.start is None:  # anaphoric, or beyond the calendar
        anchored = interpret(text, ref, anchor=Reading(anchor or ref))
        if anchored is not None and anchored.start is not None:
            kind = "text" if anchor is not None else "publication"
            return reading_to_span(anchored, text=text, anchor=kind)
    return reading_to_span(reading, text=text)
