"""Words and parse labels that more than one stage reads, written once.

* :mod:`.speech`: verbs of saying and the attribution cues of quotes;
* :mod:`.numbers`: number words (cardinals and ordinals);
* :mod:`.people`: common nouns for people and for units of them;
* :mod:`.places`: common nouns for kinds of place and sites in a town;
* :mod:`.syntax`: dependency-label sets, span overlap, a participle that
  describes its noun, the words a verb befalls and a companion's preposition.

A stage package imports this and never another stage package, so two stages
can no longer drift apart on what counts as a verb of saying.
"""

from __future__ import annotations

from .numbers import NUMBER_WORDS, ORDINAL_WORDS, cardinal_value, ordinal_value
from .people import OUTSIDER_NOUNS, PERSON_NOUNS, PERSONNEL_NOUNS, TOLL_VERBS
from .places import PLACE_NOUNS, SITE_NOUNS
from .speech import ATTRIBUTION_CUES, DIRECTIVE_VERBS, SPEECH_VERBS
from .syntax import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    companion_prep,
    overlaps,
    participle_of_its_noun,
    undergoers,
)

__all__ = [
    "ATTRIBUTION_CUES",
    "DIRECTIVE_VERBS",
    "NUMBER_WORDS",
    "OBJECT_DEPS",
    "ORDINAL_WORDS",
    "OUTSIDER_NOUNS",
    "PERSONNEL_NOUNS",
    "PERSON_NOUNS",
    "PLACE_NOUNS",
    "SITE_NOUNS",
    "SPEECH_VERBS",
    "SUBJECT_DEPS",
    "TOLL_VERBS",
    "cardinal_value",
    "companion_prep",
    "ordinal_value",
    "overlaps",
    "participle_of_its_noun",
    "undergoers",
]
