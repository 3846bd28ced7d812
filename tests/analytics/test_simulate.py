"""The simulator draws realistic streams with known changes; the evaluation scores alerts."""

from pathlib import Path

import numpy as np
import pytest

from eventwatch.analytics import (
    EvaluationSettings,
    SimulatorSettings,
    dyad_series,
    evaluate_alerts,
    simulate,
)

pytestmark = pytest.mark.issue(19)

SMALL = SimulatorSettings(dyads=40, years=1.0)


@pytest.fixture(scope="module")
def sim():
    return simulate(SMALL, seed=7)


def test_same_seed_same_streams(sim) -> None:
    again = simulate(SMALL, seed=7)
    assert again.units.frame["unit_id"].tolist() == sim.units.frame["unit_id"].tolist()
    assert again.escalations == sim.escalations
    other = simulate(SMALL, seed=8)
    assert other.units.frame["unit_id"].tolist() != sim.units.frame["unit_id"].tolist()


def test_streams_have_the_documented_features(sim) -> None:
    volume = sim.units.volume
    weekend = volume[volume.index.day_of_week >= 5].mean()
    assert weekend < 0.85 * volume[volume.index.day_of_week < 5].mean()
    assert sim.shocks and all(0 <= a <= b < sim.days for a, b in sim.shocks)
    classes = set(sim.dyad_class.values())
    assert {"quiet", "busy"} <= classes
    busy = next(d for d, c in sim.dyad_class.items() if c == "busy")
    counts = dyad_series(sim.units, busy)["units"].to_numpy()[:100]
    assert counts.var() > 1.5 * counts.mean()  # overdispersed, not Poisson
    assert sim.escalations and sim.de_escalations
    for esc in sim.escalations:
        assert SMALL.burn_in_days <= esc.onset < esc.end < sim.days
        # every escalation adds at least 7 conflict units a week (1 a day) on its dyad
        series = dyad_series(sim.units, esc.dyad)
        conflict = (series["verbal_conflict"] + series["material_conflict"]).to_numpy()
        before = conflict[esc.onset - 28 : esc.onset].mean()
        plateau = slice(esc.onset + 14, esc.end - 7)
        if esc.shape != "casualties" and esc.end - esc.onset > 28:
            assert conflict[plateau].mean() > before + 0.7, esc
        if esc.shape == "casualties":
            hurt = (series["killed"] + series["injured"]).to_numpy()
            assert hurt[esc.onset : esc.end].mean() > 2 * hurt[esc.onset - 60 : esc.onset].mean()


def test_mix_shift_keeps_the_volume(sim) -> None:
    shifted = simulate(
        SimulatorSettings(dyads=60, years=1.0, shape_weights={"mix": 1.0, "abrupt": 1e-9}),
        seed=3,
    )
    mixes = [e for e in shifted.escalations if e.shape == "mix"]
    assert mixes
    for esc in mixes:
        s = dyad_series(shifted.units, esc.dyad)
        total = s["units"].to_numpy()
        conflict = (s["verbal_conflict"] + s["material_conflict"]).to_numpy()
        before, during = slice(esc.onset - 60, esc.onset), slice(esc.onset + 7, esc.end - 7)
        per_report = s["units_per_1k"].to_numpy()  # news shocks aside, the volume holds
        assert abs(per_report[during].mean() / per_report[before].mean() - 1) < 0.35
        share_before = conflict[before].sum() / total[before].sum()
        assert conflict[during].sum() / total[during].sum() > share_before + 0.15


def test_evaluation_scores_both_detectors_and_plots(tmp_path: Path) -> None:
    settings = EvaluationSettings(simulator=SimulatorSettings(dyads=30, years=1.0))
    plot = tmp_path / "alerts.png"
    figures = evaluate_alerts(settings, seeds=[5], plot=plot)
    assert set(figures) == {"cusum", "acled"}
    ours, acled = figures["cusum"], figures["acled"]
    assert ours.escalations == acled.escalations > 0
    assert ours.dyad_years == pytest.approx(30 * (365 - 120) / 365)
    assert ours.recall > 0.6 and ours.false_alarm_rate < acled.false_alarm_rate
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_tuning_and_reported_seeds_are_apart() -> None:
    settings = EvaluationSettings()
    assert not set(settings.tune_seeds) & set(settings.check_seeds)
    assert np.all(np.asarray(settings.check_seeds) > max(settings.tune_seeds))
