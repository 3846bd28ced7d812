"""A simulator of dyad event streams with known escalations, to measure alerts against.

Each seed draws ``dyads`` country pairs over ``years`` years of days, and for each day:

* a **report volume**: ``volume_mean`` reports, times weekday factors (fewer at weekends), a
  slow yearly swing, and **news-volume shocks** (``shocks_per_year``, each multiplying every
  day's news by 1.5-3 for 2-10 days) that lift every dyad's counts alike;
* for each dyad, **units** (incidents) of the 16 PLOVER types: a base rate (``quiet_share``
  of dyads quiet, ``busy_share`` busy, the rest in between) times the day's volume factor, a
  slow drift of its own, a type mix of its own (more or less hostile), and **overdispersion**:
  a gamma day factor for the dyad (negative-binomial counts) and one per type (days differ in
  mix too). Each unit has a mode, ASSAULT units casualties (killed and injured), and one to
  three reports (event ids).

After ``burn_in_days``, ``escalation_share`` of the dyads get one **escalation**, of a shape:

* ``abrupt``: conflict types jump by a factor (``escalation_size``) and stay up;
* ``gradual``: they ramp up to it over ``ramp_days``;
* ``mix``: conflict replaces cooperation at the same total volume (busy-enough dyads only);
* ``threats``: threats and mobilisation first, then force (ASSAULT, COERCE);
* ``casualties``: ASSAULT rises modestly but with many more and larger casualty tolls.

Every escalation adds at least ``extra_per_week`` conflict units a week, drawn between 7 and
28 (the issue's own example, Serbia and Kosovo, is 9 incidents in 7 days against a baseline of
1.2 a week: 7.8 more), whatever its factor, lasts ``escalation_days`` and then falls back over
a week. ``de_escalation_share`` of the dyads get a
**de-escalation** instead (conflict down, cooperation up), which should raise no alert.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from ..resources.countries import read_countries
from ._scores import PLOVER_TYPES, score_table
from ._units import Units, make_units

__all__ = ["SHAPES", "Escalation", "Simulation", "SimulatorSettings", "simulate"]

SHAPES = ("abrupt", "gradual", "mix", "threats", "casualties")
Range = tuple[float, float]
Array = npt.NDArray[np.float64]

_T = {t: i for i, t in enumerate(PLOVER_TYPES)}
_COOP = [t for t in PLOVER_TYPES if _T[t] < 7]
_CONFLICT = [t for t in PLOVER_TYPES if _T[t] >= 7]
#: typical shares within cooperation and within conflict (each dyad varies around them)
_COOP_MIX = {"AGREE": 15, "CONSULT": 35, "SUPPORT": 15, "CONCEDE": 5, "COOPERATE": 12, "AID": 10,
             "RETREAT": 8}  # fmt: skip
_CONFLICT_MIX = {"REQUEST": 15, "ACCUSE": 25, "REJECT": 12, "THREATEN": 10, "PROTEST": 10,
                 "SANCTION": 5, "MOBILIZE": 6, "COERCE": 8, "ASSAULT": 9}  # fmt: skip


class SimulatorSettings(BaseModel):
    """What the simulator draws (see the module docstring); one seed is one draw."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dyads: int = Field(default=200, ge=1, description="Country pairs per seed.")
    years: float = Field(default=2.0, gt=0, description="Length of each stream.")
    start: dt.date = Field(default=dt.date(2022, 1, 3), description="First day (a Monday).")
    burn_in_days: int = Field(
        default=120, ge=35, description="No escalation starts before; alerts before are not scored."
    )
    volume_mean: float = Field(default=3000.0, gt=0, description="Mean reports a day, all dyads.")
    volume_weekday: tuple[float, ...] = Field(
        default=(1.05, 1.1, 1.1, 1.05, 1.0, 0.75, 0.7),
        min_length=7,
        max_length=7,
        description="Volume factor Monday..Sunday, shared by every dyad's counts.",
    )
    volume_swing: float = Field(default=0.15, ge=0, lt=1, description="Yearly swing of the volume.")
    shocks_per_year: float = Field(default=6.0, ge=0, description="News-volume shocks a year.")
    shock_size: Range = Field(default=(1.5, 3.0), description="Volume factor of a shock.")
    shock_days: Range = Field(default=(2, 10), description="Length of a shock in days.")
    quiet_share: float = Field(default=0.55, ge=0, le=1, description="Share of quiet dyads.")
    busy_share: float = Field(default=0.15, ge=0, le=1, description="Share of busy dyads.")
    quiet_rate: Range = Field(default=(0.05, 0.5), description="Units a day of a quiet dyad.")
    medium_rate: Range = Field(default=(0.5, 3.0), description="Units a day of a medium dyad.")
    busy_rate: Range = Field(default=(3.0, 25.0), description="Units a day of a busy dyad.")
    conflict_share: Range = Field(
        default=(0.05, 0.5), description="A dyad's share of conflict units."
    )
    dispersion: Range = Field(
        default=(2.0, 20.0),
        description="Shape k of the gamma day factor (negative-binomial counts).",
    )
    type_dispersion: float = Field(
        default=30.0, gt=0, description="Shape of the per-type gamma day factor (mix noise)."
    )
    drift: float = Field(
        default=0.3, ge=0, description="Amplitude of a dyad's slow drift (log scale)."
    )
    casualty_share: Range = Field(
        default=(0.1, 0.5), description="Share of ASSAULT units with casualties."
    )
    escalation_share: float = Field(
        default=0.5, ge=0, le=1, description="Dyads with an escalation."
    )
    de_escalation_share: float = Field(
        default=0.25, ge=0, le=1, description="Dyads with a de-escalation."
    )
    shape_weights: dict[str, float] = Field(
        default={"abrupt": 0.3, "gradual": 0.2, "mix": 0.25, "threats": 0.15, "casualties": 0.1},
        description="How often each escalation shape is drawn (mix only where it can be).",
    )
    escalation_size: Range = Field(default=(3.0, 10.0), description="Factor on the conflict rate.")
    extra_per_week: Range = Field(
        default=(7.0, 28.0),
        description="An escalation adds at least this many conflict units a week (drawn "
        "log-uniformly), whatever the factor.",
    )
    escalation_days: Range = Field(default=(14, 60), description="How long an escalation lasts.")
    ramp_days: Range = Field(default=(5, 14), description="Ramp of a gradual escalation.")


