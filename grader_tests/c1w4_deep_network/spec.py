"""The spec of c1w4: public examples and planted mistakes (with their hints) of every graded item.

``python -m grader_tests.spec c1w4_deep_network`` turns it into
``helpers/checks/data/c1w4_deep_network.json`` (see ``grader_tests/spec.py``). Each planted
mistake is the notebook's own solution cell (``source/``) with a few pieces of text changed,
written next to its hint.

Two kinds of items do not fit the example pattern, and ``extra`` stores what their public
checks need: the initializers draw random weights, so their results are compared by what
``helpers.checks.c1w4.describe`` says about them (for the reference and for every planted
mistake); the two models start from fixed parameters (the reference initializers' numbers),
which the public check hands to the learner's model in place of the learner's initializer.
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec, planted, solution_cells
from helpers.checks.c1w4 import describe

from . import ISOLATE, reference

A = np.array
ASSIGNMENT = "c1w4_deep_network"

# ---------------------------------------------------------------------- public examples
SHALLOW_SIZES = [(3, 2, 1), (300, 40, 1)]  # the second one wide enough to measure the spread
DEEP_DIMS = [[5, 4, 3], [4, 1], [300, 40, 20, 1]]
LAYER = (A([[1.0, -2.0], [0.5, 1.5], [-1.0, 0.25]]), A([[0.2, -0.4, 0.1], [0.5, 0.3, -0.6]]))
ACTIVATION_LAYER = (
    A([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]),
    A([[0.8, -0.3], [-0.5, 1.2], [0.25, 0.6]]),
)
X3 = A([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]])  # a network of 3 layers (2 -> 3 -> 2 -> 1)
PARAMETERS3 = {
    "W1": A([[0.6, -0.4], [-0.3, 0.8], [0.5, 0.2]]),
    "b1": A([[0.1], [-0.15], [0.05]]),
    "W2": A([[0.7, -0.5, 0.3], [-0.2, 0.4, 0.9]]),
    "b2": A([[-0.05], [0.1]]),
    "W3": A([[1.2, -0.8]]),
    "b3": A([[0.2]]),
}
COST = (A([[0.7, 0.2, 0.9, 0.35]]), A([[1.0, 0.0, 1.0, 1.0]]))
DZ, A_PREV = (
    A([[0.3, -0.2, 0.5, 0.1], [-0.4, 0.6, 0.2, -0.1]]),
    A([[1.0, -0.5, 0.2, 2.0], [0.5, 1.0, -1.5, 0.3], [-0.2, 0.8, 0.6, -1.0]]),
)
BACKWARD_LAYER = (A([[0.4, -0.7, 0.2], [0.1, 0.5, -0.3]]), A([[0.05], [-0.02]]))
DA, A_PREV3 = (
    A([[0.5, -1.0, 0.8], [-0.3, 0.6, 1.2]]),
    A([[1.0, -0.5, 0.5], [0.2, 1.5, -1.0], [-0.8, 0.4, 2.0]]),
)
W23, B2 = A([[0.6, -0.2, 0.3], [-0.4, 0.5, 0.1]]), A([[0.1], [-0.2]])
UPDATE = (
    {
        "W1": A([[0.5, -0.2, 0.1], [-0.3, 0.8, 0.4]]),
        "b1": A([[0.05], [-0.1]]),
        "W2": A([[0.9, -0.6]]),
        "b2": A([[0.2]]),
    },
    {
        "dW1": A([[0.1, 0.2, -0.3], [-0.05, 0.4, 0.25]]),
        "db1": A([[0.02], [-0.04]]),
        "dW2": A([[-0.5, 0.3]]),
        "db2": A([[0.15]]),
        "dA1": A([[0.3, -0.1], [0.2, 0.4]]),
        "dA0": A([[0.1, 0.2], [-0.2, 0.05], [0.3, -0.3]]),
    },
    0.1,
)
MODEL_DATA = (
    A(
        [
            [1.0, -0.5, 2.0, 0.3, -1.2, 0.8],
            [0.5, 1.5, -1.0, -0.7, 0.4, 1.1],
            [-0.3, 0.2, 0.6, 1.4, -0.9, -0.4],
        ]
    ),
    A([[1.0, 0.0, 1.0, 1.0, 0.0, 0.0]]),
)
# 151 iterations: a last cost apart from the 100s; learning rates other than the default
MODELS = {"two_layer_model": ((3, 4, 1), 0.05), "L_layer_model": ([3, 4, 3, 1], 0.1)}
ITERATIONS = 151
# What each model calls, in the order a learner meets them. Not the initializers: the model
# checks start from fixed parameters instead (see helpers/checks/c1w4.py), so a wrong
# initializer cannot change what they see; it fails its own check only.
PROVIDED = ("sigmoid", "relu", "sigmoid_backward", "relu_backward")  # given, not graded
MODEL_CALLS = {
    model: tuple(n for n in ISOLATE[model] if n not in PROVIDED and not n.startswith("initialize"))
    for model in ("two_layer_model", "L_layer_model")
}


def _functions() -> list[Function]:
    network = "for a network of 3 layers (2 -> 3 -> 2 -> 1)"
    AL3, caches3 = reference.L_model_forward(X3, PARAMETERS3)
    cache = ((A_PREV3, W23, B2), W23 @ A_PREV3 + B2)
    models = {
        name: Example(
            f"{name}(X, Y, {dims}, learning_rate={rate}, num_iterations={ITERATIONS})",
            (*MODEL_DATA, dims),
            {"learning_rate": rate, "num_iterations": ITERATIONS, "print_cost": False},
        )
        for name, (dims, rate) in MODELS.items()
    }
    return [
        Function(
            "linear_forward",
            (
                Example(
                    "linear_forward(A, W, b) for A of shape (3, 2), W (2, 3), b (2, 1)",
                    (*LAYER, A([[0.1], [-0.2]])),
                ),
            ),
            ("Z", "cache"),
        ),
        Function(
            "linear_activation_forward",
            tuple(
                Example(
                    f'linear_activation_forward(A_prev, W, b, "{g}")',
                    (*ACTIVATION_LAYER, A([[-0.1], [0.2], [0.05]]), g),
                )
                for g in ("sigmoid", "relu")
            ),
            ("A", "cache"),
            ("linear_forward",),
        ),
        Function(
            "L_model_forward",
            (Example(f"L_model_forward(X, parameters) {network}", (X3, PARAMETERS3)),),
            ("AL", "caches"),
            ("linear_activation_forward", "linear_forward"),
        ),
        Function(
            "compute_cost",
            (
                Example(
                    f"compute_cost(AL, Y) for AL = {COST[0].tolist()}, Y = {COST[1].tolist()}", COST
                ),
            ),
        ),
        Function(
            "linear_backward",
            (
                Example(
                    "linear_backward(dZ, (A_prev, W, b)) for dZ (2, 4), A_prev (3, 4), W (2, 3)",
                    (DZ, (A_PREV, *BACKWARD_LAYER)),
                ),
            ),
            ("dA_prev", "dW", "db"),
        ),
        Function(
            "linear_activation_backward",
            tuple(
                Example(f'linear_activation_backward(dA, cache, "{g}")', (DA, cache, g))
                for g in ("relu", "sigmoid")
            ),
            ("dA_prev", "dW", "db"),
            ("linear_backward",),
        ),
        Function(
            "L_model_backward",
            (
                Example(
                    f"L_model_backward(AL, Y, caches) {network}",
                    (AL3, A([[1.0, 0.0, 1.0]]), caches3),
                ),
            ),
            calls=("linear_activation_backward", "linear_backward"),
        ),
        Function(
            "update_parameters",
            (
                Example(
                    "update_parameters(parameters, grads, learning_rate=0.1) for 2 layers", UPDATE
                ),
            ),
        ),
        *(
            Function(name, (example,), ("parameters", "costs"), MODEL_CALLS[name])
            for name, example in models.items()
        ),
    ]


# ----------------------------------------------------------------------- planted mistakes
SOLUTIONS = solution_cells(ASSIGNMENT)


def _mistakes(function: str, *rows) -> list[Mistake]:
    """The planted mistakes of ``function``: rows (key suffix, hint, {text: changed text}),
    each the notebook's solution cell with these changes, as a learner might write it."""
    mistakes = []
    for key, hint, changes in rows:
        source = SOLUTIONS[function]
        for old, new in changes.items():
            if old not in source:
                raise ValueError(f"{function}_{key}: {old!r} is not in the solution cell")
            source = source.replace(old, new)
        mistakes.append(Mistake(f"{function}_{key}", function, hint, source))
    return mistakes


