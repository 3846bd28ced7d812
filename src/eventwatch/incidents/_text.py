"""Report text as weighted terms: words of the body and title, and named entities.

Weights are TF-IDF: a term's sublinear count in the report times the log
inverse of the share of linked reports that hold it. The document frequencies
(:class:`TermStats`) grow as reports are linked, so a report is weighed
against every report linked before it (see docs/incidents.md, Order).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["TermStats", "Vector", "cosine", "numbers", "proper_names", "words"]

#: a sparse vector: term -> weight, of unit length
Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_NAME = re.compile(r"(?<![\w.])(?:[A-Z][\w'’-]+)(?:\s+(?:[A-Z][\w'’-]+|of|de|al|bin))*")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_STOP = frozenset(STOP_WORDS) | {"said", "says", "told", "mr", "ms", "mrs", "also", "like"}


def words(text: str) -> list[str]:
    """The lower-cased content words of a text (no stop words, no numbers, two letters or more)."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in _STOP:
            found.append(word)
    return found


def numbers(text: str) -> list[str]:
    """The numbers a text gives ("5.6", "160", "2008"), as terms: ``#5.6``."""
    return ["#" + m.group().replace(",", "") for m in _NUMBER.finditer(text)]


def proper_names(text: str, sentence_starts: Iterable[int] = ()) -> list[str]:
    """Capitalised word runs ("Tara Reid", "Promises Treatment Center"), lower-cased.

    A one-word run at the start of a sentence is left out unless it occurs
    elsewhere too (it is more often an ordinary word there).
    """
    starts = set(sentence_starts)
    names: list[str] = []
    opening: list[str] = []
    for match in _NAME.finditer(text):
        name = match.group().rstrip("'’-").lower()
        if name in _STOP or len(name) < 2:
            continue
        at_start = match.start() in starts or (
            match.start() >= 2 and text[match.start() - 2 : match.start()] in {". ", "\n\n"}
        )
        (opening if at_start and " " not in name else names).append(name)
    seen = set(names)
    return names + [n for n in opening if n in seen]


class TermStats:
    """Document frequencies of terms over the reports linked so far."""

    def __init__(self) -> None:
        self.documents = 0
        self.frequency: Counter[str] = Counter()

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.frequency.get(term, 0))) + 1.0

    def vector(self, counts: Mapping[str, int]) -> Vector:
        """The unit TF-IDF vector of a bag of terms."""
        weights = {t: (1.0 + math.log(n)) * self.idf(t) for t, n in counts.items() if n > 0}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """The cosine of two unit vectors (0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
