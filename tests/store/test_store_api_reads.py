"""What the API reads of the store: events by id, places grouped in SQL, pages of incidents
and alerts; the same on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter

import pytest

from eventwatch import InputError
from eventwatch.store import Store

pytestmark = pytest.mark.issue(20)


def test_events_by_id_in_any_order(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    every = [e["id"] for e in store.events()]
    picked = [every[5], every[0], every[-1]]
    assert [e["id"] for e in store.events(id=picked)] == sorted(picked)
    assert [e["id"] for e in store.events(id=every[3])] == [every[3]]
    assert store.events(id=["ev-none"]) == []
    with pytest.raises(InputError):
        store.events(id=[])


def test_places_count_the_located_events_of_the_filters(store: Store, coded_docs) -> None:
    store.write(coded_docs)
    located = Counter(
        (p["name"], p["country"], p["lat"], p["lon"])
        for e in store.events(country="SRB")
        if (p := e.get("location") or {}).get("lat") is not None
    )
    places = store.places(country="SRB")
    assert {(p["name"], p["country"], p["lat"], p["lon"]): p["events"] for p in places} == located
    assert [p["events"] for p in places] == sorted(located.values(), reverse=True)
    assert len(store.places(country="SRB", limit=1)) == 1
    with pytest.raises(InputError):
        store.places(limit=0)


@pytest.mark.parametrize(
    "filters", [{"source": "seed"}, {"text": "Kosovo"}, {"text": "Kosovo", "source": "seed"}]
)
def test_places_filtered_by_the_document(store: Store, coded_docs, filters) -> None:
    """A filter on the document (its source, its words) keeps only its events' places."""
    store.write(coded_docs)
    located = Counter(
        (p["name"], p["lat"], p["lon"])
        for e in store.events(**filters)
        if (p := e.get("location") or {}).get("lat") is not None
    )
    places = store.places(**filters)
    assert {(p["name"], p["lat"], p["lon"]): p["events"] for p in places} == located
    assert 0 < sum(located.values()) < sum(p["events"] for p in store.places())


def test_incidents_and_alerts_come_in_pages(store: Store) -> None:
    store.write_incidents([{"id": f"in-{n}", "members": []} for n in range(5)])
    store.write_alerts([{"id": f"al-{n}", "dyad": "SRB:XKX"} for n in range(5)])
    for read in (store.incidents, store.alerts):
        first = [r["id"] for r in read(limit=2)]
        second = [r["id"] for r in read(limit=2, cursor=first[-1])]
        rest = [r["id"] for r in read(cursor=second[-1])]
        assert first + second + rest == [r["id"] for r in read()] and len(rest) == 1
