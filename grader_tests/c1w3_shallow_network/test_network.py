"""Hidden checks of the network's pieces: layer_sizes, initialize_parameters,
forward_propagation, compute_cost and predict, on random inputs of varied sizes (including a
single example, a single input and a single hidden unit).

Expected values come from the reference (``reference.py``) or from the definitions (shapes,
zero biases, the statistics of small random weights, the sign of Z2 for predict).
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w3_shallow_network import reference as ref
from helpers.checks import (
    call,
    expect_close,
    expect_equal,
    expect_integer,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
)
from helpers.checks.c1w3 import (
    CACHE_NAMES,
    FORWARD_HINTS,
    MISTAKES,
    _check_initial_scale,
    _check_initial_values,
    _check_parameters_structure,
)

SIZES = [(1, 1, 1), (2, 4, 1), (3, 1, 6), (2, 5, 7), (5, 3, 20)]  # (n_x, n_h, m)


def _network(rng, n_x: int, n_h: int, m: int):
    """Parameters of an (n_x, n_h, 1) network with weights of order 1, X (n_x, m), Y (1, m)."""
    parameters = {
        "W1": rng.normal(0, 1, size=(n_h, n_x)),
        "b1": rng.normal(0, 0.5, size=(n_h, 1)),
        "W2": rng.normal(0, 1, size=(1, n_h)),
        "b2": rng.normal(0, 0.5, size=(1, 1)),
    }
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return parameters, X, Y


def _copy(parameters: dict) -> dict:
    return {k: v.copy() for k, v in parameters.items()}


# --------------------------------------------------------------------------- layer_sizes
def _layer_sizes(layer_sizes, X, Y):
    what = f"layer_sizes(X, Y) for X of shape {X.shape} and Y of shape {Y.shape}"
    got = expect_sequence(call(what, layer_sizes, X, Y), 3, what)
    parts = ("n_x", "n_h", "n_y")
    return what, tuple(expect_integer(n, f"{what}: {p}") for n, p in zip(got, parts, strict=True))


def _distinct_shapes(rng):
    """X (n_x, m) and Y (n_y, m) with n_x, n_y, m and 4 all different."""
    while True:
        n_x, n_y, m = (int(v) for v in rng.integers(1, 12, size=3))
        if len({n_x, n_y, m, 4}) == 4:
            return rng.normal(size=(n_x, m)), (rng.random((n_y, m)) < 0.5).astype(float)


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_returns_three_integers(layer_sizes, rng):
    _layer_sizes(layer_sizes, *_distinct_shapes(rng))


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_values(layer_sizes, rng):
    for _ in range(3):
        X, Y = _distinct_shapes(rng)
        what, got = _layer_sizes(layer_sizes, X, Y)
        expected = tuple(ref.layer_sizes(X, Y))
        mistakes = [
            ((Y.shape[0], 4, X.shape[0]), MISTAKES["layer_sizes_swapped"]),
            ((X.shape[1], 4, Y.shape[1]), MISTAKES["layer_sizes_examples"]),
            (lambda g: g[1] != 4, MISTAKES["layer_sizes_n_h"]),
        ]
        expect_equal(got, expected, what, mistakes=mistakes)


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_single_output(layer_sizes, rng):
    n_x, m = int(rng.integers(5, 30)), int(rng.integers(31, 60))
    X, Y = rng.normal(size=(n_x, m)), (rng.random((1, m)) < 0.5).astype(float)
    what, got = _layer_sizes(layer_sizes, X, Y)
    mistakes = [
        ((1, 4, n_x), MISTAKES["layer_sizes_swapped"]),
        ((m, 4, m), MISTAKES["layer_sizes_examples"]),
        (lambda g: g[1] != 4, MISTAKES["layer_sizes_n_h"]),
    ]
    expect_equal(got, (n_x, 4, 1), what, mistakes=mistakes)


# ----------------------------------------------------------------- initialize_parameters
def _initialize(initialize_parameters, n_x: int, n_h: int, n_y: int):
    what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
    parameters = call(what, initialize_parameters, n_x, n_h, n_y)
    return what, _check_parameters_structure(parameters, n_x, n_h, n_y, what)


def _sizes(rng) -> tuple[int, int, int]:
    """(n_x, n_h, n_y), all different and above 1."""
    while True:
        n_x, n_h, n_y = (int(v) for v in rng.integers(2, 9, size=3))
        if len({n_x, n_h, n_y}) == 3:
            return n_x, n_h, n_y


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_shapes(initialize_parameters, rng):
    for sizes in ((1, 1, 1), _sizes(rng), _sizes(rng), (2, 4, 1)):
        _initialize(initialize_parameters, *sizes)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_biases_are_zero(initialize_parameters, rng):
    what, parameters = _initialize(initialize_parameters, *_sizes(rng))
    for key in ("b1", "b2"):
        b = parameters[key]
        expect_close(
            b,
            np.zeros(b.shape),
            f"{what}[{key!r}]",
            rtol=0,
            atol=0,
            mistakes=[(lambda got: True, MISTAKES["initialize_parameters_b_random"])],
        )


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_weights_are_random(initialize_parameters, rng):
    """Not zeros, not all equal (no symmetric hidden units), both signs."""
    for sizes in (_sizes(rng), (6, 5, 1)):
        what, parameters = _initialize(initialize_parameters, *sizes)
        _check_initial_values(parameters, what)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_weights_are_small(initialize_parameters, rng):
    """The weights' spread, measured on a large enough network (W2 holds at least 160)."""
    sizes = (
        int(rng.integers(25, 40)),
        int(rng.integers(20, 30)),
        int(rng.integers(8, 12)),
    )
    what, parameters = _initialize(initialize_parameters, *sizes)
    _check_initial_values(parameters, what)
    _check_initial_scale(parameters, what)


