"""Data of week c2w3 (tuning, batch norm, softmax): small pictures of handwritten digits 0 to 5.

``load_digits_0_to_5()`` returns ``(train_X, train_Y, test_X, test_Y)``: the pictures of the
digits 0, 1, 2, 3, 4 and 5 from scikit-learn's ``load_digits`` (8 x 8 pixels of 17 grey
levels, shipped with scikit-learn, nothing is downloaded), pixels scaled to [0, 1], one
picture per column (``X`` is ``(64, m)``, 64 = 8 x 8 pixels row by row) and integer labels
``Y`` of shape ``(1, m)``. The split is fixed: 80 % training, 20 % test, stratified by digit,
with a fixed ``random_state``. ``digit_images(X)`` turns columns back into ``(m, 8, 8)``
pictures for display.

Week c4w1 (convolution) adds ``load_digit_pictures_0_to_5()``: the same pictures and split,
channels last for a CNN, ``X`` ``(m, 8, 8, 1)``. Week c4w2 (transfer learning) adds
``load_digit_pictures(digits=(6, 7, 8, 9))``: the pictures of any digits, channels last, with the
same kind of fixed stratified split, labels numbered 0, 1, ... in the order of ``digits``.
"""

from __future__ import annotations

import numpy as np

DIGITS = (0, 1, 2, 3, 4, 5)  # the classes kept, C = 6
DIGIT_NAMES = tuple(str(digit) for digit in DIGITS)
NUM_PX_DIGITS = 8  # each picture is 8 x 8 pixels
MAX_PIXEL = 16.0  # scikit-learn's pixels are whole numbers 0..16
TEST_SHARE = 0.2
_SPLIT_SEED = 1  # train_test_split's random_state

_CACHE: dict[str, tuple[np.ndarray, ...]] = {}  # made once per process, then copied


def load_digits_0_to_5() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Handwritten digits 0 to 5, 8 x 8 pixels, split into training and test sets.

    Where the data comes from: scikit-learn's ``load_digits`` (1797 pictures of the digits 0-9
    written by 43 people, from the UCI repository, bundled with scikit-learn), of which the
    1083 pictures of the digits 0 to 5 are kept. They are split 80 / 20 with
    ``train_test_split(..., stratify=labels, random_state=1)``: every call and every machine
    gives the same 866 training and 217 test pictures. Pixels, whole numbers 0..16, are
    divided by 16.

    Returns:
        train_X: float64 ``(64, 866)``, one picture per column, pixels in [0, 1].
        train_Y: int64 ``(1, 866)``, the digit of each picture, 0 to 5.
        test_X: float64 ``(64, 217)``.
        test_Y: int64 ``(1, 217)``.
    """
    if "digits" not in _CACHE:
        from sklearn.datasets import load_digits  # imported here: only this loader needs it
        from sklearn.model_selection import train_test_split

        data = load_digits()
        keep = np.isin(data.target, DIGITS)
        pixels = data.data[keep].astype(np.float64) / MAX_PIXEL
        labels = data.target[keep].astype(np.int64)
        train_x, test_x, train_y, test_y = train_test_split(
            pixels, labels, test_size=TEST_SHARE, stratify=labels, random_state=_SPLIT_SEED
        )
        _CACHE["digits"] = (
            np.ascontiguousarray(train_x.T),
            train_y.reshape(1, -1),
            np.ascontiguousarray(test_x.T),
            test_y.reshape(1, -1),
        )
    return tuple(array.copy() for array in _CACHE["digits"])


def digit_images(X) -> np.ndarray:
    """The pictures of the columns of ``X`` ``(64, m)`` as ``(m, 8, 8)`` floats in [0, 1], for
    display (``plotting.show_images``, ``plotting.show_misclassified``).

    A ``ValueError`` says so when ``X`` does not have 64 rows.
    """
    array = np.asarray(X, dtype=np.float64)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[0] != NUM_PX_DIGITS * NUM_PX_DIGITS:
        raise ValueError(
            f"digit_images: X must have shape (64, m), one 8 x 8 picture per column, got shape "
            f"{array.shape}."
        )
    return np.clip(array.T.reshape(-1, NUM_PX_DIGITS, NUM_PX_DIGITS), 0.0, 1.0)


def load_digit_pictures_0_to_5() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pictures of :func:`load_digits_0_to_5` as pictures, channels last, for a CNN.

    Where the data comes from: the same 866 training and 217 test pictures of scikit-learn's
    handwritten digits 0 to 5, in the same order, pixels in [0, 1] (see
    :func:`load_digits_0_to_5`).

    Returns:
        train_X: float64 ``(866, 8, 8, 1)``: ``(m, n_H, n_W, n_C)``, one grey channel.
        train_Y: int64 ``(1, 866)``, the digit of each picture, 0 to 5.
        test_X: float64 ``(217, 8, 8, 1)``.
        test_Y: int64 ``(1, 217)``.
    """
    train_x, train_y, test_x, test_y = load_digits_0_to_5()
    shape = (-1, NUM_PX_DIGITS, NUM_PX_DIGITS, 1)
    return (
        np.ascontiguousarray(train_x.T.reshape(shape)),
        train_y,
        np.ascontiguousarray(test_x.T.reshape(shape)),
        test_y,
    )


