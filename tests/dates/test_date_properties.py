"""Property tests: ``resolve_date`` never crashes and never inverts a range (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwatch.stages.dates import resolve_date

_WORDS = st.sampled_from(
    "last next this the of from to between and through - – early mid late spring summer "
    "Monday Friday Sunday March May December 15 31 2 2024 1999 ago weeks days a few two "
    "yesterday tonight Christmas Ramadan half quarter second / . , ( ) 13/05/2025".split()
)
_PHRASES = st.lists(_WORDS, max_size=8).map(" ".join)
_REFS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _check(text: str, ref: dt.date) -> None:
    span = resolve_date(text, ref=ref)
    assert span.date_type in ("exact", "approximate", "range", "unresolved")
    if span.start_date is None:
        assert span.end_date is None and span.date_type == "unresolved"
    if span.start_date and span.end_date:
        assert span.start_date <= span.end_date


@pytest.mark.issue(4)
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), _REFS)
def test_arbitrary_strings_never_crash(text: str, ref: dt.date) -> None:
    _check(text, ref)


@pytest.mark.issue(4)
@settings(max_examples=500, deadline=None)
@given(_PHRASES, _REFS)
def test_date_like_phrases_never_crash_or_invert(text: str, ref: dt.date) -> None:
    _check(text, ref)
