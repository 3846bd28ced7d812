"""The engine interface."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from ..exceptions import DocumentError, EngineError
from ..pipeline import PipelineSpec
from ..records import Article, CodedDocument

__all__ = ["ENGINES", "Engine", "engine_for"]


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


#: the engines a command can name (``--engine``)
ENGINES = ("local", "ray")


def engine_for(
    workers: int = 1, *, batch_size: int = 16, kind: str = "local", address: str | None = None
) -> Engine:
    """The engine a command asked for.

    ``local``: the in-process engine for one worker, worker processes for more.
    ``ray``: ``workers`` actors on the Ray cluster at ``address`` (see
    :class:`~eventwatch.engines.RayEngine`; ``None`` starts a local one).
    """
    from ._local import LocalEngine
    from ._processes import ProcessEngine
    from ._ray import RayEngine

    if kind == "ray":
        return RayEngine(workers, address=address, batch_size=batch_size)
    if kind != "local":
        raise EngineError(
            f"unknown engine {kind!r}: choose one of {', '.join(ENGINES)}", code="engine-kind"
        )
    if address is not None:
        raise EngineError("--address names a Ray cluster: add --engine ray", code="engine-kind")
    return LocalEngine() if workers <= 1 else ProcessEngine(workers, batch_size=batch_size)
