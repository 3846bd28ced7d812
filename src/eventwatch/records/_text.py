"""Stretches of text: spans, sentences and the layout blocks of a document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["BLOCK_KINDS", "Block", "Sentence", "TextSpan"]

#: what a stretch of a document is: its headline, a subhead, a byline or credit line, the
#: dateline it opens with, or body
BLOCK_KINDS = ("headline", "subhead", "byline", "credit", "dateline", "body")


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of the input text: ``text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextSpan:
        return cls(data["start"], data["end"], data["text"])


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(data["start"], data["end"])


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the document's layout: ``kind`` is one of :data:`BLOCK_KINDS`."""

    start: int
    end: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(data["start"], data["end"], data["kind"])
