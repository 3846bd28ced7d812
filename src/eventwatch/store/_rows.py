"""A coded document's dict form, cut into the rows of the store's tables.

The dict form is what ``CodedDocument.to_dict()`` gives (``eventwatch code
--format doc`` plus ``content_hash``, ``text``, ``warnings``, ``version``,
``source``, ``status`` and ``duplicate_of``). Each fact becomes a row with the
columns analysts filter on and, where the store must give the fact back
whole, its JSON text. Keys the store does not know are kept in
``documents.extra``, so :meth:`Store.document` always returns what was written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CHILD_TABLES",
    "DOCUMENT_COLUMNS",
    "EVENT_COLUMNS",
    "KNOWN_KEYS",
    "STATUSES",
    "DocumentRows",
    "dumps",
    "document_rows",
    "validate",
]

Row = tuple[Any, ...]

#: coded by the pipeline, refused by it, a near-copy of another, or events imported without text
STATUSES = ("coded", "error", "duplicate", "imported")

#: top-level keys with a home of their own; any other key goes to ``extra``
KNOWN_KEYS = (
    "id",
    "pub_date",
    "language",
    "title",
    "url",
    "sentences",
    "actors",
    "events",
    "times",
    "places",
    "quotes",
    "errors",
    "content_hash",
    "text",
    "warnings",
    "version",
    "source",
    "status",
    "duplicate_of",
)

DOCUMENT_COLUMNS = (
    "id", "version", "content_hash", "is_latest", "title", "url", "source", "pub_date",
    "language", "text", "status", "duplicate_of", "pipeline_version", "coded_at",
    "warnings", "sentences", "extra",
)  # fmt: skip

EVENT_COLUMNS = (
    "id", "doc_id", "doc_version", "is_latest", "position", "type", "mode", "cameo",
    "context", "negated", "hypothetical", "historical", "day", "date_start", "date_end",
    "date_granularity", "date_source", "place_name", "place_country", "place_admin1",
    "lat", "lon", "place_feature", "killed", "injured", "confidence", "rule", "sentence",
    "evidence_start", "evidence_end", "trigger_start", "trigger_end", "trigger_text",
    "event", "report_day", "source_countries", "target_countries", "source_sector",
    "target_sector", "source_actor", "target_actor", "goldstein", "quad_class",
)  # fmt: skip

ACTOR_COLUMNS = (
    "event_id", "role", "position", "text", "start_char", "end_char", "name", "country",
    "sector", "sectors", "country_from",
)  # fmt: skip
QUANTITY_COLUMNS = (
    "event_id", "kind", "min_value", "max_value", "qualifier", "text", "start_char", "end_char",
)  # fmt: skip
MENTION_COLUMNS = (
    "doc_id", "doc_version", "position", "text", "start_char", "end_char", "name", "country",
    "sector", "record",
)  # fmt: skip
PLACE_COLUMNS = (
    "doc_id", "doc_version", "position", "text", "start_char", "end_char", "name", "country",
    "admin1", "lat", "lon", "geonameid", "feature", "record",
)  # fmt: skip
TIME_COLUMNS = (
    "doc_id", "doc_version", "position", "text", "start_char", "end_char", "start_date",
    "end_date", "granularity", "date_type", "record",
)  # fmt: skip
QUOTE_COLUMNS = (
    "doc_id", "doc_version", "position", "speaker_name", "speaker_country", "cue_start",
    "cue_end", "content_start", "content_end", "content_text", "direct", "record",
)  # fmt: skip
ERROR_COLUMNS = ("doc_id", "doc_version", "position", "stage", "message")

#: child table -> its columns, in the order the writer fills them
CHILD_TABLES = {
    "event_actors": ACTOR_COLUMNS,
    "quantities": QUANTITY_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "places": PLACE_COLUMNS,
    "times": TIME_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "doc_errors": ERROR_COLUMNS,
}


def dumps(value: Any) -> str:
    """The one JSON spelling the store writes (compact, UTF-8, key order kept).

    NaN and infinity are refused (ValueError): they are no JSON, and a database's
    JSON functions would fail on the row later.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


@dataclass(slots=True)
class DocumentRows:
    """Every row one document adds, by table."""

    document: Row
    events: list[Row] = field(default_factory=list)
    children: dict[str, list[Row]] = field(default_factory=dict)


def validate(doc: Mapping[str, Any]) -> str | None:
    """Why ``doc`` cannot be stored, or None when it can."""
    if not isinstance(doc, Mapping):
        return f"a document is a dict, not {type(doc).__name__}"
    for key in ("id", "content_hash", "text"):
        if not isinstance(doc.get(key), str):
            return f"{key!r} must be a string"
    if not doc["id"]:
        return "'id' is empty"
    status = doc.get("status", "coded")
    if status not in STATUSES:
        return f"status {status!r} is not one of {', '.join(STATUSES)}"
    for key in ("events", "actors", "times", "places", "quotes", "errors", "sentences"):
        if not isinstance(doc.get(key, []), list):
            return f"{key!r} must be a list"
    for event in doc.get("events", []):
        if not isinstance(event, Mapping) or not isinstance(event.get("id"), str):
            return "every event needs a string 'id'"
        if not isinstance(event.get("type"), str):
            return f"event {event.get('id')!r} has no type"
    return None


def _flag(value: Any) -> int:
    return 1 if value else 0


def _span(record: Mapping[str, Any] | None) -> tuple[Any, Any, Any]:
    if not record:
        return None, None, None
    return record.get("text"), record.get("start"), record.get("end")


