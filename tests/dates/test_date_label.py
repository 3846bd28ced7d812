"""Tables show a date at its granularity (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwatch.cli.render import date_label
from eventwatch.stages.dates import resolve_date

FRIDAY = dt.date(2023, 9, 29)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("in 2022", "2022"),
        ("three years ago", "2020"),
        ("the past three years", "2020…2023"),
        ("last month", "2023-08"),
        ("late last month", "2023-08"),
        ("March 2020", "2020-03"),
        ("between July and September", "2023-07…2023-09"),
        ("the 1990s", "1990…1999"),
        ("the early 1990s", "1990"),
        ("last Sunday", "2023-09-24"),
        ("the spring", "2023-03-01…2023-05-31"),
    ],
)
def test_a_date_is_shown_at_its_granularity(text: str, label: str) -> None:
    assert date_label(resolve_date(text, ref=FRIDAY)) == label
