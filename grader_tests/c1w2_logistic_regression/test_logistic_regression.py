"""Hidden checks of logistic regression: initialize_with_zeros, propagate, optimize, predict and
model, on random problems of varied sizes (including a single example and a single feature).

Expected gradients come from central differences of the reference cost; the rest from the
reference implementation or from the definitions (one gradient step, the sign of w.T X + b).
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import reference as ref
from helpers.checks import (
    call,
    expect_close,
    expect_equal,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
)
from helpers.checks.c1w2 import MISTAKES, W_T_HINTS

GRADIENT_STEP = 1e-6  # step of the central differences
SIZES = [(1, 1), (3, 1), (1, 5), (4, 7), (6, 20)]  # (n_x, m)
DEFAULT_LEARNING_RATE = 0.009  # optimize's default in the course's signature


def _problem(rng, n_x: int, m: int):
    """w (n_x, 1), b (a Python float), X (n_x, m) and labels Y (1, m)."""
    w = rng.normal(0, 0.7, size=(n_x, 1))
    b = float(rng.normal(0, 0.5))
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return w, b, X, Y


def _numerical_gradients(w, b, X, Y):
    """(dw, db) by central differences of the reference cost."""
    h = GRADIENT_STEP

    def cost(w, b):
        return ref.propagate(w, b, X, Y)[1]

    dw = np.zeros_like(w)
    for i in range(w.shape[0]):
        step = np.zeros_like(w)
        step[i] = h
        dw[i] = (cost(w + step, b) - cost(w - step, b)) / (2 * h)
    db = (cost(w, b + h) - cost(w, b - h)) / (2 * h)
    return dw, db


def _without_b(w, X, Y):
    """propagate's outputs when b is left out of A (a known mistake)."""
    grads, cost = ref.propagate(w, 0.0, X, Y)
    return grads["dw"], grads["db"], cost


# ------------------------------------------------------------------ initialize_with_zeros
def _initialize(initialize_with_zeros, dim: int):
    name = f"initialize_with_zeros({dim})"
    return name, expect_sequence(call(name, initialize_with_zeros, dim), 2, name)


@pytest.mark.grades("test_initialize_with_zeros")
def test_initialize_with_zeros_returns_w_and_b(initialize_with_zeros, rng):
    _initialize(initialize_with_zeros, int(rng.integers(2, 10)))


@pytest.mark.grades("test_initialize_with_zeros")
def test_initialize_with_zeros_w_shape(initialize_with_zeros, rng):
    for dim in (1, int(rng.integers(2, 50)), 12288):
        name, (w, _) = _initialize(initialize_with_zeros, dim)
        expect_shape(
            w,
            (dim, 1),
            f"{name}: w",
            mistakes=[
                ((dim,), MISTAKES["initialize_with_zeros_1d"]),
                ((1, dim), MISTAKES["initialize_with_zeros_row"]),
            ],
        )


@pytest.mark.grades("test_initialize_with_zeros")
def test_initialize_with_zeros_w_is_float_zeros(initialize_with_zeros, rng):
    dim = int(rng.integers(2, 50))
    name, (w, _) = _initialize(initialize_with_zeros, dim)
    mistakes = [
        ((dim,), MISTAKES["initialize_with_zeros_1d"]),
        ((1, dim), MISTAKES["initialize_with_zeros_row"]),
    ]
    w = expect_shape(w, (dim, 1), f"{name}: w", mistakes=mistakes)
    expect_close(w, np.zeros((dim, 1)), f"{name}: w", rtol=0, atol=0)
    if w.dtype.kind != "f":
        raise failure(
            f"{name}: w has dtype {w.dtype}.",
            expected="floats (dtype float64)",
            mistake=MISTAKES["initialize_with_zeros_int"],
        )


@pytest.mark.grades("test_initialize_with_zeros")
def test_initialize_with_zeros_b_is_zero(initialize_with_zeros, rng):
    name, (_, b) = _initialize(initialize_with_zeros, int(rng.integers(1, 50)))
    if isinstance(b, np.ndarray) and b.ndim > 0:
        raise failure(
            f"{name}: b has the wrong type.",
            expected="a number: 0.0",
            got=f"an array of shape {b.shape}",
            mistake=MISTAKES["initialize_with_zeros_b_array"],
        )
    expect_close(b, 0.0, f"{name}: b", rtol=0, atol=0)


