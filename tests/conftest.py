"""Shared fixtures.

* ``pipeline``, ``code``, ``seed_doc``: one real pipeline per test session (spaCy and
  the word lists load once), for tests of what the coder finds in real sentences.
* ``stub_pipeline``: the real runner with a fake parser, stub stages and a fake
  gazetteer, for tests of the runner, the engines and the outputs; it loads no model.
* ``fake_gazetteer``: a :class:`~eventwatch.resources.MemoryGazetteer` of a few places.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwatch import (
    Article,
    CodedDocument,
    Document,
    Event,
    Evidence,
    Pipeline,
    Resources,
    StageSettings,
)
from eventwatch.pipeline.config import PipelineConfig, StageConfig
from eventwatch.pipeline.registry import stages
from eventwatch.resources import Entry, MemoryGazetteer

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "kosovo-2023-09-29.txt"
SHARED = ROOT.parent / "shared"

Code = Callable[..., CodedDocument]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def code(pipeline: Pipeline) -> Code:
    """Code one text: ``code("Police arrested ...")`` → CodedDocument."""

    def run(text: str, **fields: object) -> CodedDocument:
        return pipeline.code_text(text, **fields)

    return run


@pytest.fixture(scope="session")
def seed_doc(pipeline: Pipeline) -> CodedDocument:
    return pipeline.code_text(SEED.read_text("utf-8"), id="seed", pub_date=dt.date(2023, 9, 29))


# --- fakes: a parser without spaCy, stub stages, a small gazetteer ------------------------


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


def _entry(id_: int, name: str, country: str, lat: float, lon: float, population: int) -> Entry:
    return Entry(id_, name, country, None, lat, lon, population, None, "PPL", True)


@pytest.fixture(scope="session")
def fake_gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(
        [
            _entry(1, "Mitrovica", "XKX", 42.89, 20.87, 85_000),
            _entry(2, "Mitrovica", "SRB", 42.80, 21.10, 2_000),
            _entry(3, "Belgrade", "SRB", 44.80, 20.47, 1_300_000),
            _entry(4, "Paris", "FRA", 48.85, 2.35, 2_100_000),
            _entry(5, "Paris", "USA", 33.66, -95.56, 25_000),
        ],
        names={3: ["Beograd"]},
    )


@pytest.fixture(scope="session")
def stub_pipeline(fake_gazetteer: MemoryGazetteer) -> Pipeline:
    """The real runner around a fake parser and the stub keyword stage."""
    config = PipelineConfig(stages=[StageConfig(name="test.keyword_events.v1")])
    return Pipeline(config, parser=FakeParser(), resources=Resources(gazetteer=fake_gazetteer))


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{n}", text=t) for n, t in enumerate(texts)]
