"""Where each event happened, read from the syntax around its trigger.

In order, the first that names a place:

1. the trigger's own locative phrase ("killed *in* an ambush *in* northern
   Kosovo", "demonstrated *outside* Ciragan Palace"); for a verb whose object is
   the ground it acts on ("captured Badme", "patrolled Manger Square", "bombed
   the village of X"), its object; a noun trigger also reads the verb it
   belongs to;
2. its arguments' locative phrases ("a policeman *in* Amara was killed",
   "captured villages *in* Swat");
3. the locative phrase of a clause it sits in ("*In* Belgrade, Vucic, reporting
   on an exchange, accused ...").

Inside a phrase the most specific place wins ("in Iraq's northern city of
Mosul" is Mosul, "in Makhmur district, northern Iraq" Makhmur). "The border
with X", "the X border" and "the Lebanese-Israeli border" become border places.
A place that only fills an actor's role ("arrested *by* Serbia", "Israel
said", "Mexico's army captured") is never reached, nor is a government
standing in for its capital ("Belgrade indicated"), a demonym or the dateline.
Without any, the location is ``None``: the sentence does not say.

What is said (a complaint, a demand, a refusal, a threat, praise, a discussion)
is placed only by its own or its clause's "in"/"at" phrase ("In Belgrade, Vucic
accused ..."): what it is about is no place of it ("voiced concern over the
violence in Israel"), and it takes no place from the sentence before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ...records import Event, Place
from ...resources.gazetteer import Gazetteer
from ..lexicon import PLACE_NOUNS, SITE_NOUNS, companion_prep, undergoers
from .toponyms import DIRECTIONS
from .unresolved import GROUND_NOUNS, GROUND_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["LOCATIVE", "locate_events"]

LOCATIVE = frozenset({
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
})  # fmt: skip
#: the types of what is said (a complaint, a demand, a refusal, a threat, praise):
#: what they are about is no place of theirs ("concern over the violence in Israel",
#: "called for a government in Syria", "pressure on Iran")
_SAID = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT"})
#: consultations named by their topic: "discussed China's role"
_DISCUSSING = frozenset({"discuss", "discussion", "debate"})
#: the prepositions that still say where something was said ("in Geneva")
_WHERE_SAID = frozenset({"in", "at", "near", "inside", "outside"})
_BORDER_NOUNS = {"border", "frontier", "boundary", "borders"}
#: nouns a country may modify and still be where something is ("the Kosovo town of
#: X", "Iraq's north"); before any other noun it is an owner ("a US convoy")
_AREA_HEADS = PLACE_NOUNS | _BORDER_NOUNS | {
    *DIRECTIONS, "capital", "part", "parts", "outskirts", "side", "centre", "center",
    "heart", "interior", "countryside", "soil", "territory", "coast",
}  # fmt: skip
#: nouns of time: "on the anniversary of ..." says when, not where
_TIME_NOUNS = frozenset(
    "anniversary eve occasion day days night morning afternoon evening weekend week "
    "month year birthday holiday".split()
)
_FOLLOW = {"prep", "pobj", "compound", "amod", "nmod", "appos", "conj", "pcomp", "npadvmod"}
#: a trigger's arguments whose own locative phrases place it
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
#: how specific a place is (lower is finer): a town or an unknown name, a county,
#: a subdivision or a region, a country or a continent
_COARSE = {
    "ADM2": 1,
    "ADMD": 1,
    "ADM1": 2,
    "RGN": 2,
    "SEA": 2,
    "STRT": 2,
    "GULF": 2,
    "PCLI": 3,
    "CONT": 3,
}
#: the rank of a site's town, among the containers, and of a place that only
#: measures where a phrase is, below any country
_CONTAINER = 3
_REFERENCE = 4


class _Places:
    """The document's places by token, with what is known about each."""

    def __init__(self, doc: Document, gazetteer: Gazetteer, metonyms: set[int]) -> None:
        parse = doc.parse
        assert parse is not None
        self.parse: Doc = parse
        self.gazetteer = gazetteer
        self.by_token: dict[int, Place] = {}
        #: demonyms by token, for "the Lebanese-Israeli border"
        self.demonyms: dict[int, Place] = {}
        #: the event type of each token that triggers an event
        self.triggers: dict[int, str] = {}
        dateline = _dateline(doc)
        for index, place in enumerate(doc.places):
            span = parse.char_span(place.start, place.end, alignment_mode="expand")
            if span is None or index in metonyms or (place.start, place.end) == dateline:
                continue
            target = self.demonyms if place.feature == "demonym" else self.by_token
            for token in span:
                target[token.i] = place

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

    def demonym_border(self, noun: Token) -> Place | None:
        """ "The Lebanese-Israeli border": two demonyms before a border noun."""
        sides = [self.demonyms[t.i] for t in noun.subtree if t.i < noun.i and t.i in self.demonyms]
        sides = list({(p.start, p.end): p for p in sides}.values())
        if len(sides) < 2:
            return None
        start, end = min(p.start for p in sides), noun.idx + len(noun)
        names = "–".join(sorted(p.name or p.text for p in sides))
        first = min(sides, key=lambda p: p.start)
        return Place(
            start, end, self.parse.text[start:end], f"{names} border", first.country,
            first.lat, first.lon, feature="BRDR", score=first.score,
        )  # fmt: skip


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


