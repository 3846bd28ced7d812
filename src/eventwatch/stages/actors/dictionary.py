"""Actor dictionaries: named actors with aliases, a country, a sector and offices.

The package ships one (``actors/data/people.yaml``: prominent political
people); a user adds or overrides entries with ``--actors FILE`` in the same
YAML format (see ``examples/actors.yaml``) or in PETRARCH/TABARI ``.actors``
format (see :mod:`._tabari` and ``examples/actors.actors``): the extension
decides (``.yaml``/``.yml``, ``.actors``), else the content. YAML::

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
file and line. The forms of a ``.actors`` file match whatever their case in
the text, as long as the text capitalises them (``folded``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ...exceptions import DictionaryError, ResourceError
from ...resources.wordlists import read_rows, split_cell
from ._cameo import CameoCodes
from ._tabari import TabariActor, display_form, looks_like_person, parse_actors, sniff_tabari

__all__ = ["SECTORS", "ActorDictionary", "DictionaryEntry", "Office", "tabari_entry"]

#: PLOVER's sector codes, with CAMEO's NGO, IGO and ENV
SECTORS = frozenset(
    "GOV MIL COP JUD LEG REB UAF OPP PTY CVL BUS MED EDU JRN REL REF NGO IGO CRM SPY ELI "
    "LAB AGR ENV PRM PRE SOC UNK".split()
)
#: sectors of state office: someone who held one and holds none is an elite (ELI)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_ENTRY_KEYS = {"name", "aliases", "country", "sector", "offices", "start", "end"}
_OFFICE_KEYS = {"role", "country", "sector", "start", "end"}


@dataclass(frozen=True, slots=True)
class Office:
    country: str | None
    sector: str | None
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
    sector: str | None
    offices: tuple[Office, ...] = ()
    line: int = 0
    #: a person (titles, surnames, "former" apply), else a group or organisation
    person: bool = True

    def at(self, when: dt.date | None) -> tuple[str | None, str | None]:
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
    """Entries by every form they can be written in (name and aliases).

    ``folded``: the forms match in any case the text capitalises them in
    (a ``.actors`` file writes them in upper case).
    """

    def __init__(
        self,
        entries: list[DictionaryEntry],
        *,
        folded: bool = False,
        aliases: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.entries = entries
        self.folded = folded
        #: more forms of actors other tables know: their form -> the extra forms
        self.aliases = aliases or {}
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
    def converted(cls, filename: str = "actors.tsv") -> ActorDictionary:
        """The named actors converted from the Phoenix dictionaries (``data/actors.tsv``).

        Rows are ``kind name forms codes offices``: ``person`` and ``group``
        rows are entries, ``alias`` rows more forms of an actor that the
        project's own tables name (see ``scripts/convert_dictionaries.py``).
        """
        entries: list[DictionaryEntry] = []
        aliases: dict[str, tuple[str, ...]] = {}
        for number, (kind, name, forms, codes, offices) in enumerate(
            read_rows("eventwatch.stages.actors", filename, 5), start=1
        ):
            if kind == "alias":
                aliases[name] = split_cell(forms)
                continue
            if kind not in {"person", "group"}:
                raise ResourceError(f"{filename}: row {number} has no kind: {kind!r}")
            country, sector = _codes_cell(codes)
            entries.append(
                DictionaryEntry(
                    name,
                    split_cell(forms),
                    country,
                    sector,
                    tuple(_office_cell(cell) for cell in split_cell(offices)),
                    number,
                    person=kind == "person",
                )
            )
        return cls(entries, folded=True, aliases=aliases)

    @classmethod
    def load(cls, path: str | Path, *, cameo: CameoCodes | None = None) -> ActorDictionary:
        """A user dictionary, YAML or ``.actors`` by extension, else by content.

        ``cameo`` reads the codes of an ``.actors`` file (it knows the countries).
        """
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"cannot read: {exc}", path=str(path)) from None
        suffix = Path(path).suffix.lower()
        if suffix == ".actors" or (suffix not in {".yaml", ".yml"} and sniff_tabari(text)):
            if cameo is None:
                raise DictionaryError(
                    "reading .actors codes needs the country table", path=str(path)
                )
            return cls.from_tabari(text, path=str(path), cameo=cameo)
        return cls.from_text(text, path=str(path))

    @classmethod
    def from_tabari(cls, text: str, *, path: str, cameo: CameoCodes) -> ActorDictionary:
        """A PETRARCH/TABARI ``.actors`` text; its first malformed line is an error."""
        entries = [tabari_entry(actor) for actor in parse_actors(text, path=path, cameo=cameo)]
        return cls([e for e in entries if e is not None], folded=True)

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
        return ActorDictionary([*self.entries, *other.entries], folded=self.folded)


def _codes_cell(cell: str) -> tuple[str | None, str | None]:
    country, sector = cell.split()
    return (None if country == "-" else country), (None if sector == "-" else sector)


def _office_cell(cell: str) -> Office:
    country, sector, start, end = cell.split()
    return Office(
        None if country == "-" else country,
        None if sector == "-" else sector,
        None if start == "-" else dt.date.fromisoformat(start),
        None if end == "-" else dt.date.fromisoformat(end),
    )


def tabari_entry(actor: TabariActor, *, horizon: dt.date | None = None) -> DictionaryEntry | None:
    """A ``.actors`` actor as a dictionary entry; ``None`` when its only code is ``---``.

    Dated codes become offices (an open-ended one ends at ``horizon`` when it
    is given: the last day the dictionary knew of). The undated code is the
    entry's own; without one, the latest office's, where a person who held
    state office is an elite (``ELI``).
    """
    coded = [c for c in actor.codes if c.reading is not None]
    if not coded:
        return None
    dated = [c for c in coded if c.dated]
    person = looks_like_person(actor.forms, dated=bool(dated))
    offices = [
        Office(
            c.reading.country,
            c.reading.sector,
            c.start,
            c.end if c.end is not None or c.start is None else horizon,
        )
        for c in dated
        if c.reading is not None
    ]
    offices.sort(key=lambda o: o.sector == "ELI")  # an office before elite status, where both hold
    undated = [c.reading for c in coded if not c.dated and c.reading is not None]
    countries = {o.country for o in offices}
    if undated:
        country, sector = undated[0].country, undated[0].sector
        if country is None and len(countries) == 1:
            country = next(iter(countries))  # "[ELI]" after dated offices of one country
    else:
        latest = max(offices, key=lambda o: o.start or o.end or dt.date.min)
        country, sector = latest.country, latest.sector
        if person and sector in STATE_SECTORS:
            sector = "ELI"
    name, *others = actor.forms
    shown = display_form(name, acronym=not person)
    aliases = dict.fromkeys(
        display_form(f, acronym=not person) for f in others if f.casefold() != name.casefold()
    )
    return DictionaryEntry(
        shown, tuple(aliases), country, sector, tuple(offices), actor.line, person=person
    )


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
