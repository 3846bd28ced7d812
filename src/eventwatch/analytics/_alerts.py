"""Alert records with their evidence, built from a detector's day-by-day decisions.

An alert opens on a dyad's first alarm, is updated (same id, later ``updated_on``, more
evidence) while alarms go on, and ends ``quiet_days`` after the last one. Its id is a hash of
the dyad and the estimated change day, so re-running the detector over the same data, or over
more data, gives the same id. The summary says what changed, against which baseline, in words;
``incidents`` and ``events`` are the units and events that drove it, most conflictual first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from ..exceptions import InputError
from ._cusum import COUNT_STREAMS, STREAMS, Scan
from ._panel import THREAT_TYPES, Panel
from ._settings import DetectorSettings
from ._units import Units, day_of, event_ids_of

__all__ = ["SEVERITIES", "Alert", "UnitColumns", "alert_id", "build_alerts"]

SEVERITIES = ("low", "medium", "high")
#: a type not seen for this many days before the change is news ("first ASSAULT since ...")
_FIRST_SINCE_DAYS = 30
#: the mix summary compares the window with this many days before the change
_BEFORE_DAYS = 90


def alert_id(dyad: str, change_date: dt.date) -> str:
    """The stable id of an alert: a hash of its dyad and change day."""
    digest = hashlib.sha256(f"{dyad}|{change_date.isoformat()}".encode()).hexdigest()
    return f"al-{digest[:16]}"


@dataclass(frozen=True)
class Alert:
    """An escalation on a dyad: when it was seen, since when, how bad, and the evidence."""

    id: str
    dyad: str
    detector: str
    detected_on: dt.date
    change_date: dt.date
    updated_on: dt.date
    ended_on: dt.date | None
    severity: str
    score: float
    streams: tuple[str, ...]
    summary: str
    incidents: tuple[str, ...]
    events: tuple[str, ...]

    @property
    def status(self) -> str:
        """``open`` while the surge lasts, ``ended`` after ``quiet_days`` without an alarm."""
        return "open" if self.ended_on is None else "ended"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "dyad": self.dyad,
            "detector": self.detector,
            "detected_on": self.detected_on.isoformat(),
            "change_date": self.change_date.isoformat(),
            "updated_on": self.updated_on.isoformat(),
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "status": self.status,
            "severity": self.severity,
            "score": self.score,
            "streams": list(self.streams),
            "summary": self.summary,
            "incidents": list(self.incidents),
            "events": list(self.events),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alert:
        """The inverse of :meth:`to_dict`; a missing or malformed field is an InputError."""
        try:
            ended = data.get("ended_on")
            return cls(
                id=str(data["id"]),
                dyad=str(data["dyad"]),
                detector=str(data.get("detector", "cusum")),
                detected_on=dt.date.fromisoformat(data["detected_on"]),
                change_date=dt.date.fromisoformat(data["change_date"]),
                updated_on=dt.date.fromisoformat(data.get("updated_on") or data["detected_on"]),
                ended_on=dt.date.fromisoformat(ended) if ended else None,
                severity=str(data["severity"]),
                score=float(data.get("score", 0.0)),
                streams=tuple(data.get("streams", ())),
                summary=str(data["summary"]),
                incidents=tuple(str(i) for i in data.get("incidents", ())),
                events=tuple(str(e) for e in data.get("events", ())),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"alert record: {exc!r}", code="input-alert") from exc


def segments(alarm: npt.NDArray[np.bool_], quiet_days: int) -> list[tuple[int, int]]:
    """(first, last) alarm day of each alert: alarms closer than ``quiet_days + 1`` join."""
    days = np.flatnonzero(alarm)
    if not len(days):
        return []
    breaks = np.flatnonzero(np.diff(days) > quiet_days)
    firsts = np.concatenate(([days[0]], days[breaks + 1]))
    lasts = np.concatenate((days[breaks], [days[-1]]))
    return list(zip(firsts.tolist(), lasts.tolist(), strict=True))


def build_alerts(
    panel: Panel,
    scan: Scan,
    units: Units,
    settings: DetectorSettings,
    detector: str,
    *,
    columns: UnitColumns | None = None,
) -> list[Alert]:
    """The alerts of one panel's decisions, with summaries and evidence from ``units``.

    ``columns`` (:meth:`UnitColumns.of`) saves reading the frame again for each panel.
    """
    columns = columns or UnitColumns.of(units)
    alerts: list[Alert] = []
    chunk = columns.take(panel.rows)  # gathered once, each dyad's units a slice, in day order
    offsets = panel.offsets.tolist()
    for i, dyad in enumerate(panel.dyads):
        spans = segments(scan.alarm[i], settings.quiet_days)
        if not spans:
            continue
        rows = chunk.take(slice(offsets[i], offsets[i + 1]))
        for first, last in spans:
            change = int(min(max(scan.change[i, first], 0), first))
            fired_bits = int(np.bitwise_or.reduce(scan.fired[i, first : last + 1]))
            streams = tuple(s for k, s in enumerate(STREAMS) if fired_bits & (1 << k))
            window = Window(panel.first_day + change, panel.first_day + last)
            weekly = {s: float(scan.weekly[k, i, change]) for k, s in enumerate(COUNT_STREAMS)}
            summary, severity, evidence = describe(
                rows, window, streams, weekly, kind=units.kind, max_evidence=settings.max_evidence
            )
            end = last + settings.quiet_days
            change_date = day_of(window.start)
            alerts.append(
                Alert(
                    id=alert_id(dyad, change_date),
                    dyad=dyad,
                    detector=detector,
                    detected_on=day_of(panel.first_day + first),
                    change_date=change_date,
                    updated_on=day_of(window.end),
                    ended_on=day_of(panel.first_day + end) if end < panel.days else None,
                    severity=severity,
                    score=round(float(scan.score[i, first : last + 1].max()), 3),
                    streams=streams,
                    summary=summary,
                    incidents=tuple(evidence.unit_id.tolist()),
                    events=tuple(
                        e
                        for unit, ids in zip(
                            evidence.unit_id.tolist(), evidence.event_ids.tolist(), strict=True
                        )
                        for e in event_ids_of(unit, ids)
                    ),
                )
            )
    return alerts


@dataclass(frozen=True)
class Window:
    """Day numbers of an alert's first (change) and last alarm day, inclusive."""

    start: int
    end: int

    @property
    def days(self) -> int:
        return self.end - self.start + 1


IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class UnitColumns:
    """Columns of units as numpy arrays: the whole frame (read once a run), or some rows."""

    #: the frame row number of each entry
    rows: IntArray
    day: IntArray
    quad: IntArray
    score: npt.NDArray[np.float64]
    killed: IntArray
    injured: IntArray
    type_code: IntArray
    threat: npt.NDArray[np.bool_]
    unit_id: npt.NDArray[np.object_]
    event_ids: npt.NDArray[np.object_]
    types: tuple[str, ...]

    @classmethod
    def of(cls, units: Units) -> UnitColumns:
        frame = units.frame
        types = frame["type"].astype("category")
        codes = types.cat.codes.to_numpy(np.int64)
        threat_codes = [i for i, t in enumerate(types.cat.categories) if t in THREAT_TYPES]
        return cls(
            rows=np.arange(len(frame), dtype=np.int64),
            day=frame["day_number"].to_numpy(np.int64),
            quad=frame["quad"].to_numpy(np.int64),
            score=frame["score"].to_numpy(np.float64),
            killed=frame["killed"].to_numpy(np.int64),
            injured=frame["injured"].to_numpy(np.int64),
            type_code=codes,
            threat=np.isin(codes, threat_codes),
            unit_id=frame["unit_id"].to_numpy(object),
            event_ids=frame["event_ids"].to_numpy(object),
            types=tuple(str(c) for c in types.cat.categories),
        )

    def take(self, index: IntArray | slice) -> UnitColumns:
        """The entries at ``index`` (a slice gives views, no copy)."""
        arrays = {f.name: getattr(self, f.name)[index] for f in fields(self) if f.name != "types"}
        return UnitColumns(**arrays, types=self.types)

    def between(self, start: int, end: int) -> slice:
        """The positions of the units of days ``start``..``end`` (entries in day order)."""
        lo, hi = np.searchsorted(self.day, [start, end + 1])
        return slice(int(lo), int(hi))


