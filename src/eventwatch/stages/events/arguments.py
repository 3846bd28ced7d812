"""Who acts and who is acted upon: source and target words of a trigger.

Works on the dependency parse only and returns head tokens; the event stage
maps them to the actor mentions the actor stage resolved. Rules, in order:

* verbs: the subject is the source and the object the target; in the passive
  the ``by`` phrase is the source and the subject the target; a verb with no
  subject of its own borrows one (``call on X to withdraw``: X; a conjoined or
  participial verb: its head's subject; a relative clause: the noun it modifies);
* nouns: a possessive, a ``by`` phrase, an actor-like modifier ("Serbian
  deployment", "NATO bombing") or the subject of the verb the noun is the object
  of is the source; ``against``/``on``/``of`` phrases are the target ("of" is the
  source for withdrawals, deployments and protests); ``between X and Y`` gives both.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS, SUBJECT_DEPS, participle_of_its_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "APPRAISAL_VERBS",
    "Arguments",
    "noun_arguments",
    "owner_undergoes",
    "governing_verb",
    "is_a_way",
    "prep_objects",
    "reduced_passive",
    "subjects",
    "verb_arguments",
    "with_conjuncts",
]

Arguments = tuple[list["Token"], list["Token"]]

_SUBJECTS = {"nsubj", "csubj"}
#: entity labels of words that say when, never who
_WHEN = {"DATE", "TIME"}
_VERB_TARGET_PREPS = {
    "against",
    "on",
    "at",
    "upon",
    "into",
    "with",
    "to",
    "toward",
    "towards",
    "over",
    "from",
}
_NOUN_TARGET_PREPS = {"against", "on", "upon", "into", "with", "to", "toward", "towards", "at"}
_OF_IS_SOURCE = {"RETREAT", "MOBILIZE", "PROTEST"}
#: events whose "from" phrase names who does them ("a threat from China", "pressure from
#: Washington"); attacks, withdrawals and aid say where from, or what from
_FROM_IS_SOURCE = {"THREATEN", "COERCE", "ACCUSE", "REQUEST", "SANCTION"}
#: nouns of what is done to someone: their possessor, or their "of", undergoes them
#: ("his arrest", "the release of the journalist", "Khashoggi's killing")
UNDERGONE_NOUNS = frozenset(
    "arrest detention release abduction kidnapping killing murder assassination execution "
    "expulsion deportation imprisonment capture extradition torture jailing trial "
    "prosecution conviction indictment interrogation sentencing".split()
)
#: verbs that only carry an event noun ("gave a welcome", "launched an attack")
_LIGHT_VERBS = {
    "give",
    "offer",
    "extend",
    "make",
    "hold",
    "launch",
    "issue",
    "pay",
    "deliver",
    "send",
    "carry",
    "conduct",
    "stage",
    "mount",
    "file",
    "lodge",
    "express",
    "voice",
    "impose",
    "level",
}
#: events whose "between X and Y" parties act on each other
_SIDED_TYPES = {"ASSAULT", "COERCE", "PROTEST", "THREATEN", "ACCUSE"}
_MODIFIER_DEPS = {"poss", "compound", "amod", "nmod"}
#: verbs whose object, not subject, does what their complement says ("urge X to")
_OBJECT_CONTROL = {
    "urge",
    "ask",
    "order",
    "tell",
    "force",
    "persuade",
    "invite",
    "press",
    "encourage",
    "allow",
    "permit",
    "instruct",
    "push",
    "warn",
    "compel",
    "request",
    "pressure",
    "help",
}
#: participles that describe their subject's stance, not something done to it
_STATIVE = {
    "oppose",
    "commit",
    "determine",
    "prepare",
    "resolve",
    "dedicate",
    "opposed",
    "committed",
}
#: ways along which something happens, never whom it is done to
_WAYS = frozenset("street road highway avenue motorway lane".split())
#: verbs whose object is said to have done what their "of"/"for" names ("accused X of
#: supporting", "blamed X for attacking")
_CHARGING = frozenset("accuse charge blame suspect convict fault criticize criticise".split())
#: "left 30 soldiers injured": the participle's subject is the victim
_RESULT_VERBS = {"leave"}


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and everything coordinated with them ("Israel and Syria")."""
    out: list[Token] = []
    for token in tokens:
        stack = [token]
        while stack:
            current = stack.pop()
            if current not in out:
                out.append(current)
            stack.extend(c for c in current.children if c.dep_ == "conj")
    return out


