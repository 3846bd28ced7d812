"""Pages of results as JSON, CSV or GeoJSON, with the cursor of the next page."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response

from ..store import EXPORT_FORMATS
from ._json import JSONResponse

__all__ = ["csv_response", "next_link", "page_of", "paged_response"]


def page_of(
    fetch: Callable[[int], list[dict[str, Any]]], limit: int, key: str = "id"
) -> tuple[list[dict[str, Any]], str | None]:
    """``fetch(limit + 1)``'s first ``limit`` items and the cursor after them (None: last)."""
    items = fetch(limit + 1)
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    return items, str(items[-1][key])


def next_link(request: Request, cursor: str | None) -> dict[str, str]:
    if cursor is None:
        return {}
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    url = f"{request.url.path}?{urlencode([*query, ('cursor', cursor)])}"
    return {"X-Next-Cursor": cursor, "Link": f'<{url}>; rel="next"'}


def paged_response(
    request: Request,
    items: list[dict[str, Any]],
    cursor: str | None,
    *,
    format: str = "json",
    extra: Mapping[str, Any] | None = None,
) -> Response:
    """A page of event records: ``{"items", "next_cursor"}``, or the store's CSV or GeoJSON."""
    headers = next_link(request, cursor)
    if format == "json":
        return JSONResponse({"items": items, "next_cursor": cursor, **(extra or {})},
                            headers=headers)  # fmt: skip
    buffer = io.BytesIO()
    EXPORT_FORMATS[format](items, buffer)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
    return Response(buffer.getvalue(), media_type=media, headers=headers)


def csv_response(
    request: Request, rows: Sequence[Mapping[str, Any]], columns: Sequence[str], cursor: str | None
) -> Response:
    """Plain rows (documents, incidents, alerts) as CSV; nested values as their text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _cell(row.get(c)) for c in columns])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers=next_link(request, cursor))  # fmt: skip


def _cell(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}={v}" for k, v in value.items() if v is not None)
    return str(value)
