"""The API's settings: one pydantic model, from code, a TOML file's ``[api]`` table or the env."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..exceptions import ConfigError

__all__ = ["TOKEN_ENV", "ApiSettings", "load_api_settings"]

#: the environment variable that holds the bearer token for writes
TOKEN_ENV = "EVENTWATCH_API_TOKEN"
#: where ``npm ci`` puts the dashboard's libraries in a source checkout
_CHECKOUT_ASSETS = Path(__file__).resolve().parents[3] / "web" / "node_modules"


class ApiSettings(BaseModel):
    """What ``eventwatch serve`` allows, how much, and where its dashboard's libraries are."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    token: str | None = Field(
        default=None,
        description="The bearer token that writes (POST /code, POST /ingest) need; without one "
        f"here, ${TOKEN_ENV} is read; without either, writes are refused.",
    )
    open_reads: bool = Field(
        default=False,
        description="Let clients other than this machine read without the token (reads from "
        "127.0.0.1 and ::1 are always open).",
    )
    max_body_bytes: int = Field(
        default=2_000_000, ge=1024, description="The largest request body accepted (413 above)."
    )
    code_per_minute: int = Field(
        default=30, ge=1, description="POST /code requests a client may make per minute (429)."
    )
    page_size: int = Field(default=100, ge=1, description="Items per page when none is asked.")
    max_page_size: int = Field(default=1000, ge=1, description="The most items one page holds.")
    threads: int = Field(
        default=4,
        ge=1,
        le=64,
        description="Threads that run the endpoints of one server process (each keeps its own "
        "store connection). A few are enough: the work holds the GIL, and more threads only "
        "share one core among more requests, so every request finishes later.",
    )
    cache_seconds: float = Field(
        default=30.0,
        ge=0,
        description="How long series, dyads and the network reuse one read of the store's "
        "reports (an ingest through the API clears it).",
    )
    assets_dir: Path | None = Field(
        default=None,
        description="The node_modules folder of web/ (npm ci); default: the checkout's own.",
    )

    def write_token(self) -> str | None:
        """The token writes need: the configured one, else the environment's."""
        return self.token or os.environ.get(TOKEN_ENV) or None

    def assets(self) -> Path:
        return self.assets_dir if self.assets_dir is not None else _CHECKOUT_ASSETS


def load_api_settings(path: Path | None = None) -> ApiSettings:
    """Settings from a TOML file's ``[api]`` table (defaults for what it leaves out)."""
    if path is None:
        return ApiSettings()
    try:
        table = tomllib.loads(path.read_text("utf-8")).get("api", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}", code="config-api") from None
    try:
        return ApiSettings(**table)
    except ValidationError as exc:
        raise ConfigError(f"{path} [api]: {exc}", code="config-api") from None
