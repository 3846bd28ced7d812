"""The figures of ``eventwatch evaluate --task incidents``, on clusterings small enough to
count by hand (issue 18)."""

from __future__ import annotations

import pytest

from eventwatch.scoring.incidents import baseline_clusters, score_clusters

pytestmark = pytest.mark.issue(18)

GOLD = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B"}
ITEMS = list(GOLD)


def test_a_perfect_clustering_scores_one() -> None:
    figures = score_clusters(dict(GOLD), GOLD, ITEMS)
    for f in figures.values():
        assert (f.precision, f.recall, f.f1) == (1.0, 1.0, 1.0)


def test_b_cubed_and_pairwise_count_as_defined() -> None:
    # a3 joined B's incident; a distractor x sits with b1 and b2
    predicted = {"a1": "p", "a2": "p", "a3": "q", "b1": "q", "b2": "q", "x": "q"}
    figures = score_clusters(predicted, GOLD, ITEMS)
    b3 = figures["B-cubed"]
    # precision: a1, a2 -> 2/2; a3 -> 1/4; b1, b2 -> 2/4
    assert b3.precision == pytest.approx((1 + 1 + 0.25 + 0.5 + 0.5) / 5)
    # recall: a1, a2 -> 2/3; a3 -> 1/3; b1, b2 -> 1
    assert b3.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    pairs = figures["pairwise"]
    # predicted pairs: a1-a2, a3-b1, a3-b2, b1-b2 and three with x; true: a1-a2, b1-b2
    assert pairs.precision == pytest.approx(2 / 7)
    assert pairs.recall == pytest.approx(2 / 4)  # a1-a2, a1-a3, a2-a3, b1-b2


def test_the_baseline_links_texts_that_share_their_words() -> None:
    documents = [
        {"id": "1", "title": "Flood in Dhaka", "text": "Monsoon floods swamped Dhaka slums."},
        {"id": "2", "title": "Dhaka flood", "text": "Floods swamped the slums of Dhaka."},
        {"id": "3", "title": "Chess final", "text": "Carlsen won the chess final in Oslo."},
    ]
    found = baseline_clusters(documents, threshold=0.2)
    assert found["1"] == found["2"] != found["3"]
