"""Planted mistakes: wrong versions of the graded cells that the checks must catch.

``CATALOGUE[key]`` is a :class:`Mutant`: the graded item it replaces, the source of the whole
solution cell, the test cell that must lose points, and a fragment of the message that must
name the mistake. ``MUTANTS`` is the same as a list of 4-tuples
``(graded_name, source, test_cell, message_fragment)``.

A source runs in the notebook's namespace: it may use ``np``, the provided ``sigmoid``,
``relu``, ``sigmoid_backward`` and ``relu_backward``, and the other graded functions. The keys
also name the wrong outputs hard-coded in ``helpers/checks/c1w4.py`` (the project's tests
recompute those with these sources).
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


# Pieces shared by several mutants (each mutant is still one whole, self-contained cell).
_LINEAR_BACKWARD = """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = {dW}
    db = {db}
    dA_prev = {dA_prev}
    return dA_prev, dW, db
"""


def _linear_backward(**parts: str) -> str:
    defaults = {
        "dW": "np.dot(dZ, A_prev.T) / m",
        "db": "np.sum(dZ, axis=1, keepdims=True) / m",
        "dA_prev": "np.dot(W.T, dZ)",
    }
    return _LINEAR_BACKWARD.format(**{**defaults, **parts})


_L_MODEL_BACKWARD = """
def L_model_backward(AL, Y, caches):
    grads = {{}}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = {dAL}
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "{output}")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db
    for l in reversed(range({hidden})):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
"""


def _L_model_backward(**parts: str) -> str:
    defaults = {
        "dAL": "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
        "output": "sigmoid",
        "hidden": "L - 1",
    }
    return _L_MODEL_BACKWARD.format(**{**defaults, **parts})


_UPDATE_PARAMETERS = """
def update_parameters(parameters, grads, learning_rate):
    parameters = dict(parameters)
    L = {L}
    for l in range({layers}):
        for p in ("W", "b"):
            key = p + str(l)
            parameters[key] = parameters[key] {sign} learning_rate * grads["d" + key]
    return parameters
"""


def _update_parameters(**parts: str) -> str:
    defaults = {"L": "len(parameters) // 2", "layers": "1, L + 1", "sign": "-"}
    return _UPDATE_PARAMETERS.format(**{**defaults, **parts})


_TWO_LAYER_MODEL = """
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                    print_cost=False):
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = {dA2}
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
        {update}
        if {record}:
            costs.append(cost)
    return parameters, costs
"""


def _two_layer_model(**parts: str) -> str:
    defaults = {
        "dA2": "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
        "update": "parameters = update_parameters(parameters, grads, learning_rate)",
        "record": "i % 100 == 0 or i == num_iterations - 1",
    }
    return _TWO_LAYER_MODEL.format(**{**defaults, **parts})


_L_LAYER_MODEL = """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    costs = []
    parameters = initialize_parameters_deep({dims})
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        {update}
        if {record}:
            costs.append(cost)
    return parameters, costs
