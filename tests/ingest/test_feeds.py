"""RSS and Atom feeds, as a file or a URL: each entry's page is fetched; a failed one falls back."""

import datetime as dt

import pytest

from eventwatch import Article, DocumentError
from eventwatch.ingest import USER_AGENT, read_inputs

from .pages import article_page, atom_feed, rss_feed

pytestmark = pytest.mark.issue(14)

CLASH = (
    "Serbian police arrested three protesters in northern Mitrovica on Friday.",
    "Witnesses said soldiers fired tear gas at a crowd near the main bridge.",
)
TALKS = (
    "Foreign ministers met in Brussels on Saturday to discuss the border dispute.",
    "They agreed to meet again next month, a spokeswoman for the European Union said.",
)


def _news_site(site) -> str:
    """A site with two pages and an RSS feed of three items: two pages, one gone (404)."""
    clash = site.add(
        "/2023/09/29/clash", article_page(title="Clashes in Mitrovica", paragraphs=CLASH)
    )
    talks = site.add(
        "/2023/09/30/talks", article_page(title="Talks in Brussels", paragraphs=TALKS, date=None)
    )
    gone = site.url("/2023/09/28/removed")
    feed = rss_feed(
        [
            {"title": "Clashes in Mitrovica", "link": clash, "guid": "bd-101",
             "pubDate": "Fri, 29 Sep 2023 08:15:00 GMT", "description": "Police made arrests."},
            {"title": "Talks in Brussels", "link": talks, "guid": "bd-102",
             "pubDate": "Sat, 30 Sep 2023 09:00:00 GMT", "description": "Ministers met."},
            {"title": "Removed story", "link": gone, "guid": "bd-100",
             "pubDate": "Thu, 28 Sep 2023 07:00:00 GMT",
             "description": "<p>Rebels <b>attacked</b> a convoy near Goma on Thursday.</p>"},
        ]
    )  # fmt: skip
    return site.add("/world/rss.xml", feed, content_type="application/rss+xml")


def test_an_rss_url_gives_the_articles_of_its_entries_pages(site, fetcher) -> None:
    feed_url = _news_site(site)
    clash, talks, removed = read_inputs(feed_url, fetcher=fetcher)
    assert isinstance(clash, Article)
    assert clash.id == "bd-101" and clash.title == "Clashes in Mitrovica"
    assert clash.text.endswith(CLASH[-1]) and all(p in clash.text for p in CLASH)
    assert "Most read" not in clash.text and "<" not in clash.text
    assert clash.url == site.url("/2023/09/29/clash") and clash.origin == clash.url
    assert clash.source == "Balkan Daily: World"  # the feed's name
    assert clash.pub_date == dt.date(2023, 9, 29) and clash.warnings == ()
    # the page has no date: the entry's is used
    assert talks.pub_date == dt.date(2023, 9, 30) and TALKS[0] in talks.text
    # the page is gone: the summary is coded, as plain text, with a warning saying why
    assert isinstance(removed, Article) and removed.id == "bd-100"
    assert removed.text == "Rebels attacked a convoy near Goma on Thursday."
    [warning] = removed.warnings
    assert warning.code == "feed-summary" and "HTTP 404" in warning.message
    # one GET per page, with our user agent
    [page_request] = site.hits("/2023/09/29/clash")
    assert page_request["user-agent"] == USER_AGENT and "eventwatch" in USER_AGENT


def test_a_feed_file_fetches_the_pages_it_links_to(site, fetcher, tmp_path) -> None:
    feed_url = _news_site(site)
    path = tmp_path / "world.rss"
    path.write_bytes(site.routes["/world/rss.xml"].body)
    items = list(read_inputs(path, fetcher=fetcher))
    assert [i.id for i in items] == ["bd-101", "bd-102", "bd-100"]
    assert CLASH[0] in items[0].text and items[0].source == "Balkan Daily: World"
    assert site.hits("/world/rss.xml") == [] and feed_url  # the file was read, not the URL


