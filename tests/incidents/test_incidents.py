"""Incidents: one real-world event, however many reports describe it (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventwatch.cli import app
from eventwatch.engines import LocalEngine, ingest_items
from eventwatch.incidents import IncidentLinking, relink
from eventwatch.ingest import parse_date
from eventwatch.pipeline import PipelineSpec
from eventwatch.records import Article
from eventwatch.store import Store

from .reports import DAY_ONE, DAY_THREE, DAY_TWO, ECHO, MAIDUGURI, NAIROBI_1998, OTHER

pytestmark = pytest.mark.issue(18)
runner = CliRunner()


def _article(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"], text=row["text"], pub_date=parse_date(row["pub_date"]),
        title=row["title"], source=row["source"],
    )  # fmt: skip


def _ingest(store: Store, rows: list[dict[str, Any]], linking: IncidentLinking) -> None:
    ingest_items(
        [_article(r) for r in rows], store=store, spec=PipelineSpec.load(),
        engine=LocalEngine(), batch_size=1, after_write=linking,
    )  # fmt: skip


def _partition(store: Store) -> set[frozenset[str]]:
    return {frozenset(r["documents"]) for r in store.incidents()}


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store holding the three Maiduguri reports and a protest in Lima, linked as ingested."""
    url = str(tmp_path / "incidents.db")
    with Store.open(url) as store:
        _ingest(store, [DAY_ONE, OTHER, DAY_TWO, DAY_THREE], IncidentLinking())
    return url


def test_three_reports_with_rising_tolls_make_one_incident_with_every_figure(db: str) -> None:
    with Store.open(db) as store:
        found = store.incidents(doc_id="maid-1")
        assert len(found) == 1
        incident = found[0]
        texts = {r["id"]: r["text"] for r in MAIDUGURI}
        assert incident["documents"] == ["maid-1", "maid-2", "maid-3"]
        assert (incident["n_reports"], incident["n_sources"]) == (3, 3)
        killed = [f for f in incident["figures"] if f["kind"] == "killed"]
        assert [(f["doc_id"], f["value"], f["reported"]) for f in killed] == [
            ("maid-1", 3, "2024-03-11"),
            ("maid-2", 5, "2024-03-12"),
            ("maid-3", 7, "2024-03-13"),
        ]
        for figure in killed:  # the evidence points at the count in its own report
            said = texts[figure["doc_id"]][figure["start"] : figure["end"]]
            assert said == figure["text"] and str(figure["value"]) in said
        assert incident["killed"] == 7  # the latest report's count
        assert incident["type"] == "ASSAULT"
        assert incident["location"]["name"] == "Maiduguri"
        assert incident["date"]["best"] == "2024-03-11"
        assert (incident["first_report"], incident["last_report"]) == ("2024-03-11", "2024-03-13")
        members = {m["doc_id"]: m for m in incident["members"]}
        assert members["maid-1"]["score"] is None  # it opened the incident
        for later in ("maid-2", "maid-3"):
            assert members[later]["score"] >= 0.28
            assert members[later]["features"]["place"] == 1.0
            assert members[later]["features"]["type"] == 1.0
        lima = store.incidents(doc_id="lima-1")
        assert len(lima) == 1 and lima[0]["documents"] == ["lima-1"]
        assert lima[0]["type"] == "PROTEST"


def test_the_incidents_do_not_depend_on_ingest_order(db: str, tmp_path: Path) -> None:
    with Store.open(db) as store:
        expected = _partition(store)
    for number, order in enumerate(([DAY_THREE, DAY_TWO, OTHER, DAY_ONE],
                                    [DAY_TWO, DAY_THREE, DAY_ONE, OTHER])):  # fmt: skip
        with Store.open(tmp_path / f"order{number}.db") as store:
            _ingest(store, order, IncidentLinking())
            assert _partition(store) == expected
            merged = store.incidents(doc_id="maid-1")[0]
            assert merged["killed"] == 7  # the latest report's count, whatever came first


def test_an_anniversary_is_flagged_historical_not_counted_as_news(tmp_path: Path) -> None:
    with Store.open(tmp_path / "echo.db") as store:
        _ingest(store, [ECHO, OTHER], IncidentLinking())
        found = store.incidents(doc_id="nairobi-anniv")
        assert len(found) == 1
        incident = found[0]
        assert incident["historical"] is True
        assert incident["date"]["best"].startswith("1998")
        member = incident["members"][0]
        assert member["echo"] is True and member["echoes"]
        assert all(e["date"].startswith("1998") for e in member["echoes"])
        assert incident["killed"] is None  # 213 killed in 1998 is no new toll
        assert store.incidents(doc_id="lima-1")[0]["historical"] is False


def test_an_anniversary_joins_the_past_incident_the_store_holds(tmp_path: Path) -> None:
    with Store.open(tmp_path / "past.db") as store:
        _ingest(store, [NAIROBI_1998, OTHER, ECHO], IncidentLinking())
        found = store.incidents(doc_id="nairobi-anniv")
        assert len(found) == 1
        incident = found[0]
        assert incident["documents"] == ["nairobi-1998", "nairobi-anniv"]
        assert incident["historical"] is False  # the 1998 report was news
        members = {m["doc_id"]: m for m in incident["members"]}
        assert members["nairobi-anniv"]["echo"] is True
        assert members["nairobi-1998"]["echo"] is False
        assert incident["date"]["best"] == "1998-08-07"
        assert [f["doc_id"] for f in incident["figures"]] == ["nairobi-1998", "nairobi-1998"]


