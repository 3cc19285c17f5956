"""The spec of c4w1: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c4w1_convolution`` turns it into ``helpers/checks/data/c4w1_convolution.json``.

The loop functions' mistakes are the course's loop versions with one thing changed
(:func:`grader_tests.spec.changed` fails loudly when the text to change is not there). The examples cover a
stride that does not divide evenly, a non-square picture, pad = 0 and pad > 0, and windows
that overlap (where ``=`` instead of ``+=`` shows); the pooling inputs have ties (where a mask
that marks every maximum shows).

``SPEC.extra["timing"]``: the input the public checks of the fast versions time them on.
"""

# ruff: noqa: E501 - the planted cells below are long lines, as learners write them
from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec
from grader_tests.spec import changed as _changed
from grader_tests.spec import function_source as _function

from . import reference as ref

ASSIGNMENT = "c4w1_convolution"
_RNG = np.random.default_rng(414)


def _round(shape, scale=1.0):
    return np.round(_RNG.normal(0, scale, shape), 2)


# ---------------------------------------------------------------------- public inputs
X_PAD = _round((2, 3, 3, 2))
X_PAD_2 = _round((1, 2, 4, 1))
SLICE, SLICE_W, SLICE_B = _round((3, 3, 2)), _round((3, 3, 2)), np.array([[[0.5]]])
A_CONV, W_CONV, B_CONV = _round((2, 5, 6, 3)), _round((3, 3, 3, 4), 0.5), _round((1, 1, 1, 4))
CONV_H = {"pad": 1, "stride": 2}  # 5 x 6 -> 3 x 3: (6 + 2 - 3) / 2 is not whole
A_CONV_2, W_CONV_2, B_CONV_2 = _round((1, 4, 5, 2)), _round((2, 2, 2, 3), 0.5), _round((1, 1, 1, 3))
CONV_H_2 = {"pad": 0, "stride": 1}
A_SAME, W_SAME, B_SAME = _round((1, 4, 4, 2)), _round((3, 3, 2, 2), 0.5), _round((1, 1, 1, 2))
SAME_H = {"pad": 1, "stride": 1}
A_POOL = _round((2, 5, 7, 2))
POOL_H = {"f": 3, "stride": 2}
A_TIES = _RNG.integers(0, 4, (2, 4, 5, 2)).astype(float)  # small whole numbers: ties in windows
POOL_H_OVERLAP = {"f": 2, "stride": 1}
A_POOL_2 = _round((1, 5, 5, 2))
DZ_CONV = _round(ref.conv_forward(A_CONV, W_CONV, B_CONV, CONV_H)[0].shape)
DZ_CONV_2 = _round(ref.conv_forward(A_CONV_2, W_CONV_2, B_CONV_2, CONV_H_2)[0].shape)
CACHE_CONV = (A_CONV, W_CONV, B_CONV, CONV_H)
CACHE_CONV_2 = (A_CONV_2, W_CONV_2, B_CONV_2, CONV_H_2)
DA_TIES = _round(ref.pool_forward(A_TIES, POOL_H_OVERLAP)[0].shape)
DA_POOL_2 = _round(ref.pool_forward(A_POOL_2, POOL_H)[0].shape)
WINDOW = np.array([[1.0, 4.0, -2.0], [0.5, 3.0, 2.5]])
WINDOW_TIES = np.array([[2.0, 5.0], [5.0, -1.0]])

# the input the fast versions are timed on (a loop version takes seconds on it)
TIMING = {"m": 32, "n_H_prev": 32, "n_W_prev": 32, "n_C_prev": 3, "n_C": 8, "f": 3, "pad": 1}


def _conv_examples(name: str) -> tuple[Example, ...]:
    return (
        Example(
            f"{name}(A_prev, W, b, {{'pad': 1, 'stride': 1}}) for A_prev of shape (1, 4, 4, 2) "
            "and W of shape (3, 3, 2, 2) (a 'same' convolution)",
            (A_SAME, W_SAME, B_SAME, SAME_H),
        ),
        Example(
            f"{name}(A_prev, W, b, {{'pad': 1, 'stride': 2}}) for A_prev of shape (2, 5, 6, 3) "
            "and W of shape (3, 3, 3, 4)",
            (A_CONV, W_CONV, B_CONV, CONV_H),
        ),
        Example(
            f"{name}(A_prev, W, b, {{'pad': 0, 'stride': 1}}) for A_prev of shape (1, 4, 5, 2) "
            "and W of shape (2, 2, 2, 3)",
            (A_CONV_2, W_CONV_2, B_CONV_2, CONV_H_2),
        ),
    )


