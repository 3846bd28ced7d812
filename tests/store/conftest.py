"""Store fixtures: real coded documents, and a real PostgreSQL server.

``pg_cluster`` starts a throw-away cluster from the Debian package (``initdb``
and ``pg_ctl`` under ``/usr/lib/postgresql/*/bin``) in a temporary folder on a
free port, and deletes it at the end of the session. Without PostgreSQL the
Postgres tests skip, saying why; under ``CI=true`` they fail instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from eventwatch import Pipeline
from eventwatch.store import Store

from ..conftest import SEED
from ._fixtures import code_rows, read_corpus


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
