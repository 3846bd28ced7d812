"""The ``incidents`` task: which reports describe the same incident (article -> incident).

``eventwatch evaluate ../shared/benchmarks/incidents_dev.jsonl --task incidents --split both``
ingests the gold articles of the half (split by incident, so no incident straddles the
halves) mixed with 300 unrelated articles (the first 300 of ``../shared/corpus/news_mix.jsonl``
whose ids start with ``lgl-``), links them as ``eventwatch ingest`` does, and reports pairwise
and B-cubed precision, recall and F1 per corpus (``gvc``, ``ecbplus``) for eventwatch and
for a TF-IDF cosine single-link baseline over the same articles. Coded documents are cached
in the eventwatch cache directory (one store per pipeline version), so scoring again codes
nothing. A distractor or an article of the other corpus in an article's incident counts
against precision. ``order: B-cubed F1 …`` scores the clustering of the reversed input order
against that of the input order (1.0 when order does not matter).
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..engines import engine_for, ingest_items, pipeline_for
from ..exceptions import InputError
from ..incidents import IncidentLinking, LinkSettings, TermStats, words
from ..ingest import parse_date, read_jsonl_records
from ..pipeline import PipelineSpec
from ..records import Article, content_hash
from ..resources.gazetteer import cache_dir
from ..store import Store
from . import Report, Row, Selection, read_gold, task

__all__ = [
    "BASELINE_THRESHOLD",
    "DISTRACTORS",
    "Clusters",
    "baseline_clusters",
    "link_documents",
    "score_clusters",
]

#: the unrelated articles mixed in, and where they come from (relative to the gold file's folder)
DISTRACTORS = 300
_DISTRACTOR_FILE = Path("..") / "corpus" / "news_mix.jsonl"
_DISTRACTOR_PREFIX = "lgl-"
#: the baseline's cosine threshold, tuned on the tune half (B-cubed F1 of both corpora)
BASELINE_THRESHOLD = 0.25
_CORPORA = ("gvc", "ecbplus")

#: item -> cluster name
Clusters = Mapping[str, str]


@dataclass(frozen=True)
class _Figures:
    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(
    predicted: Clusters, gold: Mapping[str, str], items: Sequence[str]
) -> dict[str, _Figures]:
    """Pairwise and B-cubed figures of ``items`` (each in ``gold``) under ``predicted``.

    A predicted cluster may hold documents outside ``items`` (distractors, the other
    corpus): they count against precision.
    """
    members: dict[str, set[str]] = defaultdict(set)
    for doc, name in predicted.items():
        members[name].add(doc)
    truth: dict[str, set[str]] = defaultdict(set)
    for doc in items:
        truth[gold[doc]].add(doc)
    precision = recall = 0.0
    for doc in items:
        mine, true = members[predicted[doc]], truth[gold[doc]]
        shared = len(mine & true)
        precision += shared / len(mine)
        recall += shared / len(true)
    n = len(items) or 1
    b_p, b_r = precision / n, recall / n
    kept = set(items)
    predicted_pairs = hit = 0
    for doc in items:
        mine = members[predicted[doc]]
        # ordered pairs: an item-item pair is met from both of its sides, an item-other
        # pair (a distractor, the other corpus) from one only, so it counts twice here
        predicted_pairs += sum(1 if other in kept else 2 for other in mine if other != doc)
        hit += sum(1 for other in mine if other != doc and other in truth[gold[doc]])
    gold_pairs = sum(len(t) * (len(t) - 1) for t in truth.values())
    p_p = hit / predicted_pairs if predicted_pairs else 1.0
    p_r = hit / gold_pairs if gold_pairs else 1.0
    return {
        "pairwise": _Figures(p_p, p_r, _f1(p_p, p_r)),
        "B-cubed": _Figures(b_p, b_r, _f1(b_p, b_r)),
    }


def baseline_clusters(
    documents: Sequence[Mapping[str, Any]], *, threshold: float = BASELINE_THRESHOLD
) -> dict[str, str]:
    """TF-IDF cosine of title and text, single link at ``threshold``: document -> cluster."""
    stats = TermStats()
    bags = []
    for doc in documents:
        bag: dict[str, int] = defaultdict(int)
        for word in words(f"{doc.get('title') or ''}\n{doc.get('text') or ''}"):
            bag[word] += 1
        bags.append(bag)
        stats.add(bag)
    shared = sorted(t for t, n in stats.frequency.items() if n >= 2)  # others add no cosine
    column = {t: i for i, t in enumerate(shared)}
    matrix = np.zeros((len(documents), len(shared)), dtype=np.float32)
    for row, bag in enumerate(bags):
        for term, weight in stats.vector(bag).items():
            if term in column:
                matrix[row, column[term]] = weight
    similar = matrix @ matrix.T
    parent = list(range(len(documents)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows, cols = np.nonzero(np.triu(similar, k=1) >= threshold)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        parent[find(i)] = find(j)
    ids = [str(d["id"]) for d in documents]
    return {ids[i]: ids[find(i)] for i in range(len(documents))}


def _distractors(gold_path: Path) -> list[dict[str, Any]]:
    path = (gold_path.parent / _DISTRACTOR_FILE).resolve()
    if not path.exists():
        raise InputError(f"the distractor articles are missing: {path}", code="input-gold")
    found: list[dict[str, Any]] = []
    for _, record in read_jsonl_records(path):
        if isinstance(record, dict) and str(record.get("id", "")).startswith(_DISTRACTOR_PREFIX):
            found.append(record)
            if len(found) >= DISTRACTORS:
                break
    return found


def _article(record: Mapping[str, Any]) -> Article:
    return Article(
        id=str(record["id"]),
        text=str(record["text"]),
        pub_date=parse_date(record["pub_date"]) if record.get("pub_date") else None,
        title=record.get("title") or None,
        url=record.get("url") or None,
        source=record.get("source") or None,
    )


def _coded(articles: list[Article]) -> list[dict[str, Any]]:
    """The stored form of each article, coded once per pipeline version (a cache store)."""
    spec = PipelineSpec.load()
    version = hashlib.sha256(pipeline_for(spec).version.encode("utf-8")).hexdigest()[:12]
    with Store.open(cache_dir() / f"evaluate-incidents-{version}.db") as cache:
        pairs = [(a.id, content_hash(a.text)) for a in articles]
        known = cache.known_many(pairs)
        missing = [a for a, pair in zip(articles, pairs, strict=True) if pair not in known]
        if missing:
            ingest_items(missing, store=cache, spec=spec, engine=engine_for(1))
        documents = [cache.document(a.id) for a in articles]
    return [d for d in documents if d is not None]


def link_documents(
    documents: list[dict[str, Any]], *, settings: LinkSettings | None = None, batch: int = 64
) -> tuple[dict[str, str], float]:
    """Link documents as the ingest hook does, batch by batch; document -> incident, seconds."""
    with Store.open(":memory:") as store:
        store.write(documents)
        job = IncidentLinking(settings)
        ids = [str(d["id"]) for d in documents]
        for start in range(0, len(ids), batch):
            job.link(store, ids[start : start + batch])
        found = {doc: str(r["id"]) for r in store.incidents() for doc in r["documents"]}
    return found, job.seconds


@task("incidents")
def score_incidents(gold_path: Path, selection: Selection) -> Report:
    records = read_gold(gold_path, selection, ("text", "corpus"), key="incident_id")
    distractors = _distractors(gold_path)
    articles = [_article(r) for r in records] + [_article(r) for r in distractors]
    started = time.perf_counter()
    documents = _coded(articles)
    coding = time.perf_counter() - started
    gold = {str(r["id"]): str(r["incident_id"]) for r in records}
    linked, seconds = link_documents(documents)
    reverse, _ = link_documents(documents[::-1])
    baseline = baseline_clusters(documents)
    report = Report("incidents (article -> incident)")
    for corpus in _CORPORA:
        items = [str(r["id"]) for r in records if r["corpus"] == corpus]
        if not items:
            continue
        for name, clusters in (("eventwatch", linked), ("TF-IDF baseline", baseline)):
            for measure, f in score_clusters(clusters, gold, items).items():
                label = f"{corpus} {name} {measure}"
                report.add(f"{label} P", f.precision)
                report.add(f"{label} R", f.recall)
                report.add(f"{label} F1", f.f1)
                report.rows[-1] = Row(
                    f"{label} F1", f"{f.f1:.3f}",
                    f"{len(items)} articles, {len({gold[i] for i in items})} incidents",
                )  # fmt: skip
    ids = [str(d["id"]) for d in documents]
    order = score_clusters(reverse, linked, ids)["B-cubed"]
    report.add("order: B-cubed F1 of reversed input vs input", order.f1)
    report.rows[-1] = Row(report.rows[-1].measure, f"{order.f1:.3f}", f"{len(ids)} documents")
    report.add("linking seconds", seconds)
    report.add("linking seconds per 1,000 documents", 1000 * seconds / max(1, len(ids)))
    report.add("coding seconds (cached documents are not coded again)", coding)
    return report
