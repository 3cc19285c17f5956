"""The binary cross-entropy cost of a sigmoid output ``AL`` (probabilities, ``(1, m)``) for
0/1 labels ``Y`` ``(1, m)``, and its gradient."""

from __future__ import annotations

import numpy as np


def binary_cross_entropy(AL, Y) -> float:
    """J = -(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL)), the mean over the m columns, as a
    Python float (the course's ``compute_cost``)."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def binary_cross_entropy_gradient(AL, Y):
    """dAL = -(Y / AL - (1 - Y) / (1 - AL)), shape of AL.

    This is the gradient of the SUM of the per-example losses (m * J), not of the mean J:
    the division by m happens in the layers' backward (``linear_backward``), as in the
    course's ``L_model_backward``.
    """
    Y = np.reshape(Y, np.shape(AL))
    return -(Y / AL - (1 - Y) / (1 - AL))


def softmax(Z):
    """Column-wise softmax of Z (C, m): exp(Z - max of the column), divided by its sum; stable
    for large entries."""
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E, axis=0, keepdims=True)


def one_hot(Y, C: int):
    """(C, m) of 0.0 and 1.0: column i has its 1 in row Y[0, i] (integer labels, shape (1, m))."""
    labels = np.asarray(Y).reshape(-1).astype(int)
    out = np.zeros((C, labels.size))
    out[labels, np.arange(labels.size)] = 1.0
    return out


def softmax_cross_entropy(A, Y) -> float:
    """J = -(1/m) sum(Y log A) for probabilities A and one-hot labels Y, both (C, m)."""
    return float(-np.sum(Y * np.log(A)) / Y.shape[1])


def softmax_cross_entropy_gradient(A, Y):
    """dZ = A - Y: the gradient of the SUMMED losses with respect to the softmax's input Z
    (per-example; the division by m happens in the layers' backward)."""
    return A - Y
