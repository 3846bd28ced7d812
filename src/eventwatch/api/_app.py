"""The app factory: :func:`create_app` over a store URL, and the middleware every request meets.

DOCS: docs/api.md
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._version import __version__
from ..exceptions import ConfigError
from ..pipeline import PipelineSpec
from . import _analytics, _documents, _events, _incidents, _web, _writes
from ._errors import error_body, install_error_handlers
from ._json import JSONResponse
from ._settings import ApiSettings
from ._state import AppState

__all__ = ["SERVE_ENV", "app_from_environment", "create_app"]

#: what ``eventwatch serve --workers N`` hands each worker process: JSON of ``{"url",
#: "settings", "config"}``
SERVE_ENV = "EVENTWATCH_SERVE"

#: the dashboard runs only our own scripts; Plot writes <style> elements, hence inline styles
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_HEADERS = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _Guard:
    """Refuses bodies over ``max_bytes`` (413) before any endpoint reads them; adds the
    security headers to every answer.

    A declared ``Content-Length`` over the limit is refused at once; a body without one
    (chunked) is read here up to the limit and handed on whole, or refused.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(self.max_bytes, send)
            return
        if declared is None and scope.get("method") in ("POST", "PUT", "PATCH"):
            body = bytearray()
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                body += message.get("body", b"")
                if len(body) > self.max_bytes:
                    await _too_large(self.max_bytes, send)
                    return
                if not message.get("more_body", False):
                    break
            receive = _replay(bytes(body), receive)

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, receive, secured)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _too_large(limit: int, send: Send) -> None:
    response = JSONResponse(
        error_body("api-size", "ApiError", f"the request body is over {limit:,} bytes"),
        status_code=413,
    )
    await response({"type": "http"}, _nothing, send)


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def create_app(
    url: str, *, settings: ApiSettings | None = None, spec: PipelineSpec | None = None
) -> FastAPI:
    """The eventwatch API and dashboard over the store at ``url``.

    ``settings``: :class:`ApiSettings` (token, limits, assets). ``spec``: the pipeline
    that ``POST /code`` and ``POST /ingest`` code with (default: the packaged one),
    loaded on the first such request.
    """
    state = AppState(url, settings or ApiSettings(), spec)
    state.store()  # a wrong URL or a store newer than this eventwatch fails here, not later

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = state.settings.threads
        yield
        state.close()

    app = FastAPI(
        title="eventwatch",
        version=__version__,
        summary="Coded news events, incidents and escalation alerts from your own store.",
        lifespan=lifespan,
        default_response_class=JSONResponse,
    )
    app.state.eventwatch = state
    install_error_handlers(app)

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            error_body("internal", type(exc).__name__, "the server failed; see its log"),
            status_code=500,
        )

    app.add_exception_handler(Exception, unexpected)
    for module in (_events, _documents, _incidents, _analytics, _writes, _web):
        app.include_router(module.router)

    app.add_middleware(_Guard, max_bytes=state.settings.max_body_bytes)
    return app


def app_from_environment() -> FastAPI:
    """The app that ``$EVENTWATCH_SERVE`` describes: uvicorn's factory in each worker."""
    try:
        given = json.loads(os.environ[SERVE_ENV])
    except (KeyError, ValueError):
        raise ConfigError(f"${SERVE_ENV} holds no serve settings", code="config-api") from None
    config = given.get("config")
    return create_app(
        given["url"],
        settings=ApiSettings(**given.get("settings", {})),
        spec=PipelineSpec.load(Path(config) if config else None),
    )