def _walk(token: Token, depth: int = 0) -> Iterator[tuple[int, Token]]:
    """The tokens under a phrase with their depth, nearest first; a possessor
    ("Mexico's army") is an owner, not a place the phrase names, but for a site's town."""
    yield depth, token
    if depth > 6:
        return
    for child in token.children:
        if child.dep_ in _FOLLOW or _where_it_was(child) or _town_of_site(child):
            yield from _walk(child, depth + 1)


def _town_of_site(word: Token) -> bool:
    """The town that owns a site ("in *Nairobi's* Kibera slum")."""
    return word.dep_ == "poss" and word.head.lower_ in SITE_NOUNS


def _where_it_was(word: Token) -> bool:
    """A participle that says where its noun was ("near a patrol *passing on a bridge*
    west of X", "a car *parked outside* the ministry")."""
    return word.dep_ == "acl" and word.tag_ in {"VBG", "VBN"}


def _owner(token: Token, place: Place) -> bool:
    """A country before a noun that is no area names an owner ("a US convoy",
    "Mexico's army"), not where the phrase is."""
    if place.feature != "PCLI" or token.dep_ not in {
        "compound",
        "poss",
        "amod",
        "nmod",
        "npadvmod",
    }:
        return False
    head = token.head
    while head.dep_ in {"amod", "compound"} and head.head.i != head.i:  # "US-Kurdish operation"
        head = head.head
    return head.lower_ not in _AREA_HEADS


def _reference_point(token: Token) -> bool:
    """A place that only measures where the phrase is ("Diyala province, north of
    Baghdad", "34 km west of the Duluiyah town"): a direction without an article,
    unlike "the north of Iraq", which is a part of it."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    of = token.head
    if token.dep_ != "pobj" or of.lower_ != "of":
        return False
    direction = of.head
    return direction.lower_ in DIRECTIONS and not any(c.dep_ == "det" for c in direction.children)


#: words that end a street's name: a place before one names the street, not the place
#: ("on Ontario Avenue", "shot on Washington Street")
_STREET_WORDS = frozenset(
    "street road avenue drive boulevard lane way terrace parkway pike turnpike trail".split()
)


def _in_a_street_name(places: _Places, place: Place) -> bool:
    after = places.parse.text[place.end : place.end + 12].split()
    word = after[0].rstrip(".,;") if after else ""
    return word[:1].isupper() and word.lower() in _STREET_WORDS


def _specific(places: _Places, root: Token) -> Place | None:
    """The most specific place under a phrase, the nearest among equals; a reference
    point ranks below every place the phrase names itself."""
    best: tuple[int, int, int, Place] | None = None
    for depth, token in _walk(root):
        border = token.lower_ in _BORDER_NOUNS and places.demonym_border(token)
        place = border or places.by_token.get(token.i)
        if place is None:
            continue
        if _owner(token, place) or _in_a_street_name(places, place):
            continue
        owner = token.head if token.dep_ in {"pobj", "compound", "amod"} else token
        if token.dep_ == "pobj" and owner.lower_ == "with":
            owner = owner.head
        if owner.lower_ in _BORDER_NOUNS and not border:
            place = places.border(owner, place)
        if _reference_point(token):
            rank = _REFERENCE
        elif _town_of_site(token):  # "in Baghdad's southern district of Saiydiah"
            rank = max(_CONTAINER, _COARSE.get(place.feature or "", 0))
        else:
            rank = _COARSE.get(place.feature or "", 0)
        key = (rank, depth, token.i)
        if best is None or key < best[:3]:
            best = (*key, place)
    return best[3] if best else None


def _phrases(places: _Places, head: Token, preps: frozenset[str] = LOCATIVE) -> Place | None:
    """The place of the first locative phrase on ``head`` that names one; a phrase of
    time is passed through ("on Wednesday in the city of Kandahar")."""
    for prep in head.children:
        if prep.dep_ != "prep" or (prep.lower_ not in preps and not _distance_from(prep)):
            continue
        if any(companion_prep(c) for c in prep.children):
            continue  # "the United States, along with Britain": a companion, not a place
        if _temporal(prep):
            objects = (c for c in prep.children if c.dep_ == "pobj")
            place = next((p for o in objects if (p := _phrases(places, o))), None)
        else:
            place = _specific(places, prep)
        if place is not None:
            return place
    return None


_DISTANCE_UNITS = frozenset("mile kilometer kilometre km metre meter yard".split())


def _distance_from(prep: Token) -> bool:
    """ "(patrolling) 10 miles from the city of X": a distance says the place is near."""
    if prep.lower_ != "from":
        return False
    around = [*prep.children, *prep.head.children]
    return any(w.dep_ == "npadvmod" and w.lemma_.lower() in _DISTANCE_UNITS for w in around)


def _temporal(prep: Token) -> bool:
    """ "On Monday", "on the anniversary of ...": a phrase of time."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() in _TIME_NOUNS for o in objects)


