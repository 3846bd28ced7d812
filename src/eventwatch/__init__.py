"""eventwatch: news text to PLOVER political event data, with evidence.

>>> from eventwatch import Pipeline
>>> doc = Pipeline.load().code_text("Police arrested 30 protesters in Belgrade.", id="x")
"""

from __future__ import annotations

from .exceptions import (
    ConfigError,
    DictionaryError,
    DocumentError,
    EventwatchError,
    InputError,
    ResourceError,
    StageError,
)
from .pipeline import Pipeline
from .records import (
    Actor,
    Article,
    DocError,
    Document,
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

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "DictionaryError",
    "DocError",
    "Document",
    "DocumentError",
    "Event",
    "EventwatchError",
    "Evidence",
    "InputError",
    "Pipeline",
    "Place",
    "Quantity",
    "Quote",
    "ResourceError",
    "StageError",
    "TextSpan",
    "TimeSpan",
    "document_to_dict",
    "event_to_dict",
    "__version__",
]
