"""Which words of a sentence name an event, and as what: the senses a trigger word can
have besides the one its pattern codes.

* a trigger noun that only names a place or thing ("the deployment zone");
* a participle or adjective that describes rather than reports ("besieged Mariupol");
* a month's name ("in March", "March 3") and a court plea ("pleaded guilty", "his
  guilty plea");
* a natural hazard, an illness, a hardship or a social ill as the doer or the foe
  ("fires burn across the state", "firefighters battled blazes", "a battle with
  cancer", "battling the crisis", "a drive to fight corruption");
* a conflict named as the setting ("fleeing the civil war"), a battle won or lost with
  nothing named (a figure of speech), harm done only to oneself ("shot himself"), a
  rush at someone ("came charging at him") and goods offered ("offers guided tours");
* the other readings of particular words (:mod:`.readings`): a name, a habit, a
  published release, a felt relief, a thing received, a label or a hotline call, an
  arrival or a going back, a phrase of manner, a danger or a rivalry;
* a deployment of peacekeepers, which is aid (CAMEO 074), not a mobilisation;
* the act a request, a refusal, a promise or a threat is about, and the aim of a protest,
  which are part of that event, not events that outrank it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import undergoers
from .lexicon import TriggerEntry, infinitive_marker
from .readings import other_reading

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...records import Event
    from .lexicon import TriggerMatch

__all__ = [
    "as_labour_strike",
    "as_peacekeeping",
    "not_an_event",
    "rank_contents",
    "rank_under_promise",
]

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
        or _setting(match)
        or _figure_of_speech(match)
        or _rushing(match)
        or _self_harm(match)
        or _goods_offered(match)
        or _harm_to_a_thing(match)
        or _describes_state(match)
        or other_reading(match)
    )


#: social ills fought by policy: "a drive to fight corruption", "the fight against crime"
_ILLS = frozenset(
    "corruption crime terrorism extremism radicalism radicalization discrimination racism "
    "inequality misinformation disinformation pollution emissions".split()
)
#: natural hazards and illnesses: what they do, or what is fought against them, is no
#: political event
_HAZARDS = (
    _ILLS
    | frozenset(
        "fire fires blaze bushfire wildfire flame flood flooding storm hurricane cyclone typhoon "
        "tornado earthquake quake tsunami drought landslide avalanche eruption heatwave "
        "disease illness cancer virus pandemic epidemic outbreak infection".split()
    )
    | frozenset(  # hardships fought as one fights a hazard: "battling the financial crisis"
        "crisis recession inflation poverty hunger famine unemployment addiction obesity".split()
    )
)
#: the roles in which a hazard is the doer or the foe: "fires burn", "battled blazes",
#: "a battle with cancer", "the fight against the virus"
_HAZARD_ROLES = frozenset({"nsubj", "dobj"})


#: mishaps: harm in one is no attack ("killed in the crash", "injured in an accident")
_MISHAPS = frozenset(
    "crash accident collision derailment stampede shipwreck capsizing collapse".split()
)
#: what a mishap does: "the plane crashed, killing five", "a bus overturned"
_MISHAP_VERBS = frozenset("crash collide derail capsize overturn plunge".split())
#: substances that kill by themselves: "1,901 people killed by opioids"
_SUBSTANCES = frozenset("drug opioid overdose fentanyl heroin alcohol poison".split())
#: the causes in which harm falls: "died in the flood", "killed in a crash"; "fire" is
#: left out, as "killed by sniper fire" is an attack, and so are the ills of society
_CAUSES = (_HAZARDS | _MISHAPS) - _ILLS - {"fire", "fires"}


def _in_a_mishap(token: Token) -> bool:
    """Harm that a hazard or a mishap causes: "five people were killed in the crash",
    "died in the floods", "crashed ... resulting in all crew killed", "a bus
    overturned, injuring 20"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "from", "during", "by"}:
            if any(_counted(g).lemma_.lower() in _CAUSES for g in child.children):
                return True
    head, steps = token, 0
    while head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
        if head.pos_ == "VERB" and head.lemma_.lower() in _MISHAP_VERBS:
            return True
    return False


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
    if match.entry.type == "ASSAULT" and _in_a_mishap(token):
        return True
    for child in children:
        lemma = _counted(child).lemma_.lower()
        if child.dep_ in _HAZARD_ROLES and lemma in _HAZARDS | _MISHAPS and lemma not in own:
            return True
        if child.dep_ == "agent" and any(
            _counted(g).lemma_.lower() in _CAUSES | _SUBSTANCES
            for g in child.children
            if g.dep_ == "pobj"
        ):
            return True  # "killed by the floods", "killed by opioids"; not "by sniper fire"
        if child.dep_ == "prep" and child.lower_ in {"with", "against"}:
            # "a battle with cancer", "the fight against corruption"; but "charged with
            # terrorism" is an accusation
            foes = _HAZARDS if child.lower_ == "against" else _HAZARDS - _ILLS
            if any(g.lemma_.lower() in foes for g in child.children if g.dep_ == "pobj"):
                return True
    return False


