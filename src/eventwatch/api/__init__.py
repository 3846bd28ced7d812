"""The REST API and the crisis dashboard over a store (``eventwatch serve``).

>>> from eventwatch.api import create_app, ApiSettings
>>> app = create_app("events.db", settings=ApiSettings(token="s3cret"))   # doctest: +SKIP

Resources: ``/events``, ``/documents``, ``/incidents``, ``/alerts``, ``/dyads``,
``/series``, ``/network``, ``/places`` (GeoJSON), ``POST /code`` and ``POST /ingest``;
the dashboard at ``/``. Reads are open from this machine; writes need the bearer token.

DOCS: docs/api.md
"""

from __future__ import annotations

from ._app import SERVE_ENV, app_from_environment, create_app
from ._settings import TOKEN_ENV, ApiSettings, load_api_settings
from ._state import RateLimiter

__all__ = [
    "SERVE_ENV",
    "TOKEN_ENV",
    "ApiSettings",
    "RateLimiter",
    "app_from_environment",
    "create_app",
    "load_api_settings",
]
