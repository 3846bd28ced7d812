"""Which resolved actors fill an event's roles: the actor mentions that its source and
target words head or lend ("an Australian ultimatum", "the strength of KFOR"), the
actor of its own clause as a last-resort target, the subject of the sentence's main
verb as a last-resort source (never a speaker's, a judge's, or one an event befalls:
"Iraq suffered a wave of bombings"), and the subjects of a verb of saying.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ...records import Actor
from ..lexicon import SPEECH_VERBS, SUBJECT_DEPS, companion_prep, overlaps
from .arguments import with_conjuncts
from .noun_roles import APPRAISAL_VERBS, leaders

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "BACKGROUND_PREPS",
    "actors_of",
    "befalls_the_subject",
    "clause_actor",
    "root_subject",
    "subjects_of",
]

_ACTOR_DEPS = {"poss", "compound", "amod", "nmod", "pobj"}
#: prepositions of a phrase that sets the scene for the clause
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "until", "amid", "despite"})


def _setting(word: Token) -> bool:
    """A phrase that sets the scene ("*following the killing* of an Israeli man",
    "*after talks* with Iran"): whoever it names is not acted upon by the clause."""
    return word.dep_ in {"prep", "advcl"} and word.lower_ in BACKGROUND_PREPS


def subjects_of(verb: Token | None) -> list[Token]:
    """A verb's subjects, and whoever "according to" names beside them."""
    if verb is None:
        return []
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    for prep in verb.children:
        if prep.lower_ == "according":
            found += [g for c in prep.children for g in c.children if g.dep_ == "pobj"]
    return found


def actors_of(
    doc: Document,
    words: list[Token],
    *,
    exclude: Token,
    lent_from: list[Actor] | None = None,
    argument: bool = False,
) -> list[Actor]:
    """The resolved actors for argument words; a non-actor noun lends its actor modifiers.

    A lent actor of the same country as a source is the source's own ("expressed
    American concern"), not a target, and is left out when ``lent_from`` is given;
    for the trigger's own ``argument``, a country the source only took from its
    sentence may be the lent actor's ("Settlers set fire to Palestinian offices").
    """
    found: list[Actor] = []
    own = {
        a.country
        for a in lent_from or []
        if a.country and not (argument and a.country_from == "sentence")
    }
    direct = {w.i for w in words}
    for word in with_conjuncts(words):
        if word.i == exclude.i:
            continue
        actor = doc.actor_heads.get(word.i)
        if actor is None and word.i in direct:
            actor = _lent_actor(doc, word)
            if actor is not None and actor.country in own:
                actor = None
        if actor is not None and actor not in found:
            found.append(actor)
    return found


def clause_actor(doc: Document, trigger: Token, sources: list[Actor]) -> list[Actor]:
    """The first other country-coded actor in the trigger's own clause: the last-resort target.

    Relative, adverbial, complement and coordinated clauses are not the
    trigger's clause and are not searched; nor are the source's own words, the
    trigger's own phrase, an adjective of the source's country ("American
    concern"), or who acts alongside the source ("along with the FBI").
    """
    # a verb's clause; an event noun's own phrase, or the clause it is the subject or object of
    clause = trigger
    if trigger.pos_ not in {"VERB", "AUX"} and trigger.dep_ in {
        "nsubj",
        "dobj",
        "nsubjpass",
        "attr",
    }:
        clause = trigger.head
    own = {a.country for a in sources}
    phrases = _source_phrases(doc, sources)
    for word in _clause_words(clause):
        actor = doc.actor_heads.get(word.i)
        if actor is None or not actor.country or word.i == trigger.i:
            continue
        if actor.start <= trigger.idx < actor.end:
            continue
        if any(overlaps(s, actor) for s in sources):
            continue
        if any(_same_actor(actor, s) for s in sources):
            continue  # "they" for the leaders who speak
        if _companion(word):
            continue  # "Detectives, along with the FBI, arrested ...": who acts alongside
        if _in_a_source_phrase(word, trigger, phrases):
            continue  # "A spokesman for Ghani rejected ...": the source's own words
        if word.pos_ == "ADJ" and actor.country in own:
            continue
        if word.dep_ in {"compound", "amod"} and word.head.i in doc.actor_heads:
            continue  # the phrase's head stands for it
        if word.i > trigger.i or word.dep_ in {"dobj", "pobj"}:
            return [actor]
    return []


def _source_phrases(doc: Document, sources: list[Actor]) -> list[set[int]]:
    """The token indexes under each source's head."""
    parse = doc.parse
    if parse is None:
        return []
    phrases = []
    for source in sources:
        span = parse.char_span(source.start, source.end, alignment_mode="expand")
        if span is not None and len(span):
            phrases.append({t.i for t in span.root.subtree})
    return phrases


def _in_a_source_phrase(word: Token, trigger: Token, phrases: list[set[int]]) -> bool:
    """A word under a source's head: "a spokesman *for President Ghani*", "the Minister
    *for Interior* allowed ..."; but not in the trigger's own clause when the source's
    phrase holds it ("rebels fighting *the president*")."""
    own_clause = {t.i for t in trigger.subtree}
    return any(
        word.i in phrase and not (trigger.i in phrase and word.i in own_clause)
        for phrase in phrases
    )


