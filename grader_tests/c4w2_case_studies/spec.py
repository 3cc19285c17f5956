# ruff: noqa: E501 - the planted cells below are long lines, as learners write them
"""The spec of c4w2: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c4w2_case_studies`` turns it into ``helpers/checks/data/c4w2_case_studies.json``.

``random_crop`` draws random corners: it has no examples, and its public check looks at what
crops must be (windows of the picture, every corner reachable, one corner per picture, the same
crops for the same seed), with the settings in ``SPEC.extra["random_crop"]``.
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec
from grader_tests.spec import changed as _changed
from grader_tests.spec import function_source as _function

ASSIGNMENT = "c4w2_case_studies"
_RNG = np.random.default_rng(422)


def _round(shape, scale=1.0):
    return np.round(_RNG.normal(0, scale, shape), 2)


# ---------------------------------------------------------------------- public inputs
SMALL_NET = [("conv", 3, 1, "same", 4), ("pool", 2, 2), ("conv", 3, 2, 0, 8), ("fc", 10)]
LENET = [("conv", 5, 1, 0, 6), ("pool", 2, 2), ("conv", 5, 1, 0, 16), ("pool", 2, 2),
         ("fc", 120), ("fc", 84), ("fc", 10)]  # fmt: skip

X_ID = np.round(np.abs(_RNG.normal(0, 1, (2, 4, 5, 3))), 2)  # an earlier ReLU's output
ID_PARAMETERS = {
    "W1": _round((1, 1, 3, 2), 0.5), "b1": _round((1, 1, 1, 2), 0.1),
    "W2": _round((3, 3, 2, 2), 0.5), "b2": _round((1, 1, 1, 2), 0.1),
    "W3": _round((1, 1, 2, 3), 0.5), "b3": _round((1, 1, 1, 3), 0.1),
}  # fmt: skip
X_CONV = np.round(np.abs(_RNG.normal(0, 1, (2, 5, 6, 3))), 2)
CONV_PARAMETERS = {
    "W1": _round((1, 1, 3, 2), 0.5), "b1": _round((1, 1, 1, 2), 0.1),
    "W2": _round((3, 3, 2, 2), 0.5), "b2": _round((1, 1, 1, 2), 0.1),
    "W3": _round((1, 1, 2, 4), 0.5), "b3": _round((1, 1, 1, 4), 0.1),
    "Ws": _round((1, 1, 3, 4), 0.5), "bs": _round((1, 1, 1, 4), 0.1),
}  # fmt: skip
X_PW, W_PW, B_PW = _round((2, 3, 3, 4)), _round((1, 1, 4, 2), 0.5), _round((1, 1, 1, 2))
X_DW, W_DW, B_DW = _round((2, 5, 6, 3)), _round((3, 3, 3), 0.5), _round((1, 1, 1, 3))
X_FLIP = _round((2, 3, 4, 2))
X_SHIFT = np.round(_RNG.uniform(0, 1, (1, 3, 3, 3)), 2)

# random_crop's check: pictures of distinct numbers, so every crop tells where it was cut
CROP = {"m": 400, "n_H": 6, "n_W": 7, "n_C": 2, "crop_size": (4, 4), "seed": 3}

FUNCTIONS = [
    Function(
        "count_parameters",
        (
            Example(f"count_parameters((12, 12, 3), {SMALL_NET})", ((12, 12, 3), SMALL_NET)),
            Example("count_parameters((32, 32, 1), layers of LeNet-5)", ((32, 32, 1), LENET)),
        ),
    ),
    Function(
        "identity_block",
        (
            Example(
                "identity_block(X, parameters) for X of shape (2, 4, 5, 3), F1 = F2 = 2, f = 3",
                (X_ID, ID_PARAMETERS),
            ),
        ),
        calls=("pointwise_conv",),
    ),
    Function(
        "convolutional_block",
        (
            Example(
                "convolutional_block(X, parameters, s=2) for X of shape (2, 5, 6, 3), F3 = 4",
                (X_CONV, CONV_PARAMETERS),
                {"s": 2},
            ),
            Example(
                "convolutional_block(X, parameters, s=1) for X of shape (2, 5, 6, 3), F3 = 4",
                (X_CONV, CONV_PARAMETERS),
                {"s": 1},
            ),
        ),
        calls=("pointwise_conv",),
    ),
    Function(
        "pointwise_conv",
        (
            Example(
                "pointwise_conv(X, W, b) for X of shape (2, 3, 3, 4), W of shape (1, 1, 4, 2)",
                (X_PW, W_PW, B_PW),
            ),
        ),
    ),
    Function(
        "conv_cost",
        (
            Example("conv_cost(28, 28, 32, 5, 192)", (28, 28, 32, 5, 192)),
            Example("conv_cost(4, 4, 5, 3, 3)", (4, 4, 5, 3, 3)),
        ),
    ),
    Function(
        "depthwise_conv",
        (
            Example(
                "depthwise_conv(X, W, b) for X of shape (2, 5, 6, 3), W of shape (3, 3, 3)",
                (X_DW, W_DW, B_DW),
            ),
            Example(
                "depthwise_conv(X, W, b, stride=2, pad=1) for X of shape (2, 5, 6, 3)",
                (X_DW, W_DW, B_DW),
                {"stride": 2, "pad": 1},
            ),
        ),
    ),
    Function(
        "depthwise_separable_cost",
        (
            Example("depthwise_separable_cost(4, 4, 3, 3, 5)", (4, 4, 3, 3, 5)),
            Example("depthwise_separable_cost(14, 14, 32, 3, 64)", (14, 14, 32, 3, 64)),
        ),
    ),
    Function(
        "compound_scaling",
        (
            Example("compound_scaling(2)", (2,)),
            Example(
                "compound_scaling(3, alpha=1.3, beta=1.05, gamma=1.2)",
                (3,),
                {"alpha": 1.3, "beta": 1.05, "gamma": 1.2},
            ),
        ),
    ),
    Function(
        "horizontal_flip", (Example("horizontal_flip(X) for X of shape (2, 3, 4, 2)", (X_FLIP,)),)
    ),
    Function("random_crop"),
    Function(
        "color_shift",
        (
            Example(
                "color_shift(X, [0.1, -0.2, 0.3]) for X of shape (1, 3, 3, 3) in [0, 1]",
                (X_SHIFT, [0.1, -0.2, 0.3]),
            ),
        ),
    ),
]


# --------------------------------------------------------------------- mistakes' sources
COUNT = _function(
    "count_parameters(input_shape, layers)",
    """
