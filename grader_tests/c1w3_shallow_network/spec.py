"""The spec of c1w3: the public examples of each graded function and the planted mistakes,
each with its hint (see ``grader_tests/spec.py``). ``python -m grader_tests.spec
c1w3_shallow_network`` turns it into ``helpers/checks/data/c1w3_shallow_network.json``.

initialize_parameters draws random numbers, so it has no examples: its public check is written
by hand (``helpers/checks/c1w3.py``) and takes only the hints of its mistakes from here.
nn_model's examples feed a hand-written check too (the learner's initial weights are random).
"""

from __future__ import annotations

import numpy as np

from grader_tests.spec import Example, Function, Mistake, WeekSpec
from grader_tests.spec import function_source as _function

from . import ISOLATE
from . import reference as ref

# A network with n_x = 2 inputs, n_h = 3 hidden units and one output, and 4 examples.
PARAMETERS = {
    "W1": np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8]]),
    "b1": np.array([[0.1], [-0.2], [0.3]]),
    "W2": np.array([[1.0, -1.5, 0.5]]),
    "b2": np.array([[-0.1]]),
}
X = np.array([[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, -2.0]])
Y = np.array([[1.0, 0.0, 1.0, 1.0]])
GRADS = {
    "dW1": np.array([[0.1, -0.2], [0.05, 0.3], [-0.15, 0.25]]),
    "db1": np.array([[0.02], [-0.01], [0.04]]),
    "dW2": np.array([[-0.3, 0.2, 0.1]]),
    "db2": np.array([[-0.05]]),
}
# nn_model: 8 examples with 2 features, 6 of them labelled 1, and n_h = 3 hidden units.
TRAIN_X = np.array(
    [[1.0, -0.5, 0.8, -1.2, 0.3, 1.5, -0.9, 0.1], [0.4, 1.1, -0.7, 0.2, -1.3, 0.6, 0.9, -0.2]]
)
TRAIN_Y = np.array([[1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0]])


def _layer_sizes(x_shape, y_shape) -> Example:
    X = np.linspace(-1, 1, int(np.prod(x_shape))).reshape(x_shape)
    Y = (np.arange(int(np.prod(y_shape))).reshape(y_shape) % 2).astype(float)
    return Example(f"layer_sizes(X, Y) for X of shape {x_shape} and Y of shape {y_shape}", (X, Y))


def _cost(A2: list, Y: list) -> Example:
    return Example(f"compute_cost(A2, Y) for A2 = {A2}, Y = {Y}", (np.array(A2), np.array(Y)))


def _predict(X: list) -> Example:
    X = np.array(X)
    return Example(f"predict(parameters, X) for X of shape {X.shape}", (PARAMETERS, X))


FUNCTIONS = [
    Function(
        "layer_sizes",
        (_layer_sizes((3, 5), (2, 5)), _layer_sizes((7, 10), (1, 10))),
        parts=("n_x", "n_h", "n_y"),
    ),
    Function(
        "forward_propagation",
        (Example(f"forward_propagation(X, parameters) for X of shape {X.shape}", (X, PARAMETERS)),),
        parts=("A2", "cache"),
    ),
    Function(
        "compute_cost",
        (_cost([[0.8, 0.3, 0.6, 0.9, 0.2]], [[1.0, 0.0, 1.0, 1.0, 0.0]]), _cost([[0.35]], [[0.0]])),
    ),
    Function(
        "backward_propagation",
        (
            Example(
                f"backward_propagation(parameters, cache, X, Y) for X of shape {X.shape}: grads",
                (PARAMETERS, ref.forward_propagation(X, PARAMETERS)[1], X, Y),
            ),
        ),
    ),
    Function(
        "update_parameters",
        (
            Example("update_parameters(parameters, grads)", (PARAMETERS, GRADS)),
            Example(
                "update_parameters(parameters, grads, learning_rate=0.5)",
                (PARAMETERS, GRADS),
                {"learning_rate": 0.5},
            ),
        ),
    ),
    Function(
        "nn_model",
        tuple(
            Example(
                f"nn_model(X, Y, n_h=3, num_iterations={n})",
                (TRAIN_X, TRAIN_Y, 3),
                {"num_iterations": n},
            )
            for n in (1, 3)
        ),
        calls=tuple(ISOLATE["nn_model"]),
    ),
    Function(
        "predict",
        (
            _predict([[1.0, -1.0, 0.5, 2.0, -0.3], [0.5, 1.0, -1.5, -0.5, 0.2]]),
            _predict([[-0.4], [0.3]]),
        ),
        calls=("forward_propagation",),
    ),
]


