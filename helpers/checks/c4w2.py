"""Public checks of week C4 W2 (case studies: classic networks, ResNets, 1 x 1 and depthwise
convolutions and their costs, EfficientNet's scaling, data augmentation).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line
when everything matches, or stops with a message that says what was expected, what came back
and, when it recognises it, the likely mistake. The hidden checks that grade your work use
other inputs, so write each function for any input.

The examples, the results of the course's reference solution and those of some common mistakes
are stored in ``helpers/checks/data/c4w2_case_studies.json`` (numbers only). Your random crops
are random, so their check looks at what crops must be (``crop_corners``) rather than at one
random stream.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import call, expect_shape, failure, passed, show
from helpers.checks.engine import Week

WEEK = Week("c4w2_case_studies", __name__)

check_count_parameters = WEEK.checker("count_parameters")
check_identity_block = WEEK.checker("identity_block")
check_convolutional_block = WEEK.checker("convolutional_block")
check_pointwise_conv = WEEK.checker("pointwise_conv")
check_conv_cost = WEEK.checker("conv_cost")
check_depthwise_conv = WEEK.checker("depthwise_conv")
check_depthwise_separable_cost = WEEK.checker("depthwise_separable_cost")
check_compound_scaling = WEEK.checker("compound_scaling")
check_horizontal_flip = WEEK.checker("horizontal_flip")
check_color_shift = WEEK.checker("color_shift")


def numbered_pictures(m: int, n_H: int, n_W: int, n_C: int) -> np.ndarray:
    """m pictures whose numbers are all different (0, 1, 2, ...): a crop's first number tells
    which picture it came from and where its corner was."""
    return np.arange(m * n_H * n_W * n_C, dtype=float).reshape(m, n_H, n_W, n_C)


def crop_corners(X, crops, crop_size, what: str) -> np.ndarray:
    """The (row, column) of each crop's top-left corner in its own picture of X; a failure when
    a crop is not a window of that picture."""
    m, n_H, n_W, n_C = X.shape
    h, w = crop_size
    crops = expect_shape(crops, (m, h, w, n_C), what)
    corners = np.zeros((m, 2), dtype=int)
    for i in range(m):
        first = np.flatnonzero(X[i, :, :, 0] == crops[i, 0, 0, 0])
        row, col = divmod(int(first[0]), n_W) if first.size else (-1, -1)
        inside = 0 <= row <= n_H - h and 0 <= col <= n_W - w
        if not inside or not np.array_equal(crops[i], X[i, row : row + h, col : col + w]):
            raise failure(
                f"{what}: crop {i} is not an {h} x {w} window of picture {i} (each crop must be "
                f"X[i, top:top + {h}, left:left + {w}, :], with the whole window inside the "
                "picture).",
                got=show(crops[i, :, :, 0]),
            )
        corners[i] = row, col
    return corners


def check_random_crop(random_crop) -> None:
    """Check random_crop: windows of the pictures, every corner possible, a corner of its own
    for each picture, the same crops for the same seed."""
    settings = WEEK.extra("random_crop")
    m, n_H, n_W, n_C = (settings[k] for k in ("m", "n_H", "n_W", "n_C"))
    size, seed = tuple(settings["crop_size"]), settings["seed"]
    X = numbered_pictures(m, n_H, n_W, n_C)
    what = f"random_crop(X, {size}, seed={seed}) for X of shape {X.shape}"
    crops = call(what, random_crop, X.copy(), size, seed=seed)
    corners = crop_corners(X, np.asarray(crops), size, what)
    if len({tuple(c) for c in corners}) == 1:
        corner = tuple(int(v) for v in corners[0])
        raise failure(
            f"{what}: all {m} crops were cut at the same corner {corner}.",
            mistake=WEEK.hint("crop_same_corner"),
        )
    for axis, name, last in ((0, "row", n_H - size[0]), (1, "column", n_W - size[1])):
        missing = sorted(set(range(last + 1)) - set(corners[:, axis].tolist()))
        if missing:
            raise failure(
                f"{what}: in {m} crops, no corner ever had the {name} {missing}; every {name} "
                f"from 0 to {last} should be possible.",
                mistake=WEEK.hint("crop_last_corner_missing"),
            )
    again = np.asarray(call(what, random_crop, X.copy(), size, seed=seed))
    if not np.array_equal(again, np.asarray(crops)):
        raise failure(
            f"{what}: a second call with the same seed gave other crops.",
            mistake=WEEK.hint("crop_no_seed"),
        )
    other = np.asarray(call(what, random_crop, X.copy(), size, seed=seed + 1))
    if np.array_equal(other, np.asarray(crops)):
        raise failure(
            f"{what}: seed={seed + 1} gave the same crops as seed={seed}: the seed is not used.",
            mistake=WEEK.hint("crop_no_seed"),
        )
    passed("random_crop", 4)
