"""The incidents table of the exports: one flat row per incident (CSV, JSON lines, Parquet).

Columns: ``INCIDENT_COLUMNS``. Lists (documents, events) are ``;``-joined in CSV and
Parquet; JSON lines carry the stored incident dict whole.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import IO, Any

from ..exceptions import InputError
from ._rows import dumps

__all__ = ["INCIDENT_COLUMNS", "INCIDENT_FORMATS", "export_incident_records", "incident_row"]

#: (column, Arrow type name) of an exported incident row
INCIDENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("type", "string"), ("mode", "string"), ("dyad", "string"),
    ("date", "string"), ("date_start", "string"), ("date_end", "string"),
    ("place_name", "string"), ("place_country", "string"), ("lat", "float64"),
    ("lon", "float64"), ("killed", "int64"), ("injured", "int64"), ("arrested", "int64"),
    ("n_reports", "int64"), ("n_sources", "int64"), ("first_report", "string"),
    ("last_report", "string"), ("historical", "bool_"), ("documents", "string"),
    ("events", "string"),
)  # fmt: skip


def incident_row(record: dict[str, Any]) -> dict[str, Any]:
    """A stored incident dict as a flat row of :data:`INCIDENT_COLUMNS`."""
    date = record.get("date") or {}
    place = record.get("location") or {}
    return {
        "id": record["id"], "type": record.get("type"), "mode": record.get("mode"),
        "dyad": record.get("dyad"), "date": date.get("best"), "date_start": date.get("start"),
        "date_end": date.get("end"), "place_name": place.get("name"),
        "place_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "killed": record.get("killed"), "injured": record.get("injured"),
        "arrested": record.get("arrested"), "n_reports": record.get("n_reports"),
        "n_sources": record.get("n_sources"), "first_report": record.get("first_report"),
        "last_report": record.get("last_report"), "historical": bool(record.get("historical")),
        "documents": ";".join(record.get("documents") or []),
        "events": ";".join(record.get("events") or []),
    }  # fmt: skip


def _csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([c for c, _ in INCIDENT_COLUMNS])
    count = 0
    for record in records:
        row = incident_row(record)
        writer.writerow(["" if row[c] is None else row[c] for c, _ in INCIDENT_COLUMNS])
        count += 1
    text.flush()
    text.detach()
    return count


def _jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write((dumps(record) + "\n").encode("utf-8"))
        count += 1
    return count


def _parquet(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, getattr(pa, kind)()) for c, kind in INCIDENT_COLUMNS])
    rows = [incident_row(r) for r in records]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out)
    return len(rows)


INCIDENT_FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], IO[bytes]], int]] = {
    "csv": _csv,
    "jsonl": _jsonl,
    "parquet": _parquet,
}


def export_incident_records(fmt: str, records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    write = INCIDENT_FORMATS.get(fmt)
    if write is None:
        raise InputError(
            f"incidents export as {fmt!r}: use one of {', '.join(sorted(INCIDENT_FORMATS))}"
        )
    return write(records, out)
