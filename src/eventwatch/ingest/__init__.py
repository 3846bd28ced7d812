"""Sources in, a stream of :class:`~eventwatch.records.Article` out."""

from __future__ import annotations

from ._files import MAX_BYTES, count_inputs, parse_date, read_inputs, read_jsonl_records
from ._http import USER_AGENT, Fetcher, Response, is_url

__all__ = [
    "MAX_BYTES",
    "USER_AGENT",
    "Fetcher",
    "Response",
    "count_inputs",
    "is_url",
    "parse_date",
    "read_inputs",
    "read_jsonl_records",
]
