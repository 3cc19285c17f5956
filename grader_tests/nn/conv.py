"""Convolution and pooling layers (Course 4, week 1), channels last as in the course:
``A_prev`` is ``(m, n_H_prev, n_W_prev, n_C_prev)``, ``W`` ``(f, f, n_C_prev, n_C)``, ``b``
``(1, 1, 1, n_C)``, ``hparameters`` a dict with ``"stride"`` and ``"pad"`` (convolution) or
``"stride"`` and ``"f"`` (pooling). Output sizes are ``floor((n + 2 pad - f) / stride) + 1``.

Vectorized with ``np.lib.stride_tricks.sliding_window_view``: every window is a view, and the
convolution is one tensor contraction (the "fast" reference; the course's loop versions give the
same numbers to rounding).

Averaging over m: NO. Like the course's ``conv_backward``, ``dW`` and ``db`` are SUMS over the
m examples (and the output positions); ``dA_prev`` is per example. Cross-correlation, as in deep
learning frameworks: the kernel is not flipped.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def zero_pad(X, pad: int):
    """X (m, n_H, n_W, n_C) with ``pad`` zeros around each picture (not around m or n_C)."""
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant")


def output_size(n: int, f: int, pad: int, stride: int) -> int:
    """floor((n + 2 pad - f) / stride) + 1."""
    return (n + 2 * pad - f) // stride + 1


def _windows(A, f: int, stride: int):
    """(m, n_H, n_W, n_C, f, f): the f x f windows of A at the given stride (views)."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def conv_forward(A_prev, W, b, hparameters):
    """(Z, cache): Z (m, n_H, n_W, n_C), Z[i, h, w, c] = sum(window * W[..., c]) + b[c];
    cache = (A_prev, W, b, hparameters)."""
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    windows = _windows(zero_pad(A_prev, pad), f, stride)  # (m, n_H, n_W, n_C_prev, f, f)
    Z = np.tensordot(windows, W, axes=([4, 5, 3], [0, 1, 2])) + b.reshape(1, 1, 1, -1)
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache):
    """(dA_prev, dW, db): dW and db summed over the examples and positions (not divided by
    m); dA_prev with the padding cut back off. One pass per kernel offset (i, j): the input
    pixels that offset touched, as a strided view, meet dZ in two matrix products."""
    A_prev, W, _, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    _, n_H, n_W, n_C = dZ.shape
    A_pad = zero_pad(A_prev, pad)
    dA_pad = np.zeros_like(A_pad, dtype=float)
    dW = np.empty(W.shape)
    flat_dZ = dZ.reshape(-1, n_C)
    for i in range(f):
        rows = slice(i, i + stride * (n_H - 1) + 1, stride)
        for j in range(f):
            cols = slice(j, j + stride * (n_W - 1) + 1, stride)
            touched = A_pad[:, rows, cols, :]  # (m, n_H, n_W, n_C_prev)
            dW[i, j] = touched.reshape(-1, touched.shape[-1]).T @ flat_dZ
            dA_pad[:, rows, cols, :] += dZ @ W[i, j].T
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, -1)
    dA_prev = dA_pad[:, pad : pad + A_prev.shape[1], pad : pad + A_prev.shape[2], :]
    return dA_prev, dW, db


def pool_forward(A_prev, hparameters, mode: str = "max"):
    """(A, cache): the max or the average of each f x f window, channel by channel, at the
    given stride (no padding); cache = (A_prev, hparameters)."""
    if mode not in ("max", "average"):
        raise ValueError(f"mode should be 'max' or 'average', not {mode!r}")
    windows = _windows(A_prev, hparameters["f"], hparameters["stride"])
    A = windows.max(axis=(4, 5)) if mode == "max" else windows.mean(axis=(4, 5))
    return A, (A_prev, hparameters)


def pool_backward(dA, cache, mode: str = "max"):
    """dA_prev: for max, each window's gradient goes to its FIRST maximum (row by row); for
    average, it is shared equally by the f * f entries of the window."""
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros_like(A_prev, dtype=float)
    windows = _windows(A_prev, f, stride)[:, :n_H, :n_W]  # (m, n_H, n_W, n_C, f, f)
    if mode == "max":
        flat = windows.reshape(m, n_H, n_W, n_C, f * f)
        first = np.argmax(flat, axis=-1)  # the first maximum of each window
        share = (np.arange(f * f) == first[..., None]).reshape(m, n_H, n_W, n_C, f, f)
        share = share * dA[..., None, None]
    else:
        share = np.broadcast_to(dA[..., None, None] / (f * f), (m, n_H, n_W, n_C, f, f))
    for i in range(f):
        for j in range(f):
            rows = slice(i, i + stride * (n_H - 1) + 1, stride)
            cols = slice(j, j + stride * (n_W - 1) + 1, stride)
            dA_prev[:, rows, cols, :] += share[..., i, j]
    return dA_prev