def _children(token: Token, deps: Set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """The objects of the word's prepositions (or its passive ``by``) named in ``preps``."""
    objects: list[Token] = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return objects


def subjects(verb: Token) -> list[Token]:
    subjects = _children(verb, _SUBJECTS)
    if subjects:
        return subjects
    return prep_objects(verb, {"by"}) if _children(verb, {"nsubjpass", "auxpass"}) else []


def _addressees(verb: Token) -> list[Token]:
    """ "call on X to": the ``on`` phrase right after the verb, when it names no time."""
    return [
        obj
        for obj in prep_objects(verb, {"on", "upon"})
        if obj.head.i == verb.i + 1 and obj.ent_type_ not in _WHEN
    ]


def _borrowed_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The source of a verb that has no subject of its own."""
    if depth > 3 or verb.head.i == verb.i:
        return []
    head, dep = verb.head, verb.dep_
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if dep == "xcomp" or (dep in {"advcl", "ccomp"} and infinitive):
        controller = _addressees(head)
        if not controller and head.lemma_.lower() in _OBJECT_CONTROL:
            controller = _children(head, {"dobj"})
        return controller or subjects(head) or _borrowed_subject(head, depth + 1)
    if dep == "conj" and _left_in_a_state(head):
        # "leaving five people dead and triggering a siege": the dead trigger nothing;
        # the leaver does
        return subjects(head.head) or _borrowed_subject(head.head, depth + 1)
    if dep in {"conj", "advcl", "ccomp"}:
        # "was released after apologizing": who was released apologized
        passive_head = dep in {"conj", "advcl"} and bool(_children(head, {"nsubjpass"}))
        own = _children(head, {"nsubjpass"}) if passive_head else subjects(head)
        return own or _borrowed_subject(head, depth + 1)
    if dep == "acl" and head.pos_ == "NOUN":  # "issued a declaration demanding that…"
        governor = governing_verb(head)
        if governor is not None:
            return subjects(governor) or _borrowed_subject(governor, depth + 1)
    if dep == "relcl" and head.pos_ in {"NOUN", "PROPN"}:
        return [head]
    if dep == "acomp":  # "they are willing to forgive": the copula's subject
        return subjects(head) or _borrowed_subject(head, depth + 1)
    charged = (
        dep == "pcomp" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in _CHARGING
    )
    if charged and depth == 0:  # "accused YChina of supporting": the trigger itself
        return _children(head.head, {"dobj", "nsubjpass"})
    if dep == "pcomp" and head.head.i != head.i:  # "was released after apologizing"
        clause = head.head
        own = subjects(clause)
        if not own and head.lower_ != "by":  # "displaced by fighting": not the displaced
            own = _children(clause, {"nsubjpass"})
        return own or _borrowed_subject(clause, depth + 1)
    return []


def _left_in_a_state(word: Token) -> bool:
    """The state a result verb leaves its victims in ("leaving five people *dead*")."""
    return word.dep_ in {"ccomp", "oprd", "xcomp", "acomp"} and (
        word.head.lemma_.lower() in _RESULT_VERBS
    )


def verb_arguments(trigger: Token, event_type: str) -> Arguments:
    if trigger.head.lemma_.lower() in _RESULT_VERBS and trigger.dep_ in {
        "ccomp",
        "oprd",
        "xcomp",
        "acomp",
    }:
        victims = _children(trigger, SUBJECT_DEPS) + _children(trigger.head, {"dobj"})
        return subjects(trigger.head) or _borrowed_subject(trigger.head), victims
    passive = bool(_children(trigger, {"nsubjpass", "auxpass"}))
    shared = _shared_passive_subject(trigger)
    if shared:  # "was arrested and charged": the one arrested is the one charged
        return prep_objects(trigger, {"by"}), shared
    if passive and trigger.lemma_.lower() in _STATIVE and not prep_objects(trigger, {"by"}):
        passive = False  # "Israel is opposed to French mediation": Israel opposes
        return _children(trigger, {"nsubjpass"}), prep_objects(trigger, _VERB_TARGET_PREPS)
    if passive:
        sources = prep_objects(trigger, {"by"})
        targets = _children(trigger, {"nsubjpass"})
    else:
        sources = _children(trigger, _SUBJECTS)
        targets = _children(trigger, {"dobj", "dative"})
    if trigger.dep_ == "relcl" and not passive:
        if not sources or sources[0].lower_ in {"which", "who", "that"}:
            sources = [_relative_antecedent(trigger.head)]
    if trigger.dep_ == "acl" and not sources and trigger.head.pos_ in {"NOUN", "PROPN"}:
        if reduced_passive(trigger):
            targets = [trigger.head, *targets]  # "weapons seized last year": the noun undergoes it
            passive = True  # and its doer is only a "by" phrase, never the clause's subject:
            # "relief after schoolgirls kidnapped in Zamfara were freed" has no kidnapper
            sources = prep_objects(trigger, {"by"})
        elif trigger.tag_ == "VBD" or trigger.head.dep_ == "ROOT" or _active_participle(trigger):
            sources = [_outer_noun(trigger.head)]  # "A newspaper called on Arabs…" as a noun phrase
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and not sources and not passive:
        if not _children(trigger, {"aux", "auxpass"}):  # "Charged with assault, the man ...",
            targets = [*_children(trigger.head, SUBJECT_DEPS), *targets]  # "... shots fired"
            sources, passive = (
                prep_objects(trigger, {"by"}),
                True,
            )  # the clause's subject undergoes it
    if not sources and not passive:  # a passive's agent is never the clause's subject:
        # "Guterres condemned ..., as eight demonstrators were killed" has no killer
        sources = _borrowed_subject(trigger) or _stranded_subject(trigger)
    targets = targets + prep_objects(trigger, _VERB_TARGET_PREPS)
    for complement in _children(trigger, {"oprd", "acomp"}):  # "made available to KFOR"
        targets += prep_objects(complement, _VERB_TARGET_PREPS)
    if event_type == "CONSULT":
        targets += prep_objects(trigger, {"in"})
    targets = [  # "protested on Friday", "gunned down on the streets of New York"
        t for t in targets if t.ent_type_ not in _WHEN and not is_a_way(t)
    ]
    targets = [_counted_group(t) if _bare_count(t) else t for t in targets]
    if event_type in _COMPLAINTS and not targets:
        targets = _complained_of(trigger)
    return sources, targets


def is_a_way(word: Token) -> bool:
    """A street or a road ("on Grafton Street"), not a person named Lane."""
    return word.lemma_.lower() in _WAYS and word.ent_type_ != "PERSON"


def _bare_count(word: Token) -> bool:
    """A number that stands for people without a noun ("arresting 12")."""
    return (
        word.pos_ == "NUM"
        and word.dep_ == "dobj"
        and not any(c.dep_ == "prep" for c in word.children)
    )


def _counted_group(number: Token) -> Token:
    """The people a bare number counts: the nearest plural noun of people before it in
    its sentence ("fired on demonstrators, killing one and arresting 12": 12 of the
    demonstrators)."""
    for word in reversed(number.doc[number.sent.start : number.i]):
        if word.tag_ in {"NNS", "NNPS"} and word.lemma_.lower() in PERSON_NOUNS:
            return word
    return number


def _shared_passive_subject(verb: Token) -> list[Token]:
    """The passive subject a coordinated participle shares with the verb before it
    ("the journalist was arrested and charged", "was issued a summons and released"),
    when it has no subject, auxiliary or object of its own."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"} for c in verb.children):
        return []
    head = verb.head
    if not _children(head, {"auxpass"}):
        return []
    return _children(head, {"nsubjpass"})


