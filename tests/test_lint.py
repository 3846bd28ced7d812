"""The code base stays clean: ruff and mypy --strict, as `make lint` runs them."""

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "scripts"],
        [sys.executable, "-m", "mypy", "src"],
    ],
    ids=["ruff", "mypy"],
)
def test_linters_pass(command) -> None:
    if shutil.which(command[2], path=str(ROOT / ".venv" / "bin")) is None and not _importable(
        command[2]
    ):
        pytest.fail(f"{command[2]} is not installed: run `make install`")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
