"""CAMEO actor codes read as eventwatch's country and PLOVER sector codes.

A CAMEO code is a run of three-letter parts: ``AFGGOV`` (Afghanistan's
government), ``USAGOVEDU`` (the US education ministry), ``IGOUNOJUDICJ``
(the International Court of Justice), ``NGOHRIAMN`` (Amnesty
International). The first part names a state, a region, or a kind of
transnational actor; the parts after it name roles and affiliations.

How the parts are read:

* a state is its ISO 3166 alpha-3 code (CAMEO's are ISO's, save for a few
  historical ones and Correlates-of-War letter codes, which
  ``data/cameo_countries.tsv`` maps to ISO); when the part after a state is
  itself an ISO code, that is the country (``USRARM``, Soviet Armenia, is
  Armenia; ``GBRVGB`` the British Virgin Islands);
* ``IGO`` is an intergovernmental organisation (country ``IGO``); ``NGO``,
  ``MNC`` (multinational company) and ``IMG`` (transnational armed group) and
  regions (``MEA``, the Middle East) have no country, as in PLOVER;
* role parts become PLOVER sectors: CAMEO's ``MED`` (media) is PLOVER's
  ``JRN``, its ``HLH`` (health) PLOVER's ``MED``, ``INS`` and ``SEP``
  (insurgents, separatists) are ``REB``, ``UNR`` (unrecognised) is ``PRE``;
  religions are ``REL`` when no role is named; other parts (ethnic groups,
  named organisations, ``DEV``, ``RAD``) add nothing; a legislature or a
  court of the government (``GOVLEG``, ``GOVJUD``) is first ``LEG`` or ``JUD``;
* ``---`` is CAMEO's null code: no actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...resources import Country
from ...resources.wordlists import read_rows

__all__ = ["RESERVED_PARTS", "CameoCodes", "CameoError", "CameoReading"]

#: CAMEO role parts -> PLOVER sector codes
_ROLES = {
    "GOV": "GOV",
    "MIL": "MIL",
    "COP": "COP",
    "JUD": "JUD",
    "LEG": "LEG",
    "OPP": "OPP",
    "PTY": "PTY",
    "REB": "REB",
    "INS": "REB",
    "SEP": "REB",
    "SPY": "SPY",
    "UAF": "UAF",
    "AGR": "AGR",
    "BUS": "BUS",
    "CRM": "CRM",
    "CVL": "CVL",
    "EDU": "EDU",
    "ELI": "ELI",
    "ENV": "ENV",
    "HLH": "MED",
    "MED": "JRN",
    "LAB": "LAB",
    "REF": "REF",
    "NGO": "NGO",
    "IGO": "IGO",
    "UNR": "PRE",
}
#: parts that name a sector only when no role precedes them: human rights (``NGOHRI``,
#: ``PSEHRI``) is an NGO's or activists' field, but a ministry's too (``GOVHRI``)
_FIRST_ROLES = {"HRI": "NGO"}
#: CAMEO religion parts
_RELIGIONS = frozenset(
    "REL MUS MOS SHI SUN CHR CTH PRO DOX ORT CPT JEW HIN BUD SIK JAN BAH TAO CON ZRO ALE "
    "DRZ ITR ADR ATH".split()
)
#: CAMEO region parts: no country
_REGIONS = frozenset(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS "
    "SEA SAF WAF WST WEU INT".split()
)
#: first parts of transnational actors -> (country, sector they imply)
_TRANSNATIONAL = {
    "IGO": ("IGO", "IGO"),
    "NGO": (None, "NGO"),
    "MNC": (None, "BUS"),
    "IMG": (None, "REB"),
}


#: first parts that never name a state, whatever another code table says
RESERVED_PARTS = (
    frozenset(_ROLES) | frozenset(_FIRST_ROLES) | _RELIGIONS | _REGIONS | frozenset(_TRANSNATIONAL)
)


class CameoError(ValueError):
    """A code that is no CAMEO actor code; the message says why."""


@dataclass(frozen=True, slots=True)
class CameoReading:
    """What a CAMEO code says: a country (ISO alpha-3, ``IGO`` or none) and sectors."""

    country: str | None
    sectors: tuple[str, ...]

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None


class CameoCodes:
    """Reads CAMEO codes; knows the state parts: ISO codes and the mapped others."""

    def __init__(self, states: Mapping[str, str]) -> None:
        #: every state part -> its ISO alpha-3 code
        self.states = dict(states)

    @classmethod
    def load(cls, countries: Iterable[Country]) -> CameoCodes:
        """The codes of the country table plus ``data/cameo_countries.tsv``."""
        states = {country.iso3: country.iso3 for country in countries}
        for code, iso3, _source in read_rows("eventwatch.stages.actors", "cameo_countries.tsv", 3):
            states.setdefault(code, iso3)
        return cls(states)

    def read(self, code: str) -> CameoReading | None:
        """The country and sectors of a CAMEO code; ``None`` for the null code ``---``.

        Raises :class:`CameoError` for a code that is not a run of three-letter
        parts or whose first part is no state, region, sector or transnational kind.
        """
        if code.strip("-") == "":
            return None
        if len(code) % 3 or not code.isalpha() or not code.isupper():
            raise CameoError(f"{code!r} is not a CAMEO code (three-letter upper-case parts)")
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        first, rest = parts[0], parts[1:]
        states = self.states
        country: str | None
        implied: str | None = None
        if first in _TRANSNATIONAL:
            country, implied = _TRANSNATIONAL[first]
        elif first in states:
            country = states[first]
            if rest and rest[0] in states and rest[0] not in _ROLES and rest[0] not in _RELIGIONS:
                country, rest = states[rest[0]], rest[1:]
        elif first in _REGIONS:
            country = None
        elif first in _ROLES or first in _FIRST_ROLES or first in _RELIGIONS:
            country, rest = None, parts  # "[ELI]": a sector with no country
        else:
            raise CameoError(f"{code!r}: {first} is no CAMEO country, region or actor kind")
        sectors: list[str] = [implied] if implied else []
        for part in rest:
            sector = _ROLES.get(part) or (None if sectors else _FIRST_ROLES.get(part))
            if sector and sector not in sectors:
                sectors.append(sector)
        if not sectors:
            if any(part in _RELIGIONS for part in rest):
                sectors.append("REL")
        if sectors[:1] == ["GOV"] and sectors[1:2] in (["LEG"], ["JUD"]):
            sectors[:2] = sectors[1::-1]  # GOVLEG, GOVJUD: PLOVER's legislature and judiciary
        return CameoReading(country, tuple(sectors))
