"""Public checks of week C1 W2 (logistic regression as a one-neuron network).

Each ``check_<name>(obj)`` runs your function (or looks at your value) on small fixed examples.
It prints one ✓ line when everything matches, or stops with a message that says what was
expected, what came back and, when it recognises it, the likely mistake. The hidden checks
that grade your work use other inputs, so write each function for any input.

The expected numbers below were computed with the course's reference solution (the project's
tests recompute them); the "wrong" numbers are what some common mistakes produce.
"""

from __future__ import annotations

import functools

import numpy as np

from helpers.checks import (
    CheckFailure,
    call,
    expect_close,
    expect_equal,
    expect_integer,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    passed,
)

# Likely mistakes, keyed like the planted mistakes of the hidden grader's tests.
MISTAKES = {
    "exp_sign": "you computed 1 - sigmoid(x) = sigmoid(-x): the exponent is -x, as in exp(-x).",
    "sigmoid_derivative_is_sigmoid": (
        "you returned sigmoid(x) itself; the derivative is s * (1 - s) with s = sigmoid(x)."
    ),
    "sigmoid_derivative_of_x": (
        "you computed x * (1 - x); first compute s = sigmoid(x), then s * (1 - s)."
    ),
    "image2vector_1d": (
        "you returned a 1-D array of shape (n,); vectors in this course are columns, (n, 1)."
    ),
    "image2vector_row": "you returned a row of shape (1, n); it should be a column, (n, 1).",
    "image2vector_order": (
        "the numbers are right but in another order: reshape the image as it is (NumPy's "
        "default order), without transposing or reordering its axes first."
    ),
    "normalize_rows_axis0": (
        "you divided by the norms of the columns; each row needs its own norm: axis=1."
    ),
    "normalize_rows_no_keepdims": (
        "the rows were not divided by their own norms: with keepdims=True the norms form a "
        "column of shape (n, 1) that divides each row by its norm."
    ),
    "normalize_rows_no_sqrt": "you divided by the sum of squares; the norm is its square root.",
    "normalize_rows_whole": (
        "you divided by the norm of the whole matrix; each row needs its own norm (axis=1)."
    ),
    "softmax_axis0": (
        "you normalised over the columns (axis=0); the softmax is taken over each row, so sum "
        "with axis=1."
    ),
    "softmax_no_keepdims": (
        "the rows were not divided by their own sums: with keepdims=True the sums form a column "
        "of shape (m, 1) that divides each row by its sum."
    ),
    "softmax_whole": (
        "you divided by the sum over the whole matrix; each row needs its own sum (axis=1)."
    ),
    "L1_no_abs": "you summed y - yhat without taking the absolute value (np.abs).",
    "loss_mean": "you took the mean; the loss is the sum over the examples.",
    "L2_sqrt": (
        "you returned the norm (a square root); the L2 loss here is the sum of the squares, "
        "without np.sqrt."
    ),
    "L2_no_square": "you summed y - yhat without squaring the differences.",
    "L2_abs": "that is the L1 loss: square the differences instead of taking their absolute value.",
    "m_train_num_px": (
        "that is the height (and width) of a picture, num_px; m_train counts the training "
        "pictures: the first dimension of train_set_x_orig."
    ),
    "m_train_len_y": (
        "len() counts rows, and train_set_y has one row: its shape is (1, m_train). Count the "
        "pictures instead: the first dimension of train_set_x_orig."
    ),
    "m_train_m_test": "that is the number of test pictures; m_train counts the training pictures.",
    "m_test_num_px": (
        "that is the height (and width) of a picture, num_px; m_test counts the test pictures: "
        "the first dimension of test_set_x_orig."
    ),
    "m_test_len_y": (
        "len() counts rows, and test_set_y has one row: its shape is (1, m_test). Count the "
        "pictures instead: the first dimension of test_set_x_orig."
    ),
    "m_test_train": (
        "that is the number of training pictures; m_test counts the test pictures "
        "(test_set_x_orig)."
    ),
    "channels": "that is the number of color channels (red, green, blue).",
    "num_px_m": (
        "that is the number of pictures; num_px is the height (= width) of one picture: the "
        "second dimension of train_set_x_orig."
    ),
    "num_px_pixels": "that is num_px * num_px, the number of pixels; num_px is one side.",
    "num_px_n_x": "that is num_px * num_px * 3, the length of a flattened picture.",
    "not_scaled": "the pixel values still run from 0 to 255: divide by 255.",
    "mixed": (
        "the columns mix pixels of different pictures: a reshape straight to (-1, m) cuts the "
        "pixels into columns the wrong way. Reshape to (m, -1) first, so that each row is one "
        "picture, then transpose."
    ),
    "not_transposed": (
        "each picture should be a column (examples are columns: shape (n_x, m)); transpose the "
        "(m, n_x) array."
    ),
    "pixel_order": (
        "each column holds the right picture, but its pixels are in another order: flatten each "
        "picture in NumPy's default order, without transposing the pictures."
    ),
    "not_flattened": "the pictures are not flattened yet: each should become one column.",
    "flattened_all": "everything was flattened into one long vector; keep one column per picture.",
    "train_from_test": "you used the test pictures; train_set_x is built from train_set_x_orig.",
    "test_from_train": (
        "you used the training pictures; test_set_x is built from test_set_x_orig."
    ),
    "initialize_with_zeros_1d": (
        "w should be a column of shape (dim, 1), not (dim,): give np.zeros the shape (dim, 1)."
    ),
    "initialize_with_zeros_row": "w should be a column of shape (dim, 1), not a row (1, dim).",
    "initialize_with_zeros_int": (
        "w holds integers; it should hold floats (np.zeros makes floats unless told otherwise)."
    ),
    "initialize_with_zeros_b_array": "b should be a single number (0.0), not an array.",
    "propagate_no_m": "you forgot to divide by m (the number of examples).",
    "propagate_cost_sign": (
        "the cost has the wrong sign: it is minus the mean of Y log(A) + (1 - Y) log(1 - A)."
    ),
    "propagate_grad_sign": "the gradient has the wrong sign: it uses A - Y, not Y - A.",
    "propagate_dw_transposed": (
        "dw is transposed: X (A - Y).T has the shape of w, (n_x, 1); (A - Y) X.T is (1, n_x)."
    ),
    "propagate_no_b": "A should be sigmoid(w.T X + b): did you leave out b?",
    "propagate_w_not_transposed": (
        "A = sigmoid(w.T X + b): w has shape (n_x, 1) and X (n_x, m), so use w.T to get (1, m)."
    ),
    "optimize_plus": (
        "the parameters moved uphill: gradient descent subtracts the gradient, "
        "w = w - learning_rate * dw (and the same for b)."
    ),
    "optimize_costs_every_iteration": (
        "the cost should be recorded only every 100 iterations, when i % 100 == 0."
    ),
    "optimize_costs_late": (
        "record the cost when i % 100 == 0, counting i from 0: iterations 0, 100, 200, ..."
    ),
    "optimize_num_iterations": "loop num_iterations times: for i in range(num_iterations).",
    "optimize_fixed_learning_rate": (
        "the steps do not follow the learning_rate argument: use it instead of a fixed number."
    ),
    "optimize_grads_after_loop": (
        "grads should be the gradients of the last iteration, computed before the last update."
    ),
    "predict_probabilities": (
        "you returned the probabilities A; predict returns labels: 1 where A > 0.5, else 0."
    ),
    "predict_reversed": "the labels are reversed: 1 where A > 0.5, 0 elsewhere.",
    "predict_1d": "Y_prediction should have shape (1, m), one row of labels, not (m,).",
    "predict_threshold_z": (
        "you compared w.T X + b with 0.5; compare A = sigmoid(w.T X + b) with 0.5."
    ),
    "model_test_on_train": (
        "Y_prediction_test has one label per training example: predict on X_test."
    ),
    "model_swapped": "Y_prediction_train and Y_prediction_test are swapped.",
    "model_default_hyperparameters": (
        "pass num_iterations and learning_rate on to optimize (not its defaults)."
    ),
    "model_fixed_learning_rate": (
        "the training did not follow the learning_rate argument: pass it on to optimize."
    ),
    "model_untrained": (
        "w is still the initial zeros: return the trained parameters from optimize."
    ),
}

