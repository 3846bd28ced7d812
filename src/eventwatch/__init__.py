"""eventwatch: news text to PLOVER political event data, with evidence.

>>> from eventwatch import Pipeline
>>> doc = Pipeline.load().code_text("Police arrested 30 protesters in Belgrade.", id="x")
>>> [event.type for event in doc.events]
['COERCE']
"""

from __future__ import annotations

from ._version import __version__
from .exceptions import (
    ApiError,
    ConfigError,
    DictionaryError,
    DocumentError,
    EngineError,
    EventwatchError,
    InputError,
    ResourceError,
    StageError,
    StoreError,
)
from .pipeline import Document, Pipeline, StageSettings
from .records import (
    Actor,
    Article,
    CodedDocument,
    DocError,
    Event,
    Evidence,
    Place,
    Quantity,
    Quote,
    TextSpan,
    TimeSpan,
    document_to_dict,
    event_to_dict,
)
from .resources import Resources

__all__ = [
    "Actor",
    "ApiError",
    "Article",
    "CodedDocument",
    "ConfigError",
    "DictionaryError",
    "DocError",
    "Document",
    "DocumentError",
    "EngineError",
    "Event",
    "EventwatchError",
    "Evidence",
    "InputError",
    "Pipeline",
    "Place",
    "Quantity",
    "Quote",
    "ResourceError",
    "Resources",
    "StageError",
    "StageSettings",
    "StoreError",
    "TextSpan",
    "TimeSpan",
    "document_to_dict",
    "event_to_dict",
    "__version__",
]
