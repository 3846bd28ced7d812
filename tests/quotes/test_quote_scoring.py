"""Scoring of the quotes and casualties tasks (issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwatch.scoring import evaluate
from eventwatch.scoring.quotes import match_spans


def test_match_spans_is_one_to_one_by_overlap() -> None:
    gold = [[(0, 10)], [(20, 30), (40, 50)]]
    assert match_spans([(5, 8), (6, 9), (45, 46)], gold) == 2
    assert match_spans([(11, 19)], gold) == 0


def test_a_coded_span_overlapping_two_gold_spans_does_not_block_others() -> None:
    assert match_spans([(0, 30), (25, 26)], [[(0, 10)], [(20, 30)]]) == 2


def test_quotes_task(tmp_path: Path) -> None:
    text = "The minister said that the army had left the town."
    record = {
        "id": "q1",
        "text": text,
        "attributions": [
            {
                "source": {"start": 0, "end": 12, "text": "The minister", "spans": [[0, 12]]},
                "cue": {"start": 13, "end": 17, "text": "said", "spans": [[13, 17]]},
                "content": {"start": 18, "end": 49, "text": text[18:49], "spans": [[18, 49]]},
            }
        ],
    }
    gold = tmp_path / "quotes.jsonl"
    gold.write_text(json.dumps(record) + "\n")
    report = evaluate(gold, task="quotes")
    assert report.figures["source-span F1"] == 1.0
    assert report.figures["content-span F1"] == 1.0


def test_casualties_task(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "A man was shot and killed on Main Street.", "killed": 1, "injured": 0},
        {"id": "b", "text": "Two people were wounded in a shooting.", "killed": 0, "injured": 2},
    ]
    gold = tmp_path / "casualties.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    report = evaluate(gold, task="casualties")
    assert report.figures == {"killed exact": 1.0, "injured exact": 1.0}
