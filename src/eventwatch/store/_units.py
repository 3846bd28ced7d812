"""The columns the analytics read, straight from the tables: one row per report and dyad.

Reading a million events as JSON records would take minutes; series and alerts
need a dozen columns, so this module selects them in one query and hands back
a pandas frame (``docs/analytics.md`` names the columns).
"""

from __future__ import annotations

import itertools
from contextlib import closing
from typing import Any

import pandas as pd
from pandas.api.types import union_categoricals

from ._backends import Backend

__all__ = ["report_frame", "report_volume"]

_COLUMNS = [
    "unit_id", "doc_id", "day", "type", "mode", "killed", "injured",
    "source_country", "source_sector", "source_actor",
    "target_country", "target_sector", "target_actor", "goldstein", "quad_given",
]  # fmt: skip

#: columns whose few distinct values repeat: kept as pandas categories
_CATEGORIES = {
    "day", "type", "mode", "source_country", "source_sector", "source_actor",
    "target_country", "target_sector", "target_actor",
}  # fmt: skip
_CHUNK = 100_000

#: the numbers an imported GDELT, ICEWS or POLECAT row kept in its event record
_IMPORTED = {
    "sqlite": (
        "CASE WHEN d.status = 'imported' THEN json_extract(e.event, '$.goldstein') END",
        "CASE WHEN d.status = 'imported' THEN json_extract(e.event, '$.quad_class') END",
    ),
    "postgresql": (
        "CASE WHEN d.status = 'imported' THEN (e.event::jsonb->>'goldstein')::float END",
        "CASE WHEN d.status = 'imported' THEN (e.event::jsonb->>'quad_class')::int END",
    ),
}


def report_frame(
    backend: Backend,
    *,
    since: str | None = None,
    until: str | None = None,
    keep_flagged: bool = False,
) -> pd.DataFrame:
    """Every latest event as report units: one row per (source, target) actor pair.

    ``day`` is the day the report was published (its document's ``pub_date``;
    an event of a document without one, its own date). Negated, hypothetical and
    historical events are left out unless ``keep_flagged``.
    """
    goldstein, quad = _IMPORTED[backend.dialect]
    where = ["e.is_latest = 1"]
    params: list[Any] = []
    if not keep_flagged:
        where.append("e.negated = 0 AND e.hypothetical = 0 AND e.historical = 0")
    day = "coalesce(d.pub_date, e.day)"
    if since:
        where.append(f"{day} >= ?")
        params.append(since)
    if until:
        where.append(f"{day} <= ?")
        params.append(until)
    sql = (
        f"SELECT e.id, e.doc_id, {day}, e.type, e.mode, e.killed, e.injured, "
        "s.country, s.sector, s.name, t.country, t.sector, t.name, "
        f"{goldstein}, {quad} "
        "FROM events e JOIN documents d ON d.id = e.doc_id AND d.version = e.doc_version "
        "LEFT JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
        "AND s.country IS NOT NULL "
        "LEFT JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' "
        "AND t.country IS NOT NULL "
        f"WHERE {' AND '.join(where)}"
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
    """A chunk of rows as columns, codes and names as categories (a million rows of
    Python strings would take a gigabyte; as categories they take tens of megabytes)."""
    frame = pd.DataFrame.from_records(rows, columns=_COLUMNS)
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
