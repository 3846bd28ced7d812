"""CSV with a header: one article per row, the header never text, bad rows named by line."""

import csv
import datetime as dt
import io

import pytest

from eventwatch import Article, DocumentError
from eventwatch.ingest import count_inputs, read_inputs

pytestmark = pytest.mark.issue(15)

ROWS = [
    {
        "id": "voa-1",
        "title": "Clashes in Mitrovica",
        "text": "Serbian police arrested three protesters in Mitrovica on Friday.",
        "url": "https://example.org/1",
        "pub_date": "2023-09-29",
        "source": "VOA",
        "language": "en",
    },
    {
        "id": "voa-2",
        "title": "Talks, again",
        "text": 'Ministers met in Brussels, said "no deal",\nand left on Saturday.',
        "url": "",
        "pub_date": "",
        "source": "",
        "language": "",
    },
]


def _write(path, rows, fields=("id", "title", "text", "url", "pub_date", "source", "language")):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_a_csv_is_one_article_per_row_never_one_document_with_its_header(tmp_path) -> None:
    path = tmp_path / "stories.csv"
    _write(path, ROWS)
    first, second = read_inputs(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "voa-1" and first.title == "Clashes in Mitrovica"
    assert first.text == ROWS[0]["text"] and "pub_date" not in first.text
    assert first.pub_date == dt.date(2023, 9, 29) and first.source == "VOA"
    assert first.url == "https://example.org/1" and first.origin == f"{path}:2"
    # a quoted text keeps its commas, quotes and line break; blank cells are no value
    assert second.text == ROWS[1]["text"]
    assert second.pub_date is None and second.url is None and second.source is None
    assert first.language == "en"  # as declared; a blank cell declares none
    assert second.language is None and second.origin == f"{path}:3"


def test_columns_may_come_in_any_order_and_case_and_extra_ones_are_ignored(tmp_path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "\ufeffTEXT,Notes,ID\r\nRebels attacked a convoy near Goma.,checked,k-1\r\n",
        encoding="utf-8",
    )
    [article] = list(read_inputs(path))
    assert article.id == "k-1" and article.text == "Rebels attacked a convoy near Goma."


def test_bad_rows_are_errors_with_their_line_and_the_rest_is_read(tmp_path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        "id,text,pub_date\n"
        "a,Police arrested a man in Nis.,2023-09-29\n"
        "b,,2023-09-29\n"
        "c,Troops crossed the border.,29 Sept\n"
        "d,Army shelled, the town, again,2023-09-30\n"
        "\n"
        ",Protesters marched in Skopje.,\n"
        '"e","A quoted text that spans\ntwo lines.",2023-10-01\n'
        "f,The last row is read.,\n",
        encoding="utf-8",
    )
    items = list(read_inputs(path))
    found = [
        (i.id, i.origin) if isinstance(i, Article) else (i.doc_id, i.origin, i.code) for i in items
    ]
    assert found == [
        ("a", f"{path}:2"),
        ("b", f"{path}:3", "document-empty"),
        ("c", f"{path}:4", "document-date"),
        ("batch.csv:5", f"{path}:5", "document-csv"),
        ("batch.csv:7", f"{path}:7"),
        ("e", f"{path}:8"),
        ("f", f"{path}:10"),
    ]
    assert "row has 5 fields, the header 3" in items[3].message


def test_a_csv_without_a_text_column_is_one_clear_error(tmp_path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("id,body\n1,Police arrested a man.\n", encoding="utf-8")
    [error] = list(read_inputs(path))
    assert isinstance(error, DocumentError) and error.code == "document-csv"
    assert "no 'text' column" in error.message and error.origin == f"{path}:1"


def test_a_bad_byte_in_a_row_is_a_warning_on_that_row(tmp_path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"id,text\nx,Police entered Pe\xe7 at dawn.\ny,All quiet.\n")
    x, y = read_inputs(path)
    assert x.text == "Police entered Pe\ufffd at dawn."
    assert [w.code for w in x.warnings] == ["document-utf8"] and y.warnings == ()
    assert f"{path}:2" in x.warnings[0].message


def test_a_row_over_the_size_limit_is_an_error_and_the_next_row_is_read(tmp_path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f"id,text\nbig,{'x' * 5000}\nsmall,Police arrested a man.\n")
    big, small = read_inputs(path, max_bytes=2000)
    assert isinstance(big, DocumentError) and big.code == "document-size"
    assert big.origin == f"{path}:2"
    assert isinstance(small, Article) and small.id == "small"


def test_a_csv_text_longer_than_the_csv_modules_default_field_is_read(tmp_path) -> None:
    path = tmp_path / "long.csv"
    text = "Police arrested three protesters in Belgrade. " * 5000
    _write(path, [{"id": "long", "text": text}], fields=("id", "text"))
    [article] = list(read_inputs(path))
    assert isinstance(article, Article) and article.text == text


def test_a_csv_on_standard_input_is_recognised_by_its_header() -> None:
    stream = io.BytesIO(b"id,text\nq1,Police arrested a man in Nis.\n")
    [article] = list(read_inputs("-", stdin=stream))
    assert article.id == "q1" and article.text == "Police arrested a man in Nis."


def test_csv_rows_are_counted_for_the_progress_bar(tmp_path) -> None:
    path = tmp_path / "stories.csv"
    _write(path, ROWS)
    assert count_inputs(path) == 2 == len(list(read_inputs(path)))
