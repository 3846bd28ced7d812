"""Resolve one noun phrase to an actor: name, country, sector.

A mention is the noun phrase around a head word: the head, its modifiers and
its ``of``/``from``/``in`` phrases, never its relative clauses or
appositions. Its country comes from the names inside it (a demonym, a country,
a capital, an IGO, an institution); its sector from the head noun, a title
before a person's name, or the noun that an ``of`` phrase names ("the special
forces of the Kosovo police" is police).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import OUTSIDER_NOUNS
from .lexicon import ActorVocabulary, NameMatch, SectorEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["PlaceCountry", "Resolution", "Resolver", "mention_bounds"]

#: a place name and the document's countries -> the country the name stands for, if clear
PlaceCountry = Callable[[str, frozenset[str]], "str | None"]

#: children that end a mention: clauses, appositions, coordination, punctuation
_OUTSIDE = {"relcl", "appos", "acl", "conj", "cc", "punct", "advcl", "parataxis", "ccomp"}
#: marks that part a credit from a caption ("Katelin Gandee | Laurinburg Exchange"),
#: never a name's words, whatever the parser attaches them to
_SEPARATORS = frozenset({"|", "•", "·"})
#: prepositions whose phrase belongs to the mention ("police in Jericho")
_INSIDE_PREPS = {"of", "from", "in", "throughout", "across"}
#: heads that take their sector from an ``of`` phrase ("members of parliament")
_PART_NOUNS = {
    "member",
    "unit",
    "force",
    "wing",
    "branch",
    "element",
    "part",
    "group",
    "head",
    "chief",
    "leader",
    "representative",
    "official",
    "officer",
    "delegation",
    "team",
    "commander",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "ministry",
}
_LEFT_DEPS = {
    "det",
    "predet",
    "compound",
    "amod",
    "nmod",
    "poss",
    "nummod",
    "quantmod",
    "case",
    "punct",
    "advmod",
    "npadvmod",
    "flat",
}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG"}
#: modifiers that make media the state's (PLOVER codes state media GOV, then JRN)
_STATE_OWNED = {
    "official",
    "state",
    "state-run",
    "state-owned",
    "state-controlled",
    "government",
    "government-run",
    "government-owned",
    "government-controlled",
}
_FORMER = {"former", "retired", "ex", "ousted", "deposed", "exiled", "late"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range ``[start, end)`` of the noun phrase headed by ``head``."""
    lo = hi = head.i
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _OUTSIDE:
                continue
            if child.dep_ == "prep" and child.lower_ not in _INSIDE_PREPS:
                continue
            if child.i < token.i and (
                child.dep_ not in _LEFT_DEPS
                or (child.pos_ == "VERB" and not _hyphenated(child) and child.lower_ not in _FORMER)
            ):
                continue
            lo, hi = min(lo, child.i), max(hi, child.i)
            stack.append(child)
    doc = head.doc
    marks = [i for i in range(lo, hi + 1) if doc[i].text in _SEPARATORS]
    lo = max([lo, *(i + 1 for i in marks if i < head.i)])
    hi = min([hi, *(i - 1 for i in marks if i > head.i)])
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ in {"det", "predet", "case"}):
        lo += 1
    while hi > head.i and doc[hi].is_punct:
        hi -= 1
    return lo, hi + 1


def _entities(doc: Doc, start: int, end: int) -> list[Span]:
    """The named entities lying wholly inside tokens ``[start, end)``."""
    spans = []
    i = start
    while i < end:
        token = doc[i]
        if token.ent_iob_ == "B":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= end:
                spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return spans


def _stance_prefix(doc: Doc, start: int) -> bool:
    """ "pro-Iranian", "anti-Syria": the name after the hyphen is not the actor's country."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in {"pro", "anti"}
        or (start >= 1 and doc[start - 1].lower_ in {"pro-", "anti-"})
    )


def _hyphenated(token: Token) -> bool:
    """ "Vietnamese-led", "Iranian-backed": a participle joined to a name."""
    return token.i > 0 and token.doc[token.i - 1].text == "-"


@dataclass(slots=True)
class Resolution:
    """What the words of a mention say, before it becomes an :class:`Actor`."""

    name: str | None = None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    person: bool = False
    #: "place" when the country comes from a gazetteer reading of a place name in the mention
    country_from: str | None = None

    def add_sector(self, sector: str | None, *, first: bool = False) -> None:
        if sector and sector not in self.sectors:
            if first:
                self.sectors.insert(0, sector)
            else:
                self.sectors.append(sector)

    @property
    def empty(self) -> bool:
        return self.country is None and not self.sectors and self.name is None


class Resolver:
    """Turns head words into :class:`Resolution` records using the vocabulary."""

    def __init__(
        self,
        vocab: ActorVocabulary,
        place_country: PlaceCountry | None = None,
        real_word: Callable[[str], bool] | None = None,
    ) -> None:
        self.vocab = vocab
        #: the country a place name stands for (a gazetteer look-up), when one is given
        self.place_country = place_country
        #: whether a word is a place name of its own (so no misspelling of another name)
        self.real_word = real_word

    def index_names(self, doc: Doc) -> dict[int, NameMatch]:
        index: dict[int, NameMatch] = {}
        for match in self.vocab.find_names(doc, self.real_word):
            for i in range(match.start, match.end):
                index[i] = match
        return index

    def resolve(
        self,
        head: Token,
        names: dict[int, NameMatch],
        *,
        when: dt.date | None = None,
        context: frozenset[str] = frozenset(),
    ) -> tuple[Resolution, int, int]:
        """The mention headed by ``head``: its resolution and token range.

        ``when`` is the date offices are looked up on (the publication date);
        ``context`` the countries the document names, which break ties between
        readings of a place name.
        """
        start, end = mention_bounds(head)
        res = Resolution()
        match = names.get(head.i)
        if match is not None:
            self._from_head_name(res, match, head, names, start, when)
        else:
            self._from_head_noun(res, head, start)
        self._from_modifiers(res, head, start, end, names, skip=match)
        if head.pos_ == "PROPN" and match is None:
            titles = self._titles(head, start)
            titled = bool(titles)
            if titled and any(head.doc[i].lower_ in _FORMER for i in range(start, head.i)):
                res.add_sector("ELI", first=True)  # "Ousted President Askar Akayev"
            own_agent = self.vocab.sector_ending_at(head.doc, head.i)  # "Ministry" is no person
            res.person = own_agent is None and _looks_like_person(head, titled)
            res.name = _proper_name(head)
            office = any(t.kind == "title" for t in titles)  # "President", not "Shiite"
            if office and res.person and res.country is None:
                res.country = self.vocab.surname_country(head.text)  # "President Bush"
            if not res.sectors and res.country is None:
                self._from_apposition(res, head, names, when, context)
        if not res.sectors and head.ent_type_ == "NORP" and head.tag_ in {"NNPS", "NNS"}:
            res.add_sector("CVL")  # "Iraqi Kurds": people named by their group
        if res.country is None and not res.person and self.place_country is not None:
            where = (i for i in range(head.i + 1, end) if _where_outsiders_are(head, i))
            own_end = next(where, end)
            self._from_place_names(res, head, start, own_end, names, context)
        if res.person and res.country == "IGO":
            res.add_sector("GOV")  # an organisation's officers are its executive
        if len(res.sectors) > 1 and "UNK" in res.sectors:
            res.sectors.remove("UNK")  # "member of ISIS": unidentified only when nothing says who
        return res, start, end

    def _from_place_names(
        self,
        res: Resolution,
        head: Token,
        start: int,
        end: int,
        names: dict[int, NameMatch],
        context: frozenset[str],
    ) -> None:
        """ "Shanghai authorities", "Kano State government": a place name gives the country."""
        assert self.place_country is not None
        doc = head.doc
        for ent in _entities(doc, start, end):
            if ent[0].ent_type_ not in _PLACE_LABELS:
                continue
            if any(i in names for i in range(ent.start, ent.end)):
                continue
            words = [t for t in ent if not t.is_punct]
            tries = [ent.text, " ".join(t.text for t in words[:-1]), words[0].text if words else ""]
            for text in dict.fromkeys(t for t in tries if t):
                country = self.place_country(text, context)
                if country is not None:
                    res.country, res.country_from = country, "place"
                    return

    def _from_head_name(
        self,
        res: Resolution,
        match: NameMatch,
        head: Token,
        names: dict[int, NameMatch],
        start: int,
        when: dt.date | None,
    ) -> None:
        entry = match.entry
        res.country = entry.country
        res.name = entry.name
        if entry.known is not None and not entry.known.person:
            res.country, sector = entry.known.at(when)  # a group with dated codes
            res.add_sector(sector)
            return
        if entry.known is not None:
            res.country, sector = entry.known.at(when)
            for title in self._titles_before(head, match.start, start):
                res.add_sector(title.sector)  # "Foreign Minister Park Jin": the text's title first
            if any(head.doc[i].lower_ in _FORMER for i in range(start, match.start)):
                res.add_sector("ELI", first=True)  # "Ousted President Askar Akayev"
            res.add_sector(sector)
            res.person = True
            return
        if entry.kind == "demonym":
            res.add_sector("CVL")
            outer = _leftmost_country(head, names, match)
            if outer is not None:
                res.country = outer
            elif any(c.lower_ == "ethnic" for c in head.children):
                res.country = None  # "ethnic Albanians" in Serbia: an ethnicity, not a nationality
        elif entry.kind == "igo":
            res.add_sector(entry.sector or "IGO")
            res.add_sector("IGO")
        else:
            res.add_sector(entry.sector)

    def _from_head_noun(self, res: Resolution, head: Token, start: int) -> None:
        found = self.vocab.sector_ending_at(head.doc, head.i)
        if found is not None:
            res.add_sector(found[0].sector)
            for other in found[0].others:  # "activist": CVL, and OPP
                res.add_sector(other)
            if found[0].sector == "JRN" and any(
                c.lower_ in _STATE_OWNED and c.i < head.i for c in head.children
            ):
                res.add_sector("GOV", first=True)  # "an official newspaper": the state's media
        if found is None or found[0].sector == "UNK":
            # "army accountant", "militia members": the modifier says who
            for child in head.children:
                if child.dep_ in {"compound", "amod"} and child.i < head.i:
                    inner = self.vocab.sector_ending_at(head.doc, child.i)
                    if inner is not None and inner[0].kind == "agent":  # not "general strike"
                        res.add_sector(inner[0].sector)
        if any(c.lower_ in _FORMER and c.dep_ in {"amod", "advmod"} for c in head.children):
            if res.sectors and res.sectors[0] in {"GOV", "MIL", "LEG", "JUD", "COP"}:
                res.add_sector("ELI", first=True)  # "a former minister" is an elite
        if head.pos_ == "PROPN":
            for title in self._titles(head, start):
                res.add_sector(title.sector)
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        inner = self.vocab.sector_ending_at(obj.doc, obj.i)
                        if inner is not None and head.lemma_.lower() in _PART_NOUNS:
                            res.add_sector(inner[0].sector, first=True)

    def _titles_before(self, head: Token, first: int, start: int) -> list[SectorEntry]:
        """Titles between the mention's start and a name that begins at token ``first``."""
        return self._titles(head.doc[first], start) if first > start else []

    def _titles(self, head: Token, start: int) -> list[SectorEntry]:
        doc = head.doc
        titles = []
        i = head.i - 1
        while i >= start:
            found = self.vocab.sector_ending_at(doc, i)
            if found is not None:
                titles.append(found[0])
                i = found[1] - 1
            else:
                i -= 1
        return titles

    def _from_modifiers(
        self,
        res: Resolution,
        head: Token,
        start: int,
        end: int,
        names: dict[int, NameMatch],
        skip: NameMatch | None,
    ) -> None:
        seen: list[NameMatch] = []
        after = [i for i in range(head.i + 1, end) if not _where_outsiders_are(head, i)]
        for i in list(range(start, head.i)) + after:
            match = names.get(i)
            if match is None or match is skip or match in seen:
                continue
            seen.append(match)
        for match in seen:
            if _stance_prefix(head.doc, match.start):
                continue  # "pro-Iranian militia": a stance, not a nationality
            if match.entry.known is not None and match.entry.known.person:
                continue  # "Osama bin Laden's network": a person's country is not the group's
            if _relation_of(head.doc[match.end - 1]):
                continue  # "Israel's militia ally": the ally is not Israel's own
            entry = match.entry
            if entry.kind == "igo":
                res.add_sector(entry.sector or "IGO")
                if res.country is None:
                    res.country, res.name = "IGO", res.name or entry.name
            elif entry.kind == "institution":
                res.add_sector(entry.sector)
                if res.country is None:
                    res.country = entry.country
            elif res.country is None or (
                skip is not None and skip.entry.folded and entry.kind in {"country", "demonym"}
            ):
                res.country = entry.country  # a dictionary's group yields to the text's country

    def _from_apposition(
        self,
        res: Resolution,
        head: Token,
        names: dict[int, NameMatch],
        when: dt.date | None,
        context: frozenset[str],
    ) -> None:
        for child in head.children:
            if child.dep_ != "appos":
                continue
            inner, _, _ = self.resolve(child, names, when=when, context=context)
            res.country = res.country or inner.country
            for sector in inner.sectors:
                res.add_sector(sector)
            return

    def sibling_sectors(self, modifier: Token) -> list[str]:
        """Sectors named beside a demonym adjective ("Serbian military deployment")."""
        sectors = []
        for sibling in modifier.head.children:
            if sibling.i != modifier.i and sibling.dep_ in {"amod", "compound"}:
                entry = self.vocab.sector_of_word(sibling)
                if entry is not None and entry.sector not in sectors:
                    sectors.append(entry.sector)
        head_entry = self.vocab.sector_of_word(modifier.head)
        if head_entry is not None and head_entry.sector not in sectors:
            sectors.append(head_entry.sector)
        return sectors

    @staticmethod
    def is_person_pronoun(token: Token) -> bool:
        return token.lower_ in _PERSON_PRONOUNS

    @staticmethod
    def is_group_pronoun(token: Token) -> bool:
        return token.lower_ in _GROUP_PRONOUNS


