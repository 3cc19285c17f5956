"""Data of week c4w1 (convolution): a real photograph for edge detection and the filter explorer.

``load_photograph(name="china.jpg", grayscale=True, downscale=2)`` returns one of the two
photographs that scikit-learn ships with its code (``sklearn.datasets.load_sample_image``:
``"china.jpg"``, a pagoda of the Summer Palace in Beijing, and ``"flower.jpg"``, a dahlia; both
427 x 640 pixels, released by their authors under a Creative Commons licence, see scikit-learn's
``sklearn/datasets/images/README.txt``). Nothing is downloaded.

The picture is made smaller by averaging blocks of ``downscale x downscale`` pixels (a few rows
or columns at the bottom and right that do not fill a block are dropped), so that the loop
versions of the convolution and the explorer stay fast, and grey pictures use the usual luma
weights 0.299 R + 0.587 G + 0.114 B. Everything after reading the JPEG file is plain float64
NumPy arithmetic: every call gives the same numbers.

Shapes: a grey picture is ``(n_H, n_W)``, a colour picture ``(n_H, n_W, 3)`` (channels last, as
the convolution functions of the week); values are floats in [0, 1].
"""

from __future__ import annotations

import numpy as np

PHOTOGRAPHS = ("china.jpg", "flower.jpg")  # the names load_sample_image knows
LUMA_WEIGHTS = (0.299, 0.587, 0.114)  # grey = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601)

_CACHE: dict[str, np.ndarray] = {}  # the decoded JPEG files, read once per process


def _read(name: str) -> np.ndarray:
    """The photograph ``name`` as scikit-learn decodes it, ``(427, 640, 3)`` uint8 (cached)."""
    if name not in _CACHE:
        from sklearn.datasets import load_sample_image  # imported here: only this loader needs it

        _CACHE[name] = np.asarray(load_sample_image(name), dtype=np.uint8)
    return _CACHE[name]


def load_photograph(name: str = "china.jpg", grayscale: bool = True, downscale: int = 2):
    """A photograph bundled with scikit-learn, as floats in [0, 1].

    Where the data comes from: ``sklearn.datasets.load_sample_image(name)``, one of the two
    JPEG photographs installed with scikit-learn (nothing is downloaded): ``"china.jpg"`` (a
    pagoda of the Summer Palace in Beijing, many straight vertical and horizontal edges) or
    ``"flower.jpg"`` (a dahlia). Both are 427 x 640 pixels.

    Arguments:
        name: ``"china.jpg"`` (default) or ``"flower.jpg"``.
        grayscale: ``True`` (default) for one grey channel (0.299 R + 0.587 G + 0.114 B),
            ``False`` for the three colour channels.
        downscale: a whole number >= 1; each ``downscale x downscale`` block of pixels
            becomes one pixel, their mean (1 keeps the full size). The default 2 gives
            213 x 320 pixels.

    Returns:
        photo: float64 ``(n_H, n_W)`` when ``grayscale``, else ``(n_H, n_W, 3)``, values in
            [0, 1], with ``n_H = 427 // downscale`` and ``n_W = 640 // downscale``. Each call
            returns a fresh array with the same numbers.
    """
    function = "load_photograph"
    if name not in PHOTOGRAPHS:
        raise ValueError(f"{function}: name must be one of {PHOTOGRAPHS}, got {name!r}.")
    if isinstance(downscale, bool) or not isinstance(downscale, (int, np.integer)) or downscale < 1:
        raise ValueError(f"{function}: downscale must be a whole number >= 1, got {downscale!r}.")
    pixels = _read(name).astype(np.float64) / 255.0
    k = int(downscale)
    n_H, n_W = pixels.shape[0] // k, pixels.shape[1] // k
    if n_H < 1 or n_W < 1:
        raise ValueError(
            f"{function}: downscale={k} is larger than the photograph ({pixels.shape[0]} x "
            f"{pixels.shape[1]} pixels)."
        )
    blocks = pixels[: n_H * k, : n_W * k].reshape(n_H, k, n_W, k, 3)
    photo = blocks.mean(axis=(1, 3))
    if grayscale:
        photo = photo @ np.array(LUMA_WEIGHTS)
    return np.clip(photo, 0.0, 1.0)
