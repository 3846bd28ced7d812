"""A small learned scorer of PLOVER event types for one sentence.

The rule and lexicon detector proposes candidate events; this module tells it how
likely each PLOVER type is for the sentence as a whole, so it can rank candidates
(pick the main event) and break ties.

The model is a multinomial logistic regression trained offline by
``scripts/train_type_model.py`` (scikit-learn is a development dependency only)
and shipped as ``data/type_model.json``.  Scoring here is pure Python: a sum of
dictionary look-ups per class followed by a softmax.

:func:`sentence_features` is the one feature extractor; the training script
imports it, so training and run time see exactly the same features.
"""

from __future__ import annotations

import json
import math
import pathlib
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from ...exceptions import ResourceError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_VERSION", "TypeModel", "sentence_features"]

#: The model file format this module reads.
MODEL_VERSION = 1

#: Parts of speech whose lemmas are features.
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
#: Negation words (spaCy marks them as stop words) collapse into one feature.
_NEGATIONS = frozenset({"not", "n't", "no", "never", "neither", "nor"})
#: Feature standing for any negation word.
NEG_FEATURE = "<neg>"


def _lemma(token: Token) -> str | None:
    """The feature for one token, or None if the token carries none."""
    lower = token.lower_
    if lower in _NEGATIONS:
        return NEG_FEATURE
    if token.pos_ not in _CONTENT_POS or token.is_stop or not token.is_alpha:
        return None
    lemma = token.lemma_.lower()
    if len(lemma) < 2 or not lemma.isalpha():
        return None
    return lemma


def sentence_features(tokens: Iterable[Token]) -> list[str]:
    """Features of a sentence: the lower-cased spaCy lemmas of its content words.

    Content words are non-stop alphabetic nouns, verbs, adjectives and adverbs;
    every negation word becomes ``"<neg>"``.  The result is sorted and without
    repeats (features are binary).  Lemma bigrams were tried and did not improve
    cross-validated accuracy, so they are left out.
    """
    return sorted({lemma for lemma in map(_lemma, tokens) if lemma is not None})


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"type model: {where} must be a number, got {type(value).__name__}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"type model: {where} must be finite, got {number}")
    return number


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"type model: {where} must be an object, got {type(value).__name__}")
    return value


class TypeModel:
    """Linear PLOVER-type scorer: softmax of per-class sums of feature weights."""

    __slots__ = ("_intercept", "_weights", "classes")

    classes: tuple[str, ...]

    def __init__(
        self,
        classes: Iterable[str],
        intercept: Mapping[str, float],
        weights: Mapping[str, Mapping[str, float]],
    ) -> None:
        self.classes = tuple(classes)
        if not self.classes:
            raise ValueError("type model: 'classes' is empty")
        if len(set(self.classes)) != len(self.classes):
            raise ValueError("type model: 'classes' has repeats")
        known = set(self.classes)
        missing = known - set(intercept)
        if missing:
            raise ValueError(f"type model: 'intercept' lacks classes {sorted(missing)}")
        self._intercept: tuple[float, ...] = tuple(intercept[c] for c in self.classes)
        index = {c: i for i, c in enumerate(self.classes)}
        self._weights: dict[str, tuple[tuple[int, float], ...]] = {}
        for feature, per_class in weights.items():
            unknown = set(per_class) - known
            if unknown:
                raise ValueError(
                    f"type model: weights of feature {feature!r} name unknown classes "
                    f"{sorted(unknown)}"
                )
            self._weights[feature] = tuple((index[c], w) for c, w in per_class.items())

    @classmethod
    def from_dict(cls, data: Any) -> TypeModel:
        """Build a model from the parsed JSON document; ValueError if it is malformed."""
        top = _mapping(data, "the file")
        version = top.get("version")
        if version != MODEL_VERSION:
            raise ValueError(
                f"type model: unsupported 'version' {version!r} (expected {MODEL_VERSION})"
            )
        for key in ("classes", "intercept", "weights"):
            if key not in top:
                raise ValueError(f"type model: missing key {key!r}")
        raw_classes = top["classes"]
        if not isinstance(raw_classes, list) or not all(isinstance(c, str) for c in raw_classes):
            raise ValueError("type model: 'classes' must be a list of strings")
        intercept = {
            str(c): _number(v, f"intercept[{c!r}]")
            for c, v in _mapping(top["intercept"], "'intercept'").items()
        }
        weights: dict[str, dict[str, float]] = {}
        for feature, per_class in _mapping(top["weights"], "'weights'").items():
            where = f"weights[{feature!r}]"
            weights[str(feature)] = {
                str(c): _number(v, f"{where}[{c!r}]") for c, v in _mapping(per_class, where).items()
            }
        return cls(raw_classes, intercept, weights)

    @classmethod
    def load(cls, path: pathlib.Path | None = None) -> TypeModel:
        """Load a model file; by default the one packaged with eventwatch."""
        try:
            if path is None:
                resource = resources.files("eventwatch.stages.events") / "data" / "type_model.json"
                text = resource.read_text(encoding="utf-8")
                where = "packaged type_model.json"
            else:
                text = path.read_text(encoding="utf-8")
                where = str(path)
        except OSError as error:
            raise ResourceError(
                f"type model: cannot read {error}", code="resource-type-model"
            ) from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ResourceError(
                f"type model: {where} is not valid JSON: {error}", code="resource-type-model"
            ) from error
        try:
            return cls.from_dict(data)
        except ValueError as error:
            raise ResourceError(f"{error} (in {where})", code="resource-type-model") from error

    def logits(self, features: Iterable[str]) -> list[float]:
        """Unnormalised class scores, in the order of :attr:`classes`."""
        totals = list(self._intercept)
        for feature in set(features):
            for i, weight in self._weights.get(feature, ()):
                totals[i] += weight
        return totals

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax probability of each class given the sentence's features."""
        totals = self.logits(features)
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        norm = sum(exps)
        return {c: e / norm for c, e in zip(self.classes, exps, strict=True)}
