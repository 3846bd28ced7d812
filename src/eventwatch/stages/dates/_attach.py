"""Dating events: which temporal expression each event's trigger belongs to.

In order: the expression of the trigger's own sentence that is closest to the
trigger in the dependency tree (an expression attached to the trigger itself is
at distance 0; ties go to the nearer one in the text); else, for events that are
not historical, the last resolved expression of the previous sentence (the
narrative context); else the publication date, marked ``source="publication"``
and ``date_type="unresolved"`` with an empty text at the trigger's start.
A clause in the present, the present perfect or the future speaks of now: it
borrows no date from the previous sentence that lies years back ("In 2022 he
was arrested … Rights groups have condemned the arrest").
A date in a clause that describes whom the trigger acts on dates that clause ("the
release of the girls, who were kidnapped last Friday"). A past participle after its
noun ("schoolgirls kidnapped in Zamfara were freed Tuesday") describes the noun:
only a date in its own words dates it, never the clause's or the previous
sentence's, so with none it takes the publication date.
A historical event never takes the publication date nor a neighbour's date: with
nothing of its own it stays undated (``source="none"``, no start date). An event
whose own expression (one attached to its trigger: "the 2004 bombing", "killed in
2019") ends more than ``historical_days`` before publication is flagged
``historical`` here; the event detector flags the others it can tell from the
clause ("former", "two decades after").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ...records import Event, TimeSpan
from ..lexicon import participle_of_its_noun
from ._find import Found
from ._tense import speaks_of_now

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["date_events", "publication_span"]


def publication_span(position: int, pub_date: dt.date | None) -> TimeSpan:
    """The fallback date of an event that nothing in the text dates.

    Without a publication date there is none: the event says ``source: "none"``.
    """
    if pub_date is None:
        return _undated(position)
    return TimeSpan(position, position, "", pub_date.isoformat(), None, "day", "unresolved",
                    "publication", "publication")  # fmt: skip


def _undated(position: int) -> TimeSpan:
    return TimeSpan(position, position, "", None, None, None, "unresolved", None, "none")


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    trigger = event.evidence.trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    return None


def _tree_distance(a: Token, b: Token) -> int:
    depth: dict[int, int] = {}
    token, steps = a, 0
    while True:
        depth[token.i] = steps
        if token.head.i == token.i:
            break
        token, steps = token.head, steps + 1
    token, steps = b, 0
    while token.i not in depth:
        if token.head.i == token.i:
            return 1000  # different trees
        token, steps = token.head, steps + 1
    return depth[token.i] + steps


def _best(doc: Doc, trigger: Token, found: list[Found]) -> Found | None:
    if not found:
        return None
    return min(
        found,
        key=lambda f: (
            _tree_distance(trigger, doc[f.head]),
            abs(f.span.start - trigger.idx),
        ),
    )


def date_events(
    doc: Doc,
    events: list[Event],
    found: list[Found],
    pub_date: dt.date | None,
    *,
    historical_days: int = 365,
) -> None:
    """Set ``event.date`` for every event (see the module docstring for the order), and
    ``event.historical`` when the event's own date ends ``historical_days`` or more
    before publication."""
    by_sentence: dict[int, list[Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence, []).append(item)
    sent_starts = [s.start for s in doc.sents]
    for event in events:
        position = event.evidence.trigger.start
        trigger = _trigger_token(doc, event)
        if trigger is None:
            event.date = (
                _undated(position) if event.historical else publication_span(position, pub_date)
            )
            continue
        sentence = _sentence_index(sent_starts, trigger.i)
        candidates = by_sentence.get(sentence, [])
        described = _describes_its_noun(trigger, event)
        if described:
            candidates = [f for f in candidates if f.head in _subtree(trigger)]
        candidates = [
            f
            for f in candidates
            if not _in_a_clause_of_its_own(doc[f.head], trigger)
            and not _dates_another_noun(doc[f.head], trigger)
        ]
        best = _best(doc, trigger, candidates)
        if (
            best is not None
            and best.head == trigger.i
            and _years_back(best, pub_date, historical_days)
        ):
            event.historical = True  # its own date: "the 2004 bombing", "killed in 2019"
        if best is None and not event.historical and not described:
            previous = [f for f in by_sentence.get(sentence - 1, []) if f.span.start_date]
            best = previous[-1] if previous else None
            if (
                best is not None
                and _years_back(best, pub_date, historical_days)
                and speaks_of_now(trigger)  # "groups have condemned", after "In 2022, …"
            ):
                best = None
        if best is not None:
            event.date = best.span
        elif event.historical:
            event.date = _undated(position)
        else:
            event.date = publication_span(position, pub_date)


#: what is fired: "shots fired", "rockets launched" name the incident itself
_MUNITIONS = frozenset("shot round bullet rocket missile shell mortar grenade bomb".split())
#: verbs whose object's participle tells its state at that time: "found him wounded"
_FINDING = frozenset({"find", "see", "leave", "discover", "spot"})


def _describes_its_noun(trigger: Token, event: Event) -> bool:
    """A past participle after its noun ("schoolgirls kidnapped in Zamfara were freed
    Tuesday") tells what befell the noun at another time than the clause's verb: only
    a date in its own words dates it ("weapons seized last year"). Not when the noun
    is the event's own word or what it fired ("reports of shots fired", the incident's
    name), nor when it tells the state someone was found in ("found a man wounded")."""
    if not participle_of_its_noun(trigger):
        return False
    noun = trigger.head
    if noun.lemma_.lower() in _MUNITIONS or (
        event.evidence.trigger.start <= noun.idx < event.evidence.trigger.end
    ):
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in _FINDING)


def _in_a_clause_of_its_own(word: Token, trigger: Token) -> bool:
    """Whether a date lies in a clause that describes someone the trigger acts on, so
    dates that clause's verb: "the release of the girls, *who were kidnapped last
    Friday*" (but "the attack, which began on Monday, killed five" dates the attack,
    and "the summit held in February" the summit)."""
    above = {trigger.i} | {t.i for t in trigger.ancestors}
    while word.i not in above and word.head.i != word.i:
        if word.dep_ == "relcl" and word.pos_ in {"VERB", "AUX"}:
            noun = word.head
            return noun.i != trigger.i and noun.dep_ not in {"nsubj", "nsubjpass"}
        word = word.head
    return False


def _dates_another_noun(word: Token, trigger: Token) -> bool:
    """Whether a date modifies a noun that only compares or ranks the event: a thing in a
    participle clause ("their abduction, *resembling Boko Haram's 2014 abduction*,
    triggered condemnation") or the class a copula puts it in ("the kidnapping is the
    fourth such incident *since December*"). A participle's own date ("the attack, carried out
    on Monday") and a noun the trigger is told in ("killed in Tuesday's attack") still
    date the trigger."""
    if word.i == trigger.i or word.pos_ != "NOUN":
        return False
    if word.dep_ == "attr" and word.head.lemma_ == "be":
        return True
    above = {trigger.i} | {t.i for t in trigger.ancestors}
    token = word
    while token.i not in above and token.head.i != token.i:
        if _bare_participle(token):
            return True  # a participle's object: "resembling the 2014 abduction"
        token = token.head
    return False


def _bare_participle(token: Token) -> bool:
    """A participle that modifies without a subject or auxiliary of its own
    ("resembling …", "carried out …"), not a finite verb ("has phased out")."""
    return (
        token.dep_ in {"acl", "advcl", "prep"}
        and token.tag_ in {"VBG", "VBN"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children)
    )


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _years_back(item: Found, pub_date: dt.date | None, days: int) -> bool:
    span = item.span
    last = span.end_date or span.start_date
    if pub_date is None or last is None:
        return False
    return (pub_date - dt.date.fromisoformat(last)).days > days


def _sentence_index(starts: list[int], token: int) -> int:
    import bisect

    return bisect.bisect_right(starts, token) - 1
