"""The pipeline runner: batches, fault isolation, the stage contract, records out, pickling."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwatch import Article, CodedDocument, ConfigError, Document, DocumentError, Pipeline
from eventwatch.pipeline.config import PipelineConfig, StageConfig
from eventwatch.pipeline.registry import stages
from eventwatch.pipeline.sections import sections
from eventwatch.records import content_hash, default_id

from .conftest import SEED, articles
from .stubs import FakeParser

pytestmark = pytest.mark.issue(13)


@stages.register("test.explode_on_boom.v1", requires=["parse"], assigns=[])
def _make_exploding_stage(settings, resources):
    def stage(doc: Document) -> Document:
        if "boom" in doc.text:
            raise RuntimeError("stage bug triggered by this document")
        return doc

    return stage


@stages.register("test.returns_none.v1", requires=["parse"], assigns=[])
def _make_bad_stage(settings, resources):
    return lambda doc: None


def _stub(stub_pipeline: Pipeline, *names: str) -> Pipeline:
    config = PipelineConfig(
        stages=[StageConfig(name=n) for n in (*names, "test.keyword_events.v1")]
    )
    return Pipeline(config, parser=FakeParser(), resources=stub_pipeline.resources)


def test_a_failing_stage_costs_one_document_not_the_batch(stub_pipeline) -> None:
    custom = _stub(stub_pipeline, "test.explode_on_boom.v1")
    docs = list(
        custom.code_articles(
            articles(
                "Rebels attacked the town.",
                "A boom was heard before rebels attacked the town.",
                "Rebels attacked the town again.",
            )
        )
    )
    assert [d.id for d in docs] == ["a0", "a1", "a2"]
    assert docs[1].errors[0].stage == "test.explode_on_boom.v1"
    assert "RuntimeError: stage bug" in docs[1].errors[0].message
    assert docs[0].events and docs[2].events and not docs[0].errors


def test_a_stage_that_breaks_the_contract_is_a_config_error(stub_pipeline) -> None:
    custom = _stub(stub_pipeline, "test.returns_none.v1")
    with pytest.raises(ConfigError, match="returned NoneType, not Document"):
        list(custom.code_articles([Article(id="a", text="Rebels attacked the town.")]))


def test_input_errors_keep_their_place_in_the_batch(stub_pipeline) -> None:
    docs = list(
        stub_pipeline.code_articles(
            [
                DocumentError("not JSON", doc_id="x:1", code="document-json"),
                Article(id="empty", text="   "),
                Article(id="huge", text="word " * 1_100_000),
                Article(id="ok", text="Rebels attacked the town."),
            ]
        )
    )
    assert [d.id for d in docs] == ["x:1", "empty", "huge", "ok"]
    assert [(e.message, e.code) for e in docs[0].errors] == [("not JSON", "document-json")]
    assert (docs[1].errors[0].message, docs[1].errors[0].code) == ("empty text", "document-empty")
    assert "over the limit" in docs[2].errors[0].message
    assert docs[3].events and docs[3].sentences and not docs[3].errors


def test_records_carry_no_parse_and_round_trip_through_json(seed_doc) -> None:
    assert isinstance(seed_doc, CodedDocument)
    assert not hasattr(seed_doc, "parse") and not hasattr(seed_doc, "actor_heads")
    data = json.loads(json.dumps(seed_doc.to_dict()))
    again = CodedDocument.from_dict(data)
    assert again == seed_doc
    assert again.to_dict() == seed_doc.to_dict()
    assert len(pickle.dumps(seed_doc)) < 4 * len(json.dumps(data))


def test_event_ids_are_derived_from_content_not_counted(stub_pipeline) -> None:
    text = "Rebels attacked the town. Then they attacked the port."
    first = stub_pipeline.code_text(text, id="story")
    ids = [e.id for e in first.events]
    assert len(ids) == 2 and len(set(ids)) == 2 and all(i.startswith("ev-") for i in ids)
    assert [e.id for e in stub_pipeline.code_text(text, id="story").events] == ids
    # the same words elsewhere, or in another document, are other events
    other = stub_pipeline.code_text("Earlier, " + text, id="story")
    assert not set(ids) & {e.id for e in other.events}
    assert not set(ids) & {e.id for e in stub_pipeline.code_text(text, id="copy").events}
    assert first.content_hash == content_hash(text)


def test_a_text_without_an_id_is_named_after_its_content(stub_pipeline) -> None:
    a = stub_pipeline.code_text("Rebels attacked the town.")
    b = stub_pipeline.code_text("Rebels attacked the port.")
    assert a.id == default_id("Rebels attacked the town.") and a.id != b.id


def test_the_version_names_the_package_model_and_settings(stub_pipeline) -> None:
    doc = stub_pipeline.code_text("Rebels attacked the town.", id="v")
    assert doc.version.startswith("eventwatch 0.1.0; fake_parser 1.0; config ")
    changed = Pipeline(
        stub_pipeline.config,
        parser=FakeParser(),
        resources=stub_pipeline.resources,
        overrides={"test.keyword_events.v1": {"word": "shelled"}},
    )
    assert changed.version != stub_pipeline.version


def _code_in_child(payload: bytes, text: str, queue) -> None:
    pipeline = pickle.loads(payload)
    queue.put(json.dumps(pipeline.code_text(text, id="seed").to_dict()))


def test_a_pickled_pipeline_codes_the_same_in_a_child_process(pipeline, seed_doc) -> None:
    payload = pickle.dumps(pipeline)
    assert len(payload) < 100_000  # the config and settings, never the model
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_code_in_child, args=(payload, SEED.read_text("utf-8"), queue))
    child.start()
    result = queue.get(timeout=240)
    child.join(timeout=60)
    assert child.exitcode == 0
    expected = pipeline.code_text(SEED.read_text("utf-8"), id="seed")
    assert json.loads(result) == expected.to_dict()


def test_batches_give_the_same_result_as_one_at_a_time(pipeline) -> None:
    texts = [f"Rebels attacked town number {i}. Police arrested {i} men." for i in range(70)]
    batch = list(pipeline.code_articles(Article(id=str(i), text=t) for i, t in enumerate(texts)))
    single = pipeline.code_text(texts[65], id="65")
    assert batch[65].to_dict() == single.to_dict()
    assert len(batch) == 70


def test_a_text_in_another_language_is_refused_not_coded_as_english(stub_pipeline) -> None:
    french = (
        "La police a arrêté dix manifestants à Belgrade lundi, a annoncé le ministère de "
        "l'Intérieur, qui a dénoncé des violences contre les forces de l'ordre."
    )
    doc = stub_pipeline.code_text(french, id="fr", pub_date=dt.date(2023, 9, 29))
    assert doc.article.language == "fr" and not doc.events
    [error] = doc.errors
    assert error.code == "document-language"
    assert error.message.startswith("language fr: no French pipeline installed")


def test_the_language_field_is_what_was_detected(stub_pipeline) -> None:
    text = (
        "Rebels attacked the town on Monday, and the army said it would send more troops "
        "to the region before the elections next month."
    )
    doc = stub_pipeline.code_text(text, id="en", language="fr", pub_date=dt.date(2023, 9, 29))
    assert doc.article.language == "en" and doc.events and not doc.errors
    assert [w.code for w in doc.warnings] == ["document-language-declared"]
    assert "declared language fr, detected en" in doc.warnings[0].message
    short = stub_pipeline.code_text("Rebels attacked.", id="s", pub_date=dt.date(2023, 9, 29))
    assert short.article.language == "en" and short.events  # too short to be sure: the model's


def test_a_missing_publication_date_is_a_warning(stub_pipeline) -> None:
    doc = stub_pipeline.code_text("Rebels attacked the town.", id="nodate")
    assert [w.code for w in doc.warnings] == ["document-no-date"] and doc.events


@given(
    text=st.text(st.sampled_from("ab .\n!"), max_size=400),
    size=st.integers(min_value=1, max_value=60),
)
def test_sections_cover_the_text_in_order_within_the_size(text: str, size: int) -> None:
    cuts = sections(text, size)
    assert "".join(text[s:e] for s, e in cuts) == text
    assert all(0 < e - s <= size for s, e in cuts) or text == ""
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))


def test_a_long_report_is_coded_in_sections_with_global_offsets(pipeline) -> None:
    seed = SEED.read_text("utf-8")
    text = "\n\n".join([seed, seed.replace("Sunday", "Monday"), seed])
    config = pipeline.config.model_copy(  # coreference would join the copies' events
        update={
            "nlp": pipeline.config.nlp.model_copy(update={"max_chars": 4000}),
            "stages": [s for s in pipeline.config.stages if s.name != "eventwatch.event_coref.v1"],
        }
    )
    sectioned = Pipeline(config, parser=pipeline.parser, resources=pipeline.resources)
    doc = sectioned.code_text(text, id="long", pub_date=dt.date(2023, 9, 29))
    assert not doc.errors
    whole = pipeline.code_text(seed, id="seed", pub_date=dt.date(2023, 9, 29))
    per_copy = [[e for e in doc.events if s <= e.evidence.start < s + len(seed)] for s in
                (0, len(seed) + 2, 2 * len(seed) + 4)]  # fmt: skip
    assert [len(events) for events in per_copy] == [len(whole.events)] * 3
    for event in doc.events:
        trigger = event.evidence.trigger
        assert text[trigger.start : trigger.end] == trigger.text
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert [e.type for e in per_copy[2]] == [e.type for e in whole.events]


def test_a_document_over_the_limit_is_refused(stub_pipeline) -> None:
    doc = stub_pipeline.code_text("Rebels attacked. " * 300_000, id="huge")
    [error] = doc.errors
    assert error.code == "document-size" and "over the limit of 5,000,000" in error.message
    ok = stub_pipeline.code_text("Rebels attacked the town. " * 10_000, id="big")
    assert not ok.errors and len(ok.events) == 10_000  # 260,000 characters: in sections
