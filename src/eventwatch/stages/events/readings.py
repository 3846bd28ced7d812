"""Other readings of particular trigger words: the uses in which the word the lexicon
lists names no event of its type.

* a word of a name ("the African Union Support and Stabilization Mission"; a named
  gathering, "the Hanoi Summit", still met) and a habit told in the present ("the
  group frequently conducts bombings");
* a release of what is published ("released a statement", "a press release") or of a
  patient ("released from the hospital"): it frees no one; and relief that is felt
  ("expressed relief", "came as a relief"), which is no aid;
* a thing received or hosted ("received a hero award", "hosted a party"), an arrival
  at no named place ("when police arrived"), and a "call" that labels, summons or
  rings a hotline ("called the verdict a disgrace", "officers were called to the
  scene", "call 911"): no visit and no call;
* going back ("returned home"), which returns nothing to anyone;
* a phrase of manner ("in exchange for", "in response to");
* a danger, a rivalry, a striving and a face recognised (:mod:`.figurative`);
* harm by accident ("accidentally fired"), a device made, held or found ("making
  bombs", "found an IED") and a warrant or plan carried out ("executed a search
  warrant"), which are no attack; a question, an attempt, a showing and a patient
  taken to hospital, which are no request, protest or aid;
* a courtesy ("Thank you for coming"), an office held ("has occupied the seat
  since 1985") and a contest's prize won ("captured the gold", "seized the lead"),
  which are no praise and no seizure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS, PERSONNEL_NOUNS, undergoers
from .arguments import prep_objects
from .calls import interview_or_hearsay, no_phone_call, public_appeal
from .figurative import figurative_reading

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import TriggerMatch

__all__ = ["other_reading"]


def other_reading(match: TriggerMatch) -> bool:
    """Whether the matched word is used here in a reading that names no event."""
    return (
        _published(match)
        or _felt(match)
        or _in_a_name(match)
        or _habitual(match)
        or _received_thing(match)
        or no_phone_call(match)
        or public_appeal(match)
        or interview_or_hearsay(match)
        or _no_visit(match)
        or _went_back(match)
        or _in_an_idiom(match)
        or figurative_reading(match)
        or _question(match)
        or _attempt(match)
        or _showing(match)
        or _to_hospital(match)
        or _accident(match)
        or _device(match)
        or _carried_out(match)
        or _courtesy(match)
        or _holding_office(match)
        or _prize_won(match)
        or _status_attained(match)
        or _sport_shooting(match)
        or _manhunt(match)
    )


#: kinds of shooting that are a sport: "target shooting", "skeet shooting"
_SHOOTING_SPORTS = frozenset("target skeet trap clay sport competitive recreational".split())


def _sport_shooting(match: TriggerMatch) -> bool:
    """ "Had planned to go target shooting", "a skeet shooting range": a sport, no attack."""
    token = match.token
    if match.entry.type != "ASSAULT" or token.lemma_.lower() not in {"shooting", "shoot"}:
        return False
    return any(
        c.dep_ in {"compound", "amod", "npadvmod"} and c.lemma_.lower() in _SHOOTING_SPORTS
        for c in token.children
    )


def _manhunt(match: TriggerMatch) -> bool:
    """ "Police are seeking a gunman", "seeks suspects in separate robberies": to seek a
    person who is wanted is to search for them, not to ask for them (but "NATO seeks more
    troops" asks)."""
    token = match.token
    if match.entry.type != "REQUEST" or token.lemma_.lower() not in {"seek", "hunt"}:
        return False
    objects = undergoers(token)
    return bool(objects) and all(
        o.lemma_.lower() in PERSON_NOUNS - PERSONNEL_NOUNS or o.ent_type_ == "PERSON"
        for o in objects
    )


#: states and standings one accedes to by attaining them, not by yielding
_STANDINGS = frozenset("independence throne presidency membership power office statehood".split())


def _status_attained(match: TriggerMatch) -> bool:
    """ "When that country acceded to independence", "acceded to the throne": to accede
    to a standing is to attain it; only acceding to a demand concedes (CAMEO 08)."""
    token = match.token
    if match.entry.type != "CONCEDE" or token.lemma_.lower() != "accede":
        return False
    objects = prep_objects(token, {"to"})
    return any(o.lemma_.lower() in _STANDINGS for o in objects)


def _courtesy(match: TriggerMatch) -> bool:
    """ "Thank you for coming": the formula said to whoever is present, no praise of a
    party (CAMEO 051 "praise or endorse": "Kyiv thanked Washington for its aid")."""
    token = match.token
    if match.entry.type != "SUPPORT" or token.lemma_.lower() != "thank":
        return False
    children = list(token.children)
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children) and any(
        c.dep_ == "dobj" and c.lower_ == "you" for c in children
    )


