"""The ingest job: sources in, every document coded once and kept in the store.

For each input, in order:

* an input that cannot be read becomes an error row (its id, reason, file and line);
* a text the store already holds under its id is skipped (a rerun adds nothing);
* a near-copy of a stored or earlier document of this run (MinHash of word
  3-grams, :func:`eventwatch.ingest.signature`; texts of 50 words or more) is
  stored as a duplicate linked to that first copy, and not coded again;
* everything else is coded by the engine (in this process or in workers).

Records are written in input order, ``batch_size`` to a transaction, by this
process alone (SQLite takes one writer; Postgres would take many). A job that
is killed loses at most its open batch, which a rerun codes again: every
document ends up in the store exactly once. After each batch, ``after_write``
(the incident linker) sees the ids written.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..exceptions import DocumentError
from ..ingest import (
    Fetcher,
    LocalIndex,
    Signature,
    comparable,
    poll_feeds,
    read_inputs,
    signature,
)
from ..pipeline import PipelineSpec
from ..records import Article, CodedDocument, content_hash
from ..store import Store
from ._base import Engine
from ._jobs import BatchReport

__all__ = ["IngestReport", "ingest", "ingest_items", "watch"]

#: called after each committed batch with the ids of the documents it wrote
AfterWrite = Callable[[Store, list[str]], None]


@dataclass
class IngestReport(BatchReport):
    """What an ingest did: coded and stored, skipped as known, linked as duplicates."""

    known: int = 0
    duplicates: int = 0
    refused: int = 0

    def line(self, *, interrupted: bool = False) -> str:
        coded = super().line(interrupted=interrupted)
        return (
            f"{coded}; {self.known:,} already stored, {self.duplicates:,} near-duplicates "
            f"linked, {self.refused:,} unreadable"
        )


@dataclass
class _Slot:
    """One input's place in the write order: coded later, or decided now."""

    record: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    signature: Signature | None = None
    coded: bool = False


def ingest(
    sources: str | Path | Sequence[str | Path],
    *,
    store: Store,
    spec: PipelineSpec,
    engine: Engine,
    pub_date: dt.date | None = None,
    batch_size: int = 64,
    report: IngestReport | None = None,
    after_write: AfterWrite | None = None,
    progress: Callable[[], None] | None = None,
) -> IngestReport:
    """Code and store every new document of ``sources`` (see the module docstring)."""
    items = read_inputs(sources, pub_date=pub_date, max_bytes=spec.config.input.max_bytes)
    return ingest_items(
        items,
        store=store,
        spec=spec,
        engine=engine,
        batch_size=batch_size,
        report=report,
        after_write=after_write,
        progress=progress,
    )


def watch(
    feeds: Sequence[str],
    *,
    every: float,
    store: Store,
    spec: PipelineSpec,
    engine: Engine,
    rounds: int | None = None,
    fetcher: Fetcher | None = None,
    sleep: Callable[[float], None] = time.sleep,
    after_round: Callable[[IngestReport], None] | None = None,
    after_write: AfterWrite | None = None,
) -> None:
    """Poll ``feeds`` every ``every`` seconds and ingest what is new (``eventwatch watch``).

    Each round is an ingest of its own, committed when the round ends; what the
    feeds showed (validators, entry ids) is kept in the store, so a restarted
    watch asks only for what is new.
    """
    state = store.feed_state()
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        items = poll_feeds(
            feeds, state=state, fetcher=fetcher, max_bytes=spec.config.input.max_bytes
        )
        report = ingest_items(items, store=store, spec=spec, engine=engine, after_write=after_write)
        if after_round is not None:
            after_round(report)
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, every - (time.monotonic() - started)))