def _own(places: _Places, head: Token) -> Place | None:
    """The ground a verb acts on ("captured Badme", "X is patrolled"), else the
    place of a word's own locative phrase."""
    ground: list[Token] = []
    if head.pos_ == "VERB" and head.lemma_.lower() in GROUND_VERBS:
        ground = undergoers(head)
    elif head.lemma_.lower() in GROUND_NOUNS:  # "the invasion of Kosovo"
        ground = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    for child in ground:
        place = _specific(places, child)
        if place is not None:
            return place
    return _phrases(places, head)


def _governing_verb(trigger: Token) -> Token | None:
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.i == trigger.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    return head


def _argument_words(head: Token) -> Iterator[Token]:
    """A word's arguments: subject, object, the agent and the objects of its other
    prepositions ("killed *by a mine* in Helmand", "killed *in clashes* in Makhmur")."""
    for child in head.children:
        if child.dep_ in _ARGUMENTS:
            yield child
            # "Hamdouni, the group's leader in Mosul", "a taxi, parked in Florencia"
            yield from (c for c in child.children if c.dep_ in {"conj", "appos", "acl"})
        elif child.dep_ in {"agent", "prep"}:
            yield from (c for c in child.children if c.dep_ == "pobj")


def _arguments(places: _Places, head: Token) -> Place | None:
    for word in _argument_words(head):
        place = _phrases(places, word)
        if place is not None:
            return place
    return None


def _clause(places: _Places, word: Token) -> Place | None:
    """The locative phrase of a verb above the trigger, nearest first."""
    while word.head.i != word.i:
        word = word.head
        if word.pos_ in {"VERB", "AUX"}:
            place = _phrases(places, word)
            if place is not None:
                return place
    return None


def _conjuncts(head: Token) -> list[Token]:
    """Verbs coordinated with ``head``, which share its place ("shot dead a soldier and
    wounded five in Fallujah")."""
    verbs = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if head.dep_ == "conj" and head.head.pos_ == "VERB":
        verbs.append(head.head)
    return verbs


def _adverbial(head: Token) -> list[Token]:
    """Clauses that say when ``head`` happened, and so where ("killed when a bomb
    exploded near Kabul", "shot while filming in Oaxaca")."""
    return [c for c in head.children if c.dep_ == "advcl"]


def _heads(trigger: Token) -> list[Token]:
    """The trigger, and for a noun the verb it belongs to."""
    verb = _governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else None
    return [trigger] if verb is None else [trigger, verb]


def _locate_said(places: _Places, trigger: Token, heads: list[Token]) -> Place | None:
    """Where something was said: its own "in"/"at" phrase or its clause's, never a
    place inside what it is about ("voiced concern over the violence in Israel")."""
    for head in heads:
        place = _phrases(places, head, _WHERE_SAID)
        if place is not None:
            return place
    content = {t.i for t in heads[-1].subtree}
    return _clause(places, heads[-1]) or _sentence(places, trigger, skip=content)


def _said(places: _Places, trigger: Token) -> bool:
    """Whether the trigger says something (or discusses it): its topic is not where."""
    kind = places.triggers.get(trigger.i)
    return kind in _SAID or (kind == "CONSULT" and trigger.lemma_.lower() in _DISCUSSING)