#: what is held as an office, not taken as ground: "occupied the clerk's seat"
_OFFICES = frozenset("seat post office position role chair job presidency throne".split())


def _holding_office(match: TriggerMatch) -> bool:
    """To occupy a seat or a post is to hold an office, not to seize ground."""
    token = match.token
    if match.entry.type != "COERCE" or token.lemma_.lower() != "occupy":
        return False
    objects = undergoers(token)
    return any(o.lemma_.lower() in _OFFICES for o in objects)


#: what a contest gives its winner: "captured the gold", "seized the lead", "captured
#: 40 percent of the vote", "stormed to the title"
_PRIZES = frozenset(
    "title crown gold silver bronze medal trophy cup championship pennant prize award race "
    "match game victory win lead seat vote majority nomination point".split()
)
_WINNING = frozenset("capture seize take grab snatch claim clinch storm".split())


def _prize_won(match: TriggerMatch) -> bool:
    """A title, a medal, a lead or votes won is no seizure: it is a contest's prize
    ("captured the final gold"); "the seat of government" is a building."""
    token = match.token
    if match.entry.type not in {"ASSAULT", "COERCE"} or token.lemma_.lower() not in _WINNING:
        return False
    objects = undergoers(token)
    objects += prep_objects(token, {"to"})
    return any(_a_prize(o) for o in objects)


def _a_prize(word: Token) -> bool:
    """ "The title", "40 percent of the vote"; not "the seat of government"."""
    owned = prep_objects(word, {"of"})
    if word.lemma_.lower() in {"percent", "share", "%"}:
        return any(_a_prize(o) for o in owned)
    return word.lemma_.lower() in _PRIZES and not owned


def _carried_out(match: TriggerMatch) -> bool:
    """To execute a warrant, an order or a plan is to carry it out: no one is killed
    ("executed a search warrant"); "executed two prisoners" is a killing."""
    token = match.token
    if match.entry.type != "ASSAULT" or token.lemma_.lower() != "execute":
        return False
    objects = undergoers(token)
    return bool(objects) and not any(
        o.lemma_.lower() in PERSON_NOUNS or o.ent_type_ in {"PERSON", "NORP"} or o.pos_ == "PRON"
        for o in objects
    )


#: devices named as ASSAULT nouns ("a bomb", "an IED"), which may be mere things
_DEVICES = frozenset({"bomb", "ied", "landmine", "mine", "explosive", "grenade"})
#: what is done with a device that uses none: "making bombs", "found an IED"
_HANDLING = frozenset(
    "make build assemble manufacture produce possess have carry store hide stockpile "
    "buy sell smuggle find discover locate seize recover defuse dismantle".split()
)


def _device(match: TriggerMatch) -> bool:
    """A device made, held, found or defused is no attack ("the group was making
    bombs", "police found an IED", "bombs were seized"); one that is set off, thrown
    or that kills is ("a bomb exploded", "planted a bomb")."""
    token = match.token
    if match.entry.type != "ASSAULT" or match.entry.pos != "NOUN" or len(match.tokens) > 1:
        return False
    if token.lemma_.lower() not in _DEVICES:
        return False
    return token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in _HANDLING


#: the words that make harm an accident: "accidentally shot himself", "an accidental
#: discharge", "the gun went off by accident"
_ACCIDENTAL = frozenset({"accidentally", "accidental", "inadvertently", "unintentionally"})


def _accident(match: TriggerMatch) -> bool:
    """An accident is no attack: "the weapon accidentally fired and hit the boy"."""
    token = match.token
    if match.entry.type != "ASSAULT":
        return False
    words = [c for c in token.children if c.dep_ in {"advmod", "amod"}]
    if any(w.lower_ in _ACCIDENTAL for w in words):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "by" and any(g.lower_ == "accident" for g in c.children)
        for c in token.children
    )


def _attempt(match: TriggerMatch) -> bool:
    """ "Sought to distance himself", "seeking to remove him": seeking to do is trying,
    not asking (CAMEO 02 seeks something from someone: "sought Russian help")."""
    token = match.token
    if match.entry.type != "REQUEST" or token.lemma_.lower() not in {"seek", "attempt", "try"}:
        return False
    return any(c.dep_ == "xcomp" for c in token.children) and not any(
        c.dep_ == "dobj" for c in token.children
    )


def _showing(match: TriggerMatch) -> bool:
    """ "Demonstrate to students some techniques", "demonstrated their support": to
    demonstrate something is to show it; a demonstration (PROTEST) has no object."""
    token = match.token
    if match.entry.type != "PROTEST" or token.lemma_.lower() != "demonstrate":
        return False
    return any(c.dep_ in {"dobj", "ccomp", "dative"} for c in token.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children
    )


