"""Resolving actor mention strings on their own (``eventwatch resolve-actor``).

A query is a mention text, optionally the sentence it came from and a date.
The text (or its context) is parsed and run through the actor stage alone; the
answer is the mention that the query's words head.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .pipeline.document import Document
from .records import Actor, Article

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["ActorQuery", "query_date", "resolve_actor", "resolve_actors"]

ACTOR_STAGE = "eventwatch.actor_mentions.v1"


@dataclass(frozen=True, slots=True)
class ActorQuery:
    id: str
    text: str
    context: str | None = None
    date: dt.date | None = None


def query_date(value: object) -> dt.date | None:
    """A query's date: ISO, or an explicit date in words ("1 January 2018"); else None.

    Relative words ("Today") are left open: a query carries no reference date.
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.search(r"\b\d{4}\b", value):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    from .stages.dates import resolve_date

    span = resolve_date(value, ref=dt.date.today())
    if span.start_date is None or span.granularity not in {"day", "month", "year"}:
        return None
    return dt.date.fromisoformat(span.start_date[:10])


def resolve_actor(
    pipeline: Pipeline, text: str, *, context: str | None = None, date: dt.date | None = None
) -> Actor:
    """The actor a mention string stands for (``country=None`` when the words don't say)."""
    [(_, actor)] = list(resolve_actors(pipeline, [ActorQuery("q", text, context, date)]))
    return actor


def resolve_actors(
    pipeline: Pipeline, queries: Iterable[ActorQuery]
) -> Iterator[tuple[ActorQuery, Actor]]:
    """Resolve many queries with one batched parse."""
    stage = pipeline.stage(ACTOR_STAGE)
    batch = list(queries)
    texts = [_frame(q)[0] for q in batch]
    for query, parse in zip(batch, pipeline.parser.parse_many(texts), strict=True):
        text, start = _frame(query)
        doc = Document(Article(id=query.id, text=text, pub_date=query.date), parse=parse)
        stage(doc)
        yield query, _answer(doc, start, start + len(query.text.strip()))


def _frame(query: ActorQuery) -> tuple[str, int]:
    """The text to parse and where the mention starts in it."""
    mention = query.text.strip()
    if query.context and mention and mention in query.context:
        return query.context, query.context.index(mention)
    return f"{mention} {_FRAME}", 0


#: words after a bare mention, so the parser reads it as a clause's subject, not a fragment
_FRAME = "said so."


def _answer(doc: Document, start: int, end: int) -> Actor:
    parse = doc.parse
    assert parse is not None
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is not None and span.root.i in doc.actor_heads:
        return doc.actor_heads[span.root.i]
    inside = [a for a in doc.mentions if a.start < end and start < a.end]
    if inside:
        return max(inside, key=lambda a: (min(a.end, end) - max(a.start, start), -a.start))
    text = doc.text[start:end]
    return Actor(text=text, start=start, end=end, name=None, country=None, sector=None)
