"""Event data without text into the store: GDELT 2.0, ICEWS, POLECAT, or eventwatch's own rows.

``eventwatch import-events FILE --format …`` reads a file with
:func:`eventwatch.ingest.read_event_file` and stores its events the way coded
events are stored, so series and alerts run on them alike. Rows are grouped by
the report they come from (the source URL of a GDELT row, an ICEWS story, a
POLECAT or eventwatch document id; a row with none is a report of its own), and
each report becomes a document with no text, status ``imported``, published on
the row's report day (GDELT DATEADDED, ICEWS Event Date, POLECAT Publication
Date, eventwatch ``pub_date``). Event ids keep the format's own id
(``gdelt-1135871234``); a GDELT row keeps its Goldstein score and QuadClass.
Importing the same file again adds nothing; a report whose rows changed is a
new version. Rows that cannot be read are reported with their line and
skipped.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest import RowProblem, read_event_file
from ..records import content_hash
from ..store import Store

__all__ = ["ImportReport", "import_events"]

_BATCH = 2000


@dataclass
class ImportReport:
    """What an import did."""

    format: str
    rows: int = 0
    reports: int = 0
    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)

    def line(self) -> str:
        left = sum(self.skipped.values())
        return (
            f"imported {self.rows:,} {self.format} rows as {self.reports:,} reports "
            f"({self.written:,} new); {len(self.problems):,} bad rows skipped, "
            f"{left:,} rows left out"
        )


def import_events(path: str | Path, *, format: str, store: Store) -> ImportReport:
    """Store the events of an event file (see the module docstring)."""
    parsed = read_event_file(path, format=format)
    report = ImportReport(
        format, rows=len(parsed.rows), skipped=dict(parsed.skipped), problems=parsed.problems
    )
    reports: dict[str, list[dict[str, Any]]] = {}
    for row in parsed.rows:
        key = str(row.get("doc_id") or f"event {row['id']}")
        reports.setdefault(key, []).append(row)
    documents = [_document(format, key, rows) for key, rows in reports.items()]
    report.reports = len(documents)
    for start in range(0, len(documents), _BATCH):
        report.written += store.write(documents[start : start + _BATCH]).written
    return report


def _document(format: str, key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    events = sorted((_event(format, row) for row in rows), key=lambda e: e["id"])
    digest = content_hash(json.dumps(events, sort_keys=True))
    first = rows[0]
    days = sorted(str(r["day"]) for r in rows if r.get("day"))
    return {
        "id": f"{format}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}",
        "content_hash": digest,
        "version": f"import {format}",
        "pub_date": days[0] if days else None,
        "title": first.get("title"),
        "url": first.get("url") or (key if key.startswith("http") else None),
        "source": format,
        "origin": key,
        "language": None,
        "text": "",
        "status": "imported",
        "sentences": [],
        "actors": [],
        "events": events,
        "times": [],
        "places": [],
        "quotes": [],
        "errors": [],
        "warnings": [],
    }


def _event(format: str, row: dict[str, Any]) -> dict[str, Any]:
    date = row.get("date")
    own = str(row["id"])
    return {
        "id": own if format == "eventwatch" else f"{format}-{own}",
        "type": row["type"],
        "mode": row.get("mode"),
        "context": list(row.get("context") or []),
        "cameo": row.get("cameo"),
        "source": [_actor(a) for a in row.get("source") or []],
        "target": [_actor(a) for a in row.get("target") or []],
        "negated": bool(row.get("negated")),
        "hypothetical": bool(row.get("hypothetical")),
        "historical": bool(row.get("historical")),
        "date": {"start_date": date, "granularity": "day", "source": "text"} if date else None,
        "location": row.get("location") if isinstance(row.get("location"), dict) else None,
        "killed": row.get("killed"),
        "injured": row.get("injured"),
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "intensity": row.get("intensity"),
        "evidence": {},
        "imported_from": format,
    }


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": actor.get("text") or actor.get("name"),
        "name": actor.get("name"),
        "country": actor.get("country"),
        "sector": actor.get("sector"),
        "sectors": [actor["sector"]] if actor.get("sector") else [],
    }
