"""Is the event real, denied, possible or past? And who reports it?

Each check reads the dependency path from the trigger up to its clause and
looks for the cue words that change an event's standing:

* ``negated``: a negation on the trigger or on a verb it is the complement of
  ("had not signed to order…"), ``deny``/``without`` above it; cues stop at a
  verb of saying, so "did not comment on a possible invasion" does not deny it;
* ``hypothetical``: a modal or future auxiliary, a conditional clause, or a
  governing word of readiness, intent or possibility ("ready to reinforce",
  "a possible invasion", "threatened to strike", "called on X to withdraw");
* ``historical``: the trigger lies under a time phrase that is years back
  ("two decades after a war…", "in 1999") or is marked "former".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..lexicon import SPEECH_VERBS, SUBJECT_DEPS, TOLL_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_historical", "is_hypothetical", "is_negated", "speech_head"]
_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
_DENIAL = {"deny", "refute", "dismiss", "refuse", "decline", "fail"}
_MODALS = {"could", "would", "might", "may", "will", "shall", "should", "can", "must", "'ll", "wo"}
_INTENT = {
    "ready",
    "prepared",
    "willing",
    "plan",
    "intend",
    "want",
    "hope",
    "seek",
    "aim",
    "propose",
    "threaten",
    "consider",
    "promise",
    "pledge",
    "vow",
    "offer",
    "call",
    "urge",
    "ask",
    "demand",
    "request",
    "expect",
    "able",
    "likely",
    "possible",
    "potential",
    "risk",
    "possibility",
    "threat",
    "prospect",
    "fear",
    "danger",
    "chance",
    "agree",
    "decide",
    "try",
    "attempt",
    "order",
    "need",
    "push",
    "press",
    "appeal",
    "warn",
}
_POSSIBLE_MODIFIERS = {
    "possible",
    "potential",
    "planned",
    "future",
    "proposed",
    "eventual",
    "imminent",
    "looming",
}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_TIME_BACK = {"decade", "century", "year", "generation"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _path(trigger: Token, limit: int = 6) -> list[Token]:
    """The trigger and its heads, up to and excluding the first verb of saying."""
    path = [trigger]
    token = trigger
    while token.head.i != token.i and len(path) < limit:
        infinitive = _infinitive(token)
        if token.dep_ in {"ccomp", "parataxis", "relcl", "conj"} or (
            token.dep_ == "advcl" and not infinitive
        ):
            break
        token = token.head
        if token.lemma_.lower() in SPEECH_VERBS:
            break
        path.append(token)
    return path


#: nouns whose "no" denies what they are of: "no sign of an attack", "no reports of
#: arrests"; "no known motive for the shooting" denies only the motive
_EVIDENCE = frozenset("evidence sign indication proof report record trace word".split())


#: words that deny that anyone or anything took part: "nobody fired", "no shots"
_NOBODY = frozenset({"nobody", "none", "nothing", "noone"})


def _denied_participant(trigger: Token) -> bool:
    """Whether the one who did or underwent the act is denied: "no shots were fired",
    "nobody fired", "they arrested no one". A toll of no one ("no one was injured")
    is a count of zero, which the quantities stage keeps, not a denial."""
    if trigger.lemma_.lower() in TOLL_VERBS:
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in trigger.children):
        return False  # "no one should be detained": the denial is what is demanded
    participants = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if sum(c.dep_ in {"nsubj", "nsubjpass"} for c in participants) > 1:
        return False  # "No claim of responsibility The attack targeted": a subhead run on
    for child in participants:
        if child.lower_ in _NOBODY:
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
            return True
    return False


def is_negated(trigger: Token) -> bool:
    if _denied_participant(trigger):
        return True
    for token in _path(trigger):
        other_noun = token.i != trigger.i and token.pos_ in {"NOUN", "PROPN"}
        for child in token.children:
            if child.dep_ == "neg" or (
                child.lower_ in _NEGATORS
                and child.dep_ in {"det", "advmod"}
                and (not other_noun or token.lemma_.lower() in _EVIDENCE)
            ):
                return True
        if token.i != trigger.i and token.lemma_.lower() in _DENIAL:
            return True
        if token.dep_ == "pcomp" and token.head.lower_ == "without":
            return True
        if token.i != trigger.i and token.lower_ == "without":
            return True
    return False


def is_hypothetical(trigger: Token) -> bool:
    for child in trigger.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in _MODALS:
            return True
        if child.dep_ == "amod" and child.lower_ in _POSSIBLE_MODIFIERS:
            return True
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL_MARKS:
            return True
    if trigger.dep_ == "advcl" and any(c.lower_ in _CONDITIONAL_MARKS for c in trigger.children):
        return True
    if _shares_modal(trigger) or _shares_noun_frame(trigger) or _modal_adjunct(trigger):
        return True
    if _mandated(trigger):
        return True
    if trigger.dep_ in {"ccomp", "xcomp"} and _aims_at(trigger.head):
        return True  # "do everything to help me get released": the aim of an effort
    if _object_of_the_hypothetical(trigger):
        return True
    if not _told_as_known(trigger) and any(_purpose(t) for t in _path(trigger)):
        return True
    for token in _path(trigger)[1:]:
        if token.lemma_.lower() in _INTENT:
            return True
        if any(c.dep_ == "acomp" and c.lemma_.lower() in _INTENT for c in token.children):
            return True  # "it was ready to reinforce"
        if any(c.dep_ in {"aux"} and c.lower_ in _MODALS for c in token.children):
            return True
    return False


def _object_of_the_hypothetical(noun: Token) -> bool:
    """An event noun that a hypothetical verb would bring about: "unless the U.S. puts
    concessions on the table", "called for the Taliban to ... establish a dialogue"."""
    verb = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    return not _told_as_known(noun) and is_hypothetical(verb)  # "to secure the release"


