"""The terminals of the date grammar: normalised text and the word classes as patterns.

:func:`normalize` puts an expression in the one form the grammar reads (lower
case, no clock times, no abbreviation dots, "mid-March" as "mid march").
The word classes (weekdays, months, counts, units, ordinals, durations) are
regular-expression fragments built once from the tables of ``_lexicon.py``;
:func:`count_of`, :func:`unit_of` and :func:`duration_of` read what they match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import NUMBER_WORDS, ORDINAL_WORDS, cardinal_value, ordinal_value
from ._lexicon import DEICTIC_STEPS, MONTHS, UNITS, VAGUE_NUMBERS, WEEKDAYS
from ._lexicon import alternation as _alt

__all__ = [
    "COUNT",
    "DAYNUM",
    "DUR",
    "MON",
    "ORD",
    "REL",
    "UNIT",
    "WD",
    "YEAR",
    "Duration",
    "count_of",
    "day_of",
    "duration_of",
    "key",
    "keys",
    "normalize",
    "unit_of",
    "year_of",
]

_CLOCK = re.compile(
    r"(?:\b(?:at|around|about|shortly before|shortly after|just before|just after|by|until"
    r"|from|before|after) )?"
    r"(?:\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|\b\d{1,2}:\d\d(?::\d\d)?\b"
    r"|(?<![/.\-\d])\b(?:[01]\d|2[0-3])[0-5]\d (?:gmt|utc|hours|hrs)\b"
    r"|\b(?:noon|midnight|dawn|dusk|daybreak|nightfall)\b)"
    r"(?:\s*\(?\b(?:gmt|utc|edt|est|cet|cest|bst|local time|local)\b\)?)?"
)
_NAMES = _alt([*WEEKDAYS, *MONTHS])
_CLEAN = [
    (re.compile(r"(?<=[a-z])'s\b|(?<=[a-z]s)'"), ""),
    (re.compile(r"(?<=[a-z])\."), ""),
    (re.compile(rf"\b({_NAMES})\s*-\s*({_NAMES})\b"), r"\1 to \2"),  # "Saturday-Sunday"
    (re.compile(r"(?<=[a-z])(?<!\d(?:st|nd|rd|th))-(?=[a-z0-9])"), " "),  # not "3rd-5th"
    (re.compile(r"\s*-\s*(?=\d)"), "-"),
    (re.compile(r"[()\[\],;:\"“”!?]+|'(?!\d\d)|\.(?!\d)"), " "),
    (re.compile(r"\s+"), " "),
]


def normalize(text: str) -> str:
    """Lower case, no clock times, no abbreviation dots, single spaces."""
    s = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = _CLOCK.sub(" ", s)
    for pattern, repl in _CLEAN:
        s = pattern.sub(repl, s)
    return s.strip()


def key(phrase: str) -> str:
    """A lexicon phrase in normalised form ("new year's day" -> "new year day")."""
    return normalize(phrase)


def keys(phrases: Iterable[str]) -> str:
    """An alternation of lexicon phrases in normalised form."""
    return _alt(key(p) for p in phrases)


_TENS = _alt(w for w, n in NUMBER_WORDS.items() if 20 <= n <= 90)
_ONES = _alt(w for w, n in NUMBER_WORDS.items() if 1 <= n <= 9)
_ORD_ONES = _alt(w for w, n in ORDINAL_WORDS.items() if 1 <= n <= 9)

WD = f"(?:{_alt(WEEKDAYS)})"
MON = f"(?:{_alt(MONTHS)})"
REL = f"(?:{_alt(DEICTIC_STEPS)})"
COUNT = (
    rf"(?:{_alt(VAGUE_NUMBERS)}|(?:{_TENS}) (?:{_ONES})|{_alt(NUMBER_WORDS)}|a|an"
    rf"|\d{{1,4}}(?:\.5)?)"
)
UNIT = r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?|centur(?:y|ies)"
ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|(?:{_TENS}) (?:{_ORD_ONES})|{_alt(ORDINAL_WORDS)})"
DAYNUM = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORD})"
YEAR = r"(?:\d{4}|'\d\d)"
DUR = (
    rf"(?:(?:{COUNT})(?: (?:or|to) (?:{COUNT}))?(?: and a half)?|half an?|a half) (?:{UNIT})"
    r"(?: and a half)?(?: or two)?"
)
_DURATION = re.compile(
    rf"(?:(?P<n>{COUNT})(?: (?:or|to) (?P<m>{COUNT}))?(?P<h1> and a half)?"
    rf"|(?P<half>half an?|a half)) (?P<unit>{UNIT})(?P<h2> and a half)?(?P<or2> or two)?"
)


@dataclass(frozen=True, slots=True)
class Duration:
    """A length of time as words count it: "two weeks", "a year and a half", "a few days"."""

    count: float
    unit: str
    precise: bool


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century")."""
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def count_of(word: str) -> tuple[float, bool]:
    """A count and whether it is precise: "three" -> (3, True), "a few" -> (3, False)."""
    if word in VAGUE_NUMBERS:
        return VAGUE_NUMBERS[word], False
    if word in ("a", "an"):
        return 1, True
    if word.replace(".", "", 1).isdigit():
        return float(word), True
    value = cardinal_value(word)
    return (float(value), True) if value is not None else (1, False)


def duration_of(text: str) -> Duration | None:
    """The duration a :data:`DUR` match names, or ``None``."""
    m = _DURATION.fullmatch(text)
    if m is None:
        return None
    unit = unit_of(m["unit"])
    if m["half"]:
        return Duration(0.5, unit, True)
    count, precise = count_of(m["n"])
    if m["m"] or m["or2"]:  # "two or three", "a day or two": the nearer count, approximately
        precise = False
    if m["h1"] or m["h2"]:
        count += 0.5
    return Duration(count, unit, precise)


def day_of(word: str) -> int | None:
    """The day of the month a :data:`DAYNUM` names ("3", "3rd", "third")."""
    return int(word) if word.isdigit() else ordinal_value(word)


def year_of(word: str, ref_year: int) -> int:
    """A year written in four digits, or as "'98" (the nearest century's, not in the future
    by more than ten years)."""
    if not word.startswith("'"):
        return int(word)
    two = int(word[1:])
    year = ref_year - ref_year % 100 + two
    return year - 100 if year > ref_year + 10 else year
