"""The dates stage: fills ``doc.times`` and dates every event of ``doc.events``."""

from __future__ import annotations

from typing import Any

from ...records import Document
from ._attach import date_events
from ._find import find_times

__all__ = ["DateStage"]


class DateStage:
    """Stage ``eventwatch.dates.v1``: temporal expressions and event dates.

    Reads the spaCy parse (no re-parsing) and the events; writes ``times`` (every
    temporal expression, resolved against ``article.pub_date``) and each event's
    ``date``.
    """

    @classmethod
    def from_settings(cls, **_: Any) -> DateStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        pub_date = doc.article.pub_date
        found = find_times(doc.parse, pub_date)
        doc.times = [f.span for f in found]
        date_events(doc.parse, doc.events, found, pub_date)
        return doc
