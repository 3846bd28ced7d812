"""Time: temporal expressions found and resolved, and every event dated.

:func:`resolve_date` resolves one expression against a reference date;
:class:`DateStage` (``eventwatch.dates.v1``) finds the expressions of a parsed
document, fills ``Document.times`` and sets each event's ``date``. The rules
are described in docs/design.md, section "Dates".
"""

from __future__ import annotations

from ._resolve import resolve_date
from .stage import DateStage

__all__ = ["DateStage", "resolve_date"]
