"""Real coded documents in the store's input form.

``CodedDocument.to_dict()`` gives everything but the two fields the ingest job
decides (``status``, ``duplicate_of``); this helper adds them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwatch import Article, CodedDocument, Pipeline
from eventwatch.records import content_hash, event_id

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def stored_form(doc: CodedDocument) -> dict[str, Any]:
    """The dict form the store takes, for one coded document."""
    record = doc.to_dict()
    record.setdefault("status", "error" if record["errors"] else "coded")
    record.setdefault("duplicate_of", None)
    return record


def with_text(record: dict[str, Any], text: str) -> dict[str, Any]:
    """The same document with a changed text (a new version): new hash, new event ids."""
    changed = json.loads(json.dumps(record))
    changed["text"] = text
    changed["content_hash"] = content_hash(text)
    for event in changed["events"]:
        trigger = event["evidence"]["trigger"]
        event["id"] = event_id(
            changed["id"], changed["content_hash"], trigger["start"], trigger["end"], event["type"]
        )
    return changed


def read_corpus(name: str) -> list[dict[str, Any]]:
    with (SHARED / "corpus" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def articles(rows: list[dict[str, Any]]) -> list[Article]:
    """Corpus rows as articles; a VOA row's section stands in for its source."""
    import datetime as dt

    out = []
    for row in rows:
        pub = row.get("pub_date")
        out.append(
            Article(
                id=row["id"],
                text=row["text"],
                title=row.get("title"),
                url=row.get("url"),
                pub_date=dt.date.fromisoformat(pub[:10]) if pub else None,
                source=row.get("source") or row.get("section"),
            )
        )
    return out


def code_rows(pipeline: Pipeline, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code corpus rows with the real pipeline, in the store's input form."""
    return [stored_form(doc) for doc in pipeline.code_articles(articles(rows))]
