"""Toponyms the text marks as places that the gazetteer does not know.

Wire news names villages, districts, bases and neighbourhoods that no pip
gazetteer lists ("the village of Tamthil", "the Radhwaniyah area", "near the
Gladiola outpost", "in Swat"). The grammar says they are places: a proper name
before a place noun ("Aziziyah district", "Hongze Lake"), after "the village
of" and its kin, or after "in", "at", "near" or "outside". Each becomes a
:class:`~eventwatch.records.Place` without coordinates (``feature``
``UNRESOLVED``): it can say where an event happened, it cannot be mapped.

Not taken: a name the parser or the actor stage reads as a person or an
organisation ("in Congress", "at Reuters"), an acronym ("IS"), a demonym, a
date, or a word the text also writes in lower case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Actor, Place
from ...resources.gazetteer import normalise
from ..lexicon import PLACE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["GROUND_NOUNS", "GROUND_VERBS", "UNRESOLVED", "unresolved_places"]

#: the ``feature`` of a place the gazetteer does not know
UNRESOLVED = "UNRESOLVED"

#: verbs whose direct object is the ground they act on: taking or freeing
#: territory, striking a place, moving through or guarding it
GROUND_VERBS = frozenset(
    "capture recapture seize take retake occupy liberate overrun storm raid invade enter "
    "bomb shell strike hit pound bombard attack besiege encircle surround blockade "
    "patrol cross reach tour visit control secure destroy damage burn loot ransack "
    "demolish torch defend guard".split()
)
#: the nouns of those verbs, whose "of" names the ground ("the invasion of Kosovo")
GROUND_NOUNS = frozenset(
    "capture recapture seizure occupation liberation invasion storming raid bombing "
    "bombardment shelling siege encirclement blockade patrol destruction".split()
)
#: place nouns before "of" whose "of" names a place: not a building's or a site's,
#: whose "of" names what it is for ("the Palace of Conventions", "Square of Martyrs")
_OF_PLACE_NOUNS = PLACE_NOUNS - frozenset(
    "palace square base camp airbase crossing crossroad crossroads".split()
)
#: place nouns written before a name ("Lake Ondrava", "Mount Ushba")
_BEFORE_NAMES = frozenset({"lake", "mount", "mt."})
#: words of an institution's, an office's, a street's or an event's name ("City
#: Council", "District Court", "Cooper Street", "World War"): no place of their own
_NOT_PLACE_WORDS = frozenset(
    "council court board university college school academy hospital church department "
    "office committee commission agency guard attorney judge judges treasurer auditor "
    "engineer manager administrator councilman councilwoman mayor police sheriff clerk "
    "street st. road rd. avenue ave. drive lane way boulevard blvd. circle terrace parkway "
    "war series festival concert cemetery homes improvement amendment limits congress senate "
    "parliament assembly capitol".split()
)
#: prepositions after which a proper name is a place ("in Swat", "at Shkin")
_CUES = frozenset({"in", "at", "near", "outside"})
#: entity labels that are never places
_NEVER = frozenset(
    {"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW"}
)
#: parts of transliterated names written in lower case ("al-Atebaa", "Kafr el Sheikh")
_PARTICLES = frozenset({"al", "el", "-"})


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _run(doc: Doc, index: int) -> tuple[int, int]:
    """The proper-name run around a token, with its lower-case particles ("al-Atebaa")."""
    start = end = index
    while start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].lower_ in _PARTICLES):
        start -= 1
    while start < index and doc[start].text == "-":
        start += 1
    while end + 1 < len(doc) and (
        _name_word(doc[end + 1])
        or (doc[end + 1].text == "-" and end + 2 < len(doc) and _name_word(doc[end + 2]))
    ):
        end += 1
    return start, end + 1


def _cue(span: Span) -> str | None:
    """How the grammar marks a name as a place: ``"noun"`` (a place noun names its
    kind), the locative word before it ("in", "at" ...), or ``None``."""
    last = span[-1]
    head = last.head
    if len(span) > 1 and last.lower_ in PLACE_NOUNS:
        return "noun"  # "Hongze Lake"
    if len(span) == 2 and span[0].lower_ in _BEFORE_NAMES:
        return "noun"  # "Lake Ondrava"
    while head.dep_ == "compound" and head.head.i > head.i:  # "Kawkab army base"
        head = head.head
    if last.dep_ == "compound" and head.lower_ in PLACE_NOUNS and head.i >= span.end:
        return "noun"  # "the Aziziyah district"
    if last.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _OF_PLACE_NOUNS:
        return "noun"  # "the village of Tamthil"; "the Palace of Conventions" is a building
    if last.dep_ == "pobj" and head.lower_ in _CUES and head.i == span.start - 1:
        return head.lower_
    if last.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in GROUND_VERBS:
        return "ground"  # "bombed Pooneryn"
    return None


def _acronym(span: Span) -> bool:
    return len(span) == 1 and span.text.isupper() and len(span.text) <= 4


def unresolved_places(
    doc: Doc,
    taken: set[int],
    *,
    demonyms: frozenset[str],
    actors: list[Actor],
    institutions: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
) -> list[Place]:
    """Places the grammar marks in ``doc`` outside the ``taken`` tokens (see the module).

    After a place noun the parser's PERSON or ORG label is overruled ("the
    Aziziyah district" is no person); after a locative word a PERSON label is
    not, nor an ORG one after "at" ("at Google").
    """
    organisations = [(a.start, a.end) for a in actors if a.sector is not None]
    found: list[Place] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in taken or not _name_word(token) or token.ent_type_ in _NEVER - {"NORP"}:
            index += 1
            continue
        start, end = _run(doc, index)
        span = doc[start:end]
        index = end
        cue = _cue(span)
        if cue is None or any(i in taken for i in range(start, end)):
            continue
        if _acronym(span) or span.text in demonyms or span.text.lower() in common:
            continue
        if any(t.lower_ in _NOT_PLACE_WORDS for t in span):
            continue
        labels = {t.ent_type_ for t in span}
        if cue == "noun" and any(t.lower_ in _PARTICLES for t in span):
            labels.discard("NORP")  # the parser reads "al-Qabbani" as a group's name
        if labels & _NEVER or (cue != "noun" and "PERSON" in labels):
            continue
        if cue == "at" and "ORG" in labels:  # "works at Google"; "in Swat" may be ORG too
            continue
        chars = (span.start_char, span.end_char)
        inside = any(chars[0] <= a and b <= chars[1] for a, b in organisations)
        if inside or normalise(span.text) in institutions:
            continue  # "at Reuters", "in Congress"
        found.append(
            Place(chars[0], chars[1], span.text, span.text, None, feature=UNRESOLVED, score=0.0)
        )
    return found
