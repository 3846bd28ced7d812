"""Schemathesis against the OpenAPI schema: generated requests to every operation, no 5xx.

Valid requests (positive) and invalid ones (negative), over a copy of the test store (writes go through with the token, so POST /ingest codes and
stores what the generator makes up), with a bounded number of examples per operation.
"""

from __future__ import annotations

import itertools
import sqlite3
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from eventwatch import Pipeline
from eventwatch.api import ApiSettings, create_app

from .conftest import TOKEN

pytestmark = pytest.mark.issue(20)


@pytest.fixture(scope="module")
def api_schema(api_store: str, pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Any:
    copy = tmp_path_factory.mktemp("schema") / "store.db"
    with sqlite3.connect(api_store) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    settings_ = ApiSettings(token=TOKEN, code_per_minute=1000, max_body_bytes=200_000)
    app = create_app(str(copy), settings=settings_, spec=pipeline.spec)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


#: generated requests per operation: enough to hit each parameter's edges, bounded in time
EXAMPLES = 10


def test_no_request_makes_a_server_error(api_schema: Any) -> None:
    operations = _operations(api_schema)
    assert len(operations) >= 14
    statuses: list[int] = []
    for operation, mode in itertools.product(operations, GenerationMode):

        @given(case=operation.as_strategy(mode))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def call(case: Any) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            statuses.append(response.status_code)
            case.validate_response(response, checks=[not_a_server_error])

        try:
            call()
        except Unsatisfiable:  # an operation without parameters has no invalid form
            assert mode is GenerationMode.NEGATIVE, operation.path
    assert len(statuses) >= 10 * len(operations)
    assert {200, 422} <= set(statuses)  # both answered and refused requests were generated


def test_the_schema_lists_the_resources(api_schema: Any) -> None:
    paths = {operation.path for operation in _operations(api_schema)}
    assert {"/events", "/alerts/{alert_id}", "/code", "/ingest", "/places"} <= paths


def _operations(api_schema: Any) -> list[Any]:
    return [result.ok() for result in api_schema.get_all_operations()]
