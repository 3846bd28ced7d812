"""Throughput benchmark: the full pipeline against a spaCy-parse-only pass.

    python benchmarks/bench.py [--shared ../shared] [--limit N]

Reads every ``corpus/*.jsonl`` under the shared folder (and fails when there is
none: a benchmark of one article says nothing), codes the articles with the full
pipeline, parses the same articles with spaCy alone, and prints articles/s, words/s, peak RSS, both
times and their ratio. Order: pipeline first (it loads the same model), so the
parse-only pass does not profit from a warmer cache than the pipeline had.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from eventwatch import Article, Pipeline


def load_articles(shared: Path, limit: int | None) -> tuple[list[Article], str]:
    files = sorted((shared / "corpus").glob("*.jsonl"))
    articles: list[Article] = []
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                record = json.loads(line)
                articles.append(
                    Article(id=str(record.get("id", f"{path.stem}:{number}")), text=record["text"])
                )
    origin = ", ".join(p.name for p in files)
    if not articles:
        raise SystemExit(
            f"bench: no corpus/*.jsonl under {shared.resolve()}: pass --shared PATH "
            "(make bench SHARED=PATH) to the shared folder"
        )
    if limit is not None:
        articles = articles[:limit]
    return articles, origin


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)

    articles, origin = load_articles(args.shared, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(articles)} articles, {words:,} words ({origin})")

    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = errors = 0
    for doc in pipeline.code_articles(articles):
        events += len(doc.events)
        errors += bool(doc.errors)
    pipeline_s = time.perf_counter() - t0

    nlp = pipeline.parser.nlp
    t0 = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=pipeline.config.nlp.batch_size):
        pass
    parse_s = time.perf_counter() - t0

    print(f"model and word lists loaded in {load_s:.2f} s")
    print(
        f"pipeline:   {pipeline_s:8.1f} s  {len(articles) / pipeline_s:7.2f} articles/s  "
        f"{words / pipeline_s:9,.0f} words/s  ({events} events, {errors} documents with errors)"
    )
    print(
        f"parse only: {parse_s:8.1f} s  {len(articles) / parse_s:7.2f} articles/s  "
        f"{words / parse_s:9,.0f} words/s"
    )
    print(f"ratio pipeline / parse-only: {pipeline_s / parse_s:.3f}")
    print("time by step (share of the pipeline's time):")
    for step, seconds in pipeline.timings.items():
        print(f"  {step:34} {seconds:8.2f} s  {100 * seconds / pipeline_s:5.1f} %")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
