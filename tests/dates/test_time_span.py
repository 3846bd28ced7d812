"""The time record keeps what an expression was counted from (issue 17)."""

from __future__ import annotations

import pytest

from eventwatch import TimeSpan


@pytest.mark.issue(17)
def test_a_time_span_round_trips_with_its_anchor() -> None:
    span = TimeSpan(40, 52, "the next day", "2021-05-04", None, "day", "exact", "text",
                    "text", (20, 30))  # fmt: skip
    assert TimeSpan.from_dict(span.to_dict()) == span
    assert span.to_dict()["anchor_span"] == [20, 30]
    plain = TimeSpan(0, 6, "Sunday", "2023-09-24", None, "day", "exact", "publication")
    assert TimeSpan.from_dict(plain.to_dict()) == plain
