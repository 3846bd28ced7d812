"""Series and alerts over what a store holds: its reports (or incidents) as :class:`Units`."""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from ..store import Store
from ._alerts import Alert
from ._detect import detect_alerts
from ._settings import DetectorSettings
from ._units import Units, make_units

__all__ = ["refresh_alerts", "units_from_store"]


def units_from_store(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    unit: Literal["incidents", "reports"] = "incidents",
) -> Units:
    """The store's incidents (or reports) as units, with each day's report volume.

    Each latest event that is not negated, hypothetical or historical is a
    report, on its document's publication day; an event with several source or
    target countries counts once per (source, target) pair. With ``unit`` left
    at ``incidents``, the reports of one incident make one unit per dyad pair:
    on the day of its first report, of its members' most frequent type, with the
    largest killed and injured figures any of them gives. An event that no
    incident holds stays a unit of its own.
    """
    frame = store.report_frame(since=since, until=until)
    frame["event_ids"] = [(event,) for event in frame["unit_id"]]
    if unit == "reports":
        return make_units(frame, store.report_volume(), kind="reports")
    return make_units(_incidents(frame, store.incident_of_events()), store.report_volume())


def _incidents(frame: pd.DataFrame, incident_of: dict[str, str]) -> pd.DataFrame:
    """Report rows folded into one row per (incident, source country, target country)."""
    incident = frame["unit_id"].astype(str).map(incident_of)
    linked = incident.notna().to_numpy()
    if not linked.any():
        return frame
    reports = frame.loc[linked].assign(unit_id=incident[linked].to_numpy())
    pair = ["unit_id", "source_country", "target_country"]
    for column in ("source_country", "target_country"):  # a missing country is a side too
        reports[column] = reports[column].astype(object).where(reports[column].notna(), "")
    for column in ("day", "type", "mode", *_FIRST):  # plain values: categories do not fold
        if column in reports.columns and isinstance(reports[column].dtype, pd.CategoricalDtype):
            reports[column] = reports[column].astype(object)
    reports = reports.sort_values(["day", "event_ids"], kind="stable")
    folded = reports.groupby(pair, sort=True, observed=True).agg(
        day=("day", "min"),
        type=("type", _most_frequent),
        mode=("mode", _most_frequent),
        killed=("killed", "max"),
        injured=("injured", "max"),
        event_ids=("event_ids", lambda ids: tuple(sorted({e for t in ids for e in t}))),
        **{c: (c, "first") for c in _FIRST if c in reports.columns},
    )
    folded = folded.reset_index()
    for column in ("source_country", "target_country"):
        folded[column] = folded[column].where(folded[column] != "", None)
    return pd.concat([frame.loc[~linked], folded], ignore_index=True)


#: columns an incident unit takes from its earliest report
_FIRST = (
    "source_sector",
    "target_sector",
    "source_actor",
    "target_actor",
    "goldstein",
    "quad_given",
)


def _most_frequent(values: pd.Series) -> Any:
    """The most frequent value (the first in alphabetical order on a tie), None if none."""
    counts = values.dropna().astype(str).value_counts()
    if counts.empty:
        return None
    best = counts.max()
    return sorted(counts[counts == best].index)[0]


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
