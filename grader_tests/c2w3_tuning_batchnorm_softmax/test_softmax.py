"""Hidden checks of softmax regression's pieces on random inputs: softmax over the columns (and
for entries near 1000, where an unshifted exp overflows), one-hot labels, the cross-entropy
cost and dZ = A - Y."""

from __future__ import annotations

import pytest

from . import reference as ref
from .common import check


def _problem(rng):
    C, m = int(rng.integers(2, 7)), int(rng.integers(1, 9))
    labels = rng.integers(0, C, (1, m))
    A = ref.softmax(rng.normal(0, 2, (C, m)))
    return C, m, labels, A, ref.one_hot(labels, C)


@pytest.mark.grades("test_softmax")
@pytest.mark.parametrize("offset", [0.0, 1000.0])
def test_softmax(softmax, rng, offset):
    Z = rng.normal(0, 3, (int(rng.integers(2, 7)), int(rng.integers(1, 9)))) + offset
    check(softmax, "softmax", f"softmax(Z) for Z of shape {Z.shape}, entries near {offset:g}", Z)


@pytest.mark.grades("test_one_hot")
@pytest.mark.parametrize("case", [0, 1])
def test_one_hot(one_hot, rng, case):
    C, m, labels, _, _ = _problem(rng)
    check(one_hot, "one_hot", f"one_hot(Y, C={C}) for Y = {labels.tolist()}", labels, C)


@pytest.mark.grades("test_compute_softmax_cost")
@pytest.mark.parametrize("case", [0, 1])
def test_compute_softmax_cost(compute_softmax_cost, rng, case):
    C, m, _, A, Y = _problem(rng)
    what = f"compute_softmax_cost(A, Y) for {C} classes and {m} example(s)"
    check(compute_softmax_cost, "compute_softmax_cost", what, A, Y)


@pytest.mark.grades("test_softmax_backward")
@pytest.mark.parametrize("case", [0, 1])
def test_softmax_backward(softmax_backward, rng, case):
    C, m, _, A, Y = _problem(rng)
    check(
        softmax_backward,
        "softmax_backward",
        f"softmax_backward(A, Y) for {C} classes and {m} example(s)",
        A,
        Y,
    )
