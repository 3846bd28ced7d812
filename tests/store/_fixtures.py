"""Real coded documents in the store's input form, from today's pipeline output.

The pipeline refactor will emit ``CodedDocument.to_dict()``; until then this
helper adds its fields to ``document_to_dict`` output: ``content_hash`` (sha256
of the text), ``text``, ``warnings``, ``version``, ``source``, ``status``,
``duplicate_of``, and stable event ids (a hash of document id, content hash,
trigger offsets and type, as the refactor defines them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from eventwatch import Article, Document, Pipeline, __version__, document_to_dict

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(doc_id: str, digest: str, event: dict[str, Any]) -> str:
    trigger = event["evidence"]["trigger"]
    key = f"{doc_id}\0{digest}\0{trigger['start']}\0{trigger['end']}\0{event['type']}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def stored_form(doc: Document, *, source: str | None = None) -> dict[str, Any]:
    """The dict form the store takes, for one coded :class:`Document`."""
    record = document_to_dict(doc)
    digest = content_hash(doc.text)
    for event in record["events"]:
        event["id"] = event_id(record["id"], digest, event)
    record.update(
        content_hash=digest,
        text=doc.text,
        warnings=[] if doc.article.pub_date else [{"stage": "input", "message": "no pub_date"}],
        version=__version__,
        source=source,
        status="error" if record["errors"] else "coded",
        duplicate_of=None,
    )
    return record


def with_text(record: dict[str, Any], text: str) -> dict[str, Any]:
    """The same document with a changed text (a new version): new hash, new event ids."""
    changed = json.loads(json.dumps(record))
    changed["text"] = text
    changed["content_hash"] = content_hash(text)
    for event in changed["events"]:
        event["id"] = event_id(changed["id"], changed["content_hash"], event)
    return changed


def read_corpus(name: str) -> list[dict[str, Any]]:
    with (SHARED / "corpus" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def articles(rows: list[dict[str, Any]]) -> list[Article]:
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
            )
        )
    return out


def code_rows(pipeline: Pipeline, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code corpus rows with the real pipeline, in the store's input form."""
    by_id = {row["id"]: row for row in rows}
    return [
        stored_form(doc, source=by_id[doc.id].get("source") or by_id[doc.id].get("section"))
        for doc in pipeline.code_articles(articles(rows))
    ]
