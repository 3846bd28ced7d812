"""Score detectors on simulated streams: recall, delay, false alarms, and volume shocks.

For each seed, :func:`~eventwatch.analytics.simulate` draws the streams, each detector runs
over them exactly as over real data (:func:`~eventwatch.analytics.detect_alerts`), and the
alerts are matched with what was injected:

* an escalation is **found within N days** (``recall_days``, 7) when an alert on its dyad is
  detected on a day from its onset to N days after;
* its **delay** is the days from onset to the first alert detected from its onset to its end
  (median and 90th percentile over the escalations found);
* a **false alarm** is an alert detected after the burn-in that starts neither during an
  escalation of its dyad nor within ``grace_days`` after it (an alert during a de-escalation is
  a false alarm), counted per dyad-year after the burn-in;
* false alarms are also counted apart **during news-volume shocks** (from a shock's first
  day to 3 days after its last) and outside them, per dyad-year of each.

Seeds are kept apart: ``tune_seeds`` are those the detector's settings were tuned on,
``check_seeds`` those reported (``eventwatch evaluate --task alerts --split check``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from ._alerts import Alert
from ._detect import DetectorName, detect_alerts
from ._settings import DetectorSettings
from ._simulate import Escalation, Simulation, SimulatorSettings, simulate
from ._units import day_number

__all__ = ["EvaluationSettings", "Figures", "evaluate_alerts", "score_simulation"]

_SHOCK_TAIL = 3


class EvaluationSettings(BaseModel):
    """The evaluation: which seeds, how alerts are matched, the simulator and detector."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tune_seeds: list[int] = Field(
        default=[11, 12, 13], description="Seeds the detector was tuned on (--split tune)."
    )
    check_seeds: list[int] = Field(
        default=[101, 102, 103, 104, 105],
        description="Seeds reported and never tuned on (--split check).",
    )
    recall_days: int = Field(default=7, ge=0, description="Found within this many days.")
    grace_days: int = Field(
        default=7, ge=0, description="An alert this soon after an escalation is still its own."
    )
    plot: str | None = Field(
        default="alerts-evaluation.png",
        description="Where to write the plot of a few streams and their alerts (None: none).",
    )
    simulator: SimulatorSettings = Field(default_factory=SimulatorSettings)
    detector: DetectorSettings = Field(default_factory=DetectorSettings)


@dataclass
class Figures:
    """One detector's figures over one or more seeds."""

    escalations: int = 0
    found: int = 0
    delays: list[int] = field(default_factory=list)
    false_alarms: int = 0
    dyad_years: float = 0.0
    shock_false_alarms: int = 0
    shock_dyad_years: float = 0.0
    alerts: int = 0
    ended: int = 0
    by_shape: dict[str, list[int]] = field(default_factory=dict)
    by_class: dict[str, list[int]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.escalations if self.escalations else 0.0

    def delay(self, quantile: float) -> float:
        return float(np.quantile(self.delays, quantile)) if self.delays else float("nan")

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.dyad_years if self.dyad_years else 0.0

    @property
    def shock_rate(self) -> float:
        return self.shock_false_alarms / self.shock_dyad_years if self.shock_dyad_years else 0.0

    @property
    def calm_rate(self) -> float:
        calm = self.dyad_years - self.shock_dyad_years
        return (self.false_alarms - self.shock_false_alarms) / calm if calm > 0 else 0.0


def _alert_days(sim: Simulation, alerts: list[Alert]) -> dict[str, list[int]]:
    first = sim.units.first_day
    out: dict[str, list[int]] = {}
    for alert in alerts:
        out.setdefault(alert.dyad, []).append(day_number(alert.detected_on) - first)
    return out


def score_simulation(
    sim: Simulation, alerts: list[Alert], figures: Figures, *, recall_days: int, grace_days: int
) -> None:
    """Add one seed's matches of ``alerts`` against what ``sim`` injected to ``figures``."""
    detected = _alert_days(sim, alerts)
    burn_in = sim.settings.burn_in_days
    for esc in sim.escalations:
        seen = np.asarray(detected.get(esc.dyad, []), dtype=np.int64)
        in_window = seen[(seen >= esc.onset) & (seen <= esc.end)]
        found = bool(((seen >= esc.onset) & (seen <= esc.onset + recall_days)).any())
        figures.escalations += 1
        figures.found += found
        if len(in_window):
            figures.delays.append(int(in_window.min()) - esc.onset)
        for key, table in ((esc.shape, figures.by_shape), (esc.dyad_class, figures.by_class)):
            hits = table.setdefault(key, [0, 0])
            hits[0] += found
            hits[1] += 1
    windows: dict[str, list[Escalation]] = {}
    for esc in sim.escalations:
        windows.setdefault(esc.dyad, []).append(esc)
    shock = np.zeros(sim.days, dtype=bool)
    for start, end in sim.shocks:
        shock[start : min(sim.days, end + _SHOCK_TAIL + 1)] = True
    scored_days = sim.days - burn_in
    figures.dyad_years += len(sim.dyads) * scored_days / 365.0
    figures.shock_dyad_years += len(sim.dyads) * float(shock[burn_in:].sum()) / 365.0
    for dyad, days in detected.items():
        for day in days:
            if day < burn_in:
                continue
            own = any(e.onset <= day <= e.end + grace_days for e in windows.get(dyad, []))
            if not own:
                figures.false_alarms += 1
                figures.shock_false_alarms += bool(shock[day])
    scored = [a for a in alerts if day_number(a.detected_on) - sim.units.first_day >= burn_in]
    figures.alerts += len(scored)
    figures.ended += sum(a.ended_on is not None for a in scored)


def evaluate_alerts(
    settings: EvaluationSettings,
    *,
    seeds: Sequence[int],
    detectors: Sequence[DetectorName] = ("cusum", "acled"),
    max_dyads: int | None = None,
    plot: Path | None = None,
) -> dict[str, Figures]:
    """Each detector's figures over ``seeds``; with ``plot``, a PNG of the first seed's streams."""
    sim_settings = settings.simulator
    if max_dyads is not None:
        sim_settings = sim_settings.model_copy(update={"dyads": max_dyads})
    figures: dict[str, Figures] = {name: Figures() for name in detectors}
    for number, seed in enumerate(seeds):
        sim = simulate(sim_settings, seed=seed)
        found: dict[str, list[Alert]] = {}
        for name in detectors:
            found[name] = detect_alerts(sim.units, settings=settings.detector, detector=name)
            score_simulation(
                sim,
                found[name],
                figures[name],
                recall_days=settings.recall_days,
                grace_days=settings.grace_days,
            )
        if plot is not None and number == 0:
            from ._plot import plot_streams

            plot_streams(sim, found, plot)
    return figures
