"""The evaluation plot: a few simulated streams, what was injected, and each detector's alerts."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ._alerts import Alert
from ._simulate import Escalation, Simulation
from ._units import day_number

__all__ = ["plot_streams"]

_COLOURS = {"cusum": "#c0392b", "acled": "#7f8c8d"}


def _pick(sim: Simulation) -> list[tuple[str, Escalation | None]]:
    """One dyad per escalation shape, one de-escalation, one dyad with neither."""
    picked: list[tuple[str, Escalation | None]] = []
    shapes: set[str] = set()
    for esc in sim.escalations:
        if esc.shape not in shapes:
            shapes.add(esc.shape)
            picked.append((esc.dyad, esc))
    if sim.de_escalations:
        picked.append((sim.de_escalations[0].dyad, sim.de_escalations[0]))
    touched = {e.dyad for e in (*sim.escalations, *sim.de_escalations)}
    calm = [d for d in sim.dyads if d not in touched]
    if calm:
        picked.append((calm[0], None))
    return picked


def plot_streams(sim: Simulation, alerts: dict[str, list[Alert]], path: Path) -> Path:
    """Write a PNG: per picked dyad, daily conflict units, the injected window, the alerts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ._series import dyad_series

    picked = _pick(sim)
    fig, axes = plt.subplots(len(picked), 1, figsize=(11, 2.1 * len(picked)), sharex=True)
    axes = np.atleast_1d(axes)
    first = sim.units.first_day
    days = np.arange(sim.days)
    for ax, (dyad, truth) in zip(axes, picked, strict=True):
        series = dyad_series(sim.units, dyad)
        conflict = (series["verbal_conflict"] + series["material_conflict"]).to_numpy()
        ax.bar(days, conflict, width=1.0, color="#34495e", label="conflict units a day")
        for start, end in sim.shocks:
            ax.axvspan(start, end, color="#f1c40f", alpha=0.25, lw=0)
        if truth is not None:
            colour = "#e67e22" if truth.escalation else "#27ae60"
            ax.axvspan(truth.onset, truth.end, color=colour, alpha=0.25, lw=0)
        top = max(float(conflict.max()), 1.0)
        for row, (name, found) in enumerate(sorted(alerts.items())):
            for alert in (a for a in found if a.dyad == dyad):
                start = day_number(alert.detected_on) - first
                end = day_number(alert.updated_on) - first
                y = top * (1.05 + 0.08 * row)
                ax.plot([start, end], [y, y], color=_COLOURS.get(name, "black"), lw=3)
                ax.plot([start], [y], marker="v", color=_COLOURS.get(name, "black"))
        label = f"{dyad} ({sim.dyad_class[dyad]})"
        if truth is not None:
            label += f": {truth.shape}"
        ax.set_title(label, fontsize=9, loc="left")
        ax.set_ylim(0, top * 1.3)
    axes[-1].set_xlabel(f"days from {sim.settings.start.isoformat()} (seed {sim.seed})")
    fig.suptitle(
        "conflict units a day; shaded: escalation (orange), de-escalation (green), news-volume "
        "shock (yellow)\nalerts from detection to last alarm: "
        + ", ".join(
            f"{name} ({colour})" for name, colour in (("eventwatch", "red"), ("ACLED rule", "grey"))
        ),
        fontsize=9,
    )
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path