# ------------------------------------------------------------------------------ examples
BASIC_SIGMOID_EXAMPLES = [(0.0, 0.5), (1.5, 0.8175744761936437), (-2.0, 0.11920292202211755)]

SIGMOID_EXAMPLES = [
    {"x": [0.0, 1.5, -2.0], "expected": [0.5, 0.8175744761936437, 0.11920292202211755]},
    {
        "x": [[-1.0, 0.5, 2.0], [3.0, -4.0, 0.25]],
        "expected": [
            [0.2689414213699951, 0.6224593312018546, 0.8807970779778823],
            [0.9525741268224334, 0.01798620996209156, 0.5621765008857981],
        ],
    },
]

SIGMOID_DERIVATIVE_EXAMPLES = [
    {
        "x": [0.0, 1.5, -2.0],
        "expected": [0.25, 0.14914645207033286, 0.1049935854035065],
        "wrong": {
            "sigmoid_derivative_is_sigmoid": [0.5, 0.8175744761936437, 0.11920292202211755],
            "sigmoid_derivative_of_x": [0.0, -0.75, -6.0],
        },
    },
    {
        "x": [[-1.0, 0.5, 2.0], [3.0, -4.0, 0.25]],
        "expected": [
            [0.19661193324148185, 0.2350037122015945, 0.10499358540350662],
            [0.045176659730912, 0.017662706213291118, 0.24613408273759835],
        ],
        "wrong": {
            "sigmoid_derivative_is_sigmoid": [
                [0.2689414213699951, 0.6224593312018546, 0.8807970779778823],
                [0.9525741268224334, 0.01798620996209156, 0.5621765008857981],
            ],
            "sigmoid_derivative_of_x": [[-2.0, 0.25, -2.0], [-6.0, -20.0, 0.1875]],
        },
    },
]