def _locate(places: _Places, trigger: Token) -> Place | None:
    heads = _heads(trigger)
    if _said(places, trigger):
        return _locate_said(places, trigger, heads)
    for step in (_own, _arguments):
        for head in heads:
            place = step(places, head)
            if place is not None:
                return place
    for related in (_conjuncts, _adverbial):
        for other in (o for head in heads for o in related(head)):
            place = _own(places, other) or _arguments(places, other)
            if place is not None:
                return place
    return _clause(places, heads[-1]) or _modifier(places, heads) or _sentence(places, trigger)


def _modifier(places: _Places, heads: list[Token]) -> Place | None:
    """A town that modifies an argument ("the owner of a Sofia restaurant was shot",
    "Hong Kong people demonstrated"): people and things of a town are mostly in it."""
    for head in heads:
        for word in _argument_words(head):
            for _depth, token in _walk(word):
                place = places.by_token.get(token.i)
                if place is not None and place.feature == "PPL" and token.dep_ == "compound":
                    return place
    return None


def _in_locative(token: Token) -> bool:
    """Whether a word lies in a locative phrase ("the force it deploys *in Kosovo*",
    "*in the city of* Kandahar", "*near the border with* Kosovo"), not in an actor's
    name or a phrase of time."""
    while token.dep_ in _FOLLOW and token.head.i != token.i:
        through = token.lower_ == "of" or (
            token.lower_ == "with" and token.head.lower_ in _BORDER_NOUNS
        )  # "the city of X", "the border with X"
        if token.dep_ == "prep" and not through:
            return token.lower_ in LOCATIVE and not _temporal(token)
        token = token.head
    return False


def _elsewhere(places: _Places, token: Token, above: set[int], kind: str) -> bool:
    """Whether a word belongs to another event or to a report's source: on its way up
    to the trigger's own clause it meets another event's trigger ("killed *since the
    ceasefire* ... in X went into effect", "accused of *throwing* a grenade ... in
    X") or "according to" ("according to sources in X"). ``above`` holds the trigger
    and its ancestors; ``kind`` is its event type."""
    word = token
    while word.i not in above and word.head.i != word.i:
        word = word.head
        if word.lower_ == "according":
            return True
        if places.triggers.get(word.i, kind) != kind:
            return True
    return False


def _sentence(places: _Places, trigger: Token, skip: set[int] | None = None) -> Place | None:
    """The place of the sentence's locative phrase nearest the trigger, unless it is
    another event's or a source's (or among the words to ``skip``)."""
    best: tuple[int, Place] | None = None
    above = {t.i for t in trigger.ancestors} | {trigger.i}
    kind = places.triggers.get(trigger.i, "")
    for token in trigger.sent:
        if skip and token.i in skip:
            continue
        place = places.by_token.get(token.i)
        if place is None or _owner(token, place) or not _in_locative(token):
            continue
        if _in_a_street_name(places, place):
            continue
        if _elsewhere(places, token, above, kind):
            continue
        distance = abs(token.i - trigger.i)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


def _trigger_token(parse: Doc, event: Event) -> Token | None:
    span = parse.char_span(
        event.evidence.trigger.start, event.evidence.trigger.end, alignment_mode="expand"
    )
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.pos_ == "VERB"]  # "bomb detonated", "will also patrol"
    return verbs[-1] if verbs and span.root.pos_ != "VERB" else span.root


def locate_events(doc: Document, gazetteer: Gazetteer, metonyms: set[int]) -> None:
    """Set ``location`` on each event of the document (``metonyms``: place indexes to skip).

    An event its own sentence does not place takes the place of the previous
    sentence of the same paragraph, when syntax placed an event there ("... killed
    in an ambush in northern Kosovo. A shootout ensued, ...").
    """
    if doc.parse is None:
        return
    places = _Places(doc, gazetteer, metonyms)
    triggers = [(event, _trigger_token(doc.parse, event)) for event in doc.events]
    places.triggers = {token.i: event.type for event, token in triggers if token is not None}
    by_sentence: dict[int, Place] = {}
    pending: list[tuple[Event, Token]] = []
    for event, trigger in triggers:
        event.location = _locate(places, trigger) if trigger is not None else None
        if trigger is None:
            continue
        if event.location is not None:
            by_sentence.setdefault(trigger.sent.start, event.location)
        elif not _said(places, trigger):  # a statement is made where it says, or nowhere
            pending.append((event, trigger))
    for event, trigger in pending:
        sentence = trigger.sent
        if sentence.start == 0:
            continue
        before = doc.parse[sentence.start - 1].sent
        first = next((t for t in sentence if not t.is_space), sentence[0])
        between = doc.text[before.start_char : first.idx]
        if "\n" not in between:
            event.location = by_sentence.get(before.start)
