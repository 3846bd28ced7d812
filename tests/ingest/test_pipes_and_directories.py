"""Pipes, FIFOs and process substitution read as streams; directories read recursively."""

import json
import os
import subprocess
import sys
import threading

import pytest

from eventwatch import Article, DocumentError, InputError
from eventwatch.ingest import count_inputs, read_inputs
from eventwatch.records import default_id

from ..conftest import ROOT
from .pages import article_page

STORY = "Police arrested three protesters in Belgrade on Monday.\n"


def _python(script: str, **run: object) -> str:
    """What a fresh Python process running ``script`` prints (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, **run
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _feed_pipe(data: bytes) -> str:
    """A real pipe, as bash gives ``<(cat story.txt)``: its read end as ``/dev/fd/N``."""
    read_fd, write_fd = os.pipe()

    def write() -> None:
        with os.fdopen(write_fd, "wb") as handle:
            handle.write(data)

    threading.Thread(target=write, daemon=True).start()
    return f"/dev/fd/{read_fd}"


@pytest.mark.issue(15)
def test_a_process_substitution_is_read_not_said_missing() -> None:
    path = _feed_pipe(STORY.encode())
    try:
        [article] = list(read_inputs(path))
    finally:
        os.close(int(path.rsplit("/", 1)[1]))
    assert isinstance(article, Article) and article.text == STORY
    assert article.id.startswith("stdin-") and article.origin == path
    assert count_inputs(path) is None  # a pipe is never read twice


@pytest.mark.issue(15)
def test_bash_process_substitution_end_to_end(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    script = (
        "import sys; from eventwatch.ingest import read_inputs; "
        "[a] = read_inputs(sys.argv[1]); print(a.origin.startswith('/dev/fd/'), a.text.strip())"
    )
    result = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -c "{script}" <(cat "{story}")'],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True " + STORY.strip()


def test_jsonl_through_a_pipe_is_read_line_by_line() -> None:
    lines = [json.dumps({"id": f"p{n}", "text": STORY}) for n in range(3)]
    path = _feed_pipe(("\n".join(lines) + "\n").encode())
    try:
        items = list(read_inputs(path))
    finally:
        os.close(int(path.rsplit("/", 1)[1]))
    assert [i.id for i in items] == ["p0", "p1", "p2"]
    assert items[2].origin == f"{path}:3"


def test_a_named_fifo_is_read_by_its_suffix(tmp_path) -> None:
    fifo = tmp_path / "incoming.csv"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as handle:
            handle.write(b"id,text\nf1,Police arrested a man in Nis.\n")

    writer = threading.Thread(target=write)
    writer.start()
    [article] = list(read_inputs(fifo))
    writer.join(timeout=10)
    assert article.id == "f1" and article.origin == f"{fifo}:2"


def test_dev_stdin_is_read_as_a_stream() -> None:
    script = (
        "from eventwatch.ingest import read_inputs; "
        "print([(a.id, a.origin) for a in read_inputs('/dev/stdin')])"
    )
    data = json.dumps({"id": "s1", "text": STORY}) + "\n"
    assert _python(script, input=data) == "[('s1', '/dev/stdin:1')]"


def test_dev_stdin_redirected_from_a_file_is_named_by_its_content(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    script = (
        "from eventwatch.ingest import read_inputs; "
        "print([(a.id, a.text) for a in read_inputs('/dev/stdin')])"
    )
    with story.open("rb") as handle:
        printed = _python(script, stdin=handle)
    assert printed == repr([(default_id(STORY, "stdin"), STORY)])


def test_a_pipe_over_the_size_limit_is_refused_without_reading_it_all() -> None:
    path = _feed_pipe(b"word " * 2000)
    try:
        [error] = list(read_inputs(path, max_bytes=1000))
    finally:
        os.close(int(path.rsplit("/", 1)[1]))
    assert isinstance(error, DocumentError) and error.code == "document-size"


@pytest.mark.issue(15)
def test_a_directory_is_read_recursively_in_a_stable_order(tmp_path) -> None:
    (tmp_path / "2023" / "09").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "top.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2023" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2023" / "09" / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2023" / "09" / "page.html").write_text(article_page(), encoding="utf-8")
    (tmp_path / "2023" / "09" / "page.HTM").write_text(article_page(), encoding="utf-8")
    (tmp_path / "2023" / "batch.jsonl").write_text(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "2023" / "rows.csv").write_text("id,text\nr1,Police arrested a man.\n")
    (tmp_path / "2023" / "story.meta.json").write_text('{"title": "Meta"}')
    (tmp_path / ".cache" / "skipped.txt").write_text(STORY)
    (tmp_path / "notes.md").write_text(STORY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    items = list(read_inputs(tmp_path))
    assert all(isinstance(i, Article) for i in items)
    # a folder's files in name order, then its folders; ids are paths below the top
    assert [(i.id, i.origin) for i in items] == [
        ("top", str(tmp_path / "top.txt")),
        ("2023/batch.jsonl:1", str(tmp_path / "2023" / "batch.jsonl") + ":1"),
        ("r1", str(tmp_path / "2023" / "rows.csv") + ":2"),
        ("2023/story", str(tmp_path / "2023" / "story.txt")),
        ("2023/09/page", str(tmp_path / "2023" / "09" / "page.HTM")),
        ("2023/09/page", str(tmp_path / "2023" / "09" / "page.html")),
        ("2023/09/story", str(tmp_path / "2023" / "09" / "story.txt")),
    ]
    assert items[3].title == "Meta"  # the sidecar beside its text
    assert count_inputs(tmp_path) == len(items)


def test_a_directory_with_no_inputs_is_an_input_error(tmp_path) -> None:
    (tmp_path / "notes.md").write_text(STORY)
    with pytest.raises(InputError, match="no .txt, .html, .htm, .jsonl, .csv files") as caught:
        list(read_inputs(tmp_path))
    assert caught.value.code == "input-empty"


def test_several_sources_are_read_in_turn(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    assert [a.id for a in read_inputs([tmp_path / "a.txt", tmp_path / "b.txt"])] == ["a", "b"]
    assert count_inputs([tmp_path / "a.txt", tmp_path / "b.txt"]) == 2
