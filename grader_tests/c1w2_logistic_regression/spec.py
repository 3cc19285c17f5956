"""The spec of c1w2: public examples and planted mistakes (with their hints) of every graded item.

``python -m grader_tests.spec c1w2_logistic_regression`` turns it into
``helpers/checks/data/c1w2_logistic_regression.json`` (see ``grader_tests/spec.py``). The data
exercises (``m_train`` ... ``test_set_x``) are values computed from the cat pictures: their
mistakes are cells that assign a wrong value, and ``extra`` stores what the public checks need
to name them (small numbers only; the pictures themselves are generated on the learner's side).
"""

from __future__ import annotations

import functools

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec, planted, solution_cells

A = np.array
ASSIGNMENT = "c1w2_logistic_regression"
VALUES = ("m_train", "m_test", "num_px", "train_set_x", "test_set_x")
SAMPLE_ROWS = 16  # rows of each checked column of train_set_x / test_set_x stored per mistake

# ---------------------------------------------------------------------- public examples
X2 = A([[-1.0, 0.5, 2.0], [3.0, -4.0, 0.25]])
PROBLEM = (A([[0.5], [-1.0]]), 0.25, A([[1.0, -2.0, 0.5, 3.0], [2.0, 0.5, -1.5, 1.0]]))
Y4 = A([[1.0, 0.0, 1.0, 1.0]])
W3 = A([[0.4], [-0.6], [1.0]])
X35 = A([[1.0, -1.0, 2.0, 0.5, 0.0], [0.5, 1.0, -1.0, 2.0, -0.5], [0.3, 1.5, -0.5, -0.4, 0.9]])
TRAINING = {"num_iterations": 201, "learning_rate": 0.1, "print_cost": False}
LOSS = (A([0.8, 0.3, 0.6, 0.1, 0.9]), A([1.0, 0.0, 1.0, 0.0, 0.0]))
IMAGE = A([[[0.1, 0.9], [0.4, 0.2]], [[0.7, 0.3], [0.5, 0.8]], [[0.6, 0.05], [0.25, 1.0]]])
TINY_SET = (
    A([[1.0, -1.0, 2.0, -2.0, 1.5, 0.0, 0.5, -0.5], [2.0, -0.5, 1.5, 0.5, 0.5, -1.5, 1.0, -1.0]]),
    A([[1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0]]),
    A([[1.0, -1.5, 0.2], [1.0, 0.5, -2.0]]),
    A([[1.0, 0.0, 0.0]]),
)


OPTIMIZE_LABEL = "optimize(w, b, X, Y, num_iterations=201, learning_rate=0.1)"
MODEL_LABEL = (
    "model(X_train, Y_train, X_test, Y_test, num_iterations=201, learning_rate=0.1) "
    "for 8 training and 3 test examples: d"
)


def _function(name: str, *examples, parts=(), calls=()) -> Function:
    """A graded function's examples, each (label, args) or (label, args, kwargs); ``calls``:
    the graded functions it calls (their checks run first)."""
    return Function(name, tuple(Example(*example) for example in examples), parts, calls)


def _on(name: str, *inputs) -> list:
    return [(f"{name}(x) for x = {x.tolist()}", (x,)) for x in inputs]


