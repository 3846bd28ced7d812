"""Uses of trigger words that name no act of their type, though they look like one.

* a danger ("poses a threat", "is facing an increasing threat"), which is no threat
  made (CAMEO 13);
* a rivalry ("a trade war", "a legal battle", "a war of words") and a striving
  ("relatives have fought to keep the boy"), which are no assault;
* a face recognised ("an officer recognized her"), which is no recognition of a state
  or a government (CAMEO 054);
* people carried somewhere ("40 detainees were flown to Louisiana"), which is a
  transfer, not a visit (CAMEO 042);
* a label ("its characterization of his retention as a kidnapping", "condemned
  the vote as an attack on democracy"), which names what something is called;
* an opinion shared ("all agreed that some lights should stay off"), which is no
  agreement to act; "agreed that elections would be held in July" still is;
* things amassed ("had amassed 100 pages of reports"), which mobilise no force
  (CAMEO 154 masses troops and arms);
* a characterisation in the present ("this is an attack on our sovereignty", "an
  attack on one is an attack on all"), which judges and reports no act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS
from .arguments import prep_objects

if TYPE_CHECKING:
    from .lexicon import TriggerMatch

__all__ = ["figurative_reading"]


def figurative_reading(match: TriggerMatch) -> bool:
    """Whether the matched word is used in one of the readings above, which name no act."""
    return (
        _danger_or_rivalry(match)
        or _striving(match)
        or _face_recognised(match)
        or _characterisation(match)
        or _carried(match)
        or _labelled(match)
        or _shared_opinion(match)
        or _things_amassed(match)
    )


#: verbs whose object or complement "threat" is a danger, not an act of threatening
_DANGER_VERBS = frozenset(
    "pose represent constitute remain become see view consider perceive regard".split()
    # a danger faced or countered: "Algeria is facing an increasing threat"
    + "face confront counter combat tackle address assess reduce mitigate".split()
)
#: what a "war" or a "battle" is fought with when it is no fighting: "a trade war",
#: "a legal battle", "a war of words"
_RIVALRIES = frozenset(
    "trade tariff price currency culture legal court political bidding custody "
    "propaganda word words".split()
)


def _danger_or_rivalry(match: TriggerMatch) -> bool:
    """ "Poses a threat", "sees China as a threat", "is facing an increasing threat",
    "a high-threat inmate": a danger, not a threat made (CAMEO 13); "a trade war", "a
    legal battle", "a war of words": a rivalry, not an assault."""
    token = match.token
    if match.entry.pos != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if match.entry.type == "THREATEN" and lemma == "threat":
        head = token.head
        if token.dep_ in {"attr", "oprd", "compound", "amod"}:
            return True
        if token.dep_ == "pobj" and head.lower_ == "as":
            return True
        return token.dep_ in {"dobj", "nsubj"} and head.lemma_.lower() in _DANGER_VERBS
    if match.entry.type == "ASSAULT" and lemma in {"war", "battle"}:
        words = [c for c in token.children if c.dep_ in {"compound", "amod"}]
        words += [g for c in token.children if c.lower_ == "of" for g in c.children]
        return any(w.lemma_.lower() in _RIVALRIES for w in words)
    return False


#: who fights as combatants
_ARMED = frozenset(
    "troop soldier fighter militant rebel insurgent guerrilla militia militiaman force "
    "army gunman jihadist paratrooper commando marine police".split()
)