#: nouns for a state of armed conflict, which a report mostly names as its setting
_CONFLICTS = frozenset({"war", "warfare", "conflict", "insurgency"})
#: verbs that make a conflict happen in the telling: "waged war", "war broke out"
_WAGING = frozenset(
    "wage waged waging declare launch start fight escalate expand intensify".split()
)  # the parser's lemma of "waged" is "wag", so its forms are listed
_OUTBREAK = frozenset("break erupt begin start escalate resume rage spread".split())
#: the phrases that name a conflict's sides: "a war between guerrillas and Serbian forces"
_SIDES = frozenset({"between", "against", "with", "on"})


def _setting(match: TriggerMatch) -> bool:
    """A conflict named as the setting, not told as an event: "refugees fleeing the civil
    war in Liberia", "calls to end the war", "a decade of civil war". A conflict is an
    event when the text names its sides ("a war between guerrillas and Serbian
    forces", "Russia's war", "the war against Iraq") or tells it happen ("waged war
    on", "the conflict escalated", "war broke out")."""
    token = match.token
    if match.entry.type != "ASSAULT" or token.pos_ != "NOUN":
        return False
    if token.lemma_.lower() not in _CONFLICTS:
        return False
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in _SIDES):
            return False
    head = {token.head.lemma_.lower(), token.head.lower_}
    if token.dep_ in {"dobj", "pobj"} and head & (_WAGING | {"go", "to"}):
        return False  # "waged war", "went to war"
    return not (token.dep_ in {"nsubj", "nsubjpass"} and head & _OUTBREAK)


_REFLEXIVES = frozenset("himself herself themselves myself yourself ourselves".split())


def _self_harm(match: TriggerMatch) -> bool:
    """Harm done only to oneself is no attack ("had shot himself", "threatening to kill
    herself"); a suicide bomber who "blew himself up" harmed others, and the pattern
    names him in its own words."""
    token = match.token
    if match.entry.type != "ASSAULT" or token.pos_ != "VERB" or len(match.entry.words) > 1:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in _REFLEXIVES for o in objects)


#: the directions one charges in: "two intruders came charging at him"
_CHARGING = frozenset("at toward towards into through across down up forward".split())


def _rushing(match: TriggerMatch) -> bool:
    """To charge at, toward or into someone is to rush them, no accusation ("intruders
    came charging at him"); "charged him with robbery" is one."""
    token = match.token
    if match.entry.type != "ACCUSE" or token.lemma_.lower() != "charge" or token.pos_ != "VERB":
        return False
    ways = (c for c in token.children if c.dep_ in {"prep", "advmod", "prt"})
    return any(c.lower_ in _CHARGING for c in ways)


#: what a school, a shop or a club offers: no deal between parties ("not enthralled
#: with offering a study hall", "the museum offers tours")
_GOODS = frozenset(
    "class course curriculum program programme service discount menu tour workshop lesson "
    "training seminar activity food drink meal snack ride ticket prize scholarship coupon "
    "rebate product hall session".split()
)


#: what is told, not given: "offered no evidence for his claims", "offered an explanation"
_TOLD = frozenset("evidence proof explanation detail comment information reason account".split())


def _goods_offered(match: TriggerMatch) -> bool:
    """A class, a service or a discount offered is no offer of a deal (CAMEO 03), and
    evidence or an explanation offered is something said."""
    token = match.token
    if match.entry.type != "AGREE" or match.entry.words != ("offer",) or token.pos_ != "VERB":
        return False
    objects = undergoers(token)
    return bool(objects) and all(o.lemma_.lower() in _GOODS | _TOLD for o in objects)


def _harm_to_a_thing(match: TriggerMatch) -> bool:
    """ "To compromise" something is to weaken it ("the infrastructure has been
    compromised", "compromised the investigation"); only the intransitive verb makes a
    concession ("both sides must compromise", "compromised on the border")."""
    token = match.token
    if match.entry.words != ("compromise",) or token.pos_ != "VERB":
        return False
    return any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in token.children)


#: what is done to a contest: "the battle is not won", "lose the fight"
_WON_OR_LOST = frozenset({"win", "won", "lose", "lost"})


