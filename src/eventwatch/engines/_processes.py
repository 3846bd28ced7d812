"""Worker processes: each loads the pipeline once and codes whole batches.

The parent reads the input, cuts it into batches and keeps at most
``window`` batches in flight; results come back in input order. Workers are
started with ``spawn``, so they share no state with the parent (no inherited
threads, no half-open files), and each builds its pipeline from the spec in
its initializer: the model loads once per worker, and the coding, not only the
parse, runs there. Each worker keeps its BLAS library to one thread: the
workers are the parallelism, and N workers each running a BLAS pool as wide as
the machine fight over the cores.
"""

from __future__ import annotations

import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import threadpoolctl

from ..exceptions import DocumentError, EngineError
from ..pipeline import Pipeline, PipelineSpec
from ..records import Article, CodedDocument
from ._base import Engine

__all__ = ["ProcessEngine"]

#: the pipeline of this worker process, built once by :func:`_start_worker`
_WORKER_PIPELINE: Pipeline | None = None

Batch = list[Article | DocumentError]
Result = tuple[list[CodedDocument], dict[str, float]]


def _start_worker(payload: bytes) -> None:
    global _WORKER_PIPELINE
    threadpoolctl.threadpool_limits(1)
    spec: PipelineSpec = pickle.loads(payload)
    _WORKER_PIPELINE = spec.build()


def _code_batch(batch: Batch) -> Result:
    pipeline = _WORKER_PIPELINE
    assert pipeline is not None, "worker started without a pipeline"
    before = dict(pipeline.timings)
    docs = list(pipeline.code_articles(batch))
    return docs, {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}


class ProcessEngine(Engine):
    """Codes in ``workers`` processes, ``batch_size`` articles to a task, in input order."""

    def __init__(self, workers: int, *, batch_size: int = 16, window: int | None = None) -> None:
        if workers < 1:
            raise EngineError(f"workers must be at least 1, got {workers}", code="engine-workers")
        self.workers = workers
        self.batch_size = batch_size
        self.window = window or 2 * workers
        self.timings = {}

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        payload = pickle.dumps(spec)
        context = multiprocessing.get_context("spawn")
        batches = _batches(items, self.batch_size)
        pending: deque[Future[Result]] = deque()
        with ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_start_worker, initargs=(payload,)
        ) as pool:
            try:
                for batch in batches:
                    pending.append(pool.submit(_code_batch, batch))
                    if len(pending) >= self.window:
                        yield from self._collect(pending.popleft())
                while pending:
                    yield from self._collect(pending.popleft())
            except BrokenProcessPool as exc:
                raise EngineError(
                    f"a worker process died ({exc}); the documents returned so far are kept",
                    code="engine-worker",
                ) from exc
            finally:
                for future in pending:
                    future.cancel()

    def _collect(self, future: Future[Result]) -> list[CodedDocument]:
        docs, timings = future.result()
        self.add_timings(timings)
        return docs


def _batches(items: Iterable[Article | DocumentError], size: int) -> Iterator[Batch]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
