"""Hidden checks of c3 on random tables: the metrics on random predictions (with no positive
prediction or label now and then), choosing among random models (a runtime exactly at the limit,
none fast enough), the diagnosis on random error rates, cause shares of random tags (repeated
and missing tags), ceilings and the multi-task cost with random missing labels. The split is
checked by what it must be (``helpers.checks.c3.expect_split``), not by one random order."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import failure
from helpers.checks.c3 import expect_split

from .common import call_student, check
from .spec import SPEC

CAUSES = ("dog", "great cat", "blurry", "mislabeled", "dark", "filter")


def _binary(rng, m: int, p: float = 0.5):
    return (rng.random((1, m)) < p).astype(int)


def _metric_check(function, name: str, rng, case: str) -> None:
    m = int(rng.integers(5, 60))
    predictions, labels = _binary(rng, m), _binary(rng, m)
    if case == "few positives":
        predictions, labels = _binary(rng, m, 0.1), _binary(rng, m, 0.15)
    elif case == "none" and name == "recall":
        labels = np.zeros((1, m), int)
    elif case == "none":
        predictions = np.zeros((1, m), int)
    check(function, name, f"{name}(predictions, labels) for m = {m} ({case})", predictions, labels)


CASES = ["random", "few positives", "none"]


@pytest.mark.grades("test_precision")
@pytest.mark.parametrize("case", CASES)
def test_precision(precision, rng, case):
    _metric_check(precision, "precision", rng, case)


@pytest.mark.grades("test_recall")
@pytest.mark.parametrize("case", CASES)
def test_recall(recall, rng, case):
    _metric_check(recall, "recall", rng, case)


@pytest.mark.grades("test_f1_score")
@pytest.mark.parametrize("case", CASES)
def test_f1_score(f1_score, rng, case):
    _metric_check(f1_score, "f1_score", rng, case)


@pytest.mark.grades("test_choose_model")
@pytest.mark.parametrize("case", ["random", "at the limit", "none fast enough"])
def test_choose_model(choose_model, rng, case):
    count = int(rng.integers(2, 7))
    models = [
        {
            "name": f"model {i}",
            "accuracy": float(np.round(rng.uniform(0.7, 0.99), 3)),
            "runtime_ms": int(rng.integers(10, 300)),
        }
        for i in range(count)
    ]
    limit = int(rng.integers(50, 200))
    if case == "at the limit":
        best = max(range(count), key=lambda i: models[i]["accuracy"])
        models[best]["runtime_ms"] = limit
    elif case == "none fast enough":
        for model in models:
            model["runtime_ms"] = limit + int(rng.integers(1, 100))
    what = f"choose_model(models, max_runtime_ms={limit}) for {count} models ({case})"
    check(choose_model, "choose_model", what, models, max_runtime_ms=limit)


@pytest.mark.grades("test_split_indices")
@pytest.mark.parametrize(
    ("n_web", "n_target", "dev_size", "test_size"),
    [(200, 60, 20, 20), (0, 30, 10, 5), (7, 12, 4, 4), (50, 10, 5, 5)],
)
def test_split_indices(split_indices, rng, n_web, n_target, dev_size, test_size):
    seed = int(rng.integers(0, 1000))
    what = f"split_indices({n_web}, {n_target}, {dev_size}, {test_size}, seed={seed})"
    first = call_student(
        split_indices, "split_indices", what, n_web, n_target, dev_size, test_size, seed=seed
    )[0]
    expect_split(first, n_web, n_target, dev_size, test_size, what)
    second = call_student(
        split_indices, "split_indices", what, n_web, n_target, dev_size, test_size, seed=seed
    )[0]
    if not all(np.array_equal(a, b) for a, b in zip(first, second, strict=True)):
        raise failure(
            f"{what}: two calls with the same seed gave different splits.",
            mistake=SPEC.hint("split_no_seed"),
        )


@pytest.mark.grades("test_diagnose")
@pytest.mark.parametrize("largest", [0, 1, 2, 3])
def test_diagnose(diagnose, rng, largest):
    gaps = np.round(rng.uniform(0.001, 0.02, 4), 4)
    gaps[largest] = np.round(rng.uniform(0.03, 0.08), 4)
    human = float(np.round(rng.uniform(0, 0.05), 4))
    errors = [human, *(float(np.round(human + np.sum(gaps[: i + 1]), 4)) for i in range(4))]
    text = ", ".join(
        f"{n}={e}"
        for n, e in zip(("human", "train", "train_dev", "dev", "test"), errors, strict=True)
    )
    check(diagnose, "diagnose", f"diagnose({text})", *errors)


@pytest.mark.grades("test_cause_shares")
@pytest.mark.parametrize("count", [1, 12, 40])
def test_cause_shares(cause_shares, rng, count):
    tags = []
    for _ in range(count):
        k = int(rng.integers(0, 4))
        example = [str(c) for c in rng.choice(CAUSES, size=k)]  # may repeat a cause
        tags.append(example)
    check(
        cause_shares,
        "cause_shares",
        f"cause_shares(tags) for {count} misclassified examples: {tags[:5]}...",
        tags,
    )


@pytest.mark.grades("test_error_ceiling")
@pytest.mark.parametrize("case", [0, 1, 2])
def test_error_ceiling(error_ceiling, rng, case):
    dev_error, share = (
        float(np.round(rng.uniform(0.01, 0.3), 3)),
        float(np.round(rng.uniform(0, 1), 3)),
    )
    check(
        error_ceiling,
        "error_ceiling",
        f"error_ceiling(dev_error={dev_error}, share={share})",
        dev_error,
        share,
    )


@pytest.mark.grades("test_multitask_cost")
@pytest.mark.parametrize("missing", [0.0, 0.3, 0.6])
def test_multitask_cost(multitask_cost, rng, missing):
    k, m = int(rng.integers(1, 5)), int(rng.integers(2, 9))
    A = rng.uniform(0.05, 0.95, (k, m))
    Y = (rng.random((k, m)) < 0.5).astype(float)
    Y[rng.random((k, m)) < missing] = np.nan
    Y[0, 0] = 1.0  # at least one label present
    gaps = int(np.isnan(Y).sum())
    what = f"multitask_cost(A, Y) for {k} task(s), {m} examples and {gaps} missing label(s)"
    result = call_student(multitask_cost, "multitask_cost", what, A, Y)[0]
    if np.ndim(result) == 0 and np.isnan(float(np.asarray(result, dtype=float))):
        raise failure(f"{what} is NaN (not a number).", mistake=SPEC.hint("multitask_nan_kept"))
    check(multitask_cost, "multitask_cost", what, A, Y)
