"""The one exception tree of eventwatch.

::

    EventwatchError                 every error eventwatch raises
    ├── InputError                  the user's input is wrong: fix the input
    │   ├── DocumentError           one document cannot be coded (carries ``doc_id``)
    │   └── DictionaryError         a user dictionary file is malformed (carries ``path``, ``line``)
    ├── ConfigError                 the pipeline configuration is wrong: fix the config
    ├── ResourceError               a packaged model or word list is missing or broken: reinstall
    └── StageError                  a stage failed on a document (carries ``stage``, ``doc_id``)

The CLI catches :class:`EventwatchError` once and prints the class name and message.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DictionaryError",
    "DocumentError",
    "EventwatchError",
    "InputError",
    "ResourceError",
    "StageError",
]


class EventwatchError(Exception):
    """Root of every error eventwatch raises."""


class InputError(EventwatchError):
    """The user's input cannot be used as given."""


class DocumentError(InputError):
    """One input document cannot be coded; the batch goes on without it."""

    def __init__(self, message: str, *, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class DictionaryError(InputError):
    """A user dictionary (``--actors FILE``) is malformed."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class ConfigError(EventwatchError):
    """The pipeline configuration is invalid."""


class ResourceError(EventwatchError):
    """A packaged model, word list or language model is missing or broken."""


class StageError(EventwatchError):
    """A pipeline stage failed on a document."""

    def __init__(self, message: str, *, stage: str, doc_id: str | None = None) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.doc_id = doc_id
