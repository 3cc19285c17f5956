"""What the hidden checks of c4w2 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec, and random ResNet block parameters."""

from __future__ import annotations

import functools

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)


def block_parameters(rng, n_C_prev: int, F1: int, F2: int, F3: int, f: int, shortcut: bool):
    """W1, b1 (1 x 1), W2, b2 (f x f), W3, b3 (1 x 1) and, for a convolutional block, Ws, bs."""
    shapes = {"1": (1, 1, n_C_prev, F1), "2": (f, f, F1, F2), "3": (1, 1, F2, F3)}
    if shortcut:
        shapes["s"] = (1, 1, n_C_prev, F3)
    parameters = {}
    for key, shape in shapes.items():
        parameters[f"W{key}"] = rng.normal(0, 0.5, shape)
        parameters[f"b{key}"] = rng.normal(0, 0.1, (1, 1, 1, shape[-1]))
    return parameters
