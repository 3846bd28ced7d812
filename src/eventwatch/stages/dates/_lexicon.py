"""Word tables for dates: weekdays, months, numbers, units, seasons, holidays.

Everything here is data; the grammar (``_atoms.py``, ``_grammar.py``) and the
finder (``_find.py``) build their precompiled regular expressions from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import NUMBER_WORDS

__all__ = [
    "ANAPHORIC_STEPS",
    "DEICTIC_STEPS",
    "EASTER_HOLIDAYS",
    "FIXED_HOLIDAYS",
    "HEDGES",
    "MONTHS",
    "MOVING_HOLIDAYS",
    "NUMBERS",
    "PARTS_OF_DAY",
    "SEASONS",
    "TODAY_WORDS",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "WEEKDAY_HOLIDAYS",
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
    "some": 3, "a number of": 3, "many": 5, "a dozen": 12, "dozens of": 24,
}  # fmt: skip

#: the units a duration is counted in -> the calendar unit (granularity) each speaks in
UNITS: dict[str, str] = {
    "hour": "day", "day": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
}  # fmt: skip

#: meteorological seasons of the northern hemisphere: first month
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

PARTS_OF_DAY = (
    "morning", "afternoon", "evening", "night", "midday", "daytime", "noon", "midnight",
    "dawn", "dusk", "daybreak", "nightfall", "lunchtime",
)  # fmt: skip

HEDGES = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa",
    "more than", "less than", "over", "just over", "just under", "at least", "up to",
)  # fmt: skip

#: "last", "this", "next" and their synonyms: which neighbour of the reference's unit
DEICTIC_STEPS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "upcoming": 1, "this coming": 1, "this past": -1,
}  # fmt: skip

#: "the previous day", "the following week": a step from the narrative's anchor
ANAPHORIC_STEPS: dict[str, int] = {
    "previous": -1, "preceding": -1, "prior": -1, "next": 1, "following": 1,
    "subsequent": 1, "same": 0,
}  # fmt: skip

#: holidays on a fixed day of the Gregorian calendar: name -> (month, day)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new year": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31),
    "may day": (5, 1), "armistice day": (11, 11), "remembrance day": (11, 11),
    "veterans day": (11, 11), "bastille day": (7, 14), "st patrick's day": (3, 17),
    "international women's day": (3, 8), "orthodox christmas": (1, 7), "epiphany": (1, 6),
    "all saints' day": (11, 1), "juneteenth": (6, 19),
}  # fmt: skip

#: holidays a calendar rule fixes: days from (Orthodox) Easter Sunday
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "holy saturday": -1, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "pentecost": 49, "whit sunday": 49, "whitsun": 49, "ascension day": 39,
    "orthodox easter": 0,
}  # fmt: skip

#: United States holidays fixed as the n-th weekday of a month: (month, weekday, n; -1 = last)
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3),
    "martin luther king jr day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
}  # fmt: skip

#: holidays of lunar or national calendars: temporal, but left unresolved
MOVING_HOLIDAYS = (
    "ramadan", "eid", "eid al-fitr", "eid al-adha", "passover", "hanukkah", "diwali",
    "lunar new year", "chinese new year", "yom kippur", "rosh hashanah", "lent",
    "labour day", "independence day", "nowruz", "holi", "tet", "vesak", "purim",
    "national day", "victory day", "mother's day", "father's day",
)  # fmt: skip

#: words that name the reference (publication) day itself
#: ("now", "currently" name the present, not a calendar day: no date)
TODAY_WORDS = ("today", "tonight", "this morning", "this afternoon", "this evening")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "tues" wins over "tue")."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)
