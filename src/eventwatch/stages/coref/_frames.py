"""The occasion of an attack: the raid, the siege or the resistance it is part of.

A report often names one incident twice, by two kinds of act: "the girls were
kidnapped *during an overnight raid*", "gunmen stormed a hotel, leaving five dead
and *triggering a siege*", "militants are still *resisting* and fighting the
security forces". The raid, the siege and the resistance are the attack's
occasion, not an incident of their own: coreference keeps them as mentions of
the attack (see ``__init__``). These are the tests of the parse it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Event

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["OCCASION_TYPES", "occasion_hosts"]

#: the types of act that can be an attack's occasion: a raid or a siege (COERCE), and
#: resistance (REJECT) beside fighting
OCCASION_TYPES = frozenset({"COERCE", "REJECT"})
#: prepositions that put an act inside another: "kidnapped during a raid", "killed in a
#: raid", "shot amid a siege"
_WITHIN = frozenset({"during", "in", "amid", "amidst"})
#: participles that tell what an attack set off: "triggering a siege"
_SETTING_OFF = frozenset({"trigger", "spark", "start", "begin", "prompt"})


def occasion_hosts(token: Token, event: Event) -> set[int]:
    """The tokens whose attack this event is the occasion of: the verb whose "during"
    phrase names it, the attack whose participle set it off, and the verb it is
    coordinated with ("resisting and fighting")."""
    if event.type not in OCCASION_TYPES:
        return set()
    hosts: set[int] = set()
    if token.dep_ == "pobj" and token.head.lower_ in _WITHIN:
        hosts.add(token.head.head.i)  # "kidnapped during an overnight raid"
    verb = token.head if token.dep_ == "dobj" else None
    if verb is not None and verb.tag_ == "VBG" and verb.lemma_.lower() in _SETTING_OFF:
        for _ in range(3):  # "stormed a hotel, leaving five dead and triggering a siege"
            if verb.head.i == verb.i:
                break
            verb = verb.head
            hosts.add(verb.i)
    if event.type == "REJECT" and token.pos_ == "VERB":
        if token.dep_ == "conj":
            hosts.add(token.head.i)
        hosts.update(c.i for c in token.children if c.dep_ == "conj")
    return hosts
