"""One stored document seen as a report of an incident: what linking compares.

:func:`report_of` reads a stored document dict (``Store.document``) and keeps
its words, title and names as term counts, and from its coded events the
principal one (type family, actors' countries, place with its precision, date
with its granularity), the casualty figures with their offsets, and the
events that are echoes: dated well before the report (an anniversary, "the
1999 bombing campaign") or marked historical by the coder.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._text import numbers, proper_names, words

__all__ = ["FAMILIES", "Figure", "Place", "Report", "Span", "family_of", "report_of"]

#: PLOVER types by family: reports of one incident code it within a family
FAMILIES: dict[str, str] = {
    "ASSAULT": "violence", "COERCE": "violence",
    "MOBILIZE": "force", "THREATEN": "force", "SANCTION": "force",
    "PROTEST": "protest",
    "ACCUSE": "claims", "REQUEST": "claims", "REJECT": "claims",
    "AGREE": "cooperation", "CONSULT": "cooperation", "SUPPORT": "cooperation",
    "CONCEDE": "cooperation", "COOPERATE": "cooperation", "AID": "cooperation",
    "RETREAT": "cooperation",
}  # fmt: skip
#: which families come first when a report's principal event is chosen
_PRIORITY = {"violence": 0, "protest": 1, "force": 2, "claims": 3, "cooperation": 4}
#: the sentences of a report that tell its news
LEAD_SENTENCES = 5
#: how far a place of each precision may lie from another and be the same (km)
PRECISION_KM = {"town": 40.0, "province": 350.0, "country": 1500.0}
#: the days a date of each granularity stretches either way
GRANULARITY_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92, "season": 92, "year": 366}


def family_of(event_type: str | None) -> str | None:
    return FAMILIES.get(event_type or "", None if event_type is None else "other")


@dataclass(frozen=True)
class Place:
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass(frozen=True)
class Span:
    """A date range, inclusive, and where it came from (``text`` or ``publication``)."""

    start: dt.date
    end: dt.date
    granularity: str
    source: str


@dataclass(frozen=True)
class Figure:
    """One report's count of the killed, injured or arrested, with its evidence."""

    kind: str
    value: int
    doc_id: str
    event_id: str | None
    start: int | None
    end: int | None
    text: str | None
    reported: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "value": self.value, "doc_id": self.doc_id,
            "event_id": self.event_id, "start": self.start, "end": self.end,
            "text": self.text, "reported": self.reported,
        }  # fmt: skip


@dataclass
class Report:
    """What linking knows of one document."""

    doc_id: str
    pub_date: dt.date | None
    source: str | None
    title: str | None
    body: Counter[str]
    title_words: Counter[str]
    names: Counter[str]
    events: list[str] = field(default_factory=list)
    echoes: list[dict[str, Any]] = field(default_factory=list)
    type: str | None = None
    mode: str | None = None
    family: str | None = None
    families: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    dyad: str | None = None
    place: Place | None = None
    date: Span | None = None
    figures: list[Figure] = field(default_factory=list)
    duplicate_of: str | None = None
    #: every event of the report is an echo: it tells of a past incident
    historical: bool = False

    def figure(self, kind: str) -> int | None:
        values = [f.value for f in self.figures if f.kind == kind]
        return max(values) if values else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 4:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _span(event: Mapping[str, Any], pub_date: dt.date | None) -> Span | None:
    when = event.get("date") or {}
    start = _date(when.get("start_date"))
    if start is not None:
        end = _date(when.get("end_date")) or start
        granularity = str(when.get("granularity") or "day")
        if granularity == "year" and len(str(when.get("start_date"))) == 4:
            end = dt.date(start.year, 12, 31)
        source = "publication" if when.get("source") == "publication" else "text"
        return Span(start, max(start, end), granularity, source)
    if pub_date is not None:
        return Span(pub_date, pub_date, "day", "publication")
    return None


def _place(value: Mapping[str, Any] | None) -> Place | None:
    if not value or (value.get("lat") is None and not value.get("country")):
        return None
    feature = str(value.get("feature") or "")
    if feature.startswith("PCL") or (value.get("lat") is None):
        precision = "country"
    elif feature.startswith("ADM") or feature in {"RGN", "AREA"}:
        precision = "province"
    else:
        precision = "town"
    lat, lon = value.get("lat"), value.get("lon")
    return Place(
        value.get("name"), value.get("country"), value.get("admin1"),
        float(lat) if lat is not None else None, float(lon) if lon is not None else None,
        precision,
    )  # fmt: skip


