"""Daily and weekly dyad and country series, raw and per 1,000 reports (issue 19)."""

import numpy as np
import pandas as pd
import pytest

from eventwatch import InputError
from eventwatch.analytics import SERIES_COUNTS, Dyad, country_series, dyad_series, make_units

pytestmark = pytest.mark.issue(19)


@pytest.fixture
def units():
    rows = [
        # day, source, target, type, mode, killed, injured, source sector
        ("2023-09-25", "SRB", "XKX", "ASSAULT", "firearms", 3, 1, "MIL"),  # a Monday
        ("2023-09-25", "XKX", "SRB", "ACCUSE", None, 0, 0, "GOV"),
        ("2023-09-26", "SRB", "XKX", "CONSULT", "visit", 0, 0, "GOV"),
        ("2023-10-02", "SRB", "XKX", "THREATEN", None, 0, 0, "GOV"),
        ("2023-10-02", "SRB", "BIH", "AGREE", None, 0, 0, "GOV"),
    ]
    frame = pd.DataFrame(
        [{"unit_id": f"u{i}", "day": d, "source_country": s, "target_country": t, "type": ty,
          "mode": m, "killed": k, "injured": j, "source_sector": sec}
         for i, (d, s, t, ty, m, k, j, sec) in enumerate(rows)]
    )  # fmt: skip
    volume = pd.Series([100.0, 200.0] + [100.0] * 6, index=pd.date_range("2023-09-25", periods=8))
    return make_units(frame, volume)


def test_daily_dyad_series_both_ways(units) -> None:
    s = dyad_series(units, "SRB:XKX")
    assert list(s.index[:2]) == [pd.Timestamp("2023-09-25"), pd.Timestamp("2023-09-26")]
    assert len(s) == 8  # every day, empty days as zeros
    day = s.loc["2023-09-25"]
    assert (day["units"], day["assault"], day["accuse"]) == (2, 1, 1)
    assert (day["material_conflict"], day["verbal_conflict"]) == (1, 1)
    assert day["intensity"] == -12.0 and day["mean_intensity"] == -6.0
    assert (day["killed"], day["injured"]) == (3, 1)
    assert day["units_per_1k"] == 20.0 and day["intensity_per_1k"] == -120.0
    assert s.loc["2023-09-26", "units_per_1k"] == 5.0  # one unit in a day of 200 reports
    assert np.isnan(s.loc["2023-09-27", "mean_intensity"])
    assert {f"{c}_per_1k" for c in SERIES_COUNTS} <= set(s.columns)


def test_directed_sector_and_weekly(units) -> None:
    assert dyad_series(units, "SRB>XKX")["units"].sum() == 3
    assert dyad_series(units, "XKX>SRB")["units"].sum() == 1
    assert (
        dyad_series(units, Dyad("SRB", "XKX", source_sector="MIL", directed=True))["units"].sum()
        == 1
    )
    weekly = dyad_series(units, "SRB:XKX", by="week")
    assert list(weekly.index) == [pd.Timestamp("2023-09-25"), pd.Timestamp("2023-10-02")]
    assert weekly["units"].tolist() == [3, 1]
    assert weekly["volume"].tolist() == [800, 100]
    assert weekly["units_per_1k"].tolist() == pytest.approx([3.75, 10.0])


def test_country_series_counts_each_unit_once(units) -> None:
    s = country_series(units, "SRB")
    assert s["units"].sum() == 5
    assert country_series(units, "XKX", role="source")["units"].sum() == 1
    window = country_series(units, "SRB", start="2023-10-01", end="2023-10-02")
    assert window["units"].tolist() == [0, 2]


@pytest.mark.parametrize("text", ["SRB", "SRB:XKX:BIH", "SERBIA:XKX", "SRB:"])
def test_bad_dyads_are_input_errors(text: str) -> None:
    with pytest.raises(InputError, match="dyad"):
        Dyad.parse(text)


def test_dyad_text_forms() -> None:
    assert str(Dyad.parse("XKX:SRB")) == "SRB:XKX"  # both ways: one name
    assert str(Dyad.parse("XKX>SRB")) == "XKX>SRB"
    d = Dyad.parse("SRB/GOV@Aleksandar Vučić:XKX")
    assert (d.source_sector, d.source_actor) == ("GOV", "Aleksandar Vučić")
