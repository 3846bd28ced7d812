"""The settings of the escalation detector: one pydantic model, the only copy of the defaults.

Read them from a TOML file's ``[alerts]`` table with :func:`load_detector_settings`, or build
``DetectorSettings(threshold=6.0)`` in Python. docs/analytics.md explains each in context.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..exceptions import ConfigError

__all__ = ["DetectorSettings", "load_detector_settings", "read_settings_file"]


class DetectorSettings(BaseModel):
    """How the per-dyad baseline is learnt and when a change is called an escalation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    directed: bool = Field(
        default=False,
        description="Watch each direction apart (SRB>XKX, XKX>SRB) instead of both ways.",
    )
    min_units: int = Field(
        default=3, ge=1, description="A dyad with fewer units than this in the data is not watched."
    )
    halflife_days: float = Field(
        default=120.0,
        gt=1,
        description="Baseline memory: a day's weight in the baseline halves after this many "
        "days, so the baseline follows slow trends but not a surge.",
    )
    volume_halflife_days: float = Field(
        default=90.0,
        gt=1,
        description="Memory of the typical daily report volume that each day's volume is "
        "compared with.",
    )
    warmup_days: int = Field(
        default=28,
        ge=0,
        description="No alarm in the first days of the data, while the baselines are learnt.",
    )
    volume_damping: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="On a day of v times the usual news (v > 1) the day's evidence is divided "
        "by v ** volume_damping, so that a news surge does not speed up false alarms.",
    )
    guard_days: int = Field(
        default=3,
        ge=0,
        description="The baseline of day t is learnt from days up to t - guard_days - 1, so a "
        "gradual rise is not absorbed before it is detected.",
    )
    prior_days: float = Field(
        default=10.0,
        gt=0,
        description="Weight, in days, of the prior rate of a dyad with little history.",
    )
    prior_rate: float = Field(
        default=0.05, gt=0, description="Prior units a day of each watched kind for a new dyad."
    )
    alert_weight: float = Field(
        default=0.2,
        ge=0,
        le=1,
        description="Weight in the baseline of the first alert_hold_days days of an open "
        "alert (1: like any day), so a surge is not learnt as the new normal at once.",
    )
    alert_hold_days: int = Field(
        default=14,
        ge=0,
        description="After this many days an alert's days weigh fully again and its CUSUMs "
        "restart: it goes on only if they climb back, and a lasting new level becomes the "
        "baseline, so the alert ends.",
    )
    weekday_prior_weeks: float = Field(
        default=8.0,
        gt=0,
        description="Pseudo-weeks of 'no weekday effect' behind each dyad's weekday factors.",
    )
    dispersion_prior: float = Field(
        default=0.2,
        ge=0,
        description="Prior overdispersion 1/k of the negative-binomial day counts "
        "(variance = mean + mean^2 / k).",
    )
    dispersion_prior_days: float = Field(
        default=60.0, gt=0, description="Weight, in days, of the prior overdispersion."
    )
    ratio: float = Field(
        default=3.0,
        gt=1,
        description="The count alternative the CUSUM looks for: the rate times this...",
    )
    min_extra_per_week: float = Field(
        default=5.0,
        gt=0,
        description="... and at least this many more units a week than the baseline.",
    )
    mix_tilt: float = Field(
        default=1.1,
        gt=0,
        description="The type-mix alternative: the distribution of unit conflict weights z "
        "tilted towards conflict by exp(mix_tilt * z) (1.1: conflict odds about 3 times).",
    )
    mix_cluster: float = Field(
        default=0.02,
        ge=0,
        le=1,
        description="Within-day correlation of unit types (units of one day share stories): "
        "a day of n units weighs n / (1 + cluster * (n - 1)) units.",
    )
    mix_prior_units: float = Field(
        default=20.0, gt=0, description="Pseudo-units of a neutral type mix behind each dyad's mix."
    )
    threshold_conflict: float = Field(
        default=5.5, gt=0, description="CUSUM threshold on conflict units (verbal and material)."
    )
    threshold_material: float = Field(
        default=6.0, gt=0, description="CUSUM threshold on material-conflict units."
    )
    threshold_threats: float = Field(
        default=6.0,
        gt=0,
        description="CUSUM threshold on threats and shows of force (THREATEN, MOBILIZE).",
    )
    threshold_casualties: float = Field(
        default=7.0,
        gt=0,
        description="CUSUM threshold on units with anyone killed or injured.",
    )
    threshold_mix: float = Field(
        default=5.0, gt=0, description="CUSUM threshold on the type-mix (intensity) statistic."
    )
    cap: float = Field(
        default=1.5,
        ge=1,
        description="Each CUSUM is capped at cap x its threshold, so it falls back soon after "
        "a surge ends.",
    )
    quiet_days: int = Field(
        default=7, ge=1, description="An alert ends after this many days without an alarm."
    )
    max_evidence: int = Field(
        default=25, ge=1, description="At most this many units (and their events) per alert."
    )


def read_settings_file(path: Path) -> dict[str, Any]:
    """A TOML or JSON settings file as a dict; an unreadable one is a ConfigError."""
    try:
        text = Path(path).read_text("utf-8")
        if Path(path).suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = tomllib.loads(text)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}", code="config-file") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings", code="config-file")
    return data


def load_detector_settings(path: Path | None = None, *, table: str = "alerts") -> DetectorSettings:
    """Detector settings from a file's ``[alerts]`` table (or the defaults without a file)."""
    if path is None:
        return DetectorSettings()
    data = read_settings_file(path).get(table, {})
    try:
        return DetectorSettings.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path} [{table}]: {exc}", code="config-setting") from exc