# ----------------------------------------------------------------------------- propagate
def _propagate(propagate, w, b, X, Y):
    name = f"propagate(w, b, X, Y) for X of shape {X.shape}"
    grads, cost = expect_sequence(call(name, propagate, w, b, X, Y, hints=W_T_HINTS), 2, name)
    expect_keys(grads, ["dw", "db"], f"{name}: grads")
    return name, grads, cost


def _check_dw(name, got, w, b, X, Y) -> None:
    m = X.shape[1]
    dw, _ = _numerical_gradients(w, b, X, Y)
    mistakes = [
        (-dw, MISTAKES["propagate_grad_sign"]),
        (dw.T, MISTAKES["propagate_dw_transposed"]),
        (_without_b(w, X, Y)[0], MISTAKES["propagate_no_b"]),
    ]
    if m > 1:
        mistakes.insert(0, (dw * m, MISTAKES["propagate_no_m"]))
    expect_close(got, dw, f"{name}: grads['dw']", mistakes=mistakes)


def _check_db(name, got, w, b, X, Y) -> None:
    m = X.shape[1]
    _, db = _numerical_gradients(w, b, X, Y)
    mistakes = [
        (-db, MISTAKES["propagate_grad_sign"]),
        (_without_b(w, X, Y)[1], MISTAKES["propagate_no_b"]),
    ]
    if m > 1:
        mistakes.insert(0, (db * m, MISTAKES["propagate_no_m"]))
    expect_close(got, db, f"{name}: grads['db']", mistakes=mistakes)


def _check_cost(name, got, w, b, X, Y) -> None:
    m = X.shape[1]
    expected = ref.propagate(w, b, X, Y)[1]
    mistakes = [
        (-expected, MISTAKES["propagate_cost_sign"]),
        (_without_b(w, X, Y)[2], MISTAKES["propagate_no_b"]),
    ]
    if m > 1:
        mistakes.insert(0, (expected * m, MISTAKES["propagate_no_m"]))
    expect_close(got, expected, f"{name}: cost", mistakes=mistakes)


@pytest.mark.grades("test_propagate")
def test_propagate_returns_grads_and_cost(propagate, rng):
    _propagate(propagate, *_problem(rng, 3, 4))


@pytest.mark.grades("test_propagate")
def test_propagate_dw_shape(propagate, rng):
    for n_x, m in SIZES:
        w, b, X, Y = _problem(rng, n_x, m)
        name, grads, _ = _propagate(propagate, w, b, X, Y)
        what = f"{name}: grads['dw']"
        mistakes = [
            ((n_x,), "dw should have the shape of w, (n_x, 1)."),
            ((1, n_x), MISTAKES["propagate_dw_transposed"]),
        ]
        expect_shape(grads["dw"], (n_x, 1), what, mistakes=mistakes if n_x > 1 else [])


@pytest.mark.grades("test_propagate")
def test_propagate_dw_values(propagate, rng):
    for n_x, m in SIZES[2:]:
        w, b, X, Y = _problem(rng, n_x, m)
        name, grads, _ = _propagate(propagate, w, b, X, Y)
        _check_dw(name, grads["dw"], w, b, X, Y)


@pytest.mark.grades("test_propagate")
def test_propagate_db_value(propagate, rng):
    for n_x, m in SIZES[2:]:
        w, b, X, Y = _problem(rng, n_x, m)
        name, grads, _ = _propagate(propagate, w, b, X, Y)
        _check_db(name, grads["db"], w, b, X, Y)


@pytest.mark.grades("test_propagate")
def test_propagate_cost_value(propagate, rng):
    for n_x, m in SIZES[2:]:
        w, b, X, Y = _problem(rng, n_x, m)
        name, _, cost = _propagate(propagate, w, b, X, Y)
        _check_cost(name, cost, w, b, X, Y)


@pytest.mark.grades("test_propagate")
def test_propagate_single_example(propagate, rng):
    for n_x in (1, 3):
        w, b, X, Y = _problem(rng, n_x, 1)
        name, grads, cost = _propagate(propagate, w, b, X, Y)
        _check_dw(name, grads["dw"], w, b, X, Y)
        _check_db(name, grads["db"], w, b, X, Y)
        _check_cost(name, cost, w, b, X, Y)


