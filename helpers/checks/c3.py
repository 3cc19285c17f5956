"""Public checks of Course 3 (ML strategy: metrics, satisficing, data splits, diagnosis, error
analysis, multi-task learning).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs (random tables), so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c3_ml_strategy.json`` (numbers only). Your split shuffles,
so its check looks at what a split must be (``expect_split``) rather than at one random order.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import CheckFailure, call, expect_sequence, failure, passed, show
from helpers.checks.engine import Week

WEEK = Week("c3_ml_strategy", __name__)

check_precision = WEEK.checker("precision")
check_recall = WEEK.checker("recall")
check_f1_score = WEEK.checker("f1_score")
check_choose_model = WEEK.checker("choose_model")
check_diagnose = WEEK.checker("diagnose")
check_cause_shares = WEEK.checker("cause_shares")
check_error_ceiling = WEEK.checker("error_ceiling")


def check_multitask_cost(multitask_cost) -> None:
    """Check multitask_cost on its example; a NaN result is named as what it usually is."""
    for example in WEEK.examples("multitask_cost"):
        got = call(example["label"], multitask_cost, *example["args"])
        if np.ndim(got) == 0 and np.isnan(float(np.asarray(got, dtype=float))):
            raise failure(
                f"{example['label']} is NaN (not a number).",
                expected=show(example["expected"]),
                mistake=WEEK.hint("multitask_nan_kept"),
            )
    WEEK.check("multitask_cost", multitask_cost)


def _positions(value, what: str) -> np.ndarray:
    array = np.asarray(value)
    if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
        raise failure(f"{what} should be a 1-D array of integer positions.", got=show(value))
    return array


def expect_split(result, n_web: int, n_target: int, dev_size: int, test_size: int, what: str):
    """(train, dev, test) positions: dev and test from the target positions (n_web and up),
    of the right sizes and disjoint; train every web position and the rest of the target ones;
    no position twice."""
    train, dev, test = (
        _positions(part, f"{what}: {name}")
        for part, name in zip(
            expect_sequence(result, 3, what), ("train", "dev", "test"), strict=True
        )
    )
    for part, name, size in ((dev, "dev", dev_size), (test, "test", test_size)):
        if part.size != size:
            raise failure(
                f"{what}: {name} has {part.size} positions.", expected=str(size), got=str(part.size)
            )
        if np.any(part < n_web) or np.any(part >= n_web + n_target):
            raise failure(
                f"{what}: {name} holds positions outside the target data ({n_web} to "
                f"{n_web + n_target - 1}).",
                got=show(part),
                mistake=WEEK.hint("split_dev_from_all"),
            )
    if np.intersect1d(dev, test).size:
        raise failure(
            f"{what}: dev and test share positions {np.intersect1d(dev, test).tolist()[:10]}.",
            mistake=WEEK.hint("split_dev_test_overlap"),
        )
    expected_train = np.setdiff1d(np.arange(n_web + n_target), np.concatenate([dev, test]))
    if sorted(train.tolist()) != expected_train.tolist():
        missing = np.setdiff1d(expected_train, train)
        target_missing = missing.size and np.all(missing >= n_web)
        raise failure(
            f"{what}: train should hold every other position once (all {n_web} web examples and "
            f"the {n_target - dev_size - test_size} target examples left).",
            got=f"{train.size} positions; missing {missing.tolist()[:10]}",
            mistake=WEEK.hint("split_target_rest_dropped") if target_missing else None,
        )


def check_split_indices(split_indices) -> None:
    """Check split_indices on three sizes: what the split must be, and the same split for the
    same seed."""
    sizes = WEEK.extra("split_sizes")
    for n_web, n_target, dev_size, test_size in sizes:
        what = f"split_indices({n_web}, {n_target}, {dev_size}, {test_size}, seed=2)"
        first = call(what, split_indices, n_web, n_target, dev_size, test_size, seed=2)
        expect_split(first, n_web, n_target, dev_size, test_size, what)
        second = call(what, split_indices, n_web, n_target, dev_size, test_size, seed=2)
        if not all(np.array_equal(a, b) for a, b in zip(first, second, strict=True)):
            raise failure(
                f"{what}: two calls with the same seed gave different splits.",
                mistake=WEEK.hint("split_no_seed"),
            )
    passed("split_indices", len(sizes))


__all__ = [
    "CheckFailure",
    "expect_split",
    *sorted(n for n in globals() if n.startswith("check_")),
]
