"""Polling feeds: conditional GET, only new entries, state kept through the FeedState protocol."""

import json

import pytest

from eventwatch import Article, DocumentError, InputError
from eventwatch.ingest import (
    FeedState,
    JsonFeedState,
    MemoryFeedState,
    Validators,
    parse_interval,
    poll_feeds,
    read_feed_list,
    watch_feeds,
)

from .pages import article_page, rss_feed

pytestmark = pytest.mark.issue(14)

STORIES = {
    "n1": "Police arrested three protesters in Mitrovica on Friday, officials said.",
    "n2": "Soldiers fired tear gas at a crowd near the main bridge on Saturday.",
    "n3": "Rebels attacked a convoy near Goma on Sunday, killing two drivers.",
}


def _publish(site, ids, *, etag):
    items = []
    for entry_id in ids:
        link = site.add(f"/news/{entry_id}", article_page(paragraphs=(STORIES[entry_id],) * 2))
        items.append({"title": entry_id, "link": link, "guid": entry_id, "description": "s"})
    return site.add(
        "/feed.xml",
        rss_feed(items),
        content_type="application/rss+xml",
        etag=etag,
        last_modified=f"Sun, 01 Oct 2023 0{len(ids)}:00:00 GMT",
    )


def test_a_second_poll_of_an_unchanged_feed_is_a_304_and_yields_nothing(site, fetcher) -> None:
    feed = _publish(site, ["n1", "n2"], etag='"a"')
    state = MemoryFeedState()
    first = list(poll_feeds([feed], state=state, fetcher=fetcher))
    assert [a.id for a in first] == ["n1", "n2"] and all(isinstance(a, Article) for a in first)
    assert STORIES["n1"] in first[0].text
    assert state.get_validators(feed) == Validators('"a"', "Sun, 01 Oct 2023 02:00:00 GMT")
    assert list(poll_feeds([feed], state=state, fetcher=fetcher)) == []
    second_request = site.hits("/feed.xml")[1]
    assert second_request["if-none-match"] == '"a"'
    assert len(site.hits("/news/n1")) == 1  # no page is fetched again


def test_a_feed_that_changes_yields_only_its_new_entries(site, fetcher) -> None:
    feed = _publish(site, ["n1", "n2"], etag='"a"')
    state = MemoryFeedState()
    assert [a.id for a in poll_feeds([feed], state=state, fetcher=fetcher)] == ["n1", "n2"]
    _publish(site, ["n3", "n2", "n1"], etag='"b"')
    [new] = list(poll_feeds([feed], state=state, fetcher=fetcher))
    assert new.id == "n3" and STORIES["n3"] in new.text
    assert len(site.hits("/news/n2")) == 1


def test_a_server_that_ignores_validators_still_yields_nothing_twice(site, fetcher) -> None:
    feed = _publish(site, ["n1"], etag=None)
    site.routes["/feed.xml"].last_modified = None
    state = MemoryFeedState()
    assert len(list(poll_feeds([feed], state=state, fetcher=fetcher))) == 1
    assert list(poll_feeds([feed], state=state, fetcher=fetcher)) == []
    assert "if-none-match" not in site.hits("/feed.xml")[1]


def test_a_busy_feed_is_retried_and_a_dead_one_does_not_stop_the_others(site, fetcher) -> None:
    feed = _publish(site, ["n1"], etag='"a"')
    site.routes["/feed.xml"].fail = 2  # 503 twice, then the feed
    dead = site.add("/dead.xml", "x", fail=1000)
    state = MemoryFeedState()
    error, article = poll_feeds([dead, feed], state=state, fetcher=fetcher)
    assert isinstance(error, DocumentError) and error.code == "fetch-status"
    assert error.doc_id == dead and "503" in error.message
    assert article.id == "n1" and len(site.hits("/feed.xml")) == 3
    assert state.get_validators(dead) == Validators()


def test_an_entry_is_marked_seen_only_once_it_was_taken(site, fetcher) -> None:
    feed = _publish(site, ["n1", "n2"], etag='"a"')
    state = MemoryFeedState()
    stream = poll_feeds([feed], state=state, fetcher=fetcher)
    assert next(stream).id == "n1"
    stream.close()  # the consumer died before asking for more
    assert not state.is_seen(feed, "n1") and state.get_validators(feed) == Validators()
    # the next poll reads the feed whole again (no validators kept) and loses nothing
    assert [a.id for a in poll_feeds([feed], state=state, fetcher=fetcher)] == ["n1", "n2"]


