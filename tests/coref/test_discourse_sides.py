"""Sides the discourse names: a countryless force takes the country an earlier
mention of the same kind of event states (issue 16, arguments across sentences)."""

from __future__ import annotations

import dataclasses

import pytest

from eventwatch.records import Actor, Event
from eventwatch.stages.coref import _head_word
from eventwatch.stages.coref._discourse import lend_discourse_sides

from ..helpers import make_actor, make_event

pytestmark = pytest.mark.issue(16)


def _stated(country: str, sector: str = "MIL") -> Actor:
    return dataclasses.replace(make_actor(country, sector), country_from="text")


def _event(word: str, sources: list[Actor], type_: str = "MOBILIZE") -> Event:
    event = make_event(type_, trigger=(0, len(word), word))
    event.source = sources
    return event


def test_a_countryless_force_takes_the_country_an_earlier_namesake_states() -> None:
    first = _event("deployment", [_stated("RUS")])
    later = _event("deployment", [make_actor(None, "MIL", "tank units")])
    lend_discourse_sides([first, later], _head_word)
    [actor] = later.source
    assert (actor.text, actor.country, actor.country_from) == ("tank units", "RUS", "discourse")


@pytest.mark.parametrize(
    ("earlier", "borrower"),
    [
        (_event("deployment", [_stated("RUS")], type_="ASSAULT"), make_actor(None, "MIL")),
        (_event("buildup", [_stated("RUS")]), make_actor(None, "MIL")),  # another word
        (_event("deployment", [_stated("RUS"), _stated("BLR")]), make_actor(None, "MIL")),
        (
            _event("deployment", [dataclasses.replace(_stated("RUS"), country_from="place")]),
            make_actor(None, "MIL"),  # a country inferred is not lent on
        ),
        (_event("deployment", [_stated("RUS")]), make_actor(None, "CVL")),  # people
        (_event("deployment", [_stated("RUS")]), make_actor(None, None)),  # "they"
    ],
)
def test_nothing_is_lent_without_one_stated_country_for_a_force(
    earlier: Event, borrower: Actor
) -> None:
    later = _event("deployment", [borrower])
    lend_discourse_sides([earlier, later], _head_word)
    assert later.source[0].country is None


def test_an_event_with_no_source_gets_none() -> None:
    later = _event("deployment", [])
    lend_discourse_sides([_event("deployment", [_stated("RUS")]), later], _head_word)
    assert later.source == []


def test_the_seed_deployment_of_tanks_on_the_border_is_serbias(seed_doc) -> None:
    [tanks] = [e for e in seed_doc.events if "tanks" in {a.text for a in e.source}]
    assert tanks.type == "MOBILIZE"
    assert {(a.country, a.country_from) for a in tanks.source} == {("SRB", "discourse")}
