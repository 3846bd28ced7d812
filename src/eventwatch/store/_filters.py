"""Event filters, shared by ``store.events``, the exports and (later) the API.

One :class:`EventFilters` turns keyword options into one SQL ``WHERE`` clause
with ``?`` parameters. Every filter means the same on both backends.

=================  ==============================================================
``actor``          an actor (source or target) whose name or text is exactly this
``country``        an actor (source or target) from this ISO-3166 alpha-3 country
``source_country`` a source actor from this country; ``target_country`` likewise
``sector``         an actor (source or target) with this primary sector (``MIL``)
``type``           a PLOVER type, or a list of them
``mode``           a PLOVER mode
``since/until``    the event's day (its resolved start date, else the document's
                   publication date) within these ISO dates, both inclusive
``place_country``  the event's location is in this country
``bbox``           ``(min_lon, min_lat, max_lon, max_lat)``; min_lon > max_lon
                   crosses the antimeridian
``negated``,       True or False: only events with or without that flag
``hypothetical``,
``historical``
``text``           the document's title or text holds every word of this
                   (whole words, case-insensitive)
``doc_id``         events of this document
``id``             events of these ids (one id or a list)
``source``         documents from this feed or site
``all_versions``   also events of superseded document versions
``limit/cursor``   pages in event-id order: pass the last id of one page as the
                   ``cursor`` of the next
=================  ==============================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..exceptions import InputError

__all__ = ["EventFilters", "fts_words", "iso_day", "text_clause"]

_WORD = re.compile(r"\w+")


def fts_words(text: str) -> list[str]:
    """The words of a text search, as both backends' indexes cut them."""
    words = _WORD.findall(text.lower())
    if not words:
        raise InputError(f"text search {text!r} has no words")
    return words


def text_clause(dialect: str, text: str) -> tuple[str, str]:
    """The clause "document ``d`` holds every word of ``text``" and its one parameter."""
    words = fts_words(text)
    if dialect == "sqlite":
        query = " ".join(f'"{w}"' for w in words)
        return "d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", query
    return "d.tsv @@ plainto_tsquery('simple', ?)", " ".join(words)


def iso_day(value: str | dt.date | None, name: str) -> str | None:
    """``value`` as an ISO date string (YYYY, YYYY-MM or YYYY-MM-DD); InputError if not."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise InputError(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)")
    return value


def _country(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise InputError(f"{name} {value!r} is not an ISO-3166 alpha-3 code (such as SRB)")
    return value


@dataclass(frozen=True, kw_only=True, slots=True)
class EventFilters:
    """The options of :meth:`Store.events` (see the module docstring)."""

    actor: str | None = None
    country: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    sector: str | None = None
    type: str | Sequence[str] | None = None
    mode: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    place_country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    historical: bool | None = None
    text: str | None = None
    doc_id: str | None = None
    id: str | Sequence[str] | None = None
    source: str | None = None
    all_versions: bool = False
    limit: int | None = None
    cursor: str | None = None

    def __post_init__(self) -> None:
        for name in ("country", "source_country", "target_country", "place_country"):
            _country(getattr(self, name), name)
        iso_day(self.since, "since")
        iso_day(self.until, "until")
        if self.bbox is not None:
            if len(self.bbox) != 4 or not all(isinstance(v, int | float) for v in self.bbox):
                raise InputError("bbox is (min_lon, min_lat, max_lon, max_lat)")
            if self.bbox[1] > self.bbox[3]:
                raise InputError("bbox: min_lat is above max_lat")
        if self.type is not None and not isinstance(self.type, str) and not list(self.type):
            raise InputError("type: give at least one PLOVER type")
        if self.id is not None and not isinstance(self.id, str) and not list(self.id):
            raise InputError("id: give at least one event id")
        if self.limit is not None and self.limit < 1:
            raise InputError("limit must be at least 1")
        if self.text is not None:
            fts_words(self.text)

    @property
    def reads_documents(self) -> bool:
        """Whether :meth:`where` names the document (``d``): its source or its text."""
        return self.source is not None or self.text is not None

    def where(self, dialect: str) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause over ``events e JOIN documents d`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def actor_clause(condition: str, values: Sequence[Any], roles: str) -> None:
            # uncorrelated: the planner reads the actor index once, not once per event
            clauses.append(
                "e.id IN (SELECT a.event_id FROM event_actors a "
                f"WHERE {condition} AND a.role IN ({roles}))"
            )
            params.extend(values)

        both = "'source', 'target'"
        if self.actor is not None:
            actor_clause("(a.name = ? OR a.text = ?)", [self.actor, self.actor], both)
        if self.country is not None:
            actor_clause("a.country = ?", [self.country], both)
        if self.source_country is not None:
            actor_clause("a.country = ?", [self.source_country], "'source'")
        if self.target_country is not None:
            actor_clause("a.country = ?", [self.target_country], "'target'")
        if self.sector is not None:
            actor_clause("a.sector = ?", [self.sector], both)
        if not self.all_versions:
            clauses.append("e.is_latest = 1")
        if self.type is not None:
            types = [self.type] if isinstance(self.type, str) else list(self.type)
            clauses.append(f"e.type IN ({', '.join('?' for _ in types)})")
            params.extend(types)
        if self.id is not None:
            ids = [self.id] if isinstance(self.id, str) else list(self.id)
            clauses.append(f"e.id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        for column, value in (
            ("e.mode", self.mode),
            ("e.place_country", self.place_country),
            ("e.doc_id", self.doc_id),
            ("d.source", self.source),
        ):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        # SQLite cannot estimate a range without STAT4 and would walk every event in
        # id order; likelihood() tells it a date range is selective (it is, in news)
        hint = "likelihood({}, 0.05)" if dialect == "sqlite" else "{}"
        if (since := iso_day(self.since, "since")) is not None:
            clauses.append(hint.format("e.day >= ?"))
            params.append(since)
        if (until := iso_day(self.until, "until")) is not None:
            # "~" sorts after digits and "-": a bare "2023-09" covers the whole month
            clauses.append(hint.format("e.day <= ?"))
            params.append(until + "~")
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("e.lat >= ? AND e.lat <= ?")
            params.extend([min_lat, max_lat])
            joiner = "AND" if min_lon <= max_lon else "OR"
            clauses.append(f"(e.lon >= ? {joiner} e.lon <= ?)")
            params.extend([min_lon, max_lon])
        for column, flag in (
            ("negated", self.negated),
            ("hypothetical", self.hypothetical),
            ("historical", self.historical),
        ):
            if flag is not None:
                clauses.append(f"e.{column} = ?")
                params.append(1 if flag else 0)
        if self.text is not None:
            clause, query = text_clause(dialect, self.text)
            clauses.append(clause)
            params.append(query)
        if self.cursor is not None:
            clauses.append("e.id > ?")
            params.append(self.cursor)
        return (" AND ".join(clauses) or "1 = 1"), params
