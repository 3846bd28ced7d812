"""Ingest throughput: the whole shared corpus into a store, 1 and 2 workers, SQLite and Postgres.

    python benchmarks/ingest_bench.py [--shared ../shared] [--no-postgres]

Runs ``eventwatch ingest`` (the library call) over every ``corpus/*.jsonl`` into a fresh
SQLite store with ``--workers 1`` and ``--workers 2``, then into a throw-away PostgreSQL
cluster with ``--workers 2``, and prints articles/s, the speed-up of two workers, the
Postgres/SQLite time ratio, and the peak resident memory summed over the job's processes
(sampled every 0.2 s from /proc). Each configuration runs in a fresh interpreter, as a user's
``eventwatch ingest`` does. The bounds of issue 14: ≥ 15 articles/s with two
workers, ≥ 1.7× one worker, ≤ 1.5 GB, Postgres within 1.2× SQLite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from eventwatch.engines import IngestReport, engine_for, ingest
from eventwatch.pipeline import PipelineSpec
from eventwatch.store import Store


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                pass
    return found


class MemorySampler(threading.Thread):
    """The largest sum of resident memory over this process and its descendants."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self._done = threading.Event()  # not _stop: Thread uses that name

    def run(self) -> None:
        while not self._done.wait(0.2):
            total = sum(_rss_kb(p) for p in _tree(os.getpid()))
            self.peak_kb = max(self.peak_kb, total)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak_kb


def run(sources: list[Path], url: str, workers: int) -> tuple[float, int, int]:
    spec = PipelineSpec.load()
    report = IngestReport()
    sampler = MemorySampler()
    sampler.start()
    started = time.perf_counter()
    with Store.open(url) as store:
        ingest([str(s) for s in sources], store=store, spec=spec, engine=engine_for(workers),
               report=report)  # fmt: skip
    seconds = time.perf_counter() - started
    return seconds, report.documents + report.duplicates, sampler.stop()


def _run_alone(sources: list[Path], url: str, workers: int) -> tuple[float, int, int]:
    """One configuration in a fresh interpreter, as a user's ``eventwatch ingest`` runs:
    nothing an earlier configuration loaded stays resident in the parent."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", url, str(workers), *map(str, sources)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    seconds, docs, peak = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  ({workers} workers into {url.split('://')[0] if '://' in url else 'sqlite'}: "
          f"{seconds:.1f} s)", file=sys.stderr, flush=True)  # fmt: skip
    return float(seconds), int(docs), int(peak)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--one", nargs="+", help=argparse.SUPPRESS)  # URL WORKERS SOURCE...
    args = parser.parse_args(argv)
    if args.one:
        url, workers, *paths = args.one
        print(json.dumps(run([Path(p) for p in paths], url, int(workers))))
        return 0
    sources = sorted((args.shared / "corpus").glob("*.jsonl"))
    if not sources:
        raise SystemExit(f"ingest bench: no corpus/*.jsonl under {args.shared.resolve()}")
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for workers in (1, 2):
            url = str(Path(tmp) / f"w{workers}.db")
            results[f"sqlite w{workers}"] = _run_alone(sources, url, workers)
        if not args.no_postgres:
            from eventwatch.store._cluster import TemporaryCluster

            cluster = TemporaryCluster()
            cluster.start()
            try:
                results["postgresql w2"] = _run_alone(sources, cluster.create_database(), 2)
            finally:
                cluster.cleanup()
    for name, (seconds, docs, peak) in results.items():
        print(f"ingest {name:14} {seconds:7.1f} s  {docs / seconds:6.2f} articles/s  "
              f"peak RSS (all processes) {peak / 1024:,.0f} MB  ({docs} documents)")  # fmt: skip
    one, two = results["sqlite w1"][0], results["sqlite w2"][0]
    print(f"two workers / one: {one / two:.2f}x   (bound: 1.7x, and >= 15 articles/s)")
    if "postgresql w2" in results:
        print(f"postgres / sqlite time, 2 workers: {results['postgresql w2'][0] / two:.2f}x "
              "(bound: 1.2x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
