"""Polling feeds: conditional GET, and only the entries not seen before.

:func:`poll_feeds` fetches each feed once, sending the ``ETag`` and
``Last-Modified`` it got last time (a 304 costs no parse), and yields an
article for each entry whose id it has not seen. :func:`watch_feeds` polls
again and again, ``every`` seconds apart (``eventwatch watch FEEDS.txt --every 15m``).

What was seen is kept by a :class:`FeedState`: :class:`MemoryFeedState` for
one process, :class:`JsonFeedState` in a small file; the store implements the
same protocol. An entry is marked seen only once the consumer asks for the
next item, and a feed's validators are kept only after all its new entries
were taken, so a run that dies mid-feed reads those entries again, never loses them.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..exceptions import DocumentError, InputError
from ..records import Article
from ._common import MAX_BYTES, ReadOptions
from ._feeds import entry_article, parse_feed
from ._http import Fetcher, is_url
from ._streams import read_bounded

__all__ = [
    "FeedState",
    "JsonFeedState",
    "MemoryFeedState",
    "Validators",
    "parse_interval",
    "poll_feeds",
    "read_feed_list",
    "watch_feeds",
]


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said identifies a feed's content: sent back on the next GET."""

    etag: str | None = None
    last_modified: str | None = None


class FeedState(Protocol):
    """Where a poller keeps, per feed, its validators and the ids of the entries it has seen."""

    def get_validators(self, feed: str) -> Validators: ...

    def put_validators(self, feed: str, validators: Validators) -> None: ...

    def is_seen(self, feed: str, entry_id: str) -> bool: ...

    def put_seen(self, feed: str, entry_id: str) -> None: ...


class MemoryFeedState:
    """A :class:`FeedState` in memory: for one process, and for tests.

    At most ``keep`` entry ids are kept per feed (the newest): a feed lists its
    latest entries, and one gone that long does not come back.
    """

    def __init__(self, *, keep: int = 10_000) -> None:
        self.keep = keep
        self._validators: dict[str, Validators] = {}
        self._seen: dict[str, dict[str, None]] = {}

    def get_validators(self, feed: str) -> Validators:
        return self._validators.get(feed, Validators())

    def put_validators(self, feed: str, validators: Validators) -> None:
        self._validators[feed] = validators

    def is_seen(self, feed: str, entry_id: str) -> bool:
        return entry_id in self._seen.get(feed, {})

    def put_seen(self, feed: str, entry_id: str) -> None:
        seen = self._seen.setdefault(feed, {})
        seen.pop(entry_id, None)
        seen[entry_id] = None
        while len(seen) > self.keep:
            del seen[next(iter(seen))]


