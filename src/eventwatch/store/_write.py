"""Writing a batch of coded documents: once and only once, in one transaction.

A document is known by its id and content hash. Writing a known pair adds
nothing; a new text under a known id is stored as the next version, and the
older versions stay (``is_latest`` marks the one queries see by default). A
document that cannot be stored (not a dict, no text, an event id another
document already holds) becomes an ``ingest_errors`` row and the rest of the
batch is written; either the whole batch commits or none of it does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ingest import Signature
from ._backends import Backend
from ._rows import CHILD_TABLES, DOCUMENT_COLUMNS, EVENT_COLUMNS, document_rows, validate

__all__ = ["WriteResult", "known", "near_duplicates", "write_batch"]

Row = tuple[Any, ...]


@dataclass(slots=True)
class WriteResult:
    """What one :func:`write_batch` did."""

    #: documents stored, new ids and new versions together
    written: int = 0
    #: of those, new versions of an id already stored
    new_versions: int = 0
    #: documents already stored with the same content hash (nothing added)
    unchanged: int = 0
    #: error rows added (documents refused here plus the errors given)
    errors: int = 0
    events: int = 0
    #: (id, reason) of every document refused by the store itself
    refused: list[tuple[str | None, str]] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def known(backend: Backend, pairs: Sequence[tuple[str, str]]) -> set[tuple[str, str]]:
    """The ``(id, content_hash)`` pairs of ``pairs`` that the store holds."""
    ids = sorted({doc_id for doc_id, _ in pairs})
    with backend.errors("read"):
        stored = {
            (row[0], row[1])
            for row in backend.fetch_in("SELECT id, content_hash FROM documents WHERE id {in}", ids)
        }
    return {pair for pair in pairs if pair in stored}


def _error_row(doc_id: Any, reason: str, source: Any = None, line: Any = None, *, at: str) -> Row:
    return (
        None if doc_id is None else str(doc_id),
        reason,
        None if source is None else str(source),
        line if isinstance(line, int) else None,
        at,
    )


_ERROR_COLUMNS = ("doc_id", "reason", "source", "line", "created_at")


def write_batch(
    backend: Backend,
    documents: Iterable[Mapping[str, Any]],
    *,
    errors: Iterable[Mapping[str, Any]] = (),
    signatures: Mapping[str, Signature] | None = None,
) -> WriteResult:
    """Store ``documents`` and ``errors`` in one transaction; see the module docstring."""
    at = _now()
    result = WriteResult()
    docs = list(documents)
    error_rows = [
        _error_row(e.get("id"), str(e.get("reason") or "unknown error"), e.get("source"),
                   e.get("line"), at=at)
        for e in errors
    ]  # fmt: skip
    valid: list[Mapping[str, Any]] = []
    for doc in docs:
        reason = validate(doc)
        if reason is None:
            valid.append(doc)
        else:
            doc_id = doc.get("id") if isinstance(doc, Mapping) else None
            result.refused.append((None if doc_id is None else str(doc_id), reason))
            error_rows.append(_error_row(doc_id, reason, at=at))
    with backend.errors("write"), backend.transaction(write=True):
        ids = sorted({doc["id"] for doc in valid})
        versions: dict[str, int] = {}
        hashes: set[tuple[str, str]] = set()
        for doc_id, version, content_hash in backend.fetch_in(
            "SELECT id, version, content_hash FROM documents WHERE id {in}", ids
        ):
            versions[doc_id] = max(versions.get(doc_id, 0), version)
            hashes.add((doc_id, content_hash))
        event_ids = sorted({e["id"] for doc in valid for e in doc.get("events", [])})
        taken: dict[str, str] = dict(
            backend.fetch_in("SELECT id, doc_id FROM events WHERE id {in}", event_ids)
        )
        tables: dict[str, list[Row]] = {name: [] for name in CHILD_TABLES}
        event_rows: list[Row] = []
        renewed: set[str] = set()
        stored: list[tuple[str, int]] = []

        def planned() -> Iterator[Row]:
            """Document rows, decided and built one by one while the database takes them.

            On PostgreSQL the server parses and indexes each document (its tsvector
            above all) while this loop builds the next one's rows.
            """
            for doc in valid:
                doc_id = doc["id"]
                if (doc_id, doc["content_hash"]) in hashes:
                    result.unchanged += 1
                    continue
                clash = next((e["id"] for e in doc.get("events", []) if e["id"] in taken), None)
                if clash is not None:
                    reason = f"event id {clash!r} is already stored for document {taken[clash]!r}"
                    result.refused.append((doc_id, reason))
                    error_rows.append(_error_row(doc_id, reason, at=at))
                    continue
                version = versions.get(doc_id, 0) + 1
                try:
                    rows = document_rows(doc, version=version, coded_at=at)
                except ValueError as exc:  # NaN or infinity: no JSON number
                    reason = f"not storable as JSON: {exc}"
                    result.refused.append((doc_id, reason))
                    error_rows.append(_error_row(doc_id, reason, at=at))
                    continue
                if version > 1:
                    renewed.add(doc_id)
                    result.new_versions += 1
                versions[doc_id] = version
                hashes.add((doc_id, doc["content_hash"]))
                taken.update((e["id"], doc_id) for e in doc.get("events", []))
                event_rows.extend(rows.events)
                for table, table_rows in rows.children.items():
                    tables[table].extend(table_rows)
                stored.append((doc_id, version))
                yield rows.document

        backend.insert_rows("documents", DOCUMENT_COLUMNS, planned())
        backend.insert_rows("events", EVENT_COLUMNS, event_rows)
        for table, columns in CHILD_TABLES.items():
            if tables[table]:
                backend.insert_rows(table, columns, tables[table])
        if renewed:
            _mark_latest(backend, sorted(renewed))
        if signatures:
            _store_signatures(backend, stored, signatures)
        error_rows = _new_errors(backend, error_rows)
        if error_rows:
            backend.insert_rows("ingest_errors", _ERROR_COLUMNS, error_rows)
    result.written = len(stored)
    result.events = len(event_rows)
    result.errors = len(error_rows)
    return result


def _new_errors(backend: Backend, rows: list[Row]) -> list[Row]:
    """The error rows not stored yet: a rerun of a job records an unreadable input once."""
    ids = sorted({row[0] for row in rows if row[0] is not None})
    stored = {
        (r[0], r[1], r[2], r[3])
        for r in backend.fetch_in(
            "SELECT doc_id, reason, source, line FROM ingest_errors WHERE doc_id {in}", ids
        )
    }
    fresh: list[Row] = []
    for row in rows:
        key = (row[0], row[1], row[2], row[3])
        if key not in stored:
            stored.add(key)
            fresh.append(row)
    return fresh


def _mark_latest(backend: Backend, ids: Sequence[str]) -> None:
    """Older versions of ``ids`` stop being the latest; so do their events."""
    backend.run_in(
        "UPDATE documents SET is_latest = 0 WHERE id {in} AND version < "
        "(SELECT max(d.version) FROM documents d WHERE d.id = documents.id)",
        ids,
    )
    backend.run_in(
        "UPDATE events SET is_latest = 0 WHERE doc_id {in} AND doc_version < "
        "(SELECT max(d.version) FROM documents d WHERE d.id = events.doc_id)",
        ids,
    )


def _store_signatures(
    backend: Backend, stored: Sequence[tuple[str, int]], signatures: Mapping[str, Signature]
) -> None:
    wanted = [(doc_id, version) for doc_id, version in stored if doc_id in signatures]
    if not wanted:
        return
    seqs = {
        (row[0], row[1]): row[2]
        for row in backend.fetch_in(
            "SELECT id, version, seq FROM documents WHERE id {in}",
            sorted({doc_id for doc_id, _ in wanted}),
        )
    }
    keys: list[Row] = []
    rows: list[Row] = []
    for doc_id, version in wanted:
        signature = signatures[doc_id]
        rows.append((doc_id, version, seqs[(doc_id, version)], signature.to_bytes()))
        keys.extend((key, doc_id, version) for key in signature.band_keys())
    backend.insert_rows("signatures", ("doc_id", "doc_version", "doc_seq", "hashvalues"), rows)
    backend.insert_rows("near_duplicate_keys", ("band_key", "doc_id", "doc_version"), keys)


def near_duplicates(
    backend: Backend, signatures: Mapping[str, Signature], *, threshold: float
) -> dict[str, str]:
    """For each key of ``signatures``, the id of the first stored near-duplicate, if any.

    Candidates share at least one LSH band key; a candidate counts when its
    estimated Jaccard similarity reaches ``threshold``. "First" is the one
    written earliest, so every later copy links to the same document.
    """
    band_owner: dict[str, list[str]] = {}
    for name, signature in signatures.items():
        for key in signature.band_keys():
            band_owner.setdefault(key, []).append(name)
    with backend.errors("read"):
        candidates: dict[str, set[tuple[str, int]]] = {}
        for key, doc_id, version in backend.fetch_in(
            "SELECT band_key, doc_id, doc_version FROM near_duplicate_keys WHERE band_key {in}",
            sorted(band_owner),
        ):
            for name in band_owner[key]:
                candidates.setdefault(name, set()).add((doc_id, version))
        pairs = sorted({pair for found in candidates.values() for pair in found})
        stored: dict[tuple[str, int], tuple[int, Signature]] = {}
        for doc_id, version, seq, blob in backend.fetch_in(
            "SELECT doc_id, doc_version, doc_seq, hashvalues FROM signatures WHERE doc_id {in}",
            sorted({doc_id for doc_id, _ in pairs}),
        ):
            stored[(doc_id, version)] = (seq, Signature.from_bytes(bytes(blob)))
    found: dict[str, str] = {}
    for name, pairs_of in candidates.items():
        matches = [
            (stored[pair][0], pair[0])
            for pair in pairs_of
            if pair in stored and pair[0] != name
            and signatures[name].similarity(stored[pair][1]) >= threshold
        ]  # fmt: skip
        if matches:
            found[name] = min(matches)[1]
    return found
