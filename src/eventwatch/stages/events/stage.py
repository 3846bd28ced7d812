"""The event stage: triggers → typed events with actors, flags and evidence.

For each sentence it looks every word up in the trigger lexicon, finds the
source and target words of each trigger in the parse, maps them to the actor
mentions of the actor stage, sets the negated/hypothetical/historical flags and
the reporting speaker, and ranks the events of the sentence (main clause first,
helped by the learned type model) into a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Event, Evidence, TextSpan
from ..lexicon import SUBJECT_DEPS, overlaps
from .arguments import reduced_passive, verb_arguments
from .commitments import Commitment, find_commitments
from .flags import is_historical, is_hypothetical, is_negated, speech_head
from .lexicon import TriggerEntry, TriggerLexicon, TriggerMatch
from .noun_roles import APPRAISAL_VERBS, noun_arguments, owner_undergoes
from .participants import (
    BACKGROUND_PREPS,
    actors_of,
    befalls_the_subject,
    clause_actor,
    root_subject,
    subjects_of,
)
from .place_phrases import place_objects
from .roles import THEME_TYPES, moves_forces, self_reported
from .senses import (
    as_labour_strike,
    as_peacekeeping,
    not_an_event,
    rank_contents,
    rank_under_promise,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ...resources import Resources
    from .classifier import TypeModel

__all__ = ["ConfidenceWeights", "EventDetector", "EventSettings", "make_event_detector"]


@dataclass(slots=True)
class _Candidate:
    match: TriggerMatch
    depth: int
    #: the type it is coded as, when that is not its pattern's (the roles stay the pattern's)
    coded: TriggerEntry | None = None


class ConfidenceWeights(BaseModel):
    """How an event's ``confidence`` is scored (clamped to 0.01–0.99).

    A lexicon event starts at ``base``; gains ``per_word`` for each word of its
    pattern past the first (at most two), ``verb`` for a verb trigger,
    ``source`` when a source actor was found; loses ``per_depth`` for each
    clause below the main one (at most three) and ``hypothetical``; and gains
    ``type_model`` times the learned model's probability of its type. A
    commitment ("X said it would …") starts at ``commitment_base`` and weighs
    the model by ``commitment_type_model``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    base: float = 0.45
    per_word: float = 0.08
    verb: float = 0.07
    source: float = 0.05
    per_depth: float = 0.09
    hypothetical: float = 0.05
    type_model: float = 0.35
    commitment_base: float = 0.62
    commitment_type_model: float = 0.3


class EventSettings(StageSettings):
    """Settings of ``eventwatch.event_detector.v1``."""

    #: rank events with the learned type model
    use_type_model: bool = True
    #: a type model file (JSON, as ``scripts/train_type_model.py`` writes); None: the packaged one
    type_model: str | None = None
    #: events scored below this are dropped
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    confidence: ConfidenceWeights = Field(default_factory=ConfidenceWeights)


