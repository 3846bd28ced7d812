"""The project's country table (``resources/data/countries.tsv``), read in one place.

The actor stage matches its names, demonyms and capitals; the places stage
tells demonyms and capitals from places; the gazetteer build adds each country.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .wordlists import read_rows, split_cell

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


def read_countries() -> Iterator[Country]:
    """Every country of the table, in file order; a malformed line is a ResourceError."""
    for iso3, name, aliases, demonyms, capitals in read_rows(
        "eventwatch.resources", "countries.tsv", _COLUMNS
    ):
        yield Country(iso3, name, split_cell(aliases), split_cell(demonyms), split_cell(capitals))
