"""A store of real coded articles for the API and the dashboard, and a server over it.

``api_store``: the seed article, four VOA stories from ``shared/corpus`` and an article
whose title, text and URL carry XSS payloads, ingested by the real pipeline; an incident
and an alert (built by the analytics' own :class:`Alert`) written through the store's API.
``served``: that store behind ``eventwatch serve``'s app, on a free port of 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from eventwatch import Article, Pipeline
from eventwatch.analytics import Alert, alert_id
from eventwatch.engines import LocalEngine, ingest_items
from eventwatch.store import Store

from ..conftest import SEED, SHARED

TOKEN = "test-token-0123456789"
SEED_ID = "kosovo-2023-09-29"
XSS_ID = "xss-probe"
XSS_TITLE = 'Serbia <img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script>'
XSS_TEXT = (
    "Serbian troops attacked Kosovo police officers in Zvecan on Monday, officials said. "
    '<script>window.__pwned=1; alert("xss")</script> '
    '<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">read more</a> '
    "Belgrade denied the attack and accused Pristina of provoking the clash."
)
XSS_URL = "javascript:window.__pwned=1"
VOA = SHARED / "corpus" / "voa_2025.jsonl"


def _need(path: Path) -> None:
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {path} is missing")
    pytest.skip(f"{path} is missing")


def _voa(count: int) -> list[Article]:
    _need(VOA)
    out = []
    with VOA.open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(count), strict=False):
            row = json.loads(line)
            out.append(
                Article(
                    id=row["id"],
                    text=row["text"],
                    title=row.get("title"),
                    url=row.get("url"),
                    pub_date=dt.date.fromisoformat(str(row["pub_date"])[:10]),
                    source="voa",
                )
            )
    return out


def fill_store(url: str, pipeline: Pipeline) -> dict[str, Any]:
    """Ingest the articles, then write one incident and one alert over the seed's events."""
    articles = [
        Article(
            id=SEED_ID,
            text=SEED.read_text("utf-8"),
            title="US warns of a major Serbian military deployment along the Kosovo border",
            pub_date=dt.date(2023, 9, 29),
            source="wire",
        ),
        *_voa(4),
        Article(
            id=XSS_ID,
            text=XSS_TEXT,
            title=XSS_TITLE,
            url=XSS_URL,
            pub_date=dt.date(2023, 10, 2),
            source="probe",
        ),  # fmt: skip
    ]
    with Store.open(url) as store:
        ingest_items(articles, store=store, spec=pipeline.spec, engine=LocalEngine(pipeline))
        serbian = store.events(doc_id=SEED_ID, country="SRB")
        assert serbian, "the seed article codes Serbian events"
        incident = {
            "id": "in-seed-srb",
            "type": serbian[0]["type"],
            "dyad": "SRB:XKX",
            "date": {"start": "2023-09-29", "end": "2023-09-29", "best": "2023-09-29"},
            "location": {"name": "Kosovo", "country": "XKX", "lat": 42.6, "lon": 20.9},
            "n_reports": len(serbian[:3]),
            "n_sources": 1,
            "members": [{"event_id": e["id"], "doc_id": e["doc_id"], "score": 1.0}
                        for e in serbian[:3]],
        }  # fmt: skip
        store.write_incidents([incident])
        change = dt.date(2023, 9, 28)
        alert = Alert(
            id=alert_id("SRB:XKX", change), dyad="SRB:XKX", detector="cusum",
            detected_on=dt.date(2023, 9, 29), change_date=change,
            updated_on=dt.date(2023, 9, 29), ended_on=None, severity="high", score=7.5,
            streams=("material_conflict",),
            summary="Serbian troop deployments along the Kosovo border, first since the start",
            incidents=(incident["id"],), events=tuple(e["id"] for e in serbian),
        ).to_dict()  # fmt: skip
        store.write_alerts([alert])
    return {"alert": alert, "incident": incident}


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    url = str(tmp_path_factory.mktemp("api") / "store.db")
    fill_store(url, pipeline)
    yield url


@pytest.fixture(scope="session")
def api_records(api_store: str) -> dict[str, Any]:
    with Store.open(api_store) as store:
        (alert,) = store.alerts()
        return {"alert": alert, "incident": store.incidents()[0]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Served:
    url: str
    store: str


@pytest.fixture(scope="session")
def served(api_store: str, pipeline: Pipeline) -> Iterator[Served]:
    """``eventwatch serve``'s app over ``api_store``, in a thread, on 127.0.0.1."""
    import uvicorn

    from eventwatch.api import ApiSettings, create_app

    app = create_app(api_store, settings=ApiSettings(token=TOKEN), spec=pipeline.spec)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the API server did not start")
        time.sleep(0.05)
    yield Served(url=f"http://127.0.0.1:{port}", store=api_store)
    server.should_exit = True
    thread.join(timeout=10)
