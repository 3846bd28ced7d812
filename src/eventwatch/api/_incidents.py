"""``/incidents`` and ``/alerts``: what the linker and the detector keep, and what is behind each.

An alert names the incidents and events that drove it; ``GET /alerts/{id}`` follows
them to the incidents' member events, each with its document's title and the
evidence sentence, so a client goes from an alert to the exact words in one call.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..exceptions import ApiError
from ..store import Store
from ._deps import Page, State, check_read, page
from ._json import JSONResponse
from ._pages import csv_response, next_link, page_of

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(check_read)])
PageDep = Annotated[Page, Depends(page)]
_INCIDENT_COLUMNS = ("id", "type", "mode", "dyad", "date", "location", "killed", "injured",
                     "first_report", "last_report", "n_reports", "n_sources")  # fmt: skip
_ALERT_COLUMNS = ("id", "dyad", "detector", "detected_on", "change_date", "updated_on",
                  "ended_on", "status", "severity", "score", "summary", "incidents",
                  "events")  # fmt: skip
#: events shown under one alert at most (its strongest first, as the detector ranks them)
_EVIDENCE = 200


class ListFormat(StrEnum):
    json = "json"
    csv = "csv"


class IncidentFormat(StrEnum):
    json = "json"
    csv = "csv"
    geojson = "geojson"


def _incident_features(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The located incidents of a page as GeoJSON Points (the others are left out)."""
    features = []
    for incident in items:
        place = incident.get("location") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        properties = {k: v for k, v in incident.items() if k not in ("members", "location")}
        properties.update(place_name=place.get("name"), place_country=place.get("country"))
        point = {"type": "Point", "coordinates": [place["lon"], place["lat"]]}
        features.append(
            {"type": "Feature", "id": incident["id"], "geometry": point, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def _listing(
    request: Request, items: list[dict[str, Any]], cursor: str | None, fmt: ListFormat,
    columns: tuple[str, ...],
) -> Response:  # fmt: skip
    if fmt is ListFormat.csv:
        return csv_response(request, items, columns, cursor)
    return JSONResponse({"items": items, "next_cursor": cursor},
                        headers=next_link(request, cursor))  # fmt: skip


@router.get("/incidents", tags=["incidents"], summary="Incidents, a page at a time")
def list_incidents(
    request: Request,
    state: State,
    pages: PageDep,
    since: Annotated[str | None, Query(description="Best date on or after.")] = None,
    type: Annotated[str | None, Query(max_length=40, description="A PLOVER type.")] = None,
    country: Annotated[str | None, Query(max_length=3, description="Place country.")] = None,
    event_id: Annotated[str | None, Query(max_length=200, description="Holds this.")] = None,
    format: IncidentFormat = IncidentFormat.json,
) -> Response:
    """Incident records as the linker stored them, in id order."""
    db = state.store()
    options = {"since": since, "type": type.upper() if type else None,
               "country": country.upper() if country else None, "event_id": event_id}  # fmt: skip
    chosen = {k: v for k, v in options.items() if v}
    items, cursor = page_of(
        lambda n: db.incidents(**chosen, limit=n, cursor=pages.cursor), pages.limit
    )
    if format is IncidentFormat.geojson:
        return JSONResponse(_incident_features(items), media_type="application/geo+json",
                            headers=next_link(request, cursor))  # fmt: skip
    return _listing(request, items, cursor, ListFormat(format.value), _INCIDENT_COLUMNS)


def _evidence(db: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The events of ``ids`` (those still stored), in the order given."""
    wanted = list(dict.fromkeys(ids))[:_EVIDENCE]
    if not wanted:
        return []
    found = {e["id"]: e for e in db.events(id=wanted)}
    return [found[i] for i in wanted if i in found]


@router.get("/incidents/{incident_id}", tags=["incidents"], summary="One incident, with reports")
def get_incident(state: State, incident_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The incident and its member events (the reports), each with its document's fields."""
    db = state.store()
    incident = db.incident(incident_id)
    if incident is None:
        raise ApiError(f"no incident {incident_id!r}", status=404, code="api-not-found")
    members = [m["event_id"] for m in incident.get("members") or []]
    return {**incident, "reports": _evidence(db, members)}


@router.get("/alerts", tags=["alerts"], summary="Escalation alerts, a page at a time")
def list_alerts(
    request: Request,
    state: State,
    pages: PageDep,
    since: Annotated[str | None, Query(description="Detected on or after.")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="SRB:XKX.")] = None,
    format: ListFormat = ListFormat.json,
) -> Response:
    """Alerts as the detector stored them (``eventwatch alerts``), in id order."""
    db = state.store()
    chosen = {k: v for k, v in {"since": since, "dyad": dyad}.items() if v}
    items, cursor = page_of(
        lambda n: db.alerts(**chosen, limit=n, cursor=pages.cursor), pages.limit
    )
    return _listing(request, items, cursor, format, _ALERT_COLUMNS)


@router.get("/alerts/{alert_id}", tags=["alerts"], summary="One alert, down to the evidence")
def get_alert(state: State, alert_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """The alert; ``incident_records``: its incidents, each with its ``reports``; and
    ``evidence``: its events, each with its document's title and evidence sentence."""
    db = state.store()
    alert = db.alert(alert_id)
    if alert is None:
        raise ApiError(f"no alert {alert_id!r}", status=404, code="api-not-found")
    incidents = []
    for incident_id in alert.get("incidents") or []:
        incident = db.incident(incident_id)
        if incident is not None:
            members = [m["event_id"] for m in incident.get("members") or []]
            incidents.append({**incident, "reports": _evidence(db, members)})
    return {**alert, "incident_records": incidents,
            "evidence": _evidence(db, alert.get("events") or [])}  # fmt: skip
