"""An incident's record: what its reports say together, and why each one is in it.

Best figures: the date most reports give from their text (else the earliest
report's day), the most precise place most reports give, and for the killed,
injured and arrested the figure of the latest report that gives one (counts
grow as the dead are counted: "3 killed" on day 1, "5 killed" on day 2), with
every report's figure, its document and offsets kept beside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ._linker import Link
from ._reports import Report

__all__ = ["SUMMARY_FIELDS", "incident_record", "incident_summary"]

_PRECISION_RANK = {"town": 0, "province": 1, "country": 2}


def _most_common(values: list[Any]) -> Any:
    """The most frequent value, the first given on a tie (None when there is none)."""
    kept = [v for v in values if v is not None]
    if not kept:
        return None
    counts = Counter(kept)
    top = max(counts.values())
    return next(v for v in kept if counts[v] == top)


def _source(report: Report, url: str | None) -> str:
    if report.source:
        return report.source
    if url:
        host = urlsplit(url).hostname or ""
        if "web.archive.org" in url:  # the archived page's own host
            inner = url.split("/http", 1)
            host = urlsplit("http" + inner[1]).hostname or host if len(inner) > 1 else host
        if host:
            return host.removeprefix("www.")
    return report.doc_id


def incident_record(
    name: str,
    reports: list[Report],
    links: Mapping[str, Link],
    *,
    urls: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """The incident dict the store keeps (see ``store/_derived.py``) for these reports."""
    urls = urls or {}
    ordered = sorted(reports, key=lambda r: (r.pub_date is None, r.pub_date, r.doc_id))
    news = [r for r in ordered if not r.historical] or ordered
    text_dates = [r.date for r in news if r.date is not None and r.date.source == "text"]
    spans = [r.date for r in news if r.date is not None]
    if text_dates:
        best = _most_common([d.start for d in text_dates])
    else:
        best = spans[0].start if spans else None
    places = [r.place for r in news if r.place is not None]
    place = None
    if places:
        sharpest = min(_PRECISION_RANK[p.precision] for p in places)
        place = _most_common([p for p in places if _PRECISION_RANK[p.precision] == sharpest])
    figures = [f for r in ordered for f in r.figures]
    best_figure: dict[str, int | None] = {}
    for kind in ("killed", "injured", "arrested"):
        given = [f for f in figures if f.kind == kind]
        if not given:
            best_figure[kind] = None
            continue
        latest = max((f.reported or "") for f in given)
        best_figure[kind] = max(f.value for f in given if (f.reported or "") == latest)
    published = [r.pub_date.isoformat() for r in ordered if r.pub_date is not None]
    members = []
    for r in ordered:
        link = links.get(r.doc_id) or Link(None, None, {})
        members.append({
            "doc_id": r.doc_id,
            "event_id": r.events[0] if r.events else None,
            "events": list(r.events),
            "score": link.score,
            "linked_to": link.linked_to,
            "features": dict(link.features),
            "pub_date": r.pub_date.isoformat() if r.pub_date else None,
            "echo": r.historical,
            "echoes": list(r.echoes),
        })  # fmt: skip
    return {
        "id": name,
        "type": _most_common([r.type for r in news]),
        "mode": _most_common([r.mode for r in news]),
        "dyad": _most_common([r.dyad for r in news]),
        "historical": all(r.historical for r in ordered),
        "date": {
            "best": best.isoformat() if best else None,
            "start": min(s.start for s in spans).isoformat() if spans else None,
            "end": max(s.end for s in spans).isoformat() if spans else None,
        },
        "location": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
            "precision": place.precision,
        },  # fmt: skip
        "killed": best_figure["killed"],
        "injured": best_figure["injured"],
        "arrested": best_figure["arrested"],
        "figures": [f.to_dict() for f in figures],
        "first_report": published[0] if published else None,
        "last_report": published[-1] if published else None,
        "n_reports": len(ordered),
        "n_sources": len({_source(r, urls.get(r.doc_id)) for r in ordered}),
        "documents": [r.doc_id for r in ordered],
        "events": [e for r in ordered for e in r.events],
        "members": members,
    }


#: the fields of :func:`incident_summary`, in order
SUMMARY_FIELDS = (
    "id", "type", "mode", "dyad", "date", "date_range", "location", "killed", "injured",
    "arrested", "n_reports", "n_sources", "first_report", "last_report", "historical",
    "documents", "events", "figures",
)  # fmt: skip


def incident_summary(record: Mapping[str, Any]) -> dict[str, Any]:
    """An incident as ``eventwatch incidents --format jsonl`` prints it: best date and place,
    figures with their evidence, documents and events (the members' scores stay in the store)."""
    date = record.get("date") or {}
    place = record.get("location") or None
    return {
        "id": record["id"],
        "type": record.get("type"),
        "mode": record.get("mode"),
        "dyad": record.get("dyad"),
        "date": date.get("best"),
        "date_range": [date.get("start"), date.get("end")],
        "location": place,
        "killed": record.get("killed"),
        "injured": record.get("injured"),
        "arrested": record.get("arrested"),
        "n_reports": record.get("n_reports"),
        "n_sources": record.get("n_sources"),
        "first_report": record.get("first_report"),
        "last_report": record.get("last_report"),
        "historical": bool(record.get("historical")),
        "documents": list(record.get("documents") or []),
        "events": list(record.get("events") or []),
        "figures": list(record.get("figures") or []),
    }
