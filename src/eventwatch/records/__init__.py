"""The plain records eventwatch reads and emits: articles in, coded documents out.

An :class:`Article` is one input document. The pipeline's stages share a
working document that holds the parse (``eventwatch.pipeline.Document``); what
comes out is a :class:`CodedDocument`: the article, its sentences and every
fact (actors, events, times, places, quotes) with character offsets into the
article's text, and no parser objects. Records are frozen or plain dataclasses
that pickle cheaply and round-trip through JSON (``to_dict`` / ``from_dict``).

Ids are derived, never counted: a document's :func:`content_hash` is the
SHA-256 of its text, and an :func:`event_id` hashes the document id, that
hash, the trigger's offsets and the event type, so the same input and pipeline
version give the same ids on every run, machine and number of workers.
"""

from __future__ import annotations

from ._documents import (
    Article,
    CodedDocument,
    DocError,
    OfArticle,
    content_hash,
    default_id,
    document_to_dict,
    event_id,
)
from ._facts import Actor, Event, Evidence, Place, Quantity, Quote, TimeSpan, event_to_dict
from ._json import json_line
from ._text import BLOCK_KINDS, Block, Sentence, TextSpan

__all__ = [
    "BLOCK_KINDS",
    "Actor",
    "Article",
    "Block",
    "CodedDocument",
    "DocError",
    "Event",
    "Evidence",
    "OfArticle",
    "Place",
    "Quantity",
    "Quote",
    "Sentence",
    "TextSpan",
    "TimeSpan",
    "content_hash",
    "default_id",
    "document_to_dict",
    "event_id",
    "event_to_dict",
    "json_line",
]
