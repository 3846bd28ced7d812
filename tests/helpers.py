"""Helpers the tests share: finding facts in coded documents, and building records by hand."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eventwatch import Actor, Article, CodedDocument, Event, Evidence, Place, TextSpan
from eventwatch.records import content_hash


def event_at(doc: CodedDocument, trigger: str, type_: str | None = None) -> Event:
    """The first event whose trigger text is ``trigger`` (and whose type is ``type_``)."""
    found = [
        e
        for e in doc.events
        if e.evidence.trigger.text == trigger and (type_ is None or e.type == type_)
    ]
    assert found, f"no event {type_ or ''} {trigger!r}: {_listing(doc.events)}"
    return found[0]


def events_with(doc: CodedDocument, type_: str, trigger: str = "") -> list[Event]:
    """The events of a type whose trigger contains ``trigger``."""
    return [e for e in doc.events if e.type == type_ and trigger in e.evidence.trigger.text]


def best_event(doc: CodedDocument, type_: str) -> Event:
    """The most confident event of a type (asserting there is one)."""
    found = events_with(doc, type_)
    assert found, f"no {type_}: {_listing(doc.events)}"
    return max(found, key=lambda e: e.confidence)


def place_at(doc: CodedDocument, text: str) -> Place:
    found = [p for p in doc.places if p.text == text]
    assert found, f"no place {text!r}: {[p.text for p in doc.places]}"
    return found[0]


def actor_at(doc: CodedDocument, text: str) -> Actor:
    found = [a for a in doc.actors if a.text == text]
    assert found, f"no mention {text!r}: {[a.text for a in doc.actors]}"
    return found[0]


def countries(actors: Iterable[Actor]) -> set[str | None]:
    return {a.country for a in actors}


def _listing(events: Iterable[Event]) -> str:
    return ", ".join(f"{e.type}:{e.evidence.trigger.text}" for e in events) or "no events"


def make_actor(country: str | None, sector: str | None = "GOV", text: str = "x") -> Actor:
    return Actor(text, 0, len(text), None, country, sector, (sector,) if sector else ())


def make_event(
    type_: str,
    *,
    confidence: float = 0.5,
    source: str | None = None,
    target: str | None = None,
    trigger: tuple[int, int, str] = (0, 1, "x"),
    **fields: Any,
) -> Event:
    """An event as a stage would code it, with one source and target country at most."""
    start, end, text = trigger
    return Event(
        id="e",
        type=type_,
        mode=None,
        context=[],
        cameo=None,
        source=[make_actor(source)] if source else [],
        target=[make_actor(target)] if target else [],
        evidence=Evidence(0, 0, end, text, TextSpan(start, end, text)),
        confidence=confidence,
        **fields,
    )


def coded(text: str, *, id: str = "d", **fields: Any) -> CodedDocument:
    """A :class:`CodedDocument` of ``text`` with the given facts (events, places, …)."""
    tuples = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return CodedDocument(
        Article(id=id, text=text), content_hash=content_hash(text), version="test", **tuples
    )
