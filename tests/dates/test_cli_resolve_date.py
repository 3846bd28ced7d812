"""``eventwatch resolve-date`` as a user runs it (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app

runner = CliRunner()


@pytest.mark.issue(4)
def test_one_expression_prints_one_json_object() -> None:
    result = runner.invoke(app, ["resolve-date", "last Sunday", "--ref", "2023-09-29"])
    assert result.exit_code == 0
    assert result.stdout == (
        '{"text": "last Sunday", "start": "2023-09-24", "end": null, '
        '"granularity": "day", "date_type": "exact"}\n'
    )


@pytest.mark.issue(4)
def test_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "the spring", "ref": "2023-09-29"}\n'
        '{"id": "b", "text": "Friday", "ref": "29/09/2023"}\n'
        "not json\n"
        '{"id": "c", "text": "during Ramadan", "ref": "2023-09-29"}\n'
    )
    result = runner.invoke(app, ["resolve-date", str(source), "--format", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {
        "id": "a",
        "start": "2023-03-01",
        "end": "2023-05-31",
        "granularity": "season",
        "date_type": "approximate",
    }
    assert lines[1] == {"id": "b", "error": "unparseable ref '29/09/2023' (expected YYYY-MM-DD)"}
    assert lines[2]["id"] == "line 3" and lines[2]["error"].startswith("line 3: not JSON")
    assert lines[3] == {
        "id": "c",
        "start": None,
        "end": None,
        "granularity": None,
        "date_type": "unresolved",
    }


@pytest.mark.issue(17)
def test_an_anchor_dates_the_anaphora(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["resolve-date", "the previous day", "--ref", "2023-09-29", "--anchor", "2020-05-05"]
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["start"] == "2020-05-04"
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "a", "text": "three days later", "ref": "2023-09-29", "anchor": "2020-05-05"}\n'
        '{"id": "b", "text": "three days later", "ref": "2023-09-29", "anchor": "soon"}\n'
    )
    result = runner.invoke(app, ["resolve-date", str(source), "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["start"] == "2020-05-08"
    assert lines[1] == {"id": "b", "error": "unparseable anchor 'soon' (expected YYYY-MM-DD)"}


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["resolve-date", "Friday", "--ref", "2023-13-01"], "unparseable ref '2023-13-01'"),
        (["resolve-date", "that day", "--anchor", "05/05/2020"], "unparseable anchor '05/05/2020'"),
        (["resolve-date", "missing.jsonl", "--format", "jsonl"], "missing.jsonl: no such file"),
        (["resolve-date", "Friday", "--format", "xml"], "xml"),
    ],
)
def test_bad_usage_exits_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
