"""Dyad series and escalation alerts over plain event rows (docs/analytics.md).

The input is :class:`Units`: incidents (or single reports) as columns, with each day's total
report volume (:func:`make_units`, or :func:`units_from_events` from the rows that
``eventwatch code --format jsonl`` prints).

>>> from eventwatch.analytics import units_from_events, dyad_series
>>> units = units_from_events(rows)                      # doctest: +SKIP
>>> dyad_series(units, "SRB:XKX", by="week")             # doctest: +SKIP
"""

from __future__ import annotations

from ._scores import PLOVER_TYPES, QUAD_NAMES, ScoreTable, plover_score, quad_class, score_table
from ._series import SERIES_COUNTS, Dyad, country_series, dyad_series
from ._units import (
    UNIT_COLUMNS,
    Units,
    day_number,
    day_of,
    event_ids_of,
    make_units,
    report_volume,
    unit_rows_from_events,
    units_from_events,
)

__all__ = [
    "PLOVER_TYPES",
    "QUAD_NAMES",
    "SERIES_COUNTS",
    "UNIT_COLUMNS",
    "Dyad",
    "ScoreTable",
    "Units",
    "country_series",
    "day_number",
    "day_of",
    "dyad_series",
    "event_ids_of",
    "make_units",
    "plover_score",
    "quad_class",
    "report_volume",
    "score_table",
    "unit_rows_from_events",
    "units_from_events",
]
