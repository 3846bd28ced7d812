"""The ``places`` evaluation task: found by span overlap, resolved within 161 km (issue 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwatch.exceptions import InputError
from eventwatch.records import Place
from eventwatch.scoring import TASKS, evaluate
from eventwatch.scoring.places import score_places, to_report

from ..helpers import coded

pytestmark = pytest.mark.issue(5)

TEXT = "Fighting in Mitrovica and Paris."


def _gold() -> list[dict[str, Any]]:
    return [
        {
            "text": TEXT,
            "toponyms": [
                {"start": 12, "end": 21, "text": "Mitrovica", "lat": 42.88, "lon": 20.87},
                {"start": 26, "end": 31, "text": "Paris", "lat": 48.85, "lon": 2.35},
            ],
        }
    ]


def test_found_and_resolved_are_counted() -> None:
    doc = coded(
        TEXT,
        id="a",
        places=[
            Place(12, 21, "Mitrovica", "Mitrovicë", "XKX", 42.8833, 20.8667),
            Place(26, 31, "Paris", "Paris", "USA", 33.66, -95.55),
            Place(0, 8, "Fighting", "Fighting", "USA", 0.0, 0.0),
        ],
    )
    counts = score_places(_gold(), [doc])
    assert (counts.gold, counts.found, counts.resolved) == (2, 2, 1)
    report = to_report(counts)
    assert report.figures["toponyms found"] == 1.0
    assert report.figures["resolved within 161 km"] == 0.5
    assert report.figures["place precision (span)"] == pytest.approx(2 / 3)


def test_task_is_registered_and_checks_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "no toponyms field"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="toponyms"):
        evaluate(gold, task="places")
    assert "places" in TASKS
