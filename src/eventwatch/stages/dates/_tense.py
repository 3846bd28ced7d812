"""Which way a temporal expression points, read from the clause it sits in.

A weekday or a partial date ("Tuesday", "March 3") means the nearest one in the
direction the clause speaks of: forward under a modal or future auxiliary, a
verb of scheduling, a deadline noun, after "as early as" and the like, or in an
infinitive that is itself prospective ("planned to leave on Thursday", "ways to
get around the ruling by Jan. 14"); in a present-tense clause the nearest one
either way; otherwise back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["expression_head", "speaks_of_now", "tense_of"]

_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "might", "must", "may", "should"})
_INTENT = frozenset(
    "plan intend expect schedule prepare want hope aim agree decide promise threaten vow seek "
    "order ask urge call due ready set go likely able invite require try".split()
)
_FORWARD_NOUNS = frozenset({"deadline", "date", "target", "timetable", "ultimatum"})
_FORWARD_CUE = re.compile(r"(?i)(?:as (?:early|soon) as|no later than|not before)\s*$")
_VERBAL = frozenset({"VERB", "AUX"})
_CLIMB = 4  # how far up a noun phrase is followed to the verb of its clause
_NOMINAL_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod", "nummod", "det"})


def expression_head(span: Span) -> Token:
    """The word an expression attaches to: its head outside the expression (through a
    preposition: "on Sunday" attaches to the verb)."""
    root = span.root
    head = root.head
    while head.i != root.i and span.start <= head.i < span.end:
        root, head = head, head.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head
    return head


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` is in (``token`` itself when it is one)."""
    for _ in range(_CLIMB):
        if token.pos_ in _VERBAL or token.dep_ == "ROOT" or token.head.i == token.i:
            return token
        token = token.head
    return token


def _forward(verb: Token, depth: int = 0) -> bool:
    kids = list(verb.children)
    if verb.dep_ == "xcomp":
        kids += list(verb.head.children)
    if any(k.tag_ == "MD" and k.lower_ in _MODALS for k in kids):
        return True
    if verb.lemma_ in ("schedule", "slate") and verb.tag_ == "VBN":
        return True
    if verb.tag_ == "VB" and any(k.lower_ == "to" for k in verb.children):
        governor = verb.head
        if governor.lemma_ in _INTENT or governor.pos_ in ("NOUN", "PROPN"):
            return True
        if depth < 2 and governor.i != verb.i:  # an infinitive under a prospective one
            return _forward(_clause_verb(governor), depth + 1)
    return False


def tense_of(span: Span, head: Token, before: str) -> tuple[bool, bool]:
    """(forward, present) for the expression ``span`` attached to ``head``; ``before`` is
    the text just before it ("as early as").

    An expression that modifies a noun as its determiner or compound ("Wednesday's
    ruling", "the Oct. 23 slaying") names when that thing happened and takes no tense
    from the clause; an adverbial one ("her first stop Tuesday morning") takes the
    tense of the clause its noun phrase is in. The present perfect speaks of the past.
    """
    if _FORWARD_CUE.search(before):
        return True, False
    if head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in _FORWARD_NOUNS:
            return True, False
        if _outermost(span).dep_ in _NOMINAL_MODIFIERS:
            return False, False
    verb = _clause_verb(head)
    if verb.pos_ not in _VERBAL:
        return False, False
    forward = _forward(verb)
    present = not forward and _simple_present(verb)
    return forward, present


def _outermost(span: Span) -> Token:
    root = span.root
    while root.head.i != root.i and span.start <= root.head.i < span.end:
        root = root.head
    return root


def _simple_present(verb: Token) -> bool:
    if any(k.dep_ == "aux" and k.lemma_ == "have" for k in verb.children):
        return False  # "have been searching since …": the present perfect
    return any(w.tag_ in ("VBZ", "VBP") for w in (verb, *verb.children))


def speaks_of_now(token: Token) -> bool:
    """Whether the clause of ``token`` speaks of the present or the future: a simple
    present ("a provision allows"), a present perfect ("groups have condemned the
    arrest") or a modal or future ("Britain will cede"), not the narrative past."""
    verb = _clause_verb(token)
    if verb.pos_ not in _VERBAL:
        return False
    kids = list(verb.children)
    if any(k.dep_ == "aux" and k.lemma_ == "have" and k.tag_ in ("VBZ", "VBP") for k in kids):
        return True
    return _forward(verb) or _simple_present(verb)
