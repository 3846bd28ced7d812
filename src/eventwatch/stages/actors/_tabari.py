"""PETRARCH/TABARI ``.actors`` files: parsed, checked, read as dictionary entries.

The format (as the Phoenix and PETRARCH dictionaries write it)::

    HAMID_KARZAI_            # a name: words joined by "_" (a final "_" is ignored)
    +KARZAI_                 # "+": another form of the same actor
    +PRESIDENT_KARZAI_
        [AFGELI 750101-000101]   # an indented CAMEO code, optionally dated
        [AFGGOV >011222]
        [AFGELI]                 # undated: the code outside the dated ones
    HEZBOLLAH_ [LBNREB]      # a code may follow the name on its line

Dates are ``YYMMDD`` (years up to 30 are 20YY) or ``YYYYMMDD``: ``A-B`` is a
range, ``>A`` from A on, ``<B`` until B. ``#`` starts a comment, as does a
line-long ``<!-- … -->``. Name lines that follow each other with no code
between them share the codes that follow ("MIKHAIL_GORBACHEV" then
"PRESIDENT_GORBACHEV" then the codes); a blank line ends such a run.

:func:`parse_actors` raises :class:`~eventwatch.exceptions.DictionaryError`
naming the file and line of the first malformed line, or, given a
``problems`` list, collects every error there and skips what it concerns (the
converter of the Phoenix dictionaries reads them so).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...exceptions import DictionaryError
from ._cameo import CameoCodes, CameoError, CameoReading

__all__ = [
    "TabariActor",
    "TabariCode",
    "display_form",
    "looks_like_person",
    "parse_actors",
    "sniff_tabari",
]

_CODE_GROUP = re.compile(r"\[([^\[\]]*)\]")
_DATE = re.compile(r"\d{6}|\d{8}")
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class TabariCode:
    """One ``[CODE dates]`` group, read: the CAMEO reading (``None`` for ``---``)."""

    reading: CameoReading | None
    start: dt.date | None
    end: dt.date | None
    line: int

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class TabariActor:
    """The forms of one actor (upper case, words joined by single spaces) and its codes."""

    forms: list[str]
    codes: list[TabariCode] = field(default_factory=list)
    line: int = 0
    #: the comment on the actor's first line ("CountryInfo.txt" in the Phoenix files)
    note: str = ""


def _date(text: str, path: str, line: int) -> dt.date:
    if not _DATE.fullmatch(text):
        raise DictionaryError(f"dates are YYMMDD or YYYYMMDD, got {text!r}", path=path, line=line)
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DictionaryError(f"no such date: {text!r}", path=path, line=line) from None


def _code(inner: str, cameo: CameoCodes, path: str, line: int) -> TabariCode:
    words = inner.split()
    if not words:
        raise DictionaryError("an empty code '[]'", path=path, line=line)
    try:
        reading = cameo.read(words[0])
    except CameoError as exc:
        raise DictionaryError(str(exc), path=path, line=line) from None
    spec = "".join(words[1:])
    start = end = None
    if spec.startswith(">"):
        start = _date(spec[1:], path, line)
    elif spec.startswith("<"):
        end = _date(spec[1:], path, line)
    elif "-" in spec:
        first, _, last = spec.partition("-")
        start, end = _date(first, path, line), _date(last, path, line)
        if end < start:
            raise DictionaryError(f"the range {spec} ends before it starts", path=path, line=line)
    elif spec:
        start = _date(spec, path, line)  # a bare date: from then on
    return TabariCode(reading, start, end, line)


def _codes(text: str, cameo: CameoCodes, path: str, line: int) -> list[TabariCode]:
    """The ``[…]`` groups of ``text``, which must hold nothing else."""
    rest = _CODE_GROUP.sub(" ", text).strip()
    if rest:
        problem = "an unclosed '['" if "[" in rest or "]" in rest else f"stray text {rest!r}"
        raise DictionaryError(f"{problem} among the codes", path=path, line=line)
    return [_code(m.group(1), cameo, path, line) for m in _CODE_GROUP.finditer(text)]


def _forms(text: str, path: str, line: int) -> list[str]:
    """ "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> the name and its acronym."""
    acronyms = [a for a in (m.group(1).strip("_ ") for m in _PAREN.finditer(text)) if _acronym(a)]
    words = _PAREN.sub(" ", text).replace("_", " ").split()
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]  # "THE_UNITED_NATIONS": the text's article is no part of the name
    name = " ".join(words)
    if not any(c.isalpha() for c in name):
        raise DictionaryError(f"{text.strip()!r} is no name", path=path, line=line)
    return [name, *acronyms]


def _acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 3 <= len(letters) <= 8 and letters.isalpha() and " " not in text


def _strip_comment(raw: str) -> tuple[str, str]:
    """(text, comment) of a line: ``#`` starts a comment, ``<!-- … -->`` is one."""
    if "<!--" in raw:
        before, _, after = raw.partition("<!--")
        raw = before + after.partition("-->")[2]
    text, _, note = raw.partition("#")
    return text.rstrip(), note.strip()


