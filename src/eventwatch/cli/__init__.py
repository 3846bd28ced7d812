"""The ``eventwatch`` command line: a thin shell over the library.

Each command parses its options, calls one library function, and formats the
result. Errors from eventwatch are caught once, in :func:`main`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..exceptions import EventwatchError, InputError
from ..records import document_to_dict, event_to_dict
from ._shared import ActorsOption, InputArgument, PubDateOption, coded_documents, err

__all__ = ["app", "main"]

app = typer.Typer(
    help="eventwatch: news text to PLOVER political events, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)


class CodeFormat(StrEnum):
    doc = "doc"
    jsonl = "jsonl"
    table = "table"


def _console() -> Console:
    """Standard output as Rich sees it: the terminal's width, or 120 columns on a pipe."""
    return Console(width=None if sys.stdout.isatty() else 120)


def _dumps(record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


@app.command("code")
def code_command(
    input: InputArgument,
    pub_date: PubDateOption = None,
    format: Annotated[
        CodeFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="doc: one JSON per document; jsonl: one JSON per event; "
            "table: a table (default on a terminal).",
        ),
    ] = None,
    actors: ActorsOption = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="A pipeline config TOML (default: the packaged one)."),
    ] = None,
) -> None:
    """Code news text into PLOVER events with actors and evidence offsets."""
    fmt = format or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.doc)
    out = None
    if fmt is CodeFormat.table:  # a wide table on a pipe; the terminal's own width on a terminal
        out = Console(width=None if sys.stdout.isatty() else 200)
    for doc in coded_documents(input, date=pub_date, actors=actors, config=config):
        if fmt is CodeFormat.doc:
            sys.stdout.write(_dumps(document_to_dict(doc)) + "\n")
        elif fmt is CodeFormat.jsonl:
            for event in doc.events:
                sys.stdout.write(_dumps({"doc_id": doc.id, **event_to_dict(event)}) + "\n")
        elif out is not None and not doc.errors:
            from .render import events_table

            out.print(events_table(doc))


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
    task: Annotated[
        str,
        typer.Option(
            "--task",
            help="What to score: plover, actors, dates, times, places, quotes, casualties.",
        ),
    ] = "plover",
    split: Annotated[
        str,
        typer.Option(
            "--split",
            help="Which half of the gold file: tune (read its errors), check (read only its "
            "figures), all, or both (tune and check side by side).",
        ),
    ] = "all",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first N records.")
    ] = None,
) -> None:
    """Score eventwatch against a gold benchmark and print the figures."""
    from ..scoring import evaluate, format_halves, format_report

    if split == "both":
        tune = evaluate(gold, task=task, split="tune", limit=limit)
        check = evaluate(gold, task=task, split="check", limit=limit)
        _console().print(format_halves(tune, check))
        return
    _console().print(format_report(evaluate(gold, task=task, split=split, limit=limit)))


# Command modules register their commands on ``app`` when imported (one line each):
from . import actors as _actors  # noqa: E402,F401
from . import dates as _dates  # noqa: E402,F401
from . import quotes as _quotes  # noqa: E402,F401


def main() -> None:
    """Entry point: run the app, turning eventwatch errors into one clear line.

    Usage mistakes are the command-line library's to report (exit 2); our own
    errors are printed here as ``ClassName: message`` without a traceback:
    exit 2 for bad input, 1 for anything else.
    """
    try:
        app(standalone_mode=True)
    except InputError as exc:
        err.print(f"[red]{type(exc).__name__}[/]: {exc}", highlight=False)
        raise SystemExit(2) from None
    except EventwatchError as exc:
        err.print(f"[red]{type(exc).__name__}[/]: {exc}", highlight=False)
        raise SystemExit(1) from None
