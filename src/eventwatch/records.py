"""The plain records eventwatch reads and emits: articles in, coded documents out.

An :class:`Article` is one input document. The pipeline's stages share a
working document that holds the parse (``eventwatch.pipeline.Document``); what
comes out is a :class:`CodedDocument`: the article, its sentences and every
fact (actors, events, times, places, quotes) with character offsets into the
article's text, and no parser objects. Records are frozen or plain dataclasses
that pickle cheaply and round-trip through JSON (``to_dict`` / ``from_dict``).

Ids are derived, never counted: a document's :func:`content_hash` is the
SHA-256 of its text, and an :func:`event_id` hashes the document id, that
hash, the trigger's offsets and the event type, so the same input and pipeline
version give the same ids on every run, machine and number of workers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Article",
    "CodedDocument",
    "DocError",
    "Event",
    "Evidence",
    "OfArticle",
    "Place",
    "Quantity",
    "Quote",
    "Sentence",
    "TextSpan",
    "TimeSpan",
    "content_hash",
    "default_id",
    "document_to_dict",
    "event_id",
    "event_to_dict",
]


def content_hash(text: str) -> str:
    """The SHA-256 of a text (UTF-8), in hex: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_id(text: str, prefix: str = "doc") -> str:
    """An id for a text that came without one: ``doc-`` and 12 hex digits of its hash.

    Two different texts never share it (unlike a fixed ``"doc"`` or ``"stdin"``).
    """
    return f"{prefix}-{content_hash(text)[:12]}"


def event_id(doc_id: str, text_hash: str, start: int, end: int, event_type: str) -> str:
    """The stable id of an event: ``ev-`` and 20 hex digits of a hash of what defines it."""
    key = f"{doc_id}\x1f{text_hash}\x1f{start}\x1f{end}\x1f{event_type}"
    return "ev-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as the user gave it."""

    id: str
    text: str
    pub_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    #: the language the input declares (ISO 639-1); in a coded document, the one detected
    language: str | None = None
    #: the outlet or feed it came from, when the input says
    source: str | None = None
    #: where in the input it was read ("batch.jsonl:12", "site/page.html"), for messages
    origin: str | None = None
    #: what reading it noticed without refusing it (bytes that were not UTF-8, …)
    warnings: tuple[DocError, ...] = ()


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the input text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(data["start"], data["end"], data["text"])


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(data["start"], data["end"])


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            name=data.get("name"),
            country=data.get("country"),
            sector=data.get("sector"),
            sectors=tuple(data.get("sectors") or ()),
            country_from=data.get("country_from"),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeSpan:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
            granularity=data.get("granularity"),
            date_type=data["date_type"],
            anchor=data.get("anchor"),
            source=data.get("source", "text"),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            name=data.get("name"),
            country=data.get("country"),
            lat=data.get("lat"),
            lon=data.get("lon"),
            admin1=data.get("admin1"),
            geonameid=data.get("geonameid"),
            feature=data.get("feature"),
            score=data.get("score"),
            candidates=tuple(dict(c) for c in data.get("candidates") or ()),
            qualifier=data.get("qualifier"),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(
            data.get("min"),
            data.get("max"),
            data.get("qualifier"),
            data["text"],
            data["start"],
            data["end"],
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        speaker = data.get("speaker")
        return cls(
            speaker=Actor.from_dict(speaker) if speaker else None,
            cue=TextSpan.from_dict(data["cue"]),
            content=TextSpan.from_dict(data["content"]),
            direct=bool(data["direct"]),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            data["sentence"],
            data["start"],
            data["end"],
            data["text"],
            TextSpan.from_dict(data["trigger"]),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        reporter, date, location = data.get("reported_by"), data.get("date"), data.get("location")
        return cls(
            id=data["id"],
            type=data["type"],
            mode=data.get("mode"),
            context=list(data.get("context") or ()),
            cameo=data.get("cameo"),
            source=[Actor.from_dict(a) for a in data.get("source") or ()],
            target=[Actor.from_dict(a) for a in data.get("target") or ()],
            evidence=Evidence.from_dict(data["evidence"]),
            negated=bool(data.get("negated")),
            hypothetical=bool(data.get("hypothetical")),
            historical=bool(data.get("historical")),
            reported_by=Actor.from_dict(reporter) if reporter else None,
            date=TimeSpan.from_dict(date) if date else None,
            location=Place.from_dict(location) if location else None,
            killed=data.get("killed"),
            injured=data.get("injured"),
            quantities={
                k: Quantity.from_dict(q) for k, q in (data.get("quantities") or {}).items()
            },
            confidence=float(data.get("confidence", 0.0)),
            rule=data.get("rule", ""),
        )


@dataclass(frozen=True, slots=True)
class DocError:
    """A problem met while coding one document: which stage, and why.

    The same record carries warnings (the document was coded, but something
    is worth knowing: no publication date, bytes that were not UTF-8).
    """

    stage: str
    message: str
    #: the stable code of the problem (an exception's ``code``), when it has one
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message, "code": self.code}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocError:
        return cls(data["stage"], data["message"], data.get("code"))


class OfArticle:
    """What every document view reads of its article: its ``id`` and ``text``."""

    __slots__ = ()
    article: Article

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text


@dataclass(frozen=True, slots=True)
class CodedDocument(OfArticle):
    """What the pipeline emits for one article: every fact with its offsets, no parse.

    ``errors`` is empty when the document was coded; otherwise it says which
    step failed and why (the facts coded before the failure are kept).
    ``version`` names the pipeline that coded it (package, model and config).
    """

    article: Article
    content_hash: str
    version: str
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: the document's largest casualty counts over all its casualty phrases
    casualties: dict[str, int] = field(default_factory=dict)
    errors: tuple[DocError, ...] = ()
    warnings: tuple[DocError, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedDocument:
        """The record :meth:`to_dict` wrote (``eventwatch code --format doc`` prints it)."""
        article = Article(
            id=data["id"],
            text=data["text"],
            pub_date=_date(data.get("pub_date")),
            title=data.get("title"),
            url=data.get("url"),
            language=data.get("language"),
            source=data.get("source"),
            origin=data.get("origin"),
        )
        return cls(
            article=article,
            content_hash=data["content_hash"],
            version=data["version"],
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences") or ()),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            times=tuple(TimeSpan.from_dict(t) for t in data.get("times") or ()),
            places=tuple(Place.from_dict(p) for p in data.get("places") or ()),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            casualties=dict(data.get("casualties") or {}),
            errors=tuple(DocError.from_dict(e) for e in data.get("errors") or ()),
            warnings=tuple(DocError.from_dict(w) for w in data.get("warnings") or ()),
        )


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


def document_to_dict(doc: CodedDocument) -> dict[str, Any]:
    """The JSON form of a coded document (``eventwatch code --format doc``)."""
    article = doc.article
    return {
        "id": article.id,
        "content_hash": doc.content_hash,
        "version": doc.version,
        "pub_date": article.pub_date.isoformat() if article.pub_date else None,
        "language": article.language,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "origin": article.origin,
        "text": article.text,
        "sentences": [s.to_dict() for s in doc.sentences],
        "actors": [a.to_dict() for a in doc.actors],
        "events": [event_to_dict(e) for e in doc.events],
        "times": [t.to_dict() for t in doc.times],
        "places": [p.to_dict() for p in doc.places],
        "quotes": [q.to_dict() for q in doc.quotes],
        "casualties": dict(sorted(doc.casualties.items())),
        "errors": [e.to_dict() for e in doc.errors],
        "warnings": [w.to_dict() for w in doc.warnings],
    }
