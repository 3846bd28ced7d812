"""The actor stage: every actor mention in a document, resolved.

It walks the noun heads of each sentence, resolves each through
:class:`~eventwatch.actors.resolve.Resolver`, and links later mentions to
earlier ones in the same document: a surname to the titled full name, "he" or
"she" to the last person who was a subject, "it" or "they" under a verb of
saying to that verb's subject.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Actor
from ..lexicon import OUTSIDER_NOUNS, SITE_NOUNS, SPEECH_VERBS, SUBJECT_DEPS
from ._cameo import CameoCodes
from .dictionary import ActorDictionary
from .lexicon import ActorVocabulary, NameMatch
from .resolve import PlaceCountry, Resolution, Resolver

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...resources import Gazetteer, Resources

__all__ = ["ActorMentions", "ActorSettings", "make_actor_mentions"]


class ActorSettings(StageSettings):
    """Settings of ``eventwatch.actor_mentions.v1``."""

    #: a user's actor dictionary (YAML or PETRARCH ``.actors``) that adds or overrides
    #: actors (``--actors``)
    dictionary: str | None = None
    #: read the named actors converted from the Phoenix dictionaries (``data/actors.tsv``)
    converted_actors: bool = True
    #: read the agent nouns converted from the PLOVER and Phoenix lists (``data/agents.tsv``)
    agent_nouns: bool = True
    #: read the country of a place name inside a mention ("Shanghai authorities")
    places: bool = True
    #: a place name whose largest reading has this many people gives its country
    big_city_population: int = Field(default=100_000, ge=0)
    #: a place name read in one country only gives it when a reading has this many people
    town_population: int = Field(default=10_000, ge=0)


_NOUN_POS = {"NOUN", "PROPN", "PRON"}
_ACTOR_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_NOT_ACTOR_ENTS = {
    "DATE",
    "TIME",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
}


class _Memory:
    """What the document has said so far about who is who, and what it is about.

    ``when`` is its publication date (offices are looked up on it) and
    ``context`` the countries it names; both belong to the document, never to
    the stage, so one stage instance codes any number of documents at once.
    """

    def __init__(self, when: dt.date | None, context: frozenset[str]) -> None:
        self.when = when
        self.context = context
        self.people: dict[str, Actor] = {}
        #: the person a pronoun at the start of the current sentence refers to
        self.antecedent: Actor | None = None
        self._sentence = -1
        self._subject: Actor | None = None  # this sentence's subject person so far
        self._last: Actor | None = None  # this sentence's last named person so far
        #: the last named person of each (country, sector): "the Serbian president"
        self.by_role: dict[tuple[str | None, str | None], Actor] = {}
        #: named actors by code (IGO name or country): "the military alliance"
        self.by_code: dict[str, Actor] = {}
        #: the last named organisation: "the group"
        self.group: Actor | None = None

    def remember(self, actor: Actor, res: Resolution, head: Token) -> None:
        if actor.name and not res.person and actor.sector not in (None, "UNK"):
            if head.pos_ == "PROPN" and actor.name != actor.country:
                self.group = actor
        if actor.country == "IGO" and actor.name:
            self.by_code.setdefault(actor.name, actor)
        elif actor.country and actor.name and not res.person:
            self.by_code.setdefault(actor.country, actor)
        if not res.person or actor.name is None:
            return
        if actor.country is not None and actor.sector is not None:
            self.by_role[(actor.country, actor.sector)] = actor
        if actor.country is not None or actor.sector is not None:
            for part in actor.name.split():
                if part[:1].isupper() and len(part) > 2:
                    self.people.setdefault(part, actor)
        sentence = head.sent.start
        if sentence != self._sentence:
            self._roll_over(sentence)
        if head.dep_ in SUBJECT_DEPS or (
            head.dep_ in {"dobj", "attr"} and head.head.lemma_.lower() in SPEECH_VERBS
        ):  # "…, detailed John Kirby": the speaker after an inverted verb of saying
            self._subject = actor
        self._last = actor

    def _roll_over(self, sentence: int) -> None:
        """A new sentence: pronouns look back at the last one's subject, else its last person."""
        self.antecedent = self._subject or self._last or self.antecedent
        self._subject = self._last = None
        self._sentence = sentence

    def person_for(self, pronoun: Token) -> Actor | None:
        """ "He" is this sentence's earlier subject, else the previous sentence's person."""
        if pronoun.sent.start != self._sentence:
            self._roll_over(pronoun.sent.start)
        return self._subject or self.antecedent


