"""What an expression is read against, and the helpers every atom shares.

:class:`Context` carries the reference (publication) date, the narrative's
anchor and the direction the clause points in; :func:`anchor_fits` says whether
an anchor is fine enough for an anaphor of a given unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ._calendar import Reading, period_of

__all__ = [
    "APPROXIMATE_UNITS",
    "GRANULARITY_RANK",
    "Context",
    "Handler",
    "anchor_fits",
    "day_reading",
    "unit_period",
    "valid_day",
]

GRANULARITY_RANK = {
    "day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "decade": 5,
    "century": 6,
}  # fmt: skip
APPROXIMATE_UNITS = frozenset({"quarter", "half"})


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against.

    ``ref``: the reference (publication) date, for deictic words. ``anchor``: the
    time the narrative last spoke of, for anaphoric ones (``None``: none known).
    ``forward``: the text speaks of the future (weekdays and partial dates look
    forward). ``present``: a present-tense clause, where a partial date is the
    nearest one and "two decades after" counts back from the reference.
    """

    ref: dt.date
    anchor: Reading | None = None
    forward: bool = False
    present: bool = False


Handler = Callable[[re.Match[str], Context], Reading | None]


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def anchor_fits(anchor: Reading | None, unit: str) -> dt.date | None:
    """The anchor's day, when the anchor is as fine as ``unit`` (a day for "the next day")."""
    if anchor is None or anchor.start is None:
        return None
    rank = GRANULARITY_RANK.get(anchor.granularity or "", 9)
    return anchor.start if rank <= GRANULARITY_RANK.get(unit, 4) else None


def day_reading(day: dt.date | None) -> Reading | None:
    return Reading(day) if day is not None else None


def unit_period(unit: str, day: dt.date, date_type: str = "exact") -> Reading:
    lo, hi = period_of("week" if unit == "fortnight" else unit, day)
    kind = "approximate" if unit in APPROXIMATE_UNITS else date_type
    return Reading.period(lo, hi, "quarter" if unit == "half" else unit, kind)
