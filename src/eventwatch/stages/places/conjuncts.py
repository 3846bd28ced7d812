"""Names listed beside a place are places: "Oakport and Moorhead", "Tabriz and Ahar".

A list coordinates words of one kind. When one member of a list is a toponym
found on its own evidence, a capitalised member beside it that the gazetteer
knows under its own name is a toponym too, though it has no locative word before
it and the small model gave it no label or a wrong one ("Sioux Falls" as a
PERSON). The parse must agree that the two are coordinated: one is the other's
``conj``, or both fill the same role of the same word ("Sun Valley and Toco
showed gains"). A comma alone coordinates only inside a list ("Harwinton,
Bantam, Litchfield"), or before a subdivision or country ("Wainwright, Alta.").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ...resources.gazetteer import Entry, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["add_conjuncts", "county_lists"]

_COORDINATORS = frozenset({"and", "or", "&"})
#: what joins two members of a list
_JOINTS = _COORDINATORS | {","}
#: plural nouns after a list of county names ("Barrow and Jackson counties")
_COUNTY_PLURALS = {"counties": "County", "parishes": "Parish"}
_MAX_WORDS = 4
#: features a member after a bare comma may have ("Wainwright, Alta.")
_AREAS = frozenset({"PCLI", "ADM1"})


class _Finding(Protocol):
    """What the toponym finder offers this pass (see ``toponyms._Finder``)."""

    doc: Doc
    gazetteer: Gazetteer
    taken: list[bool]

    def spans(self) -> list[Span]: ...

    def plausible(self, sub: Span) -> bool: ...

    def add(self, start: int, end: int, entries: tuple[Entry, ...], label: str) -> None: ...

    def as_county(self, start: int, end: int, entries: tuple[Entry, ...]) -> None: ...

    def abbreviation(self, sub: Span) -> tuple[Entry, ...]: ...


def add_conjuncts(finder: _Finding, *, min_population: int = 1_000) -> None:
    """Add the unfound members of lists that hold a found toponym, until none is left."""
    added = True
    while added:
        added = False
        for place in finder.spans():
            for sub, bare_comma in _neighbours(finder, place):
                entries = _entries(finder, sub, bare_comma, min_population)
                if entries and _coordinated(sub, place):
                    finder.add(sub.start, sub.end, entries, "")
                    added = True
            if added:
                break  # the found list changed: start again from its new state


def _neighbours(finder: _Finding, place: Span) -> list[tuple[Span, bool]]:
    """The capitalised runs just before and after a place across a list's joint."""
    doc = finder.doc
    found: list[tuple[Span, bool]] = []
    after = _joint_after(doc, place.end)
    if after is not None:
        end = after[0]
        while end < len(doc) and end - after[0] < _MAX_WORDS and _name_word(doc[end]):
            end += 1
        if end > after[0] and (end == len(doc) or not _name_word(doc[end])):
            found.append((doc[after[0] : end], after[1]))
    before = _joint_before(doc, place.start)
    if before is not None:
        start = before[0]
        while start > 0 and before[0] - start < _MAX_WORDS and _name_word(doc[start - 1]):
            start -= 1
        if start < before[0] and (start == 0 or not _name_word(doc[start - 1])):
            found.append((doc[start : before[0]], before[1]))
    return [(sub, bare) for sub, bare in found if not any(finder.taken[sub.start : sub.end])]


def _joint_after(doc: Doc, end: int) -> tuple[int, bool] | None:
    """Where the next member starts after a place ending at ``end``, and whether the
    joint is a bare comma."""
    if end >= len(doc):
        return None
    word = doc[end].lower_
    if word in _COORDINATORS:
        return end + 1, False
    if word == ",":
        if end + 1 < len(doc) and doc[end + 1].lower_ in _COORDINATORS:
            return end + 2, False
        return end + 1, True
    return None


def _joint_before(doc: Doc, start: int) -> tuple[int, bool] | None:
    """Where the member before a place starting at ``start`` ends, and whether the
    joint is a bare comma."""
    if start < 2:
        return None
    word = doc[start - 1].lower_
    if word in _COORDINATORS:
        comma = doc[start - 2].text == ","
        return (start - 2 if comma else start - 1), False
    if word == ",":
        return start - 1, True
    return None


def _name_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


def _entries(
    finder: _Finding, sub: Span, bare_comma: bool, min_population: int
) -> tuple[Entry, ...]:
    """The readings of a neighbour that make it a toponym, or none."""
    if not finder.plausible(sub):
        return ()
    doc = finder.doc
    entries = finder.gazetteer.lookup(sub.text) or finder.abbreviation(sub)
    own = [e for e in entries if e.main]
    if bare_comma and not _inner_member(doc, sub):
        own = [e for e in own if e.feature in _AREAS]
    if not any(e.population >= min_population or e.feature != "PPL" for e in own):
        return ()
    return entries


def _inner_member(doc: Doc, sub: Span) -> bool:
    """Whether a member after a bare comma is followed by another joint of the list."""
    return sub.end < len(doc) and doc[sub.end].lower_ in _JOINTS


def _root(span: Span) -> Token:
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
            return token
    return span[-1]


def _coordinated(sub: Span, place: Span) -> bool:
    """Whether the parse coordinates two spans: a ``conj`` between them, or one role of
    one word ("Sun Valley and Toco showed gains")."""
    one, other = _root(sub), _root(place)
    if one.dep_ == "conj" and place.start <= one.head.i < place.end:
        return True
    if other.dep_ == "conj" and sub.start <= other.head.i < sub.end:
        return True
    if one.dep_ == "conj" and other.dep_ == "conj" and one.head.i == other.head.i:
        return True  # two later members of one list
    return one.dep_ == other.dep_ and one.head.i == other.head.i and one.i != other.i


def county_lists(doc: Doc, lowers: list[str], finder: _Finding) -> None:
    """ "Barrow, Jackson and Madison counties": each name is a county."""
    for i, word in enumerate(lowers):
        suffix = _COUNTY_PLURALS.get(word)
        if suffix is None:
            continue
        end = i
        while end > 0:
            start = end
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
                start -= 1
            if start == end:
                break
            listed = start > 0 and lowers[start - 1] in _JOINTS
            name = doc[start:end].text
            if end == i and not listed and _subdivision(finder.gazetteer, name):
                break  # "Indiana counties" are the state's, not a county named Indiana
            entries = finder.gazetteer.lookup(f"{name} {suffix}")
            if entries:
                finder.as_county(start, end, entries)
            if not listed:
                break
            end = start - 1 - int(start > 1 and doc[start - 2].text == ",")


def _subdivision(gazetteer: Gazetteer, name: str) -> bool:
    """Whether ``name`` is the own name of a first-level subdivision ("Indiana")."""
    return any(e.feature == "ADM1" and e.main for e in gazetteer.lookup(name))
