"""The spec of c2w1: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c2w1_practical_aspects`` turns it into ``helpers/checks/data/c2w1_practical_aspects.json``.

Three kinds of results cannot be compared number for number, so their checks (in
``helpers/checks/c2w1.py``) compare what matters, with the data this spec computes for them
(``SPEC.extra``):

- the random initializers: keys, shapes, zero biases and the spread of the weights
  (``helpers.checks.c2w1.describe``) of the reference and of every planted mistake;
- dropout: the masks are the learner's own draws, so the check reads them from the cache and
  checks what inverted dropout must do with them; the exact example uses keep_prob = 1;
- a gradient check on right gradients returns rounding noise (about 1e-8 or less): it is
  checked against the threshold 2e-7, and number for number only on wrong gradients.
"""

from __future__ import annotations

import numpy as np

from grader_tests import nn
from grader_tests.spec import Example, Function, Mistake, WeekSpec, planted, run
from grader_tests.spec import function_source as _function
from helpers.checks.c2w1 import describe

from . import ISOLATE
from . import reference as ref

ASSIGNMENT = "c2w1_practical_aspects"
_RNG = np.random.default_rng(2024)


def _network(dims, m, scale=1.0):
    """Fixed parameters (drawn once, from the spec's own seed), X of shape (dims[0], m) and
    0/1 labels Y: small numbers typed by no one."""
    parameters = nn.xavier(dims, rng=_RNG)
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = np.round(parameters[f"W{l}"] * scale, 3)
        parameters[f"b{l}"] = np.round(_RNG.normal(0, 0.1, size=(dims[l], 1)), 3)
    X = np.round(_RNG.normal(size=(dims[0], m)), 3)
    Y = (np.arange(m) % 3 != 1).astype(float).reshape(1, m)
    return parameters, X, Y


PARAMETERS, X, Y = _network([3, 4, 3, 1], 5)  # the week's 3-layer network, 5 examples
_, CACHE = ref.three_layer_forward(X, PARAMETERS)
# dropout masks of the backward example: fixed 0/1 numbers, every unit of one example kept
D1 = (_RNG.random((4, 5)) < 0.7).astype(int)
D2 = (_RNG.random((3, 5)) < 0.7).astype(int)
D1[:, 0] = D2[:, 0] = 1
_, DROPOUT_CACHE = ref.dropout_network_forward(X, PARAMETERS, (D1, D2), 0.7)
# gradient checking: a network of 4 -> 5 -> 3 -> 1 on 3 examples, its gradients right and wrong
PARAMETERS_N, X_N, Y_N = _network([4, 5, 3, 1], 3)
GRADIENTS_N = ref.backward_propagation_n(
    X_N, Y_N, ref.forward_propagation_n(X_N, Y_N, PARAMETERS_N)[1]
)
WRONG_GRADIENTS_N = dict(GRADIENTS_N, dW2=2 * GRADIENTS_N["dW2"], db1=4 * GRADIENTS_N["db1"])

# the random initializers are called with these sizes: the weight matrices are large enough
# to measure their spread (describe); the zeros initializer with small ones (exact values)
SPREAD_DIMS = {
    "initialize_parameters_random": [[300, 200, 50, 1]],
    "initialize_parameters_he": [[400, 300, 100, 1]],
}


def _layers(dims) -> Example:
    return Example(f"initialize_parameters_zeros({dims})", (dims,))


