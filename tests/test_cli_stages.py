"""eventwatch stages lists what a config can set (issue 13)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app

pytestmark = pytest.mark.issue(13)


def test_stages_lists_the_order_and_every_setting_with_its_default() -> None:
    result = CliRunner().invoke(app, ["stages", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    stages = [json.loads(line) for line in result.stdout.splitlines()]
    assert stages[0]["name"] == "eventwatch.layout.v1"
    places = next(s for s in stages if s["name"] == "eventwatch.places.v1")
    assert places["settings"]["max_candidates"] == {
        "default": 3,
        "description": "runner-up readings kept in each place's ``candidates``",
    }
    assert places["requires"] == ["parse", "sentences", "mentions", "events"]
    events = next(s for s in stages if s["name"] == "eventwatch.event_detector.v1")
    assert events["settings"]["confidence"]["default"]["base"] == 0.45
