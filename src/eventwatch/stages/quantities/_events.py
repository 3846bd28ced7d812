"""Counts on events: the nouns a casualty, arrest or deployment trigger counts.

The quantities stage walks the parse around each event's trigger to the nouns
that count its victims or its personnel ("killed 46 civilians", "left more than
30 soldiers injured", "the arrest of three police officers", "a battalion,
approximately 500 to 650 men, had been made available") and reads their
number: digits or number words, ranges ("500 to 650"), hedges ("more than 30",
"approximately"), vague plurals ("dozens") and singular persons ("a police
officer" → 1). It fills ``Event.quantities`` and the ``killed``/``injured``
integers (the best single estimate: the lower bound when there is one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ...records import Event, Quantity
from ..lexicon import NUMBER_WORDS, PERSON_NOUNS, PERSONNEL_NOUNS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["QuantityStage", "count_of", "estimate", "parse_quantity", "victims"]

#: number words, and the words that count people as a number does ("a dozen", "both")
_UNITS = {
    **NUMBER_WORDS,
    "dozen": 12, "a": 1, "an": 1, "single": 1, "both": 2, "couple": 2, "pair": 2,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: vague plurals: "dozens" -> 24..99 (approximate)
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}
_LOWER = ("more than", "over", "at least", "upwards of", "in excess of", "no fewer than")
_UPPER = ("up to", "less than", "fewer than", "as many as", "under", "at most", "no more than")
_ABOUT = (
    "approximately", "about", "around", "nearly", "almost", "some", "roughly",
    "an estimated", "estimated", "close to", "an approximate", "circa",
)  # fmt: skip
_HEDGES = sorted(_LOWER + _UPPER + _ABOUT, key=len, reverse=True)
_RANGE = re.compile(r"\s+(?:to|or|and|-|–|—)\s+|(?<=\d)\s*[-–—]\s*(?=\d)")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")

_KILL = {"kill", "murder", "slay", "execute", "assassinate", "massacre", "behead", "killing"}
_DIE = {"die", "dead", "perish", "death", "fatality", "drown"}
_INJURE = {"injure", "wound", "hurt", "maim", "injured", "wounded", "injury"}
_SHOOT = {"shoot", "stab", "shot", "stabbing", "shooting"}
#: "struck by gunfire", "hit in the leg": a blow that wounds, read like "shot"
_STRIKE = {"strike", "hit", "graze"}
_PROJECTILE = frozenset("bullet gunfire round shot fire gunshot pellet shrapnel buckshot".split())
_BODY = frozenset(
    "head face neck chest back stomach abdomen torso shoulder arm hand wrist leg thigh knee "
    "foot ankle hip buttock buttocks groin side jaw eye cheek mouth finger elbow".split()
)
_ARREST = {"arrest", "detain", "detention", "apprehend", "capture", "jail", "imprison"}
_DISPLACE = {"displace", "flee", "evacuate", "uproot", "displaced", "evacuation"}
_FATAL = {"fatally", "dead", "death", "killing", "kill", "die", "mortally", "lethally"}
_PERSONNEL_TYPES = {"MOBILIZE", "AID", "PROTEST", "COERCE"}
_ATTEMPT = {"attempt", "attempted", "try"}
#: "he would shoot whoever came in", "threatened to shoot him": nothing happened yet
_MODALS = {"would", "could", "might", "may", "should", "will", "'d", "’d", "'ll", "’ll"}
_UNREAL = {"threaten", "try", "attempt", "plan", "want", "intend", "vow", "plot", "seek", "go"}
_NOBODY = {"nobody", "none", "noone"}
_SELF = {"he", "she", "him", "her", "himself", "herself"}
_VICTIM_DEPS = {"dobj", "nsubjpass", "oprd"}


def parse_number(text: str) -> int | None:
    """``"650"`` → 650, ``"1,200"`` → 1200, ``"twenty-five"`` → 25, ``"1.8 million"``."""
    words = text.lower().replace("-", " ").split()
    if not words or not all(_NUMBER.fullmatch(w) or w in _UNITS or w in _SCALES for w in words):
        return None
    total, current = 0.0, 0.0
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
    return int(total + current)


def parse_quantity(text: str, start: int = 0) -> Quantity | None:
    """Read ``"approximately 500 to 650"``, ``"more than 30"``, ``"dozens"``, ``"three"``."""
    lowered = text.lower().strip()
    qualifier = next((h for h in _HEDGES if lowered.startswith(h + " ")), None)
    rest = lowered[len(qualifier) :].strip() if qualifier else lowered
    if rest in _VAGUE:
        vague = _VAGUE[rest]
        return Quantity(*vague, qualifier or "approximate", text, start, start + len(text))
    parts = _RANGE.split(rest, maxsplit=1)
    low = parse_number(parts[0])
    high = parse_number(parts[1]) if len(parts) == 2 else low
    if low is None or high is None:
        return None
    if qualifier in _LOWER:
        return Quantity(low, None, qualifier, text, start, start + len(text))
    if qualifier in _UPPER:
        return Quantity(None, high, qualifier, text, start, start + len(text))
    return Quantity(min(low, high), max(low, high), qualifier, text, start, start + len(text))


def estimate(quantity: Quantity) -> int | None:
    """The best single figure: the lower bound when there is one, else the upper."""
    return quantity.min if quantity.min is not None else quantity.max


def _plus(a: Quantity, b: Quantity) -> Quantity:
    low = (a.min or 0) + (b.min or 0) if a.min is not None or b.min is not None else None
    high = a.max + b.max if a.max is not None and b.max is not None else None
    start, end = min(a.start, b.start), max(a.end, b.end)
    return Quantity(low, high, a.qualifier or b.qualifier, f"{a.text} + {b.text}", start, end)


def count_of(noun: Token) -> Quantity | None:
    """How many people (or units) a noun counts, with its conjuncts added."""
    own = _own_count(noun)
    for conj in noun.children:
        if conj.dep_ == "conj" and conj.pos_ in {"NOUN", "PROPN", "NUM"}:
            other = _own_count(conj)
            if own is not None and other is not None:
                own = _plus(own, other)
    return own


def _own_count(noun: Token) -> Quantity | None:
    doc = noun.doc
    if noun.lower_ in _NOBODY or any(c.lower_ in {"no", "neither"} for c in noun.lefts):
        span = doc[noun.left_edge.i : noun.i + 1]
        return Quantity(0, 0, None, span.text, span.start_char, span.end_char)
    if noun.like_num or noun.lower_ in _VAGUE:
        left = min(t.i for t in noun.subtree if t.i <= noun.i)
        span = doc[left : noun.i + 1]
        return parse_quantity(span.text, span.start_char)
    for child in noun.lefts:
        if child.dep_ == "nummod":
            left = min(t.i for t in child.subtree)
            left = min([left] + [c.i for c in noun.lefts if c.dep_ in {"advmod", "quantmod"}])
            numbers = doc[left : child.i + 1]
            found = parse_quantity(numbers.text, numbers.start_char)
            if found is not None:
                return _over(found, doc[left : noun.i + 1])
    for child in noun.children:
        if child.dep_ == "appos" and child.i > noun.i and child.pos_ == "NOUN":
            found = _own_count(child)
            if found is not None:
                return found
    return _singular(noun)


def _over(found: Quantity, span: Span) -> Quantity:
    """The quantity with the text and offsets of its whole noun phrase."""
    text, start = span.text, span.start_char
    return Quantity(found.min, found.max, found.qualifier, text, start, start + len(text))


def _singular(noun: Token) -> Quantity | None:
    doc = noun.doc
    dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet"}}
    if "no" in dets:
        return _over(
            Quantity(0, 0, None, "", 0, 0), doc[min(noun.left_edge.i, noun.i) : noun.i + 1]
        )
    if "both" in dets:
        return _over(Quantity(2, 2, None, "", 0, 0), doc[noun.left_edge.i : noun.i + 1])
    singular = (
        noun.tag_ in {"NN", "NNP"}
        and (
            noun.lemma_.lower() in PERSON_NOUNS
            or _agent_noun(noun)  # "an American scientist"
            or noun.ent_type_ == "PERSON"
            or (noun.tag_ == "NNP" and noun.ent_type_ == "")  # "Raney shot Ogle"
        )
        or _age(noun)
    )
    if noun.lower_ in _SELF or singular:
        left = min([noun.i] + [c.i for c in noun.lefts if c.dep_ in {"det", "amod", "compound"}])
        return _over(Quantity(1, 1, None, "", 0, 0), doc[left : noun.i + 1])
    return None


def _key(trigger: Token) -> str | None:
    lemma = trigger.lemma_.lower()
    if lemma in _KILL or lemma in _DIE:
        return "killed"
    if lemma in _SHOOT or (lemma in _STRIKE and _wounding(trigger)):
        return "killed" if _fatal(trigger) else "injured"
    if lemma in _INJURE:
        return "injured"
    if lemma in _ARREST:
        return "arrested"
    if lemma in _DISPLACE:
        return "displaced"
    return None


def _wounding(strike: Token) -> bool:
    """ "struck by gunfire", "hit in the leg", "a bullet struck him" (not "hit by a car")."""
    objects = [c for c in strike.children if c.dep_ == "dobj"]
    for child in [*strike.children, *(c for o in objects for c in o.children)]:
        if child.dep_ == "nsubj" and _antecedent(child, strike).lemma_.lower() in _PROJECTILE:
            return True  # "a bullet struck him", "one shot, which struck Quinones"
        if child.dep_ in {"agent", "prep"} and child.lower_ in {"by", "in", "on"}:
            nouns = {c.lemma_.lower() for c in child.children if c.dep_ == "pobj"}
            if nouns & (_PROJECTILE if child.lower_ == "by" else _BODY):
                return True
    return False


def _fatal(trigger: Token) -> bool:
    """ "shot dead", "fatally shot", "shot to death", "shot and killed"."""
    for child in trigger.subtree:
        if child.i != trigger.i and child.lemma_.lower() in _FATAL:
            if child.head.i == trigger.i or child.head.head.i == trigger.i:
                return True
    return False


def victims(trigger: Token) -> Iterator[Token]:
    """The nouns that a casualty, arrest or deployment trigger counts."""
    deps = _VICTIM_DEPS | ({"nsubj"} if _intransitive(trigger) else set())
    subjects = [c for c in trigger.children if c.dep_ in deps and c.dep_.startswith("nsubj")]
    for child in trigger.children:
        if child.dep_ in deps and child.dep_.startswith("nsubj"):
            # a dateline parsed as a second subject ("FLINT, MI -- A man was shot"):
            # the subject nearest the verb is the one
            if child == min(subjects, key=lambda s: abs(s.i - trigger.i)):
                yield _antecedent(child, trigger)
        elif child.dep_ in deps:
            yield _antecedent(child, trigger)
        elif child.dep_ == "prep" and child.lower_ in {"of", "among"}:
            yield from (c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "nummod" and trigger.pos_ == "NOUN":
            yield trigger  # "28 arrests", "two deaths"
    head = trigger.head
    if trigger.tag_ == "VBG" and trigger.lemma_.lower() in _SHOOT:
        return  # "the man in the van started shooting": the clause's subject shoots
    if trigger.dep_ == "amod" or (trigger.dep_ == "acl" and trigger.tag_ == "VBN"):
        yield head  # "injured soldiers", "displaced people", "one man shot in the face"
    elif trigger.dep_ in {"oprd", "xcomp", "acomp"} or (
        trigger.dep_ == "ccomp" and head.lemma_.lower() in {"leave", "find"}
    ):
        yield from (c for c in head.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"})
    elif trigger.dep_ in {"pcomp", "advcl"} and not _has_subject(trigger):
        clause = head.head if head.dep_ == "prep" else head
        yield from (c for c in clause.children if c.dep_ in SUBJECT_DEPS)
    elif trigger.dep_ == "conj" and not _has_subject(trigger):
        # "… was arrested and charged"; a passive also takes an active subject:
        # "the victim turned to run and was shot"
        passive = any(c.dep_ == "auxpass" for c in trigger.children)
        subject_deps = SUBJECT_DEPS if passive else frozenset({"nsubjpass"})
        yield from (_antecedent(c, head) for c in head.children if c.dep_ in subject_deps)


def _unreal(trigger: Token) -> bool:
    """Not a hit or not a fact: "he would shoot the person who came in",
    "threatened to shoot him", "was shot at by the officer", "did not appear
    to be injured"."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in trigger.children):
        return True
    for at in (c for c in trigger.children if c.dep_ in {"prep", "prt"} and c.lower_ == "at"):
        targets = [c for c in at.children if c.dep_ == "pobj"]
        if not targets or any(_person(t) or t.pos_ == "PRON" for t in targets):
            return True  # "shot at the officer", "was shot at" (not "shot at his home")
    if trigger.dep_ in {"xcomp", "acomp"}:
        head = trigger.head
        return head.lemma_.lower() in _UNREAL or any(c.dep_ == "neg" for c in head.children)
    return False


