"""Hidden checks of L2 regularization and dropout on random three-layer networks.

- compute_cost_with_regularization against the reference (cross-entropy + the L2 term);
- backward_propagation_with_regularization against numerical gradients of the checker's own
  regularized cost;
- forward_propagation_with_dropout by what it must do with the learner's own masks (read from
  the cache): masks of 0s and 1s keeping about keep_prob of a large layer, kept units divided
  by keep_prob, and everything else exactly the reference's forward pass with those masks;
  with keep_prob = 1, exactly the plain forward pass;
- backward_propagation_with_dropout against numerical gradients of the forward pass with the
  cache's masks fixed: zero exactly where the forward pass dropped a unit.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import expect_keys, failure
from helpers.checks.c2w1 import dropout_parts, expect_mask, expect_scaled, leaks

from . import reference as ref
from .common import (
    WEIGHT_GRADIENTS,
    call_student,
    check,
    expect_gradients,
    network,
    numerical,
    sizes,
)
from .spec import SPEC


def _text(dims, m) -> str:
    return f"for a network of {' -> '.join(map(str, dims))} and {m} example(s)"


@pytest.mark.grades("test_compute_cost_with_regularization")
@pytest.mark.parametrize("m", [1, 4, 17])
def test_compute_cost_with_regularization(compute_cost_with_regularization, rng, m):
    dims = sizes(rng)
    parameters, X, Y = network(rng, dims, m)
    A3 = ref.three_layer_forward(X, parameters)[0]
    lambd = float(np.round(rng.uniform(0.1, 2.0), 2))
    what = f"compute_cost_with_regularization(A3, Y, parameters, lambd={lambd}) {_text(dims, m)}"
    check(
        compute_cost_with_regularization,
        "compute_cost_with_regularization",
        what,
        A3,
        Y,
        parameters,
        lambd,
    )


@pytest.mark.grades("test_backward_propagation_with_regularization")
@pytest.mark.parametrize("m", [1, 6])
def test_backward_propagation_with_regularization(backward_propagation_with_regularization, rng, m):
    dims = sizes(rng)
    parameters, X, Y = network(rng, dims, m)
    lambd = float(np.round(rng.uniform(0.3, 1.5), 2))
    cache = ref.three_layer_forward(X, parameters)[1]
    name = "backward_propagation_with_regularization"
    what = f"{name}(X, Y, cache, lambd={lambd}) {_text(dims, m)}"
    grads, wrong = call_student(
        backward_propagation_with_regularization, name, what, X, Y, cache, lambd
    )
    grads = expect_keys(grads, WEIGHT_GRADIENTS, f"{what}: grads")

    def cost(p):
        return ref.compute_cost_with_regularization(ref.three_layer_forward(X, p)[0], Y, p, lambd)

    expect_gradients(grads, numerical(cost, parameters), what, wrong, WEIGHT_GRADIENTS)


@pytest.mark.grades("test_forward_propagation_with_dropout")
@pytest.mark.parametrize("m", [1, 5])
def test_forward_propagation_with_dropout_keeps_everything_at_keep_prob_1(
    forward_propagation_with_dropout, rng, m
):
    dims = sizes(rng)
    parameters, X, _ = network(rng, dims, m)
    what = f"forward_propagation_with_dropout(X, parameters, keep_prob=1.0) {_text(dims, m)}"
    check(
        forward_propagation_with_dropout,
        "forward_propagation_with_dropout",
        what,
        X,
        parameters,
        keep_prob=1.0,
    )


@pytest.mark.grades("test_forward_propagation_with_dropout")
@pytest.mark.parametrize("keep_prob", [0.5, 0.86])
def test_forward_propagation_with_dropout_masks(forward_propagation_with_dropout, rng, keep_prob):
    dims = [3, int(rng.integers(150, 250)), int(rng.integers(100, 150)), 1]
    parameters, X, _ = network(rng, dims, int(rng.integers(250, 350)), margin=0)
    what = (
        f"forward_propagation_with_dropout(X, parameters, keep_prob={keep_prob}) "
        f"{_text(dims, X.shape[1])}"
    )
    result = call_student(
        forward_propagation_with_dropout,
        "forward_propagation_with_dropout",
        what,
        X,
        parameters,
        keep_prob=keep_prob,
    )[0]
    A3, cache = dropout_parts(result, what)
    D1 = expect_mask(cache["D1"], cache["Z1"], keep_prob, 1, what)
    expect_scaled(cache["A1"], np.maximum(cache["Z1"], 0), D1, keep_prob, 1, what)
    D2 = expect_mask(cache["D2"], cache["Z2"], keep_prob, 2, what)
    expect_scaled(cache["A2"], np.maximum(cache["Z2"], 0), D2, keep_prob, 2, what)
    expected_A3 = ref.dropout_network_forward(X, parameters, (D1, D2), keep_prob)[0]
    if not np.allclose(A3, expected_A3, rtol=1e-6, atol=1e-9):
        raise failure(
            f"{what}: A3 is not the output of the network with your masks.",
            mistake="A3 = sigmoid(Z3) with Z3 = W3 A2 + b3, A2 after dropout.",
        )


@pytest.mark.grades("test_backward_propagation_with_dropout")
@pytest.mark.parametrize(("keep_prob", "m"), [(0.5, 7), (0.8, 1), (0.7, 4)])
def test_backward_propagation_with_dropout(backward_propagation_with_dropout, rng, keep_prob, m):
    dims = sizes(rng)
    masks = [(rng.random((n, m)) < keep_prob).astype(int) for n in dims[1:3]]
    for D in masks:
        D[0, 0] = 1  # at least one unit kept and one dropped in each layer
        D[-1, -1] = 0
    parameters, X, Y = network(rng, dims, m, masks, keep_prob)
    cache = ref.dropout_network_forward(X, parameters, masks, keep_prob)[1]
    name = "backward_propagation_with_dropout"
    what = f"{name}(X, Y, cache, keep_prob={keep_prob}) {_text(dims, m)}"
    grads, wrong = call_student(
        backward_propagation_with_dropout, name, what, X, Y, cache, keep_prob
    )
    grads = expect_keys(grads, [*WEIGHT_GRADIENTS, "dA1", "dA2"], f"{what}: grads")
    leaked = leaks(grads, cache)  # the cache holds the masks D1 and D2
    if leaked:
        raise failure(
            f"{what}: {' and '.join(leaked)} not zero where the forward pass dropped a unit.",
            mistake=SPEC.hint("dropout_backward_new_mask"),
        )

    def cost(p):
        return ref.compute_cost(ref.dropout_network_forward(X, p, masks, keep_prob)[0], Y)

    expect_gradients(grads, numerical(cost, parameters), what, wrong, WEIGHT_GRADIENTS)
