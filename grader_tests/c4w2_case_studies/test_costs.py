"""Hidden checks of the 1 x 1 and depthwise convolutions (random sizes, strides, paddings) and
of the cost and scaling formulas on random numbers, against the reference."""

from __future__ import annotations

import pytest

from .common import check


@pytest.mark.grades("test_pointwise_conv")
@pytest.mark.parametrize("n_C_prev, n_C", [(5, 2), (1, 3), (3, 3)])
def test_pointwise_conv(pointwise_conv, rng, n_C_prev, n_C):
    X = rng.normal(0, 1, (2, int(rng.integers(2, 6)), int(rng.integers(2, 6)), n_C_prev))
    W, b = rng.normal(0, 1, (1, 1, n_C_prev, n_C)), rng.normal(0, 1, (1, 1, 1, n_C))
    what = f"pointwise_conv(X, W, b) for X of shape {X.shape}, W of shape {W.shape}"
    check(pointwise_conv, "pointwise_conv", what, X, W, b)


@pytest.mark.grades("test_depthwise_conv")
@pytest.mark.parametrize("f, stride, pad", [(3, 1, 1), (3, 2, 0), (2, 3, 1), (1, 1, 0)])
def test_depthwise_conv(depthwise_conv, rng, f, stride, pad):
    n_C = int(rng.integers(2, 5))
    X = rng.normal(0, 1, (2, int(rng.integers(5, 9)), int(rng.integers(5, 9)), n_C))
    W, b = rng.normal(0, 1, (f, f, n_C)), rng.normal(0, 1, (1, 1, 1, n_C))
    what = (
        f"depthwise_conv(X, W, b, stride={stride}, pad={pad}) for X of shape {X.shape}, "
        f"W of shape {W.shape}"
    )
    check(depthwise_conv, "depthwise_conv", what, X, W, b, stride=stride, pad=pad)


def _sizes(rng) -> tuple[int, ...]:
    return tuple(int(n) for n in rng.integers(2, 60, 5))


@pytest.mark.grades("test_conv_cost")
@pytest.mark.parametrize("trial", range(3))
def test_conv_cost(conv_cost, rng, trial):
    n_H, n_W, n_C, f, n_C_prev = _sizes(rng)
    f = f % 7 + 1
    args = (n_H, n_W, n_C, f, n_C_prev)
    check(conv_cost, "conv_cost", f"conv_cost{args}", *args)


@pytest.mark.grades("test_depthwise_separable_cost")
@pytest.mark.parametrize("trial", range(3))
def test_depthwise_separable_cost(depthwise_separable_cost, rng, trial):
    n_H, n_W, n_C_prev, f, n_C = _sizes(rng)
    f = f % 7 + 1
    args = (n_H, n_W, n_C_prev, f, n_C)
    what = f"depthwise_separable_cost{args}"
    check(depthwise_separable_cost, "depthwise_separable_cost", what, *args)


@pytest.mark.grades("test_compound_scaling")
@pytest.mark.parametrize("phi", [0, 1, 5])
def test_compound_scaling(compound_scaling, rng, phi):
    alpha, beta, gamma = (round(float(x), 3) for x in rng.uniform(1.01, 1.5, 3))
    what = f"compound_scaling({phi}, alpha={alpha}, beta={beta}, gamma={gamma})"
    check(compound_scaling, "compound_scaling", what, phi, alpha=alpha, beta=beta, gamma=gamma)