def parse_actors(
    text: str,
    *,
    path: str,
    cameo: CameoCodes,
    problems: list[DictionaryError] | None = None,
) -> list[TabariActor]:
    """The actors of an ``.actors`` file, in file order."""
    actors: list[TabariActor] = []
    current: TabariActor | None = None
    run_open = False  # the current actor may still take more name lines
    in_comment = False

    def fail(error: DictionaryError) -> None:
        if problems is None:
            raise error
        problems.append(error)

    def close(actor: TabariActor | None) -> None:
        if actor is not None and not actor.codes:
            fail(
                DictionaryError(f"{actor.forms[0]}: no [CODE] follows", path=path, line=actor.line)
            )

    for number, raw in enumerate(text.splitlines(), start=1):
        if in_comment:
            in_comment = "-->" not in raw
            continue
        if "<!--" in raw and "-->" not in raw:
            in_comment = True
            raw = raw.partition("<!--")[0]
        if not raw.strip():
            run_open = False
            continue
        body, note = _strip_comment(raw)
        if not body.strip():
            continue
        stripped = body.strip()
        try:
            if stripped.startswith("+") or body[0] in " \t" or stripped.startswith("["):
                if current is None:
                    raise DictionaryError(
                        "a form or code before any actor name", path=path, line=number
                    )
                name, bracket, codes = stripped.lstrip("+").partition("[")
                if stripped.startswith("+"):
                    current.forms.extend(_forms(name, path, number))
                elif name.strip():
                    raise DictionaryError(f"stray text {name.strip()!r}", path=path, line=number)
                current.codes.extend(_codes(bracket + codes, cameo, path, number))
                run_open = run_open and not current.codes
                continue
            name, bracket, codes = stripped.partition("[")
            forms = _forms(name, path, number)
            found = _codes(bracket + codes, cameo, path, number)
        except DictionaryError as error:
            fail(error)
            run_open = False  # what the line held, it was not another name of the run
            continue
        if current is not None and run_open and not current.codes:
            current.forms.extend(forms)  # a run of name lines shares the codes that follow
        else:
            close(current)
            current = TabariActor(forms, line=number, note=note)
            actors.append(current)
        current.codes.extend(found)
        run_open = not current.codes
    close(current)
    return [a for a in actors if a.codes]


_SNIFFED_CODE = re.compile(r"\[\s*(?:---|(?:[A-Z]{3})+)(?:\s[^\]]*)?\]")


def sniff_tabari(text: str) -> bool:
    """Whether a text looks like an ``.actors`` file rather than YAML: a ``[CODE]`` line."""
    for raw in text.splitlines()[:200]:
        body = _strip_comment(raw)[0].strip()
        if body and _SNIFFED_CODE.search(body) and ":" not in body.partition("[")[0]:
            return True
    return False


#: words that make a name an organisation's, not a person's
_GROUP_WORDS = frozenset(
    """
    army forces force front party movement organization organisation group council committee
    union league association federation brigade brigades battalion corps militia network agency
    bank fund company corporation corp inc ltd co plc llc holdings industries airlines airways
    institute foundation society commission court tribunal programme program office service
    services ministry department authority center centre church mission assembly parliament
    congress senate government administration coalition alliance conference forum watch
    international initiative campaign trust university college school hospital news times press
    radio television tv club cartel gang bureau board secretariat cabinet police guard guards navy
    fleet command unit cell cells nuclei faction wing liberation resistance jihad mujahideen
    youth students workers people's peoples republic kingdom state states nations united
    national revolutionary islamic democratic popular socialist communist rights
    """.split()
)


def looks_like_person(forms: Sequence[str], *, dated: bool) -> bool:
    """A person's name (two to five words, no organisation word) rather than a group's.

    A single word is a person's when its codes are dated (a term of office).
    """

    def group_like(form: str) -> bool:
        words = re.split(r"[\s\-/]+", form.casefold())
        return bool(_GROUP_WORDS.intersection(words)) or words[0] == "the"

    if group_like(forms[0]) or sum(map(group_like, forms)) * 2 > len(forms):
        return False
    words = forms[0].split()
    return dated if len(words) == 1 else len(words) <= 5


#: words written in lower case inside a name
_PARTICLES = frozenset(
    "of the and for on in at to a an de del la le du da dos das van von der y".split()
)


def display_form(form: str, *, acronym: bool = False) -> str:
    """A TABARI upper-case form as a name is written: "HAMID AL-KARZAI" -> "Hamid Al-Karzai".

    Words without a vowel, with dots ("U.N.") or Roman numerals stay upper
    case, and so does a short single word of a group (``acronym``: "IAEA").
    """
    words = form.split()
    if acronym and len(words) == 1 and len(form) <= 5:
        return form
    out = []
    for k, word in enumerate(words):
        low = word.lower()
        if k and low in _PARTICLES:
            out.append(low)
        elif "." in word or not re.search(r"[AEIOUY]", word) or re.fullmatch(r"[IVX]+", word):
            out.append(word)
        else:
            out.append("-".join(_cap(part) for part in word.split("-")))
    return " ".join(out)


def _cap(part: str) -> str:
    if part.startswith("MC") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    if part.startswith("O'") and len(part) > 2:
        return "O'" + part[2:].capitalize()
    return part.capitalize()
