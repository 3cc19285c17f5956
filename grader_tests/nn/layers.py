"""Fully connected (dense) layers: ``A_prev`` ``(n_prev, m)``, ``W`` ``(n, n_prev)``, ``b``
``(n, 1)``, ``Z`` and ``A`` ``(n, m)``; caches as in the course (see the package docstring).

Averaging over m: YES, ``dW`` and ``db`` are gradients of the mean cost J; ``dA_prev`` is
per-example (not divided by m).
"""

from __future__ import annotations

import numpy as np

from .activations import activation_pair


def linear_forward(A, W, b):
    """(Z, (A, W, b)) with Z = W A + b: A (n_prev, m), W (n, n_prev), b (n, 1), Z (n, m)."""
    return W @ A + b, (A, W, b)


def linear_backward(dZ, cache):
    """(dA_prev, dW, db) from dZ (n, m) and cache = (A_prev, W, b): dA_prev = W.T dZ is not
    divided by m; dW and db (the mean of dZ over its columns) are averaged over m."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def linear_activation_forward(A_prev, W, b, activation: str):
    """(A, (linear_cache, Z)) with A = g(W A_prev + b), g the activation "sigmoid", "relu"
    or "tanh" (``activations.ACTIVATIONS``); A is ``(n, m)``; ValueError for another name."""
    forward, _ = activation_pair(activation)
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def linear_activation_backward(dA, cache, activation: str):
    """(dA_prev, dW, db) from dA (n, m) and cache = ((A_prev, W, b), Z): dZ = dA * g'(Z),
    then ``linear_backward`` (so dW and db are averaged over m, dA_prev is not)."""
    _, backward = activation_pair(activation)
    linear_cache, activation_cache = cache
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
