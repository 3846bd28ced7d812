"""Articles in, coded documents out, and the ids derived from their content."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from ._facts import Actor, Event, Place, Quote, TimeSpan, event_to_dict
from ._text import Block, Sentence

__all__ = [
    "Article",
    "CodedDocument",
    "DocError",
    "OfArticle",
    "content_hash",
    "default_id",
    "document_to_dict",
    "event_id",
]


def content_hash(text: str) -> str:
    """The SHA-256 of a text (UTF-8), in hex: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_id(text: str, prefix: str = "doc") -> str:
    """An id for a text that came without one: ``doc-`` and 12 hex digits of its hash.

    Two different texts never share it (unlike a fixed ``"doc"`` or ``"stdin"``).
    """
    return f"{prefix}-{content_hash(text)[:12]}"


def event_id(doc_id: str, text_hash: str, start: int, end: int, event_type: str) -> str:
    """The stable id of an event: ``ev-`` and 20 hex digits of a hash of what defines it."""
    key = f"{doc_id}\x1f{text_hash}\x1f{start}\x1f{end}\x1f{event_type}"
    return "ev-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


@dataclass(frozen=True, slots=True)
class DocError:
    """A problem met while coding one document: which stage, and why.

    The same record carries warnings (the document was coded, but something
    is worth knowing: no publication date, bytes that were not UTF-8).
    """

    stage: str
    message: str
    #: the stable code of the problem (an exception's ``code``), when it has one
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.message, "code": self.code}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocError:
        return cls(data["stage"], data["message"], data.get("code"))


@dataclass(frozen=True, slots=True)
class Article:
    """One input document as the user gave it."""

    id: str
    text: str
    pub_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    #: the language the input declares (ISO 639-1); in a coded document, the one detected
    language: str | None = None
    #: the outlet or feed it came from, when the input says
    source: str | None = None
    #: where in the input it was read ("batch.jsonl:12", "site/page.html"), for messages
    origin: str | None = None
    #: what reading it noticed without refusing it (bytes that were not UTF-8, …)
    warnings: tuple[DocError, ...] = ()


class OfArticle:
    """What every document view reads of its article: its ``id`` and ``text``."""

    __slots__ = ()
    article: Article

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text


@dataclass(frozen=True, slots=True)
class CodedDocument(OfArticle):
    """What the pipeline emits for one article: every fact with its offsets, no parse.

    ``errors`` is empty when the document was coded; otherwise it says which
    step failed and why (the facts coded before the failure are kept).
    ``version`` names the pipeline that coded it (package, model and config).
    """

    article: Article
    content_hash: str
    version: str
    sentences: tuple[Sentence, ...] = ()
    #: the layout: headline, subheads, bylines and credit lines (body elsewhere)
    blocks: tuple[Block, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    #: the document's largest casualty counts over all its casualty phrases
    casualties: dict[str, int] = field(default_factory=dict)
    errors: tuple[DocError, ...] = ()
    warnings: tuple[DocError, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedDocument:
        """The record :meth:`to_dict` wrote (``eventwatch code --format doc`` prints it)."""
        article = Article(
            id=data["id"],
            text=data["text"],
            pub_date=_date(data.get("pub_date")),
            title=data.get("title"),
            url=data.get("url"),
            language=data.get("language"),
            source=data.get("source"),
            origin=data.get("origin"),
        )
        return cls(
            article=article,
            content_hash=data["content_hash"],
            version=data["version"],
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences") or ()),
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks") or ()),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
            events=tuple(Event.from_dict(e) for e in data.get("events") or ()),
            times=tuple(TimeSpan.from_dict(t) for t in data.get("times") or ()),
            places=tuple(Place.from_dict(p) for p in data.get("places") or ()),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes") or ()),
            casualties=dict(data.get("casualties") or {}),
            errors=tuple(DocError.from_dict(e) for e in data.get("errors") or ()),
            warnings=tuple(DocError.from_dict(w) for w in data.get("warnings") or ()),
        )


def document_to_dict(doc: CodedDocument) -> dict[str, Any]:
    """The JSON form of a coded document (``eventwatch code --format doc``)."""
    article = doc.article
    return {
        "id": article.id,
        "content_hash": doc.content_hash,
        "version": doc.version,
        "pub_date": article.pub_date.isoformat() if article.pub_date else None,
        "language": article.language,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "origin": article.origin,
        "text": article.text,
        "sentences": [s.to_dict() for s in doc.sentences],
        "blocks": [b.to_dict() for b in doc.blocks],
        "actors": [a.to_dict() for a in doc.actors],
        "events": [event_to_dict(e) for e in doc.events],
        "times": [t.to_dict() for t in doc.times],
        "places": [p.to_dict() for p in doc.places],
        "quotes": [q.to_dict() for q in doc.quotes],
        "casualties": dict(sorted(doc.casualties.items())),
        "errors": [e.to_dict() for e in doc.errors],
        "warnings": [w.to_dict() for w in doc.warnings],
    }
