"""``POST /code`` (a text in, its coded document out, nothing stored) and ``POST /ingest``.

Both need the bearer token. ``/code`` is rate-limited per client; both share the one
pipeline of the app, which codes one request at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from ..engines import IngestReport, LocalEngine, ingest_items
from ..incidents import IncidentLinking
from ..records import Article, default_id, document_to_dict
from ._deps import State, check_write, client_of

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(check_write)], tags=["writes"])


class ArticleIn(BaseModel):
    """One article: its text and what is known of it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text (plain, never markup).")
    id: str | None = Field(default=None, min_length=1, max_length=500,
                           description="Default: doc- and a hash of the text.")  # fmt: skip
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    pub_date: dt.date | None = Field(default=None, description="YYYY-MM-DD.")
    source: str | None = Field(default=None, max_length=500, description="Feed or site.")
    language: str | None = Field(default=None, min_length=2, max_length=3)

    def article(self) -> Article:
        return Article(
            id=self.id or default_id(self.text), text=self.text, pub_date=self.pub_date,
            title=self.title, url=self.url, source=self.source, language=self.language,
        )  # fmt: skip


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ArticleIn] = Field(min_length=1, max_length=200)


class IngestOut(BaseModel):
    coded: int = Field(description="Documents coded and stored.")
    with_errors: int = Field(description="Of those, documents a stage failed on.")
    known: int = Field(description="Texts already stored under their id: nothing added.")
    duplicates: int = Field(description="Near-copies of a stored text, linked to it.")
    events: int = Field(description="Events of the coded documents.")
    ids: list[str]


@router.post("/code", summary="Code one text; nothing is stored")
def code(request: Request, state: State, body: ArticleIn) -> dict[str, Any]:
    """The coded document (``eventwatch code --format doc``): sentences, actors, events,
    times, places and quotes with character offsets into ``text``."""
    state.code_limiter.take(client_of(request))
    with state.pipeline_lock:
        doc = next(state.pipeline().code_articles([body.article()]))
    coded: dict[str, Any] = document_to_dict(doc)
    return coded


@router.post("/ingest", summary="Code and store documents, once")
def ingest(state: State, body: IngestIn) -> IngestOut:
    """As ``eventwatch ingest``: a known text adds nothing, a near-copy is linked, a changed
    text under a known id is its next version, and the new reports join or open incidents."""
    articles = [d.article() for d in body.documents]
    report = IngestReport()
    with state.pipeline_lock:
        engine = LocalEngine(state.pipeline())
        ingest_items(articles, store=state.store(), spec=state.pipeline_spec(), engine=engine,
                     report=report, after_write=IncidentLinking())  # fmt: skip
    state.forget()
    return IngestOut(
        coded=report.documents, with_errors=report.with_errors, known=report.known,
        duplicates=report.duplicates, events=report.events, ids=[a.id for a in articles],
    )  # fmt: skip
