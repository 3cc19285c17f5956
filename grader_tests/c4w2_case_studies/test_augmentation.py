"""Hidden checks of data augmentation: the flip and the colour shift on random pictures
against the reference; random crops on other sizes than the public check's (windows of their
pictures, every corner possible, a corner per picture, the same crops for the same seed)."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import failure
from helpers.checks.c4w2 import crop_corners, numbered_pictures

from .common import call_student, check
from .spec import SPEC


@pytest.mark.grades("test_horizontal_flip")
@pytest.mark.parametrize("n_C", [1, 3])
def test_horizontal_flip(horizontal_flip, rng, n_C):
    X = rng.normal(0, 1, (3, int(rng.integers(2, 7)), int(rng.integers(2, 7)), n_C))
    check(horizontal_flip, "horizontal_flip", f"horizontal_flip(X) for X of shape {X.shape}", X)


@pytest.mark.grades("test_color_shift")
@pytest.mark.parametrize("n_C", [3, 1])
def test_color_shift(color_shift, rng, n_C):
    X = rng.uniform(0, 1, (2, 4, 5, n_C))
    shifts = [round(float(s), 2) for s in rng.uniform(-0.4, 0.4, n_C)]
    what = f"color_shift(X, {shifts}) for X of shape {X.shape}"
    check(color_shift, "color_shift", what, X, shifts)


@pytest.mark.grades("test_random_crop")
@pytest.mark.parametrize("shape, size", [((300, 5, 8, 3), (3, 5)), ((300, 4, 4, 1), (2, 2))])
def test_random_crop(random_crop, rng, shape, size):
    X = numbered_pictures(*shape)
    seed = int(rng.integers(0, 1000))
    what = f"random_crop(X, {size}, seed={seed}) for X of shape {X.shape}"
    crops, _ = call_student(random_crop, "random_crop", what, X, size, seed=seed)
    corners = crop_corners(X, np.asarray(crops), size, what)
    for axis, last in ((0, shape[1] - size[0]), (1, shape[2] - size[1])):
        if set(corners[:, axis].tolist()) != set(range(last + 1)):
            raise failure(
                f"{what}: the corners' {'rows' if axis == 0 else 'columns'} were "
                f"{sorted(set(corners[:, axis].tolist()))}, not every one of 0 .. {last}.",
                mistake=SPEC.hint("crop_same_corner")
                if len({tuple(c) for c in corners}) == 1
                else SPEC.hint("crop_last_corner_missing"),
            )
    again, _ = call_student(random_crop, "random_crop", what, X, size, seed=seed)
    other, _ = call_student(random_crop, "random_crop", what, X, size, seed=seed + 1)
    if not np.array_equal(np.asarray(again), np.asarray(crops)):
        raise failure(f"{what}: the same seed gave other crops.", mistake=SPEC.hint("crop_no_seed"))
    if np.array_equal(np.asarray(other), np.asarray(crops)):
        raise failure(
            f"{what}: seed={seed + 1} gave the same crops as seed={seed}: the seed is not used.",
            mistake=SPEC.hint("crop_no_seed"),
        )
