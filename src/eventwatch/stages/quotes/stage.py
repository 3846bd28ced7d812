"""Who said what: direct quotes and reported speech.

The quotes stage reads the parse once. Every verb of saying or stance ("said",
"indicated", "accused", "according to", …) with something said becomes a
:class:`~eventwatch.schema.Quote`: its content is the verb's clausal complement
("X said that …"), the clause it is tacked onto ("…, police said"; "…,
according to X"; "…, detailed John Kirby") or its object and what follows ("X
accused Y of …"). Text between quotation marks of any kind (“ ”, « », ‘ ’,
"…", split quotes included) makes a quote direct, and a quotation with no
such verb around it takes the nearest verb of saying of its sentence.

Speakers are the actor stage's resolved actors (so "He indicated …" is
Vucic); a speaker with no actor mention ("sources", "a source") becomes an
:class:`~eventwatch.schema.Actor` of its own words with no country. Events
inside a quote's content that have no reporter get the speaker as
``reported_by``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import Field

from ...pipeline.document import Document
from ...pipeline.registry import StageSettings, stages
from ...records import Actor, Quote, TextSpan
from ..lexicon import ATTRIBUTION_CUES, overlaps

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ...resources import Resources

__all__ = ["QuoteSettings", "QuoteStage", "make_quotes", "quotation_spans", "quotes"]

#: cues whose object, not only a clause, is what is said ("accused Washington of …")
OBJECT_CUES = frozenset(
    "accuse urge call warn ask tell blame criticize praise describe deny question "
    "dismiss promise observe support endorse cite express defend oppose discuss propose "
    "attack reject denounce post blast highlight remind charge echo challenge mock "
    "threaten tout boast condemn slam encourage demand refer".split()
)
_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "‹": "›"}
#: a publisher's notes, not a speaker's lines: "Correction: …"
_LABELS = frozenset("correction clarification update note editor advertisement".split())
#: a quotation signed with a dash and a name: "“…” ― Sonya Herridge"
_SIGNATURE = re.compile(r"[ \t\xa0]*([―—])[ \t\xa0]*([A-Z][\w.’' -]{1,40}?)[ \t\xa0.]*$", re.M)
#: a line opening with a short name and a colon: "PENCE: Well, look, …"
_COLON_LINE = re.compile(r"(?m)^[\"“]?([A-Z][\w.’' -]{1,40}?): +(\S[^\n]*?)[\"”]?$")
_CLAUSES = {"ccomp", "xcomp", "parataxis"}


def quotation_spans(text: str, *, max_chars: int = 1500) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside each pair of quotation marks."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = _PAIRS.get(text[i])
        if close is None or (text[i] == "‘" and i and text[i - 1].isalnum()):
            i += 1
            continue
        end = _closing(text, i + 1, close, max_chars)
        if end is None:
            i += 1
            continue
        if end > i + 1:
            found.append((i + 1, end))
        i = end + 1
    return found


def _closing(text: str, start: int, close: str, max_chars: int) -> int | None:
    limit = min(len(text), start + max_chars)
    j = start
    while j < limit:
        char = text[j]
        if char == "\n" and text[j : j + 2] == "\n\n":
            return None
        if char == close and not (close == "’" and j + 1 < len(text) and text[j + 1].isalpha()):
            return j
        j += 1
    return None


class _Builder:
    """Quotes of one document, built cue by cue."""

    def __init__(self, doc: Document, max_quote: int) -> None:
        assert doc.parse is not None
        self.doc = doc
        self.parse = doc.parse
        self.quotes: list[tuple[Token, Quote]] = []
        self.marks = quotation_spans(doc.text, max_chars=max_quote)

    def run(self) -> list[Quote]:
        for token in self.parse:
            if token.lower_ == "according" and token.i + 1 < len(self.parse):
                self._according(token)
            elif token.lemma_.lower() in ATTRIBUTION_CUES and token.pos_ in {"VERB", "AUX"}:
                self._verb(token)
        marks = self.marks
        quoted = marks + [m.span(2) for m in _COLON_LINE.finditer(self.doc.text)]
        self.quotes = [
            (cue, q) for cue, q in self.quotes if not any(s <= cue.idx < e for s, e in quoted)
        ]
        self._direct(marks)
        self._colon_lines()
        return _merge_split(sorted(self.quotes, key=lambda pair: pair[1].content.start))

    # -- reported speech ---------------------------------------------------
    def _verb(self, cue: Token) -> None:
        speaker, content = self._speaker(cue), self._content(cue)
        if content is None or (speaker is None and cue.dep_ not in {"ROOT", "conj"}):
            return
        if speaker is None and not any(c.dep_ == "auxpass" for c in cue.children):
            return
        self._add(cue, speaker, content)

    def _according(self, token: Token) -> None:
        to = self.parse[token.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if to.lower_ != "to" or source is None:
            return
        phrase = range(token.i, to.right_edge.i + 1)
        clause = token.head if token.head.i != token.i else token.sent.root
        tokens = [t for t in clause.sent if t.i not in phrase and not t.is_punct]
        before = [t for t in tokens if t.i < token.i]
        after = [t for t in tokens if t.i > to.right_edge.i]
        side = after if len(after) > len(before) else before
        if side:
            content = self.parse[side[0].i : side[-1].i + 1]
            self._add(token, self._actor(source), content, cue_end=to.i + 1)

    def _content(self, cue: Token) -> Span | None:
        clauses = [c for c in cue.children if c.dep_ in _CLAUSES]
        if clauses:
            return _subtree(clauses[0])
        that = next((t for t in cue.rights if t.lower_ == "that" and t.dep_ == "mark"), None)
        if that is None:  # "indicated for its part that a battalion … had been made available"
            that = next((t for t in cue.subtree if t.lower_ == "that" and t.dep_ == "mark"), None)
        if that is not None and that.head.i > cue.i:
            return self.parse[that.i : that.head.right_edge.i + 1]
        if cue.dep_ in {"parataxis", "ccomp", "amod"} or (
            cue.dep_ == "ROOT" and cue.i > cue.sent.start + 2 and _inverted(cue)
        ):
            return self._before(cue)
        if cue.lemma_.lower() in OBJECT_CUES:
            right = [c for c in cue.rights if c.dep_ not in {"punct", "cc", "conj", "nsubj"}]
            if right:
                return self.parse[right[0].left_edge.i : right[-1].right_edge.i + 1]
        said = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if said is not None and any(c.dep_ == "agent" for c in cue.children):
            return _subtree(said)  # "the registration issue was first reported by The Post"
        return None

    def _before(self, cue: Token) -> Span | None:
        """The clause a trailing cue is tacked onto ("…, police said")."""
        start = cue.sent.start
        end = cue.left_edge.i if cue.dep_ != "amod" else cue.i
        while end > start and (self.parse[end - 1].is_punct or self.parse[end - 1].is_space):
            end -= 1
        while start < end and self.parse[start].is_punct and self.parse[start].text not in _PAIRS:
            start += 1
        return self.parse[start:end] if end - start >= 2 else None

    def _speaker(self, cue: Token) -> Actor | None:
        subject = _subject(cue, passive=False)
        if subject is None and cue.dep_ == "amod" and cue.head.pos_ == "PROPN":
            subject = cue.head  # "…, detailed John Kirby, …"
        if subject is None and cue.dep_ in {"advcl", "conj", "xcomp"}:
            earlier = [q for t, q in self.quotes if t.sent == cue.sent and q.speaker]
            if earlier:
                return earlier[-1].speaker  # "…, detailed John Kirby, specifying that …"
            subject = _subject(cue.head, passive=False)
        return self._actor(subject) if subject is not None else None

    def _actor(self, token: Token) -> Actor:
        written = None
        if token.lower_ in {"who", "that", "which"} and token.head.dep_ == "relcl":
            # "an architect who said …": written "who", naming the architect
            written, token = token, token.head.head
        span = self.parse[token.left_edge.i : token.i + 1]
        if written is not None:
            here = self.parse[written.i : written.i + 1]
        else:
            here = span
        actor = self.doc.actor_heads.get(token.i) or next(
            (self.doc.actor_heads[t.i] for t in span if t.i in self.doc.actor_heads), None
        )
        if actor is None:
            return Actor(here.text, here.start_char, here.end_char, span.text, None, None)
        if written is None and actor.start <= token.idx < actor.end:
            return actor
        # the speaker as written here ("he", "who"), resolved to the actor it names
        return replace(actor, text=here.text, start=here.start_char, end=here.end_char)

    def _add(self, cue: Token, speaker: Actor | None, content: Span, cue_end: int = 0) -> None:
        if speaker is not None and self._quoted(speaker, content):
            speaker = self._between(content, cue)
        end = max(cue_end, cue.i + 1)
        cue_span = self.doc.span(cue.idx, self.parse[end - 1].idx + len(self.parse[end - 1]))
        body = self.doc.span(content.start_char, content.end_char)
        self.quotes.append((cue, Quote(speaker, cue_span, body, _is_direct(self.marks, body))))

    def _quoted(self, speaker: Actor, content: Span) -> bool:
        """Does the speaker stand inside quotation marks of its own quote?"""
        inside = content.start_char <= speaker.start < content.end_char
        return inside and any(s <= speaker.start < e for s, e in self.marks)

    def _between(self, content: Span, cue: Token) -> Actor | None:
        """A speaker misparsed into the quote: the name between it and the cue.

        "“… We will achieve justice,” Tulsa police Chief Chuck Jordan said" →
        Chuck Jordan, not "We".
        """
        names = [t for t in self.parse[content.end : cue.i] if t.pos_ in {"PROPN", "NOUN", "PRON"}]
        return self._actor(names[-1]) if names else None

    # -- direct quotes -----------------------------------------------------
    def _direct(self, marks: list[tuple[int, int]]) -> None:
        covered = [q.content for _, q in self.quotes]
        for start, end in marks:
            if any(overlaps((start, end), c) for c in covered):
                continue
            content = self.parse.char_span(start, end, alignment_mode="expand")
            if content is None or len(content) < 4:
                continue
            signed = _SIGNATURE.match(self.doc.text, end + 1)
            if signed is not None:  # "“…” ― Sonya Herridge"
                name = self.parse.char_span(*signed.span(2), alignment_mode="expand")
                dash = self.parse.char_span(*signed.span(1), alignment_mode="expand")
                if name is not None and dash is not None:
                    self._add(dash[0], self._actor(name.root), content)
                    continue
            cue = self._nearest_cue(content)
            if cue is not None:
                speaker = self._speaker(cue)
                if speaker is not None:
                    self._add(cue, speaker, content)
                    covered.append(self.doc.span(start, end))

    def _colon_lines(self) -> None:
        """Lines like "PENCE: Well, look, …" and "Pat Caddell: Voters Worried …"."""
        covered = [q.content for _, q in self.quotes]
        for match in _COLON_LINE.finditer(self.doc.text):
            start, end = match.span(2)
            if any(overlaps((start, end), c) for c in covered):
                continue
            name = self.parse.char_span(*match.span(1), alignment_mode="expand")
            cue = self.parse.char_span(match.start(2) - 2, match.start(2) - 1)
            content = self.parse.char_span(start, end, alignment_mode="expand")
            if name is None or cue is None or content is None or len(content) < 3:
                continue
            if name.root.lower_ in _LABELS:
                continue  # "Correction: …", "Editor’s note: …" are the publisher's
            if self._named(name.root) or (len(name) == 1 and name.root.pos_ == "PROPN"):
                self._add(cue[0], self._actor(name.root), content)

    def _named(self, root: Token) -> bool:
        """Is this a speaker's name ("PENCE", "Pat Caddell"), not a label ("Editor’s note")?"""
        return root.pos_ == "PROPN" and (
            root.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or root.i in self.doc.actor_heads
        )

    def _nearest_cue(self, content: Span) -> Token | None:
        """The verb of saying nearest the quotation: in its sentences, else next door."""
        first, last = content[0].sent, content[-1].sent
        near = [t for t in (*first, *last) if not content.start <= t.i < content.end]
        before = self.parse[max(0, first.start - 1)].sent if first.start else None
        after = self.parse[last.end].sent if last.end < len(self.parse) else None
        used = {cue.i for cue, _ in self.quotes}
        for number, tokens in enumerate((near, list(before or ()), list(after or ()))):
            cues = [t for t in tokens if t.lemma_.lower() in ATTRIBUTION_CUES and t.pos_ == "VERB"]
            if number:  # next door: only a cue that says nothing of its own ("he said:")
                cues = [t for t in cues if t.i not in used and t.dep_ == "ROOT"]
            if cues:
                nearest: Token = min(
                    cues, key=lambda t: min(abs(t.i - content.start), abs(t.i - content.end))
                )
                return nearest
        return None


