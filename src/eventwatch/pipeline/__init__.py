"""The pipeline: parse once, run the configured stages, emit coded records."""

from __future__ import annotations

from .runner import Pipeline

__all__ = ["Pipeline"]
