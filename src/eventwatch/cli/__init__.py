"""The ``eventwatch`` command line: a thin shell over the library.

Each command parses its options, calls one library function, and formats the
result. Errors from eventwatch are caught once, in :func:`main`.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..exceptions import EventwatchError, InputError
from ..inputs import parse_date, read_inputs
from ..schema import document_to_dict, event_to_dict

__all__ = ["app", "main"]

app = typer.Typer(
    help="eventwatch: news text to PLOVER political events, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)
_err = Console(stderr=True, soft_wrap=True)


class CodeFormat(StrEnum):
    doc = "doc"
    jsonl = "jsonl"
    table = "table"


def _pub_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pub-date") from None


def _dumps(record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


@app.command("code")
def code_command(
    input: Annotated[
        str,
        typer.Argument(help="A .txt article, a directory of them, a .jsonl file, or - for stdin."),
    ],
    pub_date: Annotated[
        str | None,
        typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    format: Annotated[
        CodeFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="doc: one JSON per document; jsonl: one JSON per event; "
            "table: a table (default on a terminal).",
        ),
    ] = None,
    actors: Annotated[
        Path | None,
        typer.Option("--actors", help="A YAML actor dictionary that adds or overrides actors."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="A pipeline config TOML (default: the packaged one)."),
    ] = None,
) -> None:
    """Code news text into PLOVER events with actors and evidence offsets."""
    from ..pipeline import Pipeline

    date = _pub_date(pub_date)
    fmt = format or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.doc)
    if input != "-" and not Path(input).exists():
        raise typer.BadParameter(f"{input}: no such file or directory", param_hint="INPUT")
    if actors is not None and not actors.is_file():
        raise typer.BadParameter(f"{actors}: no such file", param_hint="--actors")
    items = list(read_inputs(input, pub_date=date))
    overrides = {"eventwatch.actor_mentions.v1": {"dictionary": str(actors)}} if actors else None
    pipeline = Pipeline.load(config, overrides=overrides)
    out = None
    if fmt is CodeFormat.table:  # a wide table on a pipe; the terminal's own width on a terminal
        out = Console(width=None if sys.stdout.isatty() else 200)
    with _progress(len(items)) as progress:
        task = progress.add_task("coding", total=len(items))
        for doc in pipeline.code_articles(items):
            progress.advance(task)
            for error in doc.errors:
                _err.print(f"[yellow]{doc.id}[/]: {error.stage}: {error.message}", highlight=False)
            if fmt is CodeFormat.doc:
                sys.stdout.write(_dumps(document_to_dict(doc)) + "\n")
            elif fmt is CodeFormat.jsonl:
                for event in doc.events:
                    sys.stdout.write(_dumps({"doc_id": doc.id, **event_to_dict(event)}) + "\n")
            elif out is not None and not doc.errors:
                from ..render import events_table

                out.print(events_table(doc))


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        disable=total < 2,
        transient=True,
    )


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path,
        typer.Argument(
            help="A gold JSONL file (see ../shared/benchmarks/README.md).",
            exists=True,
            dir_okay=False,
        ),
    ],
    task: Annotated[str, typer.Option("--task", help="What to score: plover, actors.")] = "plover",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first N records.")
    ] = None,
) -> None:
    """Score eventwatch against a gold benchmark and print the figures."""
    from ..scoring import evaluate, format_report

    report = evaluate(gold, task=task, limit=limit)
    Console().print(format_report(report))


# Command modules register their commands on ``app`` when imported (one line each):
from . import actors as _actors  # noqa: E402,F401


def main() -> None:
    """Entry point: run the app, turning eventwatch errors into one clear line.

    Usage mistakes are the command-line library's to report (exit 2); our own
    errors are printed here as ``ClassName: message`` without a traceback:
    exit 2 for bad input, 1 for anything else.
    """
    try:
        app(standalone_mode=True)
    except InputError as exc:
        _err.print(f"[red]{type(exc).__name__}[/]: {exc}", highlight=False)
        raise SystemExit(2) from None
    except EventwatchError as exc:
        _err.print(f"[red]{type(exc).__name__}[/]: {exc}", highlight=False)
        raise SystemExit(1) from None
