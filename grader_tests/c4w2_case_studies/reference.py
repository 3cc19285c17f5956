"""Reference versions of the graded functions of c4w2 (instructor-only; they run in the
checker), channels last: pictures ``(m, n_H, n_W, n_C)``, convolution weights
``(f, f, n_C_prev, n_C)``, biases ``(1, 1, 1, n_C)``. ``conv2d`` and ``relu`` stand for the
notebook's provided cells (the convolution is ``grader_tests.nn.conv_forward``)."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from grader_tests import nn


def conv2d(A_prev, W, b, stride=1, pad=0):
    """Z of the convolution (the notebook's provided cell)."""
    return nn.conv_forward(A_prev, W, b, {"stride": stride, "pad": pad})[0]


def relu(Z):
    return np.maximum(0, Z)


# ------------------------------------------------------------------------ classic networks
def _out(n: int, f: int, pad: int, stride: int) -> int:
    return (n + 2 * pad - f) // stride + 1


def count_parameters(input_shape, layers):
    """[(output_shape, parameters)] for each layer: ("conv", f, stride, pad | "same", n_C),
    ("pool", f, stride), ("fc", units)."""
    shape, rows = tuple(int(n) for n in input_shape), []
    for kind, *settings in layers:
        if kind == "conv":
            f, stride, pad, n_C = settings
            pad = (f - 1) // 2 if pad == "same" else pad
            parameters = (f * f * shape[2] + 1) * n_C
            shape = (_out(shape[0], f, pad, stride), _out(shape[1], f, pad, stride), n_C)
        elif kind == "pool":
            f, stride = settings
            parameters = 0
            shape = (_out(shape[0], f, 0, stride), _out(shape[1], f, 0, stride), shape[2])
        else:
            (units,) = settings
            parameters = (int(np.prod(shape)) + 1) * units
            shape = (units,)
        rows.append((shape, parameters))
    return rows


# --------------------------------------------------------------------------------- ResNets
def identity_block(X, parameters):
    """relu(main path + X): 1 x 1 conv, relu, f x f "same" conv, relu, 1 x 1 conv."""
    p = parameters
    f = p["W2"].shape[0]
    A1 = relu(conv2d(X, p["W1"], p["b1"]))
    A2 = relu(conv2d(A1, p["W2"], p["b2"], 1, (f - 1) // 2))
    return relu(conv2d(A2, p["W3"], p["b3"]) + X)


def convolutional_block(X, parameters, s=2):
    """relu(main path + 1 x 1 conv of X at stride s); the main path's first conv has stride s."""
    p = parameters
    f = p["W2"].shape[0]
    A1 = relu(conv2d(X, p["W1"], p["b1"], s))
    A2 = relu(conv2d(A1, p["W2"], p["b2"], 1, (f - 1) // 2))
    return relu(conv2d(A2, p["W3"], p["b3"]) + conv2d(X, p["Ws"], p["bs"], s))


# ------------------------------------------------------------- 1 x 1, depthwise, costs
def pointwise_conv(X, W, b):
    """A 1 x 1 convolution: at every pixel, the n_C_prev channels times W[0, 0], plus b."""
    return X @ W[0, 0] + b


def conv_cost(n_H, n_W, n_C, f, n_C_prev):
    """Multiplications of a convolution with an n_H x n_W x n_C output, filters f x f x n_C_prev."""
    return n_H * n_W * n_C * f * f * n_C_prev


def depthwise_conv(X, W, b, stride=1, pad=0):
    """Channel c of the padded input convolved with W[:, :, c] alone, plus b[..., c]."""
    f = W.shape[0]
    X_pad = nn.zero_pad(X, pad)
    windows = sliding_window_view(X_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    return np.einsum("ihwcuv,uvc->ihwc", windows, W) + b


def depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C):
    """(depthwise, pointwise) multiplications for an n_H x n_W output."""
    return n_H * n_W * n_C_prev * f * f, n_H * n_W * n_C_prev * n_C


def compound_scaling(phi, alpha=1.2, beta=1.1, gamma=1.15):
    """(depth, width, resolution) multipliers: alpha ** phi, beta ** phi, gamma ** phi."""
    return float(alpha**phi), float(beta**phi), float(gamma**phi)


# ------------------------------------------------------------------------ augmentation
def horizontal_flip(X):
    """Each picture mirrored left-right."""
    return X[:, :, ::-1, :].copy()


def random_crop(X, crop_size, seed=0):
    """One random crop_size window per picture (np.random seeded with seed)."""
    np.random.seed(seed)
    h, w = crop_size
    m, n_H, n_W, _ = X.shape
    rows = np.random.randint(0, n_H - h + 1, m)
    cols = np.random.randint(0, n_W - w + 1, m)
    return np.stack(
        [X[i, r : r + h, c : c + w] for i, (r, c) in enumerate(zip(rows, cols, strict=True))]
    )


def color_shift(X, shifts):
    """Each channel shifted by its number, clipped to [0, 1]."""
    return np.clip(X + np.asarray(shifts, dtype=float), 0.0, 1.0)
