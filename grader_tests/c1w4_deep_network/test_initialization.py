"""Hidden checks of the initializers: initialize_parameters and initialize_parameters_deep, for
random sizes and 1 to 4 layers.

The weights are random, so no value is compared: the checks look at the keys, the shapes, the
zero biases and the spread of the weights (small: 0.01 or about 1 / sqrt(units before), but not
zero, not all equal and not about 1).
"""

from __future__ import annotations

import pytest

from helpers.checks import call
from helpers.checks.c1w4 import (
    expect_initialized,
    expect_parameter_keys,
    expect_parameter_shapes,
    expect_random_weights,
    expect_zero_biases,
)

WIDE = (100, 300)  # the units of a layer whose following weights' spread is measured


def _distinct_sizes(rng, count: int, low: int = 1, high: int = 8) -> list[int]:
    """``count`` different layer sizes (so that a transposed matrix has another shape)."""
    return [int(n) for n in rng.choice(range(low, high), size=count, replace=False)]


# ------------------------------------------------------------------- initialize_parameters
def _shallow(initialize_parameters, n_x: int, n_h: int, n_y: int):
    what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
    return what, call(what, initialize_parameters, n_x, n_h, n_y)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_returns_W1_b1_W2_b2(initialize_parameters, rng):
    what, parameters = _shallow(initialize_parameters, *_distinct_sizes(rng, 3, 2))
    expect_parameter_keys(parameters, 2, what)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_shapes(initialize_parameters, rng):
    for sizes in (_distinct_sizes(rng, 3, 2), [*_distinct_sizes(rng, 2, 2), 1], [1, 1, 1]):
        what, parameters = _shallow(initialize_parameters, *sizes)
        expect_parameter_shapes(parameters, sizes, what)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_biases_are_zero(initialize_parameters, rng):
    sizes = _distinct_sizes(rng, 3, 2)
    what, parameters = _shallow(initialize_parameters, *sizes)
    expect_zero_biases(parameters, sizes, what)


@pytest.mark.grades("test_initialize_parameters")
def test_initialize_parameters_weights_are_small_and_random(initialize_parameters, rng):
    sizes = [int(rng.integers(*WIDE)), int(rng.integers(20, 60)), int(rng.integers(1, 4))]
    what, parameters = _shallow(initialize_parameters, *sizes)
    expect_parameter_shapes(parameters, sizes, what)
    for l in (1, 2):
        expect_random_weights(parameters[f"W{l}"], sizes[l - 1], f"{what}['W{l}']")


# -------------------------------------------------------------- initialize_parameters_deep
def _deep(initialize_parameters_deep, layer_dims: list[int]):
    what = f"initialize_parameters_deep({layer_dims})"
    return what, call(what, initialize_parameters_deep, list(layer_dims))


def _layer_dims(rng, L: int) -> list[int]:
    """L + 1 layer sizes, neighbours different."""
    dims = [int(rng.integers(1, 8))]
    while len(dims) < L + 1:
        n = int(rng.integers(1, 8))
        if n != dims[-1]:
            dims.append(n)
    return dims


@pytest.mark.grades("test_initialize_parameters_deep")
def test_initialize_parameters_deep_keys(initialize_parameters_deep, rng):
    for L in (1, 2, 3, 4):
        dims = _layer_dims(rng, L)
        what, parameters = _deep(initialize_parameters_deep, dims)
        expect_parameter_keys(parameters, L, what)


@pytest.mark.grades("test_initialize_parameters_deep")
def test_initialize_parameters_deep_shapes(initialize_parameters_deep, rng):
    for L in (1, 2, 3, 4):
        dims = _layer_dims(rng, L)
        what, parameters = _deep(initialize_parameters_deep, dims)
        expect_parameter_shapes(parameters, dims, what)


@pytest.mark.grades("test_initialize_parameters_deep")
def test_initialize_parameters_deep_biases_are_zero(initialize_parameters_deep, rng):
    dims = _layer_dims(rng, 3)
    what, parameters = _deep(initialize_parameters_deep, dims)
    expect_zero_biases(parameters, dims, what)


@pytest.mark.grades("test_initialize_parameters_deep")
def test_initialize_parameters_deep_weights_are_small_and_random(initialize_parameters_deep, rng):
    dims = [int(rng.integers(*WIDE)), int(rng.integers(30, 60)), int(rng.integers(16, 30)), 1]
    what, parameters = _deep(initialize_parameters_deep, dims)
    expect_initialized(parameters, dims, what)
