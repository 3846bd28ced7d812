"""The columns the analytics read, straight from the events table: one row per report and dyad.

Reading a million events as JSON records would take minutes; series and alerts
need a dozen columns, which live on each event's own row (schema v5: report day,
each side's countries, the first actor's sector and name, an imported row's
Goldstein score and QuadClass), so this is one scan of one table. The frame's
columns are those of ``eventwatch.analytics`` (``docs/analytics.md``).
"""

from __future__ import annotations

import itertools
from contextlib import closing
from typing import Any

import pandas as pd
from pandas.api.types import union_categoricals

from ._backends import Backend

__all__ = ["incident_of_events", "report_frame", "report_volume"]

_COLUMNS = [
    "unit_id", "day", "type", "mode", "killed", "injured",
    "source_country", "source_sector", "source_actor",
    "target_country", "target_sector", "target_actor", "goldstein", "quad_given",
]  # fmt: skip

#: columns whose few distinct values repeat: kept as pandas categories
_CATEGORIES = {
    "day", "type", "mode", "source_country", "source_sector", "source_actor",
    "target_country", "target_sector", "target_actor",
}  # fmt: skip
_CHUNK = 200_000


def report_frame(
    backend: Backend,
    *,
    since: str | None = None,
    until: str | None = None,
    keep_flagged: bool = False,
) -> pd.DataFrame:
    """Every latest event as report units: one row per (source, target) country pair.

    ``day`` is the day the report was published (its document's ``pub_date``;
    an event of a document without one, its own date). Negated, hypothetical and
    historical events are left out unless ``keep_flagged``.
    """
    where = ["is_latest = 1"]
    params: list[Any] = []
    if not keep_flagged:
        where.append("negated = 0 AND hypothetical = 0 AND historical = 0")
    if since:
        where.append("report_day >= ?")
        params.append(since)
    if until:
        where.append("report_day <= ?")
        params.append(until)
    sql = (
        "SELECT id, report_day, type, mode, killed, injured, source_countries, source_sector, "
        "source_actor, target_countries, target_sector, target_actor, goldstein, quad_class "
        f"FROM events WHERE {' AND '.join(where)}"
    )
    with backend.errors("read"), closing(backend.stream(sql, params, size=_CHUNK)) as rows:
        chunks = []
        while chunk := list(itertools.islice(rows, _CHUNK)):
            chunks.append(_compact(chunk))
    if not chunks:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _COLUMNS})
    return pd.DataFrame(
        {
            c: union_categoricals([k[c] for k in chunks])
            if c in _CATEGORIES
            else pd.concat([k[c] for k in chunks], ignore_index=True)
            for c in _COLUMNS
        }  # fmt: skip
    )


def _compact(rows: list[Any]) -> pd.DataFrame:
    """A chunk of rows as columns, one row per country pair, codes and names as
    categories (a million rows of Python strings would take a gigabyte; as categories
    they take tens of megabytes)."""
    frame = pd.DataFrame.from_records(rows, columns=_COLUMNS)
    exploded = False
    for side in ("source_country", "target_country"):
        several = frame[side].str.contains(";", na=False, regex=False)
        if several.any():  # "SRB;XKX": one row per country, each with the event's id
            frame[side] = frame[side].where(~several, frame[side].str.split(";"))
            frame = frame.explode(side, ignore_index=True)
            exploded = True
    if exploded:  # a country named twice on one side is one pair
        keys = ["unit_id", "source_country", "target_country"]
        frame = frame.drop_duplicates(keys, ignore_index=True)
    for column in _CATEGORIES:
        frame[column] = frame[column].astype("category")
    return frame


def report_volume(backend: Backend) -> pd.Series:
    """The number of reports (latest documents, coded or imported) published each day."""
    with backend.errors("read"):
        rows = backend.execute(
            "SELECT pub_date, count(*) FROM documents "
            "WHERE is_latest = 1 AND pub_date IS NOT NULL AND status <> 'duplicate' "
            "GROUP BY pub_date"
        )
    if not rows:
        return pd.Series(dtype="float64")
    days, counts = zip(*rows, strict=True)
    return pd.Series(counts, index=pd.to_datetime(list(days)), dtype="float64").sort_index()


def incident_of_events(backend: Backend) -> dict[str, str]:
    """Each linked event's incident, ``{event id: incident id}`` (event-less reports left out)."""
    sql = "SELECT event_id, incident_id FROM incident_members WHERE event_id <> ''"
    with backend.errors("read"), closing(backend.stream(sql, [], size=_CHUNK)) as rows:
        return {str(event): str(incident) for event, incident in rows}
