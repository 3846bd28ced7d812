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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...records import TimeSpan
from ..lexicon import overlaps
from ._calendar import Reading
from ._lexicon import ANAPHORA, FIXED_HOLIDAYS, MOVING_HOLIDAYS, NUMBERS, UNITS, VAGUE_NUMBERS
from ._lexicon import alternation as _alt
from ._resolve import interpret, reading_to_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["Found", "find_times"]

_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MF = "January|February|March|April|May|June|July|August|September|October|November|December"
_M = rf"(?:{_MF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:1[0-9]|20|21)\d\d"
_COUNT = rf"(?:{_alt(VAGUE_NUMBERS)}|{_alt(NUMBERS)}|\d{{1,3}})"
_UNIT = rf"(?:{_alt(UNITS)})s?"
_PIECES = [
    rf"(?:{_W},?\s+)?(?:{_M}\s+{_D}(?:\s*[-–]\s*{_D})?(?:,?\s+{_Y})?"
    rf"|{_D}(?:\s*[-–]\s*{_D})?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)",
    rf"{_M},?\s+{_Y}",
    r"\d{4}-\d\d-\d\d(?:T[\d:]+)?|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)",
    r"(?i:(?:(?:early|late|earlier|later|mid-?)\s+)?(?:last|this|next|past|previous|coming)"
    r"\s+(?:week|month|year|weekend)|(?:(?:over|during)\s+)?the\s+weekend"
    r"|(?:by\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|last|next)"
    r"\s+(?:week|month|year))",
    rf"(?i:(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?{_COUNT}"
    rf"(?:\s+or\s+{_COUNT})?\s+{_UNIT}\s+(?:ago|back|after|since|later|earlier|before))",
    rf"(?i:the\s+(?:past|last|previous)\s+(?:{_COUNT}\s+)?{_UNIT}|recent\s+(?:days|weeks|months))",
    r"(?i:(?:yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:this|last)\s+(?:morning|afternoon|evening|night))",
    rf"(?:(?i:early|late|overnight|last|this|next)\s+)?{_W}(?:'s)?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?(?:\s+(?i:last|next)\s+week)?",
    rf"(?i:(?:(?:early|late|mid-?)\s+)?(?:the|last|this|next)\s+(?:(?:early|late)\s+)?"
    rf"(?:spring|summer|autumn|winter)(?:\s+(?:of\s+)?{_Y})?|(?:spring|summer|autumn|winter)"
    rf"\s+(?:of\s+)?{_Y}|(?:last|this|next)\s+fall|(?:the\s+)?fall\s+of\s+{_Y})",
    rf"(?i:(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+"
    rf"(?:{_Y}|(?:this|last|next|the)\s+year))|\b[QH][1-4]\s+{_Y}",
    rf"(?:(?i:last|this|next)\s+)?(?=[A-Z])(?i:{_alt([*FIXED_HOLIDAYS, *MOVING_HOLIDAYS])})"
    rf"(?:\s+{_Y})?",
    rf"(?i:{_alt(ANAPHORA)})",
    rf"(?i:(?:in|since|by|until|from|during|before|after|early|late|mid-?)\s+){_Y}\b",
    r"(?:(?i:the)\s+)?(?:(?i:early|late|mid-?)\s*)?(?:19|20)\d0'?s",
    rf"(?i:(?:in|since|during|by|until|early|mid-?|late|last|this|next)\s+)(?:{_MF})\b"
    rf"(?:\s+{_Y})?",
]
_PATTERN = re.compile(r"\b(?:" + "|".join(_PIECES) + r")\b")
_JOIN = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s*")
_LEAD = re.compile(r"(?i:(?:on|in|at|during|since|by|until|of|from|over)\s+)+")
_TRAIL = re.compile(r"(?:'s|[\s,.;:’'])+$")
_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "might", "must", "may", "should"})
_INTENT = frozenset(
    "plan intend expect schedule prepare want hope aim agree decide promise threaten vow seek "
    "order ask urge call due ready set go likely able invite require try".split()
)
_FORWARD_NOUNS = frozenset({"deadline", "date", "target", "timetable", "ultimatum"})
_FORWARD_CUE = re.compile(r"(?i)(?:as (?:early|soon) as|no later than|not before)\s*$")