def _plural(n: int, kind: str) -> str:
    return f"{n} {kind.removesuffix('s') if n == 1 else kind}"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def describe(
    rows: UnitColumns,
    window: Window,
    streams: tuple[str, ...],
    weekly: dict[str, float],
    *,
    kind: str,
    max_evidence: int,
) -> tuple[str, str, UnitColumns]:
    """The summary, severity and evidence (the units, most conflictual first) of an alert."""
    inside = rows.between(window.start, window.end)
    before = rows.between(window.start - _BEFORE_DAYS, window.start - 1)
    quad, score = rows.quad[inside], rows.score[inside]
    killed, injured = rows.killed[inside], rows.injured[inside]
    toll = killed + injured
    span = _days(window.days)
    parts: list[str] = []
    ratios: list[float] = [1.0]
    for stream, label, mask in (
        ("threats", "threats and shows of force", rows.threat[inside]),
        ("material", "material conflict", quad == 4),
        ("conflict", "conflict", quad >= 3),
    ):
        if stream in streams:
            n = int(mask.sum())
            parts.append(
                f"{label} {_plural(n, kind)} in {span} against a baseline of "
                f"{weekly[stream]:.1f} a week"
            )
            ratios.append(n / max(weekly[stream] * window.days / 7.0, 0.5))
    if "casualties" in streams:
        hurt = int((toll > 0).sum())
        parts.append(
            f"{int(killed.sum())} killed and {int(injured.sum())} injured in "
            f"{_plural(hurt, kind)} in {span} against a baseline of "
            f"{weekly['casualties']:.1f} {kind} with casualties a week"
        )
        ratios.append(hurt / max(weekly["casualties"] * window.days / 7, 0.5))
    if "mix" in streams:
        parts.append(_mix_text(rows, inside, before, span, kind))
        share0 = float((rows.quad[before] >= 3).mean()) if before.stop > before.start else 0.0
        ratios.append(float((quad >= 3).mean()) / max(share0, 0.05) if len(quad) else 1.0)
    first = _first_since(rows, inside, window.start)
    if first:
        parts.append(first)
    ratio, dead = max(ratios), int(killed.sum())
    severity = SEVERITIES[2 if ratio >= 6 or dead >= 10 else 1 if ratio >= 3 or dead else 0]
    relevant = np.zeros(len(quad), dtype=bool)
    if any(s != "casualties" for s in streams):
        relevant |= quad >= 3
    if "casualties" in streams:
        relevant |= toll > 0
    picked = np.flatnonzero(relevant)
    order = np.lexsort((rows.day[inside][picked], -toll[picked], score[picked]))
    evidence = np.arange(inside.start, inside.stop)[picked[order][:max_evidence]]
    return "; ".join(parts), severity, rows.take(evidence)


def _mix_text(rows: UnitColumns, inside: slice, before: slice, span: str, kind: str) -> str:
    quad, score = rows.quad[inside], rows.score[inside]
    share = float((quad >= 3).mean()) if len(quad) else 0.0
    text = f"conflict {share:.0%} of {_plural(len(quad), kind)} in {span}"
    if before.stop > before.start:
        share0 = float((rows.quad[before] >= 3).mean())
        text += f" against {share0:.0%} in the {_BEFORE_DAYS} days before"
        text += f"; mean intensity {score.mean():+.1f} against {rows.score[before].mean():+.1f}"
    elif len(quad):
        text += f"; mean intensity {score.mean():+.1f}, no {kind} in the days before"
    return text


def _first_since(rows: UnitColumns, inside: slice, start: int) -> str:
    """``first ASSAULT with casualties since 2023-05-02`` for the most conflictual unit type."""
    quad, score = rows.quad[inside], rows.score[inside]
    toll = rows.killed[inside] + rows.injured[inside]
    candidates = np.flatnonzero(quad >= 3)
    if not len(candidates):
        return ""
    hurt = candidates[toll[candidates] > 0]
    with_casualties = len(hurt) > 0
    pick = hurt if with_casualties else candidates
    code = int(rows.type_code[inside][pick[np.argmin(score[pick])]])
    earlier = np.flatnonzero((rows.day < start) & (rows.type_code == code))
    if with_casualties:
        earlier = earlier[(rows.killed[earlier] + rows.injured[earlier]) > 0]
    what = f"first {rows.types[code]}" + (" with casualties" if with_casualties else "")
    if not len(earlier):
        if int(rows.day[0]) >= start:
            return f"{what} on record"
        return f"{what} on record (since {day_of(int(rows.day[0])).isoformat()})"
    last = int(rows.day[earlier].max())
    if start - last >= _FIRST_SINCE_DAYS:
        return f"{what} since {day_of(last).isoformat()}"
    return ""
