"""Build eventwatch's actor dictionaries from the Phoenix/PETRARCH2 and NGEC ones (run once).

    .venv/bin/python scripts/convert_dictionaries.py [--shared ../shared]

Reads ``data/dictionaries/`` of the shared folder (MIT; Open Event Data
Alliance and the NGEC project) and writes three files of the package, which
are committed as the project's data:

``stages/actors/data/cameo_countries.tsv``
    CAMEO's country codes that are not ISO 3166 alpha-3 (historical states,
    Correlates-of-War letter codes from NGEC's ``cow2iso.txt``) -> ISO.
``stages/actors/data/actors.tsv``
    the named actors of ``Phoenix.Countries/International/MilNonState.actors.txt``:
    people with their dated offices, and organisations, their CAMEO codes
    read as our country and PLOVER sector codes; forms that the project's own
    tables already know are left to them (the extra forms of the same actor
    become ``alias`` rows of the project's entry), forms that two different
    actors claim are dropped, and titles are cut off forms ("US PRESIDENT
    BARACK OBAMA" is "Barack Obama": the coder reads titles in the text), and
    a person's surname alone is no form (a titled surname takes the country of
    the people who bear it, and a surname after the full name takes its reading).
``stages/actors/data/agents.tsv``
    the agent nouns of NGEC's ``PLOVER_agents.txt`` (PLOVER codes) and of
    ``Phoenix.agents.txt`` (CAMEO codes, converted; PLOVER's entry wins), as
    lower-case lemmas. A one-word phrase is kept when one of its two most
    frequent WordNet senses names a person or a group, or the first names a
    place, an artefact or a medium (a word WordNet does not know is kept): the
    lists also hold adjectives ("ISLAMIC", "NAVAL") and nouns of acts and ideas
    ("UPRISING", "CAPITAL") that make no actor of a noun phrase they head.
    Rank words ("DEPUTY") are modifiers, not roles. Longer phrases name their
    actor by the whole ("REBEL FORCE") and are all kept.

Nothing here runs at coding time: the package reads only the written files.
It needs WordNet's database (Debian: ``apt-get install wordnet-base``).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwatch.exceptions import DictionaryError
from eventwatch.resources import Resources
from eventwatch.resources.countries import read_countries
from eventwatch.resources.wordlists import read_rows, split_cell
from eventwatch.stages.actors._cameo import RESERVED_PARTS, CameoCodes, CameoError
from eventwatch.stages.actors._tabari import display_form, parse_actors
from eventwatch.stages.actors.dictionary import (
    SECTORS,
    ActorDictionary,
    DictionaryEntry,
    tabari_entry,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventwatch" / "stages" / "actors" / "data"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

HEADER = """\
# Converted by scripts/convert_dictionaries.py from {sources}
# (MIT licence; Copyright (c) 2014 Open Event Data Alliance and the NGEC project,
# https://github.com/openeventdata/petrarch2 and https://github.com/ahalterman/NGEC-2025;
# the licence text is in docs/licences/MIT-dictionaries.txt). Regenerate, do not edit.
"""

#: CAMEO's own codes for states that are gone or have no ISO code, by CAMEO's definitions
LEGACY_STATES = {
    "USR": ("RUS", "Soviet Union (USSR)"),
    "SUN": ("RUS", "Soviet Union"),
    "YUG": ("SRB", "Yugoslavia"),
    "FRY": ("SRB", "Federal Republic of Yugoslavia"),
    "SCG": ("SRB", "Serbia and Montenegro"),
    "CSK": ("CZE", "Czechoslovakia"),
    "DDR": ("DEU", "German Democratic Republic"),
    "TMP": ("TLS", "East Timor"),
    "KSV": ("XKX", "Kosovo (World Bank code)"),
    "KOS": ("XKX", "Kosovo (PLOVER's code)"),
    "SRP": ("BIH", "Republika Srpska"),
    "KRJ": ("HRV", "Republic of Serbian Krajina"),
}

#: words that stand before a name as (part of) its title, beside the sector phrases
TITLE_MODIFIERS = set(
    "former ex late acting then current new deputy vice mr mrs ms dr sir lady baroness lord "
    "sheikh sheik gen col lt gov sen rep adm maj capt sgt pres amb".split()
)

#: PLOVER agents whose UNK row names a place or a thing, no actor ("REGION", "LAND")
NOT_ACTORS = {"continent", "land", "region", "political entity"}
#: words of rank that modify a title ("deputy minister"), no role of their own
RANK_WORDS = {"deputy", "vice", "assistant", "acting", "associate", "interim", "senior", "junior"}
#: WordNet lexicographer files of senses that make a noun an actor's: one of its two most
#: frequent senses in these ...
ACTOR_SENSES = {"noun.person", "noun.group", "noun.Tops"}
#: ... or the most frequent sense of these (places, equipment, media: CAMEO codes them too)
FIRST_SENSES = {"noun.location", "noun.artifact", "noun.communication"}
_LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time"
).split()


class WordNet:
    """The most frequent sense of a noun, from WordNet's database files."""

    def __init__(self, root: Path = Path("/usr/share/wordnet")) -> None:
        if not (root / "index.noun").is_file():
            raise SystemExit(f"WordNet's database is not in {root}: apt-get install wordnet-base")
        self.offsets: dict[str, list[int]] = {}  # noun -> its synsets, most frequent first
        for line in (root / "index.noun").read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue
            parts = line.split()
            synsets, pointers = int(parts[2]), int(parts[3])
            first = 4 + pointers + 2
            self.offsets[parts[0]] = [int(o) for o in parts[first : first + synsets]]
        self.adjectives = {
            line.split()[0]
            for line in (root / "index.adj").read_text("latin-1").splitlines()
            if not line.startswith(" ")
        }
        self.data = (root / "data.noun").read_bytes()
        #: words WordNet writes in lower case somewhere: common nouns and adjectives
        self.common: set[str] = set()
        for part in ("noun", "adj"):
            for line in (root / f"data.{part}").read_text("latin-1").splitlines():
                if line.startswith(" "):
                    continue
                fields = line.split()
                count = int(fields[3], 16)
                for lemma in fields[4 : 4 + 2 * count : 2]:
                    word = lemma.split("(")[0]
                    if word.islower():
                        self.common.update(word.split("_"))

    def senses(self, word: str) -> list[str]:
        """The lexicographer files of a noun's senses ("noun.person"), most frequent first."""
        key = word.replace(" ", "_")
        offsets = self.offsets.get(key) or self.offsets.get(key.replace("-", "_"), [])
        return [_LEXNAMES[int(self.data[o : o + 40].split()[1])] for o in offsets]

    def names_an_actor(self, word: str) -> bool | None:
        senses = self.senses(word)
        if not senses:
            return None
        return bool(ACTOR_SENSES.intersection(senses[:2])) or senses[0] in FIRST_SENSES

    def names_who_acts(self, word: str, lemma: str) -> bool:
        """Whether a one-word agent noun names who can act (see the module docstring)."""
        for form in (word, lemma):
            verdict = self.names_an_actor(form)
            if verdict is not None:
                return verdict
        return word not in self.adjectives


