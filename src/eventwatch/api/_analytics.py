"""``/dyads``, ``/series`` and ``/network``: the analytics over the store's reports.

Each reads the store's report units once (:func:`~eventwatch.analytics.units_from_store`)
and keeps them for ``cache_seconds``; nothing here counts events itself beyond grouping
the units the analytics define (one per report and (source, target) country pair).
"""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query

from ..analytics import Dyad, Units, country_series, dyad_series, units_from_store
from ..exceptions import InputError
from ._deps import State, check_read
from ._state import AppState

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(check_read)], tags=["analytics"])
_Day = Annotated[str | None, Query(description="YYYY-MM-DD, inclusive.")]


class Period(StrEnum):
    day = "day"
    week = "week"


class NetworkBy(StrEnum):
    country = "country"
    actor = "actor"


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat() if len(value) == 10 else _bad(value, name)
    except ValueError:
        return _bad(value, name)


def _bad(value: str, name: str) -> str:
    raise InputError(f"{name} {value!r} is not a day (YYYY-MM-DD)", code="input-day")


#: the longest series served, in days (a row per day: ten years is 3,653 rows)
MAX_SPAN_DAYS = 3660


def _check_span(units: Units, start: str | None, end: str | None) -> None:
    epoch = dt.date(1970, 1, 1)
    first = dt.date.fromisoformat(start) if start else epoch + dt.timedelta(units.first_day)
    last = dt.date.fromisoformat(end) if end else epoch + dt.timedelta(units.first_day + units.days)
    if (last - first).days > MAX_SPAN_DAYS:
        raise InputError(f"series: at most {MAX_SPAN_DAYS:,} days at a time ({first} to {last})",
                         code="input-series")  # fmt: skip


def _units(state: AppState) -> Units | None:
    """All report units of the store (None when it holds no report)."""

    def read() -> Units | None:
        store = state.store()
        if not store.stats()["events"]:
            return None
        try:
            return units_from_store(store)
        except InputError:  # no dated report to count
            return None

    units: Units | None = state.cached("units", read)
    return units


def _window(frame: pd.DataFrame, since: str | None, until: str | None) -> pd.DataFrame:
    days = frame["day"].astype(str)
    keep = pd.Series(True, index=frame.index)
    if since is not None:
        keep &= days >= since
    if until is not None:
        keep &= days <= until
    return frame.loc[keep]


def _plain(value: Any) -> Any:
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@router.get("/dyads", summary="Country pairs with reports, most first")
def list_dyads(
    state: State,
    since: _Day = None,
    until: _Day = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Undirected country pairs (``SRB:XKX``) and how many report units each has, with
    their first and last day and the alerts stored for each."""
    units = _units(state)
    if units is None:
        return {"items": []}
    frame = _window(units.frame, _day(since, "since"), _day(until, "until"))
    frame = frame[frame["source_country"].notna() & frame["target_country"].notna()]
    if frame.empty:
        return {"items": []}
    pairs = [
        str(Dyad(str(s), str(t)))
        for s, t in zip(frame["source_country"], frame["target_country"], strict=True)
    ]
    grouped = (
        pd.DataFrame(
            {
                "dyad": pairs,
                "unit": frame["unit_id"].astype(str).values,
                "day": frame["day"].astype(str).values,
            }
        )  # fmt: skip
        .groupby("dyad")
        .agg(units=("unit", "nunique"), first_day=("day", "min"), last_day=("day", "max"))
        .sort_values(["units", "last_day"], ascending=[False, False])
        .head(limit)
    )
    alerts: dict[str, int] = {}
    for alert in state.store().alerts():
        alerts[alert["dyad"]] = alerts.get(alert["dyad"], 0) + 1
    return {
        "items": [
            {"dyad": dyad, "units": int(row.units), "first_day": row.first_day,
             "last_day": row.last_day, "alerts": alerts.get(str(dyad), 0)}
            for dyad, row in grouped.iterrows()
        ]
    }  # fmt: skip


@router.get("/series", summary="A dyad's or a country's series, with its alerts")
def get_series(
    state: State,
    dyad: Annotated[str | None, Query(max_length=200, description="SRB:XKX or SRB>XKX.")] = None,
    country: Annotated[str | None, Query(max_length=3, description="An ISO3 country.")] = None,
    by: Period = Period.day,
    since: _Day = None,
    until: _Day = None,
) -> dict[str, Any]:
    """Counts per period (``units``, each PLOVER type and QuadClass, ``intensity``,
    ``killed``, ``injured``), each also per 1,000 reports of the period (``*_per_1k``:
    the volume-normalised view), and the dyad's stored alerts (for markers)."""
    if (dyad is None) == (country is None):
        raise InputError("give one of dyad or country", code="input-series")
    name = str(Dyad.parse(dyad)) if dyad is not None else str(country).strip().upper()
    start, end = _day(since, "since"), _day(until, "until")
    units = _units(state)
    alerts = state.store().alerts(dyad=name) if dyad is not None else []
    if units is None:
        return {"name": name, "by": by.value, "periods": [], "alerts": alerts}
    _check_span(units, start, end)
    if dyad is not None:
        frame = dyad_series(units, name, by=by.value, start=start, end=end)
    else:
        frame = country_series(units, name, by=by.value, start=start, end=end)
    periods = [
        {"period": str(period)[:10], **{k: _plain(v) for k, v in row.items()}}
        for period, row in frame.iterrows()
    ]
    return {"name": name, "by": by.value, "periods": periods, "alerts": alerts}


@router.get("/network", summary="Who acted on whom in a period")
def get_network(
    state: State,
    since: _Day = None,
    until: _Day = None,
    by: NetworkBy = NetworkBy.country,
    limit: Annotated[int, Query(ge=1, le=2000, description="The strongest edges.")] = 200,
) -> dict[str, Any]:
    """Directed edges source → target with their report units and mean PLOVER score
    (negative: conflict), and the nodes they join."""
    units = _units(state)
    if units is None:
        return {"nodes": [], "edges": []}
    frame = _window(units.frame, _day(since, "since"), _day(until, "until"))
    if by is NetworkBy.actor:
        source = (
            frame["source_actor"].astype("object").fillna(frame["source_country"].astype("object"))
        )
        target = (
            frame["target_actor"].astype("object").fillna(frame["target_country"].astype("object"))
        )
    else:
        source, target = frame["source_country"], frame["target_country"]
    table = pd.DataFrame({"source": source.astype("object").values,
                          "target": target.astype("object").values,
                          "score": frame["score"].values})  # fmt: skip
    table = table.dropna(subset=["source", "target"])
    table = table[table["source"] != table["target"]]
    if table.empty:
        return {"nodes": [], "edges": []}
    edges = (
        table.groupby(["source", "target"])
        .agg(units=("score", "size"), score=("score", "mean"))
        .sort_values("units", ascending=False)
        .head(limit)
        .reset_index()
    )
    weight: dict[str, int] = {}
    for row in edges.itertuples():
        for node in (row.source, row.target):
            weight[str(node)] = weight.get(str(node), 0) + int(row.units)
    return {
        "nodes": [{"id": n, "units": w} for n, w in sorted(weight.items())],
        "edges": [
            {"source": str(r.source), "target": str(r.target), "units": int(r.units),
             "score": round(float(r.score), 3)}
            for r in edges.itertuples()
        ],
    }  # fmt: skip
