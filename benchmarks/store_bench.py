"""Store write benchmark: real coded documents into SQLite and PostgreSQL.

    python benchmarks/store_bench.py [--shared ../shared] [--articles 150] [--copies 10]

Codes ``--articles`` real articles from ``corpus/*.jsonl`` once, then makes
``--copies`` renamed copies of each (new document and event ids, same facts), so
the store sees ``articles × copies`` distinct documents of real size and shape.
Writes them in batches of ``--batch`` (one transaction each) into a fresh SQLite
file and into a fresh database of a throw-away PostgreSQL cluster (the Debian
package, fsync on), ``--repeat`` times each, alternating, into a new database
every time; prints the best and the median documents/s and events/s of each
backend and the ratio of their best times (the machine is shared, so the best
run is the one least disturbed). Coding is not timed: this is the store alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from eventwatch import Article, Pipeline
from eventwatch.records import event_id
from eventwatch.store import Store
from eventwatch.store._cluster import TemporaryCluster, find_pg_bin


def load_articles(shared: Path, limit: int) -> list[Article]:
    files = sorted((shared / "corpus").glob("*.jsonl"))
    if not files:
        sys.exit(f"no corpus under {shared}/corpus: pass --shared PATH")
    rows = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            rows.extend(json.loads(line) for line in handle if line.strip())
    # an even spread over the files: long VOA stories and short local news
    step = max(1, len(rows) // limit)
    return [
        Article(id=str(r["id"]), text=r["text"], title=r.get("title"), url=r.get("url"))
        for r in rows[::step][:limit]
    ]


def renamed(doc: dict[str, Any], copy: int) -> dict[str, Any]:
    out = json.loads(json.dumps(doc))
    out["id"] = f"{doc['id']}~{copy}"
    for event in out["events"]:
        trigger = event["evidence"]["trigger"]
        event["id"] = event_id(
            out["id"], out["content_hash"], trigger["start"], trigger["end"], event["type"]
        )
    return out


def timed_write(url: str, documents: list[dict[str, Any]], batch: int) -> tuple[float, int]:
    with Store.open(url) as store:
        events = 0
        t0 = time.perf_counter()
        for start in range(0, len(documents), batch):
            events += store.write(documents[start : start + batch]).events
        seconds = time.perf_counter() - t0
        assert store.stats()["documents"] == len(documents)
    return seconds, events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    articles = load_articles(args.shared, args.articles)
    pipeline = Pipeline.load()
    coded = [
        {**d.to_dict(), "status": "coded", "duplicate_of": None}
        for d in pipeline.code_articles(articles)
    ]
    documents = [renamed(d, c) for c, d in itertools.product(range(args.copies), coded)]
    events = sum(len(d["events"]) for d in documents)
    print(
        f"store write: {len(documents)} documents ({len(coded)} coded articles x {args.copies}), "
        f"{events} events, batches of {args.batch}"
    )
    results: dict[str, list[float]] = {"sqlite": []}
    folder = Path(tempfile.mkdtemp(prefix="eventwatch-bench-"))
    cluster = None
    if find_pg_bin() is None:
        print("postgresql: not installed (apt-get install -y postgresql), skipped")
    else:
        cluster = TemporaryCluster(durable=True).start()
        results["postgresql"] = []
    try:
        for run in range(args.repeat):
            seconds, _ = timed_write(str(folder / f"bench{run}.db"), documents, args.batch)
            results["sqlite"].append(seconds)
            if cluster is not None:
                seconds, _ = timed_write(cluster.create_database(), documents, args.batch)
                results["postgresql"].append(seconds)
    finally:
        if cluster is not None:
            cluster.cleanup()
        shutil.rmtree(folder, ignore_errors=True)
    for name, times in results.items():
        best, median = min(times), statistics.median(times)
        print(
            f"{name:<11} best {best:6.2f} s  {len(documents) / best:7.1f} documents/s  "
            f"{events / best:8.0f} events/s   median {len(documents) / median:7.1f} documents/s"
        )
    if cluster is not None:
        ratio = min(results["postgresql"]) / min(results["sqlite"])
        print(f"postgresql / sqlite time (best runs): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
