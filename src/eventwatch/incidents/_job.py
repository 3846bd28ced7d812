"""Linking inside the store: after each ingest batch, and from scratch (``relink``).

:class:`IncidentLinking` is the ``after_write`` hook of ``eventwatch ingest``:
it opens a :class:`Linker` on the incidents the store holds (those reported in
the window new reports can reach, with the manual pins of the audit trail),
links each document the batch wrote, and writes back the incidents that
changed (and removes those merged away). Incidents whose last report lies
further back than twice the window are dropped from memory: nothing new can
reach them, so memory stays bounded by the window, not by the store.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from typing import Any

from ..store import Store
from ._linker import Link, Linker
from ._manual import pins_from_audit
from ._records import incident_record
from ._reports import report_of
from ._settings import LinkSettings

__all__ = ["IncidentLinking", "relink"]


class IncidentLinking:
    """Keeps a store's incidents current as documents are written (the ingest hook)."""

    def __init__(self, settings: LinkSettings | None = None) -> None:
        self.settings = settings or LinkSettings()
        self.linker: Linker | None = None
        self.urls: dict[str, str | None] = {}
        #: seconds spent linking (reading documents, scoring, writing incidents)
        self.seconds = 0.0
        self.linked = 0

    def __call__(self, store: Store, doc_ids: list[str]) -> None:
        self.link(store, doc_ids)

    def _open(self, store: Store, documents: list[dict[str, Any]]) -> Linker:
        linker = Linker(self.settings, pins=pins_from_audit(store.incident_audit()))
        dates = [d for d in (_day(doc.get("pub_date")) for doc in documents) if d is not None]
        since = None
        if dates and len(dates) == len(documents):
            since = (min(dates) - dt.timedelta(days=2 * self.settings.max_gap_days)).isoformat()
        for record in store.incidents(reported_since=since):
            self._restore(store, linker, record)
        return linker

    def _restore(self, store: Store, linker: Linker, record: dict[str, Any]) -> None:
        reports, links = [], {}
        for member in record.get("members") or []:
            document = store.document(str(member["doc_id"]))
            if document is None:
                continue
            self.urls[str(document["id"])] = document.get("url")
            reports.append(report_of(document, echo_days=self.settings.echo_days))
            links[str(document["id"])] = Link(
                member.get("score"), member.get("linked_to"), dict(member.get("features") or {})
            )
        if reports:
            linker.restore(str(record["id"]), reports, links)

    def _recall(self, store: Store, linker: Linker, start: dt.date, end: dt.date) -> None:
        """Bring back the past incidents an echo may belong to (they left memory long ago)."""
        gap = dt.timedelta(days=self.settings.max_gap_days)
        for record in store.incidents(
            since=(start - gap).isoformat(), until=(end + gap).isoformat()
        ):
            if str(record["id"]) not in linker.members:
                self._restore(store, linker, record)

    def link(self, store: Store, doc_ids: Iterable[str]) -> tuple[list[str], list[str]]:
        """Link these stored documents; the incidents written and those removed."""
        started = time.perf_counter()
        documents = [d for d in (store.document(i) for i in doc_ids) if d is not None]
        documents = [d for d in documents if d.get("status") != "error" and d.get("text")]
        if self.linker is None:
            self.linker = self._open(store, documents)
        linker = self.linker
        for document in documents:
            self.urls[str(document["id"])] = document.get("url")
            report = report_of(document, echo_days=self.settings.echo_days)
            if report.historical and report.date is not None:
                self._recall(store, linker, report.date.start, report.date.end)
            linker.add(report)
        changed, retired = linker.take_changes()
        records = [
            incident_record(
                name, [linker.reports[d] for d in linker.members[name]], linker.links,
                urls=self.urls,
            )
            for name in changed
        ]  # fmt: skip
        if records:
            store.write_incidents(records)
        if retired:
            store.delete_incidents(retired)
        self._evict(linker)
        self.linked += len(documents)
        self.seconds += time.perf_counter() - started
        return changed, retired

    def _evict(self, linker: Linker) -> None:
        days = [r.pub_date for r in linker.reports.values() if r.pub_date is not None]
        if not days:
            return
        cutoff = max(days) - dt.timedelta(days=2 * self.settings.max_gap_days)
        for name in list(linker.members):
            reports = [linker.reports[d] for d in linker.members[name]]
            if all(r.pub_date is not None and r.pub_date < cutoff for r in reports):
                linker.drop(name)
                for report in reports:
                    self.urls.pop(report.doc_id, None)


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def relink(store: Store, *, settings: LinkSettings | None = None, batch: int = 256) -> int:
    """Link every stored document again from scratch, in write order, keeping the manual
    merges and splits; the number of incidents."""
    old = [str(r["id"]) for r in store.incidents()]
    store.delete_incidents(old)
    job = IncidentLinking(settings)
    ids = store.document_ids()
    for start in range(0, len(ids), batch):
        job.link(store, ids[start : start + batch])
    return len(store.incidents())
