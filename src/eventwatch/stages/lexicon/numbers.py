"""Number words: the cardinals and ordinals news writes out in letters."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "ORDINAL_WORDS", "cardinal_value", "ordinal_value"]

#: the cardinals from zero to ninety written as one word; "a"/"an", "dozen" and
#: the like are read by each stage as its own context allows ("a week ago": 1)
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: ordinals written as one word ("first" … "twentieth", the tens and "hundredth")
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
_TENS = {w: n for w, n in NUMBER_WORDS.items() if n >= 20}


def cardinal_value(text: str) -> int | None:
    """A cardinal written in words, one to two words ("twenty five", "twenty-five").

    ``None`` when ``text`` is no such number; digits are read too ("12").
    """
    words = text.replace("-", " ").split()
    if len(words) == 1:
        word = words[0]
        return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if len(words) == 2 and words[0] in _TENS and NUMBER_WORDS.get(words[1], 0) in range(1, 10):
        return _TENS[words[0]] + NUMBER_WORDS[words[1]]
    return None


def ordinal_value(text: str) -> int | None:
    """An ordinal in words or digits ("third", "twenty-first", "21st"); else ``None``."""
    words = text.replace("-", " ").split()
    if len(words) == 1:
        word = words[0]
        if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
            return int(word[:-2])
        return ORDINAL_WORDS.get(word)
    if len(words) == 2 and words[0] in _TENS and ORDINAL_WORDS.get(words[1], 0) in range(1, 10):
        return _TENS[words[0]] + ORDINAL_WORDS[words[1]]
    return None
