"""Engines run a pipeline over a stream of articles: in this process, or in worker processes.

Every engine takes a :class:`~eventwatch.pipeline.PipelineSpec` (what the
pipeline is built from; it pickles in kilobytes) and an iterable of articles,
and yields :class:`~eventwatch.records.CodedDocument` records in input order.
The output does not depend on the engine or the number of workers: each
document is coded alone, and its ids come from its content. Engines sit around
the pipeline, never inside a stage.

* :class:`LocalEngine`: the pipeline in this process.
* :class:`ProcessEngine`: ``workers`` processes, each loading the pipeline once;
  batches are fed through a bounded window, so memory stays flat on streamed input.
* :class:`RayEngine`: ``workers`` actors on a Ray cluster (Ray Data ``map_batches``),
  with Ray as an optional extra (``pip install 'eventwatch[ray]'``; docs/ray.md).
"""

from __future__ import annotations

from ._base import ENGINES, Engine, engine_for
from ._imports import ImportReport, import_events
from ._ingest import IngestReport, ingest, ingest_items, watch
from ._jobs import BatchReport, code_inputs
from ._local import LocalEngine, pipeline_for
from ._processes import ProcessEngine
from ._ray import RayEngine

__all__ = [
    "BatchReport",
    "ENGINES",
    "Engine",
    "ImportReport",
    "IngestReport",
    "LocalEngine",
    "ProcessEngine",
    "RayEngine",
    "code_inputs",
    "engine_for",
    "import_events",
    "ingest",
    "ingest_items",
    "pipeline_for",
    "watch",
]