def reduced_passive(verb: Token) -> bool:
    """A past participle after the noun that undergoes it: "schoolgirls *kidnapped* in
    Zamfara", "weapons *seized* last year" (not a headline's "A newspaper called on…",
    nor a participle with an object of its own)."""
    return (
        participle_of_its_noun(verb)  # not "that … had been made"
        and verb.head.dep_ != "ROOT"
        and not _active_participle(verb)
    )


#: events whose target is whoever acts in the clause complained of
_COMPLAINTS = {"ACCUSE", "PROTEST"}


def _complained_of(trigger: Token) -> list[Token]:
    """ "charged that police beat them", "X are failing…, a group protested": the
    subject of the clause the complaint is about."""
    clauses = _children(trigger, {"ccomp"})
    if not clauses and trigger.dep_ in {"acl", "parataxis", "advcl"}:
        root = trigger.sent.root
        if root.i != trigger.i and root.i < trigger.i:
            clauses = [root]
    for clause in clauses:
        subjects = _children(clause, {"nsubj"})
        if subjects:
            return subjects
    return []


#: verbs that take no object, so their participle cannot be passive ("a group protested")
_INTRANSITIVE_SPEECH = {"protest", "complain", "insist", "say", "warn"}


def _active_participle(verb: Token) -> bool:
    """A participle the tagger read as passive but that acts: it has an object of its own
    ("groups donated and delivered goods") or cannot take one ("a group protested")."""
    if prep_objects(verb, {"by"}):
        return False
    if verb.lemma_.lower() in _INTRANSITIVE_SPEECH:
        return True
    return any(_children(v, {"dobj"}) for v in with_conjuncts([verb]))


def _relative_antecedent(noun: Token) -> Token:
    """What a relative clause after "X of Y" tells of: X ("the bombing of a French base
    that killed nine soldiers": the bombing killed them, not the base)."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        return prep.head
    return noun


def _outer_noun(noun: Token) -> Token:
    """ "Doctors from two aid groups donated": the phrase's head, not the group they are from."""
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and prep.lower_ in {"from", "of"}
        and prep.head.pos_ in {"NOUN", "PROPN"}
    ):
        return prep.head
    return noun


_SKIPPABLE = {"aux", "auxpass", "neg", "advmod"}