# ------------------------------------------------------------------------------ optimize
def _optimize(optimize, w, b, X, Y, iterations: int, rate: float):
    name = (
        f"optimize(w, b, X, Y, num_iterations={iterations}, learning_rate={rate:.4g}) "
        f"for X of shape {X.shape}"
    )
    options = {"num_iterations": iterations, "learning_rate": rate, "print_cost": False}
    result = call(name, optimize, w, b, X, Y, **options)
    params, grads, costs = expect_sequence(result, 3, name)
    expect_keys(params, ["w", "b"], f"{name}: params")
    expect_keys(grads, ["dw", "db"], f"{name}: grads")
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f"{name}: costs should be a list, got {type(costs).__name__}.")
    return name, params, grads, costs


def _every_cost(w, b, X, Y, iterations: int, rate: float) -> list[float]:
    """The cost at every iteration of gradient descent (the course records every 100th)."""
    costs = []
    for _ in range(iterations):
        grads, cost = ref.propagate(w, b, X, Y)
        costs.append(cost)
        w, b = w - rate * grads["dw"], b - rate * grads["db"]
    return costs


def _check_parameters(name, params, w, b, X, Y, iterations, rate) -> None:
    expected, _, _ = ref.optimize(w, b, X, Y, iterations, rate)
    with np.errstate(all="ignore"):  # going uphill overflows
        uphill, _, _ = ref.optimize(w, b, X, Y, iterations, -rate)
    fixed, _, _ = ref.optimize(w, b, X, Y, iterations, DEFAULT_LEARNING_RATE)
    for key in ("w", "b"):
        mistakes = [
            (uphill[key], MISTAKES["optimize_plus"]),
            (fixed[key], MISTAKES["optimize_fixed_learning_rate"]),
        ]
        expect_close(params[key], expected[key], f"{name}: params[{key!r}]", mistakes=mistakes)


@pytest.mark.grades("test_optimize")
def test_optimize_returns_params_grads_costs(optimize, rng):
    _optimize(optimize, *_problem(rng, 3, 5), 10, 0.1)


@pytest.mark.grades("test_optimize")
def test_optimize_one_step(optimize, rng):
    """One iteration is one gradient step, computed here from the reference gradients."""
    w, b, X, Y = _problem(rng, 4, 6)
    rate = float(rng.uniform(0.05, 0.5))
    name, params, grads, costs = _optimize(optimize, w, b, X, Y, 1, rate)
    first, cost = ref.propagate(w, b, X, Y)
    for key, grad in (("w", "dw"), ("b", "db")):
        start = w if key == "w" else b
        mistakes = [
            (start + rate * first[grad], MISTAKES["optimize_plus"]),
            (start - DEFAULT_LEARNING_RATE * first[grad], MISTAKES["optimize_fixed_learning_rate"]),
        ]
        expected = start - rate * first[grad]
        expect_close(params[key], expected, f"{name}: params[{key!r}]", mistakes=mistakes)
    after, _ = ref.propagate(w - rate * first["dw"], b - rate * first["db"], X, Y)
    for key in ("dw", "db"):
        mistakes = [(after[key], MISTAKES["optimize_grads_after_loop"])]
        expect_close(grads[key], first[key], f"{name}: grads[{key!r}]", mistakes=mistakes)
    mistakes = [(0, MISTAKES["optimize_costs_late"])]
    expect_equal(len(costs), 1, f"{name}: the number of costs recorded", mistakes=mistakes)
    expect_close(costs[0], cost, f"{name}: costs[0]")


@pytest.mark.grades("test_optimize")
def test_optimize_parameters(optimize, rng):
    for n_x, m in ((2, 6), (5, 12), (1, 1)):
        w, b, X, Y = _problem(rng, n_x, m)
        iterations, rate = int(rng.integers(120, 260)), float(rng.uniform(0.05, 0.5))
        name, params, _, _ = _optimize(optimize, w, b, X, Y, iterations, rate)
        _check_parameters(name, params, w, b, X, Y, iterations, rate)


@pytest.mark.grades("test_optimize")
def test_optimize_returns_the_last_gradients(optimize, rng):
    w, b, X, Y = _problem(rng, 3, 8)
    iterations, rate = int(rng.integers(20, 150)), float(rng.uniform(0.05, 0.5))
    name, _, grads, _ = _optimize(optimize, w, b, X, Y, iterations, rate)
    params, expected, _ = ref.optimize(w, b, X, Y, iterations, rate)
    after, _ = ref.propagate(params["w"], params["b"], X, Y)
    for key in ("dw", "db"):
        mistakes = [(after[key], MISTAKES["optimize_grads_after_loop"])]
        expect_close(grads[key], expected[key], f"{name}: grads[{key!r}]", mistakes=mistakes)


