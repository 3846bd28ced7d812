"""``eventwatch serve``: the REST API and the dashboard over a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._filters import DbOption
from ._shared import ConfigOption, err
from .render import visible

__all__ = ["serve_command"]


@app.command("serve")
def serve_command(
    db: DbOption = "eventwatch.db",
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on (this machine only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="The TCP port.")] = 8000,
    settings: Annotated[
        Path | None,
        typer.Option(
            "--settings",
            exists=True,
            dir_okay=False,
            help="A TOML file whose [api] table sets the token, limits and open reads.",
        ),
    ] = None,
    config: ConfigOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-w", min=1, help="Server processes (each holds its own rate limits)."
        ),
    ] = 1,
) -> None:
    """Serve the REST API (OpenAPI schema at /docs) and the dashboard at / over the store.

    Reads are open from this machine; POST /code and POST /ingest need the bearer token
    of the settings file or of $EVENTWATCH_API_TOKEN (docs/api.md).
    """
    import json
    import os

    import uvicorn

    from ..api import SERVE_ENV, create_app, load_api_settings
    from ..pipeline import PipelineSpec

    chosen = load_api_settings(settings)
    application = create_app(db, settings=chosen, spec=PipelineSpec.load(config))
    writes = "on" if chosen.write_token() else "off (no token)"
    err.print(visible(f"eventwatch: serving {db} on http://{host}:{port}/ (writes {writes})"),
              highlight=False)  # fmt: skip
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    os.environ[SERVE_ENV] = json.dumps(
        {"url": db, "settings": chosen.model_dump(mode="json"),
         "config": str(config) if config else None}
    )  # fmt: skip
    uvicorn.run("eventwatch.api:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")  # fmt: skip
