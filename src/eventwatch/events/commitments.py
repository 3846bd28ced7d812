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

from .flags import SPEECH_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import TriggerLexicon

__all__ = ["Commitment", "find_commitments"]

_OBLIGATION = {"must", "should"}
_FUTURE = {"will", "would", "'ll", "shall"}
_READY = {"ready", "willing", "prepared"}
_SELF = {"it", "they", "we", "i", "he", "she"}
#: types whose future is a threat; the future of the rest is a promise
_NEGATIVE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT", "ACCUSE", "THREATEN"}
_THREAT_MODE = {
    "ASSAULT": "violence",
    "COERCE": "restrict",
    "SANCTION": "relations",
    "PROTEST": "restrict",
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
    return [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _aux(verb: Token, words: set[str]) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in words:
            return child
    return None


def _promise_or_threat(act: Token, lexicon: TriggerLexicon) -> tuple[str, str | None]:
    match = lexicon.match(act)
    if match is not None and match.entry.type in _NEGATIVE:
        return "THREATEN", _THREAT_MODE.get(match.entry.type)
    return "AGREE", None


def _commitment(
    type_: str, mode: str | None, cue: Token, act: Token, speakers: list[Token], to: list[Token]
) -> Commitment:
    return Commitment(type_, mode, _CAMEO[type_], cue, act, speakers, to)


def find_commitments(sent: Span, lexicon: TriggerLexicon) -> list[Commitment]:
    """Demands, promises and threats made through modals in one sentence."""
    found = []
    for verb in sent:
        if verb.lemma_.lower() in SPEECH_LEMMAS and verb.pos_ == "VERB":
            speakers = _subjects(verb)
            for act in verb.children:
                if act.dep_ != "ccomp" or not speakers:
                    continue
                obligation = _aux(act, _OBLIGATION)
                future = _aux(act, _FUTURE)
                act_subjects = _subjects(act)
                if obligation is not None and act_subjects:
                    found.append(
                        _commitment("REQUEST", None, obligation, act, speakers, act_subjects)
                    )
                elif future is not None and act_subjects and act_subjects[0].lower_ in _SELF:
                    kind, mode = _promise_or_threat(act, lexicon)
                    found.append(_commitment(kind, mode, future, act, speakers, []))
        elif verb.lower_ in _READY and verb.dep_ == "acomp":
            copula = verb.head
            acts = [c for c in verb.children if c.dep_ == "xcomp"]
            subjects = _subjects(copula)
            if acts and subjects and subjects[0].lower_ not in {"which", "that"}:
                kind, mode = _promise_or_threat(acts[0], lexicon)
                found.append(_commitment(kind, mode, verb, acts[0], subjects, []))
        elif verb.dep_ == "ROOT" and verb.pos_ == "VERB":
            future = _aux(verb, _FUTURE)
            subjects = _subjects(verb)
            if future is not None and subjects and lexicon.match(verb) is not None:
                kind, mode = _promise_or_threat(verb, lexicon)
                found.append(_commitment(kind, mode, future, verb, subjects, []))
    return found
