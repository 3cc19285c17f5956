"""Public checks of week C1 W3 (a shallow neural network: one tanh hidden layer).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line when
everything matches, or stops with a message that says what was expected, what came back and,
when it recognises it, the likely mistake. The hidden checks that grade your work use other
inputs, so write each function for any input.

The expected numbers below were computed with the course's reference solution (the project's
tests recompute them); the "wrong" numbers are what some common mistakes produce. Your
initialize_parameters draws random numbers, so its check (and nn_model's) look at properties of
the result (shapes, zeros, size of the numbers) rather than at exact values.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import (
    CheckFailure,
    as_array,
    call,
    expect_close,
    expect_equal,
    expect_integer,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    passed,
    show,
)

# Likely mistakes, keyed like the planted mistakes of the hidden grader's tests.
MISTAKES = {
    "layer_sizes_n_h": "this network's hidden layer has 4 units: set n_h = 4.",
    "layer_sizes_swapped": (
        "n_x and n_y are swapped: n_x is the size of the input layer (X.shape[0]), n_y the size "
        "of the output layer (Y.shape[0])."
    ),
    "layer_sizes_examples": (
        "you used shape[1], the number of examples; a layer's size is a number of rows: "
        "X.shape[0] and Y.shape[0]."
    ),
    "initialize_parameters_W_shape": (
        "W1 takes the n_x inputs to the n_h hidden units, so its shape is (n_h, n_x), and W2's "
        "is (n_y, n_h): then W1 X has shape (n_h, m)."
    ),
    "initialize_parameters_b_1d": (
        "the biases are columns: b1 has shape (n_h, 1) and b2 (n_y, 1); give np.zeros the shape "
        "(n_h, 1)."
    ),
    "initialize_parameters_b_random": (
        "the biases start at zero (np.zeros); only the weights need random numbers to break the "
        "symmetry."
    ),
    "initialize_parameters_zeros": (
        "the weights are all zeros: every hidden unit would compute the same thing and get the "
        "same update. Draw them at random: np.random.randn(n_h, n_x) * 0.01."
    ),
    "initialize_parameters_constant": (
        "the hidden units start with equal weights, so they compute the same thing and learn the "
        "same (the symmetry is never broken): draw the weights at random with "
        "np.random.randn(...) * 0.01."
    ),
    "initialize_parameters_rand": (
        "the weights all have the same sign: np.random.rand draws uniformly between 0 and 1; use "
        "np.random.randn (standard normal: mean 0, both signs) times 0.01."
    ),
    "initialize_parameters_no_scale": (
        "the weights are too large (standard deviation near 1): multiply the random numbers by "
        "0.01 so that tanh starts in its steep middle part."
    ),
    "initialize_parameters_scale": (
        "the weights should be small random numbers: np.random.randn(...) * 0.01 has a standard "
        "deviation of 0.01."
    ),
    "forward_sigmoid_hidden": (
        "the hidden layer uses tanh: A1 = np.tanh(Z1) (the sigmoid is for the output layer)."
    ),
    "forward_tanh_output": (
        "the output layer uses the sigmoid: A2 = sigmoid(Z2), a probability between 0 and 1 "
        "(tanh is for the hidden layer)."
    ),
    "forward_no_b": "Z1 = W1 X + b1 and Z2 = W2 A1 + b2: did you leave out b1 or b2?",
    "forward_W_transposed": (
        "Z1 = W1 X + b1 with W1 of shape (n_h, n_x) and X of shape (n_x, m): no transpose is "
        "needed (likewise Z2 = W2 A1 + b2)."
    ),
    "compute_cost_sign": (
        "the cost has the wrong sign: it is minus the mean of Y log(A2) + (1 - Y) log(1 - A2)."
    ),
    "compute_cost_no_m": (
        "you forgot to divide by m (the number of examples): the cost is an average."
    ),
    "compute_cost_half": (
        "the cost has two terms, Y log(A2) + (1 - Y) log(1 - A2): the second one is missing."
    ),
    "backward_no_m": (
        "you forgot to divide by m (the number of examples): each gradient is an average over "
        "the examples."
    ),
    "backward_no_keepdims": (
        "without keepdims=True the sum over axis 1 drops that axis: np.sum(dZ, axis=1, "
        "keepdims=True) / m gives db the shape of b, (n, 1)."
    ),
    "backward_db_axis0": (
        "you summed over axis 0 (the units); db sums dZ over the examples, which are the "
        "columns: np.sum(dZ, axis=1, keepdims=True) / m."
    ),
    "backward_db_all": (
        "you summed all the numbers of dZ; db keeps one number per unit and sums over the "
        "examples only: np.sum(dZ, axis=1, keepdims=True) / m."
    ),
    "backward_sigmoid_derivative": (
        "dZ1 used the sigmoid's derivative A1 * (1 - A1), but the hidden layer is tanh: its "
        "derivative is 1 - A1**2 (1 - np.power(A1, 2))."
    ),
    "backward_tanh_no_square": "the derivative of tanh is 1 - A1**2: square A1.",
    "backward_no_derivative": (
        "dZ1 = W2.T dZ2 must be multiplied, element by element, by the derivative of tanh: "
        "1 - A1**2."
    ),
    "backward_W2_not_transposed": (
        "dZ1 = W2.T dZ2 * (1 - A1**2): W2 has shape (n_y, n_h) and dZ2 (n_y, m), so use W2.T to "
        "get the shape (n_h, m)."
    ),
    "backward_dZ2_sign": "the gradients have the wrong sign: dZ2 = A2 - Y, not Y - A2.",
    "backward_dW_transposed": "dW1 has the shape of W1, (n_h, n_x): dW1 = dZ1 X.T / m.",
    "backward_dW2_transposed": "dW2 has the shape of W2, (n_y, n_h): dW2 = dZ2 A1.T / m.",
    "update_parameters_plus": (
        "the parameters moved uphill: gradient descent subtracts the gradient, "
        "W1 = W1 - learning_rate * dW1 (and the same for b1, W2, b2)."
    ),
    "update_parameters_fixed_learning_rate": (
        "the step does not follow the learning_rate argument: use it instead of a fixed number."
    ),
    "update_parameters_default": (
        "the default learning rate is 1.2: def update_parameters(parameters, grads, "
        "learning_rate=1.2)."
    ),
    "nn_model_n_h_ignored": (
        "the hidden layer should have n_h units, as given by the n_h argument (layer_sizes' "
        "n_h = 4 is only for its own exercise)."
    ),
    "nn_model_swapped": (
        "the parameters' shapes do not fit X and Y: call initialize_parameters(n_x, n_h, n_y) "
        "with n_x = X.shape[0] and n_y = Y.shape[0] (layer_sizes(X, Y)[0] and [2]); did you "
        "swap n_x and n_y?"
    ),
    "nn_model_learning_rate": (
        "nn_model trains with learning rate 1.2: call update_parameters(parameters, grads), whose "
        "default is 1.2 (or pass learning_rate=1.2)."
    ),
    "nn_model_iterations": (
        "loop num_iterations times (for i in range(num_iterations)), each time forward "
        "propagation, cost, backward propagation and update."
    ),
    "nn_model_not_assigned": (
        "the parameters did not change: loop num_iterations times (for i in "
        "range(num_iterations)) and assign the result of every step, "
        "parameters = update_parameters(parameters, grads)."
    ),
    "nn_model_uphill": (
        "the parameters moved uphill: update_parameters must subtract learning_rate times the "
        "gradient (see its own check)."
    ),
    "nn_model_first_step": (
        "one iteration from b2 = 0 moves b2 by 1.2 * (mean(Y) - 0.5) when the weights start "
        "small: start from initialize_parameters(n_x, n_h, n_y), loop num_iterations times "
        "and train with learning rate 1.2 (update_parameters' default)."
    ),
    "predict_probabilities": (
        "you returned the probabilities A2; predict returns labels: 1 where A2 > 0.5, else 0."
    ),
    "predict_reversed": "the labels are reversed: 1 where A2 > 0.5, 0 elsewhere.",
    "predict_1d": "the predictions should have shape (1, m), one row of labels, not (m,).",
    "predict_Z2": (
        "you compared Z2 with 0.5; compare the network's output A2 = sigmoid(Z2): "
        "predictions = A2 > 0.5."
    ),
}

FORWARD_HINTS = [
    ("not aligned", MISTAKES["forward_W_transposed"]),
    ("core dimension", MISTAKES["forward_W_transposed"]),
]
BACKWARD_HINTS = [
    ("not aligned", MISTAKES["backward_W2_not_transposed"]),
    ("core dimension", MISTAKES["backward_W2_not_transposed"]),
    ("broadcast", MISTAKES["backward_W2_not_transposed"]),
]
NN_MODEL_HINTS = [
    ("not aligned", MISTAKES["nn_model_swapped"]),
    ("core dimension", MISTAKES["nn_model_swapped"]),
]

PARAMETER_NAMES = ("W1", "b1", "W2", "b2")
GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2")
CACHE_NAMES = ("Z1", "A1", "Z2", "A2")

# initialize_parameters: the standard deviation of the weights must lie in this range
# (np.random.randn(...) * 0.01 gives 0.01; the statistics are taken on INIT_STATS_SIZES).
INIT_STD_RANGE = (0.005, 0.02)
INIT_STATS_SIZES = (30, 20, 10)
# Weights of one sign are a mistake only in a matrix this big: randn draws n numbers of one sign
# with probability 2 ** (1 - n).
SIGN_CHECK_SIZE = 24
# nn_model: your initialize_parameters is random, so b2 after a few iterations is compared with
# this absolute tolerance (small weights change b2's first steps by less than 1e-3).
NN_MODEL_ATOL = 2e-3
NN_MODEL_LEARNING_RATE = 1.2

# ------------------------------------------------------------------------------ examples
LAYER_SIZES_EXAMPLES = [
    {"X_shape": (3, 5), "Y_shape": (2, 5), "expected": (3, 4, 2)},
    {"X_shape": (7, 10), "Y_shape": (1, 10), "expected": (7, 4, 1)},
]

INITIALIZE_PARAMETERS_EXAMPLES = [(2, 4, 1), (3, 5, 2)]  # (n_x, n_h, n_y)

# A network with n_x = 2 inputs, n_h = 3 hidden units and one output, and 4 examples.
PARAMETERS = {
    "W1": [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8]],
    "b1": [[0.1], [-0.2], [0.3]],
    "W2": [[1.0, -1.5, 0.5]],
    "b2": [[-0.1]],
}
FORWARD_EXAMPLE = {"X": [[1.0, -0.5, 2.0, 0.0], [0.5, 1.5, -1.0, -2.0]]}
FORWARD_EXPECTED = {
    "Z1": [
        [0.1, -1.65, 2.1, 2.1],
        [1.425, -0.575, 2.55, -0.7],
        [-0.04999999999999999, 1.8750000000000002, -1.9999999999999998, -1.3],
    ],
    "A1": [
        [0.09966799462495582, -0.9288576214547277, 0.970451936613454, 0.970451936613454],
        [0.8906373655681185, -0.5190218338982221, 0.9878803970168318, -0.6043677771171634],
        [-0.049958374957879956, 0.9540452601799488, -0.9640275800758169, -0.8617231593133063],
    ],
    "Z2": [[-1.361267241206162, 0.2266977594825799, -1.0933824489497022, 1.346142022632546]],
    "A2": [[0.20403441957700078, 0.5564329636462034, 0.250981876473387, 0.7934981803647618]],
}
FORWARD_WRONG = {
    "forward_sigmoid_hidden": {
        "A1": [
            [0.52497918747894, 0.16110894957658525, 0.8909031788043871, 0.8909031788043871],
            [0.8061210621761402, 0.36008390326226586, 0.9275735146384823, 0.3318122278318339],
            [0.4875026035157896, 0.8670357598021708, 0.11920292202211757, 0.2141650169574414],
        ],
        "A2": [[0.3680826502112103, 0.48862720553830535, 0.36798856287864345, 0.5987518910551147]],
    },
    "forward_tanh_output": {
        "A2": [[-0.8766866590839627, 0.22289249011070963, -0.7981093647629998, 0.8731396097482212]]
    },
    "forward_no_b": {
        "Z1": [
            [0.0, -1.75, 2.0, 2.0],
            [1.625, -0.375, 2.75, -0.5],
            [-0.35, 1.5750000000000002, -2.3, -1.6],
        ],
        "A2": [[0.1741915758908512, 0.5137638420011662, 0.26623484987942353, 0.7678782259954664]],
    },
}

COST_EXAMPLES = [
    {
        "A2": [[0.8, 0.3, 0.6, 0.9, 0.2]],
        "Y": [[1.0, 0.0, 1.0, 1.0, 0.0]],
        "expected": 0.28382963719819376,
        "wrong": {"compute_cost_half": 0.16786593814760536},
    },
    {"A2": [[0.35]], "Y": [[0.0]], "expected": 0.4307829160924542, "wrong": {}},
]

# backward_propagation(PARAMETERS, FORWARD_EXPECTED, X, Y): the cache is the forward example's.
BACKWARD_EXAMPLE = {"X": FORWARD_EXAMPLE["X"], "Y": [[1.0, 0.0, 1.0, 1.0]]}
BACKWARD_EXPECTED = {
    "dW1": [
        [-0.22836418924258495, -0.052959843184986116],
        [0.15147696236591945, -0.30289309531099307],
        [-0.11559995733989094, -0.020350042760121548],
    ],
    "db1": [[-0.1918340687768923], [-0.034815246830469146], [-0.10626147278872079]],
    "dW2": [[-0.3808663679042157, -0.403213705100647, 0.3676622269927987]],
    "db2": [[-0.29876313998466175]],
}
BACKWARD_WRONG = {
    "backward_sigmoid_derivative": {
        "dW1": [
            [0.0960201454058732, -0.3744445414910438],
            [-0.046456065559260754, 0.40811208639582597],
            [0.35823761747823096, -0.25291022115127787],
        ],
        "db1": [[-0.2739372966964463], [0.12186060084350883], [0.22695121070000945]],
    },
    "backward_tanh_no_square": {
        "dW1": [
            [-0.3243843346484581, 0.32148469830605764],
            [0.1979330279251802, -0.711005181706819],
            [-0.47383757481812183, 0.23256017839115628],
        ],
        "db1": [[0.08210322791955392], [-0.15667584767397794], [-0.33321268348873023]],
    },
    "backward_no_derivative": {
        "dW1": [
            [-0.6430545773248317, 0.3996721045137237],
            [0.9645818659872476, -0.5995081567705856],
            [-0.32152728866241587, 0.19983605225686185],
        ],
        "db1": [[-0.29876313998466175], [0.44814470997699263], [-0.14938156999233088]],
    },
}

UPDATE_GRADS = {
    "dW1": [[0.1, -0.2], [0.05, 0.3], [-0.15, 0.25]],
    "db1": [[0.02], [-0.01], [0.04]],
    "dW2": [[-0.3, 0.2, 0.1]],
    "db2": [[-0.05]],
}
UPDATE_RATE = 0.5  # the learning rate of the second example (the first uses the default)
UPDATE_EXPECTED = {
    "W1": [[0.38, -0.76], [1.44, -0.10999999999999999], [-0.5700000000000001, 0.5]],
    "b1": [[0.07600000000000001], [-0.188], [0.252]],
    "W2": [[1.3599999999999999, -1.74, 0.38]],
    "b2": [[-0.04000000000000001]],
}
UPDATE_EXPECTED_RATE = {
    "W1": [[0.45, -0.9], [1.475, 0.1], [-0.675, 0.675]],
    "b1": [[0.09000000000000001], [-0.195], [0.27999999999999997]],
    "W2": [[1.15, -1.6, 0.45]],
    "b2": [[-0.07500000000000001]],
}
UPDATE_WRONG = {
    "update_parameters_plus": {
        "W1": [[0.62, -1.24], [1.56, 0.61], [-0.9299999999999999, 1.1]],
        "b1": [[0.124], [-0.21200000000000002], [0.348]],
        "W2": [[0.64, -1.26, 0.62]],
        "b2": [[-0.16]],
    },
    "update_parameters_default": {
        "W1": [[0.499, -0.998], [1.4995, 0.247], [-0.7485, 0.7975000000000001]],
        "b1": [[0.0998], [-0.19990000000000002], [0.2996]],
        "W2": [[1.003, -1.502, 0.499]],
        "b2": [[-0.0995]],
    },
}

# nn_model on 8 examples with 2 features, 6 of them labelled 1, with n_h = 3 hidden units.
NN_MODEL_EXAMPLE = {
    "X": [
        [1.0, -0.5, 0.8, -1.2, 0.3, 1.5, -0.9, 0.1],
        [0.4, 1.1, -0.7, 0.2, -1.3, 0.6, 0.9, -0.2],
    ],
    "Y": [[1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0]],
    "n_h": 3,
}
# b2 after 1, 2, 3 and 4 iterations (the reference's; any small initial weights give the same
# numbers within NN_MODEL_ATOL).
NN_MODEL_B2 = {
    1: 0.29999649451783905,
    2: 0.5106329962161578,
    3: 0.660628764540129,
    4: 0.76926544768577,
}
NN_MODEL_WRONG = {"nn_model_learning_rate": 0.12499853938243294}  # b2 after 1 iteration

PREDICT_EXAMPLES = [
    {
        "X": [[1.0, -1.0, 0.5, 2.0, -0.3], [0.5, 1.0, -1.5, -0.5, 0.2]],
        "expected": [[0.0, 1.0, 1.0, 0.0, 1.0]],
        "wrong": {"predict_Z2": [[0.0, 1.0, 0.0, 0.0, 1.0]]},
    },
    {"X": [[-0.4], [0.3]], "expected": [[1.0]], "wrong": {}},
]


def _arrays(example: dict, *names: str) -> list:
    """Fresh copies of an example's inputs (so a function that edits its input harms nothing)."""
    return [np.array(example[n]) if isinstance(example[n], list) else example[n] for n in names]


