"""Type aliases shared across eventwatch."""

from __future__ import annotations

from typing import Any

__all__ = ["JSONDict"]

JSONDict = dict[str, Any]
