"""eventwatch's escalation detector: per-dyad baselines and four one-sided CUSUMs, online.

Day by day, for every watched dyad at once (numpy vectors over dyads):

* **Volume.** Each day's report volume is divided by the typical volume (an exponentially
  weighted mean of the days before), giving ``v``: 2 on a day when twice the usual news came in.
* **Baseline.** Three count streams (conflict units, material-conflict units, units with
  casualties)
  have a rate per typical-volume day, learnt as an exponentially weighted ratio (half-life
  ``halflife_days``) of counts to exposure, with a prior of ``prior_rate`` worth ``prior_days``.
  The expected count of day t is ``rate * v * weekday``; the dyad's seven weekday factors are
  learnt the same way from all its units, shrunk towards 1. The baseline of day t is learnt
  from days up to ``t - guard_days - 1``, and the first ``alert_hold_days`` days of an open
  alert enter it with weight ``alert_weight``: a surge is not absorbed before it is called, a
  lasting new level is, and the alert ends.
* **Overdispersion.** Day counts are negative binomial with variance ``mu + phi * mu**2``; each
  dyad's ``phi`` is learnt from its squared residuals, shrunk to ``dispersion_prior``.
* **Count CUSUMs.** For each stream, the log-likelihood ratio of the day's count under
  ``mu1 = max(ratio * mu, mu + min_extra_per_week / 7 * v)`` against ``mu`` is added to a
  CUSUM kept at or above 0 (and capped at ``cap`` times its threshold).
* **Mix CUSUM.** The type mix: each unit's conflict score ``z = -score / 10`` (PLOVER score),
  the alternative tilting the dyad's baseline distribution of ``z`` by ``exp(mix_tilt * z)``;
  the day's log-likelihood ratio ``mix_tilt * sum(z) - n * log E0[exp(mix_tilt * z)]`` is
  down-weighted for days of many units (``mix_cluster``). It moves when cooperation turns to
  conflict or threats to force, even at a steady volume.

An alarm is a CUSUM at or above its threshold. The estimated change day is the day the first
alarming CUSUM last left 0. An alert opens at the first alarm and ends after ``quiet_days``
days without one, when the CUSUMs restart from 0. Volume cancels out of every statistic, so a
news surge that lifts every dyad alike raises none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ._panel import Panel
from ._settings import DetectorSettings

__all__ = ["COUNT_STREAMS", "STREAMS", "CusumDetector", "Scan", "relative_volume"]

#: the detector's streams, in bit order of ``Scan.fired``
COUNT_STREAMS = ("conflict", "material", "threats", "casualties")
STREAMS = (*COUNT_STREAMS, "mix")

Array = npt.NDArray[np.float64]
#: overdispersion beyond this (variance = mu + 2 mu^2) is taken as this
_MAX_DISPERSION = 2.0


@dataclass
class Scan:
    """Day-by-day decisions for a panel of dyads (arrays of dyads x days)."""

    alarm: npt.NDArray[np.bool_]
    #: the largest CUSUM over its threshold (1 or more on an alarm)
    score: npt.NDArray[np.float32]
    #: bit i set: stream ``STREAMS[i]`` alarmed
    fired: npt.NDArray[np.uint8]
    #: day index the change is estimated to have started (on alarm days)
    change: npt.NDArray[np.int32]
    #: baseline units per typical week of each count stream (streams x dyads x days)
    weekly: npt.NDArray[np.float32]


def relative_volume(volume: Array, halflife_days: float) -> Array:
    """Each day's volume over the exponentially weighted mean volume of the days before."""
    decay = 0.5 ** (1.0 / halflife_days)
    out = np.ones_like(volume)
    mean = volume[0] if len(volume) else 1.0
    for t, value in enumerate(volume.tolist()):
        out[t] = value / max(mean, 1e-9)
        mean = decay * mean + (1.0 - decay) * value
    return out


def _nb_llr(x: Array, mu0: Array, mu1: Array, phi: Array) -> Array:
    """log NB(x; mu1, phi) - log NB(x; mu0, phi), variance mu + phi * mu**2."""
    l0 = np.log1p(phi * mu0)
    l1 = np.log1p(phi * mu1)
    return np.asarray(x * (np.log(mu1 / mu0) + l0 - l1) + (l0 - l1) / phi, dtype=np.float64)


def _weekday_factor(
    num: Array, den: Array, num_total: Array, den_total: Array, prior_weeks: float
) -> Array:
    """A dyad's units on one weekday over what its rate on all days predicts, shrunk to 1.

    ``num`` and ``den`` are the weekday's discounted units and relative volume, the totals
    those of all weekdays. The prior is ``prior_weeks`` weeks of the mean rate, at least 1 unit.
    """
    rate = num_total / np.maximum(den_total, 1e-9)
    prior = np.maximum(prior_weeks * rate, 1.0)
    return np.asarray((num + prior) / (den * rate + prior), dtype=np.float64)


