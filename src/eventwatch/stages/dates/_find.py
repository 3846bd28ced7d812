"""Finding temporal expressions in a parsed document.

Candidates come from one precompiled pattern run once over the text (weekdays,
written dates, relative phrases, seasons, holidays, anaphora) and from spaCy's
DATE and TIME entities; overlapping candidates merge, two joined by "to",
"through", "-" or "between … and" merge into a range. Each candidate is read by
:func:`~._resolve.interpret` with hints from the parse: a future-tense verb
makes bare weekdays and partial dates look forward, a present-tense one lets
"two decades after" count back from the publication date. A candidate with no
reading (a duration such as "three days of clashes", a bare clock time) is
dropped; one that is temporal but needs world knowledge stays, unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...records import TimeSpan
from ..lexicon import overlaps
from ._calendar import Reading
from ._lexicon import (
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MOVING_HOLIDAYS,
    WEEKDAY_HOLIDAYS,
)
from ._resolve import interpret, reading_to_span
from ._tense import expression_head, tense_of
from ._words import COUNT, DUR, ORD

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["Found", "find_times"]

_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MF = "January|February|March|April|May|June|July|August|September|October|November|December"
_M = rf"(?:{_MF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:1[0-9]|20|21)\d\d"
_COUNT = COUNT.replace(" ", r"\s+")
_DUR = DUR.replace(" ", r"\s+")
_ORD = ORD.replace(" ", r"\s+")
_UNIT = r"(?:hour|day|week|fortnight|month|quarter|year|decade)s?|centur(?:y|ies)"
_HOLIDAY = "|".join(
    re.escape(name).replace("'", "['’]?").replace(r"\ ", r"\s+")
    for name in sorted(
        {*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, *WEEKDAY_HOLIDAYS, *MOVING_HOLIDAYS},
        key=len,
        reverse=True,
    )
)
_ANAPHORA = (
    r"(?:(?:earlier|later)\s+)?(?:that|the\s+(?:same|previous|preceding|prior|next|following"
    r"|subsequent))\s+(?:day|week|weekend|month|year|decade|morning|afternoon|evening|night)"
    r"|the\s+(?:day|week|month|year|night)\s+(?:before|after)(?:\s+(?:yesterday|last|next))?"
)
_PIECES = [
    rf"(?:{_W},?\s+)?(?:{_M}\s+{_D}(?:\s*[-–]\s*{_D})?(?:,?\s+{_Y})?"
    rf"|{_D}(?:\s*[-–]\s*{_D})?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)",
    rf"{_M},?\s+{_Y}",
    r"\d{4}-\d\d-\d\d(?:T[\d:]+)?|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)",
    r"(?i:(?:(?:early|late|earlier|later|mid-?)\s+)?(?:last|this|next|past|previous|coming)"
    r"\s+(?:week|month|year|weekend)|(?:(?:over|during)\s+)?the\s+weekend(?:\s+before\s+last)?"
    r"|(?:by\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)"
    r"\s+(?:week|month|year))",
    rf"(?i:(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?{_DUR}"
    r"\s+(?:ago|back|after|since|later|earlier|before|from\s+now|hence))",
    rf"(?i:\b(?:in|within)\s+{_DUR}(?:['’]?\s+time)?(?!\s+of\b))",
    rf"(?i:the\s+(?:past|last|previous|preceding|coming|next|following)\s+(?:{_COUNT}\s+)?"
    rf"(?:{_UNIT})|recent\s+(?:days|weeks|months))",
    r"(?i:overnight|\bon\s+the\s+\d{1,2}(?:st|nd|rd|th))",
    r"(?i:\b(?:minutes|hours|days|weeks)\s+(?:later|earlier))",
    rf"(?i:the\s+(?:{_ORD})\s+century)",
    r"(?i:(?:yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:this|last)\s+(?:morning|afternoon|evening|night))",
    rf"(?:(?i:early|late|overnight|last|this|next)\s+)?{_W}(?:'s)?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?:\s+(?i:last|next)\s+week)?",
    rf"(?i:(?:(?:early|late|mid-?)\s+)?(?:the|last|this|next)\s+(?:(?:early|late)\s+)?"
    rf"(?:spring|summer|autumn|winter)(?:\s+(?:of\s+)?{_Y})?|(?:spring|summer|autumn|winter)"
    rf"\s+(?:of\s+)?{_Y}|(?:last|this|next)\s+fall|(?:the\s+)?fall\s+of\s+{_Y})",
    rf"(?i:(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+"
    rf"(?:{_Y}|(?:this|last|next|the)\s+year))|\b[QH][1-4]\s+{_Y}",
    rf"(?:(?i:last|this|next)\s+)?(?=[A-Z])(?i:{_HOLIDAY})(?:\s+{_Y})?",
    rf"(?i:{_ANAPHORA})",
    rf"(?i:(?:in|since|by|until|from|during|before|after|early|late)\s+|mid-\s*){_Y}\b",
    r"(?:(?i:the)\s+)?(?:(?i:early|late|mid-?)\s*)?(?:19|20)\d0'?s",
    rf"(?i:(?:in|since|during|by|until|early|late|last|this|next)\s+|mid-?\s*)(?:{_MF})\b"
    rf"(?:\s+{_Y})?",
]
_PATTERN = re.compile(r"\b(?:" + "|".join(_PIECES) + r")\b")
_JOIN = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s*")
_LEAD = re.compile(r"(?i:(?:on|in|at|during|since|by|until|of|from|over)\s+)+")
_TRAIL = re.compile(r"(?:'s|[\s,.;:’'])+$")


@dataclass(frozen=True, slots=True)
class Found:
    """A temporal expression with where it sits in the parse."""

    span: TimeSpan
    sentence: int
    #: the word the expression attaches to (its head outside the expression)
    head: int
    reading: Reading | None = None
    #: (forward, present): which way the clause points (see ``_tense.py``)
    hints: tuple[bool, bool] = (False, False)


Group = tuple[int, int, list[tuple[int, int]]]


def _candidates(doc: Doc, text: str) -> list[Group]:
    """Merged candidate spans, each with the raw candidates it was merged from."""
    spans = [(m.start(), m.end()) for m in _PATTERN.finditer(text)]
    spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans.sort()
    groups: list[Group] = []
    for start, end in spans:
        if groups and (start <= groups[-1][1] or _joins(text, groups[-1], start)):
            first, last, members = groups[-1]
            groups[-1] = (first, max(end, last), [*members, (start, end)])
        else:
            groups.append((start, end, [(start, end)]))
    return groups


def _joins(text: str, left: Group, start: int) -> bool:
    gap = text[left[1] : start]
    if not gap.strip():
        return text[left[0] : left[1]].lower().endswith(("before", "after"))
    if not _JOIN.fullmatch(gap) or len(gap) > 9:
        return False
    return "and" not in gap or text[max(0, left[0] - 8) : left[0]].lower().endswith("between ")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _LEAD.match(text, start, end)
    if lead and lead.end() < end and not text[start:end].lower().startswith("from "):
        start = lead.end()
    trail = _TRAIL.search(text, start, end)
    if trail and trail.start() > start:
        end = trail.start()
    return start, end


def _read(
    text: str, ref: dt.date | None, hints: tuple[bool, bool], anchor: Reading | None = None
) -> Reading | None:
    future, present = hints
    if ref is not None:
        return interpret(text, ref, anchor=anchor, forward=future, present=present)
    first = interpret(text, dt.date(2001, 6, 15), anchor=anchor, forward=future, present=present)
    second = interpret(text, dt.date(2011, 2, 3), anchor=anchor, forward=future, present=present)
    if first is None or first == second:
        return first  # no publication date: keep only what does not depend on it
    return Reading(None, None, None, "unresolved")


def find_times(doc: Doc, pub_date: dt.date | None) -> list[Found]:
    """Every temporal expression of ``doc`` resolved against ``pub_date`` (and, for the
    anaphoric ones, against the expression the narrative last dated)."""
    sent_starts = [s.start for s in doc.sents]
    text = doc.text  # built from the tokens on every access: read it once
    found: list[Found] = []
    for start, end, members in _candidates(doc, text):
        item = _found(doc, text, pub_date, start, end, sent_starts)
        if item is not None:
            found.append(item)
            continue
        taken: list[tuple[int, int]] = []  # the merged span is no date: try its parts
        for part in sorted(members, key=lambda m: m[0] - m[1]):
            if any(overlaps(part, span) for span in taken):
                continue
            item = _found(doc, text, pub_date, part[0], part[1], sent_starts)
            if item is not None:
                found.append(item)
                taken.append(part)
    found.sort(key=lambda f: f.span.start)
    return _anchored(found, pub_date)


def _anchored(found: list[Found], pub_date: dt.date | None) -> list[Found]:
    """Anaphoric expressions ("the next day", "three days later") counted from the
    nearest earlier resolved expression (the narrative's reference time; one too coarse
    for them, "in 2019 … the next day", leaves them unresolved), or from the publication
    date when the text has dated nothing before them."""
    out: list[Found] = []
    for item in found:
        if item.reading is None or item.reading.start is not None:
            out.append(item)
            continue
        earlier = next((f for f in reversed(out) if f.reading and f.reading.start), None)
        anchors: list[tuple[Reading, TimeSpan | None]] = []
        if earlier is not None and earlier.reading is not None:
            anchors.append((earlier.reading, earlier.span))  # too coarse: stays unresolved
        elif pub_date is not None:
            anchors.append((Reading(pub_date), None))
        for anchor, source in anchors:
            reading = _read(item.span.text, pub_date, item.hints, anchor)
            if reading is not None and reading.start is not None:
                span = reading_to_span(
                    reading, text=item.span.text, start=item.span.start, end=item.span.end,
                    anchor="text" if source else "publication",
                )  # fmt: skip
                if source is not None:
                    span = replace(span, anchor_span=(source.start, source.end))
                item = replace(item, span=span, reading=reading)
                break
        out.append(item)
    return out


def _found(
    doc: Doc,
    text: str,
    pub_date: dt.date | None,
    raw_start: int,
    raw_end: int,
    sent_starts: list[int],
) -> Found | None:
    start, end = _trim(text, raw_start, raw_end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _numbers_a_place(span) or _kind_of_thing(span):
        return None
    head = expression_head(span)
    hints = tense_of(span, head, text[max(0, start - 20) : start])
    reading = _read(text[start:end], pub_date, hints)
    if reading is None:
        return None
    anchor = "publication" if pub_date is not None else None
    record = reading_to_span(reading, text=text[start:end], start=start, end=end, anchor=anchor)
    return Found(record, _sentence_of(sent_starts, span.start), head.i, reading, hints)


#: nouns a bare number before them names rather than dates: "the 1300 block"
_NUMBERED = frozenset("block street avenue road boulevard drive lane way place court".split())


def _numbers_a_place(span: Span) -> bool:
    """A bare number that numbers a place is no year: "the 1300 block of Main
    Street" (but "the 2004 bombing", "the 2020 elections", and "in 2022 prices
    rose", where the parser takes the year for a count). A count of things ("2000
    soldiers") is left to the resolver: "the 1990 talks" looks the same."""
    if len(span) != 1 or not span.text.isdigit():
        return False
    word = span[0]
    noun = word.head
    if word.dep_ not in {"nummod", "compound"} or noun.i <= word.i:
        return False
    if word.i > 0 and word.doc[word.i - 1].tag_ == "IN":
        return False  # "in 2022 prices rose": a year after its preposition
    return noun.lemma_.lower() in _NUMBERED


def _kind_of_thing(span: Span) -> bool:
    """ "An overnight raid", "an overnight curfew": an adjective of time that says what
    kind of thing its noun is dates nothing (the raid's day is told elsewhere, "kidnapped
    last Friday during an overnight raid")."""
    return len(span) == 1 and span[0].lower_ == "overnight" and span[0].dep_ == "amod"


def _sentence_of(starts: list[int], token: int) -> int:
    import bisect

    return bisect.bisect_right(starts, token) - 1
