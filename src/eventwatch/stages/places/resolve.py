"""Choosing one gazetteer entry for each toponym, in the context of its document.

Each candidate gets a prior from its feature class (country, subdivision,
region, county, town), its population and whether the text is its own name or
an alternate one. The document then votes: countries its demonyms name and its
confidently resolved places lie in, subdivisions it names, and nearness to its other
places. Two passes: the first resolves with the prior and the demonyms' countries,
the second adds what the first found. Each pass ends with a joint choice:
readings lying in the subdivisions and near the likely readings of the
document's other names win (see ``_coherent``). A capital that stands for a government
("Washington said") or a document about federal politics picks the capital.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from ...resources.gazetteer import Entry, distance_km, neighbourhood, normalise
from .text_cues import lists_of_countries, within_areas
from .toponyms import Mention

__all__ = ["PlaceWeights", "Context", "Scored", "distance_km", "resolve_all"]

#: features whose own name no small town's other name competes with
_AREAS = {"PCLI", "ADM1", "CONT", "RGN", "SEA", "STRT", "GULF"}
#: words that name a second-level division ("Swat District", "Meigs County")
_DIVISION_WORDS = ("County", "Parish", "District", "Province", "Governorate")
#: features too large for nearness to mean anything
_WIDE = {"PCLI", "CONT", "SEA", "RGN", "ADM1", "GULF"}


class PlaceWeights(BaseModel):
    """The weights of toponym resolution (set by a coordinate search on the tune half).

    A reading's prior comes from its feature class (``feature_prior``, 1.0 for
    others) or, for a town, ``0.4 + population_gain × log10(population)``; plus
    ``main`` for a place's own name or ``alternate`` for another of its names.
    In context it gains ``share`` × the share of the document's countries that
    are its own and ``present`` when that share is not zero; ``named_admin1`` ×
    how often the document names its subdivision; ``near_gain`` when another
    name's likely reading lies within ``near_km``; and in the joint choice
    ``coherence`` × the other names' votes for where it lies (at most
    ``coherence_cap``), and ``county`` × the votes for its county.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    feature_prior: dict[str, float] = Field(
        default_factory=lambda: {
            "PCLI": 3.0,
            "ADM1": 2.2,
            "CONT": 3.2,
            "RGN": 3.2,
            "SEA": 2.4,
            "STRT": 2.4,
            "GULF": 2.4,
            "BRDR": 2.0,
            "ADM2": 1.0,
            "ADMD": 1.0,
        }
    )
    population_gain: float = 1.6 / 7
    main: float = 0.5
    alternate: float = -1.2
    share: float = 1.0
    present: float = 0.4
    near_km: float = 150.0
    near_gain: float = 0.5
    named_admin1: float = 1.6
    coherence: float = 0.7
    coherence_cap: float = 1.5
    county: float = 1.5
    #: the readings of a name ranked at all, and those that vote in the joint choice
    max_candidates: int = 60
    evidence_candidates: int = 20
    #: rounds of resolution in context after the prior
    passes: int = 2
    #: the least population of a town that keeps an old name of a country or subdivision
    alias_population: int = 100_000
    #: what a national capital gains under its own name ("Moscow" is Russia's, not
    #: Pennsylvania's), and a city of ``large_city`` people or more
    capital_gain: float = 0.6
    large_city: int = 1_000_000
    large_city_gain: float = 0.3
    #: what a town loses to a country of its name ("Italy" is Italy, not Italy, Texas),
    #: unless it has ``alias_population`` people; "Italy, Texas" still wins (``_within``)
    country_namesake: float = 1.5


@dataclass(frozen=True, slots=True)
class Scored:
    entry: Entry
    score: float


@dataclass
class Context:
    """What the document says about where it is."""

    countries: Counter[str] = field(default_factory=Counter)
    #: the country each confidently resolved name gave (left out when scoring that name)
    given: dict[str, str] = field(default_factory=dict)
    #: subdivisions confidently named, with the names that named them
    admin1: dict[tuple[str | None, str], set[str]] = field(default_factory=dict)
    #: how often each of them is named, relative to the most named one
    admin1_share: dict[tuple[str | None, str], float] = field(default_factory=dict)
    points: list[tuple[str, float, float]] = field(default_factory=list)
    #: capitals that stand for a government, or a federal-politics document
    capital_countries: set[str] = field(default_factory=set)
    weights: PlaceWeights = field(default_factory=PlaceWeights)


