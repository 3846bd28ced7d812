"""An attack's toll: the killed and hurt a report tells apart from the attack itself.

A report tells an attack, then what it did: "gunmen stormed a hotel, leaving at
least five people dead", "the blast left 12 dead and 30 wounded", "militants
attacked a post, killing three", "A bomber attacked a market. Seven people were
killed and 20 others were wounded." The toll is the attack's outcome, not an
attack of its own, so coreference joins it to the attack (see ``__init__``).
These are the tests of the parse it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["has_toll", "opens_another_incident", "outcome_heads", "same_toll", "tells_a_toll"]

#: the counts that tell what an attack did to people
_TOLLS = frozenset({"killed", "injured"})
#: words that open the telling of another incident: "Separately, two were killed",
#: "In another attack, …"
_OPENERS = frozenset(
    "separately elsewhere meanwhile also besides another separate other second new".split()
)


def has_toll(event: Event) -> bool:
    """Whether the event counts killed or injured people."""
    return event.type == "ASSAULT" and bool(_TOLLS & event.quantities.keys())


def _bare_toll(event: Event) -> bool:
    """A count of the dead or hurt that names no one who did it."""
    return has_toll(event) and not event.source


def outcome_heads(token: Token, event: Event) -> set[int]:
    """The tokens whose event this one tells the outcome of: the verb a participle
    hangs on ("gunmen attacked a post, killing three"), the attack whose "leave"
    clause it stands in ("stormed a hotel, leaving five dead and ten injured", "the
    blast left 12 dead and 30 wounded"), and, for a toll with no side of its own,
    the act it is coordinated with ("seven were killed and 20 others wounded",
    "troops shelled the town and 12 civilians were killed")."""
    heads: set[int] = set()
    if token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"}:
        heads.add(token.head.i)
    if not _bare_toll(event):
        return heads
    leave = next((t for t in (token.head, token.head.head) if t.lemma_.lower() == "leave"), None)
    if leave is not None:
        heads.add(leave.head.i)  # "stormed a hotel, leaving five dead"
        heads.update(c.i for c in leave.children if c.dep_ in {"nsubj", "nsubjpass"})
    if token.dep_ == "conj":
        heads.add(token.head.i)
    return heads


def tells_a_toll(token: Token, event: Event) -> bool:
    """Whether a clause only gives a toll: a passive of the dead or hurt, with no side
    of its own, as a sentence's own statement ("Seven people were killed", "…, five
    others were injured,' he said"), not as a detail of another act ("354 were
    freed, 37 of whom were injured")."""
    return (
        _bare_toll(event)
        and any(c.dep_ == "auxpass" for c in token.children)
        and token.dep_ in {"ROOT", "ccomp", "conj"}
    )


def opens_another_incident(token: Token) -> bool:
    """Whether the sentence opens with a word that tells of another incident."""
    return any(t.lower_ in _OPENERS for t in token.sent[:4])


def same_toll(event: Event, told: list[Event]) -> bool:
    """Whether no mention already gives a different count of the same toll."""
    return all(
        mine is None or theirs is None or mine == theirs
        for other in told
        for mine, theirs in ((event.killed, other.killed), (event.injured, other.injured))
    )
