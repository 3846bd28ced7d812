"""The stage registry and the config: names, order, checked settings."""

from __future__ import annotations

import pytest

from eventwatch import ConfigError, Pipeline
from eventwatch.pipeline.config import PipelineConfig, StageConfig, load_config
from eventwatch.pipeline.registry import Registry, check_order, stages

from .stubs import FakeParser

pytestmark = pytest.mark.issue(13)


def test_default_config_names_registered_stages_in_a_valid_order() -> None:
    config = load_config()
    infos = [stages.get(s.name) for s in config.stages]
    assert check_order(infos) == []
    assert [i.name for i in infos] == [
        "eventwatch.layout.v1",
        "eventwatch.actor_mentions.v1",
        "eventwatch.event_detector.v1",
        "eventwatch.dates.v1",
        "eventwatch.places.v1",
        "eventwatch.quotes.v1",
        "eventwatch.quantities.v1",
        "eventwatch.event_coref.v1",
        "eventwatch.event_anchors.v1",
    ]


def test_order_check_reports_a_field_no_earlier_stage_assigns() -> None:
    infos = [
        stages.get("eventwatch.layout.v1"),  # the blocks the detector reads datelines from
        stages.get("eventwatch.event_detector.v1"),
        stages.get("eventwatch.actor_mentions.v1"),
    ]
    problems = check_order(infos)
    assert problems == [
        "stage 'eventwatch.event_detector.v1' requires 'mentions', which no earlier stage assigns"
    ]


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'nope.v1'") as caught:
        stages.get("nope.v1")
    assert caught.value.code == "config-stage"
    assert "eventwatch.places.v1" in caught.value.message  # the known ones are listed


def test_registering_an_unknown_field_is_refused() -> None:
    registry = Registry()
    with pytest.raises(ConfigError, match="unknown fields"):
        registry.register("x.v1", requires=["parse"], assigns=["vibes"])


@pytest.mark.parametrize(
    ("stage", "settings", "message"),
    [
        (
            "eventwatch.places.v1",
            {"max_candidate": 5},
            "stage 'eventwatch.places.v1': unknown setting 'max_candidate' (known: max_candidates, ",
        ),
        (
            "eventwatch.places.v1",
            {"weights": {"near_kms": 100}},
            "stage 'eventwatch.places.v1': unknown setting 'weights.near_kms'",
        ),
        (
            "eventwatch.quotes.v1",
            {"max_quote": "long"},
            "stage 'eventwatch.quotes.v1': setting 'max_quote': Input should be a valid integer",
        ),
        (
            "eventwatch.quantities.v1",
            {"anything": 1},
            "stage 'eventwatch.quantities.v1': unknown setting 'anything' (known: none)",
        ),
    ],
)
def test_a_misspelt_setting_names_the_stage_and_the_key(stage, settings, message) -> None:
    with pytest.raises(ConfigError) as caught:
        stages.get(stage).configure(settings)
    assert caught.value.message.startswith(message)
    assert caught.value.code == "config-setting"


def test_a_misspelt_setting_in_a_config_file_fails_the_pipeline(tmp_path) -> None:
    path = tmp_path / "typo.toml"
    path.write_text('[[stages]]\nname = "test.keyword_events.v1"\nsettings = {wrod = "x"}\n')
    with pytest.raises(ConfigError, match="stage 'test.keyword_events.v1': unknown setting 'wrod'"):
        Pipeline(load_config(path), parser=FakeParser())


def test_settings_defaults_live_in_the_settings_model() -> None:
    info = stages.get("eventwatch.places.v1")
    settings = info.configure({})
    assert settings.max_candidates == 3 and settings.weights.near_km == 150.0
    assert info.configure({"max_candidates": 5}).max_candidates == 5


def test_config_rejects_unknown_keys(tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[nlp]\nmodel = "x"\nspeed = 3\n[[stages]]\nname = "a"\n')
    with pytest.raises(ConfigError, match="speed"):
        load_config(path)


def test_config_validates_its_values() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        PipelineConfig.model_validate({"nlp": {"batch_size": 0}, "stages": []})
    config = PipelineConfig(stages=[StageConfig(name="eventwatch.actor_mentions.v1")])
    assert config.nlp.batch_size == 16 and config.input.max_bytes == 5_000_000