def _companion(word: Token) -> bool:
    """A word in an "along with", "together with" or "alongside" phrase."""
    return any(companion_prep(above) for above in word.ancestors)


def _same_actor(a: Actor, b: Actor) -> bool:
    return (a.name, a.country, a.sector) == (b.name, b.country, b.sector) and a.country is not None


_OTHER_CLAUSES = {"relcl", "conj", "parataxis"}


def _attribution(word: Token) -> bool:
    """ "According to the Linn County Attorney's Office": who tells the clause, not whom
    it acts on."""
    return word.dep_ == "prep" and word.lower_ == "according"


def _clause_words(head: Token) -> list[Token]:
    words = [head]
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in _OTHER_CLAUSES and not _setting(child) and not _attribution(child):
                words.append(child)
                stack.append(child)
    return sorted(words, key=lambda t: t.i)


#: nouns of kinship and personal ties, which name another person than their possessor
#: ("Francis' sister was arrested": not Francis)
_KIN_NOUNS = frozenset(
    "father mother son daughter husband wife brother sister friend relative cousin uncle "
    "aunt grandmother grandfather nephew niece stepfather stepmother stepson stepdaughter "
    "grandson granddaughter boyfriend girlfriend roommate acquaintance classmate neighbor "
    "neighbour fiance fiancee widow widower".split()
)


def _lent_actor(doc: Document, word: Token) -> Actor | None:
    """The actor a non-actor noun names ("an Australian ultimatum", "the strength of KFOR");
    a person's kin are not that person."""
    if word.lemma_.lower() in _KIN_NOUNS:
        return None
    for child in word.children:
        if child.dep_ in _ACTOR_DEPS and child.i in doc.actor_heads:
            return doc.actor_heads[child.i]
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            inner = [g for g in child.children if g.i in doc.actor_heads]
            if inner:
                return doc.actor_heads[inner[0].i]
    for child in word.children:  # "Kampuchean guerrilla camps": a modifier's modifier
        if child.dep_ == "compound":
            for grandchild in child.children:
                if grandchild.dep_ in {"amod", "compound"} and grandchild.i in doc.actor_heads:
                    return doc.actor_heads[grandchild.i]
    for leader in leaders(word):  # "Saudi-led airstrikes": who leads them
        if leader.i in doc.actor_heads:
            return doc.actor_heads[leader.i]
    return None


#: verbs whose subject reports or judges an event and does not act in it
_REPORTING_VERBS = SPEECH_VERBS | APPRAISAL_VERBS
#: verbs whose subject an event befalls or is seen by: "Nigeria is seeing a wave of
#: kidnappings", "Iraq suffered a wave of bombings" ("faces charges of assault" is
#: left out: the one charged is the doer)
_UNDERGOING_VERBS = frozenset("see experience suffer endure undergo".split())


def befalls_the_subject(trigger: Token, root: Token) -> bool:
    """ "Iraq suffered a wave of bombings": the event, in what the root's subject
    suffered, is done to that subject."""
    if root.lemma_.lower() not in _UNDERGOING_VERBS - {"see"}:
        return False
    return any(trigger in c.subtree for c in root.children if c.dep_ == "dobj")


def root_subject(doc: Document, sent: Span, trigger: Token) -> list[Actor]:
    """The actor subject of the sentence's main verb: the last-resort source.

    None when a clause between the trigger and the main verb reports or judges it: in
    "Police have few clues, but said it does not appear that the kids were the target
    of the shooting" the police tell of the shooting; they did not shoot."""
    root = sent.root
    if _in_a_report(trigger, root):
        return []
    if root.lemma_.lower() in _REPORTING_VERBS | _UNDERGOING_VERBS:
        return []  # the speaker reports or judges the event, or it befalls the subject
    if root.lemma_.lower() == "be":
        return []  # a copula describes its subject: "women are victims of rape"
    return actors_of(doc, [c for c in root.children if c.dep_ == "nsubj"], exclude=root)


#: personal pronouns, by which a teller speaks of their own deeds
_PERSONAL = frozenset({"i", "we", "he", "she", "they"})


def _in_a_report(trigger: Token, root: Token) -> bool:
    """Whether a reporting or appraising verb above the trigger, below the root, tells
    of it; not when a clause between has a pronoun for its subject, which is the
    teller's own deed ("said they were prepared to file an appeal"), nor when the event
    names its other party with "with", which makes the teller the first ("Vucic,
    reporting on an exchange with Blinken, accused ...")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children):
        return False
    word = trigger.head
    while word.i != root.i and word.head.i != word.i:
        if word.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in word.children if c.dep_ in SUBJECT_DEPS]
            if any(c.lower_ in _PERSONAL for c in subjects):
                return False
            if word.lemma_.lower() in _REPORTING_VERBS:
                return True
        word = word.head
    return False
