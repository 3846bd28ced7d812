"""The engine interface."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from ..exceptions import DocumentError
from ..pipeline import PipelineSpec
from ..records import Article, CodedDocument

__all__ = ["Engine", "engine_for"]


class Engine(ABC):
    """Codes a stream of articles with a pipeline, in input order."""

    #: seconds spent in the parse and in each stage, summed over documents and workers
    timings: dict[str, float]

    @abstractmethod
    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        """One record per item, in input order; unreadable items come back with errors."""

    def add_timings(self, delta: dict[str, float]) -> None:
        for step, seconds in delta.items():
            self.timings[step] = self.timings.get(step, 0.0) + seconds


def engine_for(workers: int = 1, *, batch_size: int = 16) -> Engine:
    """The in-process engine for one worker, worker processes for more."""
    from ._local import LocalEngine
    from ._processes import ProcessEngine

    return LocalEngine() if workers <= 1 else ProcessEngine(workers, batch_size=batch_size)
