"""Hidden checks of the forward pass: linear_forward, linear_activation_forward, L_model_forward
(1 to 4 layers) and compute_cost, on random inputs of varied sizes (a single example included).

Expected values come from the reference; a wrong result is named by the planted mistake that
gives the same result (or raises the same error) on the same inputs.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w4_deep_network.common import check, layer, layer_sizes, layers_text, network

PARTS = {"linear_forward": ("Z", "cache"), "linear_activation_forward": ("A", "cache")}


@pytest.mark.grades("test_linear_forward")
@pytest.mark.parametrize("part", [0, 1], ids=PARTS["linear_forward"])
def test_linear_forward(linear_forward, rng, part):
    for sizes in layer_sizes(rng):
        A, W, b = layer(rng, *sizes)
        what = f"linear_forward(A, W, b) for A of shape {A.shape}, W {W.shape}, b {b.shape}"
        parts = PARTS["linear_forward"]
        check(linear_forward, "linear_forward", what, A, W, b, path=(part,), parts=parts)


@pytest.mark.grades("test_linear_activation_forward")
@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("part", [0, 1], ids=PARTS["linear_activation_forward"])
def test_linear_activation_forward(linear_activation_forward, rng, activation, part):
    for sizes in layer_sizes(rng):
        A_prev, W, b = layer(rng, *sizes)
        what = (
            f'linear_activation_forward(A_prev, W, b, "{activation}") for A_prev of shape '
            f"{A_prev.shape}, W {W.shape}"
        )
        args = (A_prev, W, b, activation)
        name = "linear_activation_forward"
        check(linear_activation_forward, name, what, *args, path=(part,), parts=PARTS[name])


@pytest.mark.grades("test_L_model_forward")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
@pytest.mark.parametrize("part", [0, 1], ids=["AL", "caches"])
def test_L_model_forward(L_model_forward, rng, L, part):
    m = 1 if L == 3 and part == 0 else int(rng.integers(2, 8))  # one single example
    X, parameters, dims = network(rng, L, m)
    what = f"L_model_forward(X, parameters) for {layers_text(dims)} and X of shape {X.shape}"
    parts = ("AL", "caches")
    check(L_model_forward, "L_model_forward", what, X, parameters, path=(part,), parts=parts)


def _check_cost(compute_cost, AL, Y) -> None:
    m = Y.shape[1]
    what = f"compute_cost(AL, Y) for {m} example{'s' * (m > 1)}: the cost"
    check(compute_cost, "compute_cost", what, AL, Y)


@pytest.mark.grades("test_compute_cost")
@pytest.mark.parametrize("m", [3, 25])
def test_compute_cost(compute_cost, rng, m):
    Y = (rng.random((1, m)) < 0.5).astype(float)
    Y[0, :2] = (0.0, 1.0)  # both labels
    _check_cost(compute_cost, rng.uniform(0.05, 0.95, size=(1, m)), Y)


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_single_example(compute_cost, rng):
    for label in (0.0, 1.0):
        _check_cost(compute_cost, rng.uniform(0.05, 0.95, size=(1, 1)), np.array([[label]]))


@pytest.mark.grades("test_compute_cost")
def test_compute_cost_confident_predictions(compute_cost, rng):
    m = int(rng.integers(4, 10))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    AL = np.where(Y == 1, rng.uniform(0.97, 0.999, (1, m)), rng.uniform(0.001, 0.03, (1, m)))
    _check_cost(compute_cost, AL, Y)
