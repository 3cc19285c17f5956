"""Regularizers of a dense network (Course 2, week 1): the L2 penalty and inverted dropout.

L2: the cost gains ``lambd / (2 m) * sum_l ||W{l}||_F^2`` (the biases are not regularized), so
each ``dW{l}`` gains ``lambd / m * W{l}``: averaged over m, like ``linear_backward``'s dW.

Dropout follows the layer contract: ``dropout_forward(A, keep_prob, rng) -> (A_out, cache)``
keeps each unit with probability ``keep_prob`` and divides the kept ones by ``keep_prob``
(inverted dropout: the expected value of every unit is unchanged, so nothing is rescaled at
test time, where dropout is simply not applied); ``dropout_backward(dA_out, cache)`` lets the
gradient through the SAME units, divided by ``keep_prob`` again. Per-example, no m.
"""

from __future__ import annotations

import numpy as np

from .init import as_generator


def weight_keys(parameters: dict) -> list[str]:
    """The weight matrices' keys ("W1", "W2", ...) of a parameter dict, in its order."""
    return [key for key in parameters if key.startswith("W")]


def l2_penalty(parameters: dict, lambd: float, m: int) -> float:
    """lambd / (2 m) * the sum of the squared entries of every W{l} (no b), as a float."""
    squares = sum(float(np.sum(np.square(parameters[key]))) for key in weight_keys(parameters))
    return lambd / (2 * m) * squares


def l2_gradient(W, lambd: float, m: int):
    """What the L2 penalty adds to dW: lambd / m * W (shape of W)."""
    return lambd / m * W


def dropout_forward(A, keep_prob: float, rng=None):
    """(A * D / keep_prob, (D, keep_prob)) with D a 0/1 float mask of A's shape whose entries
    are 1 with probability keep_prob (drawn as ``uniform < keep_prob``; ``rng`` as in
    ``init.as_generator``). keep_prob = 1 keeps every unit and returns A unchanged."""
    if not 0 < keep_prob <= 1:
        raise ValueError(f"keep_prob should be in (0, 1], not {keep_prob!r}")
    generator = as_generator(rng)
    D = (generator.random(np.shape(A)) < keep_prob).astype(float)
    return A * D / keep_prob, (D, keep_prob)


def dropout_backward(dA_out, cache):
    """dA = dA_out * D / keep_prob with the forward step's own mask: zero exactly where
    the forward step dropped a unit."""
    D, keep_prob = cache
    return dA_out * D / keep_prob
