"""Units as dense dyad x day arrays, the detectors' input, built a chunk of dyads at a time.

Each watched dyad (country pair, both ways unless ``directed``) gets one row per day of:
``units`` (PLOVER units), ``conflict`` (verbal and material conflict), ``material`` (material
conflict), ``threats`` (THREATEN and MOBILIZE: the first rungs of force), ``casualties``
(units with anyone killed or injured), ``z`` (the sum of the units' conflict weights,
:func:`conflict_weight`) and ``tilt`` (the sum of exp(mix_tilt * z)). Chunks hold about a
million dyad-days, so memory stays flat with the number of dyads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._units import Units

__all__ = [
    "CHUNK_CELLS",
    "FEATURES",
    "THREAT_TYPES",
    "Panel",
    "casualty_score",
    "conflict_weight",
    "dyad_index",
    "panels",
]

#: dyad-days per chunk
CHUNK_CELLS = 1 << 20
FEATURES = ("units", "conflict", "material", "threats", "casualties", "z", "tilt")
#: the first rungs of the ladder of force: threats and shows of force
THREAT_TYPES = ("THREATEN", "MOBILIZE")

Array = npt.NDArray[np.float64]


@dataclass
class Panel:
    """A chunk of dyads: names, daily features (days x dyads), where their units are."""

    dyads: list[str]
    first_day: int
    volume: Array
    features: dict[str, Array]
    #: row numbers of ``units.frame``, grouped by dyad (dyad i: rows[offsets[i]:offsets[i+1]])
    rows: npt.NDArray[np.int64]
    offsets: npt.NDArray[np.int64]

    @property
    def days(self) -> int:
        return len(self.volume)

    @property
    def size(self) -> int:
        return len(self.dyads)

    def unit_rows(self, dyad: int) -> npt.NDArray[np.int64]:
        return self.rows[self.offsets[dyad] : self.offsets[dyad + 1]]


def casualty_score(killed: npt.ArrayLike, injured: npt.ArrayLike) -> Array:
    """1 + log2(killed + injured), rounded down, for a unit with casualties; 0 without."""
    toll = np.asarray(killed, dtype=np.float64) + np.asarray(injured, dtype=np.float64)
    with np.errstate(divide="ignore"):
        return np.where(toll > 0, 1.0 + np.floor(np.log2(np.maximum(toll, 1.0))), 0.0)


def conflict_weight(quad: npt.ArrayLike, score: npt.ArrayLike) -> Array:
    """A unit's conflict weight in [-1, 1]: half its side (conflict +1, cooperation -1), half
    its PLOVER score (-score / 10). The side carries cooperation turning to conflict, the score
    the intensity within each side (ASSAULT weighs more than ACCUSE)."""
    q = np.asarray(quad)
    side = np.where(q >= 3, 1.0, np.where(q >= 1, -1.0, 0.0))
    return np.asarray(0.5 * side - 0.05 * np.asarray(score, dtype=np.float64), dtype=np.float64)


def _country_codes(
    frame: pd.DataFrame,
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The sorted countries of both sides and each row's source and target code (-1: none)."""
    source, target = frame["source_country"], frame["target_country"]
    countries = sorted(set(source.cat.categories) | set(target.cat.categories))
    codes = []
    for column in (source, target):
        lookup = np.array([countries.index(c) for c in column.cat.categories] + [-1])
        codes.append(lookup[column.cat.codes.to_numpy(np.int64)])
    return countries, codes[0], codes[1]


