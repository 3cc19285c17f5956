"""What the hidden checks of c4w1 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec, the layer shapes they are run on, and random inputs of those shapes."""

from __future__ import annotations

import functools

import numpy as np

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)
expect_gradient = functools.partial(checking.expect_gradient, tolerance=1e-6, floor=1e-9)

# (m, n_H_prev, n_W_prev, n_C_prev, n_C, f, pad, stride): "same" padding, strides that do not
# divide evenly, non-square pictures, f = 1, an even f, m = 1, a 1 x 1 output
CONV_SHAPES = [
    (2, 5, 5, 3, 2, 3, 1, 1),
    (1, 8, 5, 2, 3, 3, 0, 2),
    (2, 7, 9, 1, 2, 2, 1, 3),
    (3, 4, 6, 2, 4, 1, 0, 1),
    (1, 6, 6, 3, 2, 4, 2, 3),
    (2, 9, 7, 2, 3, 5, 2, 2),
    (1, 3, 3, 2, 2, 3, 0, 1),
]
# (m, n_H_prev, n_W_prev, n_C, f, stride): windows that tile, overlap, skip rows, f = 1
POOL_SHAPES = [
    (2, 4, 4, 2, 2, 2),
    (1, 6, 7, 3, 3, 2),
    (2, 5, 5, 1, 2, 1),
    (1, 4, 6, 2, 1, 1),
    (3, 7, 5, 2, 3, 3),
    (1, 2, 2, 1, 2, 2),
]


def conv_id(shape) -> str:
    m, n_H, n_W, n_C_prev, n_C, f, pad, stride = shape
    return f"m{m}-{n_H}x{n_W}x{n_C_prev}-to-{n_C}-f{f}-pad{pad}-stride{stride}"


def pool_id(shape) -> str:
    m, n_H, n_W, n_C, f, stride = shape
    return f"m{m}-{n_H}x{n_W}x{n_C}-f{f}-stride{stride}"


def conv_input(rng, shape) -> tuple:
    """(A_prev, W, b, hparameters) of one shape of CONV_SHAPES."""
    m, n_H, n_W, n_C_prev, n_C, f, pad, stride = shape
    return (
        rng.normal(0, 1, (m, n_H, n_W, n_C_prev)),
        rng.normal(0, 0.5, (f, f, n_C_prev, n_C)),
        rng.normal(0, 0.5, (1, 1, 1, n_C)),
        {"pad": pad, "stride": stride},
    )


def conv_what(name: str, A_prev, W, hparameters) -> str:
    return (
        f"{name} for A_prev of shape {A_prev.shape}, W of shape {W.shape}, "
        f"pad {hparameters['pad']}, stride {hparameters['stride']}"
    )


def distinct_values(rng, shape) -> np.ndarray:
    """An array of ``shape`` whose entries are at least 0.1 apart (so every window has one
    maximum, and a step of 1e-6 never changes which one)."""
    return (rng.permutation(int(np.prod(shape))) * 0.1 - 1.0).reshape(shape)
