"""Speed and memory of the analytics over a million generated events.

    python benchmarks/analytics_bench.py [--events 1000000] [--days 1095] [--dyads 4000]

Generates ``--events`` single-report units (as the store would hand them over: columns, one
row per event) spread over ``--dyads`` country pairs with a long-tailed activity (a few busy
dyads, many quiet ones), ``--days`` days with a weekly rhythm, the 16 PLOVER types, modes,
casualties for attacks, and 5% of events without a target country. Then it times, separately:
building the :class:`~eventwatch.analytics.Units` (checks, categories, scores), the daily and
weekly series of the 20 busiest dyads and 20 countries, and ``detect_alerts`` over every dyad
(eventwatch's detector; with ``--acled`` the ACLED rule too). It prints each time, the total
of units, series and alerts, the number of alerts, and the peak RSS of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from eventwatch.analytics import (
    PLOVER_TYPES,
    country_series,
    detect_alerts,
    dyad_series,
    make_units,
    score_table,
)
from eventwatch.resources.countries import read_countries


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(events: int, days: int, dyads: int, seed: int) -> tuple[pd.DataFrame, pd.Series]:
    """Event rows as columns, and a daily report volume."""
    rng = np.random.default_rng(seed)
    codes = np.array(sorted(c.iso3 for c in read_countries()))
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < dyads:
        a, b = rng.choice(codes, size=2, replace=False)
        pairs.add((str(a), str(b)))
    pair = np.array(sorted(pairs))
    weight = 1.0 / np.arange(1, dyads + 1) ** 1.1
    dyad = rng.choice(dyads, size=events, p=weight / weight.sum())
    weekday = np.array([1.05, 1.1, 1.1, 1.05, 1.0, 0.75, 0.7])
    day_weight = weekday[np.arange(days) % 7] * (1 + 0.2 * np.sin(np.arange(days) / 58.0))
    day = np.sort(rng.choice(days, size=events, p=day_weight / day_weight.sum()))
    mix = np.array([15, 35, 15, 5, 12, 10, 8, 15, 25, 12, 10, 10, 5, 6, 8, 9], dtype=float)
    type_index = rng.choice(len(PLOVER_TYPES), size=events, p=mix / mix.sum())
    types = np.asarray(PLOVER_TYPES, dtype=object)[type_index]
    table = score_table()
    modes_of: dict[str, list[str | None]] = {t: [None] for t in PLOVER_TYPES}
    for type_, mode in table.mode_scores:
        modes_of[type_].append(mode)
    pick = rng.uniform(size=events)
    mode = np.array(
        [modes_of[t][int(p * len(modes_of[t]))] for t, p in zip(types, pick, strict=True)],
        dtype=object,
    )
    forward = rng.uniform(size=events) < 0.5
    source = np.where(forward, pair[dyad, 0], pair[dyad, 1]).astype(object)
    target = np.where(forward, pair[dyad, 1], pair[dyad, 0]).astype(object)
    target[rng.uniform(size=events) < 0.05] = None
    assault = types == "ASSAULT"
    killed = np.where(assault & (rng.uniform(size=events) < 0.3), rng.poisson(2.0, events), 0)
    ids = [f"ev{i}" for i in range(events)]
    frame = pd.DataFrame(
        {
            "unit_id": ids,
            "day": pd.Timestamp("2022-01-03") + pd.to_timedelta(day, unit="D"),
            "source_country": source,
            "target_country": target,
            "type": types,
            "mode": mode,
            "killed": killed,
            "injured": np.where(killed > 0, rng.poisson(3.0, events), 0),
            "event_ids": [(i,) for i in ids],
        }
    )
    per_day = np.bincount(day, minlength=days)
    volume = pd.Series(
        (per_day * 3.0 + rng.poisson(2000, days)).astype(float),
        index=pd.date_range("2022-01-03", periods=days),
    )
    return frame, volume


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=1095)
    parser.add_argument("--dyads", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--acled", action="store_true", help="Also time the ACLED rule.")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    frame, volume = generate(args.events, args.days, args.dyads, args.seed)
    t1 = time.perf_counter()
    units = make_units(frame, volume, kind="reports")
    del frame
    t2 = time.perf_counter()
    busiest = (
        units.frame.dropna(subset=["target_country"])
        .groupby(["source_country", "target_country"], observed=True)
        .size()
        .nlargest(20)
    )
    for source, target in busiest.index:
        dyad_series(units, f"{source}:{target}")
        dyad_series(units, f"{source}:{target}", by="week")
    countries = units.frame["source_country"].value_counts().index[:20]
    for country in countries:
        country_series(units, str(country))
        country_series(units, str(country), by="week")
    t3 = time.perf_counter()
    ours = detect_alerts(units)
    t4 = time.perf_counter()
    acled = detect_alerts(units, detector="acled") if args.acled else None
    t5 = time.perf_counter()
    print(f"events: {args.events:,} over {args.days} days and {args.dyads:,} dyads")
    print(f"generate events:                      {t1 - t0:6.2f} s (not counted)")
    print(f"build units (checks, scores):         {t2 - t1:6.2f} s")
    print(f"series, 20 dyads + 20 countries by day and by week: {t3 - t2:6.2f} s")
    print(f"alerts, eventwatch detector:          {t4 - t3:6.2f} s ({len(ours):,} alerts)")
    if acled is not None:
        print(f"alerts, ACLED rule:                   {t5 - t4:6.2f} s ({len(acled):,} alerts)")
    print(f"units + series + alerts (eventwatch): {t4 - t1:6.2f} s")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
