"""Text files and JSON lines: bad input becomes a per-document error; every good one is read."""

import datetime as dt
import io
import json

import pytest

from eventwatch import Article, DocumentError, InputError
from eventwatch.ingest import parse_date, read_inputs

GOOD = "Police arrested three protesters in Belgrade on Monday."


def _by_id(items):
    return {i.doc_id if isinstance(i, DocumentError) else i.id: i for i in items}


@pytest.mark.parametrize(
    ("name", "payload", "code", "reason"),
    [
        ("empty.txt", b"", "document-empty", "empty document"),
        ("blank.txt", b"  \n\t\n", "document-empty", "empty document"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "document-binary", "NUL bytes"),
        ("noise.txt", bytes(range(128, 256)) * 4, "document-binary", "binary data"),
    ],
)
def test_bad_text_files_are_reported_by_id_and_origin(
    tmp_path, name, payload, code, reason
) -> None:
    (tmp_path / name).write_bytes(payload)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = _by_id(read_inputs(tmp_path))
    assert isinstance(items["good"], Article)
    error = items[name.removesuffix(".txt")]
    assert isinstance(error, DocumentError)
    assert error.code == code and reason in error.message
    assert error.origin == str(tmp_path / name)


@pytest.mark.issue(15)
def test_one_bad_byte_is_a_warning_not_a_lost_article(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Police arrested a caf\xe9 owner in Belgrade.".encode("latin-1"))
    [article] = list(read_inputs(path))
    assert isinstance(article, Article)
    assert article.text == "Police arrested a caf\ufffd owner in Belgrade."
    [warning] = article.warnings
    assert warning.stage == "input" and warning.code == "document-utf8"
    assert "byte 21" in warning.message and str(path) in warning.message


@pytest.mark.issue(15)
def test_a_bad_byte_in_a_jsonl_line_is_a_warning_on_that_record(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a", "text": GOOD}).encode()
    bad = b'{"id": "b", "text": "Troops entered Pe\xe7 at dawn."}'
    path.write_bytes(good + b"\n" + bad + b"\n")
    a, b = read_inputs(path)
    assert a.warnings == ()
    assert b.id == "b" and b.text == "Troops entered Pe\ufffd at dawn."
    [warning] = b.warnings
    assert warning.code == "document-utf8" and f"{path}:2" in warning.message


def test_oversized_file_is_refused_without_reading_it(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1_100_000)
    [item] = list(read_inputs(big))
    assert isinstance(item, DocumentError)
    assert item.code == "document-size" and item.doc_id == "big"
    assert "5,000,000" in item.message


def test_the_size_limit_is_the_configured_one(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "small", "text": "x" * 1500})
        + "\n"
        + json.dumps({"id": "large", "text": "x" * 2500})
        + "\n"
    )
    small, large = read_inputs(path, max_bytes=2000)
    assert isinstance(small, Article)
    assert isinstance(large, DocumentError) and large.code == "document-size"


@pytest.mark.issue(15)
def test_a_long_report_within_the_documented_limit_is_read(tmp_path) -> None:
    text = ("Police arrested three protesters in Belgrade on Monday. " * 4000).strip()
    assert len(text) > 200_001
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": text}) + "\n")
    [article] = list(read_inputs(path))
    assert isinstance(article, Article) and article.text == text