def _parameters(values: dict | None = None) -> dict:
    """A fresh dict of arrays (PARAMETERS by default)."""
    return {k: np.array(v, dtype=float) for k, v in (values or PARAMETERS).items()}


def _wrong(wrong: dict, part: str | None = None) -> list:
    """(wrong value, likely mistake) pairs from an example's hard-coded wrong outputs."""
    return [
        (np.array(value) if part is None else np.array(value[part]), MISTAKES[key])
        for key, value in wrong.items()
        if part is None or part in value
    ]


def _expect_array_shape(value, shape, what: str, *, mistakes=()) -> np.ndarray:
    """Like expect_shape, but a plain number counts as shape () (so that ``mistakes`` can name
    a sum over everything), and a wrong shape is reported with the likely mistake."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        value = np.asarray(value)
    return expect_shape(value, shape, what, mistakes=mistakes)


def _db_shape_mistakes(n: int, m: int) -> list:
    """(wrong shape, text) pairs for a bias gradient of shape (n, 1) over m examples."""
    pairs = [
        ((n,), MISTAKES["backward_no_keepdims"]),
        ((1, m), MISTAKES["backward_db_axis0"]),
        ((m,), MISTAKES["backward_db_axis0"]),
        ((), MISTAKES["backward_db_all"]),
        ((1,), MISTAKES["backward_db_all"]),
    ]
    return [(shape, text) for shape, text in pairs if shape != (n, 1)]


def _gradient_shape_mistakes(key: str, shape: tuple, m: int) -> list:
    """(wrong shape, text) pairs for one gradient of ``shape``."""
    if key.startswith("db"):
        return _db_shape_mistakes(shape[0], m)
    text = MISTAKES["backward_dW_transposed" if key == "dW1" else "backward_dW2_transposed"]
    return [(shape[::-1], text)] if shape[::-1] != shape else []


def _weight_mistake(W: np.ndarray) -> str | None:
    """The likely mistake when a weight matrix is not small random numbers, else None."""
    if not W.any():
        return MISTAKES["initialize_parameters_zeros"]
    if W.size > 1 and np.ptp(W) == 0:
        return MISTAKES["initialize_parameters_constant"]
    if W.shape[0] > 1 and len(np.unique(W, axis=0)) < W.shape[0]:
        return MISTAKES["initialize_parameters_constant"]
    if W.size >= SIGN_CHECK_SIZE and (W.min() >= 0 or W.max() <= 0):
        return MISTAKES["initialize_parameters_rand"]
    return None


def _check_parameters_structure(parameters, n_x: int, n_h: int, n_y: int, what: str) -> dict:
    """The parameters dict of a (n_x, n_h, n_y) network: keys and shapes."""
    expect_keys(parameters, list(PARAMETER_NAMES), what)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    for key, shape in shapes.items():
        mistakes = []
        if key.startswith("W") and shape[::-1] != shape:
            mistakes.append((shape[::-1], MISTAKES["initialize_parameters_W_shape"]))
        if key.startswith("b"):
            mistakes.append(((shape[0],), MISTAKES["initialize_parameters_b_1d"]))
            mistakes.append(((1, shape[0]), MISTAKES["initialize_parameters_b_1d"]))
        expect_shape(parameters[key], shape, f"{what}[{key!r}]", mistakes=mistakes)
    return parameters


def _check_initial_values(parameters: dict, what: str) -> None:
    """Zero biases, and weights that are random (not all equal) and of both signs."""
    for key in ("b1", "b2"):
        expect_close(
            parameters[key],
            np.zeros(parameters[key].shape),
            f"{what}[{key!r}]",
            rtol=0,
            atol=0,
            mistakes=[(lambda b: True, MISTAKES["initialize_parameters_b_random"])],
        )
    for key in ("W1", "W2"):
        W = parameters[key]
        hint = _weight_mistake(W)
        if hint is not None:
            raise failure(
                f"{what}[{key!r}] is not a matrix of small random numbers.",
                expected="small random numbers of both signs, around 0.01 in size",
                got=show(W),
                mistake=hint,
            )


def _check_initial_scale(parameters: dict, what: str) -> None:
    """The weights' standard deviation lies in INIT_STD_RANGE."""
    low, high = INIT_STD_RANGE
    for key in ("W1", "W2"):
        W = parameters[key]
        std = float(np.std(W))
        if not low <= std <= high:
            hint = MISTAKES[
                "initialize_parameters_no_scale"
                if 0.5 <= std <= 2
                else "initialize_parameters_scale"
            ]
            raise failure(
                f"{what}[{key!r}] has the wrong scale.",
                expected=f"a standard deviation between {low} and {high} (about 0.01)",
                got=f"a standard deviation of {std:.4g}",
                mistake=hint,
            )


