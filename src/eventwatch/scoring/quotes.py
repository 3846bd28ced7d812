"""The ``quotes`` and ``casualties`` tasks.

``quotes``: each coded quote's speaker span and content span are matched one
to one with the gold attributions' source and content spans; a pair matches
when the spans overlap. Precision is matched / coded, recall matched / gold,
and F1 their harmonic mean (quotes without a speaker add no source span).

``casualties``: the document's largest killed and injured counts
(``casualties`` of the coded document, from the quantities stage; 0 if none) against the incident's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import CodedDocument
from . import Report, Selection, default_pipeline, gold_articles, ratio_row, read_gold, task

__all__ = ["SpanScore", "evaluate_casualties", "evaluate_quotes", "match_spans"]

Interval = tuple[int, int]


@dataclass
class SpanScore:
    """Overlap matches between coded and gold spans."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_spans(predicted: list[Interval], gold: list[list[Interval]]) -> int:
    """The largest number of one-to-one pairs of overlapping coded and gold spans.

    A gold span may come in pieces; a coded span overlaps it when it overlaps
    any piece. Pairs are found by augmenting paths (a maximum bipartite matching).
    """
    edges = [
        [g for g, pieces in enumerate(gold) if any(s < end and start < e for s, e in pieces)]
        for start, end in predicted
    ]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    return sum(augment(p, set()) for p in range(len(predicted)))


def _gold_spans(record: dict[str, Any], role: str) -> list[list[Interval]]:
    spans = []
    for attribution in record["attributions"]:
        span = attribution.get(role)
        if span:
            pieces = span.get("spans") or [[span["start"], span["end"]]]
            spans.append([(int(s), int(e)) for s, e in pieces])
    return spans


def score_quotes(pairs: Iterable[tuple[dict[str, Any], CodedDocument]]) -> dict[str, SpanScore]:
    """Source and content span scores over coded documents and their gold."""
    scores = {"source": SpanScore(), "content": SpanScore()}
    for record, doc in pairs:
        coded = {
            "source": [(q.speaker.start, q.speaker.end) for q in doc.quotes if q.speaker],
            "content": [(q.content.start, q.content.end) for q in doc.quotes],
        }
        for role, score in scores.items():
            gold = _gold_spans(record, role)
            score.matched += match_spans(coded[role], gold)
            score.predicted += len(coded[role])
            score.gold += len(gold)
    return scores


@task("quotes")
def evaluate_quotes(gold_path: Path, selection: Selection) -> Report:
    """Code every gold article and score speaker and content spans."""
    records = read_gold(gold_path, selection, ("text", "attributions"))
    docs = default_pipeline().code_articles(gold_articles(records))
    scores = score_quotes(zip(records, docs, strict=True))
    report = Report(title=f"Quotes evaluation: {len(records)} articles")
    for role, score in scores.items():
        report.add(f"{role}-span F1", score.f1)
        report.add(f"{role}-span precision", score.precision, score.matched, score.predicted)
        report.add(f"{role}-span recall", score.recall, score.matched, score.gold)
    return report


@task("casualties")
def evaluate_casualties(gold_path: Path, selection: Selection) -> Report:
    """Code every gold article and compare its largest killed and injured counts."""
    records = read_gold(gold_path, selection, ("text", "killed", "injured"))
    docs = default_pipeline().code_articles(gold_articles(records))
    killed = injured = 0
    for record, doc in zip(records, docs, strict=True):
        coded_killed = doc.casualties.get("killed", 0)
        coded_injured = doc.casualties.get("injured", 0)
        killed += coded_killed == int(record["killed"] or 0)
        injured += coded_injured == int(record["injured"] or 0)
    report = Report(title=f"Casualties evaluation: {len(records)} articles")
    ratio_row(report, "killed exact", killed, len(records))
    ratio_row(report, "injured exact", injured, len(records))
    return report
