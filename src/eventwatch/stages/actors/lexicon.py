"""The actor vocabulary: countries, IGOs, institutions, named actors and sector nouns.

The word lists are the project's own TSV files in ``actors/data/``. Names
(countries, demonyms, capitals, IGOs, institutions) are matched on the surface
text, case-sensitively, longest match first; sector nouns and titles are
matched on lower-cased lemmas. The named actors converted from the Phoenix
dictionaries (``actors.tsv``) and a user's ``.actors`` file are matched in any
case the text capitalises them in ("Ban Ki-moon" for BAN_KI-MOON), after the
project's own names; the agent nouns converted from the PLOVER and Phoenix
agent lists (``agents.tsv``) come after the project's ``sectors.tsv``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ...resources import Country, Institution
from ...resources.wordlists import read_rows, split_cell
from .dictionary import ActorDictionary, DictionaryEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["ActorVocabulary", "NameEntry", "NameMatch", "SectorEntry"]

NameKind = Literal["country", "demonym", "capital", "igo", "institution", "known"]


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a proper name stands for."""

    kind: NameKind
    country: str | None  # ISO alpha-3, "IGO", or None
    name: str  # canonical name: the country's, the IGO's code, the institution's
    sector: str | None
    known: DictionaryEntry | None = None  # for dictionary actors, whose codes depend on the date
    #: matched in any case (a converted or ``.actors`` dictionary's): the text's country wins
    folded: bool = False


@dataclass(frozen=True, slots=True)
class SectorEntry:
    sector: str
    kind: Literal["agent", "title"]
    words: int
    #: other sectors the phrase names ("activist": CVL, and OPP)
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int  # token index
    end: int  # token index, exclusive
    entry: NameEntry


def _rows(filename: str, columns: int) -> Iterator[list[str]]:
    return read_rows("eventwatch.stages.actors", filename, columns)


#: names whose misspellings are still recognised, and the shortest misspelt word
_SPELLED_KINDS = {"country", "demonym", "capital", "known"}
_MIN_MISSPELT = 6
#: the shortest known name a slip is measured from ("Quatar" for Qatar); a name this
#: short must not merely gain a last letter, which makes other words ("Paris", "Parish")
_MIN_SPELLED = 5


