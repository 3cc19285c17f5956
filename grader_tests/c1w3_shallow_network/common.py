"""What the hidden checks of c1w3 share: random networks, and a comparison with the reference
that names the planted mistake (``spec.py``) whose output on the same inputs is what came back."""

from __future__ import annotations

import contextlib
import copy
import io

import numpy as np

from grader_tests.spec import mistakes_on
from helpers.checks import CheckFailure, call
from helpers.checks.engine import compare

from . import reference as ref
from .spec import SPEC

PARAMETER_NAMES = ("W1", "b1", "W2", "b2")
GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2")


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


def mistakes(name: str, *args, **kwargs) -> list:
    """(output, hint) of every planted mistake of ``name`` on these inputs (nothing printed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return mistakes_on(SPEC, name, *args, **kwargs)


def expect_reference(function, name: str, *args, what: str, **kwargs):
    """Call the learner's ``name`` on copies of the inputs and compare what comes back with the
    reference's output, part by part; a difference names the matching planted mistake."""
    got = call(what, function, *copy.deepcopy(args), **kwargs)
    with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
        expected = getattr(ref, name)(*copy.deepcopy(args), **kwargs)
    parts = SPEC.function(name).parts
    try:
        compare(got, expected, what, parts=parts)
    except CheckFailure:  # only now run the mistakes (nn_model's take a while)
        compare(got, expected, what, mistakes(name, *args, **kwargs), parts=parts)
    return got
