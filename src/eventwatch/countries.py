"""The project's country table (``actors/data/countries.tsv``), read in one place.

The actor stage matches its names, demonyms and capitals; the places stage
tells demonyms and capitals from places; the gazetteer build adds each country.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from .exceptions import ResourceError

__all__ = ["Country", "read_countries"]

_COLUMNS = 5


@dataclass(frozen=True, slots=True)
class Country:
    """One row: ISO alpha-3 code, common name, and the other ways news names it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def read_countries() -> Iterator[Country]:
    """Every country of the table, in file order; a malformed line is a ResourceError."""
    try:
        text = (
            resources.files("eventwatch.actors")
            .joinpath("data", "countries.tsv")
            .read_text("utf-8")
        )
    except OSError as exc:
        raise ResourceError(f"country table countries.tsv is missing: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (_COLUMNS - len(cells))
        if len(cells) != _COLUMNS:
            raise ResourceError(
                f"countries.tsv:{number}: expected {_COLUMNS} columns, got {len(cells)}"
            )
        iso3, name, aliases, demonyms, capitals = (c.strip() for c in cells)
        yield Country(iso3, name, _split(aliases), _split(demonyms), _split(capitals))