# An image of length 3, height 2 and depth 2.
IMAGE2VECTOR_EXAMPLE = {
    "image": [[[0.1, 0.9], [0.4, 0.2]], [[0.7, 0.3], [0.5, 0.8]], [[0.6, 0.05], [0.25, 1.0]]],
    "expected": [
        [0.1], [0.9], [0.4], [0.2], [0.7], [0.3], [0.5], [0.8], [0.6], [0.05], [0.25], [1.0]
    ],
}  # fmt: skip

NORMALIZE_ROWS_EXAMPLES = [
    {
        "x": [[3.0, 4.0, 0.0], [2.0, -1.0, 2.0]],
        "expected": [
            [0.6, 0.8, 0.0],
            [0.6666666666666666, -0.3333333333333333, 0.6666666666666666],
        ],
        "wrong": {
            "normalize_rows_axis0": [
                [0.8320502943378437, 0.9701425001453319, 0.0],
                [0.5547001962252291, -0.24253562503633297, 1.0],
            ],
            "normalize_rows_no_sqrt": [
                [0.12, 0.16, 0.0],
                [0.2222222222222222, -0.1111111111111111, 0.2222222222222222],
            ],
            "normalize_rows_whole": [
                [0.5144957554275265, 0.6859943405700353, 0.0],
                [0.34299717028501764, -0.17149858514250882, 0.34299717028501764],
            ],
        },
    },
    {
        "x": [[1.0, 2.0, 2.0], [0.0, 0.0, 3.0], [4.0, 0.0, 0.0]],
        "expected": [
            [0.3333333333333333, 0.6666666666666666, 0.6666666666666666],
            [0.0, 0.0, 1.0],
            [1.0, 0.0, 0.0],
        ],
        "wrong": {
            "normalize_rows_axis0": [
                [0.24253562503633297, 1.0, 0.5547001962252291],
                [0.0, 0.0, 0.8320502943378437],
                [0.9701425001453319, 0.0, 0.0],
            ],
            "normalize_rows_no_keepdims": [
                [0.3333333333333333, 0.6666666666666666, 0.5],
                [0.0, 0.0, 0.75],
                [1.3333333333333333, 0.0, 0.0],
            ],
            "normalize_rows_no_sqrt": [
                [0.1111111111111111, 0.2222222222222222, 0.2222222222222222],
                [0.0, 0.0, 0.3333333333333333],
                [0.25, 0.0, 0.0],
            ],
            "normalize_rows_whole": [
                [0.17149858514250882, 0.34299717028501764, 0.34299717028501764],
                [0.0, 0.0, 0.5144957554275265],
                [0.6859943405700353, 0.0, 0.0],
            ],
        },
    },
]

SOFTMAX_EXAMPLES = [
    {
        "x": [[1.0, 2.0, 3.0, 0.0], [2.0, 2.0, 0.0, -1.0]],
        "expected": [
            [0.08714431874203257, 0.23688281808991013, 0.6439142598879724, 0.03205860328008499],
            [0.45764027779301547, 0.45764027779301547, 0.06193487661559986, 0.02278456779836911],
        ],
        "wrong": {
            "softmax_axis0": [
                [0.2689414213699951, 0.5, 0.9525741268224333, 0.7310585786300049],
                [0.7310585786300049, 0.5, 0.04742587317756678, 0.2689414213699951],
            ],
            "softmax_whole": [
                [
                    0.05742177686184462,
                    0.15608857260138229,
                    0.42429273053244787,
                    0.021124291183006655,
                ],
                [
                    0.15608857260138229,
                    0.15608857260138229,
                    0.021124291183006655,
                    0.007771192435547315,
                ],
            ],
        },
    },
    {
        "x": [[1.0, 0.5], [-1.0, 2.0]],
        "expected": [
            [0.6224593312018546, 0.37754066879814546],
            [0.04742587317756679, 0.9525741268224334],
        ],
        "wrong": {
            "softmax_axis0": [
                [0.8807970779778824, 0.18242552380635635],
                [0.11920292202211756, 0.8175744761936438],
            ],
            "softmax_no_keepdims": [
                [0.6224593312018545, 0.21254801747114022],
                [0.08424070989147549, 0.9525741268224331],
            ],
            "softmax_whole": [
                [0.2242078180482011, 0.1359889157935055],
                [0.03034322855941622, 0.6094600375988771],
            ],
        },
    },
]

