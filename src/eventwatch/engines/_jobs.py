"""Jobs that read a source, code it with an engine, and stream the records out."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import read_inputs
from ..pipeline import PipelineSpec
from ..records import CodedDocument
from ._base import Engine

__all__ = ["BatchReport", "code_inputs"]


@dataclass
class BatchReport:
    """What a batch did, counted as its documents pass: the line every batch ends with."""

    documents: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, doc: CodedDocument) -> None:
        self.documents += 1
        self.with_errors += bool(doc.errors)
        self.with_warnings += bool(doc.warnings)
        self.events += len(doc.events)

    def line(self, *, interrupted: bool = False) -> str:
        """``coded 89 documents (0 with errors, 2 with warnings), 2,362 events in 17.1 s``."""
        seconds = time.perf_counter() - self.started
        what = "interrupted after" if interrupted else "coded"
        return (
            f"{what} {self.documents:,} document{'' if self.documents == 1 else 's'} "
            f"({self.with_errors:,} with errors, "
            f"{self.with_warnings:,} with warnings), {self.events:,} events in {seconds:.1f} s"
        )


def code_inputs(
    source: str | Path,
    *,
    spec: PipelineSpec,
    engine: Engine,
    pub_date: dt.date | None = None,
    report: BatchReport | None = None,
) -> Iterator[CodedDocument]:
    """Every document of ``source`` coded, in input order, as it is read (``eventwatch code``).

    Unreadable documents come back as records that carry only their error; so
    does a document whose id an earlier one of the input had (its event ids
    would collide), with both places in the message. ``report`` counts what passes.
    """
    items = read_inputs(
        source, pub_date=pub_date, max_bytes=spec.config.input.max_bytes, unique_ids=True
    )
    for doc in engine.code(spec, items):
        if report is not None:
            report.add(doc)
        yield doc