# ------------------------------------------------------------------- forward_propagation
def _forward_variant(X, parameters, *, hidden=np.tanh, output=ref.sigmoid, bias=True):
    """forward_propagation's cache with another activation or without the biases."""
    b1, b2 = (parameters["b1"], parameters["b2"]) if bias else (0.0, 0.0)
    Z1 = parameters["W1"] @ X + b1
    A1 = hidden(Z1)
    Z2 = parameters["W2"] @ A1 + b2
    return {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": output(Z2)}


def _forward_mistakes(X, parameters, key: str) -> list:
    variants = [
        ({"hidden": ref.sigmoid}, MISTAKES["forward_sigmoid_hidden"]),
        ({"output": np.tanh}, MISTAKES["forward_tanh_output"]),
        ({"bias": False}, MISTAKES["forward_no_b"]),
    ]
    return [(_forward_variant(X, parameters, **options)[key], text) for options, text in variants]


def _forward(forward_propagation, X, parameters):
    what = f"forward_propagation(X, parameters) for X of shape {X.shape}"
    result = call(what, forward_propagation, X, _copy(parameters), hints=FORWARD_HINTS)
    A2, cache = expect_sequence(result, 2, what)
    expect_keys(cache, list(CACHE_NAMES), f"{what}: cache")
    return what, A2, cache


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_returns_A2_and_cache(forward_propagation, rng):
    parameters, X, _ = _network(rng, 3, 4, 5)
    _forward(forward_propagation, X, parameters)


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_shapes(forward_propagation, rng):
    for n_x, n_h, m in SIZES:
        parameters, X, _ = _network(rng, n_x, n_h, m)
        what, A2, cache = _forward(forward_propagation, X, parameters)
        expect_shape(A2, (1, m), f"{what}: A2")
        for key, shape in (
            ("Z1", (n_h, m)),
            ("A1", (n_h, m)),
            ("Z2", (1, m)),
            ("A2", (1, m)),
        ):
            expect_shape(cache[key], shape, f"{what}: cache[{key!r}]")


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_A2(forward_propagation, rng):
    for n_x, n_h, m in SIZES[1:]:
        parameters, X, _ = _network(rng, n_x, n_h, m)
        what, A2, _ = _forward(forward_propagation, X, parameters)
        expected, _ = ref.forward_propagation(X, parameters)
        mistakes = _forward_mistakes(X, parameters, "A2")
        expect_close(A2, expected, f"{what}: A2", mistakes=mistakes)


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_cache(forward_propagation, rng):
    for n_x, n_h, m in SIZES[1:]:
        parameters, X, _ = _network(rng, n_x, n_h, m)
        what, _, cache = _forward(forward_propagation, X, parameters)
        _, expected = ref.forward_propagation(X, parameters)
        for key in CACHE_NAMES:
            mistakes = _forward_mistakes(X, parameters, key)
            expect_close(cache[key], expected[key], f"{what}: cache[{key!r}]", mistakes=mistakes)


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_single_example(forward_propagation, rng):
    for n_x, n_h in ((1, 1), (3, 4)):
        parameters, X, _ = _network(rng, n_x, n_h, 1)
        what, A2, cache = _forward(forward_propagation, X, parameters)
        expected_A2, expected = ref.forward_propagation(X, parameters)
        mistakes = _forward_mistakes(X, parameters, "A2")
        expect_close(A2, expected_A2, f"{what}: A2", mistakes=mistakes)
        for key in CACHE_NAMES:
            mistakes = _forward_mistakes(X, parameters, key)
            expect_close(cache[key], expected[key], f"{what}: cache[{key!r}]", mistakes=mistakes)


# --------------------------------------------------------------------------- compute_cost
def _cost_problem(rng, m: int):
    A2 = rng.uniform(0.02, 0.98, size=(1, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return A2, Y


def _check_cost(compute_cost, A2, Y) -> None:
    m = Y.shape[1]
    what = f"compute_cost(A2, Y) for A2 and Y of shape {Y.shape}"
    got = call(what, compute_cost, A2.copy(), Y.copy())
    expected = ref.compute_cost(A2, Y)
    mistakes = [
        (-expected, MISTAKES["compute_cost_sign"]),
        (-np.sum(Y * np.log(A2)) / m, MISTAKES["compute_cost_half"]),
    ]
    if m > 1:
        mistakes.insert(0, (expected * m, MISTAKES["compute_cost_no_m"]))
    expect_close(got, expected, what, mistakes=mistakes)


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_values(compute_cost, rng):
    for m in (3, int(rng.integers(5, 20)), int(rng.integers(50, 200))):
        _check_cost(compute_cost, *_cost_problem(rng, m))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_single_example(compute_cost, rng):
    for label in (0.0, 1.0):
        A2 = rng.uniform(0.05, 0.95, size=(1, 1))
        _check_cost(compute_cost, A2, np.array([[label]]))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_of_a_network_output(compute_cost, rng):
    parameters, X, Y = _network(rng, 4, 3, 12)
    A2, _ = ref.forward_propagation(X, parameters)
    _check_cost(compute_cost, A2, Y)


# -------------------------------------------------------------------------------- predict
def _predict_problem(rng, n_x: int, n_h: int, m: int):
    """A network and X whose Z2 stays away from 0 (the 0.5 threshold of A2), with both labels
    and (for m >= 4) some Z2 between 0 and 0.5."""
    while True:
        parameters, X, _ = _network(rng, n_x, n_h, m)
        z = ref.forward_propagation(X, parameters)[1]["Z2"].ravel()
        if np.abs(z).min() < 1e-3 or np.abs(z - 0.5).min() < 1e-3:
            continue
        if m >= 4 and not ((z < 0).any() and (z > 0.5).any() and ((z > 0) & (z < 0.5)).any()):
            continue
        return parameters, X, z


def _check_predict(predict, parameters, X, z) -> None:
    m = X.shape[1]
    what = f"predict(parameters, X) for X of shape {X.shape}"
    got = call(what, predict, _copy(parameters), X.copy())
    got = expect_shape(got, (1, m), what, mistakes=[((m,), MISTAKES["predict_1d"])])
    expected = (z > 0).astype(float).reshape(1, m)  # sigmoid(Z2) > 0.5 exactly when Z2 > 0
    mistakes = [
        (lambda a: not np.isin(a, (0, 1)).all(), MISTAKES["predict_probabilities"]),
        (1 - expected, MISTAKES["predict_reversed"]),
        ((z > 0.5).astype(float).reshape(1, m), MISTAKES["predict_Z2"]),
    ]
    expect_close(got.astype(float), expected, what, mistakes=mistakes)


@pytest.mark.grades("test_predict")
def test_predict_shape(predict, rng):
    for n_x, n_h, m in SIZES:
        parameters, X, _ = _predict_problem(rng, n_x, n_h, m)
        what = f"predict(parameters, X) for X of shape {X.shape}"
        got = call(what, predict, parameters, X)
        mistakes = [((m,), MISTAKES["predict_1d"])]
        expect_shape(got, (1, m), what, mistakes=mistakes)


@pytest.mark.grades("test_predict")
def test_predict_labels_are_0_or_1(predict, rng):
    parameters, X, _ = _predict_problem(rng, 3, 4, 15)
    what = f"predict(parameters, X) for X of shape {X.shape}"
    got = call(what, predict, parameters, X)
    got = expect_shape(got, (1, 15), what, mistakes=[((15,), MISTAKES["predict_1d"])])
    values = np.unique(got.astype(float))
    if not np.isin(values, (0, 1)).all():
        raise failure(
            f"{what} holds values other than 0 and 1.",
            expected="labels 0 and 1",
            got=f"the values {np.round(values, 4).tolist()[:8]}",
            mistake=MISTAKES["predict_probabilities"],
        )


@pytest.mark.grades("test_predict")
def test_predict_values(predict, rng):
    for n_x, n_h, m in ((1, 2, 6), (2, 4, 15), (5, 3, 30)):
        _check_predict(predict, *_predict_problem(rng, n_x, n_h, m))


@pytest.mark.grades("test_predict")
def test_predict_single_example(predict, rng):
    labels = set()
    while labels != {0.0, 1.0}:  # both a 0 and a 1
        parameters, X, z = _predict_problem(rng, 2, 4, 1)
        if float(z[0] > 0) not in labels:
            labels.add(float(z[0] > 0))
            _check_predict(predict, parameters, X, z)
