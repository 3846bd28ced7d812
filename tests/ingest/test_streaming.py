"""Inputs are read as a stream: memory stays flat whatever the input's size."""

import csv
import io
import json
import tracemalloc

import pytest

from eventwatch.ingest import read_inputs

pytestmark = pytest.mark.issue(14)

TEXT = "Police arrested three protesters in Belgrade on Monday after clashes near the bridge. " * 6


def _jsonl(path, n):
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"d{i}", "text": TEXT}) + "\n")


def _csv(path, n):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        for i in range(n):
            writer.writerow([f"d{i}", TEXT])


@pytest.mark.parametrize(("suffix", "write"), [(".jsonl", _jsonl), (".csv", _csv)])
def test_a_large_file_is_read_in_flat_memory(tmp_path, suffix, write) -> None:
    path = tmp_path / f"big{suffix}"
    write(path, 5000)
    size = path.stat().st_size
    assert size > 2_500_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_inputs(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000
    assert peak < size / 5, f"peak {peak:,} bytes while reading {size:,}"


class _CountingRaw(io.RawIOBase):
    """A raw file that counts what is read from it."""

    def __init__(self, handle):
        self.handle = handle
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self.handle.read(len(buffer))
        self.read_bytes += len(data)
        buffer[: len(data)] = data
        return len(data)


def test_the_first_record_comes_before_the_rest_is_read(tmp_path) -> None:
    path = tmp_path / "big.jsonl"
    _jsonl(path, 5000)
    with path.open("rb") as handle:
        raw = _CountingRaw(handle)
        stream = read_inputs("-", stdin=io.BufferedReader(raw))
        assert next(stream).id == "d0"
        assert raw.read_bytes < 100_000 < path.stat().st_size
        stream.close()