# --------------------------------------------------------------------- mistakes' sources


def _forward(z1="np.dot(W1, X) + b1", a1="np.tanh(Z1)", z2="np.dot(W2, A1) + b2", a2="sigmoid(Z2)"):
    return _function(
        "forward_propagation(X, parameters)",
        f"""
W1, b1 = parameters["W1"], parameters["b1"]
W2, b2 = parameters["W2"], parameters["b2"]
Z1 = {z1}
A1 = {a1}
Z2 = {z2}
A2 = {a2}
cache = {{"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}}
return A2, cache
""",
    )


def _cost_source(body: str) -> str:
    return _function("compute_cost(A2, Y)", f"m = Y.shape[1]\n{body}")


def _backward(
    dz2="A2 - Y",
    dw2="np.dot(dZ2, A1.T) / m",
    db2="np.sum(dZ2, axis=1, keepdims=True) / m",
    dz1="np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))",
    dw1="np.dot(dZ1, X.T) / m",
    db1="np.sum(dZ1, axis=1, keepdims=True) / m",
):
    return _function(
        "backward_propagation(parameters, cache, X, Y)",
        f"""
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
""",
    )


def _update(default="1.2", op="-", rate="learning_rate"):
    return _function(
        f"update_parameters(parameters, grads, learning_rate={default})",
        f"""
new = {{}}
for name in ("W1", "b1", "W2", "b2"):
    new[name] = parameters[name] {op} {rate} * grads["d" + name]
return new
""",
    )


def _nn_model(
    sizes="n_x, _, n_y = layer_sizes(X, Y)",
    start="initialize_parameters(n_x, n_h, n_y)",
    loop="range(num_iterations)",
    update="parameters = update_parameters(parameters, grads)",
):
    return _function(
        "nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)",
        f"""
{sizes}
parameters = {start}
for i in {loop}:
    A2, cache = forward_propagation(X, parameters)
    cost = compute_cost(A2, Y)
    grads = backward_propagation(parameters, cache, X, Y)
    {update}
    if print_cost and i % 1000 == 0:
        print("Cost after iteration %i: %f" % (i, cost))
return parameters
""",
    )


def _initialize(W1="np.random.randn(n_h, n_x) * 0.01", b1="np.zeros((n_h, 1))", **other):
    W2 = other.get("W2", W1.replace("n_h, n_x", "n_y, n_h"))
    b2 = other.get("b2", b1.replace("n_h", "n_y"))
    return _function(
        "initialize_parameters(n_x, n_h, n_y)",
        f'return {{"W1": {W1}, "b1": {b1},\n        "W2": {W2}, "b2": {b2}}}',
    )


def _predict_source(body: str) -> str:
    return _function(
        "predict(parameters, X)", f"A2, cache = forward_propagation(X, parameters)\n{body}"
    )


# ------------------------------------------------------------------------------ hints
W_TRANSPOSED = (
    "Z1 = W1 X + b1 with W1 of shape (n_h, n_x) and X of shape (n_x, m): no transpose is "
    "needed (likewise Z2 = W2 A1 + b2)."
)
W2_NOT_TRANSPOSED = (
    "dZ1 = W2.T dZ2 * (1 - A1**2): W2 has shape (n_y, n_h) and dZ2 (n_y, m), so use W2.T to "
    "get the shape (n_h, m)."
)
DB_AXIS0 = (
    "you summed over axis 0 (the units); db sums dZ over the examples, which are the "
    "columns: np.sum(dZ, axis=1, keepdims=True) / m."
)
ITERATIONS = (
    "loop num_iterations times (for i in range(num_iterations)), each time forward "
    "propagation, cost, backward propagation and update."
)