def dyad_index(frame: pd.DataFrame, *, directed: bool) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Each row's dyad number (-1 without two countries) and the dyads' names (``SRB:XKX``)."""
    countries, s, t = _country_codes(frame)
    width = max(len(countries), 1)
    valid = (s >= 0) & (t >= 0)
    a, b = (s, t) if directed else (np.minimum(s, t), np.maximum(s, t))
    key = np.where(valid, a * width + b, -1)
    keys, inverse = np.unique(key[valid], return_inverse=True)
    index = np.full(len(frame), -1, dtype=np.int64)
    index[valid] = inverse
    sep = ">" if directed else ":"
    names = [f"{countries[k // width]}{sep}{countries[k % width]}" for k in keys.tolist()]
    return index, names


def _count(
    cell: npt.NDArray[np.int64],
    shape: tuple[int, int],
    mask: npt.NDArray[np.bool_],
    weights: Array | None = None,
) -> Array:
    """Per day and dyad sums of ``weights`` (or counts) over the rows in ``mask``."""
    w = None if weights is None else weights[mask]
    sums = np.bincount(cell[mask], weights=w, minlength=shape[0] * shape[1])
    return sums.astype(np.float64).reshape(shape)


def panels(
    units: Units,
    *,
    directed: bool,
    min_units: int,
    tilt: float,
    dyads: list[str] | None = None,
    chunk_cells: int = CHUNK_CELLS,
) -> Iterator[Panel]:
    """The watched dyads of ``units`` (those with ``min_units`` units, or the named ``dyads``)."""
    frame = units.frame
    index, names = dyad_index(frame, directed=directed)
    unit_code = frame["unit_code"].to_numpy(np.int64)
    keep = index >= 0
    # a unit counts once per dyad, however many of its actor pairs fall in it
    pair = np.where(keep, index * (unit_code.max(initial=0) + 1) + unit_code, -1)
    first_seen = np.zeros(len(frame), dtype=bool)
    _, first_rows = np.unique(pair[keep], return_index=True)
    first_seen[np.flatnonzero(keep)[first_rows]] = True
    keep &= first_seen
    counts = np.bincount(index[keep], minlength=len(names))
    if dyads is not None:
        wanted = set(dyads)
        watched = np.array([n in wanted for n in names], dtype=bool)
    else:
        watched = counts >= min_units
    if len(names):
        keep &= watched[np.maximum(index, 0)]
    rows = np.flatnonzero(keep)
    order = np.argsort(index[rows], kind="stable")
    rows = rows[order]
    row_dyad = index[rows]
    chosen = np.flatnonzero(watched)
    days = units.days
    first_day = units.first_day
    volume = units.volume.to_numpy(np.float64)
    day = frame["day_number"].to_numpy(np.int64) - first_day
    quad = frame["quad"].to_numpy(np.int64)
    type_column = frame["type"].astype("category")
    types = type_column.cat.codes.to_numpy(np.int64)
    categories = list(type_column.cat.categories)
    threat_codes = [categories.index(t) for t in THREAT_TYPES if t in categories]
    z = conflict_weight(quad, frame["score"].to_numpy(np.float64))
    cas = casualty_score(frame["killed"].to_numpy(), frame["injured"].to_numpy())
    per_chunk = max(1, chunk_cells // max(days, 1))
    starts = np.searchsorted(row_dyad, chosen)
    ends = np.searchsorted(row_dyad, chosen, side="right")
    for lo in range(0, len(chosen), per_chunk):
        group = chosen[lo : lo + per_chunk]
        begin, end = starts[lo], ends[lo + len(group) - 1]
        chunk_rows = rows[begin:end]
        local = np.searchsorted(group, row_dyad[begin:end])
        cell = day[chunk_rows] * len(group) + local  # day-major: a day's dyads side by side
        q = quad[chunk_rows]
        plover = q > 0
        zr = z[chunk_rows]
        shape = (days, len(group))
        features = {
            "units": _count(cell, shape, plover),
            "conflict": _count(cell, shape, q >= 3),
            "material": _count(cell, shape, q == 4),
            "threats": _count(cell, shape, np.isin(types[chunk_rows], threat_codes)),
            "casualties": _count(cell, shape, plover & (cas[chunk_rows] > 0)),
            "z": _count(cell, shape, plover, zr),
            "tilt": _count(cell, shape, plover, np.exp(tilt * zr)),
        }
        offsets = np.concatenate(
            ([0], np.cumsum(ends[lo : lo + len(group)] - starts[lo : lo + len(group)]))
        )
        yield Panel(
            dyads=[names[g] for g in group.tolist()],
            first_day=first_day,
            volume=volume,
            features=features,
            rows=chunk_rows,
            offsets=offsets.astype(np.int64),
        )
