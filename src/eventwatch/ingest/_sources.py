"""One entry point for every source: :func:`read_inputs` turns it into a stream of Articles.

A source is a file, a directory (read recursively), ``-`` for standard input,
a FIFO or a pipe (``/dev/stdin``, ``<(cat story.txt)``), or an http(s) URL of
a feed or a page. A file's kind comes from its suffix (``.txt``, ``.jsonl``,
``.csv``, ``.html``/``.htm``, ``.rss``/``.atom``/``.xml``); a stream or a file
without a known suffix is recognised by its first bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from ..exceptions import DocumentError, InputError
from ..records import Article, default_id
from ._common import MAX_BYTES, ReadOptions, document_error
from ._csv import read_csv
from ._feeds import read_feed
from ._html import article_from_html, article_from_page
from ._http import Fetcher, is_url
from ._jsonl import read_jsonl
from ._streams import binary_stream, kind_of_suffix, peek_head, read_bounded, sniff
from ._text import article_from_bytes, read_text, sidecar_meta
from ._unique import reject_duplicate_ids

__all__ = ["DIRECTORY_SUFFIXES", "count_inputs", "read_inputs"]

#: the files a directory is searched for, in it and in every folder below it
DIRECTORY_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")

Source = str | Path


def read_inputs(
    source: Source | Sequence[Source],
    *,
    pub_date: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    unique_ids: bool = False,
    fetch_pages: bool = True,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | DocumentError]:
    """Articles (or per-document errors in their place) from one source or several, as a stream.

    Nothing is read ahead: JSONL and CSV yield one record per line or row as it
    is read, directories one file at a time, so memory stays flat whatever the
    input's size. ``pub_date`` dates documents that carry no date; ``max_bytes``
    (the config's ``input.max_bytes``, 5 MB) bounds each document's text;
    ``unique_ids`` turns a repeated id into an error for the later item (what
    ``eventwatch code`` wants); ``fetch_pages`` fetches the page each feed
    entry links to, with ``fetcher`` (one is made when needed).

    A missing path raises :class:`InputError` (``input-missing``); everything
    else that goes wrong is a :class:`DocumentError` in the stream.
    """
    sources = [source] if isinstance(source, str | Path) else list(source)
    options = ReadOptions(
        pub_date=pub_date, max_bytes=max_bytes, fetch_pages=fetch_pages, given_fetcher=fetcher
    )
    items = _read_sources(sources, options, stdin)
    try:
        yield from reject_duplicate_ids(items) if unique_ids else items
    finally:
        options.close()


def _read_sources(
    sources: list[Source], options: ReadOptions, stdin: TextIO | BinaryIO | None
) -> Iterator[Article | DocumentError]:
    for source in sources:
        text = str(source)
        if text == "-":
            stream = binary_stream(stdin or sys.stdin)
            yield from _read_stream(stream, name=None, origin="stdin", options=options)
        elif is_url(text):
            yield from _read_url(text, options)
        else:
            yield from _read_path(Path(source), options)


def _read_path(path: Path, options: ReadOptions) -> Iterator[Article | DocumentError]:
    if _is_device(path) and path.exists():  # /dev/stdin, /dev/fd/63: a pipe or a redirect
        yield from _read_pipe(path, options)
    elif path.is_dir():
        found = False
        for file, name in _walk(path):
            found = True
            yield from _read_file(file, name=name, options=options)
        if not found:
            suffixes = ", ".join(DIRECTORY_SUFFIXES)
            raise InputError(
                f"{path}: no {suffixes} files in this directory or below", code="input-empty"
            )
    elif path.is_file():
        yield from _read_file(path, name=path.stem, options=options)
    elif path.exists():  # a named FIFO
        yield from _read_pipe(path, options)
    else:
        raise InputError(f"{path}: no such file or directory", code="input-missing")


def _is_device(path: Path) -> bool:
    return str(path).startswith(("/dev/", "/proc/"))


def _walk(top: Path) -> Iterator[tuple[Path, str]]:
    """(file, id) for each input file under ``top``, in a stable order; hidden ones are skipped.

    The id is the file's path below ``top`` without its suffix (``2023/story``),
    so two ``story.txt`` in two folders keep two ids.
    """
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if file.startswith(".") or not file.lower().endswith(DIRECTORY_SUFFIXES):
                continue
            path = Path(folder, file)
            yield path, path.relative_to(top).with_suffix("").as_posix()


def _read_file(path: Path, *, name: str, options: ReadOptions) -> Iterator[Article | DocumentError]:
    origin = str(path)
    kind = kind_of_suffix(path.suffix)
    try:
        if kind == "text":
            size = path.stat().st_size
            if size > options.max_bytes:
                yield document_error(
                    f"file is {size:,} bytes, over the limit of {options.max_bytes:,}",
                    doc_id=name,
                    origin=origin,
                    code="document-size",
                )
                return
        with path.open("rb") as handle:
            meta = sidecar_meta(path) if kind == "text" else None
            yield from _read_stream(
                handle,
                name=name,
                origin=origin,
                options=options,
                kind=kind,
                meta=meta,
                records=name + path.suffix,
            )
    except OSError as exc:
        yield document_error(
            f"cannot read: {exc}", doc_id=name, origin=origin, code="document-read"
        )


def _read_pipe(path: Path, options: ReadOptions) -> Iterator[Article | DocumentError]:
    """A FIFO or pipe: read once, front to back. A named FIFO's suffix says its kind;
    what comes through ``/dev`` is known by its first bytes, and named by its content."""
    named = not _is_device(path)
    try:
        with path.open("rb") as handle:
            yield from _read_stream(
                handle,
                name=path.stem if named else None,
                origin=str(path),
                options=options,
                kind=kind_of_suffix(path.suffix) if named else None,
                records=path.name if named else "stdin",
            )
    except OSError as exc:
        yield document_error(
            f"cannot read: {exc}", doc_id=path.name, origin=str(path), code="document-read"
        )


def _read_stream(
    stream: BinaryIO,
    *,
    name: str | None,
    origin: str,
    options: ReadOptions,
    kind: str | None = None,
    meta: dict[str, object] | None = None,
    records: str = "stdin",
) -> Iterator[Article | DocumentError]:
    """A stream of the given kind, or of the kind its first bytes show.

    ``name`` is the id of a one-document stream (None: made from its content);
    ``records`` names the records of a JSONL or CSV stream that give no id
    (``batch.jsonl:12``).
    """
    if kind is None:
        head, stream = peek_head(stream)
        kind = sniff(head)
    if kind == "jsonl":
        yield from read_jsonl(stream, name=records, origin=origin, options=options)
    elif kind == "csv":
        yield from read_csv(stream, name=records, origin=origin, options=options)
    elif kind == "html":
        data = read_bounded(stream, options.max_page_bytes)
        doc_id = name or default_id(data.decode("utf-8", "replace"), "page")
        yield article_from_html(data, doc_id=doc_id, origin=origin, options=options)
    elif kind == "feed":
        data = read_bounded(stream, options.max_page_bytes)
        yield from read_feed(data, origin=origin, options=options)
    else:
        yield read_text(stream, name=name, origin=origin, options=options, meta=meta)


def _read_url(url: str, options: ReadOptions) -> Iterator[Article | DocumentError]:
    """A URL given by the user: a feed (its entries) or a page (its article)."""
    try:
        response = options.fetcher().get(url)
    except InputError as exc:
        yield DocumentError(exc.message, doc_id=url, origin=url, code=exc.code)
        return
    content_type = (response.content_type or "").split(";")[0].strip().lower()
    if "rss" in content_type or "atom" in content_type or content_type.endswith("/xml"):
        kind = "feed"
    elif content_type in ("text/html", "application/xhtml+xml"):
        kind = "html"
    elif content_type == "text/plain":
        kind = "text"
    else:
        kind = sniff(response.content[:8192])
    if kind == "feed":
        yield from read_feed(response.content, origin=url, options=options, url=response.url)
    elif kind == "html":
        yield article_from_page(response, url=url, doc_id=url, options=options)
    elif kind == "text":
        yield article_from_bytes(response.content, name=url, origin=url, options=options)
    else:
        yield document_error(
            f"a {kind} document from a URL is not read; save it and give the file",
            doc_id=url,
            origin=url,
            code="document-type",
        )


def count_inputs(source: Source | Sequence[Source]) -> int | None:
    """How many documents ``source`` holds, when that is cheap to know (None for a stream).

    A JSONL file is counted by its non-blank lines, a CSV by its rows, read in
    large blocks; a pipe, a URL or a feed is not counted (None).
    """
    sources = [source] if isinstance(source, str | Path) else list(source)
    total = 0
    for item in sources:
        count = _count_one(item)
        if count is None:
            return None
        total += count
    return total


def _count_one(source: Source) -> int | None:
    if str(source) == "-" or is_url(str(source)):
        return None
    path = Path(source)
    if path.is_dir():
        return sum(_count_file(file) or 0 for file, _ in _walk(path))
    return _count_file(path) if path.is_file() else None


def _count_file(path: Path) -> int | None:
    kind = kind_of_suffix(path.suffix)
    if kind in ("text", "html"):
        return 1
    import csv

    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if kind == "csv":
            with path.open(encoding="utf-8", errors="replace", newline="") as handle:
                rows = sum(1 for row in csv.reader(handle) if any(c.strip() for c in row))
            return max(0, rows - 1)
    except (OSError, csv.Error):
        return None
    return None
