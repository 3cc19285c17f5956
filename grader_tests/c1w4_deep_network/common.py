"""What the hidden checks of c1w4 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec, random problems, and comparisons with numerical gradients
(``grader_tests.nn.gradcheck``).
"""

from __future__ import annotations

import functools

import numpy as np

from grader_tests import checking
from grader_tests.nn import relative_error
from helpers.checks import failure, likely_mistake, show

from .spec import SPEC

GRADIENT_TOLERANCE = 1e-5  # largest relative error accepted; every known mistake is far above
KINK_MARGIN = 1e-3  # every input of relu is at least this far from 0 (no numerical derivative)


call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)


def expect_gradient(got, numerical: np.ndarray, what: str, mistakes=()) -> None:
    """``got`` has the shape of ``numerical`` and matches it (relative error); ``mistakes``
    are (wrong gradient, hint) pairs."""
    hint = likely_mistake(got, mistakes)
    if not (isinstance(got, np.ndarray) and got.shape == numerical.shape):
        shape = np.shape(got) if isinstance(got, (np.ndarray, np.generic)) else None
        hint = hint or next((h for w, h in mistakes if shape and np.shape(w) == shape), None)
        raise failure(
            f"{what} should be an array of shape {numerical.shape}.",
            got=f"shape {shape}: {show(got)}" if shape is not None else show(got),
            mistake=hint,
        )
    error = relative_error(got, numerical)
    if not error <= GRADIENT_TOLERANCE:
        if hint is None and np.isnan(got).any():
            hint = "the result holds NaN (not a number): look for 0/0 or inf - inf."
        raise failure(
            f"{what} does not match the numerical gradient (relative error {error:.2g}; at most "
            f"{GRADIENT_TOLERANCE:g} is accepted).",
            expected=show(numerical),
            got=show(got),
            mistake=hint,
        )


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
