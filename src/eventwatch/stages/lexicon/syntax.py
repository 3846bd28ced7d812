"""Dependency labels (spaCy's English scheme) and span arithmetic the stages share."""

from __future__ import annotations

from typing import Protocol

__all__ = ["OBJECT_DEPS", "SUBJECT_DEPS", "Spanned", "overlaps"]

#: the subject of a clause, active or passive
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: the direct object of a verb, and the noun a passive makes its subject
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


class Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def overlaps(a: Spanned | tuple[int, int], b: Spanned | tuple[int, int]) -> bool:
    """Whether two half-open character ranges ``[start, end)`` share a character.

    Either side is a record with ``start`` and ``end`` or a ``(start, end)`` pair.
    """
    a_start, a_end = a if isinstance(a, tuple) else (a.start, a.end)
    b_start, b_end = b if isinstance(b, tuple) else (b.start, b.end)
    return a_start < b_end and b_start < a_end
