"""Convolution and pooling layers (Course 4, week 1), channels last as in the course:
``A_prev`` is ``(m, n_H_prev, n_W_prev, n_C_prev)``, ``W`` ``(f, f, n_C_prev, n_C)``, ``b``
``(1, 1, 1, n_C)``, ``hparameters`` a dict with ``"stride"`` and ``"pad"`` (convolution) or
``"stride"`` and ``"f"`` (pooling). Output sizes are ``floor((n + 2 pad - f) / stride) + 1``.

Vectorized (the "fast" reference; the course's loop versions give the same numbers to
rounding): the convolution is im2col and matrix products, one for the forward pass, three for
the backward pass (``_columns`` says how the column matrix is laid out), in float64; pooling
works on ``np.lib.stride_tricks.sliding_window_view`` windows (views).

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


def _geometry(shape, f: int, pad: int, stride: int):
    """The sizes shared by the forward and backward passes: (n_H, n_W, H_pad, W_pad, n_col),
    n_col the number of output columns per row in the column matrix (see ``_columns``)."""
    _, n_H_prev, n_W_prev, _ = shape
    H_pad, W_pad = n_H_prev + 2 * pad, n_W_prev + 2 * pad
    n_H, n_W = (H_pad - f) // stride + 1, (W_pad - f) // stride + 1
    return n_H, n_W, H_pad, W_pad, W_pad if stride == 1 else n_W


def _columns(A_prev, f: int, pad: int, stride: int):
    """The im2col matrix, (n_C_prev * f * f + 1, m * n_H * n_col): row (c, i, j) holds the input
    pixel that kernel offset (i, j) of channel c meets at each output position (example, row,
    column), and the last row is ones (the bias's input).

    The pictures are first copied, channels first and zero-padded, into a buffer with one spare
    row below each picture. Each row of the matrix is then a strided view of that buffer whose
    innermost run is long (not n_C_prev or f * n_C_prev values, which made copies slow on the
    course's few channels). At stride 1 the run is a whole example: each output row takes all
    W_pad columns of the padded picture (n_col = W_pad), so the n_H rows of one example are
    n_H * W_pad consecutive values. The last f - 1 of each row's columns are not output
    positions (they wrap round to the next picture row, or to the spare row); the forward pass
    cuts their Z off, the backward pass gives them a zero dZ. At stride > 1, n_col = n_W."""
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    n_H, _, H_pad, W_pad, n_col = _geometry(A_prev.shape, f, pad, stride)
    padded = np.zeros((n_C_prev, m, H_pad + 1, W_pad))
    padded[:, :, pad : pad + n_H_prev, pad : pad + n_W_prev] = A_prev.transpose(3, 0, 1, 2)
    s_c, s_m, s_h, s_w = padded.strides
    shape = (n_C_prev, f, f, m, n_H, n_col)
    strides = (s_c, s_h, s_w, s_m, stride * s_h, stride * s_w)
    columns = np.empty((n_C_prev * f * f + 1, m * n_H * n_col))
    columns[:-1].reshape(shape)[...] = np.ndarray(shape, float, padded, 0, strides)
    columns[-1] = 1.0
    return columns


def _windows(A, f: int, stride: int):
    """(m, n_H, n_W, n_C, f, f): the f x f windows of A at the given stride (views)."""
    return sliding_window_view(A, (f, f), axis=(1, 2))[:, ::stride, ::stride]


def conv_forward(A_prev, W, b, hparameters):
    """(Z, cache): Z (m, n_H, n_W, n_C), Z[i, h, w, c] = sum(window * W[..., c]) + b[c];
    cache = (A_prev, W, b, hparameters). One matrix product of the im2col matrix (see
    ``_columns``) with the kernels, the bias riding along as the last row; float64."""
    stride, pad = hparameters["stride"], hparameters["pad"]
    f, _, n_C_prev, n_C = W.shape
    n_H, n_W, _, _, n_col = _geometry(A_prev.shape, f, pad, stride)
    weights = np.empty((n_C_prev * f * f + 1, n_C))
    weights[:-1].reshape(n_C_prev, f, f, n_C)[...] = W.transpose(2, 0, 1, 3)
    weights[-1] = b.reshape(-1)
    Z = (_columns(A_prev, f, pad, stride).T @ weights).reshape(-1, n_H, n_col, n_C)
    if n_col != n_W:
        Z = Z[:, :, :n_W].copy()
    return Z, (A_prev, W, b, hparameters)


def conv_backward(dZ, cache):
    """(dA_prev, dW, db): dW and db summed over the examples and positions (not divided by
    m); dA_prev with the padding cut back off; float64. Three matrix products: the im2col
    matrix (see ``_columns``) times dZ gives dW and, from its row of ones, db; the kernels times
    dZ give each column's share of dA_prev, added back onto the padded picture one kernel
    offset (i, j) at a time (col2im)."""
    A_prev, W, _, hparameters = cache
    stride, pad = hparameters["stride"], hparameters["pad"]
    f, _, n_C_prev, n_C = W.shape
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    n_H, n_W, H_pad, W_pad, n_col = _geometry(A_prev.shape, f, pad, stride)
    if n_col == n_W:
        flat_dZ = dZ.reshape(-1, n_C)
    else:  # stride 1: zeros for the f - 1 extra columns of each row (see _columns)
        flat_dZ = np.zeros((m, n_H, n_col, n_C))
        flat_dZ[:, :, :n_W] = dZ
        flat_dZ = flat_dZ.reshape(-1, n_C)
    both = _columns(A_prev, f, pad, stride) @ flat_dZ  # (n_C_prev * f * f + 1, n_C)
    dW = both[:-1].reshape(n_C_prev, f, f, n_C).transpose(1, 2, 0, 3).copy()
    db = both[-1].reshape(1, 1, 1, n_C)
    kernels = W.transpose(2, 0, 1, 3).reshape(-1, n_C)
    shares = (kernels @ flat_dZ.T).reshape(n_C_prev, f, f, m, n_H, n_col)
    dA_pad = np.zeros((n_C_prev, m, H_pad + 1, W_pad))  # channels first, as in _columns
    s_c, s_m, s_h, s_w = dA_pad.strides
    shape, strides = (n_C_prev, m, n_H, n_col), (s_c, s_m, stride * s_h, stride * s_w)
    for i in range(f):
        for j in range(f):  # the pixels offset (i, j) touched (the extra columns add zeros)
            touched = np.ndarray(shape, float, dA_pad, i * s_h + j * s_w, strides)
            touched += shares[:, i, j]
    dA_prev = dA_pad[:, :, pad : pad + n_H_prev, pad : pad + n_W_prev].transpose(1, 2, 3, 0)
    return dA_prev.copy(), dW, db


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


# ------------------------------------------------ the loop versions (slow: tests, benchmarks)
def loop_conv_forward(A_prev, W, b, stride, pad):
    """The course's loop version of conv_forward, written out: what conv_forward must equal
    (tests and benchmarks use it; Z only)."""
    m, n_H_prev, n_W_prev, _ = A_prev.shape
    f, _, _, n_C = W.shape
    n_H, n_W = output_size(n_H_prev, f, pad, stride), output_size(n_W_prev, f, pad, stride)
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_pad[i, h * stride : h * stride + f, w * stride : w * stride + f, :]
                for c in range(n_C):
                    Z[i, h, w, c] = np.sum(window * W[..., c]) + b[0, 0, 0, c]
    return Z


def loop_conv_backward(dZ, A_prev, W, stride, pad):
    """The course's loop version of conv_backward, written out: what conv_backward must equal
    (dW and db are sums)."""
    f = W.shape[0]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad, dW, db = np.zeros(A_pad.shape), np.zeros(W.shape), np.zeros((1, 1, 1, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                rows, cols = slice(h * stride, h * stride + f), slice(w * stride, w * stride + f)
                for c in range(n_C):
                    dA_pad[i, rows, cols, :] += W[..., c] * dZ[i, h, w, c]
                    dW[..., c] += A_pad[i, rows, cols, :] * dZ[i, h, w, c]
                    db[..., c] += dZ[i, h, w, c]
    return dA_pad[:, pad : pad + A_prev.shape[1], pad : pad + A_prev.shape[2], :], dW, db
