"""The ``dates`` and ``times`` tasks.

``dates``: each case of ``dates_dev.jsonl`` is resolved by
:func:`eventwatch.dates.resolve_date` against its ``ref``; a case is right when
every field it asserts matches (``start`` given as ``YYYY`` or ``YYYY-MM``
checks only that prefix, ``start: null`` asks for an unresolved answer, ``end:
"not_null"`` for any end, ``date_type: "not_range"`` for anything but a range).

``times``: the documents of ``timex_dev.jsonl`` are coded; for each gold DATE
timex whose value is a full day, *span found* asks whether a coded time overlaps
it, and *day right* whether the most-overlapping coded time starts on that day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..ingest import parse_date
from ..records import TimeSpan
from ..stages.dates import resolve_date
from . import Report, Selection, default_pipeline, gold_articles, ratio_row, read_gold, task

__all__ = ["case_is_right", "evaluate_dates", "evaluate_times", "score_timexes"]

_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def case_is_right(case: dict[str, Any], span: TimeSpan) -> bool:
    """Whether ``span`` matches every field the gold ``case`` asserts."""
    checks = []
    if "start" in case:
        expected = case["start"]
        if expected is None:
            checks.append(span.start_date is None and span.date_type == "unresolved")
        else:
            checks.append((span.start_date or "").startswith(expected))
    if "end" in case:
        end = case["end"]
        if end is None:
            checks.append(span.end_date is None)
        elif end == "not_null":
            checks.append(span.end_date is not None)
        else:
            checks.append((span.end_date or "").startswith(end))
    if "granularity" in case:
        checks.append(span.granularity == case["granularity"])
    if "date_type" in case:
        kind = case["date_type"]
        checks.append(span.date_type != "range" if kind == "not_range" else span.date_type == kind)
    return all(checks)


@task("dates")
def evaluate_dates(gold_path: Path, selection: Selection) -> Report:
    """Score :func:`resolve_date` on expression → resolution cases."""
    cases = read_gold(gold_path, selection, ("expr", "ref"))
    right = sum(
        case_is_right(case, resolve_date(case["expr"], ref=parse_date(case["ref"])))
        for case in cases
    )
    report = Report(f"dates: {gold_path.name}")
    ratio_row(report, "cases right", right, len(cases))
    return report


def score_timexes(gold: list[dict[str, Any]], times: Sequence[TimeSpan]) -> tuple[int, int, int]:
    """(full-day gold DATEs, of them found by overlap, of them with the right day)."""
    total = found = right = 0
    for timex in gold:
        if timex.get("type") != "DATE" or not _FULL_DAY.fullmatch(str(timex.get("value"))):
            continue
        total += 1
        start, end = timex["start"], timex["end"]
        overlapping = [t for t in times if t.start < end and start < t.end]
        if not overlapping:
            continue
        found += 1
        best = max(overlapping, key=lambda t: min(t.end, end) - max(t.start, start))
        right += best.start_date == timex["value"]
    return total, found, right


@task("times")
def evaluate_times(gold_path: Path, selection: Selection) -> Report:
    """Code the TimeML documents and score full-day DATE expressions."""
    records = read_gold(gold_path, selection, ("text", "timexes"))
    pipeline = default_pipeline()
    total = found = right = 0
    for record, doc in zip(records, pipeline.code_articles(gold_articles(records)), strict=True):
        counts = score_timexes(record["timexes"], doc.times)
        total, found, right = total + counts[0], found + counts[1], right + counts[2]
    report = Report(f"times: {gold_path.name} (DATE timexes with a full-day value)")
    ratio_row(report, "span found", found, total)
    ratio_row(report, "day right", right, total)
    return report
