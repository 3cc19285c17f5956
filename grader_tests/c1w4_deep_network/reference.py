"""Reference implementations of the graded functions of c1w4 (instructor-only).

Every function is top-level and uses only ``np``: the grader runs this file's source in the
student's worker to stand in for functions a graded one depends on (see ``ISOLATE`` in
``__init__.py``), so reference functions call each other by name. Shapes follow the course:
``X`` is ``(n_x, m)``, ``Y`` is ``(1, m)``, ``W{l}`` is ``(n_l, n_{l-1})``, ``b{l}`` is
``(n_l, 1)``; a linear cache is ``(A_prev, W, b)`` and a layer's cache is
``(linear_cache, Z)``.

The two initializers are deterministic (``np.random.default_rng(0)``), unlike the learner's:
with them standing in, two_layer_model and L_layer_model can be compared exactly with the
reference on the same data.
"""

import numpy as np


# ----------------------------------------------------------- provided in the notebook
def sigmoid(Z):
    """(A, Z): the element-wise sigmoid of Z, and Z as the activation cache."""
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    """(A, Z): the element-wise max(0, Z), and Z as the activation cache."""
    return np.maximum(0, Z), Z


def sigmoid_backward(dA, Z):
    """dZ = dA * s * (1 - s), with s = sigmoid(Z)."""
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


def relu_backward(dA, Z):
    """dZ = dA where Z > 0, else 0."""
    return np.where(Z > 0, dA, 0.0)


# ---------------------------------------------------------------------- initialization
def initialize_parameters(n_x, n_h, n_y):
    """W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1): weights 0.01 * N(0, 1)."""
    rng = np.random.default_rng(0)
    return {
        "W1": rng.standard_normal((n_h, n_x)) * 0.01,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) * 0.01,
        "b2": np.zeros((n_y, 1)),
    }


def initialize_parameters_deep(layer_dims):
    """W{l} (n_l, n_{l-1}) with weights N(0, 1) / sqrt(n_{l-1}), b{l} zeros (n_l, 1)."""
    rng = np.random.default_rng(0)
    parameters = {}
    for l in range(1, len(layer_dims)):
        shape = (layer_dims[l], layer_dims[l - 1])
        parameters["W" + str(l)] = rng.standard_normal(shape) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


# ---------------------------------------------------------------------------- forward
def linear_forward(A, W, b):
    """(Z, (A, W, b)) with Z = W A + b."""
    return W @ A + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """(A, ((A_prev, W, b), Z)) for activation "sigmoid" or "relu"."""
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """(AL, caches): relu for layers 1 .. L-1, sigmoid for layer L; one cache per layer."""
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(
            A, parameters["W" + str(l)], parameters["b" + str(l)], activation
        )
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    """Cross-entropy averaged over the m examples, as a float."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


# --------------------------------------------------------------------------- backward
def linear_backward(dZ, cache):
    """(dA_prev, dW, db) from dZ and the cache (A_prev, W, b)."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """(dA_prev, dW, db) through the activation, then the linear part."""
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] for l = 1 .. L."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


def update_parameters(parameters, grads, learning_rate):
    """A new dict: every W{l} and b{l} moved by -learning_rate times its gradient."""
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        for name in ("W", "b"):
            key = name + str(l)
            updated[key] = parameters[key] - learning_rate * grads["d" + key]
    return updated


# ----------------------------------------------------------------------------- models
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """LINEAR -> RELU -> LINEAR -> SIGMOID; the cost every 100 iterations and at the last."""
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(Y / A2 - (1 - Y) / (1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID; costs as in two_layer_model."""
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs
