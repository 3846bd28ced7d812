"""Finding toponyms in a parsed document.

A toponym is a GPE, LOC or FAC entity that the gazetteer knows, or a run of
proper nouns (inside an ORG or PERSON entity, or outside any entity) whose
longest gazetteer match is a strong enough name: a country, a subdivision, a
county, a listed region, or a town under its own name. Demonyms ("Serbian",
found by ``demonyms.py``) are left to the stage, which reports them apart. A
town name before a street or facility word ("Cooper Street") or a surname is part of another name. A
direction word before a toponym ("northern Kosovo") is taken into its span and
kept as the mention's qualifier.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...resources.gazetteer import Entry, Gazetteer
from ..lexicon import SUBJECT_DEPS
from .conjuncts import add_conjuncts, county_lists
from .person_names import (
    CUE_WORDS,
    DASHES,
    in_longer_person,
    no_name_word,
    surnames,
    without_person_words,
)
from .unresolved import GROUND_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["DIRECTIONS", "Mention", "find_mentions"]

#: direction words and the qualifier each gives
DIRECTIONS = {
    f"{prefix}{suffix}": prefix
    for prefix in (
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "central",
    )
    for suffix in ("", "ern")
    if not (prefix == "central" and suffix)
}
_GEO_LABELS = {"GPE", "LOC", "FAC"}
_SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
_MAX_WORDS = 5
#: the last words of an organisation's name, inside which only a prominent place
#: ("the Kosovo Police Union") is one
_ORGANISATION_HEADS = frozenset(
    "alliance association society foundation coalition club union institute federation "
    "league network partnership corporation company inc. inc group trust fund".split()
)
#: abbreviations a name may start with, which an entity may leave out ("ST. PAUL")
_ABBREVIATIONS = frozenset({"st.", "mt.", "ft."})
#: features strong enough to accept from a proper-noun run outside GPE/LOC/FAC
_STRONG = {"PCLI", "ADM1", "ADM2", "RGN", "SEA", "STRT", "GULF", "CONT", "BRDR"}
#: titles before a person's name
_TITLES = frozenset("president mr mrs ms dr sen rep gov coach officer judge sheriff".split())
#: words naming a town's own services and people ("Huntsville Fire", "Athens Parks")
LOCAL_BODIES = frozenset(
    "fire police sheriff sheriff's county city parks mayor council councillors township "
    "board clerk elks labour marine volunteer residents man woman schools".split()
)
#: the population from which a city's name inside an organisation's name is the city
_LARGE_CITY = 250_000
#: party letters before a lawmaker's home town ("Marty Seifert, R-Marshall")
_PARTIES = {"R", "D", "I", "DFL"}
#: generic words that are also the names of towns somewhere
_GENERIC = frozenset(
    "street road avenue police court center centre university college hall city county "
    "park lake church bank union supreme officer leader man vice river district department "
    "office school high state national new old ridge hill trail middle north south east west "
    "northwest northeast southwest southeast central of al god march may mary wilderness "
    "superior liberty independence victoria paradise metro northern southern eastern "
    "western federal jewish earth valley commerce airport port downtown area village island "
    "council market forest lakes garden star justice herald creek hills time to day fort lane "
    "camp beach bay cape bridge station hospital region congress senate parliament assembly "
    "capitol media homeland freedom les la le el los las du des der die das".split()
)
#: small words inside many-word names ("Dar es Salaam", "San Cristobal de las Casas")
_PARTICLES = frozenset("es de del la las los el al da do dos das di du des".split())
#: lower-case articles of other languages: a name after one is part of a foreign
#: phrase ("ministère de la Défense"), not a place, unless it is a large one
_FOREIGN_ARTICLES = frozenset("la le les l' el los las du des della del dei der die das".split())
#: words after a name that make it part of a street, facility or feature name
#: ("Cooper Street", "Worden Elementary", "Garnett Ridge"): the town is not meant
_NAME_PARTS = frozenset(
    "street st. road rd. avenue ave. drive dr. boulevard blvd. lane ln. way circle terrace "
    "parkway place center centre elementary academy memorial mall plaza ridge valley creek "
    "hill hills edge view ranch park lake river mountain bridge".split()
)


@dataclass
class Mention:
    """A toponym found in the text (token offsets into the parse)."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    label: str
    qualifier: str | None = None

    @property
    def char_span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _words(span: Span) -> list[tuple[int, int]]:
    """Sub-spans (token start, end) of a span, longest first."""
    n = len(span)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, min(n, i + _MAX_WORDS) + 1)]
    pairs.sort(key=lambda p: (p[0] - p[1], p[0]))
    return [(span.start + i, span.start + j) for i, j in pairs]


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _cued(sub: Span) -> bool:
    """A locative word before the name, a state after it, or a dateline position."""
    doc = sub.doc
    before = doc[sub.start - 1].lower_ if sub.start > 0 else ""
    after = doc[sub.end : sub.end + 2]
    if before in CUE_WORDS or sub.start == 0 or sub.text.isupper():
        return True
    if before == "-" and sub.start > 1 and doc[sub.start - 2].text in _PARTIES:
        return True
    if sub[-1].dep_ == "compound" and sub[-1].head.ent_type_ != "PERSON":
        return True
    if sub[-1].dep_ in {"dobj", "nsubjpass"} and sub[-1].head.lemma_.lower() in GROUND_VERBS:
        return True  # "captured Badme"
    return len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper()