#: PLOVER codes of words that are no actors at all (weekdays, disasters, "the West")
NO_ACTOR_CODES = {"NON", "JNK"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    source = args.shared / "data" / "dictionaries"
    countries = list(read_countries())
    write_cameo_countries(source / "cow2iso.txt", {c.iso3 for c in countries})
    cameo = CameoCodes.load(countries)
    known = ProjectNames.load()
    entries, aliases = convert_actors(source, cameo, known)
    write_actors(entries, aliases)
    write_agents(source, cameo, known)
    return 0


# ----------------------------------------------------------------- country codes


def write_cameo_countries(cow_file: Path, iso: set[str]) -> None:
    rows: dict[str, tuple[str, str]] = {
        code: (iso3, f"CAMEO: {name}") for code, (iso3, name) in LEGACY_STATES.items()
    }
    latest: dict[str, tuple[int, str, str]] = {}
    with cow_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cow, iso3 = row["cow3"].strip(), row["iso3"].strip()
            if not cow or cow in iso or cow in RESERVED_PARTS or iso3 not in iso:
                continue  # an ISO code already, a CAMEO region or role, or no state today
            until = int(row["valid_until"]) if row["valid_until"].strip() else 9999
            if until >= latest.get(cow, (0, "", ""))[0]:
                latest[cow] = (until, iso3, row["cname"].strip())
    for cow, (_until, iso3, name) in sorted(latest.items()):
        rows.setdefault(cow, (iso3, f"COW: {name}"))
    lines = [
        HEADER.format(sources="CAMEO's country codes and NGEC's cow2iso.txt"),
        "# CAMEO country codes that are no ISO 3166 alpha-3 code, and the ISO code they read as.\n",
        "#code\tiso3\tsource\n",
    ]
    lines += [f"{code}\t{iso3}\t{name}\n" for code, (iso3, name) in sorted(rows.items())]
    (DATA / "cameo_countries.tsv").write_text("".join(lines), "utf-8")
    print(f"cameo_countries.tsv: {len(rows)} codes")


# ------------------------------------------------------------------ named actors


def fold(form: str) -> str:
    return " ".join(form.replace("’", "'").split()).casefold()


@dataclasses.dataclass
class ProjectNames:
    """The names the project's own tables know, folded, and what they belong to."""

    #: folded form -> the project's form (exact) that an alias row points at
    forms: dict[str, str]
    #: folded forms of people.yaml people
    people: set[str]
    #: ISO code -> the country's name and its folded names and aliases
    countries: dict[str, tuple[str, set[str]]]
    #: lower-case sector phrases of sectors.tsv
    sectors: set[str]
    #: what may stand before a name as its title: sector phrases, modifiers, country words
    titles: set[str]
    places: Resources

    @classmethod
    def load(cls) -> ProjectNames:
        forms: dict[str, str] = {}

        def add(names: Iterable[str], target: str) -> None:
            for name in names:
                forms.setdefault(fold(name), target)

        countries: dict[str, tuple[str, set[str]]] = {}
        for country in read_countries():
            add(
                [country.name, *country.aliases, *country.demonyms, *country.capitals], country.name
            )
            names = {fold(n) for n in (country.name, *country.aliases)}
            countries[country.iso3] = (country.name, names)
        for code, name, aliases, _sector, _parent in read_rows(
            "eventwatch.stages.actors", "igos.tsv", 5
        ):
            add([code, name, *split_cell(aliases)], name)
        resources = Resources()
        for institution in resources.institutions:
            add(institution.names, institution.names[0])
        people: set[str] = set()
        for entry in ActorDictionary.builtin().entries:
            add([entry.name, *entry.aliases], entry.name)
            people.update(fold(f) for f in (entry.name, *entry.aliases))
        sectors = {p for p, _s, _k in read_rows("eventwatch.stages.actors", "sectors.tsv", 3)}
        titles = sectors | TITLE_MODIFIERS
        titles |= {
            f for f, target in forms.items() if target in {c for c, _n in countries.values()}
        }
        return cls(forms, people, countries, sectors, titles, resources)


def horizon_of(text: str) -> dt.date:
    """The last date a dictionary mentions: what it knew of, as far as it goes."""
    dates = []
    for match in re.finditer(r"[\s>\-<](\d{8}|\d{6})[\]\s-]", text):
        digits = match.group(1)
        try:
            if len(digits) == 6:
                year = int(digits[:2]) + (2000 if int(digits[:2]) <= 30 else 1900)
                dates.append(dt.date(year, int(digits[2:4]), int(digits[4:6])))
            else:
                dates.append(dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])))
        except ValueError:
            continue
    return max(d for d in dates if d.year <= 2020)