class JsonFeedState(MemoryFeedState):
    """A :class:`FeedState` in a JSON file, rewritten whole (atomically) on every change."""

    def __init__(self, path: str | Path, *, keep: int = 10_000) -> None:
        super().__init__(keep=keep)
        self.path = Path(path)
        if self.path.exists():
            self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            feeds = data["feeds"]
            for feed, entry in feeds.items():
                self._validators[feed] = Validators(entry.get("etag"), entry.get("last_modified"))
                self._seen[feed] = dict.fromkeys(str(i) for i in entry.get("seen", []))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"{self.path}: not a feed state file ({exc})", code="input-feed-state"
            ) from exc

    def put_validators(self, feed: str, validators: Validators) -> None:
        super().put_validators(feed, validators)
        self._save()

    def put_seen(self, feed: str, entry_id: str) -> None:
        super().put_seen(feed, entry_id)
        self._save()

    def _as_json(self) -> dict[str, object]:
        feeds = sorted(set(self._validators) | set(self._seen))
        return {
            "version": 1,
            "feeds": {
                feed: {
                    "etag": self._validators.get(feed, Validators()).etag,
                    "last_modified": self._validators.get(feed, Validators()).last_modified,
                    "seen": list(self._seen.get(feed, {})),
                }
                for feed in feeds
            },
        }

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._as_json(), handle, ensure_ascii=False)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def read_feed_list(path: str | Path) -> list[str]:
    """The feeds of a ``FEEDS.txt``: one URL (or feed file) a line; blanks and ``#`` skipped."""
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the feed list ({exc})", code="input-feeds") from exc
    feeds = (re.sub(r"\s+#.*$", "", line).strip() for line in lines)
    return [feed for feed in feeds if feed and not feed.startswith("#")]


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_interval(value: str) -> float:
    """Seconds from ``"90"``, ``"30s"``, ``"15m"``, ``"2h"`` or ``"1d"``; ValueError otherwise."""
    match = _INTERVAL.match(value)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"not an interval: {value!r} (expected a number with s, m, h or d)")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def poll_feeds(
    feeds: Iterable[str],
    *,
    state: FeedState,
    fetcher: Fetcher | None = None,
    fetch_pages: bool = True,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | DocumentError]:
    """One pass over ``feeds``: an article (or error) for each entry not seen before.

    A feed that cannot be fetched or parsed is one :class:`DocumentError`
    (``doc_id`` and ``origin`` its URL, code ``fetch-*`` or ``feed-parse``), and
    the other feeds are polled as usual. Feeds may be URLs or feed files.
    """
    options = ReadOptions(max_bytes=max_bytes, fetch_pages=fetch_pages, given_fetcher=fetcher)
    try:
        for feed in feeds:
            yield from _poll_one(feed, state, options)
    finally:
        options.close()


def _poll_one(
    feed: str, state: FeedState, options: ReadOptions
) -> Iterator[Article | DocumentError]:
    validators = state.get_validators(feed)
    try:
        if is_url(feed):
            response = options.fetcher().get(
                feed, etag=validators.etag, last_modified=validators.last_modified
            )
            if response.not_modified:
                return
            data, url = response.content, response.url
            fresh = Validators(response.etag, response.last_modified)
        else:
            with Path(feed).open("rb") as handle:
                data, url, fresh = read_bounded(handle, options.max_page_bytes), None, Validators()
            if len(data) > options.max_page_bytes:
                raise InputError(
                    f"{feed}: over the limit of {options.max_page_bytes:,} bytes",
                    code="document-size",
                )
        parsed = parse_feed(data, origin=feed, url=url)
    except InputError as exc:
        yield DocumentError(exc.message, doc_id=feed, origin=feed, code=exc.code)
        return
    except OSError as exc:
        yield DocumentError(
            f"{feed}: cannot read ({exc})", doc_id=feed, origin=feed, code="feed-read"
        )
        return
    for entry in parsed.entries:
        if state.is_seen(feed, entry.id):
            continue
        yield entry_article(entry, parsed, options=options, feed_origin=feed)
        state.put_seen(feed, entry.id)
    if fresh != validators:
        state.put_validators(feed, fresh)


def watch_feeds(
    feeds: Iterable[str],
    *,
    every: float,
    state: FeedState,
    fetcher: Fetcher | None = None,
    fetch_pages: bool = True,
    max_bytes: int = MAX_BYTES,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Article | DocumentError]:
    """:func:`poll_feeds` every ``every`` seconds, for ``rounds`` polls (None: until stopped).

    The wait counts from the start of a poll, so a slow poll does not drift.
    """
    feed_list = list(feeds)
    client = fetcher or Fetcher(max_bytes=ReadOptions(max_bytes=max_bytes).max_page_bytes)
    done = 0
    try:
        while rounds is None or done < rounds:
            started = time.monotonic()
            yield from poll_feeds(
                feed_list, state=state, fetcher=client, fetch_pages=fetch_pages, max_bytes=max_bytes
            )
            done += 1
            if rounds is None or done < rounds:
                sleep(max(0.0, every - (time.monotonic() - started)))
    finally:
        if fetcher is None:
            client.close()