def _conv_backward_examples(name: str) -> tuple[Example, ...]:
    return (
        Example(
            f"{name}(dZ, cache) for A_prev of shape (2, 5, 6, 3), W of shape (3, 3, 3, 4), "
            "pad 1, stride 2",
            (DZ_CONV, CACHE_CONV),
        ),
        Example(
            f"{name}(dZ, cache) for A_prev of shape (1, 4, 5, 2), W of shape (2, 2, 2, 3), "
            "pad 0, stride 1",
            (DZ_CONV_2, CACHE_CONV_2),
        ),
    )


FUNCTIONS = [
    Function(
        "zero_pad",
        (
            Example("zero_pad(X, 1) for X of shape (2, 3, 3, 2)", (X_PAD, 1)),
            Example("zero_pad(X, 2) for X of shape (1, 2, 4, 1)", (X_PAD_2, 2)),
        ),
    ),
    Function(
        "conv_single_step",
        (
            Example(
                "conv_single_step(a_slice_prev, W, b) for a slice of shape (3, 3, 2) and "
                "b = [[[0.5]]]",
                (SLICE, SLICE_W, SLICE_B),
            ),
        ),
    ),
    Function(
        "conv_forward",
        _conv_examples("conv_forward"),
        parts=("Z", "cache"),
        calls=("zero_pad", "conv_single_step"),
    ),
    Function(
        "pool_forward",
        (
            Example(
                "pool_forward(A_prev, {'f': 3, 'stride': 2}, mode='max') for A_prev of shape "
                "(2, 5, 7, 2)",
                (A_POOL, POOL_H),
                {"mode": "max"},
            ),
            Example(
                "pool_forward(A_prev, {'f': 3, 'stride': 2}, mode='average') for A_prev of "
                "shape (2, 5, 7, 2)",
                (A_POOL, POOL_H),
                {"mode": "average"},
            ),
        ),
        parts=("A", "cache"),
    ),
    Function(
        "conv_backward",
        _conv_backward_examples("conv_backward"),
        parts=("dA_prev", "dW", "db"),
        calls=("zero_pad",),
    ),
    Function(
        "create_mask_from_window",
        (
            Example(f"create_mask_from_window(x) for x = {WINDOW.tolist()}", (WINDOW,)),
            Example(
                f"create_mask_from_window(x) for x = {WINDOW_TIES.tolist()} (two maxima)",
                (WINDOW_TIES,),
            ),
        ),
    ),
    Function(
        "distribute_value",
        (
            Example("distribute_value(2.0, (2, 2))", (2.0, (2, 2))),
            Example("distribute_value(3.0, (2, 3))", (3.0, (2, 3))),
        ),
    ),
    Function(
        "pool_backward",
        (
            Example(
                "pool_backward(dA, cache, mode='max') for A_prev of shape (2, 4, 5, 2) with "
                "ties, f 2, stride 1",
                (DA_TIES, (A_TIES, POOL_H_OVERLAP)),
                {"mode": "max"},
            ),
            Example(
                "pool_backward(dA, cache, mode='average') for A_prev of shape (1, 5, 5, 2), "
                "f 3, stride 2",
                (DA_POOL_2, (A_POOL_2, POOL_H)),
                {"mode": "average"},
            ),
        ),
        calls=("create_mask_from_window", "distribute_value"),
    ),
    Function(
        "conv_forward_fast",
        _conv_examples("conv_forward_fast"),
        parts=("Z", "cache"),
        calls=("zero_pad", "conv_single_step"),  # a loop in disguise may call the step
    ),
    Function(
        "conv_backward_fast",
        _conv_backward_examples("conv_backward_fast"),
        parts=("dA_prev", "dW", "db"),
        calls=("zero_pad",),
    ),
]