# -------------------------------------------------------------------------------- checks
def check_layer_sizes(layer_sizes) -> None:
    """Check layer_sizes on two data sets of different shapes."""
    for example in LAYER_SIZES_EXAMPLES:
        X = np.linspace(-1, 1, np.prod(example["X_shape"])).reshape(example["X_shape"])
        Y = (np.arange(np.prod(example["Y_shape"])).reshape(example["Y_shape"]) % 2).astype(float)
        what = f"layer_sizes(X, Y) for X of shape {X.shape} and Y of shape {Y.shape}"
        got = expect_sequence(call(what, layer_sizes, X, Y), 3, what)
        got = tuple(
            expect_integer(n, f"{what}: {part}")
            for n, part in zip(got, ("n_x", "n_h", "n_y"), strict=True)
        )
        n_x, n_h, n_y = example["expected"]
        mistakes = [
            ((n_y, n_h, n_x), MISTAKES["layer_sizes_swapped"]),
            ((X.shape[1], n_h, Y.shape[1]), MISTAKES["layer_sizes_examples"]),
            (lambda g, n_h=n_h: g[1] != n_h, MISTAKES["layer_sizes_n_h"]),
        ]
        expect_equal(got, (n_x, n_h, n_y), what, mistakes=mistakes)
    passed("layer_sizes", len(LAYER_SIZES_EXAMPLES))