def _initializer_rows(deep: bool) -> list[tuple]:
    """The mistakes both initializers share (each with the weights the notebook asks for)."""
    if deep:
        ask = "np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])"
        W = "np.random.randn(n_l, n_prev) / np.sqrt(n_prev)"
        weights = {
            n: {W: v}
            for n, v in (
                ("zero", "np.zeros((n_l, n_prev))"),
                ("constant", "np.full((n_l, n_prev), 1 / np.sqrt(n_prev))"),
                ("transposed", "np.random.randn(n_prev, n_l) / np.sqrt(n_prev)"),
            )
        }
        biases = {
            n: {"np.zeros((n_l, 1))": v}
            for n, v in (("1d", "np.zeros(n_l)"), ("random", "np.random.randn(n_l, 1) * 0.01"))
        }
    else:
        ask = "np.random.randn(rows, columns) * 0.01"
        W1, W2 = "np.random.randn(n_h, n_x) * 0.01", "np.random.randn(n_y, n_h) * 0.01"
        weights = {
            "zero": {W1: "np.zeros((n_h, n_x))", W2: "np.zeros((n_y, n_h))"},
            "constant": {W1: "np.full((n_h, n_x), 0.01)", W2: "np.full((n_y, n_h), 0.01)"},
            "transposed": {
                W1: "np.random.randn(n_x, n_h) * 0.01",
                W2: "np.random.randn(n_h, n_y) * 0.01",
            },
        }
        b1, b2 = "np.zeros((n_h, 1))", "np.zeros((n_y, 1))"
        biases = {
            "1d": {b1: "np.zeros(n_h)", b2: "np.zeros(n_y)"},
            "random": {b1: "np.random.randn(n_h, 1) * 0.01", b2: "np.random.randn(n_y, 1) * 0.01"},
        }
    return [
        (
            "zeros",
            "the weights are all zero: every unit of a layer would then compute the same thing "
            "and get the same gradient, so the units would stay equal. Draw the weights at "
            "random: " + ask + ".",
            weights["zero"],
        ),
        (
            "constant",
            "every weight has the same value, so the units of a layer stay equal: draw the "
            "weights at random, " + ask + ".",
            weights["constant"],
        ),
        (
            "W_transposed",
            "a weight matrix has shape (units of this layer, units of the layer before): W1 is "
            "(n_h, n_x) and W2 is (n_y, n_h); in a deep network W{l} is (layer_dims[l], "
            "layer_dims[l - 1]).",
            weights["transposed"],
        ),
        (
            "b_1d",
            "b should be a column of zeros, shape (n, 1): np.zeros((n, 1)), not np.zeros(n).",
            biases["1d"],
        ),
        ("b_random", "b starts at zero: np.zeros((n, 1)).", biases["random"]),
    ]