# --------------------------------------------------------------------- mistakes' sources
CONV_SINGLE_STEP = _function(
    "conv_single_step(a_slice_prev, W, b)",
    """
s = a_slice_prev * W
Z = np.sum(s)
Z = Z + b.item()
return Z
""",
)

CONV_FORWARD = _function(
    "conv_forward(A_prev, W, b, hparameters)",
    """
(m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
(f, f, n_C_prev, n_C) = W.shape
stride = hparameters["stride"]
pad = hparameters["pad"]
n_H = (n_H_prev - f + 2 * pad) // stride + 1
n_W = (n_W_prev - f + 2 * pad) // stride + 1
Z = np.zeros((m, n_H, n_W, n_C))
A_prev_pad = zero_pad(A_prev, pad)
for i in range(m):
    a_prev_pad = A_prev_pad[i]
    for h in range(n_H):
        vert_start = h * stride
        vert_end = vert_start + f
        for w in range(n_W):
            horiz_start = w * stride
            horiz_end = horiz_start + f
            for c in range(n_C):
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
cache = (A_prev, W, b, hparameters)
return Z, cache
""",
)

POOL_FORWARD = _function(
    'pool_forward(A_prev, hparameters, mode="max")',
    """
(m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
f = hparameters["f"]
stride = hparameters["stride"]
n_H = (n_H_prev - f) // stride + 1
n_W = (n_W_prev - f) // stride + 1
n_C = n_C_prev
A = np.zeros((m, n_H, n_W, n_C))
for i in range(m):
    for h in range(n_H):
        vert_start = h * stride
        vert_end = vert_start + f
        for w in range(n_W):
            horiz_start = w * stride
            horiz_end = horiz_start + f
            for c in range(n_C):
                a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                if mode == "max":
                    A[i, h, w, c] = np.max(a_prev_slice)
                elif mode == "average":
                    A[i, h, w, c] = np.mean(a_prev_slice)
cache = (A_prev, hparameters)
return A, cache
""",
)

CONV_BACKWARD = _function(
    "conv_backward(dZ, cache)",
    """
(A_prev, W, b, hparameters) = cache
(m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
(f, f, n_C_prev, n_C) = W.shape
stride = hparameters["stride"]
pad = hparameters["pad"]
(m, n_H, n_W, n_C) = dZ.shape
dA_prev = np.zeros(A_prev.shape)
dW = np.zeros(W.shape)
db = np.zeros(b.shape)
A_prev_pad = zero_pad(A_prev, pad)
dA_prev_pad = zero_pad(dA_prev, pad)
for i in range(m):
    a_prev_pad = A_prev_pad[i]
    da_prev_pad = dA_prev_pad[i]
    for h in range(n_H):
        for w in range(n_W):
            for c in range(n_C):
                vert_start = h * stride
                vert_end = vert_start + f
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += W[:, :, :, c] * dZ[i, h, w, c]
                dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                db[:, :, :, c] += dZ[i, h, w, c]
    dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
return dA_prev, dW, db
""",
)

POOL_BACKWARD = _function(
    'pool_backward(dA, cache, mode="max")',
    """
(A_prev, hparameters) = cache
stride = hparameters["stride"]
f = hparameters["f"]
(m, n_H, n_W, n_C) = dA.shape
dA_prev = np.zeros(A_prev.shape)
for i in range(m):
    a_prev = A_prev[i]
    for h in range(n_H):
        for w in range(n_W):
            for c in range(n_C):
                vert_start = h * stride
                vert_end = vert_start + f
                horiz_start = w * stride
                horiz_end = horiz_start + f
                if mode == "max":
                    a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                    mask = create_mask_from_window(a_prev_slice)
                    dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += mask * dA[i, h, w, c]
                elif mode == "average":
                    da = dA[i, h, w, c]
                    dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += distribute_value(da, (f, f))
return dA_prev
""",
)

CONV_FORWARD_FAST = _function(
    "conv_forward_fast(A_prev, W, b, hparameters)",
    """
stride = hparameters["stride"]
pad = hparameters["pad"]
f = W.shape[0]
A_prev_pad = zero_pad(A_prev, pad)
windows = np.lib.stride_tricks.sliding_window_view(A_prev_pad, (f, f), axis=(1, 2))
windows = windows[:, ::stride, ::stride]
Z = np.tensordot(windows, W, axes=([4, 5, 3], [0, 1, 2])) + b.reshape(1, 1, 1, -1)
cache = (A_prev, W, b, hparameters)
return Z, cache
""",
)

