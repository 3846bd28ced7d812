"""``eventwatch evaluate --task alerts``: simulated streams, no gold file (issue 19)."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app

runner = CliRunner()
pytestmark = pytest.mark.issue(19)


def test_alerts_task_runs_on_a_simulator_config(tmp_path: Path) -> None:
    config = tmp_path / "sim.toml"
    plot = tmp_path / "streams.png"
    config.write_text(
        f'tune_seeds = [3]\ncheck_seeds = [4]\nplot = "{plot}"\n'
        "[simulator]\ndyads = 25\nyears = 1.0\n[detector]\nquiet_days = 7\n",
        "utf-8",
    )
    result = runner.invoke(app, ["evaluate", str(config), "--task", "alerts", "--split", "check"])
    assert result.exit_code == 0, result.output
    assert "alerts on simulated streams [check]" in result.output
    assert "│ seeds " in result.output and "│ dyad-years after burn-in " in result.output
    for measure in ("eventwatch: recall within 7 days", "ACLED rule: median delay"):
        assert measure in result.output
    assert (tmp_path / "streams-check.png").read_bytes()[:4] == b"\x89PNG"


def test_a_bad_simulator_config_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "sim.toml"
    config.write_text("[simulator]\ndyad = 25\n", "utf-8")
    result = runner.invoke(app, ["evaluate", str(config), "--task", "alerts"])
    assert result.exit_code != 0
    assert "dyad" in str(result.exception) or "dyad" in result.output


def test_gold_tasks_still_need_a_file() -> None:
    from eventwatch.cli import main  # noqa: F401  (the entry point prints our errors)
    from eventwatch.exceptions import InputError
    from eventwatch.scoring import evaluate

    with pytest.raises(InputError, match="task 'plover' needs a gold file"):
        evaluate(None, task="plover")