def _merge_split(pairs: list[tuple[Token, Quote]]) -> list[Quote]:
    """One quote per cue: "“X,” he said, “Y”" spans from X to Y."""
    by_cue: dict[int, Quote] = {}
    for cue, quote in pairs:
        first = by_cue.get(cue.i)
        if first is None:
            by_cue[cue.i] = quote
            continue
        text = cue.doc.text
        start, end = first.content.start, max(first.content.end, quote.content.end)
        content = TextSpan(start, end, text[start:end])
        by_cue[cue.i] = replace(first, content=content, direct=first.direct or quote.direct)
    return sorted(by_cue.values(), key=lambda q: q.content.start)


def _subject(verb: Token, *, passive: bool = True) -> Token | None:
    """The verb's subject (the nearest, if several), or a passive's agent ("by X").

    With ``passive=False`` a passive subject does not count: whoever "is
    expected to win" or "was asked about it" is not the one speaking.
    """
    subjects = [
        c for c in verb.children if c.dep_ == "nsubj" or (passive and c.dep_ == "nsubjpass")
    ]
    for child in verb.children:
        if child.dep_ == "agent":
            subjects += [c for c in child.children if c.dep_ == "pobj"]
    if subjects:  # a parse across a paragraph break may give two: the nearest speaks
        nearest: Token = min(subjects, key=lambda s: abs(s.i - verb.i))
        return nearest
    if verb.dep_ == "conj":
        return _subject(verb.head, passive=passive)
    return None