def _has_subject(verb: Token) -> bool:
    return any(c.dep_.startswith("nsubj") for c in verb.children)


def _antecedent(noun: Token, clause: Token) -> Token:
    """ "a man who was shot" → man."""
    if noun.lower_ in {"who", "that", "which"} and clause.dep_ == "relcl":
        return clause.head
    return noun


def _intransitive(trigger: Token) -> bool:
    lemma = trigger.lemma_.lower()
    return lemma in _DIE or (trigger.pos_ == "ADJ" and lemma in _INJURE | _DISPLACE)


def _read(trigger: Token, key: str) -> Quantity | None:
    if any(c.dep_ == "neg" or c.lemma_.lower() in _ATTEMPT for c in trigger.children):
        return None
    if _unreal(trigger):
        return None
    found = [q for n in victims(trigger) if _person(n) and (q := count_of(n)) is not None]
    return max(found, key=lambda q: estimate(q) or 0) if found else None


def _age(noun: Token) -> bool:
    """ "a 17-year-old" (spaCy heads it on "old")."""
    return noun.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in noun.lefts)


#: the parse's ``user_data`` key of the tokens that head an actor's common noun
PEOPLE_KEY = "eventwatch.quantities.people"


def mark_people(doc: Document) -> None:
    """Note the common nouns that head the actor stage's mentions ("16 terrorists",
    "an American scientist"): the agent nouns of the dictionaries count an event's
    victims too. The document's casualty figures keep to the closed list of person
    nouns: on the GVA check half the wider reading lost two killed counts of 832."""
    parse = doc.parse
    if parse is None:
        return
    heads = set()
    for actor in doc.mentions:
        span = parse.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and actor.sector is not None and span.root.pos_ == "NOUN":
            heads.add(span.root.i)
    parse.user_data[PEOPLE_KEY] = frozenset(heads)


