"""The CLI reference (``docs/cli.md``), generated from the commands by cog and checked by tests.

It is written from the click command objects (names, help, parameters, types,
defaults), not from the terminal rendering of ``--help``, so a new version of
the help formatter never makes the page stale.
"""

from __future__ import annotations

import inspect
from typing import Any

__all__ = ["command_names", "reference"]


def _group() -> Any:
    """The app as a command group (typer builds it on a click of its own)."""
    import typer

    from . import app

    return typer.main.get_command(app)


def command_names() -> list[str]:
    """Every command of the app, sorted."""
    return sorted(_group().commands)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _param_row(param: Any, ctx: Any) -> str:
    argument = param.param_type_name == "argument"
    name = f"`{param.name.upper()}`" if argument else ", ".join(f"`{o}`" for o in param.opts)
    kind = str(param.display_type(ctx)).strip("<>")
    help_text = param.help or ""
    if argument:
        kind = "argument" + ("" if param.required else ", optional") + (f": {kind}" if kind else "")
    elif param.default not in (None, False, ()) and not callable(param.default):
        help_text += f" Default: `{param.default}`."
    return f"| {name} | {_cell(kind)} | {_cell(help_text)} |"


def _command(name: str, command: Any) -> list[str]:
    ctx = command.make_context(name, ["--help"], resilient_parsing=True)
    lines = [f"## eventwatch {name}", ""]
    lines += [inspect.cleandoc(command.help or ""), ""]
    params = [p for p in command.params if p.name != "help"]
    if params:
        lines += ["| parameter | type | meaning |", "|---|---|---|"]
        lines += [_param_row(p, ctx) for p in params]
        lines.append("")
    return lines


def reference() -> str:
    """The body of ``docs/cli.md``: every command with its help and parameters."""
    group = _group()
    lines = [inspect.cleandoc(group.help or ""), ""]
    lines += [f"- [`eventwatch {n}`](#eventwatch-{n})" for n in command_names()]
    lines.append("")
    for name in command_names():
        lines += _command(name, group.commands[name])
    return "\n".join(lines)