LOSS_EXAMPLE = {"yhat": [0.8, 0.3, 0.6, 0.1, 0.9], "y": [1.0, 0.0, 1.0, 0.0, 0.0]}
L1_EXPECTED = 1.9
L1_WRONG = {"L1_no_abs": -0.7000000000000001}
L2_EXPECTED = 1.11
L2_WRONG = {"L2_no_square": -0.7000000000000001, "L2_abs": 1.9}

PROPAGATE_EXAMPLE = {
    "w": [[0.5], [-1.0]],
    "b": 0.25,
    "X": [[1.0, -2.0, 0.5, 3.0], [2.0, 0.5, -1.5, 1.0]],
    "Y": [[1.0, 0.0, 1.0, 1.0]],
}
PROPAGATE_EXPECTED = {
    "dw": [[-0.5611913755775472], [-0.39631664268203964]],
    "db": -0.24865598629902677,
    "cost": 0.5669142949621546,
}
PROPAGATE_WRONG = {
    "propagate_no_b": {
        "dw": [[-0.5972677823041592], [-0.42485151555868006]],
        "db": -0.29018420480428053,
        "cost": 0.6342819226459246,
    },
}

OPTIMIZE_EXAMPLE = {**PROPAGATE_EXAMPLE, "num_iterations": 201, "learning_rate": 0.1}
OPTIMIZE_EXPECTED = {
    "w": [[2.344767866258358], [-0.2666591527254665]],
    "b": 1.221140782921417,
    "dw": [[-0.0323755915526545], [0.001861852190825312]],
    "db": -0.019435541811848117,
    "costs": [0.5669142949621546, 0.058706218115756985, 0.03357307047409756],
}
OPTIMIZE_WRONG = {
    "optimize_plus": {
        "w": [[-30.291313496966936], [-8.94504838307223]],
        "b": -7.975290721193432,
    },
    "optimize_fixed_learning_rate": {
        "w": [[1.0878908060985992], [-0.5659566394828279]],
        "b": 0.5366880866662332,
    },
    "optimize_grads_after_loop": {
        "dw": [[-0.03223377201574602], [0.001875115941438348]],
        "db": -0.019359382678765594,
    },
}

PREDICT_EXAMPLES = [
    {
        "w": [[0.4], [-0.6], [1.0]],
        "b": -0.2,
        "X": [[1.0, -1.0, 2.0, 0.5, 0.0], [0.5, 1.0, -1.0, 2.0, -0.5], [0.3, 1.5, -0.5, -0.4, 0.9]],
        "expected": [[1.0, 1.0, 1.0, 0.0, 1.0]],
        "wrong": {"predict_threshold_z": [[0.0, 0.0, 1.0, 0.0, 1.0]]},
    },
    {
        "w": [[0.4], [-0.6], [1.0]],
        "b": -0.2,
        "X": [[1.0], [0.0], [0.2]],
        "expected": [[1.0]],
        "wrong": {"predict_threshold_z": [[0.0]]},
    },
]

MODEL_EXAMPLE = {
    "X_train": [
        [1.0, -1.0, 2.0, -2.0, 1.5, 0.0, 0.5, -0.5],
        [2.0, -0.5, 1.5, 0.5, 0.5, -1.5, 1.0, -1.0],
    ],
    "Y_train": [[1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0]],
    "X_test": [[1.0, -1.5, 0.2], [1.0, 0.5, -2.0]],
    "Y_test": [[1.0, 0.0, 0.0]],
    "num_iterations": 201,
    "learning_rate": 0.1,
}
MODEL_EXPECTED = {
    "costs": [0.6931471805599453, 0.20916251817019627, 0.1646026289898431],
    "Y_prediction_test": [[1.0, 0.0, 0.0]],
    "Y_prediction_train": [[1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]],
    "w": [[1.7430059854799347], [0.8053487709177342]],
    "b": -1.489037736094931,
    "learning_rate": 0.1,
    "num_iterations": 201,
}
MODEL_WRONG = {
    "model_fixed_learning_rate": {
        "w": [[3.461445456803456], [0.8465166809584979]],
        "b": -3.2794078672796894,
    },
}


def _arrays(example: dict, *names: str) -> list:
    """Fresh copies of an example's inputs (so a function that edits its input harms nothing)."""
    return [np.array(example[n]) if isinstance(example[n], list) else example[n] for n in names]


