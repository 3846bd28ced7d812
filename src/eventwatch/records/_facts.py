"""The facts a coded document holds: actors, times, places, counts, quotes and events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._text import TextSpan

__all__ = ["Actor", "Event", "Evidence", "Place", "Quantity", "Quote", "TimeSpan", "event_to_dict"]


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
    anchor_span: tuple[int, int] | None = None  # offsets of the expression it counts from

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
            "anchor_span": list(self.anchor_span) if self.anchor_span else None,
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
            anchor_span=(a[0], a[1]) if (a := data.get("anchor_span")) else None,
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
    #: every place in the text that speaks of this one event, ``evidence`` among them, in
    #: text order ("the attack" said nine times is one event with nine mentions)
    mentions: list[Evidence] = field(default_factory=list)

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
            mentions=[Evidence.from_dict(m) for m in data.get("mentions") or ()],
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
        "mentions": [m.to_dict() for m in event.mentions],
    }
