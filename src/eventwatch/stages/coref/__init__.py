"""Within-document event coreference: one event, however often the report mentions it.

A report names its main event many times: in the headline or a subhead, then
in the body, then again as "the attack", "the assault", "the hijacking". The
event detector codes each mention; this stage groups the mentions of one
event and keeps a single event with every mention in ``Event.mentions``.

A later event joins an earlier group when both say the same thing (same type,
the same negated / hypothetical / historical flags) and nothing tells them
apart (see :func:`compatible`), and when the text marks it as a mention of
something already told:

* its trigger is a noun made definite ("the hijacking", "this assault",
  "Tuesday's attack") whose head word is the group's own ("the hijacking"
  after "train hijacking") or a general noun of events (:data:`GENERAL_NOUNS`:
  "the attack" after "hijacking", "the talks" after "met"), or names the same
  act with another word ("their release" after "were freed": one specific
  CAMEO code; "the second shooting" sets itself apart); a general noun
  points to the story's main event of its type (the group told most often,
  then the first), not merely the nearest. Statements (support, accusations,
  rejections, demands, threats) are not joined this way: "their support"
  said twice is usually two statements; or
* its trigger is a verb, in a later sentence, that tells again what befell
  someone already named: its passive subject or its object is definite, a
  pronoun, or a name the earlier mention's sentence used ("the 279 girls were
  released" after "schoolgirls were freed", "gunmen stormed it", "Dara was
  released"), and the earlier mention names the same act (the same lemma or
  the same specific CAMEO code); or
* it stands in the headline or a subhead, which announce the body; or
* it tells the toll of an attack (``_tolls.py``): a participle that tells what
  the other did ("gunmen attacked a post, killing three": the killing is the
  attack's outcome, and its count is the attack's), the dead an attack leaves
  ("stormed a hotel, leaving five dead"), a toll coordinated with the act or
  with another toll ("five were killed, and five others were injured"), the
  killed "in the attack", or a sentence that gives only the toll of the attack
  told in the sentence before ("A bomber attacked a market. Seven people were
  killed."), unless it opens as another incident ("Separately, …") or counts
  differently; or
* its trigger is a verb of the class's general word on a thing already named
  ("they attacked the hotel", after "gunmen stormed a hotel").

A raid, a siege or a resistance that is an attack's occasion ("kidnapped during
an overnight raid", "stormed a hotel, triggering a siege") is kept as a mention
of that attack (``_frames.py``), not as an incident of its own.

Harm in a mishap or a hazard ("killed in the crash") is no attack at all: the
event detector does not code it.

Events in a byline or a credit line ("… contributed to this report") are no
events and are dropped.

Two attacks on two days, in two towns, or by two different sides stay two
events; only a date the mention's own sentence writes tells days apart (one
borrowed from the sentence before is a guess). The merged event keeps the most
specific date (a day written in the text over a month, over the publication
date), place (a town over a province over a country), actors and counts over its
mentions; its ``evidence`` is its most informative mention.

Last, a source that names no country takes one from an earlier event told
with the same word (``_discourse.py``: "the deployment of tanks" after "a
Serbian deployment"), marked ``country_from: "discourse"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Event
from ..lexicon import TOLL_VERBS, overlaps, undergoers
from ._compare import compatible
from ._discourse import lend_discourse_sides
from ._frames import occasion_hosts
from ._merge import merge
from ._tolls import has_toll, opens_another_incident, outcome_heads, same_toll, tells_a_toll

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...resources import Resources

__all__ = ["CorefSettings", "EventCoreference", "compatible", "make_event_coref"]

#: words that make an event noun point back: "the attack", "this assault", "such raids"
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "such"}
#: nouns that name an event of any kind of their class, so "the attack" may mean the
#: hijacking told before; words for ongoing conflict ("the fighting", "the war") are not
#: among them: they name a state of affairs rather than one incident
GENERAL_NOUNS = frozenset(
    "attack assault incident operation action move meeting talks protest demonstration "
    "agreement deal decision".split()
)
#: verbal types whose repeated nouns are usually new statements, not the same one again
STATEMENTS = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN"})


class CorefSettings(StageSettings):
    """Settings of ``eventwatch.event_coref.v1``."""

    #: two located mentions farther apart than this are two events
    max_km: float = Field(default=100.0, ge=0.0)
    #: two dated mentions whose days differ by more than this are two events
    max_days: int = Field(default=1, ge=0)


@dataclass
class _Group:
    events: list[Event] = field(default_factory=list)
    #: the mentions in a headline or subhead, which never speak for the group
    furniture: list[Event] = field(default_factory=list)


class EventCoreference:
    """Stage ``eventwatch.event_coref.v1``: merges the mentions of one event."""

    def __init__(self, settings: CorefSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None or not doc.events:
            return doc
        framing = [(b.start, b.end) for b in doc.blocks if b.kind in {"headline", "subhead"}]
        credits = [(b.start, b.end) for b in doc.blocks if b.kind in {"byline", "credit"}]
        body: list[Event] = []
        furniture: list[Event] = []
        for event in doc.events:
            trigger = event.evidence.trigger
            if any(overlaps(trigger, span) for span in credits):
                continue  # "AP's Jane Doe contributed to this report" is no AID
            inside = any(overlaps(trigger, span) for span in framing)
            (furniture if inside else body).append(event)
        groups: list[_Group] = []
        for event in body:
            group = (
                self._outcome_of(doc.parse, event, groups)
                or self._toll_of(doc.parse, event, groups)
                or self._antecedent(doc.parse, event, groups)
            )
            if group is None:
                groups.append(_Group([event]))
            else:
                group.events.append(event)
        groups = _absorb_occasions(doc.parse, groups)
        for event in furniture:  # a headline announces the first body event it matches
            target = next((g for g in groups if self._fits(event, g)), None)
            if target is None:
                groups.append(_Group([event]))
            else:
                target.furniture.append(event)
        doc.events = sorted(
            (merge(g.events, g.furniture) for g in groups),
            key=lambda e: (e.evidence.trigger.start, e.type),
        )
        lend_discourse_sides(doc.events, _head_word)
        return doc

    def _outcome_of(self, parse: Doc, event: Event, groups: list[_Group]) -> _Group | None:
        """The group of the event whose trigger governs this one as its outcome."""
        token = _trigger_token(parse, event)
        if token is None:
            return None
        heads = outcome_heads(token, event)
        if not heads:
            return None
        for group in reversed(groups):
            for other in group.events:
                head = _trigger_token(parse, other)
                if head is not None and head.i in heads and self._fits(event, group):
                    return group
        return None

    def _toll_of(self, parse: Doc, event: Event, groups: list[_Group]) -> _Group | None:
        """The attack told in the sentence before, when this sentence gives its toll
        and nothing else: "A bomber attacked a market. Seven people were killed." (or
        the toll told beside it: "five were killed, and five others were injured"). A
        passive with no side of its own, a count of the dead or hurt that the attack
        does not already have otherwise, and no word that starts another incident
        ("Separately, two were killed")."""
        token = _trigger_token(parse, event)
        if token is None or not tells_a_toll(token, event) or opens_another_incident(token):
            return None
        here = event.evidence.sentence
        for group in reversed(groups):
            told = {e.evidence.sentence for e in group.events}
            beside = any(e.evidence.sentence == here and has_toll(e) for e in group.events)
            if not beside and (here - 1 not in told or here in told):
                continue  # the sentence before, or a toll beside it: "five were killed and …"
            tokens = [_trigger_token(parse, e) for e in group.events]
            if all(t is not None and t.tag_ == "NNS" for t in tokens):
                continue  # "one of three shootings": a count of incidents takes no one toll
            if group.events[0].type == "ASSAULT" and self._fits(event, group):
                return group if same_toll(event, group.events) else None
        return None

    def _antecedent(self, parse: Doc, event: Event, groups: list[_Group]) -> _Group | None:
        """The group a definite mention points back to: the nearest named with the same
        word ("the hijacking" → "train hijacking"), else, for a general noun in the
        singular ("the attack"), the nearest that fits."""
        if event.type in STATEMENTS:
            return None
        trigger = _trigger_token(parse, event)
        if trigger is not None and _undergoer_told_before(trigger):
            # "the 279 girls were released", after "schoolgirls were freed"
            word = trigger.lemma_.lower()
            fitting = [  # a later sentence tells it again; one sentence tells two acts
                g
                for g in reversed(groups)
                if self._fits(event, g)
                and any(e.evidence.sentence < event.evidence.sentence for e in g.events)
                and not any(_told_here(parse, event, word, e) for e in g.events)
            ]
            named = _named_undergoer(trigger)
            if named is not None:  # "Dara was released": only where Dara was named before
                fitting = [g for g in fitting if any(_names(e, named) for e in g.events)]
            again = next(
                (g for g in fitting if any(_same_kind(parse, event, word, e) for e in g.events)),
                None,
            )
            thing = _undergoer_word(trigger) if word in GENERAL_NOUNS else None
            if again is None and thing is not None:
                # "they attacked the hotel", after "gunmen stormed a hotel": the general
                # verb of the class, on a thing the earlier mention's sentence named
                again = next((g for g in fitting if any(_names(e, thing) for e in g.events)), None)
            if again is not None:
                return again
        token = _pointing_noun(trigger) if trigger is not None else None
        if token is None:
            return None
        fitting = [g for g in reversed(groups) if self._fits(event, g)]
        word = _word(token.text)
        if trigger is None or token.i == trigger.i:
            same_word = [
                g for g in fitting if any(_same_kind(parse, event, word, e) for e in g.events)
            ]
        elif token.dep_ == "pobj":  # "killed in the crash": the noun names what is told again
            same_word = [g for g in fitting if any(_head_word(e) == word for e in g.events)]
        else:  # "the men fired shots": the same act by the ones who did it before ("the
            # BLA killed 400" is not the killing the military did)
            same_word = [
                g
                for g in fitting
                if any(
                    _same_kind(parse, event, word, e) and _did_it(e, token.lower_) for e in g.events
                )
            ]
        if same_word:
            return same_word[0]
        if word in GENERAL_NOUNS and token.tag_ == "NN" and fitting:  # not "the attacks"
            return max(reversed(fitting), key=lambda g: len(g.events) + len(g.furniture))
        return None

    def _fits(self, event: Event, group: _Group) -> bool:
        return all(
            compatible(event, other, max_km=self.settings.max_km, max_days=self.settings.max_days)
            for other in group.events
        )


def _absorb_occasions(parse: Doc, groups: list[_Group]) -> list[_Group]:
    """Keep a raid, a siege or a resistance as mentions of the attack it is the
    occasion of (``_frames.py``), when both carry the same flags ("triggering a
    siege", then "the siege continues")."""
    kept: list[_Group] = []
    for group in groups:
        event = group.events[0]
        hosts: set[int] = set()
        for mention in group.events:
            token = _trigger_token(parse, mention)
            hosts |= occasion_hosts(token, mention) if token is not None else set()
        host = next(
            (
                g
                for g in groups
                if g is not group
                and any(
                    e.type == "ASSAULT"
                    and _flags(e) == _flags(event)
                    and (t := _trigger_token(parse, e)) is not None
                    and t.i in hosts
                    for e in g.events
                )
            ),
            None,
        )
        if host is None:
            kept.append(group)
        else:
            host.furniture.extend(group.events)
    return kept


def _flags(event: Event) -> tuple[bool, bool, bool]:
    return event.negated, event.hypothetical, event.historical


def _did_it(event: Event, word: str) -> bool:
    """Whether an earlier mention's sentence names ``word`` other than as the one the act
    befell: "the officer fired shots" after "an officer shot a driver", but not "the
    BLA killed 400" after "the military killed 33 BLA terrorists"."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return _names(event, pattern) and not any(pattern.search(a.text) for a in event.target)


def _head_word(event: Event) -> str:
    """The trigger's last word, without a plural -s: "train hijacking" → "hijacking"."""
    words = event.evidence.trigger.text.split()
    return _word(words[-1]) if words else ""


def _same_kind(parse: Doc, event: Event, word: str, other: Event) -> bool:
    """Whether an earlier mention names the same kind of act: its word ("the
    hijacking" after "train hijacking"; "their release" after "were released") or
    its specific CAMEO code ("the release" after "were freed": both set people free; a
    family's general code, such as 190 for any use of force, names too many acts)."""
    specific = event.cameo is not None and not event.cameo.endswith("0")
    if _head_word(other) == word or (specific and other.cameo == event.cameo):
        return True
    token = _trigger_token(parse, other)
    return token is not None and token.lemma_.lower() == word


def _word(text: str) -> str:
    word = text.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and word != "talks" else word


def _pointing_noun(trigger: Token) -> Token | None:
    """The definite event noun a mention points back with: the trigger itself ("the
    attack"), the subject of a verb trigger that tells its outcome ("the attack
    wounded ten"), or the attack a casualty verb's people fell in ("were killed in
    the attack")."""
    if _points_back(trigger):
        return trigger
    if trigger.pos_ == "VERB":
        for child in trigger.children:
            if child.dep_ == "nsubj" and _points_back(child):
                return child
        for child in trigger.children:  # "five were killed in the attack": its toll
            if child.dep_ == "prep" and child.lower_ == "in" and trigger.lemma_ in TOLL_VERBS:
                nouns = [c for c in child.children if c.dep_ == "pobj" and _points_back(c)]
                if nouns:
                    return nouns[0]
    return None


def _trigger_token(parse: Doc, event: Event) -> Token | None:
    trigger = event.evidence.trigger
    span = parse.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


#: modifiers that tell a new event from one told before: "the second shooting", "a
#: separate attack", "the latest raid", "the previous talks"
_ANOTHER = frozenset(
    "second third fourth fifth another other separate new latest fresh further additional "
    "previous earlier prior last next subsequent later first".split()
)


#: pronouns for people already named
_ANAPHORS = frozenset({"he", "she", "they", "him", "her", "them", "it"})


def _undergoer_told_before(verb: Token) -> bool:
    """Whether a verb tells again what befell people or things already named: its
    passive subject or its object is definite or a pronoun ("the girls were
    released", "they were freed", "the girls, who were kidnapped last Friday",
    "gunmen stormed it")."""
    if verb.pos_ != "VERB":
        return False
    befallen = undergoers(verb)
    if verb.dep_ == "relcl" and any(u.tag_ in {"WP", "WDT"} for u in befallen):
        befallen = [verb.head]  # "the girls, who were kidnapped": the girls
    if not befallen:
        return False
    word = befallen[0]
    if word.lower_ in _ANAPHORS or word.pos_ == "PROPN":
        return True  # a name is definite; the caller asks whether it was named before
    return word.pos_ == "NOUN" and any(
        c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE and c.lower_ != "such"
        for c in word.children
    )


def _named_undergoer(verb: Token) -> re.Pattern[str] | None:
    """The name of the one a verb befalls, as a whole-word pattern, when it is a name
    ("Dara was released")."""
    for child in undergoers(verb):
        if child.pos_ == "PROPN":
            return re.compile(rf"\b{re.escape(child.text)}\b")
    return None


def _told_here(parse: Doc, event: Event, word: str, other: Event) -> bool:
    """Whether the other mention names the same act in the event's own sentence: one
    sentence that says a verb twice tells two acts ("stormed a hotel and then stormed
    a school")."""
    return other.evidence.sentence == event.evidence.sentence and _same_kind(
        parse, event, word, other
    )


def _undergoer_word(verb: Token) -> re.Pattern[str] | None:
    """The head word of the definite common noun a verb befalls ("attacked the
    hotel" → "hotel"), as a whole-word pattern."""
    for child in undergoers(verb):
        if child.pos_ == "NOUN" and any(c.lower_ in _DEFINITE for c in child.children):
            return re.compile(rf"\b{re.escape(child.text)}\b", re.IGNORECASE)
    return None


def _names(event: Event, name: re.Pattern[str]) -> bool:
    """Whether a sentence that tells the event names ``name`` ("freed the journalist
    Mech Dara" names "Dara")."""
    return any(name.search(m.text) for m in event.mentions or [event.evidence])


def _points_back(token: Token) -> bool:
    """Whether the trigger is a noun the text makes definite ("the attack", "Tuesday's raid")
    and does not set apart from the ones told before ("the second attack")."""
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ in {"amod", "det"} and c.lower_ in _ANOTHER for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in {"det", "poss"} and child.lower_ in _DEFINITE:
            return True
        if child.dep_ == "poss" and (child.ent_type_ in {"DATE", "TIME"} or child.pos_ == "PROPN"):
            return True  # "Tuesday's attack", "Pakistan's train hijacking"
    return False


@stages.register(
    "eventwatch.event_coref.v1",
    settings=CorefSettings,
    requires=["parse", "blocks", "events", "times", "places"],
    assigns=["events"],
)
def make_event_coref(settings: CorefSettings, resources: Resources) -> EventCoreference:
    return EventCoreference(settings)