def _shares_modal(verb: Token) -> bool:
    """A verb coordinated with a hypothetical one, with no subject or auxiliary of its
    own: "can still be attacked or kidnapped", "would arrest and deport them", "aiming
    to topple the government and impose its law"."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "VERB":
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return False
    return is_hypothetical(verb.head)


#: verbs whose "that" clause, in the subjunctive, says what should be done
_MANDATING = frozenset(
    "demand urge ask insist request propose suggest recommend order require".split()
)


def _mandated(verb: Token) -> bool:
    """A subjunctive "that" clause of a demand: "demanding that Elian be allowed to
    stay", "urged that the prisoners be freed"; "insisted that he was freed" tells."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _MANDATING:
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VB" if not auxiliaries else auxiliaries[0].tag_ == "VB"


def _modal_adjunct(verb: Token) -> bool:
    """A participle adjunct with no subject, auxiliary or conjunction of its own takes
    its clause's modal: "they may impose sanctions, cutting foreign aid"."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBG", "VBN"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.head.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _shares_noun_frame(noun: Token) -> bool:
    """A noun coordinated with a hypothetical one: "the dangers of kidnapping,
    abductions and killings"."""
    if noun.dep_ != "conj" or noun.pos_ != "NOUN" or noun.head.pos_ != "NOUN":
        return False
    first = noun.head
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    return is_hypothetical(first)


def _told_as_known(noun: Token) -> bool:
    """A noun made definite names an act the reader knows: "paid *to secure the release*
    of the girls" aims at a release the report told."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"det", "poss"} and c.lower_ in _KNOWN for c in noun.children
    )


#: determiners of an act the reader knows
_KNOWN = frozenset({"the", "this", "that", "their", "its", "his", "her"})


#: verbs of effort, whose complement is only their aim
_EFFORT = frozenset({"try", "attempt", "strive", "struggle"})


def _aims_at(verb: Token) -> bool:
    """Whether a verb's complement is only aimed at: after a verb of effort, or after
    "help" that is itself an aim ("to help me get released"); "Qatar helped free the
    hostages" says they were freed."""
    lemma = verb.lemma_.lower()
    if lemma in _EFFORT:
        return True
    return lemma == "help" and (_infinitive(verb) or is_hypothetical(verb))


#: verbs of coming together, which do what they gather for: "rallied to demand a vote",
#: "staged a sit-in to protest the restrictions", "met to discuss the plan"
_GATHERING = frozenset(
    "gather rally march assemble convene meet stage hold demonstrate protest".split()
)


def _gathers(verb: Token) -> bool:
    # the word as well as the lemma: the lemmatiser takes "staged" for "stag"
    return verb.lemma_.lower() in _GATHERING or any(verb.lower_.startswith(w) for w in _GATHERING)


#: verbs whose infinitive tells what a thing is for: "a plane used to help troops"
_FOR_USE = frozenset({"use", "design", "mean", "build", "make"})


def _purpose(verb: Token) -> bool:
    """Whether a verb is an infinitive of purpose, which tells an aim and not a deed:
    "making bombs *to carry out attacks*", "a plane *used to help* troops", "in order
    to"; but a gathering does what it gathers for ("rallied to demand"). An infinitive
    with its own subject or after a verb of trying is left to the other rules."""
    if verb.pos_ != "VERB" or not _infinitive(verb):
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return verb.head.pos_ in {"VERB", "AUX"} and not _gathers(verb.head)
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _FOR_USE
        and (verb.head.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.head.children))
    )


def is_historical(trigger: Token, pub_date: dt.date | None) -> bool:
    token = trigger
    for _ in range(14):
        for child in token.children:
            if child.lower_ == "former" and child.dep_ == "amod":
                return True
            if child.dep_ == "prep" and child.lower_ in {"in", "during", "since"}:
                if _old_year(child, pub_date):
                    return True
        if token.lower_ in {"after", "since", "before"}:
            if any(c.lemma_.lower() in _TIME_BACK for c in token.subtree if c.i < token.i):
                return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _old_year(prep: Token, pub_date: dt.date | None) -> bool:
    if pub_date is None:
        return False
    text = " ".join(t.text for t in prep.subtree)
    return any(int(y) <= pub_date.year - 2 for y in _YEAR.findall(text))


def speech_head(trigger: Token) -> Token | None:
    """The verb of saying that the trigger is reported under, if any.

    The nearest verb of saying above the trigger (not through its subject) wins;
    failing that, a verb of saying hung beside the trigger's clause ("…, said a
    spokesperson"), or one at the sentence root.
    """
    token = trigger
    for _ in range(10):
        if token.head.i == token.i:
            break
        dep, head = token.dep_, token.head
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ == "VERB" and dep not in _SUBJECT_DEPS:
            if dep != "dobj" or token.pos_ == "NOUN":
                return head
        token = head
    root = token
    for child in root.children:
        if child.dep_ in {"parataxis", "ccomp", "advcl"} and child.lemma_.lower() in SPEECH_VERBS:
            if child.i > trigger.i and any(c.dep_ == "nsubj" for c in child.children):
                return child
    if root.i != trigger.i and root.lemma_.lower() in SPEECH_VERBS:
        return root
    return None


_SUBJECT_DEPS = {*SUBJECT_DEPS, "csubj"}
