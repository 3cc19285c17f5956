"""Hidden checks of pooling on many shapes (see ``common.POOL_SHAPES``), max and average: the
forward pass and its cache against the reference; the backward pass against numerical
gradients of the checker's own forward pass of F(A_prev) = sum(dA * A), on inputs whose
entries are far apart (one maximum per window, so the gradient of max is defined)."""

from __future__ import annotations

import pytest

from grader_tests.nn import numerical_gradient

from . import reference as ref
from .common import POOL_SHAPES, call_student, check, distinct_values, expect_gradient, pool_id


def _input(rng, shape):
    m, n_H, n_W, n_C, f, stride = shape
    return distinct_values(rng, (m, n_H, n_W, n_C)), {"f": f, "stride": stride}


@pytest.mark.grades("test_pool_forward")
@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("shape", POOL_SHAPES, ids=pool_id)
def test_pool_forward(pool_forward, rng, shape, mode):
    A_prev, hparameters = _input(rng, shape)
    what = f"pool_forward(A_prev, {hparameters}, mode={mode!r}) for A_prev of shape {A_prev.shape}"
    check(pool_forward, "pool_forward", what, A_prev, hparameters, mode=mode)


@pytest.mark.grades("test_pool_backward")
@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("shape", POOL_SHAPES, ids=pool_id)
def test_pool_backward(pool_backward, rng, shape, mode):
    A_prev, hparameters = _input(rng, shape)
    A, cache = ref.pool_forward(A_prev, hparameters, mode)
    dA = rng.normal(0, 1, A.shape)
    what = (
        f"pool_backward(dA, cache, mode={mode!r}) for A_prev of shape {A_prev.shape}, "
        f"f {hparameters['f']}, stride {hparameters['stride']}"
    )
    got, wrong = call_student(pool_backward, "pool_backward", what, dA, cache, mode=mode)
    numerical = numerical_gradient(
        lambda x: float((dA * ref.pool_forward(x, hparameters, mode)[0]).sum()), A_prev.copy()
    )
    expect_gradient(got, numerical, what, wrong)


@pytest.mark.grades("test_pool_backward")
def test_pool_backward_ties(pool_backward, rng):
    """Max pooling of whole numbers 0..2 (many ties): each window's gradient goes to its first
    maximum only, as create_mask_from_window marks it."""
    A_prev, hparameters = rng.integers(0, 3, (2, 5, 6, 2)).astype(float), {"f": 2, "stride": 1}
    dA = rng.normal(0, 1, ref.pool_forward(A_prev, hparameters)[0].shape)
    what = (
        "pool_backward(dA, cache, mode='max') for A_prev of shape (2, 5, 6, 2) holding whole "
        "numbers 0 to 2 (windows with several maxima), f 2, stride 1"
    )
    check(pool_backward, "pool_backward", what, dA, (A_prev, hparameters), mode="max")
