"""Near-duplicates: real wire copies are linked to the first copy, across jobs."""

from __future__ import annotations

import pytest

from eventwatch import Pipeline
from eventwatch.ingest import LocalIndex, signature
from eventwatch.ingest._near_duplicates import THRESHOLD
from eventwatch.store import Store

from ._fixtures import code_rows, read_corpus

pytestmark = pytest.mark.issue(14)

#: the same story carried twice in the shared corpus (an AP story and its update,
#: one paper's copy with and without the dateline, one text in two collections)
WIRE_COPIES = [
    ("aquaint-APW20000216.0272", "aquaint-APW20000216.0193"),
    ("lgl-lgl-44145259", "lgl-lgl-44220000"),
    ("lgl-lgl-41880857", "lgl-trnews-1260001"),
]
#: two different stories on one subject (EU, Israel, the same week): not copies
SAME_TOPIC = ("lgl-lgl-44176373", "lgl-lgl-43340250")


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    rows = read_corpus("news_mix.jsonl") + read_corpus("voa_2025.jsonl")
    return {row["id"]: row for row in rows}


def _reprint(row: dict) -> str:
    """Another outlet's copy: its own headline, dateline, byline and footer."""
    return (
        "SPECIAL REPORT: What the strike means for the region\n"
        "By our wire staff | Updated 6 hours ago\n\n"
        + row["text"]
        + "\n\nThis story was provided by a news agency. All rights reserved. "
        "Sign up for our daily newsletter and follow us on social media."
    )


def test_wire_copies_are_similar_and_same_topic_stories_are_not(corpus) -> None:
    for first, copy in WIRE_COPIES:
        similarity = signature(corpus[first]["text"]).similarity(signature(corpus[copy]["text"]))
        assert similarity >= THRESHOLD, (first, copy, similarity)
    a, b = SAME_TOPIC
    assert signature(corpus[a]["text"]).similarity(signature(corpus[b]["text"])) < THRESHOLD
    voa = corpus["voa-8011115"]
    assert signature(voa["text"]).similarity(signature(_reprint(voa))) >= 0.8


def test_signatures_are_deterministic(corpus) -> None:
    text = corpus["voa-8011115"]["text"]
    assert signature(text) == signature(text)
    assert signature(text).band_keys() == signature(text).band_keys()


def test_the_store_links_later_copies_to_the_first_across_reopening(
    store_url: str, pipeline: Pipeline, corpus
) -> None:
    firsts = [corpus[first] for first, _ in WIRE_COPIES] + [corpus["voa-8011115"]]
    coded = code_rows(pipeline, firsts)
    with Store.open(store_url) as store:
        store.write(coded, signatures={d["id"]: signature(d["text"]) for d in coded})
    # a later job, in a new process as far as the store can tell
    with Store.open(store_url) as store:
        for first, copy in WIRE_COPIES:
            assert store.near_duplicate(signature(corpus[copy]["text"])) == first
        assert store.near_duplicate(signature(_reprint(corpus["voa-8011115"]))) == "voa-8011115"
        assert store.near_duplicate(signature(corpus[SAME_TOPIC[1]]["text"])) is None
        assert store.near_duplicate(signature(corpus["voa-8011115"]["text"]),
                                    exclude="voa-8011115") is None  # fmt: skip
        bulk = store.near_duplicates(
            {copy: signature(corpus[copy]["text"]) for _, copy in WIRE_COPIES}
        )
        assert bulk == {copy: first for first, copy in WIRE_COPIES}


def test_every_later_copy_links_to_the_earliest(store_url: str, pipeline: Pipeline, corpus) -> None:
    first, second = (corpus[i] for i in WIRE_COPIES[0])
    coded = code_rows(pipeline, [first, second])
    with Store.open(store_url) as store:
        store.write(coded[:1], signatures={coded[0]["id"]: signature(first["text"])})
        store.write(coded[1:], signatures={coded[1]["id"]: signature(second["text"])})
        third = signature(_reprint(second))
        assert store.near_duplicate(third) == first["id"]


def test_a_local_index_finds_copies_inside_one_batch(corpus) -> None:
    index = LocalIndex()
    for first, copy in WIRE_COPIES:
        assert index.first_copy(signature(corpus[first]["text"])) is None
        index.add(first, signature(corpus[first]["text"]))
        assert index.first_copy(signature(corpus[copy]["text"])) == first
    assert index.first_copy(signature(corpus[SAME_TOPIC[0]]["text"])) is None