FUNCTIONS = [
    Function("initialize_parameters_zeros", (_layers([3, 2, 1]), _layers([4, 5, 3, 1]))),
    Function("initialize_parameters_random"),
    Function("initialize_parameters_he"),
    Function(
        "compute_cost_with_regularization",
        tuple(
            Example(
                f"compute_cost_with_regularization(A3, Y, parameters, lambd={lambd}) for "
                "a network of 3 -> 4 -> 3 -> 1 and 5 examples",
                (CACHE[9], Y, PARAMETERS, lambd),
            )
            for lambd in (0.7, 0.1)
        ),
    ),
    Function(
        "backward_propagation_with_regularization",
        (
            Example(
                "backward_propagation_with_regularization(X, Y, cache, lambd=0.7) for a "
                "network of 3 -> 4 -> 3 -> 1 and 5 examples: gradients",
                (X, Y, CACHE, 0.7),
            ),
        ),
    ),
    Function(
        "forward_propagation_with_dropout",
        (
            Example(
                "forward_propagation_with_dropout(X, parameters, keep_prob=1.0) (every unit "
                "kept) for a network of 3 -> 4 -> 3 -> 1 and 5 examples",
                (X, PARAMETERS),
                {"keep_prob": 1.0},
            ),
        ),
        parts=("A3", "cache"),
    ),
    Function(
        "backward_propagation_with_dropout",
        (
            Example(
                "backward_propagation_with_dropout(X, Y, cache, keep_prob=0.7) for a network "
                "of 3 -> 4 -> 3 -> 1, 5 examples and the masks D1, D2 in the cache: gradients",
                (X, Y, DROPOUT_CACHE, 0.7),
            ),
        ),
    ),
    Function(
        "forward_propagation",
        (
            Example("forward_propagation(x=2, theta=4)", (2, 4)),
            Example("forward_propagation(x=-1.5, theta=3.0)", (-1.5, 3.0)),
        ),
    ),
    Function(
        "backward_propagation",
        (
            Example("backward_propagation(x=2, theta=4)", (2, 4)),
            Example("backward_propagation(x=-1.5, theta=3.0)", (-1.5, 3.0)),
        ),
    ),
    Function("gradient_check", calls=tuple(ISOLATE["gradient_check"])),
    Function(
        "gradient_check_n",
        (
            Example(
                "gradient_check_n(parameters, gradients, X, Y) with wrong gradients (dW2 "
                "doubled, db1 four times too large) for a network of 4 -> 5 -> 3 -> 1",
                (PARAMETERS_N, WRONG_GRADIENTS_N, X_N, Y_N),
            ),
        ),
    ),
    Function(
        "backward_propagation_n",
        (
            Example(
                "backward_propagation_n(X, Y, cache) for a network of 3 -> 4 -> 3 -> 1 and 5 "
                "examples: gradients",
                (X, Y, CACHE),
            ),
        ),
    ),
]


# --------------------------------------------------------------------- mistakes' sources


def _initializer(name, W, b="np.zeros((layers_dims[l], 1))", loop="range(1, L + 1)"):
    return _function(
        f"{name}(layers_dims)",
        f"""
parameters = {{}}
L = len(layers_dims) - 1
for l in {loop}:
    parameters["W" + str(l)] = {W}
    parameters["b" + str(l)] = {b}
return parameters
""",
    )


RANDN = "np.random.randn(layers_dims[l], layers_dims[l - 1])"


def _cost_reg(
    penalty="lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2)) "
    "+ np.sum(np.square(W3)))",
    total="cross_entropy_cost + L2_regularization_cost",
):
    return _function(
        "compute_cost_with_regularization(A3, Y, parameters, lambd)",
        f"""
m = Y.shape[1]
W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
cross_entropy_cost = compute_cost(A3, Y)
L2_regularization_cost = {penalty}
return {total}
""",
    )


_GRADIENT_KEYS = (
    '{"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,\n'
    '        "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}'
)


def _backward(header, unpack, da2="np.dot(W3.T, dZ3)", da1="np.dot(W2.T, dZ2)", **lines):
    """A backward pass of the three-layer network with some lines replaced (dw3, db3, dw2,
    db2, dw1, db1)."""
    line = {
        "dw3": "1.0 / m * np.dot(dZ3, A2.T)",
        "db3": "1.0 / m * np.sum(dZ3, axis=1, keepdims=True)",
        "dw2": "1.0 / m * np.dot(dZ2, A1.T)",
        "db2": "1.0 / m * np.sum(dZ2, axis=1, keepdims=True)",
        "dw1": "1.0 / m * np.dot(dZ1, X.T)",
        "db1": "1.0 / m * np.sum(dZ1, axis=1, keepdims=True)",
        **lines,
    }
    return _function(
        header,
        f"""
m = X.shape[1]
{unpack}
dZ3 = A3 - Y
dW3 = {line["dw3"]}
db3 = {line["db3"]}
dA2 = {da2}
dZ2 = np.multiply(dA2, np.int64(A2 > 0))
dW2 = {line["dw2"]}
db2 = {line["db2"]}
dA1 = {da1}
dZ1 = np.multiply(dA1, np.int64(A1 > 0))
dW1 = {line["dw1"]}
db1 = {line["db1"]}
return {_GRADIENT_KEYS}
""",
    )