def _acceptable(entries: tuple[Entry, ...], label: str, sub: Span) -> bool:
    """Whether a match outside a GPE/LOC/FAC entity is a toponym."""
    if label in _GEO_LABELS:
        return True
    if any(e.feature in _STRONG and e.main for e in entries):
        return True
    if label == "PERSON" and len(sub) == 1 and no_name_word(sub) and not _acts(sub[0]):
        return any(e.main for e in entries)
    if label == "NORP" and any(e.main and e.population >= _LARGE_CITY for e in entries):
        return True  # "the crowded Sochi mayoral election": a city as a modifier, no demonym
    return _cued(sub) and any(
        e.main and (e.population >= 1_000 or e.feature == "ADMD") for e in entries
    )


def _acts(token: Token) -> bool:
    """Whether a lone name acts like a person: a clause's subject ("Welch said"), or
    after a title ("President Obama")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    titled = before is not None and (before.text.endswith(".") or before.lower_ in _TITLES)
    return token.dep_ in SUBJECT_DEPS or titled


def _before_local_bodies(span: Span) -> list[tuple[int, int]]:
    """ "Huntsville Fire", "Anderson County Sheriff": a town before the name of its
    own service, which the small model often reads as a person's name."""
    return [
        (span.start, k)
        for k in range(span.end - 1, span.start, -1)
        if span.doc[k].lower_ in LOCAL_BODIES
    ]


