"""Nothing from the input is markup: every command prints the text it was given (issue 15)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.cli.render import visible_text

pytestmark = pytest.mark.issue(15)

runner = CliRunner()

#: pieces that Rich would read as markup or a terminal as commands, and very long tokens
TRAPS = ["[/its]", "[ses]", "[bold red]", "[/]", "[link=x]y[/link]", ":smile:", "\x1b[31m",
         "\u202e", "\x07", "x" * 3000, "]]][[[", "\\[escaped]"]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(TRAPS),
    st.sampled_from(
        [
            "Police arrested ten men in Belgrade.",
            "Rebels attacked the town.",
            "“We will fight,” the minister said.",
            "\n",
            " ",
        ]
    ),  # fmt: skip
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),
)
texts = st.lists(pieces, min_size=1, max_size=8).map("".join).filter(lambda t: t.strip())
ids = st.lists(st.sampled_from(["a", "[b]", "[/x]", "\x1b[2J", "é", " ", "-"]), min_size=1,
               max_size=5).map("".join)  # fmt: skip

fuzz = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _code(fmt: str, records: list[dict]) -> object:
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    return runner.invoke(app, ["code", "-", "--format", fmt], input=stdin)


@fuzz
@given(text=texts, doc_id=ids)
def test_doc_and_jsonl_formats_keep_the_text_as_given(text: str, doc_id: str) -> None:
    result = _code("doc", [{"id": doc_id, "text": text, "pub_date": "2023-09-29"}])
    assert result.exit_code == 0, result.output
    [doc] = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["id"] == doc_id and doc["text"] == text
    for event in doc["events"]:
        trigger = event["evidence"]["trigger"]
        assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    events = _code("jsonl", [{"id": doc_id, "text": text, "pub_date": "2023-09-29"}])
    assert events.exit_code == 0
    assert len(events.stdout.splitlines()) == len(doc["events"])


@fuzz
@given(text=texts, doc_id=ids)
def test_the_table_prints_words_not_markup(text: str, doc_id: str) -> None:
    result = runner.invoke(
        app,
        ["code", "-", "--format", "table"],
        input=json.dumps({"id": doc_id, "text": text, "pub_date": "2023-09-29"}) + "\n",
        env={"COLUMNS": "4000"},
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b" not in out and "\u202e" not in out
    assert visible_text(doc_id) in out  # the title, brackets and all


@fuzz
@given(text=texts, doc_id=ids)
def test_quotes_print_the_text_given(text: str, doc_id: str) -> None:
    record = {"id": doc_id, "text": text, "pub_date": "2023-09-29"}
    result = runner.invoke(app, ["quotes", "-", "--format", "jsonl"], input=json.dumps(record))
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        quote = json.loads(line)
        content = quote["content"]
        assert text[content["start"] : content["end"]] == content["text"]
    table = runner.invoke(
        app, ["quotes", "-", "--format", "table"], input=json.dumps(record), env={"COLUMNS": "4000"}
    )
    assert table.exit_code == 0 and "\x1b" not in table.stdout


@fuzz
@given(doc_id=ids, text=texts)
def test_error_lines_show_ids_and_reasons_as_text(doc_id: str, text: str) -> None:
    result = _code("doc", [{"id": doc_id, "text": text, "pub_date": "not a date"}])
    assert result.exit_code == 0
    assert visible_text(doc_id) + ": input: " in result.stderr
    assert "\x1b" not in result.stderr


@fuzz
@given(text=texts)
def test_resolve_commands_echo_what_they_read(text: str) -> None:
    date = runner.invoke(app, ["resolve-date", text[:200], "--ref", "2023-09-29"])
    assert date.exit_code == 0, date.output
    assert json.loads(date.stdout)["text"] == text[:200]


def test_the_markup_case_from_the_issue_prints_both_brackets() -> None:
    text = "Washington “calls on Serbia to withdraw [ses] troops,” said a spokesperson [/its]."
    result = runner.invoke(
        app,
        ["code", "-", "--format", "table", "--pub-date", "2023-09-29"],
        input=text,
        env={"COLUMNS": "400"},
    )
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.stdout.splitlines() if "withdraw" in line]
    assert "withdraw [ses] troops" in row or "withdraw" in row
    doc = json.loads(runner.invoke(app, ["code", "-", "--format", "doc"], input=text).stdout)
    assert doc["text"] == text and "[/its]" in doc["text"]


def test_json_lines_stay_one_line_for_every_line_splitter() -> None:
    from eventwatch.records import json_line

    text = "a\x85b\u2028c\u2029d\x7fe"
    line = json_line({"text": text})
    assert len(line.splitlines()) == 1 and json.loads(line) == {"text": text}
    result = _code("doc", [{"id": "nel", "text": "Rebels attacked.\x85 Police came.\u2028"}])
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["text"].endswith("\u2028")
