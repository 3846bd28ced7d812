"""The HTTP client against a real local server: retries with backoff, timeouts, limits, 304."""

import socket

import pytest

from eventwatch import InputError
from eventwatch.ingest import USER_AGENT, Fetcher

pytestmark = pytest.mark.issue(14)


def test_a_busy_server_is_asked_again_after_the_wait_it_asks_for(site) -> None:
    url = site.add("/feed.xml", "<rss/>", fail=2)
    waits = []
    with Fetcher(retries=3, backoff=0.5, sleep=waits.append) as fetcher:
        response = fetcher.get(url)
    assert response.status == 200 and response.content == b"<rss/>"
    assert len(site.hits("/feed.xml")) == 3
    assert waits == [0.0, 0.0]  # the server's Retry-After: 0 wins over the backoff


def test_without_retry_after_the_backoff_doubles() -> None:
    import httpx

    answers = iter([503, 502, 200])
    transport = httpx.MockTransport(lambda request: httpx.Response(next(answers), text="ok"))
    waits = []
    with Fetcher(retries=3, backoff=0.5, transport=transport, sleep=waits.append) as fetcher:
        assert fetcher.get("https://news.example/feed").status == 200
    assert waits == [0.5, 1.0]


def test_a_server_that_stays_busy_is_an_error_after_the_last_try(site) -> None:
    url = site.add("/busy", "x", fail=100)
    with Fetcher(retries=2, backoff=0.0, sleep=lambda s: None) as fetcher:
        with pytest.raises(InputError, match="HTTP 503 after 3 tries") as caught:
            fetcher.get(url)
    assert caught.value.code == "fetch-status" and len(site.hits("/busy")) == 3


def test_a_slow_server_times_out_and_is_tried_again(site) -> None:
    url = site.add("/slow", "late", delay=1.0)
    with Fetcher(timeout=0.2, retries=1, backoff=0.0) as fetcher:
        with pytest.raises(InputError, match="timed out after 2 tries") as caught:
            fetcher.get(url)
    assert caught.value.code == "fetch-timeout" and len(site.hits("/slow")) == 2


def test_a_closed_port_is_a_connect_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with Fetcher(retries=1, backoff=0.0, sleep=lambda s: None) as fetcher:
        with pytest.raises(InputError) as caught:
            fetcher.get(f"http://127.0.0.1:{port}/feed")
    assert caught.value.code == "fetch-connect" and "after 2 tries" in caught.value.message


def test_a_missing_page_is_not_retried(site, fetcher) -> None:
    with pytest.raises(InputError, match="HTTP 404") as caught:
        fetcher.get(site.url("/nowhere"))
    assert caught.value.code == "fetch-status" and len(site.hits("/nowhere")) == 1


def test_conditional_get_sends_the_validators_and_takes_a_304(site, fetcher) -> None:
    url = site.add("/feed", "<rss/>", etag='"v1"', last_modified="Fri, 29 Sep 2023 08:00:00 GMT")
    first = fetcher.get(url)
    assert first.etag == '"v1"' and first.last_modified == "Fri, 29 Sep 2023 08:00:00 GMT"
    second = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.content == b""
    sent = site.hits("/feed")[1]
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Fri, 29 Sep 2023 08:00:00 GMT"
    assert sent["user-agent"] == USER_AGENT


def test_a_body_over_the_limit_is_refused(site) -> None:
    url = site.add("/huge", b"x" * 50_000)
    with Fetcher(max_bytes=10_000) as fetcher:
        with pytest.raises(InputError, match="over the limit") as caught:
            fetcher.get(url)
    assert caught.value.code == "document-size"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "/etc/hosts"])
def test_only_http_urls_are_fetched(url, fetcher) -> None:
    with pytest.raises(InputError) as caught:
        fetcher.get(url)
    assert caught.value.code == "fetch-url"
