"""The pipeline: batches, fault isolation, stage contract."""

import pytest

from eventwatch import Article, ConfigError, Document, DocumentError, Pipeline
from eventwatch.pipeline.config import load_config
from eventwatch.pipeline.registry import stages


@stages.register("test.explode_on_boom.v1", requires=["parse"], assigns=[])
def _make_exploding_stage(**_):
    def stage(doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("stage bug triggered by this document")
        return doc

    return stage


@stages.register("test.returns_none.v1", requires=["parse"], assigns=[])
def _make_bad_stage(**_):
    return lambda doc: None


def _with_extra_stage(pipeline: Pipeline, name: str) -> Pipeline:
    config = load_config()
    config.stages.insert(0, config.stages[0].model_copy(update={"name": name}))
    return Pipeline(config, parser=pipeline.parser)


def test_a_failing_stage_costs_one_document_not_the_batch(pipeline) -> None:
    custom = _with_extra_stage(pipeline, "test.explode_on_boom.v1")
    docs = list(
        custom.code_articles(
            [
                Article(id="a", text="Police arrested ten protesters."),
                Article(id="b", text="A boom was heard before rebels attacked the town."),
                Article(id="c", text="Rebels attacked the town."),
            ]
        )
    )
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[1].errors[0].stage == "test.explode_on_boom.v1"
    assert "RuntimeError: stage bug" in docs[1].errors[0].message
    assert docs[0].events and docs[2].events and not docs[0].errors


def test_a_stage_that_breaks_the_contract_is_a_config_error(pipeline) -> None:
    custom = _with_extra_stage(pipeline, "test.returns_none.v1")
    with pytest.raises(ConfigError, match="returned NoneType, not Document"):
        list(custom.code_articles([Article(id="a", text="Rebels attacked the town.")]))


def test_input_errors_keep_their_place_in_the_batch(pipeline) -> None:
    docs = list(
        pipeline.code_articles(
            [
                DocumentError("not JSON", doc_id="x:1"),
                Article(id="empty", text="   "),
                Article(id="huge", text="word " * 50_000),
                Article(id="ok", text="Rebels attacked the town."),
            ]
        )
    )
    assert [d.id for d in docs] == ["x:1", "empty", "huge", "ok"]
    assert [e.message for e in docs[0].errors] == ["not JSON"]
    assert docs[1].errors[0].message == "empty text"
    assert "over the limit" in docs[2].errors[0].message
    assert docs[3].events and docs[3].sentences


def test_batches_give_the_same_result_as_one_at_a_time(pipeline) -> None:
    texts = [f"Rebels attacked town number {i}. Police arrested {i} men." for i in range(70)]
    batch = list(pipeline.code_articles(Article(id=str(i), text=t) for i, t in enumerate(texts)))
    single = pipeline.code_text(texts[65], id="65")
    assert [e.type for e in batch[65].events] == [e.type for e in single.events]
    assert len(batch) == 70