def _inverted(cue: Token) -> bool:
    """Is the subject after the verb ("…, said a White House spokesperson")?"""
    subject = _subject(cue)
    return subject is not None and subject.i > cue.i


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _is_direct(marks: list[tuple[int, int]], content: TextSpan) -> bool:
    """Is most of the content between quotation marks?"""
    inside = sum(max(0, min(e, content.end) - max(s, content.start)) for s, e in marks)
    return inside * 2 >= content.end - content.start


def quotes(doc: Document, *, max_quote: int = 1500) -> list[Quote]:
    """The quotes of a parsed document, in text order.

    A quotation mark left open for more than ``max_quote`` characters (or across a
    blank line) quotes nothing.
    """
    if doc.parse is None:
        return []
    return _Builder(doc, max_quote).run()


def attribute_events(doc: Document) -> None:
    """Give events inside a quote's content its speaker as ``reported_by``."""
    for quote in doc.quotes:
        if quote.speaker is None:
            continue
        for event in doc.events:
            trigger = event.evidence.trigger
            inside = quote.content.start <= trigger.start < quote.content.end
            if inside and event.reported_by is None and quote.speaker not in event.source:
                event.reported_by = quote.speaker


class QuoteSettings(StageSettings):
    """Settings of ``eventwatch.quotes.v1``."""

    #: the longest quotation, in characters, between an opening and a closing mark
    max_quote: int = Field(default=1500, ge=10)


class QuoteStage:
    """The ``eventwatch.quotes.v1`` stage: fills ``doc.quotes`` and ``reported_by``."""

    def __init__(self, settings: QuoteSettings) -> None:
        self.max_quote = settings.max_quote

    def __call__(self, doc: Document) -> Document:
        doc.quotes = quotes(doc, max_quote=self.max_quote)
        attribute_events(doc)
        return doc


@stages.register(
    "eventwatch.quotes.v1",
    settings=QuoteSettings,
    requires=["parse", "sentences", "mentions", "events"],
    assigns=["quotes", "events"],
)
def make_quotes(settings: QuoteSettings, resources: Resources) -> QuoteStage:
    return QuoteStage(settings)
