"""CSV with a header row: ``id``, ``text`` and optionally ``title``, ``url``, ``pub_date``,
``source``, ``language`` (in any order, any case; other columns are ignored).

Each row is one article; the header is never text. A row that cannot be read
is an error that names its line, and the next row is read as usual. A quoted
text may span lines; the line given is the row's first. (The :mod:`csv`
module's field limit, process-wide, is raised to ``max_bytes`` so that a long
report is one field.)
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from ..exceptions import DocumentError
from ..records import Article, DocError
from ._common import OPTIONAL_FIELDS, ReadOptions, article_from_record, decode, document_error
from ._streams import LineReader, LineTooLong

__all__ = ["read_csv"]

_FIELDS = ("id", "text", *OPTIONAL_FIELDS)


class _Lines:
    """Decoded lines for :mod:`csv`, counting them and keeping each line's warnings."""

    def __init__(self, stream: BinaryIO, *, origin: str, limit: int) -> None:
        self._lines = LineReader(stream, limit=limit)
        self._origin = origin
        self.warnings: list[DocError] = []
        self.binary: str | None = None

    @property
    def number(self) -> int:
        return self._lines.number

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self._lines)
        try:
            line, warnings = decode(raw, origin=f"{self._origin}:{self._lines.number}")
        except ValueError as exc:
            self.binary = str(exc)
            return raw.decode("utf-8", "replace")
        self.warnings.extend(warnings)
        return line


def read_csv(
    stream: BinaryIO, *, name: str, origin: str, options: ReadOptions
) -> Iterator[Article | DocumentError]:
    """One article or error per row of a CSV with a header, as the rows are read."""
    if csv.field_size_limit() <= options.max_bytes:
        csv.field_size_limit(options.max_bytes + 1)
    lines = _Lines(stream, origin=origin, limit=2 * options.max_bytes + (1 << 16))
    reader = csv.reader(lines)
    columns: dict[str, int] | None = None
    width = 0
    while True:
        first = lines.number + 1
        where = f"{origin}:{first}"
        lines.warnings, lines.binary = [], None
        try:
            row = next(reader)
        except StopIteration:
            break
        except (LineTooLong, csv.Error) as exc:
            if isinstance(exc, LineTooLong) or "field limit" in str(exc):
                reason, code = (
                    f"row is over the limit of {options.max_bytes:,} bytes",
                    "document-size",
                )
            else:
                reason, code = f"not CSV ({exc})", "document-csv"
            yield document_error(reason, doc_id=f"{name}:{first}", origin=where, code=code)
            reader = csv.reader(lines)
            continue
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns, width = _header(row), len(row)
            if "text" not in columns:
                found = ", ".join(repr(cell) for cell in row)
                yield document_error(
                    f"the CSV header has no 'text' column (found {found}); "
                    "expected a header like id,text,title,url,pub_date",
                    doc_id=name,
                    origin=where,
                    code="document-csv",
                )
                return
            continue
        fallback = f"{name}:{first}"
        if lines.binary:
            yield document_error(
                lines.binary, doc_id=fallback, origin=where, code="document-binary"
            )
        elif len(row) > width and any(cell.strip() for cell in row[width:]):
            yield document_error(
                f"row has {len(row)} fields, the header {width} (a comma in an unquoted text?)",
                doc_id=fallback,
                origin=where,
                code="document-csv",
            )
        else:
            record = {key: row[index] for key, index in columns.items() if index < len(row)}
            yield article_from_record(
                record,
                fallback_id=fallback,
                origin=where,
                options=options,
                warnings=tuple(lines.warnings),
            )


def _header(row: list[str]) -> dict[str, int]:
    """Column index of each known field (the first column of a name wins)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = cell.strip().lstrip("\ufeff").lower()
        if key in _FIELDS and key not in columns:
            columns[key] = index
    return columns