def _striving(match: TriggerMatch) -> bool:
    """ "Have fought to keep the boy", "battling to save the plant": to fight *to do*
    something is to strive for it; a fight has a foe, not a purpose clause."""
    token = match.token
    if match.entry.type != "ASSAULT" or match.entry.pos != "VERB":
        return False
    if token.lemma_.lower() not in {"fight", "battle", "struggle"}:
        return False
    purpose = any(c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB" for c in token.children)
    foe = any(c.dep_ == "dobj" for c in token.children) or bool(
        prep_objects(token, {"against", "with", "between"})
    )
    armed = any(  # "troops fought to retake the town" is combat
        c.dep_ in {"nsubj", "nsubjpass"}
        and (c.lemma_.lower() in _ARMED or c.ent_type_ in {"ORG", "NORP"})
        for c in token.children
    )
    return purpose and not foe and not armed


def _face_recognised(match: TriggerMatch) -> bool:
    """ "An officer recognized her", "neighbours recognised the gunman": to recognise a
    person is to know them again; recognising a state or a government is support."""
    token = match.token
    if match.entry.type != "SUPPORT" or token.lemma_.lower() not in {"recognize", "recognise"}:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(
        (o.pos_ == "PRON" and o.lower_ not in {"it", "them"})
        or (o.lemma_.lower() in PERSON_NOUNS and o.ent_type_ == "")
        for o in objects
    )


def _characterisation(match: TriggerMatch) -> bool:
    """An event noun that a present-tense "is" predicates of something: "this is an
    attack on democracy"; and the subject of such a maxim ("an attack on one is an
    attack on all"). "It was an attack on the base" tells of a past act and stays."""
    token = match.token
    if match.entry.pos != "NOUN" or len(match.tokens) > 1:
        return False
    verb = token.head
    if verb.lemma_.lower() != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    if token.dep_ == "attr":
        return True
    return token.dep_ == "nsubj" and any(
        c.dep_ == "attr" and c.lemma_.lower() == token.lemma_.lower() for c in verb.children
    )


#: verbs of travel that code a visit when the traveller goes of their own accord
_TRAVEL = frozenset({"fly", "travel", "arrive"})


def _carried(match: TriggerMatch) -> bool:
    """A traveller in the passive is carried, not visiting: "were flown to Louisiana"."""
    token = match.token
    if match.entry.type != "CONSULT" or token.lemma_.lower() not in _TRAVEL:
        return False
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


#: words of calling something by a name: what follows their "as" is a label
_LABELLING = frozenset(
    "describe characterize characterise characterization characterisation "
    "description brand label term denounce condemn decry depict portray regard "
    "view see consider dismiss".split()
)


def _labelled(match: TriggerMatch) -> bool:
    """An event noun after the "as" of a word of labelling is the label, not the act."""
    token = match.token
    if match.entry.pos != "NOUN" or token.dep_ != "pobj" or token.head.lower_ != "as":
        return False
    word = token.head.head  # "characterization of his retention as a kidnapping" too
    for _ in range(3):
        if word.lemma_.lower() in _LABELLING:
            return True
        if word.dep_ not in {"pobj", "prep", "dobj"} or word.head.i == word.i:
            return False
        word = word.head
    return False


#: the modals of an arrangement: "agreed that elections would be held"
_ARRANGED = frozenset({"will", "would", "shall", "'ll"})


def _shared_opinion(match: TriggerMatch) -> bool:
    """To agree *that* something is so, with no arrangement in it, is to share a view."""
    token = match.token
    if match.entry.type != "AGREE" or token.lemma_.lower() != "agree" or len(match.tokens) > 1:
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in {"xcomp", "dobj", "prep"} for c in token.children):
        return False
    return not any(
        c.dep_ == "aux" and c.lower_ in _ARRANGED for clause in clauses for c in clause.children
    )


#: what is massed when forces are (besides the personnel nouns)
_FORCES = frozenset(
    "troop force army tank armour armor weapon artillery warship ship missile "
    "reinforcement vehicle aircraft jet".split()
)


def _things_amassed(match: TriggerMatch) -> bool:
    """ "Police had amassed 100 pages of reports": to amass what is no force."""
    token = match.token
    if match.entry.type != "MOBILIZE" or token.lemma_.lower() not in {"amass", "mass"}:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and not any(
        o.lemma_.lower() in _FORCES or o.lemma_.lower() in PERSON_NOUNS for o in objects
    )
