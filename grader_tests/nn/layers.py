"""Fully connected (dense) layers: the linear step and the linear step + activation.

Shapes (columns are examples): ``A_prev`` is ``(n_prev, m)``, ``W`` is ``(n, n_prev)``, ``b``
is ``(n, 1)``, ``Z`` and ``A`` are ``(n, m)``.

Caches, as in the course: a linear cache is the tuple ``(A_prev, W, b)``; a layer's cache is
``(linear_cache, activation_cache)`` with ``activation_cache = Z``.

Averaging over m: YES. ``linear_backward`` returns ``dW`` and ``db`` as gradients of the cost
J (the mean loss over the m examples) and ``dA_prev`` as a per-example gradient (of the sum of
the losses, not divided by m): see the package docstring.
"""

from __future__ import annotations

import numpy as np

from .activations import activation_pair


def linear_forward(A, W, b):
    """(Z, (A, W, b)) with Z = W A + b: A (n_prev, m), W (n, n_prev), b (n, 1), Z (n, m)."""
    return W @ A + b, (A, W, b)


def linear_backward(dZ, cache):
    """The gradients of the linear step, from dZ (n, m) and cache = (A_prev, W, b).

    Returns ``(dA_prev, dW, db)``:

    - ``dA_prev = W.T dZ``, shape ``(n_prev, m)``, not divided by m;
    - ``dW = dZ A_prev.T / m``, shape ``(n, n_prev)``, averaged over the m examples;
    - ``db`` = the mean of dZ over its columns, shape ``(n, 1)``, averaged over m.
    """
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
