"""Store fixtures: real coded documents, and a real PostgreSQL server.

``pg_cluster`` starts a throw-away cluster from the Debian package (``initdb``
and ``pg_ctl`` under ``/usr/lib/postgresql/*/bin``) in a temporary folder on a
free port, and deletes it at the end of the session. Without PostgreSQL the
Postgres tests skip, saying why; under ``CI=true`` they fail instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwatch import Pipeline
from eventwatch.store import Store
from eventwatch.store._cluster import TemporaryCluster, find_pg_bin

from ..conftest import SEED
from ._fixtures import code_rows, read_corpus

BACKENDS = ["sqlite", "postgresql"]


def _no_postgres(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and PostgreSQL is unavailable: {reason}")
    pytest.skip(f"PostgreSQL is unavailable ({reason}); apt-get install -y postgresql")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TemporaryCluster]:
    if find_pg_bin() is None:
        _no_postgres("no /usr/lib/postgresql/*/bin/initdb")
    cluster = TemporaryCluster()
    try:
        cluster.start()
    except Exception as exc:
        cluster.cleanup()
        _no_postgres(f"the test cluster did not start: {exc}")
    yield cluster
    cluster.cleanup()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    cluster: TemporaryCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def coded_docs(pipeline: Pipeline) -> list[dict[str, Any]]:
    """The seed report and 12 VOA stories, coded for real, in the store's input form."""
    seed = {
        "id": "kosovo-2023-09-29",
        "text": SEED.read_text("utf-8"),
        "pub_date": "2023-09-29",
        "title": "Kosovo",
        "source": "seed",
    }
    return code_rows(pipeline, [seed, *read_corpus("voa_2025.jsonl")[:12]])
