"""``/documents``: what was ingested, and each document whole with its coded facts."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..exceptions import ApiError
from ._deps import Page, State, check_read, page
from ._json import JSONResponse
from ._pages import csv_response, next_link, page_of

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(check_read)], tags=["documents"])
_DOC_COLUMNS = ("id", "version", "title", "url", "source", "pub_date", "language", "status",
                "duplicate_of", "events", "pipeline_version", "coded_at")  # fmt: skip
_Text = Annotated[str | None, Query(max_length=200)]


class ListFormat(StrEnum):
    json = "json"
    csv = "csv"


@router.get("/documents", summary="Stored documents (metadata and event counts)")
def list_documents(
    request: Request,
    state: State,
    pages: Annotated[Page, Depends(page)],
    source: _Text = None,
    status: Annotated[str | None, Query(description="coded, duplicate or error.")] = None,
    since: Annotated[str | None, Query(description="Published on or after.")] = None,
    until: Annotated[str | None, Query(description="Published on or before.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words of the text.")] = None,
    format: ListFormat = ListFormat.json,
) -> Response:
    """Latest versions, in id order; no text (``GET /documents/{id}`` has it)."""
    db = state.store()
    options = {"source": source, "status": status, "since": since, "until": until,
               "text": text}  # fmt: skip
    chosen = {k: v for k, v in options.items() if v}
    items, cursor = page_of(
        lambda n: db.documents(**chosen, limit=n, cursor=pages.cursor), pages.limit
    )
    if format is ListFormat.csv:
        return csv_response(request, items, _DOC_COLUMNS, cursor)
    return JSONResponse({"items": items, "next_cursor": cursor},
                        headers=next_link(request, cursor))  # fmt: skip


@router.get("/documents/{doc_id:path}", summary="One document with its text and every coded fact")
def get_document(
    state: State,
    doc_id: Annotated[str, Path(max_length=500)],
    version: Annotated[int | None, Query(ge=1, le=2**31, description="A stored version.")] = None,
) -> dict[str, Any]:
    """The document as it was stored: text, sentences, actors, events, times, places and
    quotes, each fact with its character offsets into ``text``; and the incidents its
    events belong to."""
    db = state.store()
    found = db.document(doc_id, version=version)
    if found is None:
        raise ApiError(f"no document {doc_id!r}", status=404, code="api-not-found")
    incidents: dict[str, dict[str, Any]] = {}
    for event in found.get("events") or []:
        for incident in db.incidents(event_id=event["id"]):
            incidents.setdefault(incident["id"], incident)
    found["incidents"] = list(incidents.values())
    return found


@router.get("/stats", tags=["store"], summary="What the store holds")
def stats(state: State) -> dict[str, Any]:
    """Counts: documents, events, errors, duplicates, versions, first and last day."""
    db = state.store()
    counts: dict[str, Any] = db.stats()
    return counts
