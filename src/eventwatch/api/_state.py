"""What one app holds between requests: a store per worker thread, the pipeline, caches.

A :class:`~eventwatch.store.Store` is used from one thread at a time, and FastAPI runs
plain endpoints in a thread pool: each pool thread opens its own store on first use
and keeps it. The pipeline loads once (spaCy and the word lists) and codes one text at
a time. Series, dyads and the network read the store's report frame, which is kept
for ``cache_seconds`` (an ingest through the API clears it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from ..engines import pipeline_for
from ..exceptions import ApiError
from ..pipeline import Pipeline, PipelineSpec
from ..store import Store
from ._settings import ApiSettings

__all__ = ["AppState", "RateLimiter"]


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        """Spend one request of ``client``'s, or raise :class:`ApiError` 429."""
        rate = self.per_minute / 60.0
        with self._lock:
            now = self._clock()
            tokens, then = self._buckets.get(client, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - then) * rate)
            if tokens < 1.0:
                self._buckets[client] = (tokens, now)
                raise ApiError(
                    f"at most {self.per_minute} requests a minute to POST /code",
                    status=429,
                    code="api-rate",
                    retry_after=(1.0 - tokens) / rate,
                )
            self._buckets[client] = (tokens - 1.0, now)
            if len(self._buckets) > 10_000:  # forget idle clients
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}


class AppState:
    """The store URL and settings of one app, and what it keeps between requests."""

    def __init__(self, url: str, settings: ApiSettings, spec: PipelineSpec | None = None) -> None:
        self.url = url
        self.settings = settings
        self.spec = spec
        self.code_limiter = RateLimiter(settings.code_per_minute)
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self.pipeline_lock = threading.Lock()
        self._cache: dict[str, tuple[float, Any]] = {}

    def store(self) -> Store:
        """This thread's store, opened on first use."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.url)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def pipeline_spec(self) -> PipelineSpec:
        if self.spec is None:
            self.spec = PipelineSpec.load()
        return self.spec

    def pipeline(self) -> Pipeline:
        """The pipeline, loaded on first use (call with :attr:`pipeline_lock` held)."""
        if self._pipeline is None:
            self._pipeline = pipeline_for(self.pipeline_spec())
        return self._pipeline

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, reused for ``cache_seconds``."""
        now = time.monotonic()
        with self._lock:
            found = self._cache.get(key)
        if found is not None and now - found[0] < self.settings.cache_seconds:
            return found[1]
        value = make()
        with self._lock:
            self._cache[key] = (now, value)
            if len(self._cache) > 64:
                self._cache.pop(next(iter(self._cache)))
        return value

    def forget(self) -> None:
        """Drop what was cached: the store changed."""
        with self._lock:
            self._cache.clear()

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing at shutdown: nothing to save
                pass
