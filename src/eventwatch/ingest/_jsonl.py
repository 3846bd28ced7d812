"""JSON lines: one ``{"id","text","title"?,"url"?,"pub_date"?,"source"?,"language"?}`` per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..exceptions import DocumentError
from ..records import Article
from ._common import ReadOptions, article_from_record, decode, document_error
from ._streams import LineReader, LineTooLong

__all__ = ["line_limit", "read_jsonl", "read_jsonl_records"]


def line_limit(max_bytes: int) -> int:
    """The longest line that can hold a text of ``max_bytes``: JSON escapes one byte in six
    characters at worst (``\\u0001``), and the other fields need room too."""
    return 6 * max_bytes + (1 << 16)


def read_jsonl(
    stream: BinaryIO, *, name: str, origin: str, options: ReadOptions
) -> Iterator[Article | DocumentError]:
    """One article or error per non-blank line, as the lines are read.

    A record without an id is named after its place (``batch.jsonl:12``);
    ``origin`` (the path as given) and the line number say where each was read.
    """
    lines = LineReader(stream, limit=line_limit(options.max_bytes))
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            return
        except LineTooLong as exc:
            where = f"{origin}:{exc.number}"
            yield document_error(
                f"line is over {line_limit(options.max_bytes):,} bytes: "
                f"no text within the limit of {options.max_bytes:,} is that long",
                doc_id=f"{name}:{exc.number}",
                origin=where,
                code="document-size",
            )
            continue
        except OSError as exc:
            where = f"{origin}:{lines.number + 1}"
            yield document_error(
                f"cannot read: {exc}", doc_id=name, origin=where, code="document-read"
            )
            return
        if raw.strip():
            where = f"{origin}:{lines.number}"
            yield _record(raw, fallback_id=f"{name}:{lines.number}", origin=where, options=options)


def _record(
    raw: bytes, *, fallback_id: str, origin: str, options: ReadOptions
) -> Article | DocumentError:
    try:
        line, warnings = decode(raw, origin=origin)
    except ValueError as exc:
        return document_error(str(exc), doc_id=fallback_id, origin=origin, code="document-binary")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return document_error(
            f"not JSON ({exc.msg} at column {exc.colno})",
            doc_id=fallback_id,
            origin=origin,
            code="document-json",
        )
    except RecursionError:
        return document_error(
            "not JSON (nested too deeply)", doc_id=fallback_id, origin=origin, code="document-json"
        )
    if not isinstance(record, dict):
        return document_error(
            f"expected a JSON object, got {type(record).__name__}",
            doc_id=fallback_id,
            origin=origin,
            code="document-json",
        )
    return article_from_record(
        record, fallback_id=fallback_id, origin=origin, options=options, warnings=warnings
    )


def read_jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record or error message) for each non-blank line of a JSONL file.

    For the commands that read JSON lines that are not articles (gold files,
    mentions to resolve).
    """
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
