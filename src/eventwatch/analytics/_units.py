"""The input contract of the analytics: units as columns, and the day's report volume.

A *unit* is what the series count and the detector watches: an incident (the default, once the
incidents issue has grouped reports) or a single report's event. :class:`Units` holds them as a
pandas DataFrame with one row per unit and dyad side pair, and a separate series of the total
report volume of each day (every report that day, whatever its dyad), by which each series is
normalised so that a news surge is no escalation.

Columns (``UNIT_COLUMNS`` documents each):

=================  =========================================================================
``unit_id``        str, the unit's id (an incident id, or the event id of a report)
``day``            the day it was reported (for an incident, its first report's day)
``source_country`` ISO-3166 alpha-3, ``IGO``, or missing
``target_country`` as ``source_country``
``source_sector``  optional sector code (``GOV``, ``MIL`` ...)
``target_sector``  optional
``source_actor``   optional actor name (``Aleksandar Vučić``)
``target_actor``   optional
``type``           PLOVER event type (``ASSAULT``)
``mode``           optional PLOVER mode (``firearms``)
``killed``         optional count, missing read as 0
``injured``        optional count, missing read as 0
``event_ids``      optional tuple of the ids of the events (reports) that make up the unit
``goldstein``      optional, the CAMEO Goldstein score an imported row carried (GDELT, ICEWS)
``quad_given``     optional, the QuadClass an imported row carried (GDELT, POLECAT), 0 if none
=================  =========================================================================

A unit whose event has several source or target countries appears once per (source, target)
pair; series of a country count each unit once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import InputError
from ._scores import normalise_mode, score_units

__all__ = [
    "UNIT_COLUMNS",
    "Units",
    "day_number",
    "day_of",
    "event_ids_of",
    "make_units",
    "report_volume",
    "unit_rows_from_events",
    "units_from_events",
]

UNIT_COLUMNS: dict[str, str] = {
    "unit_id": "the unit's id: an incident id, or the event id of a single report",
    "day": "the day the unit was reported (an incident: the day of its first report)",
    "source_country": "ISO-3166 alpha-3 code of the acting side, IGO, or missing",
    "target_country": "ISO-3166 alpha-3 code of the receiving side, IGO, or missing",
    "source_sector": "optional sector code of the acting side (GOV, MIL, COP, REB ...)",
    "target_sector": "optional sector code of the receiving side",
    "source_actor": "optional name of the acting actor",
    "target_actor": "optional name of the receiving actor",
    "type": "PLOVER event type",
    "mode": "optional PLOVER mode",
    "killed": "optional number killed (missing: 0)",
    "injured": "optional number injured (missing: 0)",
    "event_ids": "optional tuple of the ids of the events (reports) that make up the unit",
    "goldstein": "optional CAMEO Goldstein score an imported row carried",
    "quad_given": "optional QuadClass an imported row carried (0: none)",
}
_REQUIRED = ("unit_id", "day", "source_country", "target_country", "type")
_CATEGORIES = (
    "source_country",
    "target_country",
    "source_sector",
    "target_sector",
    "source_actor",
    "target_actor",
    "type",
    "mode",
)
#: at most this many (source, target) pairs per event; more is a list of bystanders
_MAX_PAIRS = 4
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class Units:
    """Units in the columnar contract, their day's report volume, and what one unit is called.

    ``frame`` has the :data:`UNIT_COLUMNS` plus ``quad`` (QuadClass 1-4, 0 if not PLOVER),
    ``score`` (the PLOVER conflict-cooperation score), ``day_number`` (days since 1970-01-01)
    and ``unit_code`` (a number per distinct ``unit_id``), sorted by day (stable).
    ``event_ids`` cells are kept as given; read them with :func:`event_ids_of`. ``volume`` is
    indexed by every day from the first to the last (a daily DatetimeIndex), at least 1; a day
    the given volume lacks counts its distinct units.
    """

    frame: pd.DataFrame
    volume: pd.Series
    kind: str = "incidents"

    @property
    def first_day(self) -> int:
        """The first day of ``volume`` as a day number."""
        return day_number(self.volume.index[0])

    @property
    def days(self) -> int:
        """How many days ``volume`` covers."""
        return len(self.volume)


def day_number(value: object) -> int:
    """A day (date, ISO string, timestamp) as days since 1970-01-01; not a day: InputError."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as exc:
        raise InputError(f"{value!r} is not a day: {exc}", code="input-units") from exc
    if pd.isna(stamp):
        raise InputError(f"{value!r} is not a day", code="input-units")
    return int((stamp.normalize() - pd.Timestamp("1970-01-01")) // pd.Timedelta(days=1))


def _days(values: pd.Series) -> pd.Series:
    try:
        days = pd.to_datetime(values, errors="raise", format="mixed")
    except (ValueError, TypeError) as exc:
        raise InputError(f"units: a day is not a date: {exc}", code="input-units") from exc
    if days.isna().any():
        raise InputError(f"units: {int(days.isna().sum())} unit(s) have no day", code="input-units")
    if getattr(days.dt, "tz", None) is not None:
        days = days.dt.tz_localize(None)
    return days.dt.normalize()


def make_units(
    frame: pd.DataFrame, volume: pd.Series | None = None, *, kind: str = "incidents"
) -> Units:
    """Check and normalise a units frame (see the module docstring) into :class:`Units`.

    ``volume`` maps days to the total number of reports of that day; without it (or for a day
    it lacks) the number of distinct units of the day stands in. A missing required column is
    an :class:`InputError`.
    """
    missing = [c for c in _REQUIRED if c not in frame.columns]
    if missing:
        raise InputError(f"units: missing column(s) {', '.join(missing)}", code="input-units")
    out = pd.DataFrame(index=pd.RangeIndex(len(frame)))
    out["unit_id"] = frame["unit_id"].astype(str).to_numpy()
    out["day"] = _days(frame["day"]).to_numpy()
    for column in _CATEGORIES:
        values = frame[column] if column in frame.columns else pd.Series([None] * len(frame))
        out[column] = _category(values, _NORMALISE.get(column, _strip))
    for column in ("killed", "injured"):
        counts = _numbers(frame, column, 0)
        if (counts < 0).any():
            raise InputError(f"units: negative {column} count", code="input-units")
        out[column] = counts.astype(np.int64).to_numpy()
    # event ids are read only for an alert's evidence (event_ids_of), so they are kept as given
    out["event_ids"] = (
        frame["event_ids"].to_numpy(object)
        if "event_ids" in frame.columns
        else np.full(len(frame), None, dtype=object)
    )
    out["goldstein"] = _numbers(frame, "goldstein", np.nan).to_numpy(np.float64)
    out["quad_given"] = _numbers(frame, "quad_given", 0).clip(0, 4).astype(np.int8).to_numpy()
    quad, score = score_units(out["type"].astype(object), out["mode"].astype(object))
    out["quad"] = quad
    out["score"] = score
    out["day_number"] = (out["day"].to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int32)
    order = np.argsort(out["day_number"].to_numpy(), kind="stable")
    out = out.iloc[order].reset_index(drop=True)
    out["unit_code"] = pd.factorize(out["unit_id"])[0].astype(np.int64)
    return Units(out, _volume(out, volume), kind)


def _strip(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _upper(value: object) -> str | None:
    return value.strip().upper() or None if isinstance(value, str) else None


def _mode(value: object) -> str | None:
    return normalise_mode(value) or None


_NORMALISE = {
    "source_country": _upper,
    "target_country": _upper,
    "source_sector": _upper,
    "target_sector": _upper,
    "type": _upper,
    "mode": _mode,
}


def _category(values: pd.Series, normalise: Callable[[object], str | None]) -> pd.Categorical:
    """A column as a categorical, each distinct value normalised once (None: missing)."""
    codes, uniques = pd.factorize(pd.Series(values.to_numpy(), dtype="object"))
    cleaned = [normalise(u) for u in uniques]
    merged, categories = pd.factorize(pd.Series(cleaned, dtype="object"))
    lookup = np.append(merged, -1)  # code -1 (missing) stays missing
    return pd.Categorical.from_codes(lookup[codes], categories=list(categories))


def _numbers(frame: pd.DataFrame, column: str, default: float) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(np.full(len(frame), default))
    return pd.to_numeric(pd.Series(frame[column].to_numpy()), errors="coerce").fillna(default)


def event_ids_of(unit_id: str, value: object) -> tuple[str, ...]:
    """The ``event_ids`` cell of a unit as a tuple of ids; missing: the unit's own id."""
    ids = _id_tuple(value)
    return ids or (unit_id,)


def _id_tuple(value: object) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value)
    return (str(value),)


def _volume(frame: pd.DataFrame, given: pd.Series | None) -> pd.Series:
    """Daily volume over the whole span: the given one, else the day's distinct units; >= 1."""
    day_numbers = frame["day_number"].to_numpy()
    first = int(day_numbers.min()) if len(day_numbers) else None
    last = int(day_numbers.max()) if len(day_numbers) else None
    if given is not None and len(given):
        given_index = pd.to_datetime(pd.Series(given.index)).dt.normalize()
        given_days = (given_index.to_numpy().astype("datetime64[D]") - _EPOCH).astype(np.int64)
        first = int(given_days.min()) if first is None else min(first, int(given_days.min()))
        last = int(given_days.max()) if last is None else max(last, int(given_days.max()))
    if first is None or last is None:
        raise InputError("units: no units and no volume", code="input-units")
    span = last - first + 1
    distinct = frame.drop_duplicates("unit_code")["day_number"].to_numpy() - first
    floor = np.bincount(distinct, minlength=span).astype(np.float64)
    values = floor.copy()
    if given is not None and len(given):
        counts = pd.to_numeric(pd.Series(given.to_numpy()), errors="coerce").fillna(0)
        supplied = np.zeros(span)
        np.add.at(supplied, given_days - first, counts.to_numpy(np.float64))
        known = np.zeros(span, dtype=bool)
        known[given_days - first] = True
        values = np.where(known, supplied, floor)
    values = np.maximum(values, 1.0)
    index = pd.date_range(
        pd.Timestamp(_EPOCH + np.timedelta64(first, "D")), periods=span, freq="D", name="day"
    )
    return pd.Series(values, index=index, name="volume")


def _actors(value: object) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list | tuple):
        return [a for a in value if isinstance(a, Mapping)]
    return []


