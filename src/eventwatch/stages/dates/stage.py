"""The dates stage: fills ``doc.times`` and dates every event of ``doc.events``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ._attach import date_events
from ._find import find_times

if TYPE_CHECKING:
    from ...resources import Resources

__all__ = ["DateSettings", "DateStage", "make_dates"]


class DateSettings(StageSettings):
    """Settings of ``eventwatch.dates.v1`` (the resolution rules are the grammar's)."""

    #: an event whose own date ends more than this many days before publication is
    #: historical ("the 2004 bombing", "killed in 2019")
    historical_days: int = Field(default=365, ge=0)


class DateStage:
    """Stage ``eventwatch.dates.v1``: temporal expressions and event dates.

    Reads the spaCy parse (no re-parsing) and the events; writes ``times`` (every
    temporal expression, resolved against ``article.pub_date``), each event's
    ``date``, and ``historical`` on events that their own date puts years back.
    """

    def __init__(self, settings: DateSettings | None = None) -> None:
        self.settings = settings or DateSettings()

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        pub_date = doc.article.pub_date
        found = find_times(doc.parse, pub_date)
        doc.times = [f.span for f in found]
        date_events(
            doc.parse, doc.events, found, pub_date, historical_days=self.settings.historical_days
        )
        return doc


@stages.register(
    "eventwatch.dates.v1",
    settings=DateSettings,
    requires=["parse", "sentences", "events"],
    assigns=["times", "events"],
)
def make_dates(settings: DateSettings, resources: Resources) -> DateStage:
    return DateStage(settings)