def _one_letter_less(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def _one_slip(a: str, b: str) -> bool:
    """One deletion, insertion, substitution or swap of neighbours turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i + 1 : i + 2] + a[i : i + 1] == b[i : i + 2] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _named_word(token: Token) -> bool:
    """A one-word name: a proper noun or an entity, or a capital inside a sentence."""
    return token.pos_ == "PROPN" or bool(token.ent_type_) or not token.is_sent_start


def _could_be_misspelt(token: Token) -> bool:
    """A capitalised proper name long enough for a one-letter slip to be unambiguous."""
    text = token.text
    return (
        token.pos_ == "PROPN"
        and len(text) >= _MIN_MISSPELT
        and text.isalpha()
        and text[0].isupper()
        and not text.isupper()
    )


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


_FIRST_WORD = re.compile(r"\w+")
#: words that stay lower case inside a capitalised name ("Ban Ki-moon", "Bank of Japan")
_NAME_PARTICLES = frozenset(
    "of the and for on in at to a an de del la le du da dos das van von der y al el bin ibn "
    "ul e i".split()
)


def _capitalised(text: str) -> bool:
    """Every word of a name capitalised, but particles and parts after a hyphen."""
    for word in text.split():
        head = word.split("-")[0].strip("'\"(").lower()
        if not head or head in _NAME_PARTICLES or not head[0].isalpha():
            continue
        if not word.lstrip("'\"(")[:1].isupper():
            return False
    return True


class ActorVocabulary:
    """All actor word lists, loaded once and shared by the actor stage."""

    def __init__(self) -> None:
        self.names: dict[str, NameEntry] = {}
        self.sectors: dict[str, SectorEntry] = {}
        self.igo_parent: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        #: descriptions ("the military alliance") and the code they stand for
        self.descriptions: dict[str, str] = {}
        #: the first two characters of every name -> the most tokens such a name spans
        self._prefixes: dict[str, int] = {}
        self._max_sector_words = 1
        self._sector_last_words: set[str] = set()
        self._misspellings: dict[str, tuple[str, ...]] | None = None
        self._surnames: dict[str, set[str | None]] | None = None
        #: names matched in any capitalised case (converted and ``.actors`` dictionaries)
        self.folded: dict[str, NameEntry] = {}
        #: the first word of every folded name -> the most tokens such a name spans
        self._folded_first: dict[str, int] = {}
        #: folded names that a user dictionary put above the project's own
        self._folded_wins: set[str] = set()

    @classmethod
    def load(
        cls,
        *,
        countries: Iterable[Country],
        institutions: Iterable[Institution],
        agents: bool = True,
    ) -> ActorVocabulary:
        """The packaged word lists, with the shared country and institution tables.

        ``agents`` adds the converted agent nouns (``agents.tsv``) after ``sectors.tsv``.
        """
        vocab = cls()
        for row in countries:
            iso3, name = row.iso3, row.name
            vocab.country_names[iso3] = name
            for form in [name, *row.aliases]:
                vocab.add_name(form, NameEntry("country", iso3, name, None))
            for form in row.demonyms:
                vocab.add_name(form, NameEntry("demonym", iso3, name, None))
            for form in row.capitals:
                vocab.add_name(form, NameEntry("capital", iso3, name, "GOV"))
        for code, _name, _aliases, _sector, parent in _rows("igos.tsv", 5):
            if parent:
                vocab.igo_parent[code] = parent
        for code, name, aliases, sector, _parent in _rows("igos.tsv", 5):
            entry = NameEntry("igo", "IGO", vocab.root_igo(code), sector or "IGO")
            for form in [code, name, *split_cell(aliases)]:
                vocab.add_name(form, entry)
        for institution in institutions:
            forms = institution.names
            entry = NameEntry(
                "institution",
                institution.country,
                institution.name or forms[0],
                institution.sector or "PRE",  # a territory: a breakaway entity (PLOVER's PRE)
            )
            for form in forms:
                vocab.add_name(form, entry)
        for phrase, code in _rows("descriptions.tsv", 2):
            vocab.descriptions[_norm(phrase.lower())] = code
        for phrase, sector, kind in _rows("sectors.tsv", 3):
            key = _norm(phrase.lower())
            words = len(key.split())
            vocab.sectors.setdefault(
                key, SectorEntry(sector, "title" if kind == "title" else "agent", words)
            )
            vocab._max_sector_words = max(vocab._max_sector_words, words)
            vocab._sector_last_words.update({key.split()[-1], key.split("-")[-1]})
        if agents:
            for phrase, codes, _source in _rows("agents.tsv", 3):
                vocab.add_sector_phrase(phrase, codes.split())
        return vocab

    def add_sector_phrase(self, phrase: str, sectors: Sequence[str]) -> None:
        """An agent noun and its sectors; a phrase the vocabulary has keeps its own sector
        first and takes the others after it ("politician": GOV, then PLOVER's PTY)."""
        key = _norm(phrase.lower())
        if not key or not sectors:
            return
        known = self.sectors.get(key)
        if known is not None:
            others = [s for s in sectors if s != known.sector and s not in known.others]
            self.sectors[key] = dataclasses.replace(known, others=(*known.others, *others))
            return
        words = len(key.split())
        self.sectors[key] = SectorEntry(sectors[0], "agent", words, tuple(sectors[1:]))
        self._max_sector_words = max(self._max_sector_words, words)
        self._sector_last_words.update({key.split()[-1], key.split("-")[-1]})

    def root_igo(self, code: str) -> str:
        seen = {code}
        while code in self.igo_parent and self.igo_parent[code] not in seen:
            code = self.igo_parent[code]
            seen.add(code)
        return code

    def add_dictionary(self, dictionary: ActorDictionary, *, override: bool = False) -> None:
        """Add dictionary actors; ``override`` lets them replace names already known.

        A folded dictionary's people are dictionary actors; its groups without
        offices are institutions (IGOs when their country is ``IGO``).
        """
        for form, known in dictionary.forms.items():
            entry = NameEntry("known", known.country, known.name, known.sector, known)
            if not dictionary.folded:
                self.add_name(form, entry, override=override)
                continue
            if not known.person and not known.offices:
                kind: NameKind = "igo" if known.country == "IGO" else "institution"
                entry = NameEntry(kind, known.country, known.name, known.sector)
            self.add_folded_name(form, entry, override=override)
        for target, forms in dictionary.aliases.items():
            found = self.names.get(_norm(target))
            if found is not None:
                for form in forms:
                    self.add_folded_name(form, found, override=override)

    def add_folded_name(self, form: str, entry: NameEntry, *, override: bool = False) -> None:
        """A name matched in any case the text capitalises it in."""
        key = _norm(form).casefold()
        first = _FIRST_WORD.search(key)
        if first is None or (key in self.folded and not override):
            return
        self.folded[key] = dataclasses.replace(entry, folded=True)
        if override:
            self._folded_wins.add(key)
        self._surnames = None
        width = len(re.findall(r"\w+|[^\w\s]", key)) + 1
        word = first.group(0)
        self._folded_first[word] = max(self._folded_first.get(word, 0), width)

    def add_name(self, form: str, entry: NameEntry, *, override: bool = False) -> None:
        key = _norm(form)
        if not key or (key in self.names and not override):
            return
        self.names[key] = entry
        self._misspellings = None
        self._surnames = None
        # "U.S." is one token, "Al-Sabah" three: count words and punctuation, plus one
        width = len(re.findall(r"\w+|[^\w\s]", key)) + 1
        self._prefixes[key[:2]] = max(self._prefixes.get(key[:2], 0), width)

    def find_names(
        self, doc: Doc, real_word: Callable[[str], bool] | None = None
    ) -> list[NameMatch]:
        """Longest, left-to-right, non-overlapping name matches over a parsed doc.

        Only tokens whose first two characters begin some name are tried, and only
        as far as the longest such name reaches, so most words cost one look-up.
        ``real_word`` tells which unknown capitalised words are names of their own
        (places), so they are not read as misspellings of a known name.
        """
        matches: list[NameMatch] = []
        text = doc.text
        n = len(doc)
        ends = [t.idx + len(t.text) for t in doc]
        starts = [t.idx for t in doc]
        i = 0
        while i < n:
            start = starts[i]
            head = text[start : start + 2]
            width = max(self._prefixes.get(head, 0), self._prefixes.get(head.title(), 0))
            folded_width = 0
            if head[:1].isupper():
                first = _FIRST_WORD.match(doc[i].text)
                if first is not None:
                    folded_width = self._folded_first.get(first.group(0).casefold(), 0)
                    width = max(width, folded_width)
            if not width:
                i += 1
                continue
            found = None
            for j in range(min(n, i + width), i, -1):
                key = text[start : ends[j - 1]]
                if "\n" in key or "  " in key:
                    key = _norm(key)
                entry = self.names.get(key)
                if entry is None and key.isupper() and len(key) > 4:
                    entry = self.names.get(key.title())  # "TEHRAN" in a dateline
                if folded_width >= j - i:
                    entry = self._folded_match(key, doc[i], j - i, entry)
                if entry is not None:
                    found = NameMatch(i, j, entry)
                    break
            if found is None and _could_be_misspelt(doc[i]):
                found = self._misspelt_name(doc[i], real_word)
            if found is None or self._inside_larger_name(doc, found):
                i += 1
                continue
            matches.append(found)
            i = found.end
        return matches

    def _folded_match(
        self, key: str, first: Token, tokens: int, exact: NameEntry | None
    ) -> NameEntry | None:
        """The folded name ``key`` spells, if the text capitalises it, else ``exact``.

        The project's own (exact) name wins unless a user dictionary overrode
        it; a one-word name opening a sentence must be a proper noun or entity.
        """
        folded = self.folded.get(key.casefold())
        if folded is None or (exact is not None and key.casefold() not in self._folded_wins):
            return exact
        if not _capitalised(key) or (tokens == 1 and not _named_word(first)):
            return exact
        return folded

    def surname_country(self, surname: str) -> str | None:
        """The country of every known person with this last name, when they share one.

        "President Bush" names no one the dictionary lists under "Bush" alone, but
        both Bushes in it are American. The people of the exact-case dictionaries
        (the prominent people of ``people.yaml``, a user's) are asked first; the
        converted dictionaries' only for a surname none of those bear.
        """
        if self._surnames is None:
            self._surnames = {}
            for tier, names in enumerate((self.names, self.folded)):
                found: dict[str, set[str | None]] = {}
                for entry in names.values():
                    known = entry.known
                    if known is not None and known.person and " " in known.name:
                        found.setdefault(known.name.rsplit(" ", 1)[1], set()).add(known.country)
                for last, countries in found.items():
                    if tier == 0 or last not in self._surnames:
                        self._surnames[last] = countries
        countries = self._surnames.get(surname, set())
        return next(iter(countries)) if len(countries) == 1 else None

    def _misspelt_name(
        self, token: Token, real_word: Callable[[str], bool] | None
    ) -> NameMatch | None:
        """A one-letter slip in a country, demonym or known person's name ("Ethopia",
        "Quatar", "Francois Mitterand"), when exactly one such name is that close.

        Not a word that is a name in its own right (``real_word``: "Columbia",
        "Liberal" and "Austin" are places); a person's surname only after that
        person's first name, since surnames one letter apart abound.
        """
        if self._misspellings is None:
            self._misspellings = self._misspelling_index()
        index, word = self._misspellings, token.text
        keys = set(index.get(word, ()))
        for variant in _one_letter_less(word):
            keys.update(index.get(variant, ()))
        close = [
            k
            for k in keys
            if k != word
            and k[0] == word[0]
            and _one_slip(k, word)
            and (len(k) >= _MIN_MISSPELT or not word.startswith(k))  # "Parish" is no Paris
        ]
        if len(close) != 1 or (real_word is not None and real_word(word)):
            return None
        entry = self.names[close[0]]
        if entry.known is None and token.ent_type_ == "PERSON":
            return None  # "Ismael" is a name, not Israel
        if entry.known is not None:
            first = entry.known.name.split()[0]
            if token.i == 0 or token.doc[token.i - 1].text != first:
                return None
        return NameMatch(token.i, token.i + 1, entry)

    def _misspelling_index(self) -> dict[str, tuple[str, ...]]:
        """Each single-word name and its one-letter-shorter forms -> the names they come from."""
        index: dict[str, tuple[str, ...]] = {}
        for key, entry in self.names.items():
            if entry.kind not in _SPELLED_KINDS or len(key) < _MIN_SPELLED or not key.isalpha():
                continue
            for variant in {key, *_one_letter_less(key)}:
                index[variant] = (*index.get(variant, ()), key)
        return index

    def _inside_larger_name(self, doc: Doc, match: NameMatch) -> bool:
        """ "Security Council" inside "National Security Council" is not the UN's.

        A match is inside a larger name when the proper noun before it, itself no
        known name, modifies a word of the match within one organisation entity.
        """
        if match.start == 0:
            return False
        before, first = doc[match.start - 1], doc[match.start]
        return bool(
            before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and match.start <= before.head.i < match.end
            and first.ent_iob_ == "I"
            and first.ent_type_ in {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
            and before.ent_type_ == first.ent_type_
            and _norm(before.text) not in self.names
        )

    def sector_ending_at(
        self, tokens: Doc | Sequence[Token], head: int
    ) -> tuple[SectorEntry, int] | None:
        """The longest sector phrase ending at ``tokens[head]``, and its first index."""
        last = tokens[head]
        last_word = last.lemma_.lower()
        if last_word not in self._sector_last_words and last.lower_ not in self.sectors:
            plural = _capitalised_plural(last)
            if plural is None or plural not in self.sectors:
                return None
            return self.sectors[plural], head  # "Rebels were captured": "rebel"
        return self._longest_sector(tokens, head, last)

    def _longest_sector(
        self, tokens: Doc | Sequence[Token], head: int, last: Token
    ) -> tuple[SectorEntry, int] | None:
        for width in range(min(self._max_sector_words, head + 1), 0, -1):
            words = [tokens[k].lemma_.lower() for k in range(head - width + 1, head + 1)]
            entry = self.sectors.get(" ".join(words).replace(" - ", "-"))  # "secretary-general"
            if entry is None and width == 1:
                entry = self.sectors.get(last.lower_)
            if entry is not None:
                return entry, head - width + 1
        return None

    def description_ending_at(self, doc: Doc, head: int) -> str | None:
        """The code a description ending at ``head`` stands for ("the military alliance")."""
        for width in (3, 2, 1):
            if head - width + 1 < 0:
                continue
            words = " ".join(doc[k].lemma_.lower() for k in range(head - width + 1, head + 1))
            if words in self.descriptions:
                return self.descriptions[words]
        return None

    def sector_of_word(self, token: Token) -> SectorEntry | None:
        return self.sectors.get(token.lemma_.lower()) or self.sectors.get(token.lower_)


def _capitalised_plural(token: Token) -> str | None:
    """The singular of a plural noun capitalised only because it opens a sentence or a
    headline ("Rebels were captured", "Protesters Storm Parliament"), which the parser
    takes for a name and leaves unlemmatised."""
    text = token.text
    if not (token.is_sent_start and text[:1].isupper() and text[1:].islower()):
        return None
    if token.tag_ not in {"NNS", "NNPS"} or not text.endswith("s"):
        return None
    word = text.lower()
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]
