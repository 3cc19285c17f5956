"""Reference implementations of the graded functions of c1w3 (instructor-only; they run in
the checker, and answer the learner's calls of the functions ``ISOLATE`` names). Shapes:
``X`` is ``(n_x, m)``, ``Y`` is ``(n_y, m)`` (``n_y = 1``), ``W1`` is ``(n_h, n_x)``, ``b1``
``(n_h, 1)``, ``W2`` ``(n_y, n_h)``, ``b2`` ``(n_y, 1)``.

``initialize_parameters`` draws the same numbers on every call (``nn.GRADER_SEED``), unlike
the learner's: standing in for it, it makes the learner's ``nn_model`` comparable exactly.
"""

from grader_tests import nn
from grader_tests.nn import initialize_parameters, sigmoid

HIDDEN_UNITS = 4  # n_h returned by layer_sizes
LEARNING_RATE = 1.2  # update_parameters' default, the rate nn_model trains with
PRINT_EVERY = 1000  # nn_model prints the cost every PRINT_EVERY iterations


def layer_sizes(X, Y):
    """(n_x, n_h, n_y): input size, hidden size (4), output size."""
    return X.shape[0], HIDDEN_UNITS, Y.shape[0]


def forward_propagation(X, parameters):
    """tanh hidden layer, sigmoid output: (A2, {"Z1", "A1", "Z2", "A2"})."""
    Z1, _ = nn.linear_forward(X, parameters["W1"], parameters["b1"])
    A1 = nn.tanh(Z1)
    Z2, _ = nn.linear_forward(A1, parameters["W2"], parameters["b2"])
    A2 = sigmoid(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


compute_cost = nn.binary_cross_entropy  # the mean cross-entropy, as a Python float


def backward_propagation(parameters, cache, X, Y):
    """Gradients of compute_cost with respect to W1, b1, W2, b2 (tanh' written as 1 - A1**2)."""
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    dA1, dW2, db2 = nn.linear_backward(dZ2, (A1, parameters["W2"], parameters["b2"]))
    dZ1 = dA1 * (1 - A1**2)
    _, dW1, db1 = nn.linear_backward(dZ1, (X, parameters["W1"], parameters["b1"]))
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=LEARNING_RATE):
    """One gradient-descent step; returns a new dict."""
    return nn.update_parameters(parameters, grads, learning_rate)


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
