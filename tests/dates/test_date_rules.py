"""Resolution rules of ``resolve_date`` on real phrases (issues 4 and 17)."""

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
        ("last month", "2023-08-29", "month", "exact"),
    ],
)
def test_resolves(text: str, start: str, granularity: str, date_type: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.granularity, span.date_type) == (start, granularity, date_type)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("in 2022", "2022-01-01", "2022-12-31", "year"),
        ("1992", "1992-01-01", "1992-12-31", "year"),
        ("March 2020", "2020-03-01", "2020-03-31", "month"),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("the 19th century", "1801-01-01", "1900-12-31", "century"),
        ("the first week of March", "2023-03-01", "2023-03-07", "week"),
        ("the third week of last month", "2023-08-15", "2023-08-21", "week"),
        ("the second month of 2024", "2024-02-01", "2024-02-29", "month"),
        ("September of last year", "2022-09-01", "2022-09-30", "month"),
        ("in March next year", "2024-03-01", "2024-03-31", "month"),
        ("Oct. 3-5 this year", "2023-10-03", "2023-10-05", "day"),
    ],
)
def test_a_named_period_is_its_days(text: str, start: str, end: str, granularity: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date, span.granularity) == (start, end, granularity)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "start", "granularity", "date_type"),
    [
        ("10 p.m. Tuesday", "2023-09-26", "day", "exact"),
        ("on the 3rd", "2023-09-03", "day", "exact"),
        ("mid-2019", "2019-07-01", "year", "approximate"),
        ("overnight", "2023-09-29", "day", "exact"),
        ("overnight Thursday", "2023-09-28", "day", "exact"),
        ("earlier this year", "2023-09-29", "year", "approximate"),
        ("the weekend", "2023-09-23", "week", "approximate"),
        ("the previous year", "2022-09-29", "year", "exact"),
        ("Thanksgiving", "2022-11-24", "day", "exact"),
        ("Good Friday 2024", "2024-03-29", "day", "exact"),
        ("the second Tuesday of May", "2023-05-09", "day", "exact"),
        ("the 15th of last month", "2023-08-15", "day", "exact"),
        ("a year and a half ago", "2022-03-29", "year", "exact"),
        ("twenty-five years ago", "1998-09-29", "year", "exact"),
        ("48 hours ago", "2023-09-27", "day", "exact"),
        ("on Sept. 3 last year", "2022-09-03", "day", "exact"),
        ("December 25 this year", "2023-12-25", "day", "exact"),
        ("in two weeks", "2023-10-13", "week", "exact"),
        ("the day before yesterday", "2023-09-27", "day", "exact"),
        ("two Fridays ago", "2023-09-15", "day", "exact"),
        ("yesterday (Wednesday)", "2023-09-27", "day", "exact"),
    ],
)
def test_other_forms_resolve(text: str, start: str, granularity: str, date_type: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.granularity, span.date_type) == (start, granularity, date_type)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Oct. 3-5", "2022-10-03", "2022-10-05"),
        ("the past decade", "2013-09-29", "2023-09-29"),
        ("the past week", "2023-09-22", "2023-09-29"),
        ("2019-20", "2019-01-01", "2020-12-31"),
        ("Saturday-Sunday", "2023-09-23", "2023-09-24"),
        ("from Monday to Friday next week", "2023-10-02", "2023-10-06"),
        ("the 3rd to the 5th of next month", "2023-10-03", "2023-10-05"),
        ("March to April 2024", "2024-03-01", "2024-04-30"),
    ],
)
def test_other_forms_span(text: str, start: str, end: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date) == (start, end)


@pytest.mark.issue(17)
def test_the_previous_year_is_one_year_not_a_range() -> None:
    span = resolve_date("the previous year", ref=FRIDAY)
    assert (span.start_date, span.end_date, span.granularity) == ("2022-09-29", None, "year")
    assert span.date_type != "range"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("the previous day", "2020-05-04"),
        ("the next morning", "2020-05-06"),
        ("three days later", "2020-05-08"),
        ("that day", "2020-05-05"),
        ("the following Monday", "2020-05-11"),
        ("earlier that week", "2020-05-05"),
    ],
)
def test_anaphora_count_from_the_anchor(text: str, start: str) -> None:
    span = resolve_date(text, ref=FRIDAY, anchor=dt.date(2020, 5, 5))
    assert (span.start_date, span.anchor) == (start, "text")


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
        ("between July and September", "2023-07-01", "2023-09-30"),
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
    ["during Ramadan", "the 2024 election", "three days of clashes", "sometime soon",
     "refused to comment", "now", "Eid al-Adha", ""],
)  # fmt: skip
def test_never_guessed(text: str) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date, span.date_type) == (None, None, "unresolved")


def test_span_keeps_the_text_and_anchor() -> None:
    span = resolve_date("last Sunday", ref=FRIDAY)
    assert (span.text, span.start, span.end, span.anchor) == ("last Sunday", 0, 11, "publication")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("March 3rd-5th", "2023-03-03", "2023-03-05"),
        ("May the 3rd", "2023-05-03", None),
        ("midweek", "2023-09-27", None),
        ("the 3rd-floor", None, None),
    ],
)
def test_ordinal_ranges_and_midweek(text: str, start: str | None, end: str | None) -> None:
    span = resolve_date(text, ref=FRIDAY)
    assert (span.start_date, span.end_date) == (start, end)
