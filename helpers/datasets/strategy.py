"""Data of week c3 (ML strategy): "web" and "phone" pictures of handwritten digits 0 to 9.

The course's story (dev and test sets from the distribution you care about, data mismatch,
artificial data synthesis) needs two distributions of the same task. Here they are made from
scikit-learn's ``load_digits`` (8 x 8 pixels, shipped with scikit-learn, nothing is
downloaded):

- ``load_web_and_phone_digits()`` returns ``(web_X, web_Y, phone_X, phone_Y)``: the 1797
  pictures shuffled once with a fixed seed, the first ``WEB_SIZE`` = 1297 kept clean ("web
  pictures", plentiful and sharp) and the last ``PHONE_SIZE`` = 500 degraded by
  ``degrade_pictures`` ("pictures taken with a phone": blurred, low contrast, noisy). ``X`` is
  ``(64, m)``, pixels in [0, 1]; ``Y`` is ``(1, m)``, the digits 0..9 as integers.
- ``degrade_pictures(X, seed)`` blurs, fades and adds noise to the columns of ``X``
  ``(64, m)``, deterministically for a seed: the same function synthesizes "phone-like"
  training pictures (artificial data synthesis) with a seed of its own.
- ``digit_features(Y)`` turns the digits into three yes/no labels ``(3, m)`` for multi-task
  learning: the digit is even, greater than 4, has a closed loop (0, 4, 6, 8, 9).
"""

from __future__ import annotations

import numpy as np

NUM_PX_STRATEGY = 8  # each picture is 8 x 8 pixels
WEB_SIZE, PHONE_SIZE = 1297, 500  # 1797 pictures in all
PHONE_SEED = 7  # the seed of the phone pictures' noise
BLUR = 0.6  # how much of each pixel is replaced by the mean of its 3 x 3 neighbourhood
FADE = 0.55  # the contrast kept: a pixel p becomes BRIGHTNESS + FADE * p before the noise
BRIGHTNESS = 0.2
NOISE = 0.12  # the standard deviation of the Gaussian noise
FEATURE_NAMES = ("even", "greater than 4", "closed loop")
_LOOP_DIGITS = (0, 4, 6, 8, 9)
_SHUFFLE_SEED = 3

_CACHE: dict[str, tuple[np.ndarray, ...]] = {}  # made once per process, then copied


def _columns(X, function: str) -> np.ndarray:
    array = np.asarray(X, dtype=np.float64)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[0] != NUM_PX_STRATEGY * NUM_PX_STRATEGY:
        raise ValueError(
            f"{function}: X must have shape (64, m), one 8 x 8 picture per column, got shape "
            f"{array.shape}."
        )
    return array


def degrade_pictures(X, seed=0, blur=BLUR, fade=FADE, noise=NOISE) -> np.ndarray:
    """The pictures of the columns of ``X`` ``(64, m)`` as a bad phone camera would take them.

    Each picture is blurred (each pixel mixed with the mean of its 3 x 3 neighbourhood, weight
    ``blur``), faded (``BRIGHTNESS + fade * pixel``: a grey, low-contrast picture) and given
    Gaussian noise of standard deviation ``noise`` drawn from ``np.random.RandomState(seed)``;
    the result is clipped to [0, 1]. The same ``X`` and ``seed`` give the same pictures; the
    global ``np.random`` state is not touched.

    Returns: float64 ``(64, m)``, a new array.
    """
    pixels = _columns(X, "degrade_pictures")
    m = pixels.shape[1]
    images = pixels.T.reshape(m, NUM_PX_STRATEGY, NUM_PX_STRATEGY)
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1)), mode="edge")
    neighbourhood = (
        sum(
            padded[:, i : i + NUM_PX_STRATEGY, j : j + NUM_PX_STRATEGY]
            for i in range(3)
            for j in range(3)
        )
        / 9.0
    )
    blurred = (1 - blur) * images + blur * neighbourhood
    faded = BRIGHTNESS + fade * blurred
    noisy = faded + noise * np.random.RandomState(seed).standard_normal(faded.shape)
    return np.clip(noisy, 0.0, 1.0).reshape(m, -1).T.copy()


def load_web_and_phone_digits() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Clean "web" pictures and degraded "phone" pictures of the handwritten digits 0 to 9.

    Where the data comes from: scikit-learn's ``load_digits`` (1797 pictures of 8 x 8 pixels,
    whole numbers 0..16, divided by 16). They are shuffled once with
    ``np.random.RandomState(3)``; the first 1297 are the web pictures, as they are, the last
    500 the phone pictures, ``degrade_pictures(..., seed=PHONE_SEED)``. Every call and every
    machine gives the same arrays.

    Returns:
        web_X: float64 ``(64, 1297)``, one picture per column, pixels in [0, 1].
        web_Y: int64 ``(1, 1297)``, the digit of each picture, 0 to 9.
        phone_X: float64 ``(64, 500)``.
        phone_Y: int64 ``(1, 500)``.
    """
    if "strategy" not in _CACHE:
        from sklearn.datasets import load_digits  # imported here: only this loader needs it

        data = load_digits()
        order = np.random.RandomState(_SHUFFLE_SEED).permutation(len(data.target))
        pixels = data.data[order].astype(np.float64).T / 16.0
        labels = data.target[order].astype(np.int64).reshape(1, -1)
        web, phone = slice(0, WEB_SIZE), slice(WEB_SIZE, WEB_SIZE + PHONE_SIZE)
        _CACHE["strategy"] = (
            np.ascontiguousarray(pixels[:, web]),
            labels[:, web].copy(),
            degrade_pictures(pixels[:, phone], seed=PHONE_SEED),
            labels[:, phone].copy(),
        )
    return tuple(array.copy() for array in _CACHE["strategy"])


def digit_features(Y) -> np.ndarray:
    """Three yes/no labels per digit, for multi-task learning: float64 ``(3, m)`` of 0 and 1.

    Row 0: the digit is even; row 1: it is greater than 4; row 2: it has a closed loop
    (0, 4, 6, 8, 9; a 4 written with a closed top counts). ``Y`` holds the digits ``(1, m)``.
    """
    digits = np.asarray(Y).reshape(-1)
    if digits.size and (not np.all(np.isin(digits, np.arange(10)))):
        raise ValueError("digit_features: Y must hold the digits 0 to 9.")
    return np.vstack([digits % 2 == 0, digits > 4, np.isin(digits, _LOOP_DIGITS)]).astype(
        np.float64
    )
