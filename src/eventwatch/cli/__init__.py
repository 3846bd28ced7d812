"""The ``eventwatch`` command line: a thin shell over the library.

Each command parses its options, calls one library function, and formats the
result. Errors from eventwatch are caught once, in :func:`main`.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.text import Text

from ..exceptions import EventwatchError, InputError
from ._shared import err

__all__ = ["app", "main"]

app = typer.Typer(
    help="eventwatch: news text to PLOVER political events, with evidence.",
    no_args_is_help=True,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        from ..versions import versions

        typer.echo(versions())
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the versions and exit."
        ),
    ] = False,
) -> None:
    """eventwatch: news text to PLOVER political events, with evidence."""


# Command modules register their commands on ``app`` when imported (one line each):
from . import actors as _actors  # noqa: E402,F401
from . import analytics as _analytics  # noqa: E402,F401
from . import code as _code  # noqa: E402,F401
from . import dates as _dates  # noqa: E402,F401
from . import evaluate as _evaluate  # noqa: E402,F401
from . import incidents as _incidents  # noqa: E402,F401
from . import ingest as _ingest  # noqa: E402,F401
from . import quotes as _quotes  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import stages as _stages  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401


def main() -> None:
    """Entry point: run the app, turning eventwatch errors into one clear line.

    Usage mistakes are the command-line library's to report (exit 2); our own
    errors are printed here as ``ClassName: message`` without a traceback:
    exit 2 for bad input, 1 for anything else.
    """
    try:
        app(standalone_mode=True)
    except BrokenPipeError:  # `eventwatch query … | head`: the reader has what it wanted
        sys.stderr.close()
        raise SystemExit(0) from None
    except InputError as exc:
        _report(exc)
        raise SystemExit(2) from None
    except EventwatchError as exc:
        _report(exc)
        raise SystemExit(1) from None


def _report(exc: EventwatchError) -> None:
    """``ClassName: [code] message``; the message is text, never markup."""
    from .render import visible

    line = Text(type(exc).__name__, style="red")
    line.append_text(visible(f": {exc}"))
    err.print(line, highlight=False)