def check_initialize_parameters(initialize_parameters) -> None:
    """Check initialize_parameters: keys and shapes, zero biases, small random weights."""
    for n_x, n_h, n_y in INITIALIZE_PARAMETERS_EXAMPLES:
        what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
        parameters = call(what, initialize_parameters, n_x, n_h, n_y)
        _check_parameters_structure(parameters, n_x, n_h, n_y, what)
        _check_initial_values(parameters, what)
    n_x, n_h, n_y = INIT_STATS_SIZES
    what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
    parameters = call(what, initialize_parameters, n_x, n_h, n_y)
    _check_parameters_structure(parameters, n_x, n_h, n_y, what)
    _check_initial_values(parameters, what)
    _check_initial_scale(parameters, what)
    passed("initialize_parameters", 3)


def check_forward_propagation(forward_propagation) -> None:
    """Check forward_propagation on 4 examples: A2, then each entry of the cache."""
    (X,) = _arrays(FORWARD_EXAMPLE, "X")
    what = f"forward_propagation(X, parameters) for X of shape {X.shape}"
    result = call(what, forward_propagation, X, _parameters(), hints=FORWARD_HINTS)
    A2, cache = expect_sequence(result, 2, what)
    expect_keys(cache, list(CACHE_NAMES), f"{what}: cache")
    m = X.shape[1]
    expect_shape(A2, (1, m), f"{what}: A2")
    expect_close(
        A2, np.array(FORWARD_EXPECTED["A2"]), f"{what}: A2", mistakes=_wrong(FORWARD_WRONG, "A2")
    )
    for key in CACHE_NAMES:
        expected = np.array(FORWARD_EXPECTED[key])
        expect_close(
            cache[key], expected, f"{what}: cache[{key!r}]", mistakes=_wrong(FORWARD_WRONG, key)
        )
    passed("forward_propagation", 3)


