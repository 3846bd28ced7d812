"""Sides the discourse names: an actor with no country takes one from an earlier mention.

A report names whose forces deploy once, then goes on about the deployment:
"a major Serbian military deployment along the border with Kosovo" and, five
sentences later, "the unprecedented deployment of sophisticated artillery,
tanks and infantry units on the Kosovo border". The second names the units,
not their state. When an earlier event of the same type, told with the same
word, in no other country and against no other side, names its source's
country in its own words, a source of this event that names none takes it,
marked ``country_from: "discourse"`` so the inference stays visible. Only
forces and organs borrow ("units", "the police"), not people, pronouns or
civilians; only one country is lent (two would be a guess), and only one the
text states (never one inferred in turn); an event with no source gets none:
a passive "was killed" says nothing about who killed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ...records import Actor, Event
from ._compare import places_agree, sides_agree

__all__ = ["lend_discourse_sides"]


def lend_discourse_sides(events: list[Event], word: Callable[[Event], str]) -> None:
    """Give each countryless source the country of its event's earlier namesake.

    ``events`` are in text order; ``word`` is the head word of an event's trigger.
    """
    for index, event in enumerate(events):
        if not event.source or not all(_borrows(a) for a in event.source):
            continue
        lender = _namesake(events[:index], event, word)
        if lender is None:
            continue
        countries = _stated_countries(lender)
        if len(countries) != 1:
            continue
        (country,) = countries
        event.source = [_lent(actor, country) for actor in event.source]


def _namesake(earlier: list[Event], event: Event, word: Callable[[Event], str]) -> Event | None:
    """The nearest earlier event told with the same word that nothing sets apart."""
    for other in reversed(earlier):
        if other.type != event.type or word(other) != word(event):
            continue
        if not places_agree(other.location, event.location, max_km=float("inf")):
            continue
        if sides_agree(other.target, event.target) and _stated_countries(other):
            return other
    return None


def _stated_countries(event: Event) -> set[str]:
    """The countries the event's source names in its own words (not inferred)."""
    return {a.country for a in event.source if a.country and a.country_from == "text"}


#: sectors of people named as themselves, not as a state's organ: civilians, victims,
#: the unidentified
_OWN_SECTORS = frozenset({"CVL", "UNK"})


def _borrows(actor: Actor) -> bool:
    """An organ or a force with no country ("infantry units", "the police"); not a
    person, a pronoun or a civilian, whose country an earlier sentence does not give."""
    return actor.country is None and actor.sector is not None and actor.sector not in _OWN_SECTORS


def _lent(actor: Actor, country: str) -> Actor:
    return dataclasses.replace(actor, country=country, country_from="discourse")
