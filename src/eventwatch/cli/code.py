"""``eventwatch code``: news text in, coded events out (JSON lines or a table)."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from ..engines import BatchReport
from ..records import document_to_dict, event_to_dict, json_line
from . import app
from ._shared import (
    ActorsOption,
    AddressOption,
    ConfigOption,
    EngineKind,
    EngineOption,
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


def _emit(text: str) -> None:
    """Write ``text`` to stdout whole, even when a signal lands mid-write.

    A buffered write to a full pipe that a signal interrupts can drop what the
    pipe did not take (CPython's BufferedWriter); ``os.write`` in a loop does not.
    """
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # a test's in-memory stdout
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    data = memoryview(text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
    while data:
        data = data[os.write(fd, data) :]


@contextlib.contextmanager
def _whole_lines() -> Iterator[None]:
    """Hold a Ctrl-C that lands mid-write until the record's line is out.

    A pipe that is full blocks the write; an interrupt then would leave half a
    JSON line for the reader. The interrupt is raised once the line is written.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


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
    engine: EngineOption = EngineKind.local,
    address: AddressOption = None,
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
        input,
        date=pub_date,
        actors=actors,
        config=config,
        workers=workers,
        engine=engine,
        address=address,
        report=report,
    )
    for doc in docs:
        with _whole_lines():
            if fmt is CodeFormat.doc:
                _emit(_dumps(document_to_dict(doc)) + "\n")
            elif fmt is CodeFormat.jsonl:
                _emit(
                    "".join(
                        _dumps({"doc_id": doc.id, **event_to_dict(e)}) + "\n" for e in doc.events
                    )
                )
            elif out is not None and not doc.errors:
                from .render import events_table

                out.print(events_table(doc))
            sys.stdout.flush()
    if strict and report.with_errors:
        raise typer.Exit(1)
