"""The docs stay honest: the CLI reference is current and names every command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from eventwatch.cli._reference import command_names

from .conftest import ROOT

pytestmark = pytest.mark.issue(13)


def test_the_cli_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "docs/cli.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, "docs/cli.md is stale: run `make docs`\n" + result.stderr


def test_every_command_has_help_and_a_section() -> None:
    from typer.main import get_command

    from eventwatch.cli import app

    page = (ROOT / "docs" / "cli.md").read_text("utf-8")
    group = get_command(app)
    for name in command_names():
        assert group.commands[name].help, f"eventwatch {name} has no help text"
        assert f"## eventwatch {name}\n" in page