def _prior(entry: Entry, text: str, w: PlaceWeights) -> float:
    if entry.feature == "PPL":
        score = 0.4 + w.population_gain * math.log10(entry.population + 10)
    else:
        score = w.feature_prior.get(entry.feature, 1.0)
    if entry.feature in {"ADM2", "ADMD"} and not any(x in text for x in _DIVISION_WORDS):
        score -= 0.8
    return score + (w.main if entry.main else w.alternate)


def _context_bonus(entry: Entry, text: str, ctx: Context, capital: bool) -> float:
    w = ctx.weights
    bonus = 0.0
    own = ctx.given.get(text)  # the name's own vote is left out
    total = ctx.countries.total() - (own is not None)
    if entry.country and total > 0:
        count = ctx.countries[entry.country] - (own == entry.country)
        share = max(count, 0) / total
        bonus += w.share * share + (w.present if share else 0.0)
    if entry.feature == "ADM1":
        siblings = {c for c, name in ctx.admin1 if name != entry.name}
        bonus += 1.0 if entry.country in siblings else 0.0
    elif ctx.admin1.get((entry.country, entry.admin1 or ""), set()) - {text}:
        bonus += w.named_admin1 * ctx.admin1_share[(entry.country, entry.admin1 or "")]
    if entry.feature not in _WIDE and _near(entry, text, ctx):
        bonus += w.near_gain
    if capital and entry.country in ctx.capital_countries and entry.feature == "PPL":
        bonus += 2.5 if entry.population >= 100_000 else 0.0
    return bonus


def _near(entry: Entry, text: str, ctx: Context) -> bool:
    for other, lat, lon in ctx.points:
        if abs(lat - entry.lat) > 1.4 or other == text:
            continue
        if distance_km(entry.lat, entry.lon, lat, lon) <= ctx.weights.near_km:
            return True
    return False


