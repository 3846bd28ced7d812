"""Wires the stages: the only place that knows their order.

``Pipeline`` parses articles in batches with one spaCy pass each, then runs the
configured stages over each :class:`~eventwatch.schema.Document`. A document
that cannot be read, parsed or coded carries its errors and the batch goes on.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._types import Stage
from ..exceptions import ConfigError, DocumentError, EventwatchError
from ..records import Article, DocError, Document, Sentence
from ..stages import builtin as _register_builtin_stages  # noqa: F401  (registers the built-ins)
from .config import PipelineConfig, load_config
from .parser import Parser
from .registry import StageInfo, check_order, stages

__all__ = ["Pipeline"]


class Pipeline:
    """Text in, coded :class:`Document` out.

    Build it once (it loads the language model and the word lists) and feed it
    many articles: ``Pipeline.load().code_articles(articles)``.
    """

    def __init__(
        self,
        config: PipelineConfig,
        *,
        parser: Parser | None = None,
        overrides: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.config = config
        infos = [stages.get(s.name) for s in config.stages]
        problems = check_order(infos)
        if problems:
            raise ConfigError("; ".join(problems))
        self.parser = parser or Parser(config.nlp.model, batch_size=config.nlp.batch_size)
        overrides = overrides or {}
        #: seconds spent in the parse and in each stage, summed over all documents
        self.timings: dict[str, float] = {"parse": 0.0}
        self.stages: list[tuple[StageInfo, Stage]] = []
        for info, stage_config in zip(infos, config.stages, strict=True):
            settings = {**info.defaults, **stage_config.settings, **overrides.get(info.name, {})}
            self.stages.append((info, info.factory(**settings)))
            self.timings[info.name] = 0.0

    @classmethod
    def load(
        cls,
        config_path: Path | None = None,
        *,
        overrides: dict[str, dict[str, Any]] | None = None,
    ) -> Pipeline:
        """The pipeline described by ``config_path`` (the packaged default if None)."""
        return cls(load_config(config_path), overrides=overrides)

    def stage(self, name: str) -> Stage:
        """The configured stage registered under ``name``."""
        for info, stage in self.stages:
            if info.name == name:
                return stage
        raise ConfigError(f"stage {name!r} is not in this pipeline ({', '.join(self.stage_names)})")

    @property
    def stage_names(self) -> list[str]:
        return [info.name for info, _ in self.stages]

    def code_text(self, text: str, **article_fields: Any) -> Document:
        """Code one text; ``article_fields`` are :class:`Article` fields (id, pub_date, …)."""
        article_fields.setdefault("id", "doc")
        return next(self.code_articles([Article(text=text, **article_fields)]))

    def code_articles(self, items: Iterable[Article | DocumentError]) -> Iterator[Document]:
        """Code articles in input order; unreadable inputs come back as documents with errors."""
        chunk_size = self.config.nlp.batch_size * 4
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, chunk_size)):
            yield from self._code_chunk(chunk)

    def _code_chunk(self, chunk: list[Article | DocumentError]) -> Iterator[Document]:
        docs: list[Document] = []
        for item in chunk:
            if isinstance(item, DocumentError):
                article = Article(id=item.doc_id or "?", text="")
                docs.append(Document(article, errors=[DocError("input", str(item))]))
                continue
            doc = Document(item)
            problem = self._check_article(item)
            if problem:
                doc.errors.append(DocError("input", problem))
            docs.append(doc)
        todo = [d for d in docs if not d.errors]
        started = time.perf_counter()
        self._parse(todo)
        self.timings["parse"] += time.perf_counter() - started
        for doc in docs:
            if doc.parse is not None:
                self._run_stages(doc)
            yield doc

    def _check_article(self, article: Article) -> str | None:
        if not article.text.strip():
            return "empty text"
        limit = self.config.nlp.max_chars
        if len(article.text) > limit:
            return f"text is {len(article.text):,} characters, over the limit of {limit:,}"
        if "\x00" in article.text:
            return "text contains NUL bytes (binary input?)"
        return None

    def _parse(self, docs: list[Document]) -> None:
        try:
            parsed = list(self.parser.parse_many(d.text for d in docs))
        except EventwatchError:
            parsed = []
        if len(parsed) == len(docs):
            for doc, spacy_doc in zip(docs, parsed, strict=True):
                _attach_parse(doc, spacy_doc)
            return
        for doc in docs:  # one bad text must not sink the batch: retry one by one
            try:
                _attach_parse(doc, self.parser.parse(doc.text))
            except EventwatchError as exc:
                doc.errors.append(DocError("parse", str(exc)))

    def _run_stages(self, doc: Document) -> None:
        for info, stage in self.stages:
            started = time.perf_counter()
            try:
                result = stage(doc)
            except Exception as exc:  # a stage bug must cost one document, not the batch
                doc.errors.append(DocError(info.name, f"{type(exc).__name__}: {exc}"))
                continue
            finally:
                self.timings[info.name] += time.perf_counter() - started
            if not isinstance(result, Document):
                raise ConfigError(
                    f"stage {info.name!r} returned {type(result).__name__}, not Document"
                )


def _attach_parse(doc: Document, spacy_doc: Any) -> None:
    doc.parse = spacy_doc
    doc.sentences = [Sentence(s.start_char, s.end_char) for s in spacy_doc.sents]
