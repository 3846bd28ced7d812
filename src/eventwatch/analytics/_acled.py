"""ACLED's surge rule as a baseline detector, behind the same interface as the CUSUM.

ACLED's trackers flag a week whose events are 100% or more above the mean of the four weeks
before. Here, on each day t, over a dyad's conflict units (verbal and material): the week is
days t-6..t, the month the 28 days before it, and day t alarms when the week holds at least
twice the month's weekly mean and the month at least one unit (so a first unit after silence
does not alarm by itself). It uses raw counts, as ACLED does: no volume normalisation, no
weekday effects, no overdispersion. The change day is the first day of the week with a unit.
Alerts open, update and end by the same ``quiet_days`` rule as the CUSUM's.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ._cusum import COUNT_STREAMS, Scan
from ._panel import Panel
from ._settings import DetectorSettings

__all__ = ["AcledDetector", "acled_rule"]

_WEEK = 7
_MONTH = 28


class AcledDetector:
    """The ACLED-style surge rule (see the module docstring)."""

    name = "acled"

    def __init__(self, settings: DetectorSettings) -> None:
        self.settings = settings

    def scan(self, panel: Panel) -> Scan:
        x = panel.features["conflict"].T  # dyads x days
        n_dyads, days = x.shape
        total = np.concatenate([np.zeros((n_dyads, 1)), np.cumsum(x, axis=1)], axis=1)
        t = np.arange(days)
        week_lo = np.maximum(t - _WEEK + 1, 0)
        month_lo = np.maximum(week_lo - _MONTH, 0)
        week = total[:, t + 1] - total[:, week_lo]
        month = total[:, week_lo] - total[:, month_lo]
        mean = month / (_MONTH / _WEEK)
        full = (t >= _WEEK + _MONTH - 1)[None, :]
        alarm = full & (month >= 1) & (week >= 2.0 * mean)
        score = np.where(mean > 0, week / np.maximum(2.0 * mean, 1e-9), 0.0)
        # first day with a unit in each day's week: the next non-empty day from the week's start
        positions = np.where(x > 0, t[None, :], days)
        next_unit = np.minimum.accumulate(positions[:, ::-1], axis=1)[:, ::-1]
        change = np.minimum(next_unit[:, week_lo], t[None, :]).astype(np.int32)
        weekly = np.zeros((len(COUNT_STREAMS), n_dyads, days), dtype=np.float32)
        weekly[0] = mean
        return Scan(
            alarm=np.asarray(alarm, dtype=bool),
            score=score.astype(np.float32),
            fired=np.where(alarm, 1, 0).astype(np.uint8),
            change=change,
            weekly=weekly,
        )


def acled_rule(week: npt.ArrayLike, month: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """The rule alone: a week of ``week`` units after a 4-week month of ``month`` units."""
    w = np.asarray(week, dtype=np.float64)
    m = np.asarray(month, dtype=np.float64)
    return np.asarray((m >= 1) & (w >= 2.0 * m / (_MONTH / _WEEK)), dtype=bool)
