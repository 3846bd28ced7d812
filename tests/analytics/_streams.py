"""Hand-built unit streams with known changes, for the analytics tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from eventwatch.analytics import Units, make_units

START = pd.Timestamp("2023-01-02")  # a Monday


def stream(
    dyads: dict[str, dict[str, list[int] | np.ndarray]],
    *,
    volume: np.ndarray,
    killed: dict[str, np.ndarray] | None = None,
) -> Units:
    """Units from daily counts: ``{"SRB:XKX": {"ASSAULT": counts_per_day, ...}}``.

    Each unit of a count is one incident with one report; ``killed`` gives, per dyad, the
    killed of each day's first ASSAULT.
    """
    rows = []
    for dyad, by_type in dyads.items():
        a, b = dyad.split(":")
        for type_, counts in by_type.items():
            for day, count in enumerate(np.asarray(counts).tolist()):
                for k in range(int(count)):
                    dead = 0
                    if killed and type_ == "ASSAULT" and k == 0:
                        dead = int(killed.get(dyad, np.zeros(len(volume)))[day])
                    unit = f"{dyad}-{type_}-{day}-{k}"
                    rows.append(
                        {
                            "unit_id": unit,
                            "day": START + pd.Timedelta(days=day),
                            "source_country": a if k % 2 == 0 else b,
                            "target_country": b if k % 2 == 0 else a,
                            "type": type_,
                            "killed": dead,
                            "event_ids": (f"{unit}-r0",),
                        }
                    )
    frame = pd.DataFrame(rows)
    return make_units(
        frame,
        pd.Series(volume, index=pd.date_range(START, periods=len(volume))),
        kind="incidents",
    )


def poisson(rng: np.random.Generator, rate: float | np.ndarray, days: int) -> np.ndarray:
    return rng.poisson(np.broadcast_to(rate, (days,)))
