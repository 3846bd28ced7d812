"""Reading the store: events by filter, documents whole, and counts.

An event *record* is the event's JSON form (what ``eventwatch code --format
jsonl`` prints) with its document's ``doc_id``, ``doc_version``, ``pub_date``,
``title``, ``url``, ``doc_source`` (the feed or site; ``source`` is the
event's source actors), ``language`` and ``pipeline_version`` in front. An
event *row* is the same event flattened to the scalar columns of
:data:`FLAT_COLUMNS` (for tables, CSV, Parquet and DataFrames). Both come in
event-id order, on both backends.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Generator, Mapping
from typing import Any

from ._backends import Backend
from ._filters import EventFilters, iso_day, text_clause

__all__ = [
    "FLAT_COLUMNS",
    "document",
    "documents",
    "flat_row",
    "iter_event_records",
    "stats",
]

_EVENTS_SQL = (
    "SELECT e.doc_id, e.doc_version, d.pub_date, d.title, d.url, d.source, d.language, "
    "d.pipeline_version, e.event "
    "FROM events e JOIN documents d ON d.id = e.doc_id AND d.version = e.doc_version "
    "WHERE {where} ORDER BY e.id"
)

#: (column, type) of a flattened event; the types are pyarrow's names
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("doc_id", "string"), ("doc_version", "int64"),
    ("pub_date", "string"), ("doc_source", "string"), ("url", "string"), ("title", "string"),
    ("type", "string"), ("mode", "string"), ("cameo", "string"), ("context", "string"),
    ("negated", "bool"), ("hypothetical", "bool"), ("historical", "bool"),
    ("date_start", "string"), ("date_end", "string"), ("date_granularity", "string"),
    ("date_text", "string"), ("date_source", "string"),
    ("source_actors", "string"), ("source_countries", "string"), ("source_sectors", "string"),
    ("target_actors", "string"), ("target_countries", "string"), ("target_sectors", "string"),
    ("reported_by", "string"), ("reported_by_country", "string"),
    ("place_text", "string"), ("place_name", "string"), ("place_country", "string"),
    ("place_admin1", "string"), ("place_feature", "string"), ("place_geonameid", "int64"),
    ("lat", "float64"), ("lon", "float64"),
    ("killed", "int64"), ("injured", "int64"), ("confidence", "float64"),
    ("sentence", "int64"), ("evidence_start", "int64"), ("evidence_end", "int64"),
    ("evidence_text", "string"), ("trigger_start", "int64"), ("trigger_end", "int64"),
    ("trigger_text", "string"), ("rule", "string"),
)  # fmt: skip


def iter_event_records(
    backend: Backend, filters: EventFilters, *, size: int = 1000
) -> Generator[dict[str, Any], None, None]:
    """Event records matching ``filters``, streamed ``size`` rows at a time."""
    where, params = filters.where(backend.dialect)
    sql = _EVENTS_SQL.format(where=where)
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    with backend.errors("read"):
        for (
            doc_id,
            version,
            pub_date,
            title,
            url,
            source,
            language,
            pipeline,
            event,
        ) in backend.stream(sql, params, size=size):
            yield {
                "doc_id": doc_id,
                "doc_version": version,
                "pub_date": pub_date,
                "title": title,
                "url": url,
                "doc_source": source,
                "language": language,
                "pipeline_version": pipeline,
                **json.loads(event),
            }


def _names(actors: list[dict[str, Any]], key: str) -> str | None:
    values = [str(a.get(key) or "") for a in actors]
    return "; ".join(values) if any(values) else None


def flat_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One event record as the scalar columns of :data:`FLAT_COLUMNS`."""
    date = record.get("date") or {}
    place = record.get("location") or {}
    evidence = record.get("evidence") or {}
    trigger = evidence.get("trigger") or {}
    source = record.get("source") or []
    target = record.get("target") or []
    speaker = record.get("reported_by") or {}
    return {
        "event_id": record["id"], "doc_id": record["doc_id"],
        "doc_version": record["doc_version"], "pub_date": record.get("pub_date"),
        "doc_source": record.get("doc_source"),
        "url": record.get("url"), "title": record.get("title"),
        "type": record.get("type"), "mode": record.get("mode"), "cameo": record.get("cameo"),
        "context": ";".join(record.get("context") or []) or None,
        "negated": bool(record.get("negated")),
        "hypothetical": bool(record.get("hypothetical")),
        "historical": bool(record.get("historical")),
        "date_start": date.get("start_date"), "date_end": date.get("end_date"),
        "date_granularity": date.get("granularity"), "date_text": date.get("text"),
        "date_source": date.get("source"),
        "source_actors": _names(source, "name"), "source_countries": _names(source, "country"),
        "source_sectors": _names(source, "sector"),
        "target_actors": _names(target, "name"), "target_countries": _names(target, "country"),
        "target_sectors": _names(target, "sector"),
        "reported_by": speaker.get("name") or speaker.get("text"),
        "reported_by_country": speaker.get("country"),
        "place_text": place.get("text"), "place_name": place.get("name"),
        "place_country": place.get("country"), "place_admin1": place.get("admin1"),
        "place_feature": place.get("feature"), "place_geonameid": place.get("geonameid"),
        "lat": place.get("lat"), "lon": place.get("lon"),
        "killed": record.get("killed"), "injured": record.get("injured"),
        "confidence": record.get("confidence"),
        "sentence": evidence.get("sentence"), "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"), "evidence_text": evidence.get("text"),
        "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end"),
        "trigger_text": trigger.get("text"), "rule": record.get("rule"),
    }  # fmt: skip


