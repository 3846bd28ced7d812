"""``eventwatch resolve-actor``: mention strings to country and sector codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..ingest import read_jsonl_records
from ..lookup import ActorQuery, query_date, resolve_actors
from ..records import json_line
from . import app

__all__ = ["resolve_actor_command"]


def _query(number: int, record: dict[str, object] | str) -> ActorQuery | dict[str, object]:
    if isinstance(record, str):
        return {"id": f"line {number}", "error": record}
    doc_id = str(record.get("id", number))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return {"id": doc_id, "error": "record has no 'text' string"}
    context = record.get("context")
    date = query_date(record.get("date"))  # free-text dates ("Today") leave it open
    return ActorQuery(doc_id, text, context if isinstance(context, str) else None, date)


@app.command("resolve-actor")
def resolve_actor_command(
    input: Annotated[
        Path,
        typer.Argument(
            help="JSONL: one {id, text, context?, date?} per line.", exists=True, dir_okay=False
        ),
    ],
    format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    actors: Annotated[
        Path | None,
        typer.Option(
            "--actors", help="An actor dictionary (YAML or PETRARCH .actors) to add.", exists=True
        ),
    ] = None,
) -> None:
    """Resolve actor mention strings to name, country and sector."""
    from ..engines import pipeline_for
    from ..pipeline import PipelineSpec

    if format != "jsonl":
        raise typer.BadParameter(f"unknown format {format!r} (known: jsonl)", param_hint="--format")
    items = [_query(n, r) for n, r in read_jsonl_records(input)]
    overrides = {"eventwatch.actor_mentions.v1": {"dictionary": str(actors)}} if actors else None
    pipeline = pipeline_for(PipelineSpec.load(overrides=overrides))
    answers = dict(
        (id(q), a)
        for q, a in resolve_actors(pipeline, [q for q in items if isinstance(q, ActorQuery)])
    )
    for item in items:
        if isinstance(item, dict):
            sys.stdout.write(json_line(item) + "\n")
            continue
        actor = answers[id(item)]
        record = {
            "id": item.id,
            "text": item.text,
            "name": actor.name,
            "country": actor.country,
            "sector": actor.sector,
            "sectors": list(actor.sectors),
        }
        sys.stdout.write(json_line(record) + "\n")
