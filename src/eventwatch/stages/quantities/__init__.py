"""How many were killed, injured, arrested, displaced or deployed.

``_events``: the ``eventwatch.quantities.v1`` stage, counts on events.
``_casualties``: a document's largest killed and injured counts.
"""

from ._casualties import casualties
from ._events import QuantityStage, parse_quantity

__all__ = ["QuantityStage", "casualties", "parse_quantity"]
