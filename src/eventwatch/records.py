"""The records every stage reads and writes.

A :class:`Document` is the one contract between stages: the parse stage fills
``parse`` and ``sentences``, the actor stage fills ``mentions``, the event stage
fills ``events``, and later stages fill ``times``, ``places`` and ``quotes``.
Every record that points at text does so by character offsets into
``Document.text``; serialisation (:func:`document_to_dict`) copies the text out
of those offsets, so a record can never disagree with its evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Actor",
    "Article",
    "DocError",
    "Document",
    "Event",
    "Evidence",
    "Place",
    "Quantity",
    "Quote",
    "Sentence",
    "TextSpan",
    "TimeSpan",
    "document_to_dict",
    "event_to_dict",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as the user gave it."""

    id: str
    text: str
    pub_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the input text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a name, a country and sector codes.

    ``country`` is ISO-3166 alpha-3 (Kosovo ``XKX``), ``"IGO"`` for an
    international organisation (``name`` then says which), or ``None`` when the
    text does not support one. ``sector`` is the primary sector code and
    ``sectors`` all that apply.
    """

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    sectors: tuple[str, ...] = ()
    #: "text" when the mention's own words give the country, "sentence" when it
    #: is taken from the only country the rest of its sentence names
    country_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "sectors": list(self.sectors),
            "country_from": self.country_from,
        }


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A temporal expression and the dates it resolves to (filled by the time stage)."""

    start: int
    end: int
    text: str
    start_date: str | None
    end_date: str | None
    granularity: str | None
    date_type: str
    anchor: str | None = None
    source: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "granularity": self.granularity,
            "date_type": self.date_type,
            "anchor": self.anchor,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry (filled by the places stage)."""

    start: int
    end: int
    text: str
    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonameid: int | None = None
    feature: str | None = None
    score: float | None = None
    #: runner-up readings of an ambiguous name: {"name","country","admin1","lat","lon","score"}
    candidates: tuple[dict[str, Any], ...] = ()
    #: a direction that narrows the place ("northern Kosovo" -> "north")
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "score": self.score,
            "candidates": [dict(c) for c in self.candidates],
            "qualifier": self.qualifier,
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many: ``500 to 650`` -> min 500, max 650; ``more than 30`` -> min 30."""

    min: int | None
    max: int | None
    qualifier: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "min": self.min,
            "max": self.max,
            "qualifier": self.qualifier,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what (filled by the quotes stage)."""

    speaker: Actor | None
    cue: TextSpan
    content: TextSpan
    direct: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "direct": self.direct,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that supports an event and the trigger words inside it."""

    sentence: int
    start: int
    end: int
    text: str
    trigger: TextSpan

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "trigger": self.trigger.to_dict(),
        }


@dataclass(slots=True)
class Event:
    """One coded PLOVER event."""

    id: str
    type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    source: list[Actor]
    target: list[Actor]
    evidence: Evidence
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    reported_by: Actor | None = None
    date: TimeSpan | None = None
    location: Place | None = None
    killed: int | None = None
    injured: int | None = None
    #: killed, injured, arrested, displaced, personnel (filled by the quantities stage)
    quantities: dict[str, Quantity] = field(default_factory=dict)
    confidence: float = 0.0
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return event_to_dict(self)


@dataclass(frozen=True, slots=True)
class DocError:
    """A problem met while coding one document: which stage, and why."""

    stage: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message}


@dataclass(slots=True)
class Document:
    """The shared document model every stage reads and writes."""

    article: Article
    parse: Doc | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)
    #: token index of each mention's head word -> its resolved actor
    actor_heads: dict[int, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[DocError] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> TextSpan:
        """A :class:`TextSpan` for ``text[start:end]``."""
        return TextSpan(start, end, self.article.text[start:end])


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON form of one event (the ``events`` items of the document contract)."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "source": [a.to_dict() for a in event.source],
        "target": [a.to_dict() for a in event.target],
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "historical": event.historical,
        "reported_by": event.reported_by.to_dict() if event.reported_by else None,
        "date": event.date.to_dict() if event.date else None,
        "location": event.location.to_dict() if event.location else None,
        "killed": event.killed,
        "injured": event.injured,
        "quantities": {k: q.to_dict() for k, q in sorted(event.quantities.items())},
        "evidence": event.evidence.to_dict(),
        "confidence": round(event.confidence, 4),
        "rule": event.rule,
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The JSON form of a coded document (``eventwatch code --format doc``)."""
    article = doc.article
    return {
        "id": article.id,
        "pub_date": article.pub_date.isoformat() if article.pub_date else None,
        "language": article.language,
        "title": article.title,
        "url": article.url,
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "actors": [a.to_dict() for a in doc.mentions],
        "events": [event_to_dict(e) for e in doc.events],
        "times": [t.to_dict() for t in doc.times],
        "places": [p.to_dict() for p in doc.places],
        "quotes": [q.to_dict() for q in doc.quotes],
        "errors": [e.to_dict() for e in doc.errors],
    }
