"""Scoring eventwatch against gold benchmarks: ``eventwatch evaluate --task NAME``.

Each task lives in its own module, registers a scorer with :func:`task`, and
returns a :class:`Report` (named figures with their counts) that the CLI prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from ..exceptions import InputError
from ..ingest import parse_date, read_jsonl_records
from ..records import Article

__all__ = [
    "TASKS",
    "Report",
    "Row",
    "evaluate",
    "format_report",
    "gold_articles",
    "ratio_row",
    "read_gold",
    "task",
]

#: modules that register tasks; each is imported on first use
_TASK_MODULES = ("plover", "actors", "quotes", "dates", "places")


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    count: str = ""


@dataclass
class Report:
    title: str
    rows: list[Row] = field(default_factory=list)
    figures: dict[str, float] = field(default_factory=dict)

    def add(
        self, measure: str, value: float, hit: int | None = None, total: int | None = None
    ) -> None:
        """Add a named figure (shown with ``hit/total`` when given)."""
        self.figures[measure] = value
        count = f"{hit}/{total}" if hit is not None and total is not None else ""
        self.rows.append(Row(measure, f"{value:.3f}", count))


Scorer = Callable[[Path, int | None], Report]
TASKS: dict[str, Scorer] = {}


def task(name: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer under a task name."""

    def decorate(scorer: Scorer) -> Scorer:
        TASKS[name] = scorer
        return scorer

    return decorate


def ratio_row(report: Report, measure: str, hit: int, total: int) -> None:
    report.add(measure, hit / total if total else 0.0, hit, total)


def read_gold(
    gold_path: Path, limit: int | None, required: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Gold records of a JSONL file, each checked for the fields a task needs."""
    records: list[dict[str, Any]] = []
    for number, record in read_jsonl_records(gold_path):
        if isinstance(record, str):
            raise InputError(f"{gold_path}: {record}")
        missing = [f for f in required if f not in record]
        if missing:
            raise InputError(f"{gold_path}:{number}: a gold record needs {', '.join(missing)}")
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    return records


def gold_articles(records: list[dict[str, Any]]) -> list[Article]:
    return [
        Article(
            id=str(r.get("id", i)),
            text=r["text"],
            pub_date=parse_date(r["pub_date"]) if r.get("pub_date") else None,
        )
        for i, r in enumerate(records)
    ]


def evaluate(gold_path: Path, *, task: str = "plover", limit: int | None = None) -> Report:
    """Run the pipeline over a gold file and score it for one task."""
    for module in _TASK_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    scorer = TASKS.get(task)
    if scorer is None:
        raise InputError(f"unknown task {task!r} (known: {', '.join(sorted(TASKS))})")
    return scorer(Path(gold_path), limit)


def format_report(report: Report) -> Table:
    table = Table(title=report.title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for row in report.rows:
        table.add_row(row.measure, row.value, row.count)
    return table
