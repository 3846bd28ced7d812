"""Exports: every format streams, keeps its layout, and is the same on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwatch import InputError
from eventwatch.store import EXPORT_FORMATS, FLAT_COLUMNS, Store
from eventwatch.store._layouts import GDELT_COLUMNS, POLECAT_COLUMNS, gdelt_event_id

pytestmark = pytest.mark.issue(14)


def _export(store: Store, fmt: str, **filters) -> bytes:
    out = io.BytesIO()
    store.export(fmt, out, **filters)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_sqlite_and_postgres_export_the_same(fmt, tmp_path: Path, pg_cluster, coded_docs) -> None:
    outputs = []
    for url in (str(tmp_path / "a.db"), pg_cluster.create_database()):
        with Store.open(url) as store:
            # two batches, in a different order on each backend
            half = len(coded_docs) // 2
            batches = [coded_docs[:half], coded_docs[half:]]
            for batch in batches if url.endswith(".db") else batches[::-1]:
                store.write(batch)
            outputs.append(_export(store, fmt))
    if fmt == "parquet":
        import pyarrow.parquet as pq

        tables = [pq.read_table(io.BytesIO(o)).to_pylist() for o in outputs]
        assert tables[0] == tables[1] and len(tables[0]) > 100
    else:
        lines = [sorted(o.decode("utf-8").splitlines()) for o in outputs]
        assert lines[0] == lines[1] and len(lines[0]) > 50


def test_gdelt_rows_have_61_columns_and_codes(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    rows = _export(store, "gdelt").decode("utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61
    assert len(rows) == sum(len(d["events"]) for d in coded_docs)
    events = {e["id"]: e for d in coded_docs for e in d["events"]}
    for line in rows:
        cells = line.split("\t")
        assert len(cells) == 61
        row = dict(zip(GDELT_COLUMNS, cells, strict=True))
        assert row["GlobalEventID"].isdigit()
        assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert row["Day"] == "" or len(row["Day"]) == 8
    mobilize = next(e for e in events.values() if e["cameo"] == "154" and e["source"])
    line = next(r for r in rows if r.split("\t")[0] == str(gdelt_event_id(mobilize["id"])))
    row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == ("154", "15", "4")
    country = mobilize["source"][0]["country"]
    assert row["Actor1CountryCode"] == country and row["Actor1Code"].startswith(country)


def test_polecat_has_its_header_and_width(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    lines = _export(store, "polecat").decode("utf-8").splitlines()
    assert lines[0].split("\t") == list(POLECAT_COLUMNS)
    assert all(len(line.split("\t")) == len(POLECAT_COLUMNS) for line in lines[1:])
    first = dict(zip(POLECAT_COLUMNS, lines[1].split("\t"), strict=True))
    record = store.events(limit=1)[0]
    assert (first["Event ID"], first["Event Type"]) == (record["id"], record["type"])


def test_parquet_opens_in_pyarrow_and_pandas(store: Store, coded_docs, tmp_path: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    store.write(coded_docs)
    path = tmp_path / "events.parquet"
    count = store.export("parquet", path, country="USA")
    table = pq.read_table(path)
    assert table.column_names == [name for name, _ in FLAT_COLUMNS]
    assert [str(t) for t in table.schema.types] == [
        {"string": "string", "int64": "int64", "float64": "double", "bool": "bool"}[kind]
        for _, kind in FLAT_COLUMNS
    ]
    frame = pd.read_parquet(path)
    assert len(frame) == table.num_rows == count == len(store.events(country="USA"))
    assert (
        frame["source_countries"].fillna("").str.contains("USA").sum()
        + frame["target_countries"].fillna("").str.contains("USA").sum()
        >= count
    )


def test_csv_has_the_flat_columns(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    reader = csv.DictReader(io.StringIO(_export(store, "csv", type="ASSAULT").decode("utf-8")))
    rows = list(reader)
    assert reader.fieldnames == [name for name, _ in FLAT_COLUMNS]
    assert rows and {r["type"] for r in rows} == {"ASSAULT"}
    first = store.events(type="ASSAULT", limit=1)[0]
    assert rows[0]["evidence_text"] == first["evidence"]["text"]


def test_jsonl_is_the_records(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    lines = _export(store, "jsonl", place_country="XKX").decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == store.events(place_country="XKX")


def test_geojson_points_are_lon_lat(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    collection = json.loads(_export(store, "geojson"))
    assert collection["type"] == "FeatureCollection"
    located = [r for r in store.events() if (r.get("location") or {}).get("lat") is not None]
    assert len(collection["features"]) == len(located)
    feature = collection["features"][0]
    record = next(r for r in located if r["id"] == feature["id"])
    assert feature["geometry"]["coordinates"] == [
        record["location"]["lon"],
        record["location"]["lat"],
    ]


def test_an_unknown_format_is_an_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        store.export("xml", io.BytesIO())


def _copies(docs, n: int):
    from ._fixtures import with_text

    out = []
    for copy in range(n):
        for doc in docs:
            renamed = {**doc, "id": f"{doc['id']}~{copy}"}
            out.append(with_text(renamed, doc["text"]))
    return out


class _Sink(io.RawIOBase):
    """A binary stream that counts bytes and keeps none."""

    def __init__(self) -> None:
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.size += len(data)
        return len(data)


def test_exports_stream_in_flat_memory(store: Store, coded_docs) -> None:
    import tracemalloc

    per_copy = sum(len(doc["events"]) for doc in coded_docs)
    store.write(_copies(coded_docs, 5001 // per_copy + 1))  # over 5,000 rows, whatever
    total = store.stats()["events"]  # the coder's count per document
    assert total > 5000
    for fmt in ("jsonl", "csv"):  # geojson writes as jsonl does, gdelt and polecat as csv
        peaks = []
        for limit in (total // 3, total):  # both many times the 1,000 rows fetched at once
            sink = _Sink()
            tracemalloc.start()
            store.export(fmt, sink, limit=limit)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert sink.size > 0
        # three times the rows, not three times the memory
        assert peaks[1] < 1.5 * peaks[0], (fmt, peaks)
