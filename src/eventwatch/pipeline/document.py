"""The working document the stages share while one article is coded.

It holds what the records cannot: the spaCy parse and the token-indexed map
from each actor mention's head word to its actor. Every stage takes a
:class:`Document` and returns it; the runner turns it into a plain
:class:`~eventwatch.records.CodedDocument` (:meth:`Document.record`) once the
last stage is done, so no parser object ever leaves the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..records import (
    Actor,
    Article,
    Block,
    CodedDocument,
    DocError,
    Event,
    OfArticle,
    Place,
    Quote,
    Sentence,
    TextSpan,
    TimeSpan,
    content_hash,
    event_id,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Document"]


@dataclass(slots=True)
class Document(OfArticle):
    """The shared document model every stage reads and writes."""

    article: Article
    parse: Doc | None = None
    sentences: list[Sentence] = field(default_factory=list)
    #: the layout blocks that are not body: headline, subheads, bylines, credits
    blocks: list[Block] = field(default_factory=list)
    mentions: list[Actor] = field(default_factory=list)
    #: token index of each mention's head word -> its resolved actor
    actor_heads: dict[int, Actor] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: the document's largest casualty counts ({"killed": n, "injured": m})
    casualties: dict[str, int] = field(default_factory=dict)
    errors: list[DocError] = field(default_factory=list)
    warnings: list[DocError] = field(default_factory=list)

    def span(self, start: int, end: int) -> TextSpan:
        """A :class:`TextSpan` for ``text[start:end]``."""
        return TextSpan(start, end, self.article.text[start:end])

    def record(self, version: str) -> CodedDocument:
        """The plain record of this document, with stable event ids (see :func:`event_id`)."""
        digest = content_hash(self.article.text)
        seen: dict[str, int] = {}
        for event in self.events:
            trigger = event.evidence.trigger
            base = event_id(self.article.id, digest, trigger.start, trigger.end, event.type)
            seen[base] = seen.get(base, 0) + 1
            event.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
            event.confidence = round(event.confidence, 4)  # as the JSON form has it
            if not event.mentions:
                event.mentions = [event.evidence]
        # the reader's warnings are the document's now: the record keeps them once
        article = replace(self.article, warnings=()) if self.article.warnings else self.article
        return CodedDocument(
            article=article,
            content_hash=digest,
            version=version,
            sentences=tuple(self.sentences),
            blocks=tuple(self.blocks),
            actors=tuple(self.mentions),
            events=tuple(self.events),
            times=tuple(self.times),
            places=tuple(self.places),
            quotes=tuple(self.quotes),
            casualties=dict(self.casualties),
            errors=tuple(self.errors),
            warnings=tuple(self.warnings),
        )