@dataclass(frozen=True)
class Escalation:
    """A change injected on a dyad: days are indices from the stream's first day."""

    dyad: str
    shape: str
    onset: int
    end: int
    size: float
    dyad_class: str
    escalation: bool = True


@dataclass
class Simulation:
    """One seed's streams (as :class:`Units`) and what was injected into them."""

    units: Units
    settings: SimulatorSettings
    seed: int
    dyads: list[str]
    dyad_class: dict[str, str]
    escalations: list[Escalation] = field(default_factory=list)
    de_escalations: list[Escalation] = field(default_factory=list)
    shocks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def days(self) -> int:
        return self.units.days


def _uniform(rng: np.random.Generator, r: Range) -> float:
    return float(rng.uniform(r[0], r[1]))


def _log_uniform(rng: np.random.Generator, r: Range) -> float:
    return float(np.exp(rng.uniform(np.log(r[0]), np.log(r[1]))))


def _volume(
    s: SimulatorSettings, rng: np.random.Generator, days: int
) -> tuple[Array, list[tuple[int, int]]]:
    t = np.arange(days)
    weekday = np.asarray(s.volume_weekday)[(t + s.start.weekday()) % 7]
    swing = 1.0 + s.volume_swing * np.sin(2 * np.pi * t / 365.0 + rng.uniform(0, 2 * np.pi))
    shock = np.ones(days)
    shocks: list[tuple[int, int]] = []
    for _ in range(rng.poisson(s.shocks_per_year * days / 365.0)):
        start, length = int(rng.integers(0, days)), int(round(_uniform(rng, s.shock_days)))
        size = _uniform(rng, s.shock_size)
        profile = np.concatenate([np.full(length, size), 1 + (size - 1) * np.array([0.5, 0.25])])
        stop = min(days, start + len(profile))
        shock[start:stop] *= profile[: stop - start]
        shocks.append((start, min(days - 1, start + length - 1)))
    return weekday * swing * shock, shocks


def _dyad_names(rng: np.random.Generator, n: int) -> list[str]:
    codes = sorted(c.iso3 for c in read_countries())
    names: set[str] = set()
    while len(names) < n:
        a, b = sorted(rng.choice(codes, size=2, replace=False).tolist())
        names.add(f"{a}:{b}")
    return sorted(names)


def _mix(rng: np.random.Generator, share: float) -> Array:
    coop = rng.dirichlet([_COOP_MIX[t] / 5 for t in _COOP])
    conflict = rng.dirichlet([_CONFLICT_MIX[t] / 5 for t in _CONFLICT])
    return np.concatenate([(1 - share) * coop, share * conflict])