def load_digit_pictures(
    digits=(6, 7, 8, 9),
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Handwritten digits of your choice as pictures, channels last, with a fixed split.

    Where the data comes from: scikit-learn's ``load_digits`` (the same 1797 pictures of 8 x 8
    pixels as :func:`load_digits_0_to_5`, bundled with scikit-learn, nothing is downloaded), of
    which the pictures of ``digits`` are kept. They are split 80 / 20 with
    ``train_test_split(..., stratify=labels, random_state=1)``: every call and every machine
    gives the same pictures in the same order. Pixels, whole numbers 0..16, are divided by 16.
    (For the digits 0 to 5 the pictures and their order are those of
    :func:`load_digit_pictures_0_to_5`.)

    Week c4w2 (transfer learning) uses the default, the digits 6 to 9 (714 pictures: 571 for
    training, 143 for testing), which the network of :func:`load_digit_pictures_0_to_5` never
    saw.

    Arguments:
        digits: distinct digits 0..9, at least two; the label of a picture is the position of
            its digit in ``digits`` (with the default, 0 means 6 and 3 means 9).

    Returns:
        train_X: float64 ``(m_train, 8, 8, 1)``: ``(m, n_H, n_W, n_C)``, one grey channel.
        train_Y: int64 ``(1, m_train)``, labels 0 .. len(digits) - 1.
        test_X: float64 ``(m_test, 8, 8, 1)``.
        test_Y: int64 ``(1, m_test)``.
    """
    try:
        given = list(digits)
    except TypeError:
        given = None
    whole = given is not None and all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in given
    )
    chosen = tuple(int(d) for d in given) if whole else ()
    if len(chosen) < 2 or len(set(chosen)) != len(chosen) or not all(0 <= d <= 9 for d in chosen):
        raise ValueError(
            f"load_digit_pictures: digits must be at least two distinct digits 0..9, got "
            f"{digits!r}."
        )
    key = f"pictures{chosen}"
    if key not in _CACHE:
        from sklearn.datasets import load_digits  # imported here: only this loader needs it
        from sklearn.model_selection import train_test_split

        data = load_digits()
        keep = np.isin(data.target, chosen)
        pixels = data.data[keep].astype(np.float64) / MAX_PIXEL
        positions = {digit: index for index, digit in enumerate(chosen)}
        labels = np.array([positions[d] for d in data.target[keep]], dtype=np.int64)
        train_x, test_x, train_y, test_y = train_test_split(
            pixels, labels, test_size=TEST_SHARE, stratify=labels, random_state=_SPLIT_SEED
        )
        shape = (-1, NUM_PX_DIGITS, NUM_PX_DIGITS, 1)
        _CACHE[key] = (
            np.ascontiguousarray(train_x.reshape(shape)),
            train_y.reshape(1, -1),
            np.ascontiguousarray(test_x.reshape(shape)),
            test_y.reshape(1, -1),
        )
    return tuple(array.copy() for array in _CACHE[key])
