"""What the document commands share: their common options, the coding loop, the progress bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..engines import BatchReport
from ..ingest import count_inputs, is_url, parse_date
from ..records import CodedDocument
from .render import visible

__all__ = [
    "ActorsOption",
    "AddressOption",
    "ConfigOption",
    "EngineKind",
    "EngineOption",
    "InputArgument",
    "ProgressBar",
    "PubDateOption",
    "WorkersOption",
    "coded_documents",
    "err",
    "progress",
    "pub_date",
    "report_problem",
]

T = TypeVar("T")

err = Console(stderr=True, soft_wrap=True)

InputArgument = Annotated[
    str,
    typer.Argument(
        help="A .txt, .html, .jsonl or .csv file; a directory (searched recursively for "
        ".txt, .html/.htm, .jsonl and .csv files); an RSS/Atom feed file or URL; a page URL; "
        "- or a pipe (/dev/stdin, <(cmd)) for standard input.",
    ),
]
PubDateOption = Annotated[
    str | None,
    typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs that carry none."),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option(
        "--actors",
        help="An actor dictionary (YAML or PETRARCH .actors) that adds or overrides actors.",
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="A pipeline config TOML (default: the packaged one)."),
]
WorkersOption = Annotated[
    int,
    typer.Option(
        "--workers", "-w", min=1, help="Worker processes (or Ray actors) that parse and code."
    ),
]


class EngineKind(StrEnum):
    """Where the coding runs (``--engine``)."""

    local = "local"
    ray = "ray"


EngineOption = Annotated[
    EngineKind,
    typer.Option(
        "--engine",
        help="local: this machine's processes; ray: actors on a Ray cluster "
        "(pip install 'eventwatch[ray]').",
    ),
]
AddressOption = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="The Ray cluster for --engine ray: auto (the one `ray start` began here) or "
        "ray://host:10001; default: a local one for this run.",
    ),
]


def pub_date(value: str | None) -> dt.date | None:
    """The ``--pub-date`` value as a date; a usage error if it is not one."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pub-date") from None


def report_problem(doc_id: str, stage: str, message: str) -> None:
    """One line on stderr for a document's error; the input's words are never markup."""
    line = visible(doc_id, "yellow")
    line.append_text(visible(f": {stage}: {message}"))
    err.print(line, highlight=False)


def coded_documents(
    source: str,
    *,
    date: str | None,
    actors: Path | None = None,
    config: Path | None = None,
    workers: int = 1,
    engine: EngineKind = EngineKind.local,
    address: str | None = None,
    report: BatchReport | None = None,
) -> Iterator[CodedDocument]:
    """Code every document of ``source`` as it is read, with a progress bar and errors on stderr.

    When the batch ends, or is interrupted, ``report``'s one-line summary goes to stderr.
    """
    from ..engines import code_inputs, engine_for
    from ..pipeline import PipelineSpec

    when = pub_date(date)
    if source != "-" and not is_url(source) and not Path(source).exists():
        raise typer.BadParameter(f"{source}: no such file or directory", param_hint="INPUT")
    if actors is not None and not actors.is_file():
        raise typer.BadParameter(f"{actors}: no such file", param_hint="--actors")
    overrides = {"eventwatch.actor_mentions.v1": {"dictionary": str(actors)}} if actors else None
    spec = PipelineSpec.load(config, overrides=overrides)
    report = report if report is not None else BatchReport()
    coder = engine_for(workers, kind=engine.value, address=address)
    docs = code_inputs(source, spec=spec, engine=coder, pub_date=when, report=report)
    finished = False
    try:
        for doc in progress(docs, total=count_inputs(source), description="coding"):
            for error in doc.errors:
                report_problem(doc.id, error.stage, error.message)
            for warning in doc.warnings:
                report_problem(doc.id, "warning", warning.message)
            yield doc
        finished = True
    finally:
        err.print(Text(report.line(interrupted=not finished)), highlight=False)


class _RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "")


class ProgressBar:
    """A bar (count, rate and time left) on a terminal; silent when stderr is not one.

    ``total`` is shown when known (a file's line count); otherwise the bar counts.
    """

    def __init__(self, *, total: int | None, description: str) -> None:
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            disable=not err.is_terminal,
            transient=True,
        )
        self._task = self._bar.add_task(description, total=total)

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def advance(self) -> None:
        self._bar.advance(self._task)


def progress(items: Iterable[T], *, total: int | None, description: str) -> Iterator[T]:
    """``items`` as they come, with a :class:`ProgressBar`."""
    with ProgressBar(total=total, description=description) as bar:
        for item in items:
            bar.advance()
            yield item