def _to_hospital(match: TriggerMatch) -> bool:
    """ "Gillespie was airlifted to a hospital": a patient taken to care."""
    token = match.token
    if match.entry.type != "AID" or token.pos_ != "VERB":
        return False
    places = prep_objects(token, {"to"})
    return any(
        p.lemma_.lower() in _CARE or any(c.lower_ in _CARE for c in p.children) for p in places
    )


#: the modals of a request put as a question: "asked if they could", "would they"
_POLITE = frozenset({"could", "would", "can", "will"})
#: the words that open an indirect question: "asked if", "asking why", "asked what"
_QUESTION_WORDS = frozenset("if whether why what who whom how when where which".split())


def _question(match: TriggerMatch) -> bool:
    """ "Asked residents if they knew the victim", "have been asking why the mayor…":
    a question asks to be told, not for something to be done (a REQUEST asks for an
    act, an aid or a concession: "asked Kenya to withdraw", "asked for help")."""
    token = match.token
    if match.entry.type != "REQUEST" or token.lemma_.lower() not in {"ask", "inquire", "enquire"}:
        return False
    asks_for = any(
        c.dep_ in {"prep", "xcomp"} and c.lower_ in {"for", "to"} for c in token.children
    )
    for clause in token.children:
        if clause.dep_ not in {"ccomp", "xcomp", "advcl"}:
            continue
        if clause.dep_ == "advcl" and asks_for:
            continue  # "asking for the public's help, if they saw it": a condition
        if any(c.dep_ == "aux" and c.lower_ in _POLITE for c in clause.children):
            continue  # "asked them if they could take the refugees": a request, politely
        opening = clause.left_edge
        if opening.lower_ in _QUESTION_WORDS or any(
            c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in clause.children
        ):
            return True
    return False


#: "in X for/of/to": a phrase of manner that names no event ("in exchange for his
#: plea", "in response to questions"); "in support of" can be a show of support
_IDIOMS = frozenset(
    {("exchange", "for"), ("return", "for"), ("response", "to"), ("favor", "of"),
     ("favour", "of"), ("honor", "of"), ("honour", "of")}
)  # fmt: skip


def _in_an_idiom(match: TriggerMatch) -> bool:
    token = match.token
    if match.entry.pos != "NOUN" or token.dep_ != "pobj" or token.head.lower_ != "in":
        return False
    if any(c.dep_ == "det" for c in token.children):
        return False  # "in the exchange of fire", "in the support of"
    preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
    return any((token.lemma_.lower(), p) in _IDIOMS for p in preps)


def _went_back(match: TriggerMatch) -> bool:
    """ "Returned home", "returned to the courtroom": going back is no return of
    property or of people (CAMEO 0842 returns something to someone), which needs an
    object or a passive ("the boy must be returned to his father")."""
    token = match.token
    if match.entry.type != "RETREAT" or match.entry.words != ("return",):
        return False
    return not any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in token.children)


#: what one visits on a screen: "visit the Web site", "visit our homepage"
_ONLINE = frozenset({"website", "webpage", "homepage", "page", "link", "url", "portal"})


def _no_visit(match: TriggerMatch) -> bool:
    """ "Arrived" with no place of a visit ("when police arrived", "deputies arrived at
    the scene"): a visit (CAMEO 042) arrives somewhere named. Nor is a website visited
    ("or visit the Web site")."""
    token = match.token
    if match.entry.type == "CONSULT" and token.lemma_.lower() == "visit":
        return any(
            o.lemma_.lower() in _ONLINE
            or (o.lemma_.lower() == "site" and any(c.lower_ == "web" for c in o.children))
            for o in undergoers(token)
        )
    if match.entry.type != "CONSULT" or match.entry.words != ("arrive",):
        return False
    places = prep_objects(token, {"in", "at", "to", "for"})
    return not any(p.pos_ == "PROPN" or p.ent_type_ in {"GPE", "LOC", "FAC"} for p in places)


#: who is received or hosted on a visit, besides the people nouns and any name
_VISITORS = PERSON_NOUNS | frozenset(
    "delegation envoy ambassador minister president leader official counterpart guest "
    "visitor king queen prince premier chancellor secretary diplomat team mission "
    "representative emissary delegate chief head".split()
)


def _received_thing(match: TriggerMatch) -> bool:
    """ "Received a hero award", "received permission to stay": a visit needs a visitor
    (CAMEO 042/043 host or receive someone); receiving a thing is none."""
    token = match.token
    if match.entry.type != "CONSULT" or match.entry.words[0] not in {"receive", "host"}:
        return False
    if len(match.entry.words) > 1:
        return False  # "host talks", "host a summit": the pattern names the gathering
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if not objects:
        return False
    return not any(
        o.pos_ == "PROPN"
        or o.ent_type_ in {"PERSON", "NORP", "ORG", "GPE"}
        or o.lemma_.lower() in _VISITORS
        for o in objects
    )


