"""``eventwatch stages``: the pipeline's stages, what they read and write, and their settings."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..records import json_line
from . import app
from ._shared import ConfigOption
from .render import visible

__all__ = ["stages_command"]


class StagesFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


@app.command("stages")
def stages_command(
    config: ConfigOption = None,
    format: Annotated[
        StagesFormat | None,
        typer.Option("--format", "-f", help="jsonl: one JSON per stage; table (on a terminal)."),
    ] = None,
) -> None:
    """List the configured stages in order, what each reads and writes, and every setting.

    A setting goes in the config under its stage (``settings = {max_candidates = 5}``);
    a name not listed here is an error naming the stage and the key.
    """
    from ..pipeline.config import load_config
    from ..pipeline.registry import stages

    described = [
        stages.describe(s.name) for s in load_config(Path(config) if config else None).stages
    ]
    fmt = format or (StagesFormat.table if sys.stdout.isatty() else StagesFormat.jsonl)
    if fmt is StagesFormat.jsonl:
        for stage in described:
            sys.stdout.write(json_line(stage) + "\n")
        return
    out = Console(width=None if sys.stdout.isatty() else 160)
    for stage in described:
        table = Table(
            title=visible(
                f"{stage['name']}: {', '.join(stage['requires'])} → {', '.join(stage['assigns'])}"
            ),  # fmt: skip
            expand=True,
        )
        for column in ("setting", "default", "meaning"):
            table.add_column(column)
        for key, setting in stage["settings"].items():
            table.add_row(
                visible(key), visible(str(setting["default"])), visible(setting["description"])
            )
        out.print(table)