def _readings(sub: Span, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The readings a name's form allows.

    An acronym ("IS", "NATO"), away from a dateline, names a country, a
    subdivision or a region by its code, never a village that happens to be
    spelt so; a name after a foreign article ("de la Défense") is only a large place.
    """
    first = sub[0]
    acronym = len(sub) == 1 and first.text.isupper() and len(first.text) <= 5
    after = sub.doc[first.i + 1].text if first.i + 1 < len(sub.doc) else ""
    if acronym and first.i > 3 and after not in {"—", "–", "-", "--", ","}:  # "XENIA —"
        return tuple(e for e in entries if e.feature != "PPL")
    before = sub.doc[first.i - 1].text if first.i > 0 else ""
    if before in _FOREIGN_ARTICLES:
        return tuple(e for e in entries if e.feature in _STRONG or e.population >= 100_000)
    return entries


def _prominent(entries: tuple[Entry, ...]) -> bool:
    """A country, a subdivision or a large city under its own name, which an
    organisation's name anywhere still names ("Environment Canada", "Metro Vancouver")."""
    return any(
        e.main and (e.feature in {"PCLI", "ADM1"} or e.population >= _LARGE_CITY) for e in entries
    )


def _name_part(sub: Span, entries: tuple[Entry, ...]) -> bool:
    """A town name inside a longer name: before a street or facility word, or a surname."""
    if any(e.feature in _STRONG and e.main for e in entries):
        return False
    after = sub.doc[sub.end] if sub.end < len(sub.doc) else None
    if after is None or not _capitalised(after.text):
        return False
    return after.lower_ in _NAME_PARTS or (
        after.ent_type_ == "PERSON" and sub[-1].ent_type_ in {"PERSON", ""}
    )


def _name_starts(span: Span) -> set[int]:
    """Where a place may start inside an organisation's name.

    At its start ("the Ohio Department of Development"), after a direction word
    ("the East Texas Environmental Concerns Organization"), or after a closing
    "of"/"in" ("the University of Rochester", "St. John's Lutheran School in Lombard").
    """
    first = span.start + int(span[0].lower_ in {"the", "a", "an"})
    starts = {first}
    if span.doc[first].lower_ in DIRECTIONS and first + 1 < span.end:
        starts.add(first + 1)
    for token in span[:-1]:
        if token.lower_ in {"of", "in"}:
            starts.update(range(token.i + 1, span.end))
    return starts


class _Finder:
    def __init__(self, doc: Doc, gazetteer: Gazetteer, demonyms: frozenset[str]) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.demonyms = demonyms
        self.taken = [False] * len(doc)
        self.found: list[Mention] = []
        #: words the document writes in lower case ("crystal" of "crystal meth")
        self.common = {t.text for t in doc if t.is_lower}

    def match(self, span: Span, label: str) -> None:
        pieces = self._pieces(span) if label not in _GEO_LABELS else [span]
        if len(pieces) > 1:
            for piece in pieces:
                self.match(piece, label)
            return
        if len(span) > 1 and span[-1].lower_ in _ORGANISATION_HEADS:
            label = "ORG"  # "the Bluegrass Rain Garden Alliance", whatever the parser says
        span = self._with_particles(_with_abbreviation(span))
        if len(span) > 1 and span[-1].lower_ in {"'s", "’s"}:  # "Sri Lanka's" as a PERSON
            span = span[:-1]
        pairs = _words(span)
        starts = None
        local: list[tuple[int, int]] = []
        if label in {"PERSON", "NORP"}:
            local = _before_local_bodies(span)
            pairs = [(span.start, span.end), *local]
        elif label not in _GEO_LABELS and label:
            starts = _name_starts(span)
        for start, end in pairs:
            if any(self.taken[start:end]):
                continue
            sub = self.doc[start:end]
            if not self._plausible(sub, label):
                continue
            before_service = (start, end) in local
            entries = self.gazetteer.lookup(sub.text)
            # an abbreviation with its period ("Alta.") over a namesake town ("Alta")
            dotted = self.abbreviation(sub)
            strong = any(e.feature in _STRONG for e in dotted) and not sub.text.isupper()
            if dotted and (not entries or strong):  # not "the PA." ending a sentence
                entries = dotted
                # the period joins the name unless it also ends the sentence ("U.S..")
                end += int(self.doc[end].text == ".")
            entries = _readings(sub, entries)
            if before_service:  # "Huntsville Fire": the service words are no name part
                accepted = any(e.main for e in entries)
            elif starts is not None and start not in starts:  # inside an organisation's name
                accepted = _prominent(entries) and not _name_part(sub, entries)
            else:
                accepted = _acceptable(entries, label, sub) and not _name_part(sub, entries)
            if entries and accepted:
                self.add(start, end, entries, label)

    def _pieces(self, span: Span) -> list[Span]:
        """A non-place entity split where punctuation shows it is two names.

        A spaced dash divides ("Trump - Wisconsin" read as one PERSON); a comma only
        before a subdivision or a country ("Wainwright, Alta" read as one ORG).
        """
        cuts = []
        for token in span[1:-1]:
            spaced = bool(token.whitespace_) and bool(token.nbor(-1).whitespace_)
            if token.text in DASHES and spaced:  # not "Wal-Mart", "Webb-Lawton"
                cuts.append(token.i)
            elif token.text == "," and self._area_after(token.i + 1, span.end):
                cuts.append(token.i)
        if not cuts:
            return [span]
        bounds = [span.start, *cuts, span.end]
        pieces = [self.doc[a + int(a != span.start) : b] for a, b in itertools.pairwise(bounds)]
        return [piece for piece in pieces if len(piece)]

    def _area_after(self, start: int, end: int) -> bool:
        sub = self.doc[start:end]  # "Alta." as well as Alta, Utah
        entries = self.gazetteer.lookup(sub.text) + self.abbreviation(sub)
        return any(e.main and e.feature in {"ADM1", "PCLI"} for e in entries)

    def abbreviation(self, sub: Span) -> tuple[Entry, ...]:
        """The readings of a name with the period after it ("Alta.", "Ky."), if one follows."""
        if sub.end < len(self.doc) and self.doc[sub.end].text.startswith("."):
            return self.gazetteer.lookup(sub.text + ".")
        return ()

    def _with_particles(self, span: Span) -> Span:
        """The span with the rest of a name joined by particles that the entity left
        out ("DAR" of "DAR ES SALAAM", "San Cristobal" of "San Cristobal de las Casas")."""
        doc = self.doc
        best = span
        end = span.end
        while end < len(doc) and end - span.end < 3 and not self.taken[end]:
            word = doc[end].text
            if not (word.lower() in _PARTICLES or _capitalised(word)) or not word.isalpha():
                break
            end += 1
            if doc[end - 1].lower_ not in _PARTICLES and self.gazetteer.has(
                doc[span.start : end].text
            ):
                best = doc[span.start : end]
        return best

    def spans(self) -> list[Span]:
        """The token spans of the toponyms found so far that a list can lean on: those
        the model labelled places, countries and subdivisions, and those after a
        locative word ("near Tabriz")."""
        spans = (self.doc.char_span(m.start, m.end) for m in self.found)
        found = zip(self.found, spans, strict=True)
        return [
            span
            for m, span in found
            if span is not None
            and (
                m.label in {"GPE", "LOC"}
                or any(e.main and e.feature in _STRONG for e in m.entries)
                or (span.start > 0 and self.doc[span.start - 1].lower_ in CUE_WORDS)
            )
        ]

    def plausible(self, sub: Span) -> bool:
        """Whether a span outside any found name could be one (see ``_plausible``)."""
        return self._plausible(sub, "")

    def _plausible(self, sub: Span, label: str) -> bool:
        first, last = sub[0], sub[-1]
        if first.is_punct or last.is_punct or first.lower_ in {"the", "a", "an"}:
            return False
        if sub.text in self.demonyms:
            return False
        if sub.text.rstrip("s") in self.demonyms and label != "GPE":  # not "Philippines"
            return False
        if len(sub) == 1 and first.lower_ in _GENERIC and not _placed(sub, label):
            return False
        if len(sub) == 1 and first.is_sent_start and first.is_title and first.lower_ in self.common:
            return False  # "Crystal meth is ..." where the text also says "crystal meth"
        if not any(_capitalised(t.text) for t in sub):  # "crystal meth", even labelled LOC
            return False
        if label in _GEO_LABELS:
            return True
        if not all(_capitalised(t.text) or t.lower_ in {"of", *_PARTICLES} for t in sub):
            return False
        return label != "" or all(t.pos_ == "PROPN" or t.text.isupper() for t in sub)

    def as_county(self, start: int, end: int, entries: tuple[Entry, ...]) -> None:
        """Read ``doc[start:end]`` as a county, replacing a town found there."""
        span = self.doc[start:end]
        for mention in self.found:
            if (mention.start, mention.end) == (span.start_char, span.end_char):
                mention.entries = entries
        if not any(self.taken[start:end]):
            self.add(start, end, entries, "")

    def add(self, start: int, end: int, entries: tuple[Entry, ...], label: str) -> None:
        qualifier = None
        before = self.doc[start - 1] if start > 0 else None
        if before is not None and before.lower_ in DIRECTIONS and not self.taken[start - 1]:
            qualified = self.gazetteer.lookup(f"{before.text} {self.doc[start:end].text}")
            qualifier = DIRECTIONS[before.lower_]
            if qualified and not _namesake_town(qualified, entries):
                entries = qualified
            start -= 1
        for i in range(start, end):
            self.taken[i] = True
        span = self.doc[start:end]
        self.found.append(
            Mention(span.start_char, span.end_char, span.text, entries, label, qualifier)
        )


def _namesake_town(qualified: tuple[Entry, ...], entries: tuple[Entry, ...]) -> bool:
    """ "South Lebanon" the Ohio village, when the words also name a part of a country:
    only towns bear the whole name, and the rest of it is a country ("south Lebanon" is
    Lebanon's south; "South Sudan" and "West Darfur" name a country and a state)."""
    towns = all((e.feature or "").startswith("PPL") for e in qualified)
    return towns and any(e.feature == "PCLI" for e in entries)


def find_mentions(
    doc: Doc, gazetteer: Gazetteer, demonyms: frozenset[str], found: list[Span]
) -> list[Mention]:
    """Every toponym of a parsed document, in text order; the demonyms ``found`` in it
    (by :func:`demonym_spans`) are left out."""
    finder = _Finder(doc, gazetteer, demonyms)
    for span in found:
        if len(span) > 1:  # one word is refused by ``_plausible``, with its plural
            finder.taken[span.start : span.end] = [True] * len(span)
    ents = list(doc.ents)
    for ent in ents:
        if ent.label_ in _GEO_LABELS:
            finder.match(ent, ent.label_)
    for ent in ents:
        if ent.label_ not in _GEO_LABELS and ent.label_ not in _SKIP_LABELS:
            finder.match(ent, ent.label_)
    for run in _proper_runs(doc, finder.taken):
        finder.match(run, "")
    lowers = [t.lower_ for t in doc]
    county_lists(doc, lowers, finder)
    _repeats(doc, lowers, finder)
    add_conjuncts(finder)
    finder.found.sort(key=lambda m: m.start)
    return without_person_words(doc, finder.found)


def _placed(sub: Span, label: str) -> bool:
    """A place name after a locative word ("in Independence", "near Paradise")."""
    doc = sub.doc
    before = doc[sub.start - 1].lower_ if sub.start > 0 else ""
    whole = sub.end == len(doc) or doc[sub.end].ent_iob_ != "I"  # not "in North London"
    return label == "GPE" and whole and before in {"in", "near", "outside", "from"}


def _with_abbreviation(span: Span) -> Span:
    """The span with the abbreviation before it that the entity left out ("ST. PAUL")."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in _ABBREVIATIONS:
        return span.doc[span.start - 1 : span.end]
    return span


def _proper_runs(doc: Doc, taken: list[bool]) -> list[Span]:
    """Runs of proper nouns (or all-capital words, "ISLE OF PALMS") outside any entity."""
    runs: list[Span] = []
    start = None
    for token in doc:
        inside = token.ent_type_ != "" or taken[token.i]
        joins = start is not None and token.text == "OF"  # "ISLE OF PALMS"
        word = not inside and (
            token.pos_ == "PROPN" or (token.is_upper and len(token) > 2) or joins
        )
        if word and start is None:
            start = token.i
        elif not word and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return runs


def _repeats(doc: Doc, lowers: list[str], finder: _Finder) -> None:
    """One sense per document: a name read as a place once is a place wherever it recurs.

    The small model labels the same word differently from sentence to sentence
    ("Gainesville business owners" as a PERSON, "in Edmonton" as an ORG); a
    document seldom uses one name for a place and for something else. A word of a
    longer person's name ("Jordan" in "Michael Jordan") is left alone.
    """
    names: dict[tuple[str, ...], tuple[Entry, ...]] = {}
    known_surnames = surnames(doc)
    for mention in finder.found:
        span = doc.char_span(mention.start, mention.end)
        if span is None or mention.qualifier is not None or mention.label not in {"GPE", "LOC"}:
            continue
        key = tuple(t.lower_ for t in span)
        if key not in known_surnames:
            names.setdefault(key, mention.entries)
    longest = max((len(key) for key in names), default=0)
    firsts = {key[0] for key in names}
    for start, word in enumerate(lowers):
        if word not in firsts:
            continue
        for end in range(min(len(doc), start + longest), start, -1):
            entries = names.get(tuple(lowers[start:end]))
            if entries is None or any(finder.taken[start:end]):
                continue
            if (
                _capitalised(doc[start].text)
                and not doc[start].is_stop
                and not in_longer_person(doc[start:end])
            ):
                finder.add(start, end, entries, "")
            break
