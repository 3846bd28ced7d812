"""Who acts and who is acted upon: source and target words of a verb trigger.

Works on the dependency parse only and returns head tokens; the event stage
maps them to the actor mentions the actor stage resolved. Rules, in order:

* verbs: the subject is the source and the object the target; in the passive
  the ``by`` phrase is the source and the subject the target; a verb with no
  subject of its own borrows one (``call on X to withdraw``: X; a conjoined or
  participial verb: its head's subject; a relative clause: the noun it modifies);
* nouns are read by :mod:`.noun_roles` with the helpers here.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING

from ..lexicon import PERSON_NOUNS, SUBJECT_DEPS, participle_of_its_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "LIGHT_VERBS",
    "Arguments",
    "borrowed_subject",
    "children_in",
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
#: verbs that only carry an event noun ("gave a welcome", "launched an attack")
LIGHT_VERBS = {
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


def children_in(token: Token, deps: Set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """The objects of the word's prepositions (or its passive ``by``) named in ``preps``."""
    objects: list[Token] = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent"} and prep.lower_ in preps:
            objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return objects


def subjects(verb: Token) -> list[Token]:
    subjects = children_in(verb, _SUBJECTS)
    if subjects:
        return subjects
    return prep_objects(verb, {"by"}) if children_in(verb, {"nsubjpass", "auxpass"}) else []


def _addressees(verb: Token) -> list[Token]:
    """ "call on X to": the ``on`` phrase right after the verb, when it names no time."""
    return [
        obj
        for obj in prep_objects(verb, {"on", "upon"})
        if obj.head.i == verb.i + 1 and obj.ent_type_ not in _WHEN
    ]


def borrowed_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The source of a verb that has no subject of its own."""
    if depth > 3 or verb.head.i == verb.i:
        return []
    head, dep = verb.head, verb.dep_
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if dep == "xcomp" or (dep in {"advcl", "ccomp"} and infinitive):
        controller = _addressees(head)
        if not controller and head.lemma_.lower() in _OBJECT_CONTROL:
            controller = children_in(head, {"dobj"})
        return controller or subjects(head) or borrowed_subject(head, depth + 1)
    if dep == "conj" and _left_in_a_state(head):
        # "leaving five people dead and triggering a siege": the dead trigger nothing;
        # the leaver does
        return subjects(head.head) or borrowed_subject(head.head, depth + 1)
    if dep in {"conj", "advcl", "ccomp"}:
        # "was released after apologizing": who was released apologized
        passive_head = dep in {"conj", "advcl"} and bool(children_in(head, {"nsubjpass"}))
        own = children_in(head, {"nsubjpass"}) if passive_head else subjects(head)
        return own or borrowed_subject(head, depth + 1)
    if dep == "acl" and head.pos_ == "NOUN":  # "issued a declaration demanding that…"
        governor = governing_verb(head)
        if governor is not None:
            return subjects(governor) or borrowed_subject(governor, depth + 1)
    if dep == "relcl" and head.pos_ in {"NOUN", "PROPN"}:
        return [head]
    if dep == "acomp":  # "they are willing to forgive": the copula's subject
        return subjects(head) or borrowed_subject(head, depth + 1)
    charged = (
        dep == "pcomp" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in _CHARGING
    )
    if charged and depth == 0:  # "accused YChina of supporting": the trigger itself
        return children_in(head.head, {"dobj", "nsubjpass"})
    if dep == "pcomp" and head.head.i != head.i:  # "was released after apologizing"
        clause = head.head
        own = subjects(clause)
        if not own and head.lower_ != "by":  # "displaced by fighting": not the displaced
            own = children_in(clause, {"nsubjpass"})
        return own or borrowed_subject(clause, depth + 1)
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
        victims = children_in(trigger, SUBJECT_DEPS) + children_in(trigger.head, {"dobj"})
        return subjects(trigger.head) or borrowed_subject(trigger.head), victims
    passive = bool(children_in(trigger, {"nsubjpass", "auxpass"}))
    shared = _shared_passive_subject(trigger)
    if shared:  # "was arrested and charged": the one arrested is the one charged
        return prep_objects(trigger, {"by"}), shared
    if passive and trigger.lemma_.lower() in _STATIVE and not prep_objects(trigger, {"by"}):
        passive = False  # "Israel is opposed to French mediation": Israel opposes
        return children_in(trigger, {"nsubjpass"}), prep_objects(trigger, _VERB_TARGET_PREPS)
    if passive:
        sources = prep_objects(trigger, {"by"})
        targets = children_in(trigger, {"nsubjpass"})
    else:
        sources = children_in(trigger, _SUBJECTS)
        targets = children_in(trigger, {"dobj", "dative"})
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
        if not children_in(trigger, {"aux", "auxpass"}):  # "Charged with assault, the man ...",
            targets = [*children_in(trigger.head, SUBJECT_DEPS), *targets]  # "... shots fired"
            sources, passive = (
                prep_objects(trigger, {"by"}),
                True,
            )  # the clause's subject undergoes it
    if not sources and not passive:  # a passive's agent is never the clause's subject:
        # "Guterres condemned ..., as eight demonstrators were killed" has no killer
        sources = borrowed_subject(trigger) or _stranded_subject(trigger)
    targets = targets + prep_objects(trigger, _VERB_TARGET_PREPS)
    for complement in children_in(trigger, {"oprd", "acomp"}):  # "made available to KFOR"
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
    if not children_in(head, {"auxpass"}):
        return []
    return children_in(head, {"nsubjpass"})


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
    clauses = children_in(trigger, {"ccomp"})
    if not clauses and trigger.dep_ in {"acl", "parataxis", "advcl"}:
        root = trigger.sent.root
        if root.i != trigger.i and root.i < trigger.i:
            clauses = [root]
    for clause in clauses:
        subjects = children_in(clause, {"nsubj"})
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
    return any(children_in(v, {"dobj"}) for v in with_conjuncts([verb]))


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
    non_finite = verb.tag_ in {"VBG", "VB", "VBN"} and not children_in(verb, {"aux"})
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
            verb.lemma_.lower() in LIGHT_VERBS or any(c.dep_ == "nummod" for c in measure.children)
        ):
            return verb
    return None