def _sides(actors: list[Mapping[str, Any]]) -> list[tuple[str | None, str | None, str | None]]:
    """(country, sector, name) of the first actor of each distinct country; one empty if none."""
    seen: dict[str | None, tuple[str | None, str | None, str | None]] = {}
    for actor in actors:
        country = actor.get("country") or None
        if country not in seen:
            seen[country] = (country, actor.get("sector") or None, actor.get("name") or None)
    with_country = [side for key, side in seen.items() if key is not None]
    return with_country or list(seen.values())[:1] or [(None, None, None)]


def unit_rows_from_events(
    rows: Iterable[Mapping[str, Any]], *, keep_flagged: bool = False
) -> list[dict[str, Any]]:
    """Plain event rows (see :func:`units_from_events`) as unit rows of the contract.

    Each event is one unit, once per (source country, target country) pair. A row without a
    day (``day`` or ``pub_date``) or a type is an :class:`InputError` naming its position.
    """
    out: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=1):
        if not keep_flagged and (
            row.get("negated") or row.get("hypothetical") or row.get("historical")
        ):
            continue
        day = row.get("day") or row.get("pub_date")
        if not day or not row.get("type") or row.get("id") is None:
            raise InputError(
                f"event row {number}: needs an id, a type, and a day or pub_date",
                code="input-units",
            )
        doc_id = row.get("doc_id")
        event_id = f"{doc_id}:{row['id']}" if doc_id else str(row["id"])
        pairs = [
            (s, t)
            for s in _sides(_actors(row.get("source")))
            for t in _sides(_actors(row.get("target")))
        ][:_MAX_PAIRS]
        for source, target in pairs:
            out.append(
                {
                    "unit_id": event_id,
                    "day": day,
                    "source_country": source[0],
                    "target_country": target[0],
                    "source_sector": source[1],
                    "target_sector": target[1],
                    "source_actor": source[2],
                    "target_actor": target[2],
                    "type": row["type"],
                    "mode": row.get("mode"),
                    "killed": row.get("killed"),
                    "injured": row.get("injured"),
                    "event_ids": (event_id,),
                    "goldstein": row.get("goldstein"),
                    "quad_given": row.get("quad_class"),
                }
            )
    return out


