"""Actor dictionaries: named actors with aliases, a country, a sector and offices.

The package ships one (``actors/data/people.yaml``: prominent political
people); a user adds or overrides entries with ``--actors FILE.yaml`` in the
same format (see ``examples/actors.yaml``)::

    actors:
      - name: Albin Kurti
        aliases: [Kurti]
        country: XKX
        sector: GOV
        offices:
          - {role: Prime Minister, country: XKX, sector: GOV, start: 2021-03-22, end: null}

An office applies between its ``start`` and ``end`` dates (either may be left
out); outside all offices the entry's own country and sector apply, except that
someone who held government office before is then an elite (``ELI``). A
malformed file raises :class:`~eventwatch.exceptions.DictionaryError` naming the
file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ...exceptions import DictionaryError, ResourceError

__all__ = ["SECTORS", "ActorDictionary", "DictionaryEntry", "Office"]

SECTORS = frozenset(
    "GOV MIL COP JUD LEG REB UAF OPP PTY CVL BUS MED EDU JRN REL REF NGO IGO CRM SPY ELI "
    "LAB AGR ENV".split()
)
_ENTRY_KEYS = {"name", "aliases", "country", "sector", "offices", "start", "end"}
_OFFICE_KEYS = {"role", "country", "sector", "start", "end"}


@dataclass(frozen=True, slots=True)
class Office:
    country: str | None
    sector: str
    start: dt.date | None
    end: dt.date | None
    role: str | None = None

    def holds(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    sector: str
    offices: tuple[Office, ...] = ()
    line: int = 0

    def at(self, when: dt.date | None) -> tuple[str | None, str]:
        """(country, sector) on a date; the entry's default when the date is unknown."""
        if when is None or not self.offices:
            return self.country, self.sector
        for office in self.offices:
            if office.holds(when):
                return office.country, office.sector
        began = [o for o in self.offices if o.start is not None and o.start <= when]
        if began and any(o.sector == "GOV" for o in began):
            return self.country, "ELI"
        return self.country, self.sector


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader (libyaml's when installed) that remembers the line of every mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class ActorDictionary:
    """Entries by every form they can be written in (name and aliases)."""

    def __init__(self, entries: list[DictionaryEntry]) -> None:
        self.entries = entries
        self.forms: dict[str, DictionaryEntry] = {}
        for entry in entries:
            for form in (entry.name, *entry.aliases):
                self.forms[" ".join(form.split())] = entry

    @classmethod
    def builtin(cls) -> ActorDictionary:
        source = resources.files("eventwatch.stages.actors").joinpath("data", "people.yaml")
        if not source.is_file():
            return cls([])
        try:
            return cls.from_text(source.read_text("utf-8"), path="people.yaml")
        except DictionaryError as exc:
            raise ResourceError(f"the packaged actor dictionary is broken: {exc}") from exc

    @classmethod
    def load(cls, path: str | Path) -> ActorDictionary:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"cannot read: {exc}", path=str(path)) from None
        return cls.from_text(text, path=str(path))

    @classmethod
    def from_text(cls, text: str, *, path: str) -> ActorDictionary:
        try:
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 (a SafeLoader subclass)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise DictionaryError(f"not valid YAML: {problem}", path=path, line=line) from None
        items = data.get("actors") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise DictionaryError("expected a list of actors under 'actors:'", path=path, line=1)
        return cls([_entry(item, path) for item in items])

    def merged_with(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary with ``other``'s entries added; ``other`` wins on shared forms."""
        return ActorDictionary([*self.entries, *other.entries])


def _entry(item: object, path: str) -> DictionaryEntry:
    if not isinstance(item, dict):
        raise DictionaryError("each actor must be a mapping with a 'name'", path=path)
    line = int(item.pop("__line__", 0)) or None
    unknown = set(item) - _ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"unknown key(s) {sorted(unknown)}", path=path, line=line)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DictionaryError("an actor needs a 'name' string", path=path, line=line)
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DictionaryError(f"{name}: 'aliases' must be a list of strings", path=path, line=line)
    country = _country(item.get("country"), name, path, line)
    sector = _sector(item.get("sector"), name, path, line)
    offices = tuple(_office(o, name, path, line) for o in item.get("offices") or [])
    if "start" in item or "end" in item:
        offices += (
            Office(
                country,
                sector,
                _date(item.get("start"), name, path, line),
                _date(item.get("end"), name, path, line),
            ),
        )
    return DictionaryEntry(
        name.strip(), tuple(a.strip() for a in aliases), country, sector, offices, line or 0
    )


def _office(raw: object, name: str, path: str, line: int | None) -> Office:
    if not isinstance(raw, dict):
        raise DictionaryError(f"{name}: each office must be a mapping", path=path, line=line)
    line = int(raw.pop("__line__", 0)) or line
    unknown = set(raw) - _OFFICE_KEYS
    if unknown:
        raise DictionaryError(
            f"{name}: unknown office key(s) {sorted(unknown)}", path=path, line=line
        )
    start = _date(raw.get("start"), name, path, line)
    end = _date(raw.get("end"), name, path, line)
    if start and end and end < start:
        raise DictionaryError(f"{name}: office ends before it starts", path=path, line=line)
    role = raw.get("role")
    return Office(
        _country(raw.get("country"), name, path, line),
        _sector(raw.get("sector"), name, path, line),
        start,
        end,
        str(role) if role is not None else None,
    )


def _country(value: object, name: str, path: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and (
        value == "IGO" or (len(value) == 3 and value.isalpha() and value.isupper())
    ):
        return value
    raise DictionaryError(
        f"{name}: country must be ISO alpha-3 or IGO, got {value!r}", path=path, line=line
    )


def _sector(value: object, name: str, path: str, line: int | None) -> str:
    if isinstance(value, str) and value in SECTORS:
        return value
    raise DictionaryError(
        f"{name}: sector must be one of {' '.join(sorted(SECTORS))}, got {value!r}",
        path=path,
        line=line,
    )


def _date(value: object, name: str, path: str, line: int | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise DictionaryError(f"{name}: dates are YYYY-MM-DD, got {value!r}", path=path, line=line)