PLAIN_CACHE = "(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache"
DROPOUT_CACHE_UNPACK = "(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache"


def _backward_reg(**lines):
    reg = {
        "dw3": "1.0 / m * np.dot(dZ3, A2.T) + lambd / m * W3",
        "dw2": "1.0 / m * np.dot(dZ2, A1.T) + lambd / m * W2",
        "dw1": "1.0 / m * np.dot(dZ1, X.T) + lambd / m * W1",
    }
    return _backward(
        "backward_propagation_with_regularization(X, Y, cache, lambd)",
        PLAIN_CACHE,
        **{**reg, **lines},
    )


def _backward_dropout(
    da2="np.dot(W3.T, dZ3) * D2 / keep_prob", da1="np.dot(W2.T, dZ2) * D1 / keep_prob"
):
    return _backward(
        "backward_propagation_with_dropout(X, Y, cache, keep_prob)",
        DROPOUT_CACHE_UNPACK,
        da2=da2,
        da1=da1,
    )


def _forward_dropout(
    d1="np.random.rand(A1.shape[0], A1.shape[1])",
    d1_test="(D1 < keep_prob).astype(int)",
    a1="A1 * D1 / keep_prob",
    a2="A2 * D2 / keep_prob",
    a3="1 / (1 + np.exp(-Z3))",
    cache="(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)",
):
    d2 = d1.replace("A1", "A2")
    return _function(
        "forward_propagation_with_dropout(X, parameters, keep_prob=0.5)",
        f"""
np.random.seed(1)
W1, b1 = parameters["W1"], parameters["b1"]
W2, b2 = parameters["W2"], parameters["b2"]
W3, b3 = parameters["W3"], parameters["b3"]
Z1 = np.dot(W1, X) + b1
A1 = np.maximum(0, Z1)
D1 = {d1}
D1 = {d1_test}
A1 = {a1}
Z2 = np.dot(W2, A1) + b2
A2 = np.maximum(0, Z2)
D2 = {d2}
D2 = {d1_test.replace("D1", "D2")}
A2 = {a2}
Z3 = np.dot(W3, A2) + b3
A3 = {a3}
cache = {cache}
return A3, cache
""",
    )


def _gradient_check(
    approx="(J_plus - J_minus) / (2 * epsilon)",
    difference="numerator / denominator",
    denominator="np.linalg.norm(grad) + np.linalg.norm(gradapprox)",
):
    return _function(
        "gradient_check(x, theta, epsilon=1e-7, print_msg=False)",
        f"""
J_plus = forward_propagation(x, theta + epsilon)
J_minus = forward_propagation(x, theta - epsilon)
gradapprox = {approx}
grad = backward_propagation(x, theta)
numerator = np.linalg.norm(grad - gradapprox)
denominator = {denominator}
difference = {difference}
return difference
""",
    )


def _gradient_check_n(
    plus="np.copy(parameters_values)",
    minus="np.copy(parameters_values)",
    approx="(J_plus[i] - J_minus[i]) / (2 * epsilon)",
    difference="numerator / denominator",
):
    return _function(
        "gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False)",
        f"""
parameters_values, shapes = dictionary_to_vector(parameters)
grad = gradients_to_vector(gradients, shapes)
num_parameters = parameters_values.shape[0]
J_plus = np.zeros((num_parameters, 1))
J_minus = np.zeros((num_parameters, 1))
gradapprox = np.zeros((num_parameters, 1))
for i in range(num_parameters):
    theta_plus = {plus}
    theta_plus[i] = theta_plus[i] + epsilon
    J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_plus, shapes))
    theta_minus = {minus}
    theta_minus[i] = theta_minus[i] - epsilon
    J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(theta_minus, shapes))
    gradapprox[i] = {approx}
numerator = np.linalg.norm(grad - gradapprox)
denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
difference = {difference}
return difference
""",
    )


def _backward_n(**lines):
    return _backward("backward_propagation_n(X, Y, cache)", PLAIN_CACHE, **lines)