def convert_actors(
    source: Path, cameo: CameoCodes, known: ProjectNames
) -> tuple[list[DictionaryEntry], dict[str, list[str]]]:
    entries: list[DictionaryEntry] = []
    aliases: dict[str, list[str]] = defaultdict(list)  # project form -> extra forms
    texts = {filename: (source / filename).read_text("utf-8") for filename in ACTOR_FILES}
    horizon = max(horizon_of(text) for text in texts.values())
    print(f"open-ended offices end at {horizon}, the last date the dictionaries mention")
    for filename, text in texts.items():
        problems: list[DictionaryError] = []
        actors = parse_actors(text, path=filename, cameo=cameo, problems=problems)
        kept = 0
        for actor in actors:
            entry = tabari_entry(actor, horizon=horizon)
            if entry is None:
                continue
            if filename.endswith("MilNonState.actors.txt") or (
                entry.country is None and entry.sector == "BUS"
            ):
                entry = dataclasses.replace(entry, person=False)  # armed groups; companies
            elif "CountryInfo" in actor.note:
                entry = dataclasses.replace(entry, person=True)  # CountryInfo lists people
            country, names = known.countries.get(entry.country or "", ("", set()))
            if fold(actor.forms[0]) in names:  # a country's own block: its long names, as aliases
                name = f" {fold(actor.forms[0])} "
                aliases[country] += [display_form(f) for f in actor.forms if name in f" {fold(f)} "]
                continue
            if not _has_sector(entry):
                continue  # a place ("[GBRGIB]"): the country table and the gazetteer have those
            entries.append(entry)
            kept += 1
        reasons = Counter(p.message.split(": ", 1)[-1].split(" ")[0] for p in problems)
        print(
            f"{filename}: {len(actors)} actors, {kept} kept, "
            f"{len(problems)} lines skipped ({dict(reasons.most_common(4))})"
        )
    wordnet = WordNet()
    entries = _deduplicate(entries, known, aliases, wordnet)
    for target, forms in aliases.items():
        person = fold(target) in known.people
        untitled = (_without_title(f, known.titles) if person else f for f in forms)
        aliases[target] = [
            f
            for f in dict.fromkeys(untitled)
            if fold(f) not in known.forms
            and _worth_a_form(f)
            and not known.places.gazetteer.has(f)
            and not (" " not in f and (person or _common_word(f, wordnet)))
            and not (" " not in f and fold(target).startswith(fold(f)))  # "Al-Aqsa" of a name
            and not (not person and _generic(f, wordnet))
            and not (fold(target) in known.people and fold(f).split()[-1] in known.sectors)
        ]
    return entries, aliases


