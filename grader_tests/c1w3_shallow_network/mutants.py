"""Planted mistakes: wrong versions of the graded cells that the checks must catch.

``CATALOGUE[key]`` is a :class:`Mutant`: the graded item it replaces, the source of the whole
solution cell, the test cell that must lose points, and a fragment of the message that must
name the mistake. ``MUTANTS`` is the same as a list of 4-tuples
``(graded_name, source, test_cell, message_fragment)``.

``ALTERNATIVES[key]`` is ``(graded_name, source)``: a correct cell written in another way
(loops, ``@``, ``np.power``, ``np.tanh(Z1)``, a cost via ``np.dot``, ...) that every check must
accept.

A source runs in the notebook's namespace: it may use ``np``, the provided ``sigmoid`` and the
other graded functions. The keys also name the wrong outputs hard-coded in
``helpers/checks/c1w3.py`` (the project's tests recompute those with these sources).
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


_FORWARD = """
def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    Z1 = {z1}
    A1 = {a1}
    Z2 = {z2}
    A2 = {a2}
    cache = {{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}}
    return A2, cache
"""


def _forward(z1="np.dot(W1, X) + b1", a1="np.tanh(Z1)", z2="np.dot(W2, A1) + b2", a2="sigmoid(Z2)"):
    return _FORWARD.format(z1=z1, a1=a1, z2=z2, a2=a2)


_BACKWARD = """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = {dz2}
    dW2 = {dw2}
    db2 = {db2}
    dZ1 = {dz1}
    dW1 = {dw1}
    db1 = {db1}
    return {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
"""


def _backward(
    dz2="A2 - Y",
    dw2="np.dot(dZ2, A1.T) / m",
    db2="np.sum(dZ2, axis=1, keepdims=True) / m",
    dz1="np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))",
    dw1="np.dot(dZ1, X.T) / m",
    db1="np.sum(dZ1, axis=1, keepdims=True) / m",
):
    return _BACKWARD.format(dz2=dz2, dw2=dw2, db2=db2, dz1=dz1, dw1=dw1, db1=db1)


_UPDATE = """
def update_parameters(parameters, grads, learning_rate={default}):
    new = {{}}
    for name in ("W1", "b1", "W2", "b2"):
        new[name] = parameters[name] {op} {rate} * grads["d" + name]
    return new
"""


def _update(default="1.2", op="-", rate="learning_rate"):
    return _UPDATE.format(default=default, op=op, rate=rate)


_NN_MODEL = """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    {sizes}
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in {loop}:
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        {update}
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters
"""


def _nn_model(
    sizes="n_x, _, n_y = layer_sizes(X, Y)",
    loop="range(num_iterations)",
    update="parameters = update_parameters(parameters, grads)",
):
    return _NN_MODEL.format(sizes=sizes, loop=loop, update=update)


CATALOGUE: dict[str, Mutant] = {
    # ------------------------------------------------------------------ layer_sizes
    "layer_sizes_n_h": _mutant(
        "layer_sizes",
        "n_h = 4",
        """
def layer_sizes(X, Y):
    n_x = X.shape[0]
    n_h = X.shape[0]
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)
""",
    ),
    "layer_sizes_swapped": _mutant(
        "layer_sizes",
        "swapped",
        """
def layer_sizes(X, Y):
    return (Y.shape[0], 4, X.shape[0])
""",
    ),
    "layer_sizes_examples": _mutant(
        "layer_sizes",
        "number of examples",
        """
def layer_sizes(X, Y):
    return (X.shape[1], 4, Y.shape[1])
