"""Stage ``eventwatch.event_anchors.v1``: an event names someone, somewhere or some number.

A trigger alone ("health warnings were issued", "the need for dialogue",
"conditions eased", "to fight greenhouse gases") names no one who acts or is
acted upon, no place and no count. Such a record cannot join a dyad's series,
sit on the map or be counted as an incident, and when it was read by hand it
was mostly no event at all: of 30 such records drawn at random from the VOA
corpus and 40 from the news sample, about one in four told of something that
happened. So, after coreference (a bare re-mention of an event with actors has
been merged into it by then), an event is kept only when it is an attack
(ASSAULT: "a shooting near the stadium", "the killing of a shepherd", told by
its own word, is an incident even when the text names no one; but not a bare
plural or a bare singular that no clause has as its subject, "conducts
bombings", "subject to attacks", "the dangers of kidnapping", which tells of a
run of incidents, a habit or a kind) or has one anchor:

* a source or a target;
* a location;
* a count (killed, injured, arrested, ... in ``quantities``);
* a participant the text does not identify but does name in an argument role:
  "a man was detained", "he was detained", "officers returned fire", "two
  farmers were arrested". PLOVER leaves such actors out of the source and
  target, but they still say that someone was there.

A toll of no one ("No one was injured.") that coreference did not join to an
attack is dropped too: it says that nothing befell anyone.

``keep_unanchored = true`` keeps every event, for a user who wants the triggers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Event
from ..lexicon import PERSON_NOUNS, SUBJECT_DEPS
from .arguments import verb_arguments
from .noun_roles import noun_arguments

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...resources import Resources

__all__ = ["AnchorSettings", "EventAnchors", "anchored", "make_event_anchors"]

#: pronouns that stand for people the text has named, identified or not
_PERSONAL = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
#: types whose own word tells that something happened to someone
_INCIDENTS = frozenset({"ASSAULT"})


class AnchorSettings(StageSettings):
    """Settings of ``eventwatch.event_anchors.v1``."""

    #: keep events that name no participant, place or count
    keep_unanchored: bool = False


def _roots(parse: Doc, event: Event) -> list[Token | None]:
    """The root of each mention's trigger, ``None`` where a trigger does not align."""
    roots: list[Token | None] = []
    for mention in event.mentions or [event.evidence]:
        trigger = mention.trigger
        span = parse.char_span(trigger.start, trigger.end, alignment_mode="expand")
        roots.append(span.root if span is not None and len(span) else None)
    return roots


def _participant(roots: list[Token | None], spans: list[tuple[int, int]], kind: str) -> bool:
    """Whether an argument of any of the event's triggers is a person or group the
    text names without identifying ("a man", "two men", "he"); ``spans`` are the
    document's actor mentions."""

    def named(word: Token) -> bool:
        if word.lower_ in _PERSONAL or word.lemma_.lower() in PERSON_NOUNS:
            return True
        return any(s <= word.idx < e for s, e in spans)

    for token in roots:
        if token is None:
            continue
        arguments = verb_arguments if token.pos_ in {"VERB", "AUX"} else noun_arguments
        sources, targets = arguments(token, kind)
        if any(named(word) for word in [*sources, *targets]):
            return True
    return False


#: the words that make a noun count one thing: "the attack", "an attack", "two attacks"
_COUNTING = frozenset({"det", "poss", "nummod"})


def _series(roots: list[Token | None]) -> bool:
    """Whether every mention is a noun of a kind rather than of an incident, and no
    clause's subject: a plural ("conducts bombings and gun assaults", "a wave of
    kidnappings", "subject to attacks": a run of incidents or a habit) or a bare
    singular used as a mass noun ("the dangers of kidnapping", "to prevent
    violence"). "Airstrikes hit the town", "clashes erupted", "an attack on a
    convoy" tell of these ones."""
    return all(root is not None and _of_a_kind(root) for root in roots)


def _of_a_kind(root: Token) -> bool:
    if root.dep_ in SUBJECT_DEPS:
        return False
    if root.tag_ in {"NNS", "NNPS"}:
        return True
    return root.tag_ == "NN" and not any(c.dep_ in _COUNTING for c in root.children)


def _unharmed(event: Event) -> bool:
    """ "No one was injured", told on its own: a count of no one harmed, with no one who
    harmed and no other mention, says that nothing befell anyone (when it retells an
    attack, coreference has merged it into the attack by now)."""
    counts = list(event.quantities.values())
    return (
        event.type in _INCIDENTS
        and bool(counts)
        and all(q.max == 0 for q in counts)
        and not event.source
        and len(event.mentions) <= 1
    )


def _anchored(doc: Document, event: Event, spans: list[tuple[int, int]]) -> bool:
    if _unharmed(event):
        return False
    if event.source or event.target or event.location is not None:
        return True
    if event.quantities or event.killed is not None or event.injured is not None:
        return True
    if doc.parse is None:
        return event.type in _INCIDENTS
    roots = _roots(doc.parse, event)
    if event.type in _INCIDENTS and not _series(roots):
        return True
    return _participant(roots, spans, event.type)


def anchored(doc: Document, event: Event) -> bool:
    """Whether the event is an attack or names a participant, a place or a count."""
    return _anchored(doc, event, _mention_spans(doc))


def _mention_spans(doc: Document) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in doc.mentions]


class EventAnchors:
    """Drops the events that name nothing an analyst could follow, map or count."""

    def __init__(self, settings: AnchorSettings) -> None:
        self.settings = settings

    def __call__(self, doc: Document) -> Document:
        if not self.settings.keep_unanchored:
            spans = _mention_spans(doc)  # once per document, not once per event
            doc.events = [e for e in doc.events if _anchored(doc, e, spans)]
        return doc


@stages.register(
    "eventwatch.event_anchors.v1",
    settings=AnchorSettings,
    requires=["parse", "mentions", "events", "places", "casualties"],
    assigns=["events"],
)
def make_event_anchors(settings: AnchorSettings, resources: Resources) -> EventAnchors:
    return EventAnchors(settings)