def check_compute_cost(compute_cost) -> None:
    """Check compute_cost on 5 examples and on a single example."""
    for example in COST_EXAMPLES:
        A2, Y = _arrays(example, "A2", "Y")
        m = Y.shape[1]
        what = f"compute_cost(A2, Y) for A2 = {example['A2']}, Y = {example['Y']}"
        got = call(what, compute_cost, A2, Y)
        expected = example["expected"]
        mistakes = [
            (-expected, MISTAKES["compute_cost_sign"]),
            *_wrong(example["wrong"]),
        ]
        if m > 1:
            mistakes.insert(0, (expected * m, MISTAKES["compute_cost_no_m"]))
        expect_close(got, expected, what, mistakes=mistakes)
    passed("compute_cost", len(COST_EXAMPLES))


def check_backward_propagation(backward_propagation) -> None:
    """Check backward_propagation on 4 examples: the shape, then the value of each gradient."""
    X, Y = _arrays(BACKWARD_EXAMPLE, "X", "Y")
    m = X.shape[1]
    cache = _parameters(FORWARD_EXPECTED)
    what = f"backward_propagation(parameters, cache, X, Y) for X of shape {X.shape}"
    grads = call(what, backward_propagation, _parameters(), cache, X, Y, hints=BACKWARD_HINTS)
    expect_keys(grads, list(GRADIENT_NAMES), f"{what}: grads")
    for key in GRADIENT_NAMES:
        shape = np.shape(BACKWARD_EXPECTED[key])
        mistakes = _gradient_shape_mistakes(key, shape, m)
        _expect_array_shape(grads[key], shape, f"{what}: grads[{key!r}]", mistakes=mistakes)
    for key in GRADIENT_NAMES:
        expected = np.array(BACKWARD_EXPECTED[key])
        mistakes = [
            (expected * m, MISTAKES["backward_no_m"]),
            (-expected, MISTAKES["backward_dZ2_sign"]),
            *_wrong(BACKWARD_WRONG, key),
        ]
        expect_close(grads[key], expected, f"{what}: grads[{key!r}]", mistakes=mistakes)
    passed("backward_propagation", 2)


