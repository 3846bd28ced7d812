"""Ray: the pipeline in actors on a Ray cluster, a laptop's or a data centre's.

The driver (this process) reads the input and cuts it into *rounds* of at most
``round_size`` items. Each round is a Ray Data dataset (``from_items``, one
block per ``batch_size`` items) coded by ``map_batches`` with a pool of
``workers`` actors (:class:`_Coder`): each actor builds the pipeline from the
spec once and codes whole blocks. Actors return plain rows, never parser
objects: the input position, the document's JSON (``CodedDocument.to_dict``),
the actor's process id and its timings. The driver puts the rows back in input
order and yields :class:`~eventwatch.records.CodedDocument` records, so the
ingest job writes them exactly as it writes the local engines' (one writer,
in order, the same skips and the same resume after a kill).

An actor that dies is restarted and its blocks are retried (Ray Data's
defaults for actor pools: ``max_restarts=-1``, ``max_task_retries=-1``); a
position the driver already holds is never yielded twice, so a retry adds
nothing. Memory stays flat: one round's items and rows at a time.

Ray is an optional dependency (``pip install 'eventwatch[ray]'``) imported
only when this engine codes; without it the engine raises
:class:`~eventwatch.exceptions.EngineError` with the code ``engine-ray-missing``.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import pickle
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._version import __version__
from ..exceptions import DocumentError, EngineError, EventwatchError
from ..pipeline import Pipeline, PipelineSpec
from ..records import Article, CodedDocument
from ._base import Engine

__all__ = ["RayEngine"]

#: items per actor in one round: enough that an actor's start (about 3 s: imports,
#: model, word lists) is small beside the round's coding (about a minute)
PER_WORKER = 512

#: how every record coded by this eventwatch names its pipeline (model and config follow)
_OURS = f"eventwatch {__version__};"

#: how an actor's own failure starts, so the driver can tell it from Ray's
_FAILED = "eventwatch worker failed: "

#: called on the driver for each coded block with the process id of the actor that coded it
OnBatch = Callable[[int], None]


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise EngineError(
            f"the Ray engine needs Ray: pip install 'eventwatch[ray]' ({exc})",
            code="engine-ray-missing",
        ) from exc
    return ray


class _Coder:
    """A Ray Data actor: builds the pipeline once, codes one block per call.

    The pickled spec is a class attribute of a subclass made per job
    (:func:`_coder_for`), so it travels with the class, not as an argument
    Ray would keep in the object store for restarts.
    """

    payload: bytes = b""

    def __init__(self) -> None:
        spec: PipelineSpec = pickle.loads(self.payload)
        with _told_plainly():
            self.pipeline: Pipeline = spec.build()
        self.pid = os.getpid()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items = [pickle.loads(item) for item in batch["item"]]
        before = dict(self.pipeline.timings)
        with _told_plainly():
            docs = list(self.pipeline.code_articles(items))
        spent = {k: v - before.get(k, 0.0) for k, v in self.pipeline.timings.items()}
        return {
            "seq": [int(seq) for seq in batch["seq"]],
            "record": [json.dumps(doc.to_dict(), ensure_ascii=False) for doc in docs],
            "pid": [self.pid] * len(docs),
            # the block's timings ride on its first row only, so they are summed once
            "timings": [json.dumps(spent)] + [""] * (len(docs) - 1),
        }


class RayEngine(Engine):
    """Codes in ``workers`` Ray actors, ``batch_size`` items to a block, in input order.

    ``address`` is the cluster: ``None`` starts a local one for the job (or uses
    the one this process already joined), ``"auto"`` joins the cluster started
    on this machine with ``ray start``, ``"ray://host:10001"`` one elsewhere.
    ``on_batch`` sees the process id of the actor behind every coded block.
    """

    def __init__(
        self,
        workers: int = 1,
        *,
        address: str | None = None,
        batch_size: int = 16,
        round_size: int | None = None,
        on_batch: OnBatch | None = None,
    ) -> None:
        if workers < 1:
            raise EngineError(f"workers must be at least 1, got {workers}", code="engine-workers")
        self.workers = workers
        self.address = address
        self.batch_size = batch_size
        self.round_size = round_size or PER_WORKER * workers
        self.on_batch = on_batch
        self.timings = {}

    def code(
        self, spec: PipelineSpec, items: Iterable[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        ray = _import_ray()
        iterator = iter(items)
        chunk = list(itertools.islice(iterator, self.round_size))
        if not chunk:  # nothing to code (a rerun of a finished job): no cluster needed
            return
        with _ray_errors(ray, ConnectionError, RuntimeError, ValueError):
            started = self._connect(ray)
        try:
            coder = _coder_for(spec)
            while chunk:
                yield from self._round(ray, coder, chunk)
                chunk = list(itertools.islice(iterator, self.round_size))
        finally:
            if started:
                ray.shutdown()

    def _connect(self, ray: Any) -> bool:
        """Join the cluster; True when this call started Ray (and so stops it after the job)."""
        if ray.is_initialized():
            return False
        ray.init(
            address=self.address,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )
        _notes_to_stderr(ray)
        return True

    def _round(
        self, ray: Any, coder: type[_Coder], chunk: list[Article | DocumentError]
    ) -> Iterator[CodedDocument]:
        # Ray Data's notes on each execution ("finished in 3 s") are not the user's business
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        rows = [{"seq": seq, "item": pickle.dumps(item)} for seq, item in enumerate(chunk)]
        blocks = -(-len(rows) // self.batch_size)
        dataset = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            coder,
            batch_size=self.batch_size,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=min(self.workers, blocks)),
            num_cpus=1,
        )
        waiting: dict[int, CodedDocument] = {}
        following = 0
        with _ray_errors(ray):
            for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                if self.on_batch is not None and len(batch["pid"]):
                    self.on_batch(int(batch["pid"][0]))
                for seq, record, timings in zip(
                    batch["seq"], batch["record"], batch["timings"], strict=True
                ):
                    if timings:
                        self.add_timings(json.loads(timings))
                    if int(seq) >= following:
                        waiting[int(seq)] = _document(json.loads(record))
                while following in waiting:
                    yield waiting.pop(following)
                    following += 1
        if following != len(chunk):
            raise EngineError(
                f"the cluster returned {following} of {len(chunk)} documents of a round",
                code="engine-ray",
            )


def _notes_to_stderr(ray: Any) -> None:
    """Send the cluster's notes ("a task failed and will be retried") to stderr.

    Ray prints them on stdout, where ``eventwatch code`` writes its records; a
    note in the middle of a JSON stream would break it. Done only for a cluster
    this engine started (its driver is then an eventwatch command).
    """
    module: Any = getattr(getattr(ray, "_private", None), "worker", None)
    original = getattr(module, "print_to_stdstream", None)
    if original is None or getattr(original, "eventwatch", False):
        return

    def to_stderr(data: dict[str, Any], ignore_prefix: bool) -> None:
        original(dict(data, is_err=True), ignore_prefix)

    to_stderr.eventwatch = True  # type: ignore[attr-defined]
    module.print_to_stdstream = to_stderr


def _document(record: dict[str, Any]) -> CodedDocument:
    """The record an actor sent, refused if a different eventwatch coded it."""
    if not str(record.get("version") or "").startswith(_OURS):
        raise EngineError(
            f"a Ray worker runs {record.get('version')!r}, this driver eventwatch "
            f"{__version__}: install the same eventwatch on every node (docs/ray.md)",
            code="engine-ray-version",
        )
    return CodedDocument.from_dict(record)


def _coder_for(spec: PipelineSpec) -> type[_Coder]:
    return type("Coder", (_Coder,), {"payload": pickle.dumps(spec)})


@contextlib.contextmanager
def _told_plainly() -> Iterator[None]:
    """In an actor: our error as a plain one whose text the driver finds (Ray must
    unpickle what an actor raises, and keyword-only fields do not survive that)."""
    try:
        yield
    except EventwatchError as exc:
        raise RuntimeError(f"{_FAILED}{type(exc).__name__}: {exc}") from None


@contextlib.contextmanager
def _ray_errors(ray: Any, *more: type[Exception]) -> Iterator[None]:
    """Ray's failures (and ``more``) as :class:`EngineError`: ``engine-ray-worker`` when
    an actor could not build its pipeline or code, ``engine-ray`` for the rest."""
    try:
        yield
    except EventwatchError:
        raise
    except (ray.exceptions.RayError, *more) as exc:
        text = str(exc)
        told = re.search(f"{_FAILED}(.+)", text)
        if told is not None:
            raise EngineError(
                f"a Ray worker could not code: {told.group(1)}", code="engine-ray-worker"
            ) from None
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        last = lines[-1] if lines else type(exc).__name__
        raise EngineError(f"the Ray cluster failed: {last}", code="engine-ray") from exc
