"""Plain-text articles: a ``.txt`` file (``NAME.meta.json`` beside it may add fields), a stream."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from ..exceptions import DocumentError
from ..records import Article, default_id
from ._common import ReadOptions, article_from_record, decode, document_error, refuse_bytes
from ._streams import read_bounded

__all__ = ["article_from_bytes", "read_text", "sidecar_meta"]


def sidecar_meta(path: Path) -> dict[str, Any]:
    """The ``NAME.meta.json`` beside ``NAME.txt`` (``id``, ``pub_date``, ``title``, ``url``, …)."""
    meta_path = path.with_suffix(".meta.json")
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def read_text(
    stream: BinaryIO,
    *,
    name: str | None,
    origin: str,
    options: ReadOptions,
    meta: dict[str, Any] | None = None,
) -> Article | DocumentError:
    """One article from a whole stream, read up to the size limit and no further.

    ``name`` is its id (a file's name); without one (a pipe) the id is made from
    the text (:func:`~eventwatch.records.default_id`).
    """
    data = read_bounded(stream, options.max_bytes)
    return article_from_bytes(data, name=name, origin=origin, options=options, meta=meta)


def article_from_bytes(
    data: bytes,
    *,
    name: str | None,
    origin: str,
    options: ReadOptions,
    meta: dict[str, Any] | None = None,
    prefix: str = "stdin",
) -> Article | DocumentError:
    """One plain-text article from its bytes (UTF-8; bad bytes are replaced and warned about).

    ``meta`` (a sidecar's fields) gives the id, title, url, pub_date, … the text does not.
    """
    meta = meta or {}
    fallback = str(meta.get("id") or name or origin)
    refused = refuse_bytes(data, limit=options.max_bytes)
    if refused:
        return document_error(refused[1], doc_id=fallback, origin=origin, code=refused[0])
    try:
        text, warnings = decode(data, origin=origin)
    except ValueError as exc:
        return document_error(str(exc), doc_id=fallback, origin=origin, code="document-binary")
    doc_id = meta.get("id") or name or default_id(text, prefix)
    record = {**meta, "id": doc_id, "text": text}
    return article_from_record(
        record, fallback_id=fallback, origin=origin, options=options, warnings=warnings
    )