def _event_row(event: Mapping[str, Any], doc_id: str, version: int, position: int,
               pub_date: str | None) -> Row:  # fmt: skip
    date = event.get("date") or {}
    place = event.get("location") or {}
    evidence = event.get("evidence") or {}
    trigger = evidence.get("trigger") or {}
    return (
        event["id"], doc_id, version, 1, position, event["type"], event.get("mode"),
        event.get("cameo"), ";".join(event.get("context") or []),
        _flag(event.get("negated")), _flag(event.get("hypothetical")),
        _flag(event.get("historical")),
        date.get("start_date") or pub_date, date.get("start_date"), date.get("end_date"),
        date.get("granularity"), date.get("source"),
        place.get("name"), place.get("country"), place.get("admin1"), place.get("lat"),
        place.get("lon"), place.get("feature"),
        event.get("killed"), event.get("injured"), event.get("confidence"), event.get("rule"),
        evidence.get("sentence"), evidence.get("start"), evidence.get("end"),
        trigger.get("start"), trigger.get("end"), trigger.get("text"),
        dumps(event), pub_date or date.get("start_date"), *_sides(event),
        _number(event.get("goldstein")), _number(event.get("quad_class")),
    )  # fmt: skip


def _sides(event: Mapping[str, Any]) -> tuple[Any, ...]:
    """The dyad columns of an event: each side's countries (``;``-joined, in order), then
    the sector and the name of each side's first actor with a country."""
    sides = []
    for role in ("source", "target"):
        actors = [a for a in event.get(role) or [] if isinstance(a, Mapping) and a.get("country")]
        sides.append(actors)
    countries = [";".join(dict.fromkeys(str(a["country"]) for a in side)) or None for side in sides]
    sectors = [side[0].get("sector") if side else None for side in sides]
    names = [side[0].get("name") if side else None for side in sides]
    return (*countries, *sectors, *names)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _actor_rows(event: Mapping[str, Any]) -> list[Row]:
    rows: list[Row] = []
    actors = [("source", a) for a in event.get("source") or []]
    actors += [("target", a) for a in event.get("target") or []]
    if event.get("reported_by"):
        actors.append(("reported_by", event["reported_by"]))
    for position, (role, actor) in enumerate(actors):
        text, start, end = _span(actor)
        rows.append((
            event["id"], role, position, text, start, end, actor.get("name"),
            actor.get("country"), actor.get("sector"), ";".join(actor.get("sectors") or []),
            actor.get("country_from"),
        ))  # fmt: skip
    return rows


def document_rows(doc: Mapping[str, Any], *, version: int, coded_at: str) -> DocumentRows:
    """The rows of one valid document (see :func:`validate`) stored as ``version``."""
    doc_id = doc["id"]
    pub_date = doc.get("pub_date")
    extra = {k: v for k, v in doc.items() if k not in KNOWN_KEYS}
    rows = DocumentRows(
        document=(
            doc_id,
            version,
            doc["content_hash"],
            1,
            doc.get("title"),
            doc.get("url"),
            doc.get("source"),
            pub_date,
            doc.get("language"),
            doc["text"],
            doc.get("status", "coded"),
            doc.get("duplicate_of"),
            doc.get("version"),
            doc.get("coded_at") or coded_at,
            dumps(doc.get("warnings", [])),
            dumps(doc.get("sentences", [])),
            dumps(extra),
        )  # fmt: skip
    )
    children: dict[str, list[Row]] = {name: [] for name in CHILD_TABLES}
    for position, event in enumerate(doc.get("events", [])):
        rows.events.append(_event_row(event, doc_id, version, position, pub_date))
        children["event_actors"].extend(_actor_rows(event))
        for kind, q in sorted((event.get("quantities") or {}).items()):
            text, start, end = _span(q)
            children["quantities"].append(
                (event["id"], kind, q.get("min"), q.get("max"), q.get("qualifier"),
                 text, start, end)
            )  # fmt: skip
    key = (doc_id, version)
    for position, actor in enumerate(doc.get("actors", [])):
        children["mentions"].append(
            (*key, position, *_span(actor), actor.get("name"), actor.get("country"),
             actor.get("sector"), dumps(actor))
        )  # fmt: skip
    for position, place in enumerate(doc.get("places", [])):
        children["places"].append(
            (*key, position, *_span(place), place.get("name"), place.get("country"),
             place.get("admin1"), place.get("lat"), place.get("lon"), place.get("geonameid"),
             place.get("feature"), dumps(place))
        )  # fmt: skip
    for position, time in enumerate(doc.get("times", [])):
        children["times"].append(
            (*key, position, *_span(time), time.get("start_date"), time.get("end_date"),
             time.get("granularity"), time.get("date_type"), dumps(time))
        )  # fmt: skip
    for position, quote in enumerate(doc.get("quotes", [])):
        speaker = quote.get("speaker") or {}
        cue = quote.get("cue") or {}
        content = quote.get("content") or {}
        children["quotes"].append(
            (*key, position, speaker.get("name"), speaker.get("country"), cue.get("start"),
             cue.get("end"), content.get("start"), content.get("end"), content.get("text"),
             _flag(quote.get("direct")), dumps(quote))
        )  # fmt: skip
    for position, error in enumerate(doc.get("errors", [])):
        children["doc_errors"].append((*key, position, error.get("stage"), error.get("message")))
    rows.children = children
    return rows
