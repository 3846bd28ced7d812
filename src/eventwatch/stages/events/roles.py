"""Who plays which part in events whose roles the grammar alone does not settle.

* a deployment, a withdrawal or an aid: what it moves ("withdraw its troops") is
  the source's own, never a target, and the forces a passive moves ("Serbian troops
  were deployed", "UN peacekeepers were shipped out") are its source;
* a passive told by a speaker: the speaker is its author only when the act is its
  own to tell (its aid, its withdrawal) or the state reports an arrest or a release
  it made; never a killing it reports.
"""

from __future__ import annotations

from ...records import Actor
from .lexicon import TriggerEntry

__all__ = ["THEME_TYPES", "moves_forces", "self_reported"]

#: events whose object is the source's own: what is deployed, withdrawn or given
THEME_TYPES = {"MOBILIZE", "RETREAT", "AID"}
_SELF_REPORTED = {"AID", "MOBILIZE", "RETREAT", "CONCEDE", "COOPERATE", "SUPPORT", "AGREE"}
#: the state's organs that arrest, detain and charge, and report it in the passive
_ENFORCERS = {"COP", "GOV", "JUD", "MIL"}


#: the words of a withdrawal of one's own mission (CAMEO 166x "expel or withdraw")
_WITHDRAWING = frozenset({"withdraw", "ship", "pull", "recall"})


def moves_forces(entry: TriggerEntry) -> bool:
    """A deployment or a withdrawal: its passive subject is the force that moves, the
    source's own ("Serbian troops were deployed", "UN peacekeepers were shipped out"),
    not a target; a release is not one ("the journalist was released": he is its
    target), nor an expulsion ("the monitors were expelled")."""
    if entry.type == "SANCTION":
        return (entry.cameo or "").startswith("166") and entry.words[0] in _WITHDRAWING
    return entry.type == "MOBILIZE" or (entry.type == "RETREAT" and entry.mode == "withdraw")


def self_reported(entry: TriggerEntry, reporter: Actor) -> bool:
    """Whether whoever reports a passive act is its author: its own aid or withdrawal
    ("London said a battalion had been made available"), or an arrest or a release the
    police or the state report ("a man was arrested, police said"); never a killing it
    reports, nor a release a lawyer or a rights group reports."""
    detains = entry.type == "COERCE" or (entry.type == "RETREAT" and entry.mode == "release")
    if entry.type in _SELF_REPORTED and not detains:
        return True
    return detains and reporter.sector in _ENFORCERS
