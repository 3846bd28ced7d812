"""The pipeline in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..exceptions import DocumentError
from ..pipeline import Pipeline, PipelineSpec
from ..records import Article, CodedDocument
from ._base import Engine

__all__ = ["LocalEngine", "pipeline_for"]


#: pipelines built in this process, by spec key (a server or a test run codes many
#: batches with one config; the model and word lists load once)
_BUILT: dict[str, Pipeline] = {}
_KEEP = 2


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """The pipeline of ``spec``, built once per process for specs of plain config."""
    key = spec.key()
    if key is None:
        return spec.build()
    if key not in _BUILT:
        while len(_BUILT) >= _KEEP:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = spec.build()
    return _BUILT[key]


class LocalEngine(Engine):
    """Codes in this process.

    Given a ready ``pipeline`` (a test's, or one already loaded), it codes with
    that one whatever spec it is asked for; otherwise it uses the process's
    pipeline of the spec (:func:`pipeline_for`).
    """

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self._given = pipeline
        self.timings = {}

    def pipeline(self, spec: PipelineSpec) -> Pipeline:
        return self._given if self._given is not None else pipeline_for(spec)

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        pipeline = self.pipeline(spec)
        before = dict(pipeline.timings)
        try:
            yield from pipeline.code_articles(items)
        finally:
            self.add_timings({k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()})
