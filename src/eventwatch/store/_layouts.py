"""Event records in other datasets' column layouts: GDELT 2.0 and POLECAT.

Each function turns one event record (see :mod:`._read`) into one row of
strings. ``docs/export.md`` documents every column and where ours differs; in
short: identifiers are derived from our stable event ids, country codes stay
ISO-3166 alpha-3 (GDELT's geography uses FIPS 10-4), GDELT's Goldstein score
and tone and POLECAT's intensity are left empty (eventwatch does not compute
them yet), and every date comes from the document, never from the clock, so an
export is the same on every run and backend.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

__all__ = [
    "GDELT_COLUMNS",
    "POLECAT_COLUMNS",
    "gdelt_event_id",
    "gdelt_row",
    "polecat_row",
    "quad_class",
]

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)  # fmt: skip

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip

#: PLOVER type -> quad class (1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict), following CAMEO's roots for each type
_PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "REQUEST": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
_QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
               4: "MATERIAL CONFLICT"}  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return " ".join(str(value).split())  # no tab or newline inside a cell


def quad_class(record: Mapping[str, Any]) -> int | None:
    """GDELT's QuadClass from the CAMEO root, else from the PLOVER type."""
    cameo = str(record.get("cameo") or "")
    if cameo[:2].isdigit():
        root = int(cameo[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return _PLOVER_QUAD.get(str(record.get("type")))


def _event_day(record: Mapping[str, Any]) -> dt.date | None:
    date = record.get("date") or {}
    for value in (date.get("start_date"), record.get("pub_date")):
        if isinstance(value, str) and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                continue
    return None


def gdelt_event_id(event_id: str) -> int:
    """A 60-bit integer from the event id: GDELT readers parse GlobalEventID as a number."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _actor(actors: list[dict[str, Any]]) -> list[Any]:
    if not actors:
        return [""] * len(_ACTOR)
    a = actors[0]
    sectors = list(a.get("sectors") or ([a["sector"]] if a.get("sector") else []))
    country = a.get("country") or ""
    code = country + "".join(sectors[:1])
    return [code, (a.get("name") or a.get("text") or "").upper(), country,
            a.get("name") if country == "IGO" else "", "", "", "",
            *(sectors + ["", "", ""])[:3]]  # fmt: skip


def _geo_type(place: Mapping[str, Any]) -> int:
    feature = str(place.get("feature") or "")
    us = place.get("country") == "USA"
    if place.get("lat") is None:
        return 0
    if feature.startswith("PCL"):
        return 1
    if feature == "ADM1":
        return 2 if us else 5
    return 3 if us else 4


def _geo(place: Mapping[str, Any] | None) -> list[Any]:
    if not place:
        return [0, "", "", "", "", "", "", ""]
    full = ", ".join(str(p) for p in (place.get("name"), place.get("admin1"),
                                      place.get("country")) if p)  # fmt: skip
    return [_geo_type(place), full, place.get("country"), place.get("admin1"), "",
            place.get("lat"), place.get("lon"), place.get("geonameid")]  # fmt: skip


def gdelt_row(record: Mapping[str, Any]) -> list[str]:
    """One GDELT 2.0 event row (61 columns) for an event record."""
    day = _event_day(record)
    cameo = str(record.get("cameo") or "")
    evidence = record.get("evidence") or {}
    pub = str(record.get("pub_date") or "").replace("-", "")
    row: list[Any] = [
        gdelt_event_id(record["id"]),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        *_actor(record.get("source") or []),
        *_actor(record.get("target") or []),
        1 if isinstance(evidence.get("sentence"), int) and evidence["sentence"] <= 1 else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        quad_class(record),
        "",
        len(record.get("mentions") or []) or 1,
        1,
        1,
        "",
        *_geo(None),
        *_geo(None),
        *_geo(record.get("location")),
        f"{pub}000000" if len(pub) == 8 else "",
        record.get("url") or record.get("doc_id"),
    ]
    return [_cell(v) for v in row]


def _people(actors: list[dict[str, Any]], key: str) -> str:
    return ";".join(str(a.get(key) or "") for a in actors) if actors else ""


def polecat_row(record: Mapping[str, Any]) -> list[str]:
    """One POLECAT row (the weekly files' 40 columns) for an event record."""
    day = _event_day(record)
    place = record.get("location") or {}
    quad = quad_class(record)
    feature = str(place.get("feature") or "")

    def side(actors: list[dict[str, Any]]) -> list[Any]:
        sectors = ";".join(
            "|".join(a.get("sectors") or ([a["sector"]] if a.get("sector") else [])) for a in actors
        )
        return [_people(actors, "name"), _people(actors, "country"), "",
                _people(actors, "sector"), sectors if actors else "", "",
                _people(actors, "text"), ""]  # fmt: skip

    row: list[Any] = [
        record["id"],
        day.isoformat() if day else "",
        record.get("type"),
        record.get("mode"),
        "",
        _QUAD_NAMES.get(quad or 0, ""),
        ";".join(record.get("context") or []),
        *side(record.get("source") or []),
        *side(record.get("target") or []),
        place.get("name"),
        place.get("name") if feature.startswith("PP") else "",
        "",
        place.get("admin1"),
        place.get("country"),
        place.get("lat"),
        place.get("lon"),
        place.get("geonameid"),
        place.get("text"),
        feature or None,
        record.get("doc_source") or record.get("url"),
        record.get("pub_date"),
        "",
        "",
        "",
        record.get("language"),
        record.get("pipeline_version"),
    ]
    return [_cell(v) for v in row]
