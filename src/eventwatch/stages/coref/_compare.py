"""Whether two event mentions can be one event: nothing in the text tells them apart."""

from __future__ import annotations

import datetime as dt

from ...records import Actor, Event, Place, TimeSpan
from ...resources.gazetteer import distance_km

__all__ = ["compatible", "places_agree", "sides_agree"]

#: place features precise enough for a distance between two of them to mean two places
_POINTS = {"PPL", "ADM2"}


def compatible(a: Event, b: Event, *, max_km: float, max_days: int) -> bool:
    """Same type and flags, and no date of their own, place or side that differs."""
    return (
        a.type == b.type
        and (a.negated, a.hypothetical, a.historical) == (b.negated, b.hypothetical, b.historical)
        and _dates_agree(_own_date(a), _own_date(b), max_days)
        and places_agree(a.location, b.location, max_km=max_km)
        and sides_agree(a.source, b.source)
        and sides_agree(a.target, b.target)
    )


def _own_date(event: Event) -> TimeSpan | None:
    """The date the event's own sentence writes. One borrowed from a sentence before
    ("Last year, she won an award. She was released after apologizing.") is a guess,
    and tells two mentions apart no more than no date does."""
    date = event.date
    if date is None or not event.evidence.start <= date.start < event.evidence.end:
        return None
    return date


def _days(span: TimeSpan) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date written in the text covers, else None."""
    if span.source != "text" or not span.start_date:
        return None
    try:
        first = _day(span.start_date, last=False)
        last = _day(span.end_date or span.start_date, last=True)
    except ValueError:
        return None
    return first, max(first, last)


def _day(value: str, *, last: bool) -> dt.date:
    parts = [int(p) for p in value.split("-")[:3]]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not last:
            return dt.date(year, month, 1)
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)


def _dates_agree(a: TimeSpan | None, b: TimeSpan | None, max_days: int) -> bool:
    ra, rb = (_days(a) if a else None), (_days(b) if b else None)
    if ra is None or rb is None:
        return True
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    return gap.days <= max_days


def places_agree(a: Place | None, b: Place | None, max_km: float) -> bool:
    """Whether two places can be one: the same country, and points no farther apart
    than ``max_km``."""
    if a is None or b is None or a.country is None or b.country is None:
        return True
    if a.country != b.country:
        return False
    if a.feature in _POINTS and b.feature in _POINTS and None not in (a.lat, a.lon, b.lat, b.lon):
        assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= max_km
    return True


def sides_agree(a: list[Actor], b: list[Actor]) -> bool:
    """Two named sides that share no country are two sides (an unnamed one fits any)."""
    ca = {x.country for x in a if x.country}
    cb = {x.country for x in b if x.country}
    return not ca or not cb or bool(ca & cb)
