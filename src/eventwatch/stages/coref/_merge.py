"""One event for the mentions coreference grouped: the most specific of each fact.

The merged event keeps every mention in ``Event.mentions``, the most specific
date (a day written in the text over a month, over the publication date), place
(a town over a province over a country), the actors and mode of its richest
mention (else of the first that has them), and the largest count of each kind
(later reports tell more). Its ``evidence`` is its richest body mention; a
headline or subhead only announces it.
"""

from __future__ import annotations

from ...records import Event, Evidence, Place, TimeSpan

__all__ = ["merge"]

#: how specific a place's feature is: a town over a county, a province, a region, a country
_PLACE_RANK = {"PPL": 0, "ADM2": 1, "ADM1": 2, "RGN": 3, "BRDR": 3, "PCLI": 4}


def _date_rank(date: TimeSpan | None) -> tuple[int, int]:
    if date is None or date.start_date is None:
        return (3, 0)
    if date.source != "text":
        return (2, 0)
    return ({"day": 0, "week": 1, "month": 1}.get(date.granularity or "", 1), 0)


def _place_rank(place: Place | None) -> int:
    if place is None:
        return 9
    return _PLACE_RANK.get(place.feature or "", 5)


def _richness(event: Event) -> tuple[int, ...]:
    return (
        bool(event.source) + bool(event.target),
        -_date_rank(event.date)[0],
        -_place_rank(event.location),
        len(event.quantities),
    )


def merge(events: list[Event], furniture: list[Event]) -> Event:
    """One event for a group of mentions: the most specific of each fact, every mention.

    Its evidence is the richest body mention (a headline only announces it).
    """
    if len(events) + len(furniture) == 1:
        return (events or furniture)[0]
    best = max(events, key=lambda e: (_richness(e), -e.evidence.trigger.start))
    ordered = sorted([*events, *furniture], key=lambda e: e.evidence.trigger.start)
    merged = Event(**{name: getattr(best, name) for name in Event.__dataclass_fields__})
    merged.mentions = _mentions(ordered)
    merged.source = best.source or next((e.source for e in ordered if e.source), [])
    merged.target = best.target or next((e.target for e in ordered if e.target), [])
    merged.mode = best.mode or next((e.mode for e in ordered if e.mode), None)
    merged.reported_by = best.reported_by or next(
        (e.reported_by for e in ordered if e.reported_by), None
    )
    merged.date = min((e.date for e in ordered), key=_date_rank)
    located = [e.location for e in ordered if e.location is not None]
    merged.location = min(located, key=_place_rank) if located else None
    merged.quantities = {}
    for event in ordered:  # the largest count of each kind: later reports tell more
        for key, quantity in event.quantities.items():
            known = merged.quantities.get(key)
            if known is None or (quantity.max or quantity.min or 0) > (known.max or known.min or 0):
                merged.quantities[key] = quantity
    merged.killed = max((e.killed for e in ordered if e.killed is not None), default=None)
    merged.injured = max((e.injured for e in ordered if e.injured is not None), default=None)
    merged.confidence = max(e.confidence for e in ordered)
    return merged


def _mentions(events: list[Event]) -> list[Evidence]:
    found: list[Evidence] = []
    for event in events:
        for mention in event.mentions or [event.evidence]:
            if mention not in found:
                found.append(mention)
    return sorted(found, key=lambda m: m.trigger.start)
