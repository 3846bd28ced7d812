"""The ``plover`` task: event types and actors against PLOVER gold sentences.

 each gold sentence carries one main event. Type recall asks whether
any coded event of the sentence has the gold type; top-1 asks whether the most
confident event has it; per-type precision counts top-1 events. Actor accuracy
compares the coded event of the gold type (else the top-1 event) with the gold
source and target: country right when a coded country is among the gold ones,
sector likewise (gold sectors are cut to their three-letter code). Gold puts
CAMEO's codes for actors without a state (NGO, IGO, IMG) in the country slot;
a coded actor with no country (or IGO) and sector NGO, IGO, REB or UAF is
compared as those codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..exceptions import InputError
from ..records import Actor, CodedDocument, Event
from . import Report, Row, Selection, default_pipeline, gold_articles, read_gold, task

__all__ = ["PloverReport", "score_plover", "to_report"]


@dataclass
class _Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0


@dataclass
class PloverReport:
    """The figures of a ``plover`` evaluation."""

    sentences: int = 0
    type_recall: _Ratio = field(default_factory=_Ratio)
    top1: _Ratio = field(default_factory=_Ratio)
    source_country: _Ratio = field(default_factory=_Ratio)
    target_country: _Ratio = field(default_factory=_Ratio)
    source_sector: _Ratio = field(default_factory=_Ratio)
    target_sector: _Ratio = field(default_factory=_Ratio)
    per_type_recall: dict[str, _Ratio] = field(default_factory=dict)
    per_type_precision: dict[str, _Ratio] = field(default_factory=dict)
    no_event: int = 0
    errors: int = 0


def _top(events: Sequence[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.evidence.trigger.start))


def _codes(actors: Iterable[dict[str, Any]], key: str) -> set[str]:
    found = set()
    for actor in actors:
        value = actor.get(key)
        if isinstance(value, str) and value and value != "***":
            found.add(value[:3].upper())
    return found


#: CAMEO's codes for actors without a state, by our sector for them
_STATELESS = {"NGO": {"NGO", "IGO"}, "IGO": {"IGO", "NGO"}, "REB": {"IMG"}, "UAF": {"IMG"}}


def _predicted(actors: list[Actor], key: str) -> set[str]:
    values = set()
    for actor in actors:
        if key == "country" and actor.country:
            values.add(actor.country)
        if key == "country" and actor.country in (None, "IGO"):
            # gold codes transnational actors in the country slot: NGO, IGO, IMG
            values.update(_STATELESS.get(actor.sector or "", set()))
        if key == "sector":
            values.update(actor.sectors)
    return values


def score_plover(pairs: Iterable[tuple[dict[str, Any], CodedDocument]]) -> PloverReport:
    """Score coded documents against their gold records."""
    report = PloverReport()
    for gold, doc in pairs:
        report.sentences += 1
        report.errors += bool(doc.errors)
        if not doc.events:
            report.no_event += 1
        gold_event = gold["events"][0]
        gold_type = gold_event["type"]
        types = {e.type for e in doc.events}
        top = _top(doc.events)
        report.type_recall.add(gold_type in types)
        report.per_type_recall.setdefault(gold_type, _Ratio()).add(gold_type in types)
        report.top1.add(top is not None and top.type == gold_type)
        if top is not None:
            report.per_type_precision.setdefault(top.type, _Ratio()).add(top.type == gold_type)
        chosen = _top([e for e in doc.events if e.type == gold_type]) or top
        for role, country_ratio, sector_ratio in (
            ("source", report.source_country, report.source_sector),
            ("target", report.target_country, report.target_sector),
        ):
            gold_actors = gold_event.get(role) or []
            predicted = (chosen.source if role == "source" else chosen.target) if chosen else []
            gold_countries = _codes(gold_actors, "country")
            if gold_countries:
                country_ratio.add(bool(gold_countries & _predicted(predicted, "country")))
            gold_sectors = _codes(gold_actors, "sector")
            if gold_sectors:
                sector_ratio.add(bool(gold_sectors & _predicted(predicted, "sector")))
    return report


@task("plover")
def evaluate_plover(gold_path: Path, selection: Selection) -> Report:
    """Code every gold sentence and score types and actors."""
    records = read_gold(gold_path, selection, ("text", "events"))
    for number, record in enumerate(records, start=1):
        if not record["events"]:
            raise InputError(f"{gold_path}: record {number} has no gold event")
    docs = default_pipeline().code_articles(gold_articles(records))
    return to_report(score_plover(zip(records, docs, strict=True)))


def to_report(report: PloverReport) -> Report:
    out = Report(title=f"PLOVER evaluation: {report.sentences} sentences")
    for name, ratio in (
        ("type recall", report.type_recall),
        ("top-1 type accuracy", report.top1),
        ("source country", report.source_country),
        ("target country", report.target_country),
        ("source sector", report.source_sector),
        ("target sector", report.target_sector),
    ):
        out.add(name, ratio.value, ratio.hit, ratio.total)
    out.rows.append(Row("sentences with no event", str(report.no_event)))
    out.rows.append(Row("documents with errors", str(report.errors)))
    types = sorted(set(report.per_type_recall) | set(report.per_type_precision))
    counts = Counter({t: report.per_type_recall.get(t, _Ratio()).total for t in types})
    for event_type in types:
        recall = report.per_type_recall.get(event_type, _Ratio())
        precision = report.per_type_precision.get(event_type, _Ratio())
        out.rows.append(
            Row(
                f"  {event_type}  recall / precision",
                f"{recall.value:.2f} / {precision.value:.2f}",
                f"{counts[event_type]} gold, {precision.total} top-1",
            )
        )
    return out