""",
    ),
    # ------------------------------------------------------------ initialize_parameters
    "initialize_parameters_zeros": _mutant(
        "initialize_parameters",
        "zeros",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_no_scale": _mutant(
        "initialize_parameters",
        "0.01",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_constant": _mutant(
        "initialize_parameters",
        "symmetry",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.full((n_h, n_x), 0.01), "b1": np.zeros((n_h, 1)),
            "W2": np.full((n_y, n_h), 0.01), "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_rand": _mutant(
        "initialize_parameters",
        "randn",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.rand(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_transposed": _mutant(
        "initialize_parameters",
        "(n_h, n_x)",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_b_1d": _mutant(
        "initialize_parameters",
        "column",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}
""",
    ),
    "initialize_parameters_b_random": _mutant(
        "initialize_parameters",
        "start at zero",
        """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.random.randn(n_h, 1) * 0.01,
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.random.randn(n_y, 1) * 0.01}
""",
    ),
    # -------------------------------------------------------------- forward_propagation
    "forward_sigmoid_hidden": _mutant("forward_propagation", "tanh", _forward(a1="sigmoid(Z1)")),
    "forward_tanh_output": _mutant(
        "forward_propagation", "the output layer uses the sigmoid", _forward(a2="np.tanh(Z2)")
    ),
    "forward_no_b": _mutant(
        "forward_propagation", "leave out b1", _forward(z1="np.dot(W1, X)", z2="np.dot(W2, A1)")
    ),
    "forward_W_transposed": _mutant(
        "forward_propagation", "no transpose", _forward(z1="np.dot(W1.T, X) + b1")
    ),
    "forward_cache_keys": _mutant(
        "forward_propagation",
        "spelled exactly",
        """
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"z1": Z1, "a1": A1, "z2": Z2, "a2": A2}
""",
    ),
    # --------------------------------------------------------------------- compute_cost
    "compute_cost_sign": _mutant(
        "compute_cost",
        "sign",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)
""",
    ),
    "compute_cost_no_m": _mutant(
        "compute_cost",
        "divide by m",
        """
def compute_cost(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
""",
    ),
    "compute_cost_half": _mutant(
        "compute_cost",
        "(1 - Y) log(1 - A2)",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)
""",
    ),
    "compute_cost_not_summed": _mutant(
        "compute_cost",
        "one number remains",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
""",
    ),
    # ------------------------------------------------------------- backward_propagation
    "backward_no_m": _mutant(
        "backward_propagation",
        "divide by m",
        _backward(
            dw2="np.dot(dZ2, A1.T)",
            db2="np.sum(dZ2, axis=1, keepdims=True)",
            dw1="np.dot(dZ1, X.T)",
            db1="np.sum(dZ1, axis=1, keepdims=True)",
        ),
    ),
    "backward_no_keepdims": _mutant(
        "backward_propagation",
        "keepdims=True",
        _backward(db2="np.sum(dZ2, axis=1) / m", db1="np.sum(dZ1, axis=1) / m"),
    ),
    "backward_db_axis0": _mutant(
        "backward_propagation",
        "axis=1",
        _backward(
            db2="np.sum(dZ2, axis=0, keepdims=True) / m",
            db1="np.sum(dZ1, axis=0, keepdims=True) / m",
        ),
    ),
    "backward_sigmoid_derivative": _mutant(
        "backward_propagation",
        "sigmoid's derivative",
        _backward(dz1="np.dot(W2.T, dZ2) * A1 * (1 - A1)"),
    ),
    "backward_tanh_no_square": _mutant(
        "backward_propagation", "square A1", _backward(dz1="np.dot(W2.T, dZ2) * (1 - A1)")
    ),
    "backward_no_derivative": _mutant(
        "backward_propagation", "multiplied", _backward(dz1="np.dot(W2.T, dZ2)")
    ),
    "backward_W2_not_transposed": _mutant(
        "backward_propagation",
        "W2.T",
        _backward(dz1="np.dot(W2, dZ2) * (1 - np.power(A1, 2))"),
    ),
    "backward_dZ2_sign": _mutant("backward_propagation", "A2 - Y", _backward(dz2="Y - A2")),
    "backward_dW_transposed": _mutant(
        "backward_propagation",
        "the shape of W1",
        _backward(dw1="np.dot(X, dZ1.T) / m"),
    ),
    # ---------------------------------------------------------------- update_parameters
    "update_parameters_plus": _mutant("update_parameters", "subtracts", _update(op="+")),
    "update_parameters_fixed_learning_rate": _mutant(
        "update_parameters", "learning_rate argument", _update(rate="1.2")
    ),
    "update_parameters_default": _mutant(
        "update_parameters", "learning_rate=1.2", _update(default="0.01")
    ),
    # ------------------------------------------------------------------------- nn_model
    "nn_model_n_h_ignored": _mutant(
        "nn_model", "n_h argument", _nn_model(sizes="n_x, n_h, n_y = layer_sizes(X, Y)")
    ),
    "nn_model_swapped": _mutant(
        "nn_model", "swap n_x and n_y", _nn_model(sizes="n_y, _, n_x = layer_sizes(X, Y)")
    ),
    "nn_model_learning_rate": _mutant(
        "nn_model",
        "1.2",
        _nn_model(update="parameters = update_parameters(parameters, grads, learning_rate=0.5)"),
    ),
    "nn_model_one_iteration_short": _mutant(
        "nn_model", "num_iterations times", _nn_model(loop="range(1, num_iterations)")
    ),
    "nn_model_fixed_iterations": _mutant(
        "nn_model", "num_iterations times", _nn_model(loop="range(10000)")
    ),
    "nn_model_not_assigned": _mutant(
        "nn_model", "assign", _nn_model(update="update_parameters(parameters, grads)")
    ),
    # -------------------------------------------------------------------------- predict
    "predict_probabilities": _mutant(
        "predict",
        "probabilities",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return A2
""",
    ),
    "predict_reversed": _mutant(
        "predict",
        "reversed",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 < 0.5).astype(float)
