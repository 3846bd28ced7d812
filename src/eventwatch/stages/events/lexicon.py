"""The trigger lexicon: words that signal a PLOVER event.

Each entry of ``events/data/triggers.tsv`` is a pattern, a part of speech, and
the PLOVER type, mode, CAMEO code and context it signals. The first word of a
pattern is the trigger's lemma; every further word must be the lemma of one of
the trigger's dependents (a particle, preposition, object or modifier), or of
the object of a preposition among them; a word written ``!word`` must not be
one, and ``@dep`` asks for a dependent with that dependency label (``warn
@ccomp``: "warned that police will act" threatens, "warned of a deployment"
reports). The entry matching the most words wins.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ...exceptions import ResourceError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["PLOVER_TYPES", "TriggerEntry", "TriggerLexicon", "TriggerMatch", "infinitive_marker"]

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "VERB"}


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    words: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    context: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    entry: TriggerEntry
    token: Token
    tokens: tuple[Token, ...]  # the trigger and the dependents its pattern matched

    @property
    def start(self) -> int:
        return int(min(t.idx for t in self.tokens))

    @property
    def end(self) -> int:
        return int(max(t.idx + len(t.text) for t in self.tokens))

    @property
    def words(self) -> tuple[Token, ...]:
        """The trigger and the words its pattern named (not ``@dep`` clause heads)."""
        named = sum(w[0] != "@" for w in self.entry.words)
        return tuple(t for t in self.tokens[:named])


class TriggerLexicon:
    """Index of trigger patterns by (lemma, part of speech)."""

    def __init__(self, entries: list[TriggerEntry]) -> None:
        self.entries = entries
        self._index: dict[tuple[str, str], list[TriggerEntry]] = defaultdict(list)
        for entry in entries:
            self._index[(entry.words[0], entry.pos)].append(entry)
        for bucket in self._index.values():
            bucket.sort(key=lambda e: (-sum(w[0] not in "!@" for w in e.words), e.line))

    @classmethod
    def load(cls, text: str | None = None) -> TriggerLexicon:
        if text is None:
            try:
                text = (
                    resources.files("eventwatch.stages.events")
                    .joinpath("data", "triggers.tsv")
                    .read_text("utf-8")
                )
            except OSError as exc:
                raise ResourceError(f"trigger lexicon is missing: {exc}") from exc
        return cls(list(_parse(text)))

    def match(self, token: Token) -> TriggerMatch | None:
        pos = _POS.get(token.pos_)
        if pos is None:
            return None
        bucket = self._index.get((token.lemma_.lower(), pos))
        if bucket is None and pos == "VERB" and token.pos_ == "ADJ":
            return None
        if token.pos_ == "ADJ" and token.tag_ == "JJ" and token.lower_ == token.lemma_.lower():
            return None  # "largely free from congestion": an adjective, no verb's participle
        if bucket is None:
            bucket = self._index.get((token.lower_, pos))
        if not bucket:
            return None
        dependents = _dependents(token)
        for entry in bucket:
            matched = [token]
            for word in entry.words[1:]:
                if word.startswith("!"):
                    if word[1:] in dependents:
                        break
                    continue
                if word.startswith("@"):
                    labelled = [c for c in token.children if c.dep_ == word[1:]]
                    if not labelled:
                        break
                    matched.append(labelled[0])
                    continue
                found = dependents.get(word)
                if found is None:
                    break
                matched.append(found)
            else:
                return TriggerMatch(entry, token, tuple(matched))
        return None


def infinitive_marker(token: Token) -> bool:
    """The "to" of an infinitive ("to protest"), not the preposition ("protest to")."""
    return token.dep_ == "aux" and token.tag_ == "TO"


def _of_time(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Sunday", "in March")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in {"DATE", "TIME"} for o in objects)


def _dependents(token: Token) -> dict[str, Token]:
    """Lemmas of the token's children and of the objects of its prepositions."""
    found: dict[str, Token] = {}
    for child in token.children:
        if infinitive_marker(child):
            continue  # the infinitive's own "to" ("to protest the law") is no "protest to"
        if child.dep_ == "prep" and _of_time(child):
            continue  # "called Netanyahu on Sunday" is no "call on"
        found.setdefault(child.lemma_.lower(), child)
        found.setdefault(child.lower_, child)
        if child.dep_ in {"advcl", "ccomp"} and any(infinitive_marker(c) for c in child.children):
            for mark in child.children:  # "called for the charge to be dropped"
                if mark.dep_ == "mark" and mark.lower_ == "for":
                    found.setdefault("for", mark)
        if child.dep_ in {"prep", "agent", "dative", "xcomp", "acomp", "oprd", "dobj"}:
            for grandchild in child.children:
                if grandchild.dep_ in {"pobj", "dobj", "compound", "amod", "prt"}:
                    found.setdefault(grandchild.lemma_.lower(), grandchild)
                if child.dep_ == "dobj" and grandchild.dep_ == "prep" and grandchild.lower_ == "of":
                    for inner in grandchild.children:  # "lifted a state of emergency"
                        if inner.dep_ == "pobj":
                            found.setdefault(inner.lemma_.lower(), inner)
    return found


def _parse(text: str) -> list[TriggerEntry]:
    entries = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        cells += [""] * (6 - len(cells))
        pattern, pos, type_, mode, cameo, context = cells[:6]
        if type_ not in PLOVER_TYPES:
            raise ResourceError(f"triggers.tsv:{number}: unknown PLOVER type {type_!r}")
        if pos not in {"VERB", "NOUN"}:
            raise ResourceError(f"triggers.tsv:{number}: part of speech must be VERB or NOUN")
        words = tuple(pattern.lower().split())
        if not words or (words, pos) in seen:
            continue
        seen.add((words, pos))
        entries.append(
            TriggerEntry(
                words=words,
                pos=pos,
                type=type_,
                mode=mode or None,
                cameo=cameo or None,
                context=tuple(c for c in context.replace(";", "|").split("|") if c.strip()),
                line=number,
            )
        )
    return entries
