"""``eventwatch quotes``: the quote table (who said what) of news text."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..inputs import read_inputs
from ..render import actor_label
from ..schema import Document
from . import _err, _pub_date, app

__all__ = ["quotes_command"]


class QuoteFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _table(doc: Document) -> Table:
    table = Table(title=f"{doc.id}: {len(doc.quotes)} quotes", expand=True)
    for column in ("speaker", "cue", "content", "direct"):
        table.add_column(column)
    for quote in doc.quotes:
        direct = "yes" if quote.direct else ""
        table.add_row(actor_label(quote.speaker), quote.cue.text, quote.content.text, direct)
    return table


@app.command("quotes")
def quotes_command(
    input: Annotated[
        str,
        typer.Argument(help="A .txt article, a directory of them, a .jsonl file, or - for stdin."),
    ],
    pub_date: Annotated[
        str | None,
        typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    format: Annotated[
        QuoteFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one JSON per quote; table: a table (default on a terminal).",
        ),
    ] = None,
) -> None:
    """Print who said what: direct quotes and reported speech, with speakers."""
    from ..pipeline import Pipeline

    date = _pub_date(pub_date)
    fmt = format or (QuoteFormat.table if sys.stdout.isatty() else QuoteFormat.jsonl)
    if input != "-" and not Path(input).exists():
        raise typer.BadParameter(f"{input}: no such file or directory", param_hint="INPUT")
    out = Console(soft_wrap=True)
    for doc in Pipeline.load().code_articles(read_inputs(input, pub_date=date)):
        for error in doc.errors:
            _err.print(f"[yellow]{doc.id}[/]: {error.stage}: {error.message}", highlight=False)
        if fmt is QuoteFormat.table:
            out.print(_table(doc))
            continue
        for quote in doc.quotes:
            record = {"doc_id": doc.id, **quote.to_dict()}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
