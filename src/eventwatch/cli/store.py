"""``eventwatch stats``, ``query`` and ``export``: what the store holds."""

from __future__ import annotations

import sys
from contextlib import closing
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..records import json_line
from . import app
from ._filters import (
    ActorFilter,
    BboxFilter,
    CountryFilter,
    DbOption,
    FlagFilter,
    ModeFilter,
    PlaceFilter,
    SectorFilter,
    SinceFilter,
    SourceCountryFilter,
    TargetCountryFilter,
    TextFilter,
    TypeFilter,
    UntilFilter,
    filters,
)
from .render import visible

__all__ = ["export_command", "query_command", "stats_command"]


class StatsFormat(StrEnum):
    json = "json"
    table = "table"


class QueryFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class Unit(StrEnum):
    event = "event"
    incident = "incident"


UnitOption = Annotated[
    Unit,
    typer.Option(
        "--unit",
        help="event (each coded event), or incident (each real-world event, however many "
        "reports describe it; filters: --since, --type, --country as its place, --limit).",
    ),
]


def _incident_filters(
    since: str | None, type: list[str] | None, country: str | None, **unused: Any
) -> dict[str, Any]:
    """The event filters an incident takes; any other one is a usage error."""
    given = [name for name, value in unused.items() if value not in (None, [], ())]
    if given:
        names = ", ".join("--" + n.replace("_", "-") for n in given)
        raise typer.BadParameter(f"{names}: not a filter of incidents", param_hint="--unit")
    if type and len(type) > 1:
        raise typer.BadParameter("incidents take one --type", param_hint="--type")
    return {"since": since, "type": type[0] if type else None, "country": country}


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    geojson = "geojson"
    gdelt = "gdelt"
    polecat = "polecat"


@app.command("stats")
def stats_command(
    db: DbOption = "eventwatch.db",
    format: Annotated[
        StatsFormat | None, typer.Option("--format", "-f", help="json, or table on a terminal.")
    ] = None,
) -> None:
    """Count what the store holds: documents, events, errors, duplicates, versions."""
    from ..store import Store

    with Store.open(db) as store:
        counts = store.stats()
    fmt = format or (StatsFormat.table if sys.stdout.isatty() else StatsFormat.json)
    if fmt is StatsFormat.json:
        sys.stdout.write(json_line(counts) + "\n")
        return
    table = Table(title=visible(f"store {db}"))
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(visible(key), visible(str(value)))
    Console().print(table)


@app.command("query")
def query_command(
    db: DbOption = "eventwatch.db",
    actor: ActorFilter = None,
    country: CountryFilter = None,
    source_country: SourceCountryFilter = None,
    target_country: TargetCountryFilter = None,
    sector: SectorFilter = None,
    type: TypeFilter = None,
    mode: ModeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    place: PlaceFilter = None,
    bbox: BboxFilter = None,
    flag: FlagFilter = None,
    text: TextFilter = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N events.")] = None,
    format: Annotated[
        QueryFormat | None, typer.Option("--format", "-f", help="jsonl, or table on a terminal.")
    ] = None,
    unit: UnitOption = Unit.event,
) -> None:
    """Print the stored events (or incidents) that match every filter given."""
    from ..store import Store

    if unit is Unit.incident:
        from ..incidents import incident_summary
        from .incidents import incidents_table

        chosen_incidents = _incident_filters(
            since, type, country, actor=actor, source_country=source_country,
            target_country=target_country, sector=sector, mode=mode, until=until,
            place=place, bbox=bbox, flag=flag, text=text,
        )  # fmt: skip
        with Store.open(db) as store:
            found = [incident_summary(r) for r in store.incidents(**chosen_incidents, limit=limit)]
        if (format or (QueryFormat.table if sys.stdout.isatty() else QueryFormat.jsonl)) is (
            QueryFormat.jsonl
        ):
            for row in found:
                sys.stdout.write(json_line(row) + "\n")
            return
        Console(width=None if sys.stdout.isatty() else 200).print(incidents_table(found))
        return

    chosen = filters(
        actor=actor, country=country, source_country=source_country,
        target_country=target_country, sector=sector, type=type, mode=mode, since=since,
        until=until, place=place, bbox=bbox, flag=flag, text=text, limit=limit,
    )  # fmt: skip
    fmt = format or (QueryFormat.table if sys.stdout.isatty() else QueryFormat.jsonl)
    with Store.open(db) as store, closing(store.iter_events(**chosen)) as events:
        if fmt is QueryFormat.jsonl:
            for event in events:
                sys.stdout.write(json_line(event) + "\n")
            return
        Console(width=None if sys.stdout.isatty() else 200).print(_events_table(list(events)))


