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
