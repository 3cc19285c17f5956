"""What the hidden checks of c2w2 share: the shared helpers (``grader_tests.checking``) bound to
this week's spec, and random networks' parameters, gradients and optimizer states."""

from __future__ import annotations

import functools

from grader_tests import checking

from .spec import SPEC

call_student = functools.partial(checking.call_student, SPEC)
check = functools.partial(checking.check, SPEC)


def layer_sizes(rng, L: int) -> list[int]:
    """L + 1 layer sizes from 1 to 7, neighbours different (a transposed array shows)."""
    dims = [int(rng.integers(1, 8))]
    while len(dims) < L + 1:
        dims += [n for n in [int(rng.integers(1, 8))] if n != dims[-1]]
    return dims


def parameters_of(rng, dims) -> dict:
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.normal(0, 1, (dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.normal(0, 0.5, (dims[l], 1))
    return parameters


def like(rng, parameters, scale=1.0, positive=False) -> dict:
    """Random arrays under the keys "d" + key, shaped like the parameters."""
    out = {}
    for key, value in parameters.items():
        numbers = rng.normal(0, scale, value.shape)
        out["d" + key] = abs(numbers) if positive else numbers
    return out


def layers_text(parameters) -> str:
    return f"{len(parameters) // 2} layer(s)"