def _model_rows(name: str) -> list[tuple]:
    """The mistakes both models share."""
    AL = "A2" if name == "two_layer_model" else "AL"
    update = "parameters = update_parameters(parameters, grads, learning_rate)"
    return [
        (
            "costs_every_iteration",
            "record the cost only every 100 iterations (when i % 100 == 0) and at the last one, "
            "not at every iteration.",
            {"if i % 100 == 0 or i == num_iterations - 1:": "if True:"},
        ),
        (
            "fixed_learning_rate",
            "the steps do not follow the learning_rate argument: pass learning_rate on to "
            "update_parameters.",
            {update: "parameters = update_parameters(parameters, grads, 0.0075)"},
        ),
        (
            "not_assigned",
            "the parameters did not change: update_parameters returns the new parameters, so "
            "assign them: parameters = update_parameters(parameters, grads, learning_rate).",
            {update: "update_parameters(parameters, grads, learning_rate)"},
        ),
        (
            "cost_arguments",
            f"costs[0] is the cost of the starting parameters: compute_cost({AL}, Y) (the "
            "probabilities first, then the labels) after the first forward pass, before the "
            "first update.",
            {f"compute_cost({AL}, Y)": f"compute_cost(Y, {AL})"},
        ),
    ]


W_T_FORWARD = (
    "Z = W A + b, without transposing: W has shape (n_l, n_{l-1}) and A has shape (n_{l-1}, m), "
    "so W A has shape (n_l, m)."
)
W_T_BACKWARD = (
    "dA_prev = W.T dZ: W has shape (n_l, n_{l-1}) and dZ has shape (n_l, m), so W.T dZ has the "
    "shape of A_prev, (n_{l-1}, m)."
)
NO_M = "dW and db are averages over the m examples: divide by m."
DB_AXIS = (
    "db sums dZ over the examples, which are the columns: np.sum(dZ, axis=1, keepdims=True) / m."
)
L_LEN = (
    "parameters holds two entries per layer (W and b), so the number of layers is L = "
    "len(parameters) // 2."
)
CROSS_ENTROPY = "-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m"
SIGMOID_RELU = "A, activation_cache = sigmoid(Z)\n    else:\n        A, activation_cache = relu(Z)"

