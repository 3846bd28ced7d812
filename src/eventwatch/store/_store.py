"""The :class:`Store`: one interface over SQLite and PostgreSQL.

>>> store = Store.open("events.db")                     # or sqlite:///events.db, postgresql://…
>>> store.write([doc.to_dict() for doc in coded])       # one transaction per call
>>> store.events(country="SRB", type="MOBILIZE", since="2023-09-01")
>>> store.export("parquet", "events.parquet", place_country="XKX")

DOCS: docs/store.md
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping, Sequence
from contextlib import closing, nullcontext
from pathlib import Path
from typing import IO, Any

from ..exceptions import InputError
from ..ingest import NEAR_DUPLICATE_THRESHOLD as THRESHOLD
from ..ingest import Signature
from . import _derived, _places, _read, _units
from ._backends import Backend, connect
from ._export import export_records
from ._export_incidents import export_incident_records
from ._feeds import StoreFeedState
from ._filters import EventFilters
from ._schema import migrate, schema_version
from ._write import WriteResult, known, near_duplicates, write_batch

__all__ = ["DEFAULT_URL", "Store"]

#: where ``Store.open()`` and ``--db`` point when given nothing
DEFAULT_URL = "eventwatch.db"
#: the planner's statistics are refreshed once this many events were written,
#: and again each time the store doubles (so the refreshes cost O(size) in all)
ANALYZE_FIRST = 10_000


class Store:
    """Coded documents, their events and facts, kept in one database.

    Open one with :meth:`open`; every method raises :class:`StoreError` when the
    database fails (and a failed write commits nothing), :class:`InputError`
    when an option is wrong. A store is used from one thread at a time.
    """

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._unanalyzed = 0
        self._analyze_at: int | None = None

    @classmethod
    def open(cls, url: str | Path = DEFAULT_URL, *, timeout: float = 5.0) -> Store:
        """Open (creating or upgrading it as needed) the store at ``url``.

        ``url``: a file path or ``sqlite:///relative.db`` / ``sqlite:////abs.db``
        (SQLite, WAL mode, one file), or ``postgresql://user@host/dbname``.
        ``timeout``: seconds to wait for a lock or a connection.
        """
        backend = connect(str(url), timeout=timeout)
        try:
            migrate(backend)
        except BaseException:
            backend.close()
            raise
        return cls(backend)

    # -- about the store --------------------------------------------------------
    @property
    def url(self) -> str:
        """The store's address, with any password replaced by ``***``."""
        return self._backend.url

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._backend.dialect

    @property
    def schema_version(self) -> int:
        with self._backend.errors("read"):
            return schema_version(self._backend)

    def close(self) -> None:
        with self._backend.errors("close"):
            self._backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------
    def write(
        self,
        documents: Iterable[Mapping[str, Any]],
        *,
        errors: Iterable[Mapping[str, Any]] = (),
        signatures: Mapping[str, Signature] | None = None,
    ) -> WriteResult:
        """Store a batch of coded documents (dict form) in one transaction.

        ``documents``: ``CodedDocument.to_dict()`` dicts. A known id + content
        hash adds nothing; a new text under a known id is the next version.
        ``errors``: ``{"id", "reason", "source"?, "line"?}`` for inputs that
        failed before coding, stored in the same transaction. ``signatures``:
        document id -> MinHash :class:`Signature`, kept so later jobs find these
        documents as first copies (:meth:`near_duplicate`).
        """
        result = write_batch(self._backend, documents, errors=errors, signatures=signatures)
        self._unanalyzed += result.events
        if self._analyze_at is None:
            with self._backend.errors("read"):
                rows = self._backend.execute("SELECT max(seq) FROM events")
            self._analyze_at = max(ANALYZE_FIRST, int(rows[0][0] or 0))
        if self._unanalyzed >= self._analyze_at:
            # a store that grew keeps choosing the right indexes (pages stay fast)
            with self._backend.errors("analyze"):
                self._backend.analyze()
            self._analyze_at += self._unanalyzed
            self._unanalyzed = 0
        return result

    def known(self, id: str, content_hash: str) -> bool:
        """Whether this exact text is stored under ``id``."""
        return bool(known(self._backend, [(id, content_hash)]))

    def known_many(self, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """The ``(id, content_hash)`` pairs the store already holds."""
        return known(self._backend, list(pairs))

    def near_duplicate(
        self, signature: Signature, *, exclude: str | None = None, threshold: float = THRESHOLD
    ) -> str | None:
        """The id of the first stored document this signature is a near-copy of, if any."""
        name = exclude if exclude is not None else "\0query"
        found = near_duplicates(self._backend, {name: signature}, threshold=threshold)
        return found.get(name)

    def near_duplicates(
        self, signatures: Mapping[str, Signature], *, threshold: float = THRESHOLD
    ) -> dict[str, str]:
        """For each document id of ``signatures``, its first stored near-copy (bulk form)."""
        return near_duplicates(self._backend, signatures, threshold=threshold)

    # -- reading ----------------------------------------------------------------
    def iter_events(self, **filters: Any) -> Generator[dict[str, Any], None, None]:
        """Event records matching ``filters`` (see :class:`EventFilters`), streamed."""
        return _read.iter_event_records(self._backend, _filters(filters))

    def events(self, *, as_frame: bool | str = False, **filters: Any) -> Any:
        """Events matching ``filters``: a list of records, or a DataFrame of flat rows.

        ``as_frame``: False for dicts (the event JSON with its document's fields);
        True or ``"pandas"`` for a pandas DataFrame, ``"polars"`` for a polars one,
        with the columns of ``docs/export.md``. Filters: :class:`EventFilters`.
        """
        records = self.iter_events(**filters)
        if not as_frame:
            return list(records)
        return _frame([_read.flat_row(r) for r in records], as_frame)

    def places(self, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
        """The located places of the events matching ``filters`` (:class:`EventFilters`,
        without ``limit``/``cursor``), most events first: ``{"name", "country", "lat",
        "lon", "events", "first_day", "last_day", "killed", "injured"}``."""
        if limit is not None and limit < 1:
            raise InputError("limit must be at least 1")
        return _places.places(self._backend, _filters(filters), limit=limit)

    def documents(self, **filters: Any) -> list[dict[str, Any]]:
        """Document metadata with event counts; filters ``source``, ``status``,
        ``since``/``until`` (publication date), ``text``, ``all_versions``,
        ``limit``, ``cursor`` (the last id of the previous page)."""
        try:
            return _read.documents(self._backend, **filters)
        except TypeError as exc:
            raise InputError(f"documents(): {exc}") from None

    def document_ids(self) -> list[str]:
        """The ids of the latest documents, in the order they were first written."""
        sql = "SELECT id FROM documents GROUP BY id HAVING max(is_latest) = 1 ORDER BY min(seq)"
        with self._backend.errors("read"):
            return [str(row[0]) for row in self._backend.execute(sql, [])]

    def document(self, id: str, *, version: int | None = None) -> dict[str, Any] | None:
        """The stored document dict, equal to what was written (latest version by default)."""
        return _read.document(self._backend, id, version=version)

    def stats(self) -> dict[str, Any]:
        """``{"documents", "events", "errors", "duplicates", "versions", …}``."""
        counts = _read.stats(self._backend)
        counts["schema_version"] = self.schema_version
        counts["backend"] = self.dialect
        return counts

    def ingest_errors(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Inputs that failed, oldest first: ``{"id", "reason", "source", "line", …}``."""
        sql = "SELECT doc_id, reason, source, line, created_at FROM ingest_errors ORDER BY seq"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._backend.errors("read"):
            rows = self._backend.execute(sql, params)
        keys = ("id", "reason", "source", "line", "created_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # -- export -----------------------------------------------------------------
    def export(self, format: str, out: str | Path | IO[bytes], **filters: Any) -> int:
        """Write the events matching ``filters`` to ``out`` (a path or binary stream).

        ``format``: csv, parquet, jsonl, geojson, gdelt or polecat (columns in
        ``docs/export.md``). Streams: memory stays flat. Returns the rows written.
        """
        records = self.iter_events(**filters)
        target = (
            open(out, "wb") if isinstance(out, str | Path) else nullcontext(out)  # noqa: SIM115
        )
        with closing(records), target as stream:  # the cursor closes before the store does
            return export_records(format, records, stream)

    # -- incidents and alerts (plain storage for the later layers) ---------------
    def write_incidents(self, incidents: Iterable[Mapping[str, Any]]) -> int:
        """Store or replace incident dicts (see :mod:`eventwatch.store._derived`)."""
        return _derived.write_incidents(self._backend, incidents)

    def incidents(self, **filters: Any) -> list[dict[str, Any]]:
        """Incident dicts in id order; filters ``id``, ``since``, ``until``, ``type``,
        ``country``, ``event_id``, ``doc_id``, ``reported_since``, ``limit``, ``cursor``
        (the last id of the previous page)."""
        try:
            return _derived.incidents(self._backend, **filters)
        except TypeError as exc:
            raise InputError(f"incidents(): {exc}") from None

    def export_incidents(self, format: str, out: str | Path | IO[bytes], **filters: Any) -> int:
        """Write the incidents matching ``filters`` (as :meth:`incidents`) to ``out``:
        csv, parquet or jsonl, one row per incident (columns: ``INCIDENT_COLUMNS``)."""
        records = self.incidents(**filters)
        target = (
            open(out, "wb") if isinstance(out, str | Path) else nullcontext(out)  # noqa: SIM115
        )
        with target as stream:
            return export_incident_records(format, records, stream)

    def delete_incidents(self, ids: Iterable[str]) -> int:
        """Remove incidents that were merged into others."""
        return _derived.delete_incidents(self._backend, ids)

    def incident(self, id: str) -> dict[str, Any] | None:
        found = _derived.incidents(self._backend, id=id)
        return found[0] if found else None

    def add_incident_audit(self, incident_id: str, action: str, record: Mapping[str, Any]) -> None:
        """Record a manual ``merge`` or ``split`` of ``incident_id``."""
        _derived.add_incident_audit(self._backend, incident_id, action, record)

    def incident_audit(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        return _derived.incident_audit(self._backend, incident_id)

    def write_alerts(self, alerts: Iterable[Mapping[str, Any]]) -> int:
        """Store or update alert dicts (see :mod:`eventwatch.store._derived`)."""
        return _derived.write_alerts(self._backend, alerts)

    def alerts(self, **filters: Any) -> list[dict[str, Any]]:
        """Alert dicts in id order; filters ``id``, ``since``, ``dyad``, ``limit``, ``cursor``."""
        return _derived.alerts(self._backend, **filters)

    # -- what the analytics read ----------------------------------------------------
    def report_frame(
        self, *, since: str | None = None, until: str | None = None, keep_flagged: bool = False
    ) -> Any:
        """Every latest event as report units, one row per (source, target) pair: a pandas
        frame of the columns ``eventwatch.analytics`` reads (see ``store/_units.py``)."""
        return _units.report_frame(
            self._backend, since=since, until=until, keep_flagged=keep_flagged
        )

    def report_volume(self) -> Any:
        """Reports published per day (a pandas Series indexed by day)."""
        return _units.report_volume(self._backend)

    def incident_of_events(self) -> dict[str, str]:
        """The incident each linked event belongs to: ``{event id: incident id}``."""
        return _units.incident_of_events(self._backend)

    def feed_state(self) -> StoreFeedState:
        """What ``eventwatch watch`` has seen of each feed, kept here across restarts."""
        return StoreFeedState(self._backend)

    def alert(self, id: str) -> dict[str, Any] | None:
        found = _derived.alerts(self._backend, id=id)
        return found[0] if found else None


def _filters(options: Mapping[str, Any]) -> EventFilters:
    try:
        return EventFilters(**options)
    except TypeError as exc:
        raise InputError(f"unknown event filter: {exc}") from None


def _frame(rows: Sequence[dict[str, Any]], kind: bool | str) -> Any:
    """Flat rows as a pandas (``True``/``"pandas"``) or polars DataFrame, typed as in Parquet."""
    import pyarrow as pa

    from ._export import parquet_schema

    if kind not in (True, "pandas", "polars"):
        raise InputError(f"as_frame={kind!r}: use True, 'pandas' or 'polars'")
    table = pa.Table.from_pylist(list(rows), schema=parquet_schema())
    if kind == "polars":
        try:
            import polars as pl
        except ImportError:
            raise InputError("as_frame='polars' needs polars: pip install polars") from None
        return pl.from_arrow(table)
    return table.to_pandas()
