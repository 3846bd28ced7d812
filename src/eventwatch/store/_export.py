"""Streaming exports of filtered events: csv, parquet, jsonl, geojson, gdelt, polecat.

Rows come from the database a thousand at a time and go out as they come, so
memory stays flat whatever the store's size (Parquet buffers one row group of
:data:`_ROW_GROUP` rows). Every format lists events in event-id order, so the
same store gives the same bytes on SQLite and PostgreSQL. Columns: see
``docs/export.md``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ..exceptions import InputError
from ._layouts import POLECAT_COLUMNS, gdelt_row, polecat_row
from ._read import FLAT_COLUMNS, flat_row

__all__ = ["EXPORT_FORMATS", "export_records", "parquet_schema"]

_ROW_GROUP = 10_000
_FLUSH = 1_000


def _text(out: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)


def _csv_rows(
    records: Iterable[dict[str, Any]], out: IO[bytes], *, header: list[str] | None,
    row: Callable[[dict[str, Any]], list[Any]], delimiter: str,
) -> int:  # fmt: skip
    text = _text(out)
    writer = csv.writer(
        text, delimiter=delimiter, lineterminator="\n",
        quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE,
        escapechar=None if delimiter == "," else "\\",
    )  # fmt: skip
    if header:
        writer.writerow(header)
    count = 0
    for record in records:
        writer.writerow(row(record))
        count += 1
        if count % _FLUSH == 0:
            text.flush()
    text.flush()
    text.detach()
    return count


def _flat_values(record: dict[str, Any]) -> list[Any]:
    flat = flat_row(record)
    return ["" if flat[c] is None else flat[c] for c, _ in FLAT_COLUMNS]


def _csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    return _csv_rows(records, out, header=[c for c, _ in FLAT_COLUMNS], row=_flat_values,
                     delimiter=",")  # fmt: skip


def _gdelt(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    # GDELT's .export.CSV files: tab-separated, no header, 61 columns
    return _csv_rows(records, out, header=None, row=gdelt_row, delimiter="\t")


def _polecat(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    return _csv_rows(records, out, header=list(POLECAT_COLUMNS), row=polecat_row,
                     delimiter="\t")  # fmt: skip


def _jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for record in records:
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        count += 1
    return count


def _geojson(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """A FeatureCollection of the events that have a location with coordinates."""
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    count = 0
    for record in records:
        flat = flat_row(record)
        if flat["lat"] is None or flat["lon"] is None:
            continue
        properties = {k: v for k, v in flat.items() if k not in ("lat", "lon")}
        feature = {
            "type": "Feature",
            "id": flat["event_id"],
            "geometry": {"type": "Point", "coordinates": [flat["lon"], flat["lat"]]},
            "properties": properties,
        }
        out.write((",\n" if count else "").encode() + json.dumps(feature, ensure_ascii=False)
                  .encode("utf-8"))  # fmt: skip
        count += 1
    out.write(b"\n]}\n")
    return count


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_()}  # fmt: skip
    return pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])


def _chunks(records: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(flat_row(record))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parquet(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for chunk in _chunks(records, _ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


EXPORT_FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], IO[bytes]], int]] = {
    "csv": _csv,
    "geojson": _geojson,
    "gdelt": _gdelt,
    "jsonl": _jsonl,
    "parquet": _parquet,
    "polecat": _polecat,
}


def export_records(fmt: str, records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Write ``records`` to the binary stream ``out`` as ``fmt``; return how many were written."""
    try:
        write = EXPORT_FORMATS[fmt]
    except KeyError:
        raise InputError(
            f"unknown export format {fmt!r}: use one of {', '.join(sorted(EXPORT_FORMATS))}"
        ) from None
    return write(records, out)
