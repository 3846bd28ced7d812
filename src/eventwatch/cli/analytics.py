"""``eventwatch series``, ``alerts`` and ``import-events``: dyads over time, and escalations."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..records import json_line
from . import app
from ._filters import DbOption
from ._shared import err
from .render import visible

__all__ = ["alerts_command", "import_events_command", "series_command"]


class SeriesFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    table = "table"


class Period(StrEnum):
    day = "day"
    week = "week"


class Unit(StrEnum):
    incidents = "incidents"
    reports = "reports"


UnitOption = Annotated[
    Unit,
    typer.Option(
        "--unit",
        help="What a series counts: incidents (the reports of one incident once) or reports.",
    ),
]


class EventFormat(StrEnum):
    eventwatch = "eventwatch"
    gdelt = "gdelt"
    icews = "icews"
    polecat = "polecat"


@app.command("series")
def series_command(
    db: DbOption = "eventwatch.db",
    dyad: Annotated[
        str | None,
        typer.Option(
            "--dyad",
            help="SRB:XKX (both ways) or SRB>XKX (directed), optionally SRB/GOV or SRB@Name.",
        ),
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Every unit a country takes part in.")
    ] = None,
    by: Annotated[Period, typer.Option("--by", help="day or week (weeks start on Monday).")] = (
        Period.day
    ),
    since: Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")] = None,
    format: Annotated[
        SeriesFormat | None, typer.Option("--format", "-f", help="csv, jsonl or table.")
    ] = None,
    unit: UnitOption = Unit.incidents,
) -> None:
    """Print a dyad's (or a country's) daily or weekly series: counts per PLOVER type and
    QuadClass, conflict-cooperation intensity, killed and injured, each also per 1,000
    reports of the day (docs/analytics.md)."""
    from ..analytics import country_series, dyad_series, units_from_store
    from ..store import Store

    if (dyad is None) == (country is None):
        raise typer.BadParameter("give one of --dyad or --country", param_hint="--dyad")
    with Store.open(db) as store:
        units = units_from_store(store, unit=unit.value)
    if dyad is not None:
        frame = dyad_series(units, dyad, by=by.value, start=since, end=until)
    else:
        assert country is not None
        frame = country_series(units, country, by=by.value, start=since, end=until)
    fmt = format or (SeriesFormat.table if sys.stdout.isatty() else SeriesFormat.csv)
    if fmt is SeriesFormat.csv:
        frame.to_csv(sys.stdout, index_label="period")
    elif fmt is SeriesFormat.jsonl:
        for period, row in frame.iterrows():
            sys.stdout.write(json_line({"period": str(period)[:10], **_plain(row)}) + "\n")
    else:
        shown = [c for c in frame.columns if not c.endswith("_per_1k")][:14]
        table = Table(title=visible(f"{dyad or country} by {by.value}"))
        table.add_column("period")
        for column in shown:
            table.add_column(column, justify="right")
        for period, row in frame[shown].iterrows():
            table.add_row(visible(str(period)[:10]), *(visible(_cell(row[c])) for c in shown))
        Console().print(table)


def _plain(row: Any) -> dict[str, Any]:
    return {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}


def _cell(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, float) and not value.is_integer() else f"{value:g}"


@app.command("alerts")
def alerts_command(
    db: DbOption = "eventwatch.db",
    since: Annotated[
        str | None, typer.Option("--since", help="Alerts detected on or after (YYYY-MM-DD).")
    ] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="One dyad: SRB:XKX.")] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh/--no-refresh", help="Run the detector over the store first (default)."
        ),
    ] = True,
    format: Annotated[
        SeriesFormat | None, typer.Option("--format", "-f", help="jsonl or table.")
    ] = None,
    unit: UnitOption = Unit.incidents,
) -> None:
    """Detect escalations on every dyad, keep the alerts in the store, and print them with
    what changed and the incidents and events behind each."""
    from ..analytics import refresh_alerts, units_from_store
    from ..store import Store

    with Store.open(db) as store:
        if refresh:
            refresh_alerts(store, units=units_from_store(store, unit=unit.value))
        alerts = store.alerts(since=since, dyad=dyad)
    fmt = format or (SeriesFormat.table if sys.stdout.isatty() else SeriesFormat.jsonl)
    if fmt is not SeriesFormat.table:
        for alert in alerts:
            sys.stdout.write(json_line(alert) + "\n")
        return
    table = Table(title=visible(f"{len(alerts)} alerts"), expand=True)
    for column in ("detected", "since", "dyad", "severity", "status", "what changed"):
        table.add_column(column, overflow="fold")
    for alert in alerts:
        cells = (
            alert.get("detected_on") or "", alert.get("change_date") or "", alert["dyad"],
            alert.get("severity") or "", alert.get("status") or "", alert.get("summary") or "",
        )  # fmt: skip
        table.add_row(*(visible(c) for c in cells))
    Console().print(table)


@app.command("import-events")
def import_events_command(
    file: Annotated[Path, typer.Argument(help="An event file.", exists=True, dir_okay=False)],
    format: Annotated[
        EventFormat, typer.Option("--format", "-f", help="eventwatch, gdelt, icews or polecat.")
    ],
    db: DbOption = "eventwatch.db",
) -> None:
    """Load event records without text (GDELT 2.0, ICEWS, POLECAT, or eventwatch code --format
    jsonl rows) into the store, so series and alerts run on them; bad rows are reported and
    skipped (the field mapping is in docs/analytics.md)."""
    from ..engines import import_events
    from ..store import Store

    with Store.open(db) as store:
        report = import_events(file, format=format.value, store=store)
    for problem in report.problems[:50]:
        err.print(visible(f"{file}: {problem}"), highlight=False)
    if len(report.problems) > 50:
        err.print(visible(f"… and {len(report.problems) - 50:,} more bad rows"), highlight=False)
    err.print(visible(report.line()), highlight=False)
