"""The places stage: toponyms resolved in context, and a location for every event."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Actor, Place
from ...resources import Country, Institution
from ...resources.gazetteer import Entry, Gazetteer, normalise
from ...resources.wordlists import read_rows, split_cell
from ..lexicon import DIRECTIVE_VERBS, SITE_NOUNS, SPEECH_VERBS, SUBJECT_DEPS, overlaps
from .demonyms import demonym_spans
from .location import LOCATIVE, locate_events
from .resolve import PlaceWeights, Scored, resolve_all
from .toponyms import LOCAL_BODIES, Mention, find_mentions
from .unresolved import GROUND_VERBS, unresolved_places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...resources import Resources

__all__ = ["DEMONYM", "PlaceResolver", "PlaceSettings", "make_places"]

#: the ``feature`` of a place named by a demonym ("Russian"), never an event location
DEMONYM = "demonym"

#: words that put a document in US federal politics ("Washington" is the capital)
_FEDERAL_CUES = (
    "White House",
    "Congress",
    "State Department",
    "Pentagon",
    "Capitol",
    "Senate",
    "federal",
    "Biden administration",
    "Trump administration",
    "Obama administration",
)
#: verbs whose subject speaks for a government ("Washington said", "Moscow urged")
_SPEAKING = SPEECH_VERBS | DIRECTIVE_VERBS
#: what follows the place of a dateline: a dash, the agency ("(AP)"), a state (", Ill.")
_DATELINE_MARKS = frozenset("—–-(,")


#: currency signs and the country whose money they usually are: a document that
#: prices things in dollars is more likely American than British ("Mansfield")
_CURRENCIES = (
    (re.compile(r"(?<![A-Za-z])\$|\bUS\$"), "USA"),
    (re.compile(r"\bC\$"), "CAN"),
    (re.compile(r"\bA\$"), "AUS"),
    (re.compile(r"£"), "GBR"),
    (re.compile(r"₹|\bRs\.? ?\d"), "IND"),
)


#: other countries that write their dollars "$": where the text names one, a bare
#: "$" is no evidence for the USA ("$21 million" in a London, Ontario paper)
_DOLLAR_COUNTRIES = frozenset({"CAN", "AUS", "NZL", "SGP", "HKG", "JAM", "BHS", "FJI"})


def _currency_countries(text: str, mentions: list[Mention], named: Counter[str]) -> set[str]:
    """The countries whose currency signs the text uses, each once."""
    found = {country for pattern, country in _CURRENCIES if pattern.search(text)}
    if "USA" in found and _names_dollar_country(mentions, named):
        found.discard("USA")
    return found


def _names_dollar_country(mentions: list[Mention], named: Counter[str]) -> bool:
    """Whether a demonym, or a country's or subdivision's own name, is of a dollar country."""
    if any(country in _DOLLAR_COUNTRIES for country in named):
        return True
    return any(
        e.main and e.feature in {"PCLI", "ADM1"} and e.country in _DOLLAR_COUNTRIES
        for m in mentions
        for e in m.entries
    )


def _capitals(countries: Iterable[Country]) -> dict[str, str]:
    """Capital name -> country code, from the country table."""
    return {c: country.iso3 for country in countries for c in country.capitals}


def _demonym_places(gazetteer: Gazetteer, countries: Iterable[Country]) -> dict[str, Entry]:
    """Demonym -> the place it names: countries ("Russian"), then regions ("Texans").

    The country table gives the countries' demonyms; ``data/demonyms.tsv`` those of
    regions, subdivisions and a few cities, each mapped to its gazetteer name.
    """
    wanted: list[tuple[str, str, str | None]] = [
        (d, c.name, c.iso3) for c in countries for d in c.demonyms
    ]
    for forms, area, code in read_rows(__package__, "demonyms.tsv", 3):
        wanted += [(form, area, code or None) for form in split_cell(forms)]
    places: dict[str, Entry] = {}
    for demonym, name, country in wanted:
        entry = _area(gazetteer, name, country)
        if entry is not None and demonym not in places:
            places[demonym] = entry
    return places


def _area(gazetteer: Gazetteer, name: str, country: str | None) -> Entry | None:
    """The gazetteer's entry for a named area: the widest feature, then the most people."""
    order = ("PCLI", "CONT", "RGN", "SEA", "ADM1", "PPL")
    entries = [
        e
        for e in gazetteer.lookup(name)
        if e.main
        and e.country == country
        and e.feature in order
        and normalise(e.name) == normalise(name)
    ]
    if country is not None and not entries:  # a country's own entry may bear another name
        entries = [
            e for e in gazetteer.lookup(name) if e.country == country and e.feature == "PCLI"
        ]
    entries.sort(key=lambda e: (order.index(e.feature), -e.population, e.id))
    return entries[0] if entries else None