CONV_BACKWARD_FAST = _function(
    "conv_backward_fast(dZ, cache)",
    """
(A_prev, W, b, hparameters) = cache
stride = hparameters["stride"]
pad = hparameters["pad"]
f = W.shape[0]
(m, n_H, n_W, n_C) = dZ.shape
A_prev_pad = zero_pad(A_prev, pad)
dA_prev_pad = np.zeros(A_prev_pad.shape)
dW = np.zeros(W.shape)
for i in range(f):
    for j in range(f):
        rows = slice(i, i + stride * (n_H - 1) + 1, stride)
        cols = slice(j, j + stride * (n_W - 1) + 1, stride)
        dW[i, j] = np.tensordot(A_prev_pad[:, rows, cols, :], dZ, axes=([0, 1, 2], [0, 1, 2]))
        dA_prev_pad[:, rows, cols, :] += dZ @ W[i, j].T
db = np.sum(dZ, axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
dA_prev = dA_prev_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :]
return dA_prev, dW, db
""",
)

# the loop versions give the right numbers: only the timing of the fast checks names them
LOOPS = (
    "it still loops over the examples or the pixels in Python. Let NumPy do the loops: the "
    "windows as one view (np.lib.stride_tricks.sliding_window_view) and one np.tensordot (or a "
    "matrix product) over all of them at once; the backward pass may loop over the f x f "
    "offsets of the filter, nothing more."
)
_NO_PLUS_ONE = (
    "the output size is floor((n_prev + 2 pad - f) / stride) + 1: the + 1 counts the filter's "
    "first position (a 5-wide picture and a 3-wide filter give 3 positions, not 2)."
)
_NO_FLOOR = (
    "round the output size DOWN: n_H = (n_H_prev + 2 * pad - f) // stride + 1 (floor division). "
    "When the stride does not divide evenly, the filter's last position would stick out of the "
    "padded picture, so it is left out."
)
_NO_STRIDE = (
    "the window of output position (h, w) starts at row h * stride and column w * stride: "
    "multiply by the stride."
)
_FLIPPED = (
    "you flipped the filter: that is convolution as mathematicians define it. In deep learning "
    "'convolution' means cross-correlation: multiply each window by W as it is."
)
_PAD_LEFT_ON = (
    "dA_prev has A_prev's shape: cut the padding back off the padded gradient, e.g. "
    "dA_prev_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :]."
)
_OVER_M = (
    "conv_backward returns the SUMS of dW and db over the examples (the course's convention "
    "for this layer): do not divide by m."
)
_PAD_SLICE_ZERO = (
    "with pad = 0, the slice [pad:-pad] is [0:0], which is EMPTY: cut the padding with "
    "[pad:pad + n_H_prev] (and [pad:pad + n_W_prev]), which also works for pad = 0."
)
_ASSIGNED = (
    "the windows overlap when the stride is smaller than f, so an entry gets gradient from "
    "several windows: accumulate with +=, do not overwrite with =."
)


