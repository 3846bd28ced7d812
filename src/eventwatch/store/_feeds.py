"""What ``eventwatch watch`` has seen of each feed, kept in the store (a FeedState)."""

from __future__ import annotations

import datetime as dt

from ..ingest import Validators
from ._backends import Backend

__all__ = ["StoreFeedState"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreFeedState:
    """The :class:`~eventwatch.ingest.FeedState` of a store: survives restarts, one per store."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    def get_validators(self, feed: str) -> Validators:
        with self._backend.errors("read"):
            rows = self._backend.execute(
                "SELECT etag, last_modified FROM feeds WHERE feed = ?", [feed]
            )
        return Validators(rows[0][0], rows[0][1]) if rows else Validators()

    def put_validators(self, feed: str, validators: Validators) -> None:
        with self._backend.errors("write"), self._backend.transaction(write=True):
            self._backend.execute("DELETE FROM feeds WHERE feed = ?", [feed])
            self._backend.execute(
                "INSERT INTO feeds (feed, etag, last_modified, polled_at) VALUES (?, ?, ?, ?)",
                [feed, validators.etag, validators.last_modified, _now()],
            )

    def is_seen(self, feed: str, entry_id: str) -> bool:
        with self._backend.errors("read"):
            rows = self._backend.execute(
                "SELECT 1 FROM feed_entries WHERE feed = ? AND entry_id = ?", [feed, entry_id]
            )
        return bool(rows)

    def put_seen(self, feed: str, entry_id: str) -> None:
        if self.is_seen(feed, entry_id):
            return
        with self._backend.errors("write"), self._backend.transaction(write=True):
            self._backend.execute(
                "INSERT INTO feed_entries (feed, entry_id, seen_at) VALUES (?, ?, ?)",
                [feed, entry_id, _now()],
            )