def _cli(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def _jsonl(db: str) -> list[dict[str, Any]]:
    out = _cli("incidents", "--db", db, "--format", "jsonl").output
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_incidents_lists_jsonl_with_the_documented_fields(db: str) -> None:
    rows = _jsonl(db)
    assert len(rows) == 2
    for row in rows:
        assert {"id", "type", "documents", "events", "date", "location", "killed",
                "injured", "n_reports", "n_sources"} <= set(row)  # fmt: skip
    bombing = next(r for r in rows if "maid-1" in r["documents"])
    assert (bombing["killed"], bombing["n_reports"]) == (7, 3)
    assert bombing["events"] and all(e.startswith("ev-") for e in bombing["events"])
    only = _cli("incidents", "--db", db, "--format", "jsonl", "--country", "PER").output
    assert [json.loads(line)["documents"] for line in only.splitlines()] == [["lima-1"]]
    typed = _cli("incidents", "--db", db, "--format", "jsonl", "--type", "ASSAULT").output
    assert len(typed.splitlines()) == 1
    later = _cli("incidents", "--db", db, "--format", "jsonl", "--since", "2024-03-12").output
    assert [json.loads(line)["documents"] for line in later.splitlines()] == [["lima-1"]]
    table = _cli("incidents", "--db", db, "--format", "table").output
    assert "Maiduguri" in table and "7 (3, 5, 7)" in table


def test_split_and_merge_are_audited_and_relinking_keeps_them(db: str) -> None:
    bombing = next(r for r in _jsonl(db) if "maid-1" in r["documents"])["id"]
    _cli("incidents", "split", bombing, "--doc", "maid-3", "--db", db)
    with Store.open(db) as store:
        trail = store.incident_audit()
        assert [(t["incident_id"], t["action"], t["record"]["doc"]) for t in trail] == [
            (bombing, "split", "maid-3")
        ]
        assert store.incident(bombing)["documents"] == ["maid-1", "maid-2"]
        alone = store.incidents(doc_id="maid-3")[0]
        assert alone["documents"] == ["maid-3"] and alone["killed"] == 7
        relink(store)  # linking from scratch would join maid-3 again; the split holds
        assert {frozenset(["maid-1", "maid-2"]), frozenset(["maid-3"])} <= _partition(store)
        assert store.incident(bombing)["killed"] == 5
    _cli("incidents", "merge", bombing, alone["id"], "--db", db)
    with Store.open(db) as store:
        assert [t["action"] for t in store.incident_audit()] == ["split", "merge"]
        assert store.incident(alone["id"]) is None
        merged = store.incident(bombing)
        assert merged["documents"] == ["maid-1", "maid-2", "maid-3"]
        assert merged["killed"] == 7
        relink(store)
        assert store.incident(bombing)["documents"] == ["maid-1", "maid-2", "maid-3"]


def test_incidents_refuses_wrong_actions(db: str) -> None:
    result = runner.invoke(app, ["incidents", "merge", "inc-x", "--db", db])
    assert result.exit_code == 2 and "merge takes 2 incident ids" in result.output
    result = runner.invoke(app, ["incidents", "split", "inc-x", "--db", db])
    assert result.exit_code == 2 and "split needs the document" in result.output
    result = runner.invoke(app, ["incidents", "split", "inc-nope", "--doc", "maid-1", "--db", db])
    assert result.exit_code != 0
    assert "no incident 'inc-nope'" in str(result.exception)


def test_query_and_export_by_incident(db: str, tmp_path: Path) -> None:
    rows = [
        json.loads(line)
        for line in _cli(
            "query", "--unit", "incident", "--db", db, "--format", "jsonl"
        ).output.splitlines()
    ]
    assert sorted(r["n_reports"] for r in rows) == [1, 3]
    assert rows == _jsonl(db)
    assert _cli("query", "--db", db, "--format", "jsonl").output.count("\n") > len(rows)
    wrong = runner.invoke(app, ["query", "--unit", "incident", "--actor", "police", "--db", db])
    assert wrong.exit_code == 2 and "--actor: not a filter of incidents" in wrong.output
    out = tmp_path / "incidents.csv"
    _cli("export", "--unit", "incident", "--format", "csv", "--out", str(out), "--db", db)
    lines = out.read_text("utf-8").splitlines()
    assert lines[0].startswith("id,type,mode,dyad,date,")
    assert len(lines) == 3 and any("maid-1;maid-2;maid-3" in line for line in lines)
    parquet = tmp_path / "incidents.parquet"
    _cli("export", "--unit", "incident", "--format", "parquet", "--out", str(parquet),
         "--db", db, "--country", "NGA")  # fmt: skip
    import pyarrow.parquet as pq

    table = pq.read_table(parquet).to_pylist()
    assert [(r["place_country"], r["killed"], r["n_reports"]) for r in table] == [("NGA", 7, 3)]
    refused = runner.invoke(app, ["export", "--unit", "incident", "--format", "gdelt",
                                  "--db", db])  # fmt: skip
    assert refused.exit_code != 0
