"""Each event's location: attached place, else the sentence's, never the dateline (issue 5)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import Document

from ..helpers import event_at

pytestmark = pytest.mark.issue(5)

Code = Callable[..., Document]


def test_seed_ambush_is_in_northern_kosovo(seed_doc: Document) -> None:
    location = event_at(seed_doc, "killed", "ASSAULT").location
    assert location is not None
    assert (location.country, location.qualifier) == ("XKX", "north")


def test_seed_shootout_is_in_kosovo(seed_doc: Document) -> None:
    location = event_at(seed_doc, "shootout").location
    assert location is not None and location.country == "XKX"


def test_seed_build_up_is_at_the_border(seed_doc: Document) -> None:
    first_line = seed_doc.text.index("\n")
    event = next(
        e for e in seed_doc.events if e.type == "MOBILIZE" and e.evidence.trigger.start < first_line
    )
    assert event.evidence.trigger.text == "deployment"
    assert event.location is not None
    assert (event.location.name, event.location.feature) == ("Serbia–Kosovo border", "BRDR")


def test_seed_has_no_event_in_washington(seed_doc: Document) -> None:
    located = [e.location for e in seed_doc.events if e.location is not None]
    assert located
    assert not [p for p in located if p.name == "Washington"]


def test_seed_events_lie_where_the_story_is(seed_doc: Document) -> None:
    # "Antony Blinken" (tagged a facility by the small model) is no French town
    countries = {e.location.country for e in seed_doc.events if e.location is not None}
    assert countries <= {"XKX", "SRB"}


def test_dateline_is_not_the_location(code: Code) -> None:
    doc = code("(Washington) Gunmen killed two police officers near Mitrovica on Sunday.")
    location = event_at(doc, "killed").location
    assert location is not None and location.country == "XKX"


def test_speaking_capital_is_not_the_location(code: Code) -> None:
    doc = code("Belgrade accused Kosovo police of attacking Serbs in Zvecan.")
    for event in doc.events:
        assert event.location is None or event.location.text != "Belgrade"


def test_without_a_place_the_location_is_none(code: Code) -> None:
    doc = code("The minister said protesters were arrested on Friday.")
    assert all(e.location is None for e in doc.events)