def _wrong(wrong: dict, part: str | None = None) -> list:
    """(wrong value, likely mistake) pairs from an example's hard-coded wrong outputs."""
    return [
        (value if part is None else value[part], MISTAKES[key])
        for key, value in wrong.items()
        if part is None or part in value
    ]


def _is_reordering(expected):
    """A test: the same numbers as ``expected``, in another order (or another shape)."""
    flat = np.sort(np.ravel(expected))
    return lambda got: got.size == flat.size and np.allclose(np.sort(got.ravel()), flat)


# ------------------------------------------------------------------------ warm-up checks
def check_basic_sigmoid(basic_sigmoid) -> None:
    """Check basic_sigmoid on a few numbers."""
    for x, expected in BASIC_SIGMOID_EXAMPLES:
        got = call(f"basic_sigmoid({x})", basic_sigmoid, x)
        expect_close(
            got, expected, f"basic_sigmoid({x})", mistakes=[(1 - expected, MISTAKES["exp_sign"])]
        )
    passed("basic_sigmoid", len(BASIC_SIGMOID_EXAMPLES))


def check_sigmoid(sigmoid) -> None:
    """Check sigmoid on a vector and on a matrix."""
    for example in SIGMOID_EXAMPLES:
        (x,) = _arrays(example, "x")
        what = f"sigmoid(x) for x = {example['x']}"
        got = call(what, sigmoid, x)
        expected = np.array(example["expected"])
        expect_close(got, expected, what, mistakes=[(1 - expected, MISTAKES["exp_sign"])])
    passed("sigmoid", len(SIGMOID_EXAMPLES))


def check_sigmoid_derivative(sigmoid_derivative) -> None:
    """Check sigmoid_derivative on a vector and on a matrix."""
    for example in SIGMOID_DERIVATIVE_EXAMPLES:
        (x,) = _arrays(example, "x")
        what = f"sigmoid_derivative(x) for x = {example['x']}"
        got = call(what, sigmoid_derivative, x)
        expect_close(got, example["expected"], what, mistakes=_wrong(example["wrong"]))
    passed("sigmoid_derivative", len(SIGMOID_DERIVATIVE_EXAMPLES))


def check_image2vector(image2vector) -> None:
    """Check image2vector on a 3 x 2 x 2 image: the shape, then the order of the numbers."""
    (image,) = _arrays(IMAGE2VECTOR_EXAMPLE, "image")
    expected = np.array(IMAGE2VECTOR_EXAMPLE["expected"])
    n = expected.shape[0]
    what = "image2vector(image) for an image of shape (3, 2, 2)"
    got = call(what, image2vector, image)
    expect_shape(
        got,
        (n, 1),
        what,
        mistakes=[((n,), MISTAKES["image2vector_1d"]), ((1, n), MISTAKES["image2vector_row"])],
    )
    expect_close(
        got, expected, what, mistakes=[(_is_reordering(expected), MISTAKES["image2vector_order"])]
    )
    passed("image2vector", 2)


def check_normalize_rows(normalize_rows) -> None:
    """Check normalize_rows on a 2 x 3 and a 3 x 3 matrix."""
    for example in NORMALIZE_ROWS_EXAMPLES:
        (x,) = _arrays(example, "x")
        what = f"normalize_rows(x) for x = {example['x']}"
        got = call(
            what,
            normalize_rows,
            x,
            hints=[("broadcast", MISTAKES["normalize_rows_no_keepdims"])],
        )
        expect_close(got, example["expected"], what, mistakes=_wrong(example["wrong"]))
    passed("normalize_rows", len(NORMALIZE_ROWS_EXAMPLES))


def check_softmax(softmax) -> None:
    """Check softmax on a 2 x 4 and a 2 x 2 matrix."""
    for example in SOFTMAX_EXAMPLES:
        (x,) = _arrays(example, "x")
        what = f"softmax(x) for x = {example['x']}"
        got = call(what, softmax, x, hints=[("broadcast", MISTAKES["softmax_no_keepdims"])])
        expect_close(got, example["expected"], what, mistakes=_wrong(example["wrong"]))
    passed("softmax", len(SOFTMAX_EXAMPLES))


def _check_loss(name: str, loss, expected: float, mistakes: list) -> None:
    yhat, y = _arrays(LOSS_EXAMPLE, "yhat", "y")
    what = f"{name}(yhat, y) for yhat = {LOSS_EXAMPLE['yhat']}, y = {LOSS_EXAMPLE['y']}"
    got = call(what, loss, yhat, y)
    expect_close(got, expected, what, mistakes=mistakes)


def check_L1(L1) -> None:
    """Check L1 on a vector of five predictions."""
    m = len(LOSS_EXAMPLE["y"])
    mistakes = [
        *_wrong(L1_WRONG),
        (-L1_WRONG["L1_no_abs"], MISTAKES["L1_no_abs"]),
        (L1_EXPECTED / m, MISTAKES["loss_mean"]),
    ]
    _check_loss("L1", L1, L1_EXPECTED, mistakes)
    passed("L1", 1)