# fmt: off
FUNCTIONS = [
    _function("basic_sigmoid", *((f"basic_sigmoid({x})", (x,)) for x in (0.0, 1.5, -2.0))),
    _function("sigmoid", *_on("sigmoid", A([0.0, 1.5, -2.0]), X2)),
    _function("sigmoid_derivative", *_on("sigmoid_derivative", A([0.0, 1.5, -2.0]), X2),
              calls=("sigmoid",)),
    _function("image2vector", ("image2vector(image) for an image of shape (3, 2, 2)", (IMAGE,))),
    _function("normalize_rows", *_on("normalize_rows", A([[3.0, 4.0, 0.0], [2.0, -1.0, 2.0]]),
                                     A([[1.0, 2.0, 2.0], [0.0, 0.0, 3.0], [4.0, 0.0, 0.0]]))),
    _function("softmax", *_on("softmax", A([[1.0, 2.0, 3.0, 0.0], [2.0, 2.0, 0.0, -1.0]]),
                              A([[1.0, 0.5], [-1.0, 2.0]]))),
    *(_function(loss, (f"{loss}(yhat, y) for yhat = {LOSS[0]}, y = {LOSS[1]}", LOSS))
      for loss in ("L1", "L2")),
    _function("initialize_with_zeros", *((f"initialize_with_zeros({n})", (n,)) for n in (3, 1)),
              parts=("w", "b")),
    _function("propagate", ("propagate(w, b, X, Y) for X of shape (2, 4)", (*PROBLEM, Y4)),
              parts=("grads", "cost"), calls=("sigmoid",)),
    _function("optimize", (OPTIMIZE_LABEL, (*PROBLEM, Y4), TRAINING),
              parts=("params", "grads", "costs"), calls=("propagate",)),
    _function("predict", ("predict(w, b, X) for X of shape (3, 5)", (W3, -0.2, X35)),
              ("predict(w, b, X) for X of shape (3, 1)", (W3, -0.2, A([[1.0], [0.0], [0.2]]))),
              ("predict(w, b, X) for w = 0 and b = 0 (every A is exactly 0.5)",
               (np.zeros((3, 1)), 0.0, X35)), calls=("sigmoid",)),
    _function("model", (MODEL_LABEL, TINY_SET, TRAINING),
              calls=("initialize_with_zeros", "optimize", "predict")),
]
# fmt: on

# ----------------------------------------------------------------------- hints used twice
EXP_SIGN = "you computed 1 - sigmoid(x) = sigmoid(-x): the exponent is -x, as in exp(-x)."
IMAGE_ORDER = (
    "the numbers are right but in another order: reshape the image as it is (NumPy's "
    "default order), without transposing or reordering its axes first."
)
NO_ABS = "you summed y - yhat without taking the absolute value (np.abs)."
NO_SQUARE = "you summed y - yhat without squaring the differences."
LOSS_MEAN = "you took the mean; the loss is the sum over the examples."
CHANNELS = "that is the number of color channels (red, green, blue)."
W_T = "A = sigmoid(w.T X + b): w has shape (n_x, 1) and X (n_x, m), so use w.T to get (1, m)."
MIXED = (
    "the columns mix pixels of different pictures: a reshape straight to (-1, m) cuts the "
    "pixels into columns the wrong way. Reshape to (m, -1) first, so that each row is one "
    "picture, then transpose."
)

# ------------------------------------------------- planted mistakes (whole solution cells)
OPTIMIZE = "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):"
CROSS_ENTROPY = "-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))"
MODEL = (
    "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,\n"
    "          print_cost=False):"
)


def _propagate(forward: str, cost: str = CROSS_ENTROPY + " / m", dw: str = "", db: str = "") -> str:
    dw, db = dw or "np.dot(X, (A - Y).T) / m", db or "np.sum(A - Y) / m"
    return f"""
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = {forward}
    cost = {cost}
    dw = {dw}
    db = {db}
    return {{"dw": dw, "db": db}}, cost
"""


def _optimize(step: str = "-", rate="learning_rate", loop="num_iterations", record="i % 100 == 0",
              after="") -> str:  # fmt: skip
    update = f"w {step} {rate} * grads['dw'], b {step} {rate} * grads['db']"
    return f"""
{OPTIMIZE}
    costs = []
    for i in range({loop}):
        grads, cost = propagate(w, b, X, Y)
        w, b = {update}
        if {record}:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {{i}}: {{cost:f}}")
{after}    return {{"w": w, "b": b}}, grads, costs
"""


def _model(train="num_iterations, learning_rate, print_cost", test="X_test",
           keys=("Y_prediction_test", "Y_prediction_train"), trained=True) -> str:  # fmt: skip
    w_b = 'w, b = params["w"], params["b"]\n    ' if trained else ""
    return f"""
{MODEL}
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train{", " + train if train else ""})
    {w_b}return {{"costs": costs, "{keys[0]}": predict(params["w"], params["b"], {test}),
            "{keys[1]}": predict(params["w"], params["b"], X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}}
"""


