"""Schema migrations: a store made by an older eventwatch opens with this one."""

from __future__ import annotations

import pytest

from eventwatch import StoreError
from eventwatch.ingest import signature
from eventwatch.store import SCHEMA_VERSION, Store
from eventwatch.store._backends import connect
from eventwatch.store._rows import CHILD_TABLES, DOCUMENT_COLUMNS, EVENT_COLUMNS, document_rows
from eventwatch.store._schema import migrate, schema_version

pytestmark = pytest.mark.issue(14)


def test_a_v1_store_opens_and_upgrades(store_url: str, coded_docs) -> None:
    # a store as the first release left it: schema v1 only, with documents in it
    backend = connect(store_url)
    assert migrate(backend, target=1) == 0
    assert schema_version(backend) == 1
    _write_as_v1(backend, coded_docs[:4])
    backend.close()

    with Store.open(store_url) as store:
        assert store.schema_version == SCHEMA_VERSION > 1
        for doc in coded_docs[:4]:
            assert store.document(doc["id"]) == doc
        assert store.stats()["events"] == sum(len(d["events"]) for d in coded_docs[:4])
        # what v2 and v3 added works on the upgraded store
        new = coded_docs[5]
        store.write([new], signatures={new["id"]: signature(new["text"])})
        assert store.near_duplicate(signature(new["text"])) == new["id"]
        store.write_incidents([{"id": "i1", "type": "ASSAULT", "members": []}])
        assert store.incident("i1") == {"id": "i1", "type": "ASSAULT", "members": []}
    with Store.open(store_url) as store:  # opening again changes nothing
        assert store.schema_version == SCHEMA_VERSION


#: the events columns of schema v1 (v5 added the dyad columns after them)
V1_EVENT_COLUMNS = EVENT_COLUMNS[: EVENT_COLUMNS.index("event") + 1]


def _write_as_v1(backend, docs) -> None:
    """Rows as the first release wrote them: the v1 columns only."""
    with backend.transaction(write=True):
        for doc in docs:
            rows = document_rows(doc, version=1, coded_at="2026-11-01T00:00:00+00:00")
            backend.insert_rows("documents", DOCUMENT_COLUMNS, [rows.document])
            events = [row[: len(V1_EVENT_COLUMNS)] for row in rows.events]
            backend.insert_rows("events", V1_EVENT_COLUMNS, events)
            for table, table_rows in rows.children.items():
                if table_rows:
                    backend.insert_rows(table, CHILD_TABLES[table], table_rows)


def test_the_upgrade_fills_the_dyad_columns_of_old_events(store_url: str, coded_docs) -> None:
    backend = connect(store_url)
    migrate(backend, target=1)
    _write_as_v1(backend, coded_docs[:4])
    backend.close()
    fresh = store_url + "-fresh.db" if not store_url.startswith("postgresql") else None
    with Store.open(store_url) as store:
        upgraded = (
            store.report_frame().sort_values(["unit_id", "source_country"]).reset_index(drop=True)
        )
    if fresh is not None:
        with Store.open(fresh) as store:
            store.write(coded_docs[:4])
            written = store.report_frame().sort_values(["unit_id", "source_country"])
        assert upgraded.astype(str).equals(written.reset_index(drop=True).astype(str))
    assert len(upgraded) and upgraded["day"].notna().all()


def test_a_store_newer_than_the_code_is_refused(store_url: str) -> None:
    Store.open(store_url).close()
    backend = connect(store_url)
    with backend.transaction(write=False):
        backend.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
            [SCHEMA_VERSION + 1, "from the future", "2030-01-01"],
        )
    backend.close()
    with pytest.raises(StoreError, match="newer than this eventwatch") as raised:
        Store.open(store_url)
    assert raised.value.operation == "open"
