"""PLOVER QuadClass and conflict-cooperation scores, from the manual's tables.

The tables are project data files with their citation (``data/plover_quads.tsv``,
``data/plover_scores.tsv``): QuadClass from chapter 3 of the PLOVER manual, scores from its
Table 2.2 ("Numeric conflict/cooperation scores", -10 conflict to +10 cooperation).

Two rules fill the table's gaps: a mode the table does not list scores as its type (ASSAULT
``massacre`` scores -9, as ASSAULT does), and a type that is not PLOVER scores 0 and has no
QuadClass (0). The one correction to the printed table, ACCUSE +3 read as -3, is in the data file
with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import pandas as pd

from ..exceptions import ResourceError
from ..resources.wordlists import read_rows

__all__ = [
    "PLOVER_TYPES",
    "QUAD_NAMES",
    "ScoreTable",
    "normalise_mode",
    "plover_score",
    "quad_class",
    "score_table",
    "score_units",
]

#: QuadClass numbers (1-4) to their names, in order
QUAD_NAMES: dict[int, str] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


@dataclass(frozen=True)
class ScoreTable:
    """QuadClass per type, score per type and per (type, mode)."""

    quads: dict[str, int]
    type_scores: dict[str, float]
    mode_scores: dict[tuple[str, str], float]

    @property
    def types(self) -> tuple[str, ...]:
        """The 16 PLOVER types in the manual's order (cooperation first)."""
        return tuple(self.quads)


def normalise_mode(mode: object) -> str:
    """A mode as the table writes it, lower case and hyphenated: ``heavy-weapons``."""
    if not isinstance(mode, str):
        return ""
    return "-".join(mode.strip().lower().replace("_", " ").split())


@lru_cache(maxsize=1)
def score_table() -> ScoreTable:
    """The packaged tables, read once."""
    quads: dict[str, int] = {}
    for type_, quad in read_rows("eventwatch.analytics", "plover_quads.tsv", 2):
        quads[type_] = int(quad)
    type_scores: dict[str, float] = {}
    mode_scores: dict[tuple[str, str], float] = {}
    for type_, mode, _manual, score, _note in read_rows(
        "eventwatch.analytics", "plover_scores.tsv", 5
    ):
        if type_ not in quads:
            raise ResourceError(
                f"plover_scores.tsv: {type_} is not a PLOVER type", code="resource-table"
            )
        if mode:
            mode_scores[(type_, mode)] = float(score)
        else:
            type_scores[type_] = float(score)
    missing = [t for t in quads if t not in type_scores]
    if missing:
        raise ResourceError(
            f"plover_scores.tsv: no score for {', '.join(missing)}", code="resource-table"
        )
    return ScoreTable(quads, type_scores, mode_scores)


PLOVER_TYPES: tuple[str, ...] = score_table().types


def quad_class(type_: str) -> int:
    """The QuadClass (1-4) of a PLOVER type; 0 for anything else."""
    return score_table().quads.get(type_.upper(), 0)


def plover_score(type_: str, mode: str | None = None) -> float:
    """The conflict-cooperation score of a type and mode (the type's when the mode is unlisted)."""
    table = score_table()
    type_ = type_.upper()
    if mode:
        score = table.mode_scores.get((type_, normalise_mode(mode)))
        if score is not None:
            return score
    return table.type_scores.get(type_, 0.0)


def score_units(
    types: pd.Series, modes: pd.Series
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float64]]:
    """QuadClass and score for columns of types and modes, vectorised over distinct pairs."""
    table = score_table()
    type_codes, type_values = pd.factorize(types.fillna(""))
    mode_codes, mode_values = pd.factorize(modes.fillna(""))
    width = max(len(mode_values), 1)
    keys, inverse = np.unique(type_codes.astype(np.int64) * width + mode_codes, return_inverse=True)
    quad = np.zeros(len(keys), dtype=np.int8)
    score = np.zeros(len(keys), dtype=np.float64)
    for i, key in enumerate(keys.tolist()):
        type_ = str(type_values[key // width]).upper()
        mode = str(mode_values[key % width]) if len(mode_values) else ""
        quad[i] = table.quads.get(type_, 0)
        score[i] = plover_score(type_, mode or None)
    return quad[inverse], score[inverse]
