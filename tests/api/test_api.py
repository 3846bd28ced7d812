"""The REST API through FastAPI's TestClient, over a store of real coded articles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventwatch import Pipeline
from eventwatch.api import TOKEN_ENV, ApiSettings, RateLimiter, create_app
from eventwatch.exceptions import ApiError
from eventwatch.records import document_to_dict, json_line
from eventwatch.store import FLAT_COLUMNS, Store

from .conftest import SEED_ID, TOKEN

pytestmark = pytest.mark.issue(20)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(api_store: str, pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(api_store, settings=ApiSettings(token=TOKEN), spec=pipeline.spec)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def fresh(tmp_path: Path, pipeline: Pipeline) -> Iterator[tuple[TestClient, str]]:
    """A client over an empty store of its own (for writes), code limit 2 a minute."""
    url = str(tmp_path / "fresh.db")
    settings = ApiSettings(token=TOKEN, code_per_minute=2, max_body_bytes=4096)
    with TestClient(create_app(url, settings=settings, spec=pipeline.spec)) as test_client:
        yield test_client, url


def _all_pages(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        body = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("the cursor never ended")


def test_event_pages_join_up_to_the_whole_store(client: TestClient, api_store: str) -> None:
    with Store.open(api_store) as store:
        expected = [e["id"] for e in store.events()]
    paged = [e["id"] for e in _all_pages(client, "/events", limit=7)]
    assert paged == expected
    assert len(expected) > 14  # several pages


@pytest.mark.parametrize(
    "params, filters",
    [
        ({"country": "SRB"}, {"country": "SRB"}),
        ({"country": "srb", "type": "MOBILIZE"}, {"country": "SRB", "type": ["MOBILIZE"]}),
        ({"place": "XKX"}, {"place_country": "XKX"}),
        ({"since": "2025-01-01"}, {"since": "2025-01-01"}),
        ({"text": "Kosovo border"}, {"text": "Kosovo border"}),
        ({"flag": "no-negated", "bbox": "18,40,24,46"},
         {"negated": False, "bbox": (18.0, 40.0, 24.0, 46.0)}),
    ],
)  # fmt: skip
def test_event_filters_are_those_of_the_store(
    client: TestClient, api_store: str, params: dict[str, str], filters: dict[str, Any]
) -> None:
    with Store.open(api_store) as store:
        expected = [e["id"] for e in store.events(**filters)]
    got = [e["id"] for e in _all_pages(client, "/events", limit=1000, **params)]
    assert got == expected
    assert expected, f"{params} finds something in the test store"


def test_events_as_csv_and_geojson_carry_the_next_cursor(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 5, "format": "csv"})
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(first.text)))
    assert rows[0] == [c for c, _ in FLAT_COLUMNS] and len(rows) == 6
    cursor = first.headers["x-next-cursor"]
    assert cursor == rows[-1][0]
    assert 'rel="next"' in first.headers["link"]
    second = client.get("/events", params={"limit": 5, "cursor": cursor, "format": "csv"})
    assert list(csv.reader(io.StringIO(second.text)))[1][0] > cursor
    geo = client.get("/events", params={"limit": 50, "format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection"
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])


def test_places_count_every_located_event(client: TestClient, api_store: str) -> None:
    body = client.get("/places").json()
    with Store.open(api_store) as store:
        located = [e for e in store.events() if (e.get("location") or {}).get("lat") is not None]
    assert sum(f["properties"]["events"] for f in body["features"]) == len(located)
    counts = [f["properties"]["events"] for f in body["features"]]
    assert counts == sorted(counts, reverse=True)
    narrower = client.get("/places", params={"country": "SRB"}).json()
    assert 0 < len(narrower["features"]) < len(body["features"])


def test_a_document_comes_with_facts_that_point_into_its_text(client: TestClient) -> None:
    doc = client.get(f"/documents/{SEED_ID}").json()
    assert doc["events"] and doc["actors"] and doc["places"]
    for event in doc["events"]:
        trigger = event["evidence"]["trigger"]
        assert doc["text"][trigger["start"] : trigger["end"]] == trigger["text"]
    assert [i["id"] for i in doc["incidents"]] == ["in-seed-srb"]
    listed = _all_pages(client, "/documents", limit=2)
    assert SEED_ID in [d["id"] for d in listed] and all("text" not in d for d in listed)


def test_an_alert_leads_to_its_incidents_events_and_sentences(
    client: TestClient, api_records: dict[str, Any]
) -> None:
    alert = api_records["alert"]
    body = client.get(f"/alerts/{alert['id']}").json()
    assert [e["id"] for e in body["evidence"]] == alert["events"]
    (incident,) = body["incident_records"]
    assert [r["id"] for r in incident["reports"]] == [
        m["event_id"] for m in api_records["incident"]["members"]
    ]
    for event in body["evidence"]:
        assert event["doc_id"] == SEED_ID and event["evidence"]["text"]
    assert [a["id"] for a in client.get("/alerts").json()["items"]] == [alert["id"]]
    assert client.get("/incidents", params={"event_id": alert["events"][0]}).json()["items"]
    geo = client.get("/incidents", params={"format": "geojson"}).json()
    (feature,) = geo["features"]
    assert feature["id"] == "in-seed-srb" and feature["geometry"]["coordinates"] == [20.9, 42.6]
    rows = list(csv.DictReader(io.StringIO(client.get("/alerts", params={"format": "csv"}).text)))
    assert [r["id"] for r in rows] == [alert["id"]] and rows[0]["events"] == ";".join(
        alert["events"]
    )


def test_series_mark_the_dyads_alerts_and_dyads_count_them(
    client: TestClient, api_records: dict[str, Any]
) -> None:
    series = client.get("/series", params={"dyad": "XKX:SRB", "by": "week"}).json()
    assert series["name"] == "SRB:XKX"
    assert [a["id"] for a in series["alerts"]] == [api_records["alert"]["id"]]
    assert sum(p["units"] for p in series["periods"]) > 0
    assert all("units_per_1k" in p for p in series["periods"])
    dyads = {d["dyad"]: d for d in client.get("/dyads").json()["items"]}
    assert dyads["SRB:XKX"]["alerts"] == 1
    network = client.get("/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert {"SRB", "XKX"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])


@pytest.mark.parametrize(
    "path, params, status, code",
    [
        ("/events", {"since": "last week"}, 400, "input"),
        ("/events", {"country": "Serbia"}, 400, "input"),
        ("/events", {"flag": "sarcastic"}, 400, "input-flag"),
        ("/events", {"bbox": "1,2,3"}, 400, "input-bbox"),
        ("/events", {"type": ["ASSAULT"] * 21}, 400, "input-request"),
        ("/events", {"limit": 5000}, 400, "input-limit"),
        ("/events", {"limit": 0}, 422, "input-request"),
        ("/events", {"format": "xml"}, 422, "input-request"),
        ("/series", {"dyad": "SRB"}, 400, "input-dyad"),
        ("/series", {}, 400, "input-series"),
        ("/series", {"dyad": "SRB:XKX", "since": "1000-01-01"}, 400, "input-series"),
        ("/series", {"dyad": "SRB:XKX", "since": "2023-02-30"}, 400, "input-day"),
        ("/documents/no-such-doc", {}, 404, "api-not-found"),
        ("/alerts/al-nothing", {}, 404, "api-not-found"),
        ("/incidents/in-nothing", {}, 404, "api-not-found"),
        ("/events/ev-nothing", {}, 404, "api-not-found"),
        ("/no/such/route", {}, 404, "api-not-found"),
    ],
)
def test_errors_are_json_with_a_stable_code(
    client: TestClient, path: str, params: dict[str, Any], status: int, code: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_writes_without_the_token_get_401(client: TestClient, headers: dict[str, str]) -> None:
    for path, body in (("/code", {"text": "Police arrested ten protesters."}),
                       ("/ingest", {"documents": [{"text": "Police arrested ten protesters."}]})):  # fmt: skip
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "api-auth"
        assert response.headers["www-authenticate"] == "Bearer"


def test_writes_are_off_without_any_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    with TestClient(create_app(str(tmp_path / "s.db"))) as client:
        response = client.post("/code", json={"text": "x"}, headers=AUTH)
    assert (
        response.status_code == 401
        and "EVENTWATCH_API_TOKEN" in response.json()["error"]["message"]
    )


def test_code_returns_the_coded_document_and_stores_nothing(
    fresh: tuple[TestClient, str], pipeline: Pipeline
) -> None:
    client, url = fresh
    text = "Serbian police arrested two Kosovo Albanian men in Belgrade on Tuesday."
    response = client.post("/code", json={"text": text, "pub_date": "2023-10-03"}, headers=AUTH)
    assert response.status_code == 200, response.text
    doc = response.json()
    direct = pipeline.code_text(text, id=doc["id"], pub_date=dt.date(2023, 10, 3))
    assert doc == json.loads(json_line(document_to_dict(direct)))
    assert [e["mode"] for e in doc["events"]] == ["arrest"]
    assert client.get("/stats").json()["documents"] == 0


def test_code_is_rate_limited_per_client(fresh: tuple[TestClient, str]) -> None:
    client, _ = fresh
    answers = [client.post("/code", json={"text": "Troops fired on protesters."}, headers=AUTH)
               for _ in range(3)]  # fmt: skip
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[2].json()["error"]["code"] == "api-rate"
    assert int(answers[2].headers["retry-after"]) >= 1


def test_the_rate_limiter_refills_with_time() -> None:
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    limiter.take("a")
    limiter.take("a")
    with pytest.raises(ApiError) as caught:
        limiter.take("a")
    assert caught.value.status == 429 and 0 < (caught.value.retry_after or 0) <= 30
    limiter.take("b")  # another client has its own bucket
    now[0] += 30.0
    limiter.take("a")


def test_ingest_stores_once_and_the_reads_see_it(
    fresh: tuple[TestClient, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, url = fresh
    monkeypatch.setenv(TOKEN_ENV, "not-this-one")  # the configured token wins
    body = {"documents": [{"id": "d1", "text": "Protesters marched in Belgrade on Sunday.",
                           "pub_date": "2023-10-01", "title": "Belgrade march"}]}  # fmt: skip
    first = client.post("/ingest", json=body, headers=AUTH).json()
    assert first["coded"] == 1 and first["ids"] == ["d1"] and first["events"] >= 1
    again = client.post("/ingest", json=body, headers=AUTH).json()
    assert again["known"] == 1 and again["coded"] == 0
    assert client.get("/documents/d1").json()["title"] == "Belgrade march"
    assert client.get("/stats").json()["documents"] == 1
    [incident] = client.get("/incidents").json()["items"]  # the report opened its incident
    assert incident["documents"] == ["d1"]


def test_the_token_may_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline
) -> None:
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    app = create_app(str(tmp_path / "e.db"), spec=pipeline.spec)
    with TestClient(app) as client:
        body = {"documents": [{"text": "Police detained a journalist in Minsk."}]}
        assert client.post("/ingest", json=body, headers=AUTH).status_code == 401
        ok = client.post("/ingest", json=body, headers={"Authorization": "Bearer from-env"})
    assert ok.status_code == 200 and ok.json()["coded"] == 1


def test_bodies_over_the_limit_get_413(fresh: tuple[TestClient, str]) -> None:
    client, url = fresh
    big = {"text": "word " * 2000}
    response = client.post("/code", json=big, headers=AUTH)
    assert response.status_code == 413 and response.json()["error"]["code"] == "api-size"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    streamed = client.post(
        "/ingest", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert client.get("/stats").json()["documents"] == 0


def test_reads_from_other_machines_need_the_token(api_store: str) -> None:
    app = create_app(api_store, settings=ApiSettings(token=TOKEN))
    with TestClient(app, client=("203.0.113.9", 40000)) as remote:
        assert remote.get("/events").status_code == 401
        assert remote.get("/events", headers=AUTH).status_code == 200
    opened = create_app(api_store, settings=ApiSettings(token=TOKEN, open_reads=True))
    with TestClient(opened, client=("203.0.113.9", 40000)) as remote:
        assert remote.get("/events").status_code == 200


def test_the_dashboard_is_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<main" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assert client.get("/vendor/plot.umd.min.js").status_code == 200
    assert client.get("/vendor/package.json").status_code == 404  # only the listed dist files
    assert client.get("/static/..%2F_app.py").status_code in (404, 422)


def test_the_openapi_schema_lists_every_resource(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/events", "/documents", "/documents/{doc_id}", "/incidents", "/alerts",
                 "/alerts/{alert_id}", "/dyads", "/series", "/network", "/places", "/code",
                 "/ingest"):  # fmt: skip
        assert path in paths, path


@pytest.mark.parametrize("workers", [1, 2])
def test_eventwatch_serve_answers_on_the_port_it_was_given(api_store: str, workers: int) -> None:
    import os
    import subprocess
    import sys
    import time

    import httpx

    from .conftest import free_port

    port = free_port()
    eventwatch = os.path.join(os.path.dirname(sys.executable), "eventwatch")
    server = subprocess.Popen(
        [
            eventwatch,
            "serve",
            "--db",
            api_store,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],  # fmt: skip
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, TOKEN_ENV: ""},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/stats", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
                time.sleep(0.2)
        assert answer.json()["documents"] == 6
        refused = httpx.post(f"http://127.0.0.1:{port}/code", json={"text": "x"}, timeout=5)
        assert refused.status_code == 401
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=20)
    assert f"on http://127.0.0.1:{port}/ (writes off (no token))" in stderr


def test_concurrent_reads_each_get_their_own_answer(served: Any, api_store: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    with Store.open(api_store) as store:
        docs = {d["id"]: d["events"] for d in store.documents()}
        by_country = {c: [e["id"] for e in store.events(country=c)] for c in ("SRB", "USA", "XKX")}
    asks = [("doc", d) for d in docs] * 4 + [("country", c) for c in by_country] * 6

    def ask(item: tuple[str, str]) -> bool:
        kind, key = item
        if kind == "doc":
            body = httpx.get(f"{served.url}/documents/{key}", timeout=30).json()
            return len(body["events"]) == docs[key]
        body = httpx.get(f"{served.url}/events", params={"country": key, "limit": 1000}, timeout=30)
        return [e["id"] for e in body.json()["items"]] == by_country[key]

    with ThreadPoolExecutor(max_workers=16) as pool:
        assert all(pool.map(ask, asks))


def test_settings_come_from_a_toml_files_api_table(tmp_path: Path) -> None:
    from eventwatch.api import load_api_settings
    from eventwatch.exceptions import ConfigError

    good = tmp_path / "api.toml"
    good.write_text('[api]\ntoken = "abc"\ncode_per_minute = 5\n', "utf-8")
    settings = load_api_settings(good)
    assert settings.write_token() == "abc" and settings.code_per_minute == 5
    assert settings.max_body_bytes == ApiSettings().max_body_bytes
    bad = tmp_path / "bad.toml"
    bad.write_text("[api]\ntokn = 'abc'\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_api_settings(bad)
    assert caught.value.code == "config-api" and "tokn" in caught.value.message


def test_the_dashboards_scripts_never_parse_markup() -> None:
    from eventwatch.api._web import STATIC

    scripts = sorted(STATIC.glob("*.js"))
    assert len(scripts) >= 8
    for script in scripts:
        source = script.read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                     "new Function"):  # fmt: skip
            assert sink not in source, f"{script.name} uses {sink}"


def test_the_api_reads_a_postgresql_store_as_it_reads_sqlite(
    store_url: str, pipeline: Pipeline
) -> None:
    from eventwatch import Article
    from eventwatch.engines import LocalEngine, ingest_items

    from .conftest import SEED

    article = Article(id=SEED_ID, text=SEED.read_text("utf-8"), pub_date=dt.date(2023, 9, 29))
    with Store.open(store_url) as store:
        ingest_items([article], store=store, spec=pipeline.spec, engine=LocalEngine(pipeline))
        expected = [e["id"] for e in store.events(country="SRB")]
        places = store.places()
    with TestClient(create_app(store_url)) as client:
        got = [e["id"] for e in _all_pages(client, "/events", country="SRB", limit=3)]
        assert got == expected and expected
        body = client.get("/places").json()
        assert [f["properties"]["events"] for f in body["features"]] == [
            p["events"] for p in places
        ]
        assert client.get(f"/documents/{SEED_ID}").json()["id"] == SEED_ID
        assert client.get("/series", params={"dyad": "SRB:XKX"}).json()["periods"]


@pytest.mark.parametrize("threads", [1, 3])
def test_endpoint_threads_follow_the_settings(api_store: str, threads: int) -> None:
    """``threads`` bounds the pool that runs the endpoints (anyio's default is 40)."""
    import anyio.to_thread

    app = create_app(api_store, settings=ApiSettings(threads=threads))
    with TestClient(app) as test_client:
        limiter = anyio.to_thread.current_default_thread_limiter
        assert test_client.portal.call(lambda: limiter().total_tokens) == threads
        assert test_client.get("/events", params={"limit": 2}).status_code == 200
