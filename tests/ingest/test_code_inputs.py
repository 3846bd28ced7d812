"""What ``eventwatch code`` makes of the readers: duplicate ids refused, warnings kept, pipes read.

Coded with the stub pipeline (no model loads).
"""

import datetime as dt
import json
import os
import threading

import pytest
from typer.testing import CliRunner

from eventwatch import Article, DocumentError
from eventwatch.cli import app
from eventwatch.engines import LocalEngine, code_inputs
from eventwatch.ingest import read_inputs, reject_duplicate_ids

GOOD = "Rebels attacked the town of Goma on Monday."


def _batch(tmp_path, records):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.issue(15)
def test_a_duplicate_id_is_an_error_for_the_later_item_with_both_lines(tmp_path) -> None:
    path = _batch(
        tmp_path,
        [{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}, {"id": "a", "text": "Other."}],
    )
    first, second, third = read_inputs(path, unique_ids=True)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert isinstance(third, DocumentError) and third.code == "document-duplicate-id"
    assert third.doc_id == "a" and third.origin == f"{path}:3"
    assert f"{path}:3" in third.message and f"already read at {path}:1" in third.message


def test_without_the_filter_a_repeated_id_is_read_as_a_new_version(tmp_path) -> None:
    path = _batch(tmp_path, [{"id": "a", "text": GOOD}, {"id": "a", "text": "Changed."}])
    assert [a.text for a in read_inputs(path)] == [GOOD, "Changed."]


def test_the_filter_passes_errors_through_and_keeps_order() -> None:
    error = DocumentError("bad", doc_id="x")
    items = [Article(id="x", text=GOOD, origin="f:2"), error, Article(id="y", text=GOOD)]
    assert list(reject_duplicate_ids(items)) == items


@pytest.mark.issue(15)
def test_code_refuses_the_duplicate_and_codes_the_rest(tmp_path, stub_pipeline) -> None:
    path = _batch(tmp_path, [{"id": "a", "text": GOOD}, {"id": "a", "text": GOOD}])
    engine = LocalEngine(stub_pipeline)
    first, second = code_inputs(path, spec=stub_pipeline.spec, engine=engine)
    assert first.errors == () and [e.type for e in first.events] == ["ASSAULT"]
    [error] = second.errors
    assert error.code == "document-duplicate-id" and second.events == ()


@pytest.mark.issue(15)
def test_a_reading_warning_reaches_the_coded_document(tmp_path, stub_pipeline) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Rebels attacked the caf\xe9 on Monday.")
    engine = LocalEngine(stub_pipeline)
    [doc] = code_inputs(path, spec=stub_pipeline.spec, engine=engine, pub_date=dt.date(2023, 9, 29))
    assert doc.errors == () and [e.type for e in doc.events] == ["ASSAULT"]
    assert [w.code for w in doc.warnings] == ["document-utf8"]


@pytest.mark.issue(15)
def test_eventwatch_code_reads_a_process_substitution(monkeypatch, stub_pipeline) -> None:
    import eventwatch.engines

    monkeypatch.setattr(
        eventwatch.engines, "engine_for", lambda workers, **kind: LocalEngine(stub_pipeline)
    )
    read_fd, write_fd = os.pipe()

    def write() -> None:
        with os.fdopen(write_fd, "wb") as handle:
            handle.write(GOOD.encode())

    threading.Thread(target=write, daemon=True).start()
    try:
        result = CliRunner().invoke(app, ["code", f"/dev/fd/{read_fd}", "--format", "doc"])
    finally:
        os.close(read_fd)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["text"] == GOOD and doc["origin"] == f"/dev/fd/{read_fd}"
    assert doc["errors"] == [] and [e["type"] for e in doc["events"]] == ["ASSAULT"]


def test_the_help_says_directories_are_read_recursively() -> None:
    result = CliRunner().invoke(app, ["code", "--help"], env={"COLUMNS": "200"})
    assert "recursively" in result.stdout and ".csv" in result.stdout