#: named entities whose words are names, not reports ("the African Union Support and
#: Stabilization Mission", "Women Arise for Change", "the Defence Act")
_NAMES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})


#: gatherings that are named for themselves: "the Hanoi Summit" still met
_GATHERINGS = frozenset("summit conference talks meeting congress".split())


def _in_a_name(match: TriggerMatch) -> bool:
    """A capitalised trigger word inside the name of an organisation, a building, a law
    or a work names no event; a named gathering ("the Hanoi Summit") is still one."""
    token = match.token
    if token.lemma_.lower() in _GATHERINGS:
        return False
    return token.ent_type_ in _NAMES and token.is_title and token.i > token.sent.start


#: adverbs of habit: with a verb in the simple present they tell what is usual
_HABIT = frozenset(
    "frequently often usually routinely regularly typically commonly generally always "
    "sometimes".split()
)


def _habitual(match: TriggerMatch) -> bool:
    """What an actor usually does ("the group frequently conducts bombings", "jets
    regularly patrol the zone"): a habit in the simple present, not an incident."""
    word = match.token
    while word.pos_ == "NOUN" and word.dep_ == "conj":  # "bombings and gun assaults"
        word = word.head
    verb = word if word.pos_ in {"VERB", "AUX"} else word.head
    while verb.dep_ in {"xcomp", "conj"} and verb.head.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            break  # "China always says …, and Russia has violated": a clause of its own
        verb = verb.head
    if verb.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(c.dep_ == "advmod" and c.lower_ in _HABIT for c in verb.children)


#: what is published or made public: its "release" frees no one (CAMEO 0841 releases
#: people)
_PUBLISHED = frozenset(
    "statement report video footage image photo photograph picture information data figure "
    "detail name result list finding study survey document record transcript letter memo "
    "album film movie song book recording tape poll text version update toll number press "
    "communique communiqué bulletin notice announcement advisory guidance message "
    "assessment index review analysis paper estimate forecast ranking program programme".split()
)


def _theme(token: Token) -> list[Token]:
    """What a verb or noun of releasing releases: the object, the passive subject, the
    noun a participle describes ("the statement released ..."), or a noun's "of",
    possessor or modifier ("the release of the report", "a press release")."""
    if token.pos_ in {"VERB", "AUX"}:
        found = undergoers(token)
        if token.dep_ == "acl":
            found.append(token.head)
        before = token.doc[token.sent.start : token.i]
        nouns = [t for t in reversed(before) if not t.like_num][:1]
        if not found and token.tag_ == "VBN" and nouns and nouns[0].pos_ in {"NOUN", "PROPN"}:
            found += nouns  # "the statement released hours after", misread as a clause
        return found
    found = [c for c in token.children if c.dep_ in {"poss", "compound"}]
    return found + prep_objects(token, {"of"})


#: where the sick and the wounded are taken and released: no captivity, no aid between
#: parties
_CARE = frozenset("hospital clinic infirmary care treatment medical trauma".split())


#: the prepositions a cited document stands under: "according to a release", "in a release"
_CITED = frozenset({"to", "in", "via", "through"})


def _published(match: TriggerMatch) -> bool:
    """A release of what is published ("released a statement", "according to a
    release from the police"), or of a patient ("treated and released from the
    hospital"): no one is freed from captivity."""
    entry = match.entry
    if entry.type != "RETREAT" or entry.mode != "release":
        return False
    theme = _theme(match.token)
    if any(t.lemma_.lower() in _PUBLISHED for t in theme):
        return True
    token = match.token
    if token.pos_ == "NOUN" and not theme and token.dep_ == "pobj" and token.head.lower_ in _CITED:
        return True  # "according to a release from the police", "said in a release"
    for place in prep_objects(match.token, {"from"}):
        words = [place, *(c for c in place.children if c.dep_ in {"compound", "amod"})]
        if any(w.lemma_.lower() in _CARE for w in words):
            return True
    return False


#: verbs whose object is a feeling shown: "expressed relief", "breathed a sigh of relief"
_SHOWING = frozenset("express voice feel breathe sigh share show".split())
#: nouns that frame a feeling: "a sigh of relief", "a sense of relief"
_FEELING_FRAMES = frozenset("sigh sense feeling expression wave".split())


def _felt(match: TriggerMatch) -> bool:
    """ "Relief" as a feeling: shown ("expressed relief"), framed ("a sigh of relief"),
    predicated ("their release is a big relief", "came as a relief"), or felt at or
    over something."""
    token = match.token
    if match.entry.type != "AID" or token.lemma_.lower() != "relief":
        return False
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in _SHOWING:
        return True
    if token.dep_ in {"attr", "acomp"} or (token.dep_ == "pobj" and head.lower_ == "as"):
        return True  # "is a big relief", "came as a relief"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _FEELING_FRAMES:
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"at", "over"} for c in token.children)
