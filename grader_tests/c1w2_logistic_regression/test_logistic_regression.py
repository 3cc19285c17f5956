"""Hidden checks of logistic regression: initialize_with_zeros, propagate, optimize, predict and
model, on random problems of varied sizes (including a single example and a single feature).

Expected gradients come from the gradient checker of ``grader_tests.nn`` (central differences
of the reference cost); the rest from the reference implementation.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import reference as ref
from grader_tests.c1w2_logistic_regression.common import (
    check,
    check_shape,
    outcome,
    planted_values,
    printed,
)
from grader_tests.checking import check_view, descend
from grader_tests.nn import numerical_gradients
from helpers.checks import expect_equal
from helpers.checks.c1w2 import expect_float_w, expect_number_b
from helpers.checks.engine import compare

SIZES = [(1, 1), (3, 1), (1, 5), (4, 7), (6, 20)]  # (n_x, m)


def _problem(rng, n_x: int, m: int):
    """w (n_x, 1), b (a Python float), X (n_x, m) and labels Y (1, m)."""
    w = rng.normal(0, 0.7, size=(n_x, 1))
    b = float(rng.normal(0, 0.5))
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return w, b, X, Y


# ------------------------------------------------------------------ initialize_with_zeros
@pytest.mark.grades("test_initialize_with_zeros")
@pytest.mark.parametrize("part", ["returns_w_and_b", "w_shape", "w_is_float_zeros", "b_is_zero"])
def test_initialize_with_zeros(initialize_with_zeros, rng, part):
    dims = [1, int(rng.integers(2, 50)), 12288] if part == "w_shape" else [rng.integers(1, 50)]
    for dim in map(int, dims):
        what = f"initialize_with_zeros({dim})"
        result = outcome(initialize_with_zeros, "initialize_with_zeros", what, dim)
        w, b = descend(result, (0,), ("w", "b")), descend(result, (1,), ("w", "b"))
        if part == "w_shape":
            check_view(w)
        elif part == "w_is_float_zeros":
            expect_float_w(check_view(w, lambda a: a), what)
        elif part == "b_is_zero":
            compare(b.got, b.expected, b.what, b.wrong)
            expect_number_b(b.got, what)


# ----------------------------------------------------------------------------- propagate
def _propagate(propagate, w, b, X, Y, path=()):
    """Check propagate's result (or its part at ``path``) against the gradients of the
    reference cost by central differences, and the reference cost."""
    cost = lambda p: ref.propagate(p["w"], p["b"], X, Y)[1]  # noqa: E731
    expected = (numerical_gradients(cost, {"w": w, "b": b}), ref.propagate(w, b, X, Y)[1])
    what = f"propagate(w, b, X, Y) for X of shape {X.shape}"
    check(propagate, "propagate", what, w, b, X, Y, path=path, expected=expected)


@pytest.mark.grades("test_propagate")
def test_propagate_returns_grads_and_cost(propagate, rng):
    w, b, X, Y = _problem(rng, 3, 4)
    result = outcome(propagate, "propagate", "propagate(w, b, X, Y)", w, b, X, Y)
    descend(result, (0, "dw"), ("grads", "cost"))  # (grads, cost), grads with dw and db


@pytest.mark.grades("test_propagate")
def test_propagate_dw_shape(propagate, rng):
    for n_x, m in SIZES:
        w, b, X, Y = _problem(rng, n_x, m)
        what = f"propagate(w, b, X, Y) for X of shape {X.shape}"
        check_shape(propagate, "propagate", what, w, b, X, Y, path=(0, "dw"))


@pytest.mark.grades("test_propagate")
@pytest.mark.parametrize("part", ["dw", "db", "cost"])
def test_propagate_values(propagate, rng, part):
    for n_x, m in SIZES[2:]:
        path = (1,) if part == "cost" else (0, part)
        _propagate(propagate, *_problem(rng, n_x, m), path=path)


@pytest.mark.grades("test_propagate")
def test_propagate_single_example(propagate, rng):
    for n_x in (1, 3):
        _propagate(propagate, *_problem(rng, n_x, 1))


# ------------------------------------------------------------------------------ optimize
def _optimize(optimize, rng, n_x, m, iterations, rate=None, path=(), problem=None):
    w, b, X, Y = problem or _problem(rng, n_x, m)
    rate = float(rng.uniform(0.05, 0.5)) if rate is None else rate
    what = (
        f"optimize(w, b, X, Y, num_iterations={iterations}, learning_rate={rate:.4g}) "
        f"for X of shape {X.shape}"
    )
    options = {"num_iterations": iterations, "learning_rate": rate, "print_cost": False}
    check(optimize, "optimize", what, w, b, X, Y, path=path, **options)


@pytest.mark.grades("test_optimize")
def test_optimize_returns_params_grads_costs(optimize, rng):
    result = outcome(optimize, "optimize", "optimize(w, b, X, Y)", *_problem(rng, 3, 5), 10, 0.1)
    for path in ((0, "w"), (1, "dw")):  # (params, grads, costs) with w, b and dw, db
        descend(result, path, ("params", "grads", "costs"))


@pytest.mark.grades("test_optimize")
def test_optimize_one_step(optimize, rng):
    """One iteration is one gradient step: the new parameters, the gradients and one cost."""
    _optimize(optimize, rng, 4, 6, 1)


@pytest.mark.grades("test_optimize")
def test_optimize_parameters(optimize, rng):
    for n_x, m in ((2, 6), (5, 12), (1, 1)):
        _optimize(optimize, rng, n_x, m, int(rng.integers(120, 260)), path=(0,))


@pytest.mark.grades("test_optimize")
def test_optimize_returns_the_last_gradients(optimize, rng):
    _optimize(optimize, rng, 3, 8, int(rng.integers(20, 150)), path=(1,))


@pytest.mark.grades("test_optimize")
def test_optimize_records_the_cost_every_100_iterations(optimize, rng):
    problem, rate = _problem(rng, 3, 10), float(rng.uniform(0.05, 0.5))
    for iterations in (1, 100, 101, int(rng.integers(202, 400))):
        _optimize(optimize, rng, 3, 10, iterations, rate, path=(2,), problem=problem)


# ------------------------------------------------------------------------------- predict
def _predict_problem(rng, n_x: int, m: int):
    """A problem whose w.T X + b stays away from the 0.5 threshold's tie, with both labels and
    (for m >= 3) some values of w.T X + b between 0 and 0.5."""
    while True:
        w, b, X, _ = _problem(rng, n_x, m)
        z = (w.T @ X + b).ravel()
        if np.abs(z).min() < 1e-3:
            continue
        if m >= 3 and not ((z < 0).any() and (z > 0.5).any() and ((z > 0) & (z < 0.5)).any()):
            continue
        return w, b, X, z


def _about(X) -> str:
    return f"predict(w, b, X) for X of shape {X.shape}"


@pytest.mark.grades("test_predict")
def test_predict_shape(predict, rng):
    for n_x, m in SIZES:
        w, b, X, _ = _predict_problem(rng, n_x, m)
        check_shape(predict, "predict", _about(X), w, b, X)


@pytest.mark.grades("test_predict")
def test_predict_labels_are_0_or_1(predict, rng):
    w, b, X, _ = _predict_problem(rng, 4, 15)
    labels = lambda a: bool(np.isin(a, (0, 1)).all())  # noqa: E731
    result = outcome(predict, "predict", _about(X), w, b, X)
    check_view(result, labels, f"whether {result.what} holds only the labels 0 and 1")


@pytest.mark.grades("test_predict")
def test_predict_values(predict, rng):
    for n_x, m in ((1, 6), (4, 15), (7, 30)):
        w, b, X, _ = _predict_problem(rng, n_x, m)
        check(predict, "predict", _about(X), w, b, X)


@pytest.mark.grades("test_predict")
def test_predict_single_example(predict, rng):
    w, b, X, _ = _predict_problem(rng, 3, 1)
    for sign in (1, -1):  # a 1 and a 0
        check(predict, "predict", _about(X), sign * w, sign * b, X)


@pytest.mark.grades("test_predict")
def test_predict_at_zero_weights(predict, rng):
    """With w = 0 and b = 0 every A is exactly 0.5, which the strict threshold labels 0."""
    n_x, m = int(rng.integers(1, 6)), int(rng.integers(2, 9))
    X = rng.normal(0, 1, size=(n_x, m))
    what = f"{_about(X)}, w = 0 and b = 0"
    check(predict, "predict", what, np.zeros((n_x, 1)), 0.0, X)


# --------------------------------------------------------------------------------- model
def _data_set(rng):
    """A small, nearly separable data set with random sizes and hyperparameters."""
    n_x, m_train, m_test = (int(rng.integers(*bounds)) for bounds in ((2, 5), (10, 25), (3, 9)))
    direction = rng.normal(size=(n_x, 1))
    X = rng.normal(size=(n_x, m_train + m_test))
    Y = ((direction.T @ X + rng.normal(0, 0.5, size=(1, m_train + m_test))) > 0).astype(float)
    iterations, rate = int(rng.integers(150, 350)), float(rng.uniform(0.05, 0.5))
    data = (X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:])
    what = (
        f"model(...) with X_train of shape {data[0].shape}, X_test of shape {data[2].shape}, "
        f"num_iterations={iterations}, learning_rate={rate:.4g}: d"
    )
    return what, data, {"num_iterations": iterations, "learning_rate": rate}


@pytest.mark.grades("test_model")
@pytest.mark.parametrize(
    "keys",
    [(), ("learning_rate", "num_iterations"), ("costs",), ("w", "b")]
    + [("Y_prediction_train",), ("Y_prediction_test",)],
    ids=["returns_all_keys", "hyperparameters", "costs", "parameters", "train", "test"],
)
def test_model(model, rng, keys):
    what, data, options = _data_set(rng)
    result = outcome(model, "model", what, *data, print_cost=False, **options)
    for key in keys or ["costs"]:
        part = descend(result, (key,))  # checks first that the dict has every key
        if keys:
            compare(part.got, part.expected, part.what, part.wrong)


@pytest.mark.grades("test_model")
def test_model_prints_the_costs_only_when_asked(model, rng):
    """print_cost=True prints the costs, print_cost=False nothing. The student's model calls
    the reference optimize here, in the checker, so what optimize prints is seen here (what
    the student's own code prints in the worker is not)."""
    what, data, options = _data_set(rng)

    def printing(function) -> list[str]:
        return [printed(function, *data, **options, print_cost=flag) for flag in (True, False)]

    planted = planted_values("model")
    expect_equal(
        printing(model),
        printing(ref.model),
        f"what {what} printed with print_cost=True, then with print_cost=False",
        mistakes=[(lambda text, f=function: text == printing(f), h) for function, h in planted],
    )
