"""The Ray engine on a real local cluster: the same store as the local engines, whatever dies (issue 21)."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.engines import LocalEngine, ProcessEngine, RayEngine, engine_for, ingest
from eventwatch.exceptions import EngineError
from eventwatch.pipeline import PipelineSpec
from eventwatch.records import Article
from eventwatch.store import Store

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.issue(21)

runner = CliRunner()
STUB = ROOT / "tests" / "data" / "stub_pipeline.toml"


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    """One local cluster of 2 CPUs for this file (started once: about 5 s), stopped after it."""
    try:
        import ray
    except ImportError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and Ray is not installed: {exc}")
        pytest.skip("Ray is not installed: pip install -e '.[dev]'")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level=logging.WARNING)  # fmt: skip
    yield ray
    ray.shutdown()


def _source(tmp_path: Path, n: int) -> Path:
    """``n`` real articles, a wire copy of the first (a near-duplicate) and an unreadable line."""
    with (SHARED / "corpus" / "news_mix.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(n), handle, strict=False)]
    copy = dict(rows[0], id="copy-in-another-paper", text="By Staff Writer\n" + rows[0]["text"])
    lines = [json.dumps(r) for r in rows[:5]] + ["{not json"] + [json.dumps(copy)]
    lines += [json.dumps(r) for r in rows[5:]]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _export(url: str, tmp_path: Path) -> bytes:
    """Everything the store holds, as sorted JSON lines: every event of the full export
    (jsonl), every stored document and every error row (less the time it was noted)."""
    out = tmp_path / f"{abs(hash(url))}.export.jsonl"
    with Store.open(url) as store:
        store.export("jsonl", out)
        ids = [d["id"] for d in store.documents(limit=100_000)]
        assert len(ids) == len(set(ids)), "a document was stored twice"
        docs = [json.dumps(store.document(i), sort_keys=True) for i in ids]
        # an error row's created_at is the clock's, the one column no engine decides
        errors = [json.dumps({k: v for k, v in e.items() if k != "created_at"}, sort_keys=True)
                  for e in store.ingest_errors()]  # fmt: skip
    events = out.read_text("utf-8").splitlines()
    return "\n".join(sorted(events) + sorted(docs) + sorted(errors)).encode("utf-8")


def test_ray_stores_what_the_local_engines_store(ray_cluster, tmp_path) -> None:
    source = _source(tmp_path, 24)
    spec = PipelineSpec.load()
    local, workers, on_ray = (str(tmp_path / f"{name}.db") for name in ("local", "w2", "ray"))
    for url, engine in [(local, LocalEngine()), (workers, ProcessEngine(2, batch_size=2))]:
        with Store.open(url) as store:
            ingest(source, store=store, spec=spec, engine=engine, batch_size=5)
    result = runner.invoke(app, ["ingest", str(source), "--db", on_ray, "--engine", "ray",
                                 "--workers", "2", "--batch", "5"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (
        "coded 24 documents" in result.stderr
        and "1 near-duplicates linked, 1 unreadable" in result.stderr
    )
    expected = _export(local, tmp_path)
    assert expected.count(b'"doc_id"') > 24  # events, not an empty store
    assert _export(workers, tmp_path) == expected
    assert _export(on_ray, tmp_path) == expected


def test_a_killed_actor_loses_nothing_and_a_rerun_adds_nothing(
    ray_cluster, pg_cluster, tmp_path
) -> None:
    """Into PostgreSQL (the store for clusters); the test above writes SQLite."""
    source = _source(tmp_path, 24)
    spec = PipelineSpec.load()
    clean, killed = str(tmp_path / "clean.db"), pg_cluster.create_database()
    with Store.open(clean) as store:
        ingest(source, store=store, spec=spec, engine=LocalEngine(), batch_size=5)
    seen: list[int] = []

    def kill_the_first(pid: int) -> None:
        if not seen:  # the first block's actor: Ray Data keeps 2 blocks in flight per actor
            os.kill(pid, signal.SIGKILL)
        seen.append(pid)

    engine = RayEngine(2, batch_size=1, on_batch=kill_the_first)
    with Store.open(killed) as store:
        report = ingest(source, store=store, spec=spec, engine=engine, batch_size=5)
    assert (report.documents, report.duplicates, report.refused) == (24, 1, 1)
    # blocks the victim finished before it died are kept; the ones queued on it were
    # retried on the actor Ray started in its place (a third process id)
    assert len(set(seen)) >= 3, f"no restarted actor coded the retried blocks: {seen}"
    assert _export(killed, tmp_path) == _export(clean, tmp_path)
    with Store.open(killed) as store:
        again = ingest(source, store=store, spec=spec, engine=RayEngine(2), batch_size=5)
    assert (again.documents, again.known, again.duplicates) == (0, 25, 0)
    assert _export(killed, tmp_path) == _export(clean, tmp_path)


def test_coding_on_ray_gives_the_local_records(ray_cluster) -> None:
    items = [Article(id=f"d{n}", text=f"Rebels attacked the town of Goma on day {n}.")
             for n in range(6)]  # fmt: skip
    spec = PipelineSpec.load(STUB)  # the actors import the test's own stage plugin
    local = [d.to_dict() for d in LocalEngine().code(spec, items)]
    engine = RayEngine(2, batch_size=2, round_size=4)  # two rounds, each with its own actors
    assert [d.to_dict() for d in engine.code(spec, items)] == local
    assert engine.timings and all(seconds >= 0 for seconds in engine.timings.values())


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    with pytest.raises(EngineError) as caught:
        list(RayEngine().code(PipelineSpec.load(), [Article(id="a", text="Rebels attacked.")]))
    assert caught.value.code == "engine-ray-missing"
    assert "pip install 'eventwatch[ray]'" in str(caught.value)


def test_engine_for_names_the_ray_engine_and_refuses_others() -> None:
    engine = engine_for(3, kind="ray", address="ray://head:10001")
    assert isinstance(engine, RayEngine) and (engine.workers, engine.address) == (
        3,
        "ray://head:10001",
    )
    with pytest.raises(EngineError, match=r"\[engine-kind\] unknown engine 'dask'"):
        engine_for(2, kind="dask")


def test_an_address_without_the_ray_engine_is_a_clear_error(tmp_path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "none.jsonl"), "--db",
                                 str(tmp_path / "s.db"), "--address", "auto"])  # fmt: skip
    assert isinstance(result.exception, EngineError)  # main() prints it as one line, exit 1
    assert str(result.exception) == "[engine-kind] --address names a Ray cluster: add --engine ray"


def test_a_worker_of_another_release_is_refused() -> None:
    from eventwatch.engines._ray import _document

    record = LocalEngine().code(PipelineSpec.load(STUB), [Article(id="a", text="Rebels attacked.")])
    row = next(record).to_dict()
    assert _document(row).to_dict() == row  # this release's own record passes as it is
    with pytest.raises(EngineError) as caught:
        _document(dict(row, version="eventwatch 0.0.9; en_core_web_sm 3.7.0; config 00000000"))
    assert caught.value.code == "engine-ray-version"


def test_an_actor_that_cannot_build_its_pipeline_says_why(ray_cluster, tmp_path) -> None:
    missing = tmp_path / "not-on-this-node.yaml"
    spec = PipelineSpec.load(
        overrides={"eventwatch.actor_mentions.v1": {"dictionary": str(missing)}}
    )
    with pytest.raises(EngineError) as caught:
        list(RayEngine(1).code(spec, [Article(id="a", text="Rebels attacked.")]))
    assert caught.value.code == "engine-ray-worker"
    assert str(caught.value).startswith(
        "[engine-ray-worker] a Ray worker could not code: DictionaryError:"
    )
    assert str(missing) in str(caught.value)


def test_the_clusters_notes_go_to_stderr_not_into_the_records_on_stdout() -> None:
    from types import SimpleNamespace

    from eventwatch.engines._ray import _notes_to_stderr

    printed: list[tuple[dict, bool]] = []
    worker = SimpleNamespace(
        print_to_stdstream=lambda data, ignore_prefix: printed.append((data, ignore_prefix))
    )
    fake_ray = SimpleNamespace(_private=SimpleNamespace(worker=worker))
    _notes_to_stderr(fake_ray)
    _notes_to_stderr(fake_ray)  # a second job in the same process wraps nothing twice
    worker.print_to_stdstream(
        {"lines": ["Task failed, retrying"], "pid": "raylet", "is_err": False}, False
    )
    assert printed == [
        ({"lines": ["Task failed, retrying"], "pid": "raylet", "is_err": True}, False)
    ]


def test_eventwatch_code_on_ray_prints_the_local_records(ray_cluster, tmp_path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": f"d{n}", "text": f"Rebels attacked town {n}."}) + "\n"
                              for n in range(5)) + "{not json\n", encoding="utf-8")  # fmt: skip
    command = ["code", str(source), "--config", str(STUB), "--format", "doc"]
    local = runner.invoke(app, command)
    on_ray = runner.invoke(app, [*command, "--engine", "ray", "--workers", "2"])
    assert (local.exit_code, on_ray.exit_code) == (0, 0), on_ray.output
    assert on_ray.stdout == local.stdout and on_ray.stdout.count("\n") == 6
