"""`eventwatch code` as a user runs it."""

import json

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.records import default_id

from .conftest import SEED

runner = CliRunner()
GOOD = "Israeli soldiers arrested more than 100 Palestinians on Saturday in Hebron."


def test_doc_format_follows_the_contract() -> None:
    result = runner.invoke(app, ["code", str(SEED), "--pub-date", "2023-09-29", "--format", "doc"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["id"] == "kosovo-2023-09-29" and doc["pub_date"] == "2023-09-29"
    for key in ("language", "sentences", "events", "times", "places", "quotes", "errors"):
        assert key in doc
    event = doc["events"][0]
    for key in (
        "id",
        "type",
        "mode",
        "context",
        "cameo",
        "source",
        "target",
        "negated",
        "hypothetical",
        "historical",
        "reported_by",
        "date",
        "location",
        "killed",
        "injured",
        "evidence",
        "confidence",
    ):
        assert key in event
    text = SEED.read_text("utf-8")
    for event in doc["events"]:
        trigger = event["evidence"]["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        for actor in event["source"] + event["target"]:
            assert text[actor["start"] : actor["end"]] == actor["text"]


def test_jsonl_format_prints_one_event_per_line(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": GOOD})
        + "\nnot json\n"
        + json.dumps({"id": "two", "text": GOOD})
        + "\n"
    )
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["doc_id"] for e in events} == {"one", "two"}
    assert all(e["type"] == "COERCE" for e in events)
    assert "batch.jsonl:2: not JSON" in result.stderr


def test_stdin_input() -> None:
    result = runner.invoke(app, ["code", "-", "--format", "doc"], input=GOOD)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["id"] == default_id(GOOD, "stdin") and doc["events"]
    other = runner.invoke(app, ["code", "-", "--format", "doc"], input=GOOD + " Again.")
    assert json.loads(other.stdout)["id"] != doc["id"]  # two texts never share an id


def test_table_format_names_types_and_actors() -> None:
    result = runner.invoke(app, ["code", "-", "--format", "table"], input=GOOD)
    assert result.exit_code == 0
    assert "COERCE" in result.stdout and "ISR MIL" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["code", "missing.txt"], "no such file or directory"),
        (["code", "-", "--pub-date", "29/09/2023"], "unparseable pub_date"),
        (["code", "-", "--format", "xml"], "xml"),
    ],
)
def test_bad_usage_exits_2(args, message) -> None:
    result = runner.invoke(app, args, input=GOOD)
    assert result.exit_code == 2
    assert message in result.output


def test_bad_documents_are_reported_and_the_rest_coded(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "c.txt").write_text("")
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "doc"])
    assert result.exit_code == 0
    docs = {d["id"]: d for d in map(json.loads, result.stdout.splitlines())}
    assert docs["a"]["events"] and not docs["a"]["errors"]
    assert docs["b"]["errors"][0]["stage"] == "input"
    assert "binary" in docs["b"]["errors"][0]["message"]
    # the message says where the document was read
    assert docs["c"]["errors"][0]["message"] == f"{tmp_path / 'c.txt'}: empty document"
    assert docs["c"]["errors"][0]["code"] == "document-empty"
    assert f"b: input: {tmp_path / 'b.txt'}: binary data" in result.stderr


def test_every_command_has_help_and_is_in_the_readme() -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    for command in app.registered_commands:
        assert command.callback.__doc__, command.name
        assert f"eventwatch {command.name}" in readme


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["code", "missing.txt"], 2, "no such file or directory"),
        (["code", "-", "--format", "xml"], 2, "'xml' is not one of"),
        (
            ["evaluate", "README.md", "--task", "nope"],
            2,
            "InputError: [input-task] unknown task 'nope'",
        ),
    ],
)
def test_the_installed_command_exits_2_without_a_traceback(args, code, message) -> None:
    import subprocess
    import sys

    from .conftest import ROOT

    result = subprocess.run(
        [sys.executable, "-m", "eventwatch", *args],
        cwd=ROOT,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
