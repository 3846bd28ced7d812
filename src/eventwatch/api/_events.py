"""``/events`` and ``/places``: the stored events as pages, and where they happened."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..exceptions import ApiError
from ._deps import EventQuery, Format, Page, State, check_read, page
from ._json import JSONResponse
from ._pages import page_of, paged_response

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(check_read)], tags=["events"])
PageDep = Annotated[Page, Depends(page)]


@router.get("/events", summary="Events matching the filters, a page at a time")
def list_events(
    request: Request,
    state: State,
    filters: EventQuery,
    pages: PageDep,
    format: Annotated[Format, Query(description="json, csv or geojson.")] = Format.json,
) -> Response:
    """Event records (the event's JSON with its document's fields) in event-id order.

    The filters are those of ``eventwatch query``. A page holds ``limit`` events; pass
    its ``next_cursor`` (JSON) or ``X-Next-Cursor`` header (CSV, GeoJSON) as ``cursor``
    for the next. CSV and GeoJSON have the columns of ``eventwatch export``.
    """
    db = state.store()
    items, cursor = page_of(
        lambda n: db.events(**filters, limit=n, cursor=pages.cursor), pages.limit
    )
    return paged_response(request, items, cursor, format=format.value)


@router.get("/events/{event_id}", summary="One event record")
def get_event(state: State, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    db = state.store()
    found = db.events(id=event_id, limit=1)
    if not found:
        raise ApiError(f"no event {event_id!r}", status=404, code="api-not-found")
    record: dict[str, Any] = found[0]
    return record


@router.get("/places", summary="Located places of the filtered events, as GeoJSON")
def list_places(
    state: State,
    filters: EventQuery,
    limit: Annotated[int, Query(ge=1, le=10_000, description="At most this many places.")] = 2000,
) -> JSONResponse:
    """A FeatureCollection: one Point per place, with its name, country, number of events,
    first and last day and the killed and injured they report; most events first."""
    db = state.store()
    features = []
    for p in db.places(**filters, limit=limit):
        point = {"type": "Point", "coordinates": [p.pop("lon"), p.pop("lat")]}
        features.append({"type": "Feature", "geometry": point, "properties": p})
    return JSONResponse({"type": "FeatureCollection", "features": features},
                        media_type="application/geo+json")  # fmt: skip
