"""``eventwatch quotes`` as a user runs it (issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwatch.cli import app

SEED = Path(__file__).resolve().parents[2] / "examples" / "kosovo-2023-09-29.txt"


def test_quotes_jsonl() -> None:
    result = CliRunner().invoke(app, ["quotes", str(SEED), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {"doc_id", "speaker", "cue", "content", "direct"} <= set(rows[0])
    assert any(r["speaker"] and r["speaker"]["name"] == "John Kirby" for r in rows)


def test_quotes_table_from_stdin() -> None:
    text = "“We will not leave,” the mayor said.\n"
    result = CliRunner().invoke(app, ["quotes", "-", "--format", "table"], input=text)
    assert result.exit_code == 0, result.output
    assert "mayor" in result.stdout


def test_quotes_missing_input() -> None:
    result = CliRunner().invoke(app, ["quotes", "no/such/file.txt"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
