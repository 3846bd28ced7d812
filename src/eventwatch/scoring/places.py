"""The ``places`` task: toponyms found and resolved against gold spans and coordinates.

A gold toponym is *found* when a coded place overlaps its span, and *resolved*
when such a place lies within 161 km (100 miles, the customary geoparsing
threshold) of the gold coordinates. Precision is the share of coded places
that overlap a gold toponym.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import CodedDocument, Place
from ..resources.gazetteer import distance_km
from . import Report, Selection, default_pipeline, gold_articles, ratio_row, read_gold, task

__all__ = ["PlaceCounts", "score_places", "to_report"]

WITHIN_KM = 161.0


@dataclass
class PlaceCounts:
    gold: int = 0
    found: int = 0
    resolved: int = 0
    predicted: int = 0
    correct_spans: int = 0
    documents: int = 0
    errors: int = 0


def _overlaps(place: Place, gold: dict[str, Any]) -> bool:
    return place.start < int(gold["end"]) and int(gold["start"]) < place.end


def _close(place: Place, gold: dict[str, Any]) -> bool:
    if place.lat is None or place.lon is None:
        return False
    distance = distance_km(place.lat, place.lon, float(gold["lat"]), float(gold["lon"]))
    return distance <= WITHIN_KM


def score_places(records: list[dict[str, Any]], docs: Iterable[CodedDocument]) -> PlaceCounts:
    """Count found and resolved gold toponyms over coded documents."""
    counts = PlaceCounts()
    for record, doc in zip(records, docs, strict=True):
        counts.documents += 1
        counts.errors += int(bool(doc.errors))
        gold = record["toponyms"]
        for toponym in gold:
            hits = [p for p in doc.places if _overlaps(p, toponym)]
            counts.gold += 1
            counts.found += int(bool(hits))
            counts.resolved += int(any(_close(p, toponym) for p in hits))
        counts.predicted += len(doc.places)
        counts.correct_spans += sum(any(_overlaps(p, g) for g in gold) for p in doc.places)
    return counts


def to_report(counts: PlaceCounts) -> Report:
    report = Report(f"places: {counts.documents} articles, {counts.gold} gold toponyms")
    ratio_row(report, "toponyms found", counts.found, counts.gold)
    ratio_row(report, "resolved within 161 km", counts.resolved, counts.gold)
    ratio_row(report, "resolved of found", counts.resolved, counts.found)
    ratio_row(report, "place precision (span)", counts.correct_spans, counts.predicted)
    if counts.errors:
        ratio_row(report, "documents with errors", counts.errors, counts.documents)
    return report


@task("places")
def evaluate_places(gold_path: Path, selection: Selection) -> Report:
    """Score the pipeline's places on a gold file of toponyms with coordinates."""
    records = read_gold(gold_path, selection, ("text", "toponyms"))
    docs = default_pipeline().code_articles(gold_articles(records))
    return to_report(score_places(records, docs))
