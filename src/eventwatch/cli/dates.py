"""``eventwatch resolve-date``: one temporal expression, or a JSONL file of them."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..ingest import parse_date, read_jsonl_records
from ..records import json_line
from ..stages.dates import resolve_date
from . import app

__all__ = ["resolve_date_command"]


class DateFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


def _answer(text: str, ref: dt.date, anchor: dt.date | None = None) -> dict[str, Any]:
    span = resolve_date(text, ref=ref, anchor=anchor)
    return {
        "start": span.start_date,
        "end": span.end_date,
        "granularity": span.granularity,
        "date_type": span.date_type,
    }


def _date(value: object, name: str) -> dt.date | None:
    """A YYYY-MM-DD value called ``name`` in messages; ``None`` stays ``None``."""
    try:
        return parse_date(value) if value is not None else None
    except ValueError as exc:
        raise ValueError(str(exc).replace("pub_date", name)) from None


def _date_option(value: str | None, name: str) -> dt.date | None:
    try:
        return _date(value, name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=f"--{name}") from None


def _line(number: int, record: dict[str, Any] | str, default_ref: dt.date | None) -> object:
    if isinstance(record, str):
        return {"id": f"line {number}", "error": record}
    doc_id = record.get("id", f"line {number}")
    text = record.get("text")
    if not isinstance(text, str):
        return {"id": doc_id, "error": "record has no 'text' string"}
    try:
        ref = _date(record.get("ref"), "ref") or default_ref
        anchor = _date(record.get("anchor"), "anchor")
    except ValueError as exc:
        return {"id": doc_id, "error": str(exc)}
    if ref is None:
        return {"id": doc_id, "error": "record has no 'ref' date and no --ref was given"}
    return {"id": doc_id, **_answer(text, ref, anchor)}


@app.command("resolve-date")
def resolve_date_command(
    input: Annotated[
        str,
        typer.Argument(help="A temporal expression, or with --format jsonl a JSONL file."),
    ],
    ref: Annotated[
        str | None,
        typer.Option("--ref", help="Reference (publication) date YYYY-MM-DD (default: today)."),
    ] = None,
    anchor: Annotated[
        str | None,
        typer.Option(
            "--anchor",
            help="The day the narrative last spoke of, YYYY-MM-DD, for 'the next day' and the "
            "like (default: --ref).",
        ),
    ] = None,
    format: Annotated[
        DateFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: INPUT is one expression; jsonl: INPUT is a file of {id, text, ref, "
            "anchor?} lines.",
        ),
    ] = DateFormat.json,
) -> None:
    """Resolve temporal expressions against a reference date, as JSON."""
    default_ref, anchor_day = _date_option(ref, "ref"), _date_option(anchor, "anchor")
    if format is DateFormat.json:
        answer = {"text": input, **_answer(input, default_ref or dt.date.today(), anchor_day)}
        sys.stdout.write(json_line(answer) + "\n")
        return
    path = Path(input)
    if not path.is_file():
        raise typer.BadParameter(f"{input}: no such file", param_hint="INPUT")
    for number, record in read_jsonl_records(path):
        sys.stdout.write(json_line(_line(number, record, default_ref)) + "\n")
