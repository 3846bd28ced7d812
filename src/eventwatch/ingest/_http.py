"""Fetching feeds and pages over HTTP: timeouts, retries with backoff, a named user agent.

Only the URLs the user gives (and the pages their feeds link to) are fetched.
A fetch that fails raises :class:`~eventwatch.exceptions.InputError` with a
``fetch-*`` code; httpx's own exceptions never leave this module.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType

import httpx

from .._version import __version__
from ..exceptions import InputError
from ._common import MAX_BYTES

__all__ = ["USER_AGENT", "Fetcher", "Response", "is_url"]

USER_AGENT = f"eventwatch/{__version__} (news event coder; feed and page reader)"

#: statuses worth asking again: the server is busy, restarting or rate-limiting
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def is_url(source: object) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Response:
    """What a GET returned: the final URL (after redirects), the status and the body."""

    url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """The server says the content is unchanged since the validators sent (HTTP 304)."""
        return self.status == 304


class _Retry(Exception):
    def __init__(self, reason: str, code: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.wait = wait


@contextmanager
def _map_errors(url: str) -> Iterator[None]:
    """httpx's exceptions as ours: a timeout or a broken connection may be retried."""
    try:
        yield
    except httpx.TimeoutException as exc:
        raise _Retry("timed out", "fetch-timeout") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise InputError(f"{url}: not a URL that can be fetched ({exc})", code="fetch-url") from exc
    except httpx.TooManyRedirects as exc:
        raise InputError(f"{url}: too many redirects", code="fetch-redirects") from exc
    except httpx.TransportError as exc:
        raise _Retry(f"cannot connect ({exc or type(exc).__name__})", "fetch-connect") from exc


class Fetcher:
    """A small HTTP client for feeds and pages.

    Each GET is tried ``retries + 1`` times when it times out, cannot connect
    or gets a busy status (429, 503, …), waiting ``backoff``, then twice that,
    and so on (at most ``max_wait`` seconds, or what ``Retry-After`` asks, if
    less). A body over ``max_bytes`` is refused without reading the rest.
    ``transport`` and ``sleep`` are for tests (an ``httpx.MockTransport``, a
    clock that does not wait).
    """

    def __init__(
        self,
        *,
        timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 30.0,
        max_bytes: int = 4 * MAX_BYTES,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self._sleep = sleep
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": user_agent},
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """GET ``url``, conditionally when validators are given (a 304 is a Response too)."""
        if not is_url(url):
            raise InputError(f"{url}: only http and https URLs are fetched", code="fetch-url")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._get_once(url, headers)
            except _Retry as retry:
                if attempt >= self.retries:
                    tries = f"{attempt + 1} tr{'y' if attempt == 0 else 'ies'}"
                    raise InputError(
                        f"{url}: {retry.reason} after {tries}", code=retry.code
                    ) from None
                wait = self.backoff * 2**attempt if retry.wait is None else retry.wait
                self._sleep(min(wait, self.max_wait))
                attempt += 1

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        with _map_errors(url), self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _RETRY_STATUSES:
                raise _Retry(f"HTTP {status}", "fetch-status", _retry_after(response))
            if status >= 400:
                raise InputError(f"{url}: HTTP {status}", code="fetch-status")
            content = b"" if status == 304 else self._read(url, response)
            return Response(
                url=str(response.url),
                status=status,
                content=content,
                content_type=response.headers.get("Content-Type"),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )

    def _read(self, url: str, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise InputError(
                f"{url}: {int(declared):,} bytes, over the limit of {self.max_bytes:,}",
                code="document-size",
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise InputError(
                    f"{url}: over the limit of {self.max_bytes:,} bytes", code="document-size"
                )
            chunks.append(chunk)
        return b"".join(chunks)


def _retry_after(response: httpx.Response) -> float | None:
    """The wait a ``Retry-After`` header asks for, in seconds (a number or an HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
