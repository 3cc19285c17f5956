"""Element-wise activations ``g`` (sigmoid, relu, tanh) in three forms, for ``Z`` of any shape:
``g(Z) -> A`` and ``g_derivative(Z)``; ``g_forward(Z) -> (A, Z)`` (the cache is Z itself, the
course's c1w4 contract); ``g_backward(dA, Z) -> dZ = dA * g'(Z)``. ``ACTIVATIONS`` maps each
name the layers accept to its ``(forward, backward)`` pair; a new activation is one more entry.
"""

from __future__ import annotations

import numpy as np


# ------------------------------------------------------------------------------- sigmoid
def sigmoid(Z):
    """Element-wise 1 / (1 + exp(-Z)) of a number or an array (no warning when exp overflows)."""
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-Z))


def sigmoid_derivative(Z):
    """s * (1 - s) with s = sigmoid(Z)."""
    s = sigmoid(Z)
    return s * (1 - s)


def sigmoid_forward(Z):
    """(A, Z): A = sigmoid(Z), and Z itself as the activation cache."""
    return sigmoid(Z), Z


def sigmoid_backward(dA, cache):
    """dZ = dA * s * (1 - s), s = sigmoid(Z), with cache = Z; dZ has the shape of dA."""
    s = sigmoid(cache)
    return dA * s * (1 - s)


# ---------------------------------------------------------------------------------- relu
def relu(Z):
    """Element-wise max(0, Z)."""
    return np.maximum(0, Z)


def relu_derivative(Z):
    """1.0 where Z > 0, else 0.0 (0 at the kink Z = 0)."""
    return np.where(np.asarray(Z) > 0, 1.0, 0.0)


def relu_forward(Z):
    """(A, Z): A = max(0, Z), and Z itself as the activation cache."""
    return relu(Z), Z


def relu_backward(dA, cache):
    """dZ = dA where Z > 0, else 0, with cache = Z; dZ has the shape of dA."""
    return np.where(cache > 0, dA, 0.0)


# ---------------------------------------------------------------------------------- tanh
def tanh(Z):
    """Element-wise hyperbolic tangent."""
    return np.tanh(Z)


def tanh_derivative(Z):
    """1 - tanh(Z) ** 2 (in terms of A = tanh(Z): 1 - A ** 2)."""
    return 1 - np.tanh(Z) ** 2


def tanh_forward(Z):
    """(A, Z): A = tanh(Z), and Z itself as the activation cache."""
    return np.tanh(Z), Z


def tanh_backward(dA, cache):
    """dZ = dA * (1 - tanh(Z) ** 2), with cache = Z; dZ has the shape of dA."""
    return dA * (1 - np.tanh(cache) ** 2)


# ------------------------------------------------------------------------------ registry
ACTIVATIONS = {
    "sigmoid": (sigmoid_forward, sigmoid_backward),
    "relu": (relu_forward, relu_backward),
    "tanh": (tanh_forward, tanh_backward),
}


def activation_pair(name: str):
    """(forward, backward) of the activation called ``name``; ValueError for an unknown one."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        known = ", ".join(repr(key) for key in ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (expected one of {known})") from None
