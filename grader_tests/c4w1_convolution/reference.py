"""Reference versions of the graded functions of c4w1 (instructor-only; they run in the
checker), channels last: ``A_prev`` is ``(m, n_H_prev, n_W_prev, n_C_prev)``, ``W``
``(f, f, n_C_prev, n_C)``, ``b`` ``(1, 1, 1, n_C)``. The layers come from
``grader_tests.nn.conv`` (vectorized: the loop versions the learner writes give the same
numbers to rounding, so one reference serves both); the two small steps of the backward pass of
pooling are written here."""

from __future__ import annotations

import numpy as np

from grader_tests import nn

zero_pad = nn.zero_pad
conv_forward = conv_forward_fast = nn.conv_forward
conv_backward = conv_backward_fast = nn.conv_backward
pool_forward = nn.pool_forward
pool_backward = nn.pool_backward


def conv_single_step(a_slice_prev, W, b):
    """sum(a_slice_prev * W) + b, a Python float (b is (1, 1, 1))."""
    return float(np.sum(a_slice_prev * W) + np.asarray(b).item())


def create_mask_from_window(x):
    """True at the first maximum of x (row by row, as np.argmax), False elsewhere."""
    mask = np.zeros(np.shape(x), dtype=bool)
    mask[np.unravel_index(np.argmax(x), np.shape(x))] = True
    return mask


def distribute_value(dz, shape):
    """An array of ``shape`` = (n_H, n_W) with dz / (n_H * n_W) in every entry."""
    n_H, n_W = shape
    return np.full((n_H, n_W), dz / (n_H * n_W))