# ------------------------------------------------------------------------------ hints
B_1D = (
    "each b{l} is a column of shape (layers_dims[l], 1): give np.zeros the shape "
    "(layers_dims[l], 1), not layers_dims[l]."
)
W_TRANSPOSED = (
    "W{l} takes the layers_dims[l - 1] units of the layer before to the layers_dims[l] units of "
    "layer l, so its shape is (layers_dims[l], layers_dims[l - 1])."
)
LAST_LAYER = (
    "a layer is missing: with L = len(layers_dims) - 1 layers, l goes from 1 to L included, "
    "so loop over range(1, L + 1) (W1, b1 up to WL, bL)."
)
B_RANDOM = "the biases start at zero (np.zeros); only the weights need random numbers."
L2_MISSING_M = (
    "the L2 term is lambd / (2 m) times the sum of the squared weights: you left out the "
    "division by m."
)
CACHE_ORDER = (
    "the cache must be the tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), in "
    "this order: backward_propagation_with_dropout unpacks it so."
)

MISTAKES = [
    # ---------------------------------------------------------------- zeros initializer
    Mistake(
        "zeros_b_1d",
        "initialize_parameters_zeros",
        B_1D,
        _initializer(
            "initialize_parameters_zeros",
            "np.zeros((layers_dims[l], layers_dims[l - 1]))",
            b="np.zeros(layers_dims[l])",
        ),
    ),
    Mistake(
        "zeros_W_transposed",
        "initialize_parameters_zeros",
        W_TRANSPOSED,
        _initializer(
            "initialize_parameters_zeros", "np.zeros((layers_dims[l - 1], layers_dims[l]))"
        ),
    ),
    Mistake(
        "zeros_last_layer",
        "initialize_parameters_zeros",
        LAST_LAYER,
        _initializer(
            "initialize_parameters_zeros",
            "np.zeros((layers_dims[l], layers_dims[l - 1]))",
            loop="range(1, L)",
        ),
    ),
    # --------------------------------------------------------------- random initializer
    Mistake(
        "random_unscaled",
        "initialize_parameters_random",
        "the weights should be LARGE: multiply np.random.randn(...) by 10 (this part of the "
        "notebook shows what too large weights do to training).",
        _initializer("initialize_parameters_random", RANDN),
    ),
    Mistake(
        "random_small",
        "initialize_parameters_random",
        "the weights should be large, np.random.randn(...) * 10, not small: this experiment "
        "shows what too large weights do.",
        _initializer("initialize_parameters_random", f"{RANDN} * 0.01"),
    ),
    Mistake(
        "random_uniform",
        "initialize_parameters_random",
        "np.random.rand draws uniformly between 0 and 1, so every weight is positive; use "
        "np.random.randn (standard normal, both signs) times 10.",
        _initializer(
            "initialize_parameters_random",
            "np.random.rand(layers_dims[l], layers_dims[l - 1]) * 10",
        ),
    ),
    Mistake(
        "random_b",
        "initialize_parameters_random",
        B_RANDOM,
        _initializer(
            "initialize_parameters_random",
            f"{RANDN} * 10",
            b="np.random.randn(layers_dims[l], 1) * 10",
        ),
    ),
    Mistake(
        "random_transposed",
        "initialize_parameters_random",
        W_TRANSPOSED,
        _initializer(
            "initialize_parameters_random",
            "np.random.randn(layers_dims[l - 1], layers_dims[l]) * 10",
        ),
    ),
    # ------------------------------------------------------------------- He initializer
    Mistake(
        "he_this_layer",
        "initialize_parameters_he",
        "He initialization scales by sqrt(2 / n^[l-1]), the number of units of the layer "
        "BEFORE (layers_dims[l - 1]), not of layer l.",
        _initializer("initialize_parameters_he", f"{RANDN} * np.sqrt(2 / layers_dims[l])"),
    ),
    Mistake(
        "he_xavier",
        "initialize_parameters_he",
        "that is Xavier's scale sqrt(1 / n^[l-1]) (for tanh); He's, for ReLU, is "
        "sqrt(2 / n^[l-1]).",
        _initializer("initialize_parameters_he", f"{RANDN} * np.sqrt(1 / layers_dims[l - 1])"),
    ),
    Mistake(
        "he_uniform",
        "initialize_parameters_he",
        "np.random.rand draws uniformly between 0 and 1, so every weight is positive; use "
        "np.random.randn (standard normal, both signs) times np.sqrt(2 / layers_dims[l - 1]).",
        _initializer(
            "initialize_parameters_he",
            "np.random.rand(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2 / layers_dims[l - 1])",
        ),
    ),
    Mistake(
        "he_no_sqrt",
        "initialize_parameters_he",
        "the scale is the square root: np.sqrt(2 / layers_dims[l - 1]), not "
        "2 / layers_dims[l - 1].",
        _initializer("initialize_parameters_he", f"{RANDN} * 2 / layers_dims[l - 1]"),
    ),
    Mistake(
        "he_unscaled",
        "initialize_parameters_he",
        "multiply the standard normal numbers by np.sqrt(2 / layers_dims[l - 1]).",
        _initializer("initialize_parameters_he", RANDN),
    ),
    Mistake(
        "he_b",
        "initialize_parameters_he",
        B_RANDOM,
        _initializer(
            "initialize_parameters_he",
            f"{RANDN} * np.sqrt(2 / layers_dims[l - 1])",
            b="np.random.randn(layers_dims[l], 1) * np.sqrt(2 / layers_dims[l - 1])",
        ),
    ),
    # ---------------------------------------------------------------- regularized cost
    Mistake(
        "l2_no_m",
        "compute_cost_with_regularization",
        L2_MISSING_M,
        _cost_reg(
            penalty="lambd / 2 * (np.sum(np.square(W1)) + np.sum(np.square(W2)) "
            "+ np.sum(np.square(W3)))"
        ),
    ),
    Mistake(
        "l2_no_half",
        "compute_cost_with_regularization",
        "the L2 term is lambd / (2 m) times the sum of the squared weights: the factor 1/2 is "
        "missing (it makes the gradient lambd / m * W).",
        _cost_reg(
            penalty="lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2)) "
            "+ np.sum(np.square(W3)))"
        ),
    ),
    Mistake(
        "l2_not_squared",
        "compute_cost_with_regularization",
        "square each weight before summing: np.sum(np.square(W1)) is the squared Frobenius "
        "norm ||W1||^2.",
        _cost_reg(penalty="lambd / (2 * m) * (np.sum(W1) + np.sum(W2) + np.sum(W3))"),
    ),
    Mistake(
        "l2_only_W3",
        "compute_cost_with_regularization",
        "the L2 term sums the squared weights of EVERY layer: W1, W2 and W3.",
        _cost_reg(penalty="lambd / (2 * m) * np.sum(np.square(W3))"),
    ),
    Mistake(
        "l2_with_b",
        "compute_cost_with_regularization",
        "only the weights W1, W2, W3 are regularized, not the biases b1, b2, b3.",
        _cost_reg(
            penalty="lambd / (2 * m) * sum(np.sum(np.square(p)) for p in parameters.values())"
        ),
    ),
    Mistake(
        "l2_penalty_only",
        "compute_cost_with_regularization",
        "the cost is the cross-entropy PLUS the L2 term: add compute_cost(A3, Y).",
        _cost_reg(total="L2_regularization_cost"),
    ),
    # ------------------------------------------------------------ regularized backward
    Mistake(
        "l2_backward_no_m",
        "backward_propagation_with_regularization",
        "the L2 term adds lambd / m * W to each dW (the derivative of lambd / (2 m) ||W||^2): "
        "you left out the division by m.",
        _backward_reg(
            dw3="1.0 / m * np.dot(dZ3, A2.T) + lambd * W3",
            dw2="1.0 / m * np.dot(dZ2, A1.T) + lambd * W2",
            dw1="1.0 / m * np.dot(dZ1, X.T) + lambd * W1",
        ),
    ),
    Mistake(
        "l2_backward_half",
        "backward_propagation_with_regularization",
        "the derivative of lambd / (2 m) ||W||^2 is lambd / m * W: the 2 of the square cancels "
        "the 1/2.",
        _backward_reg(
            dw3="1.0 / m * np.dot(dZ3, A2.T) + lambd / (2 * m) * W3",
            dw2="1.0 / m * np.dot(dZ2, A1.T) + lambd / (2 * m) * W2",
            dw1="1.0 / m * np.dot(dZ1, X.T) + lambd / (2 * m) * W1",
        ),
    ),
    Mistake(
        "l2_backward_only_W3",
        "backward_propagation_with_regularization",
        "every dW gains its own lambd / m * W term: dW1, dW2 and dW3.",
        _backward_reg(dw2="1.0 / m * np.dot(dZ2, A1.T)", dw1="1.0 / m * np.dot(dZ1, X.T)"),
    ),
    Mistake(
        "l2_backward_b",
        "backward_propagation_with_regularization",
        "the biases are not regularized: db gets no lambd / m term.",
        _backward_reg(
            db3="1.0 / m * np.sum(dZ3, axis=1, keepdims=True) + lambd / m * b3",
            db2="1.0 / m * np.sum(dZ2, axis=1, keepdims=True) + lambd / m * b2",
            db1="1.0 / m * np.sum(dZ1, axis=1, keepdims=True) + lambd / m * b1",
        ),
    ),
    Mistake(
        "l2_backward_missing",
        "backward_propagation_with_regularization",
        "these are the gradients without regularization: add lambd / m * W to each dW.",
        _backward_reg(
            dw3="1.0 / m * np.dot(dZ3, A2.T)",
            dw2="1.0 / m * np.dot(dZ2, A1.T)",
            dw1="1.0 / m * np.dot(dZ1, X.T)",
        ),
    ),
    # ---------------------------------------------------------------- dropout forward
    Mistake(
        "dropout_no_scale",
        "forward_propagation_with_dropout",
        "inverted dropout divides the kept activations by keep_prob (A1 = A1 * D1 / keep_prob), "
        "so that their expected value does not change.",
        _forward_dropout(a1="A1 * D1", a2="A2 * D2"),
    ),
    Mistake(
        "dropout_times_keep_prob",
        "forward_propagation_with_dropout",
        "DIVIDE the kept activations by keep_prob (A1 = A1 * D1 / keep_prob); multiplying "
        "shrinks them instead of keeping their expected value.",
        _forward_dropout(a1="A1 * D1 * keep_prob", a2="A2 * D2 * keep_prob"),
    ),
    Mistake(
        "dropout_reversed",
        "forward_propagation_with_dropout",
        "a unit is kept with probability keep_prob: D1 = (np.random.rand(...) < keep_prob); "
        "with > you keep only 1 - keep_prob of them.",
        _forward_dropout(d1_test="(D1 > keep_prob).astype(int)"),
    ),
    Mistake(
        "dropout_randn",
        "forward_propagation_with_dropout",
        "draw the mask with np.random.rand (uniform between 0 and 1), so that "
        "rand < keep_prob holds with probability keep_prob; np.random.randn is a normal "
        "distribution.",
        _forward_dropout(d1="np.random.randn(A1.shape[0], A1.shape[1])"),
    ),
    Mistake(
        "dropout_first_layer_only",
        "forward_propagation_with_dropout",
        "apply dropout to both hidden layers: A2 gets its own mask D2 too.",
        _forward_dropout(a2="A2"),
    ),
    Mistake(
        "dropout_cache_order",
        "forward_propagation_with_dropout",
        CACHE_ORDER,
        _forward_dropout(cache="(Z1, A1, D1, W1, b1, Z2, A2, D2, W2, b2, Z3, A3, W3, b3)"),
    ),
    # --------------------------------------------------------------- dropout backward
    Mistake(
        "dropout_backward_no_scale",
        "backward_propagation_with_dropout",
        "after applying the mask, divide by keep_prob as the forward pass did: "
        "dA2 = dA2 * D2 / keep_prob.",
        _backward_dropout(da2="np.dot(W3.T, dZ3) * D2", da1="np.dot(W2.T, dZ2) * D1"),
    ),
    Mistake(
        "dropout_backward_no_mask",
        "backward_propagation_with_dropout",
        "the gradient flows only through the units the forward pass kept: multiply dA2 by D2 "
        "and dA1 by D1 (then divide by keep_prob).",
        _backward_dropout(da2="np.dot(W3.T, dZ3) / keep_prob", da1="np.dot(W2.T, dZ2) / keep_prob"),
    ),
    Mistake(
        "dropout_backward_times",
        "backward_propagation_with_dropout",
        "divide by keep_prob (dA2 = dA2 * D2 / keep_prob), as the forward pass did.",
        _backward_dropout(
            da2="np.dot(W3.T, dZ3) * D2 * keep_prob", da1="np.dot(W2.T, dZ2) * D1 * keep_prob"
        ),
    ),
    Mistake(
        "dropout_backward_one_layer",
        "backward_propagation_with_dropout",
        "both hidden layers were dropped out in the forward pass: apply D1 to dA1 too.",
        _backward_dropout(da1="np.dot(W2.T, dZ2)"),
    ),
    Mistake(
        "dropout_backward_new_mask",
        "backward_propagation_with_dropout",
        "use the masks the forward pass stored in the cache (D1, D2), not new random ones: the "
        "gradient must be zero exactly where the forward pass dropped a unit.",
        _backward_dropout(
            da2="np.dot(W3.T, dZ3) * (np.random.rand(*A2.shape) < keep_prob) / keep_prob",
            da1="np.dot(W2.T, dZ2) * (np.random.rand(*A1.shape) < keep_prob) / keep_prob",
        ).replace("    m = X.shape[1]\n", "    np.random.seed(1)\n    m = X.shape[1]\n", 1),
    ),
    # ------------------------------------------------------------- 1-D gradient check
    Mistake(
        "forward_1d_plus",
        "forward_propagation",
        "J(theta) = theta * x: multiply, do not add.",
        _function("forward_propagation(x, theta)", "return theta + x"),
    ),
    Mistake(
        "forward_1d_power",
        "forward_propagation",
        "J(theta) = theta * x, a product (not a power).",
        _function("forward_propagation(x, theta)", "return x ** theta"),
    ),
    Mistake(
        "backward_1d_theta",
        "backward_propagation",
        "J = theta * x changes by x when theta grows by 1: dtheta = x, not theta.",
        _function("backward_propagation(x, theta)", "return theta"),
    ),
    Mistake(
        "backward_1d_J",
        "backward_propagation",
        "dtheta is the derivative of J = theta * x with respect to theta, which is x (not J "
        "itself).",
        _function("backward_propagation(x, theta)", "return theta * x"),
    ),
    Mistake(
        "gradient_check_one_epsilon",
        "gradient_check",
        "the two-sided difference divides by the distance between theta + epsilon and "
        "theta - epsilon: 2 * epsilon.",
        _gradient_check(approx="(J_plus - J_minus) / epsilon"),
    ),
    Mistake(
        "gradient_check_no_denominator",
        "gradient_check",
        "divide the norm of the difference by ||grad|| + ||gradapprox||: a relative "
        "difference does not depend on the size of the gradient.",
        _gradient_check(difference="numerator"),
    ),
    Mistake(
        "gradient_check_one_norm",
        "gradient_check",
        "the denominator is the SUM of both norms, ||grad|| + ||gradapprox||.",
        _gradient_check(denominator="np.linalg.norm(grad)"),
    ),
    # ------------------------------------------------------------- N-D gradient check
    Mistake(
        "gradient_check_n_no_denominator",
        "gradient_check_n",
        "divide ||grad - gradapprox|| by ||grad|| + ||gradapprox|| (the relative difference).",
        _gradient_check_n(difference="numerator"),
    ),
    Mistake(
        "gradient_check_n_one_epsilon",
        "gradient_check_n",
        "divide J_plus[i] - J_minus[i] by 2 * epsilon, the distance between the two points.",
        _gradient_check_n(approx="(J_plus[i] - J_minus[i]) / epsilon"),
    ),
    Mistake(
        "gradient_check_n_no_copy",
        "gradient_check_n",
        "J_minus[i] must be J at the ORIGINAL values with epsilon taken from value i: "
        "theta_plus = parameters_values does not copy (every step changes parameters_values "
        "itself), and a theta_minus made from theta_plus starts from theta + epsilon. Use "
        "np.copy(parameters_values) for both theta_plus and theta_minus.",
        _gradient_check_n(plus="parameters_values", minus="parameters_values"),
    ),
    # ------------------------------------------------------- the fixed backward pass
    Mistake(
        "backward_n_bugs_left",
        "backward_propagation_n",
        "this is still the buggy version: gradient_check_n shows which gradients disagree "
        "(look at dW2 and db1) and what each should be.",
        _backward_n(
            dw2="1.0 / m * np.dot(dZ2, A1.T) * 2",
            db1="4.0 / m * np.sum(dZ1, axis=1, keepdims=True)",
        ),
    ),
    Mistake(
        "backward_n_dW2_left",
        "backward_propagation_n",
        "dW2 is still twice too large: it is 1 / m * dZ2 A1^T.",
        _backward_n(dw2="1.0 / m * np.dot(dZ2, A1.T) * 2"),
    ),
    Mistake(
        "backward_n_db1_left",
        "backward_propagation_n",
        "db1 is still four times too large: it is 1 / m times the sum of dZ1 over the examples.",
        _backward_n(db1="4.0 / m * np.sum(dZ1, axis=1, keepdims=True)"),
    ),
]


