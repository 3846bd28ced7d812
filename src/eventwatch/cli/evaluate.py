"""``eventwatch evaluate``: accuracy against a gold benchmark, by halves (or simulated alerts)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import app

__all__ = ["evaluate_command"]


def _console() -> Console:
    """Standard output as Rich sees it: the terminal's width, or 120 columns on a pipe."""
    return Console(width=None if sys.stdout.isatty() else 120)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[
        Path | None,
        typer.Argument(
            help="A gold JSONL file (see ../shared/benchmarks/README.md); for --task alerts, "
            "an optional TOML or JSON file of simulator and detector settings.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    task: Annotated[
        str,
        typer.Option(
            "--task",
            help="What to score: plover, actors, dates, times, places, event-location, quotes, "
            "casualties, incidents (article -> incident, with the TF-IDF baseline), alerts "
            "(escalation alerts on simulated streams, no gold file needed).",
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
