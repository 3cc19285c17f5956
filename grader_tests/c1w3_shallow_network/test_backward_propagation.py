"""Hidden checks of backward_propagation against numerical gradients.

The expected gradients are central differences (``grader_tests.nn.numerical_gradients``) of the
checker's OWN cost: the reference forward_propagation followed by the reference compute_cost.
The learner's gradients pass when the relative error ||g - g_num|| / (||g|| + ||g_num||) is
below TOLERANCE (or every entry is within FLOOR of the numerical one, for a gradient near 0),
on random networks of several sizes (one input, one hidden unit, one example, up to 20
examples). The cache handed to the learner is built by the reference forward pass.
"""

from __future__ import annotations

import pytest

from grader_tests import nn
from grader_tests.checking import expect_gradient, expect_gradient_shape, narrow
from helpers.checks import expect_keys

from . import reference as ref
from .common import call_student, network

TOLERANCE = 1e-6  # largest relative error accepted (right gradients reach ~1e-8)
FLOOR = 1e-8  # ... or absolute difference, for gradients near 0 (a saturated tanh unit)
SIZES = [(1, 1, 3), (2, 4, 5), (3, 1, 6), (4, 3, 20), (2, 6, 2)]  # (n_x, n_h, m), m > 1
SINGLE = [(1, 1, 1), (3, 4, 1)]  # a single example
GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2")


def _check(backward_propagation, parameters, X, Y, keys=GRADIENT_NAMES, shapes=False) -> None:
    """The learner's gradients of ``keys`` (for the reference cache) against numerical ones,
    or, with ``shapes``, only their shapes."""
    _, cache = ref.forward_propagation(X, parameters)
    what = (
        f"backward_propagation(parameters, cache, X, Y) for X of shape {X.shape} and "
        f"n_h = {parameters['W1'].shape[0]}"
    )
    args = (parameters, cache, X, Y)
    grads, wrong = call_student(backward_propagation, "backward_propagation", what, *args)
    expect_keys(grads, list(GRADIENT_NAMES), f"{what}: grads")
    cost = lambda p: ref.compute_cost(ref.forward_propagation(X, p)[0], Y)  # noqa: E731
    numerical = {} if shapes else nn.numerical_gradients(cost, parameters)
    for key in keys:
        label, mistakes = f"{what}: grads[{key!r}]", narrow(wrong, key)
        if shapes:
            expect_gradient_shape(grads[key], parameters[key[1:]].shape, label, mistakes)
        else:
            options = {"tolerance": TOLERANCE, "floor": FLOOR}
            expect_gradient(grads[key], numerical[key], label, mistakes, **options)


@pytest.mark.grades("test_backward_propagation")
def test_backward_propagation_shapes(backward_propagation, rng):
    for sizes in SIZES + SINGLE:
        _check(backward_propagation, *network(rng, *sizes), shapes=True)


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