"""


def _L_layer_model(**parts: str) -> str:
    defaults = {
        "dims": "layers_dims",
        "update": "parameters = update_parameters(parameters, grads, learning_rate)",
        "record": "i % 100 == 0 or i == num_iterations - 1",
    }
    return _L_LAYER_MODEL.format(**{**defaults, **parts})


CATALOGUE: dict[str, Mutant] = {
    # ------------------------------------------------------------------ initialization
    "initialize_parameters_zeros": _mutant(
        "initialize_parameters",
        "at random",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.zeros((n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.zeros((n_y, n_h))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "initialize_parameters_no_scale": _mutant(
        "initialize_parameters",
        "0.01",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "initialize_parameters_W_transposed": _mutant(
        "initialize_parameters",
        "(units of this layer, units of the layer before)",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "initialize_parameters_b_1d": _mutant(
        "initialize_parameters",
        "column",
        """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "initialize_parameters_deep_zeros": _mutant(
        "initialize_parameters_deep",
        "at random",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.zeros((layer_dims[l], layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    ),
    "initialize_parameters_deep_no_scale": _mutant(
        "initialize_parameters_deep",
        "0.01",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    ),
    "initialize_parameters_deep_missing_last": _mutant(
        "initialize_parameters_deep",
        "last layer",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    ),
    "initialize_parameters_deep_W_transposed": _mutant(
        "initialize_parameters_deep",
        "(units of this layer, units of the layer before)",
        """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l - 1], layer_dims[l]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""",
    ),
    # ------------------------------------------------------------------------ forward
    "linear_forward_no_b": _mutant(
        "linear_forward",
        "leave out b",
        """
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    cache = (A, W, b)
    return Z, cache
""",
    ),
    "linear_forward_W_transposed": _mutant(
        "linear_forward",
        "without transposing",
        """
def linear_forward(A, W, b):
    Z = np.dot(W.T, A) + b
    cache = (A, W, b)
    return Z, cache
""",
    ),
    "linear_forward_cache_order": _mutant(
        "linear_forward",
        "(A, W, b)",
        """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    cache = (W, A, b)
    return Z, cache
""",
    ),
    "linear_activation_forward_swapped": _mutant(
        "linear_activation_forward",
        "swapped",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = relu(Z)
    elif activation == "relu":
        A, activation_cache = sigmoid(Z)
    cache = (linear_cache, activation_cache)
    return A, cache
""",
    ),
    "linear_activation_forward_cache_flat": _mutant(
        "linear_activation_forward",
        "((A_prev, W, b), Z)",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    cache = (A_prev, W, b, Z)
    return A, cache
""",
    ),
    "linear_activation_forward_cache_A": _mutant(
        "linear_activation_forward",
        "activation cache",
        """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    cache = (linear_cache, A)
    return A, cache
""",
    ),
    "L_model_forward_output_relu": _mutant(
        "L_model_forward",
        "output layer",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches
""",
    ),
    "L_model_forward_all_sigmoid": _mutant(
        "L_model_forward",
        "hidden layers",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    return A, caches
""",
    ),
    "L_model_forward_L_len": _mutant(
        "L_model_forward",
        "len(parameters) // 2",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters)
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
""",
    ),
    "L_model_forward_caches_missing_last": _mutant(
        "L_model_forward",
        "output layer's cache",
        """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    return AL, caches
""",
    ),
    "compute_cost_sign": _mutant(
        "compute_cost",
        "minus",
        """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return np.squeeze(cost)
""",
    ),
    "compute_cost_no_m": _mutant(
        "compute_cost",
        "divide by m",
        """
def compute_cost(AL, Y):
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return np.squeeze(cost)
""",
    ),
    "compute_cost_one_term": _mutant(
        "compute_cost",
        "two terms",
        """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL)) / m
    return np.squeeze(cost)
""",
    ),
    # ----------------------------------------------------------------------- backward
    "linear_backward_W_not_transposed": _mutant(
        "linear_backward", "W.T", _linear_backward(dA_prev="np.dot(W, dZ)")
    ),
    "linear_backward_dW_no_m": _mutant(
        "linear_backward", "divide by m", _linear_backward(dW="np.dot(dZ, A_prev.T)")
    ),
    "linear_backward_db_no_m": _mutant(
        "linear_backward", "divide by m", _linear_backward(db="np.sum(dZ, axis=1, keepdims=True)")
    ),
    "linear_backward_db_axis0": _mutant(
        "linear_backward", "axis=1", _linear_backward(db="np.sum(dZ, axis=0, keepdims=True) / m")
    ),
    "linear_backward_db_no_keepdims": _mutant(
        "linear_backward", "keepdims", _linear_backward(db="np.sum(dZ, axis=1) / m")
    ),
    "linear_backward_db_everything": _mutant(
        "linear_backward", "axis=1", _linear_backward(db="np.sum(dZ) / m")
    ),
    "linear_backward_dW_transposed": _mutant(
        "linear_backward", "shape of W", _linear_backward(dW="np.dot(A_prev, dZ.T) / m")
    ),
    "linear_backward_dA_prev_m": _mutant(
        "linear_backward", "only dW and db", _linear_backward(dA_prev="np.dot(W.T, dZ) / m")
    ),
    "linear_activation_backward_relu_uses_sigmoid": _mutant(
        "linear_activation_backward",
        "relu_backward",
        """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