def _step_mistakes(start: dict, grads: dict, key: str) -> list:
    """(test, text): the result is start - r * grad for one r other than the right one."""

    def _other_rate(got) -> bool:
        got = np.asarray(got, dtype=float)
        step = start[key] - got
        grad = grads["d" + key]
        if got.shape != grad.shape or not grad.all():
            return False
        rates = step / grad
        return bool(np.allclose(rates, rates.flat[0], rtol=1e-6) and rates.flat[0] > 0)

    return [(_other_rate, MISTAKES["update_parameters_default"])]


def check_update_parameters(update_parameters) -> None:
    """Check update_parameters with its default learning rate, then with learning_rate=0.5."""
    grads = _parameters(UPDATE_GRADS)
    name = "update_parameters(parameters, grads)"
    got = call(name, update_parameters, _parameters(), _parameters(UPDATE_GRADS))
    expect_keys(got, list(PARAMETER_NAMES), name)
    for key in PARAMETER_NAMES:
        mistakes = [
            *_wrong(UPDATE_WRONG, key),
            *_step_mistakes(_parameters(), grads, key),
        ]
        expected = np.array(UPDATE_EXPECTED[key])
        expect_close(got[key], expected, f"{name}: {key}", mistakes=mistakes)
    name = f"update_parameters(parameters, grads, learning_rate={UPDATE_RATE})"
    got = call(
        name, update_parameters, _parameters(), _parameters(UPDATE_GRADS), learning_rate=UPDATE_RATE
    )
    expect_keys(got, list(PARAMETER_NAMES), name)
    for key in PARAMETER_NAMES:
        mistakes = [
            (np.array(UPDATE_EXPECTED[key]), MISTAKES["update_parameters_fixed_learning_rate"])
        ]
        expected = np.array(UPDATE_EXPECTED_RATE[key])
        expect_close(got[key], expected, f"{name}: {key}", mistakes=mistakes)
    passed("update_parameters", 2)


