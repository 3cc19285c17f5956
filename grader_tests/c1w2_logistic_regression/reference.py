"""Reference implementations of the graded functions of c1w2 (instructor-only; they run in
the checker, and answer the learner's calls of the functions ``ISOLATE`` names). Shapes:
``X`` is ``(n_x, m)``, ``Y`` is ``(1, m)``, ``w`` is ``(n_x, 1)``, ``b`` a number.
"""

import math

import numpy as np

from grader_tests.nn import (
    binary_cross_entropy,
    sigmoid,
    sigmoid_derivative,  # noqa: F401 - a graded function: nn's is the course's
    update_parameters,
)


def basic_sigmoid(x):
    """Sigmoid of one number, with math.exp."""
    return 1 / (1 + math.exp(-x))


def image2vector(image):
    """(length, height, depth) image -> column vector (length * height * depth, 1)."""
    return image.reshape(-1, 1)


def normalize_rows(x):
    """Divide each row of x by its Euclidean (L2) norm."""
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def softmax(x):
    """Row-wise softmax of an (m, n) array."""
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def L1(yhat, y):
    """L1 loss: sum of |y - yhat|."""
    return np.sum(np.abs(y - yhat))


def L2(yhat, y):
    """L2 loss: sum of (y - yhat) ** 2."""
    return np.sum((y - yhat) ** 2)


def initialize_with_zeros(dim):
    """w of zeros, shape (dim, 1), and b = 0.0."""
    return np.zeros((dim, 1)), 0.0


def propagate(w, b, X, Y):
    """Forward and backward pass: ({"dw": (n_x, 1), "db": number}, cost)."""
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    dw = X @ (A - Y).T / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": float(db)}, binary_cross_entropy(A, Y)


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent; the cost is recorded every 100 iterations, starting at 0."""
    params, costs = {"w": w, "b": b}, []
    for i in range(num_iterations):
        grads, cost = propagate(params["w"], params["b"], X, Y)
        params = update_parameters(params, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")
    return params, grads, costs


def predict(w, b, X):
    """0/1 labels, shape (1, m): 1 where sigmoid(w.T X + b) > 0.5."""
    A = sigmoid(w.T @ X + b)
    return (A > 0.5).astype(float)


def model(
    X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False
):
    """Train logistic regression from zeros and predict on both sets."""
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(
        w, b, X_train, Y_train, num_iterations, learning_rate, print_cost
    )
    w, b = params["w"], params["b"]
    return {
        "costs": costs,
        "Y_prediction_train": predict(w, b, X_train),  # first: a swap is named on this one
        "Y_prediction_test": predict(w, b, X_test),
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }
