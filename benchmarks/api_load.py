"""Load test of ``eventwatch serve``: 50 concurrent clients for 60 s against 127.0.0.1.

    python benchmarks/api_load.py [--events 100000] [--clients 50] [--seconds 60]
                                  [--think 0.2] [--workers 2] [--db PATH] [--keep]

Fills a SQLite store with ``--events`` generated events (the dyads, days and types of
``analytics_bench.py``, each event with actors, a located place, a date and an evidence
sentence, ten to a document) through the store's public write API (not timed; a store kept
with ``--keep`` is reused), starts ``eventwatch serve`` on a free port of 127.0.0.1 in its own
process, and runs ``--clients`` clients that each send requests one after another (waiting
``--think`` seconds between them) to the list endpoints, in turn, for ``--seconds`` seconds.
Waits are drawn at random (exponential, mean ``--think``) so the clients do not fall into
step. A warm-up of ``--warmup`` seconds (5) under the same load is not counted. Every
request is bounded by a timeout; the run stops by itself. It prints, per endpoint, the
requests, errors (any status but 200, or a failed request) and the p50/p95/max latency, and
exits 1 if any request failed or a p95 is over ``--bar`` ms (200).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from analytics_bench import generate  # noqa: E402

from eventwatch.store import Store  # noqa: E402

#: (name, path and query): what a dashboard user asks for
ENDPOINTS = [
    ("events", "/events?limit=50"),
    ("events country+type", "/events?country={country}&type=ASSAULT&limit=50"),
    ("events month", "/events?since={month}-01&until={month}-28&limit=50"),
    ("events csv", "/events?limit=50&format=csv"),
    ("documents", "/documents?limit=50"),
    ("places month", "/places?since={month}-01&until={month}-28"),
    ("incidents", "/incidents?limit=50"),
    ("alerts", "/alerts?limit=50"),
]


def _coords(country: str) -> tuple[float, float]:
    digest = hashlib.sha256(country.encode()).digest()
    return (-55 + digest[0] / 255 * 115, -170 + digest[1] / 255 * 340)


def _actor(country: object, sector: str) -> list[dict[str, Any]]:
    if not isinstance(country, str):
        return []
    return [{"text": f"{country} {sector.lower()}", "start": 0, "end": 3, "name": country,
             "country": country, "sector": sector, "sectors": [sector]}]  # fmt: skip


def fill(store: Store, events: int) -> None:
    frame, _ = generate(events, 1095, 4000, seed=7)
    started = time.perf_counter()
    docs: list[dict[str, Any]] = []
    for start in range(0, len(frame), 10):
        rows = frame.iloc[start : start + 10]
        day = str(rows["day"].iloc[0])[:10]
        doc_id = f"load-{start // 10:06d}"
        sentences, records = [], []
        at = 0
        for k, row in enumerate(rows.itertuples()):
            trigger = row.type.lower()
            sentence = (
                f"Forces of {row.source_country} reported {trigger} against "
                f"{row.target_country} on {day}. "
            )
            lat, lon = _coords(str(row.source_country))
            begin = at + sentence.index(trigger)
            records.append({
                "id": f"{doc_id}-{k}", "type": row.type,
                "mode": row.mode if isinstance(row.mode, str) else None,
                "source": _actor(row.source_country, "GOV"),
                "target": _actor(row.target_country, "MIL"),
                "negated": False, "hypothetical": False, "historical": False,
                "killed": int(row.killed) or None, "injured": int(row.injured) or None,
                "date": {"start_date": day, "granularity": "day", "source": "text", "text": day},
                "location": {"text": str(row.source_country), "name": f"{row.source_country} city",
                             "country": row.source_country, "lat": round(lat + k * 0.01, 4),
                             "lon": round(lon, 4), "feature": "PPL"},
                "evidence": {"sentence": k, "start": at, "end": at + len(sentence),
                             "text": sentence, "trigger": {"start": begin,
                             "end": begin + len(trigger), "text": trigger}},
                "confidence": 0.6, "rule": "load",
            })  # fmt: skip
            sentences.append(sentence)
            at += len(sentence)
        text = "".join(sentences)
        docs.append({
            "id": doc_id, "content_hash": doc_id, "text": text, "status": "coded",
            "pub_date": day, "version": "load", "title": f"Report {doc_id}", "source": "load",
            "events": records,
        })  # fmt: skip
        if len(docs) >= 2000:
            store.write(docs)
            docs = []
    if docs:
        store.write(docs)
    store.write_alerts([{"id": f"al-load-{n:03d}", "dyad": "SRB:XKX", "detected_on": "2024-01-01",
                         "summary": "load"} for n in range(60)])  # fmt: skip
    store.write_incidents([{"id": f"in-load-{n:04d}", "type": "ASSAULT", "members": []}
                           for n in range(500)])  # fmt: skip
    print(f"store filled with {events:,} events in {time.perf_counter() - started:.0f} s "
          "(not counted)", flush=True)  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    eventwatch = Path(sys.executable).with_name("eventwatch")
    server = subprocess.Popen(
        [
            str(eventwatch),
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],  # fmt: skip
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
        if server.poll() is not None:
            break
    server.kill()
    raise SystemExit("the server did not start")


async def client(
    n: int, base: str, until: float, think: float, paths: list[tuple[str, str]],
    results: dict[str, list[float]], errors: dict[str, int],
) -> None:  # fmt: skip
    wait = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=10.0) as http:
        if think:
            await asyncio.sleep(wait.uniform(0, think))
        turn = n
        while time.monotonic() < until:
            name, path = paths[turn % len(paths)]
            turn += 1
            started = time.perf_counter()
            try:
                response = await http.get(path)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            results[name].append(elapsed)
            if not ok:
                errors[name] += 1
            if think:
                await asyncio.sleep(wait.expovariate(1 / think))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--think", type=float, default=0.2, help="mean seconds between a client's requests"
    )
    parser.add_argument("--workers", type=int, default=2, help="eventwatch serve --workers")
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds of the same load first, not counted")  # fmt: skip
    parser.add_argument("--bar", type=float, default=200.0, help="the p95 bar in ms")
    parser.add_argument("--db", type=Path, default=Path("/tmp/eventwatch-api-load.db"))
    parser.add_argument("--keep", action="store_true", help="reuse the store if it is there")
    args = parser.parse_args(argv)
    if not (args.keep and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        with Store.open(args.db) as store:
            fill(store, args.events)
    with Store.open(args.db) as store:
        stats = store.stats()
    rng = np.random.default_rng(3)
    countries = ["SRB", "XKX", "RUS", "UKR", "USA", "CHN", "ISR", "IRN", "SYR", "IND"]
    # the months of the stored events (analytics_bench's 1,095 days from 2022-01-03)
    months = [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)]
    paths = [
        (name, path.format(country=rng.choice(countries), month=rng.choice(months)))
        for _ in range(20)
        for name, path in ENDPOINTS
    ]
    port = free_port()
    server = start_server(args.db, port, args.workers)
    results: dict[str, list[float]] = {name: [] for name, _ in ENDPOINTS}
    errors: dict[str, int] = {name: 0 for name, _ in ENDPOINTS}
    try:
        base = f"http://127.0.0.1:{port}"

        async def run(seconds: float, into: dict[str, list[float]], bad: dict[str, int]) -> None:
            until = time.monotonic() + seconds
            await asyncio.gather(*(client(n, base, until, args.think, paths, into, bad)
                                   for n in range(args.clients)))  # fmt: skip

        if args.warmup > 0:  # every worker thread opens its store; the page cache fills
            ignored = {name: [] for name, _ in ENDPOINTS}, {name: 0 for name, _ in ENDPOINTS}
            asyncio.run(asyncio.wait_for(run(args.warmup, *ignored), timeout=args.warmup + 30))
        asyncio.run(asyncio.wait_for(run(args.seconds, results, errors), timeout=args.seconds + 30))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    total = sum(len(v) for v in results.values())
    print(f"store: {stats['events']:,} events, {stats['documents']:,} documents; "
          f"{args.clients} clients, {args.seconds:.0f} s, think {args.think:g} s, "
          f"{args.workers} server process(es); "
          f"{total:,} requests ({total / args.seconds:.0f}/s)")  # fmt: skip
    print(f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    worst = 0.0
    for name, times in results.items():
        if not times:
            print(f"{name:<22}{0:>9}")
            continue
        p50, p95 = np.percentile(times, [50, 95])
        worst = max(worst, float(p95))
        print(
            f"{name:<22}{len(times):>9,}{errors[name]:>8}{p50:>9.1f}{p95:>9.1f}{max(times):>9.1f}"
        )
    failed = sum(errors.values())
    verdict = "ok" if not failed and worst <= args.bar else "FAILED"
    print(f"errors: {failed}; worst p95 {worst:.1f} ms (bar {args.bar:.0f} ms): {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())