def _institution_names(institutions: Iterable[Institution]) -> frozenset[str]:
    """The names of the actor table's institutions ("White House", "Pentagon"), normalised.

    Rows without a sector are territories (breakaway entities such as South
    Ossetia): places as well as actors, so they are left out.
    """
    return frozenset(normalise(name) for row in institutions if row.sector for name in row.names)


class PlaceSettings(StageSettings):
    """Settings of ``eventwatch.places.v1``."""

    #: runner-up readings kept in each place's ``candidates``
    max_candidates: int = Field(default=3, ge=0, le=20)
    weights: PlaceWeights = Field(default_factory=PlaceWeights)


class PlaceResolver:
    """Fills ``doc.places`` and each event's ``location``."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        countries: Iterable[Country],
        institutions: Iterable[Institution],
        settings: PlaceSettings | None = None,
    ) -> None:
        settings = settings or PlaceSettings()
        self.gazetteer = gazetteer
        self.max_candidates = settings.max_candidates
        self.weights = settings.weights
        countries = tuple(countries)
        self.capitals = _capitals(countries)
        #: as written in running text and in the capitals of a dateline
        self.capital_names = {**self.capitals, **{c.upper(): k for c, k in self.capitals.items()}}
        self.demonym_places = _demonym_places(gazetteer, countries)
        self.demonyms = frozenset(self.demonym_places)
        self.institutions = _institution_names(institutions)

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        demonyms = demonym_spans(doc.parse, self.demonyms)
        mentions = [
            m
            for m in find_mentions(doc.parse, self.gazetteer, self.demonyms, demonyms)
            if not self._institution(doc, m) and not _inside_person_name(doc, m)
        ]
        # The countries the demonyms name: the actors' countries are partly read from
        # the very place names resolved here ("London police" is British to the actor
        # stage), so they are no independent evidence of where the document is.
        words = sorted({s.text for s in demonyms})
        named = Counter(c for w in words if (c := self.demonym_places[w].country) is not None)
        named.update(_currency_countries(doc.text, mentions, named))
        federal = self._federal(doc, mentions)
        ranked = resolve_all(
            mentions, named, self.capital_names, federal, doc.text, weights=self.weights
        )
        doc.places = [self._place(m, r) for m, r in zip(mentions, ranked, strict=True) if r]
        doc.places = sorted(
            [*doc.places, *self._demonyms(doc, demonyms), *self._unresolved(doc)],
            key=lambda p: p.start,
        )
        locate_events(doc, self.gazetteer, self._metonyms(doc))
        return doc

    def _demonyms(self, doc: Document, spans: list[Span]) -> list[Place]:
        """ "Russian", "Texans": the country or region as a place of feature ``demonym``.

        A demonym names the country a person or thing belongs to, not where
        something happens, so event locations never use these places.
        """
        assert doc.parse is not None
        taken = [(p.start, p.end) for p in doc.places]
        found: list[Place] = []
        for span in spans:
            start, end = span.start_char, span.end_char
            if any(overlaps((start, end), span) for span in taken):
                continue
            entry = self.demonym_places[span.text]
            found.append(_place(start, end, span.text, entry, feature=DEMONYM, score=1.0))
        return found

    def _unresolved(self, doc: Document) -> list[Place]:
        """Places the grammar marks that the gazetteer does not know (``unresolved.py``)."""
        assert doc.parse is not None
        taken: set[int] = set()
        for place in doc.places:
            span = doc.parse.char_span(place.start, place.end, alignment_mode="expand")
            taken.update(range(span.start, span.end) if span is not None else ())
        common = frozenset(t.lower_ for t in doc.parse if t.is_lower)
        return unresolved_places(
            doc.parse,
            taken,
            demonyms=self.demonyms,
            actors=doc.mentions,
            institutions=self.institutions,
            common=common,
        )

    def _institution(self, doc: Document, mention: Mention) -> bool:
        """Whether the name is an institution's ("NATO", "White House"), not a place.

        A listed institution, or an international organisation the parser did not
        label a GPE. A place whose actor merely has a sector stays a place: a
        dateline ("COLUMBUS, Ohio (AP)"), a court's county, a city council's city.
        """
        if mention.text in self.capitals:
            return False
        if any(e.feature == "RGN" and e.main for e in mention.entries):
            return False  # a union of countries is a region too ("EU"), placed at its seat
        if normalise(mention.text) in self.institutions:
            return True
        assert doc.parse is not None
        if any(e.main and e.feature in {"PCLI", "ADM1"} for e in mention.entries):
            return False  # "the U.S. Senate" is an American body
        for ent in doc.parse.ents:  # "White" of "the White House"
            inside = ent.start_char <= mention.start and mention.end <= ent.end_char
            if inside and ent.text != mention.text and normalise(ent.text) in self.institutions:
                return True
        return any(
            (actor.start, actor.end) == (mention.start, mention.end)
            and actor.country == "IGO"
            and mention.label != "GPE"
            for actor in doc.mentions
        )

    def _federal(self, doc: Document, mentions: list[Mention]) -> set[str]:
        """Countries whose capital the document uses for the government.

        The capital must speak ("Washington said"); a city that merely acts or is
        acted on ("London can get to work") is a city.
        """
        found = {"USA"} if any(cue in doc.text for cue in _FEDERAL_CUES) else set()
        assert doc.parse is not None
        for mention in mentions:
            if _dateline(doc.text, mention) and mention.text.title() in self.capitals:
                found.add(self.capitals[mention.text.title()])  # "WASHINGTON (AP) —"
                continue
            country = self.capitals.get(mention.text)
            if country is None:
                continue
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            root = span.root if span is not None else None
            speaks = (
                root is not None and root.dep_ in SUBJECT_DEPS and root.head.lemma_ in SPEECH_VERBS
            )
            if speaks:
                found.add(country)
        return found

    def _metonyms(self, doc: Document) -> set[int]:
        """Indexes of places that stand for governments: capitals, and the EU."""
        assert doc.parse is not None
        roles = {(a.start, a.end) for e in doc.events for a in (*e.source, *e.target)}
        igos = {(a.start, a.end) for a in doc.mentions if a.country == "IGO"}
        found = set()
        for index, place in enumerate(doc.places):
            if place.text not in self.capitals and (place.start, place.end) not in igos:
                continue
            span = doc.parse.char_span(place.start, place.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            speaker = root.dep_ in SUBJECT_DEPS and root.head.lemma_ in _SPEAKING
            actor = _actor_at(doc, doc.parse, place.start, place.end)
            in_role = actor is not None and (actor.start, actor.end) in roles
            if _ground(root):
                continue  # the ground a verb acts on ("captured Kabul") is a place
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
                continue  # "demonstrated in Tel Aviv", whatever actor the events stage saw
            if root.dep_ == "poss" and root.head.lower_ in SITE_NOUNS:
                continue  # "Nairobi's Kibera slum"
            if speaker or in_role or root.dep_ in {*SUBJECT_DEPS, "dobj", "poss"}:
                found.add(index)
        return found

    def _place(self, mention: Mention, ranked: list[Scored]) -> Place:
        best = ranked[0].entry
        total = sum(max(s.score, 0.0) for s in ranked[: self.max_candidates + 1]) or 1.0
        candidates = tuple(
            {
                "name": s.entry.name,
                "country": s.entry.country,
                "admin1": s.entry.admin1,
                "lat": s.entry.lat,
                "lon": s.entry.lon,
                "geonameid": s.entry.geonameid,
                "score": round(max(s.score, 0.0) / total, 3),
            }
            for s in _runners_up(ranked, self.max_candidates)
        )
        return _place(
            mention.start,
            mention.end,
            mention.text,
            best,
            score=round(max(ranked[0].score, 0.0) / total, 3),
            candidates=candidates,
            qualifier=mention.qualifier,
        )


def _place(
    start: int,
    end: int,
    text: str,
    entry: Entry,
    *,
    score: float,
    feature: str | None = None,
    candidates: tuple[dict[str, Any], ...] = (),
    qualifier: str | None = None,
) -> Place:
    """A :class:`Place` for a gazetteer entry read at ``text[start:end]``."""
    return Place(
        start=start,
        end=end,
        text=text,
        name=entry.name,
        country=entry.country,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        admin1=entry.admin1,
        geonameid=entry.geonameid,
        feature=feature or entry.feature,
        score=score,
        candidates=candidates,
        qualifier=qualifier,
    )


def _runners_up(ranked: list[Scored], limit: int) -> list[Scored]:
    """The best other reading, then the best of each other country ("Paris": Texas, France)."""
    others = ranked[1:]
    chosen = others[:1]
    countries = {ranked[0].entry.country, *(s.entry.country for s in chosen)}
    for scored in others[1:]:
        if scored.entry.country not in countries:
            chosen.append(scored)
            countries.add(scored.entry.country)
    chosen += [s for s in others if s not in chosen]
    return sorted(chosen[:limit], key=lambda s: (-s.score, s.entry.id))


def _ground(token: Token) -> bool:
    """Whether a word lies in the object of a verb that acts on ground ("captured
    Kabul", "patrolled the streets of Kabul")."""
    while token.dep_ in {"compound", "pobj", "prep", "appos", "conj", "amod"}:
        token = token.head
    return token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in GROUND_VERBS


def _dateline(text: str, mention: Mention) -> bool:
    """Whether a mention is a dateline: in capitals, before a dash, an agency or a state."""
    after = text[mention.end : mention.end + 3].lstrip(" ")
    return mention.text.isupper() and len(mention.text) > 2 and after[:1] in _DATELINE_MARKS


def _actor_at(doc: Document, parse: Doc, start: int, end: int) -> Actor | None:
    """The actor whose head word lies inside ``[start, end)``."""
    for token_index, actor in doc.actor_heads.items():
        token = parse[token_index]
        if start <= token.idx < end:
            return actor
    return None


def _inside_person_name(doc: Document, mention: Mention) -> bool:
    """ "Antony" in "Antony Blinken" is a first name, not the French town.

    The name must sit next to a word of a person's name (a PERSON entity, or a FAC
    one inside a resolved actor: the small model often tags "Antony Blinken" so) inside a
    multi-word actor name; "Mansfield Mayor Curtis McCoy", "Huntsville Fire Chief Tom
    Ross" or "the Ohio Department of Transportation" keep their place, whose neighbour
    is a title, the town's own service or an institution.
    """
    assert doc.parse is not None
    span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    for actor in doc.mentions:
        if actor.start <= mention.start and mention.end <= actor.end and actor.name:
            words = actor.name.split()
            if len(words) < 2 or mention.text not in words or actor.country == "IGO":
                continue
            around = [
                t
                for t in (span.doc[span.start - 1 : span.start], span.doc[span.end : span.end + 1])
                if len(t)
            ]
            for neighbour in (t[0] for t in around):
                inside = actor.start <= neighbour.idx < actor.end
                named = neighbour.ent_type_ == "PERSON" or (
                    neighbour.ent_type_ == "FAC" and actor.country and actor.sector is not None
                )
                service = neighbour.lower_ in LOCAL_BODIES  # "Huntsville Fire Chief Tom Ross"
                if inside and named and not service and neighbour.text in words:
                    return True
    return False


@stages.register(
    "eventwatch.places.v1",
    settings=PlaceSettings,
    requires=["parse", "sentences", "mentions", "events"],
    assigns=["places", "events"],
)
def make_places(settings: PlaceSettings, resources: Resources) -> PlaceResolver:
    return PlaceResolver(
        resources.gazetteer,
        countries=resources.countries,
        institutions=resources.institutions,
        settings=settings,
    )
