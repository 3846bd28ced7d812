"""The ``event-location`` evaluation task: the verb's event, its location against gold (issue 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventwatch.exceptions import InputError
from eventwatch.records import Evidence, Place, TextSpan
from eventwatch.scoring import TASKS, evaluate
from eventwatch.scoring.event_location import score_event_locations, to_report

from ..helpers import coded, make_event

pytestmark = pytest.mark.issue(17)

TEXT = "Rebels attacked a convoy in Mitrovica."
VERB = {"start": 7, "end": 15, "text": "attacked"}
MITROVICA = Place(28, 37, "Mitrovica", "Mitrovicë", "XKX", 42.88, 20.87)


def _gold(locations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": "x", "text": TEXT, "verb": VERB, "all_locations": locations}


def _doc(location: Place | None, trigger: tuple[int, int, str] = (7, 15, "attacked")) -> Any:
    return coded(TEXT, events=[make_event("ASSAULT", trigger=trigger, location=location)])


PLACED = [{"start": 28, "end": 37, "text": "Mitrovica"}]


@pytest.mark.parametrize(
    ("gold", "doc", "right"),
    [
        (PLACED, _doc(MITROVICA), True),
        (PLACED, _doc(None), False),
        ([], _doc(None), True),
        ([], _doc(MITROVICA), False),
        (PLACED, _doc(MITROVICA, trigger=(0, 6, "Rebels")), False),  # no event at the verb
        ([], _doc(MITROVICA, trigger=(0, 6, "Rebels")), True),
    ],
)
def test_an_item_is_right_when_the_verbs_event_is_placed_as_gold(
    gold: list[dict[str, Any]], doc: Any, right: bool
) -> None:
    counts = score_event_locations([_gold(gold)], [doc])
    assert counts.right == int(right)
    assert (counts.placed, counts.unplaced) == ((1, 0) if gold else (0, 1))


def test_a_verb_among_an_events_mentions_is_that_event() -> None:
    # "Rebels attacked a convoy in Mitrovica, killing two": one event, shown by its
    # second trigger, with the gold verb among its mentions
    text = TEXT[:-1] + ", killing two."
    attacked = Evidence(0, 0, len(text), text, TextSpan(7, 15, "attacked"))
    event = make_event("ASSAULT", trigger=(39, 46, "killing"), location=MITROVICA)
    event.mentions = [attacked, event.evidence]
    doc = coded(text, events=[event])
    assert score_event_locations([_gold(PLACED)], [doc]).right == 1
    event.mentions = [event.evidence]
    assert score_event_locations([_gold(PLACED)], [doc]).right == 0


def test_report_splits_placed_and_unplaced_items() -> None:
    counts = score_event_locations(
        [_gold(PLACED), _gold([]), _gold(PLACED)], [_doc(MITROVICA), _doc(None), _doc(None)]
    )
    figures = to_report(counts).figures
    assert figures["event location right"] == pytest.approx(2 / 3)
    assert figures["placed by gold: location right"] == 0.5
    assert figures["not placed by gold: none given"] == 1.0


def test_task_is_registered_and_checks_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "no verb field", "all_locations": []}\n', "utf-8")
    with pytest.raises(InputError, match="verb"):
        evaluate(gold, task="event-location")
    assert "event-location" in TASKS
