"""The pipeline in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..exceptions import DocumentError
from ..pipeline import Pipeline, PipelineSpec
from ..records import Article, CodedDocument
from ._base import Engine

__all__ = ["LocalEngine"]


class LocalEngine(Engine):
    """Codes in this process.

    Given a ready ``pipeline`` (a test's, or one already loaded), it codes with
    that one whatever spec it is asked for; otherwise it builds the pipeline of
    a spec once and keeps it while the same spec comes back.
    """

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self._given = pipeline
        self._built: tuple[PipelineSpec, Pipeline] | None = None
        self.timings = {}

    def pipeline(self, spec: PipelineSpec) -> Pipeline:
        if self._given is not None:
            return self._given
        if self._built is None or self._built[0] is not spec:
            self._built = (spec, spec.build())
        return self._built[1]

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        pipeline = self.pipeline(spec)
        before = dict(pipeline.timings)
        try:
            yield from pipeline.code_articles(items)
        finally:
            self.add_timings({k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()})
