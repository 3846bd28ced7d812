"""``eventwatch code``: news text in, coded events out (JSON lines or a table)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from ..engines import BatchReport
from ..records import document_to_dict, event_to_dict, json_line
from . import app
from ._shared import (
    ActorsOption,
    ConfigOption,
    InputArgument,
    PubDateOption,
    WorkersOption,
    coded_documents,
)

__all__ = ["code_command"]


class CodeFormat(StrEnum):
    doc = "doc"
    jsonl = "jsonl"
    table = "table"


def _dumps(record: object) -> str:
    return json_line(record)


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
    config: ConfigOption = None,
    workers: WorkersOption = 1,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if any document could not be read or coded.")
    ] = False,
) -> None:
    """Code news text into PLOVER events with actors and evidence offsets.

    Each document is written (and flushed) as soon as it is coded, so an
    interrupted run keeps what it did. Documents that cannot be read or coded
    are reported on stderr with their id and reason; the rest is coded.
    """
    fmt = format or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.doc)
    out = None
    if fmt is CodeFormat.table:  # a wide table on a pipe; the terminal's own width on a terminal
        out = Console(width=None if sys.stdout.isatty() else 200)
    report = BatchReport()
    docs = coded_documents(
        input, date=pub_date, actors=actors, config=config, workers=workers, report=report
    )
    for doc in docs:
        if fmt is CodeFormat.doc:
            sys.stdout.write(_dumps(document_to_dict(doc)) + "\n")
        elif fmt is CodeFormat.jsonl:
            for event in doc.events:
                sys.stdout.write(_dumps({"doc_id": doc.id, **event_to_dict(event)}) + "\n")
        elif out is not None and not doc.errors:
            from .render import events_table

            out.print(events_table(doc))
        sys.stdout.flush()
    if strict and report.with_errors:
        raise typer.Exit(1)
