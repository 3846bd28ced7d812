"""Shared fixtures: one real pipeline per test session (models load once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwatch import Document, Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kosovo-2023-09-29.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline):
    """Code one text: ``code("Police arrested ...")`` → Document."""

    def run(text: str, **fields: object) -> Document:
        return pipeline.code_text(text, **fields)

    return run


@pytest.fixture(scope="session")
def seed_doc(pipeline: Pipeline) -> Document:
    import datetime as dt

    return pipeline.code_text(SEED.read_text("utf-8"), id="seed", pub_date=dt.date(2023, 9, 29))
