"""``eventwatch quotes``: the quote table (who said what) of news text."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..records import CodedDocument, json_line
from . import app
from ._shared import ActorsOption, InputArgument, PubDateOption, coded_documents
from .render import actor_label, visible

__all__ = ["quotes_command"]


class QuoteFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _table(doc: CodedDocument) -> Table:
    table = Table(title=visible(f"{doc.id}: {len(doc.quotes)} quotes"), expand=True)
    for column in ("speaker", "cue", "content", "direct"):
        table.add_column(column)
    for quote in doc.quotes:
        cells = (
            actor_label(quote.speaker),
            quote.cue.text,
            quote.content.text,
            "yes" if quote.direct else "",
        )
        table.add_row(*(visible(cell) for cell in cells))
    return table


@app.command("quotes")
def quotes_command(
    input: InputArgument,
    pub_date: PubDateOption = None,
    format: Annotated[
        QuoteFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON per quote; table: a table (default on a terminal).",
        ),
    ] = None,
    actors: ActorsOption = None,
) -> None:
    """Print who said what: direct quotes and reported speech, with speakers."""
    fmt = format or (QuoteFormat.table if sys.stdout.isatty() else QuoteFormat.jsonl)
    out = Console(soft_wrap=True)
    for doc in coded_documents(input, date=pub_date, actors=actors):
        if fmt is QuoteFormat.table:
            out.print(_table(doc))
            continue
        for quote in doc.quotes:
            record = {"doc_id": doc.id, **quote.to_dict()}
            sys.stdout.write(json_line(record) + "\n")
