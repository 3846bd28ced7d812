"""Person names in a parsed document, which a toponym must not be a word of.

The small model reads lone towns as people ("Twickenham residents") and people's
names as towns ("Zamora" of "Jose Ruben Zamora"). These helpers say which words
belong to a longer person's name, and drop a toponym that is only such a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .toponyms import Mention

__all__ = [
    "CUE_WORDS",
    "DASHES",
    "in_longer_person",
    "no_name_word",
    "people",
    "surnames",
    "without_person_words",
]

#: locative words before a place name ("in", "near")
CUE_WORDS = frozenset(
    {"in", "at", "near", "from", "outside", "to", "of", "into", "across", "around"}
)
#: dashes inside an entity that part two names
DASHES = frozenset({"-", "–", "—", "--"})


def no_name_word(sub: Span) -> bool:
    """Whether a word is no part of any longer person's name in the document: the
    small model reads a lone town ("Twickenham residents") as a person."""
    word = sub[0].lower_
    return not any(
        len(name) > 1 and any(t.lower_ == word for t in name) for name in people(sub.doc)
    )


def people(doc: Doc) -> list[Span]:
    """The document's PERSON entities, split at a dash inside one ("Trump - Wisconsin")."""
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        for token in ent:
            if token.text in DASHES:
                names.append(doc[start : token.i])
                start = token.i + 1
        names.append(doc[start : ent.end])
    return [name for name in names if len(name)]


def without_person_words(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Without a lone name that is the surname of a longer person's name in the text
    ("Zamora" beside "Jose Ruben Zamora"), unless a country, or a place somewhere
    in the text by its cue ("in Zamora", "Greer, South Carolina")."""
    words = {name[-1].text for name in people(doc) if len(name) > 1}
    doubtful = {
        m.text
        for m in found
        if m.text in words and not any(e.feature == "PCLI" and e.main for e in m.entries)
    }
    if not doubtful:
        return found
    placed = set()
    for mention in found:
        span = doc.char_span(mention.start, mention.end)
        if mention.text in doubtful and span is not None and _placed_by_cue(span):
            placed.add(mention.text)
    return [m for m in found if m.text not in doubtful - placed]


def _placed_by_cue(span: Span) -> bool:
    """A locative word before a name, or a subdivision or country after its comma."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in CUE_WORDS - {"of", "to"}:
        return True
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE"


def surnames(doc: Doc) -> set[tuple[str, ...]]:
    """The last words of the multi-word person names ("Steele" of "Christopher Steele")."""
    return {(name[-1].lower_,) for name in people(doc) if len(name) > 1}


def in_longer_person(span: Span) -> bool:
    """Whether a span lies inside a PERSON entity with more words than itself."""
    for name in people(span.doc):
        if name.start <= span.start and span.end <= name.end:
            return len(name) > len(span)
    return False
