"""The score of a report against another: similarity, then what agrees or contradicts.

Each feature is 1 (agrees), 0 (contradicts) or None (unknown): type family,
actors' countries, place (within a distance that grows with the places'
precision), date (ranges that overlap once stretched by their granularity) and
casualties (counts that may grow as the dead are counted, but not by much).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._reports import GRANULARITY_DAYS, PRECISION_KM, Place, Report, Span
from ._settings import LinkSettings
from ._text import Vector, cosine

__all__ = ["LocalWeights", "Scored", "Vectors", "score_pair"]


@dataclass(frozen=True)
class Vectors:
    body: Vector
    title: Vector
    names: Vector


@dataclass(frozen=True)
class Scored:
    score: float
    features: dict[str, Any]


def _km(a: Place, b: Place) -> float | None:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_agrees(a: Place | None, b: Place | None) -> float | None:
    if a is None or b is None:
        return None
    if a.country and b.country and a.country != b.country:
        return 0.0
    km = _km(a, b)
    if km is None:
        return 1.0 if a.country and a.country == b.country else None
    limit = max(PRECISION_KM[a.precision], PRECISION_KM[b.precision])
    return 1.0 if km <= limit else 0.0


def date_agrees(a: Span | None, b: Span | None) -> float | None:
    if a is None or b is None:
        return None
    slack = GRANULARITY_DAYS.get(a.granularity, 1) + GRANULARITY_DAYS.get(b.granularity, 1)
    if "publication" in (a.source, b.source):
        slack += 3  # "on Saturday", said Monday's paper, is an event before its report
    gap = max((a.start - b.end).days, (b.start - a.end).days, 0)
    return 1.0 if gap <= slack else 0.0


def casualties_agree(a: Report, b: Report) -> float | None:
    known = False
    for kind in ("killed", "injured"):
        x, y = a.figure(kind), b.figure(kind)
        if x is None or y is None:
            continue
        known = True
        low, high = sorted((x, y))
        if high - low > max(3, low):  # "3 killed" may become 5, not 40
            return 0.0
    return 1.0 if known else None


def type_agrees(a: Report, b: Report) -> float | None:
    if a.family is None or b.family is None:
        return None
    if a.family == b.family or a.family in b.families or b.family in a.families:
        return 1.0
    return 0.0


def actors_agree(a: Report, b: Report) -> float | None:
    if not a.countries or not b.countries:
        return None
    return 1.0 if a.countries & b.countries else 0.0


@dataclass(frozen=True)
class LocalWeights:
    """Term weights among the reports one report is compared with (log n/df there), and
    the weight of a term none of them holds."""

    weights: Mapping[str, float]
    top: float


def _weighted(a: Vector, b: Vector, local: LocalWeights) -> float:
    """The cosine of ``a`` and ``b`` with each term's weight scaled by ``local``."""
    weights, top = local.weights, local.top
    dot = na = nb = 0.0
    for t, w in a.items():
        m = weights.get(t, top) ** 2
        na += w * w * m
        if t in b:
            dot += w * b[t] * m
    for t, w in b.items():
        nb += w * w * weights.get(t, top) ** 2
    return dot / math.sqrt(na * nb) if na and nb else 0.0


def score_pair(
    a: Report,
    va: Vectors,
    b: Report,
    vb: Vectors,
    settings: LinkSettings,
    local: LocalWeights | None = None,
) -> Scored:
    """How well report ``a`` fits report ``b``, with the features that decided it.

    ``local``: term -> weight among the reports ``a`` is compared with (the terms they
    all share tell their incidents apart less than the rest; see docs/incidents.md).
    """
    text, names = cosine(va.body, vb.body), cosine(va.names, vb.names)
    if local and settings.local_weight:
        lam = settings.local_weight
        text = (1 - lam) * text + lam * _weighted(va.body, vb.body, local)
        names = (1 - lam) * names + lam * _weighted(va.names, vb.names, local)
    title = cosine(va.title, vb.title) if va.title and vb.title else None
    text_weight = settings.text_weight + (settings.title_weight if title is None else 0.0)
    similarity = (
        text_weight * text + settings.names_weight * names + settings.title_weight * (title or 0.0)
    )
    checks = {
        "type": type_agrees(a, b),
        "actors": actors_agree(a, b),
        "place": place_agrees(a.place, b.place),
        "date": date_agrees(a.date, b.date),
        "casualties": casualties_agree(a, b),
    }
    score = similarity
    for name, value in checks.items():
        if value is None:
            continue
        score += settings.agree_bonus * (2 * value - 1)
        if value == 0.0 and name in {"place", "date"}:
            score -= settings.contradiction_penalty
        if value == 0.0 and name == "casualties":
            score -= settings.casualty_penalty
    features: dict[str, Any] = {
        "text": round(text, 3),
        "names": round(names, 3),
        "title": None if title is None else round(title, 3),
        **checks,
    }
    return Scored(round(score, 4), features)