MISTAKES = [
    *_mistakes(
        "initialize_parameters",
        *_initializer_rows(deep=False),
        (
            "no_scale",
            "the weights are too large (standard deviation about 1): multiply "
            "np.random.randn(...) by 0.01.",
            {"(n_h, n_x) * 0.01": "(n_h, n_x)", "(n_y, n_h) * 0.01": "(n_y, n_h)"},
        ),
    ),
    *_mistakes(
        "initialize_parameters_deep",
        *_initializer_rows(deep=True),
        (
            "no_scale",
            "the weights are too large (standard deviation about 1): divide "
            "np.random.randn(layer_dims[l], layer_dims[l - 1]) by np.sqrt(layer_dims[l - 1]).",
            {" / np.sqrt(n_prev)": ""},
        ),
        (
            "small",
            "the weights are scaled by 0.01, as in the two-layer initializer, but a deep network "
            "needs np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - "
            "1]). With tiny weights the signal shrinks at every layer: the output is about 0.5 "
            "whatever the input, the gradients that flow back vanish, and learning stalls (part "
            "2's four-layer network would stay near a cost of 0.64 and label only about a third "
            "of the test pictures correctly).",
            {" / np.sqrt(n_prev)": " * 0.01"},
        ),
        (
            "missing_last",
            "the last layer's W and b are missing: the loop must cover every layer, for l in "
            "range(1, len(layer_dims)).",
            {"range(1, L + 1)": "range(1, L)"},
        ),
        (
            "from_0",
            "layers are numbered from 1: the first weights are W1 (layer 0 is the input, which "
            "has no parameters).",
            {
                "range(1, L + 1)": "range(L)",
                "layer_dims[l], layer_dims[l - 1]": "layer_dims[l + 1], layer_dims[l]",
            },
        ),
    ),
    *_mistakes(
        "linear_forward",
        ("no_b", "Z = W A + b: did you leave out b?", {"W @ A + b": "np.dot(W, A)"}),
        ("W_transposed", W_T_FORWARD, {"W @ A + b": "np.dot(W.T, A) + b"}),
        ("W_transposed_matmul", W_T_FORWARD, {"W @ A + b": "W.T @ A + b"}),
        (
            "cache_order",
            "the cache should be the tuple (A, W, b), in this order: the inputs, kept for the "
            "backward pass.",
            {"cache = (A, W, b)": "cache = (W, A, b)"},
        ),
    ),
    *_mistakes(
        "linear_activation_forward",
        (
            "swapped",
            'the activations are swapped: "sigmoid" applies sigmoid(Z) and "relu" applies relu(Z).',
            {
                SIGMOID_RELU: SIGMOID_RELU.replace("sigmoid(Z)", "?")
                .replace("relu(Z)", "sigmoid(Z)")
                .replace("?", "relu(Z)")
            },
        ),
        (
            "cache_flat",
            "the cache should be (linear_cache, activation_cache) = ((A_prev, W, b), Z): the "
            "cache linear_forward returns, then the cache the activation returns.",
            {"cache = (linear_cache, activation_cache)": "cache = (A_prev, W, b, Z)"},
        ),
        (
            "cache_swapped",
            "the two parts of the cache are in the wrong order: cache = (linear_cache, "
            "activation_cache), that is ((A_prev, W, b), Z).",
            {
                "cache = (linear_cache, activation_cache)": "cache = (activation_cache, "
                "linear_cache)"
            },
        ),
        (
            "cache_A",
            "the activation cache should be Z, the second value that sigmoid(Z) or relu(Z) "
            "returns, not A.",
            {"cache = (linear_cache, activation_cache)": "cache = (linear_cache, A)"},
        ),
    ),
    *_mistakes(
        "L_model_forward",
        (
            "output_relu",
            'the output layer uses "sigmoid": layers 1 .. L-1 use "relu", then layer L uses '
            '"sigmoid" so that AL holds probabilities.',
            {'str(L)], "sigmoid"': 'str(L)], "relu"'},
        ),
        (
            "all_sigmoid",
            'the hidden layers 1 .. L-1 use "relu"; only the output layer L uses "sigmoid".',
            {'str(l)], "relu"': 'str(l)], "sigmoid"'},
        ),
        ("L_len", L_LEN, {"L = len(parameters) // 2": "L = len(parameters)"}),
        (
            "caches_missing_last",
            "caches should hold one cache per layer, L in all: append the output layer's cache "
            "too.",
            {"    caches.append(cache)\n    ### END": "    ### END"},
        ),
    ),
    *_mistakes(
        "compute_cost",
        (
            "sign",
            "the cost has the wrong sign: it is minus the mean of Y log(AL) + (1 - Y) log(1 - AL).",
            {CROSS_ENTROPY: CROSS_ENTROPY[1:]},
        ),
        (
            "no_m",
            "you forgot to divide by m (the number of examples).",
            {CROSS_ENTROPY: CROSS_ENTROPY[:-4]},
        ),
        (
            "no_m_sign",
            "you forgot to divide by m (the number of examples), and the sign is wrong: the cost "
            "is minus the mean of Y log(AL) + (1 - Y) log(1 - AL).",
            {CROSS_ENTROPY: CROSS_ENTROPY[1:-4]},
        ),
        (
            "one_term",
            "the cross-entropy has two terms: Y log(AL) + (1 - Y) log(1 - AL), averaged over the "
            "examples.",
            {CROSS_ENTROPY: "-np.sum(Y * np.log(AL)) / m"},
        ),
    ),
    *_mistakes(
        "linear_backward",
        ("W_not_transposed", W_T_BACKWARD, {"W.T @ dZ": "np.dot(W, dZ)"}),
        ("W_not_transposed_matmul", W_T_BACKWARD, {"W.T @ dZ": "W @ dZ"}),
        ("dW_no_m", NO_M, {"dZ @ A_prev.T / m": "dZ @ A_prev.T"}),
        ("db_no_m", NO_M, {"keepdims=True) / m": "keepdims=True)"}),
        ("db_axis0", DB_AXIS, {"axis=1": "axis=0"}),
        ("db_everything", DB_AXIS, {"np.sum(dZ, axis=1, keepdims=True)": "np.sum(dZ)"}),
        (
            "db_no_keepdims",
            "db should be a column of shape (n_l, 1), like b: keep the summed axis with "
            "keepdims=True.",
            {", keepdims=True": ""},
        ),
        (
            "dW_transposed",
            "dW = dZ A_prev.T / m has the shape of W, (n_l, n_{l-1}); A_prev dZ.T is its "
            "transpose.",
            {"dZ @ A_prev.T": "A_prev @ dZ.T"},
        ),
        (
            "dA_prev_m",
            "dA_prev = W.T dZ has no 1/m: only dW and db are divided by m.",
            {"W.T @ dZ": "W.T @ dZ / m"},
        ),
    ),
    *_mistakes(
        "linear_activation_backward",
        (
            "relu_uses_sigmoid",
            'for "relu" you used the sigmoid\'s derivative: dZ = relu_backward(dA, '
            "activation_cache).",
            {"relu_backward(dA,": "sigmoid_backward(dA,"},
        ),
        (
            "sigmoid_uses_relu",
            'for "sigmoid" you used relu\'s derivative: dZ = sigmoid_backward(dA, '
            "activation_cache).",
            {"sigmoid_backward(dA,": "relu_backward(dA,"},
        ),
        (
            "no_derivative",
            "dA must first go through the derivative of the activation (relu_backward or "
            "sigmoid_backward, with the activation cache Z); then linear_backward(dZ, "
            "linear_cache).",
            {
                "relu_backward(dA, activation_cache)": "dA",
                "sigmoid_backward(dA, activation_cache)": "dA",
            },
        ),
    ),
    *_mistakes(
        "L_model_backward",
        (
            "dAL_sign",
            "dAL has the wrong sign: dAL = -(Y / AL - (1 - Y) / (1 - AL)).",
            {
                "-(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))": "np.divide(Y, AL) - np.divide(1 "
                "- Y, 1 - AL)"
            },
        ),
        (
            "output_relu",
            'the output layer L is a sigmoid unit: its backward step uses "sigmoid"; the layers '
            'L-1 down to 1 use "relu".',
            {'caches[L - 1], "sigmoid"': 'caches[L - 1], "relu"'},
        ),
        (
            "missing_first",
            "the loop over the hidden layers stops too early: it must go from l = L-1 down to 1 "
            '(for l in reversed(range(L - 1)), with caches[l] and grads["dA" + str(l + 1)]).',
            {"range(L - 1, 0, -1)": "range(L - 1, 1, -1)"},
        ),
        (
            "caches_l",
            "layer l's cache is caches[l - 1]: the list starts at index 0 with layer 1's cache "
            "(and caches[L - 1] is the output layer's).",
            {'caches[l - 1], "relu"': 'caches[l], "relu"'},
        ),
        (
            "keys_shifted",
            "layer l's backward step gives the gradient of A_{l-1}, its input: store it as "
            'grads["dA" + str(l - 1)], from dA0 (the input X) up to dA{L-1}.',
            {
                'grads["dA" + str(L - 1)]': 'grads["dA" + str(L)]',
                'grads["dA" + str(l)], caches': 'grads["dA" + str(l + 1)], caches',
                'grads["dA" + str(l - 1)] = ': 'grads["dA" + str(l)] = ',
            },
        ),
    ),
    *_mistakes(
        "update_parameters",
        (
            "plus",
            "gradient descent subtracts the gradient: W = W - learning_rate * dW (and the same "
            "for b).",
            {"- learning_rate": "+ learning_rate"},
        ),
        (
            "missing_last",
            "the last layer was not updated: loop over every layer, l = 1 .. L (range(1, L + 1)).",
            {"range(1, L + 1)": "range(1, L)"},
        ),
        (
            "missing_first",
            "this parameter was not updated: loop over every layer, l = 1 .. L.",
            {"range(1, L + 1)": "range(2, L + 1)"},
        ),
        (
            "b_not_updated",
            "b was not updated: each layer's b takes a step too, b = b - learning_rate * db, "
            "like its W.",
            {
                '        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * '
                'grads["db" + str(l)]\n': ""
            },
        ),
        ("L_len", L_LEN, {"L = len(parameters) // 2": "L = len(parameters)"}),
        (
            "fixed_rate",
            "the step does not follow the learning_rate argument: W = W - learning_rate * dW, "
            "with the learning_rate the function was given.",
            {"learning_rate * grads": "0.0075 * grads"},
        ),
    ),
    *_mistakes(
        "two_layer_model",
        (
            "dA2_sign",
            "the parameters moved uphill, so the cost grows: check the sign of dA2 = "
            "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)).",
            {
                "-(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))": "np.divide(Y, A2) - np.divide(1 "
                "- Y, 1 - A2)"
            },
        ),
        *_model_rows("two_layer_model"),
    ),
    *_mistakes(
        "L_layer_model",
        (
            "uphill",
            "the parameters moved uphill, so the cost grows: update_parameters already subtracts "
            "learning_rate times the gradient, so pass learning_rate as it is.",
            {"grads, learning_rate)": "grads, -learning_rate)"},
        ),
        *_model_rows("L_layer_model"),
        (
            "dims_shifted",
            "the parameters do not fit X: initialize them from the whole layers_dims, whose first "
            "entry is the number of rows of X.",
            {"(layers_dims)": "(layers_dims[1:])"},
        ),
    ),
]


