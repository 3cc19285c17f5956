"""Hidden checks of the network's pieces: layer_sizes, initialize_parameters,
forward_propagation, compute_cost and predict, on random inputs of varied sizes (including a
single example, a single input and a single hidden unit).

Expected values come from the reference (``reference.py``); initialize_parameters, which is
random, goes through its public check on other sizes (shapes, zero biases, the statistics of
small random weights).
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import call, expect_keys, expect_sequence
from helpers.checks.c1w3 import check_initialize_parameters, expect_three_integers

from . import reference as ref
from .common import check, network

SIZES = [(1, 1, 1), (2, 4, 1), (3, 1, 6), (2, 5, 7), (5, 3, 20)]  # (n_x, n_h, m)


# --------------------------------------------------------------------------- layer_sizes
def _distinct(rng, low: int, high: int, *others: int) -> tuple[int, int, int]:
    """Three sizes in [low, high), different from each other and from ``others``."""
    while True:
        sizes = tuple(int(v) for v in rng.integers(low, high, size=3))
        if len({*sizes, *others}) == 3 + len(others):
            return sizes


def _distinct_shapes(rng):
    """X (n_x, m) and Y (n_y, m) with n_x, n_y, m and 4 all different."""
    n_x, n_y, m = _distinct(rng, 1, 12, 4)
    return rng.normal(size=(n_x, m)), (rng.random((n_y, m)) < 0.5).astype(float)


def _check_layer_sizes(layer_sizes, X, Y) -> None:
    what = f"layer_sizes(X, Y) for X of shape {X.shape} and Y of shape {Y.shape}"
    check(layer_sizes, "layer_sizes", what, X, Y)


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_returns_three_integers(layer_sizes, rng):
    X, Y = _distinct_shapes(rng)
    what = f"layer_sizes(X, Y) for X of shape {X.shape} and Y of shape {Y.shape}"
    expect_three_integers(call(what, layer_sizes, X, Y), what)


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_values(layer_sizes, rng):
    for _ in range(3):
        _check_layer_sizes(layer_sizes, *_distinct_shapes(rng))


@pytest.mark.grades("test_layer_sizes")
def test_layer_sizes_single_output(layer_sizes, rng):
    n_x, m = int(rng.integers(5, 30)), int(rng.integers(31, 60))
    _check_layer_sizes(layer_sizes, rng.normal(size=(n_x, m)), np.ones((1, m)))


# ----------------------------------------------------------------- initialize_parameters
@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_shapes_zero_biases_random_weights(initialize_parameters, rng):
    sizes = [(1, 1, 1), _distinct(rng, 2, 9), _distinct(rng, 2, 9), (2, 4, 1), (6, 5, 1)]
    check_initialize_parameters(initialize_parameters, sizes, stats_sizes=None)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_weights_are_small(initialize_parameters, rng):
    """The weights' spread, measured on a large enough network (W2 holds at least 160)."""
    sizes = tuple(int(rng.integers(low, high)) for low, high in ((25, 40), (20, 30), (8, 12)))
    check_initialize_parameters(initialize_parameters, (), stats_sizes=sizes)


# ------------------------------------------------------------------- forward_propagation
def _check_forward(forward_propagation, rng, n_x: int, n_h: int, m: int) -> None:
    parameters, X, _ = network(rng, n_x, n_h, m)
    what = f"forward_propagation(X, parameters) for X of shape {X.shape} and n_h = {n_h}"
    check(forward_propagation, "forward_propagation", what, X, parameters)


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_returns_A2_and_cache(forward_propagation, rng):
    parameters, X, _ = network(rng, 3, 4, 5)
    what = f"forward_propagation(X, parameters) for X of shape {X.shape}"
    _, cache = expect_sequence(call(what, forward_propagation, X, parameters), 2, what)
    expect_keys(cache, ["Z1", "A1", "Z2", "A2"], f"{what}: cache")


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_values(forward_propagation, rng):
    for sizes in SIZES[1:]:
        _check_forward(forward_propagation, rng, *sizes)


@pytest.mark.grades("test_forward_propagation")
def test_forward_propagation_single_example(forward_propagation, rng):
    for n_x, n_h in ((1, 1), (3, 4)):
        _check_forward(forward_propagation, rng, n_x, n_h, 1)


# --------------------------------------------------------------------------- compute_cost
def _check_cost(compute_cost, A2, Y) -> None:
    what = f"compute_cost(A2, Y) for A2 and Y of shape {Y.shape}"
    check(compute_cost, "compute_cost", what, A2, Y)


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_values(compute_cost, rng):
    for m in (3, int(rng.integers(5, 20)), int(rng.integers(50, 200))):
        A2 = rng.uniform(0.02, 0.98, size=(1, m))
        _check_cost(compute_cost, A2, (rng.random((1, m)) < 0.5).astype(float))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_single_example(compute_cost, rng):
    for label in (0.0, 1.0):
        _check_cost(compute_cost, rng.uniform(0.05, 0.95, size=(1, 1)), np.array([[label]]))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_of_a_network_output(compute_cost, rng):
    parameters, X, Y = network(rng, 4, 3, 12)
    _check_cost(compute_cost, ref.forward_propagation(X, parameters)[0], Y)


# -------------------------------------------------------------------------------- predict
def _check_predict(predict, rng, n_x: int, n_h: int, m: int) -> float:
    """On a network and X whose Z2 stays away from 0 (A2's threshold 0.5) and from 0.5, with
    both labels and (for m >= 4) some Z2 between 0 and 0.5 (where A2 > 0.5 but Z2 < 0.5)."""
    while True:
        parameters, X, _ = network(rng, n_x, n_h, m)
        z = ref.forward_propagation(X, parameters)[1]["Z2"].ravel()
        if np.abs(z).min() < 1e-3 or np.abs(z - 0.5).min() < 1e-3:
            continue
        if m < 4 or ((z < 0).any() and (z > 0.5).any() and ((z > 0) & (z < 0.5)).any()):
            break
    what = f"predict(parameters, X) for X of shape {X.shape}"
    check(predict, "predict", what, parameters, X)
    return float(z[0] > 0)


@pytest.mark.grades("test_predict")
def test_predict_values(predict, rng):
    for sizes in [*SIZES, (1, 2, 6), (2, 4, 15), (5, 3, 30)]:
        _check_predict(predict, rng, *sizes)


@pytest.mark.grades("test_predict")
def test_predict_single_example(predict, rng):
    labels = set()
    while labels != {0.0, 1.0}:  # a 0 and a 1 at least
        labels.add(_check_predict(predict, rng, 2, 4, 1))