def _figure_of_speech(match: TriggerMatch) -> bool:
    """A battle or a fight won or lost with no sides, ground or aim named is a figure
    of speech ("the battle is not won if children can still be kidnapped"); "lost the
    battle for Bakhmut" and "Russia's fight" are not."""
    token = match.token
    if match.entry.type != "ASSAULT" or token.lemma_.lower() not in {"battle", "fight"}:
        return False
    if token.pos_ != "NOUN" or token.head.lemma_.lower() not in _WON_OR_LOST:
        return False
    named = [*token.children, *(c for c in token.head.children if c.dep_ == "prep")]
    return not any(c.dep_ in {"poss", "prep", "compound", "amod"} for c in named)


def _background_noun(match: TriggerMatch) -> bool:
    """ "the deployment zone", "search and rescue boats": a trigger noun that only names a
    place or thing, alone or coordinated with another modifier of it."""
    token = match.token
    if match.entry.pos != "NOUN":
        return False
    modifier = token.head if token.dep_ == "conj" and token.head.i < token.i else token
    return (
        modifier.dep_ in ({"compound", "nmod"} if modifier is not token else {"compound"})
        and modifier.head.pos_ in {"NOUN", "PROPN"}
        and modifier.head.lemma_.lower() not in _EVENT_HEADS
    )


#: the grammatical roles of a noun phrase: a participle heading one names people or things
_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos"})


#: participles of what one carries, which describe their subject after its verb too
#: ("entered the home armed with a handgun"); "Charged with fraud, he …" still accuses
_CARRYING = frozenset({"arm", "pack", "load", "equip"})


def _describes_state(match: TriggerMatch) -> bool:
    """A verb's participle or adjective that describes, not reports, an event.

    * a modifier of a noun: "besieged Mariupol", "mass rallies", "armed men";
    * a noun phrase of its own: "carried the wounded", "to receive the injured";
    * a participle with "with" of what someone carries: "gunmen armed with rifles",
      "two men entered his home armed with a handgun",
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
    adverbial = token.dep_ == "advcl" and token.lemma_.lower() in _CARRYING
    if (token.dep_ == "acl" or adverbial) and token.tag_ == "VBN":
        if any(c.dep_ in {"aux", "auxpass"} for c in token.children):
            return False  # "were armed with rifles by the army": told, not described
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


#: CAMEO 143, "conduct strike or boycott", is PLOVER's PROTEST
_LABOUR_STRIKE = TriggerEntry(("strike",), "VERB", "PROTEST", "strike", "143", ("economic",), 0)
#: people who strike by stopping work: "cabin crew workers are preparing to strike"
_WORKERS = frozenset(
    "worker employee staff crew union unionist teacher nurse doctor driver miner pilot "
    "docker dockworker labourer laborer porter controller guard cleaner".split()
)


def as_labour_strike(match: TriggerMatch) -> TriggerEntry | None:
    """Workers who strike stop work (CAMEO 143, PROTEST): "nurses struck for a week",
    "cabin crew workers are preparing to strike"; a strike verb with an object, or by
    anyone else, is an attack."""
    token = match.token
    if match.entry.type != "ASSAULT" or match.entry.words != ("strike",) or token.pos_ != "VERB":
        return None
    if any(c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in token.children):
        return None
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "xcomp":  # "are preparing to strike"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    counted = [  # "thousands of workers"
        g for s in subjects for c in s.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip
    if not any(s.lemma_.lower() in _WORKERS for s in [*subjects, *counted]):
        return None
    return replace(_LABOUR_STRIKE, line=match.entry.line)


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

    "Police arrested him in March" is no march, "March 3" (or "march 31") neither; "the March on
    Washington" still is. "He pleaded guilty" pleads with no one (CAMEO's appeals ask
    someone for something).
    """
    token = match.token
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.text in {"March", "May"} and token.i > token.sent.start:
        before = token.nbor(-1)
        return (after is not None and after.like_num) or before.lower_ in _BEFORE_MONTH
    if token.lower_ == "march" and after is not None and after.text.isdigit():
        return 1 <= int(after.text) <= 31  # "effective today, march 31": a month in lower case
    if token.lemma_.lower() == "plead":
        return any(c.lower_ in _PLEAS for c in token.subtree if c.i > token.i)
    if token.lemma_.lower() == "plea" and token.pos_ == "NOUN":
        # "his guilty plea", "a plea deal": a plea asks no one unless it is "for" or "to"
        holders = [token, token.head] if token.dep_ == "dobj" else [token]  # "made a plea for"
        return not any(
            c.dep_ == "prep" and c.lower_ in {"for", "to"} for h in holders for c in h.children
        )
    return False
