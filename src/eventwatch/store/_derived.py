"""Plain storage for what later layers derive from events: incidents and alerts.

No logic lives here: the incidents layer (issue 18) decides what an incident is,
the alerts layer (issue 19) what an alert is. The store keeps their plain dicts
whole (``record``), copies the fields those layers and their readers filter on
into columns, and gives the dicts back as they were written. Writing a record
whose id is stored replaces it (an incident grows as reports arrive; an alert is
updated while its surge lasts). Manual merges and splits are an append-only
audit trail.

Incident dict: ``id`` (required) and, as the linker has them, ``type``,
``mode``, ``dyad``, ``date`` ``{"start", "end", "best"}``, ``location``
``{"name", "country", "lat", "lon"}``, ``killed``, ``injured``, ``arrested``,
``first_report``, ``last_report``, ``n_reports``, ``n_sources`` and
``members``: ``[{"event_id", "doc_id", "score", "features"}]``; a member may
list several ``events`` (a report's events), each its own member row, and a
report without events is a row whose ``event_id`` is empty.

Alert dict: ``id`` and ``dyad`` (required), ``detected_on``, ``change_date``,
``severity``, ``summary``, ``incidents`` and ``events`` (lists of ids).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from ..exceptions import InputError
from ._backends import Backend
from ._rows import dumps

__all__ = [
    "add_incident_audit",
    "delete_incidents",
    "alerts",
    "incident_audit",
    "incidents",
    "write_alerts",
    "write_incidents",
]

_INCIDENT_COLUMNS = (
    "id", "type", "mode", "dyad", "date_start", "date_end", "date_best", "place_name",
    "place_country", "lat", "lon", "killed", "injured", "arrested", "first_report",
    "last_report", "n_reports", "n_sources", "updated_at", "record",
)  # fmt: skip
_ALERT_COLUMNS = (
    "id", "dyad", "detected_on", "change_date", "severity", "summary", "updated_at", "record",
)  # fmt: skip


_INCIDENT_MEMBER_COLUMNS = ("incident_id", "event_id", "doc_id", "score", "features")
_Table = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]


def _replace(backend: Backend, records: _Table, members: _Table) -> None:
    """Replace records (first column: id) and their members (first column: the record id)."""
    table, columns, rows = records
    member_table, member_columns, member_rows = members
    ids = [row[0] for row in rows]
    with backend.errors("write"), backend.transaction(write=True):
        backend.run_in(f"DELETE FROM {member_table} WHERE {member_columns[0]} {{in}}", ids)
        backend.run_in(f"DELETE FROM {table} WHERE id {{in}}", ids)
        backend.insert_rows(table, columns, rows)
        backend.insert_rows(member_table, member_columns, member_rows)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _require(record: Mapping[str, Any], keys: Iterable[str], kind: str) -> None:
    for key in keys:
        if not isinstance(record.get(key), str) or not record[key]:
            raise InputError(f"{kind} needs a string {key!r}: {dumps(record)[:200]}")


def write_incidents(backend: Backend, records: Iterable[Mapping[str, Any]]) -> int:
    """Store (or replace) incidents with their members, in one transaction."""
    at = _now()
    items = list(records)
    for record in items:
        _require(record, ["id"], "an incident")
    rows: list[tuple[Any, ...]] = []
    members: list[tuple[Any, ...]] = []
    for r in items:
        date = r.get("date") or {}
        place = r.get("location") or {}
        rows.append((
            r["id"], r.get("type"), r.get("mode"), r.get("dyad"), date.get("start"),
            date.get("end"), date.get("best"), place.get("name"), place.get("country"),
            place.get("lat"), place.get("lon"), r.get("killed"), r.get("injured"),
            r.get("arrested"), r.get("first_report"), r.get("last_report"),
            r.get("n_reports"), r.get("n_sources"), at, dumps(r),
        ))  # fmt: skip
        for m in r.get("members") or []:
            events = m.get("events") or [m.get("event_id") or ""]
            members.extend(
                (r["id"], event, m.get("doc_id"), m.get("score"), dumps(m.get("features") or {}))
                for event in events
            )
    _replace(backend, ("incidents", _INCIDENT_COLUMNS, rows),
             ("incident_members", _INCIDENT_MEMBER_COLUMNS, members))  # fmt: skip
    return len(rows)


def incidents(
    backend: Backend,
    *,
    id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    country: str | None = None,
    event_id: str | None = None,
    doc_id: str | None = None,
    reported_since: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
) -> list[dict[str, Any]]:
    """Stored incident dicts in id order, filtered by best date, type, place country,
    member event or document, and last report (``reported_since``: undated ones too);
    ``cursor`` is the last id of the previous page."""
    clauses, params = _filters(
        [("i.id = ?", id), ("i.date_best >= ?", since), ("i.date_best <= ?", until),
         ("i.type = ?", type),
         ("i.place_country = ?", country), ("i.id > ?", cursor)]
    )  # fmt: skip
    if event_id is not None:
        clauses.append(
            "i.id IN (SELECT m.incident_id FROM incident_members m WHERE m.event_id = ?)"
        )
        params.append(event_id)
    if doc_id is not None:
        clauses.append("i.id IN (SELECT m.incident_id FROM incident_members m WHERE m.doc_id = ?)")
        params.append(doc_id)
    if reported_since is not None:
        clauses.append("(i.last_report >= ? OR i.last_report IS NULL)")
        params.append(reported_since)
    return _records(backend, "incidents i", clauses, params, limit)


def delete_incidents(backend: Backend, ids: Iterable[str]) -> int:
    """Remove incidents (merged into others) and their members, in one transaction."""
    names = list(ids)
    if not names:
        return 0
    with backend.errors("write"), backend.transaction(write=True):
        backend.run_in("DELETE FROM incident_members WHERE incident_id {in}", names)
        backend.run_in("DELETE FROM incidents WHERE id {in}", names)
    return len(names)


def add_incident_audit(
    backend: Backend, incident_id: str, action: str, record: Mapping[str, Any]
) -> None:
    """Append a manual merge or split to the audit trail that re-linking respects."""
    if action not in {"merge", "split"}:
        raise InputError(f"audit action {action!r} is not 'merge' or 'split'")
    with backend.errors("write"), backend.transaction(write=True):
        backend.insert_rows(
            "incident_audit",
            ("incident_id", "action", "at", "record"),
            [(incident_id, action, _now(), dumps(dict(record)))],
        )


def incident_audit(backend: Backend, incident_id: str | None = None) -> list[dict[str, Any]]:
    """The audit trail, oldest first: ``{"incident_id", "action", "at", "record"}``."""
    sql = "SELECT incident_id, action, at, record FROM incident_audit"
    params: list[Any] = []
    if incident_id is not None:
        sql += " WHERE incident_id = ?"
        params.append(incident_id)
    with backend.errors("read"):
        rows = backend.execute(sql + " ORDER BY seq", params)
    return [
        {"incident_id": i, "action": a, "at": at, "record": json.loads(r)} for i, a, at, r in rows
    ]


def write_alerts(backend: Backend, records: Iterable[Mapping[str, Any]]) -> int:
    """Store (or update) alerts and the incidents and events that drove them."""
    at = _now()
    items = list(records)
    for record in items:
        _require(record, ["id", "dyad"], "an alert")
    rows = [
        (r["id"], r["dyad"], r.get("detected_on"), r.get("change_date"), r.get("severity"),
         r.get("summary"), at, dumps(r))
        for r in items
    ]  # fmt: skip
    members = [
        (r["id"], kind, member)
        for r in items
        for kind, key in (("incident", "incidents"), ("event", "events"))
        for member in r.get(key) or []
    ]
    _replace(backend, ("alerts", _ALERT_COLUMNS, rows),
             ("alert_members", ("alert_id", "kind", "member_id"), members))  # fmt: skip
    return len(rows)


def alerts(
    backend: Backend,
    *,
    id: str | None = None,
    since: str | None = None,
    dyad: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
) -> list[dict[str, Any]]:
    """Stored alert dicts in id order, filtered by detection day and dyad; ``cursor`` is
    the last id of the previous page."""
    clauses, params = _filters([("a.id = ?", id), ("a.detected_on >= ?", since),
                                ("a.dyad = ?", dyad), ("a.id > ?", cursor)])  # fmt: skip
    return _records(backend, "alerts a", clauses, params, limit)


def _filters(pairs: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    clauses = [clause for clause, value in pairs if value is not None]
    return clauses, [value for _, value in pairs if value is not None]


def _records(
    backend: Backend, table: str, clauses: list[str], params: list[Any], limit: int | None
) -> list[dict[str, Any]]:
    alias = table.split()[-1]
    sql = f"SELECT {alias}.record FROM {table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += f" ORDER BY {alias}.id"
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    with backend.errors("read"):
        return [json.loads(row[0]) for row in backend.execute(sql, params)]
