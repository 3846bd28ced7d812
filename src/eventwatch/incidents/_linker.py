"""Incremental linking: each report joins the incident it fits best, or opens one.

Candidates come from blocking, never from all pairs: a report is indexed under
its heaviest names and words and under its place, type family and week; a
report is compared only with the reports that share one of its keys and were
published within ``max_gap_days``. A report joins the incident holding its best
candidate when the score reaches ``threshold``; when it reaches two incidents
with ``merge_threshold`` or more, they become one. Manual merges and splits
(:mod:`._manual`) pin documents to incidents and keep split incidents apart,
and linking never undoes them.

An incident's id is that of its first report (``inc-`` and a hash of the
document id); when two merge, the older id stays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._reports import Report
from ._score import LocalWeights, Scored, Vectors, score_pair
from ._settings import LinkSettings
from ._text import TermStats

__all__ = ["Link", "Linker", "Pins", "incident_id"]

PairScore = Callable[[str, str], Scored]


def _two_groups(docs: list[str], pair: PairScore, ratio: float) -> list[list[str]]:
    """The two groups average link leaves last, when the mean score across them is at
    most ``ratio`` times the mean score within the less coherent one; else one group."""
    score = _scores(docs, pair)
    members = _agglomerate(len(docs), score, float("-inf"), 2)
    if len(members) != 2:
        return [docs]
    a, b = members.values()

    def mean(pairs: list[tuple[int, int]]) -> float | None:
        return sum(score[(min(i, j), max(i, j))] for i, j in pairs) / len(pairs) if pairs else None

    within = [
        m for g in (a, b) if (m := mean([(i, j) for x, i in enumerate(g) for j in g[x + 1 :]]))
        is not None
    ]  # fmt: skip
    across = mean([(i, j) for i in a for j in b])
    if not within or across is None or min(within) <= 0 or len(a) < 2 or len(b) < 2:
        return [docs]
    if across > ratio * min(within):
        return [docs]
    return [[docs[i] for i in sorted(g)] for g in (a, b)]


def _scores(docs: list[str], pair: PairScore) -> dict[tuple[int, int], float]:
    return {(i, j): pair(docs[i], docs[j]).score for i in range(len(docs))
            for j in range(i + 1, len(docs))}  # fmt: skip


def _agglomerate(
    n: int, score: dict[tuple[int, int], float], threshold: float, stop: int = 1
) -> dict[int, list[int]]:
    """Average-link merging of ``n`` items until ``stop`` groups or no mean reaches
    ``threshold``; ties go to the pair of groups met first."""
    members = {i: [i] for i in range(n)}
    while len(members) > stop:
        keys = sorted(members)
        best, best_pair = threshold, None
        for x, a in enumerate(keys):
            for b in keys[x + 1 :]:
                total = sum(score[(min(i, j), max(i, j))] for i in members[a] for j in members[b])
                mean = total / (len(members[a]) * len(members[b]))
                if mean >= best and (best_pair is None or mean > best):
                    best, best_pair = mean, (a, b)
        if best_pair is None:
            break
        a, b = best_pair
        members[a].extend(members.pop(b))
    return members


def _average_link(docs: list[str], pair: PairScore, threshold: float) -> list[list[str]]:
    """Agglomerative clustering by mean pair score, stopping below ``threshold``.

    Deterministic: ties go to the pair of groups met first in ``docs`` order.
    """
    members = _agglomerate(len(docs), _scores(docs, pair), threshold)
    return [[docs[i] for i in sorted(m)] for _, m in sorted(members.items())]


#: a cached vector is weighed again once the linked reports grew by this share
_REFRESH = 1.25
#: the sizes at which an incident's groups are checked (each about a quarter above the last)
_CHECKPOINTS = frozenset({3, 4, 5, 6, 8, 10, 12, 15, 19, 24, 30, 38, 48, 60, 75, 94, 118})


def incident_id(seed: str) -> str:
    """The stable id of the incident a document (or a split) opened."""
    return "inc-" + hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Link:
    """Why a report is in its incident: its best score, to whom, and the features."""

    score: float | None
    linked_to: str | None
    features: dict[str, Any]


@dataclass
class Pins:
    """What people decided: documents fixed to incidents, incidents kept apart."""

    documents: dict[str, str] = field(default_factory=dict)
    apart: set[frozenset[str]] = field(default_factory=set)
    renamed: dict[str, str] = field(default_factory=dict)

    def incident(self, name: str) -> str:
        while name in self.renamed:
            name = self.renamed[name]
        return name

    def pinned(self, doc_id: str) -> str | None:
        name = self.documents.get(doc_id)
        return self.incident(name) if name is not None else None

    def kept_apart(self, a: str, b: str) -> bool:
        return frozenset((self.incident(a), self.incident(b))) in {
            frozenset(self.incident(x) for x in pair) for pair in self.apart
        }


class Linker:
    """Reports in, incidents out; keeps what it needs to link the next report."""

    def __init__(self, settings: LinkSettings | None = None, *, pins: Pins | None = None) -> None:
        self.settings = settings or LinkSettings()
        self.pins = pins or Pins()
        self.stats = TermStats()
        self.reports: dict[str, Report] = {}
        self.links: dict[str, Link] = {}
        self.incident_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.changed: set[str] = set()
        self.retired: set[str] = set()
        self._order: dict[str, int] = {}
        self._vectors: dict[str, tuple[int, Vectors]] = {}
        self._keys: dict[str, list[str]] = {}
        self._index: dict[str, list[str]] = defaultdict(list)
        self._founder: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], Scored] = {}
        self._last_local: LocalWeights | None = None

    # -- vectors and keys --------------------------------------------------------
    def _terms(self, report: Report) -> list[str]:
        return [*report.body, *(f"@{n}" for n in report.names)]

    def vectors(self, doc_id: str) -> Vectors:
        cached = self._vectors.get(doc_id)
        if cached is not None and self.stats.documents <= cached[0] * _REFRESH:
            return cached[1]
        report = self.reports[doc_id]
        made = Vectors(
            body=self.stats.vector(report.body),
            title=self.stats.vector(report.title_words),
            names=self.stats.vector({f"@{n}": c for n, c in report.names.items()}),
        )
        self._vectors[doc_id] = (self.stats.documents, made)
        return made

    def _key_terms(self, report: Report, vectors: Vectors) -> list[str]:
        k = self.settings.key_terms
        names = sorted(vectors.names.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        body = sorted(vectors.body.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
        keys = [t for t, _ in names] + [t for t, _ in body]
        if report.place is not None and report.family is not None and report.pub_date:
            week = report.pub_date.isocalendar()
            keys.append(
                f"#{report.place.country}|{report.place.admin1}|{report.family}|"
                f"{week.year}-{week.week}"
            )
        return keys

    def _when(self, report: Report) -> tuple[dt.date, dt.date] | None:
        """The days a report speaks of: its event's range for an echo, else its day."""
        if report.historical and report.date is not None:
            return report.date.start, report.date.end
        return (report.pub_date, report.pub_date) if report.pub_date is not None else None

    def candidates(self, report: Report, keys: Iterable[str]) -> list[str]:
        found: set[str] = set()
        for key in keys:
            posting = self._index.get(key)
            if posting and len(posting) <= self.settings.max_postings:
                found.update(posting)
        when, gap = self._when(report), self.settings.max_gap_days
        kept = []
        for doc_id in found:
            other = self._when(self.reports[doc_id])
            if when is None or other is None:
                kept.append(doc_id)
            elif max((when[0] - other[1]).days, (other[0] - when[1]).days) <= gap:
                kept.append(doc_id)
        return sorted(kept, key=self._order.__getitem__)

    # -- linking -------------------------------------------------------------------
    def add(self, report: Report) -> str:
        """Link one report; the id of the incident it is now in."""
        if report.doc_id in self.reports:
            self.forget(report.doc_id)
        self._order[report.doc_id] = len(self._order)
        self.stats.add(self._terms(report))
        self.reports[report.doc_id] = report
        vectors = self.vectors(report.doc_id)
        keys = self._key_terms(report, vectors)
        target, link = self._decide(report, vectors, keys)
        self._keys[report.doc_id] = keys
        for key in keys:
            self._index[key].append(report.doc_id)
        self._join(report.doc_id, target, link)
        self._refine(self.incident_of[report.doc_id], self._last_local)
        return self.pins.incident(self.incident_of[report.doc_id])

    # -- average-link check ----------------------------------------------------------
    def _pair(self, a: str, b: str) -> Scored:
        key = (a, b) if a < b else (b, a)
        found = self._pairs.get(key)
        if found is None:
            found = score_pair(self.reports[a], self.vectors(a), self.reports[b],
                               self.vectors(b), self.settings)  # fmt: skip
            self._pairs[key] = found
        return found

    def _refine(self, name: str, local: LocalWeights | None) -> None:
        """Split an incident whose reports fall into groups that only a few links join.

        Single links reach far: two earthquakes on one island, two patches of one
        browser. The members are clustered again by average link (the mean score
        between two groups must reach ``split_threshold`` for them to stay one);
        the group of the first report keeps the id, each other group becomes an
        incident of its own. Incidents holding a document placed by hand are left
        as they are.
        """
        docs = self.members.get(name, [])
        if len(docs) not in _CHECKPOINTS or len(docs) > self.settings.max_members:
            return
        if any(self.pins.pinned(d) is not None for d in docs):
            return
        if self.settings.split_ratio:
            own = self._local(docs, {})

            def pair(a: str, b: str) -> Scored:
                return score_pair(self.reports[a], self.vectors(a), self.reports[b],
                                  self.vectors(b), self.settings, own)  # fmt: skip

            groups = _two_groups(docs, pair, self.settings.split_ratio)
        elif local is not None:

            def pair(a: str, b: str) -> Scored:
                return score_pair(self.reports[a], self.vectors(a), self.reports[b],
                                  self.vectors(b), self.settings, local)  # fmt: skip

            groups = _average_link(docs, pair, self.settings.split_threshold)
        else:
            groups = _average_link(docs, self._pair, self.settings.split_threshold)
        if len(groups) < 2:
            return
        groups.sort(key=lambda g: min(self._order[d] for d in g))
        for group in groups[1:]:
            founder = min(group, key=self._order.__getitem__)
            new = incident_id(founder)
            for doc_id in group:
                self.members[name].remove(doc_id)
                self.incident_of[doc_id] = new
            self.members[new] = sorted(group, key=self._order.__getitem__)
            self._founder[new] = self._order[founder]
            self.retired.discard(new)
            self.changed.add(new)
            for doc_id in group:
                self._relink(doc_id)
        for doc_id in self.members[name]:
            if self.links[doc_id].linked_to not in self.members[name]:
                self._relink(doc_id)
        self.changed.add(name)

    def _relink(self, doc_id: str) -> None:
        """Point a report's link at its best fellow member after a split."""
        others = [d for d in self.members[self.incident_of[doc_id]] if d != doc_id]
        if not others:
            self.links[doc_id] = Link(None, None, {})
            return
        best = max(others, key=lambda d: (self._pair(doc_id, d).score, -self._order[d]))
        scored = self._pair(doc_id, best)
        self.links[doc_id] = Link(scored.score, best, {**scored.features, "regrouped": True})

    def _decide(self, report: Report, vectors: Vectors, keys: list[str]) -> tuple[str, Link]:
        self._last_local = None
        pinned = self.pins.pinned(report.doc_id)
        if pinned is not None:
            return pinned, Link(None, None, {"manual": True})
        first = report.duplicate_of
        if first is not None and first in self.incident_of:
            return self.incident_of[first], Link(1.0, first, {"near_duplicate": True})
        found = self.candidates(report, keys)
        seen = dict.fromkeys(self.incident_of[other] for other in found)
        local = self._local(found, seen) if self.settings.local_weight else None
        self._last_local = local
        best: dict[str, tuple[Scored, str]] = {}
        mix = self.settings.linkage
        for name in seen:
            pairs = [
                (score_pair(report, vectors, self.reports[other], self.vectors(other),
                            self.settings, local), other)
                for other in self._anchors(name)
            ]  # fmt: skip
            top = max(pairs, key=lambda pair: pair[0].score)
            mean = sum(s.score for s, _ in pairs) / len(pairs)
            value = (1 - mix) * top[0].score + mix * mean
            combined = Scored(round(value, 4), top[0].features)
            best[name] = (combined, top[1])
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0].score, self._founder[kv[0]]))
        if ranked and ranked[0][1][0].score < self.settings.threshold:
            # a report that would stand alone joins a clear best incident on less
            runner_up = ranked[1][1][0].score if len(ranked) > 1 else -1.0
            best_score = ranked[0][1][0].score
            if best_score >= self.settings.attach_threshold and (
                best_score - runner_up >= self.settings.attach_margin
            ):
                name, (scored, other) = ranked[0]
                return name, Link(scored.score, other, {**scored.features, "attached": True})
        ranked = [kv for kv in ranked if kv[1][0].score >= self.settings.threshold]
        if not ranked:
            return incident_id(report.doc_id), Link(None, None, {})
        name, (scored, other) = ranked[0]
        if scored.score >= self.settings.merge_threshold:
            for more, (extra, _) in ranked[1:]:
                if extra.score >= self.settings.merge_threshold:
                    name = self._merge(name, more)
        return name, Link(scored.score, other, scored.features)

    def _anchors(self, name: str) -> list[str]:
        """The members a new report is scored against: the latest ones, not those that
        joined on the lower ``attach_threshold`` (they would let incidents chain)."""
        members = self.members[name][-self.settings.max_members :]
        firm = [d for d in members if not self.links[d].features.get("attached")]
        return firm or members

    def _local(self, found: list[str], incidents: Mapping[str, None]) -> LocalWeights:
        """Term weights among the reports a new one is compared with: log n / df."""
        docs = set(found)
        for name in incidents:
            docs.update(self.members[name][-self.settings.max_members :])
        frequency: Counter[str] = Counter()
        for doc_id in docs:
            v = self.vectors(doc_id)
            frequency.update(v.body.keys())
            frequency.update(v.names.keys())
        n = len(docs)
        weights = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in frequency.items()}
        return LocalWeights(weights, max(weights.values(), default=1.0))

    def _join(self, doc_id: str, name: str, link: Link) -> None:
        if name not in self.members:
            self.members[name] = []
            self._founder[name] = self._order[doc_id]
        self.members[name].append(doc_id)
        self.incident_of[doc_id] = name
        self.links[doc_id] = link
        self.changed.add(name)

    def _merge(self, a: str, b: str) -> str:
        """Merge incidents ``a`` and ``b`` unless people kept them apart; the one kept."""
        if a == b or self.pins.kept_apart(a, b):
            return a
        if any(self.pins.pinned(d) not in (None, b) for d in self.members[b]) or any(
            self.pins.pinned(d) not in (None, a) for d in self.members[a]
        ):
            return a
        keep, gone = (a, b) if self._founder[a] <= self._founder[b] else (b, a)
        for doc_id in self.members.pop(gone):
            self.members[keep].append(doc_id)
            self.incident_of[doc_id] = keep
        del self._founder[gone]
        self.changed.discard(gone)
        self.changed.add(keep)
        self.retired.add(gone)
        return keep

    def forget(self, doc_id: str) -> None:
        """Drop a report (a new version replaces it, or it left the window)."""
        name = self.incident_of.pop(doc_id, None)
        if name is not None:
            self.members[name].remove(doc_id)
            self.changed.add(name)
            if not self.members[name]:
                del self.members[name]
                del self._founder[name]
                self.changed.discard(name)
                self.retired.add(name)
        for key in self._keys.pop(doc_id, []):
            posting = self._index.get(key)
            if posting and doc_id in posting:
                posting.remove(doc_id)
        self.reports.pop(doc_id, None)
        self.links.pop(doc_id, None)
        self._vectors.pop(doc_id, None)

    def drop(self, name: str) -> None:
        """Let go of an incident nothing new can reach (its store record stays)."""
        for doc_id in self.members.get(name, []):
            for key in self._keys.pop(doc_id, []):
                posting = self._index.get(key)
                if posting and doc_id in posting:
                    posting.remove(doc_id)
            for table in (self.reports, self.links, self._vectors, self.incident_of):
                table.pop(doc_id, None)
        self.members.pop(name, None)
        self._founder.pop(name, None)
        self.changed.discard(name)

    def restore(self, name: str, reports: list[Report], links: dict[str, Link]) -> None:
        """Take back a stored incident as it was (a new job goes on from the store)."""
        for report in reports:
            self._order[report.doc_id] = len(self._order)
            self.stats.add(self._terms(report))
            self.reports[report.doc_id] = report
        for report in reports:
            keys = self._key_terms(report, self.vectors(report.doc_id))
            self._keys[report.doc_id] = keys
            for key in keys:
                self._index[key].append(report.doc_id)
            self._join(report.doc_id, name, links.get(report.doc_id) or Link(None, None, {}))
        self.changed.discard(name)

    def take_changes(self) -> tuple[list[str], list[str]]:
        """The incidents changed and those merged away since the last call."""
        changed = sorted(n for n in self.changed if n in self.members)
        retired = sorted(self.retired - set(self.members))
        self.changed, self.retired = set(), set()
        return changed, retired

    def clusters(self) -> dict[str, list[str]]:
        """Incident id -> its documents, in link order."""
        return {name: list(docs) for name, docs in sorted(self.members.items())}