def _events_table(events: list[dict[str, Any]]) -> Table:
    table = Table(title=visible(f"{len(events)} events"), expand=True)
    for column in ("date", "type", "source", "target", "where", "trigger", "document"):
        table.add_column(column, overflow="fold")
    for event in events:
        date = (event.get("date") or {}).get("start_date") or ""
        place = event.get("location") or {}
        cells = (
            date,
            event["type"],
            "; ".join(_codes(a) for a in event.get("source") or ()),
            "; ".join(_codes(a) for a in event.get("target") or ()),
            f"{place.get('name') or ''} {place.get('country') or ''}".strip(),
            event["evidence"]["trigger"]["text"],
            str(event.get("doc_id", "")),
        )
        table.add_row(*(visible(cell) for cell in cells))
    return table


def _codes(actor: dict[str, Any]) -> str:
    codes = " ".join(dict.fromkeys(c for c in (actor.get("country"), actor.get("sector")) if c))
    return f"{codes} ({actor.get('text', '')})" if codes else str(actor.get("text", ""))


@app.command("export")
def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="The file layout.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The file (default: standard output).")
    ] = None,
    db: DbOption = "eventwatch.db",
    actor: ActorFilter = None,
    country: CountryFilter = None,
    source_country: SourceCountryFilter = None,
    target_country: TargetCountryFilter = None,
    sector: SectorFilter = None,
    type: TypeFilter = None,
    mode: ModeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    place: PlaceFilter = None,
    bbox: BboxFilter = None,
    flag: FlagFilter = None,
    text: TextFilter = None,
    unit: UnitOption = Unit.event,
) -> None:
    """Write the stored events that match the filters as CSV, Parquet, JSON lines, GeoJSON,
    GDELT 2.0 or POLECAT rows (columns in docs/export.md); with --unit incident, the
    incidents table as CSV, Parquet or JSON lines."""
    from ..store import Store

    if format is ExportFormat.parquet and out is None:
        raise typer.BadParameter("Parquet is binary: give a file with --out", param_hint="--out")
    if unit is Unit.incident:
        chosen_incidents = _incident_filters(
            since, type, country, actor=actor, source_country=source_country,
            target_country=target_country, sector=sector, mode=mode, until=until,
            place=place, bbox=bbox, flag=flag, text=text,
        )  # fmt: skip
        with Store.open(db) as store:
            rows = store.export_incidents(format.value, out or sys.stdout.buffer,
                                          **chosen_incidents)  # fmt: skip
        if out is not None:
            from ._shared import err

            err.print(visible(f"{rows:,} incidents written to {out}"), highlight=False)
        return
    chosen = filters(
        actor=actor, country=country, source_country=source_country,
        target_country=target_country, sector=sector, type=type, mode=mode, since=since,
        until=until, place=place, bbox=bbox, flag=flag, text=text,
    )  # fmt: skip
    with Store.open(db) as store:
        rows = store.export(format.value, out or sys.stdout.buffer, **chosen)
    if out is not None:
        from ._shared import err

        err.print(visible(f"{rows:,} rows written to {out}"), highlight=False)