def _city_states(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Without the subdivision that is the city itself ("London", "Paris", "Moscow")."""
    cities = [e for e in entries if e.feature == "PPL" and e.main]
    return tuple(
        e
        for e in entries
        if e.feature != "ADM1"
        or not any(
            c.country == e.country and distance_km(c.lat, c.lon, e.lat, e.lon) < 100 for c in cities
        )
    )


def _constituents(entries: tuple[Entry, ...], text: str) -> tuple[Entry, ...]:
    """ "England", "Wales": a subdivision under its own name beats its country's alias."""
    key = normalise(text)
    own = {e.country for e in entries if e.feature == "ADM1" and normalise(e.name) == key}
    return tuple(
        e
        for e in entries
        if not (e.feature == "PCLI" and e.country in own and normalise(e.name) != key)
    )


def _area_names(entries: tuple[Entry, ...], alias_population: int) -> tuple[Entry, ...]:
    """Without small towns that once bore the own name of a country or subdivision.

    GeoNames keeps old and local names: a West Virginia town was once called
    "California", a Wisconsin one "New York". Only a large place keeps such a name.
    """
    if not any(e.main and e.feature in _AREAS for e in entries):
        return entries
    return tuple(
        e for e in entries if e.main or e.feature != "PPL" or e.population >= alias_population
    )


def _standing(
    entry: Entry, text: str, capitals: Mapping[str, str], states: set[str | None], w: PlaceWeights
) -> float:
    """What a capital or a large city gains over its namesakes, under its own name.

    A capital that shares its name with a subdivision of its own country
    ("Washington") gains nothing: which one the text means is the context's to say.
    """
    if entry.feature != "PPL" or not entry.main or entry.country in states:
        return 0.0
    gain = w.large_city_gain if entry.population >= w.large_city else 0.0
    if capitals.get(text) == entry.country and entry.population >= 100_000:
        gain += w.capital_gain
    return gain


def _small_town(entry: Entry, w: PlaceWeights) -> bool:
    return entry.feature == "PPL" and entry.population < w.alias_population


def _rank(mention: Mention, ctx: Context, capitals: Mapping[str, str]) -> list[Scored]:
    w = ctx.weights
    text = mention.text
    entries = sorted(
        _constituents(_city_states(_area_names(mention.entries, w.alias_population)), text),
        key=lambda e: (-_prior(e, text, w), e.id),
    )
    capital = text in capitals
    states = {e.country for e in entries if e.feature == "ADM1" and e.main}
    country = any(e.feature == "PCLI" and e.main for e in entries)
    scored = [
        Scored(
            e,
            _prior(e, text, w)
            + _standing(e, text, capitals, states, w)
            + _context_bonus(e, text, ctx, capital)
            - (w.country_namesake if country and _small_town(e, w) else 0.0),
        )
        for e in entries[: w.max_candidates]
    ]
    scored.sort(key=lambda s: (-s.score, s.entry.id))
    return scored


def _rank_all(
    mentions: list[Mention], ctx: Context, capitals: Mapping[str, str]
) -> list[list[Scored]]:
    """Each mention's ranking; a name that recurs with the same readings is ranked once."""
    done: dict[tuple[str, int], list[Scored]] = {}
    ranked = []
    for mention in mentions:
        # the gazetteer hands out one tuple per name, so its identity stands for the
        # readings (a county list may give the same text other ones: "Jackson counties")
        key = (mention.text, id(mention.entries))
        if key not in done:
            done[key] = _rank(mention, ctx, capitals)
        ranked.append(list(done[key]))
    return ranked


def _learn(
    mentions: list[Mention], ranked: list[list[Scored]], confident: dict[str, Entry]
) -> list[tuple[str, float, float]]:
    """What a ranking teaches: each name's confident reading, and the points of its likely ones.

    ``confident`` keeps what earlier passes learned: a name whose reading was sure
    once and is contested now (its own support was left out) still counts.
    """
    seen: set[str] = set()
    points: set[tuple[str, float, float]] = set()
    for mention, scored in zip(mentions, ranked, strict=True):
        if not scored or mention.text in seen:
            continue
        seen.add(mention.text)
        best = scored[0]
        for other in scored[:3]:
            if other.score >= best.score - 1.0 and other.entry.feature not in _WIDE:
                points.add((mention.text, round(other.entry.lat, 2), round(other.entry.lon, 2)))
        margin = best.score - scored[1].score if len(scored) > 1 else 3.0
        if margin >= 0.5:
            confident[mention.text] = best.entry
    return sorted(points)


def _context(
    named_countries: Counter[str],
    federal: set[str],
    confident: dict[str, Entry],
    points: list[tuple[str, float, float]],
    mentioned: Counter[str],
    weights: PlaceWeights,
) -> Context:
    ctx = Context(
        countries=Counter(named_countries), capital_countries=set(federal), weights=weights
    )
    for text, entry in sorted(confident.items()):
        if entry.country:
            ctx.countries[entry.country] += 1
            ctx.given[text] = entry.country
        if entry.feature == "ADM1":
            ctx.admin1.setdefault((entry.country, entry.name), set()).add(text)
    ctx.points = points
    times = {key: sum(mentioned[t] for t in texts) for key, texts in ctx.admin1.items()}
    most = max(times.values(), default=1)
    ctx.admin1_share = {key: count / most for key, count in times.items()}
    return ctx


#: features that do not place a document locally (they name a whole country or more)
_NOT_LOCAL = {"PCLI", "CONT", "SEA", "RGN", "GULF", "BRDR"}

_Key = tuple[str | None, str | None]
_County = tuple[str | None, str | None, str]


def _local_keys(entry: Entry) -> tuple[_Key | None, tuple[int, int] | None]:
    """The subdivision an entry lies in, and its one-degree grid cell."""
    if entry.feature in _NOT_LOCAL:
        return None, None
    area = (entry.country, entry.name if entry.feature == "ADM1" else entry.admin1)
    cell = None if entry.feature == "ADM1" else (math.floor(entry.lat), math.floor(entry.lon))
    return (area if area[1] else None), cell


def _county(entry: Entry) -> _County | None:
    """The county an entry lies in (a county is its own), as (country, admin1, county)."""
    if entry.feature not in {"PPL", "ADM2"} or not entry.admin2:
        return None
    return (entry.country, entry.admin1, entry.admin2)


def _county_evidence(scored: list[Scored]) -> dict[_County, float]:
    """The counties a name may denote or lie in, each weighed against its best reading.

    Not shared out among the readings like ``_evidence``: a town and a county of the
    same name pair rarely, so any plausible pairing counts ("Paris" and "Henry
    County" are both in Tennessee's Henry County).
    """
    if not scored:
        return {}
    best = scored[0].score
    counties: dict[_County, float] = {}
    for s in scored:
        county = _county(s.entry)
        weight = math.exp(s.score - best)
        if county is not None and weight >= 0.05:
            counties[county] = max(counties.get(county, 0.0), weight)
    return counties


def _evidence(
    scored: list[Scored], limit: int
) -> tuple[dict[_Key, float], dict[tuple[int, int], float]]:
    """How strongly a name puts the document in each subdivision and grid cell."""
    top = scored[:limit]
    if not top:
        return {}, {}
    best = top[0].score
    weights = [math.exp(s.score - best) for s in top]
    total = sum(weights)
    areas: dict[_Key, float] = {}
    cells: dict[tuple[int, int], float] = {}
    for s, w in zip(top, weights, strict=True):
        area, cell = _local_keys(s.entry)
        if area is not None:
            areas[area] = max(areas.get(area, 0.0), w / total)
        if cell is not None:  # a vote for a cell counts in its neighbours too
            for near in neighbourhood(cell):
                cells[near] = max(cells.get(near, 0.0), w / total)
    return areas, cells


def _coherent(
    mentions: list[Mention],
    ranked: list[list[Scored]],
    votes: list[list[Scored]],
    w: PlaceWeights,
) -> None:
    """The joint choice: readings that lie where the document's other places lie win.

    Each other name votes for the subdivisions and the grid cells (one degree, with
    their neighbours) of its readings, weighted by how likely each reading is, and
    for the counties of its readings; a candidate gains in proportion to the votes
    for where it lies ("Paris" and "Henry County" together are in Tennessee,
    "Woodstock" beside "Tillsonburg" in Ontario).
    """
    evidence: dict[str, tuple[dict[_Key, float], dict[tuple[int, int], float]]] = {}
    counties: dict[str, dict[_County, float]] = {}
    for mention, scored in zip(mentions, votes, strict=True):
        if mention.text not in evidence and scored:
            evidence[mention.text] = _evidence(scored, w.evidence_candidates)
            counties[mention.text] = _county_evidence(scored)
    if len(evidence) < 2:
        return
    bonuses: dict[tuple[str, int], float] = {}  # a name's readings recur in its mentions
    for index, (mention, scored) in enumerate(zip(mentions, ranked, strict=True)):
        rescored = []
        for s in scored:
            key = (mention.text, s.entry.id)
            if key not in bonuses:
                bonuses[key] = _joint_bonus(s.entry, mention.text, evidence, counties, w)
            bonus = bonuses[key]
            rescored.append(Scored(s.entry, s.score + bonus) if bonus else s)
        ranked[index] = sorted(rescored, key=lambda s: (-s.score, s.entry.id))


def _joint_bonus(
    entry: Entry,
    text: str,
    evidence: dict[str, tuple[dict[_Key, float], dict[tuple[int, int], float]]],
    counties: dict[str, dict[_County, float]],
    w: PlaceWeights,
) -> float:
    """What the other names' votes add to one reading of a name."""
    bonus = w.coherence * min(_support(entry, text, evidence), w.coherence_cap)
    county = _county(entry)
    if county is not None:
        votes_for = (v.get(county, 0.0) for n, v in counties.items() if n != text)
        bonus += w.county * min(sum(votes_for), 1.0)
    return bonus


def _support(
    entry: Entry,
    text: str,
    evidence: dict[str, tuple[dict[_Key, float], dict[tuple[int, int], float]]],
) -> float:
    """The other names' votes for the subdivision an entry lies in, or for its grid
    cell's neighbourhood (the cells of ``evidence`` are spread to their neighbours)."""
    area, cell = _local_keys(entry)
    support = 0.0
    for name, (areas, cells) in evidence.items():
        if name == text:
            continue
        vote = areas.get(area, 0.0) if area else 0.0
        if cell is not None:
            vote = max(vote, cells.get(cell, 0.0))
        support += vote
    return support


def resolve_all(
    mentions: list[Mention],
    named_countries: Counter[str],
    capitals: Mapping[str, str],
    federal: set[str],
    text: str = "",
    *,
    weights: PlaceWeights | None = None,
) -> list[list[Scored]]:
    """Ranked candidates of each mention (best first): the prior, then twice in context."""
    weights = weights or PlaceWeights()
    ctx = Context(
        countries=Counter(named_countries), capital_countries=set(federal), weights=weights
    )
    ranked = _rank_all(mentions, ctx, capitals)
    within_areas(mentions, ranked, text)
    confident: dict[str, Entry] = {}
    mentioned = Counter(m.text for m in mentions)
    for _ in range(weights.passes):
        previous = ranked
        points = _learn(mentions, ranked, confident)
        ctx = _context(named_countries, federal, confident, points, mentioned, weights)
        ranked = _rank_all(mentions, ctx, capitals)
        within_areas(mentions, ranked, text)
        _coherent(mentions, ranked, previous, weights)
        lists_of_countries(mentions, ranked, text, capitals)
    return ranked