def test_without_fetching_pages_the_summaries_are_coded_and_nothing_is_fetched(
    site, tmp_path
) -> None:
    _news_site(site)
    path = tmp_path / "world.xml"
    path.write_bytes(site.routes["/world/rss.xml"].body)
    items = list(read_inputs(path, fetch_pages=False))
    assert [i.text for i in items] == [
        "Police made arrests.",
        "Ministers met.",
        "Rebels attacked a convoy near Goma on Thursday.",
    ]
    assert all(i.warnings == () for i in items) and site.requests == []


def test_an_atom_feed_entry_without_a_link_is_its_summary(site, fetcher, tmp_path) -> None:
    page = site.add("/wire/1", article_page(title="Army shells border villages", paragraphs=TALKS))
    feed = atom_feed(
        [
            {"id": "urn:wire:1", "title": "Army shells border villages", "link": page,
             "updated": "2023-10-01T06:00:00Z", "summary": "Shelling reported."},
            {"id": "urn:wire:2", "title": "Ceasefire holds",
             "updated": "2023-10-02T06:00:00Z",
             "summary": "<p>The ceasefire held overnight,</p><p>officials said.</p>"},
            {"id": "urn:wire:3", "title": "Empty", "summary": ""},
        ],
    )  # fmt: skip
    path = tmp_path / "wire.atom"
    path.write_text(feed, encoding="utf-8")
    first, second, third = read_inputs(path, fetcher=fetcher)
    assert first.id == "urn:wire:1" and TALKS[1] in first.text and first.source == "Danube Wire"
    assert first.pub_date == dt.date(2023, 10, 1)
    assert second.text == "The ceasefire held overnight,\nofficials said."
    assert second.pub_date == dt.date(2023, 10, 2) and second.url is None
    assert [w.code for w in second.warnings] == ["feed-summary"]
    assert "links to no page" in second.warnings[0].message
    assert isinstance(third, DocumentError) and third.code == "document-empty"
    assert third.doc_id == "urn:wire:3"


def test_a_page_that_times_out_falls_back_to_the_summary(site, tmp_path) -> None:
    from eventwatch.ingest import Fetcher

    slow = site.add("/slow", article_page(), delay=1.5)
    path = tmp_path / "slow.rss"
    path.write_text(
        rss_feed([{"title": "Slow", "link": slow, "guid": "s1", "description": "Short."}])
    )
    with Fetcher(timeout=0.2, retries=1, backoff=0.0) as quick:
        [article] = list(read_inputs(path, fetcher=quick))
    assert article.text == "Short." and "timed out after 2 tries" in article.warnings[0].message


def test_a_feed_url_that_fails_is_an_error_in_the_stream(site, fetcher) -> None:
    site.add("/down.xml", "busy", fail=10)
    good = site.add("/story.txt", "Police arrested a man in Nis.", content_type="text/plain")
    down, article = read_inputs([site.url("/down.xml"), good], fetcher=fetcher)
    assert isinstance(down, DocumentError) and down.code == "fetch-status"
    assert "HTTP 503 after 3 tries" in down.message and down.origin == site.url("/down.xml")
    assert isinstance(article, Article) and article.text == "Police arrested a man in Nis."
    assert len(site.hits("/down.xml")) == 3


def test_something_that_is_not_a_feed_is_an_error(tmp_path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not xml at all, just words", encoding="utf-8")
    [error] = list(read_inputs(path))
    assert isinstance(error, DocumentError) and error.code == "feed-parse"


def test_a_page_url_is_read_as_a_page(site, fetcher) -> None:
    url = site.add("/2023/09/29/clash", article_page(paragraphs=CLASH))
    [article] = list(read_inputs(url, fetcher=fetcher))
    assert article.id == url and article.url == url and article.origin == url
    assert article.text.endswith(CLASH[-1]) and article.source == "Balkan Daily"
