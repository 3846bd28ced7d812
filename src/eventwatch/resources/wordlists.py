"""The project's tab-separated word lists, read one way.

Every ``data/*.tsv`` file in the package has the same form: ``#`` lines are
comments, blank lines are skipped, cells are tab-separated, a short line is
padded with empty cells, and a cell may hold several values joined by ``|``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from ..exceptions import ResourceError

__all__ = ["read_rows", "split_cell"]


def read_rows(package: str, filename: str, columns: int) -> Iterator[list[str]]:
    """The stripped cells of each row of ``package``'s ``data/filename``.

    A missing file or a line with too many cells is a :class:`ResourceError`
    naming the file (and the line).
    """
    try:
        text = resources.files(package).joinpath("data", filename).read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"word list {filename} is missing: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (columns - len(cells))
        if len(cells) != columns:
            raise ResourceError(
                f"{filename}:{number}: expected {columns} columns, got {len(cells)}"
            )
        yield [c.strip() for c in cells]


def split_cell(cell: str) -> tuple[str, ...]:
    """The values of a ``|``-separated cell, without empty ones."""
    return tuple(v.strip() for v in cell.split("|") if v.strip())