# -------------------------------------------------------------- data for hand-made checks
def _seeded(function, *args):
    """A result with NumPy's global generator seeded (the initializers draw from it)."""
    state = np.random.get_state()
    np.random.seed(1)
    try:
        return run(function, args, {})
    finally:
        np.random.set_state(state)


def spreads(result, L: int) -> list[float]:
    """The standard deviation of W1 .. WL of an initializer's result (0.0 where missing)."""
    W = [result.get(f"W{l}") if isinstance(result, dict) else None for l in range(1, L + 1)]
    return [float(np.std(w)) if isinstance(w, np.ndarray) and w.size else 0.0 for w in W]


def _initializers() -> dict:
    """For each random initializer and its sizes: the spreads the reference and each planted
    mistake give, and what describe says about their results."""
    data = {}
    for name, all_dims in SPREAD_DIMS.items():
        examples = []
        for dims in all_dims:
            L = len(dims) - 1
            results = {"reference": getattr(ref, name)(dims)}
            results.update(
                {m.key: _seeded(planted(SPEC, m.key), dims) for m in SPEC.mistakes_of(name)}
            )
            scales = {key: spreads(result, L) for key, result in results.items()}
            facts = {key: describe(result, dims, scales) for key, result in results.items()}
            examples.append(
                {
                    "label": f"{name}({dims})",
                    "args": [dims],
                    "dims": dims,
                    "scales": scales,
                    "expected": facts.pop("reference"),
                    "mistakes": facts,
                }
            )
        data[name] = examples
    return data


