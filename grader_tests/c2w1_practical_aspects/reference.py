"""Reference versions of the graded (and provided) functions of c2w1 (instructor-only; they run
in the checker and answer the learner's calls of the functions ``ISOLATE`` names): built on
``grader_tests.nn``.

The week's network has three layers, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID,
with the course's tuple caches: ``(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)``, and
with dropout ``(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)`` (masks D1, D2 of
0s and 1s, the shapes of A1 and A2). Gradients are a dict with "dZ3", "dW3", "db3", "dA2",
"dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1" (dW and db averaged over m).

The random initializers draw from ``nn.GRADER_SEED``: the hidden checks look at what the
learner's draws must be like (shapes, zero biases, the spread), never at one random stream.
"""

from __future__ import annotations

import numpy as np

from grader_tests import nn

RANDOM_SCALE = 10  # initialize_parameters_random: "large" random weights
DIFFERENCE_THRESHOLD = 2e-7  # the course's threshold for gradient checking
EPSILON = 1e-7  # the course's step of the two-sided difference


# ---------------------------------------------------------------------- initialization
def initialize_parameters_zeros(layers_dims):
    """Every W{l} (n_l, n_{l-1}) and b{l} (n_l, 1) zero."""
    return nn.zeros(layers_dims)


def initialize_parameters_random(layers_dims):
    """W{l} = standard normal * 10, b{l} zeros."""
    return nn.scaled_random(layers_dims, RANDOM_SCALE, rng=nn.GRADER_SEED)


def initialize_parameters_he(layers_dims):
    """W{l} = standard normal * sqrt(2 / n_{l-1}) (He), b{l} zeros."""
    return nn.he(layers_dims, rng=nn.GRADER_SEED)


# ------------------------------------------------------------ the provided 3-layer network
def compute_cost(A3, Y):
    """The mean cross-entropy, a float (provided in the notebook)."""
    return nn.binary_cross_entropy(A3, Y)


