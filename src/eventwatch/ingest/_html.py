"""HTML pages: the main text, title, date and URL, extracted with trafilatura.

Navigation, sidebars, footers, bylines and comments are not the article, and
no tag ever reaches the text. The charset is the one the server or the page
declares (UTF-8 otherwise); bytes that do not decode are replaced and warned
about. :func:`fragment_text` turns a feed's HTML summary into plain text.
"""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from ..exceptions import DocumentError
from ..records import Article
from ._common import ReadOptions, check_text, decode, document_error, parse_date, refuse_bytes

if TYPE_CHECKING:
    from ._http import Response

__all__ = ["article_from_html", "article_from_page", "declared_charset", "fragment_text"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)


def declared_charset(data: bytes, content_type: str | None = None) -> str:
    """The charset a page is in: a byte-order mark, the HTTP header, a ``<meta>``; else UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if content_type and (found := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type)):
        return found.group(1).lower()
    if found_meta := _META_CHARSET.search(data[:4096]):
        return found_meta.group(1).decode("ascii").lower()
    return "utf-8"


def article_from_html(
    data: bytes,
    *,
    doc_id: str,
    origin: str,
    options: ReadOptions,
    url: str | None = None,
    content_type: str | None = None,
) -> Article | DocumentError:
    """The article of one page. ``url`` is where it was fetched (else its canonical link)."""
    charset = declared_charset(data, content_type)
    refused = refuse_bytes(data, limit=options.max_page_bytes)
    if refused and not (refused[0] == "document-binary" and charset == "utf-16"):
        return document_error(refused[1], doc_id=doc_id, origin=origin, code=refused[0])
    try:
        page, decode_warnings = decode(data, origin=origin, encoding=charset)
    except ValueError as exc:
        return document_error(str(exc), doc_id=doc_id, origin=origin, code="document-binary")
    extracted = _extract(page, url)
    text = (extracted or {}).get("text") or ""
    if not text.strip():
        return document_error(
            "no article text found in the page", doc_id=doc_id, origin=origin, code="document-empty"
        )
    problem = check_text(text, max_bytes=options.max_bytes)
    if problem:
        return document_error(problem[1], doc_id=doc_id, origin=origin, code=problem[0])
    date = options.pub_date
    if extracted and extracted.get("date"):
        try:
            date = parse_date(extracted["date"])
        except ValueError:
            pass  # a date the extractor guessed badly is no date, not a broken document
    lang = _HTML_LANG.search(page[:4096])
    return Article(
        id=doc_id,
        text=text,
        pub_date=date,
        title=_str(extracted, "title"),
        url=url or _str(extracted, "url"),
        language=lang.group(1).lower() if lang else None,
        source=_str(extracted, "sitename") or _str(extracted, "hostname"),
        origin=origin,
        warnings=decode_warnings,
    )


def article_from_page(
    response: Response, *, url: str, doc_id: str, options: ReadOptions
) -> Article | DocumentError:
    """The article of a fetched page; ``url`` (the one asked for) is its origin and URL."""
    return article_from_html(
        response.content,
        doc_id=doc_id,
        origin=url,
        options=options,
        url=url,
        content_type=response.content_type,
    )


def _str(extracted: dict[str, Any] | None, key: str) -> str | None:
    value = (extracted or {}).get(key)
    return value if isinstance(value, str) and value.strip() else None


def _extract(page: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # lxml's, from inside trafilatura
        result = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    if result is None:
        return None
    data = result if isinstance(result, dict) else result.as_dict()
    return {
        k: v
        for k, v in data.items()
        if k in {"text", "title", "url", "date", "sitename", "hostname"}
    }


_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template"}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """The plain text of an HTML fragment (a feed's summary): one line per block, no tags."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