def test_the_json_state_survives_a_restart(site, fetcher, tmp_path) -> None:
    feed = _publish(site, ["n1", "n2"], etag='"a"')
    path = tmp_path / "state" / "feeds.json"
    assert len(list(poll_feeds([feed], state=JsonFeedState(path), fetcher=fetcher))) == 2
    saved = json.loads(path.read_text("utf-8"))
    assert saved["feeds"][feed] == {
        "etag": '"a"',
        "last_modified": "Sun, 01 Oct 2023 02:00:00 GMT",
        "seen": ["n1", "n2"],
    }
    _publish(site, ["n3", "n2", "n1"], etag='"b"')
    reopened = JsonFeedState(path)
    assert [a.id for a in poll_feeds([feed], state=reopened, fetcher=fetcher)] == ["n3"]
    assert site.hits("/feed.xml")[1]["if-none-match"] == '"a"'


def test_a_feed_file_is_polled_too(site, fetcher, tmp_path) -> None:
    _publish(site, ["n1"], etag=None)
    path = tmp_path / "local.rss"
    path.write_bytes(site.routes["/feed.xml"].body)
    state = MemoryFeedState()
    [article] = poll_feeds([str(path)], state=state, fetcher=fetcher)
    assert article.id == "n1" and STORIES["n1"] in article.text
    assert list(poll_feeds([str(path)], state=state, fetcher=fetcher)) == []
    [missing] = poll_feeds([str(tmp_path / "gone.rss")], state=state, fetcher=fetcher)
    assert isinstance(missing, DocumentError) and missing.code == "feed-read"


def test_a_broken_state_file_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "feeds.json"
    path.write_text("{not json")
    with pytest.raises(InputError, match="not a feed state file"):
        JsonFeedState(path)


def test_the_state_keeps_the_newest_ids_only() -> None:
    state = MemoryFeedState(keep=2)
    for entry_id in ("a", "b", "c"):
        state.put_seen("feed", entry_id)
    assert [state.is_seen("feed", i) for i in ("a", "b", "c")] == [False, True, True]


class RecordingState:
    """Another FeedState: the poller asks only through the protocol."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.seen: set[tuple[str, str]] = set()

    def get_validators(self, feed: str) -> Validators:
        self.calls.append("get_validators")
        return Validators()

    def put_validators(self, feed: str, validators: Validators) -> None:
        self.calls.append("put_validators")

    def is_seen(self, feed: str, entry_id: str) -> bool:
        return (feed, entry_id) in self.seen

    def put_seen(self, feed: str, entry_id: str) -> None:
        self.calls.append(f"put_seen {entry_id}")
        self.seen.add((feed, entry_id))


def test_any_feed_state_will_do(site, fetcher) -> None:
    feed = _publish(site, ["n1", "n2"], etag='"a"')
    state: FeedState = RecordingState()
    assert len(list(poll_feeds([feed], state=state, fetcher=fetcher))) == 2
    assert state.calls == ["get_validators", "put_seen n1", "put_seen n2", "put_validators"]


def test_watching_polls_every_interval(site, fetcher) -> None:
    feed = _publish(site, ["n1"], etag='"a"')
    waits = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 1:
            _publish(site, ["n2", "n1"], etag='"b"')

    state = MemoryFeedState()
    got = watch_feeds([feed], every=900, state=state, fetcher=fetcher, rounds=3, sleep=sleep)
    assert [a.id for a in got] == ["n1", "n2"]
    assert len(waits) == 2 and all(800 < w <= 900 for w in waits)
    assert len(site.hits("/feed.xml")) == 3


def test_a_feed_list_skips_blanks_and_comments(tmp_path) -> None:
    path = tmp_path / "FEEDS.txt"
    path.write_text(
        "# world news\nhttps://a.example/rss\n\n  https://b.example/feed.xml#main   # wire\n"
    )
    assert read_feed_list(path) == ["https://a.example/rss", "https://b.example/feed.xml#main"]


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("90", 90), ("30s", 30), ("2h", 7200), ("1d", 86400)]
)
def test_intervals_are_read_with_their_unit(text, seconds) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "0m", "-5m", "15 minutes"])
def test_a_bad_interval_is_refused(text) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)
