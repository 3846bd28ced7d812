"""The ``event-location`` task: where the event of a gold verb happened.

Each gold sentence names one event verb and the place spans where that event
happened (``all_locations``), or none when the sentence does not place it. The
coded event is the first whose trigger, or a mention's trigger, overlaps the
verb. An item is *right* when that event's location overlaps a gold span, or
when gold has no place and the event has no location. A verb that no event
covers has no location: right only when gold has none. The figures split the
items by whether gold places the event, so that answering "nowhere" everywhere
cannot pass for skill.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import CodedDocument, Event
from . import Report, Selection, default_pipeline, gold_articles, ratio_row, read_gold, task

__all__ = ["LocationCounts", "covering_event", "score_event_locations", "to_report"]


@dataclass
class LocationCounts:
    items: int = 0
    right: int = 0
    placed: int = 0
    placed_right: int = 0
    unplaced: int = 0
    unplaced_right: int = 0
    without_event: int = 0


def _overlaps(start: int, end: int, span: dict[str, Any]) -> bool:
    return start < int(span["end"]) and int(span["start"]) < end


def _triggers(event: Event) -> list[tuple[int, int]]:
    """The trigger spans of an event's mentions ("a bomb detonated ..., killing two" is
    one event whose mentions hold both verbs); an unmerged event's is its own."""
    return [(m.trigger.start, m.trigger.end) for m in event.mentions or [event.evidence]]


def covering_event(doc: CodedDocument, verb: dict[str, Any]) -> Event | None:
    """The first event (in text order) with a trigger, its own or a mention's, that
    overlaps the gold verb."""
    found = [e for e in doc.events if any(_overlaps(s, t, verb) for s, t in _triggers(e))]
    return min(found, key=lambda e: e.evidence.trigger.start) if found else None


def item_is_right(record: dict[str, Any], doc: CodedDocument) -> bool:
    """Whether the coded location of the gold verb's event matches the gold places."""
    event = covering_event(doc, record["verb"])
    location = event.location if event is not None else None
    gold = record["all_locations"]
    if not gold:
        return location is None
    return location is not None and any(_overlaps(location.start, location.end, g) for g in gold)


def score_event_locations(
    records: list[dict[str, Any]], docs: Iterable[CodedDocument]
) -> LocationCounts:
    """Count right answers over coded sentences, split by whether gold places the event."""
    counts = LocationCounts()
    for record, doc in zip(records, docs, strict=True):
        right = item_is_right(record, doc)
        counts.items += 1
        counts.right += right
        counts.without_event += covering_event(doc, record["verb"]) is None
        if record["all_locations"]:
            counts.placed += 1
            counts.placed_right += right
        else:
            counts.unplaced += 1
            counts.unplaced_right += right
    return counts


def to_report(counts: LocationCounts) -> Report:
    report = Report(f"event location: {counts.items} sentences")
    ratio_row(report, "event location right", counts.right, counts.items)
    ratio_row(report, "placed by gold: location right", counts.placed_right, counts.placed)
    ratio_row(report, "not placed by gold: none given", counts.unplaced_right, counts.unplaced)
    ratio_row(report, "verbs without an event", counts.without_event, counts.items)
    return report


@task("event-location")
def evaluate_event_location(gold_path: Path, selection: Selection) -> Report:
    """Score each gold verb's event location on a file of sentences with place spans."""
    records = read_gold(gold_path, selection, ("text", "verb", "all_locations"))
    docs = default_pipeline().code_articles(gold_articles(records))
    return to_report(score_event_locations(records, docs))
