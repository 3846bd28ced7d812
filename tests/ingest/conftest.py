"""Fixtures of the reader tests: a local web site, and pages and feeds written as a site has them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwatch.ingest import Fetcher

from .site import Site


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    yield server
    server.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A client that waits no time between tries, and gives up soon."""
    with Fetcher(timeout=2.0, retries=2, backoff=0.0, sleep=lambda seconds: None) as client:
        yield client
