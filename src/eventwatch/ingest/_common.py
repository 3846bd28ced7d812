"""What every reader shares: the limits, decoding bytes, and turning a record into an Article.

A reader refuses a document with a :class:`DocumentError` that carries a stable
``code``, the document's id and its ``origin`` (file and line, or URL), and
notes what it repaired as a warning on the article (a :class:`DocError` of
stage ``"input"``): one bad byte never loses a whole article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..exceptions import DocumentError
from ..records import Article, DocError

if TYPE_CHECKING:
    from ._http import Fetcher

__all__ = [
    "MAX_BYTES",
    "ReadOptions",
    "article_from_record",
    "check_text",
    "decode",
    "document_error",
    "parse_date",
    "refuse_bytes",
]

#: the default largest document read, in bytes (the pipeline config's ``input.max_bytes``: 5 MB)
MAX_BYTES = 5_000_000

#: the fields a record (a JSONL object, a CSV row) may give, besides ``id`` and ``text``
OPTIONAL_FIELDS = ("title", "url", "pub_date", "source", "language")

#: a share of undecodable bytes above which a file is taken for binary, not damaged text
_BINARY_SHARE = 0.2


@dataclass(slots=True)
class ReadOptions:
    """How a read goes: the limits, the default date, and the fetcher for feeds and pages."""

    pub_date: dt.date | None = None
    max_bytes: int = MAX_BYTES
    #: fetch the page each feed entry links to (else code the entry's summary)
    fetch_pages: bool = True
    #: the HTTP client to use; without one, one is made when first needed and closed after
    given_fetcher: Fetcher | None = None
    _made: Fetcher | None = field(default=None, repr=False)

    @property
    def max_page_bytes(self) -> int:
        """The largest raw page or feed read: markup weighs more than its text."""
        return 4 * self.max_bytes

    def fetcher(self) -> Fetcher:
        if self.given_fetcher is not None:
            return self.given_fetcher
        if self._made is None:
            from ._http import Fetcher

            self._made = Fetcher(max_bytes=self.max_page_bytes)
        return self._made

    def close(self) -> None:
        """Close the client this read made (never one it was given)."""
        if self._made is not None:
            self._made.close()
            self._made = None


def parse_date(value: object) -> dt.date:
    """An ISO date (``YYYY-MM-DD``; a longer ISO timestamp is cut to its date)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"pub_date must be a YYYY-MM-DD string, got {value!r}")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"unparseable pub_date {value!r} (expected YYYY-MM-DD)") from None


def document_error(reason: str, *, doc_id: str, origin: str, code: str) -> DocumentError:
    """A refused document: the message starts with where it was read."""
    return DocumentError(f"{origin}: {reason}", doc_id=doc_id, origin=origin, code=code)


def refuse_bytes(data: bytes, *, limit: int) -> tuple[str, str] | None:
    """(code, reason) when raw bytes cannot be a document: empty, over the limit, binary."""
    if len(data) > limit:
        return "document-size", f"{len(data):,} bytes or more, over the limit of {limit:,}"
    if not data.strip():
        return "document-empty", "empty document"
    if b"\x00" in data:
        return "document-binary", "binary data (contains NUL bytes), not text"
    return None


def decode(
    data: bytes, *, origin: str, encoding: str = "utf-8"
) -> tuple[str, tuple[DocError, ...]]:
    """Text from bytes, with U+FFFD for what does not decode and a warning saying so.

    Raises :class:`ValueError` (the reason) when so much does not decode that
    the bytes are binary rather than damaged text.
    """
    try:
        text = data.decode(encoding)
    except LookupError:  # a charset the page declares but Python does not know
        return decode(data, origin=origin)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        if bad >= 8 and bad > _BINARY_SHARE * len(data):
            raise ValueError(
                f"binary data ({bad:,} of {len(data):,} bytes are not {encoding}), not text"
            ) from None
        warning = DocError(
            "input",
            f"{origin}: {bad:,} byte sequence(s) not valid {encoding.upper()} "
            f"(first at byte {exc.start}) were replaced with U+FFFD",
            "document-utf8",
        )
        return text.removeprefix("\ufeff"), (warning,)
    return text.removeprefix("\ufeff"), ()


def check_text(text: str, *, max_bytes: int) -> tuple[str, str] | None:
    """(code, reason) when a decoded text cannot be coded: empty, NUL characters, too long."""
    if not text.strip():
        return "document-empty", "empty text"
    if "\x00" in text:
        return "document-binary", "text contains NUL characters (binary data?)"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return "document-size", f"text is {size:,} bytes, over the limit of {max_bytes:,}"
    return None


def _optional(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def article_from_record(
    record: Mapping[str, object],
    *,
    fallback_id: str,
    origin: str,
    options: ReadOptions,
    warnings: tuple[DocError, ...] = (),
) -> Article | DocumentError:
    """An Article from one ``{"id","text","title"?,"url"?,"pub_date"?,"source"?,"language"?}``.

    ``fallback_id`` names a record that gives no id (its file and line); the
    record's ``pub_date`` wins over ``options.pub_date``.
    """
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = fallback_id
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        return document_error(
            f"'id' must be a string or a number, got {type(raw_id).__name__}",
            doc_id=fallback_id,
            origin=origin,
            code="document-id",
        )
    text = record.get("text")
    if not isinstance(text, str):
        reason = (
            "record has no 'text'"
            if text is None
            else f"'text' must be a string, got {type(text).__name__}"
        )
        return document_error(reason, doc_id=doc_id, origin=origin, code="document-text")
    text = text.removeprefix("\ufeff")
    problem = check_text(text, max_bytes=options.max_bytes)
    if problem:
        return document_error(problem[1], doc_id=doc_id, origin=origin, code=problem[0])
    date = options.pub_date
    if record.get("pub_date") not in (None, ""):
        try:
            date = parse_date(record["pub_date"])
        except ValueError as exc:
            return document_error(str(exc), doc_id=doc_id, origin=origin, code="document-date")
    return Article(
        id=doc_id,
        text=text,
        pub_date=date,
        title=_optional(record, "title"),
        url=_optional(record, "url"),
        language=_optional(record, "language"),
        source=_optional(record, "source"),
        origin=origin,
        warnings=warnings,
    )
