"""Dependency labels (spaCy's English scheme) and span arithmetic the stages share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "OBJECT_DEPS",
    "SUBJECT_DEPS",
    "Spanned",
    "companion_prep",
    "overlaps",
    "participle_of_its_noun",
    "undergoers",
]

#: the subject of a clause, active or passive
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: the direct object of a verb, and the noun a passive makes its subject
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
#: the words that give a participle a clause of its own ("that … had been made")
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark"})


def undergoers(verb: Token) -> list[Token]:
    """The words a verb befalls, in text order: its object and its passive subject."""
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS]


def participle_of_its_noun(verb: Token) -> bool:
    """A past participle after its noun, with no subject, auxiliary or mark of its own:
    "schoolgirls *kidnapped* in Zamfara", "weapons *seized* last year". It describes
    the noun rather than telling a clause of its own."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ in _OWN_CLAUSE for c in verb.children)
    )


def companion_prep(prep: Token) -> bool:
    """Whether a preposition opens an "along with", "together with" or "alongside"
    phrase: who acts beside someone, not where or on whom."""
    return prep.dep_ == "prep" and (
        prep.lower_ == "alongside"
        or (prep.lower_ == "with" and prep.head.lower_ in {"along", "together"})
    )


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