class CusumDetector:
    """The default detector (see the module docstring)."""

    name = "cusum"

    def __init__(self, settings: DetectorSettings) -> None:
        self.settings = settings

    def thresholds(self) -> Array:
        s = self.settings
        return np.array([getattr(s, f"threshold_{name}") for name in STREAMS])

    def scan(self, panel: Panel) -> Scan:
        s = self.settings
        f = panel.features  # each days x dyads
        days, n = f["units"].shape
        k, m = len(COUNT_STREAMS), len(STREAMS)
        decay = 0.5 ** (1.0 / s.halflife_days)
        v = relative_volume(panel.volume, s.volume_halflife_days)
        # a day of twice the usual news holds twice the evidence of either kind; counted at
        # the usual pace, a news surge shortens no waiting time between false alarms
        damping = np.maximum(v, 1.0) ** s.volume_damping
        weekday = (panel.first_day + np.arange(days) + 3) % 7  # 1970-01-01 was a Thursday
        h = self.thresholds()[:, None]
        cap = s.cap * h
        extra = s.min_extra_per_week / 7.0
        a0, b0 = s.prior_rate * s.prior_days, s.prior_days
        streams = [f[name] for name in COUNT_STREAMS]
        # learnt state, rows: all units, each count stream, exposure, mix units, mix tilt sums
        state = np.zeros((k + 4, n))
        exposure, mix_n, mix_e = k + 1, k + 2, k + 3
        ring = np.zeros((s.guard_days + 1, k + 4, n))  # lagged snapshots of the state
        wk_num, wk_den = np.zeros((7, n)), np.zeros((7, n))
        disp_q, disp_r = np.zeros((k, n)), np.zeros((k, n))
        cusum = np.zeros((m, n))
        started = np.zeros((m, n), dtype=np.int32)
        in_alert = np.zeros(n, dtype=bool)
        quiet = np.zeros(n, dtype=np.int32)
        age = np.zeros(n, dtype=np.int32)
        alarm = np.zeros((days, n), dtype=bool)
        score = np.zeros((days, n), dtype=np.float32)
        fired = np.zeros((days, n), dtype=np.uint8)
        change = np.zeros((days, n), dtype=np.int32)
        weekly = np.zeros((k, days, n), dtype=np.float32)
        bits = (1 << np.arange(m, dtype=np.uint8))[:, None]
        never = np.int32(np.iinfo(np.int32).max)
        x = np.empty((k, n))
        today = np.empty((k + 4, n))
        for t in range(days):
            slot = t % len(ring)
            lag = ring[slot]
            rates = (lag[: 1 + k] + a0) / (lag[exposure] + b0)  # per typical-volume day
            d = weekday[t]
            wday = _weekday_factor(
                wk_num[d], wk_den[d], wk_num.sum(axis=0), wk_den.sum(axis=0), s.weekday_prior_weeks
            )
            mu = rates[1:] * (v[t] * wday)
            # the prior weighs as dispersion_prior_days days of at least one unit a day: for a
            # quiet dyad a few units say next to nothing about the variance beyond Poisson
            prior_r = s.dispersion_prior_days * np.maximum(rates[1:], 1.0) ** 2
            phi = np.clip(
                (disp_q + s.dispersion_prior * prior_r) / (disp_r + prior_r), 1e-4, _MAX_DISPERSION
            )
            for j, stream in enumerate(streams):
                x[j] = stream[t]
            mu1 = np.maximum(s.ratio * mu, mu + extra * v[t])
            llr = np.empty((m, n))
            llr[:k] = _nb_llr(x, mu, mu1, phi)
            units = f["units"][t]
            m0 = (lag[mix_e] + s.mix_prior_units) / (lag[mix_n] + s.mix_prior_units)
            weight = 1.0 / (1.0 + s.mix_cluster * np.maximum(units - 1.0, 0.0))
            llr[k] = (s.mix_tilt * f["z"][t] - units * np.log(m0)) * weight
            llr /= damping[t]
            previous = cusum
            cusum = np.minimum(np.maximum(cusum + llr, 0.0), cap)
            started = np.where((previous <= 0) & (cusum > 0), np.int32(t), started)
            if t < s.warmup_days:
                cusum[:] = 0.0
            over = cusum >= h
            alarm[t] = now = over.any(axis=0)
            score[t] = (cusum / h).max(axis=0)
            fired[t] = (over * bits).sum(axis=0)
            change[t] = np.where(over, started, never).min(axis=0)
            weekly[:, t] = rates[1:] * 7.0
            # lifecycle: an alert stays open until quiet_days pass without an alarm
            in_alert |= now
            age = np.where(in_alert, age + 1, 0)
            quiet = np.where(now, 0, quiet + in_alert)
            ended = in_alert & (quiet >= s.quiet_days)
            if ended.any():
                in_alert &= ~ended
                quiet[ended] = 0
                cusum[:, ended] = 0.0
            # an alert that has lasted alert_hold_days is tested afresh: its CUSUMs restart,
            # and it goes on only if they climb back within quiet_days
            cusum[:, age == s.alert_hold_days] = 0.0
            # learn from today, with less weight while an alert is young
            w = np.where(in_alert & (age <= s.alert_hold_days), s.alert_weight, 1.0)
            today[0] = units
            today[1 : 1 + k] = x
            today[exposure] = v[t] * wday
            today[mix_n] = units
            today[mix_e] = f["tilt"][t]
            state *= decay
            state += w * today
            wk_num *= decay
            wk_den *= decay
            wk_num[d] += w * units
            wk_den[d] += w * v[t]
            disp_q *= decay
            disp_q += w * ((x - mu) ** 2 - mu)
            disp_r *= decay
            disp_r += w * mu**2
            ring[slot] = state
        return Scan(
            alarm=alarm.T,
            score=score.T,
            fired=fired.T,
            change=change.T,
            weekly=weekly.transpose(0, 2, 1),
        )