def _effect(
    s: SimulatorSettings, rng: np.random.Generator, base: Array, rate: float, scale: Array
) -> tuple[Array, Array, str, int, int, float]:
    """Day x type rate factors, casualty factors, shape, onset, end and size of one escalation.

    ``scale`` is the dyad's daily factor besides the escalation (volume, drift): the extra
    units are added to the rate of the four weeks before the onset.
    """
    days = len(scale)
    factor = np.ones((days, len(PLOVER_TYPES)))
    casualty = np.ones(days)
    onset = int(rng.integers(s.burn_in_days, max(s.burn_in_days + 1, days - 30)))
    rate *= float(scale[max(0, onset - 28) : onset].mean())
    conflict_rate = rate * base[7:].sum()
    extra = _log_uniform(rng, s.extra_per_week) / 7.0
    # a mix shift at a steady volume needs cooperation to turn: at least 1.5 x the extra
    shapes = [k for k in SHAPES if k != "mix" or rate * base[:7].sum() >= 1.5 * extra]
    weights = np.array([s.shape_weights.get(k, 0.0) for k in shapes])
    shape = shapes[int(rng.choice(len(shapes), p=weights / weights.sum()))]
    length = int(round(_uniform(rng, s.escalation_days)))
    ramp = int(round(_uniform(rng, s.ramp_days))) if shape == "gradual" else 0
    top = min(days, onset + ramp + length)
    size = max(_uniform(rng, s.escalation_size), 1 + extra / max(conflict_rate, 1e-9))
    level = np.zeros(days)
    level[onset:top] = 1.0
    if ramp:
        level[onset : onset + ramp] = np.linspace(1.0 / ramp, 1.0, ramp)[: max(0, top - onset)]
    fall = np.linspace(1.0, 0.0, 9)[1:-1]
    level[top : top + len(fall)] = fall[: max(0, min(days, top + len(fall)) - top)]
    end = min(days - 1, top + len(fall) - 1)
    if shape in ("abrupt", "gradual"):
        factor[:, 7:] = 1 + (size - 1) * level[:, None]
    elif shape == "mix":
        coop = base[:7].sum()
        shift = min(0.9, max(rng.uniform(0.35, 0.7), extra / (rate * coop)))
        share = conflict_rate / rate + coop * shift
        factor[:, 7:] = 1 + (share / (1 - coop) - 1) * level[:, None]
        factor[:, :7] = 1 - shift * level[:, None]
        size = share / (1 - coop)
    elif shape == "threats":
        split = onset + int(rng.integers(5, 11))
        threat_types = [_T["THREATEN"], _T["MOBILIZE"]]
        force_types = [_T["ASSAULT"], _T["COERCE"]]
        threat_size = 1 + extra / max(rate * base[threat_types].sum(), 1e-9)
        force_size = 1 + extra / max(rate * base[force_types].sum(), 1e-9)
        phase1, phase2 = level.copy(), level.copy()
        phase1[split:] = 0.0
        phase2[:split] = 0.0
        factor[:, threat_types] = 1 + (max(size, threat_size) - 1) * phase1[:, None]
        factor[:, force_types] = 1 + (max(size, force_size) - 1) * phase2[:, None]
    else:  # casualties: ASSAULT up moderately, most of it with casualties, and larger tolls
        assault_size = max(_uniform(rng, (1.5, 3.0)), 1 + 0.5 * extra / max(rate * base[15], 1e-9))
        factor[:, _T["ASSAULT"]] = 1 + (assault_size - 1) * level
        casualty = 1 + 4 * level
        size = assault_size
    return factor, casualty, shape, onset, end, size


def _de_escalation(
    s: SimulatorSettings, rng: np.random.Generator, days: int
) -> tuple[Array, int, int]:
    factor = np.ones((days, len(PLOVER_TYPES)))
    onset = int(rng.integers(s.burn_in_days, max(s.burn_in_days + 1, days - 30)))
    end = min(days - 1, onset + int(rng.integers(30, 121)))
    factor[onset : end + 1, 7:] = rng.uniform(0.2, 0.5)
    factor[onset : end + 1, :7] = rng.uniform(1.2, 2.0)
    return factor, onset, end