def _predict(labels: str, forward: str = "sigmoid(np.dot(w.T, X) + b)") -> str:
    return f"def predict(w, b, X):\n    A = {forward}\n    return {labels}\n"


def _pictures(name: str, pictures: str, others: str, other_hint: str) -> list[Mistake]:
    """The mistakes of train_set_x (test_set_x): ``pictures`` is its own set's array."""
    x, m = pictures, f"{pictures}.shape[0]"
    sources = [  # (key, hint, what the cell assigns)
        ("not_scaled", "the pixel values still run from 0 to 255: divide by 255.",
         f"{x}.reshape({m}, -1).T"),
        ("mixed", MIXED, f"{x}.reshape(-1, {m}) / 255"),
        ("floor_division", "`// 255` is floor division: it keeps only the whole part, so every "
         "pixel value below 255 became 0. Divide with `/ 255` to get numbers between 0 and 1.",
         f"{x}.reshape({m}, -1).T // 255"),
        ("mixed_not_scaled", MIXED + " Also divide by 255.", f"{x}.reshape(-1, {m})"),
        ("not_transposed", "each picture should be a column (examples are columns: shape "
         "(n_x, m)); transpose the (m, n_x) array.", f"{x}.reshape({m}, -1) / 255"),
        ("order", "each column holds the right picture, but its pixels are in another order: "
         "flatten each picture in NumPy's default order, without transposing the pictures.",
         f"{x}.T.reshape(-1, {m}) / 255"),
        ("not_flattened", "the pictures are not flattened yet: each should become one column.",
         f"{x} / 255"),
        ("flattened_all", "everything was flattened into one long vector; keep one column per "
         "picture.", f"{x}.reshape(-1) / 255"),
        ("from_" + others.split("_")[0], other_hint,
         f"{others}.reshape({others}.shape[0], -1).T / 255"),
    ]  # fmt: skip
    return [
        Mistake(f"{name}_{key}", name, hint, f"{name} = {value}") for key, hint, value in sources
    ]


