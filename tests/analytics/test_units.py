"""The units contract: event rows in, checked columns and the day's report volume out."""

import pandas as pd
import pytest

from eventwatch import InputError
from eventwatch.analytics import UNIT_COLUMNS, make_units, report_volume, units_from_events

pytestmark = pytest.mark.issue(19)


def _event(id_: str, doc: str, day: str, type_: str, source: list, target: list, **extra) -> dict:
    actors = lambda cs: [{"text": c, "country": c, "sector": "GOV", "name": None} for c in cs]  # noqa: E731
    return {"doc_id": doc, "id": id_, "pub_date": day, "type": type_, "mode": None,
            "source": actors(source), "target": actors(target), **extra}  # fmt: skip


def test_event_rows_become_units_with_scores_and_volume() -> None:
    rows = [
        _event("e1", "d1", "2023-09-24", "ASSAULT", ["SRB"], ["XKX"], mode="firearms", killed=4),
        _event("e2", "d1", "2023-09-24", "ACCUSE", ["XKX"], ["SRB"]),
        _event("e1", "d2", "2023-09-26", "CONSULT", ["SRB"], ["XKX", "EU"]),
        _event("e2", "d2", "2023-09-26", "AGREE", ["SRB"], ["XKX"], negated=True),
    ]
    units = units_from_events(rows)
    frame = units.frame
    assert set(UNIT_COLUMNS) <= set(frame.columns)
    assert frame["unit_id"].tolist() == ["d1:e1", "d1:e2", "d2:e1", "d2:e1"]  # one per pair
    assert frame["target_country"].astype(object).tolist() == ["XKX", "SRB", "XKX", "EU"]
    assert frame["score"].tolist() == [-9.0, -3.0, 2.5, 2.5]
    assert frame["quad"].tolist() == [4, 3, 1, 1]
    assert frame["killed"].tolist() == [4, 0, 0, 0]
    assert frame["event_ids"].tolist()[0] == ("d1:e1",)
    # the negated AGREE is left out; volume: distinct documents a day, every day in between
    assert units.volume.tolist() == [1.0, 1.0, 1.0]
    assert units.volume.index[0] == pd.Timestamp("2023-09-24")
    assert units.kind == "reports"


def test_given_volume_is_kept_and_floored_at_the_day_units() -> None:
    frame = pd.DataFrame(
        {"unit_id": ["a", "b", "c"], "day": ["2023-01-01", "2023-01-01", "2023-01-03"],
         "source_country": ["SRB"] * 3, "target_country": ["XKX"] * 3, "type": ["ASSAULT"] * 3}
    )  # fmt: skip
    volume = pd.Series([1000.0, 1.0], index=pd.to_datetime(["2023-01-01", "2023-01-03"]))
    units = make_units(frame, volume)
    assert units.volume.tolist() == [1000.0, 1.0, 1.0]  # the missing day 2 is at least 1
    lacking = pd.Series([0.0], index=[pd.Timestamp("2023-01-03")])
    assert make_units(frame, lacking).volume.tolist() == [2.0, 1.0, 1.0]  # its own units


def test_flagged_events_are_kept_when_asked() -> None:
    rows = [_event("e1", "d1", "2023-01-01", "ASSAULT", ["SRB"], ["XKX"], hypothetical=True)]
    assert len(units_from_events(rows, keep_flagged=True).frame) == 1
    with pytest.raises(InputError, match="no event rows"):
        units_from_events(rows)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "e1", "type": "ASSAULT"}, "event row 1: needs an id, a type, and a day"),
        ({"id": "e1", "pub_date": "2023-01-01"}, "event row 1: needs an id, a type"),
    ],
)
def test_bad_rows_are_input_errors(row: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        units_from_events([row])


def test_missing_columns_and_bad_days_are_input_errors() -> None:
    with pytest.raises(InputError, match="missing column"):
        make_units(pd.DataFrame({"unit_id": ["a"]}))
    frame = pd.DataFrame({"unit_id": ["a"], "day": ["not a day"], "source_country": ["SRB"],
                          "target_country": ["XKX"], "type": ["ASSAULT"]})  # fmt: skip
    with pytest.raises(InputError, match="not a date"):
        make_units(frame)


def test_report_volume_counts_documents_once_a_day() -> None:
    rows = [
        {"doc_id": "a", "id": "e1", "day": "2023-01-01"},
        {"doc_id": "a", "id": "e2", "day": "2023-01-01"},
        {"doc_id": "b", "id": "e1", "day": "2023-01-01"},
        {"id": "g1", "day": "2023-01-02"},
    ]
    assert report_volume(rows).tolist() == [2.0, 1.0]
