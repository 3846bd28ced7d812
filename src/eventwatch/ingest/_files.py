"""Reading user input into :class:`Article` records.

``read_inputs`` accepts a ``.txt`` file, a directory of them, a ``.jsonl`` file
(one ``{"id","text","pub_date"?,"title"?,"url"?,"language"?}`` per line) or
``-`` for standard input. Problems with one document are yielded as
:class:`DocumentError` in its place, so the caller can report them and go on.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..exceptions import DocumentError, InputError
from ..records import Article, default_id
from ._common import MAX_BYTES, parse_date

__all__ = ["MAX_BYTES", "count_inputs", "parse_date", "read_inputs", "read_jsonl_records"]


def read_inputs(
    source: str | Path,
    *,
    pub_date: dt.date | None = None,
    stdin: TextIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | DocumentError]:
    """Articles (or per-document errors) from a file, a directory, or ``-``, as a stream.

    Nothing is read ahead: a JSONL file or stream yields one record per line as
    it is read, so memory stays flat whatever the input's size.
    """
    if str(source) == "-":
        yield from _read_stream(stdin or sys.stdin, "stdin", pub_date)
        return
    path = Path(source)
    if path.is_dir():
        files = _files_of(path)
        if not files:
            raise InputError(
                f"{path}: no .txt or .jsonl files in this directory", code="input-empty"
            )
        for file in files:
            yield from _read_file(file, pub_date, max_bytes)
    elif path.is_file():
        yield from _read_file(path, pub_date, max_bytes)
    else:
        raise InputError(f"{path}: no such file or directory", code="input-missing")


def count_inputs(source: str | Path) -> int | None:
    """How many documents ``source`` holds, when that is cheap to know (None for a stream).

    A JSONL file is counted by its non-blank lines, read in large blocks.
    """
    if str(source) == "-":
        return None
    path = Path(source)
    if path.is_dir():
        return sum(_count_file(f) for f in _files_of(path))
    return _count_file(path) if path.is_file() else None


def _files_of(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in {".txt", ".jsonl"})


def _count_file(path: Path) -> int:
    if path.suffix != ".jsonl":
        return 1
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _read_file(
    path: Path, pub_date: dt.date | None, max_bytes: int
) -> Iterator[Article | DocumentError]:
    if path.suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                for number, raw in enumerate(handle, start=1):
                    if raw.strip():
                        yield _record_from_line(raw, f"{path.name}:{number}", pub_date)
        except OSError as exc:
            yield DocumentError(f"cannot read: {exc}", doc_id=path.stem, code="document-read")
        return
    yield _article_from_text_file(path, pub_date, max_bytes)


def _article_from_text_file(
    path: Path, pub_date: dt.date | None, max_bytes: int
) -> Article | DocumentError:
    doc_id = path.stem
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return DocumentError(
                f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                doc_id=doc_id,
                code="document-size",
            )
        data = path.read_bytes()
    except OSError as exc:
        return DocumentError(f"cannot read: {exc}", doc_id=doc_id, code="document-read")
    if b"\x00" in data:
        return DocumentError(
            "binary file (contains NUL bytes), not text", doc_id=doc_id, code="document-binary"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DocumentError(
            f"not valid UTF-8 (byte {exc.start})", doc_id=doc_id, code="document-utf8"
        )
    if not text.strip():
        return DocumentError("empty document", doc_id=doc_id, code="document-empty")
    meta = _sidecar_meta(path)
    try:
        date = parse_date(meta["pub_date"]) if pub_date is None and "pub_date" in meta else pub_date
    except ValueError as exc:
        return DocumentError(str(exc), doc_id=doc_id, code="document-date")
    return Article(
        id=str(meta.get("id", doc_id)),
        text=text.removeprefix("\ufeff"),
        pub_date=date,
        title=meta.get("title"),
        url=meta.get("url"),
        language=str(meta["language"]) if meta.get("language") else None,
    )


def _sidecar_meta(path: Path) -> dict[str, Any]:
    meta_path = path.with_suffix(".meta.json")
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _read_stream(
    stream: TextIO, name: str, pub_date: dt.date | None
) -> Iterator[Article | DocumentError]:
    """A stream whose first non-blank line opens a JSON object is JSONL, read line by line;
    anything else is one article, named after its content."""
    head: list[str] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    first = next((line for line in head if line.strip()), "")
    if first.lstrip().startswith("{"):
        yield _record_from_line(first.encode("utf-8"), f"{name}:{len(head)}", pub_date)
        for number, line in enumerate(stream, start=len(head) + 1):
            if line.strip():
                yield _record_from_line(line.encode("utf-8"), f"{name}:{number}", pub_date)
        return
    text = "".join(head) + stream.read()
    if text.strip():
        yield Article(id=default_id(text, name), text=text, pub_date=pub_date)
    else:
        yield DocumentError("empty input", doc_id=name, code="document-empty")


def read_jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record or error message) for each non-blank line of a JSONL file."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                yield number, f"line {number}: not JSON ({exc})"
                continue
            if not isinstance(record, dict):
                yield number, f"line {number}: expected a JSON object"
                continue
            yield number, record


def _record_from_line(raw: bytes, where: str, pub_date: dt.date | None) -> Article | DocumentError:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return DocumentError(
            f"{where}: not valid UTF-8 (byte {exc.start})", doc_id=where, code="document-utf8"
        )
    except json.JSONDecodeError as exc:
        return DocumentError(f"{where}: not JSON ({exc.msg})", doc_id=where, code="document-json")
    if not isinstance(record, dict):
        return DocumentError(f"{where}: expected a JSON object", doc_id=where, code="document-json")
    doc_id = str(record.get("id") or where)
    text = record.get("text")
    if not isinstance(text, str):
        return DocumentError(
            f"{where}: record has no 'text' string", doc_id=doc_id, code="document-text"
        )
    date = pub_date
    if record.get("pub_date") not in (None, ""):
        try:
            date = parse_date(record["pub_date"])
        except ValueError as exc:
            return DocumentError(f"{where}: {exc}", doc_id=doc_id, code="document-date")
    return Article(
        id=doc_id,
        text=text,
        pub_date=date,
        title=record.get("title"),
        url=record.get("url"),
        language=str(record["language"]) if record.get("language") else None,
    )