# --------------------------------------------------------------------------------- extra
def _initializers() -> dict:
    """For each initializer and public example: what describe() says about the reference's
    result and about each planted mistake's (drawn from a fixed seed)."""
    cases = {
        "initialize_parameters": [(sizes, list(sizes)) for sizes in SHALLOW_SIZES],
        "initialize_parameters_deep": [((list(dims),), list(dims)) for dims in DEEP_DIMS],
    }
    saved, data = np.random.get_state(), {}
    try:
        for name, examples in cases.items():
            lax, data[name] = name == "initialize_parameters", []  # any small spread for two layers
            for args, dims in examples:
                np.random.seed(0)
                wrong = {
                    m.key: describe(planted(SPEC, m.key)(*args), dims, lax=lax)
                    for m in SPEC.mistakes_of(name)
                }
                expected = describe(getattr(reference, name)(*args), dims, lax=lax)
                label = f"{name}({', '.join(map(str, args))})"
                data[name].append(
                    {
                        "label": label,
                        "args": list(args),
                        "dims": dims,
                        "lax": lax,
                        "expected": expected,
                        "mistakes": wrong,
                    }
                )
    finally:
        np.random.set_state(saved)
    return data


def _starts() -> dict:
    """The parameters the public checks hand to the learner's model in place of its
    initializer: the reference initializers' (deterministic) numbers."""
    two, deep = MODELS["two_layer_model"][0], MODELS["L_layer_model"][0]
    return {
        "two_layer_model": reference.initialize_parameters(*two),
        "L_layer_model": reference.initialize_parameters_deep(deep),
    }


SPEC = WeekSpec(
    assignment=ASSIGNMENT,
    functions=_functions(),
    mistakes=MISTAKES,
    extra={"initializers": _initializers, "starts": _starts},
)