_DOC_META = (
    "id", "version", "content_hash", "title", "url", "source", "pub_date", "language",
    "status", "duplicate_of", "pipeline_version", "coded_at",
)  # fmt: skip


def documents(
    backend: Backend,
    *,
    source: str | None = None,
    status: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    text: str | None = None,
    all_versions: bool = False,
    limit: int | None = None,
    cursor: str | None = None,
) -> list[dict[str, Any]]:
    """Document metadata (no text, no facts) with the number of events, in id order."""
    clauses: list[str] = [] if all_versions else ["d.is_latest = 1"]
    params: list[Any] = []
    for column, value in (("d.source", source), ("d.status", status)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if (since := iso_day(since, "since")) is not None:
        clauses.append("d.pub_date >= ?")
        params.append(since)
    if (until := iso_day(until, "until")) is not None:
        clauses.append("d.pub_date <= ?")
        params.append(until + "~")
    if text is not None:
        clause, query = text_clause(backend.dialect, text)
        clauses.append(clause)
        params.append(query)
    if cursor is not None:
        clauses.append("d.id > ?")
        params.append(cursor)
    columns = ", ".join(f"d.{c}" for c in _DOC_META)
    sql = (
        f"SELECT {columns}, (SELECT count(*) FROM events e WHERE e.doc_id = d.id "
        f"AND e.doc_version = d.version) FROM documents d WHERE {' AND '.join(clauses) or '1 = 1'}"
        " ORDER BY d.id, d.version"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    with backend.errors("read"):
        rows = backend.execute(sql, params)
    return [{**dict(zip(_DOC_META, row[:-1], strict=True)), "events": row[-1]} for row in rows]


def document(backend: Backend, doc_id: str, *, version: int | None = None) -> dict[str, Any] | None:
    """The stored document whole, as it was written; None when there is none."""
    with backend.errors("read"):
        if version is None:
            found = backend.execute("SELECT max(version) FROM documents WHERE id = ?", [doc_id])
            version = found[0][0] if found else None
            if version is None:
                return None
        rows = backend.execute(
            "SELECT id, pub_date, language, title, url, sentences, content_hash, text, warnings, "
            "pipeline_version, source, status, duplicate_of, extra "
            "FROM documents WHERE id = ? AND version = ?",
            [doc_id, version],
        )
        if not rows:
            return None
        (id_, pub_date, language, title, url, sentences, content_hash, text, warnings,
         pipeline_version, source, status, duplicate_of, extra) = rows[0]  # fmt: skip
        key = [doc_id, version]

        def records(table: str, column: str = "record") -> list[Any]:
            return [
                json.loads(r[0])
                for r in backend.execute(
                    f"SELECT {column} FROM {table} WHERE doc_id = ? AND doc_version = ? "
                    "ORDER BY position",
                    key,
                )
            ]

        errors = [
            {"stage": stage, "message": message}
            for stage, message in backend.execute(
                "SELECT stage, message FROM doc_errors WHERE doc_id = ? AND doc_version = ? "
                "ORDER BY position",
                key,
            )
        ]
        return {
            "id": id_, "pub_date": pub_date, "language": language, "title": title, "url": url,
            "sentences": json.loads(sentences), "actors": records("mentions"),
            "events": records("events", "event"), "times": records("times"),
            "places": records("places"), "quotes": records("quotes"), "errors": errors,
            "content_hash": content_hash, "text": text, "warnings": json.loads(warnings),
            "version": pipeline_version, "source": source, "status": status,
            "duplicate_of": duplicate_of, **json.loads(extra),
        }  # fmt: skip


def stats(backend: Backend) -> dict[str, Any]:
    """Counts: documents (latest versions), events, errors, duplicates, versions, …"""

    def one(sql: str) -> tuple[Any, ...]:
        return backend.execute(sql)[0]

    with backend.errors("read"):
        documents_, coded, duplicates, failed, first, last, sources = one(
            "SELECT count(*), "
            "coalesce(sum(CASE WHEN status = 'coded' THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN status = 'duplicate' THEN 1 ELSE 0 END), 0), "
            "coalesce(sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END), 0), "
            "min(pub_date), max(pub_date), count(DISTINCT source) "
            "FROM documents WHERE is_latest = 1"
        )
        (versions,) = one("SELECT count(*) FROM documents")
        (events,) = one("SELECT count(*) FROM events WHERE is_latest = 1")
        (ingest_errors,) = one("SELECT count(*) FROM ingest_errors")
    return {
        "documents": int(documents_),
        "events": int(events),
        "errors": int(ingest_errors) + int(failed),
        "duplicates": int(duplicates),
        "versions": int(versions),
        "coded": int(coded),
        "failed_documents": int(failed),
        "ingest_errors": int(ingest_errors),
        "sources": int(sources),
        "first_pub_date": first,
        "last_pub_date": last,
    }
