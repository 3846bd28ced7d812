"""A document's killed and injured counts, read from the whole text.

:func:`casualties` pools the ASSAULT events' counts with every casualty phrase
of the parse ("a man was shot and killed", "two people were wounded", "struck
by gunfire", "a woman with a gunshot wound") and takes the largest; different
victims of one story add up ("a second man was shot").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ..lexicon import SUBJECT_DEPS
from ._events import (
    _DIE,
    _INJURE,
    _KILL,
    _SELF,
    _SHOOT,
    _STRIKE,
    _antecedent,
    _key,
    _person,
    _read,
    count_of,
    estimate,
    victims,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["casualties"]

#: "a second man was shot": the story has at least that many victims
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}


def _sufferers(wound: Token) -> Iterator[Token]:
    """Who has "a gunshot wound" / "non-life-threatening injuries"."""
    owners = [c for c in wound.children if c.dep_ == "poss"]
    if owners:  # "her wounds are not life-threatening"
        yield from owners
        return
    verb = wound.head
    if wound.dep_ == "pobj":
        verb = verb.head
        if verb.pos_ in {"NOUN", "PROPN"} and wound.head.lower_ == "with":
            yield verb  # "found a woman with a gunshot wound"
            return
    elif wound.dep_ != "dobj":
        return
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i != wound.i]
    if objects and verb.lemma_.lower() in _FINDERS:
        yield from objects
        return
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ in {"acl", "relcl"}:
        subjects = [verb.head]
    elif not subjects and verb.dep_ in {"advcl", "pcomp", "xcomp"}:
        # "a woman arrived at a hospital suffering from a gunshot wound"
        clause = verb.head.head if verb.head.dep_ == "prep" else verb.head
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    yield from (_antecedent(c, verb) for c in subjects)


_FINDERS = {"find", "discover", "locate", "leave", "take", "transport", "rush", "treat"}


def _text_counts(doc: Document) -> Iterator[tuple[str, int]]:
    """``(category, n)`` for every casualty phrase of the parse.

    Categories: ``killed``, ``injured``, and ``shot`` (shot, stabbed, struck or
    with a wound, and not said to be fatal). Different victims of one story add
    up: "a second man was shot" means two were shot, and so does "a man was
    struck in the leg and a woman was struck in the arm".
    """
    if doc.parse is None:
        return
    counted: dict[int, tuple[str, int]] = {}
    for token in doc.parse:
        lemma = token.lemma_.lower()
        if lemma not in _CASUALTY:
            continue
        if token.pos_ == "NOUN" and lemma in {"wound", "injury"}:
            nouns = [n for n in _sufferers(token) if _person(n)]
            found = next((q for n in nouns if (q := count_of(n)) is not None), None)
            key = "shot"
        else:
            key = _key(token) or ""
            found = _read(token, key) if key else None
            nouns = list(victims(token)) if found is not None else []
            hurt = lemma in _SHOOT or lemma in _STRIKE
            if key == "injured" and (hurt or token.dep_ == "amod"):
                key = "shot"  # "the injured man" names a victim, it does not count the hurt
        value = estimate(found) if found is not None else None
        if not key or value is None:
            continue
        yield key, value
        yield "shot", _ordinal(nouns)
        counted[token.i] = key, value
        earlier = counted.get(token.head.i) if _other_victim(token) else None
        if earlier is not None and (earlier[0] == key or {earlier[0], key} <= _HARMED):
            yield (key if earlier[0] == key else "shot"), earlier[1] + value


_HARMED = {"injured", "shot"}


def _other_victim(trigger: Token) -> bool:
    """Is this a conjoined clause about someone else ("… and a woman was struck")?"""
    if trigger.dep_ != "conj":
        return False
    subjects = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(s.lower_ not in _SELF and s.pos_ != "PRON" for s in subjects)


def _ordinal(nouns: list[Token]) -> int:
    """ "a second man was shot": at least that many victims ("another man" may be
    the one the shooter shot, so it is not counted)."""
    found = 0
    for noun in nouns:
        for child in noun.children if _person(noun) else ():
            if child.dep_ == "amod" and child.lower_ in _ORDINALS:
                found = max(found, _ORDINALS[child.lower_])
    return found


_CASUALTY = _KILL | _DIE | _INJURE | _SHOOT | _STRIKE


def casualties(doc: Document) -> tuple[int, int]:
    """The document's largest ``(killed, injured)`` counts.

    The counts of the ASSAULT events and of every casualty phrase in the text
    are pooled (the events' triggers are among those phrases); the largest
    wins. People shot but not said to be killed count as injured once the
    killed are taken out: "two men were shot, one died" → killed 1, injured 1.
    """
    best: dict[str, int] = {}
    for event in doc.events:
        if event.type == "ASSAULT":
            best["killed"] = max(best.get("killed", 0), event.killed or 0)
    for key, value in _text_counts(doc):
        best[key] = max(best.get(key, 0), value)
    killed = best.get("killed", 0)
    return killed, max(best.get("injured", 0), best.get("shot", 0) - killed)
