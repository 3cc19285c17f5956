"""Hidden checks of the small steps: zero_pad (several pads, pad = 0), conv_single_step (one
number, any window size), create_mask_from_window (the first maximum, ties included) and
distribute_value (any window shape)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import failure

from .common import check


@pytest.mark.grades("test_zero_pad")
@pytest.mark.parametrize("pad", [0, 1, 3])
def test_zero_pad(zero_pad, rng, pad):
    X = rng.normal(0, 1, (int(rng.integers(1, 4)), 3, 5, int(rng.integers(1, 4))))
    check(zero_pad, "zero_pad", f"zero_pad(X, {pad}) for X of shape {X.shape}", X, pad)


@pytest.mark.grades("test_conv_single_step")
@pytest.mark.parametrize("f, n_C_prev", [(3, 3), (1, 4), (5, 2)])
def test_conv_single_step(conv_single_step, rng, f, n_C_prev):
    a_slice, W = rng.normal(0, 1, (f, f, n_C_prev)), rng.normal(0, 1, (f, f, n_C_prev))
    b = rng.normal(0, 1, (1, 1, 1))
    what = f"conv_single_step(a_slice_prev, W, b) for a slice of shape {a_slice.shape}"
    got = check(conv_single_step, "conv_single_step", what, a_slice, W, b)
    if np.ndim(got) != 0:
        raise failure(f"{what} should return one number", got=f"an array of shape {np.shape(got)}")


@pytest.mark.grades("test_create_mask_from_window")
@pytest.mark.parametrize("shape, ties", [((3, 3), False), ((2, 4), True), ((1, 1), False)])
def test_create_mask_from_window(create_mask_from_window, rng, shape, ties):
    x = rng.normal(0, 1, shape)
    if ties:  # the maximum twice, the first time somewhere after the first entry
        x.flat[[2, 5]] = x.max() + 1
    label = "with its maximum twice" if ties else "with one maximum"
    what = f"create_mask_from_window(x) for x of shape {shape} {label}"
    check(create_mask_from_window, "create_mask_from_window", what, x)


@pytest.mark.grades("test_distribute_value")
@pytest.mark.parametrize("shape", [(2, 2), (3, 1), (4, 5)])
def test_distribute_value(distribute_value, rng, shape):
    dz = float(rng.normal(0, 3))
    what = f"distribute_value({dz:.4g}, {shape})"
    check(distribute_value, "distribute_value", what, dz, shape)
