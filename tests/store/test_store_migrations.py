"""Schema migrations: a store made by an older eventwatch opens with this one."""

from __future__ import annotations

import pytest

from eventwatch import StoreError
from eventwatch.ingest import signature
from eventwatch.store import SCHEMA_VERSION, Store
from eventwatch.store._backends import connect
from eventwatch.store._schema import migrate, schema_version
from eventwatch.store._write import write_batch

pytestmark = pytest.mark.issue(14)


def test_a_v1_store_opens_and_upgrades(store_url: str, coded_docs) -> None:
    # a store as the first release left it: schema v1 only, with documents in it
    backend = connect(store_url)
    assert migrate(backend, target=1) == 0
    assert schema_version(backend) == 1
    write_batch(backend, coded_docs[:4])
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
