"""Gradient checking by central differences: the one checker of the library.

Reading the relative error ||g - g_num|| / (||g|| + ||g_num||), float64, h = 1e-6:

- about 1e-7 or below: the gradient is right (what is left is the finite-difference error);
- about 1e-5: suspicious; look again (a relu input near its kink at 0 does this too);
- about 1e-3 or above: a bug (a missing 1/m, a wrong derivative, a transposed matrix).
"""

from __future__ import annotations

import numpy as np

STEP = 1e-6  # the default step h of (f(x + h) - f(x - h)) / (2 h)


def numerical_gradient(f, x: np.ndarray, h: float = STEP) -> np.ndarray:
    """df/dx by central differences, shape of x, for f(x) -> a number.

    x must be a float array: each entry is moved to x + h and x - h in place, f(x) is called,
    and the entry is put back (also when f raises), so x is unchanged afterwards.
    """
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"x should be a float numpy array, not {type(x).__name__}")
    gradient = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        saved = x[index]
        try:
            x[index] = saved + h
            up = float(f(x))
            x[index] = saved - h
            down = float(f(x))
        finally:
            x[index] = saved
        gradient[index] = (up - down) / (2 * h)
    return gradient


def numerical_gradients(f, params: dict, h: float = STEP) -> dict:
    """{"d" + key: df/d params[key]} by central differences, for f(params) -> a number.

    The values of ``params`` may be arrays (the gradient is a float array of the same shape)
    or numbers (the gradient is a float). f is called with a copy of ``params`` whose arrays
    are float copies; the caller's dict and arrays are never touched.
    """
    work = {
        key: np.array(value, dtype=float) if isinstance(value, np.ndarray) else value
        for key, value in params.items()
    }
    grads = {}
    for key, value in params.items():
        if isinstance(value, np.ndarray):
            grads["d" + key] = numerical_gradient(lambda _, work=work: f(work), work[key], h)
        else:  # a number: the derivative along a 0-d array, as a float
            moved = lambda x, key=key: f({**work, key: float(x)})  # noqa: E731
            grads["d" + key] = float(numerical_gradient(moved, np.array(float(value)), h))
    return grads


def relative_error(g, g_num) -> float:
    """||g - g_num|| / (||g|| + ||g_num||) (Euclidean norms), 0.0 when both are zero."""
    g, g_num = np.asarray(g, dtype=float), np.asarray(g_num, dtype=float)
    denominator = np.linalg.norm(g) + np.linalg.norm(g_num)
    return float(np.linalg.norm(g - g_num) / denominator) if denominator else 0.0


def worst_relative_error(grads: dict, numerical: dict) -> tuple[str, float]:
    """(key, error): the key of ``numerical`` whose gradient in ``grads`` is the farthest from
    it by ``relative_error`` (NaN counts as the worst; ties: the first key).

    KeyError when ``grads`` lacks one of the keys of ``numerical``; extra keys are ignored.
    """
    missing = [key for key in numerical if key not in grads]
    if missing:
        raise KeyError(f"grads has no {', '.join(missing)}")
    if not numerical:
        raise ValueError("no gradients to compare")
    errors = {key: relative_error(grads[key], numerical[key]) for key in numerical}
    worst = max(errors, key=lambda key: np.inf if np.isnan(errors[key]) else errors[key])
    return worst, errors[worst]
