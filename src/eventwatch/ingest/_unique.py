"""Duplicate ids in one input: the later item is an error naming both places.

``eventwatch code`` applies this filter (two documents under one id would give
colliding event ids); ``ingest`` does not, since the store keeps a changed
text under a known id as a new version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..exceptions import DocumentError
from ..records import Article

__all__ = ["reject_duplicate_ids"]


def reject_duplicate_ids(
    items: Iterable[Article | DocumentError],
) -> Iterator[Article | DocumentError]:
    """``items`` as they come, but an article whose id came before is a ``document-duplicate-id``
    error that says where both were read. Memory grows with the number of ids only."""
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            where = item.origin or "?"
            if item.id in first:
                yield DocumentError(
                    f"{where}: duplicate id {item.id!r}: already read at {first[item.id]}",
                    doc_id=item.id,
                    origin=where,
                    code="document-duplicate-id",
                )
                continue
            first[item.id] = where
        yield item
