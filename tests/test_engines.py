"""Engines: the same records in this process and in worker processes, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch import Article, EngineError, Pipeline
from eventwatch.engines import LocalEngine, ProcessEngine, engine_for
from eventwatch.pipeline import PipelineSpec
from eventwatch.pipeline.config import PipelineConfig, StageConfig

from .conftest import SEED, SHARED

pytestmark = pytest.mark.issue(13)


def _corpus(n: int) -> list[Article]:
    articles = [Article(id="seed", text=SEED.read_text("utf-8"))]
    with (SHARED / "corpus" / "voa_2025.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(Article(id=record["id"], text=record["text"]))
            if len(articles) >= n:
                break
    return articles


def _stub_spec(*names: str) -> PipelineSpec:
    from .stubs import FakeParser

    config = PipelineConfig(
        plugins=["tests.stubs"],
        stages=[StageConfig(name=n) for n in (*names, "test.keyword_events.v1")],
    )
    return PipelineSpec(config, parser=FakeParser())


def test_worker_processes_give_the_records_of_one_process(pipeline: Pipeline) -> None:
    articles = _corpus(12)
    here = [d.to_dict() for d in LocalEngine(pipeline).code(pipeline.spec, articles)]
    engine = ProcessEngine(2, batch_size=3)
    there = [d.to_dict() for d in engine.code(PipelineSpec.load(), articles)]
    assert [d["id"] for d in there] == [a.id for a in articles]
    assert json.dumps(there, sort_keys=True) == json.dumps(here, sort_keys=True)
    assert engine.timings["parse"] > 0 and engine.timings["eventwatch.places.v1"] > 0


def test_input_is_read_only_a_window_ahead() -> None:
    consumed = []

    def stream():
        for n in range(200):
            consumed.append(n)
            yield Article(id=str(n), text=f"Rebels attacked town {n}.")

    engine = ProcessEngine(2, batch_size=5, window=3)
    docs = engine.code(_stub_spec(), stream())
    first = next(docs)
    assert first.id == "0" and len(first.events) == 1
    assert len(consumed) <= 5 * 4  # the window, plus the batch being cut
    rest = list(docs)
    assert [d.id for d in rest] == [str(n) for n in range(1, 200)]


def test_a_worker_that_dies_is_an_engine_error() -> None:
    articles = [Article(id=str(n), text="Rebels attacked." if n != 7 else "die") for n in range(20)]
    engine = ProcessEngine(2, batch_size=2)
    got = []
    with pytest.raises(EngineError, match="a worker process died") as caught:
        for doc in engine.code(_stub_spec("test.crash_on_word.v1"), articles):
            got.append(doc.id)
    assert caught.value.code == "engine-worker"
    assert got == [str(n) for n in range(len(got))] and "7" not in got


def test_engine_for_picks_processes_only_for_several_workers(tmp_path: Path) -> None:
    assert isinstance(engine_for(1), LocalEngine)
    assert isinstance(engine_for(3), ProcessEngine) and engine_for(3).workers == 3
    with pytest.raises(EngineError, match="at least 1"):
        ProcessEngine(0)
