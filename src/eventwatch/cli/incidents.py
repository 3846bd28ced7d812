"""``eventwatch incidents``: list the store's incidents, merge or split them by hand, relink."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..records import json_line
from . import app
from ._filters import DbOption
from .render import visible

__all__ = ["incidents_command", "incidents_table"]


class IncidentFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class Action(StrEnum):
    listing = "list"
    merge = "merge"
    split_ = "split"
    relink = "relink"


@app.command("incidents")
def incidents_command(
    action: Annotated[
        Action,
        typer.Argument(
            help="list (the default); merge A B (B's reports join A); split A --doc D (D "
            "leaves A for an incident of its own); relink (link every stored document again, "
            "keeping the merges and splits made by hand)."
        ),
    ] = Action.listing,
    ids: Annotated[
        list[str] | None, typer.Argument(help="The incident ids the action takes.")
    ] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="For split: the document that leaves.")
    ] = None,
    db: DbOption = "eventwatch.db",
    since: Annotated[
        str | None, typer.Option("--since", help="Incidents dated on or after (YYYY[-MM[-DD]]).")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Incidents located in this country (ISO3).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N.")] = None,
    format: Annotated[
        IncidentFormat | None,
        typer.Option("--format", "-f", help="jsonl, or table on a terminal."),
    ] = None,
) -> None:
    """Print the incidents of the store (one real-world event and every report of it), or
    correct them by hand: merges and splits are kept as an audit trail that linking respects."""
    from ..incidents import incident_summary, merge_incidents, relink, split_incident
    from ..store import Store

    names = ids or []
    wanted = {Action.listing: 0, Action.merge: 2, Action.split_: 1, Action.relink: 0}[action]
    if len(names) != wanted:
        raise typer.BadParameter(
            f"{action.value} takes {wanted} incident id{'s' if wanted != 1 else ''}",
            param_hint="IDS",
        )
    if action is Action.split_ and not doc:
        raise typer.BadParameter("split needs the document that leaves", param_hint="--doc")
    with Store.open(db) as store:
        if action is Action.merge:
            records = [merge_incidents(store, names[0], names[1])]
        elif action is Action.split_:
            records = [split_incident(store, names[0], str(doc))]
        elif action is Action.relink:
            count = relink(store)
            typer.echo(f"{count:,} incidents")
            return
        else:
            records = store.incidents(since=since, type=type, country=country, limit=limit)
    summaries = [incident_summary(r) for r in records]
    fmt = format or (IncidentFormat.table if sys.stdout.isatty() else IncidentFormat.jsonl)
    if fmt is IncidentFormat.jsonl:
        for summary in summaries:
            sys.stdout.write(json_line(summary) + "\n")
        return
    Console(width=None if sys.stdout.isatty() else 200).print(incidents_table(summaries))


def _figure(summary: dict[str, Any], kind: str) -> str:
    given = [f for f in summary["figures"] if f["kind"] == kind]
    best = summary.get(kind)
    if best is None:
        return ""
    if len({f["value"] for f in given}) <= 1:
        return str(best)
    return f"{best} ({', '.join(str(f['value']) for f in given)})"


def incidents_table(summaries: list[dict[str, Any]]) -> Table:
    """Incident summaries as a table (text escaped: article text is never markup)."""
    table = Table(title=visible(f"{len(summaries)} incidents"), expand=True)
    for column in ("id", "date", "type", "where", "killed", "injured", "reports", "sources"):
        table.add_column(column, overflow="fold")
    for s in summaries:
        place = s.get("location") or {}
        where = f"{place.get('name') or ''} {place.get('country') or ''}".strip()
        cells = (
            s["id"] + (" (historical)" if s["historical"] else ""),
            s.get("date") or "",
            s.get("type") or "",
            where,
            _figure(s, "killed"),
            _figure(s, "injured"),
            str(s.get("n_reports") or 0),
            str(s.get("n_sources") or 0),
        )
        table.add_row(*(visible(cell) for cell in cells))
    return table
