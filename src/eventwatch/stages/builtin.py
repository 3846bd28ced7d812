"""Registers the built-in stages under their versioned names.

Each factory declares the document fields it requires and assigns; the
pipeline checks the configured order against those declarations.
"""

from __future__ import annotations

from typing import Any

from .._types import Stage
from ..pipeline.registry import stages

__all__ = [
    "make_actor_mentions",
    "make_dates",
    "make_event_detector",
    "make_places",
    "make_quantities",
    "make_quotes",
]


@stages.register(
    "eventwatch.actor_mentions.v1",
    requires=["parse", "sentences"],
    assigns=["mentions"],
    defaults={"dictionary": None, "places": True},
)
def make_actor_mentions(**settings: Any) -> Stage:
    from .actors.stage import ActorMentions

    return ActorMentions.from_settings(**settings)


@stages.register(
    "eventwatch.event_detector.v1",
    requires=["parse", "sentences", "mentions"],
    assigns=["events"],
    defaults={"use_type_model": True, "min_confidence": 0.0},
)
def make_event_detector(**settings: Any) -> Stage:
    from .events.stage import EventDetector

    return EventDetector.from_settings(**settings)


@stages.register(
    "eventwatch.dates.v1",
    requires=["parse", "sentences", "events"],
    assigns=["times", "events"],
)
def make_dates(**settings: Any) -> Stage:
    from .dates import DateStage

    return DateStage.from_settings(**settings)


@stages.register(
    "eventwatch.quotes.v1",
    requires=["parse", "sentences", "mentions", "events"],
    assigns=["quotes", "events"],
)
def make_quotes(**settings: Any) -> Stage:
    from .quotes.stage import QuoteStage

    return QuoteStage.from_settings(**settings)


@stages.register(
    "eventwatch.quantities.v1",
    requires=["parse", "sentences", "events"],
    assigns=["events"],
)
def make_quantities(**settings: Any) -> Stage:
    from .quantities import QuantityStage

    return QuantityStage.from_settings(**settings)


@stages.register(
    "eventwatch.places.v1",
    requires=["parse", "sentences", "mentions", "events"],
    assigns=["places", "events"],
    defaults={"max_candidates": 3},
)
def make_places(**settings: Any) -> Stage:
    from .places.stage import PlaceResolver

    return PlaceResolver.from_settings(**settings)
