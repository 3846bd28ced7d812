"""Word tables for dates: weekdays, months, numbers, seasons, holidays.

Everything here is data; the rules in ``_rules.py`` and the finder in
``_find.py`` build their (precompiled) regular expressions from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import NUMBER_WORDS

__all__ = [
    "ANAPHORA",
    "FIXED_HOLIDAYS",
    "HEDGES",
    "MONTHS",
    "MOVING_HOLIDAYS",
    "NUMBERS",
    "PARTS_OF_DAY",
    "SEASONS",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "alternation",
]

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _i

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _i

#: precise counts
NUMBERS: dict[str, int] = {"a": 1, "an": 1, **NUMBER_WORDS}

#: vague counts: their reading is approximate
VAGUE_NUMBERS: dict[str, int] = {
    "a few": 3, "few": 3, "several": 3, "a couple of": 2, "a couple": 2, "couple of": 2,
    "some": 3, "a number of": 3,
}  # fmt: skip

#: unit -> (days, months) per unit
UNITS: dict[str, tuple[int, int]] = {
    "day": (1, 0), "week": (7, 0), "fortnight": (14, 0),
    "month": (0, 1), "year": (0, 12), "decade": (0, 120),
}  # fmt: skip

#: meteorological seasons of the northern hemisphere: first month, number of months
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight", "midday", "daytime")

HEDGES = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa",
    "more than", "less than", "over", "just over", "just under", "at least", "up to",
)  # fmt: skip

#: holidays on a fixed day of the Gregorian calendar: name -> (month, day)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "may day": (5, 1), "armistice day": (11, 11), "bastille day": (7, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
    "international women's day": (3, 8), "orthodox christmas": (1, 7),
}  # fmt: skip

#: holidays that move (lunar calendars, "the fourth Thursday", country-specific)
MOVING_HOLIDAYS = (
    "ramadan", "eid", "eid al-fitr", "eid al-adha", "easter", "good friday", "passover",
    "hanukkah", "diwali", "lunar new year", "chinese new year", "thanksgiving",
    "thanksgiving day", "yom kippur", "rosh hashanah", "lent", "labor day", "labour day",
    "memorial day", "independence day", "nowruz", "holi", "easter sunday", "easter monday",
)  # fmt: skip

#: expressions resolved against another point of the narrative: never guessed
ANAPHORA = (
    "that day", "that night", "that morning", "that evening", "that afternoon",
    "that week", "that month", "that year", "that time", "the same day",
    "the day before", "the day after", "the night before", "the previous day",
    "the next day", "the following day", "the next morning", "the following morning",
    "the previous week", "the following week", "the next week", "the previous month",
    "the following month", "the previous year", "the following year",
    "earlier that day", "later that day", "earlier that week", "later that week",
    "earlier that month", "later that month", "earlier that year", "later that year",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "tues" wins over "tue")."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)
