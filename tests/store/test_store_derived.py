"""Plain storage for incidents and alerts: dicts in, the same dicts out."""

from __future__ import annotations

import pytest

from eventwatch import InputError
from eventwatch.store import Store

pytestmark = pytest.mark.issue(14)


def _incident(coded_docs, n: int, killed: int) -> dict:
    doc = coded_docs[n]
    events = doc["events"][:2]
    return {
        "id": f"inc-{n}",
        "type": "ASSAULT",
        "mode": None,
        "dyad": "SRB:XKX",
        "date": {"start": "2023-09-24", "end": "2023-09-24", "best": "2023-09-24"},
        "location": {"name": "Banjska", "country": "XKX", "lat": 42.95, "lon": 20.8},
        "killed": killed,
        "figures": {"killed": [{"value": killed, "doc_id": doc["id"], "start": 10, "end": 18}]},
        "n_reports": 1,
        "n_sources": 1,
        "members": [
            {"event_id": e["id"], "doc_id": doc["id"], "score": 0.9, "features": {"date": 1.0}}
            for e in events
        ],
    }


def test_incidents_round_trip_and_replace(store: Store, coded_docs) -> None:
    first, other = _incident(coded_docs, 0, 3), _incident(coded_docs, 1, 1)
    other["location"] = {"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52}
    other["date"] = {"best": "2025-03-01"}
    assert store.write_incidents([first, other]) == 2
    assert store.incident("inc-0") == first
    assert store.incidents(country="UKR") == [other]
    assert store.incidents(since="2024-01-01") == [other]
    grown = {**first, "killed": 5, "n_reports": 2}
    store.write_incidents([grown])
    assert store.incidents() == [grown, other]
    assert store.incidents(event_id=first["members"][0]["event_id"]) == [grown]
    with pytest.raises(InputError, match="string 'id'"):
        store.write_incidents([{"type": "ASSAULT"}])


def test_the_audit_trail_keeps_every_manual_change(store: Store) -> None:
    store.add_incident_audit("inc-0", "merge", {"into": "inc-0", "from": "inc-9", "by": "ana"})
    store.add_incident_audit("inc-0", "split", {"doc_id": "d3"})
    trail = store.incident_audit("inc-0")
    assert [(t["action"], t["record"]) for t in trail] == [
        ("merge", {"into": "inc-0", "from": "inc-9", "by": "ana"}),
        ("split", {"doc_id": "d3"}),
    ]
    with pytest.raises(InputError, match="'merge' or 'split'"):
        store.add_incident_audit("inc-0", "delete", {})


def test_alerts_round_trip_update_and_filter(store: Store) -> None:
    alert = {
        "id": "al-1", "dyad": "SRB:XKX", "detected_on": "2023-09-25",
        "change_date": "2023-09-24", "severity": 0.8,
        "summary": "material conflict 9 incidents in 7 days against a baseline of 1.2 a week",
        "incidents": ["inc-0"], "events": ["e1", "e2"],
    }  # fmt: skip
    later = {**alert, "id": "al-2", "dyad": "RUS:UKR", "detected_on": "2025-03-01"}
    store.write_alerts([alert, later])
    assert store.alert("al-1") == alert
    assert store.alerts(dyad="RUS:UKR") == [later]
    assert store.alerts(since="2024-01-01") == [later]
    updated = {**alert, "severity": 0.95, "events": ["e1", "e2", "e3"]}
    store.write_alerts([updated])
    assert store.alerts() == [updated, later]
    assert store.alert("missing") is None


@pytest.mark.issue(18)
def test_incidents_by_document_report_day_and_deletion(store: Store, coded_docs) -> None:
    store.write(coded_docs[:3])
    first, other = _incident(coded_docs, 0, 3), _incident(coded_docs, 1, 1)
    first["last_report"], other["last_report"] = "2023-09-25", "2025-03-02"
    quiet = {"id": "inc-q", "members": [{"doc_id": coded_docs[2]["id"], "events": []}]}
    store.write_incidents([first, other, quiet])
    assert store.incidents(doc_id=coded_docs[1]["id"]) == [other]
    assert store.incidents(doc_id=coded_docs[2]["id"]) == [quiet]  # a report without events
    assert [r["id"] for r in store.incidents(reported_since="2024-01-01")] == ["inc-1", "inc-q"]
    assert store.delete_incidents(["inc-0", "inc-q"]) == 2
    assert [r["id"] for r in store.incidents()] == ["inc-1"]
    assert store.delete_incidents([]) == 0
    assert store.document_ids() == [d["id"] for d in coded_docs[:3]]
    with pytest.raises(InputError, match="incidents"):
        store.incidents(colour="red")
