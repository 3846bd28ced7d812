"""Ray against the local engines: ingest throughput with 1 and 2 workers, in one run.

    python benchmarks/ray_bench.py [--shared ../shared] [--articles 200] [--cpus 2] [--repeat 1]
                                [--no-postgres]

Ingests the first ``--articles`` articles of ``corpus/*.jsonl`` (files in name order)
into a fresh SQLite store four times: local ``--workers 1`` and ``--workers 2``, then
``--engine ray`` with 1 and 2 actors on a local cluster of ``--cpus`` CPUs. The cluster
is started before the clock runs, as a user's cluster would be; each job's own start
(this process, the worker processes or the actors loading the pipeline) is inside the
time. Prints articles/s, articles per core-second, the peak resident memory of one Ray
actor, the efficiency Ray-2 / local-2 (issue 21's bound: >= 85%), and how fast the
driver alone ingests (the recorded rows replayed: reading, skip and near-copy checks,
decoding, writing), the ceiling of one job however many actors code. It checks that
the four stores hold the same events. The load average is printed before and after:
other jobs on the machine skew the figures; ``--repeat N`` runs the four in turn N
times and shows the best time of each (local w1 loads its pipeline in the first only).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwatch.engines import Engine, IngestReport, LocalEngine, ProcessEngine, RayEngine, ingest
from eventwatch.exceptions import DocumentError
from eventwatch.pipeline import PipelineSpec
from eventwatch.records import Article, CodedDocument
from eventwatch.store import Store


def _slice(sources: list[Path], n: int, out: Path) -> Path:
    lines: list[str] = []
    for source in sources:
        with source.open(encoding="utf-8") as handle:
            lines += [line for line in handle if line.strip()][: n - len(lines)]
        if len(lines) >= n:
            break
    out.write_text("".join(lines), encoding="utf-8")
    return out


def _actor_rss_kb() -> dict[int, int]:
    """Resident memory of this machine's Ray actors of the coder (their title names it)."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            title = (proc / "cmdline").read_bytes().replace(b"\0", b" ")
            if b"MapBatches(Coder)" not in title:
                continue
            for line in (proc / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[int(proc.name)] = int(line.split()[1])
        except OSError:
            continue
    return found


class ActorMemory(threading.Thread):
    """The largest resident memory seen of any one coder actor, sampled every 0.5 s."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.5):
            self.peak_kb = max([self.peak_kb, *_actor_rss_kb().values()])

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak_kb


class Recording(Engine):
    """The local engine, keeping each record's JSON (what a Ray actor sends back)."""

    def __init__(self) -> None:
        self.inner = LocalEngine()
        self.timings = self.inner.timings
        self.rows: dict[str, str] = {}

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        for doc in self.inner.code(spec, items):
            self.rows[doc.id] = json.dumps(doc.to_dict(), ensure_ascii=False)
            yield doc


class Replay(Engine):
    """Codes nothing: gives back recorded rows, decoded as the Ray engine decodes them, so
    an ingest with it times the driver alone (read, decide, decode, write)."""

    def __init__(self, rows: dict[str, str]) -> None:
        self.rows = rows
        self.timings = {}

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        for item in items:
            assert isinstance(item, Article)
            yield CodedDocument.from_dict(json.loads(self.rows[item.id]))


def run(source: Path, url: str, engine: Engine) -> tuple[float, int]:
    report = IngestReport()
    started = time.perf_counter()
    with Store.open(url) as store:
        ingest(source, store=store, spec=PipelineSpec.load(), engine=engine, report=report)
    return time.perf_counter() - started, report.documents + report.duplicates


def _events(url: str) -> list[str]:
    with Store.open(url) as store:
        return sorted(json.dumps(e, sort_keys=True) for e in store.iter_events())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--cpus", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best is shown")
    parser.add_argument("--no-postgres", action="store_true", help="skip the driver-only run "
                        "into a throw-away PostgreSQL cluster")  # fmt: skip
    args = parser.parse_args(argv)
    sources = sorted((args.shared / "corpus").glob("*.jsonl"))
    if not sources:
        raise SystemExit(f"ray bench: no corpus/*.jsonl under {args.shared.resolve()}")
    import ray

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores")  # fmt: skip
    started = time.perf_counter()
    ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)  # fmt: skip
    print(f"ray cluster start (not timed below): {time.perf_counter() - started:.1f} s")
    results: dict[str, tuple[float, int]] = {}
    urls: dict[str, str] = {}
    peak_kb = 0
    with tempfile.TemporaryDirectory() as tmp:
        source = _slice(sources, args.articles, Path(tmp) / "slice.jsonl")
        engines: dict[str, Engine] = {
            "local w1": (recording := Recording()),
            "local w2": ProcessEngine(2),
            "ray w1": RayEngine(1),
            "ray w2": RayEngine(2),
        }
        for rep in range(args.repeat):  # the four in turn, so a burst of load hits them alike
            for name, engine in engines.items():
                urls[name] = str(Path(tmp) / f"{name.replace(' ', '-')}-{rep}.db")
                sampler = ActorMemory() if name.startswith("ray") else None
                if sampler is not None:
                    sampler.start()
                timed = run(source, urls[name], engine)
                if name not in results or timed[0] < results[name][0]:
                    results[name] = timed  # the best of the repeats
                if sampler is not None:
                    peak_kb = max(peak_kb, sampler.stop())
        driver = run(source, str(Path(tmp) / "replay.db"), Replay(recording.rows))
        driver_pg = None
        if not args.no_postgres:
            from eventwatch.store._cluster import TemporaryCluster

            cluster = TemporaryCluster()
            cluster.start()
            try:
                driver_pg = run(source, cluster.create_database(), Replay(recording.rows))
            finally:
                cluster.cleanup()
        same = len({tuple(_events(url)) for url in urls.values()}) == 1
    ray.shutdown()
    for name, (seconds, docs) in results.items():
        cores = 2 if name.endswith("w2") else 1
        rate = docs / seconds
        print(f"ingest {name:9} {seconds:7.1f} s  {rate:6.2f} articles/s  "
              f"{rate / cores:5.2f} articles per core-second  ({docs} documents)")  # fmt: skip
    print(f"peak RSS of one Ray actor: {peak_kb / 1024:,.0f} MB")
    print(f"the driver alone (read, decide, decode, write SQLite): "
          f"{driver[1] / driver[0]:,.0f} articles/s, the ceiling of one job")  # fmt: skip
    if driver_pg is not None:
        print(
            f"the driver alone, writing PostgreSQL: {driver_pg[1] / driver_pg[0]:,.0f} articles/s"
        )
    local2, ray2 = results["local w2"][0], results["ray w2"][0]
    print(f"efficiency ray w2 / local w2: {local2 / ray2:.0%}   (bound: >= 85%)")
    print(f"ray w2 / ray w1 speed-up: {results['ray w1'][0] / ray2:.2f}x")
    print(f"the four stores hold the same events: {same}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
