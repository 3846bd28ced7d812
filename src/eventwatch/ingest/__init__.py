"""Sources in, a stream of :class:`~eventwatch.records.Article` out."""

from __future__ import annotations

from ._files import MAX_BYTES, count_inputs, parse_date, read_inputs, read_jsonl_records

__all__ = ["MAX_BYTES", "count_inputs", "parse_date", "read_inputs", "read_jsonl_records"]
