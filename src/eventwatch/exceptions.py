"""The one exception tree of eventwatch.

::

    EventwatchError                 every error eventwatch raises           [error]
    ├── InputError                  the user's input is wrong: fix the input [input]
    │   ├── DocumentError           one document cannot be coded (``doc_id``, ``origin``) [document]
    │   └── DictionaryError         a user dictionary is malformed (``path``, ``line``) [dictionary]
    ├── ConfigError                 the pipeline configuration is wrong       [config]
    ├── ResourceError               a packaged model or table is missing: reinstall [resource]
    ├── StageError                  a stage failed on a document (``stage``, ``doc_id``) [stage]
    ├── EngineError                 a worker process or cluster failed       [engine]
    ├── StoreError                  the database failed or refused (``url``)  [store]
    └── ApiError                    the API refused a request (``status``)   [api]

Every error carries a stable, searchable ``code``: the class's own (in brackets
above) or a finer one given where it is raised (``config-setting``,
``document-utf8``). ``str(error)`` starts with it: ``[config-setting] stage
'eventwatch.places.v1': unknown setting 'max_candidate'``; ``error.message``
is the text without it. The CLI catches :class:`EventwatchError` once and
prints the class name and message; the API maps the same tree to status codes
(``eventwatch.api``: input 400, not found 404, store busy 503, …) and answers
``{"error": {"code", "type", "message"}}``.
"""

from __future__ import annotations

__all__ = [
    "ApiError",
    "ConfigError",
    "DictionaryError",
    "EngineError",
    "DocumentError",
    "EventwatchError",
    "InputError",
    "ResourceError",
    "StageError",
    "StoreError",
]


class EventwatchError(Exception):
    """Root of every error eventwatch raises."""

    #: the code of errors of this class that are raised without a finer one
    default_code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        self.code = code or self.default_code
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class InputError(EventwatchError):
    """The user's input cannot be used as given."""

    default_code = "input"


class DocumentError(InputError):
    """One input document cannot be coded; the batch goes on without it."""

    default_code = "document"

    def __init__(
        self,
        message: str,
        *,
        doc_id: str | None = None,
        origin: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.doc_id = doc_id
        #: where in the input the document was read ("batch.jsonl:12", a URL), when known
        self.origin = origin


class DictionaryError(InputError):
    """A user dictionary (``--actors FILE``) is malformed."""

    default_code = "dictionary"

    def __init__(
        self, message: str, *, path: str, line: int | None = None, code: str | None = None
    ) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", code=code)
        self.path = path
        self.line = line


class ConfigError(EventwatchError):
    """The pipeline configuration is invalid."""

    default_code = "config"


class ResourceError(EventwatchError):
    """A packaged model, word list or language model is missing or broken."""

    default_code = "resource"


class StageError(EventwatchError):
    """A pipeline stage failed on a document."""

    default_code = "stage"

    def __init__(
        self, message: str, *, stage: str, doc_id: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(f"{stage}: {message}", code=code)
        self.stage = stage
        self.doc_id = doc_id


class EngineError(EventwatchError):
    """A worker process died or the cluster failed; what was already returned is kept."""

    default_code = "engine"


class StoreError(EventwatchError):
    """The store's database failed or refused an operation; nothing committed is lost.

    ``url`` is the store's address with any password removed; ``operation`` says
    what the store was doing (``open``, ``migrate``, ``write``, ``read``). Codes:
    ``store-locked``, ``store-full``, ``store-gone`` (server unreachable),
    ``store-schema`` (a store newer than this eventwatch), ``store-url``.
    """

    default_code = "store"

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        operation: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.url = url
        self.operation = operation


class ApiError(EventwatchError):
    """The API refused a request: no such record, no token, too large, too many.

    ``status`` is the HTTP status it answers with. Codes: ``api-not-found`` (404),
    ``api-auth`` (401), ``api-size`` (413), ``api-rate`` (429, with ``retry_after``
    seconds).
    """

    default_code = "api"

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.status = status
        self.retry_after = retry_after
