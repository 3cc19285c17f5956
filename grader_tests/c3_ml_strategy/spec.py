"""The spec of c3: the public examples of each graded function and the planted mistakes, each
with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec c3_ml_strategy``
turns it into ``helpers/checks/data/c3_ml_strategy.json``.

split_indices shuffles: it has no examples here, and its public check looks at what the split
must be (dev and test from the target data only, no position twice, everything else in
training, the same split for the same seed), with the sizes in ``SPEC.extra``.
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec
from grader_tests.spec import function_source as _function

from . import ISOLATE

A = np.array
PREDICTIONS = A([[1, 1, 0, 1, 0, 0, 1, 1, 0, 1]])
LABELS = A([[1, 0, 0, 1, 1, 0, 1, 1, 1, 1]])
NONE_PREDICTED = (A([[0, 0, 0, 0]]), A([[1, 0, 1, 0]]))
NONE_POSITIVE = (A([[1, 0, 1, 0]]), A([[0, 0, 0, 0]]))
MODELS = [
    {"name": "A", "accuracy": 0.90, "runtime_ms": 80},
    {"name": "B", "accuracy": 0.92, "runtime_ms": 100},
    {"name": "C", "accuracy": 0.95, "runtime_ms": 1500},
    {"name": "D", "accuracy": 0.85, "runtime_ms": 20},
]
SLOW = [{"name": "big", "accuracy": 0.99, "runtime_ms": 400}]
TAGS = [
    ["dog"],
    ["blurry"],
    ["great cat", "blurry"],
    ["dog"],
    [],
    ["mislabeled"],
    ["blurry", "blurry"],
    ["dog", "mislabeled"],
]
MULTI_A = A([[0.9, 0.2, 0.6], [0.3, 0.8, 0.5], [0.7, 0.4, 0.1]])
MULTI_Y = A([[1.0, np.nan, 1.0], [0.0, 1.0, np.nan], [np.nan, 0.0, 0.0]])
SPLIT_SIZES = [(50, 40, 10, 10), (100, 30, 10, 12), (5, 8, 3, 3)]  # (n_web, n_target, dev, test)


def _metric(name: str, pair, note: str = "") -> Example:
    return Example(
        f"{name}(predictions, labels) for predictions = {pair[0].tolist()}, "
        f"labels = {pair[1].tolist()}{note}",
        pair,
    )


def _diagnose(*errors) -> Example:
    text = ", ".join(
        f"{n}={e}"
        for n, e in zip(("human", "train", "train_dev", "dev", "test"), errors, strict=True)
    )
    return Example(f"diagnose({text})", errors)


FUNCTIONS = [
    Function(
        "precision",
        (
            _metric("precision", (PREDICTIONS, LABELS)),
            _metric("precision", NONE_PREDICTED, " (no positive prediction)"),
        ),
    ),
    Function(
        "recall",
        (
            _metric("recall", (PREDICTIONS, LABELS)),
            _metric("recall", NONE_POSITIVE, " (no positive label)"),
        ),
    ),
    Function(
        "f1_score",
        (
            _metric("f1_score", (PREDICTIONS, LABELS)),
            _metric("f1_score", NONE_PREDICTED, " (no positive prediction)"),
        ),
        calls=tuple(ISOLATE["f1_score"]),
    ),
    Function(
        "choose_model",
        (
            Example(
                "choose_model(models) for models A (90 %, 80 ms), B (92 %, 100 ms), "
                "C (95 %, 1500 ms), D (85 %, 20 ms)",
                (MODELS,),
            ),
            Example(
                "choose_model(models, max_runtime_ms=50) for the same models",
                (MODELS,),
                {"max_runtime_ms": 50},
            ),
            Example("choose_model(models) for one model of 400 ms", (SLOW,)),
        ),
    ),
    Function("split_indices"),
    Function(
        "diagnose",
        (
            _diagnose(0.01, 0.01, 0.09, 0.10, 0.11),
            _diagnose(0.01, 0.01, 0.015, 0.10, 0.105),
            _diagnose(0.0, 0.10, 0.11, 0.12, 0.12),
            _diagnose(0.02, 0.03, 0.035, 0.04, 0.12),
            _diagnose(0.07, 0.08, 0.09, 0.14, 0.145),
        ),
    ),
    Function("cause_shares", (Example(f"cause_shares(tags) for tags = {TAGS}", (TAGS,)),)),
    Function(
        "error_ceiling",
        (
            Example("error_ceiling(dev_error=0.10, share=0.05)", (0.10, 0.05)),
            Example("error_ceiling(dev_error=0.10, share=0.5)", (0.10, 0.5)),
        ),
    ),
    Function(
        "multitask_cost",
        (
            Example(
                "multitask_cost(A, Y) for 3 tasks and 3 examples, Y with 3 missing labels (NaN)",
                (MULTI_A, MULTI_Y),
            ),
        ),
    ),
]


# --------------------------------------------------------------------- mistakes' sources


COUNTS = (
    "p = np.asarray(predictions).ravel() == 1\ny = np.asarray(labels).ravel() == 1\n"
    "tp = int(np.sum(p & y))\n"
)


def _precision(body: str) -> str:
    return _function("precision(predictions, labels)", COUNTS + body)


def _recall(body: str) -> str:
    return _function("recall(predictions, labels)", COUNTS + body)


def _f1(body: str) -> str:
    return _function(
        "f1_score(predictions, labels)",
        "P = precision(predictions, labels)\nR = recall(predictions, labels)\n" + body,
    )


def _choose(body: str) -> str:
    return _function("choose_model(models, max_runtime_ms=100)", body)


def _diagnose_source(gaps: str, pick: str = "max(gaps, key=gaps.get)") -> str:
    return _function(
        "diagnose(human, train, train_dev, dev, test)", f"gaps = {gaps}\nreturn {pick}"
    )


GAPS_RIGHT = (
    '{"avoidable bias": train - human, "variance": train_dev - train, '
    '"data mismatch": dev - train_dev, "overfitting to dev": test - dev}'
)


def _shares(body: str) -> str:
    return _function("cause_shares(tags)", body)


def _multitask(body: str) -> str:
    return _function("multitask_cost(A, Y)", body)


MISTAKES = [
    Mistake(
        "precision_is_recall",
        "precision",
        "that is the recall, TP / (TP + FN). Precision asks: of the examples predicted "
        "positive, how many are positive? TP / (TP + FP).",
        _precision("return tp / int(np.sum(y)) if np.sum(y) else 0.0"),
    ),
    Mistake(
        "precision_accuracy",
        "precision",
        "that is the accuracy (right predictions over all m); precision divides the true "
        "positives by the number of positive predictions.",
        _precision("return float(np.mean(p == y))"),
    ),
    Mistake(
        "precision_zero_division",
        "precision",
        "when nothing is predicted positive, TP + FP = 0: return 0.0 in that case, as the "
        "docstring says, instead of dividing by zero.",
        _precision("return tp / int(np.sum(p))"),
    ),
    Mistake(
        "recall_is_precision",
        "recall",
        "that is the precision, TP / (TP + FP). Recall asks: of the positive examples, how many "
        "were found? TP / (TP + FN).",
        _recall("return tp / int(np.sum(p)) if np.sum(p) else 0.0"),
    ),
    Mistake(
        "recall_zero_division",
        "recall",
        "when no label is positive, TP + FN = 0: return 0.0 in that case, as the docstring "
        "says, instead of dividing by zero.",
        _recall("return tp / int(np.sum(y))"),
    ),
    Mistake(
        "f1_arithmetic_mean",
        "f1_score",
        "F1 is the HARMONIC mean of precision and recall, 2 P R / (P + R), not (P + R) / 2: it "
        "stays low when either one is low.",
        _f1("return (P + R) / 2"),
    ),
    Mistake(
        "f1_no_two",
        "f1_score",
        "F1 = 2 P R / (P + R): the factor 2 is missing.",
        _f1("return P * R / (P + R) if P + R else 0.0"),
    ),
    Mistake(
        "f1_zero_division",
        "f1_score",
        "when precision and recall are both 0, return 0.0 instead of dividing by zero.",
        _f1("return 2 * P * R / (P + R)"),
    ),
    # first: on a table where no model qualifies it gives what ignoring the limit gives
    Mistake(
        "choose_none_missing",
        "choose_model",
        "when no model is fast enough, return None (there is nothing to choose).",
        _choose(
            'ok = [m for m in models if m["runtime_ms"] <= max_runtime_ms] or models\n'
            'return max(ok, key=lambda m: m["accuracy"])["name"]'
        ),
    ),
    Mistake(
        "choose_ignores_constraint",
        "choose_model",
        "running time is a satisficing metric: first keep only the models with runtime_ms <= "
        "max_runtime_ms, then take the most accurate of those.",
        _choose('return max(models, key=lambda m: m["accuracy"])["name"]'),
    ),
    Mistake(
        "choose_strict",
        "choose_model",
        "a model that takes exactly max_runtime_ms meets the constraint: use <=.",
        _choose(
            'ok = [m for m in models if m["runtime_ms"] < max_runtime_ms]\n'
            'return max(ok, key=lambda m: m["accuracy"])["name"] if ok else None'
        ),
    ),
    Mistake(
        "choose_fastest",
        "choose_model",
        "accuracy is the optimizing metric: among the models fast enough, take the MOST "
        "ACCURATE one (not the fastest).",
        _choose(
            'ok = [m for m in models if m["runtime_ms"] <= max_runtime_ms]\n'
            'return min(ok, key=lambda m: m["runtime_ms"])["name"] if ok else None'
        ),
    ),
    Mistake(
        "choose_dict",
        "choose_model",
        'return the chosen model\'s name (model["name"]), not the whole dict.',
        _choose(
            'ok = [m for m in models if m["runtime_ms"] <= max_runtime_ms]\n'
            'return max(ok, key=lambda m: m["accuracy"]) if ok else None'
        ),
    ),
    Mistake(
        "split_dev_from_all",
        "split_indices",
        "dev and test must come from the TARGET data only (positions n_web and up): shuffle the "
        "target positions, not all of them.",
        _function(
            "split_indices(n_web, n_target, dev_size, test_size, seed=0)",
            "np.random.seed(seed)\nshuffled = np.random.permutation(n_web + n_target)\n"
            "dev = shuffled[:dev_size]\ntest = shuffled[dev_size:dev_size + test_size]\n"
            "return shuffled[dev_size + test_size:], dev, test",
        ),
    ),
    Mistake(
        "split_target_rest_dropped",
        "split_indices",
        "the target examples that are not in dev or test go into training: they are the "
        "closest the training set gets to the data you care about.",
        _function(
            "split_indices(n_web, n_target, dev_size, test_size, seed=0)",
            "np.random.seed(seed)\nshuffled = np.random.permutation(n_target) + n_web\n"
            "return np.arange(n_web), shuffled[:dev_size], shuffled[dev_size:dev_size + test_size]",
        ),
    ),
    Mistake(
        "split_dev_test_overlap",
        "split_indices",
        "dev and test must not share examples: test takes the next test_size shuffled target "
        "positions after the dev ones.",
        _function(
            "split_indices(n_web, n_target, dev_size, test_size, seed=0)",
            "np.random.seed(seed)\nshuffled = np.random.permutation(n_target) + n_web\n"
            "train = np.concatenate([np.arange(n_web), shuffled[dev_size + test_size:]])\n"
            "return train, shuffled[:dev_size], shuffled[:test_size]",
        ),
    ),
    Mistake(
        "split_no_seed",
        "split_indices",
        "call np.random.seed(seed) first, so that the same seed gives the same split.",
        _function(
            "split_indices(n_web, n_target, dev_size, test_size, seed=0)",
            "shuffled = np.random.permutation(n_target) + n_web\n"
            "train = np.concatenate([np.arange(n_web), shuffled[dev_size + test_size:]])\n"
            "return train, shuffled[:dev_size], shuffled[dev_size:dev_size + test_size]",
        ),
    ),
    Mistake(
        "diagnose_skips_train_dev",
        "diagnose",
        "variance is the gap between train and TRAIN-DEV (same distribution, unseen examples), "
        "and data mismatch the gap between train-dev and dev: compare neighbours in the order "
        "human, train, train-dev, dev, test.",
        _diagnose_source(
            '{"avoidable bias": train - human, "variance": dev - train, '
            '"data mismatch": dev - train_dev, "overfitting to dev": test - dev}'
        ),
    ),
    Mistake(
        "diagnose_smallest",
        "diagnose",
        "name the LARGEST gap: that is the problem to work on first.",
        _diagnose_source(GAPS_RIGHT, "min(gaps, key=gaps.get)"),
    ),
    Mistake(
        "diagnose_bias_without_human",
        "diagnose",
        "avoidable bias is the training error minus the human (Bayes) error: the part of the "
        "training error that could be removed.",
        _diagnose_source(GAPS_RIGHT.replace("train - human", "train")),
    ),
    Mistake(
        "shares_over_tags",
        "cause_shares",
        "divide by the number of misclassified EXAMPLES (len(tags)), not by the number of tags: "
        "an example can have several causes, so the shares may add up to more than 1.",
        _shares(
            "counts = {}\nfor example in tags:\n    for cause in example:\n"
            "        counts[cause] = counts.get(cause, 0) + 1\n"
            "total = sum(counts.values())\nreturn {c: n / total for c, n in counts.items()}"
        ),
    ),
    Mistake(
        "shares_counts",
        "cause_shares",
        "return shares (fractions of the misclassified examples), not counts: divide by len(tags).",
        _shares(
            "counts = {}\nfor example in tags:\n    for cause in set(example):\n"
            "        counts[cause] = counts.get(cause, 0) + 1\nreturn counts"
        ),
    ),
    Mistake(
        "shares_double_tags",
        "cause_shares",
        "count each example at most once per cause, even if a cause is listed twice for it.",
        _shares(
            "counts = {}\nfor example in tags:\n    for cause in example:\n"
            "        counts[cause] = counts.get(cause, 0) + 1\n"
            "return {c: n / len(tags) for c, n in counts.items()}"
        ),
    ),
    Mistake(
        "ceiling_subtract",
        "error_ceiling",
        "the share is a fraction of the ERRORS, not of all examples: fixing it removes "
        "dev_error * share, leaving dev_error * (1 - share).",
        _function("error_ceiling(dev_error, share)", "return dev_error - share"),
    ),
    Mistake(
        "ceiling_removed_part",
        "error_ceiling",
        "dev_error * share is what fixing the cause removes; the ceiling is what is left, "
        "dev_error * (1 - share).",
        _function("error_ceiling(dev_error, share)", "return dev_error * share"),
    ),
    Mistake(
        "multitask_nan_counted",
        "multitask_cost",
        "the missing labels (NaN) must be left out of the mean too: average over the present "
        "labels only (~np.isnan(Y)).",
        _multitask(
            "losses = -(Y * np.log(A) + (1 - Y) * np.log(1 - A))\n"
            "return float(np.nansum(losses) / Y.size)"
        ),
    ),
    Mistake(
        "multitask_nan_as_zero",
        "multitask_cost",
        "a missing label is not a 0: leave it out of the cost (it says nothing about that task "
        "for that example).",
        _multitask(
            "Y = np.nan_to_num(Y)\nreturn float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))"
        ),
    ),
    Mistake(
        "multitask_nan_kept",
        "multitask_cost",
        "NaN spreads through every sum: select the present labels (mask = ~np.isnan(Y)) before "
        "averaging.",
        _multitask("return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))"),
    ),
]

SPEC = WeekSpec(
    "c3_ml_strategy",
    FUNCTIONS,
    MISTAKES,
    extra={"split_sizes": lambda: [list(sizes) for sizes in SPLIT_SIZES]},
)
