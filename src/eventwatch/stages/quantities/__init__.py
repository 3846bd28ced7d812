"""How many were killed, injured, arrested, displaced or deployed.

``_events``: the ``eventwatch.quantities.v1`` stage, counts on events.
``_casualties``: a document's largest killed and injured counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...pipeline.registry import StageSettings, stages
from ._casualties import casualties
from ._events import QuantityStage, parse_quantity

if TYPE_CHECKING:
    from ...resources import Resources

__all__ = ["QuantitySettings", "QuantityStage", "casualties", "make_quantities", "parse_quantity"]


class QuantitySettings(StageSettings):
    """Settings of ``eventwatch.quantities.v1`` (none yet)."""


@stages.register(
    "eventwatch.quantities.v1",
    settings=QuantitySettings,
    requires=["parse", "sentences", "events"],
    assigns=["events", "casualties"],
)
def make_quantities(settings: QuantitySettings, resources: Resources) -> QuantityStage:
    return QuantityStage()
