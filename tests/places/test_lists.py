"""Names beside places, names split by punctuation, and countries over their namesakes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch import Document

from ..helpers import place_at

pytestmark = pytest.mark.issue(17)

Code = Callable[..., Document]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Minnesota Governor Tim Pawlenty stopped in Oakport and Moorhead, urging "
            "residents to join the flood fight.",
            "Moorhead",
            "USA",
        ),
        ("The quakes struck near Tabriz and Ahar on Saturday.", "Ahar", "IRN"),
        (
            "Indianapolis, Louisville, New Haven and Sioux Falls are also finalists.",
            "Sioux Falls",
            "USA",
        ),
    ],
)
def test_a_name_listed_beside_a_place_is_a_place(
    code: Code, text: str, name: str, country: str
) -> None:
    assert place_at(code(text), name).country == country


@pytest.mark.parametrize(
    "text", ["In London, Johnson said the talks would go on.", "Police in Paris and Macron agreed."]
)
def test_a_person_beside_a_place_stays_a_person(code: Code, text: str) -> None:
    assert len(code(text).places) == 1


def test_a_spaced_dash_parts_a_person_from_a_place(code: Code) -> None:
    doc = code("Recounts were sought in two states narrowly won by Mr Trump - Wisconsin and Ohio.")
    assert place_at(doc, "Wisconsin").feature == "ADM1"


def test_a_hyphenated_name_is_one_name(code: Code) -> None:
    doc = code("Nina Webb-Lawton, a board member of the arts council, praised the grants.")
    assert [p.text for p in doc.places] == []


def test_an_abbreviation_with_its_period_beats_a_namesake_town(code: Code) -> None:
    doc = code("The cat was found during a safety check in Wainwright, Alta., by a conductor.")
    alberta = place_at(doc, "Alta.")
    assert (alberta.name, alberta.feature) == ("Alberta", "ADM1")


def test_a_sentence_final_acronym_is_no_abbreviation(code: Code) -> None:
    doc = code("The raids were aimed not only at Israel but also at the PA. The crackdown went on.")
    assert [p.text for p in doc.places] == ["Israel"]


def test_a_large_city_read_as_a_nationality_is_a_place(code: Code) -> None:
    doc = code("Bogdanov became the latest entry into the crowded Sochi mayoral election.")
    assert place_at(doc, "Sochi").country == "RUS"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Pilots from Waxahachie, Texas, flew over Italy and Japan in the war.", "Italy", "ITA"),
        (
            "Volunteer pilots from Beaumont and Port Arthur flew for China, Canada and "
            "Britain, the Beaumont museum said.",
            "China",
            "CHN",
        ),
        (
            "None of the disputes between Washington and Moscow came from hostile intent, "
            "the Canadian official said.",
            "Washington",
            "USA",
        ),
    ],
)
def test_a_member_of_a_list_of_countries_is_a_country(
    code: Code, text: str, name: str, country: str
) -> None:
    place = place_at(code(text), name)
    assert (place.country, place.feature) == (country, "PCLI" if name != "Washington" else "PPL")


def test_a_town_placed_by_its_state_keeps_a_country_name(code: Code) -> None:
    doc = code("She grew up in Italy, Texas, a small town south of Dallas.")
    assert place_at(doc, "Italy").country == "USA"
