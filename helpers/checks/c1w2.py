"""Public checks of week C1 W2 (logistic regression as a one-neuron network).

Each ``check_<name>(obj)`` runs your function (or looks at your value) on small fixed examples.
It prints one ✓ line when everything matches, or stops with a message that says what was
expected, what came back and, when it recognises it, the likely mistake. The hidden checks
that grade your work use other inputs, so write each function for any input.

The examples, the expected results (computed with the course's reference solution) and the
results of some common mistakes are stored in ``helpers/checks/data/c1w2_logistic_regression.json``.
The data exercises (m_train ... test_set_x) are checked against the cat pictures themselves.
"""

from __future__ import annotations

import contextlib
import functools
import io

import numpy as np

from helpers.checks import (
    ATOL,
    RTOL,
    CheckFailure,
    call,
    expect_close,
    expect_equal,
    expect_integer,
    expect_shape,
    failure,
    passed,
)
from helpers.checks.engine import Week, named

WEEK = Week("c1w2_logistic_regression", __name__)

check_basic_sigmoid = WEEK.checker("basic_sigmoid")
check_sigmoid = WEEK.checker("sigmoid")
check_sigmoid_derivative = WEEK.checker("sigmoid_derivative")
check_image2vector = WEEK.checker("image2vector")
check_normalize_rows = WEEK.checker("normalize_rows")
check_softmax = WEEK.checker("softmax")
check_L1 = WEEK.checker("L1")  # noqa: N816 - named after L1
check_L2 = WEEK.checker("L2")  # noqa: N816
check_propagate = WEEK.checker("propagate")
check_optimize = WEEK.checker("optimize")
check_predict = WEEK.checker("predict")
check_model = WEEK.checker("model")


def expect_float_w(w: np.ndarray, what: str) -> None:
    """initialize_with_zeros' w holds floats (np.zeros gives them; zeros of dtype int do not)."""
    if w.dtype.kind != "f":
        raise failure(
            f"{what}: w has dtype {w.dtype}.",
            expected="floats (dtype float64)",
            mistake=WEEK.hint("initialize_with_zeros_int"),
        )


def expect_number_b(b, what: str) -> None:
    """initialize_with_zeros' b is a number, not an array."""
    if isinstance(b, np.ndarray) and b.ndim > 0:
        raise failure(
            f"{what}: b has the wrong type.",
            expected="a number: 0.0",
            got=f"an array of shape {b.shape}",
            mistake=WEEK.hint("initialize_with_zeros_b_array"),
        )


def check_initialize_with_zeros(initialize_with_zeros) -> None:
    """Check initialize_with_zeros for dim = 3 and dim = 1: shapes, values and types."""

    def types(got, what: str) -> None:
        expect_float_w(got[0], what)
        expect_number_b(got[1], what)

    WEEK.check("initialize_with_zeros", initialize_with_zeros, then=types)


# --------------------------------------------------------------------------- data checks
@functools.lru_cache(maxsize=1)
def _cat_pictures() -> dict[str, np.ndarray]:
    """The course's pictures, (m, num_px, num_px, 3) each, by the name of their matrix."""
    from helpers.datasets import load_cat_dataset

    train_set_x_orig, _, test_set_x_orig, _, _ = load_cat_dataset()
    return {"train_set_x": np.array(train_set_x_orig), "test_set_x": np.array(test_set_x_orig)}


def _named(wrong: dict, field: str) -> list:
    """(a mistake's ``field``, its hint) for the stored mistakes that have that field."""
    return [(value[field], WEEK.hint(key)) for key, value in wrong.items() if field in value]


def _check_count(name: str, value) -> None:
    count = WEEK.extra("counts")[name]
    mistakes = [(wrong, WEEK.hint(key)) for key, wrong in count["mistakes"].items()]
    expect_equal(expect_integer(value, name), count["expected"], name, mistakes=mistakes)
    passed(name, 1)


