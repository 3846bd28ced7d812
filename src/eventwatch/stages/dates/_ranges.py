"""Ranges in the date grammar: "March 15-20", "12-14 May 2024", "Thursday through
Tuesday", "between 2019 and 2021", "March 3, 4 and 5".

Each end is read by the grammar itself (passed in as ``inner``); an end that lacks
its month or year takes it from the other end, and the ends are never inverted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ._calendar import Reading
from ._context import Context
from ._words import DAYNUM, MON, REL

__all__ = ["HAS_YEAR", "Reader", "read_range"]

#: the grammar's reading of an expression in a context
Reader = Callable[[str, Context], Reading | None]

_RANGE_SPLIT = re.compile(r"\s*-\s*| (?:to|through|thru|until|till|and|into) ")
_BARE_DAY = re.compile(rf"(?:the )?({DAYNUM})(?: ('?\d{{2,4}}))?")
_TWO_DIGIT_YEAR = re.compile(r"\d{2}")
_MONTH_WORD = re.compile(rf"\b{MON}\b")
#: a four-digit year anywhere in an expression
HAS_YEAR = re.compile(r"\b\d{4}\b")
_SHARED_TAIL = re.compile(rf".+? (?P<tail>(?:of )?(?:the )?{REL} (?:week|month|year))")
_RELATIVE_WORD = re.compile(rf"\b{REL}\b|\b\d{{4}}\b")


_DAY_LIST = re.compile(
    rf"(?P<head>(?:.* )?{MON} (?:the )?{DAYNUM})(?: {DAYNUM})+ and (?P<last>(?:the )?{DAYNUM}.*)"
    rf"|(?P<head2>(?:the )?{DAYNUM})(?: {DAYNUM})+ and (?P<last2>(?:the )?{DAYNUM} (?:of )?{MON}.*)"
)


def read_range(m: re.Match[str], c: Context, inner: Reader) -> Reading | None:
    """ "March 15-20", "Thursday through Tuesday", "between 2019 and 2021": both ends,
    each read by ``inner`` (the grammar), as one range."""
    body = m["x"]
    if listed := _DAY_LIST.fullmatch(body):  # "March 3, 4 and 5": the days they span
        head, last = listed["head"] or listed["head2"], listed["last"] or listed["last2"]
        body = f"{head} to {last}"
    for split in _RANGE_SPLIT.finditer(body):
        left, right = body[: split.start()], body[split.end() :]
        if left and right:
            reading = _range_parts(left, right, c, inner)
            if reading is not None:
                return reading
    return None


def _range_parts(left: str, right: str, c: Context, inner: Reader) -> Reading | None:
    """Both ends of a range, the missing month or year of one end taken from the other."""
    if HAS_YEAR.fullmatch(left) and _TWO_DIGIT_YEAR.fullmatch(right):
        right = left[:2] + right  # "2019-20"
    right_day, left_day = _BARE_DAY.fullmatch(right), _BARE_DAY.fullmatch(left)
    right_own_year = right_day[2] if right_day and HAS_YEAR.fullmatch(right_day[2] or "") else None
    if right_day and (not right_day[2] or right_own_year) and (month := _MONTH_WORD.search(left)):
        right = f"{month[0]} {right_day[1]}"  # "March 15-20", "May 3 through 5, 2024"
        left_year = HAS_YEAR.search(left)
        if year := right_own_year or (left_year[0] if left_year else None):
            right += f" {year}"
    elif left_day and not left_day[2] and (month := _MONTH_WORD.search(right)):
        left = f"{left_day[1]} {month[0]}"  # "12-14 May"
    right_year = HAS_YEAR.search(right)
    if right_year and not HAS_YEAR.search(left) and (left_day or _MONTH_WORD.search(left)):
        left = f"{left} {right_year[0]}"  # "March to April 2024", "12-14 May 2024"
    shared = _SHARED_TAIL.fullmatch(right)
    if shared and not _RELATIVE_WORD.search(left):
        left = f"{left} {shared['tail']}"  # "Monday to Friday next week"
    first = inner(left, c)
    if first is None or first.start is None or first.date_type == "range":
        return None
    if _RELATIVE_WORD.search(right):  # "… to Friday next week": counted as said
        last = inner(right, c)
    else:  # "Thursday through Tuesday": the first Tuesday from Thursday on
        last = inner(right, replace(c, ref=first.start, forward=True, present=False))
    if last is None or last.start is None or last.date_type == "range":
        return None
    start, end = sorted((first.start, last.end or last.start))
    return Reading(start, end, first.granularity, "range")
