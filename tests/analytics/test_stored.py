"""Series, alerts and imported events over a real store (issue 19)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwatch.analytics import refresh_alerts, units_from_store
from eventwatch.cli import app
from eventwatch.engines import import_events
from eventwatch.store import Store

from ..ingest.test_event_formats import DEMAND, FIGHT, ICEWS_HEADER, ICEWS_ROWS, STATEMENT

pytestmark = pytest.mark.issue(19)

runner = CliRunner()


def _report(n: int, day: dt.date, type_: str, source: str, target: str, killed: int = 0) -> dict:
    doc_id = f"r{n}"
    return {
        "id": doc_id, "content_hash": doc_id, "text": "", "status": "imported",
        "pub_date": day.isoformat(), "version": "test",
        "events": [{
            "id": f"{doc_id}-e", "type": type_, "mode": None,
            "source": [{"country": source, "text": source}],
            "target": [{"country": target, "text": target}],
            "killed": killed or None,
            "date": {"start_date": day.isoformat(), "granularity": "day", "source": "text"},
        }],
    }  # fmt: skip


def _escalating_store(path: Path) -> str:
    """Two quiet months of talks between SRB and XKX, then a week of attacks with deaths."""
    url = str(path / "s.db")
    start = dt.date(2023, 7, 1)
    docs, n = [], 0
    for day in range(62):
        when = start + dt.timedelta(days=day)
        for _ in range(3):  # other news that day: the volume
            n += 1
            docs.append(_report(n, when, "CONSULT", "USA", "FRA"))
        if day % 9 == 0:
            n += 1
            docs.append(_report(n, when, "CONSULT", "SRB", "XKX"))
    for day in range(62, 70):
        when = start + dt.timedelta(days=day)
        for _ in range(3):
            n += 1
            docs.append(_report(n, when, "CONSULT", "USA", "FRA"))
        for _ in range(2):
            n += 1
            docs.append(_report(n, when, "ASSAULT", "SRB", "XKX", killed=2))
    with Store.open(url) as store:
        store.write(docs)
    return url


def test_units_come_from_the_store_with_the_report_volume(tmp_path) -> None:
    url = _escalating_store(tmp_path)
    with Store.open(url) as store:
        units = units_from_store(store)
    frame = units.frame
    assert len(frame) == 62 * 3 + 7 + 8 * 5
    assert set(frame["type"].astype(str)) == {"CONSULT", "ASSAULT"}
    assert units.volume.loc["2023-09-05"] == 5  # three other reports and two attacks


def test_the_reports_of_one_incident_count_once(tmp_path) -> None:
    """Three reports of an attack, one with another figure, make one unit; the rest stay."""
    url = str(tmp_path / "i.db")
    day = dt.date(2023, 9, 24)
    docs = [_report(1, day, "ASSAULT", "SRB", "XKX", killed=3),
            _report(2, day + dt.timedelta(days=1), "ASSAULT", "SRB", "XKX", killed=4),
            _report(3, day + dt.timedelta(days=2), "COERCE", "SRB", "XKX"),
            _report(4, day + dt.timedelta(days=2), "CONSULT", "USA", "FRA")]  # fmt: skip
    members = [{"event_id": f"r{n}-e", "doc_id": f"r{n}", "score": 1.0, "features": {}}
               for n in (1, 2, 3)]  # fmt: skip
    with Store.open(url) as store:
        store.write(docs)
        store.write_incidents([{"id": "inc-banjska", "type": "ASSAULT", "members": members}])
        incidents = units_from_store(store).frame
        reports = units_from_store(store, unit="reports").frame
    assert len(reports) == 4
    assert sorted(incidents["unit_id"]) == ["inc-banjska", "r4-e"]
    [attack] = incidents[incidents["unit_id"] == "inc-banjska"].to_dict("records")
    assert attack["type"] == "ASSAULT" and attack["killed"] == 4  # the most frequent, the largest
    assert str(attack["day"])[:10] == "2023-09-24" and attack["source_country"] == "SRB"
    assert attack["event_ids"] == ("r1-e", "r2-e", "r3-e")


def test_an_escalation_in_the_store_raises_one_alert_kept_there(tmp_path) -> None:
    url = _escalating_store(tmp_path)
    with Store.open(url) as store:
        alerts = refresh_alerts(store)
        again = refresh_alerts(store)
        stored = store.alerts()
    [alert] = [a for a in alerts if a.dyad == "SRB:XKX"]
    assert dt.date(2023, 9, 1) <= alert.detected_on <= dt.date(2023, 9, 4)
    assert "ASSAULT" in alert.summary and alert.events
    assert [a.id for a in again] == [a.id for a in alerts]  # updated, not duplicated
    assert len(stored) == len(alerts)


def test_series_and_alerts_commands(tmp_path) -> None:
    url = _escalating_store(tmp_path)
    series = runner.invoke(app, ["series", "--db", url, "--dyad", "SRB:XKX", "--by", "week",
                                 "--format", "jsonl"])  # fmt: skip
    assert series.exit_code == 0, series.output
    weeks = [json.loads(line) for line in series.stdout.splitlines()]
    assert weeks[-1]["assault"] >= 6 and weeks[-1]["killed"] >= 12
    assert weeks[0]["assault"] == 0 and "units_per_1k" in weeks[0]
    alerts = runner.invoke(app, ["alerts", "--db", url, "--format", "jsonl"])
    assert alerts.exit_code == 0, alerts.output
    records = [json.loads(line) for line in alerts.stdout.splitlines()]
    for key in ("id", "dyad", "detected_on", "change_date", "severity", "summary", "incidents",
                "events"):  # fmt: skip
        assert key in records[0]


def test_imported_gdelt_rows_keep_goldstein_and_quadclass(tmp_path) -> None:
    source = tmp_path / "gdelt.tsv"
    source.write_text("\n".join([FIGHT, DEMAND, STATEMENT, "bad\trow"]) + "\n", encoding="utf-8")
    url = str(tmp_path / "g.db")
    with Store.open(url) as store:
        report = import_events(source, format="gdelt", store=store)
        again = import_events(source, format="gdelt", store=store)
        [fight] = store.events(type="ASSAULT")
        frame = store.report_frame()
    assert (report.rows, report.written, len(report.problems)) == (2, 2, 1)
    assert again.written == 0  # importing the same file adds nothing
    assert fight["id"] == "gdelt-1128301234" and fight["goldstein"] == -10.0
    assert fight["quad_class"] == 4 and fight["pub_date"] == "2023-09-24"
    assert sorted(frame["goldstein"].tolist()) == [-10.0, -5.0]


def test_import_events_command_reports_bad_rows(tmp_path) -> None:
    source = tmp_path / "icews.tsv"
    source.write_text("\n".join([ICEWS_HEADER, *ICEWS_ROWS]) + "\n", encoding="utf-8")
    url = str(tmp_path / "i.db")
    result = runner.invoke(app, ["import-events", str(source), "--format", "icews", "--db", url])
    assert result.exit_code == 0, result.output
    assert "line 5: Event Date '30 May 2018' is not a date" in result.stderr
    assert "imported 3 icews rows" in result.stderr
    with Store.open(url) as store:
        assert store.stats()["events"] == 3
