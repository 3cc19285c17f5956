"""What the hidden checks of c2w1 share: the shared helpers (``grader_tests.checking``) bound
to this week's spec, and random three-layer networks whose ReLU inputs stay away from the kink
at 0 (where a numerical derivative means nothing)."""

from __future__ import annotations

import functools

import numpy as np

from grader_tests import checking
from grader_tests.nn import numerical_gradients
from helpers.checks.c2w1 import WEIGHT_GRADIENTS  # noqa: F401 - the hidden checks' too

from . import reference as ref
from .spec import SPEC

GRADIENT_TOLERANCE = 1e-6  # largest relative error accepted; right gradients reach ~1e-9
KINK_MARGIN = 1e-3  # every input of a ReLU is at least this far from 0

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)
expect_gradient = functools.partial(checking.expect_gradient, tolerance=GRADIENT_TOLERANCE)


def sizes(rng) -> list[int]:
    """Layer sizes n_x -> n_1 -> n_2 -> 1, all different where possible."""
    n_x, n_1, n_2 = (int(n) for n in rng.choice(range(2, 7), size=3, replace=False))
    return [n_x, n_1, n_2, 1]


def network(rng, dims, m: int, masks=None, keep_prob: float = 1.0, margin: float = KINK_MARGIN):
    """(parameters, X, Y) of a random network whose ReLU inputs Z1, Z2 stay ``margin`` away
    from 0 (with the dropout masks, when given); labels of both classes when m > 1. A large
    network that no derivative is taken of needs no margin (``margin=0``)."""
    while True:
        parameters = {}
        for l in range(1, len(dims)):
            parameters[f"W{l}"] = rng.normal(0, 1, size=(dims[l], dims[l - 1]))
            parameters[f"b{l}"] = rng.normal(0, 0.3, size=(dims[l], 1))
        X = rng.normal(0, 1, size=(dims[0], m))
        Y = (rng.random((1, m)) < 0.5).astype(float)
        if m > 1:
            Y[0, :2] = [0.0, 1.0]
        if masks is None:
            cache = ref.three_layer_forward(X, parameters)[1]
            Z1, Z2 = cache[0], cache[4]
        else:
            cache = ref.dropout_network_forward(X, parameters, masks, keep_prob)[1]
            Z1, Z2 = cache[0], cache[5]
        if min(np.abs(Z1).min(), np.abs(Z2).min()) >= margin:
            return parameters, X, Y


def numerical(cost, parameters) -> dict:
    """{"dW1": ..., "db3": ...}: central differences of cost(parameters)."""
    return numerical_gradients(cost, parameters)


def expect_gradients(grads, expected: dict, what: str, wrong, keys) -> None:
    """Each of ``keys`` in the learner's gradients against the numerical ones; ``wrong`` are
    the planted mistakes' outputs (dicts of gradients)."""
    for key in keys:
        mistakes = checking.narrow(wrong, key)
        expect_gradient(grads[key], expected[key], f"{what}: grads[{key!r}]", mistakes)
