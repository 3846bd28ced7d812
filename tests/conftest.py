"""Shared fixtures.

* ``pipeline``, ``code``, ``seed_doc``: one real pipeline per test session (spaCy and
  the word lists load once), for tests of what the coder finds in real sentences.
* ``stub_pipeline``: the real runner with a fake parser, stub stages and a fake
  gazetteer, for tests of the runner, the engines and the outputs; it loads no model.
* ``fake_gazetteer``: a :class:`~eventwatch.resources.MemoryGazetteer` of a few places.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eventwatch import (
    Article,
    CodedDocument,
    Pipeline,
    Resources,
)
from eventwatch.pipeline.config import PipelineConfig, StageConfig
from eventwatch.resources import Entry, MemoryGazetteer
from eventwatch.store._cluster import TemporaryCluster, find_pg_bin

from .stubs import FakeParser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kosovo-2023-09-29.txt"
SHARED = ROOT.parent / "shared"

Code = Callable[..., CodedDocument]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Code:
    """Code one text: ``code("Police arrested ...")`` → CodedDocument."""

    def run(text: str, **fields: object) -> CodedDocument:
        return pipeline.code_text(text, **fields)

    return run


@pytest.fixture(scope="session")
def seed_doc(pipeline: Pipeline) -> CodedDocument:
    return pipeline.code_text(SEED.read_text("utf-8"), id="seed", pub_date=dt.date(2023, 9, 29))


def _entry(id_: int, name: str, country: str, lat: float, lon: float, population: int) -> Entry:
    return Entry(id_, name, country, None, lat, lon, population, None, "PPL", True)


@pytest.fixture(scope="session")
def fake_gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            _entry(1, "Mitrovica", "XKX", 42.89, 20.87, 85_000),
            _entry(2, "Mitrovica", "SRB", 42.80, 21.10, 2_000),
            _entry(3, "Belgrade", "SRB", 44.80, 20.47, 1_300_000),
            _entry(4, "Paris", "FRA", 48.85, 2.35, 2_100_000),
            _entry(5, "Paris", "USA", 33.66, -95.56, 25_000),
        ],
        names={3: ["Beograd"]},
    )


@pytest.fixture(scope="session")
def stub_pipeline(fake_gazetteer: MemoryGazetteer) -> Pipeline:
    """The real runner around a fake parser and the stub keyword stage."""
    config = PipelineConfig(
        plugins=["tests.stubs"], stages=[StageConfig(name="test.keyword_events.v1")]
    )
    return Pipeline(config, parser=FakeParser(), resources=Resources(gazetteer=fake_gazetteer))


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{n}", text=t) for n, t in enumerate(texts)]


# --- a real PostgreSQL server for the store and the jobs that write to it -------------

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