def three_layer_forward(X, parameters):
    """(A3, cache) of LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID (provided)."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = nn.relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = nn.relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = nn.sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def _backward(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, lambd=0.0, masks=None, keep_prob=1.0):
    """The gradients of the mean cross-entropy (+ the L2 penalty when lambd > 0; through the
    dropout masks D1, D2 when given)."""
    m = X.shape[1]
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + nn.l2_gradient(W3, lambd, m)
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    if masks is not None:
        dA2 = nn.dropout_backward(dA2, (masks[1], keep_prob))
    dZ2 = nn.relu_backward(dA2, Z2)
    dW2 = dZ2 @ A1.T / m + nn.l2_gradient(W2, lambd, m)
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    if masks is not None:
        dA1 = nn.dropout_backward(dA1, (masks[0], keep_prob))
    dZ1 = nn.relu_backward(dA1, Z1)
    dW1 = dZ1 @ X.T / m + nn.l2_gradient(W1, lambd, m)
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {
        "dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
        "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1,
    }  # fmt: skip


def three_layer_backward(X, Y, cache):
    """The gradients of the plain network (provided)."""
    Z1, A1, W1, _, Z2, A2, W2, _, _, A3, W3, _ = cache
    return _backward(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3)


# ---------------------------------------------------------------------- regularization
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """Cross-entropy + lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2), a float."""
    return compute_cost(A3, Y) + nn.l2_penalty(parameters, lambd, Y.shape[1])


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """The gradients of compute_cost_with_regularization: each dW gains lambd / m * W."""
    Z1, A1, W1, _, Z2, A2, W2, _, _, A3, W3, _ = cache
    return _backward(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, lambd=lambd)


def dropout_network_forward(X, parameters, masks, keep_prob):
    """(A3, cache) with the given dropout masks (D1, D2) applied to A1 and A2: the forward
    pass the hidden checks differentiate numerically with the learner's own masks."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    D1, D2 = masks
    Z1 = W1 @ X + b1
    A1 = nn.relu(Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = nn.relu(Z2) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = nn.sigmoid(Z3)
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Inverted dropout on the two hidden layers; masks drawn from NumPy's global generator,
    as the notebook's training expects (each call draws new masks)."""
    n1, n2, m = parameters["W1"].shape[0], parameters["W2"].shape[0], X.shape[1]
    masks = [(np.random.rand(n, m) < keep_prob).astype(int) for n in (n1, n2)]
    return dropout_network_forward(X, parameters, masks, keep_prob)


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """The gradients through the forward pass's own masks, dA scaled by 1 / keep_prob."""
    Z1, D1, A1, W1, _, Z2, D2, A2, W2, _, _, A3, W3, _ = cache
    return _backward(X, Y, Z1, A1, W1, Z2, A2, W2, A3, W3, masks=(D1, D2), keep_prob=keep_prob)


# ------------------------------------------------------------------- gradient checking
def forward_propagation(x, theta):
    """J(theta) = theta * x."""
    return theta * x


def backward_propagation(x, theta):
    """dJ/dtheta = x."""
    return x


def _difference(grad, gradapprox) -> float:
    return nn.relative_error(grad, gradapprox)


def gradient_check(x, theta, epsilon=EPSILON, print_msg=False):
    """The relative difference between backward_propagation and the two-sided difference."""
    gradapprox = (
        forward_propagation(x, theta + epsilon) - forward_propagation(x, theta - epsilon)
    ) / (2 * epsilon)
    difference = _difference(backward_propagation(x, theta), gradapprox)
    if print_msg:
        _report(difference)
    return difference


def _report(difference) -> None:
    if difference > DIFFERENCE_THRESHOLD:
        print(f"There is a mistake in the backward propagation: difference = {difference}")
    else:
        print(f"The backward propagation agrees with the numbers: difference = {difference}")


def dictionary_to_vector(parameters):
    """(theta, shapes): every parameter's entries in one column (n, 1), in the dict's order,
    and {key: shape} to undo it (provided)."""
    shapes = {key: np.shape(value) for key, value in parameters.items()}
    theta = np.concatenate([np.reshape(value, (-1, 1)) for value in parameters.values()])
    return theta, shapes


def vector_to_dictionary(theta, shapes):
    """The parameter dict back from the column theta (provided)."""
    parameters, start = {}, 0
    for key, shape in shapes.items():
        size = int(np.prod(shape))
        parameters[key] = theta[start : start + size].reshape(shape)
        start += size
    return parameters


def gradients_to_vector(gradients, shapes):
    """gradients["d" + key] for each key of shapes, in one column (provided)."""
    return np.concatenate([np.reshape(gradients["d" + key], (-1, 1)) for key in shapes])


def forward_propagation_n(X, Y, parameters):
    """(cost, cache) of the three-layer network, the cost as a float (provided)."""
    A3, cache = three_layer_forward(X, parameters)
    return compute_cost(A3, Y), cache


def backward_propagation_n(X, Y, cache):
    """The fixed version of the provided buggy backward pass: the plain gradients."""
    return three_layer_backward(X, Y, cache)


def gradient_check_n(parameters, gradients, X, Y, epsilon=EPSILON, print_msg=False):
    """The relative difference between ``gradients`` and two-sided differences of
    forward_propagation_n's cost, one parameter entry at a time."""
    theta, shapes = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients, shapes)
    gradapprox = np.zeros_like(theta)
    for i in range(theta.shape[0]):
        plus, minus = np.copy(theta), np.copy(theta)
        plus[i] += epsilon
        minus[i] -= epsilon
        J_plus, _ = forward_propagation_n(X, Y, vector_to_dictionary(plus, shapes))
        J_minus, _ = forward_propagation_n(X, Y, vector_to_dictionary(minus, shapes))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = _difference(grad, gradapprox)
    if print_msg:
        _report(difference)
    return difference
