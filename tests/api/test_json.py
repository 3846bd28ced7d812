"""The API's JSON answers: orjson's compact UTF-8, with NaN and numpy values written safely."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from eventwatch.api._json import JSONResponse, dumps

pytestmark = pytest.mark.issue(20)


def test_the_same_json_as_the_json_module() -> None:
    content = {"text": "Kosovo «Banjska» — 3 killed </script>", "n": [1, 2.5, None, True],
               "nested": {"a": {"b": []}}}  # fmt: skip
    assert json.loads(dumps(content)) == content
    assert dumps(content).decode("utf-8") == json.dumps(
        content, ensure_ascii=False, separators=(",", ":")
    )


def test_nan_numpy_and_other_values() -> None:
    content = {"z": math.nan, "inf": math.inf, "count": np.int64(7), "share": np.float32(0.5),
               "series": np.array([1, 2]), "tags": {"b", "a"}, 3: "int key"}  # fmt: skip
    assert json.loads(JSONResponse(content).body) == {
        "z": None, "inf": None, "count": 7, "share": 0.5, "series": [1, 2],
        "tags": ["a", "b"], "3": "int key",
    }  # fmt: skip