def _stranded_subject(verb: Token) -> list[Token]:
    """A finite verb the parser left without a subject: the noun phrase just before it.

    "With the signing of a memorandum, the Sudanese government and SPLM/A have
    agreed": the parser hangs the phrase on "memorandum"; the words right before
    the verb (past its auxiliaries) are still its subject. Climbs coordination up
    to the phrase's first conjunct but not across a comma that opens the phrase.
    """
    non_finite = verb.tag_ in {"VBG", "VB", "VBN"} and not _children(verb, {"aux"})
    if verb.dep_ not in {"ROOT", "ccomp", "conj"} or non_finite:
        return []
    index = verb.i - 1
    doc = verb.doc
    while index >= verb.sent.start and doc[index].dep_ in _SKIPPABLE:
        index -= 1
    if index < verb.sent.start:
        return []
    word = doc[index]
    if word.pos_ not in {"NOUN", "PROPN"} or word.dep_ not in {"conj", "appos", "pobj", "dobj"}:
        return []
    while word.dep_ == "conj" and word.head.pos_ in {"NOUN", "PROPN"}:
        own_start = min(t.i for t in word.subtree if t.dep_ != "conj" or t.i == word.i)
        if own_start > 0 and doc[own_start - 1].text == ",":
            break
        word = word.head
    return [word]


def owner_undergoes(trigger: Token) -> bool:
    """ "Mech Dara's arrest", "Khashoggi's killing": the possessor is the one it is done
    to, and whoever the clause's subject is, it only tells of it."""
    return (
        trigger.lemma_.lower() in UNDERGONE_NOUNS
        and bool(_children(trigger, {"poss"}))
        and not prep_objects(trigger, {"of"})
    )


def noun_arguments(trigger: Token, event_type: str) -> Arguments:
    of_objects = prep_objects(trigger, {"of"})
    undergone = trigger.lemma_.lower() in UNDERGONE_NOUNS
    owners = _children(trigger, {"poss"})
    owned = owner_undergoes(trigger)
    if owned:  # "Mech Dara's arrest": he is the one arrested
        sources, targets = prep_objects(trigger, {"by"}), owners
    else:  # "Serbia's arrest of three officers", "Russia's invasion"
        sources, targets = owners + prep_objects(trigger, {"by"}), []
    targets += [t for t in prep_objects(trigger, _NOUN_TARGET_PREPS) if not is_a_way(t)]
    if event_type in _FROM_IS_SOURCE:  # "a growing threat from China", "attacks from Gaza"
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
    if (
        verb is not None and verb.lemma_.lower() in _LIGHT_VERBS
    ):  # "gave a warm welcome to de Klerk"
        targets += prep_objects(verb, _NOUN_TARGET_PREPS)
    for acl in _children(trigger, {"acl"}):
        sources += prep_objects(acl, {"by"})
    if not targets:  # "a strike that shut down Kathmandu", "an attack which killed two"
        for clause in _children(trigger, {"relcl"}):
            if any(c.lower_ in {"that", "which"} for c in _children(clause, {"nsubj"})):
                targets += _children(clause, {"dobj"})
    if not sources:
        sources = [
            m for m in _children(trigger, _MODIFIER_DEPS) if _names_someone(m) and m not in targets
        ]
        if trigger.dep_ == "compound":
            sources += [
                m
                for m in _children(trigger.head, _MODIFIER_DEPS)
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
            targets += subjects(verb) or _children(verb, {"nsubjpass"})
        elif verb is not None and verb.lemma_.lower() not in _NOT_THE_DOER and not commented:
            sources = subjects(verb) or _borrowed_subject(verb)
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
    return verb.lemma_.lower() in {"be", "remain", "stay"} or bool(_children(verb, {"nsubjpass"}))


#: participles the parser reads as verbs that only order events ("set fire to homes
#: *following the killing* of a man"): their "subject" did not do the earlier event
_SEQUENCE = frozenset({"follow", "precede"})

#: verbs that judge, witness or look into another's act: their subject does not do
#: what their object names ("Guterres condemned the crackdown", "monitors observed
#: the shelling", "police are investigating the shooting")
APPRAISAL_VERBS = frozenset(
    "condemn denounce deplore decry criticize criticise slam blast blame lament mourn "
    "regret welcome praise hail applaud commend investigate probe witness observe "
    "monitor document describe report protest back support endorse".split()
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


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through one preposition."""
    if noun.dep_ in {"dobj", "attr"} and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"VERB", "AUX"}:
        if noun.head.lower_ in {"on", "about", "in", "for", "with"}:
            return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "launched ten days of war games"
        measure = noun.head.head
        verb = governing_verb(measure) if measure.dep_ == "dobj" else None
        if verb is not None and (
            verb.lemma_.lower() in _LIGHT_VERBS or any(c.dep_ == "nummod" for c in measure.children)
        ):
            return verb
    return None