def check_nn_model(nn_model) -> None:
    """Check nn_model on 8 examples: the parameters' shapes, then b2 after 1 and 3 iterations."""
    X, Y = _arrays(NN_MODEL_EXAMPLE, "X", "Y")
    n_h = NN_MODEL_EXAMPLE["n_h"]
    n_x, n_y = X.shape[0], Y.shape[0]
    for iterations in (1, 3):
        what = f"nn_model(X, Y, n_h={n_h}, num_iterations={iterations})"
        parameters = call(
            what, nn_model, X.copy(), Y.copy(), n_h, num_iterations=iterations, hints=NN_MODEL_HINTS
        )
        expect_keys(parameters, list(PARAMETER_NAMES), what)
        shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
        for key, shape in shapes.items():
            mistakes = [
                (
                    {"W1": (4, n_x), "b1": (4, 1), "W2": (n_y, 4)}.get(key),
                    MISTAKES["nn_model_n_h_ignored"],
                ),
                (
                    {"W1": (n_h, n_y), "W2": (n_x, n_h), "b2": (n_x, 1)}.get(key),
                    MISTAKES["nn_model_swapped"],
                ),
            ]
            mistakes = [(s, text) for s, text in mistakes if s is not None]
            expect_shape(parameters[key], shape, f"{what}: parameters[{key!r}]", mistakes=mistakes)
        expected = NN_MODEL_B2[iterations]
        if iterations == 1:
            mistakes = [
                (0.0, MISTAKES["nn_model_not_assigned"]),
                (-expected, MISTAKES["nn_model_uphill"]),
                (NN_MODEL_WRONG["nn_model_learning_rate"], MISTAKES["nn_model_learning_rate"]),
                (NN_MODEL_B2[2], MISTAKES["nn_model_iterations"]),
                (lambda b: True, MISTAKES["nn_model_first_step"]),
            ]
        else:
            mistakes = [
                (NN_MODEL_B2[iterations - 1], MISTAKES["nn_model_iterations"]),
                (NN_MODEL_B2[iterations + 1], MISTAKES["nn_model_iterations"]),
                (0.0, MISTAKES["nn_model_not_assigned"]),
                (lambda b: True, MISTAKES["nn_model_iterations"]),
            ]
        expect_close(
            parameters["b2"],
            expected,
            f"{what}: parameters['b2'] (compared to within {NN_MODEL_ATOL:g}, as the initial "
            "weights are random)",
            rtol=0,
            atol=NN_MODEL_ATOL,
            mistakes=mistakes,
        )
    passed("nn_model", 3)


def check_predict(predict) -> None:
    """Check predict on 5 examples and on a single example."""
    for example in PREDICT_EXAMPLES:
        (X,) = _arrays(example, "X")
        m = X.shape[1]
        what = f"predict(parameters, X) for X of shape {X.shape}"
        got = call(what, predict, _parameters(), X)
        expect_shape(got, (1, m), what, mistakes=[((m,), MISTAKES["predict_1d"])])
        expected = np.array(example["expected"])
        labels = as_array(got, what)
        mistakes = [
            (lambda a: not np.isin(a, (0, 1)).all(), MISTAKES["predict_probabilities"]),
            (1 - expected, MISTAKES["predict_reversed"]),
            *_wrong(example["wrong"]),
        ]
        expect_close(labels.astype(float), expected, what, mistakes=mistakes)
    passed("predict", len(PREDICT_EXAMPLES))


__all__ = [
    "CheckFailure",
    "check_backward_propagation",
    "check_compute_cost",
    "check_forward_propagation",
    "check_initialize_parameters",
    "check_layer_sizes",
    "check_nn_model",
    "check_predict",
    "check_update_parameters",
]
