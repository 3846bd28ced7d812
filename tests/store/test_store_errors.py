"""Database errors become StoreError, and nothing committed before them is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventwatch import EventwatchError, StoreError
from eventwatch.store import Store
from eventwatch.store._cluster import TemporaryCluster

pytestmark = pytest.mark.issue(14)


def _assert_intact(store: Store, docs) -> None:
    assert store.stats()["documents"] == len(docs)
    for doc in docs:
        assert store.document(doc["id"]) == doc


def test_a_locked_sqlite_store_says_so_and_keeps_its_data(tmp_path: Path, coded_docs) -> None:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.write(coded_docs[:3])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with Store.open(path, timeout=0.2) as store:
            with pytest.raises(StoreError, match="locked") as raised:
                store.write(coded_docs[3:6])
            assert (raised.value.operation, raised.value.code) == ("write", "store-locked")
            assert isinstance(raised.value, EventwatchError)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as store:
        _assert_intact(store, coded_docs[:3])
        assert store.write(coded_docs[3:6]).written == 3


def test_a_full_sqlite_disk_rolls_the_batch_back(tmp_path: Path, coded_docs) -> None:
    path = tmp_path / "store.db"
    with Store.open(path) as store:
        store.write(coded_docs[:2])
        conn = store._backend.conn  # type: ignore[attr-defined]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk fills up
        with pytest.raises(StoreError, match="full") as raised:
            store.write(coded_docs[2:])
        assert raised.value.code == "store-full"
        _assert_intact(store, coded_docs[:2])
    with Store.open(path) as store:
        _assert_intact(store, coded_docs[:2])


def test_postgres_going_away_mid_job_loses_nothing_committed(coded_docs) -> None:
    with TemporaryCluster() as cluster:
        url = cluster.create_database()
        store = Store.open(url)
        store.write(coded_docs[:4])
        cluster.stop(mode="immediate")  # the server dies between two batches
        with pytest.raises(StoreError, match="unreachable or went away") as raised:
            store.write(coded_docs[4:8])
        assert (raised.value.url, raised.value.code) == (url, "store-gone")
        store.close()
        cluster.start()
        with Store.open(url) as reopened:
            _assert_intact(reopened, coded_docs[:4])
            assert reopened.write(coded_docs[4:8]).written == 4
            _assert_intact(reopened, coded_docs[:8])


def test_an_unreachable_server_fails_at_open(tmp_path: Path) -> None:
    url = f"postgresql://postgres@/none?host={tmp_path}&port=1"
    with pytest.raises(StoreError, match="open failed") as raised:
        Store.open(url, timeout=1)
    assert raised.value.operation == "open"


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://localhost/x", "unknown store scheme 'mysql'"), ("sqlite:/x.db", "bad SQLite URL")],
)
def test_unknown_urls_say_what_is_accepted(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(url)


def test_a_password_never_shows_in_errors(tmp_path: Path) -> None:
    url = f"postgresql://postgres:s3cret@/none?host={tmp_path}&port=1"
    with pytest.raises(StoreError) as raised:
        Store.open(url, timeout=1)
    assert "s3cret" not in str(raised.value) and "s3cret" not in str(raised.value.url)


def test_every_sqlite_spelling_opens_the_same_file(tmp_path: Path, coded_docs, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open(tmp_path / "a.db") as store:  # a Path
        store.write(coded_docs[:1])
    for url in (str(tmp_path / "a.db"), f"sqlite:///{tmp_path / 'a.db'}", "sqlite:///a.db"):
        # sqlite:////abs/a.db is absolute; sqlite:///a.db is relative to the working folder
        with Store.open(url) as store:
            assert store.dialect == "sqlite"
            assert store.stats()["documents"] == 1, url
    with Store.open("sqlite://") as memory:
        assert memory.stats()["documents"] == 0
