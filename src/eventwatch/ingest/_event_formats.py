"""Event records without text: eventwatch's own JSON lines, GDELT 2.0, ICEWS and POLECAT rows.

Each format is read into the same plain event dict, the form ``eventwatch code --format jsonl``
prints plus the day it was reported, so that series and alerts run alike on any of them::

    {"id", "doc_id", "day", "date", "type", "mode", "context", "cameo",
     "source": [{"country", "sector", "name"}], "target": [...], "killed", "injured",
     "negated", "hypothetical", "historical", "goldstein", "quad_class", "intensity",
     "title", "url", "format"}

``day`` is the day the event was reported: the document's ``pub_date`` (eventwatch), the day the
row was added (GDELT ``DATEADDED``), the event date (ICEWS, whose event date is its story's
date), the publication date (POLECAT, else its event date). CAMEO codes (GDELT, ICEWS) map to
PLOVER type and mode through ``data/cameo_plover.tsv``; CAMEO 01 and 02 have no PLOVER
category and are counted in ``skipped``, not imported. Countries become ISO-3166 alpha-3
(CAMEO's ``KSV`` is Kosovo, ``XKX``; ICEWS and POLECAT names go through the project's country
table). docs/analytics.md lists every field's mapping. A row that cannot be read is reported with
its line number and the reason, and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..exceptions import InputError
from ..resources.countries import read_countries
from ..resources.wordlists import read_rows

__all__ = [
    "EVENT_FORMATS",
    "EventImport",
    "RowProblem",
    "cameo_to_plover",
    "parse_event_lines",
    "read_event_file",
]

EVENT_FORMATS = ("eventwatch", "gdelt", "icews", "polecat")

_GDELT_FIELDS = 61
_ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip
_POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors",
    "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country",
    "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title",
    "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City", "District", "Province",
    "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
    "Version",
)  # fmt: skip
#: CAMEO actor type codes (GDELT Actor1Type1Code ...) to eventwatch sector codes
_CAMEO_SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "OPP": "OPP",
    "PTY": "PTY", "REB": "REB", "INS": "REB", "SEP": "REB", "SPY": "SPY", "UAF": "UAF",
    "IMG": "UAF", "AGR": "AGR", "BUS": "BUS", "MNC": "BUS", "CRM": "CRM", "CVL": "CVL",
    "EDU": "EDU", "ELI": "ELI", "ENV": "ENV", "LAB": "LAB", "MED": "JRN", "HLH": "MED",
    "REF": "REF", "REL": "REL", "NGO": "NGO", "NGM": "NGO", "HRI": "NGO", "DEV": "NGO",
    "IGO": "IGO", "UNO": "IGO", "PKO": "IGO",
}  # fmt: skip
#: words of ICEWS sector names to sector codes, the first that a sector list contains wins
_ICEWS_SECTORS = (
    ("police", "COP"), ("military", "MIL"), ("army", "MIL"), ("armed forces", "MIL"),
    ("rebel", "REB"), ("insurgent", "REB"), ("separatist", "REB"), ("judicial", "JUD"),
    ("legislative", "LEG"), ("parliament", "LEG"), ("opposition", "OPP"), ("party", "PTY"),
    ("intelligence", "SPY"), ("government", "GOV"), ("executive", "GOV"), ("ministry", "GOV"),
    ("media", "JRN"), ("news", "JRN"), ("business", "BUS"), ("education", "EDU"),
    ("religio", "REL"), ("medical", "MED"), ("health", "MED"), ("refugee", "REF"),
    ("labor", "LAB"), ("union", "LAB"), ("criminal", "CRM"), ("elite", "ELI"),
    ("non-governmental", "NGO"), ("ngo", "NGO"), ("protest", "CVL"), ("civilian", "CVL"),
    ("agricultur", "AGR"), ("environment", "ENV"),
)  # fmt: skip
_QUADS = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
_DROPPED = "CAMEO 01/02 (statements, appeals): no PLOVER category"


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be imported: its line number (1-based) and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class EventImport:
    """The event rows read from a file, the rows that could not be, and the rows left out."""

    format: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


class _Bad(ValueError):
    """A row's problem, raised inside a parser and reported with its line number."""


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, tuple[str, str]]:
    return {
        code: (type_, mode)
        for code, type_, mode, _note in read_rows("eventwatch.ingest", "cameo_plover.tsv", 4)
    }


