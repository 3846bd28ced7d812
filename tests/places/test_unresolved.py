"""Toponyms the gazetteer lacks, marked by grammar; acronyms, people and firms are not (issue 17)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import Document

pytestmark = pytest.mark.issue(17)

Code = Callable[..., Document]


def _unresolved(doc: Document) -> list[str]:
    return [p.text for p in doc.places if p.feature == "UNRESOLVED"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shells fell on the Zubrakhiya district overnight.", "Zubrakhiya"),
        ("The army entered the village of Khirbet Zaqqum at dawn.", "Khirbet Zaqqum"),
        ("Boats capsized on Lake Ondrava last week.", "Lake Ondrava"),
        ("Residents fled the al-Qabbani neighbourhood.", "al-Qabbani"),
    ],
)
def test_a_place_noun_marks_an_unknown_name(code: Code, text: str, name: str) -> None:
    doc = code(text)
    assert name in _unresolved(doc)
    place = next(p for p in doc.places if p.text == name)
    assert (place.lat, place.lon, place.country) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The fighters of IS were seen in the area.",
        "She has worked at Reuters for a decade.",
        "The bill passed in Congress on Friday.",
        "He met Jonathan Marwick at the hotel.",
        "Workers rallied at the Palace of Conventions.",  # a building's name
    ],
)
def test_acronyms_firms_institutions_and_people_are_no_unknown_places(
    code: Code, text: str
) -> None:
    assert _unresolved(code(text)) == []
