"""The fallback target of a trigger: the place or party its phrases of direction name.

"called for sanctions against Nigeria", "sent personnel to Bosnia", "withdraw from
Lebanon": when the arguments give no target actor, the country such a phrase names
is the one acted upon. Streets and roads are where, never whom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arguments import governing_verb, is_a_way, prep_objects, subjects, with_conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import TriggerMatch

__all__ = ["place_objects"]

_PLACE_PREPS = {
    "against",
    "on",
    "to",
    "into",
    "in",
    "at",
    "toward",
    "towards",
    "upon",
    "for",
    "with",
}


def place_objects(match: TriggerMatch) -> list[Token]:
    """Objects of the trigger's (and its pattern nouns') prepositions: the fallback target.

    "called for sanctions against Nigeria", "sent personnel to Bosnia": when no
    target actor is found, the country such a phrase names is acted upon. For
    withdrawals and aid, "from" names it too ("withdraw from Lebanon", "evacuated
    the wounded from Gorazde").
    """
    preps = _PLACE_PREPS | ({"from"} if match.entry.type in {"RETREAT", "AID"} else set())
    found: list[Token] = []
    words = list(match.tokens)
    words += [  # "donated and delivered goods to the school"
        v for v in match.token.children if v.dep_ == "conj" and v.pos_ == "VERB" and not subjects(v)
    ]
    if match.token.pos_ not in {"VERB", "AUX"}:
        verb = match.token.head if match.token.head.pos_ in {"VERB", "AUX"} else None
        verb = verb or governing_verb(match.token)
        if verb is not None:
            words.append(verb)  # "remained on alert in the West Bank"
    for word in words:
        for obj in prep_objects(word, preps):
            if is_a_way(obj):
                continue  # "on the streets of New York": where, not whom
            found.append(obj)
            found += prep_objects(obj, {"in", "of"})  # "at targets in Jericho"
        for child in word.children:
            if child.dep_ in {
                "dobj",
                "attr",
            }:  # "launched artillery, mortar and rocket fire against…"
                for obj in with_conjuncts([child]):
                    found += prep_objects(obj, preps)
    return list(dict.fromkeys(found))