class EventDetector:
    """Stage ``eventwatch.event_detector.v1``: fills ``doc.events``."""

    def __init__(
        self, lexicon: TriggerLexicon, model: TypeModel | None, settings: EventSettings
    ) -> None:
        self.lexicon = lexicon
        self.model = model
        self.min_confidence = settings.min_confidence
        self.weights = settings.confidence

    @classmethod
    def from_settings(cls, settings: EventSettings) -> EventDetector:
        model = None
        if settings.use_type_model:
            from .classifier import TypeModel

            path = Path(settings.type_model) if settings.type_model else None
            model = TypeModel.load(path)
        return cls(TriggerLexicon.load(), model, settings)

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        events: list[Event] = []
        datelines = [(b.start, b.end) for b in doc.blocks if b.kind == "dateline"]
        for index, sent in enumerate(doc.parse.sents):
            events.extend(self._sentence_events(doc, index, sent, datelines))
        events.sort(key=lambda e: (e.evidence.trigger.start, e.type))
        doc.events = events  # ids are given by the pipeline, from the events' content
        return doc

    def _sentence_events(
        self, doc: Document, index: int, sent: Span, datelines: list[tuple[int, int]]
    ) -> list[Event]:
        candidates = []
        for token in sent:
            match = self.lexicon.match(token)
            if match is not None and not not_an_event(match):
                candidates.append(
                    _Candidate(
                        match,
                        _clause_depth(token),
                        coded=as_peacekeeping(match) or as_labour_strike(match),
                    )
                )
        candidates = _drop_duplicates(candidates)
        if not candidates:
            return []
        probs: dict[str, float] = {}
        if self.model is not None:
            from .classifier import sentence_features

            probs = self.model.scores(sentence_features(sent))
        events = []
        tokens: list[Token] = []
        stance = any(
            c.match.token.i == sent.root.i and c.match.entry.type in _STANCES for c in candidates
        )
        for cand in candidates:
            in_content = stance and _in_content(cand.match.token, sent.root)
            event = self._event(doc, index, sent, cand, probs, in_content, datelines)
            if event is not None and event.confidence >= self.min_confidence:
                events.append(event)
                tokens.append(cand.match.token)
        rank_contents(events, tokens)
        for commitment in find_commitments(sent, self.lexicon):
            promise = self._commitment_event(doc, index, sent, commitment, probs)
            events.append(promise)
            rank_under_promise(events, commitment.act, promise)
        return events

    def _commitment_event(
        self, doc: Document, index: int, sent: Span, com: Commitment, probs: dict[str, float]
    ) -> Event:
        act = com.act
        sources = actors_of(doc, com.speakers, exclude=act)
        if com.addressees:
            targets = actors_of(doc, com.addressees, exclude=act)
        else:
            match = self.lexicon.match(act)
            act_type = match.entry.type if match else "AGREE"
            _, objects = verb_arguments(act, act_type)
            targets = actors_of(doc, objects, exclude=act, lent_from=sources)
            if not any(a.country for a in targets):
                prep_objects = [
                    g
                    for c in act.children
                    if c.dep_ == "prep"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                targets += actors_of(doc, prep_objects, exclude=act, lent_from=sources)
        targets = [a for a in targets if a not in sources and (a.country or com.addressees)]
        if not any(a.country for a in targets):  # "a reminder to Iraq that it must cooperate"
            targets += clause_actor(doc, sent.root, sources)
        start = min(com.cue.idx, act.idx)
        end = max(com.cue.idx + len(com.cue.text), act.idx + len(act.text))
        speaker = speech_head(act) if com.type != "REQUEST" else None
        reported = actors_of(doc, subjects_of(speaker), exclude=act)[:1] if speaker else []
        depth = max(_clause_depth(com.cue) - 1, 0)
        w = self.weights
        score = (
            w.commitment_base
            - w.per_depth * min(depth, 3)
            + w.source * bool(sources)
            + w.commitment_type_model * probs.get(com.type, 0.0)
        )
        return Event(
            id="",
            type=com.type,
            mode=com.mode,
            context=[],
            cameo=com.cameo,
            source=sources,
            target=targets,
            evidence=Evidence(
                index, sent.start_char, sent.end_char, sent.text, doc.span(start, end)
            ),
            negated=is_negated(act),
            historical=is_historical(act, doc.article.pub_date),
            reported_by=reported[0] if reported and reported[0] not in sources else None,
            confidence=max(0.01, min(0.99, score)),
            rule=f"commitment:{com.cue.lower_}",
        )

    def _event(
        self,
        doc: Document,
        index: int,
        sent: Span,
        cand: _Candidate,
        probs: dict[str, float],
        stance: bool = False,
        datelines: list[tuple[int, int]] | None = None,
    ) -> Event | None:
        """The event of one trigger; ``stance`` when the sentence's main verb asks for,
        blames, rejects or backs something, so its subject is no one else's source;
        ``datelines`` are the document's dateline spans, where no actor of it stands."""
        match, token = cand.match, cand.match.token
        entry = match.entry
        coded = cand.coded or entry
        if entry.pos == "VERB":
            source_words, target_words = verb_arguments(token, entry.type)
        else:
            source_words, target_words = noun_arguments(token, entry.type)
        sources = actors_of(doc, source_words, exclude=token)
        targets = [
            a
            for a in actors_of(doc, target_words, exclude=token, lent_from=sources, argument=True)
            if a not in sources
        ]
        if moves_forces(entry) and not sources and entry.pos == "VERB":
            # "Serbian troops were deployed": the forces that move are the source's own
            moved = actors_of(
                doc, [c for c in token.children if c.dep_ == "nsubjpass"], exclude=token
            )
            sources = [a for a in moved if a.country and a.country_from == "text"]
            targets = [a for a in targets if a not in sources]
        if entry.type in THEME_TYPES and entry.mode != "release":  # "withdraw its troops"
            own = {a.country for a in sources}
            targets = [
                a
                for a in targets
                if a.country_from == "text" and (a.country not in own or a.country == "IGO")
            ]
        if not any(a.country for a in targets):
            places = actors_of(doc, place_objects(match), exclude=token, lent_from=sources)
            targets += [a for a in places if a.country and a not in sources and a not in targets]
        if not any(a.country for a in targets) and entry.type not in THEME_TYPES:
            targets += clause_actor(doc, token, sources)
        speaker = speech_head(token)
        reported_by = actors_of(doc, subjects_of(speaker), exclude=token)[:1] if speaker else []
        if (
            not sources
            and not stance
            and not _is_passive(token)
            and not _background(token)
            and not _appraised(token)
            and not (entry.pos == "NOUN" and owner_undergoes(token))
        ):
            sources = [a for a in root_subject(doc, sent, token) if a not in targets]
            if not targets and befalls_the_subject(token, sent.root):
                targets = actors_of(doc, subjects_of(sent.root), exclude=sent.root)
        if (
            not sources
            and reported_by
            and _is_passive(token)
            and not reduced_passive(token)  # "soldiers backed by …", a description
            and self_reported(entry, reported_by[0])
        ):
            sources = reported_by[:1]  # "London said a battalion had been made available"
        if datelines:  # "HESPERIA, Calif. — … one driver fired": where the reporter filed
            sources = [a for a in sources if not any(overlaps(a, d) for d in datelines)]
            targets = [a for a in targets if not any(overlaps(a, d) for d in datelines)]
        trigger_span = _trigger_span(doc, match)
        hypothetical = is_hypothetical(token)
        confidence = _confidence(
            cand, probs.get(coded.type), hypothetical, bool(sources), self.weights
        )
        return Event(
            id="",
            type=coded.type,
            mode=coded.mode,
            context=list(coded.context),
            cameo=coded.cameo,
            source=sources,
            target=targets,
            evidence=Evidence(
                sentence=index,
                start=sent.start_char,
                end=sent.end_char,
                text=sent.text,
                trigger=trigger_span,
            ),
            negated=is_negated(token),
            hypothetical=hypothetical,
            historical=is_historical(token, doc.article.pub_date),
            reported_by=reported_by[0] if reported_by else None,
            confidence=confidence,
            rule=f"{entry.pos.lower()}:{' '.join(entry.words)}",
        )


def _trigger_span(doc: Document, match: TriggerMatch) -> TextSpan:
    """The trigger's words; a pattern word far from the trigger is left out of the span."""
    near = [t for t in match.words if abs(t.i - match.token.i) <= 4] or [match.token]
    start = min(t.idx for t in near)
    end = max(t.idx + len(t.text) for t in near)
    return doc.span(start, end)


#: types whose main verb takes a stance on other events: "the envoy called for an end to
#: violence" does not make the envoy violent, nor "demanded the release" the releaser
_STANCES = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT"})


def _in_content(token: Token, root: Token) -> bool:
    """Whether ``token`` lies in what the root verb takes its stance on, that is
    anywhere but in the phrase of its subject: "Vucic, reporting on an exchange with
    Blinken, accused Washington" leaves the exchange his."""
    while token.head.i != token.i and token.head.i != root.i:
        token = token.head
    return token.i != root.i and token.dep_ not in SUBJECT_DEPS


#: nouns of the place or time an event left behind: "police processed the scene of a
#: shooting", "the aftermath of the attack"
_SCENE_NOUNS = frozenset({"scene", "site", "aftermath", "wake"})


def _background(token: Token) -> bool:
    """An event noun told as the setting of another ("set fire to homes *following the
    killing* of a man", "*after the talks*", "processed *the scene of a shooting*"): the
    clause's subject did not do it."""
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in _SCENE_NOUNS
    return token.dep_ in {"pobj", "dobj"} and token.head.lower_ in BACKGROUND_PREPS


def _appraised(token: Token) -> bool:
    """An act that a verb above it judges, watches or looks into ("the FBI joined
    Canadian authorities to investigate a series of sniper shootings"): the
    sentence's subject did not do it."""
    return any(a.lemma_.lower() in _LOOKING_ON for a in token.ancestors)


#: the appraisal verbs whose subject looks on at another's act; one who reports or
#: praises may tell of an act of their own ("Vucic, reporting on an exchange with
#: Blinken")
_LOOKING_ON = APPRAISAL_VERBS - frozenset(
    "report describe document protest back support endorse welcome praise hail applaud "
    "commend regret".split()
)


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children) or reduced_passive(token)


