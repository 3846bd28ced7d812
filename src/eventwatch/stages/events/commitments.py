"""Statements about the future: demands, promises and threats made by modals.

"Russia said that Sudan must return the helicopter" is a REQUEST by Russia of
Sudan; "Iraq said it would allow inspectors" and "France is ready to contribute
troops" are AGREE; "NATO said it would tighten the blockade" is a THREATEN. No
trigger word says so: the modal or the word of readiness does. The act itself
(return, allow, tighten) is coded separately and flagged hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import SPEECH_VERBS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import TriggerLexicon

__all__ = ["Commitment", "find_commitments"]

_OBLIGATION = {"must", "should"}
_FUTURE = {"will", "would", "'ll", "shall"}
_POSSIBLE = {"may", "might", "could"}
_READY = {"ready", "willing", "prepared"}
_PLAN = {"plan", "intend", "prepare", "aim", "seek"}
_SELF = {"it", "they", "we", "i", "he", "she"}
_CONDITIONS = {"unless", "if"}
#: "we must see the attacks as a trend": an obligation the speakers lay on themselves
#: asks nothing of anyone else
_FIRST_PERSON = {"we", "i"}
#: types whose future is a threat; the future of the rest is a promise
_NEGATIVE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT", "ACCUSE", "THREATEN", "MOBILIZE"}
#: types that threaten when made conditional ("will withdraw its force unless…")
_CONDITIONAL_THREATS = {"RETREAT", "SANCTION", "REJECT"}
_THREAT_MODE = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
    "RETREAT": "relations",
}
_CAMEO = {"REQUEST": "100", "AGREE": "030", "THREATEN": "130"}


@dataclass(frozen=True, slots=True)
class Commitment:
    type: str
    mode: str | None
    cameo: str | None
    cue: Token  # the modal or the word of readiness
    act: Token  # the verb of what is demanded, promised or threatened
    speakers: list[Token]
    addressees: list[Token]


def _subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _aux(verb: Token, words: set[str]) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in words:
            return child
    return None


def _act_type(act: Token, lexicon: TriggerLexicon) -> str | None:
    """The event type of the act: its own trigger, else its object's ("tighten the blockade")."""
    match = lexicon.match(act)
    if match is not None:
        return match.entry.type
    for child in act.children:
        if child.dep_ in {"dobj", "attr"}:
            inner = lexicon.match(child)
            if inner is not None:
                return inner.entry.type
    return None


def _conditional(act: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in c.children) for c in act.children
    )


def _promise_or_threat(
    act: Token, lexicon: TriggerLexicon, *, possible: bool = False
) -> tuple[str, str | None] | None:
    """THREATEN for a negative (or conditional) act, AGREE for the rest; None if no act."""
    act_type = _act_type(act, lexicon)
    if act_type is None:
        return None
    if act_type in _NEGATIVE or (_conditional(act) and act_type in _CONDITIONAL_THREATS):
        return "THREATEN", _THREAT_MODE.get(act_type)
    if possible:
        return None  # "may visit" promises nothing
    return "AGREE", None


def _commitment(
    type_: str, mode: str | None, cue: Token, act: Token, speakers: list[Token], to: list[Token]
) -> Commitment:
    return Commitment(type_, mode, _CAMEO[type_], cue, act, speakers, to)


def _requester(clause: Token) -> list[Token]:
    """Who demands what a "must" clause says: the subject of the verb it hangs from."""
    token = clause
    for _ in range(4):
        if token.head.i == token.i:
            return []
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            subjects = _subjects(token)
            if subjects:
                return subjects
    return []


def find_commitments(sent: Span, lexicon: TriggerLexicon) -> list[Commitment]:
    """Demands, promises and threats made through modals in one sentence."""
    found: list[Commitment] = []
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            if verb.lower_ in _READY and verb.dep_ == "acomp":
                found.extend(_readiness(verb, lexicon))
            continue
        subjects = _subjects(verb)
        obligation = _aux(verb, _OBLIGATION)
        if obligation is not None and subjects and verb.dep_ != "ROOT":
            speakers = _requester(verb)
            if speakers and subjects[0].lower_ not in _FIRST_PERSON:
                found.append(_commitment("REQUEST", None, obligation, verb, speakers, subjects))
            continue
        found.extend(_future(verb, subjects, lexicon))
        if verb.lemma_.lower() in _PLAN and subjects:
            for act in (c for c in verb.children if c.dep_ == "xcomp"):
                kind = _promise_or_threat(act, lexicon)
                if kind is not None and kind[0] == "THREATEN":
                    found.append(_commitment(kind[0], kind[1], verb, act, subjects, []))
    return found


def _future(verb: Token, subjects: list[Token], lexicon: TriggerLexicon) -> list[Commitment]:
    cue = _aux(verb, _FUTURE) or _aux(verb, _POSSIBLE)
    if cue is None or not subjects:
        return []
    possible = cue.lower_ in _POSSIBLE
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
        speakers = _subjects(head)
        if not speakers or subjects[0].lower_ not in _SELF:
            return []
    elif verb.dep_ == "ROOT":
        speakers = subjects
    else:
        return []
    kind = _promise_or_threat(verb, lexicon, possible=possible)
    if kind is None:
        return []
    return [_commitment(kind[0], kind[1], cue, verb, speakers, [])]


def _readiness(word: Token, lexicon: TriggerLexicon) -> list[Commitment]:
    """ "France is ready to contribute troops": a promise (or a threat) by the subject."""
    acts = [c for c in word.children if c.dep_ == "xcomp"]
    subjects = _subjects(word.head)
    if not acts or not subjects or subjects[0].lower_ in {"which", "that"}:
        return []
    kind = _promise_or_threat(acts[0], lexicon) or ("AGREE", None)
    return [_commitment(kind[0], kind[1], word, acts[0], subjects, [])]
