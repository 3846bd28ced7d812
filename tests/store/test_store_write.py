"""Writing: once and only once, versions, bad documents, one transaction per batch."""

from __future__ import annotations

import copy

import pytest

from eventwatch.store import Store
from eventwatch.store._rows import CHILD_TABLES, DOCUMENT_COLUMNS, EVENT_COLUMNS, document_rows

from ._fixtures import with_text

pytestmark = pytest.mark.issue(14)


def test_a_document_reads_back_equal_to_what_was_written(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    for doc in coded_docs:
        assert store.document(doc["id"]) == doc
    assert store.document("no-such-id") is None


def test_unknown_keys_are_kept_whole(store: Store, coded_docs) -> None:
    doc = copy.deepcopy(coded_docs[0])
    doc["coded_at"] = "2025-01-01T00:00:00+00:00"
    doc["later_field"] = {"nested": [1, 2.5, None]}
    doc["events"][0]["mentions"] = [{"sentence": 3, "trigger": {"start": 1, "end": 4}}]
    store.write([doc])
    assert store.document(doc["id"]) == doc


def test_writing_the_same_batch_twice_adds_nothing(store: Store, coded_docs) -> None:
    first = store.write(coded_docs)
    assert first.written == len(coded_docs)
    assert first.events == sum(len(d["events"]) for d in coded_docs)
    before = store.stats()
    again = store.write(coded_docs)
    assert (again.written, again.unchanged, again.events) == (0, len(coded_docs), 0)
    assert store.stats() == before


def test_a_changed_text_is_a_new_version_and_queries_see_the_latest(
    store: Store, coded_docs
) -> None:
    original = coded_docs[1]
    store.write([original])
    changed = with_text(
        original, original["text"] + "\nCorrection: an earlier version misspelled a name."
    )
    result = store.write([changed])
    assert (result.written, result.new_versions) == (1, 1)
    stats = store.stats()
    assert (stats["documents"], stats["versions"]) == (1, 2)
    assert stats["events"] == len(changed["events"])
    assert store.document(original["id"]) == changed
    assert store.document(original["id"], version=1) == original
    latest_ids = {e["id"] for e in store.events()}
    assert latest_ids == {e["id"] for e in changed["events"]}
    every = {e["id"] for e in store.events(all_versions=True)}
    assert every == latest_ids | {e["id"] for e in original["events"]}
    versions = [(d["id"], d["version"]) for d in store.documents(all_versions=True)]
    assert versions == [(original["id"], 1), (original["id"], 2)]


def test_two_versions_in_one_batch(store: Store, coded_docs) -> None:
    original = coded_docs[2]
    changed = with_text(original, original["text"] + " (updated)")
    result = store.write([original, changed, original])
    assert (result.written, result.new_versions, result.unchanged) == (2, 1, 1)
    assert store.document(original["id"]) == changed
    assert [d["version"] for d in store.documents()] == [2]


def test_known_answers_for_one_and_many(store: Store, coded_docs) -> None:
    doc = coded_docs[0]
    assert not store.known(doc["id"], doc["content_hash"])
    store.write([doc])
    assert store.known(doc["id"], doc["content_hash"])
    assert not store.known(doc["id"], "0" * 64)
    pairs = [(d["id"], d["content_hash"]) for d in coded_docs[:3]]
    assert store.known_many(pairs) == {pairs[0]}


def test_bad_documents_become_error_rows_and_the_batch_goes_on(store: Store, coded_docs) -> None:
    good = coded_docs[:3]
    no_text = {**coded_docs[3], "text": None}
    bad_status = {**coded_docs[4], "status": "maybe"}
    result = store.write(
        [good[0], no_text, "not a dict", good[1], bad_status, good[2]],  # type: ignore[list-item]
        errors=[{"id": "feed:17", "reason": "bad JSON", "source": "feed.jsonl", "line": 17}],
    )
    assert result.written == 3
    assert result.errors == 4
    assert {r[0] for r in result.refused} == {no_text["id"], None, bad_status["id"]}
    stored = store.ingest_errors()
    assert [(e["id"], e["line"]) for e in stored][0] == ("feed:17", 17)
    assert any("'text' must be a string" in e["reason"] for e in stored)
    assert store.stats()["errors"] == 4
    assert store.stats()["documents"] == 3


def test_an_event_id_held_by_another_document_is_refused_not_fatal(
    store: Store, coded_docs
) -> None:
    store.write([coded_docs[0]])
    thief = copy.deepcopy(coded_docs[1])
    thief["events"][0]["id"] = coded_docs[0]["events"][0]["id"]
    result = store.write([thief, coded_docs[2]])
    assert result.written == 1
    assert result.refused and "already stored for document" in result.refused[0][1]
    assert store.document(thief["id"]) is None
    assert store.document(coded_docs[2]["id"]) == coded_docs[2]


def test_statuses_count_separately(store: Store, coded_docs) -> None:
    dup = {**coded_docs[3], "status": "duplicate", "duplicate_of": coded_docs[0]["id"],
           "events": []}  # fmt: skip
    failed = {**coded_docs[4], "status": "error", "events": [],
              "errors": [{"stage": "language", "message": "language fr: no French pipeline"}]}  # fmt: skip
    store.write([coded_docs[0], dup, failed])
    stats = store.stats()
    assert (stats["documents"], stats["coded"], stats["duplicates"]) == (3, 1, 1)
    assert stats["failed_documents"] == 1 and stats["errors"] == 1
    assert store.document(dup["id"])["duplicate_of"] == coded_docs[0]["id"]
    assert store.document(failed["id"]) == failed


def test_row_builders_fill_every_column(coded_docs) -> None:
    doc = max(coded_docs, key=lambda d: len(d["events"]))
    rows = document_rows(doc, version=1, coded_at="2025-01-01T00:00:00+00:00")
    assert len(rows.document) == len(DOCUMENT_COLUMNS)
    assert all(len(row) == len(EVENT_COLUMNS) for row in rows.events)
    for table, columns in CHILD_TABLES.items():
        assert all(len(row) == len(columns) for row in rows.children[table]), table
    assert rows.children["event_actors"] and rows.children["places"]


def test_a_document_with_a_number_json_cannot_hold_is_refused(store) -> None:
    bad = {"id": "nan", "content_hash": "h", "text": "x",
           "events": [{"id": "e-nan", "type": "ASSAULT", "confidence": float("nan")}]}  # fmt: skip
    good = {"id": "ok", "content_hash": "h2", "text": "y", "events": []}
    result = store.write([bad, good])
    assert result.written == 1 and [r[0] for r in result.refused] == ["nan"]
    assert "not storable as JSON" in result.refused[0][1]
    assert store.document("nan") is None and store.document("ok") is not None
