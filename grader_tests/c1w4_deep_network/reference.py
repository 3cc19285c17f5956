"""Reference versions of the graded (and provided) functions of c1w4 (instructor-only; they
run in the checker, and answer the learner's calls of the functions ``ISOLATE`` names): the
building blocks of ``grader_tests.nn`` under the notebook's names, the L-layer passes and the
two models.

The two initializers are deterministic (``nn.GRADER_SEED``), unlike the learner's: standing in
for them, they make two_layer_model and L_layer_model comparable exactly with the reference.
"""

from grader_tests.nn import binary_cross_entropy as compute_cost
from grader_tests.nn import binary_cross_entropy_gradient as _loss_gradient
from grader_tests.nn import (  # noqa: F401 - the notebook's names, for ISOLATE and the spec
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    relu_backward,
    sigmoid_backward,
    update_parameters,
)
from grader_tests.nn import relu_forward as relu  # noqa: F401
from grader_tests.nn import sigmoid_forward as sigmoid  # noqa: F401


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


def L_model_backward(AL, Y, caches):
    """grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] for l = 1 .. L."""
    grads = {}
    L = len(caches)
    dA = _loss_gradient(AL, Y)
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)] = dA
        grads["dW" + str(l)] = dW
        grads["db" + str(l)] = db
    return grads


def _train(X, Y, parameters, learning_rate, num_iterations, print_cost):
    """Gradient descent from ``parameters``; the cost every 100 iterations and at the last."""
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """LINEAR -> RELU -> LINEAR -> SIGMOID (the same numbers as the notebook's layer by layer
    version)."""
    start = initialize_parameters(*layers_dims)
    return _train(X, Y, start, learning_rate, num_iterations, print_cost)


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID."""
    start = initialize_parameters_deep(layers_dims)
    return _train(X, Y, start, learning_rate, num_iterations, print_cost)