def _has_sector(entry: DictionaryEntry) -> bool:
    return entry.sector is not None or any(o.sector is not None for o in entry.offices)


def _worth_a_form(form: str) -> bool:
    letters = sum(c.isalpha() for c in form)
    return letters >= 3 and "," not in form and not form.isdigit()


def _deduplicate(
    entries: list[DictionaryEntry],
    known: ProjectNames,
    aliases: dict[str, list[str]],
    wordnet: WordNet,
) -> list[DictionaryEntry]:
    """One entry per actor, forms no project table has, none that two actors claim."""
    merged: dict[tuple[str, bool], DictionaryEntry] = {}
    for entry in entries:  # the same actor in two blocks or files: one entry
        key = (fold(entry.name), entry.person)
        if key in merged:
            first = merged[key]
            merged[key] = dataclasses.replace(
                first,
                aliases=tuple(dict.fromkeys((*first.aliases, *entry.aliases))),
                offices=first.offices + entry.offices,
            )
        else:
            merged[key] = entry
    for key, entry in merged.items():
        if entry.person:
            untitled = dict.fromkeys(
                _without_title(f, known.titles) for f in (entry.name, *entry.aliases)
            )
            name, *others = untitled
            merged[key] = dataclasses.replace(entry, name=name, aliases=tuple(others))
    claims: dict[str, set[tuple[str, bool]]] = defaultdict(set)
    for key, entry in merged.items():
        for form in (entry.name, *entry.aliases):
            claims[fold(form)].add(key)
    out = []
    for entry in merged.values():
        forms = [entry.name, *entry.aliases]
        folded = [fold(f) for f in forms]
        if folded[0] in known.forms:
            aliases[known.forms[folded[0]]] += forms  # the project's own entry, by more names
            continue
        if entry.person and any(f in known.people for f in folded):
            continue  # people.yaml knows this person, for the years after the dictionary too
        keep = [
            form
            for form, f in zip(forms, folded, strict=True)
            if f not in known.forms
            and len(claims[f]) == 1
            and f not in known.sectors
            and _worth_a_form(form)
            and not (entry.person and f.split()[-1] in known.sectors)  # "Reagan administration"
            and not (entry.person and " " not in f)  # a surname alone: the text's titles decide
            and not (" " not in f and not entry.person and _common_word(f, wordnet))
            and not (not entry.person and _generic(f, wordnet))
            and not (not entry.person and sum(c.isalpha() for c in f) <= 3)  # "NTA", "UDA"
        ]
        if not keep:
            continue
        out.append(dataclasses.replace(entry, name=keep[0], aliases=tuple(keep[1:])))
    return out


