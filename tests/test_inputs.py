"""Bad input becomes a per-document error; every good document is still read."""

import datetime as dt
import io
import json

import pytest

from eventwatch import Article, DocumentError, InputError
from eventwatch.ingest import parse_date, read_inputs

GOOD = "Police arrested three protesters in Belgrade on Monday."


def _ids_and_errors(items):
    return [(i.id, None) if isinstance(i, Article) else (i.doc_id, str(i)) for i in items]


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\t\n", "empty document"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Belgrade caf\xe9 attack".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_text_files_are_reported_by_id(tmp_path, name, payload, reason) -> None:
    (tmp_path / name).write_bytes(payload)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    results = _ids_and_errors(read_inputs(tmp_path))
    bad_id = name.removesuffix(".txt")
    assert ("good", None) in results
    [(doc_id, message)] = [r for r in results if r[0] == bad_id]
    assert reason in message


def test_oversized_file_is_refused_without_reading_it(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1_100_000)
    [item] = list(read_inputs(big))
    assert isinstance(item, DocumentError)
    assert "over the limit" in str(item) and item.doc_id == "big"


def test_jsonl_bad_lines_do_not_stop_the_rest(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD, "pub_date": "2023-09-29"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "bad-date", "text": GOOD, "pub_date": "29/09/2023"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "b", "text": GOOD}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs(path, pub_date=dt.date(2020, 1, 1)))
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.doc_id: str(i) for i in items if isinstance(i, DocumentError)}
    assert [a.id for a in good] == ["a", "b"]
    assert good[0].pub_date == dt.date(2023, 9, 29)
    assert good[1].pub_date == dt.date(2020, 1, 1)
    assert "not JSON" in bad["batch.jsonl:2"]
    assert "no 'text'" in bad["no-text"]
    assert "unparseable pub_date" in bad["bad-date"]
    assert "expected a JSON object" in bad["batch.jsonl:5"]


def test_stdin_plain_text_and_jsonl() -> None:
    [article] = list(read_inputs("-", stdin=io.StringIO(GOOD)))
    assert isinstance(article, Article) and article.text == GOOD
    jsonl = io.StringIO(json.dumps({"id": "x", "text": GOOD}) + "\n")
    [record] = list(read_inputs("-", stdin=jsonl))
    assert isinstance(record, Article) and record.id == "x"


def test_sidecar_metadata_gives_the_publication_date(tmp_path) -> None:
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"pub_date": "2023-09-29", "title": "T"}')
    [article] = list(read_inputs(tmp_path / "story.txt"))
    assert article.pub_date == dt.date(2023, 9, 29) and article.title == "T"


def test_missing_path_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs(tmp_path / "absent.txt"))


@pytest.mark.parametrize("value", ["2023-13-01", "yesterday", 20230929, None])
def test_parse_date_rejects_what_is_not_a_date(value) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