def _is_echo(event: Mapping[str, Any], pub_date: dt.date | None, echo_days: int) -> bool:
    if event.get("historical"):
        return True
    when = event.get("date") or {}
    if pub_date is None or when.get("source") == "publication":
        return False
    end = _date(when.get("end_date")) or _date(when.get("start_date"))
    if end is None:
        return False
    if len(str(when.get("end_date") or when.get("start_date"))) == 4:
        end = dt.date(end.year, 12, 31)
    return (pub_date - end).days > echo_days


def report_of(
    document: Mapping[str, Any], *, echo_days: int = 60, with_numbers: bool = True
) -> Report:
    """The report a stored document dict makes (see the module docstring)."""
    text = str(document.get("text") or "")
    title = document.get("title") or None
    pub_date = _date(document.get("pub_date"))
    starts = [s.get("start", 0) for s in document.get("sentences") or []]
    names: Counter[str] = Counter(proper_names(text, starts))
    for key in ("actors", "places"):
        for item in document.get(key) or []:
            if item.get("name"):
                names[str(item["name"]).lower()] += 1
    report = Report(
        doc_id=str(document["id"]),
        pub_date=pub_date,
        source=document.get("source") or None,
        title=title,
        body=Counter(words(text) + (numbers(text) if with_numbers else [])),
        title_words=Counter(words(title or "")),
        names=names,
        duplicate_of=document.get("duplicate_of") or None,
    )
    current, lead_cut = [], _lead_cut(document)
    for event in document.get("events") or []:
        if event.get("negated") or event.get("hypothetical"):
            continue
        if _is_echo(event, pub_date, echo_days):
            span = _span(event, pub_date)
            report.echoes.append({
                "event_id": event["id"], "type": event.get("type"),
                "date": span.start.isoformat() if span else None,
            })  # fmt: skip
            continue
        current.append(event)
    report.events = [e["id"] for e in current]
    report.historical = bool(report.echoes) and not current
    chosen = current or [e for e in document.get("events") or [] if not e.get("negated")]
    if chosen:
        _principal(report, chosen, lead_cut, pub_date)
    report.figures = _figures(report.doc_id, current, document.get("pub_date"))
    return report


def _lead_cut(document: Mapping[str, Any]) -> int:
    sentences = document.get("sentences") or []
    if len(sentences) > LEAD_SENTENCES:
        return int(sentences[LEAD_SENTENCES - 1].get("end", 0))
    return len(str(document.get("text") or "")) + 1


def _principal(
    report: Report, events: list[Mapping[str, Any]], lead_cut: int, pub_date: dt.date | None
) -> None:
    def rank(event: Mapping[str, Any]) -> tuple[int, int, int]:
        start = int((event.get("evidence") or {}).get("start", 0))
        family = family_of(event.get("type")) or "other"
        return (0 if start < lead_cut else 1, _PRIORITY.get(family, 5), start)

    first = min(events, key=rank)
    report.type, report.mode = first.get("type"), first.get("mode")
    report.family = family_of(report.type)
    report.families = frozenset(f for e in events if (f := family_of(e.get("type"))))
    countries = {
        a["country"]
        for e in events
        if int((e.get("evidence") or {}).get("start", 0)) < lead_cut
        for a in [*(e.get("source") or []), *(e.get("target") or [])]
        if a.get("country")
    }
    report.countries = frozenset(countries)
    report.dyad = _dyad(first)
    located = [e for e in sorted(events, key=rank) if _place(e.get("location"))]
    report.place = _place(located[0].get("location")) if located else None
    dated = [e for e in sorted(events, key=rank) if (e.get("date") or {}).get("start_date")]
    report.date = _span(dated[0] if dated else first, pub_date)


def _dyad(event: Mapping[str, Any]) -> str | None:
    def side(actors: list[Mapping[str, Any]]) -> str:
        return next((str(a["country"]) for a in actors if a.get("country")), "")

    source, target = side(event.get("source") or []), side(event.get("target") or [])
    return f"{source}:{target}" if source or target else None


def _figures(doc_id: str, events: list[Mapping[str, Any]], reported: Any) -> list[Figure]:
    """The report's largest count of each kind, with the quantity that says it."""
    best: dict[str, Figure] = {}
    for event in events:
        for kind, quantity in (event.get("quantities") or {}).items():
            if kind not in {"killed", "injured", "arrested"}:
                continue
            value = quantity.get("max") if quantity.get("max") is not None else quantity.get("min")
            if not isinstance(value, int):
                continue
            if kind not in best or value > best[kind].value:
                best[kind] = Figure(
                    kind, value, doc_id, event.get("id"), quantity.get("start"),
                    quantity.get("end"), quantity.get("text"), reported,
                )  # fmt: skip
    return [best[k] for k in sorted(best)]
