"""Daily and weekly series of a dyad or a country, raw and normalised by report volume.

Each series is a DataFrame indexed by day (or by the Monday of each ISO week) with, per period:
the number of units; the units per PLOVER type (``agree`` ... ``assault``) and per QuadClass
(``verbal_cooperation`` ... ``material_conflict``); ``intensity``, the sum of the units'
PLOVER conflict-cooperation scores, and ``mean_intensity``; ``killed`` and ``injured``; the
period's total report ``volume``; and each count again per 1,000 reports of the period
(``units_per_1k``, ``assault_per_1k``, ``intensity_per_1k`` ...), so that a news surge that
lifts every dyad does not look like an escalation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..exceptions import InputError
from ._scores import PLOVER_TYPES, QUAD_NAMES
from ._units import Units, day_number

__all__ = ["SERIES_COUNTS", "Dyad", "country_series", "dyad_series"]

Period = Literal["day", "week"]
_TYPE_INDEX = {t: i for i, t in enumerate(PLOVER_TYPES)}
_SERIES_COLUMNS = ["unit_code", "day_number", "type", "quad", "score", "killed", "injured"]

#: the count columns of a series, each also given per 1,000 reports (``NAME_per_1k``)
SERIES_COUNTS: tuple[str, ...] = (
    "units",
    *(t.lower() for t in PLOVER_TYPES),
    *QUAD_NAMES.values(),
    "intensity",
    "killed",
    "injured",
)
_INTENSITY = SERIES_COUNTS.index("intensity")


@dataclass(frozen=True)
class Dyad:
    """Two sides, each a country optionally narrowed to a sector or a named actor.

    ``directed`` counts only what ``source`` did to ``target``; otherwise both ways. The text
    form is ``SRB:XKX`` (both ways) or ``SRB>XKX`` (directed), a side optionally
    ``SRB/GOV`` (sector) or ``SRB@Aleksandar Vučić`` (actor) or both (``SRB/GOV@Name``).
    """

    source: str
    target: str
    directed: bool = False
    source_sector: str | None = None
    target_sector: str | None = None
    source_actor: str | None = None
    target_actor: str | None = None

    @classmethod
    def parse(cls, text: str) -> Dyad:
        """``SRB:XKX``, ``SRB>XKX``, ``SRB/GOV:XKX/MIL``, ``SRB@Aleksandar Vučić:XKX``."""
        directed = ">" in text
        parts = text.split(">" if directed else ":")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise InputError(
                f"dyad {text!r}: write it SRB:XKX (both ways) or SRB>XKX (directed)",
                code="input-dyad",
            )
        (sc, ss, sa), (tc, ts, ta) = (_side(p, text) for p in parts)
        return cls(sc, tc, directed, ss, ts, sa, ta)

    def sides(
        self,
    ) -> tuple[tuple[str, str | None, str | None], tuple[str, str | None, str | None]]:
        return (
            (self.source, self.source_sector, self.source_actor),
            (self.target, self.target_sector, self.target_actor),
        )

    def __str__(self) -> str:
        source, target = (_side_text(*side) for side in self.sides())
        if not self.directed:
            source, target = sorted((source, target))
        return f"{source}>{target}" if self.directed else f"{source}:{target}"

    def mask(self, frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
        """The rows of a units frame that belong to this dyad."""
        forward = _side_mask(frame, "source", self.sides()[0]) & _side_mask(
            frame, "target", self.sides()[1]
        )
        if self.directed:
            return forward
        backward = _side_mask(frame, "source", self.sides()[1]) & _side_mask(
            frame, "target", self.sides()[0]
        )
        return forward | backward


def _side(text: str, whole: str) -> tuple[str, str | None, str | None]:
    text = text.strip()
    actor = None
    if "@" in text:
        text, actor = (p.strip() for p in text.split("@", 1))
    sector = None
    if "/" in text:
        text, sector = (p.strip().upper() for p in text.split("/", 1))
    country = text.strip().upper()
    if not country.isalpha() or len(country) != 3:
        raise InputError(
            f"dyad {whole!r}: {country!r} is no ISO-3166 alpha-3 code (or IGO)", code="input-dyad"
        )
    return country, sector or None, actor or None


def _side_text(country: str, sector: str | None, actor: str | None) -> str:
    return country + (f"/{sector}" if sector else "") + (f"@{actor}" if actor else "")


def _equals(frame: pd.DataFrame, column: str, value: str) -> npt.NDArray[np.bool_]:
    values = frame[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        code = values.cat.categories.get_indexer([value])[0]
        if code < 0:
            return np.zeros(len(frame), dtype=bool)
        return np.asarray(values.cat.codes.to_numpy() == code, dtype=bool)
    return np.asarray(values.to_numpy() == value, dtype=bool)


def _side_mask(
    frame: pd.DataFrame, role: str, side: tuple[str, str | None, str | None]
) -> npt.NDArray[np.bool_]:
    country, sector, actor = side
    mask = _equals(frame, f"{role}_country", country)
    if sector:
        mask &= _equals(frame, f"{role}_sector", sector)
    if actor:
        mask &= _equals(frame, f"{role}_actor", actor)
    return mask


def dyad_series(
    units: Units,
    dyad: Dyad | str,
    *,
    by: Period = "day",
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """The series of one dyad (see the module docstring), from ``start`` to ``end`` inclusive.

    ``dyad`` is a :class:`Dyad` or its text form (``SRB:XKX``). Without ``start``/``end`` the
    series spans the whole of ``units``. Periods without units are rows of zeros.
    """
    dyad = Dyad.parse(dyad) if isinstance(dyad, str) else dyad
    rows = units.frame.loc[dyad.mask(units.frame), _SERIES_COLUMNS]
    return _series(units, rows, by=by, start=start, end=end)


def country_series(
    units: Units,
    country: str,
    *,
    role: Literal["any", "source", "target"] = "any",
    by: Period = "day",
    start: object = None,
    end: object = None,
) -> pd.DataFrame:
    """The series of every unit a country takes part in (as ``role``), each unit counted once."""
    frame = units.frame
    country = country.strip().upper()
    mask = np.zeros(len(frame), dtype=bool)
    if role in ("any", "source"):
        mask |= _equals(frame, "source_country", country)
    if role in ("any", "target"):
        mask |= _equals(frame, "target_country", country)
    rows = frame.loc[mask, _SERIES_COLUMNS].drop_duplicates("unit_code")
    return _series(units, rows, by=by, start=start, end=end)


def _bounds(units: Units, start: object, end: object) -> tuple[int, int]:
    first = units.first_day if start is None else day_number(start)
    last = units.first_day + units.days - 1 if end is None else day_number(end)
    if last < first:
        raise InputError("series: the end comes before the start", code="input-series")
    return first, last


def _series(
    units: Units, rows: pd.DataFrame, *, by: Period, start: object, end: object
) -> pd.DataFrame:
    if by not in ("day", "week"):
        raise InputError(f"series: by must be day or week, not {by!r}", code="input-series")
    first, last = _bounds(units, start, end)
    span = last - first + 1
    day = rows["day_number"].to_numpy(np.int64) - first
    keep = (day >= 0) & (day < span)
    rows, day = rows[keep], day[keep]
    counts = np.zeros((len(SERIES_COUNTS), span))  # rows in SERIES_COUNTS order
    counts[0] = np.bincount(day, minlength=span)
    types = rows["type"]
    lookup = np.array([_TYPE_INDEX.get(c, -1) for c in types.cat.categories] + [-1])
    type_code = lookup[types.cat.codes.to_numpy(np.int64)]
    known = type_code >= 0
    n_types = len(PLOVER_TYPES)
    counts[1 : 1 + n_types] = (
        np.bincount(day[known] * n_types + type_code[known], minlength=span * n_types)
        .reshape(span, n_types)
        .T
    )
    quad = rows["quad"].to_numpy(np.int64)
    for number in QUAD_NAMES:
        counts[n_types + number] = np.bincount(day[quad == number], minlength=span)
    for k, column in enumerate(("score", "killed", "injured"), start=n_types + 1 + len(QUAD_NAMES)):
        counts[k] = np.bincount(day, weights=rows[column].to_numpy(np.float64), minlength=span)
    offset = first - units.first_day
    volume = np.zeros(span)
    have = slice(max(0, -offset), max(0, min(span, units.days - offset)))
    volume[have] = units.volume.to_numpy(np.float64)[have.start + offset : have.stop + offset]
    index = pd.date_range(
        units.volume.index[0] + pd.Timedelta(days=offset), periods=span, freq="D", name=by
    )
    if by == "week":
        weeks = index.to_period("W-SUN").start_time
        starts = np.flatnonzero(np.r_[True, weeks[1:] != weeks[:-1]])
        counts = np.add.reduceat(counts, starts, axis=1)
        volume = np.add.reduceat(volume, starts)
        index = pd.DatetimeIndex(weeks[starts], name=by)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_1k = counts / np.where(volume > 0, volume, np.nan) * 1000.0
        mean = np.where(counts[0] > 0, counts[_INTENSITY] / counts[0], np.nan)
    columns: dict[str, npt.NDArray[Any]] = {}
    for k, name in enumerate(SERIES_COUNTS):
        columns[name] = counts[k] if name == "intensity" else counts[k].round().astype(np.int64)
        if name == "intensity":
            columns["mean_intensity"] = mean
    columns["volume"] = volume.round().astype(np.int64)
    for k, name in enumerate(SERIES_COUNTS):
        columns[f"{name}_per_1k"] = per_1k[k]
    return pd.DataFrame(columns, index=index)
