"""What the document commands share: their common options and the coding loop."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..ingest import parse_date, read_inputs
from ..records import CodedDocument

__all__ = ["ActorsOption", "InputArgument", "PubDateOption", "coded_documents", "err", "pub_date"]

err = Console(stderr=True, soft_wrap=True)

InputArgument = Annotated[
    str,
    typer.Argument(help="A .txt article, a directory of them, a .jsonl file, or - for stdin."),
]
PubDateOption = Annotated[
    str | None,
    typer.Option("--pub-date", help="Publication date YYYY-MM-DD for inputs that carry none."),
]
ActorsOption = Annotated[
    Path | None,
    typer.Option("--actors", help="A YAML actor dictionary that adds or overrides actors."),
]


def pub_date(value: str | None) -> dt.date | None:
    """The ``--pub-date`` value as a date; a usage error if it is not one."""
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pub-date") from None


def coded_documents(
    source: str, *, date: str | None, actors: Path | None = None, config: Path | None = None
) -> Iterator[CodedDocument]:
    """Code every document of ``source``, with a progress bar and per-document errors on stderr."""
    from ..pipeline import Pipeline

    when = pub_date(date)
    if source != "-" and not Path(source).exists():
        raise typer.BadParameter(f"{source}: no such file or directory", param_hint="INPUT")
    if actors is not None and not actors.is_file():
        raise typer.BadParameter(f"{actors}: no such file", param_hint="--actors")
    items = list(read_inputs(source, pub_date=when))
    overrides = {"eventwatch.actor_mentions.v1": {"dictionary": str(actors)}} if actors else None
    pipeline = Pipeline.load(config, overrides=overrides)
    with _progress(len(items)) as progress:
        task = progress.add_task("coding", total=len(items))
        for doc in pipeline.code_articles(items):
            progress.advance(task)
            for error in doc.errors:
                err.print(f"[yellow]{doc.id}[/]: {error.stage}: {error.message}", highlight=False)
            yield doc


def _progress(total: int) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=total < 2,
        transient=True,
    )
