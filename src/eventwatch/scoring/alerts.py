"""The ``alerts`` task: escalation alerts on simulated streams, ours and ACLED's rule.

``eventwatch evaluate --task alerts [SETTINGS.toml] --split tune|check|all|both`` draws the
seeds of the split with :func:`eventwatch.analytics.simulate`, runs eventwatch's detector and
the ACLED-style surge rule over the same streams, and reports for each: recall within 7 days,
median and 90th-percentile detection delay, false alarms per dyad-year (also during and outside
news-volume shocks), and recall per escalation shape. The file, when given, holds
:class:`~eventwatch.analytics.EvaluationSettings` fields (``check_seeds = [...]``,
``[simulator]``, ``[detector]``); without it the defaults are used. ``tune`` draws the seeds the
detector was tuned on, ``check`` the reported ones; ``--limit N`` draws N dyads a seed. The
plot of the first seed's streams is written where ``plot`` says, with the split in its name.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..analytics import SHAPES, EvaluationSettings, Figures, evaluate_alerts, read_settings_file
from ..exceptions import ConfigError
from . import Report, Row, Selection, task_with_optional_file

__all__ = ["load_evaluation_settings", "score_alerts"]

_NAMES = {"cusum": "eventwatch", "acled": "ACLED rule"}


def load_evaluation_settings(path: Path | None) -> EvaluationSettings:
    """The evaluation settings of a TOML or JSON file, or the defaults without one."""
    if path is None:
        return EvaluationSettings()
    try:
        return EvaluationSettings.model_validate(read_settings_file(path))
    except ValidationError as exc:
        raise ConfigError(f"{path}: {exc}", code="config-setting") from exc


def _seeds(settings: EvaluationSettings, split: str) -> list[int]:
    if split == "tune":
        return list(settings.tune_seeds)
    if split == "check":
        return list(settings.check_seeds)
    return [*settings.tune_seeds, *settings.check_seeds]


def _rows(report: Report, name: str, f: Figures) -> None:
    label = _NAMES.get(name, name)
    report.add(f"{label}: recall within 7 days", f.recall, f.found, f.escalations)
    report.add(f"{label}: median delay (days)", f.delay(0.5))
    report.add(f"{label}: 90th-percentile delay (days)", f.delay(0.9))
    report.rows.append(
        Row(
            f"{label}: false alarms per dyad-year",
            f"{f.false_alarm_rate:.3f}",
            f"{f.false_alarms}/{f.dyad_years:.0f}",
        )
    )
    report.figures[f"{label}: false alarms per dyad-year"] = f.false_alarm_rate
    report.add(f"{label}: false alarms per dyad-year in volume shocks", f.shock_rate)
    report.add(f"{label}: false alarms per dyad-year outside shocks", f.calm_rate)
    report.add(f"{label}: alerts ended", f.ended / f.alerts if f.alerts else 0.0, f.ended, f.alerts)


@task_with_optional_file("alerts")
def score_alerts(config_path: Path | None, selection: Selection) -> Report:
    settings = load_evaluation_settings(config_path)
    seeds = _seeds(settings, selection.split)
    plot = None
    if settings.plot:
        target = Path(settings.plot)
        plot = target.with_name(f"{target.stem}-{selection.split}{target.suffix or '.png'}")
    figures = evaluate_alerts(settings, seeds=seeds, max_dyads=selection.limit, plot=plot)
    dyad_years = next(iter(figures.values())).dyad_years if figures else 0.0
    report = Report("alerts on simulated streams")
    report.rows.append(Row("seeds", ", ".join(map(str, seeds))))
    report.rows.append(Row("dyad-years after burn-in", f"{dyad_years:.0f}"))
    for name, f in figures.items():
        _rows(report, name, f)
    for shape in SHAPES:
        for name, f in figures.items():
            hit, total = f.by_shape.get(shape, [0, 0])
            if total:
                report.add(
                    f"{_NAMES.get(name, name)}: recall within 7 days, {shape}",
                    hit / total,
                    hit,
                    total,
                )
    if plot is not None:
        report.rows.append(Row("plot", str(plot)))
    return report