# fmt: off
MISTAKES = [
    # -------------------------------------------------------------------------- warm-up
    Mistake("basic_sigmoid_exp_sign", "basic_sigmoid", EXP_SIGN,
            "def basic_sigmoid(x):\n    return 1 / (1 + math.exp(x))"),
    Mistake("sigmoid_exp_sign", "sigmoid", EXP_SIGN,
            "def sigmoid(x):\n    return 1 / (1 + np.exp(x))"),
    Mistake("sigmoid_math_exp", "sigmoid",
            "math.exp takes one number; use np.exp, which works on whole arrays.",
            "def sigmoid(x):\n    return 1 / (1 + math.exp(-x))"),
    Mistake("sigmoid_derivative_is_sigmoid", "sigmoid_derivative",
            "you returned sigmoid(x) itself; the derivative is s * (1 - s) with s = sigmoid(x).",
            "def sigmoid_derivative(x):\n    s = 1 / (1 + np.exp(-x))\n    return s"),
    Mistake("sigmoid_derivative_of_x", "sigmoid_derivative",
            "you computed x * (1 - x); first compute s = sigmoid(x), then s * (1 - s).",
            "def sigmoid_derivative(x):\n    return x * (1 - x)"),
    Mistake("image2vector_1d", "image2vector",
            "you returned a 1-D array of shape (n,); vectors in this course are columns, (n, 1).",
            "def image2vector(image):\n    return image.reshape(-1)"),
    Mistake("image2vector_row", "image2vector",
            "you returned a row of shape (1, n); it should be a column, (n, 1).",
            "def image2vector(image):\n    return image.reshape(1, -1)"),
    Mistake("image2vector_order", "image2vector", IMAGE_ORDER,
            "def image2vector(image):\n    return image.T.reshape(-1, 1)"),
    Mistake("image2vector_swapped_axes", "image2vector", IMAGE_ORDER,
            "def image2vector(image):\n    return image.transpose(1, 0, 2).reshape(-1, 1)"),
    Mistake("image2vector_depth_3", "image2vector",
            "the new shape must hold exactly as many numbers as the image: compute it from the "
            "input's shape (all three dimensions) instead of typing a number.",
            "def image2vector(image):\n"
            "    return image.reshape(image.shape[0] * image.shape[1] * 3, 1)"),
    Mistake("normalize_rows_axis0", "normalize_rows",
            "you divided by the norms of the columns; each row needs its own norm: axis=1.",
            "def normalize_rows(x):\n    return x / np.linalg.norm(x, axis=0, keepdims=True)"),
    Mistake("normalize_rows_no_keepdims", "normalize_rows",
            "the rows were not divided by their own norms: with keepdims=True the norms form a "
            "column of shape (n, 1) that divides each row by its norm.",
            "def normalize_rows(x):\n    return x / np.linalg.norm(x, axis=1)"),
    Mistake("normalize_rows_no_sqrt", "normalize_rows",
            "you divided by the sum of squares; the norm is its square root.",
            "def normalize_rows(x):\n    return x / np.sum(x**2, axis=1, keepdims=True)"),
    Mistake("normalize_rows_whole", "normalize_rows",
            "you divided by the norm of the whole matrix; each row needs its own norm (axis=1).",
            "def normalize_rows(x):\n    return x / np.linalg.norm(x)"),
    Mistake("softmax_axis0", "softmax",
            "you normalised over the columns (axis=0); the softmax is taken over each row, so "
            "sum with axis=1.",
            "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=0, keepdims=True)"),
    Mistake("softmax_no_keepdims", "softmax",
            "the rows were not divided by their own sums: with keepdims=True the sums form a "
            "column of shape (m, 1) that divides each row by its sum.",
            "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=1)"),
    Mistake("softmax_whole", "softmax",
            "you divided by the sum over the whole matrix; each row needs its own sum (axis=1).",
            "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e)"),
    Mistake("L1_no_abs", "L1", NO_ABS, "def L1(yhat, y):\n    return np.sum(y - yhat)"),
    Mistake("L1_no_abs_reversed", "L1", NO_ABS, "def L1(yhat, y):\n    return np.sum(yhat - y)"),
    Mistake("L1_mean", "L1", LOSS_MEAN, "def L1(yhat, y):\n    return np.mean(np.abs(y - yhat))"),
    Mistake("L1_not_summed", "L1",
            "you returned the absolute differences themselves; sum them so that one number "
            "remains.", "def L1(yhat, y):\n    return np.abs(y - yhat)",
            fragment="one number remains"),
    Mistake("L2_sqrt", "L2",
            "you returned the norm (a square root); the L2 loss here is the sum of the squares, "
            "without np.sqrt.", "def L2(yhat, y):\n    return np.sqrt(np.sum((y - yhat) ** 2))"),
    Mistake("L2_no_square", "L2", NO_SQUARE, "def L2(yhat, y):\n    return np.sum(y - yhat)"),
    Mistake("L2_no_square_reversed", "L2", NO_SQUARE,
            "def L2(yhat, y):\n    return np.sum(yhat - y)"),
    Mistake("L2_abs", "L2",
            "that is the L1 loss: square the differences instead of taking their absolute value.",
            "def L2(yhat, y):\n    return np.sum(np.abs(y - yhat))"),
    Mistake("L2_mean", "L2", LOSS_MEAN, "def L2(yhat, y):\n    return np.mean((y - yhat) ** 2)"),
    # --------------------------------------------------------------------------- the data
    Mistake("m_train_num_px", "m_train",
            "that is the height (and width) of a picture, num_px; m_train counts the training "
            "pictures: the first dimension of train_set_x_orig.",
            "m_train = train_set_x_orig.shape[1]"),
    Mistake("m_train_len_y", "m_train",
            "len() counts rows, and train_set_y has one row: its shape is (1, m_train). Count "
            "the pictures instead: the first dimension of train_set_x_orig.",
            "m_train = len(train_set_y)"),
    Mistake("m_train_channels", "m_train", CHANNELS, "m_train = train_set_x_orig.shape[3]"),
    Mistake("m_train_m_test", "m_train",
            "that is the number of test pictures; m_train counts the training pictures.",
            "m_train = test_set_x_orig.shape[0]"),
    Mistake("m_test_train", "m_test",
            "that is the number of training pictures; m_test counts the test pictures "
            "(test_set_x_orig).", "m_test = train_set_x_orig.shape[0]"),
    Mistake("m_test_num_px", "m_test",
            "that is the height (and width) of a picture, num_px; m_test counts the test "
            "pictures: the first dimension of test_set_x_orig.",
            "m_test = test_set_x_orig.shape[1]"),
    Mistake("m_test_len_y", "m_test",
            "len() counts rows, and test_set_y has one row: its shape is (1, m_test). Count the "
            "pictures instead: the first dimension of test_set_x_orig.",
            "m_test = len(test_set_y)"),
    Mistake("m_test_channels", "m_test", CHANNELS, "m_test = test_set_x_orig.shape[3]"),
    Mistake("num_px_m", "num_px",
            "that is the number of pictures; num_px is the height (= width) of one picture: the "
            "second dimension of train_set_x_orig.", "num_px = train_set_x_orig.shape[0]"),
    Mistake("num_px_channels", "num_px", CHANNELS, "num_px = train_set_x_orig.shape[3]"),
    Mistake("num_px_pixels", "num_px",
            "that is num_px * num_px, the number of pixels; num_px is one side.",
            "num_px = train_set_x_orig.shape[1] * train_set_x_orig.shape[2]"),
    Mistake("num_px_n_x", "num_px",
            "that is num_px * num_px * 3, the length of a flattened picture.",
            "num_px = train_set_x_orig[0].size"),
    *_pictures("train_set_x", "train_set_x_orig", "test_set_x_orig",
               "you used the test pictures; train_set_x is built from train_set_x_orig."),
    *_pictures("test_set_x", "test_set_x_orig", "train_set_x_orig",
               "you used the training pictures; test_set_x is built from test_set_x_orig."),
    # ---------------------------------------------------------------- logistic regression
    Mistake("initialize_with_zeros_1d", "initialize_with_zeros",
            "w should be a column of shape (dim, 1), not (dim,): give np.zeros the shape "
            "(dim, 1).", "def initialize_with_zeros(dim):\n    return np.zeros(dim), 0.0"),
    Mistake("initialize_with_zeros_row", "initialize_with_zeros",
            "w should be a column of shape (dim, 1), not a row (1, dim).",
            "def initialize_with_zeros(dim):\n    return np.zeros((1, dim)), 0.0"),
    Mistake("initialize_with_zeros_int", "initialize_with_zeros",
            "w holds integers; it should hold floats (np.zeros makes floats unless told "
            "otherwise).",
            "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1), dtype=int), 0"),
    Mistake("initialize_with_zeros_b_array", "initialize_with_zeros",
            "b should be a single number (0.0), not an array.",
            "def initialize_with_zeros(dim):\n    return np.zeros((dim, 1)), np.zeros((1, 1))"),
    Mistake("propagate_no_m", "propagate", "you forgot to divide by m (the number of examples).",
            _propagate("sigmoid(np.dot(w.T, X) + b)", CROSS_ENTROPY, "np.dot(X, (A - Y).T)",
                       "np.sum(A - Y)")),
    Mistake("propagate_cost_sign", "propagate",
            "the cost has the wrong sign: it is minus the mean of Y log(A) + (1 - Y) log(1 - A).",
            _propagate("sigmoid(np.dot(w.T, X) + b)", CROSS_ENTROPY[1:] + " / m")),
    Mistake("propagate_grad_sign", "propagate",
            "the gradient has the wrong sign: it uses A - Y, not Y - A.",
            _propagate("sigmoid(np.dot(w.T, X) + b)", dw="np.dot(X, (Y - A).T) / m",
                       db="np.sum(Y - A) / m")),
    Mistake("propagate_dw_transposed", "propagate",
            "dw is transposed: X (A - Y).T has the shape of w, (n_x, 1); (A - Y) X.T is "
            "(1, n_x).", _propagate("sigmoid(np.dot(w.T, X) + b)", dw="np.dot(A - Y, X.T) / m")),
    Mistake("propagate_dw_elementwise", "propagate",
            "`*` multiplies entry by entry (each column of X by its dZ, which leaves one column "
            "per example); dw is the matrix product X (A - Y).T / m, of shape (n_x, 1): use @ "
            "or np.dot.", _propagate("sigmoid(np.dot(w.T, X) + b)", dw="X * (A - Y) / m"),
            fragment="matrix product"),
    Mistake("propagate_no_b", "propagate", "A should be sigmoid(w.T X + b): did you leave out b?",
            _propagate("sigmoid(np.dot(w.T, X))")),
    Mistake("propagate_w_not_transposed", "propagate", W_T,
            _propagate("sigmoid(np.dot(w, X) + b)")),
    Mistake("propagate_w_not_transposed_matmul", "propagate", W_T,
            _propagate("sigmoid(w @ X + b)")),
    Mistake("optimize_plus", "optimize",
            "the parameters moved uphill: gradient descent subtracts the gradient, "
            "w = w - learning_rate * dw (and the same for b).",
            _optimize(step="+")),
    Mistake("optimize_b_not_updated", "optimize",
            "b was never updated: gradient descent updates both parameters, "
            "b = b - learning_rate * db as well as w = w - learning_rate * dw.",
            _optimize().replace("w, b = w - learning_rate * grads['dw'], b - learning_rate * "
                                "grads['db']", "w = w - learning_rate * grads['dw']")),
    Mistake("optimize_costs_every_iteration", "optimize",
            "the cost should be recorded only every 100 iterations, when i % 100 == 0.",
            _optimize(record="True")),
    Mistake("optimize_costs_late", "optimize",
            "record the cost when i % 100 == 0, counting i from 0: iterations 0, 100, 200, ...",
            _optimize(record="(i + 1) % 100 == 0")),
    Mistake("optimize_num_iterations", "optimize",
            "loop num_iterations times: for i in range(num_iterations).",
            _optimize(loop="100")),
    Mistake("optimize_fixed_learning_rate", "optimize",
            "the steps do not follow the learning_rate argument: use it instead of a fixed "
            "number.", _optimize(rate="0.009")),
    Mistake("optimize_grads_after_loop", "optimize",
            "grads should be the gradients of the last iteration, computed before the last "
            "update.", _optimize(after="    grads, cost = propagate(w, b, X, Y)\n")),
    Mistake("predict_probabilities", "predict",
            "you returned the probabilities A; predict returns labels: 1 where A > 0.5, else 0.",
            _predict("A")),
    Mistake("predict_threshold_ge", "predict",
            "the threshold is strict: 1 where A > 0.5, and 0 where A <= 0.5 (an A of exactly 0.5 "
            "is labelled 0, as with w = 0 and b = 0).", _predict("(A >= 0.5).astype(float)")),
    Mistake("predict_reversed", "predict",
            "the labels are reversed: 1 where A > 0.5, 0 elsewhere.",
            _predict("(A <= 0.5).astype(float)")),
    Mistake("predict_1d", "predict",
            "Y_prediction should have shape (1, m), one row of labels, not (m,).",
            _predict("(A[0] > 0.5).astype(float)")),
    Mistake("predict_threshold_z", "predict",
            "you compared w.T X + b with 0.5; compare A = sigmoid(w.T X + b) with 0.5.",
            _predict("(A > 0.5).astype(float)", forward="np.dot(w.T, X) + b")),
    Mistake("predict_w_not_transposed", "predict", W_T,
            _predict("(A > 0.5).astype(float)", forward="sigmoid(np.dot(w, X) + b)")),
    Mistake("predict_w_not_transposed_matmul", "predict", W_T,
            _predict("(A > 0.5).astype(float)", forward="sigmoid(w @ X + b)")),
    Mistake("model_test_on_train", "model",
            "Y_prediction_test has one label per training example: predict on X_test.",
            _model(test="X_train")),
    Mistake("model_swapped", "model",
            "Y_prediction_train and Y_prediction_test are swapped.",
            _model(keys=("Y_prediction_train", "Y_prediction_test"))),
    Mistake("model_ignores_print_cost", "model",
            "print_cost=True should print the costs (and print_cost=False nothing): pass "
            "print_cost on to optimize.",
            _model(train="num_iterations, learning_rate"), public=False),
    Mistake("model_default_hyperparameters", "model",
            "pass num_iterations and learning_rate on to optimize (not its defaults).",
            _model(train="")),
    Mistake("model_fixed_learning_rate", "model",
            "the training did not follow the learning_rate argument: pass it on to optimize.",
            _model(train="num_iterations, 0.5, print_cost")),
    Mistake("model_untrained", "model",
            "w is still the initial zeros: return the trained parameters from optimize.",
            _model(trained=False)),
    Mistake("model_key_typo", "model",
            "a key of the returned dict is misspelled: the keys are 'costs', "
            "'Y_prediction_test', 'Y_prediction_train', 'w', 'b', 'learning_rate' and "
            "'num_iterations' (case-sensitive).",
            _model(keys=("Y_predictions_test", "Y_prediction_train"))),
]
# fmt: on