""",
    ),
    "linear_activation_backward_sigmoid_uses_relu": _mutant(
        "linear_activation_backward",
        "sigmoid_backward",
        """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = relu_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
""",
    ),
    "linear_activation_backward_no_derivative": _mutant(
        "linear_activation_backward",
        "derivative of the activation",
        """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)
""",
    ),
    "L_model_backward_dAL_sign": _mutant(
        "L_model_backward",
        "wrong sign",
        _L_model_backward(dAL="np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
    ),
    "L_model_backward_output_relu": _mutant(
        "L_model_backward", "output layer", _L_model_backward(output="relu")
    ),
    "L_model_backward_missing_first": _mutant(
        "L_model_backward", "down to 1", _L_model_backward(hidden="1, L - 1")
    ),
    "L_model_backward_keys_shifted": _mutant(
        "L_model_backward",
        "str(l - 1)",
        """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA, dW, db = linear_activation_backward(dA, caches[L - 1], "sigmoid")
    grads["dA" + str(L)] = dA
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db
    for l in reversed(range(1, L)):
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], "relu")
        grads["dA" + str(l)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads
""",
    ),
    "update_parameters_plus": _mutant(
        "update_parameters", "subtracts", _update_parameters(sign="+")
    ),
    "update_parameters_missing_last": _mutant(
        "update_parameters", "last layer", _update_parameters(layers="1, L")
    ),
    "update_parameters_L_len": _mutant(
        "update_parameters", "len(parameters) // 2", _update_parameters(L="len(parameters)")
    ),
    # ------------------------------------------------------------------------- models
    "two_layer_model_dA2_sign": _mutant(
        "two_layer_model",
        "uphill",
        _two_layer_model(dA2="np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)"),
    ),
    "two_layer_model_costs_no_last": _mutant(
        "two_layer_model", "last iteration", _two_layer_model(record="i % 100 == 0")
    ),
    "two_layer_model_costs_every_iteration": _mutant(
        "two_layer_model", "every 100", _two_layer_model(record="True")
    ),
    "two_layer_model_fixed_learning_rate": _mutant(
        "two_layer_model",
        "learning_rate",
        _two_layer_model(update="parameters = update_parameters(parameters, grads, 0.0075)"),
    ),
    "two_layer_model_not_assigned": _mutant(
        "two_layer_model",
        "update_parameters returns",
        _two_layer_model(update="update_parameters(parameters, grads, learning_rate)"),
    ),
    "L_layer_model_costs_no_last": _mutant(
        "L_layer_model", "last iteration", _L_layer_model(record="i % 100 == 0")
    ),
    "L_layer_model_fixed_learning_rate": _mutant(
        "L_layer_model",
        "learning_rate",
        _L_layer_model(update="parameters = update_parameters(parameters, grads, 0.0075)"),
    ),
    "L_layer_model_not_assigned": _mutant(
        "L_layer_model",
        "update_parameters returns",
        _L_layer_model(update="update_parameters(parameters, grads, learning_rate)"),
    ),
    "L_layer_model_dims_shifted": _mutant(
        "L_layer_model", "layers_dims", _L_layer_model(dims="layers_dims[1:]")
    ),
}

MUTANTS: list[tuple[str, str, str, str]] = [tuple(m) for m in CATALOGUE.values()]
