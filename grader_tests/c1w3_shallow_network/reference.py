"""Reference implementations of the graded functions of c1w3 (instructor-only).

Every function is top-level and uses only ``np``: the grader injects this file's source into the
student's worker to stand in for functions a graded one depends on (see ``ISOLATE`` in
``__init__.py``). Shapes follow the course: ``X`` is ``(n_x, m)``, ``Y`` is ``(n_y, m)`` (here
``n_y = 1``), ``W1`` is ``(n_h, n_x)``, ``b1`` ``(n_h, 1)``, ``W2`` ``(n_y, n_h)``, ``b2``
``(n_y, 1)``.

``initialize_parameters`` draws its numbers from ``np.random.default_rng(0)``: the same numbers on
every call, so that a training function that starts from it (``nn_model``) gives results the
checks can compare exactly. (The learner's version draws from ``np.random``.)
"""

import numpy as np

HIDDEN_UNITS = 4  # n_h returned by layer_sizes
INIT_SCALE = 0.01  # the weights start as standard normal numbers times this
LEARNING_RATE = 1.2  # update_parameters' default, the rate nn_model trains with
PRINT_EVERY = 1000  # nn_model prints the cost every PRINT_EVERY iterations


def sigmoid(z):
    """Element-wise sigmoid (the notebook provides it in a locked cell)."""
    return 1 / (1 + np.exp(-z))


def layer_sizes(X, Y):
    """(n_x, n_h, n_y): input size, hidden size (4), output size."""
    return X.shape[0], HIDDEN_UNITS, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y):
    """Small random weights (always the same ones, see the module's docstring), zero biases."""
    rng = np.random.default_rng(0)
    return {
        "W1": rng.standard_normal((n_h, n_x)) * INIT_SCALE,
        "b1": np.zeros((n_h, 1)),
        "W2": rng.standard_normal((n_y, n_h)) * INIT_SCALE,
        "b2": np.zeros((n_y, 1)),
    }


def forward_propagation(X, parameters):
    """tanh hidden layer, sigmoid output: (A2, {"Z1", "A1", "Z2", "A2"})."""
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    """Cross-entropy averaged over the m examples, as a Python float."""
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def backward_propagation(parameters, cache, X, Y):
    """Gradients of compute_cost with respect to W1, b1, W2, b2."""
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1**2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=LEARNING_RATE):
    """One gradient-descent step; returns a new dict."""
    return {
        name: parameters[name] - learning_rate * grads["d" + name]
        for name in ("W1", "b1", "W2", "b2")
    }


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """Train the two-layer network with gradient descent (learning rate 1.2)."""
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if print_cost and i % PRINT_EVERY == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters


def predict(parameters, X):
    """0/1 labels, shape (1, m): 1 where the network's output A2 > 0.5."""
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)
