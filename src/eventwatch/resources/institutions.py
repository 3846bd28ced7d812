"""The project's table of named institutions (``resources/data/institutions.tsv``).

The actor stage reads them as actors ("White House" -> ``USA GOV``); the places
stage reads the same names so that an institution is never taken for a place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .wordlists import read_rows, split_cell

__all__ = ["Institution", "read_institutions"]


@dataclass(frozen=True, slots=True)
class Institution:
    """One row: the names it goes by, its country and sector, and a display name.

    A row with no sector is a territory (a breakaway entity such as South
    Ossetia): a place as well as an actor.
    """

    names: tuple[str, ...]
    country: str | None
    sector: str | None
    name: str | None


def read_institutions() -> Iterator[Institution]:
    """Every row of the table, in file order; a malformed line is a ResourceError."""
    for phrases, country, sector, name in read_rows("eventwatch.resources", "institutions.tsv", 4):
        yield Institution(split_cell(phrases), country or None, sector or None, name or None)
