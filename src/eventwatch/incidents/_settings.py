"""The linker's settings: one pydantic model, the only copy of the defaults.

The thresholds and weights were tuned on the tune half of
``incidents_dev.jsonl`` only (docs/incidents.md, Tuning).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["LinkSettings"]


class LinkSettings(BaseModel):
    """How reports are compared and when one joins an incident."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: float = Field(
        default=0.2,
        ge=0,
        le=2,
        description="A report joins an incident when its score to one member reaches this.",
    )
    attach_threshold: float = Field(
        default=2.0,
        ge=0,
        le=2,
        description="A report that would open an incident joins its "
        "best one on this lower score when no other incident comes within attach_margin.",
    )
    attach_margin: float = Field(
        default=0.05,
        ge=0,
        description="How far the best incident must lead the next one "
        "for a report to join it on attach_threshold.",
    )
    merge_threshold: float = Field(
        default=0.5,
        ge=0,
        le=2,
        description="A report that reaches two incidents merges them "
        "only when it reaches both with this score.",
    )
    linkage: float = Field(
        default=0.15,
        ge=0,
        le=1,
        description="A report's score to an incident: 0 its best "
        "score to a member (single link), 1 the mean over the members (average link).",
    )
    local_weight: float = Field(
        default=1.0,
        ge=0,
        le=1,
        description="Share of the cosines computed with term weights "
        "of the report's candidates (log n/df among them) instead of all reports.",
    )
    split_threshold: float = Field(
        default=0.30,
        ge=-1,
        le=2,
        description="Two groups of an incident's reports stay one "
        "only when the mean score between them reaches this (average link).",
    )
    split_ratio: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="When above 0: an incident splits in the two "
        "groups average link leaves last if the mean score across them is at most this "
        "share of the mean within the less coherent group (scores weighted by its members' "
        "own terms); split_threshold is then unused.",
    )
    max_members: int = Field(
        default=50,
        ge=1,
        description="A report is scored against at most this many of an incident's latest members.",
    )
    casualty_penalty: float = Field(
        default=0.05, ge=0, description="Subtracted when the casualty counts contradict."
    )
    text_weight: float = Field(default=1.0, ge=0, description="Weight of the body's cosine.")
    names_weight: float = Field(default=0.3, ge=0, description="Weight of the names' cosine.")
    title_weight: float = Field(
        default=0.1,
        ge=0,
        description="Weight of the titles' cosine (given to the body when a report has no title).",
    )
    agree_bonus: float = Field(
        default=0.01,
        ge=0,
        description="Added for each of type, actors, place, date and "
        "casualties that agree; subtracted for each that contradicts.",
    )
    contradiction_penalty: float = Field(
        default=0.0, ge=0, description="Subtracted for a place or date that contradicts."
    )
    max_gap_days: int = Field(
        default=120, ge=0, description="Reports published further apart are no candidates."
    )
    echo_days: int = Field(
        default=60,
        ge=0,
        description="An event dated this many days before its report is an "
        "echo of a past incident, not news.",
    )
    key_terms: int = Field(
        default=12,
        ge=1,
        description="Each report is indexed under its heaviest names and "
        "words; reports sharing one are candidates.",
    )
    max_postings: int = Field(
        default=400,
        ge=1,
        description="A key term held by more reports than this blocks "
        "nothing (it is too common to tell incidents apart).",
    )