def _generic(form: str, wordnet: WordNet) -> bool:
    """A short name made of common words only ("National Front", "Human Rights"): many
    groups in many countries go by it, so it names none of them."""
    words = form.casefold().replace("-", " ").replace("'s", "").split()
    common = [w for w in words if w not in _PARTICLES]
    return len(words) <= 3 and all(
        w in wordnet.common or w in _CALENDAR or w.isdigit() for w in common
    )


#: day and month names, which WordNet writes capitalised but are common words of dates
_CALENDAR = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def _common_word(form: str, wordnet: WordNet) -> bool:
    """A word whose most frequent sense names no group ("Justice", "Pacific"), not "Hamas"."""
    senses = wordnet.senses(form.casefold())
    return bool(senses) and senses[0] not in {"noun.group", "noun.person"}


_PARTICLES = {"of", "for", "and", "the", "in", "on"}


def _without_title(form: str, titles: set[str]) -> str:
    """ "US President Barack Obama" -> "Barack Obama"; "President Reagan" -> "Reagan"."""
    words = form.split()
    cut = 0
    while cut < len(words) - 1:
        for k in range(len(words) - 1, cut, -1):
            phrase = " ".join(w.casefold() for w in words[cut:k])
            bare = phrase.strip(".").replace("-", " ")
            if (phrase in titles or bare in titles) and words[k].casefold() not in _PARTICLES:
                cut = k  # never leave "of Canada" of "Bank of Canada"
                break
        else:
            break
    return " ".join(words[cut:])


def _codes(country: str | None, sector: str | None) -> str:
    return f"{country or '-'} {sector or '-'}"


def write_actors(entries: list[DictionaryEntry], aliases: dict[str, list[str]]) -> None:
    lines = [
        HEADER.format(sources="Phoenix.Countries/International/MilNonState.actors.txt"),
        "# Named actors. kind: person, group, or alias (more forms of the project's own entry\n",
        "# named in `name`). forms: other names, |-separated, matched in any case the text\n",
        "# capitalises them. codes: country (ISO alpha-3, IGO, or -) and PLOVER sector (or -)\n",
        "# outside the offices; offices: |-separated 'country sector start end' (- = open).\n",
        "#kind\tname\tforms\tcodes\toffices\n",
    ]
    for entry in sorted(entries, key=lambda e: (fold(e.name), e.person)):
        offices = "|".join(
            f"{_codes(o.country, o.sector)} {o.start or '-'} {o.end or '-'}" for o in entry.offices
        )
        kind = "person" if entry.person else "group"
        lines.append(
            f"{kind}\t{entry.name}\t{'|'.join(entry.aliases)}\t"
            f"{_codes(entry.country, entry.sector)}\t{offices}\n"
        )
    for target, forms in sorted(aliases.items()):
        if forms:
            lines.append(f"alias\t{target}\t{'|'.join(forms)}\t\t\n")
    (DATA / "actors.tsv").write_text("".join(lines), "utf-8")
    people = sum(e.person for e in entries)
    print(
        f"actors.tsv: {people} people, {len(entries) - people} groups, "
        f"{sum(1 for f in aliases.values() if f)} alias rows, "
        f"{sum(1 + len(e.aliases) for e in entries)} forms"
    )