class ActorMentions:
    """Stage ``eventwatch.actor_mentions.v1``: fills ``doc.mentions`` and ``doc.actor_heads``."""

    def __init__(
        self,
        vocab: ActorVocabulary,
        place_country: PlaceCountry | None = None,
        place_name: Callable[[str], bool] | None = None,
    ) -> None:
        self.vocab = vocab
        self.resolver = Resolver(vocab, place_country, place_name)

    @classmethod
    def from_settings(cls, settings: ActorSettings, resources: Resources) -> ActorMentions:
        """The stage with the packaged word lists, the built-in people and a user dictionary."""
        vocab = ActorVocabulary.load(
            countries=resources.countries,
            institutions=resources.institutions,
            agents=settings.agent_nouns,
        )
        vocab.add_dictionary(ActorDictionary.builtin())
        if settings.converted_actors:
            vocab.add_dictionary(ActorDictionary.converted())
        if settings.dictionary:
            cameo = CameoCodes.load(resources.countries)
            user = ActorDictionary.load(settings.dictionary, cameo=cameo)
            vocab.add_dictionary(user, override=True)
        if not settings.places:
            return cls(vocab)
        gazetteer = resources.gazetteer
        return cls(vocab, _gazetteer_country(gazetteer, settings), gazetteer.has)

    def __call__(self, doc: Document) -> Document:
        parse = doc.parse
        if parse is None:
            return doc
        names = self.resolver.index_names(parse)
        context = frozenset(
            m.entry.country
            for m in names.values()
            if m.entry.kind in {"country", "demonym", "capital"} and m.entry.country
        )
        memory = _Memory(doc.article.pub_date, context)
        for token in parse:
            if token.pos_ == "ADJ" and token.i in names and names[token.i].entry.kind == "demonym":
                pass  # "Israeli air raids": the demonym is the actor
            elif token.pos_ not in _NOUN_POS:
                continue
            elif token.dep_ in {"compound", "flat"} and token.i not in names:
                continue
            if token.ent_type_ in _NOT_ACTOR_ENTS or _not_a_word(token) or _a_means(token):
                continue
            if token.i in names and names[token.i].end - 1 != token.i:
                continue  # inside a multi-word name: its last word is the head
            if token.i in names and self._locates_its_noun(token, names[token.i]):
                continue
            actor = self._mention(token, names, memory, doc)
            if actor is not None:
                doc.mentions.append(actor)
                if not _unidentified(actor):
                    doc.actor_heads[token.i] = actor
        _countries_from_sentences(doc)
        return doc

    def _locates_its_noun(self, token: Token, match: NameMatch) -> bool:
        """A capital before a noun that is no agent says where, not who: "the Kabul
        attack", "a Baghdad market", "Nairobi's Kibera slum" (but "Baghdad police",
        "the Tehran regime", and "Moscow's decision", the government's)."""
        if match.entry.kind != "capital" or token.head.pos_ != "NOUN":
            return False
        head = token.head
        if token.dep_ == "poss":
            return head.lower_ in SITE_NOUNS
        if token.dep_ != "compound":
            return False
        found = self.vocab.sector_ending_at(token.doc, head.i)
        return found is None or found[0].kind != "agent"

    def _mention(
        self, token: Token, names: dict[int, NameMatch], memory: _Memory, doc: Document
    ) -> Actor | None:
        text = doc.text
        if token.pos_ == "PRON":
            return self._pronoun(token, memory, doc)
        res, start, end = self.resolver.resolve(
            token, names, when=memory.when, context=memory.context
        )
        if token.pos_ == "ADJ":
            res.sectors = self.resolver.sibling_sectors(token)
        linked = self._linked_description(token, res, memory, doc, start)
        if linked is not None:
            return linked
        if token.pos_ == "PROPN" and res.country is None and not res.sectors:
            known = memory.people.get(token.text)
            if known is not None:
                return _copy_as(known, token.idx, token.idx + len(token.text), text)
        if not res.sectors and not res.person and token.i not in names:
            if token.ent_type_ not in _ACTOR_ENTS or token.pos_ != "PROPN":
                return None  # "the risk of an invasion of Kosovo" is not an actor
        span_start = int(token.doc[start].idx)
        span_end = token.doc[end - 1].idx + len(token.doc[end - 1].text)
        if res.person and token.i not in names:
            res.name = _strip_titles(res.name, self.vocab, names, token.i)
        actor = Actor(
            text=text[span_start:span_end],
            start=span_start,
            end=span_end,
            name=res.name,
            country=res.country,
            sector=res.sectors[0] if res.sectors else None,
            sectors=tuple(res.sectors),
            country_from=res.country_from or ("text" if res.country else None),
        )
        memory.remember(actor, res, token)
        return actor

    def _linked_description(
        self, token: Token, res: Resolution, memory: _Memory, doc: Document, start: int
    ) -> Actor | None:
        """ "the Serbian president" -> the president named before; "the alliance" -> NATO."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        parse = token.doc
        end = token.idx + len(token.text)
        span_start = int(parse[start].idx)
        code = self.vocab.description_ending_at(parse, token.i)
        if code is not None and code in memory.by_code:
            return _copy_as(memory.by_code[code], span_start, end, doc.text)
        if token.lemma_.lower() in _COLLECTIVE and memory.group is not None and not res.country:
            return _copy_as(memory.group, span_start, end, doc.text)  # "the group": the last named
        found = self.vocab.sector_ending_at(parse, token.i)
        if found is not None and found[0].kind == "title" and token.tag_ == "NN":
            known = memory.by_role.get((res.country, found[0].sector))
            if known is not None:
                return _copy_as(known, span_start, end, doc.text)
        return None

    def _pronoun(self, token: Token, memory: _Memory, doc: Document) -> Actor | None:
        start, end = token.idx, token.idx + len(token.text)
        person = memory.person_for(token) if Resolver.is_person_pronoun(token) else None
        if person is not None:
            return _copy_as(person, start, end, doc.text)
        if Resolver.is_group_pronoun(token) and token.dep_ in {*SUBJECT_DEPS, "poss"}:
            speaker = _speaker_subject(token, doc)
            if speaker is not None:
                return _copy_as(speaker, start, end, doc.text)
        return None


#: generic collective nouns ("the group") that stand for the organisation named last
_COLLECTIVE = {"group", "organization", "organisation"}

#: sectors of actors that act inside their own country
_DOMESTIC = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "PTY",
    "CVL",
    "REB",
    "EDU",
    "LAB",
    "ELI",
    "BUS",
    "MED",
    "JRN",
    "REL",
    "UAF",
    "SPY",
    "AGR",
    "CRM",
}


def _countries_from_sentences(doc: Document) -> None:
    """A domestic actor with no country takes the one country its sentence names.

    "President Omar El Bashir lifted the state of emergency in Sudan": the
    sentence names Sudan and no other country, so the president is Sudan's. A
    sentence that names two countries (or none) lends nothing; the actor is
    marked ``country_from: "sentence"`` so the inference stays visible. Outsiders
    ("settlers", "peacekeepers", "tourists") take none: their sentence names where
    they are, not where they come from.
    """
    parse = doc.parse
    if parse is None:
        return
    by_sentence: dict[int, list[int]] = {}
    for head in sorted(doc.actor_heads):
        by_sentence.setdefault(parse[head].sent.start, []).append(head)
    replaced: dict[int, Actor] = {}
    for heads in by_sentence.values():
        countries = {
            doc.actor_heads[h].country
            for h in heads
            if doc.actor_heads[h].country not in (None, "IGO")
        }
        if len(countries) != 1:
            continue
        (country,) = countries
        for head in heads:
            actor = doc.actor_heads[head]
            outsider = parse[head].lemma_.lower() in OUTSIDER_NOUNS  # "settlers", "tourists"
            if actor.country is None and actor.sector in _DOMESTIC and not outsider:
                replaced[id(actor)] = dataclasses.replace(
                    actor, country=country, country_from="sentence"
                )
                doc.actor_heads[head] = replaced[id(actor)]
    doc.mentions = [replaced.get(id(a), a) for a in doc.mentions]


#: gazetteer feature classes of areas (first-level divisions, regions, islands)
_AREAS = {"ADM1", "ADM2", "RGN", "ISL", "PCLI", "PCLD", "PCLS", "TERR"}


def _gazetteer_country(gazetteer: Gazetteer, settings: ActorSettings) -> PlaceCountry:
    """A place name's country when the gazetteer reads it one way.

    A country, a big city (``big_city_population``), names whose readings all
    lie in one country (a town of ``town_population`` or an area), or, among
    several countries, the one the document names.
    """
    big_city, town = settings.big_city_population, settings.town_population

    def country(name: str, context: frozenset[str]) -> str | None:
        entries = gazetteer.lookup(name)
        if not entries:
            return None
        for entry in entries:
            if entry.feature == "PCLI":
                return entry.country
        biggest = max(entries, key=lambda e: e.population)
        if biggest.population >= big_city:
            return biggest.country
        countries = {e.country for e in entries}
        notable = any(e.population >= town or e.feature in _AREAS for e in entries)
        if len(countries) == 1 and notable:  # not a village that shares a people's name
            return entries[0].country
        named = countries & context
        return next(iter(named)) if len(named) == 1 else None

    return country


def _speaker_subject(token: Token, doc: Document) -> Actor | None:
    """For "NATO said it was ready", the subject of the verb the clause hangs from.

    A possessive ("the ILO reiterated its demand") is the subject of its own clause.
    """
    if token.dep_ == "poss":
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i in doc.actor_heads and child.i != token.i:
                return doc.actor_heads[child.i]
        return None
    verb = token.head
    if verb.dep_ not in {"ccomp", "xcomp"}:
        return None
    for child in verb.head.children:
        if child.dep_ in SUBJECT_DEPS and child.i in doc.actor_heads:
            return doc.actor_heads[child.i]
    return None


def _unidentified(actor: Actor) -> bool:
    """ "Two men", "a group": PLOVER's unidentified actor (UNK), listed but no event's argument.

    An event takes its source and target from actors the text identifies; an
    empty source is better than one that says only "someone".
    """
    return actor.sectors == ("UNK",) and actor.country is None and actor.name is None


#: agent nouns that, bare and singular, name a means: "by force", "the threat of force"
_MEANS = frozenset({"force"})


def _a_means(token: Token) -> bool:
    """A bare singular "force" is compulsion, not an armed force: "robbery by threat of
    force", "the use of force" (but "the force", "a UN force", "security force",
    "forces")."""
    return (
        token.lower_ in _MEANS
        and token.tag_ == "NN"
        and not any(
            c.dep_ in {"det", "poss", "compound", "amod", "nmod", "nummod"} for c in token.children
        )
    )


def _not_a_word(token: Token) -> bool:
    """Punctuation or a lower-case name particle ("al", "bin") the parser made a noun."""
    text = token.text
    return not any(c.isalpha() for c in text) or (
        token.pos_ == "PROPN" and text.islower() and len(text) <= 3
    )


def _copy_as(actor: Actor, start: int, end: int, text: str) -> Actor:
    return Actor(
        text=text[start:end],
        start=start,
        end=end,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        sectors=actor.sectors,
        country_from=actor.country_from,
    )


def _strip_titles(
    name: str | None, vocab: ActorVocabulary, names: dict[int, NameMatch], head: int
) -> str | None:
    """ "Kosovar Prime Minister Albin Kurti" -> "Albin Kurti"."""
    if not name:
        return name
    words = name.split()
    first = head - len(words) + 1
    keep = [
        w
        for k, w in enumerate(words)
        if (first + k) not in names and w.lower() not in vocab.sectors
    ]
    while (
        keep and len(keep) < len(words) and keep[0].lower() in {"minister", "prime", "chief", "of"}
    ):
        keep.pop(0)
    return " ".join(keep) or name


@stages.register(
    "eventwatch.actor_mentions.v1",
    settings=ActorSettings,
    requires=["parse", "sentences"],
    assigns=["mentions"],
)
def make_actor_mentions(settings: ActorSettings, resources: Resources) -> ActorMentions:
    return ActorMentions.from_settings(settings, resources)
