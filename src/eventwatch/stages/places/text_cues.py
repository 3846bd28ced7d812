"""What a text's own punctuation says about its places, applied to their rankings.

"Paris, Texas" puts a town in its state; "China, Canada and Britain" makes a
list of one kind. Both read only the characters between two mentions, so they
hold whatever the parser made of the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ...resources.gazetteer import Entry

if TYPE_CHECKING:
    from .resolve import Scored
    from .toponyms import Mention

__all__ = ["lists_of_countries", "within_areas"]


def within_areas(mentions: list[Mention], ranked: list[list[Scored]], text: str) -> None:
    """ "Paris, Texas": a place followed by a subdivision or country must lie in it."""
    for index in range(len(mentions) - 1):
        here, there = mentions[index], mentions[index + 1]
        if text[here.end : there.start].strip() != "," or not ranked[index]:
            continue
        areas = {
            (e.country, e.name if e.feature == "ADM1" else None)
            for e in there.entries
            if e.feature in {"ADM1", "PCLI"}
        }
        if not areas:
            continue
        rescored = [
            replace(s, score=s.score + 3.0)
            if (s.entry.country, s.entry.admin1) in areas or (s.entry.country, None) in areas
            else s
            for s in ranked[index]
        ]
        ranked[index] = sorted(rescored, key=lambda s: (-s.score, s.entry.id))


#: what joins the members of a list of places ("China, Canada and the Soviet Union")
_LIST_JOINTS = frozenset({",", "and", "or", ", and", ", or", "and the", ", and the", ", the"})
#: what a member of a list of countries gains for its reading as a country
_LIST_COUNTRY_GAIN = 3.0


def lists_of_countries(
    mentions: list[Mention], ranked: list[list[Scored]], text: str, capitals: Mapping[str, str]
) -> None:
    """One list, one kind: a member of a list of countries or capitals is one too.

    "Flew for China, Canada and Britain", "over Italy and Japan", "between
    Washington and Moscow": the name's reading as a country, or as its country's
    capital, beats a town of that name that the rest of a local document favours.
    A list of towns and their states ("Italy, Texas") names no country and is left
    alone.
    """
    groups: list[list[int]] = []
    for index, mention in enumerate(mentions):
        joint = text[mentions[index - 1].end : mention.start] if index else None
        if joint is not None and " ".join(joint.split()).lower() in _LIST_JOINTS:
            groups[-1].append(index)
        else:
            groups.append([index])
    for group in groups:
        national = [
            i
            for i in group
            if ranked[i] and _national(ranked[i][0].entry, mentions[i].text, capitals)
        ]
        if not national or len(group) < 2:
            continue
        for i in set(group) - set(national):
            rescored = [
                replace(s, score=s.score + _LIST_COUNTRY_GAIN)
                if _national(s.entry, mentions[i].text, capitals)
                else s
                for s in ranked[i]
            ]
            ranked[i] = sorted(rescored, key=lambda s: (-s.score, s.entry.id))


def _national(entry: Entry, text: str, capitals: Mapping[str, str]) -> bool:
    """A country under its own name, or the capital city its name stands for."""
    if entry.feature == "PCLI":
        return entry.main
    return (
        entry.feature == "PPL"
        and entry.main
        and capitals.get(text) == entry.country
        and entry.population >= 100_000
    )
