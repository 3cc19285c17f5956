"""What the hidden checks of c1w4 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec, random problems, and comparisons with numerical gradients
(``grader_tests.nn.gradcheck``).
"""

from __future__ import annotations

import functools

import numpy as np

from grader_tests import checking

from .spec import SPEC

GRADIENT_TOLERANCE = 1e-5  # largest relative error accepted; every known mistake is far above
KINK_MARGIN = 1e-3  # every input of relu is at least this far from 0 (no numerical derivative)

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)
expect_gradient = functools.partial(checking.expect_gradient, tolerance=GRADIENT_TOLERANCE)


# ----------------------------------------------------------------------------- problems
def layer_sizes(rng) -> list[tuple[int, int, int]]:
    """(n_prev, n, m): different sizes, a square W, a single example, a single unit."""
    n_prev, n = (int(x) for x in rng.choice(range(2, 6), size=2, replace=False))
    square = int(rng.integers(2, 5))
    return [
        (n_prev, n, int(rng.integers(2, 7))),
        (square, square, int(rng.integers(2, 7))),
        (n_prev, n, 1),
        (int(rng.integers(2, 5)), 1, int(rng.integers(2, 7))),
    ]


def layer(rng, n_prev: int, n: int, m: int):
    """A_prev, W, b whose Z = W A_prev + b stays away from relu's kink, units on and off."""
    while True:
        A_prev = rng.normal(0, 1, size=(n_prev, m))
        W = rng.normal(0, 1, size=(n, n_prev)) / np.sqrt(n_prev)
        b = rng.normal(0, 0.5, size=(n, 1))
        Z = W @ A_prev + b
        both_signs = Z.size < 2 or ((Z > 0).any() and (Z < 0).any())
        if np.abs(Z).min() > KINK_MARGIN and both_signs:
            return A_prev, W, b


def network(rng, L: int, m: int, last: int = 1):
    """X (n_x, m) and the parameters of L layers (the last has ``last`` units)."""
    dims = [int(rng.integers(1, 6)) for _ in range(L)] + [last]
    parameters = {}
    for l in range(1, L + 1):
        scale = 1.5 / np.sqrt(dims[l - 1])
        parameters[f"W{l}"] = rng.normal(0, scale, size=(dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(0, 0.5, size=(dims[l], 1))
    return rng.normal(0, 1, size=(dims[0], m)), parameters, dims


def layers_text(dims) -> str:
    L = len(dims) - 1
    return f"{L} layer{'s' * (L > 1)} ({' -> '.join(map(str, dims))})"
