"""The shared hidden-check helpers (``grader_tests.checking``) bound to this week's spec, and
random networks."""

from __future__ import annotations

import functools

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)


def parameters_of(rng, n_x: int, n_h: int, n_y: int = 1) -> dict:
    """Weights of order 1 (so that tanh bends) and biases of order 0.5."""
    return {
        "W1": rng.normal(0, 1, size=(n_h, n_x)),
        "b1": rng.normal(0, 0.5, size=(n_h, 1)),
        "W2": rng.normal(0, 1, size=(n_y, n_h)),
        "b2": rng.normal(0, 0.5, size=(n_y, 1)),
    }


def network(rng, n_x: int, n_h: int, m: int):
    """Parameters of an (n_x, n_h, 1) network, X (n_x, m) and labels Y (1, m)."""
    parameters = parameters_of(rng, n_x, n_h)
    X = rng.normal(0, 1, size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return parameters, X, Y