""",
    ),
    "predict_1d": _mutant(
        "predict",
        "(1, m)",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2[0] > 0.5).astype(float)
""",
    ),
    "predict_Z2": _mutant(
        "predict",
        "A2 > 0.5",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (cache["Z2"] > 0.5).astype(float)
""",
    ),
}

MUTANTS: list[tuple[str, str, str, str]] = [tuple(m) for m in CATALOGUE.values()]


ALTERNATIVES: dict[str, tuple[str, str]] = {
    "layer_sizes_list": (
        "layer_sizes",
        """
def layer_sizes(X, Y):
    n_x, m = X.shape
    return [n_x, 4, Y.shape[0]]
""",
    ),
    "initialize_parameters_normal": (
        "initialize_parameters",
        """
def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng(7)
    return {"W1": rng.normal(0.0, 0.01, size=(n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": rng.normal(0.0, 0.01, size=(n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_seeded_randn": (
        "initialize_parameters",
        """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "forward_matmul_loops": (
        "forward_propagation",
        """
def forward_propagation(X, parameters):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = np.zeros((W1.shape[0], X.shape[1]))
    for j in range(X.shape[1]):
        Z1[:, j:j + 1] = W1 @ X[:, j:j + 1] + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
    ),
    "forward_tanh_by_exp": (
        "forward_propagation",
        """
def forward_propagation(X, parameters):
    Z1 = np.matmul(parameters["W1"], X) + parameters["b1"]
    A1 = (np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))
    Z2 = np.matmul(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    assert A2.shape == (1, X.shape[1])
    return A2, cache
""",
    ),
    "compute_cost_dot": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
    cost = -logprobs / m
    return cost
""",
    ),
    "compute_cost_multiply_squeeze": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    return float(np.squeeze(cost))
""",
    ),
    "compute_cost_mean_0d": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    return np.squeeze(np.asarray(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))))
""",
    ),
    "backward_tanh_of_Z1": (
        "backward_propagation",
        _backward(dz1="(W2.T @ dZ2) * (1 - np.tanh(cache['Z1']) ** 2)", dw2="dZ2 @ A1.T / m"),
    ),
    "backward_loops": (
        "backward_propagation",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    grads = {"dW1": np.zeros(parameters["W1"].shape), "db1": np.zeros(parameters["b1"].shape),
             "dW2": np.zeros(W2.shape), "db2": np.zeros(parameters["b2"].shape)}
    for j in range(m):
        x, a1 = X[:, j:j + 1], A1[:, j:j + 1]
        dz2 = A2[:, j:j + 1] - Y[:, j:j + 1]
        dz1 = (W2.T @ dz2) * (1 - a1 * a1)
        grads["dW2"] += dz2 @ a1.T / m
        grads["db2"] += dz2 / m
        grads["dW1"] += dz1 @ x.T / m
        grads["db1"] += dz1 / m
    return grads
""",
    ),
    "backward_broadcast_W2": (
        "backward_propagation",
        _backward(dz1="W2.T * dZ2 * (1 - A1 ** 2)", db2="dZ2.sum(axis=1, keepdims=True) / m"),
    ),
    "update_parameters_deepcopy": (
        "update_parameters",
        """
import copy


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = parameters["b1"]
    W2 = copy.deepcopy(parameters["W2"])
    b2 = parameters["b2"]
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "update_parameters_in_place": (
        "update_parameters",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in parameters:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""",
    ),
    "nn_model_course_style": (
        "nn_model",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters
""",
    ),
    "nn_model_while": (
        "nn_model",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    i = 0
    while i < num_iterations:
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, 1.2)
        i += 1
    return parameters
""",
    ),
    "predict_bool": (
        "predict",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    return predictions
""",
    ),
    "predict_round": (
        "predict",
        """
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return np.round(A2).astype(int)
""",
    ),
}
