"""Where the filtered events happened: one row per located place, with its event count.

The map of the dashboard and the API's ``/places`` read this: a GROUP BY over the
events' own location columns, so a store of a million events answers in one scan
of the rows the filters keep, never by reading each event's JSON.
"""

from __future__ import annotations

from typing import Any

from ._backends import Backend
from ._filters import EventFilters

__all__ = ["places"]

_SQL = (
    "SELECT e.place_name, e.place_country, e.lat, e.lon, count(*), min(e.day), max(e.day), "
    "coalesce(sum(e.killed), 0), coalesce(sum(e.injured), 0) "
    "FROM events e {join}"
    "WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
    "GROUP BY e.place_name, e.place_country, e.lat, e.lon "
    "ORDER BY count(*) DESC, e.place_name, e.lat, e.lon"
)
_DOCUMENTS = "JOIN documents d ON d.id = e.doc_id AND d.version = e.doc_version "
_KEYS = ("name", "country", "lat", "lon", "events", "first_day", "last_day", "killed", "injured")


def places(
    backend: Backend, filters: EventFilters, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """The located places of the events matching ``filters``, most events first."""
    where, params = filters.where(backend.dialect)
    # the document is joined only when a filter reads it (an event row has its own
    # is_latest, day and place): a month of the map reads the events alone
    join = _DOCUMENTS if filters.reads_documents else ""
    sql = _SQL.format(join=join, where=where)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    with backend.errors("read"):
        rows = backend.execute(sql, params)
    return [dict(zip(_KEYS, row, strict=True)) for row in rows]
