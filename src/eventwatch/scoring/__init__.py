"""Scoring eventwatch against gold benchmarks: ``eventwatch evaluate --task NAME``.

Each task lives in its own module, registers a scorer with :func:`task`, and
returns a :class:`Report` (named figures with their counts) that the CLI prints.

Every gold file splits in two halves by a hash of each item's id
(:func:`split_of`): *tune*, whose errors may be read while developing, and
*check*, read only as figures. A change is kept only when the check half
gains too; ``--split both`` prints the halves side by side.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from ..engines import pipeline_for
from ..exceptions import InputError
from ..ingest import parse_date, read_jsonl_records
from ..pipeline import Pipeline, PipelineSpec
from ..records import Article

__all__ = [
    "FILE_OPTIONAL",
    "SPLITS",
    "TASKS",
    "Report",
    "Row",
    "Selection",
    "evaluate",
    "format_halves",
    "format_report",
    "gold_articles",
    "default_pipeline",
    "ratio_row",
    "read_gold",
    "split_of",
    "task",
    "task_with_optional_file",
]

#: the halves a gold file can be read as; ``all`` is both together
SPLITS = ("tune", "check", "all")

#: modules that register tasks; each is imported on first use
_TASK_MODULES = (
    "plover", "actors", "quotes", "dates", "places", "event_location", "alerts", "incidents",
)  # fmt: skip


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


@dataclass(frozen=True)
class Selection:
    """Which gold items a scorer reads: one half (or all), at most ``limit`` of them."""

    split: str = "all"
    limit: int | None = None


def split_of(item_id: object) -> str:
    """The half an item belongs to: ``tune`` or ``check``, by the first byte of its id's SHA-256.

    It depends on the id alone, so an item stays in its half whatever else the
    file holds, and the halves are about equal in size.
    """
    return "tune" if hashlib.sha256(str(item_id).encode("utf-8")).digest()[0] % 2 == 0 else "check"


Scorer = Callable[[Path, Selection], Report]
OptionalFileScorer = Callable[[Path | None, Selection], Report]
TASKS: dict[str, Scorer] = {}
#: tasks that draw their own data and read an optional settings file instead of gold
FILE_OPTIONAL: dict[str, OptionalFileScorer] = {}


def task(name: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer under a task name."""

    def decorate(scorer: Scorer) -> Scorer:
        TASKS[name] = scorer
        return scorer

    return decorate


def task_with_optional_file(name: str) -> Callable[[OptionalFileScorer], OptionalFileScorer]:
    """Register a scorer whose file argument is optional (``alerts``: a simulator config)."""

    def decorate(scorer: OptionalFileScorer) -> OptionalFileScorer:
        TASKS[name] = scorer
        FILE_OPTIONAL[name] = scorer
        return scorer

    return decorate


def ratio_row(report: Report, measure: str, hit: int, total: int) -> None:
    report.add(measure, hit / total if total else 0.0, hit, total)


def read_gold(
    gold_path: Path, selection: Selection, required: tuple[str, ...], *, key: str = "id"
) -> list[dict[str, Any]]:
    """The selected gold records of a JSONL file, each checked for the fields a task needs.

    ``key`` names the field whose value decides an item's half (its id, or the
    incident a report belongs to, so that one cluster never straddles the halves).
    """
    records: list[dict[str, Any]] = []
    for number, record in read_jsonl_records(gold_path):
        if isinstance(record, str):
            raise InputError(f"{gold_path}: {record}")
        missing = [f for f in (*required, key) if f not in record]
        if missing:
            raise InputError(f"{gold_path}:{number}: a gold record needs {', '.join(missing)}")
        if selection.split != "all" and split_of(record[key]) != selection.split:
            continue
        records.append(record)
        if selection.limit is not None and len(records) >= selection.limit:
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


def default_pipeline() -> Pipeline:
    """The packaged pipeline, built once per process (``make evaluate`` scores many halves)."""
    return pipeline_for(PipelineSpec.load())


def evaluate(
    gold_path: Path | None,
    *,
    task: str = "plover",
    split: str = "all",
    limit: int | None = None,
) -> Report:
    """Run the pipeline over one half (or all) of a gold file and score it for one task.

    A task in :data:`FILE_OPTIONAL` takes no gold file (``gold_path`` None, or a settings
    file of its own); any other task needs one.
    """
    for module in _TASK_MODULES:
        importlib.import_module(f"{__name__}.{module}")
    scorer = TASKS.get(task)
    if scorer is None:
        raise InputError(
            f"unknown task {task!r} (known: {', '.join(sorted(TASKS))})", code="input-task"
        )
    if split not in SPLITS:
        raise InputError(
            f"unknown split {split!r} (known: {', '.join(SPLITS)})", code="input-split"
        )
    selection = Selection(split, limit)
    if gold_path is None:
        optional = FILE_OPTIONAL.get(task)
        if optional is None:
            raise InputError(f"task {task!r} needs a gold file", code="input-gold")
        report = optional(None, selection)
    else:
        report = scorer(Path(gold_path), selection)
    report.title += f" [{split}]"
    return report


def format_halves(tune: Report, check: Report) -> Table:
    """The tune and check reports of one task side by side, row by row."""
    table = Table(title=Text(tune.title.removesuffix(" [tune]") + " [tune | check]"))
    table.add_column("measure")
    for half in ("tune", "check"):
        table.add_column(half, justify="right")
        table.add_column("n", justify="right")
    checked = {row.measure: row for row in check.rows}
    measures = [row.measure for row in tune.rows]
    measures += [m for m in checked if m not in measures]
    tuned = {row.measure: row for row in tune.rows}
    for measure in measures:
        left, right = tuned.get(measure), checked.get(measure)
        table.add_row(
            measure,
            left.value if left else "",
            left.count if left else "",
            right.value if right else "",
            right.count if right else "",
        )
    return table


def format_report(report: Report) -> Table:
    table = Table(title=Text(report.title))
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for row in report.rows:
        table.add_row(row.measure, row.value, row.count)
    return table