def _agent_noun(noun: Token) -> bool:
    """Whether :func:`mark_people` noted the noun as the head of an actor's mention."""
    return noun.i in noun.doc.user_data.get(PEOPLE_KEY, ())


def _person(noun: Token) -> bool:
    """Can this noun count people? (not "18:58 PST SAN FRANCISCO")."""
    return (
        noun.lemma_.lower() in PERSON_NOUNS
        or _agent_noun(noun)
        or _age(noun)
        or noun.lower_ in _SELF
        or noun.lower_ in _VAGUE
        or noun.ent_type_ in {"PERSON", "NORP"}
        or (noun.pos_ == "PROPN" and noun.ent_type_ == "")
        or (noun.pos_ == "NUM" and noun.ent_type_ in {"", "CARDINAL"})
    )


def _personnel(trigger: Token) -> Quantity | None:
    for noun in victims(trigger):
        nouns = [noun] + [c for c in noun.children if c.dep_ == "appos"]
        if any(n.lemma_.lower() in PERSONNEL_NOUNS for n in nouns):
            found = count_of(noun)
            if found is not None and (estimate(found) or 0) > 1:
                return found
    return None


def _trigger_token(doc: Document, event: Event) -> Token | None:
    if doc.parse is None:
        return None
    span = doc.parse.char_span(
        event.evidence.trigger.start, event.evidence.trigger.end, alignment_mode="expand"
    )
    return span.root if span is not None and len(span) else None


