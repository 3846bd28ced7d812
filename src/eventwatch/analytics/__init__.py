"""Dyad series and escalation alerts over plain event rows (docs/analytics.md).

The input is :class:`Units`: incidents (or single reports) as columns, with each day's total
report volume (:func:`make_units`, or :func:`units_from_events` from the rows that
``eventwatch code --format jsonl`` prints or :func:`eventwatch.ingest.read_event_file` reads).

>>> from eventwatch.analytics import units_from_events, dyad_series, detect_alerts
>>> units = units_from_events(rows)                      # doctest: +SKIP
>>> dyad_series(units, "SRB:XKX", by="week")             # doctest: +SKIP
>>> [a.summary for a in detect_alerts(units)]            # doctest: +SKIP
"""

from __future__ import annotations

from ._acled import AcledDetector, acled_rule
from ._alerts import SEVERITIES, Alert, alert_id
from ._cusum import COUNT_STREAMS, STREAMS, CusumDetector, Scan
from ._detect import DETECTORS, Detector, DetectorName, alarm_days, detect_alerts, units_until
from ._evaluate import EvaluationSettings, Figures, evaluate_alerts, score_simulation
from ._plot import plot_streams
from ._scores import PLOVER_TYPES, QUAD_NAMES, ScoreTable, plover_score, quad_class, score_table
from ._series import SERIES_COUNTS, Dyad, country_series, dyad_series
from ._settings import DetectorSettings, load_detector_settings, read_settings_file
from ._simulate import SHAPES, Escalation, Simulation, SimulatorSettings, simulate
from ._stored import refresh_alerts, units_from_store
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
    "COUNT_STREAMS",
    "DETECTORS",
    "PLOVER_TYPES",
    "QUAD_NAMES",
    "SERIES_COUNTS",
    "SEVERITIES",
    "SHAPES",
    "STREAMS",
    "UNIT_COLUMNS",
    "AcledDetector",
    "Alert",
    "CusumDetector",
    "Detector",
    "DetectorName",
    "DetectorSettings",
    "Dyad",
    "Escalation",
    "EvaluationSettings",
    "Figures",
    "Scan",
    "ScoreTable",
    "Simulation",
    "SimulatorSettings",
    "Units",
    "acled_rule",
    "alarm_days",
    "alert_id",
    "country_series",
    "day_number",
    "day_of",
    "detect_alerts",
    "dyad_series",
    "evaluate_alerts",
    "event_ids_of",
    "load_detector_settings",
    "make_units",
    "plot_streams",
    "plover_score",
    "quad_class",
    "read_settings_file",
    "refresh_alerts",
    "report_volume",
    "score_simulation",
    "score_table",
    "simulate",
    "unit_rows_from_events",
    "units_from_events",
    "units_from_store",
    "units_until",
]
