"""Planted mistakes: wrong versions of the graded cells that the checks must catch.

``CATALOGUE[key]`` is a :class:`Mutant`: the graded item it replaces, the source of the whole
solution cell, the test cell that must lose points, and a fragment of the message that must
name the mistake. ``MUTANTS`` is the same as a list of 4-tuples
``(graded_name, source, test_cell, message_fragment)``.

A source runs in the notebook's namespace: it may use ``np``, ``math``, the other graded
functions and the data set's names (``train_set_x_orig``, ``train_set_y``, ``test_set_x_orig``).
The keys also name the wrong outputs hard-coded in ``helpers/checks/c1w2.py`` (the project's
tests recompute those with these sources).
"""

from __future__ import annotations

from typing import NamedTuple


class Mutant(NamedTuple):
    name: str
    source: str
    cell: str
    fragment: str


def _mutant(name: str, fragment: str, source: str) -> Mutant:
    return Mutant(name, source.strip() + "\n", f"test_{name}", fragment)


CATALOGUE: dict[str, Mutant] = {
    # ------------------------------------------------------------------ warm-up
    "basic_sigmoid_exp_sign": _mutant(
        "basic_sigmoid",
        "exp(-x)",
        """
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))
""",
    ),
    "sigmoid_exp_sign": _mutant(
        "sigmoid",
        "exp(-x)",
        """
def sigmoid(x):
    return 1 / (1 + np.exp(x))
""",
    ),
    "sigmoid_math_exp": _mutant(
        "sigmoid",
        "use np.exp",
        """
def sigmoid(x):
    return 1 / (1 + math.exp(-x))
""",
    ),
    "sigmoid_derivative_is_sigmoid": _mutant(
        "sigmoid_derivative",
        "sigmoid(x) itself",
        """
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s
""",
    ),
    "sigmoid_derivative_of_x": _mutant(
        "sigmoid_derivative",
        "x * (1 - x)",
        """
def sigmoid_derivative(x):
    return x * (1 - x)
""",
    ),
    "image2vector_1d": _mutant(
        "image2vector",
        "1-D array",
        """
def image2vector(image):
    return image.reshape(-1)
""",
    ),
    "image2vector_row": _mutant(
        "image2vector",
        "a row of shape (1, n)",
        """
def image2vector(image):
    return image.reshape(1, -1)
""",
    ),
    "image2vector_order": _mutant(
        "image2vector",
        "another order",
        """
def image2vector(image):
    return image.T.reshape(-1, 1)
""",
    ),
    "image2vector_depth_3": _mutant(
        "image2vector",
        "compute it from the input's shape",
        """
def image2vector(image):
    return image.reshape(image.shape[0] * image.shape[1] * 3, 1)
""",
    ),
    "normalize_rows_axis0": _mutant(
        "normalize_rows",
        "norms of the columns",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
""",
    ),
    "normalize_rows_no_keepdims": _mutant(
        "normalize_rows",
        "keepdims=True",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
""",
    ),
    "normalize_rows_no_sqrt": _mutant(
        "normalize_rows",
        "square root",
        """
def normalize_rows(x):
    return x / np.sum(x**2, axis=1, keepdims=True)
""",
    ),
    "normalize_rows_whole": _mutant(
        "normalize_rows",
        "the whole matrix",
        """
def normalize_rows(x):
    return x / np.linalg.norm(x)
""",
    ),
    "softmax_axis0": _mutant(
        "softmax",
        "over the columns",
        """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=0, keepdims=True)
""",
    ),
    "softmax_no_keepdims": _mutant(
        "softmax",
        "keepdims=True",
        """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp, axis=1)
""",
    ),
    "softmax_whole": _mutant(
        "softmax",
        "the whole matrix",
        """
def softmax(x):
    x_exp = np.exp(x)
    return x_exp / np.sum(x_exp)
""",
    ),
    "L1_no_abs": _mutant(
        "L1",
        "np.abs",
        """
def L1(yhat, y):
    return np.sum(y - yhat)
""",
    ),
    "L1_mean": _mutant(
        "L1",
        "the mean",
        """
def L1(yhat, y):
    return np.mean(np.abs(y - yhat))
""",
    ),
    "L1_not_summed": _mutant(
        "L1",
        "one number remains",
        """
def L1(yhat, y):
    return np.abs(y - yhat)
""",
    ),
    "L2_sqrt": _mutant(
        "L2",
        "without np.sqrt",
        """
def L2(yhat, y):
    return np.sqrt(np.sum((y - yhat) ** 2))
""",
    ),
    "L2_no_square": _mutant(
        "L2",
        "without squaring",
        """
def L2(yhat, y):
    return np.sum(y - yhat)
""",
    ),
    "L2_abs": _mutant(
        "L2",
        "that is the L1 loss",
        """
def L2(yhat, y):
    return np.sum(np.abs(y - yhat))
""",
    ),
    # ------------------------------------------------------------------ the data
    "m_train_num_px": _mutant("m_train", "picture", "m_train = train_set_x_orig.shape[1]"),
    "m_train_len_y": _mutant("m_train", "len()", "m_train = len(train_set_y)"),
    "m_test_train": _mutant("m_test", "training", "m_test = train_set_x_orig.shape[0]"),
    "num_px_m": _mutant("num_px", "number of pictures", "num_px = train_set_x_orig.shape[0]"),
    "num_px_channels": _mutant("num_px", "color channels", "num_px = train_set_x_orig.shape[3]"),
    "train_set_x_not_scaled": _mutant(
        "train_set_x",
        "divide by 255",
        "train_set_x = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T",
    ),
    "train_set_x_mixed": _mutant(
        "train_set_x",
        "mix pixels of different pictures",
        "train_set_x = train_set_x_orig.reshape(-1, train_set_x_orig.shape[0]) / 255",
    ),
    "train_set_x_not_transposed": _mutant(
        "train_set_x",
        "transpose",
        "train_set_x = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1) / 255",
    ),
    "train_set_x_order": _mutant(
        "train_set_x",
        "another order",
        "train_set_x = train_set_x_orig.T.reshape(-1, train_set_x_orig.shape[0]) / 255",
    ),
    "test_set_x_from_train": _mutant(
        "test_set_x",
        "training pictures",
        "test_set_x = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T / 255",
    ),
    "test_set_x_not_scaled": _mutant(
        "test_set_x",
        "divide by 255",
        "test_set_x = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T",
    ),
    # ------------------------------------------------------------ logistic regression
    "initialize_with_zeros_1d": _mutant(
        "initialize_with_zeros",
        "(dim, 1)",
        """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
""",
    ),
    "initialize_with_zeros_int": _mutant(
        "initialize_with_zeros",
        "float",
        """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1), dtype=int), 0
""",
    ),
    "initialize_with_zeros_b_array": _mutant(
        "initialize_with_zeros",
        "single number",
        """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), np.zeros((1, 1))
""",
    ),
    "propagate_no_m": _mutant(
        "propagate",
        "divide by m",
        """
def propagate(w, b, X, Y):
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y)
    return {"dw": dw, "db": db}, cost
""",
    ),
    "propagate_cost_sign": _mutant(
        "propagate",
        "minus",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""",
    ),
    "propagate_grad_sign": _mutant(
        "propagate",
        "Y - A",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (Y - A).T) / m
    db = np.sum(Y - A) / m
    return {"dw": dw, "db": db}, cost
""",
    ),
    "propagate_dw_transposed": _mutant(
        "propagate",
        "transposed",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(A - Y, X.T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""",
    ),
    "propagate_no_b": _mutant(
        "propagate",
        "leave out b",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""",
    ),
    "propagate_w_not_transposed": _mutant(
        "propagate",
        "w.T",
        """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""",
    ),
    "optimize_plus": _mutant(
        "optimize",
        "subtracts",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
    ),
    "optimize_costs_every_iteration": _mutant(
        "optimize",
        "every 100 iterations",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
    ),
    "optimize_costs_late": _mutant(
        "optimize",
        "i % 100 == 0",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if (i + 1) % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
    ),
    "optimize_fixed_learning_rate": _mutant(
        "optimize",
        "learning_rate",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - 0.009 * grads["dw"]
        b = b - 0.009 * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""",
    ),
    "optimize_grads_after_loop": _mutant(
        "optimize",
        "before the last update",
        """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    grads, cost = propagate(w, b, X, Y)
    return {"w": w, "b": b}, grads, costs
""",
    ),
    "predict_probabilities": _mutant(
        "predict",
        "probabilities",
        """
def predict(w, b, X):
    return sigmoid(np.dot(w.T, X) + b)
""",
    ),
    "predict_reversed": _mutant(
        "predict",
        "reversed",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A <= 0.5).astype(float)
""",
    ),
    "predict_1d": _mutant(
        "predict",
        "(1, m)",
        """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A[0] > 0.5).astype(float)
""",
    ),
    "predict_threshold_z": _mutant(
        "predict",
        "compare A = sigmoid",
        """
def predict(w, b, X):
    Z = np.dot(w.T, X) + b
    return (Z > 0.5).astype(float)
""",
    ),
    "model_test_on_train": _mutant(
        "model",
        "predict on X_test",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_train),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
    ),
    "model_default_hyperparameters": _mutant(
        "model",
        "pass num_iterations and learning_rate on to optimize",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
    ),
    "model_fixed_learning_rate": _mutant(
        "model",
        "learning_rate",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, 0.5, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
    ),
    "model_untrained": _mutant(
        "model",
        "trained parameters",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    return {"costs": costs, "Y_prediction_test": predict(params["w"], params["b"], X_test),
            "Y_prediction_train": predict(params["w"], params["b"], X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
    ),
    "model_key_typo": _mutant(
        "model",
        "Y_prediction_test",
        """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_predictions_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""",
    ),
}

MUTANTS: list[tuple[str, str, str, str]] = [tuple(m) for m in CATALOGUE.values()]
