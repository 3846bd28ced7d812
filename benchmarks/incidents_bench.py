"""What incident linking adds to ingest: seconds linking over seconds ingesting.

    python benchmarks/incidents_bench.py [--shared ../shared] [--limit 600]

Ingests the first ``--limit`` articles of every ``corpus/*.jsonl`` (one worker, SQLite, batches
of 64, as ``eventwatch ingest`` does) with the incident linker as the after-write hook, and
prints the whole job's time, the linker's share of it (reading the batch back, scoring the
blocked candidates, writing the changed incidents), the candidates scored per report, and the
incidents made. The bound of issue 18: linking ≤ 10% of ingest time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from eventwatch.engines import engine_for, ingest_items
from eventwatch.incidents import IncidentLinking
from eventwatch.ingest import parse_date
from eventwatch.pipeline import PipelineSpec
from eventwatch.records import Article
from eventwatch.store import Store


def _articles(shared: Path, limit: int) -> list[Article]:
    files = sorted((shared / "corpus").glob("*.jsonl"))
    if not files:
        sys.exit(f"no corpus/*.jsonl under {shared}")
    found = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= limit:
                    break
                row = json.loads(line)
                found.append(Article(
                    id=str(row["id"]), text=row["text"],
                    pub_date=parse_date(row["pub_date"]) if row.get("pub_date") else None,
                    title=row.get("title"), url=row.get("url"), source=row.get("source"),
                ))  # fmt: skip
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[1] / ".." / "shared")
    parser.add_argument("--limit", type=int, default=600, help="articles per corpus file")
    args = parser.parse_args()
    articles = _articles(args.shared, args.limit)
    linking = IncidentLinking()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "b.db") as store:
        started = time.perf_counter()
        report = ingest_items(
            articles, store=store, spec=PipelineSpec.load(), engine=engine_for(1),
            after_write=linking,
        )  # fmt: skip
        total = time.perf_counter() - started
        incidents = store.incidents()
    share = linking.seconds / total if total else 0.0
    print(f"ingest with linking: {len(articles):,} articles ({report.documents:,} coded) "
          f"in {total:.1f} s")  # fmt: skip
    print(f"linking: {linking.seconds:.2f} s for {linking.linked:,} documents "
          f"= {100 * share:.1f}% of ingest time (bound: 10%)")  # fmt: skip
    print(f"incidents: {len(incidents):,}, of 2+ reports: "
          f"{sum(1 for r in incidents if r['n_reports'] > 1):,}")  # fmt: skip


if __name__ == "__main__":
    main()