def report_volume(rows: Iterable[Mapping[str, Any]]) -> pd.Series:
    """Distinct reports (``doc_id``, else the event ``id``) per day of plain event rows."""
    seen: set[tuple[str, str]] = set()
    for row in rows:
        day = row.get("day") or row.get("pub_date")
        if day:
            seen.add((str(day)[:10], str(row.get("doc_id") or row.get("id"))))
    if not seen:
        return pd.Series(dtype=np.float64)
    counts = pd.Series([d for d, _ in seen]).value_counts()
    counts.index = pd.to_datetime(counts.index)
    return counts.sort_index().astype(np.float64)


def units_from_events(
    rows: Iterable[Mapping[str, Any]],
    *,
    volume: pd.Series | None = None,
    kind: str = "reports",
    keep_flagged: bool = False,
) -> Units:
    """Units from plain event rows: what ``eventwatch code --format jsonl`` prints, with a day.

    Each row is an event dict (:func:`eventwatch.records.event_to_dict`, plus ``doc_id``) with
    ``day`` or ``pub_date`` (the day it was reported), or a row that
    :func:`eventwatch.ingest.read_event_file` parsed from GDELT, ICEWS or POLECAT. Negated,
    hypothetical and historical events are left out unless ``keep_flagged``. Without
    ``volume``, the distinct reports of each day among the rows stand in for the day's volume.
    """
    rows = list(rows)
    unit_rows = unit_rows_from_events(rows, keep_flagged=keep_flagged)
    frame = pd.DataFrame(unit_rows, columns=list(UNIT_COLUMNS))
    if not unit_rows and volume is None:
        raise InputError("units: no event rows", code="input-units")
    return make_units(frame, volume if volume is not None else report_volume(rows), kind=kind)


def day_of(number: int) -> dt.date:
    """The date of a day number."""
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(number))
