"""Hidden checks of backward_propagation against numerical gradients.

The expected gradients are central differences of the checker's OWN cost: the reference
forward_propagation followed by the reference compute_cost. The learner's gradients pass when
the relative error ||g - g_num|| / (||g|| + ||g_num||) is below GRADIENT_TOLERANCE, on random
networks of several sizes (one input, one hidden unit, one example, up to 20 examples). The cache
handed to the learner is built here by the reference forward pass, in the course's format.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w3_shallow_network import reference as ref
from helpers.checks import call, expect_keys, failure, likely_mistake, show
from helpers.checks.c1w3 import (
    BACKWARD_HINTS,
    GRADIENT_NAMES,
    MISTAKES,
    _expect_array_shape,
    _gradient_shape_mistakes,
)

GRADIENT_STEP = 1e-5  # step of the central differences
GRADIENT_TOLERANCE = 1e-6  # largest relative error accepted (the differences reach ~1e-8)
SIZES = [(1, 1, 3), (2, 4, 5), (3, 1, 6), (4, 3, 20), (2, 6, 2)]  # (n_x, n_h, m), m > 1
SINGLE = [(1, 1, 1), (3, 4, 1)]  # a single example


def _network(rng, n_x: int, n_h: int, m: int):
    """Weights of order 1 (so that tanh bends), X (n_x, m) and labels Y (1, m)."""
    parameters = {
        "W1": rng.normal(0, 1, size=(n_h, n_x)),
        "b1": rng.normal(0, 0.5, size=(n_h, 1)),
        "W2": rng.normal(0, 1, size=(1, n_h)),
        "b2": rng.normal(0, 0.5, size=(1, 1)),
    }
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return parameters, X, Y


def _cost(parameters: dict, X, Y) -> float:
    return ref.compute_cost(ref.forward_propagation(X, parameters)[0], Y)


def numerical_gradients(parameters: dict, X, Y) -> dict:
    """{"dW1": ..., "db1": ..., "dW2": ..., "db2": ...} by central differences of the cost."""
    h = GRADIENT_STEP
    grads = {}
    for key, value in parameters.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            plus = {k: v.copy() for k, v in parameters.items()}
            minus = {k: v.copy() for k, v in parameters.items()}
            plus[key][index] += h
            minus[key][index] -= h
            grad[index] = (_cost(plus, X, Y) - _cost(minus, X, Y)) / (2 * h)
        grads["d" + key] = grad
    return grads


def relative_error(got, expected) -> float:
    """||got - expected|| / (||got|| + ||expected||), 0 when both are zero."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    denominator = np.linalg.norm(got) + np.linalg.norm(expected)
    return float(np.linalg.norm(got - expected) / denominator) if denominator else 0.0


def _derivative_variants(parameters: dict, cache: dict, X, Y) -> list:
    """(gradients, text) for backward passes that use a wrong derivative of tanh."""
    m = X.shape[1]
    A1, dZ2 = cache["A1"], cache["A2"] - Y
    back = parameters["W2"].T @ dZ2
    variants = []
    for factor, key in (
        (A1 * (1 - A1), "backward_sigmoid_derivative"),
        (1 - A1, "backward_tanh_no_square"),
        (1.0, "backward_no_derivative"),
    ):
        dZ1 = back * factor
        grads = {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m}
        variants.append((grads, MISTAKES[key]))
    return variants


def _backward(backward_propagation, parameters, X, Y):
    """The learner's grads for the reference cache, with the problem's description."""
    _, cache = ref.forward_propagation(X, parameters)
    n_x, m = X.shape
    what = (
        f"backward_propagation(parameters, cache, X, Y) for X of shape {X.shape} and "
        f"n_h = {parameters['W1'].shape[0]}"
    )
    copies = {k: v.copy() for k, v in parameters.items()}
    grads = call(
        what,
        backward_propagation,
        copies,
        dict(cache),
        X.copy(),
        Y.copy(),
        hints=BACKWARD_HINTS,
    )
    expect_keys(grads, list(GRADIENT_NAMES), f"{what}: grads")
    return what, grads, cache


def _check_gradient(what: str, key: str, got, parameters, cache, X, Y) -> None:
    m = X.shape[1]
    shape = parameters[key[1:]].shape
    got = _expect_array_shape(
        got,
        shape,
        f"{what}: grads[{key!r}]",
        mistakes=_gradient_shape_mistakes(key, shape, m),
    )
    expected = numerical_gradients(parameters, X, Y)[key]
    error = relative_error(got, expected)
    if error <= GRADIENT_TOLERANCE:
        return
    exact = ref.backward_propagation(parameters, cache, X, Y)[key]
    mistakes = [(-exact, MISTAKES["backward_dZ2_sign"])]
    if m > 1:
        mistakes.insert(0, (exact * m, MISTAKES["backward_no_m"]))
    for grads, text in _derivative_variants(parameters, cache, X, Y):
        if key in grads:
            mistakes.append((grads[key], text))
    raise failure(
        f"{what}: grads[{key!r}] does not match the numerical gradient of the cost "
        f"(relative error {error:.2g}, more than {GRADIENT_TOLERANCE:g}).",
        expected=f"{show(expected)} (central differences)",
        got=show(got),
        mistake=likely_mistake(got, mistakes),
    )


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_returns_the_gradients(backward_propagation, rng):
    _backward(backward_propagation, *_network(rng, 3, 4, 5))


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_shapes(backward_propagation, rng):
    for n_x, n_h, m in SIZES + SINGLE:
        parameters, X, Y = _network(rng, n_x, n_h, m)
        what, grads, _ = _backward(backward_propagation, parameters, X, Y)
        for key in GRADIENT_NAMES:
            shape = parameters[key[1:]].shape
            mistakes = _gradient_shape_mistakes(key, shape, m)
            _expect_array_shape(grads[key], shape, f"{what}: grads[{key!r}]", mistakes=mistakes)


def _check_key(backward_propagation, rng, key: str, sizes) -> None:
    for n_x, n_h, m in sizes:
        parameters, X, Y = _network(rng, n_x, n_h, m)
        what, grads, cache = _backward(backward_propagation, parameters, X, Y)
        _check_gradient(what, key, grads[key], parameters, cache, X, Y)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_dW2(backward_propagation, rng):
    _check_key(backward_propagation, rng, "dW2", SIZES)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_db2(backward_propagation, rng):
    _check_key(backward_propagation, rng, "db2", SIZES)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_dW1(backward_propagation, rng):
    _check_key(backward_propagation, rng, "dW1", SIZES)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_db1(backward_propagation, rng):
    _check_key(backward_propagation, rng, "db1", SIZES)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_single_example(backward_propagation, rng):
    for n_x, n_h, m in SINGLE:
        parameters, X, Y = _network(rng, n_x, n_h, m)
        what, grads, cache = _backward(backward_propagation, parameters, X, Y)
        for key in GRADIENT_NAMES:
            _check_gradient(what, key, grads[key], parameters, cache, X, Y)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_uses_the_cache_it_is_given(backward_propagation, rng):
    """Gradients at a second point of the same network: nothing is kept from an earlier call."""
    parameters, X, Y = _network(rng, 3, 5, 8)
    _backward(backward_propagation, parameters, X, Y)
    parameters = {k: v + rng.normal(0, 0.3, size=v.shape) for k, v in parameters.items()}
    what, grads, cache = _backward(backward_propagation, parameters, X, Y)
    for key in GRADIENT_NAMES:
        _check_gradient(what, key, grads[key], parameters, cache, X, Y)