def simulate(settings: SimulatorSettings | None = None, *, seed: int) -> Simulation:
    """Draw one seed's streams and the escalations, de-escalations and shocks injected."""
    s = settings or SimulatorSettings()
    rng = np.random.default_rng(seed)
    days = int(round(365 * s.years))
    volume_factor, shocks = _volume(s, rng, days)
    names = _dyad_names(rng, s.dyads)
    t = np.arange(days)
    frames: list[pd.DataFrame] = []
    escalations: list[Escalation] = []
    de_escalations: list[Escalation] = []
    classes: dict[str, str] = {}
    modes = _mode_choices()
    for d, name in enumerate(names):
        kind = rng.uniform()
        dyad_class = (
            "quiet" if kind < s.quiet_share else "busy" if kind > 1 - s.busy_share else "medium"
        )
        rate = _log_uniform(rng, getattr(s, f"{dyad_class}_rate"))
        base = _mix(rng, _uniform(rng, s.conflict_share))
        drift = np.exp(
            s.drift
            * rng.uniform(-1, 1)
            * np.sin(2 * np.pi * t / rng.uniform(200, 600) + rng.uniform(0, 6.3))
            + s.drift * rng.uniform(-1, 1) * (t / days - 0.5)
        )
        factor = np.ones((days, len(PLOVER_TYPES)))
        casualty = np.ones(days)
        draw = rng.uniform()
        if draw < s.escalation_share:
            factor, casualty, shape, onset, end, size = _effect(
                s, rng, base, rate, volume_factor * drift
            )
            escalations.append(Escalation(name, shape, onset, end, size, dyad_class))
        elif draw < s.escalation_share + s.de_escalation_share:
            factor, onset, end = _de_escalation(s, rng, days)
            de_escalations.append(
                Escalation(name, "de-escalation", onset, end, 0.0, dyad_class, False)
            )
        classes[name] = dyad_class
        k = _log_uniform(rng, s.dispersion)
        day_factor = rng.gamma(k, 1 / k, size=days)[:, None]
        type_factor = rng.gamma(
            s.type_dispersion, 1 / s.type_dispersion, size=(days, len(PLOVER_TYPES))
        )
        mu = (
            rate
            * (volume_factor * drift)[:, None]
            * base[None, :]
            * factor
            * day_factor
            * type_factor
        )
        counts = rng.poisson(mu)
        frames.append(
            _units(rng, name, d, counts, casualty, _uniform(rng, s.casualty_share), modes, seed)
        )
    frame = pd.concat(frames, ignore_index=True)
    frame["day"] = pd.Timestamp(s.start) + pd.to_timedelta(frame.pop("t"), unit="D")
    volume = pd.Series(
        rng.poisson(s.volume_mean * volume_factor).astype(np.float64),
        index=pd.date_range(pd.Timestamp(s.start), periods=days, freq="D"),
    )
    return Simulation(
        units=make_units(frame, volume, kind="incidents"),
        settings=s,
        seed=seed,
        dyads=names,
        dyad_class=classes,
        escalations=escalations,
        de_escalations=de_escalations,
        shocks=shocks,
    )


def _mode_choices() -> list[list[str | None]]:
    table = score_table()
    out: list[list[str | None]] = [[None] for _ in PLOVER_TYPES]
    for type_, mode in table.mode_scores:
        out[_T[type_]].append(mode)
    return out


def _units(
    rng: np.random.Generator,
    name: str,
    d: int,
    counts: npt.NDArray[np.int64],
    casualty: Array,
    casualty_share: float,
    modes: list[list[str | None]],
    seed: int,
) -> pd.DataFrame:
    day, type_ = np.nonzero(counts)
    reps = counts[day, type_]
    day, type_ = np.repeat(day, reps), np.repeat(type_, reps)
    n = len(day)
    a, b = name.split(":")
    forward = rng.uniform(size=n) < 0.5
    mode = [modes[k][int(rng.integers(len(modes[k])))] for k in type_.tolist()]
    assault = type_ == _T["ASSAULT"]
    boost = casualty[day]
    hurt = assault & (rng.uniform(size=n) < np.minimum(0.95, casualty_share * boost))
    killed = np.where(hurt, rng.negative_binomial(0.6, 0.6 / (0.6 + 1.5 * boost)), 0)
    injured = np.where(hurt, rng.negative_binomial(0.6, 0.6 / (0.6 + 2.0 * boost)), 0)
    injured = np.where(hurt & (killed + injured == 0), 1, injured)
    ids = [f"s{seed}-{d}-{i}" for i in range(n)]
    reports = rng.integers(1, 4, size=n)
    return pd.DataFrame(
        {
            "unit_id": ids,
            "t": day,
            "source_country": np.where(forward, a, b),
            "target_country": np.where(forward, b, a),
            "type": np.asarray(PLOVER_TYPES, dtype=object)[type_],
            "mode": mode,
            "killed": killed,
            "injured": injured,
            "event_ids": [
                tuple(f"{u}-r{j}" for j in range(r))
                for u, r in zip(ids, reports.tolist(), strict=True)
            ],
        }
    )
