"""Demonyms in a parsed document: "Russian", "Sri Lankans", but not a language.

A demonym names whom something belongs to; the stage reports it as a place of
feature ``demonym`` at its country, never as where an event happened. "English
language learners", "speaks Spanish" and "French-speaking" name languages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["demonym_spans"]

#: words after a demonym that make it a language ("English language", "Spanish-speaking")
_LANGUAGE_NOUNS = frozenset(
    "language languages speaker speakers speaking class classes lesson lessons teacher "
    "teachers learner learners translation translator translators subtitles literature".split()
)
#: words before a demonym that make it a language ("speaks French")
_LANGUAGE_VERBS = frozenset("speak speaks spoke speaking fluent".split())


@lru_cache(maxsize=4)
def _demonym_shape(demonyms: frozenset[str]) -> tuple[int, frozenset[str]]:
    """The most words of a demonym, and the words demonyms start with."""
    longest = max((len(d.split()) for d in demonyms), default=0)
    return longest, frozenset(d.split()[0] for d in demonyms)


def demonym_spans(doc: Doc, demonyms: frozenset[str]) -> list[Span]:
    """The demonyms of a document, one or more words each ("Russian", "Sri Lankans")."""
    longest, first_words = _demonym_shape(demonyms)
    texts = [t.text for t in doc]
    found: list[Span] = []
    start = 0
    while start < len(doc):
        if texts[start] not in first_words:
            start += 1
            continue
        for end in range(min(len(doc), start + longest), start, -1):
            if doc[start:end].text in demonyms:
                if not _language(doc, start, end):
                    found.append(doc[start:end])
                start = end
                break
        else:
            start += 1
    return found


def _language(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` names a language ("English language learners", "speaks
    Spanish", "French-speaking"), which says nothing of where a report is."""
    if doc[start].ent_type_ == "LANGUAGE":
        return True
    after = doc[end].lower_ if end < len(doc) else ""
    if after == "-" and end + 1 < len(doc):
        after = doc[end + 1].lower_
    if after in _LANGUAGE_NOUNS:
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    noun_after = end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}
    return before in _LANGUAGE_VERBS and not noun_after
