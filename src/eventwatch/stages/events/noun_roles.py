"""Who acts and who is acted upon when the trigger is a noun ("Russia's invasion", "the
arrest of three officers by Serbia", "a threat from China", "Lai's trial").

A possessive, a ``by`` or (for threats, coercion, accusations, requests and
sanctions) a ``from`` phrase, an actor-like modifier ("Serbian deployment",
"NATO bombing"), or the subject of the verb the noun is the object of is the
source; ``against``/``on``/``of`` phrases are the target ("of" is the source for
withdrawals, deployments and protests); ``between X and Y`` gives both. What is
done to someone (an arrest, a killing, a trial) befalls its possessor, and what
someone receives ("received praise") befalls the receiver. Verbs are read by
:mod:`.arguments`, whose helpers this module shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import (
    LIGHT_VERBS,
    Arguments,
    borrowed_subject,
    children_in,
    governing_verb,
    is_a_way,
    prep_objects,
    subjects,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["APPRAISAL_VERBS", "UNDERGONE_NOUNS", "leaders", "noun_arguments", "owner_undergoes"]

_NOUN_TARGET_PREPS = {"against", "on", "upon", "into", "with", "to", "toward", "towards", "at"}
_OF_IS_SOURCE = {"RETREAT", "MOBILIZE", "PROTEST"}
#: events whose "from" phrase names who does them ("a threat from China", "pressure from
#: Washington", "aid from China"); attacks and withdrawals say where from
_FROM_IS_SOURCE = {"THREATEN", "COERCE", "ACCUSE", "REQUEST", "SANCTION", "AID"}
#: nouns of what is done to someone: their possessor, or their "of", undergoes them
#: ("his arrest", "the release of the journalist", "Khashoggi's killing")
UNDERGONE_NOUNS = frozenset(
    "arrest detention release abduction kidnapping killing murder assassination execution "
    "expulsion deportation imprisonment capture extradition torture jailing trial "
    "prosecution conviction indictment interrogation sentencing".split()
    # harm named by its victim: "the teen's shooting death", "King's beating"
    + "shooting stabbing beating lynching rape".split()
)

#: events whose "between X and Y" parties act on each other
_SIDED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "THREATEN", "ACCUSE"}
_MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}


def owner_undergoes(trigger: Token) -> bool:
    """ "Mech Dara's arrest", "Khashoggi's killing": the possessor is the one it is done
    to, and whoever the clause's subject is, it only tells of it."""
    return (
        trigger.lemma_.lower() in UNDERGONE_NOUNS
        and bool(children_in(trigger, {"poss"}))
        and not prep_objects(trigger, {"of"})
    )


def leaders(trigger: Token) -> list[Token]:
    """ "Saudi-led airstrikes", "the Washington-led war": who leads an act does it."""
    return [
        word
        for mod in children_in(trigger, {"amod"})
        if mod.lemma_.lower() == "lead" and mod.tag_ == "VBN"
        for word in children_in(mod, {"npadvmod", "compound", "nmod", "advmod", "nsubj"})
        if word.pos_ in {"PROPN", "NOUN", "ADJ"}
    ]