def _check_pictures(name: str, got) -> None:
    """Check that ``got`` holds the pictures flattened into columns and divided by 255."""
    pictures = _cat_pictures()[name]
    stored = WEEK.extra("picture_matrices")[name]
    wrong, rows = stored["mistakes"], np.array(stored["rows"])
    m, n_x = pictures.shape[0], pictures[0].size
    got = expect_shape(got, (n_x, m), name, mistakes=_named(wrong, "shape"))
    for i, j in enumerate(stored["columns"]):
        # a mistake is named when the column holds its numbers at the stored rows
        mistakes = [
            (lambda column, s=samples[i]: np.allclose(column[rows], s, rtol=RTOL, atol=ATOL), hint)
            for samples, hint in _named(wrong, "samples")
        ]
        what = f"{name}[:, {j}] (picture {j}, flattened)"
        expect_close(got[:, j], pictures[j].ravel() / 255, what, mistakes=mistakes)
    total = pictures.sum(dtype=float) / 255
    what = f"the sum of all numbers in {name}"
    expect_close(got.sum(dtype=float), total, what, mistakes=_named(wrong, "sum"))
    passed(name, 3)


def _checker(name: str, check, what: str):
    """``check_<name>``: the public check of a graded value."""
    return named(lambda value: check(name, value), name, f"Check {name}, {what}.")


check_m_train = _checker("m_train", _check_count, "the number of training pictures")
check_m_test = _checker("m_test", _check_count, "the number of test pictures")
check_num_px = _checker("num_px", _check_count, "the height (= width) of a picture")
check_train_set_x = _checker(
    "train_set_x", _check_pictures, "every training picture as a column of numbers in [0, 1]"
)
check_test_set_x = _checker(
    "test_set_x", _check_pictures, "every test picture as a column of numbers in [0, 1]"
)


# ------------------------------------------------------------------ before the training
GUARD_FEATURES = 5  # before_training runs model on this many features ...
GUARD_EXAMPLES = 10  # ... of this many training examples (and 3 test examples)


def before_training(model, X_train, Y_train, X_test, Y_test) -> None:
    """Stop before the long training when it could not work: a graded function model calls
    fails its check, or model's w would not be a column. (With w of shape (n_x,) instead of
    (n_x, 1), w - learning_rate * dw broadcasts to an (n_x, n_x) matrix: for the pictures
    12288 x 12288 numbers, over a gigabyte, and the kernel hangs.) Prints nothing when the
    training can start."""
    try:
        WEEK.dependencies_first("model", model)
    except CheckFailure as failed:
        raise CheckFailure(f"the training did not start: {failed}") from None
    n, k = min(GUARD_FEATURES, X_train.shape[0]), min(GUARD_EXAMPLES, X_train.shape[1])
    small = (X_train[:n, :k], Y_train[:, :k], X_test[:n, :3], Y_test[:, :3])
    what = f"model on the first {n} features of {k} training pictures"
    with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
        d = call(what, model, *small, num_iterations=2, learning_rate=0.005, print_cost=False)
    w = d.get("w") if isinstance(d, dict) else None
    if not isinstance(w, np.ndarray) or w.shape != (n, 1):
        shape = w.shape if isinstance(w, np.ndarray) else type(w).__name__
        size = X_train.shape[0]
        raise failure(
            f"the training did not start: {what} gives w of shape {shape}, not ({n}, 1).",
            expected=f"w of shape (n_x, 1): ({n}, 1) here, ({size}, 1) for the pictures",
            got=f"w of shape {shape}",
            mistake=f"w must be a column, shape (n_x, 1): initialize_with_zeros returns "
            f"np.zeros((dim, 1)). A w of shape (n_x,) turns into an (n_x, n_x) matrix at the "
            f"first update: {size} x {size} numbers for the pictures, more memory than the "
            "kernel has, so the training would hang.",
        )
    if np.size(d.get("b")) != 1:
        raise failure(
            f"the training did not start: {what} gives b of shape {np.shape(d.get('b'))}.",
            expected="b, a single number",
            mistake=WEEK.hint("initialize_with_zeros_b_array"),
        )


__all__ = [
    "CheckFailure",
    "before_training",
    *sorted(n for n in globals() if n.startswith("check_")),
]