# ------------------------------------------------------------------- agent nouns


def agent_rows(path: Path) -> Iterator[tuple[str, str, int]]:
    """(phrase, code, line) of a PETRARCH agents file, substitutions and plurals expanded."""
    markers: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        if "[" not in line:
            continue
        phrase, _, code = line.partition("[")
        code = code.partition("]")[0].strip()
        plural: str | None = None
        if "{" in phrase:
            phrase, _, inner = phrase.partition("{")
            plural = inner.partition("}")[0].strip()
        forms = [phrase.strip()] + ([plural] if plural else [])
        for form in forms:
            marker = re.search(r"!(\w+)!", form)
            if marker:
                for value in markers.get(marker.group(1), []):
                    yield form.replace(marker.group(0), value), code, number
            else:
                yield form, code, number


def _plover_sectors(code: str) -> list[str]:
    parts = [code.strip("~")[i : i + 3] for i in range(0, len(code.strip("~")), 3)]
    return [p for p in parts if p in SECTORS]


def write_agents(source: Path, cameo: CameoCodes, known: ProjectNames) -> None:
    import spacy

    config = tomllib.loads((ROOT / "src/eventwatch/pipeline/default_config.toml").read_text())
    nlp = spacy.load(config["nlp"]["model"], disable=["ner", "parser"])
    sectors: dict[str, list[str]] = {}
    origin: dict[str, str] = {}
    skipped = Counter[str]()
    for filename, plover in (("PLOVER_agents.txt", True), ("Phoenix.agents.txt", False)):
        for form, code, _number in agent_rows(source / filename):
            phrase = " ".join(form.replace("_", " ").lower().split())
            if not phrase or phrase in NOT_ACTORS:
                skipped["place"] += 1
                continue
            if plover:
                if code.strip("~")[:3] in NO_ACTOR_CODES:
                    skipped["no actor"] += 1
                    continue
                found = _plover_sectors(code)
            else:
                try:
                    reading = cameo.read(code.strip("~"))
                except CameoError:
                    skipped["bad code"] += 1
                    continue
                found = list(reading.sectors) if reading else []
            if not found:
                skipped["no sector"] += 1
                continue
            if origin.get(phrase, filename) != filename:
                continue  # PLOVER's version of the list supersedes Phoenix's
            have = sectors.setdefault(phrase, [])
            have += [s for s in found if s not in have]
            origin[phrase] = filename
    phrases = sorted(sectors)
    lemmas = {}
    for phrase, doc in zip(phrases, nlp.pipe(phrases), strict=True):
        lemma = " ".join(t.lemma_.lower() for t in doc).replace(" - ", "-")
        lemmas[phrase] = lemma
    wordnet = WordNet()
    dropped = [
        p
        for p in phrases
        if " " not in p and (p in RANK_WORDS or not wordnet.names_who_acts(p, lemmas[p]))
    ]
    skipped["no actor head"] += len(dropped)
    print("left out:", ", ".join(dropped))
    rows: dict[str, tuple[list[str], str]] = {}
    for phrase in (p for p in phrases if p not in set(dropped)):
        for key in dict.fromkeys((lemmas[phrase], phrase)):
            if key in rows:
                continue
            rows[key] = (sectors[phrase], origin[phrase].split("_")[0].split(".")[0])
    lines = [
        HEADER.format(sources="NGEC's PLOVER_agents.txt and Phoenix.agents.txt"),
        "# Agent nouns (sector words): phrase as lower-case spaCy lemmas; sectors: PLOVER codes,\n",
        "# the first the phrase's own, the others also applying (an activist is CVL and OPP).\n",
        "# sectors.tsv comes first: for a phrase it has, these sectors follow its own.\n",
        "#phrase\tsectors\tsource\n",
    ]
    lines += [f"{key}\t{' '.join(s)}\t{src}\n" for key, (s, src) in sorted(rows.items())]
    (DATA / "agents.tsv").write_text("".join(lines), "utf-8")
    print(f"agents.tsv: {len(rows)} phrases; skipped {dict(skipped)}")


if __name__ == "__main__":
    sys.exit(main())