# ---------------------------------------------------------------------------- the data
@functools.lru_cache(maxsize=1)
def _data_set() -> dict:
    """The names the notebook's data cell defines (the generated cat pictures)."""
    from helpers.datasets import load_cat_dataset

    names = ("train_set_x_orig", "train_set_y", "test_set_x_orig", "test_set_y", "classes")
    return dict(zip(names, load_cat_dataset(), strict=True))


@functools.lru_cache(maxsize=1)
def _values() -> dict:
    """The graded values as the notebook's own solution cells compute them."""
    namespace = {"np": np, **_data_set()}
    for grade_id, source in solution_cells(ASSIGNMENT).items():
        if grade_id in VALUES:
            exec(source, namespace)  # noqa: S102 - the instructor's own cells
    return {name: namespace[name] for name in VALUES}


def _counts() -> dict:
    """m_train, m_test, num_px: the right value and each mistake's value."""
    return {
        name: {
            "expected": _values()[name],
            "mistakes": {m.key: planted(SPEC, m.key) for m in SPEC.mistakes_of(name)},
        }
        for name in ("m_train", "m_test", "num_px")
    }


def _picture_matrices() -> dict:
    """train_set_x, test_set_x: the right shape, the columns the public check looks at, and
    each mistake's shape and (when it has the right shape) its values at a few rows of those
    columns and its sum."""
    data = {}
    for name in ("train_set_x", "test_set_x"):
        expected = _values()[name]
        n_x, m = expected.shape
        rows = np.linspace(0, n_x - 1, SAMPLE_ROWS).round().astype(int)
        columns = sorted({0, 1, m // 2, m - 1})
        mistakes = {}
        for mistake in SPEC.mistakes_of(name):
            wrong = np.asarray(planted(SPEC, mistake.key))
            mistakes[mistake.key] = {"shape": list(wrong.shape)}
            if wrong.shape == expected.shape:
                mistakes[mistake.key]["samples"] = wrong[np.ix_(rows, columns)].T
                mistakes[mistake.key]["sum"] = float(wrong.sum())
        data[name] = {"rows": rows.tolist(), "columns": columns, "mistakes": mistakes}
    return data


SPEC = WeekSpec(
    assignment=ASSIGNMENT,
    functions=FUNCTIONS,
    mistakes=MISTAKES,
    namespace=_data_set,
    values=_values,
    extra={"counts": _counts, "picture_matrices": _picture_matrices},
)
