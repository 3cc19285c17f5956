"""Hidden checks of the NumPy warm-up: sigmoid and its derivative, reshaping, normalising,
softmax and the two losses. Inputs are random (seeded per check) and of varied shapes."""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import reference as ref
from grader_tests.c1w2_logistic_regression.common import check, check_shape, outcome
from grader_tests.checking import check_view
from grader_tests.nn import numerical_gradient
from helpers.checks import expect_close


def _shape(rng, square: bool | None = None) -> tuple[int, int]:
    """A random (rows, columns) shape; square or not square when asked."""
    rows, columns = int(rng.integers(2, 6)), int(rng.integers(2, 7))
    while square is not None and (columns == rows) != square:
        columns = int(rng.integers(2, 6))
    return rows, columns


def _losses(rng, m: int, perfect: bool = False) -> list:
    yhat, y = rng.random(m), (rng.random(m) < 0.5).astype(float)
    return [(y.copy() if perfect else yhat, y)]


def _ints(rng, low: int, high: int) -> int:
    return int(rng.integers(low, high))


ROWS = {  # inputs of normalize_rows and softmax
    "values": lambda rng: [(rng.normal(0, 2, size=_shape(rng, square=False)),)],
    "square": lambda rng: [(rng.normal(0, 2, size=_shape(rng, square=True)),)],
    "one_row_or_one_column": lambda rng: [
        (rng.normal(0, 2, size=(1, _ints(rng, 2, 7))),),
        (rng.normal(0, 2, size=(_ints(rng, 2, 7), 1)),),
    ],
}

# function -> check -> the argument tuples the check calls it with (from the check's own rng)
INPUTS = {
    "basic_sigmoid": {
        "values": lambda rng: [(x,) for x in rng.uniform(-6, 6, size=5).tolist()],
        "integers": lambda rng: [(-3,), (0,), (_ints(rng, 1, 5),)],
        "far_from_zero": lambda rng: [(x,) for x in (rng.uniform(15, 30, 2) * [1, -1]).tolist()],
    },
    "sigmoid": {
        "vector": lambda rng: [(rng.normal(0, 3, size=_ints(rng, 1, 9)),)],
        "matrix": lambda rng: [(rng.normal(0, 3, size=_shape(rng)),)],
        "scalar": lambda rng: [(float(rng.normal(0, 3)),)],
        "large_inputs": lambda rng: [(np.r_[-700, -60, rng.uniform(-40, 40, 2), 0, 60, 700],)],
    },
    "sigmoid_derivative": {
        "vector": lambda rng: [(rng.normal(0, 2, size=_ints(rng, 1, 9)),)],
        "matrix": lambda rng: [(rng.normal(0, 2, size=_shape(rng)),)],
    },
    "image2vector": {
        "square": lambda rng: [(rng.random((n, n, 3)),) for n in [_ints(rng, 2, 6)]],
        "not_square": lambda rng: [(rng.random((*_shape(rng, square=False), 3)),)],
        "any_depth": lambda rng: [(rng.random((*_shape(rng), d)),) for d in (1, 4)],
    },
    "normalize_rows": ROWS,
    "softmax": ROWS,
    **{
        loss: {
            "values": lambda rng: _losses(rng, _ints(rng, 3, 12)),
            "single_example": lambda rng: _losses(rng, 1),
            "perfect_predictions": lambda rng: _losses(rng, _ints(rng, 3, 8), True),
        }
        for loss in ("L1", "L2")
    },
}


def _about(name: str, *args) -> str:
    if np.ndim(args[0]) == 0:
        return f"{name}({float(args[0]):.6g})"
    if len(args) == 2:
        return f"{name}(yhat, y) for vectors of length {np.size(args[1])}"
    return f"{name}(x) for x of shape {np.shape(args[0])}"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param(name, kind, marks=pytest.mark.grades(f"test_{name}"), id=f"{name}-{kind}")
        for name, kinds in INPUTS.items()
        for kind in kinds
    ],
)
def test_on_fresh_inputs(name, kind, request, rng):
    student = request.getfixturevalue(name)
    for args in INPUTS[name][kind](rng):
        check(student, name, _about(name, *args), *args)


@pytest.mark.grades("test_sigmoid_derivative")
def test_sigmoid_derivative_matches_numerical(sigmoid_derivative, rng):
    """Compare with central differences of the sigmoid, not with the reference derivative."""
    x = rng.normal(0, 2, size=6)
    numerical = numerical_gradient(lambda v: np.sum(ref.sigmoid(v)), x.copy())
    what = f"sigmoid_derivative(x) for x = {np.round(x, 4).tolist()}"
    check(sigmoid_derivative, "sigmoid_derivative", what, x, expected=numerical)


@pytest.mark.grades("test_image2vector")
def test_image2vector_shape(image2vector, rng):
    image = rng.random((*_shape(rng), 3))
    check_shape(image2vector, "image2vector", _about("image2vector", image), image)


@pytest.mark.grades("test_normalize_rows")
def test_normalize_rows_rows_have_length_one(normalize_rows, rng):
    """Independent of the reference: each row keeps its direction and gets length 1."""
    x = rng.normal(0, 3, size=_shape(rng, square=False))
    result = outcome(normalize_rows, "normalize_rows", _about("normalize_rows", x), x)
    length = lambda s: np.linalg.norm(s, axis=1)  # noqa: E731
    check_view(result, length, f"the length of each row of {result.what}")
    expect_close(result.got * length(x)[:, None], x, f"{result.what} times the row norms")


@pytest.mark.grades("test_softmax")
def test_softmax_rows_sum_to_one(softmax, rng):
    """Independent of the reference: each row sums to 1 and keeps x's ratios."""
    x = rng.normal(0, 2, size=_shape(rng, square=False))
    result = outcome(softmax, "softmax", _about("softmax", x), x)
    check_view(result, lambda s: np.sum(s, axis=1), f"the sum of each row of {result.what}")
    ratios = np.log(result.got[:, 1:] / result.got[:, :1])  # log(s_ij / s_i0) = x_ij - x_i0
    expect_close(ratios, x[:, 1:] - x[:, :1], f"log(s[i, j] / s[i, 0]) for s = {result.what}")
