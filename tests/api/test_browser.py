"""The dashboard in a real browser: Debian's Chromium driven by Playwright (executable_path).

Every request that leaves 127.0.0.1 is blocked and recorded, and any console error or
uncaught page error fails the test. Screenshots go to each test's temp dir; with
``EVENTWATCH_DOCS_SHOTS=docs/img`` they are also copied there for the docs.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from .conftest import SEED_ID, XSS_ID, XSS_TITLE, XSS_URL, Served

pytestmark = pytest.mark.issue(20)

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
LOCAL = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = "Debian's chromium is missing: apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)
    from eventwatch.api import ApiSettings
    from eventwatch.api._web import VENDOR

    missing = [n for n, f in VENDOR.items() if not (ApiSettings().assets() / f).is_file()]
    if missing:
        message = f"the dashboard's libraries are missing ({', '.join(missing)}): make install"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {message}")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: make install")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose outside requests are blocked and whose console errors are kept."""

    def __init__(self, browser: Any, base: str, shots: Path) -> None:
        self.base = base
        self.shots = shots
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, hash_: str, view: str) -> Any:
        self.page.goto(f"{self.base}/{hash_}")
        return self.wait(view)

    def submit(self, button: str, view: str) -> Any:
        """Click a form's button and wait for the view drawn anew: the ready mark the
        view had before is cleared first, so the wait cannot read the old page."""
        self.page.evaluate("delete document.body.dataset.ready")
        self.page.click(button)
        return self.wait(view)

    def wait(self, view: str) -> Any:
        self.page.wait_for_selector(f"body[data-ready='{view}']", timeout=20_000)
        return self.page

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path))
        target = os.environ.get("EVENTWATCH_DOCS_SHOTS")
        if target:
            Path(target).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(target) / f"dashboard-{name}.png")
        return path


@pytest.fixture()
def watched(browser: Any, served: Served, tmp_path: Path) -> Iterator[Watched]:
    page = Watched(browser, served.url, tmp_path)
    yield page
    page.context.close()
    assert not page.blocked, f"the dashboard asked outside this machine: {page.blocked}"
    assert not page.errors, "\n".join(page.errors)
    assert not page.dialogs, f"a dialog opened: {page.dialogs}"


def _api(served: Served, path: str, **params: Any) -> Any:
    return httpx.get(f"{served.url}{path}", params=params, timeout=30).json()


def test_the_map_draws_outlines_and_points_and_filters_by_time(
    watched: Watched, served: Served
) -> None:
    page = watched.open("#/map", "map")
    outlines = page.locator("svg [aria-label='geo'] path").count()
    assert outlines > 150, "world-atlas has about 177 country outlines at 1:110m"
    every = len(_api(served, "/places", limit=2000)["features"])
    assert page.locator("svg [aria-label='dot'] circle").count() == every > 0
    located = [i for i in _api(served, "/incidents")["items"] if i.get("location")]
    assert page.locator("svg [aria-label='dot'] path").count() == len(located) == 1  # diamonds
    assert watched.shot("map").stat().st_size > 10_000
    page.fill("input[name=since]", "2025-01-01")
    watched.submit("form.filters button[type=submit]", "map")
    later = len(_api(served, "/places", since="2025-01-01", limit=2000)["features"])
    assert 0 < later < every
    assert page.locator("svg [aria-label='dot'] circle").count() == later


def test_a_filter_changes_the_event_table(watched: Watched, served: Served) -> None:
    page = watched.open("#/events", "events")
    before = page.locator("#event-table tbody tr").count()
    assert before == min(50, len(_api(served, "/events", limit=1000)["items"]))
    page.fill("#event-filters input[name=country]", "XKX")
    page.fill("#event-filters input[name=type]", "mobilize")
    watched.submit("#event-filters button[type=submit]", "events")
    rows = page.locator("#event-table tbody tr")
    expected = _api(served, "/events", country="XKX", type="MOBILIZE", limit=1000)["items"]
    assert 0 < rows.count() == len(expected) < before
    assert all(t == "MOBILIZE" for t in rows.locator("td:nth-child(2)").all_inner_texts())
    watched.shot("events")