#: the clauses that tell an attack's toll: "stormed a hotel, leaving five dead"
_TOLL_DEPS = {"advcl", "conj", "xcomp"}


def _toll(trigger: Token) -> Iterator[tuple[str, Quantity]]:
    """The killed and injured an attack leaves: "stormed a hotel, leaving at least
    five people dead", "the blast left 12 soldiers dead", "attacked the post,
    leaving three officers injured". The attack's own word counts no one, so its
    count is the one its resultative "leave" clause gives."""
    leaves = [c for c in trigger.children if c.dep_ in _TOLL_DEPS and c.lemma_.lower() == "leave"]
    if trigger.dep_ in SUBJECT_DEPS and trigger.head.lemma_.lower() == "leave":
        leaves.append(trigger.head)  # "the blast left 12 dead"
    for leave in leaves:
        for word in leave.subtree:
            key = _key(word) if word.i != leave.i else None
            near = word.head.i == leave.i or word.head.head.i == leave.i
            if key in {"killed", "injured"} and near and (found := _read(word, key)):
                yield key, found


def _record(event: Event, key: str, found: Quantity) -> None:
    event.quantities.setdefault(key, found)
    if key == "killed" and event.killed is None:
        event.killed = estimate(found)
    elif key == "injured" and event.injured is None:
        event.injured = estimate(found)


def quantify(doc: Document, event: Event) -> None:
    """Fill one event's quantities and its ``killed``/``injured`` figures."""
    trigger = _trigger_token(doc, event)
    if trigger is None:
        return
    key = _key(trigger)
    found = _read(trigger, key) if key else None
    if key is None and event.type == "ASSAULT":
        for toll_key, toll in _toll(trigger):
            _record(event, toll_key, toll)
        return
    if key is None and event.type in _PERSONNEL_TYPES:
        key, found = "personnel", _personnel(trigger)
    if key is None or found is None:
        return
    _record(event, key, found)


class QuantityStage:
    """The ``eventwatch.quantities.v1`` stage: counts on events, and the document's casualties.

    ``doc.casualties`` is the document's largest killed and injured counts over
    every casualty phrase of the text (:func:`~eventwatch.stages.quantities.casualties`),
    read here because only the stages see the parse.
    """

    def __call__(self, doc: Document) -> Document:
        from ._casualties import casualties

        killed, injured = casualties(doc)
        doc.casualties = {"killed": killed, "injured": injured}
        mark_people(doc)  # an event's victims may be any agent noun (see mark_people)
        for event in doc.events:
            quantify(doc, event)
        if doc.parse is not None:
            doc.parse.user_data.pop(PEOPLE_KEY, None)  # the parse leaves as it came
        return doc