def test_a_line_too_long_for_any_document_is_skipped_and_the_next_read(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    with path.open("w") as handle:
        handle.write(json.dumps({"id": "huge", "text": "y" * 20_000}) + "\n")
        handle.write(json.dumps({"id": "next", "text": GOOD}) + "\n")
    huge, after = read_inputs(path, max_bytes=1000)
    assert isinstance(huge, DocumentError) and huge.code == "document-size"
    assert huge.origin == f"{path}:1"
    assert isinstance(after, Article) and after.id == "next" and after.origin == f"{path}:2"


@pytest.mark.issue(14)
def test_jsonl_bad_lines_do_not_stop_the_rest(tmp_path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD, "pub_date": "2023-09-29", "source": "VOA"}),
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "bad-date", "text": GOOD, "pub_date": "29/09/2023"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "number-text", "text": 42}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "nul", "text": "abc\u0000def"}),
        json.dumps({"id": {"nested": 1}, "text": GOOD}),
        json.dumps({"id": 7, "text": GOOD}),
        json.dumps({"text": GOOD}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs(path, pub_date=dt.date(2020, 1, 1)))
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.doc_id: i for i in items if isinstance(i, DocumentError)}
    assert [a.id for a in good] == ["a", "7", "batch.jsonl:12"]
    assert good[0].pub_date == dt.date(2023, 9, 29) and good[0].source == "VOA"
    assert good[0].origin == f"{path}:1"
    assert good[1].pub_date == dt.date(2020, 1, 1)
    codes = {doc_id: (e.code, e.origin) for doc_id, e in bad.items()}
    assert codes == {
        "batch.jsonl:2": ("document-json", f"{path}:2"),
        "no-text": ("document-text", f"{path}:3"),
        "bad-date": ("document-date", f"{path}:4"),
        "batch.jsonl:5": ("document-json", f"{path}:5"),
        "number-text": ("document-text", f"{path}:7"),
        "empty": ("document-empty", f"{path}:8"),
        "nul": ("document-binary", f"{path}:9"),
        "batch.jsonl:10": ("document-id", f"{path}:10"),
    }
    assert "'text' must be a string, got int" in bad["number-text"].message
    assert "unparseable pub_date" in bad["bad-date"].message
    # the message says where: a user finds the line
    assert bad["bad-date"].message.startswith(f"{path}:4: ")


def test_stdin_plain_text_and_jsonl() -> None:
    [article] = list(read_inputs("-", stdin=io.StringIO(GOOD)))
    assert isinstance(article, Article) and article.text == GOOD
    assert article.id.startswith("stdin-") and article.origin == "stdin"
    jsonl = io.StringIO(json.dumps({"id": "x", "text": GOOD}) + "\n")
    [record] = list(read_inputs("-", stdin=jsonl))
    assert isinstance(record, Article) and record.id == "x" and record.origin == "stdin:1"


def test_stdin_bytes_with_a_bad_byte_keep_the_article() -> None:
    stream = io.BytesIO(b"Rebels shelled the town of Pe\xe7 overnight.\n")
    [article] = list(read_inputs("-", stdin=stream))
    assert isinstance(article, Article) and "Pe\ufffd" in article.text
    assert [w.code for w in article.warnings] == ["document-utf8"]


def test_sidecar_metadata_gives_the_publication_date(tmp_path) -> None:
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"pub_date": "2023-09-29", "title": "T"}')
    [article] = list(read_inputs(tmp_path / "story.txt"))
    assert article.pub_date == dt.date(2023, 9, 29) and article.title == "T"
    # --pub-date dates only what carries no date
    [same] = list(read_inputs(tmp_path / "story.txt", pub_date=dt.date(2020, 1, 1)))
    assert same.pub_date == dt.date(2023, 9, 29)


def test_a_byte_order_mark_is_not_text(tmp_path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    [article] = list(read_inputs(tmp_path / "bom.txt"))
    assert article.text == GOOD and article.warnings == ()


def test_missing_path_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        list(read_inputs(tmp_path / "absent.txt"))
    assert caught.value.code == "input-missing"


def test_a_missing_publication_date_is_no_error_here(tmp_path) -> None:
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    [article] = list(read_inputs(tmp_path / "story.txt"))
    assert isinstance(article, Article) and article.pub_date is None and article.warnings == ()


@pytest.mark.parametrize("value", ["2023-13-01", "yesterday", 20230929, None])
def test_parse_date_rejects_what_is_not_a_date(value) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
