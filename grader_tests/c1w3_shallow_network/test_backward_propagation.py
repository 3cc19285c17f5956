"""Hidden checks of backward_propagation against numerical gradients.

The expected gradients are central differences (``grader_tests.nn.numerical_gradients``) of the
checker's OWN cost: the reference forward_propagation followed by the reference compute_cost.
The learner's gradients pass when the relative error ||g - g_num|| / (||g|| + ||g_num||) is
below TOLERANCE (or every entry is within FLOOR of the numerical one, for a gradient near 0),
on random networks of several sizes (one input, one hidden unit, one example, up to 20
examples). The cache handed to the learner is built by the reference forward pass.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests import nn
from helpers.checks import call, expect_keys, expect_shape, failure, likely_mistake, show

from . import reference as ref
from .common import GRADIENT_NAMES, mistakes_of, network

TOLERANCE = 1e-6  # largest relative error accepted (right gradients reach ~1e-8)
FLOOR = 1e-8  # ... or absolute difference, for gradients near 0 (a saturated tanh unit)
SIZES = [(1, 1, 3), (2, 4, 5), (3, 1, 6), (4, 3, 20), (2, 6, 2)]  # (n_x, n_h, m), m > 1
SINGLE = [(1, 1, 1), (3, 4, 1)]  # a single example


def _gradients(backward_propagation, parameters, X, Y):
    """The learner's gradients for the reference cache, the cache and the call's description."""
    _, cache = ref.forward_propagation(X, parameters)
    what = (
        f"backward_propagation(parameters, cache, X, Y) for X of shape {X.shape} and "
        f"n_h = {parameters['W1'].shape[0]}"
    )
    grads = call(what, backward_propagation, parameters, cache, X, Y)
    return expect_keys(grads, list(GRADIENT_NAMES), f"{what}: grads"), cache, what


def _check(backward_propagation, parameters, X, Y, keys=GRADIENT_NAMES) -> None:
    """The learner's gradients of ``keys`` against numerical ones."""
    grads, cache, what = _gradients(backward_propagation, parameters, X, Y)
    numerical = nn.numerical_gradients(
        lambda p: ref.compute_cost(ref.forward_propagation(X, p)[0], Y), parameters
    )
    for key in keys:
        got, expected = grads[key], numerical[key]
        if np.shape(got) == expected.shape and (
            nn.relative_error(got, expected) <= TOLERANCE
            or np.allclose(got, expected, rtol=0, atol=FLOOR)
        ):
            continue
        wrong = _mistakes(key, parameters, cache, X, Y)
        label = f"{what}: grads[{key!r}]"
        expect_shape(got, expected.shape, label, mistakes=[(np.shape(v), h) for v, h in wrong])
        raise failure(
            f"{label} does not match the numerical gradient of the cost (relative error "
            f"{nn.relative_error(got, expected):.2g}, more than {TOLERANCE:g}).",
            expected=f"{show(expected)} (central differences)",
            got=show(got),
            mistake=likely_mistake(got, wrong),
        )


def _mistakes(key: str, *args) -> list:
    """(grads[key], hint) of the planted mistakes of backward_propagation on these inputs."""
    pairs = mistakes_of("backward_propagation", *args)[0]
    return [(grads[key], hint) for grads, hint in pairs if isinstance(grads, dict) and key in grads]


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_shapes(backward_propagation, rng):
    for sizes in SIZES + SINGLE:
        parameters, X, Y = network(rng, *sizes)
        grads, cache, what = _gradients(backward_propagation, parameters, X, Y)
        for key in GRADIENT_NAMES:
            shape = parameters[key[1:]].shape
            if np.shape(grads[key]) != shape:
                wrong = _mistakes(key, parameters, cache, X, Y)
                shapes = [(np.shape(v), h) for v, h in wrong]
                expect_shape(grads[key], shape, f"{what}: grads[{key!r}]", mistakes=shapes)


@pytest.mark.parametrize("key", GRADIENT_NAMES)
@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_gradient(backward_propagation, rng, key):
    for sizes in SIZES:
        _check(backward_propagation, *network(rng, *sizes), [key])


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_single_example(backward_propagation, rng):
    for sizes in SINGLE:
        _check(backward_propagation, *network(rng, *sizes))


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_uses_the_cache_it_is_given(backward_propagation, rng):
    """Gradients at a second point of the same network: nothing is kept from an earlier call."""
    parameters, X, Y = network(rng, 3, 5, 8)
    _check(backward_propagation, parameters, X, Y)
    moved = {k: v + rng.normal(0, 0.3, size=v.shape) for k, v in parameters.items()}
    _check(backward_propagation, moved, X, Y)
