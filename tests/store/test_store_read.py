"""Reading: every filter against the same question asked of the documents in Python."""

from __future__ import annotations

import re
from typing import Any

import pytest

from eventwatch import InputError
from eventwatch.store import FLAT_COLUMNS, Store

pytestmark = pytest.mark.issue(14)


def _events(docs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(doc, event) for doc in docs for event in doc["events"]]


def _day(doc: dict[str, Any], event: dict[str, Any]) -> str | None:
    return (event.get("date") or {}).get("start_date") or doc["pub_date"]


def _words(doc: dict[str, Any]) -> set[str]:
    return set(re.findall(r"\w+", f"{doc['title'] or ''} {doc['text']}".lower()))


def _actors(event: dict[str, Any], roles=("source", "target")) -> list[dict[str, Any]]:
    return [a for role in roles for a in event.get(role) or []]


CASES = {
    "country": ({"country": "USA"}, lambda d, e: any(a["country"] == "USA" for a in _actors(e))),
    "source_country": (
        {"source_country": "USA"},
        lambda d, e: any(a["country"] == "USA" for a in _actors(e, ("source",))),
    ),
    "target_country": (
        {"target_country": "UKR"},
        lambda d, e: any(a["country"] == "UKR" for a in _actors(e, ("target",))),
    ),
    "sector": ({"sector": "MIL"}, lambda d, e: any(a["sector"] == "MIL" for a in _actors(e))),
    "actor": (
        {"actor": "Ukraine"},
        lambda d, e: any("Ukraine" in (a["name"], a["text"]) for a in _actors(e)),
    ),
    "type": ({"type": "ASSAULT"}, lambda d, e: e["type"] == "ASSAULT"),
    "types": ({"type": ["ASSAULT", "COERCE"]}, lambda d, e: e["type"] in ("ASSAULT", "COERCE")),
    "mode": ({"mode": "troops"}, lambda d, e: e["mode"] == "troops"),
    "since-until": (
        {"since": "2025-03-12", "until": "2025-03-13"},
        lambda d, e: _day(d, e) is not None and "2025-03-12" <= _day(d, e)[:10] <= "2025-03-13",
    ),
    "month": ({"until": "2023-09"}, lambda d, e: (_day(d, e) or "9")[:7] <= "2023-09"),
    "place_country": (
        {"place_country": "XKX"},
        lambda d, e: (e.get("location") or {}).get("country") == "XKX",
    ),
    "bbox": (
        {"bbox": (18.0, 40.0, 24.0, 45.0)},
        lambda d, e: (
            e.get("location") is not None
            and e["location"]["lat"] is not None
            and 40 <= e["location"]["lat"] <= 45
            and 18 <= e["location"]["lon"] <= 24
        ),
    ),
    "negated": ({"negated": True}, lambda d, e: e["negated"]),
    "not-hypothetical": ({"hypothetical": False}, lambda d, e: not e["hypothetical"]),
    "historical": ({"historical": True}, lambda d, e: e["historical"]),
    "doc_id": ({"doc_id": "kosovo-2023-09-29"}, lambda d, e: d["id"] == "kosovo-2023-09-29"),
    "source": ({"source": "seed"}, lambda d, e: d["source"] == "seed"),
    "text": ({"text": "Islamic State"}, lambda d, e: {"islamic", "state"} <= _words(d)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_filters_select_what_they_say(store: Store, coded_docs, case: str) -> None:
    store.write(coded_docs)
    filters, keep = CASES[case]
    expected = sorted(e["id"] for d, e in _events(coded_docs) if keep(d, e))
    assert expected, f"the fixture documents have no event for {case}: the test would be empty"
    got = [r["id"] for r in store.events(**filters)]
    assert got == expected


def test_records_carry_their_document(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    doc = coded_docs[0]
    record = store.events(doc_id=doc["id"], limit=1)[0]
    event = next(e for e in doc["events"] if e["id"] == record["id"])
    assert record == {
        "doc_id": doc["id"], "doc_version": 1, "pub_date": doc["pub_date"],
        "title": doc["title"], "url": doc["url"], "doc_source": doc["source"],
        "language": doc["language"], "pipeline_version": doc["version"], **event,
    }  # fmt: skip


def test_pages_follow_the_event_id_and_cover_everything_once(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    pages, cursor = [], None
    while True:
        page = store.events(limit=25, cursor=cursor)
        if not page:
            break
        pages.append([r["id"] for r in page])
        cursor = page[-1]["id"]
    flat = [i for page in pages for i in page]
    assert flat == sorted(e["id"] for _, e in _events(coded_docs))
    assert all(len(p) == 25 for p in pages[:-1])


def test_a_frame_has_the_documented_columns(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    frame = store.events(as_frame=True, type="ASSAULT")
    assert list(frame.columns) == [name for name, _ in FLAT_COLUMNS]
    expected = sum(e["type"] == "ASSAULT" for _, e in _events(coded_docs))
    assert len(frame) == expected
    assert frame["killed"].dropna().ge(0).all()
    assert set(frame["type"]) == {"ASSAULT"}


def test_documents_list_metadata_and_counts(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    listed = store.documents()
    assert [d["id"] for d in listed] == sorted(d["id"] for d in coded_docs)
    by_id = {d["id"]: d for d in coded_docs}
    for row in listed:
        assert row["events"] == len(by_id[row["id"]]["events"])
        assert row["content_hash"] == by_id[row["id"]]["content_hash"]
    found = store.documents(text="Kosovo Serbia")
    expected = sorted(d["id"] for d in coded_docs if {"kosovo", "serbia"} <= _words(d))
    assert expected and [d["id"] for d in found] == expected


def test_stats_count_what_was_written(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    stats = store.stats()
    assert stats["documents"] == len(coded_docs)
    assert stats["events"] == sum(len(d["events"]) for d in coded_docs)
    assert (stats["errors"], stats["duplicates"], stats["versions"]) == (0, 0, len(coded_docs))
    assert stats["backend"] == store.dialect


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"country": "Serbia"}, "alpha-3"),
        ({"since": "last week"}, "ISO date"),
        ({"bbox": (1, 50, 2, 40)}, "min_lat"),
        ({"text": "!!"}, "no words"),
        ({"colour": "red"}, "unknown event filter"),
        ({"limit": 0}, "limit"),
        ({"type": []}, "at least one PLOVER type"),
    ],
)
def test_bad_filters_say_what_is_wrong(store: Store, filters, message) -> None:
    with pytest.raises(InputError, match=message):
        store.events(**filters)
