"""The pipeline: parse once, run the configured stages, emit coded records.

:class:`Pipeline` runs; :class:`Document` is the working document the stages
share; stages register on :data:`~eventwatch.pipeline.registry.stages` with a
:class:`StageSettings` model.
"""

from __future__ import annotations

from .document import Document
from .registry import StageSettings, stages
from .runner import Pipeline, PipelineSpec

__all__ = ["Document", "Pipeline", "PipelineSpec", "StageSettings", "stages"]
