"""Which words of a sentence name an event, and as what: the senses a trigger word can
have besides the one its pattern codes.

* a trigger noun that only names a place or thing ("the deployment zone");
* a participle or adjective that describes rather than reports ("besieged Mariupol");
* a month's name ("in March", "March 3") and a court plea ("pleaded guilty");
* a natural hazard, an illness or a hardship as the doer or the foe ("fires burn across
  the state", "firefighters battled blazes", "a battle with cancer", "battling the
  crisis"), and a phrase of manner ("in exchange for", "in response to");
* a word of a name ("the African Union Support and Stabilization Mission") and a
  habit told in the present ("the group frequently conducts bombings");
* a release of what is published ("released a statement", "the report's release",
  "a press release") or of a patient ("released from the hospital"): it frees no
  one; and relief that is felt ("expressed relief", "a relief to the families"),
  which is no aid;
* going back ("returned home"), which returns nothing to anyone;
* a thing received ("received a hero award"), an arrival at no named place ("when
  police arrived"), and a "call" that names, summons or rings a hotline ("a bar called
  Ernie's", "officers were called to the scene", "call 911"): no visit and no call;
* a deployment of peacekeepers, which is aid (CAMEO 074), not a mobilisation;
* the act a request, a refusal, a promise or a threat is about, and the aim of a protest,
  which are part of that event, not events that outrank it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS
from .lexicon import TriggerEntry, infinitive_marker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...records import Event
    from .lexicon import TriggerMatch

__all__ = ["as_peacekeeping", "not_an_event", "rank_contents", "rank_under_promise"]

_EVENT_HEADS = {
    "campaign",
    "operation",
    "raid",
    "mission",
    "attack",
    "strike",
    "offensive",
    "spree",
    "wave",
    "series",
    "war",
    "effort",
    "bid",
    "initiative",
    "drive",
}


def not_an_event(match: TriggerMatch) -> bool:
    """The matched word names no event here: a month, a plea, a hazard's doing, a thing,
    a description."""
    return (
        _names_no_event(match)
        or _against_nature(match)
        or _background_noun(match)
        or _describes_state(match)
        or _published(match)
        or _felt(match)
        or _in_a_name(match)
        or _habitual(match)
        or _received_thing(match)
        or _no_phone_call(match)
        or _no_visit(match)
        or _went_back(match)
        or _in_an_idiom(match)
    )


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


#: a telephone number or an emergency line: "(707) 441-4109", "1-888-LOCK-U-UP", "911"
_PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]?\d{4}\b|\b1-8\d\d-|\b911\b")
#: whom one calls to report, not to consult
_EMERGENCY = frozenset("police sheriff authorities 911 crimestoppers hotline line number".split())


def _no_phone_call(match: TriggerMatch) -> bool:
    """ "Call" that is no call between parties (CAMEO 041): a name or a label ("a bar
    called Ernie's", "called the death a tragedy"), a summons ("officers were called to
    the scene", "called as witnesses"), or a call to a hotline or the police ("call
    911", "asked to call the police at (707) 441-4109")."""
    token = match.token
    if match.entry.type != "CONSULT" or match.entry.words != ("call",):
        return False
    children = {c.dep_: c for c in token.children}
    if token.dep_ == "acl" or "oprd" in children:
        return True
    if "auxpass" in children and not any(c.dep_ == "agent" for c in token.children):
        return True
    callee = children.get("dobj")
    if callee is not None and (callee.like_num or callee.lemma_.lower() in _EMERGENCY):
        return True
    if callee is not None and callee.lemma_.lower() == "attention":
        return True  # "called attention to the deaths": drew notice, rang no one
    return bool(_PHONE.search(token.sent.text[token.idx - token.sent.start_char :]))


def _no_visit(match: TriggerMatch) -> bool:
    """ "Arrived" with no place of a visit ("when police arrived", "deputies arrived at
    the scene"): a visit (CAMEO 042) arrives somewhere named."""
    token = match.token
    if match.entry.type != "CONSULT" or match.entry.words != ("arrive",):
        return False
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at", "to", "for"}:
            for place in (g for g in prep.children if g.dep_ == "pobj"):
                if place.pos_ == "PROPN" or place.ent_type_ in {"GPE", "LOC", "FAC"}:
                    return False
    return True


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
        found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if token.dep_ == "acl":
            found.append(token.head)
        before = token.doc[token.sent.start : token.i]
        nouns = [t for t in reversed(before) if not t.like_num][:1]
        if not found and token.tag_ == "VBN" and nouns and nouns[0].pos_ in {"NOUN", "PROPN"}:
            found += nouns  # "the statement released hours after", misread as a clause
        return found
    found = [c for c in token.children if c.dep_ in {"poss", "compound"}]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


#: where the sick and the wounded are released from: no one's captivity
_CARE = frozenset("hospital clinic infirmary care treatment medical trauma".split())


def _published(match: TriggerMatch) -> bool:
    """A release of what is published ("released a statement"), or of a patient
    ("treated and released from the hospital"): no one is freed from captivity."""
    entry = match.entry
    if entry.type != "RETREAT" or entry.mode != "release":
        return False
    if any(t.lemma_.lower() in _PUBLISHED for t in _theme(match.token)):
        return True
    for prep in match.token.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for place in (g for g in prep.children if g.dep_ == "pobj"):
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


#: natural hazards and illnesses: what they do, or what is fought against them, is no
#: political event
_HAZARDS = frozenset(
    "fire fires blaze bushfire wildfire flame flood flooding storm hurricane cyclone typhoon "
    "tornado earthquake quake tsunami drought landslide avalanche eruption heatwave "
    "disease illness cancer virus pandemic epidemic outbreak infection".split()
) | frozenset(  # hardships fought as one fights a hazard: "battling the financial crisis"
    "crisis recession inflation poverty hunger famine unemployment addiction obesity".split()
)
#: the roles in which a hazard is the doer or the foe: "fires burn", "battled blazes",
#: "a battle with cancer", "the fight against the virus"
_HAZARD_ROLES = frozenset({"nsubj", "dobj"})


#: nouns that count what their "of" names ("dozens of wildfires")
_COUNTING = frozenset("dozen hundred thousand score number".split())


def _counted(noun: Token) -> Token:
    """What a counting noun counts: "dozens of wildfires" is wildfires."""
    if noun.like_num or noun.lemma_.lower() in _COUNTING:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return next((g for g in prep.children if g.dep_ == "pobj"), noun)
    return noun


def _against_nature(match: TriggerMatch) -> bool:
    token = match.token
    own = set(match.entry.words)  # "set fire", "opened fire": the pattern's own words
    children = list(token.children)
    if token.dep_ == "xcomp":  # "bushfires continue to burn"
        children += [c for c in token.head.children if c.dep_ == "nsubj"]
    for child in children:
        lemma = _counted(child).lemma_.lower()
        if child.dep_ in _HAZARD_ROLES and lemma in _HAZARDS and lemma not in own:
            return True
        if child.dep_ == "prep" and child.lower_ in {"with", "against"}:
            if any(g.lemma_.lower() in _HAZARDS for g in child.children if g.dep_ == "pobj"):
                return True
    return False


def _background_noun(match: TriggerMatch) -> bool:
    """ "the deployment zone": a trigger noun that only names a place or thing."""
    token = match.token
    return (
        match.entry.pos == "NOUN"
        and token.dep_ == "compound"
        and token.head.lemma_.lower() not in _EVENT_HEADS
    )


#: the grammatical roles of a noun phrase: a participle heading one names people or things
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"})


def _describes_state(match: TriggerMatch) -> bool:
    """A verb's participle or adjective that describes, not reports, an event.

    * a modifier of a noun: "besieged Mariupol", "mass rallies", "armed men";
    * a noun phrase of its own: "carried the wounded", "to receive the injured";
    * a participle with "with" of what someone carries: "gunmen armed with rifles",
      "a car packed with explosives" (an agent makes it a passive event again: "attacked
      with tear gas by police").
    """
    token = match.token
    if match.entry.pos != "VERB" or token.pos_ not in {"VERB", "ADJ"}:
        return False
    if token.dep_ == "amod":
        return True
    if token.dep_ in _NOMINAL_ROLES and token.tag_ in {"VBN", "JJ"}:
        return any(c.dep_ == "det" for c in token.children)
    if token.dep_ == "acl" and token.tag_ == "VBN":
        children = {c.lower_ for c in token.children if c.dep_ in {"prep", "agent"}}
        return "with" in children and "by" not in children
    return False


#: CAMEO 074, "provide military protection or peacekeeping", is PLOVER's AID
_PEACEKEEPING = TriggerEntry(("deploy", "peacekeeper"), "VERB", "AID", None, "074",
                             ("peacekeeping",), 0)  # fmt: skip


def as_peacekeeping(match: TriggerMatch) -> TriggerEntry | None:
    """A deployment of peacekeepers is aid (CAMEO 074), not a mobilisation.

    "The deployment of African Union peacekeeping troops", "sent troops as peacekeepers".
    The event keeps the deployment's roles: the troops are the sender's.
    """
    if match.entry.type != "MOBILIZE":
        return None
    words = [*match.tokens]
    words += [c for t in match.tokens for c in t.children]
    words += [g for w in list(words) if w.dep_ in {"dobj", "pobj", "prep"} for g in w.children]
    if not any(w.lemma_.lower().startswith("peacekeep") for w in words):
        return None
    return replace(_PEACEKEEPING, words=match.entry.words, pos=match.entry.pos,
                   line=match.entry.line)  # fmt: skip


#: events that are about another act: the act is what they ask, refuse, promise or threaten
_HOLDERS = frozenset({"REQUEST", "REJECT", "AGREE", "THREATEN"})
_CONTENT_DEPS = frozenset({"xcomp", "acl", "advcl", "ccomp"})


def _infinitive(token: Token) -> bool:
    return token.dep_ in _CONTENT_DEPS and any(infinitive_marker(c) for c in token.children)


def _rank_under(inner: Event, outer: Event) -> None:
    inner.confidence = max(0.01, min(inner.confidence, outer.confidence - 0.01))


def _holds(holder: Token, act: Token) -> bool:
    """``act`` is the infinitive that ``holder`` is about: "called on the army to release",
    "a plea to surrender their weapons", "rejected a proposal to free"."""
    if not _infinitive(act):
        return False
    head = act.head
    return head.i == holder.i or (head.dep_ in {"dobj", "pobj"} and head.head.i == holder.i)


def _aims(protest: Token, act: Token) -> bool:
    """``act`` is the aim of ``protest``: "held demonstrations to demand unpaid wages"."""
    if not _infinitive(act):
        return False
    return act.head.i == protest.i or (
        protest.dep_ in {"dobj", "nsubj", "nsubjpass"} and act.head.i == protest.head.i
    )


def _refused(refusal: Token, asked: Token) -> bool:
    """``asked`` is the demand or offer that ``refusal`` turns down: "ignored a demand"."""
    return asked.dep_ == "dobj" and asked.head.i == refusal.i


def rank_contents(events: list[Event], tokens: list[Token]) -> None:
    """The act an event is about ranks below it, and is hypothetical when only asked for,
    refused, promised or threatened; a protest's aim ranks below the protest.

    PLOVER codes "guerrillas ignored a plea to surrender their weapons" as REJECT and
    "nurses held demonstrations to demand unpaid wages" as PROTEST; the act inside (and
    the appeal that was refused) is kept as an event of its own, below the one that
    holds it.
    """
    for outer, outer_token in zip(events, tokens, strict=True):
        for inner, inner_token in zip(events, tokens, strict=True):
            if inner is outer:
                continue
            if outer.type in _HOLDERS and _holds(outer_token, inner_token):
                inner.hypothetical = True
            elif not (
                (outer.type == "PROTEST" and _aims(outer_token, inner_token))
                or (outer.type == "REJECT" and _refused(outer_token, inner_token))
            ):
                continue
            _rank_under(inner, outer)


def rank_under_promise(events: list[Event], act: Token, promise: Event) -> None:
    """The promised or threatened act ranks below the promise or threat that holds it.

    PLOVER codes a statement about the future as the statement (AGREE, THREATEN,
    REQUEST): "promises of future actions do not fall under" the action's category
    (codebook, RETREAT). The act stays an event of its own, flagged hypothetical.
    """
    for event in events:
        trigger = event.evidence.trigger
        if event is not promise and trigger.start <= act.idx < trigger.end:
            _rank_under(event, promise)


#: words that put a capitalised "March" or "May" in the calendar: "in March", "last May"
_BEFORE_MONTH = frozenset(
    {"in", "on", "since", "until", "till", "by", "from", "through", "of", "during", "before",
     "after", "last", "next", "this", "early", "late", "mid", "mid-", "between", "and"}
)  # fmt: skip
#: what a court plea pleads: no request of anyone
_PLEAS = frozenset({"guilty", "innocent", "no", "contest", "insanity", "fifth"})


def _names_no_event(match: TriggerMatch) -> bool:
    """The trigger word is a month's name or a plea in court.

    "Police arrested him in March" is no march, "March 3" neither; "the March on
    Washington" still is. "He pleaded guilty" pleads with no one (CAMEO's appeals ask
    someone for something).
    """
    token = match.token
    if token.text in {"March", "May"} and token.i > token.sent.start:
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        before = token.nbor(-1)
        return (after is not None and after.like_num) or before.lower_ in _BEFORE_MONTH
    if token.lemma_.lower() == "plead":
        return any(c.lower_ in _PLEAS for c in token.subtree if c.i > token.i)
    if token.lemma_.lower() == "plea" and token.pos_ == "NOUN":
        # "his guilty plea", "a plea deal": a plea asks no one unless it is "for" or "to"
        holders = [token, token.head] if token.dep_ == "dobj" else [token]  # "made a plea for"
        return not any(
            c.dep_ == "prep" and c.lower_ in {"for", "to"} for h in holders for c in h.children
        )
    return False
