"""The two database backends behind one small interface.

Everything above this module writes one SQL text with ``?`` placeholders; a
backend runs it on its driver (``sqlite3`` from the standard library, or
``psycopg`` 3), translates the driver's exceptions into :class:`StoreError` in
one context manager per backend (:meth:`Backend.errors`), and offers the few
bulk operations the writer needs (``executemany`` on SQLite, ``COPY`` on
PostgreSQL).

Why plain drivers and not SQLAlchemy Core: the store's SQL is small and fixed
(a dozen tables, one writer, a handful of filter shapes), the parts that matter
for speed and search are dialect-specific anyway (FTS5 against tsvector + GIN,
``executemany`` against ``COPY``, ``BEGIN IMMEDIATE`` against ``LOCK TABLE``),
and SQLAlchemy would add a dependency and a layer of per-row overhead while still
needing raw SQL for exactly those parts. With plain drivers the SQL a user reads
in ``_schema.py`` is the SQL that runs, and errors come from two drivers whose
exception classes are small and documented.
"""

from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..exceptions import StoreError

__all__ = ["Backend", "PostgresBackend", "SQLiteBackend", "connect", "redact"]

Row = tuple[Any, ...]

#: how many values one ``IN (...)`` list holds on SQLite (its limit is 32,766)
_IN_CHUNK = 500


def redact(url: str) -> str:
    """The URL with its password replaced by ``***`` (for messages and logs)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


class Backend(ABC):
    """One open connection to a store database."""

    dialect: str
    url: str

    @abstractmethod
    def errors(self, operation: str) -> Any:
        """Context manager: driver errors inside become :class:`StoreError`."""

    @abstractmethod
    def transaction(self, *, write: bool) -> Any:
        """Context manager for one transaction; a write transaction excludes other writers."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows (none for DDL and DML)."""

    @abstractmethod
    def executescript(self, statements: Sequence[str]) -> None:
        """Run DDL statements in order."""

    @abstractmethod
    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> None:
        """Insert many rows in the current transaction, as fast as the driver can."""

    @abstractmethod
    def stream(
        self, sql: str, params: Sequence[Any] = (), *, size: int = 1000
    ) -> Generator[Row, None, None]:
        """Rows of a query, fetched ``size`` at a time (memory stays flat)."""

    @abstractmethod
    def analyze(self) -> None:
        """Refresh the query planner's statistics."""

    @abstractmethod
    def close(self) -> None: ...

    def fetch_in(
        self, sql: str, values: Sequence[Any], params: Sequence[Any] = ()
    ) -> Iterator[Row]:
        """Run ``sql`` whose ``{in}`` stands for ``column IN (values)``; ``params`` come first."""
        for start in range(0, len(values), _IN_CHUNK):
            chunk = values[start : start + _IN_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            yield from self.execute(sql.replace("{in}", f"IN ({marks})"), [*params, *chunk])

    def run_in(self, sql: str, values: Sequence[Any], params: Sequence[Any] = ()) -> None:
        """:meth:`fetch_in` for statements that return nothing (``UPDATE … WHERE id {in}``)."""
        for _ in self.fetch_in(sql, values, params):
            pass


class SQLiteBackend(Backend):
    """One SQLite file in WAL mode (readers never block the writer)."""

    dialect = "sqlite"

    def __init__(self, path: str, *, url: str, timeout: float) -> None:
        self.url = url
        self.path = path
        with self.errors("open"):
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self.conn.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a committed transaction survives a crash of the process
            # (kill -9); only a power cut may lose the last few commits.
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            # 32 MB of page cache: event ids are hashes, so index inserts land anywhere
            self.conn.execute("PRAGMA cache_size=-32768")

    @contextmanager
    def errors(self, operation: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _store_error(self.url, operation, *_sqlite_reason(exc)) from exc

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def executescript(self, statements: Sequence[str]) -> None:
        for statement in statements:
            self.conn.execute(statement)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> None:
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, size: int = 1000
    ) -> Generator[Row, None, None]:
        cursor = self.conn.execute(sql, tuple(params))
        try:
            yield from _batches(cursor, size)
        finally:
            cursor.close()

    def analyze(self) -> None:
        # a full ANALYZE: sampled statistics (analysis_limit) mislead the planner here
        self.conn.execute("ANALYZE")

    def close(self) -> None:
        self.conn.close()


class PostgresBackend(Backend):
    """A PostgreSQL database through psycopg 3 (``COPY`` for bulk writes)."""

    dialect = "postgresql"

    def __init__(self, dsn: str, *, url: str, timeout: float) -> None:
        import psycopg

        self.url = url
        self._psycopg = psycopg
        with self.errors("open"):
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=max(1, int(timeout)))
        self._cursors = 0

    @contextmanager
    def errors(self, operation: str) -> Iterator[None]:
        try:
            yield
        except self._psycopg.Error as exc:
            raise _store_error(self.url, operation, *_postgres_reason(exc)) from exc

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[None]:
        with self.conn.transaction():
            if write:
                # One writer at a time: version numbers and "is this known?" are
                # decided inside the lock, so two writers never store one text twice.
                self.conn.execute("LOCK TABLE documents IN SHARE ROW EXCLUSIVE MODE")
            yield

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cursor = self.conn.execute(self._sql(sql), tuple(params))
        return cursor.fetchall() if cursor.description is not None else []

    def executescript(self, statements: Sequence[str]) -> None:
        for statement in statements:
            self.conn.execute(statement)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Row]) -> None:
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with self.conn.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)

    def fetch_in(
        self, sql: str, values: Sequence[Any], params: Sequence[Any] = ()
    ) -> Iterator[Row]:
        yield from self.execute(sql.replace("{in}", "= ANY(?)"), [*params, list(values)])

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, size: int = 1000
    ) -> Generator[Row, None, None]:
        self._cursors += 1
        with self.conn.transaction(), self.conn.cursor(name=f"stream{self._cursors}") as cursor:
            cursor.execute(self._sql(sql), tuple(params))
            yield from _batches(cursor, size)

    def analyze(self) -> None:
        self.conn.execute("ANALYZE")

    def close(self) -> None:
        self.conn.close()


