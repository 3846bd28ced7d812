"""What endpoints share: the app's state, access checks, pages and the event filters.

These dependencies are ``async``: they only read the request, so they run on the event
loop without a thread hop. The store is never a dependency: FastAPI would open it in one
pool thread and run the endpoint in another, and a store is used from one thread. Each
endpoint takes ``state.store()``, the store of the thread it runs in.

The event filters are the store's own (:class:`~eventwatch.store.EventFilters`), given
as query parameters with the names ``eventwatch query`` uses: ``?country=SRB&type=
MOBILIZE&type=ASSAULT&since=2023-09&place=XKX&bbox=19,41,22,43&flag=no-negated``.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ..exceptions import ApiError, InputError
from ._state import AppState

__all__ = [
    "EventQuery",
    "Format",
    "Page",
    "State",
    "check_read",
    "check_write",
    "client_of",
    "event_filters",
    "page",
]


async def _state(request: Request) -> AppState:
    state: AppState = request.app.state.eventwatch
    return state


State = Annotated[AppState, Depends(_state)]


def client_of(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _is_local(host: str) -> bool:
    if host in ("testclient", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _token_matches(state: AppState, request: Request) -> bool:
    expected = state.settings.write_token()
    given = _bearer(request)
    return bool(expected and given and hmac.compare_digest(expected.encode(), given.encode()))


async def check_read(request: Request, state: State) -> None:
    """Reads are open from this machine (and to all with ``open_reads``); else the token."""
    if state.settings.open_reads or _is_local(client_of(request)):
        return
    if not _token_matches(state, request):
        raise ApiError("reads from other machines need the bearer token", status=401,
                       code="api-auth")  # fmt: skip


async def check_write(request: Request, state: State) -> None:
    """Writes need ``Authorization: Bearer <token>``, from anywhere."""
    if state.settings.write_token() is None:
        raise ApiError(
            "writes are off: start the server with a token (EVENTWATCH_API_TOKEN)",
            status=401,
            code="api-auth",
        )
    if not _token_matches(state, request):
        raise ApiError("this write needs 'Authorization: Bearer <token>'", status=401,
                       code="api-auth")  # fmt: skip


class Format(StrEnum):
    json = "json"
    csv = "csv"
    geojson = "geojson"


@dataclass(frozen=True)
class Page:
    limit: int
    cursor: str | None


async def page(
    state: State,
    limit: Annotated[int | None, Query(ge=1, description="Items on this page.")] = None,
    cursor: Annotated[
        str | None,
        Query(max_length=200, description="The next_cursor of the previous page."),
    ] = None,
) -> Page:
    most = state.settings.max_page_size
    chosen = state.settings.page_size if limit is None else limit
    if chosen > most:
        raise InputError(f"limit {chosen}: at most {most} a page", code="input-limit")
    return Page(limit=chosen, cursor=cursor or None)


_FLAGS = ("negated", "hypothetical", "historical")
_Text = Annotated[str | None, Query(max_length=200)]


async def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="Actor name or text.")] = None,
    country: Annotated[
        str | None, Query(description="A source or target actor's ISO3 country.")
    ] = None,
    source_country: _Text = None,
    target_country: _Text = None,
    sector: _Text = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types; repeat.")] = None,
    mode: _Text = None,
    since: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive.")] = None,
    until: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive.")] = None,
    place: Annotated[str | None, Query(description="The event's place's ISO3 country.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    flag: Annotated[
        list[str] | None, Query(description="negated, hypothetical, historical or no-…; repeat.")
    ] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words of the text.")] = None,
    doc_id: _Text = None,
    source: Annotated[str | None, Query(max_length=200, description="Feed or site.")] = None,
) -> dict[str, Any]:
    """The store's filter keywords from the query (each checked by the store's own model)."""
    options: dict[str, Any] = {
        "actor": actor, "country": country, "source_country": source_country,
        "target_country": target_country, "sector": sector, "mode": mode, "since": since,
        "until": until, "place_country": place, "text": text, "doc_id": doc_id,
        "source": source,
    }  # fmt: skip
    out = {k: v for k, v in options.items() if v not in (None, "")}
    for key in ("country", "source_country", "target_country", "place_country"):
        if key in out:
            out[key] = out[key].strip().upper()
    if len(type or ()) > 20 or len(flag or ()) > 6:
        raise InputError("at most 20 types and 6 flags", code="input-request")
    if type:
        out["type"] = [t.strip().upper() for t in type if t.strip()] or None
        if out["type"] is None:
            del out["type"]
    if bbox:
        try:
            west, south, east, north = (float(v) for v in bbox.split(","))
        except ValueError:
            raise InputError(
                "bbox: four numbers west,south,east,north", code="input-bbox"
            ) from None
        if not all(-180 <= v <= 180 for v in (west, east)) or not all(
            -90 <= v <= 90 for v in (south, north)
        ):
            raise InputError("bbox: longitudes within ±180, latitudes within ±90",
                             code="input-bbox")  # fmt: skip
        out["bbox"] = (west, south, east, north)
    for value in flag or []:
        name = value.removeprefix("no-")
        if name not in _FLAGS:
            raise InputError(f"flag {value!r} is not one of {', '.join(_FLAGS)} (or no-…)",
                             code="input-flag")  # fmt: skip
        out[name] = not value.startswith("no-")
    _check(out)
    return out


def _check(options: dict[str, Any]) -> None:
    from ..store import EventFilters

    EventFilters(**options)  # the store's own checks: countries, dates, text words


EventQuery = Annotated[dict[str, Any], Depends(event_filters)]