def ingest_items(
    items: Iterable[Article | DocumentError],
    *,
    store: Store,
    spec: PipelineSpec,
    engine: Engine,
    batch_size: int = 64,
    report: IngestReport | None = None,
    after_write: AfterWrite | None = None,
    progress: Callable[[], None] | None = None,
) -> IngestReport:
    """:func:`ingest` over articles already read (a feed poll, a caller's own reader)."""
    report = report if report is not None else IngestReport()
    slots: deque[_Slot] = deque()
    chooser = _Chooser(store, slots, report)
    writer = _Writer(store, batch_size, after_write)
    try:
        for doc in engine.code(spec, chooser.articles(items)):
            for slot in _decided(slots):
                writer.add(slot)
                _tick(progress)
            slot = slots.popleft()
            slot.record = _record(doc)
            report.add(doc)
            writer.add(slot)
            _tick(progress)
        for slot in _decided(slots):
            writer.add(slot)
            _tick(progress)
    finally:
        writer.flush()
    return report


def _tick(progress: Callable[[], None] | None) -> None:
    if progress is not None:
        progress()


def _decided(slots: deque[_Slot]) -> Iterator[_Slot]:
    """The slots at the front that need no coding, taken off in order."""
    while slots and not slots[0].coded:
        yield slots.popleft()


def _record(doc: CodedDocument) -> dict[str, Any]:
    record = doc.to_dict()
    record["status"] = "error" if doc.errors else "coded"
    return record


class _Chooser:
    """Decides, input by input, what is coded; the rest goes straight to its slot."""

    def __init__(self, store: Store, slots: deque[_Slot], report: IngestReport) -> None:
        self.store = store
        self.slots = slots
        self.report = report
        self.index = LocalIndex()

    def articles(self, items: Iterable[Article | DocumentError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, DocumentError):
                self.report.refused += 1
                self.slots.append(_Slot(error=_error(item)))
                continue
            digest = content_hash(item.text)
            if self.store.known(item.id, digest):
                self.report.known += 1
                self.slots.append(_Slot())  # nothing to write; it still counts as done
                continue
            mark = signature(item.text) if comparable(item.text) else None
            if mark is not None:
                first = self.index.first_copy(mark) or self.store.near_duplicate(
                    mark, exclude=item.id
                )
                if first is not None and first != item.id:
                    self.report.duplicates += 1
                    self.slots.append(_Slot(record=_duplicate(item, digest, first)))
                    continue
                self.index.add(item.id, mark)
            self.slots.append(_Slot(signature=mark, coded=True))
            yield item


def _error(item: DocumentError) -> dict[str, Any]:
    origin = item.origin or ""
    where, _, line = origin.rpartition(":")
    return {
        "id": item.doc_id,
        "reason": f"[{item.code}] {item.message}",
        "source": where if line.isdigit() else origin or None,
        "line": int(line) if line.isdigit() else None,
    }


def _duplicate(article: Article, digest: str, first: str) -> dict[str, Any]:
    """The stored form of a near-copy: its own text and metadata, linked, not coded."""
    record = CodedDocument(article, digest, version="").to_dict()
    record.update(status="duplicate", duplicate_of=first, version=None)
    return record


class _Writer:
    """Writes slots in order, a batch to a transaction."""

    def __init__(self, store: Store, size: int, after_write: AfterWrite | None) -> None:
        self.store = store
        self.size = size
        self.after_write = after_write
        self.documents: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []
        self.signatures: dict[str, Signature] = {}

    def add(self, slot: _Slot) -> None:
        if slot.error is not None:
            self.errors.append(slot.error)
        elif slot.record is not None:
            self.documents.append(slot.record)
            if slot.signature is not None:
                self.signatures[slot.record["id"]] = slot.signature
        if len(self.documents) + len(self.errors) >= self.size:
            self.flush()

    def flush(self) -> None:
        if not self.documents and not self.errors:
            return
        documents, errors, signatures = self.documents, self.errors, self.signatures
        self.documents, self.errors, self.signatures = [], [], {}
        self.store.write(documents, errors=errors, signatures=signatures)
        if self.after_write is not None:
            self.after_write(self.store, [d["id"] for d in documents])