MISTAKES = [
    # -------------------------------------------------------------------- zero_pad
    Mistake(
        "pad_every_axis",
        "zero_pad",
        "pad only the height and the width: np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0))). "
        "np.pad(X, pad) also pads the examples (axis 0) and the channels (axis 3).",
        _function("zero_pad(X, pad)", "return np.pad(X, pad)"),
    ),
    Mistake(
        "pad_batch_axis",
        "zero_pad",
        "the axes of X are (m, n_H, n_W, n_C): the padding goes on axes 1 and 2, not on the "
        "examples' axis 0.",
        _function("zero_pad(X, pad)", "return np.pad(X, ((pad, pad), (pad, pad), (0, 0), (0, 0)))"),
    ),
    Mistake(
        "pad_channel_axis",
        "zero_pad",
        "the axes of X are (m, n_H, n_W, n_C): pad the height and the width (axes 1 and 2), not "
        "the channels (axis 3).",
        _function("zero_pad(X, pad)", "return np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))"),
    ),
    Mistake(
        "pad_one_side",
        "zero_pad",
        "pad both sides: (pad, pad) puts pad zeros before AND after, on the height and the width.",
        _function("zero_pad(X, pad)", "return np.pad(X, ((0, 0), (0, pad), (0, pad), (0, 0)))"),
    ),
    # ------------------------------------------------------------ conv_single_step
    Mistake(
        "step_no_bias",
        "conv_single_step",
        "add the bias b once the products are summed: Z = np.sum(a_slice_prev * W) + b.item().",
        _changed(CONV_SINGLE_STEP, ("    Z = Z + b.item()\n", "")),
    ),
    Mistake(
        "step_bias_inside",
        "conv_single_step",
        "the bias is added ONCE to the sum, not to each of the f * f * n_C_prev products "
        "(np.sum(a_slice_prev * W + b) adds it f * f * n_C_prev times).",
        _changed(
            CONV_SINGLE_STEP,
            ("s = a_slice_prev * W\n", "s = a_slice_prev * W + b\n"),
            (" + b.item()", ""),
        ),
    ),
    Mistake(
        "step_float_of_array",
        "conv_single_step",
        "b is an array of shape (1, 1, 1) and NumPy 2 no longer converts such an array with "
        "float(b): take its number out with b.item() (or float(b[0, 0, 0])).",
        _changed(CONV_SINGLE_STEP, ("b.item()", "float(b)")),
        fragment="b.item()",
    ),
    Mistake(
        "step_array",
        "conv_single_step",
        "return one number: b is a (1, 1, 1) array, so np.sum(s) + b is a (1, 1, 1) array too. "
        "Add b.item() (the number inside b).",
        _changed(CONV_SINGLE_STEP, ("b.item()", "b")),
    ),
    # ---------------------------------------------------------------- conv_forward
    Mistake(
        "conv_no_plus_one",
        "conv_forward",
        _NO_PLUS_ONE,
        _changed(CONV_FORWARD, ("// stride + 1", "// stride")),
    ),
    Mistake(
        "conv_ceil",
        "conv_forward",
        _NO_FLOOR,
        _changed(
            CONV_FORWARD,
            (
                "n_H = (n_H_prev - f + 2 * pad) // stride",
                "n_H = -(-(n_H_prev - f + 2 * pad) // stride)",
            ),
            (
                "n_W = (n_W_prev - f + 2 * pad) // stride",
                "n_W = -(-(n_W_prev - f + 2 * pad) // stride)",
            ),
        ),
    ),
    Mistake(
        "conv_true_division",
        "conv_forward",
        "n_H and n_W must be whole numbers: (n_H_prev + 2 * pad - f) / stride is a float. Use "
        "floor division, // (or int(...)), then + 1.",
        _changed(CONV_FORWARD, ("// stride + 1", "/ stride + 1")),
        fragment="floor division",
    ),
    Mistake(
        "conv_no_stride",
        "conv_forward",
        _NO_STRIDE,
        _changed(CONV_FORWARD, ("h * stride", "h"), ("w * stride", "w")),
    ),
    Mistake(
        "conv_one_channel",
        "conv_forward",
        "each filter looks at ALL the input channels: a_slice_prev = a_prev_pad[vert_start:"
        "vert_end, horiz_start:horiz_end, :] (the index c counts the filters, not the input's "
        "channels).",
        _changed(CONV_FORWARD, ("horiz_start:horiz_end, :]", "horiz_start:horiz_end, c]")),
    ),
    Mistake(
        "conv_flipped",
        "conv_forward",
        _FLIPPED,
        _changed(CONV_FORWARD, ("W[:, :, :, c], b", "W[::-1, ::-1, :, c], b")),
    ),
    Mistake(
        "conv_not_padded",
        "conv_forward",
        "slice the PADDED pictures: A_prev_pad = zero_pad(A_prev, pad), then a_prev_pad = "
        "A_prev_pad[i].",
        _changed(CONV_FORWARD, ("a_prev_pad = A_prev_pad[i]", "a_prev_pad = A_prev[i]")),
    ),
    Mistake(
        "conv_whole_bias",
        "conv_forward",
        "each filter c has its own bias: pass b[:, :, :, c] (not the whole b) with W[:, :, :, c].",
        _changed(CONV_FORWARD, ("b[:, :, :, c])", "b)")),
    ),
    Mistake(
        "conv_cache",
        "conv_forward",
        "the cache is (A_prev, W, b, hparameters): conv_backward needs the stride and the padding "
        "too.",
        _changed(CONV_FORWARD, ("cache = (A_prev, W, b, hparameters)", "cache = (A_prev, W, b)")),
    ),
    # ---------------------------------------------------------------- pool_forward
    Mistake(
        "pool_no_plus_one",
        "pool_forward",
        _NO_PLUS_ONE,
        _changed(POOL_FORWARD, ("// stride + 1", "// stride")),
    ),
    Mistake(
        "pool_no_stride",
        "pool_forward",
        _NO_STRIDE,
        _changed(POOL_FORWARD, ("h * stride", "h"), ("w * stride", "w")),
    ),
    Mistake(
        "pool_across_channels",
        "pool_forward",
        "pooling works on each channel on its own: take the window of channel c, "
        "A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c], not of all channels.",
        _changed(POOL_FORWARD, ("horiz_start:horiz_end, c]", "horiz_start:horiz_end, :]")),
    ),
    Mistake(
        "pool_average_by_f",
        "pool_forward",
        "an f x f window holds f * f numbers: the average divides their sum by f * f (np.mean "
        "does it for you), not by f.",
        _changed(POOL_FORWARD, ("np.mean(a_prev_slice)", "np.sum(a_prev_slice) / f")),
    ),
    Mistake(
        "pool_mode_ignored",
        "pool_forward",
        "with mode='average' return the mean of each window: look at the mode argument.",
        _changed(POOL_FORWARD, ('if mode == "max":', "if True:")),
    ),
    Mistake(
        "pool_cache",
        "pool_forward",
        "the cache is (A_prev, hparameters): pool_backward needs the input and f and the stride.",
        _changed(POOL_FORWARD, ("cache = (A_prev, hparameters)", "cache = A_prev")),
    ),
    # --------------------------------------------------------------- conv_backward
    Mistake(
        "convb_padding_left_on",
        "conv_backward",
        _PAD_LEFT_ON,
        _changed(CONV_BACKWARD, ("return dA_prev, dW, db", "return dA_prev_pad, dW, db")),
    ),
    Mistake(
        "convb_pad_slice_zero",
        "conv_backward",
        _PAD_SLICE_ZERO,
        _changed(
            CONV_BACKWARD,
            ("[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "[pad:-pad, pad:-pad, :]"),
        ),
        fragment="EMPTY",
    ),
    Mistake(
        "convb_over_m",
        "conv_backward",
        _OVER_M,
        _changed(CONV_BACKWARD, ("return dA_prev, dW, db", "return dA_prev, dW / m, db / m")),
    ),
    Mistake(
        "convb_db_shape",
        "conv_backward",
        "db has b's shape, (1, 1, 1, n_C): one number per filter, summed over the examples and "
        "the positions.",
        _changed(
            CONV_BACKWARD,
            ("return dA_prev, dW, db", "return dA_prev, dW, np.sum(dZ, axis=(0, 1, 2))"),
        ),
    ),
    Mistake(
        "convb_no_stride",
        "conv_backward",
        _NO_STRIDE,
        _changed(CONV_BACKWARD, ("h * stride", "h"), ("w * stride", "w")),
    ),
    Mistake(
        "convb_assigned",
        "conv_backward",
        "dW[:, :, :, c] collects a_slice * dZ[i, h, w, c] from EVERY example and position: "
        "accumulate with +=, do not overwrite with =.",
        _changed(CONV_BACKWARD, ("dW[:, :, :, c] += ", "dW[:, :, :, c] = ")),
    ),
    Mistake(
        "convb_flipped",
        "conv_backward",
        "the gradient sent back to a window is W[:, :, :, c] * dZ[i, h, w, c], the filter as it "
        "is (the forward pass did not flip it either).",
        _changed(CONV_BACKWARD, ("+= W[:, :, :, c] * dZ", "+= W[::-1, ::-1, :, c] * dZ")),
    ),
    # ------------------------------------------------------ create_mask_from_window
    Mistake(
        "mask_every_max",
        "create_mask_from_window",
        "x == np.max(x) marks EVERY maximum; when the maximum appears twice the gradient would "
        "be passed back twice. Mark only the first one (np.argmax(x) gives its position in "
        "x.ravel(); np.unravel_index turns it into (row, column)).",
        _function("create_mask_from_window(x)", "return x == np.max(x)"),
    ),
    Mistake(
        "mask_min",
        "create_mask_from_window",
        "the mask marks the MAXIMUM of the window (max pooling kept it), not the minimum.",
        _function(
            "create_mask_from_window(x)",
            "mask = np.zeros(x.shape, dtype=bool)\n"
            "mask[np.unravel_index(np.argmin(x), x.shape)] = True\nreturn mask",
        ),
    ),
    Mistake(
        "mask_index",
        "create_mask_from_window",
        "return a mask of x's shape (True at the maximum, False elsewhere), not the maximum's "
        "index.",
        _function("create_mask_from_window(x)", "return np.argmax(x)"),
    ),
    # ------------------------------------------------------------ distribute_value
    Mistake(
        "distribute_no_division",
        "distribute_value",
        "the n_H * n_W entries share dz equally, so each gets dz / (n_H * n_W) (their sum is dz).",
        _function("distribute_value(dz, shape)", "return np.ones(shape) * dz"),
    ),
    Mistake(
        "distribute_one_side",
        "distribute_value",
        "divide by the number of entries, n_H * n_W, not by one side of the window.",
        _function(
            "distribute_value(dz, shape)", "(n_H, n_W) = shape\nreturn np.ones(shape) * dz / n_H"
        ),
    ),
    Mistake(
        "distribute_times",
        "distribute_value",
        "each entry gets dz DIVIDED by n_H * n_W, not multiplied.",
        _function(
            "distribute_value(dz, shape)",
            "(n_H, n_W) = shape\nreturn np.ones(shape) * dz * n_H * n_W",
        ),
    ),
    # --------------------------------------------------------------- pool_backward
    Mistake(
        "poolb_every_max",
        "pool_backward",
        "a window's gradient goes to ONE entry, its first maximum: a mask a_prev_slice == "
        "np.max(a_prev_slice) marks every tie and passes the gradient back twice. Use "
        "create_mask_from_window.",
        _changed(
            POOL_BACKWARD,
            (
                "mask = create_mask_from_window(a_prev_slice)",
                "mask = a_prev_slice == np.max(a_prev_slice)",
            ),
        ),
    ),
    Mistake(
        "poolb_assigned",
        "pool_backward",
        _ASSIGNED,
        _changed(
            POOL_BACKWARD,
            ("c] += mask", "c] = mask"),
            ("c] += distribute_value", "c] = distribute_value"),
        ),
    ),
    Mistake(
        "poolb_no_stride",
        "pool_backward",
        _NO_STRIDE,
        _changed(POOL_BACKWARD, ("h * stride", "h"), ("w * stride", "w")),
    ),
    Mistake(
        "poolb_average_by_f",
        "pool_backward",
        "average pooling shares a window's gradient equally among its f * f entries: each gets "
        "dA / (f * f) (distribute_value(da, (f, f)) does it).",
        _changed(POOL_BACKWARD, ("distribute_value(da, (f, f))", "np.ones((f, f)) * da / f")),
    ),
    Mistake(
        "poolb_modes_swapped",
        "pool_backward",
        "mode='max' sends each window's gradient to its maximum (the mask) and mode='average' "
        "shares it equally (distribute_value): the two branches are swapped.",
        _changed(
            POOL_BACKWARD,
            ('if mode == "max":', 'if mode == "average":'),
            ('elif mode == "average":', "else:"),
        ),
    ),
    # ----------------------------------------------------------- conv_forward_fast
    Mistake(
        "fast_flipped",
        "conv_forward_fast",
        _FLIPPED,
        _changed(
            CONV_FORWARD_FAST, ("np.tensordot(windows, W,", "np.tensordot(windows, W[::-1, ::-1],")
        ),
    ),
    Mistake(
        "fast_axes_swapped",
        "conv_forward_fast",
        "sliding_window_view puts the window's rows and columns LAST, after the channels: the "
        "windows are (m, n_H, n_W, n_C_prev, f, f), so contract their axes (4, 5, 3) with W's "
        "(0, 1, 2). Pairing them differently transposes every filter.",
        _changed(CONV_FORWARD_FAST, ("axes=([4, 5, 3], [0, 1, 2])", "axes=([5, 4, 3], [0, 1, 2])")),
    ),
    Mistake(
        "fast_no_stride",
        "conv_forward_fast",
        "sliding_window_view gives the windows at EVERY position: keep every stride-th one, "
        "windows[:, ::stride, ::stride].",
        _changed(CONV_FORWARD_FAST, ("    windows = windows[:, ::stride, ::stride]\n", "")),
    ),
    Mistake(
        "fast_bias_summed",
        "conv_forward_fast",
        "each filter c adds its own bias b[0, 0, 0, c]: add b (it broadcasts over m, n_H and "
        "n_W), not the sum of all the biases.",
        _changed(CONV_FORWARD_FAST, ("b.reshape(1, 1, 1, -1)", "np.sum(b)")),
    ),
    Mistake(
        "fast_cache",
        "conv_forward_fast",
        "the cache is (A_prev, W, b, hparameters), as conv_forward's: conv_backward_fast (and "
        "conv_backward) must accept it.",
        _changed(
            CONV_FORWARD_FAST,
            ("cache = (A_prev, W, b, hparameters)", "cache = (windows, W, b, hparameters)"),
        ),
    ),
    Mistake(
        "fast_loop",
        "conv_forward_fast",
        LOOPS,
        _changed(
            CONV_FORWARD,
            ("def conv_forward(", "def conv_forward_fast("),
            (
                "conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])",
                "np.sum(a_slice_prev * W[:, :, :, c]) + b[0, 0, 0, c]",
            ),
        ),
        fragment="too slow",
    ),
    # ---------------------------------------------------------- conv_backward_fast
    Mistake(
        "fastb_padding_left_on",
        "conv_backward_fast",
        _PAD_LEFT_ON,
        _changed(CONV_BACKWARD_FAST, ("return dA_prev, dW, db", "return dA_prev_pad, dW, db")),
    ),
    Mistake(
        "fastb_pad_slice_zero",
        "conv_backward_fast",
        _PAD_SLICE_ZERO,
        _changed(
            CONV_BACKWARD_FAST,
            (
                "[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :]",
                "[:, pad:-pad, pad:-pad, :]",
            ),
        ),
        fragment="EMPTY",
    ),
    Mistake(
        "fastb_over_m",
        "conv_backward_fast",
        _OVER_M,
        _changed(CONV_BACKWARD_FAST, ("return dA_prev, dW, db", "return dA_prev, dW / m, db / m")),
    ),
    Mistake(
        "fastb_db_mean",
        "conv_backward_fast",
        "db is the SUM of dZ over the examples and the positions (axes 0, 1 and 2), not its mean.",
        _changed(CONV_BACKWARD_FAST, ("np.sum(dZ, axis=(0, 1, 2))", "np.mean(dZ, axis=(0, 1, 2))")),
    ),
    Mistake(
        "fastb_loop",
        "conv_backward_fast",
        LOOPS,
        _changed(CONV_BACKWARD, ("def conv_backward(", "def conv_backward_fast(")),
        fragment="too slow",
    ),
    Mistake(
        "fastb_no_stride",
        "conv_backward_fast",
        "the filter's offset (i, j) touched the input rows i, i + stride, i + 2 stride, ...: step "
        "the slices by the stride.",
        _changed(
            CONV_BACKWARD_FAST,
            ("rows = slice(i, i + stride * (n_H - 1) + 1, stride)", "rows = slice(i, i + n_H)"),
            ("cols = slice(j, j + stride * (n_W - 1) + 1, stride)", "cols = slice(j, j + n_W)"),
        ),
    ),
]


SPEC = WeekSpec(ASSIGNMENT, FUNCTIONS, MISTAKES, extra={"timing": lambda: dict(TIMING)})