#: nouns that name a relation to their possessor, not a part of it
_RELATION_NOUNS = {"ally", "partner", "rival", "enemy", "foe", "proxy", "neighbour", "neighbor"}


def _where_outsiders_are(head: Token, index: int) -> bool:
    """Whether word ``index`` of a mention names where outsiders are ("settlers *in the
    West Bank*", "peacekeepers *in Mali*"), which is not where they come from ("tourists
    *from France*" is)."""
    if head.lemma_.lower() not in OUTSIDER_NOUNS:
        return False
    word = head.doc[index]
    while word.head.i != word.i and word.head.i != head.i:
        word = word.head
    return word.dep_ == "prep" and word.lower_ != "from"


def _relation_of(name: Token) -> bool:
    """A possessor of a relation noun ("Israel's ally", "Iran's proxies")."""
    return name.dep_ == "poss" and name.head.lemma_.lower() in _RELATION_NOUNS


def _leftmost_country(head: Token, names: dict[int, NameMatch], skip: NameMatch) -> str | None:
    """The first country-like name before the head inside its phrase ("Kosovo Serbs")."""
    for child in sorted(head.children, key=lambda t: t.i):
        if child.i >= skip.start:
            break
        match = names.get(child.i)
        if match is not None and match.entry.kind in {"country", "demonym", "capital"}:
            return match.entry.country
    return None


def _looks_like_person(head: Token, titled: bool) -> bool:
    """spaCy's small model often tags "Antony Blinken" as a facility: trust the shape too."""
    if head.ent_type_ == "PERSON" or titled:
        return True
    if head.ent_type_ in {"GPE", "LOC", "NORP", "ORG"}:
        return False
    before = head.doc[head.i - 1] if head.i > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.dep_ == "compound"


def _proper_name(head: Token) -> str:
    doc = head.doc
    i = head.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ in {"compound", "flat"}:
        i -= 1
    return doc[i : head.i + 1].text