def _batches(cursor: Any, size: int) -> Iterator[Row]:
    """Rows ``size`` at a time, dropping each batch before the next is fetched."""
    while True:
        batch = cursor.fetchmany(size)
        if not batch:
            return
        yield from batch
        del batch


def connect(url: str, *, timeout: float = 5.0) -> Backend:
    """Open ``url``: a path, ``sqlite:///path`` or ``postgresql://…``."""
    shown = redact(url)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(url, url=shown, timeout=timeout)
    if url.startswith("sqlite:"):
        # SQLAlchemy's spelling: sqlite:///relative.db, sqlite:////absolute.db
        rest = url.removeprefix("sqlite:")
        if rest in ("", "//", "///:memory:"):
            return SQLiteBackend(":memory:", url=shown, timeout=timeout)
        if not rest.startswith("///"):
            raise StoreError(
                f"bad SQLite URL {shown!r}: write sqlite:///relative.db or sqlite:////abs.db",
                url=shown,
                operation="open",
                code="store-url",
            )
        return SQLiteBackend(rest[3:], url=shown, timeout=timeout)
    if re.match(r"^[a-z][a-z0-9+.-]*://", url):
        scheme = url.split(":", 1)[0]
        raise StoreError(
            f"unknown store scheme {scheme!r}: use a path, sqlite:///PATH or postgresql://…",
            url=shown,
            operation="open",
            code="store-url",
        )
    return SQLiteBackend(url, url=shown, timeout=timeout)


def _store_error(url: str, operation: str, reason: str, code: str) -> StoreError:
    return StoreError(
        f"store {url}: {operation} failed: {reason}", url=url, operation=operation, code=code
    )


def _sqlite_reason(exc: sqlite3.Error) -> tuple[str, str]:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return (
            f"{text} (another process holds the write lock; try again when it is done)",
            "store-locked",
        )
    if "full" in text:
        return f"{text} (free disk space, then run the same command again)", "store-full"
    return text, "store"


def _postgres_reason(exc: Exception) -> tuple[str, str]:
    text = " ".join(str(exc).split())
    name = type(exc).__name__
    if name in {"OperationalError", "InterfaceError"}:
        return f"the server is unreachable or went away ({text})", "store-gone"
    return f"{name}: {text}", "store"
