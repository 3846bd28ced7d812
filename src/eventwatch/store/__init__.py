"""The store: coded documents kept once, queried and exported (SQLite or PostgreSQL).

The only package that knows SQL. See ``docs/store.md`` and ``docs/export.md``.
"""

from __future__ import annotations

from ._export import EXPORT_FORMATS
from ._export_incidents import INCIDENT_COLUMNS, INCIDENT_FORMATS
from ._filters import EventFilters
from ._read import FLAT_COLUMNS
from ._schema import SCHEMA_VERSION
from ._store import DEFAULT_URL, Store
from ._write import WriteResult

__all__ = [
    "DEFAULT_URL",
    "EXPORT_FORMATS",
    "FLAT_COLUMNS",
    "INCIDENT_COLUMNS",
    "INCIDENT_FORMATS",
    "SCHEMA_VERSION",
    "EventFilters",
    "Store",
    "WriteResult",
]