def _doubled(function, x, theta):
    """gradient_check(x, theta) while backward_propagation returns twice the derivative."""
    namespace = function.__globals__
    backward = namespace["backward_propagation"]
    namespace["backward_propagation"] = lambda x, theta: 2 * backward(x, theta)
    try:
        return run(function, (x, theta), {})
    finally:
        namespace["backward_propagation"] = backward


def _gradient_check_data() -> dict:
    """The 1-D check's example, with the right derivative and with a doubled one; the right
    gradients of the N-D example; the threshold."""
    x, theta = 2.0, 4.0
    mistakes = {m.key: planted(SPEC, m.key) for m in SPEC.mistakes_of("gradient_check")}
    return {
        "x": x,
        "theta": theta,
        "threshold": ref.DIFFERENCE_THRESHOLD,
        "mistakes_right": {k: run(f, (x, theta), {}) for k, f in mistakes.items()},
        "doubled": _doubled(ref.gradient_check, x, theta),
        "mistakes_doubled": {k: _doubled(f, x, theta) for k, f in mistakes.items()},
        "right_gradients_n": [PARAMETERS_N, GRADIENTS_N, X_N, Y_N],
    }


def _dropout_data() -> dict:
    """The wide network of the dropout check (the check draws its inputs from this seed):
    enough units that the kept fraction is close to keep_prob, and keep_prob = 0.6, where a
    mask drawn with randn (kept fraction 0.73) or with > (0.4) is easy to tell apart."""
    return {"sizes": [2, 200, 100, 1], "m": 300, "keep_prob": 0.6, "seed": 0}


SPEC = WeekSpec(
    ASSIGNMENT,
    FUNCTIONS,
    MISTAKES,
    extra={
        "initializers": _initializers,
        "gradient_check": _gradient_check_data,
        "dropout": _dropout_data,
    },
)
