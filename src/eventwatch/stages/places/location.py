"""Where each event happened: the place attached to its trigger, else the sentence's.

From the trigger, a locative preposition ("in", "near", "along", ...) leads to
a noun phrase; the first place inside it (through further prepositions, so "in
an ambush in northern Kosovo" reaches Kosovo) is the location. "The border with
Kosovo" and "the Kosovo border" become a border place. A noun trigger also
looks at the locative phrases of the verb it belongs to. Without one, the
location is the place the sentence is about: one of its places that is not a
government standing in for its capital ("Belgrade indicated"), nor the
dateline, nearest the trigger. Otherwise ``None``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ...records import Event, Place
from ...resources.gazetteer import Gazetteer
from ..lexicon import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LOCATIVE", "locate_events"]

LOCATIVE = {
    "in",
    "at",
    "near",
    "along",
    "across",
    "inside",
    "outside",
    "on",
    "into",
    "throughout",
    "around",
    "within",
    "off",
    "over",
    "beyond",
    "towards",
    "toward",
    "through",
}
_BORDER_NOUNS = {"border", "frontier", "boundary", "borders"}
_FOLLOW = {"prep", "pobj", "compound", "amod", "nmod", "appos", "conj", "pcomp", "npadvmod"}
_ACTOR_DEPS = {*SUBJECT_DEPS, "dobj", "poss", "agent"}


class _Places:
    """The document's places by token, with what is known about each."""

    def __init__(self, doc: Document, gazetteer: Gazetteer, metonyms: set[int]) -> None:
        parse = doc.parse
        assert parse is not None
        self.parse: Doc = parse
        self.gazetteer = gazetteer
        self.by_token: dict[int, Place] = {}
        for index, place in enumerate(doc.places):
            span = parse.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and index not in metonyms and place.feature != "demonym":
                for token in span:
                    self.by_token[token.i] = place
        self.dateline = _dateline(doc)

    def border(self, noun: Token, place: Place) -> Place:
        """The border place named by "the border with X" or "the X border"."""
        found = self.gazetteer.lookup(f"{place.name or place.text} border")
        start = min(noun.idx, place.start)
        end = max(noun.idx + len(noun), place.end)
        text = self.parse.text[start:end]
        if found:
            entry = found[0]
            return Place(
                start, end, text, entry.name, entry.country, entry.lat, entry.lon,
                feature=entry.feature, score=place.score, qualifier=place.qualifier,
            )  # fmt: skip
        name = f"{place.name or place.text} border"
        return dataclasses.replace(place, start=start, end=end, text=text, name=name,
                                   feature="BRDR", geonameid=None, candidates=())  # fmt: skip


def _dateline(doc: Document) -> tuple[int, int] | None:
    """Character range of a dateline place such as "(Washington)" or "PARIS —"."""
    head = doc.text[:60]
    for place in doc.places:
        if place.start > 40:
            break
        after = doc.text[place.end : place.end + 3]
        opened = doc.text[max(0, place.start - 1) : place.start] == "("
        if opened or after.lstrip().startswith(("—", "-", "(", ",")) and place.text.isupper():
            return (place.start, place.end)
        if head.startswith(place.text) and after.startswith((" (", " —", " -")):
            return (place.start, place.end)
    return None


def _walk(token: Token, depth: int = 0) -> Iterator[Token]:
    """The tokens under a locative phrase, nearest first."""
    yield token
    if depth > 6:
        return
    for child in token.children:
        if child.dep_ in _FOLLOW:
            yield from _walk(child, depth + 1)


def _attached(places: _Places, head: Token) -> Place | None:
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
            continue
        for token in _walk(prep, 0):
            place = places.by_token.get(token.i)
            if place is None:
                continue
            owner = token.head if token.dep_ in {"pobj", "compound", "amod"} else token
            if token.dep_ == "pobj" and owner.lower_ == "with":
                owner = owner.head
            if owner.lower_ in _BORDER_NOUNS:
                return places.border(owner, place)
            return place
    return None


def _governing_verb(trigger: Token) -> Token | None:
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head is trigger or head.pos_ not in {"VERB", "AUX"}:
        return None
    return head


def _sentence_place(places: _Places, trigger: Token) -> Place | None:
    best: tuple[int, Place] | None = None
    for token in trigger.sent:
        place = places.by_token.get(token.i)
        if place is None or (places.dateline and place.start == places.dateline[0]):
            continue
        distance = abs(token.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


def _trigger_token(parse: Doc, event: Event) -> Token | None:
    span = parse.char_span(
        event.evidence.trigger.start, event.evidence.trigger.end, alignment_mode="expand"
    )
    return span.root if span is not None and len(span) else None


def locate_events(doc: Document, gazetteer: Gazetteer, metonyms: set[int]) -> None:
    """Set ``location`` on each event of the document (``metonyms``: place indexes to skip)."""
    if doc.parse is None:
        return
    places = _Places(doc, gazetteer, metonyms)
    for event in doc.events:
        trigger = _trigger_token(doc.parse, event)
        if trigger is None:
            continue
        location = _attached(places, trigger)
        verb = _governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else None
        if location is None and verb is not None:
            location = _attached(places, verb)
        if location is None:
            location = _sentence_place(places, trigger)
        event.location = location
