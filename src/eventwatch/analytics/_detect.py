"""Run a detector over units: the alerts, and the day-by-day alarms behind them.

Both detectors take the same input (:class:`~eventwatch.analytics.Units`) and settings
(:class:`~eventwatch.analytics.DetectorSettings`) and give the same records, so they can be
compared on the same data: ``detector="cusum"`` (eventwatch's, the default) or ``"acled"``
(ACLED's surge rule, the baseline).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol

import numpy as np
import pandas as pd

from ..exceptions import InputError
from ._acled import AcledDetector
from ._alerts import Alert, UnitColumns, build_alerts
from ._cusum import STREAMS, CusumDetector, Scan
from ._panel import Panel, panels
from ._settings import DetectorSettings
from ._units import Units, day_number, day_of

__all__ = [
    "DETECTORS",
    "Detector",
    "DetectorName",
    "alarm_days",
    "detect_alerts",
    "make_detector",
    "units_until",
]


class Detector(Protocol):
    """What a detector does: day-by-day decisions for a panel of dyads, online."""

    name: str

    def scan(self, panel: Panel) -> Scan: ...


DetectorName = Literal["cusum", "acled"]
DETECTORS: dict[str, type[CusumDetector] | type[AcledDetector]] = {
    "cusum": CusumDetector,
    "acled": AcledDetector,
}


def make_detector(name: str, settings: DetectorSettings) -> Detector:
    cls = DETECTORS.get(name)
    if cls is None:
        raise InputError(
            f"unknown detector {name!r} (known: {', '.join(DETECTORS)})", code="input-detector"
        )
    return cls(settings)


def units_until(units: Units, day: object) -> Units:
    """The units reported by ``day`` (inclusive), and the volume up to that day."""
    last = day_number(day)
    frame = units.frame[units.frame["day_number"] <= last].reset_index(drop=True)
    volume = units.volume[units.volume.index <= pd.Timestamp(day_of(last))]
    if not len(volume):
        raise InputError(f"no data by {day_of(last).isoformat()}", code="input-units")
    return Units(frame, volume, units.kind)


def _scans(
    units: Units,
    settings: DetectorSettings,
    detector: DetectorName | Detector,
    dyads: list[str] | None,
) -> list[tuple[Panel, Scan, str]]:
    engine = make_detector(detector, settings) if isinstance(detector, str) else detector
    out = []
    for panel in panels(
        units,
        directed=settings.directed,
        min_units=settings.min_units,
        tilt=settings.mix_tilt,
        dyads=dyads,
    ):
        out.append((panel, engine.scan(panel), engine.name))
    return out


def detect_alerts(
    units: Units,
    *,
    settings: DetectorSettings | None = None,
    detector: DetectorName | Detector = "cusum",
    dyads: list[str] | None = None,
    as_of: object = None,
    since: object = None,
) -> list[Alert]:
    """The alerts of every watched dyad (or of ``dyads``, e.g. ``["SRB:XKX"]``), oldest first.

    The decision for each day uses only the units reported by that day. ``as_of`` replays the
    data as it stood on that day (later units are ignored; alerts still open then have no
    ``ended_on``); ``since`` keeps the alerts updated on or after that day.
    """
    settings = settings or DetectorSettings()
    if as_of is not None:
        units = units_until(units, as_of)
    alerts: list[Alert] = []
    columns = UnitColumns.of(units)
    for panel, scan, name in _scans(units, settings, detector, dyads):
        alerts.extend(build_alerts(panel, scan, units, settings, name, columns=columns))
    if since is not None:
        first = day_of(day_number(since))
        alerts = [a for a in alerts if a.updated_on >= first]
    return sorted(alerts, key=lambda a: (a.detected_on, a.dyad))


def alarm_days(
    units: Units,
    *,
    settings: DetectorSettings | None = None,
    detector: DetectorName | Detector = "cusum",
    dyads: list[str] | None = None,
) -> pd.DataFrame:
    """Every dyad-day in alarm: ``dyad``, ``day``, ``score`` and the ``streams`` that fired."""
    settings = settings or DetectorSettings()
    records: list[tuple[str, dt.date, float, str]] = []
    for panel, scan, _ in _scans(units, settings, detector, dyads):
        for i, t in zip(*np.nonzero(scan.alarm), strict=True):
            bits = int(scan.fired[i, t])
            fired = ",".join(s for k, s in enumerate(STREAMS) if bits & (1 << k))
            records.append(
                (panel.dyads[i], day_of(panel.first_day + int(t)), float(scan.score[i, t]), fired)
            )
    frame = pd.DataFrame(records, columns=["dyad", "day", "score", "streams"])
    return frame.sort_values(["dyad", "day"]).reset_index(drop=True)
