"""Byte streams for the readers: bounded lines, a look at the head, and what kind of input it is.

Every reader takes a binary stream, so a regular file, a FIFO, ``/dev/stdin``
and a process substitution (``/dev/fd/63``, a pipe: it cannot seek and has no
size) are read alike, one line or one bounded block at a time.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO, TextIO

__all__ = [
    "LineReader",
    "LineTooLong",
    "binary_stream",
    "kind_of_suffix",
    "peek_head",
    "read_bounded",
    "sniff",
]

#: how much of a stream is looked at to tell its kind
_HEAD = 8192

_SUFFIX_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def kind_of_suffix(suffix: str) -> str | None:
    """The input kind a file suffix names ("text", "jsonl", "csv", "html", "feed"), if any."""
    return _SUFFIX_KINDS.get(suffix.lower())


class LineTooLong(Exception):
    """A line over the reader's bound; the rest of it has been skipped."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class LineReader:
    """The lines of a binary stream, each at most ``limit`` bytes, counted from 1.

    A longer line raises :class:`LineTooLong` once (having skipped the rest of
    it, so memory stays bounded) and the next call goes on with the next line.
    """

    def __init__(self, stream: BinaryIO, *, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        #: the number of the last line returned (or skipped)
        self.number = 0

    def __iter__(self) -> LineReader:
        return self

    def __next__(self) -> bytes:
        line = self._stream.readline(self._limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self._limit and not line.endswith(b"\n"):
            while (rest := self._stream.readline(1 << 16)) and not rest.endswith(b"\n"):
                pass
            raise LineTooLong(self.number)
        return line


def read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes: one more than the limit tells that the input is over it."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit and (chunk := stream.read(min(1 << 20, limit + 1 - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class _Prefixed(io.RawIOBase):
    """``head`` and then the rest of ``stream``: a look ahead that gives back what it read."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek_head(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first few kilobytes of ``stream`` (its first line at least, when short) and a
    stream that reads from the start again: a pipe cannot seek back."""
    chunks: list[bytes] = []
    size = 0
    while size < _HEAD:
        read1 = getattr(stream, "read1", None)
        chunk = read1(_HEAD - size) if read1 else stream.read(_HEAD - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        head = b"".join(chunks)
        if head.strip() and b"\n" in head.lstrip():
            break
    head = b"".join(chunks)
    return head, io.BufferedReader(_Prefixed(head, stream))


def sniff(head: bytes) -> str:
    """The kind of an input from its first bytes: JSON lines, a feed, a page, a CSV, or text."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    lower = start[:4096].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
            return "feed"
        return "html"
    first = start.split(b"\n", 1)[0].decode("utf-8", "replace")
    try:
        header = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return "text"
    names = {name.strip().lower() for name in header}
    return "csv" if len(header) > 1 and "text" in names else "text"


class _EncodedText(io.RawIOBase):
    """A text stream read as UTF-8 bytes (a ``StringIO`` given for stdin, in tests and tools)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = self._stream.read(1 << 16)
            if not chunk:
                return 0
            try:
                self._pending = chunk.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                self._pending = chunk.encode("utf-8", "surrogatepass")
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def binary_stream(stream: TextIO | BinaryIO) -> BinaryIO:
    """The bytes under a text stream (``sys.stdin.buffer``), or the text encoded as it is read."""
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer  # type: ignore[no-any-return]
        return io.BufferedReader(_EncodedText(stream))  # type: ignore[arg-type]
    return stream
