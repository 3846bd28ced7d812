"""Series and alerts over a store of a million events: time and memory.

    python benchmarks/analytics_store_bench.py [--events 1000000] [--db PATH] [--keep]

Generates the events of ``analytics_bench.py`` (a long-tailed mix of dyads, a weekly rhythm,
the 16 PLOVER types, casualties for attacks), ten to a report, and writes them into a SQLite
store (not timed; a store kept with ``--keep`` is reused). Then it times what ``eventwatch
series`` and ``eventwatch alerts`` do: reading the units out of the store, the daily and
weekly series of the 20 busiest dyads and 20 countries, and the detector over every dyad
with its alerts written back. It prints each time, their total and the peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from analytics_bench import generate  # noqa: E402

from eventwatch.analytics import (  # noqa: E402
    country_series,
    dyad_series,
    refresh_alerts,
    units_from_store,
)
from eventwatch.store import Store  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _side(country: object) -> list[dict[str, str]]:
    return [{"country": country}] if isinstance(country, str) else []


def fill(store: Store, events: int) -> None:
    frame, _ = generate(events, 1095, 4000, seed=7)
    started = time.perf_counter()
    docs: list[dict] = []
    for start in range(0, len(frame), 10):
        rows = frame.iloc[start : start + 10]
        day = str(rows["day"].iloc[0])[:10]
        doc_id = f"bench-{start // 10}"
        docs.append(
            {
                "id": doc_id, "content_hash": doc_id, "text": "", "status": "coded",
                "pub_date": day, "version": "bench",
                "events": [
                    {
                        "id": f"{doc_id}-{k}", "type": row.type,
                        "mode": row.mode if isinstance(row.mode, str) else None,
                        "source": _side(row.source_country),
                        "target": _side(row.target_country),
                        "killed": int(row.killed) or None, "injured": int(row.injured) or None,
                        "date": {"start_date": day, "granularity": "day", "source": "text"},
                    }
                    for k, row in enumerate(rows.itertuples())
                ],
            }
        )  # fmt: skip
        if len(docs) >= 5000:
            store.write(docs)
            docs = []
    if docs:
        store.write(docs)
    seconds = time.perf_counter() - started
    print(f"store filled with {events:,} events in {seconds:.0f} s (not counted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwatch-analytics-bench.db"))
    parser.add_argument("--keep", action="store_true", help="reuse the store if it is there")
    args = parser.parse_args(argv)
    if not args.keep and args.db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    with Store.open(args.db) as store:
        if store.stats()["events"] < args.events:
            fill(store, args.events)
        t0 = time.perf_counter()
        units = units_from_store(store)
        t1 = time.perf_counter()
        frame = units.frame
        busiest = frame["source_country"].astype(str) + ":" + frame["target_country"].astype(str)
        dyads = [d for d in busiest.value_counts().index if "nan" not in d][:20]
        countries = list(frame["source_country"].value_counts().index[:20])
        for dyad in dyads:
            for by in ("day", "week"):
                dyad_series(units, dyad, by=by)
        for country in countries:
            for by in ("day", "week"):
                country_series(units, str(country), by=by)
        t2 = time.perf_counter()
        alerts = refresh_alerts(store, units=units)
        t3 = time.perf_counter()
    print(f"units from the store ({len(frame):,} rows):  {t1 - t0:6.2f} s")
    print(f"series, 20 dyads + 20 countries, day and week:  {t2 - t1:6.2f} s")
    print(f"alerts over every dyad, written back ({len(alerts):,}):  {t3 - t2:6.2f} s")
    print(f"total:  {t3 - t0:6.2f} s   (bound: 30 s)")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB   (bound: 1,536 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