def test_an_alert_drills_down_to_a_highlighted_sentence(
    watched: Watched, served: Served, api_records: dict[str, Any]
) -> None:
    alert = api_records["alert"]
    page = watched.open("#/alerts", "alerts")
    page.click(f"a.alert-link[href='#/alert/{alert['id']}']")
    watched.wait("alert")
    assert alert["summary"] in page.inner_text("main")
    cards = page.locator(".incident .evidence-card")
    assert cards.count() == len(api_records["incident"]["members"])
    watched.shot("alert")
    first = page.locator("main > div > .evidence-card").first
    trigger = first.locator("mark.trigger").inner_text()
    first.locator("a[href^='#/article/']").click()
    watched.wait("article")
    event_id = page.evaluate("new URLSearchParams(location.hash.split('?')[1]).get('event')")
    event = _api(served, f"/events/{event_id}")
    assert event["doc_id"] == SEED_ID and event["evidence"]["trigger"]["text"] == trigger
    underlined = "".join(page.locator("#article-text .in-evidence").all_text_contents())
    assert (
        underlined
        == event["evidence"]["text"][: event["evidence"]["end"] - event["evidence"]["start"]]
    )
    triggers = page.locator("#article-text .in-evidence.f-event")
    assert trigger in "".join(triggers.all_text_contents())
    triggers.first.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and event["id"] in tip.inner_text()
    watched.shot("article")


def test_every_fact_of_the_article_is_highlighted(watched: Watched, served: Served) -> None:
    doc = _api(served, f"/documents/{SEED_ID}")
    page = watched.open(f"#/article/{SEED_ID}", "article")
    assert "null" not in page.inner_text("main") and "undefined" not in page.inner_text("main")
    assert (
        page.inner_text("#article-text") == doc["text"].rstrip("\n")
        or page.locator("#article-text").text_content() == doc["text"]
    )
    marked = page.evaluate(
        """() => { const text = document.getElementById('article-text'); let at = 0; const out = {};
        const walk = (node) => { for (const child of node.childNodes) {
          if (child.nodeType === 3) { const p = child.parentElement;
            for (const c of p.classList) if (c.startsWith('f-')) (out[c] ||= []).push([at, at + child.length]);
            at += child.length; } else walk(child); } };
        walk(text); return out; }"""
    )

    def covered(kind: str, start: int, end: int) -> bool:
        spans = sorted(marked.get(f"f-{kind}", []))
        return all(any(a <= i < b for a, b in spans) for i in range(start, end))

    for actor in doc["actors"]:
        assert covered("actor", actor["start"], actor["end"]), actor
    for event in doc["events"]:
        trigger = event["evidence"]["trigger"]
        assert covered("event", trigger["start"], trigger["end"]), event["id"]
    for place in doc["places"]:
        assert covered("place", place["start"], place["end"]), place
    for time in doc["times"]:
        assert covered("time", time["start"], time["end"]), time


def test_an_article_full_of_xss_payloads_executes_nothing(watched: Watched, served: Served) -> None:
    doc = _api(served, f"/documents/{XSS_ID}")
    assert doc["events"], "the probe article codes events, so it shows in every view"
    page = watched.open(f"#/article/{XSS_ID}", "article")
    assert page.text_content("#article-title") == XSS_TITLE
    assert page.text_content("#article-text") == doc["text"]
    for view, hash_ in (("events", "#/events?text=Zvecan"), ("alerts", "#/alerts"),
                        ("map", "#/map"), ("network", "#/network?by=actor")):  # fmt: skip
        watched.open(hash_, view)
    page = watched.open(f"#/article/{XSS_ID}?event={doc['events'][0]['id']}", "article")
    page.locator("#article-text .f-event").first.hover()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script, main img, main iframe").count() == 0
    assert page.locator("main [onerror], main [onclick]").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith("javascript")], hrefs
    assert XSS_URL in page.inner_text("main")  # shown as text, not as a link
    watched.shot("xss")


def test_the_dyad_timeline_marks_its_alert_and_the_network_draws_every_node(
    watched: Watched, served: Served
) -> None:
    page = watched.open("#/series?dyad=SRB:XKX&by=day", "series")
    assert page.locator("svg [aria-label='rect'] rect").count() > 0
    assert page.locator("svg [aria-label='rule'] line").count() >= 1  # the alert's change day
    assert page.locator("a[href^='#/alert/']").count() == 1
    page.check("input[name=per]")
    watched.submit("form.filters button[type=submit]", "series")
    assert "per 1,000 reports" in page.inner_text(".chart")
    watched.shot("series")
    page = watched.open("#/network", "network")
    nodes = _api(served, "/network", limit=150)["nodes"]
    assert page.locator("svg [aria-label='nodes'] circle").count() == len(nodes) > 2
    watched.shot("network")
