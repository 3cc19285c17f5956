"""Hidden checks of the forward pass: linear_forward, linear_activation_forward,
L_model_forward (1 to 4 layers) and compute_cost, on random inputs of varied sizes (a single
example included).

Expected values come from the reference (``reference.py``); the wrong values that name a
mistake come from the reference run the wrong way (another activation, b left out, ...).
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w4_deep_network import reference as ref
from helpers.checks import call, expect_close, expect_sequence
from helpers.checks.c1w4 import (
    LINEAR_FORWARD_HINTS,
    MISTAKES,
    expect_layer_cache,
    expect_layer_caches,
    expect_linear_cache,
)

ACTIVATIONS = ("sigmoid", "relu")


def _layer(rng, n_prev: int, n: int, m: int):
    """A_prev (n_prev, m), W (n, n_prev), b (n, 1)."""
    A_prev = rng.normal(0, 1, size=(n_prev, m))
    W = rng.normal(0, 1, size=(n, n_prev)) / np.sqrt(n_prev)
    b = rng.normal(0, 0.5, size=(n, 1))
    return A_prev, W, b


def _layer_sizes(rng) -> list[tuple[int, int, int]]:
    """(n_prev, n, m): different sizes, a square W, a single example, a single unit."""
    n_prev, n = (int(x) for x in rng.choice(range(2, 7), size=2, replace=False))
    square = int(rng.integers(2, 6))
    return [
        (n_prev, n, int(rng.integers(2, 8))),
        (square, square, int(rng.integers(2, 8))),
        (n_prev, n, 1),
        (int(rng.integers(2, 6)), 1, int(rng.integers(2, 8))),
    ]


def _network(rng, L: int, m: int):
    """X (n_x, m) and the parameters of L layers (the last has one unit)."""
    dims = [int(rng.integers(1, 6)) for _ in range(L)] + [1]
    X = rng.normal(0, 1, size=(dims[0], m))
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = rng.normal(0, 1.2, size=(dims[l], dims[l - 1])) / np.sqrt(dims[l - 1])
        parameters[f"b{l}"] = rng.normal(0, 0.5, size=(dims[l], 1))
    return X, parameters, dims


def _forward_with(X, parameters, activations):
    """AL of the network with the given activation for each layer (a reference variant)."""
    A = X
    for l, activation in enumerate(activations, start=1):
        A, _ = ref.linear_activation_forward(
            A, parameters[f"W{l}"], parameters[f"b{l}"], activation
        )
    return A


def _L_hints(L: int) -> list[tuple[str, str]]:
    return [(f"KeyError: '{p}{L + 1}'", MISTAKES["L_len"]) for p in ("W", "b")]


# --------------------------------------------------------------------------- linear_forward
def _linear_forward(linear_forward, A, W, b):
    what = f"linear_forward(A, W, b) for A of shape {A.shape}, W {W.shape}, b {b.shape}"
    result = call(what, linear_forward, A, W, b, hints=LINEAR_FORWARD_HINTS)
    Z, cache = expect_sequence(result, 2, what)
    return what, Z, cache


@pytest.mark.grades("test_linear_forward")
def test_linear_forward_Z(linear_forward, rng):
    for n_prev, n, m in _layer_sizes(rng):
        A, W, b = _layer(rng, n_prev, n, m)
        what, Z, _ = _linear_forward(linear_forward, A, W, b)
        mistakes = [(W @ A, MISTAKES["linear_forward_no_b"])]
        if n == n_prev:
            mistakes.append((W.T @ A + b, MISTAKES["linear_forward_W_transposed"]))
        expect_close(Z, ref.linear_forward(A, W, b)[0], f"{what}: Z", mistakes=mistakes)


@pytest.mark.grades("test_linear_forward")
def test_linear_forward_cache(linear_forward, rng):
    for n_prev, n, m in _layer_sizes(rng)[::2]:
        A, W, b = _layer(rng, n_prev, n, m)
        what, _, cache = _linear_forward(linear_forward, A, W, b)
        expect_linear_cache(cache, A, W, b, f"{what}: cache")


# ---------------------------------------------------------------- linear_activation_forward
def _check_activation(linear_activation_forward, rng, activation: str, part: str) -> None:
    other = "relu" if activation == "sigmoid" else "sigmoid"
    for n_prev, n, m in _layer_sizes(rng):
        A_prev, W, b = _layer(rng, n_prev, n, m)
        what = (
            f'linear_activation_forward(A_prev, W, b, "{activation}") for A_prev of shape '
            f"{A_prev.shape}, W {W.shape}"
        )
        result = call(what, linear_activation_forward, A_prev, W, b, activation)
        A, cache = expect_sequence(result, 2, what)
        expected, (_, Z) = ref.linear_activation_forward(A_prev, W, b, activation)
        if part == "A":
            wrong, _ = ref.linear_activation_forward(A_prev, W, b, other)
            mistakes = [(wrong, MISTAKES["activation_swapped"])]
            expect_close(A, expected, f"{what}: A", mistakes=mistakes)
        else:
            expect_layer_cache(cache, A_prev, W, b, Z, expected, f"{what}: cache")


@pytest.mark.grades("test_linear_activation_forward")
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_forward_A(linear_activation_forward, rng, activation):
    _check_activation(linear_activation_forward, rng, activation, "A")


@pytest.mark.grades("test_linear_activation_forward")
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_linear_activation_forward_cache(linear_activation_forward, rng, activation):
    _check_activation(linear_activation_forward, rng, activation, "cache")


# -------------------------------------------------------------------------- L_model_forward
def _L_model_forward(L_model_forward, X, parameters, dims):
    L = len(dims) - 1
    what = (
        f"L_model_forward(X, parameters) for {L} layer{'s' * (L > 1)} "
        f"({' -> '.join(map(str, dims))}) and {X.shape[1]} example{'s' * (X.shape[1] > 1)}"
    )
    result = call(what, L_model_forward, X, parameters, hints=_L_hints(L))
    AL, caches = expect_sequence(result, 2, what)
    return what, AL, caches


def _check_AL(what, AL, X, parameters, L: int) -> None:
    mistakes = [(_forward_with(X, parameters, ["relu"] * L), MISTAKES["forward_output_relu"])]
    if L > 1:
        all_sigmoid = _forward_with(X, parameters, ["sigmoid"] * L)
        mistakes.append((all_sigmoid, MISTAKES["forward_all_sigmoid"]))
    expected, _ = ref.L_model_forward(X, parameters)
    expect_close(AL, expected, f"{what}: AL", mistakes=mistakes)


def _check_caches(what, caches, X, parameters) -> None:
    _, expected = ref.L_model_forward(X, parameters)
    layers = []
    for l, ((A_prev, W, b), Z) in enumerate(expected, start=1):
        activation = "sigmoid" if l == len(expected) else "relu"
        A, _ = ref.linear_activation_forward(A_prev, W, b, activation)
        layers.append((A_prev, W, b, Z, A))
    expect_layer_caches(caches, layers, f"{what}: caches")


@pytest.mark.grades("test_L_model_forward")
def test_L_model_forward_AL(L_model_forward, rng):
    for L in (2, 3, 4):
        X, parameters, dims = _network(rng, L, int(rng.integers(2, 8)))
        what, AL, _ = _L_model_forward(L_model_forward, X, parameters, dims)
        _check_AL(what, AL, X, parameters, L)


@pytest.mark.grades("test_L_model_forward")
def test_L_model_forward_caches(L_model_forward, rng):
    for L in (2, 3, 4):
        X, parameters, dims = _network(rng, L, int(rng.integers(2, 8)))
        what, _, caches = _L_model_forward(L_model_forward, X, parameters, dims)
        _check_caches(what, caches, X, parameters)


@pytest.mark.grades("test_L_model_forward")
def test_L_model_forward_one_layer(L_model_forward, rng):
    X, parameters, dims = _network(rng, 1, int(rng.integers(2, 8)))
    what, AL, caches = _L_model_forward(L_model_forward, X, parameters, dims)
    _check_AL(what, AL, X, parameters, 1)
    _check_caches(what, caches, X, parameters)


@pytest.mark.grades("test_L_model_forward")
def test_L_model_forward_single_example(L_model_forward, rng):
    X, parameters, dims = _network(rng, 3, 1)
    what, AL, caches = _L_model_forward(L_model_forward, X, parameters, dims)
    _check_AL(what, AL, X, parameters, 3)
    _check_caches(what, caches, X, parameters)


# ----------------------------------------------------------------------------- compute_cost
def _labels_and_predictions(rng, m: int):
    Y = (rng.random((1, m)) < 0.5).astype(float)
    AL = rng.uniform(0.05, 0.95, size=(1, m))
    return AL, Y


def _check_cost(compute_cost, AL, Y) -> None:
    m = Y.shape[1]
    what = f"compute_cost(AL, Y) for {m} example{'s' * (m > 1)}"
    cost = call(what, compute_cost, AL, Y)
    expected = ref.compute_cost(AL, Y)
    mistakes = [
        (-expected, MISTAKES["cost_sign"]),
        (-np.sum(Y * np.log(AL)) / m, MISTAKES["cost_one_term"]),
    ]
    if m > 1:
        mistakes += [
            (expected * m, MISTAKES["cost_no_m"]),
            (-expected * m, MISTAKES["cost_no_m"] + " " + MISTAKES["cost_sign"]),
        ]
    expect_close(cost, expected, what, mistakes=mistakes)


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_values(compute_cost, rng):
    for m in (int(rng.integers(2, 6)), int(rng.integers(6, 40))):
        _check_cost(compute_cost, *_labels_and_predictions(rng, m))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_single_example(compute_cost, rng):
    for label in (0.0, 1.0):
        AL, _ = _labels_and_predictions(rng, 1)
        _check_cost(compute_cost, AL, np.array([[label]]))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_confident_predictions(compute_cost, rng):
    m = int(rng.integers(4, 10))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    AL = np.where(Y == 1, rng.uniform(0.97, 0.999, (1, m)), rng.uniform(0.001, 0.03, (1, m)))
    _check_cost(compute_cost, AL, Y)
