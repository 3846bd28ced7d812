"""User actor dictionaries: the YAML format, dates of office, clear errors (issue 3)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch import DictionaryError, Pipeline
from eventwatch.cli import app, main
from eventwatch.stages.actors.dictionary import ActorDictionary

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.issue(3)
EXAMPLE = ROOT / "examples" / "actors.yaml"


def test_the_example_file_loads_and_dates_select_the_office() -> None:
    kurti = ActorDictionary.load(EXAMPLE).forms["Kurti"]
    assert kurti.at(dt.date(2023, 9, 29)) == ("XKX", "GOV")
    assert kurti.at(dt.date(2015, 6, 1)) == ("XKX", "OPP")
    assert kurti.at(None) == ("XKX", "GOV")


def test_out_of_office_government_people_become_elites() -> None:
    text = "actors:\n  - name: A B\n    country: SRB\n    sector: GOV\n    start: 2001-01-01\n    end: 2004-01-01\n"
    entry = ActorDictionary.from_text(text, path="x.yaml").entries[0]
    assert entry.at(dt.date(2002, 1, 1)) == ("SRB", "GOV")
    assert entry.at(dt.date(2010, 1, 1)) == ("SRB", "ELI")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "actors:\n  - name: A\n    country: Serbia\n    sector: GOV\n",
            "x.yaml:2: A: country must be ISO alpha-3 or IGO",
        ),
        (
            "actors:\n  - name: A\n    country: SRB\n    sector: BOSS\n",
            "x.yaml:2: A: sector must be one of",
        ),
        (
            "actors:\n  - name: A\n    country: SRB\n    sector: GOV\n    colour: red\n",
            "x.yaml:2: unknown key(s) ['colour']",
        ),
        (
            "actors:\n  - country: SRB\n    sector: GOV\n",
            "x.yaml:2: an actor needs a 'name' string",
        ),
        (
            "actors:\n  - name: A\n    country: SRB\n    sector: GOV\n    start: 29/09/2023\n",
            "x.yaml:2: A: dates are YYYY-MM-DD",
        ),
        ("actors:\n  - name: [unclosed\n", "x.yaml:3: not valid YAML"),
        ("just a string", "x.yaml:1: expected a list of actors"),
    ],
)
def test_bad_files_name_the_line(text, message) -> None:
    with pytest.raises(DictionaryError) as caught:
        ActorDictionary.from_text(text, path="x.yaml")
    assert caught.value.message.startswith(message)
    assert str(caught.value) == f"[dictionary] {caught.value.message}"


def test_a_user_entry_teaches_the_pipeline_a_name(tmp_path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - name: Zoran Testic\n    aliases: [Testic]\n    country: MNE\n    sector: REB\n"
    )
    pipeline = Pipeline.load(overrides={"eventwatch.actor_mentions.v1": {"dictionary": str(path)}})
    doc = pipeline.code_text("Testic attacked the police station.", id="t")
    [event] = [e for e in doc.events if e.type == "ASSAULT"]
    assert [(a.text, a.name, a.country, a.sector) for a in event.source] == [
        ("Testic", "Zoran Testic", "MNE", "REB")
    ]


def test_cli_reports_a_bad_dictionary_with_exit_2(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: A\n    country: XX\n    sector: GOV\n")
    result = CliRunner().invoke(
        app, ["code", "-", "--actors", str(bad)], input="Police arrested two men."
    )
    assert result.exit_code != 0
    assert isinstance(result.exception, DictionaryError)
    assert "bad.yaml:2: A: country must be ISO alpha-3 or IGO" in str(result.exception)


def test_main_prints_the_error_and_exits_2(tmp_path, monkeypatch, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: A\n    country: SRB\n    sector: BOSS\n")
    story = tmp_path / "story.txt"
    story.write_text("Police arrested two men.")
    monkeypatch.setattr("sys.argv", ["eventwatch", "code", str(story), "--actors", str(bad)])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "DictionaryError" in err and "bad.yaml:2: A: sector must be one of" in err
    assert "Traceback" not in err


def test_resolve_actor_command(tmp_path) -> None:
    path = tmp_path / "q.jsonl"
    lines = [
        {"id": "1", "text": "American warplanes"},
        {"id": "2", "text": "Kurti", "context": "Kurti met the envoy.", "date": "2023-09-29"},
        {"id": "3", "text": "relatives"},
        "not json",
    ]
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    result = CliRunner().invoke(app, ["resolve-actor", str(path), "--actors", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert (out[0]["country"], out[0]["sector"]) == ("USA", "MIL")
    assert (out[1]["name"], out[1]["country"], out[1]["sector"]) == ("Albin Kurti", "XKX", "GOV")
    assert out[2]["country"] is None
    assert out[3] == {
        "id": "line 4",
        "error": "line 4: not JSON (Expecting value: line 1 column 1 (char 0))",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-01", dt.date(2019, 1, 1)),
        ("1 January 2018", dt.date(2018, 1, 1)),
        ("1 july 2021", dt.date(2021, 7, 1)),
        ("Today", None),
        (None, None),
    ],
)
def test_query_dates_in_words_are_read_and_relative_ones_left_open(value, expected) -> None:
    from eventwatch.lookup import query_date

    assert query_date(value) == expected