MISTAKES = [
    # ------------------------------------------------------------------------ layer_sizes
    Mistake(
        "layer_sizes_n_h",
        "layer_sizes",
        "this network's hidden layer has 4 units: set n_h = 4.",
        _function("layer_sizes(X, Y)", "return (X.shape[0], X.shape[0], Y.shape[0])"),
    ),
    Mistake(
        "layer_sizes_swapped",
        "layer_sizes",
        "n_x and n_y are swapped: n_x is the size of the input layer (X.shape[0]), n_y the size "
        "of the output layer (Y.shape[0]).",
        _function("layer_sizes(X, Y)", "return (Y.shape[0], 4, X.shape[0])"),
    ),
    Mistake(
        "layer_sizes_examples",
        "layer_sizes",
        "you used shape[1], the number of examples; a layer's size is a number of rows: "
        "X.shape[0] and Y.shape[0].",
        _function("layer_sizes(X, Y)", "return (X.shape[1], 4, Y.shape[1])"),
    ),
    # ------------------------------------------------------------- initialize_parameters
    Mistake(
        "initialize_parameters_zeros",
        "initialize_parameters",
        "the weights are all zeros: every hidden unit would compute the same thing and get the "
        "same update. Draw them at random: np.random.randn(n_h, n_x) * 0.01.",
        _initialize(W1="np.zeros((n_h, n_x))"),
    ),
    Mistake(
        "initialize_parameters_no_scale",
        "initialize_parameters",
        "the weights are too large (standard deviation near 1): multiply the random numbers by "
        "0.01 so that tanh starts in its steep middle part.",
        _initialize(W1="np.random.randn(n_h, n_x)"),
    ),
    Mistake(
        "initialize_parameters_scale",
        "initialize_parameters",
        "the weights should be small random numbers: np.random.randn(...) * 0.01 has a standard "
        "deviation of 0.01.",
        _initialize(W1="np.random.randn(n_h, n_x) * 0.1"),
    ),
    Mistake(
        "initialize_parameters_constant",
        "initialize_parameters",
        "the hidden units start with equal weights, so they compute the same thing and learn the "
        "same (the symmetry is never broken): draw the weights at random with "
        "np.random.randn(...) * 0.01.",
        _initialize(W1="np.full((n_h, n_x), 0.01)"),
    ),
    Mistake(
        "initialize_parameters_rand",
        "initialize_parameters",
        "the weights all have the same sign: np.random.rand draws uniformly between 0 and 1; use "
        "np.random.randn (standard normal: mean 0, both signs) times 0.01.",
        _initialize(W1="np.random.rand(n_h, n_x) * 0.01"),
    ),
    Mistake(
        "initialize_parameters_transposed",
        "initialize_parameters",
        "W1 takes the n_x inputs to the n_h hidden units, so its shape is (n_h, n_x), and W2's "
        "is (n_y, n_h): then W1 X has shape (n_h, m).",
        _initialize(W1="np.random.randn(n_x, n_h) * 0.01", W2="np.random.randn(n_h, n_y) * 0.01"),
    ),
    Mistake(
        "initialize_parameters_b_1d",
        "initialize_parameters",
        "the biases are columns: b1 has shape (n_h, 1) and b2 (n_y, 1); give np.zeros the shape "
        "(n_h, 1).",
        _initialize(b1="np.zeros(n_h)"),
    ),
    Mistake(
        "initialize_parameters_b_random",
        "initialize_parameters",
        "the biases start at zero (np.zeros); only the weights need random numbers to break the "
        "symmetry.",
        _initialize(b1="np.random.randn(n_h, 1) * 0.01"),
    ),
    # ---------------------------------------------------------------- forward_propagation
    Mistake(
        "forward_sigmoid_hidden",
        "forward_propagation",
        "the hidden layer uses tanh: A1 = np.tanh(Z1) (the sigmoid is for the output layer).",
        _forward(a1="sigmoid(Z1)"),
    ),
    Mistake(
        "forward_tanh_output",
        "forward_propagation",
        "the output layer uses the sigmoid: A2 = sigmoid(Z2), a probability between 0 and 1 "
        "(tanh is for the hidden layer).",
        _forward(a2="np.tanh(Z2)"),
    ),
    Mistake(
        "forward_no_b",
        "forward_propagation",
        "Z1 = W1 X + b1 and Z2 = W2 A1 + b2: did you leave out b1 or b2?",
        _forward(z1="np.dot(W1, X)", z2="np.dot(W2, A1)"),
    ),
    Mistake(
        "forward_W_transposed",
        "forward_propagation",
        W_TRANSPOSED,
        _forward(z1="np.dot(W1.T, X) + b1"),
    ),
    Mistake(
        "forward_W_transposed_matmul",
        "forward_propagation",
        W_TRANSPOSED,
        _forward(z1="W1.T @ X + b1"),
    ),
    Mistake(
        "forward_cache_keys",
        "forward_propagation",
        'the cache\'s keys must be spelled exactly "Z1", "A1", "Z2" and "A2" (they are '
        "case-sensitive).",
        _function(
            "forward_propagation(X, parameters)",
            """
Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
A1 = np.tanh(Z1)
Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
A2 = sigmoid(Z2)
return A2, {"z1": Z1, "a1": A1, "z2": Z2, "a2": A2}
""",
        ),
    ),
    # ----------------------------------------------------------------------- compute_cost
    Mistake(
        "compute_cost_sign",
        "compute_cost",
        "the cost has the wrong sign: it is minus the mean of Y log(A2) + (1 - Y) log(1 - A2).",
        _cost_source("return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)"),
    ),
    Mistake(
        "compute_cost_no_m",
        "compute_cost",
        "you forgot to divide by m (the number of examples): the cost is an average.",
        _cost_source("return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))"),
    ),
    Mistake(
        "compute_cost_half",
        "compute_cost",
        "the cost has two terms, Y log(A2) + (1 - Y) log(1 - A2): the second one is missing.",
        _cost_source("return float(-np.sum(Y * np.log(A2)) / m)"),
    ),
    Mistake(
        "compute_cost_not_summed",
        "compute_cost",
        "sum (or average) over the examples so that one number remains.",
        _cost_source("return -(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m"),
    ),
    # --------------------------------------------------------------- backward_propagation
    Mistake(
        "backward_no_m",
        "backward_propagation",
        "you forgot to divide by m (the number of examples): each gradient is an average over "
        "the examples.",
        _backward(
            dw2="np.dot(dZ2, A1.T)",
            db2="np.sum(dZ2, axis=1, keepdims=True)",
            dw1="np.dot(dZ1, X.T)",
            db1="np.sum(dZ1, axis=1, keepdims=True)",
        ),
    ),
    Mistake(
        "backward_no_keepdims",
        "backward_propagation",
        "without keepdims=True the sum over axis 1 drops that axis: np.sum(dZ, axis=1, "
        "keepdims=True) / m gives db the shape of b, (n, 1).",
        _backward(db2="np.sum(dZ2, axis=1) / m", db1="np.sum(dZ1, axis=1) / m"),
    ),
    Mistake(
        "backward_db_axis0",
        "backward_propagation",
        DB_AXIS0,
        _backward(
            db2="np.sum(dZ2, axis=0, keepdims=True) / m",
            db1="np.sum(dZ1, axis=0, keepdims=True) / m",
        ),
    ),
    Mistake(
        "backward_db_all",
        "backward_propagation",
        "you summed all the numbers of dZ; db keeps one number per unit and sums over the "
        "examples only: np.sum(dZ, axis=1, keepdims=True) / m.",
        _backward(db1="np.sum(dZ1, keepdims=True) / m"),
    ),
    Mistake(
        "backward_sigmoid_derivative",
        "backward_propagation",
        "dZ1 used the sigmoid's derivative A1 * (1 - A1), but the hidden layer is tanh: its "
        "derivative is 1 - A1**2 (1 - np.power(A1, 2)).",
        _backward(dz1="np.dot(W2.T, dZ2) * A1 * (1 - A1)"),
    ),
    Mistake(
        "backward_tanh_no_square",
        "backward_propagation",
        "the derivative of tanh is 1 - A1**2: square A1.",
        _backward(dz1="np.dot(W2.T, dZ2) * (1 - A1)"),
    ),
    Mistake(
        "backward_no_derivative",
        "backward_propagation",
        "dZ1 = W2.T dZ2 must be multiplied, element by element, by the derivative of tanh: "
        "1 - A1**2.",
        _backward(dz1="np.dot(W2.T, dZ2)"),
    ),
    Mistake(
        "backward_W2_not_transposed",
        "backward_propagation",
        W2_NOT_TRANSPOSED,
        _backward(dz1="np.dot(W2, dZ2) * (1 - np.power(A1, 2))"),
    ),
    Mistake(
        "backward_W2_not_transposed_matmul",
        "backward_propagation",
        W2_NOT_TRANSPOSED,
        _backward(dz1="(W2 @ dZ2) * (1 - A1**2)"),
    ),
    Mistake(
        "backward_dZ2_sign",
        "backward_propagation",
        "the gradients have the wrong sign: dZ2 = A2 - Y, not Y - A2.",
        _backward(dz2="Y - A2"),
    ),
    Mistake(
        "backward_dW_transposed",
        "backward_propagation",
        "dW1 has the shape of W1, (n_h, n_x): dW1 = dZ1 X.T / m.",
        _backward(dw1="np.dot(X, dZ1.T) / m"),
    ),
    Mistake(
        "backward_dW2_transposed",
        "backward_propagation",
        "dW2 has the shape of W2, (n_y, n_h): dW2 = dZ2 A1.T / m.",
        _backward(dw2="np.dot(A1, dZ2.T) / m"),
    ),
    # ------------------------------------------------------------------ update_parameters
    Mistake(
        "update_parameters_plus",
        "update_parameters",
        "the parameters moved uphill: gradient descent subtracts the gradient, "
        "W1 = W1 - learning_rate * dW1 (and the same for b1, W2, b2).",
        _update(op="+"),
    ),
    Mistake(
        "update_parameters_fixed_learning_rate",
        "update_parameters",
        "the step does not follow the learning_rate argument: use it instead of a fixed number.",
        _update(rate="1.2"),
    ),
    Mistake(
        "update_parameters_default",
        "update_parameters",
        "the default learning rate is 1.2: def update_parameters(parameters, grads, "
        "learning_rate=1.2).",
        _update(default="0.01"),
    ),
    Mistake(
        "update_parameters_in_place",
        "update_parameters",
        'W1 -= ... changes the caller\'s arrays in place (parameters["W1"] itself); '
        "update_parameters returns a new dict and leaves its arguments alone: write "
        'W1 = W1 - learning_rate * grads["dW1"] (and the same for b1, W2, b2).',
        _function(
            "update_parameters(parameters, grads, learning_rate=1.2)",
            """
W1, b1 = parameters["W1"], parameters["b1"]
W2, b2 = parameters["W2"], parameters["b2"]
W1 -= learning_rate * grads["dW1"]
b1 -= learning_rate * grads["db1"]
W2 -= learning_rate * grads["dW2"]
b2 -= learning_rate * grads["db2"]
return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
        ),
        public=False,  # the public examples do not share arrays: see the hidden checks
    ),
    # --------------------------------------------------------------------------- nn_model
    Mistake(
        "nn_model_n_h_ignored",
        "nn_model",
        "the hidden layer should have n_h units, as given by the n_h argument (layer_sizes' "
        "n_h = 4 is only for its own exercise).",
        _nn_model(sizes="n_x, n_h, n_y = layer_sizes(X, Y)"),
    ),
    Mistake(
        "nn_model_swapped",
        "nn_model",
        "the parameters' shapes do not fit X and Y: call initialize_parameters(n_x, n_h, n_y) "
        "with n_x = X.shape[0] and n_y = Y.shape[0] (layer_sizes(X, Y)[0] and [2]); did you "
        "swap n_x and n_y?",
        _nn_model(sizes="n_y, _, n_x = layer_sizes(X, Y)"),
    ),
    Mistake(
        "nn_model_learning_rate",
        "nn_model",
        "nn_model trains with learning rate 1.2: call update_parameters(parameters, grads), whose "
        "default is 1.2 (or pass learning_rate=1.2).",
        _nn_model(update="parameters = update_parameters(parameters, grads, learning_rate=0.5)"),
    ),
    Mistake(
        "nn_model_uphill",
        "nn_model",
        "the parameters moved uphill: update_parameters must subtract learning_rate times the "
        "gradient (see its own check).",
        _nn_model(update="parameters = update_parameters(parameters, grads, learning_rate=-1.2)"),
    ),
    # before the loop mistakes: after one iteration it gives what one_iteration_short gives
    Mistake(
        "nn_model_not_assigned",
        "nn_model",
        "the parameters did not change: loop num_iterations times (for i in "
        "range(num_iterations)) and assign the result of every step, "
        "parameters = update_parameters(parameters, grads).",
        _nn_model(update="update_parameters(parameters, grads)"),
    ),
    Mistake(
        "nn_model_one_iteration_short",
        "nn_model",
        ITERATIONS,
        _nn_model(loop="range(1, num_iterations)"),
        fragment="num_iterations times",
    ),
    Mistake(
        "nn_model_one_iteration_more",
        "nn_model",
        ITERATIONS,
        _nn_model(loop="range(num_iterations + 1)"),
    ),
    Mistake(
        "nn_model_fixed_iterations",
        "nn_model",
        ITERATIONS,
        _nn_model(loop="range(10000)"),
    ),
    Mistake(
        "nn_model_first_step",
        "nn_model",
        "one iteration from b2 = 0 moves b2 by 1.2 * (mean(Y) - 0.5) when the weights start "
        "small: start from initialize_parameters(n_x, n_h, n_y), loop num_iterations times "
        "and train with learning rate 1.2 (update_parameters' default).",
        _nn_model(
            start='{"W1": np.ones((n_h, n_x)), "b1": np.zeros((n_h, 1)), '
            '"W2": np.ones((n_y, n_h)), "b2": np.zeros((n_y, 1))}'
        ),
    ),
    # ---------------------------------------------------------------------------- predict
    Mistake(
        "predict_probabilities",
        "predict",
        "you returned the probabilities A2; predict returns labels: 1 where A2 > 0.5, else 0.",
        _predict_source("return A2"),
    ),
    Mistake(
        "predict_reversed",
        "predict",
        "the labels are reversed: 1 where A2 > 0.5, 0 elsewhere.",
        _predict_source("return (A2 < 0.5).astype(float)"),
    ),
    Mistake(
        "predict_1d",
        "predict",
        "the predictions should have shape (1, m), one row of labels, not (m,).",
        _predict_source("return (A2[0] > 0.5).astype(float)"),
    ),
    Mistake(
        "predict_Z2",
        "predict",
        "you compared Z2 with 0.5; compare the network's output A2 = sigmoid(Z2): "
        "predictions = A2 > 0.5.",
        _predict_source('return (cache["Z2"] > 0.5).astype(float)'),
    ),
]

SPEC = WeekSpec("c1w3_shallow_network", FUNCTIONS, MISTAKES)
