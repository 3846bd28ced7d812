"""RSS and Atom feeds: each entry becomes the article on the page it links to.

The feed is parsed with feedparser (from bytes: feedparser never fetches
here). Each entry's page is fetched (:class:`~eventwatch.ingest.Fetcher`) and
its main text extracted as for any HTML page; an entry whose page cannot be
fetched or has no text falls back to the entry's own summary or content, with
a ``feed-summary`` warning saying why. The article's ``source`` is the feed's
title, its ``origin`` the entry's link.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from ..exceptions import DocumentError, InputError
from ..records import Article, DocError, default_id
from ._common import ReadOptions, check_text, document_error
from ._html import article_from_page, fragment_text
from ._http import is_url

__all__ = ["Feed", "FeedEntry", "entry_article", "parse_feed", "read_feed"]

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: its stable id, where it links, and its own text."""

    id: str
    title: str | None
    link: str | None
    pub_date: dt.date | None
    #: the entry's content or summary as plain text ("" when it has none)
    summary: str


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def parse_feed(data: bytes, *, origin: str, url: str | None = None) -> Feed:
    """The entries of an RSS or Atom document; :class:`InputError` if it is not a feed.

    ``url`` is where the feed was fetched, to resolve relative links.
    """
    import feedparser

    # no base URL for feedparser: it would resolve ids ("bd-101") as if they were links
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f": {problem}" if problem else ""
        raise InputError(f"{origin}: not an RSS or Atom feed{reason}", code="feed-parse")
    title = _text(parsed.feed.get("title"))
    return Feed(title, tuple(_entry(e, url) for e in parsed.entries))


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = fragment_text(value) if "<" in value or "&" in value else " ".join(value.split())
    return text or None


def _entry(raw: Any, base: str | None) -> FeedEntry:
    title = _text(raw.get("title"))
    link = raw.get("link") or None
    if isinstance(link, str) and base:
        link = urljoin(base, link)
    if not is_url(link):  # an Atom id standing in for a link ("urn:…"), a file: URL
        link = None
    bodies = [c.get("value", "") for c in raw.get("content") or [] if isinstance(c, dict)]
    bodies.append(raw.get("summary") or "")
    summary = max((fragment_text(b) for b in bodies if isinstance(b, str)), key=len, default="")
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    pub_date = dt.date(*when[:3]) if isinstance(when, time.struct_time) else None
    entry_id = raw.get("id") or link or default_id(f"{title}\n{summary}", "entry")
    return FeedEntry(str(entry_id), title, link, pub_date, summary)


def read_feed(
    data: bytes, *, origin: str, options: ReadOptions, url: str | None = None
) -> Iterator[Article | DocumentError]:
    """One article (or error) per entry of a feed, in the feed's order."""
    try:
        feed = parse_feed(data, origin=origin, url=url)
    except InputError as exc:
        yield DocumentError(exc.message, doc_id=url or origin, origin=origin, code=exc.code)
        return
    for entry in feed.entries:
        yield entry_article(entry, feed, options=options, feed_origin=origin)


def entry_article(
    entry: FeedEntry, feed: Feed, *, options: ReadOptions, feed_origin: str
) -> Article | DocumentError:
    """The article of one entry: its page's main text, or its summary when the page fails."""
    origin = entry.link or f"{feed_origin}#{entry.id}"
    why = "the entry links to no page"
    if entry.link and not options.fetch_pages:
        why = ""
    elif entry.link:
        page = _page_article(entry.link, entry.id, options)
        if isinstance(page, Article):
            return Article(
                id=entry.id,
                text=page.text,
                pub_date=entry.pub_date or page.pub_date,
                title=entry.title or page.title,
                url=entry.link,
                language=page.language,
                source=feed.title or page.source,
                origin=origin,
                warnings=page.warnings,
            )
        why = page.message.removeprefix(f"{entry.link}: ")
    problem = check_text(entry.summary, max_bytes=options.max_bytes)
    if problem:
        reason = f"{why}, and its summary cannot be coded: {problem[1]}" if why else problem[1]
        return document_error(reason, doc_id=entry.id, origin=origin, code=problem[0])
    warnings: tuple[DocError, ...] = ()
    if why:
        message = f"{origin}: page not read ({why}); coded the feed's summary instead"
        warnings = (DocError("input", message, "feed-summary"),)
    return Article(
        id=entry.id,
        text=entry.summary,
        pub_date=entry.pub_date or options.pub_date,
        title=entry.title,
        url=entry.link,
        source=feed.title,
        origin=origin,
        warnings=warnings,
    )


def _page_article(url: str, doc_id: str, options: ReadOptions) -> Article | DocumentError:
    try:
        response = options.fetcher().get(url)
    except InputError as exc:
        return DocumentError(exc.message, doc_id=doc_id, origin=url, code=exc.code)
    kind = (response.content_type or "text/html").split(";")[0].strip().lower()
    if kind not in _PAGE_TYPES:
        return document_error(
            f"not an HTML page ({kind})", doc_id=doc_id, origin=url, code="document-type"
        )
    return article_from_page(response, url=url, doc_id=doc_id, options=options)