def check_L2(L2) -> None:
    """Check L2 on a vector of five predictions."""
    m = len(LOSS_EXAMPLE["y"])
    mistakes = [
        (np.sqrt(L2_EXPECTED), MISTAKES["L2_sqrt"]),
        *_wrong(L2_WRONG),
        (-L2_WRONG["L2_no_square"], MISTAKES["L2_no_square"]),
        (L2_EXPECTED / m, MISTAKES["loss_mean"]),
    ]
    _check_loss("L2", L2, L2_EXPECTED, mistakes)
    passed("L2", 1)


# --------------------------------------------------------------------------- data checks
@functools.lru_cache(maxsize=1)
def _cat_pictures() -> tuple[np.ndarray, np.ndarray]:
    """The course's training and test pictures, (m, num_px, num_px, 3) each."""
    from helpers.datasets import load_cat_dataset

    train_set_x_orig, _, test_set_x_orig, _, _ = load_cat_dataset()
    return np.array(train_set_x_orig), np.array(test_set_x_orig)


def _check_count(name: str, value, expected: int, mistakes: list) -> None:
    number = expect_integer(value, name)
    mistakes = [(wrong, text) for wrong, text in mistakes if wrong != expected]
    expect_equal(number, expected, name, mistakes=mistakes)
    passed(name, 1)


def check_m_train(m_train) -> None:
    """Check m_train, the number of training pictures."""
    train, test = _cat_pictures()
    _check_count(
        "m_train",
        m_train,
        train.shape[0],
        [
            (train.shape[1], MISTAKES["m_train_num_px"]),
            (1, MISTAKES["m_train_len_y"]),
            (train.shape[3], MISTAKES["channels"]),
            (test.shape[0], MISTAKES["m_train_m_test"]),
        ],
    )


def check_m_test(m_test) -> None:
    """Check m_test, the number of test pictures."""
    train, test = _cat_pictures()
    _check_count(
        "m_test",
        m_test,
        test.shape[0],
        [
            (train.shape[0], MISTAKES["m_test_train"]),
            (test.shape[1], MISTAKES["m_test_num_px"]),
            (1, MISTAKES["m_test_len_y"]),
            (test.shape[3], MISTAKES["channels"]),
        ],
    )


def check_num_px(num_px) -> None:
    """Check num_px, the height (= width) of a picture."""
    train, _ = _cat_pictures()
    side = train.shape[1]
    _check_count(
        "num_px",
        num_px,
        side,
        [
            (train.shape[0], MISTAKES["num_px_m"]),
            (train.shape[3], MISTAKES["channels"]),
            (side * side, MISTAKES["num_px_pixels"]),
            (side * side * train.shape[3], MISTAKES["num_px_n_x"]),
        ],
    )


