"""Fakes for tests: a parser without spaCy and stub stages, importable by worker processes.

A pipeline config that names ``plugins = ["tests.stubs"]`` finds the stub stages
in any process, so engines can be tested without loading a model.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventwatch import Document, Event, Evidence, Resources, StageSettings
from eventwatch.pipeline.registry import stages


@dataclass(frozen=True)
class FakeSentence:
    start_char: int
    end_char: int


class FakeParse:
    """What the runner reads of a parse: the sentences, split after ``.``, ``!`` or ``?``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sents = [
            FakeSentence(m.start(), m.end()) for m in re.finditer(r"[^.!?\s][^.!?]*[.!?]?", text)
        ]


class FakeParser:
    """A parser that loads no model: each text becomes a :class:`FakeParse`."""

    batch_size = 4
    model_version = "fake_parser 1.0"

    def parse_many(self, texts: Iterable[str]) -> Iterator[FakeParse]:
        for text in texts:
            yield self.parse(text)

    def parse(self, text: str) -> FakeParse:
        return FakeParse(text)

    def join(self, parses: list[FakeParse]) -> FakeParse:
        return FakeParse("".join(p.text for p in parses))


class KeywordSettings(StageSettings):
    word: str = "attacked"
    type: str = "ASSAULT"


@stages.register(
    "test.keyword_events.v1",
    settings=KeywordSettings,
    requires=["sentences"],
    assigns=["events"],
)
def _make_keyword_events(
    settings: KeywordSettings, resources: Resources
) -> Callable[[Document], Document]:
    """A stub event stage: one event of ``type`` for each ``word`` in the text."""

    def stage(doc: Document) -> Document:
        for match in re.finditer(rf"\b{re.escape(settings.word)}\b", doc.text):
            index, sentence = next(
                (i, s) for i, s in enumerate(doc.sentences) if s.start <= match.start() < s.end
            )
            doc.events.append(
                Event(
                    id="",
                    type=settings.type,
                    mode=None,
                    context=[],
                    cameo=None,
                    source=[],
                    target=[],
                    evidence=Evidence(
                        index,
                        sentence.start,
                        sentence.end,
                        doc.text[sentence.start : sentence.end],
                        doc.span(match.start(), match.end()),
                    ),
                )
            )
        return doc

    return stage


class CrashSettings(StageSettings):
    word: str = "die"


@stages.register("test.crash_on_word.v1", settings=CrashSettings, requires=[], assigns=[])
def _make_crash(settings: CrashSettings, resources: Resources) -> Callable[[Document], Document]:
    """A stage that kills its process on a word, as a segfault or the OOM killer would."""

    def stage(doc: Document) -> Document:
        if settings.word in doc.text.split():
            os._exit(3)
        return doc

    return stage
