"""Property tests: the date grammar composes (issue 17).

Each test builds expressions from the grammar's parts (offsets, anchors,
calendar units, parts of periods, weekday and partial-date alignment) and
checks that the reading of the whole follows from the readings of its parts.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.stages.dates import resolve_date

DAY = dt.timedelta(days=1)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = list(calendar.month_name)[1:]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

_REFS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
_COUNTS = st.integers(min_value=1, max_value=10)
_WEEKDAY = st.integers(min_value=0, max_value=6)


def _day(text: str, ref: dt.date, anchor: dt.date | None = None) -> dt.date:
    span = resolve_date(text, ref=ref, anchor=anchor)
    assert span.start_date is not None, text
    return dt.date.fromisoformat(span.start_date)


def _count_words(n: int) -> str:
    return NUMBER_WORDS[n - 1] if n <= len(NUMBER_WORDS) else str(n)


# a day expression and the day it names, built from the reference
_DAY_EXPRESSIONS = st.sampled_from(
    ["yesterday", "today", "tomorrow", "last Friday", "next Monday", "Sunday", "this Wednesday"]
)

_GRAMMAR = settings(max_examples=150, deadline=None)


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, _COUNTS, st.sampled_from(["day", "week"]), _DAY_EXPRESSIONS)
def test_an_offset_from_an_expression_moves_its_day(
    ref: dt.date, n: int, unit: str, inner: str
) -> None:
    """ "two weeks before last Friday" is last Friday moved back two weeks."""
    base = _day(inner, ref)
    step = n * (7 if unit == "week" else 1) * DAY
    units = f"{_count_words(n)} {unit}{'s' if n > 1 else ''}"
    assert _day(f"{units} before {inner}", ref) == base - step
    assert _day(f"{units} after {inner}", ref) == base + step


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, _COUNTS, st.sampled_from(["day", "week", "month", "year"]))
def test_ago_is_an_offset_from_the_reference(ref: dt.date, n: int, unit: str) -> None:
    units = f"{n} {unit}{'s' if n > 1 else ''}"
    ago = resolve_date(f"{units} ago", ref=ref)
    assert ago.start_date == resolve_date(f"{units} before today", ref=ref).start_date
    assert ago.granularity == unit and ago.date_type == "exact"
    assert _day(f"{units} from now", ref) > ref > _day(f"{units} ago", ref)
    vague = resolve_date(f"about {units} ago", ref=ref)
    assert (vague.start_date, vague.date_type) == (ago.start_date, "approximate")


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, _WEEKDAY)
def test_weekdays_align_to_the_reference(ref: dt.date, weekday: int) -> None:
    name = WEEKDAYS[weekday]
    for text, lo, hi in [
        (name, -6, 0),
        (f"last {name}", -7, -1),
        (f"next {name}", 1, 7),
        (f"{name} before last", -14, -8),
    ]:
        day = _day(text, ref)
        assert day.weekday() == weekday, text
        assert lo <= (day - ref).days <= hi, text
    assert _day(f"{name} evening", ref) == _day(name, ref)
    assert _day(f"overnight {name}", ref) == _day(name, ref)
    assert _day(f"10 p.m. {name}", ref) == _day(name, ref)


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS)
def test_the_weekend_is_a_saturday_near_the_reference(ref: dt.date) -> None:
    for text, lo, hi in [("the weekend", -6, 0), ("last weekend", -7, -1), ("next weekend", 1, 7)]:
        span = resolve_date(text, ref=ref)
        day = dt.date.fromisoformat(span.start_date or "")
        assert day.weekday() == 5 and lo <= (day - ref).days <= hi, text
        assert (span.granularity, span.date_type, span.end_date) == ("week", "approximate", None)


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS)
def test_overnight_and_parts_of_today(ref: dt.date) -> None:
    for text in ("overnight", "tonight", "this morning", "today"):
        assert _day(text, ref) == ref, text
    assert _day("last night", ref) == _day("yesterday", ref) == ref - DAY


_PERIODS = st.sampled_from(
    ["last month", "this month", "next month", "last year", "this year", "next year",
     "last week", "this week", "next week", "2019", "March 2020", "the 1990s", "last spring"]
)  # fmt: skip


def _bounds(text: str, ref: dt.date) -> tuple[dt.date, dt.date, str | None]:
    """The days a period expression names: its own, or its unit's around its day."""
    span = resolve_date(text, ref=ref)
    start = dt.date.fromisoformat(span.start_date or "")
    if span.end_date:
        return start, dt.date.fromisoformat(span.end_date), span.granularity
    if span.granularity == "week":
        monday = start - start.weekday() * DAY
        return monday, monday + 6 * DAY, "week"
    if span.granularity == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=1), start.replace(day=last), "month"
    assert span.granularity == "year", text
    return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year"


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, _PERIODS)
def test_parts_of_a_period_are_its_first_middle_and_last_day(ref: dt.date, period: str) -> None:
    """ "late last month" is the last day of last month, approximately."""
    lo, hi, granularity = _bounds(period, ref)
    readings = {
        part: resolve_date(f"{part} {period}", ref=ref) for part in ("early", "mid", "late")
    }
    for part, span in readings.items():
        assert (span.granularity, span.date_type, span.end_date) == (
            granularity,
            "approximate",
            None,
        ), part
    days = {part: dt.date.fromisoformat(span.start_date or "") for part, span in readings.items()}
    assert days["early"] == lo
    assert lo < days["mid"] < hi
    if granularity != "week":
        assert days["late"] == hi
    assert _day(f"the beginning of {period}", ref) == lo
    assert _day(f"the end of {period}", ref) == days["late"]


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from(["week", "month", "year"]))
def test_earlier_and_later_in_this_period_stay_at_the_reference(ref: dt.date, unit: str) -> None:
    for text in (f"earlier this {unit}", f"later this {unit}", f"earlier in the {unit}"):
        span = resolve_date(text, ref=ref)
        assert (span.start_date, span.granularity, span.date_type) == (
            ref.isoformat(),
            unit,
            "approximate",
        ), text


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, _REFS, st.sampled_from(["day", "week", "month", "year"]))
def test_anaphora_step_from_the_anchor(ref: dt.date, anchor: dt.date, unit: str) -> None:
    """ "The previous day" is the day before the one the text last spoke of."""
    before = resolve_date(f"the previous {unit}", ref=ref, anchor=anchor)
    after = resolve_date(f"the following {unit}", ref=ref, anchor=anchor)
    assert before.granularity == after.granularity == unit
    assert before.end_date is None and before.date_type != "range"  # one unit, not a range
    assert before.anchor == after.anchor == "text"
    assert dt.date.fromisoformat(before.start_date or "") < anchor
    assert dt.date.fromisoformat(after.start_date or "") > anchor
    if unit == "day":
        assert _day("the previous day", ref, anchor) == _day("the day before", ref, anchor)
        assert _day("the previous day", ref, anchor) == anchor - DAY
        assert _day("the next day", ref, anchor) == _day("the day after", ref, anchor)
        assert _day("that day", ref, anchor) == _day("the same day", ref, anchor) == anchor
        assert _day("three days later", ref, anchor) == anchor + 3 * DAY
    # without an anchor, the reference is the narrative's time
    assert _day(f"the previous {unit}", ref) == _day(f"the previous {unit}", ref, ref)


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.integers(min_value=1000, max_value=2199), st.integers(min_value=1, max_value=12))
def test_named_years_and_months_are_their_days(ref: dt.date, year: int, month: int) -> None:
    for text in (str(year), f"in {year}", f"the year {year}"):
        span = resolve_date(text, ref=ref)
        assert (span.start_date, span.end_date, span.granularity) == (
            f"{year}-01-01",
            f"{year}-12-31",
            "year",
        ), text
    last = calendar.monthrange(year, month)[1]
    span = resolve_date(f"{MONTHS[month - 1]} {year}", ref=ref)
    assert (span.start_date, span.end_date, span.granularity) == (
        f"{year}-{month:02d}-01",
        f"{year}-{month:02d}-{last:02d}",
        "month",
    )


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_partial_dates_align_to_the_most_recent_one(ref: dt.date, month: int, day: int) -> None:
    for text in (f"{MONTHS[month - 1]} {day}", f"{day} {MONTHS[month - 1]}", f"on the {day}th"):
        found = _day(text, ref)
        assert found <= ref and (ref - found).days < 366, text
        assert found.day == day
    weekday = resolve_date(f"{WEEKDAYS[_day(f'{MONTHS[month - 1]} {day}', ref).weekday()]}, "
                           f"{MONTHS[month - 1]} {day}", ref=ref)  # fmt: skip
    assert weekday.start_date == _day(f"{MONTHS[month - 1]} {day}", ref).isoformat()


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS)
def test_the_weekend_before_last_is_a_week_before_last_weekend(ref: dt.date) -> None:
    before_last = _day("the weekend before last", ref)
    assert before_last.weekday() == 5 and before_last == _day("last weekend", ref) - 7 * DAY


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from(["minutes", "hours"]), st.sampled_from(["earlier", "later"]))
def test_minutes_and_hours_from_the_anchor_stay_on_its_day(
    ref: dt.date, unit: str, way: str
) -> None:
    anchor = ref - 3 * DAY
    span = resolve_date(f"{unit} {way}", ref=ref, anchor=anchor)
    assert (span.start_date, span.granularity, span.date_type) == (
        anchor.isoformat(), "day", "approximate"
    )  # fmt: skip


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from(["days", "weeks"]), st.sampled_from(["earlier", "later"]))
def test_bare_days_and_weeks_are_a_few_of_them(ref: dt.date, unit: str, way: str) -> None:
    anchor = ref - 40 * DAY
    bare = resolve_date(f"{unit} {way}", ref=ref, anchor=anchor)
    few = resolve_date(f"a few {unit} {way}", ref=ref, anchor=anchor)
    assert bare.start_date == few.start_date and bare.date_type == "approximate"


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.integers(min_value=1, max_value=72))
def test_the_past_hours_are_days_not_a_week(ref: dt.date, hours: int) -> None:
    span = resolve_date(f"the past {hours} hours", ref=ref)
    assert span.granularity == "day" and span.end_date == ref.isoformat()


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from([("before", "yesterday", -2), ("after", "tomorrow", 2)]))
def test_the_day_before_yesterday_needs_no_article(
    ref: dt.date, case: tuple[str, str, int]
) -> None:
    way, word, days = case
    assert _day(f"day {way} {word}", ref) == _day(f"the day {way} {word}", ref) == ref + days * DAY


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from(["earlier", "later"]))
def test_in_the_day_is_that_day(ref: dt.date, way: str) -> None:
    anchor = ref - 9 * DAY
    said = resolve_date(f"{way} in the day", ref=ref, anchor=anchor)
    assert (said.start_date, said.granularity, said.date_type) == (
        anchor.isoformat(), "day", "approximate"
    )  # fmt: skip


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.integers(min_value=1, max_value=5))
def test_the_same_day_years_ago_is_the_reference_day_moved(ref: dt.date, years: int) -> None:
    if ref.month == 2 and ref.day == 29:
        return  # the same day does not exist in most other years
    moved = ref.replace(year=ref.year - years)
    words = _count_words(years) + (" year" if years == 1 else " years")
    for text in ("a year ago today" if years == 1 else f"{words} ago today",
                 f"on this date {words} ago", "the same day last year" if years == 1 else None):  # fmt: skip
        if text:
            span = resolve_date(text, ref=ref)
            assert (span.start_date, span.granularity) == (moved.isoformat(), "day"), text
    if years == 1:
        assert resolve_date("this time last year", ref=ref).date_type == "approximate"


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.sampled_from(["day", "week", "month"]))
def test_a_unit_or_two_is_one_of_them_approximately(ref: dt.date, unit: str) -> None:
    vague = resolve_date(f"a {unit} or two ago", ref=ref)
    one = resolve_date(f"a {unit} ago", ref=ref)
    assert vague.start_date == one.start_date and vague.date_type == "approximate"


@pytest.mark.issue(17)
@_GRAMMAR
@given(_REFS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=20),
       st.integers(min_value=1990, max_value=2030))  # fmt: skip
def test_a_day_range_takes_the_year_written_after_it(
    ref: dt.date, month: int, day: int, year: int
) -> None:
    name = MONTHS[month - 1]
    expected = (f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day + 2:02d}")
    for text in (f"{name} {day}-{day + 2}, {year},", f"{name} {day} through {day + 2}, {year}",
                 f"{name} {day}, {day + 1} and {day + 2}, {year}",
                 f"{day}, {day + 1} and {day + 2} {name} {year}"):  # fmt: skip
        span = resolve_date(text, ref=ref)
        assert (span.start_date, span.end_date, span.date_type) == (*expected, "range"), text