def _clause_depth(token: Token) -> int:
    """How many clauses down from the sentence root the trigger sits."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "parataxis"}:
            depth += 1
        token = token.head
    return depth


def _drop_duplicates(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop a noun trigger that only restates a verb trigger of the same type nearby."""
    keep = []
    claimed = {t.i for c in candidates for t in c.match.tokens[1:]}
    verbs = [c for c in candidates if c.match.entry.pos == "VERB"]
    for cand in candidates:
        token = cand.match.token
        if token.i in claimed:
            continue
        if cand.match.entry.pos == "NOUN" and any(
            v.match.entry.type == cand.match.entry.type and _governs(v.match.token, token)
            for v in verbs
        ):
            continue
        keep.append(cand)
    return keep


def _governs(verb: Token, noun: Token) -> bool:
    token = noun
    for _ in range(3):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == verb.i:
            return True
    return False


def _confidence(
    cand: _Candidate,
    prob: float | None,
    hypothetical: bool,
    has_source: bool,
    w: ConfidenceWeights,
) -> float:
    entry = cand.match.entry
    score = w.base
    score += w.per_word * min(len(entry.words) - 1, 2)
    score += w.verb if entry.pos == "VERB" else 0.0
    score += w.source if has_source else 0.0
    score -= w.per_depth * min(cand.depth, 3)
    score -= w.hypothetical if hypothetical else 0.0
    if prob is not None:
        score += w.type_model * prob
    return max(0.01, min(0.99, score))


@stages.register(
    "eventwatch.event_detector.v1",
    settings=EventSettings,
    requires=["parse", "sentences", "blocks", "mentions"],
    assigns=["events"],
)
def make_event_detector(settings: EventSettings, resources: Resources) -> EventDetector:
    return EventDetector.from_settings(settings)