def _check_flattened(name: str, got, pictures: np.ndarray, others: np.ndarray, wrong_set: str):
    """Check that ``got`` holds ``pictures`` flattened into columns and divided by 255."""
    m, n_x = pictures.shape[0], pictures[0].size
    got = expect_shape(
        got,
        (n_x, m),
        name,
        mistakes=[
            ((m, n_x), MISTAKES["not_transposed"]),
            (pictures.shape, MISTAKES["not_flattened"]),
            ((m * n_x,), MISTAKES["flattened_all"]),
            ((n_x, others.shape[0]), MISTAKES[wrong_set]),
        ],
    )
    mixed = pictures.reshape(-1, m)  # what the mistake "reshape straight to (-1, m)" gives
    for j in sorted({0, 1, m // 2, m - 1}):
        column = pictures[j].ravel() / 255
        expect_close(
            got[:, j],
            column,
            f"{name}[:, {j}] (picture {j}, flattened)",
            mistakes=[
                (column * 255, MISTAKES["not_scaled"]),
                (mixed[:, j] / 255, MISTAKES["mixed"]),
                (mixed[:, j], MISTAKES["mixed"] + " Also divide by 255."),
                (_is_reordering(column), MISTAKES["pixel_order"]),
            ],
        )
    total = pictures.sum(dtype=float) / 255
    expect_close(
        got.sum(dtype=float),
        total,
        f"the sum of all numbers in {name}",
        mistakes=[(total * 255, MISTAKES["not_scaled"])],
    )
    passed(name, 3)


def check_train_set_x(train_set_x) -> None:
    """Check train_set_x: every training picture as a column of numbers between 0 and 1."""
    train, test = _cat_pictures()
    _check_flattened("train_set_x", train_set_x, train, test, "train_from_test")


def check_test_set_x(test_set_x) -> None:
    """Check test_set_x: every test picture as a column of numbers between 0 and 1."""
    train, test = _cat_pictures()
    _check_flattened("test_set_x", test_set_x, test, train, "test_from_train")


# -------------------------------------------------------------- logistic regression checks
def check_initialize_with_zeros(initialize_with_zeros) -> None:
    """Check initialize_with_zeros for dim = 3 and dim = 1."""
    for dim in (3, 1):
        name = f"initialize_with_zeros({dim})"
        w, b = expect_sequence(call(name, initialize_with_zeros, dim), 2, name)
        w = expect_shape(
            w,
            (dim, 1),
            f"{name}: w",
            mistakes=[
                ((dim,), MISTAKES["initialize_with_zeros_1d"]),
                ((1, dim), MISTAKES["initialize_with_zeros_row"]),
            ],
        )
        expect_close(w, np.zeros((dim, 1)), f"{name}: w", rtol=0, atol=0)
        if w.dtype.kind != "f":
            raise failure(
                f"{name}: w has dtype {w.dtype}.",
                expected="floats (dtype float64)",
                mistake=MISTAKES["initialize_with_zeros_int"],
            )
        if isinstance(b, np.ndarray) and b.ndim > 0:
            raise failure(
                f"{name}: b has the wrong type.",
                expected="a number: 0.0",
                got=f"an array of shape {b.shape}",
                mistake=MISTAKES["initialize_with_zeros_b_array"],
            )
        expect_close(b, 0.0, f"{name}: b", rtol=0, atol=0)
    passed("initialize_with_zeros", 2)


W_T_HINTS = [
    ("not aligned", MISTAKES["propagate_w_not_transposed"]),
    ("core dimension", MISTAKES["propagate_w_not_transposed"]),
]


def check_propagate(propagate) -> None:
    """Check propagate on 4 examples with 2 features: the structure, dw, db and the cost."""
    w, b, X, Y = _arrays(PROPAGATE_EXAMPLE, "w", "b", "X", "Y")
    m = X.shape[1]
    result = call("propagate", propagate, w, b, X, Y, hints=W_T_HINTS)
    grads, cost = expect_sequence(result, 2, "propagate")
    expect_keys(grads, ["dw", "db"], "propagate: grads")

    dw = np.array(PROPAGATE_EXPECTED["dw"])
    mistakes = [
        (dw * m, MISTAKES["propagate_no_m"]),
        (-dw, MISTAKES["propagate_grad_sign"]),
        (dw.T, MISTAKES["propagate_dw_transposed"]),
        *_wrong(PROPAGATE_WRONG, "dw"),
    ]
    expect_close(grads["dw"], dw, "propagate: grads['dw']", mistakes=mistakes)

    db = PROPAGATE_EXPECTED["db"]
    mistakes = [
        (db * m, MISTAKES["propagate_no_m"]),
        (-db, MISTAKES["propagate_grad_sign"]),
        *_wrong(PROPAGATE_WRONG, "db"),
    ]
    expect_close(grads["db"], db, "propagate: grads['db']", mistakes=mistakes)

    cost_expected = PROPAGATE_EXPECTED["cost"]
    mistakes = [
        (cost_expected * m, MISTAKES["propagate_no_m"]),
        (-cost_expected, MISTAKES["propagate_cost_sign"]),
        *_wrong(PROPAGATE_WRONG, "cost"),
    ]
    expect_close(cost, cost_expected, "propagate: cost", mistakes=mistakes)
    passed("propagate", 4)


def check_optimize(optimize) -> None:
    """Check optimize for 201 iterations: the structure, costs, w, b and the last gradients."""
    w, b, X, Y = _arrays(OPTIMIZE_EXAMPLE, "w", "b", "X", "Y")
    iterations = OPTIMIZE_EXAMPLE["num_iterations"]
    rate = OPTIMIZE_EXAMPLE["learning_rate"]
    name = f"optimize(w, b, X, Y, num_iterations={iterations}, learning_rate={rate})"
    options = {"num_iterations": iterations, "learning_rate": rate, "print_cost": False}
    result = call(name, optimize, w, b, X, Y, **options)
    params, grads, costs = expect_sequence(result, 3, name)
    expect_keys(params, ["w", "b"], f"{name}: params")
    expect_keys(grads, ["dw", "db"], f"{name}: grads")
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f"{name}: costs should be a list, got {type(costs).__name__}.")
    expected_costs = OPTIMIZE_EXPECTED["costs"]
    expect_equal(
        len(costs),
        len(expected_costs),
        f"{name}: the number of costs recorded",
        mistakes=[
            (iterations, MISTAKES["optimize_costs_every_iteration"]),
            (len(range(99, iterations, 100)), MISTAKES["optimize_costs_late"]),
            (lambda n: True, MISTAKES["optimize_num_iterations"]),
        ],
    )
    for part, key in (("params", "w"), ("params", "b"), ("grads", "dw"), ("grads", "db")):
        got = (params if part == "params" else grads)[key]
        expected = OPTIMIZE_EXPECTED[key]
        expected = np.array(expected) if isinstance(expected, list) else expected
        mistakes = _wrong(OPTIMIZE_WRONG, key)
        expect_close(got, expected, f"{name}: {part}[{key!r}]", mistakes=mistakes)
    for i, (got, expected) in enumerate(zip(costs, expected_costs, strict=True)):
        expect_close(got, expected, f"{name}: costs[{i}] (the cost at iteration {100 * i})")
    passed("optimize", 4)


def check_predict(predict) -> None:
    """Check predict on 5 examples and on a single example."""
    for example in PREDICT_EXAMPLES:
        w, b, X = _arrays(example, "w", "b", "X")
        m = X.shape[1]
        what = f"predict(w, b, X) for X of shape {X.shape}"
        got = call(what, predict, w, b, X, hints=W_T_HINTS)
        expected = np.array(example["expected"])
        expect_shape(got, (1, m), what, mistakes=[((m,), MISTAKES["predict_1d"])])
        mistakes = [
            (lambda a: not np.isin(a, (0, 1)).all(), MISTAKES["predict_probabilities"]),
            (1 - expected, MISTAKES["predict_reversed"]),
            *_wrong(example["wrong"]),
        ]
        expect_close(got, expected, what, mistakes=mistakes)
    passed("predict", len(PREDICT_EXAMPLES))


def check_model(model) -> None:
    """Check model on a tiny data set (8 training and 3 test examples, 2 features)."""
    ex = MODEL_EXAMPLE
    X_train, Y_train, X_test, Y_test = _arrays(ex, "X_train", "Y_train", "X_test", "Y_test")
    iterations, rate = ex["num_iterations"], ex["learning_rate"]
    name = f"model(..., num_iterations={iterations}, learning_rate={rate})"
    options = {"num_iterations": iterations, "learning_rate": rate, "print_cost": False}
    d = call(name, model, X_train, Y_train, X_test, Y_test, **options)
    expect_keys(d, list(MODEL_EXPECTED), f"{name}: the returned dict")
    for key in ("learning_rate", "num_iterations"):
        expect_close(d[key], MODEL_EXPECTED[key], f'{name}: d["{key}"]', rtol=0, atol=0)
    costs = d["costs"]
    if not isinstance(costs, (list, tuple, np.ndarray)):
        raise failure(f'{name}: d["costs"] should be a list, got {type(costs).__name__}.')
    expect_equal(
        len(costs),
        len(MODEL_EXPECTED["costs"]),
        f'{name}: the number of costs in d["costs"]',
        mistakes=[(lambda n: True, MISTAKES["model_default_hyperparameters"])],
    )
    expected_w = np.array(MODEL_EXPECTED["w"])
    expect_close(
        d["w"],
        expected_w,
        f'{name}: d["w"]',
        mistakes=[
            (np.zeros_like(expected_w), MISTAKES["model_untrained"]),
            *_wrong(MODEL_WRONG, "w"),
        ],
    )
    expect_close(d["b"], MODEL_EXPECTED["b"], f'{name}: d["b"]', mistakes=_wrong(MODEL_WRONG, "b"))
    for i, (got, expected) in enumerate(zip(costs, MODEL_EXPECTED["costs"], strict=True)):
        expect_close(got, expected, f'{name}: d["costs"][{i}]')
    train_labels = np.array(MODEL_EXPECTED["Y_prediction_train"])
    test_labels = np.array(MODEL_EXPECTED["Y_prediction_test"])
    expect_close(
        d["Y_prediction_train"],
        train_labels,
        f'{name}: d["Y_prediction_train"]',
        mistakes=[(test_labels, MISTAKES["model_swapped"])],
    )
    expect_close(
        d["Y_prediction_test"],
        test_labels,
        f'{name}: d["Y_prediction_test"]',
        mistakes=[(train_labels, MISTAKES["model_test_on_train"])],
    )
    passed("model", 5)


__all__ = [
    "CheckFailure",
    "check_L1",
    "check_L2",
    "check_basic_sigmoid",
    "check_image2vector",
    "check_initialize_with_zeros",
    "check_m_test",
    "check_m_train",
    "check_model",
    "check_normalize_rows",
    "check_num_px",
    "check_optimize",
    "check_predict",
    "check_propagate",
    "check_sigmoid",
    "check_sigmoid_derivative",
    "check_softmax",
    "check_test_set_x",
    "check_train_set_x",
]
