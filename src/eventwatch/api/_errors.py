"""Errors as JSON: our exception tree mapped to HTTP statuses, one body shape for all.

Every error answer is ``{"error": {"code", "type", "message"}}`` with the stable
``code`` of :mod:`eventwatch.exceptions` (``input``, ``store-locked``,
``api-not-found`` …), so a client branches on the code, never on the text.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from ..exceptions import (
    ApiError,
    ConfigError,
    DocumentError,
    EngineError,
    EventwatchError,
    InputError,
    ResourceError,
    StoreError,
)
from ._json import JSONResponse

__all__ = ["error_body", "install_error_handlers", "status_of"]

#: store codes that mean "try again later", not "the server is broken"
_BUSY = {"store-locked", "store-gone"}


def status_of(error: EventwatchError) -> int:
    """The HTTP status an error answers with."""
    if isinstance(error, ApiError):
        return error.status
    if isinstance(error, DocumentError):
        return 422
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StoreError):
        return 503 if error.code in _BUSY else 500
    if isinstance(error, ResourceError | EngineError):
        return 503
    if isinstance(error, ConfigError):
        return 500
    return 500


def error_body(code: str, kind: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "type": kind, "message": message, **extra}}


def _answer(error: EventwatchError) -> JSONResponse:
    headers = {}
    if isinstance(error, ApiError):
        if error.retry_after is not None:
            headers["Retry-After"] = str(max(1, round(error.retry_after)))
        if error.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(
        error_body(error.code, type(error).__name__, error.message),
        status_code=status_of(error),
        headers=headers,
    )


_HTTP_CODES = {404: "api-not-found", 405: "api-method", 413: "api-size"}


def install_error_handlers(app: FastAPI) -> None:
    async def eventwatch_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, EventwatchError)
        return _answer(exc)

    async def invalid_request(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
            for e in exc.errors()
        ]
        first = details[0] if details else {"where": "request", "problem": "invalid"}
        message = f"{first['where']}: {first['problem']}"
        return JSONResponse(
            error_body("input-request", "InputError", message, details=details), status_code=422
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = _HTTP_CODES.get(exc.status_code, f"api-{exc.status_code}")
        return JSONResponse(
            error_body(code, "ApiError", str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    app.add_exception_handler(EventwatchError, eventwatch_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)
