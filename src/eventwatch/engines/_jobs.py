"""Jobs that read a source, code it with an engine, and stream the records out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..ingest import read_inputs
from ..pipeline import PipelineSpec
from ..records import CodedDocument
from ._base import Engine

__all__ = ["code_inputs"]


def code_inputs(
    source: str | Path,
    *,
    spec: PipelineSpec,
    engine: Engine,
    pub_date: dt.date | None = None,
) -> Iterator[CodedDocument]:
    """Every document of ``source`` coded, in input order, as it is read (``eventwatch code``).

    Unreadable documents come back as records that carry only their error.
    """
    items = read_inputs(source, pub_date=pub_date, max_bytes=spec.config.input.max_bytes)
    yield from engine.code(spec, items)