@pytest.mark.grades("test_optimize")
def test_optimize_records_the_cost_every_100_iterations(optimize, rng):
    w, b, X, Y = _problem(rng, 3, 10)
    rate = float(rng.uniform(0.05, 0.5))
    for iterations in (1, 100, 101, int(rng.integers(202, 400))):
        name, _, _, costs = _optimize(optimize, w, b, X, Y, iterations, rate)
        every = _every_cost(w, b, X, Y, iterations, rate)
        expected = every[::100]
        late = [c for i, c in enumerate(every) if (i + 1) % 100 == 0]
        if len(costs) != len(expected):
            mistakes = [
                (len(every), MISTAKES["optimize_costs_every_iteration"]),
                (len(late), MISTAKES["optimize_costs_late"]),
                (lambda n: True, MISTAKES["optimize_num_iterations"]),
            ]
            expect_equal(
                len(costs),
                len(expected),
                f"{name}: the number of costs recorded",
                mistakes=mistakes,
            )
        for i, (got, cost) in enumerate(zip(costs, expected, strict=True)):
            mistakes = [(late[i], MISTAKES["optimize_costs_late"])] if i < len(late) else []
            expect_close(got, cost, f"{name}: costs[{i}] (iteration {100 * i})", mistakes=mistakes)


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


def _check_predict(predict, w, b, X, z) -> None:
    m = X.shape[1]
    what = f"predict(w, b, X) for X of shape {X.shape}"
    got = call(what, predict, w, b, X, hints=W_T_HINTS)
    expect_shape(got, (1, m), what, mistakes=[((m,), MISTAKES["predict_1d"])])
    expected = (z > 0).astype(float).reshape(1, m)  # sigmoid(z) > 0.5 exactly when z > 0
    mistakes = [
        (lambda a: not np.isin(a, (0, 1)).all(), MISTAKES["predict_probabilities"]),
        (1 - expected, MISTAKES["predict_reversed"]),
        ((z > 0.5).astype(float).reshape(1, m), MISTAKES["predict_threshold_z"]),
    ]
    expect_close(got, expected, what, mistakes=mistakes)


@pytest.mark.grades("test_predict")
def test_predict_shape(predict, rng):
    for n_x, m in SIZES:
        w, b, X, _ = _predict_problem(rng, n_x, m)
        what = f"predict(w, b, X) for X of shape {X.shape}"
        got = call(what, predict, w, b, X, hints=W_T_HINTS)
        expect_shape(got, (1, m), what, mistakes=[((m,), MISTAKES["predict_1d"])] if m > 1 else [])


@pytest.mark.grades("test_predict")
def test_predict_labels_are_0_or_1(predict, rng):
    w, b, X, _ = _predict_problem(rng, 4, 15)
    what = f"predict(w, b, X) for X of shape {X.shape}"
    got = call(what, predict, w, b, X, hints=W_T_HINTS)
    got = expect_shape(got, (1, 15), what, mistakes=[((15,), MISTAKES["predict_1d"])])
    values = np.unique(got)
    if not np.isin(values, (0, 1)).all():
        raise failure(
            f"{what} holds values other than 0 and 1.",
            expected="labels 0 and 1",
            got=f"the values {np.round(values, 4).tolist()[:8]}",
            mistake=MISTAKES["predict_probabilities"],
        )


@pytest.mark.grades("test_predict")
def test_predict_values(predict, rng):
    for n_x, m in ((1, 6), (4, 15), (7, 30)):
        _check_predict(predict, *_predict_problem(rng, n_x, m))


@pytest.mark.grades("test_predict")
def test_predict_single_example(predict, rng):
    labels = set()
    while labels != {0.0, 1.0}:  # both a 0 and a 1
        w, b, X, z = _predict_problem(rng, 3, 1)
        if float(z[0] > 0) not in labels:
            labels.add(float(z[0] > 0))
            _check_predict(predict, w, b, X, z)


# --------------------------------------------------------------------------------- model
MODEL_KEYS = [
    "costs",
    "Y_prediction_test",
    "Y_prediction_train",
    "w",
    "b",
    "learning_rate",
    "num_iterations",
]


