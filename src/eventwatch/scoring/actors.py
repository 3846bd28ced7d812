"""The ``actors`` task: mention strings against gold country and sector codes.

Scored on the cases that assert them: ``country`` (``null`` means no country
may be given) and ``code_1`` (the first sector; a list means any of them).
"""

from __future__ import annotations

from pathlib import Path

from ..lookup import ActorQuery, query_date, resolve_actors
from . import Report, Selection, default_pipeline, ratio_row, read_gold, task

__all__ = ["evaluate_actors"]


@task("actors")
def evaluate_actors(gold_path: Path, selection: Selection) -> Report:
    """Resolve every gold mention string and compare its codes."""
    records = read_gold(gold_path, selection, ("text",))
    queries = []
    for number, record in enumerate(records):
        date = query_date(record.get("date"))
        queries.append(
            ActorQuery(str(record.get("id", number)), record["text"], record.get("context"), date)
        )
    answers = [actor for _, actor in resolve_actors(default_pipeline(), queries)]
    country_hit = country_total = sector_hit = sector_total = 0
    for record, actor in zip(records, answers, strict=True):
        if "country" in record:
            country_total += 1
            gold = record["country"]
            country_hit += actor.country == gold or (
                gold in {"IGO", "UNO"} and actor.country == "IGO"
            )
        gold_sector = record.get("code_1")
        if gold_sector:
            sector_total += 1
            wanted = set(gold_sector) if isinstance(gold_sector, list) else {gold_sector}
            sector_hit += bool(wanted & set(actor.sectors))
    report = Report(title=f"Actor resolution: {len(records)} mentions")
    ratio_row(report, "country", country_hit, country_total)
    ratio_row(report, "agent code (code_1)", sector_hit, sector_total)
    return report