@dataclass(frozen=True, slots=True)
class Found:
    """A temporal expression with where it sits in the parse."""

    span: TimeSpan
    sentence: int
    #: the word the expression attaches to (its head outside the expression)
    head: int


Group = tuple[int, int, list[tuple[int, int]]]


def _candidates(doc: Doc) -> list[Group]:
    """Merged candidate spans, each with the raw candidates it was merged from."""
    text = doc.text
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


def _head(span: Span) -> Token:
    root = span.root
    head = root.head
    while head.i != root.i and span.start <= head.i < span.end:
        root, head = head, head.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head
    return head


def _tense(head: Token, before: str) -> tuple[bool, bool]:
    """(forward, present) for an expression attached to ``head``.

    Forward: after "as early as" and the like, under a deadline noun, a modal
    verb, or an infinitive that hangs from a verb of intention or a noun
    ("planned to leave on Thursday"). Present: a present-tense clause.
    """
    if _FORWARD_CUE.search(before):
        return True, False
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_.lower() in _FORWARD_NOUNS, False
    verb = head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    kids = list(verb.children)
    if verb.dep_ == "xcomp":
        kids += list(verb.head.children)
    forward = any(k.tag_ == "MD" and k.lower_ in _MODALS for k in kids)
    if verb.tag_ == "VB" and any(k.lower_ == "to" for k in verb.children):
        governor = verb.head
        forward = forward or governor.lemma_ in _INTENT or governor.pos_ in ("NOUN", "PROPN")
    forward = forward or (verb.lemma_ in ("schedule", "slate") and verb.tag_ == "VBN")
    present = not forward and any(w.tag_ in ("VBZ", "VBP") for w in (verb, *verb.children))
    return forward, present


def _read(text: str, ref: dt.date | None, hints: tuple[bool, bool]) -> Reading | None:
    future, present = hints
    if ref is not None:
        return interpret(text, ref, forward=future, present=present)
    first = interpret(text, dt.date(2001, 6, 15), forward=future, present=present)
    second = interpret(text, dt.date(2011, 2, 3), forward=future, present=present)
    if first is None or first == second:
        return first  # no publication date: keep only what does not depend on it
    return Reading(None, None, None, "unresolved")


def find_times(doc: Doc, pub_date: dt.date | None) -> list[Found]:
    """Every temporal expression of ``doc`` resolved against ``pub_date``."""
    sent_starts = [s.start for s in doc.sents]
    found: list[Found] = []
    for start, end, members in _candidates(doc):
        item = _found(doc, pub_date, start, end, sent_starts)
        if item is not None:
            found.append(item)
            continue
        taken: list[tuple[int, int]] = []  # the merged span is no date: try its parts
        for part in sorted(members, key=lambda m: m[0] - m[1]):
            if any(overlaps(part, span) for span in taken):
                continue
            item = _found(doc, pub_date, part[0], part[1], sent_starts)
            if item is not None:
                found.append(item)
                taken.append(part)
    found.sort(key=lambda f: f.span.start)
    return found


def _found(
    doc: Doc, pub_date: dt.date | None, raw_start: int, raw_end: int, sent_starts: list[int]
) -> Found | None:
    text = doc.text
    start, end = _trim(text, raw_start, raw_end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = _head(span)
    reading = _read(text[start:end], pub_date, _tense(head, text[max(0, start - 20) : start]))
    if reading is None:
        return None
    anchor = "publication" if pub_date is not None else None
    record = reading_to_span(reading, text=text[start:end], start=start, end=end, anchor=anchor)
    return Found(record, _sentence_of(sent_starts, span.start), head.i)


def _sentence_of(starts: list[int], token: int) -> int:
    import bisect

    return bisect.bisect_right(starts, token) - 1