def _data_set(rng):
    """A small, nearly separable data set with random sizes and hyperparameters."""
    n_x, m_train, m_test = (
        int(rng.integers(2, 5)),
        int(rng.integers(10, 25)),
        int(rng.integers(3, 9)),
    )
    direction = rng.normal(size=(n_x, 1))
    X = rng.normal(size=(n_x, m_train + m_test))
    Y = ((direction.T @ X + rng.normal(0, 0.5, size=(1, m_train + m_test))) > 0).astype(float)
    iterations, rate = int(rng.integers(150, 350)), float(rng.uniform(0.05, 0.5))
    return X[:, :m_train], Y[:, :m_train], X[:, m_train:], Y[:, m_train:], iterations, rate


def _model(model, rng):
    X_train, Y_train, X_test, Y_test, iterations, rate = _data_set(rng)
    name = (
        f"model(...) with X_train of shape {X_train.shape}, X_test of shape {X_test.shape}, "
        f"num_iterations={iterations}, learning_rate={rate:.4g}"
    )
    options = {"num_iterations": iterations, "learning_rate": rate, "print_cost": False}
    d = call(name, model, X_train, Y_train, X_test, Y_test, **options)
    expect_keys(d, MODEL_KEYS, f"{name}: the returned dict")
    expected = ref.model(X_train, Y_train, X_test, Y_test, **options)
    return name, d, expected, (X_train, Y_train, X_test, Y_test, iterations, rate)


@pytest.mark.grades("test_model")
def test_model_returns_all_keys(model, rng):
    _model(model, rng)


@pytest.mark.grades("test_model")
def test_model_records_its_hyperparameters(model, rng):
    name, d, expected, _ = _model(model, rng)
    for key in ("learning_rate", "num_iterations"):
        expect_close(d[key], expected[key], f'{name}: d["{key}"]', rtol=0, atol=0)


@pytest.mark.grades("test_model")
def test_model_costs(model, rng):
    name, d, expected, inputs = _model(model, rng)
    costs = d["costs"]
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f'{name}: d["costs"] should be a list, got {type(costs).__name__}.')
    mistakes = [(lambda n: True, MISTAKES["model_default_hyperparameters"])]
    expect_equal(
        len(costs),
        len(expected["costs"]),
        f'{name}: the number of costs in d["costs"]',
        mistakes=mistakes,
    )
    X_train, Y_train = inputs[0], inputs[1]
    zeros = np.zeros((X_train.shape[0], 1))
    with np.errstate(all="ignore"):
        _, _, fixed = ref.optimize(zeros, 0.0, X_train, Y_train, inputs[4], 0.5)
    for i, (got, cost) in enumerate(zip(costs, expected["costs"], strict=True)):
        mistakes = [(fixed[i], MISTAKES["model_fixed_learning_rate"])] if i else []
        expect_close(got, cost, f'{name}: d["costs"][{i}]', mistakes=mistakes)


@pytest.mark.grades("test_model")
def test_model_parameters(model, rng):
    name, d, expected, (X_train, Y_train, _, _, iterations, rate) = _model(model, rng)
    n_x = X_train.shape[0]
    zeros = np.zeros((n_x, 1))
    fixed, _, _ = ref.optimize(zeros, 0.0, X_train, Y_train, iterations, 0.5)
    defaults, _, _ = ref.optimize(zeros, 0.0, X_train, Y_train)
    for key, untrained in (("w", zeros), ("b", 0.0)):
        mistakes = [
            (untrained, MISTAKES["model_untrained"]),
            (fixed[key], MISTAKES["model_fixed_learning_rate"]),
            (defaults[key], MISTAKES["model_default_hyperparameters"]),
        ]
        expect_close(d[key], expected[key], f'{name}: d["{key}"]', mistakes=mistakes)


@pytest.mark.grades("test_model")
def test_model_predictions_on_the_training_set(model, rng):
    name, d, expected, _ = _model(model, rng)
    mistakes = [(expected["Y_prediction_test"], MISTAKES["model_swapped"])]
    expect_close(
        d["Y_prediction_train"],
        expected["Y_prediction_train"],
        f'{name}: d["Y_prediction_train"]',
        mistakes=mistakes,
    )


@pytest.mark.grades("test_model")
def test_model_predictions_on_the_test_set(model, rng):
    name, d, expected, _ = _model(model, rng)
    mistakes = [(expected["Y_prediction_train"], MISTAKES["model_test_on_train"])]
    expect_close(
        d["Y_prediction_test"],
        expected["Y_prediction_test"],
        f'{name}: d["Y_prediction_test"]',
        mistakes=mistakes,
    )