@lru_cache(maxsize=1)
def _plover_types() -> frozenset[str]:
    return frozenset(t for t, _ in _cameo_table().values())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO codes and lower-case names and aliases to ISO-3166 alpha-3."""
    table: dict[str, str] = {"igo": "IGO", "ksv": "XKX"}
    for country in read_countries():
        for name in (country.iso3, country.name, *country.aliases):
            table.setdefault(name.lower(), country.iso3)
    return table


def _country(value: str) -> str | None:
    return _country_names().get(value.strip().lower()) if value and value.strip() else None


def cameo_to_plover(code: str) -> tuple[str, str | None]:
    """The PLOVER type and mode of a CAMEO code (``"1823"`` -> ``("ASSAULT", None)``).

    A code the table lacks falls back to its parents; CAMEO 01/02, an unknown code or a code
    that is not a number raises ``ValueError`` (a subclass, for the parsers' row reports).
    """
    code = code.strip()
    if not code.isdigit():
        raise _Bad(f"CAMEO code {code!r} is not a number")
    table = _cameo_table()
    candidates = [code]
    if len(code) in (2, 3) and not code.startswith("0"):
        candidates.append("0" + code)  # ICEWS files may drop the leading zero (42 for 042)
    for candidate in candidates:
        if candidate[:2] in ("01", "02"):
            raise _Bad(_DROPPED)
        for key in (candidate, candidate[:3], candidate[:2]):
            if key in table:
                type_, mode = table[key]
                return type_, mode or None
    raise _Bad(f"CAMEO code {code!r} is not in the CAMEO-to-PLOVER table")


def _day(value: str, what: str) -> str:
    """``YYYYMMDD[HHMMSS]`` or ``YYYY-MM-DD[...]`` as an ISO day."""
    text = value.strip()
    try:
        if len(text) >= 8 and text[:8].isdigit():
            return dt.datetime.strptime(text[:8], "%Y%m%d").date().isoformat()
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise _Bad(f"{what} {value!r} is not a date") from None


def _float(value: str, what: str) -> float | None:
    if not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise _Bad(f"{what} {value!r} is not a number") from None


def _event(fmt: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": None, "doc_id": None, "day": None, "date": None, "type": None, "mode": None,
        "context": [], "cameo": None, "source": [], "target": [], "killed": None,
        "injured": None, "negated": False, "hypothetical": False, "historical": False,
        "goldstein": None, "quad_class": None, "intensity": None, "title": None, "url": None,
    }  # fmt: skip
    row.update(fields)
    row["format"] = fmt
    return row


def _gdelt_actor(cells: list[str], at: int) -> list[dict[str, Any]]:
    code, name, country = cells[at], cells[at + 1], cells[at + 2]
    if not code.strip():
        return []
    iso = _country(country) or ("IGO" if code.startswith("IGO") else None)
    sector = next((_CAMEO_SECTORS[c] for c in cells[at + 7 : at + 10] if c in _CAMEO_SECTORS), None)
    return [{"country": iso, "sector": sector, "name": name.strip() or None, "code": code.strip()}]


def _gdelt(cells: list[str]) -> dict[str, Any]:
    if len(cells) != _GDELT_FIELDS:
        raise _Bad(f"expected {_GDELT_FIELDS} tab-separated fields, found {len(cells)}")
    type_, mode = cameo_to_plover(cells[26])
    quad = cells[29].strip()
    if quad not in ("1", "2", "3", "4"):
        raise _Bad(f"QuadClass {quad!r} is not 1-4")
    return _event(
        "gdelt",
        id=cells[0].strip() or _missing("GLOBALEVENTID"),
        doc_id=cells[60].strip() or None,
        day=_day(cells[59] or cells[1], "DATEADDED"),
        date=_day(cells[1], "SQLDATE"),
        type=type_,
        mode=mode,
        cameo=cells[26].strip(),
        source=_gdelt_actor(cells, 5),
        target=_gdelt_actor(cells, 15),
        goldstein=_float(cells[30], "GoldsteinScale"),
        quad_class=int(quad),
        url=cells[60].strip() or None,
    )


def _missing(what: str) -> str:
    raise _Bad(f"no {what}")


def _icews_sector(text: str) -> str | None:
    lowered = text.lower()
    return next((code for word, code in _ICEWS_SECTORS if word in lowered), None)


def _icews(record: dict[str, str]) -> dict[str, Any]:
    type_, mode = cameo_to_plover(record.get("CAMEO Code", ""))

    def actor(side: str) -> list[dict[str, Any]]:
        name = record.get(f"{side} Name", "").strip()
        country = record.get(f"{side} Country", "")
        if not name and not country.strip():
            return []
        sector = _icews_sector(record.get(f"{side} Sectors", ""))
        return [{"country": _country(country), "sector": sector, "name": name or None}]

    day = _day(record.get("Event Date", ""), "Event Date")
    return _event(
        "icews",
        id=record.get("Event ID", "").strip() or _missing("Event ID"),
        doc_id=record.get("Story ID", "").strip() or None,
        day=day,
        date=day,
        type=type_,
        mode=mode,
        cameo=record.get("CAMEO Code", "").strip(),
        source=actor("Source"),
        target=actor("Target"),
        goldstein=_float(record.get("Intensity", ""), "Intensity"),
    )


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace(",", ";").split(";") if v.strip()]


def _polecat(record: dict[str, str]) -> dict[str, Any]:
    type_ = record.get("Event Type", "").strip().upper()
    if type_ not in _plover_types():
        raise _Bad(f"Event Type {type_!r} is not a PLOVER type")

    def actors(side: str) -> list[dict[str, Any]]:
        names = _split(record.get(f"{side} Name", ""))
        countries = _split(record.get(f"{side} Country", ""))
        sector = record.get(f"Primary {side} Sector", "").strip().upper() or None
        out = []
        for i in range(max(len(names), len(countries))):
            country = countries[i] if i < len(countries) else (countries[-1] if countries else "")
            name = names[i] if i < len(names) else None
            out.append({"country": _country(country), "sector": sector, "name": name})
        return out

    quad_text = record.get("Quad Code", "").strip()
    quad = int(quad_text) if quad_text in ("1", "2", "3", "4") else _QUADS.get(quad_text.lower())
    published = record.get("Publication Date", "").strip()
    event_date = _day(record.get("Event Date", ""), "Event Date")
    return _event(
        "polecat",
        id=record.get("Event ID", "").strip() or _missing("Event ID"),
        day=_day(published, "Publication Date") if published else event_date,
        date=event_date,
        type=type_,
        mode=record.get("Event Mode", "").strip().lower() or None,
        context=_split(record.get("Contexts", "")),
        source=actors("Actor"),
        target=actors("Recipient"),
        quad_class=quad,
        intensity=_float(record.get("Intensity", record.get("Event Intensity", "")), "Intensity"),
    )


def _eventwatch(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not JSON: {exc.msg}") from None
    if not isinstance(record, dict):
        raise _Bad("not a JSON object")
    day = record.get("day") or record.get("pub_date")
    if not day:
        raise _Bad("no pub_date (the day the event was reported)")
    type_ = str(record.get("type") or "").upper()
    if type_ not in _plover_types():
        raise _Bad(f"type {record.get('type')!r} is not a PLOVER type")
    if record.get("id") is None:
        raise _Bad("no id")
    for side in ("source", "target"):
        if not isinstance(record.get(side, []), list):
            raise _Bad(f"{side} is not a list of actors")
    date = record.get("date")
    return _event(
        "eventwatch",
        **{
            **record,
            "id": str(record["id"]),
            "day": _day(str(day), "pub_date"),
            "date": date.get("start_date") if isinstance(date, dict) else date,
            "type": type_,
        },
    )


def _tabular(
    lines: Iterator[tuple[int, str]], columns: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str] | str]]:
    """Rows of a tab-separated file with a header (or in the published column order)."""
    header: list[str] | None = None
    for number, line in lines:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            if "Event ID" in header:
                continue
            header = list(columns)
        if len(cells) > len(header) and not any(cells[len(header) :]):
            cells = cells[: len(header)]
        if len(cells) != len(header):
            yield number, f"expected {len(header)} tab-separated fields, found {len(cells)}"
            continue
        yield number, dict(zip(header, cells, strict=True))


def parse_event_lines(lines: Iterable[str], *, format: str) -> EventImport:
    """Parse the lines of an event file in ``format`` (see :data:`EVENT_FORMATS`)."""
    if format not in EVENT_FORMATS:
        raise InputError(
            f"unknown event format {format!r} (known: {', '.join(EVENT_FORMATS)})",
            code="input-format",
        )
    result = EventImport(format)
    numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(lines, start=1))
    numbered = ((n, line) for n, line in numbered if line.strip())
    if format in ("icews", "polecat"):
        columns = _ICEWS_COLUMNS if format == "icews" else _POLECAT_COLUMNS
        parse = _icews if format == "icews" else _polecat
        for number, record in _tabular(numbered, columns):
            _add(result, number, lambda r=record: r if isinstance(r, str) else parse(r))
        return result
    for number, line in numbered:
        if format == "gdelt":
            _add(result, number, lambda text=line: _gdelt(text.split("\t")))
        else:
            _add(result, number, lambda text=line: _eventwatch(text))
    return result


def _add(result: EventImport, number: int, parse: Any) -> None:
    try:
        row = parse()
    except _Bad as exc:
        reason = str(exc)
        if reason == _DROPPED:
            result.skipped[reason] += 1
        else:
            result.problems.append(RowProblem(number, reason))
        return
    if isinstance(row, str):
        result.problems.append(RowProblem(number, row))
    else:
        result.rows.append(row)


def read_event_file(path: Path | str, *, format: str) -> EventImport:
    """Read an event file; an unreadable file is an :class:`InputError`, a bad row a problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}", code="input-missing") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older ICEWS files are ISO-8859-1
    return parse_event_lines(text.splitlines(), format=format)
