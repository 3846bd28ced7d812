"""eventwatch ingest: every document once, nothing lost when a job dies (issue 14)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.engines import LocalEngine, ProcessEngine, ingest
from eventwatch.pipeline import PipelineSpec
from eventwatch.store import Store

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.issue(14)

STUB = ROOT / "tests" / "data" / "stub_pipeline.toml"
runner = CliRunner()


def _corpus(name: str, n: int) -> list[dict]:
    with (SHARED / "corpus" / name).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return rows[:n]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _export(url: str) -> list[str]:
    """The store's counts and every event record, sorted: equal stores give equal lists."""
    with Store.open(url) as store:
        lines = sorted(json.dumps(r, sort_keys=True) for r in store.iter_events())
        stats = store.stats()
    counts = {k: stats[k] for k in ("documents", "events", "errors", "duplicates")}
    return [json.dumps(counts), *lines]


def test_ingesting_twice_adds_nothing_and_a_changed_text_is_a_new_version(tmp_path) -> None:
    rows = _corpus("voa_2025.jsonl", 6)
    source = _write(tmp_path / "a.jsonl", rows)
    db = str(tmp_path / "s.db")
    spec = PipelineSpec.load(STUB)
    with Store.open(db) as store:
        first = ingest(source, store=store, spec=spec, engine=LocalEngine())
        again = ingest(source, store=store, spec=spec, engine=LocalEngine())
        assert (first.documents, again.documents, again.known) == (6, 0, 6)
        changed = [dict(rows[0], text=rows[0]["text"] + " Rebels attacked the town.")]
        third = ingest(_write(tmp_path / "b.jsonl", changed), store=store, spec=spec,
                       engine=LocalEngine())  # fmt: skip
        assert third.documents == 1
        stats = store.stats()
        assert (stats["documents"], stats["versions"]) == (6, 7)
        assert store.document(rows[0]["id"])["text"].endswith("attacked the town.")


def test_a_wire_copy_is_linked_to_its_first_copy_not_coded_again(tmp_path) -> None:
    story = _corpus("voa_2025.jsonl", 1)[0]
    copy = dict(
        story,
        id="copy-in-another-paper",
        text="Rebels attack as officials speak\nBy Staff Writer\n"
        + story["text"]
        + "\nCopyright 2025. All rights reserved.",
    )
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        report = ingest(_write(tmp_path / "w.jsonl", [story, copy]), store=store,
                        spec=PipelineSpec.load(STUB), engine=LocalEngine())  # fmt: skip
        assert (report.documents, report.duplicates) == (1, 1)
        stored = store.document("copy-in-another-paper")
        assert stored["status"] == "duplicate" and stored["duplicate_of"] == story["id"]
        assert stored["events"] == [] and stored["text"] == copy["text"]
        later = ingest(_write(tmp_path / "l.jsonl", [dict(copy, id="third-paper")]), store=store,
                       spec=PipelineSpec.load(STUB), engine=LocalEngine())  # fmt: skip
        assert later.duplicates == 1  # the stored signatures find the first copy on a later run


def test_a_batch_with_one_percent_broken_items_keeps_every_good_document(tmp_path) -> None:
    lines = []
    broken = 0
    for n in range(10_000):
        if n % 100 == 7:
            kind = (n // 100) % 6
            broken += 1
            lines.append(
                [
                    "{not json",
                    json.dumps({"id": f"d{n}", "title": "no text"}),
                    json.dumps({"id": f"d{n}", "text": 42}),
                    json.dumps({"id": f"d{n}", "text": "   "}),
                    json.dumps({"id": f"d{n}", "text": "Rebels attacked.", "pub_date": "May 5"}),
                    json.dumps({"id": f"d{n}", "text": "x" * 5_000_001}),
                ][kind]
            )
        else:
            lines.append(json.dumps({"id": f"d{n}", "text": f"Rebels attacked town {n}."}))
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(source), "--db", db, "--config", str(STUB),
                                 "--batch", "500"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "coded 9," in result.stderr
    with Store.open(db) as store:
        stats = store.stats()
        errors = store.ingest_errors()
    assert stats["coded"] == 9_900 - 0 and stats["events"] == 9_900
    reasons = {e["reason"].split("]")[0] + "]" for e in errors}
    assert len(errors) + stats["failed_documents"] == broken
    assert all(e["line"] for e in errors) and "[document-json]" in reasons


def test_workers_store_the_same_records(tmp_path, pipeline) -> None:
    source = _write(tmp_path / "v.jsonl", _corpus("voa_2025.jsonl", 10))
    urls = [str(tmp_path / "one.db"), str(tmp_path / "two.db")]
    for url, engine in zip(urls, [LocalEngine(), ProcessEngine(2, batch_size=2)], strict=True):
        with Store.open(url) as store:
            ingest(source, store=store, spec=PipelineSpec.load(), engine=engine)
    assert _export(urls[0]) == _export(urls[1])


def test_a_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path, store_url) -> None:
    source = _write(tmp_path / "news.jsonl", _corpus("news_mix.jsonl", 1200))
    command = [sys.executable, "-m", "eventwatch", "ingest", str(source), "--db", store_url,
               "--config", str(STUB), "--batch", "10"]  # fmt: skip
    point = random.Random().randint(30, 900)  # documents stored when the job is killed
    job = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while stored < point and job.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
        with Store.open(store_url) as store:
            stored = store.stats()["documents"]
    assert job.poll() is None, f"the job ended before it could be killed at {point} documents"
    job.kill()  # SIGKILL: no cleanup, no last write
    job.wait()
    with Store.open(store_url) as store:
        partial = store.stats()["documents"]
    assert 0 < partial < 1200
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert f"{partial:,} already stored" in finished.stderr
    clean = str(tmp_path / "clean.db")
    subprocess.run([*command[:6], clean, *command[7:]], cwd=ROOT, capture_output=True, check=True)
    with Store.open(store_url) as store:
        ids = [d["id"] for d in store.documents(limit=100_000)]
    assert len(ids) == len(set(ids)), "a document was stored twice"
    assert _export(store_url) == _export(clean), f"killed at {partial} documents"
