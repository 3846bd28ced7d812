"""Series and alerts over what a store holds: its reports (or incidents) as :class:`Units`."""

from __future__ import annotations

from typing import Any

from ..store import Store
from ._alerts import Alert
from ._detect import detect_alerts
from ._settings import DetectorSettings
from ._units import Units, make_units

__all__ = ["refresh_alerts", "units_from_store"]


def units_from_store(store: Store, *, since: str | None = None, until: str | None = None) -> Units:
    """The store's reports as units, with each day's report volume.

    Each latest event that is not negated, hypothetical or historical is a unit,
    reported on its document's publication day; an event with several source or
    target countries counts once per (source, target) pair.
    """
    frame = store.report_frame(since=since, until=until)
    frame["event_ids"] = [(event,) for event in frame["unit_id"]]
    return make_units(frame, store.report_volume(), kind="reports")


def refresh_alerts(
    store: Store,
    *,
    settings: DetectorSettings | None = None,
    dyads: list[str] | None = None,
    units: Units | None = None,
    detector: str = "cusum",
) -> list[Alert]:
    """Run the detector over the whole store and keep its alerts there.

    An alert's id is derived from its dyad and change day, so running again
    updates the alerts of a surge that goes on (and ends those that ended)
    instead of adding new ones.
    """
    units = units if units is not None else units_from_store(store)
    alerts = detect_alerts(units, settings=settings, dyads=dyads, detector=detector)  # type: ignore[arg-type]
    store.write_alerts([_stored(alert) for alert in alerts])
    return alerts


def _stored(alert: Alert) -> dict[str, Any]:
    return alert.to_dict()
