"""Number words: the cardinals news writes out in letters."""

from __future__ import annotations

__all__ = ["NUMBER_WORDS"]

#: the cardinals from zero to ninety written as one word; "a"/"an", "dozen" and
#: the like are read by each stage as its own context allows ("a week ago": 1)
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
