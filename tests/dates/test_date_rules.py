"""Resolution rules of ``resolve_date`` on real phrases (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwatch.stages.dates import resolve_date

FRIDAY = dt.date(2023, 9, 29)  # the seed article's publication day


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "start", "granularity", "date_type"),
    [
        ("Sunday", "2023-09-24", "day", "exact"),
        ("Friday", "2023-09-29", "day", "exact"),
        ("on Wednesday", "2023-09-27", "day", "exact"),
        ("last Friday", "2023-09-22", "day", "exact"),
        ("next Monday", "2023-10-02", "day", "exact"),
        ("Friday evening", "2023-09-29", "day", "exact"),
        ("yesterday", "2023-09-28", "day", "exact"),
        ("last night", "2023-09-28", "day", "exact"),
        ("a week ago", "2023-09-22", "week", "exact"),
        ("a few days ago", "2023-09-26", "day", "approximate"),
        ("about three weeks ago", "2023-09-08", "week", "approximate"),
        ("a week before last Friday", "2023-09-15", "day", "exact"),
        ("August 15", "2023-08-15", "day", "exact"),
        ("October 3", "2022-10-03", "day", "exact"),
        ("Aug. 7, 1998", "1998-08-07", "day", "exact"),
        ("15/8/2004", "2004-08-15", "day", "exact"),
        ("late last month", "2023-08-31", "month", "approximate"),
        ("mid-March", "2023-03-16", "month", "approximate"),
        ("Christmas Day", "2022-12-25", "day", "exact"),
        ("1992", "1992-09-29", "year", "exact"),
    ],
)
def test_resolves(text: str, start: str, granularity: str, date_type: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.granularity, span.date_type) == (start, granularity, date_type)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the spring", "2023-03-01", "2023-05-31"),
        ("last summer", "2023-06-01", "2023-08-31"),
        ("last winter", "2022-12-01", "2023-02-28"),
        ("the second half of 2022", "2022-07-01", "2022-12-31"),
        ("the first quarter of 2023", "2023-01-01", "2023-03-31"),
        ("March 15-20", "2023-03-15", "2023-03-20"),
        ("from Monday to Wednesday", "2023-09-25", "2023-09-27"),
        ("between July and September", "2023-07-29", "2023-09-29"),
        ("Thursday through Tuesday", "2023-09-28", "2023-10-03"),
    ],
)
def test_ranges_and_periods(text: str, start: str, end: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date) == (start, end)
    assert span.start_date <= span.end_date


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    ["during Ramadan", "that day", "the day before", "the 2024 election", "three days of clashes",
     "sometime soon", "refused to comment", ""],
)  # fmt: skip
def test_never_guessed(text: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date, span.date_type) == (None, None, "unresolved")


def test_span_keeps_the_text_and_anchor() -> None:
    span = resolve_date("last Sunday", ref=FRIDAY)
    assert (span.text, span.start, span.end, span.anchor) == ("last Sunday", 0, 11, "publication")