def noun_arguments(trigger: Token, event_type: str) -> Arguments:
    of_objects = prep_objects(trigger, {"of"})
    undergone = trigger.lemma_.lower() in UNDERGONE_NOUNS
    owners = children_in(trigger, {"poss"})
    owned = owner_undergoes(trigger)
    if owned:  # "Mech Dara's arrest": he is the one arrested
        sources, targets = prep_objects(trigger, {"by"}), owners
    else:  # "Serbia's arrest of three officers", "Russia's invasion"
        sources, targets = owners + prep_objects(trigger, {"by"}), []
    targets += [t for t in prep_objects(trigger, _NOUN_TARGET_PREPS) if not is_a_way(t)]
    if event_type in _FROM_IS_SOURCE:  # "a growing threat from China", "aid from China"
        sources += [t for t in prep_objects(trigger, {"from"}) if not is_a_way(t)]
    if event_type in _OF_IS_SOURCE and not undergone:
        sources += of_objects
    else:
        targets += of_objects
        for obj in of_objects:  # "the arrest of three officers by Serbia"
            sources += prep_objects(obj, {"by"})
    if trigger.dep_ == "compound":  # "mediation mission between Syria and Arafat"
        targets += prep_objects(trigger.head, _NOUN_TARGET_PREPS)
    between = prep_objects(trigger, {"between", "among"}) or (
        prep_objects(trigger.head, {"between", "among"}) if trigger.dep_ == "compound" else []
    )
    if between:
        parties = with_conjuncts(between)
        if event_type in _SIDED_TYPES:  # "a war between guerrillas and Serbian forces"
            sources.append(parties[0])
            targets.extend(parties[1:])
        else:  # "mediation between Syria and Arafat": both are acted upon
            targets.extend(parties)
    verb = governing_verb(trigger)
    if verb is not None and verb.lemma_.lower() in LIGHT_VERBS:  # "gave a warm welcome to de Klerk"
        targets += prep_objects(verb, _NOUN_TARGET_PREPS)
    for acl in children_in(trigger, {"acl"}):
        sources += prep_objects(acl, {"by"})
    sources += leaders(trigger)
    if not targets:  # "a strike that shut down Kathmandu", "an attack which killed two"
        for clause in children_in(trigger, {"relcl"}):
            if any(c.lower_ in {"that", "which"} for c in children_in(clause, {"nsubj"})):
                targets += children_in(clause, {"dobj"})
    if not sources:
        sources = [
            m
            for m in children_in(trigger, _MODIFIER_DEPS)
            if _names_someone(m) and m not in targets
        ]
        if trigger.dep_ == "compound":
            sources += [
                m
                for m in children_in(trigger.head, _MODIFIER_DEPS)
                if m.i != trigger.i and m.i < trigger.i and _names_someone(m)
            ]
    verb = governing_verb(trigger) or (
        governing_verb(trigger.head) if trigger.dep_ == "conj" else None
    )
    if verb is not None and verb.lemma_.lower() in _RECEIVING and not sources:
        return [], targets + subjects(verb)  # "she received praise and recognition"
    if not sources:
        commented = owned or (
            undergone and verb is not None and verb.lemma_.lower() in _SOUGHT
        )  # "Trump confirmed al-Rufay'i's killing", "moved to halt the deportation"
        if verb is not None and _held_in(trigger, verb):
            targets += subjects(verb) or children_in(verb, {"nsubjpass"})
        elif verb is not None and verb.lemma_.lower() not in _NOT_THE_DOER and not commented:
            sources = subjects(verb) or borrowed_subject(verb)
            # "Mech Dara's arrest drew condemnation": what befell him condemns nothing
            sources = [s for s in sources if not owner_undergoes(s)]
    return sources, targets


#: the states a detainee is held in: "had been in pretrial detention", "was placed
#: under arrest", "remains in custody"
_HELD_PREPS = frozenset({"in", "into", "under"})


def _held_in(noun: Token, verb: Token) -> bool:
    """Whether the clause's subject is the one held ("the reporter had been in
    detention"), not the one holding: an undergone noun in a state phrase of a copula,
    a passive or a verb of remaining."""
    if noun.lemma_.lower() not in UNDERGONE_NOUNS | {"custody", "prison", "jail"}:
        return False
    if noun.dep_ != "pobj" or noun.head.lower_ not in _HELD_PREPS:
        return False
    return verb.lemma_.lower() in {"be", "remain", "stay"} or bool(children_in(verb, {"nsubjpass"}))


#: participles the parser reads as verbs that only order events ("set fire to homes
#: *following the killing* of a man"): their "subject" did not do the earlier event
_SEQUENCE = frozenset({"follow", "precede"})

#: verbs that judge, witness or look into another's act: their subject does not do
#: what their object names ("Guterres condemned the crackdown", "monitors observed
#: the shelling", "police are investigating the shooting")
APPRAISAL_VERBS = frozenset(
    "condemn denounce deplore decry criticize criticise slam blast blame lament mourn "
    "regret welcome praise hail applaud commend investigate probe witness observe "
    "monitor document describe report protest back support endorse cite mention".split()
)
#: verbs whose subject gets what their object names: the one it is done to ("she
#: received praise", "won support", "faces criticism")
_RECEIVING = frozenset("receive get win earn garner draw attract face".split())
#: governing verbs whose subject does not do what their object names
_NOT_THE_DOER = APPRAISAL_VERBS | _SEQUENCE
#: verbs that seek, oppose or stop what is done to someone: "sought his release",
#: "moved to halt the deportation"; their subject is not the one who does it
_SOUGHT = frozenset(
    "seek demand urge press secure want request halt block stop delay suspend postpone "
    "oppose resist fight challenge prevent confirm".split()
)


def _names_someone(modifier: Token) -> bool:
    """A modifier that can be an actor: a name or a demonym ("Israeli raids", "NATO bombing")."""
    return modifier.pos_ in {"PROPN", "ADJ", "NOUN"} and modifier.text[:1].isupper()
