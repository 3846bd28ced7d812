"""Shared, read-only resources: the country and institution tables and the gazetteer.

A :class:`Resources` object is what the pipeline injects into the stages that
need a table or the gazetteer, so no stage opens its own and two stages read
the same copy. Everything opens lazily, once per process: a pickled
``Resources`` carries only where to find its files, and a worker process
reopens them on first use.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from .countries import Country, read_countries
from .gazetteer import Entry, Gazetteer, GazetteerIndex, MemoryGazetteer, index_path, normalise
from .institutions import Institution, read_institutions
from .language import LanguageDetector, LanguageGuess, language_name

__all__ = [
    "Country",
    "Entry",
    "Gazetteer",
    "GazetteerIndex",
    "Institution",
    "LanguageDetector",
    "LanguageGuess",
    "MemoryGazetteer",
    "Resources",
    "index_path",
    "language_name",
    "normalise",
]


class Resources:
    """The shared tables and gazetteer, opened on first use.

    ``gazetteer`` may be given (a :class:`MemoryGazetteer` in tests); otherwise
    the index at ``gazetteer_path`` (default: the installed one, built once at
    install) is opened read-only.
    """

    def __init__(
        self, *, gazetteer: Gazetteer | None = None, gazetteer_path: Path | None = None
    ) -> None:
        self._gazetteer = gazetteer
        self._gazetteer_path = gazetteer_path
        #: which language a text is in (the model loads on first use)
        self.languages = LanguageDetector()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = GazetteerIndex(self._gazetteer_path or index_path())
        return self._gazetteer

    @cached_property
    def countries(self) -> tuple[Country, ...]:
        return tuple(read_countries())

    @cached_property
    def institutions(self) -> tuple[Institution, ...]:
        return tuple(read_institutions())

    def __getstate__(self) -> dict[str, Any]:
        # an open index is never pickled: the receiving process opens its own
        opened = self._gazetteer
        keep = opened if isinstance(opened, MemoryGazetteer) else None
        return {"gazetteer": keep, "gazetteer_path": self._gazetteer_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            gazetteer=state["gazetteer"], gazetteer_path=state["gazetteer_path"]
        )
