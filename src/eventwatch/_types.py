"""Type aliases shared across eventwatch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .records import Document

__all__ = ["JSONDict", "Stage"]

JSONDict = dict[str, Any]
Stage = Callable[[Document], Document]
