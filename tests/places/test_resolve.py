"""The resolver's choices on hand-made gazetteer readings (issue 5)."""

from __future__ import annotations

from collections import Counter

import pytest

from eventwatch.resources.gazetteer import Entry
from eventwatch.stages.places.resolve import resolve_all
from eventwatch.stages.places.toponyms import Mention

from ..conftest import Code

pytestmark = pytest.mark.issue(5)

_CALIFORNIA = Entry(1, "California", "USA", "California", 37.2, -119.7, 0, 5332921, "ADM1", True)
#: a West Virginia town whose old name was "California"
_SPENCER = Entry(2, "Spencer", "USA", "West Virginia", 38.8, -81.4, 2195, 4826543, "PPL", False)
_WEST_VIRGINIA = Entry(
    3, "West Virginia", "USA", "West Virginia", 38.5, -80.9, 0, 4826850, "ADM1", True
)
_MANSFIELD_GB = Entry(4, "Mansfield", "GBR", "England", 53.1, -1.2, 99_600, 2643320, "PPL", True)
_MANSFIELD_TX = Entry(5, "Mansfield", "USA", "Texas", 32.6, -97.1, 64_274, 4709013, "PPL", True)


def _mention(start: int, text: str, *entries: Entry) -> Mention:
    return Mention(start, start + len(text), text, entries, "GPE")


def test_old_name_of_a_small_town_never_beats_a_state() -> None:
    mentions = [
        _mention(0, "West Virginia", _WEST_VIRGINIA),
        _mention(30, "California", _CALIFORNIA, _SPENCER),
    ]
    ranked = resolve_all(mentions, Counter(), {}, set())
    assert ranked[1][0].entry.name == "California"
    assert [s.entry.name for s in ranked[1]] == ["California"]


def test_named_countries_break_a_tie_between_namesakes() -> None:
    mention = _mention(0, "Mansfield", _MANSFIELD_GB, _MANSFIELD_TX)
    assert resolve_all([mention], Counter(), {}, set())[0][0].entry.country == "GBR"
    assert resolve_all([mention], Counter({"USA": 1}), {}, set())[0][0].entry.country == "USA"


def test_the_subdivision_named_most_often_holds_its_counties() -> None:
    illinois = Entry(6, "Illinois", "USA", "Illinois", 40.0, -89.2, 0, 4896861, "ADM1", True)
    indiana = Entry(7, "Indiana", "USA", "Indiana", 40.3, -86.2, 0, 4921868, "ADM1", True)
    county_il = Entry(8, "Montgomery County", "USA", "Illinois", 39.2, -89.5, 0, 0, "ADM2", True)
    county_in = Entry(9, "Montgomery County", "USA", "Indiana", 40.0, -86.9, 0, 0, "ADM2", True)
    mentions = [
        *(_mention(20 * i, "Indiana", indiana) for i in range(3)),
        _mention(60, "Montgomery County", county_il, county_in),
        _mention(90, "Illinois", illinois),
    ]
    ranked = resolve_all(mentions, Counter(), {}, set())
    assert ranked[3][0].entry.admin1 == "Indiana"


@pytest.mark.issue(17)
def test_a_capital_beats_a_small_namesake_in_an_american_context() -> None:
    moscow = Entry(10, "Moscow", "RUS", "Moscow", 55.75, 37.62, 10_381_222, 524901, "PPL", True)
    small = Entry(11, "Moscow", "USA", "Pennsylvania", 41.34, -75.52, 2_000, 5202009, "PPL", True)
    mention = _mention(0, "Moscow", moscow, small)
    ranked = resolve_all([mention], Counter({"USA": 3}), {"Moscow": "RUS"}, set())
    assert ranked[0][0].entry.country == "RUS"
    # unless the text says otherwise: "Moscow, Pennsylvania"
    state = Entry(12, "Pennsylvania", "USA", "Pennsylvania", 40.9, -77.7, 0, 6254927, "ADM1", True)
    both = [mention, _mention(8, "Pennsylvania", state)]
    ranked = resolve_all(both, Counter(), {"Moscow": "RUS"}, set(), "Moscow, Pennsylvania")
    assert ranked[0][0].entry.country == "USA"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "words", "country"),
    [
        # "South Lebanon" is also a village in Ohio: the words name Lebanon's south
        ("Israeli jets struck targets in south Lebanon on Monday.", "south Lebanon", "LBN"),
        # a country or a state whose own name holds the direction keeps it
        ("Fighting continued in South Sudan.", "South Sudan", "SSD"),
        ("Rebels seized towns in west Darfur.", "west Darfur", "SDN"),
    ],
)
def test_a_direction_before_a_country_is_its_part_not_a_namesake_town(
    code: Code, text: str, words: str, country: str
) -> None:
    [place] = [p for p in code(text).places if p.text == words]
    assert place.country == country
