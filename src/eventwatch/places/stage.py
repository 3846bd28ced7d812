"""The places stage: toponyms resolved in context, and a location for every event."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..countries import read_countries
from ..schema import Actor, Document, Place
from ..wordlists import read_rows, split_cell
from ._build import normalise
from .gazetteer import Entry, Gazetteer
from .location import locate_events
from .resolve import Scored, resolve_all
from .toponyms import Mention, find_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DEMONYM", "PlaceResolver"]

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
_SPEECH_LEMMAS = {"say", "tell", "indicate", "announce", "warn", "state", "claim", "add", "urge"}


def _country_words() -> tuple[dict[str, str], dict[str, str]]:
    """Demonym -> country name, and capital name -> country, from the country table."""
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for country in read_countries():
        demonyms.update((d, country.name) for d in country.demonyms)
        capitals.update((c, country.iso3) for c in country.capitals)
    return demonyms, capitals


def _institution_names() -> frozenset[str]:
    """The names of the actor table's institutions ("White House", "Pentagon"), normalised."""
    rows = read_rows("eventwatch.actors", "institutions.tsv", 4)
    return frozenset(normalise(name) for row in rows for name in split_cell(row[0]))


class PlaceResolver:
    """Fills ``doc.places`` and each event's ``location``."""

    def __init__(self, gazetteer: Gazetteer, *, max_candidates: int = 3) -> None:
        self.gazetteer = gazetteer
        self.max_candidates = max_candidates
        self.demonym_countries, self.capitals = _country_words()
        self.demonyms = frozenset(self.demonym_countries)
        self.institutions = _institution_names()

    @classmethod
    def from_settings(cls, *, max_candidates: int = 3, **_: Any) -> PlaceResolver:
        return cls(Gazetteer(), max_candidates=max_candidates)

    def __call__(self, doc: Document) -> Document:
        if doc.parse is None:
            return doc
        mentions = [
            m
            for m in find_mentions(doc.parse, self.gazetteer, self.demonyms)
            if not self._institution(doc, m) and not _inside_person_name(doc, m)
        ]
        actors = self._actor_countries(doc, mentions)
        federal = self._federal(doc, mentions)
        ranked = resolve_all(mentions, actors, set(self.capitals), federal, doc.text)
        doc.places = [self._place(m, r) for m, r in zip(mentions, ranked, strict=True) if r]
        doc.places = sorted([*doc.places, *self._demonyms(doc)], key=lambda p: p.start)
        locate_events(doc, self.gazetteer, self._metonyms(doc))
        return doc

    def _demonyms(self, doc: Document) -> list[Place]:
        """ "Russian", "Georgians": the country as a place of feature ``demonym``.

        A demonym names the country a person or thing belongs to, not where
        something happens, so event locations never use these places.
        """
        assert doc.parse is not None
        taken = [(p.start, p.end) for p in doc.places]
        found: list[Place] = []
        for token in doc.parse:
            country = self.demonym_countries.get(token.text)
            if country is None or any(
                s < token.idx + len(token) and token.idx < e for s, e in taken
            ):
                continue
            entry = next((e for e in self.gazetteer.lookup(country) if e.feature == "PCLI"), None)
            if entry is None:
                continue
            end = token.idx + len(token)
            found.append(_place(token.idx, end, token.text, entry, feature=DEMONYM, score=1.0))
        return found

    def _institution(self, doc: Document, mention: Mention) -> bool:
        """Whether the name is an institution's ("NATO", "White House"), not a place.

        A listed institution, or an international organisation the parser did not
        label a GPE. A place whose actor merely has a sector stays a place: a
        dateline ("COLUMBUS, Ohio (AP)"), a court's county, a city council's city.
        """
        if mention.text in self.capitals:
            return False
        if normalise(mention.text) in self.institutions:
            return True
        return any(
            (actor.start, actor.end) == (mention.start, mention.end)
            and actor.country == "IGO"
            and mention.label != "GPE"
            for actor in doc.mentions
        )

    def _actor_countries(self, doc: Document, mentions: list[Mention]) -> Counter[str]:
        """Countries of the actors, each distinct name once, leaving out toponym-named ones."""
        spans = [(m.start, m.end) for m in mentions]
        named = {
            (a.text, a.country)
            for a in doc.mentions
            if a.country
            and a.country != "IGO"
            and not any(s < a.end and a.start < e for s, e in spans)
        }
        return Counter(country for _, country in named if country)

    def _federal(self, doc: Document, mentions: list[Mention]) -> set[str]:
        """Countries whose capital the document uses for the government.

        The capital must speak ("Washington said"); a city that merely acts or is
        acted on ("London can get to work") is a city.
        """
        found = {"USA"} if any(cue in doc.text for cue in _FEDERAL_CUES) else set()
        assert doc.parse is not None
        for mention in mentions:
            country = self.capitals.get(mention.text)
            if country is None:
                continue
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            root = span.root if span is not None else None
            speaks = (
                root is not None
                and root.dep_ in {"nsubj", "nsubjpass"}
                and root.head.lemma_ in _SPEECH_LEMMAS
            )
            if speaks:
                found.add(country)
        return found

    def _metonyms(self, doc: Document) -> set[int]:
        """Indexes of places that are capitals standing for governments."""
        assert doc.parse is not None
        roles = {(a.start, a.end) for e in doc.events for a in (*e.source, *e.target)}
        found = set()
        for index, place in enumerate(doc.places):
            if place.text not in self.capitals:
                continue
            span = doc.parse.char_span(place.start, place.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            speaker = root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _SPEECH_LEMMAS
            actor = _actor_at(doc, doc.parse, place.start, place.end)
            in_role = actor is not None and (actor.start, actor.end) in roles
            if speaker or in_role or root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}:
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
    multi-word actor name; "Mansfield Mayor Curtis McCoy" or "the Ohio Department of
    Transportation" keep their place, whose neighbour is a title or an institution.
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
                if inside and named and neighbour.text in words:
                    return True
    return False