(n_H, n_W, n_C) = input_shape
shape = (n_H, n_W, n_C)
rows = []
for layer in layers:
    kind = layer[0]
    if kind == "conv":
        (_, f, stride, pad, filters) = layer
        if pad == "same":
            pad = (f - 1) // 2
        parameters = (f * f * shape[2] + 1) * filters
        shape = ((shape[0] + 2 * pad - f) // stride + 1, (shape[1] + 2 * pad - f) // stride + 1, filters)
    elif kind == "pool":
        (_, f, stride) = layer
        parameters = 0
        shape = ((shape[0] - f) // stride + 1, (shape[1] - f) // stride + 1, shape[2])
    else:
        (_, units) = layer
        parameters = (int(np.prod(shape)) + 1) * units
        shape = (units,)
    rows.append((shape, parameters))
return rows
""",
)

IDENTITY = _function(
    "identity_block(X, parameters)",
    """
f = parameters["W2"].shape[0]
A1 = relu(conv2d(X, parameters["W1"], parameters["b1"]))
A2 = relu(conv2d(A1, parameters["W2"], parameters["b2"], 1, (f - 1) // 2))
Z3 = conv2d(A2, parameters["W3"], parameters["b3"])
return relu(Z3 + X)
""",
)

CONV_BLOCK = _function(
    "convolutional_block(X, parameters, s=2)",
    """
f = parameters["W2"].shape[0]
A1 = relu(conv2d(X, parameters["W1"], parameters["b1"], s))
A2 = relu(conv2d(A1, parameters["W2"], parameters["b2"], 1, (f - 1) // 2))
Z3 = conv2d(A2, parameters["W3"], parameters["b3"])
Z_shortcut = conv2d(X, parameters["Ws"], parameters["bs"], s)
return relu(Z3 + Z_shortcut)
""",
)

DEPTHWISE = _function(
    "depthwise_conv(X, W, b, stride=1, pad=0)",
    """
f = W.shape[0]
X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
windows = np.lib.stride_tricks.sliding_window_view(X_pad, (f, f), axis=(1, 2))
windows = windows[:, ::stride, ::stride]
return np.einsum("ihwcuv,uvc->ihwc", windows, W) + b
""",
)

CROP_SOURCE = _function(
    "random_crop(X, crop_size, seed=0)",
    """
np.random.seed(seed)
(h, w) = crop_size
(m, n_H, n_W, n_C) = X.shape
crops = np.zeros((m, h, w, n_C))
for i in range(m):
    top = np.random.randint(0, n_H - h + 1)
    left = np.random.randint(0, n_W - w + 1)
    crops[i] = X[i, top:top + h, left:left + w, :]
return crops
""",
)

_SAME_PAD = (
    "the f x f convolution in the middle keeps the height and the width: pad it with "
    "(f - 1) // 2 (a 'same' convolution), or Z3 and the shortcut do not have the same shape."
)
_RELU_BEFORE_ADD = (
    "add the shortcut BEFORE the last ReLU: a[l+2] = g(z[l+2] + a[l]), so relu(Z3 + shortcut), "
    "not relu(Z3) + shortcut."
)

MISTAKES = [
    # ------------------------------------------------------------- count_parameters
    Mistake(
        "count_no_bias",
        "count_parameters",
        "each filter (and each unit of an FC layer) also has a bias: a conv layer has "
        "(f * f * n_C_prev + 1) * n_C parameters, an FC layer (inputs + 1) * units.",
        _changed(
            COUNT,
            ("(f * f * shape[2] + 1) * filters", "f * f * shape[2] * filters"),
            ("(int(np.prod(shape)) + 1) * units", "int(np.prod(shape)) * units"),
        ),
    ),
    Mistake(
        "count_no_channels",
        "count_parameters",
        "a filter spans all the channels of its input: f * f * n_C_prev weights (plus a bias), "
        "not f * f. (The notes' 156 for six 5 x 5 filters leaves the channels out.)",
        _changed(COUNT, ("(f * f * shape[2] + 1) * filters", "(f * f + 1) * filters")),
    ),
    Mistake(
        "count_same_ignored",
        "count_parameters",
        'pad "same" means pad = (f - 1) // 2, which keeps the height and the width at stride 1; '
        "it is not 0.",
        _changed(COUNT, ("            pad = (f - 1) // 2\n", "            pad = 0\n")),
    ),
    Mistake(
        "count_float_shape",
        "count_parameters",
        "the output sizes are whole numbers: floor((n + 2 pad - f) / stride) + 1, with // (floor "
        "division), not /.",
        _changed(
            COUNT,
            (
                "// stride + 1, (shape[1] + 2 * pad - f) // stride + 1, filters)",
                "/ stride + 1, (shape[1] + 2 * pad - f) / stride + 1, filters)",
            ),
        ),
    ),
    Mistake(
        "count_fc_no_flatten",
        "count_parameters",
        "an FC layer after a volume sees all n_H * n_W * n_C of its numbers (the volume is "
        "flattened first): its weights are (n_H * n_W * n_C) * units, plus a bias per unit.",
        _changed(COUNT, ("(int(np.prod(shape)) + 1) * units", "(shape[-1] + 1) * units")),
    ),
    # ---------------------------------------------------------------- identity_block
    Mistake(
        "identity_no_shortcut",
        "identity_block",
        "the block's output adds its input back: relu(Z3 + X). Without the shortcut it is a plain "
        "stack of three convolutions.",
        _changed(IDENTITY, ("return relu(Z3 + X)", "return relu(Z3)")),
    ),
    Mistake(
        "identity_relu_before_add",
        "identity_block",
        _RELU_BEFORE_ADD,
        _changed(IDENTITY, ("return relu(Z3 + X)", "return relu(Z3) + X")),
    ),
    Mistake(
        "identity_no_same_pad",
        "identity_block",
        _SAME_PAD,
        _changed(IDENTITY, (", 1, (f - 1) // 2))", "))")),
    ),
    Mistake(
        "identity_no_middle_relu",
        "identity_block",
        "every convolution of the main path but the last is followed by a ReLU: A1 = relu(Z1), "
        "A2 = relu(Z2).",
        _changed(
            IDENTITY,
            (
                'A2 = relu(conv2d(A1, parameters["W2"], parameters["b2"], 1, (f - 1) // 2))',
                'A2 = conv2d(A1, parameters["W2"], parameters["b2"], 1, (f - 1) // 2)',
            ),
        ),
    ),
    # ----------------------------------------------------------- convolutional_block
    Mistake(
        "conv_block_identity_shortcut",
        "convolutional_block",
        "in a convolutional block the input and the output differ in size, so the shortcut is the "
        "1 x 1 convolution of X with Ws, bs at stride s, not X itself.",
        _changed(CONV_BLOCK, ("return relu(Z3 + Z_shortcut)", "return relu(Z3 + X)")),
    ),
    Mistake(
        "conv_block_shortcut_stride",
        "convolutional_block",
        "the shortcut's 1 x 1 convolution has stride s too, so that it shrinks X as the main path "
        "does.",
        _changed(CONV_BLOCK, ('parameters["bs"], s)', 'parameters["bs"])')),
    ),
    Mistake(
        "conv_block_stride_in_middle",
        "convolutional_block",
        "the stride s goes on the FIRST 1 x 1 convolution of the main path (and on the shortcut), "
        "not on the f x f one.",
        _changed(
            CONV_BLOCK,
            ('parameters["b1"], s))', 'parameters["b1"]))'),
            ('parameters["b2"], 1, (f - 1) // 2))', 'parameters["b2"], s, (f - 1) // 2))'),
        ),
    ),
    Mistake(
        "conv_block_relu_before_add",
        "convolutional_block",
        _RELU_BEFORE_ADD,
        _changed(CONV_BLOCK, ("return relu(Z3 + Z_shortcut)", "return relu(Z3) + Z_shortcut")),
    ),
    # ---------------------------------------------------------------- pointwise_conv
    Mistake(
        "pointwise_no_bias",
        "pointwise_conv",
        "add the bias b (one per output channel) after the product.",
        _function("pointwise_conv(X, W, b)", "return X @ W[0, 0]"),
    ),
    Mistake(
        "pointwise_elementwise",
        "pointwise_conv",
        "a 1 x 1 convolution mixes the channels of each pixel: a matrix product of the pixel's "
        "n_C_prev values with W[0, 0] (n_C_prev, n_C), X @ W[0, 0], not an element-wise product.",
        _function(
            "pointwise_conv(X, W, b)",
            "return np.sum(X * W[0, 0, :, 0], axis=-1, keepdims=True) + b",
        ),
    ),
    # --------------------------------------------------------------------- conv_cost
    Mistake(
        "cost_no_input_channels",
        "conv_cost",
        "each output number needs f * f * n_C_prev multiplications (the filter spans all input "
        "channels): n_H * n_W * n_C * f * f * n_C_prev.",
        _function("conv_cost(n_H, n_W, n_C, f, n_C_prev)", "return n_H * n_W * n_C * f * f"),
    ),
    Mistake(
        "cost_parameters",
        "conv_cost",
        "that is the number of parameters; the cost counts the multiplications of EVERY output "
        "position: n_H * n_W * n_C outputs times f * f * n_C_prev each.",
        _function("conv_cost(n_H, n_W, n_C, f, n_C_prev)", "return (f * f * n_C_prev + 1) * n_C"),
    ),
    Mistake(
        "cost_f_once",
        "conv_cost",
        "a filter is f x f: f * f multiplications per channel, not f.",
        _function("conv_cost(n_H, n_W, n_C, f, n_C_prev)", "return n_H * n_W * n_C * f * n_C_prev"),
    ),
    # ---------------------------------------------------------------- depthwise_conv
    Mistake(
        "depthwise_all_channels",
        "depthwise_conv",
        "a depthwise convolution keeps the channels apart: output channel c comes from input "
        "channel c and W[:, :, c] only; summing over the channels makes it a normal convolution.",
        _changed(
            DEPTHWISE,
            (
                '"ihwcuv,uvc->ihwc", windows, W) + b',
                '"ihwcuv,uvc->ihw", windows, W)[..., np.newaxis] + b',
            ),
        ),
    ),
    Mistake(
        "depthwise_no_stride",
        "depthwise_conv",
        "keep every stride-th window: windows[:, ::stride, ::stride].",
        _changed(DEPTHWISE, ("    windows = windows[:, ::stride, ::stride]\n", "")),
    ),
    Mistake(
        "depthwise_no_pad",
        "depthwise_conv",
        "pad the pictures with pad zeros on the height and the width first.",
        _changed(
            DEPTHWISE, ("X_pad = np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))", "X_pad = X")
        ),
    ),
    Mistake(
        "depthwise_transposed",
        "depthwise_conv",
        "the window's rows meet W's first axis and its columns W's second: the einsum "
        '"ihwcuv,uvc->ihwc", not "ihwcuv,vuc->ihwc" (that transposes every filter).',
        _changed(DEPTHWISE, ('"ihwcuv,uvc->ihwc"', '"ihwcuv,vuc->ihwc"')),
    ),
    # ------------------------------------------------------ depthwise_separable_cost
    Mistake(
        "separable_swapped",
        "depthwise_separable_cost",
        "return (depthwise, pointwise): the depthwise step first.",
        _function(
            "depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C)",
            "return n_H * n_W * n_C_prev * n_C, n_H * n_W * n_C_prev * f * f",
        ),
    ),
    Mistake(
        "separable_depthwise_all_filters",
        "depthwise_separable_cost",
        "the depthwise step has ONE f x f filter per input channel: n_H * n_W * n_C_prev * f * f, "
        "not times n_C as well.",
        _function(
            "depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C)",
            "return n_H * n_W * n_C_prev * f * f * n_C, n_H * n_W * n_C_prev * n_C",
        ),
    ),
    # -------------------------------------------------------------- compound_scaling
    Mistake(
        "scaling_times",
        "compound_scaling",
        "the multipliers are POWERS of phi: alpha ** phi, beta ** phi, gamma ** phi.",
        _function(
            "compound_scaling(phi, alpha=1.2, beta=1.1, gamma=1.15)",
            "return alpha * phi, beta * phi, gamma * phi",
        ),
    ),
    Mistake(
        "scaling_order",
        "compound_scaling",
        "return (depth, width, resolution): alpha scales the depth, beta the width, gamma the "
        "resolution.",
        _function(
            "compound_scaling(phi, alpha=1.2, beta=1.1, gamma=1.15)",
            "return gamma ** phi, beta ** phi, alpha ** phi",
        ),
    ),
    # ---------------------------------------------------------------- horizontal_flip
    Mistake(
        "flip_vertical",
        "horizontal_flip",
        "a horizontal flip mirrors left and right: reverse the width axis, X[:, :, ::-1, :]. "
        "Reversing axis 1 turns the pictures upside down.",
        _function("horizontal_flip(X)", "return X[:, ::-1, :, :]"),
    ),
    Mistake(
        "flip_channels",
        "horizontal_flip",
        "reverse the width axis (axis 2), not the channels (axis 3: that swaps red and blue).",
        _function("horizontal_flip(X)", "return X[:, :, :, ::-1]"),
    ),
    # ------------------------------------------------------------------- random_crop
    Mistake(
        "crop_same_corner",
        "random_crop",
        "draw a new corner for each picture: with one corner for all, every picture of a batch is "
        "cut at the same place.",
        _changed(
            CROP_SOURCE,
            (
                "for i in range(m):\n        top = np.random.randint(0, n_H - h + 1)\n        left = np.random.randint(0, n_W - w + 1)\n",
                "top = np.random.randint(0, n_H - h + 1)\n    left = np.random.randint(0, n_W - w + 1)\n    for i in range(m):\n",
            ),
        ),
    ),
    Mistake(
        "crop_last_corner_missing",
        "random_crop",
        "the corner's row can be any of 0, 1, ..., n_H - h (and its column 0, ..., n_W - w): "
        "np.random.randint(0, n_H - h + 1), whose upper end is excluded.",
        _changed(CROP_SOURCE, ("n_H - h + 1)", "n_H - h)"), ("n_W - w + 1)", "n_W - w)")),
    ),
    Mistake(
        "crop_no_seed",
        "random_crop",
        "call np.random.seed(seed) first, so that the same seed gives the same crops.",
        _changed(CROP_SOURCE, ("    np.random.seed(seed)\n", "")),
    ),
    # ------------------------------------------------------------------- color_shift
    Mistake(
        "shift_no_clip",
        "color_shift",
        "the values must stay in [0, 1]: np.clip(X + shifts, 0, 1).",
        _function("color_shift(X, shifts)", "return X + np.asarray(shifts)"),
    ),
    Mistake(
        "shift_same_for_all",
        "color_shift",
        "each channel gets its own shift (shifts[c] for channel c); adding their mean to every "
        "channel only makes the picture lighter or darker.",
        _function("color_shift(X, shifts)", "return np.clip(X + np.mean(shifts), 0, 1)"),
    ),
]


SPEC = WeekSpec(ASSIGNMENT, FUNCTIONS, MISTAKES, extra={"random_crop": lambda: dict(CROP)})
