"""The hand-written parts of C1 W3's public checks (helpers.checks.c1w3); tests/test_specs.py
covers the generic contract (data fresh, passes on the reference, names every planted mistake,
no solutions).

- correct cells written in other ways (ALTERNATIVES) pass every public check, including the
  course's own random initialisation with np.random, whatever it draws;
- initialize_parameters' pattern rules and nn_model's tolerance tell the mistakes apart.
"""

from __future__ import annotations

import contextlib
import inspect
import io

import numpy as np
import pytest

from grader_tests import spec as specs
from grader_tests.c1w3_shallow_network import ISOLATE
from grader_tests.c1w3_shallow_network import reference as ref
from grader_tests.c1w3_shallow_network.spec import SPEC
from helpers.checks import CheckFailure
from helpers.checks import c1w3 as checks

# Correct cells written in other ways (loops, @, np.power, a cost via np.squeeze and float,
# an update in place on its own copy, a loop that records the cost ...):
# every check, public and hidden, must accept them.
ALTERNATIVES: dict[str, tuple[str, str]] = {
    "layer_sizes_list": (
        "layer_sizes",
        """
def layer_sizes(X, Y):
    n_x, m = X.shape
    return [n_x, 4, Y.shape[0]]
""",
    ),
    "initialize_parameters_normal": (
        "initialize_parameters",
        """
def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng(7)
    return {"W1": rng.normal(0.0, 0.01, size=(n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": rng.normal(0.0, 0.01, size=(n_y, n_h)), "b2": np.zeros((n_y, 1))}
""",
    ),
    "initialize_parameters_seeded_randn": (
        "initialize_parameters",
        """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "forward_matmul_loops": (
        "forward_propagation",
        """
def forward_propagation(X, parameters):
    W1, b1, W2, b2 = (parameters[k] for k in ("W1", "b1", "W2", "b2"))
    Z1 = np.zeros((W1.shape[0], X.shape[1]))
    for j in range(X.shape[1]):
        Z1[:, j:j + 1] = W1 @ X[:, j:j + 1] + b1
    A1 = np.tanh(Z1)
    Z2 = W2 @ A1 + b2
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""",
    ),
    "forward_tanh_by_exp": (
        "forward_propagation",
        """
def forward_propagation(X, parameters):
    Z1 = np.matmul(parameters["W1"], X) + parameters["b1"]
    A1 = (np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))
    Z2 = np.matmul(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    assert A2.shape == (1, X.shape[1])
    return A2, cache
""",
    ),
    "compute_cost_multiply_squeeze": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    return float(np.squeeze(cost))
""",
    ),
    "backward_tanh_of_Z1": (
        "backward_propagation",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = dZ2 @ cache["A1"].T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - np.tanh(cache["Z1"]) ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": dW2, "db2": db2}
""",
    ),
    "backward_loops": (
        "backward_propagation",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    grads = {"dW1": np.zeros(parameters["W1"].shape), "db1": np.zeros(parameters["b1"].shape),
             "dW2": np.zeros(W2.shape), "db2": np.zeros(parameters["b2"].shape)}
    for j in range(m):
        x, a1 = X[:, j:j + 1], A1[:, j:j + 1]
        dz2 = A2[:, j:j + 1] - Y[:, j:j + 1]
        dz1 = (W2.T @ dz2) * (1 - a1 * a1)
        grads["dW2"] += dz2 @ a1.T / m
        grads["db2"] += dz2 / m
        grads["dW1"] += dz1 @ x.T / m
        grads["db1"] += dz1 / m
    return grads
""",
    ),
    "backward_broadcast_W2": (
        "backward_propagation",
        """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1 = parameters["W2"], cache["A1"]
    dZ2 = cache["A2"] - Y
    dZ1 = W2.T * dZ2 * (1 - A1 ** 2)
    return {"dW1": np.dot(dZ1, X.T) / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": np.dot(dZ2, A1.T) / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}
""",
    ),
    "update_parameters_deepcopy_in_place": (
        "update_parameters",
        """
import copy


def update_parameters(parameters, grads, learning_rate=1.2):
    parameters = copy.deepcopy(parameters)
    for key in ("W1", "b1", "W2", "b2"):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
""",
    ),
    "update_parameters_course": (
        "update_parameters",
        """
def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""",
    ),
    "nn_model_course_style": (
        "nn_model",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print(f"Cost after iteration {i}: {cost:f}")
    return parameters
""",
    ),
    "nn_model_while": (
        "nn_model",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    i = 0
    while i < num_iterations:
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, 1.2)
        i += 1
    return parameters
""",
    ),
    "nn_model_records_costs_every_100": (
        "nn_model",
        """
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, np.squeeze(cost)))
    return parameters
""",
    ),
    "predict_bool": (
        "predict",
        """
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = A2 > 0.5
    return predictions
""",
    ),
    "predict_round": (
        "predict",
        """
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return np.round(A2).astype(int)
""",
    ),
}


def alternative(key: str):
    """The function an alternative cell defines, in the notebook's namespace (the functions
    it calls are the reference ones, as the grader's ISOLATE makes them)."""
    name, source = ALTERNATIVES[key]
    namespace = specs.base_namespace(SPEC)
    exec(compile(source, f"<alternative {key}>", "exec"), namespace)  # noqa: S102
    return namespace[name]


def run_check(name: str, obj) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        getattr(checks, f"check_{name}")(obj)
    return printed.getvalue()


def assert_one_pass_line(name: str, output: str) -> None:
    assert output.count("\n") == 1 and output.startswith(f"✓ {name}: "), output


@pytest.mark.parametrize("key", list(ALTERNATIVES))
def test_public_check_accepts_correct_alternatives(key):
    name = ALTERNATIVES[key][0]
    assert_one_pass_line(name, run_check(name, alternative(key)))


# The exercise asks for a Python float ("not an array"): nn_model prints the cost with
# f"{cost:f}", which an array of shape (1, 1) cannot do. The right value in such an array fails.
COSTS_AS_ARRAYS: dict[str, tuple[str, str]] = {
    "compute_cost_dot": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
    cost = -logprobs / m
    return cost
""",
    ),
    "compute_cost_sum_keepdims": (
        "compute_cost",
        """
def compute_cost(A2, Y):
    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2), axis=1, keepdims=True) / Y.shape[1]
""",
    ),
}


@pytest.mark.parametrize("key", list(COSTS_AS_ARRAYS))
def test_a_cost_returned_as_an_array_fails_and_says_float(key):
    name, source = COSTS_AS_ARRAYS[key]
    namespace = specs.base_namespace(SPEC)
    exec(compile(source, f"<cost {key}>", "exec"), namespace)  # noqa: S102
    with pytest.raises(CheckFailure) as failed:
        run_check(name, namespace[name])
    message = str(failed.value)
    assert "should return a Python float, not an array" in message.splitlines()[0]
    assert "float(cost)" in message and "np.squeeze" in message


COSTS_AS_NUMBERS = {
    # np.float64 is a Python float (a subclass): what -np.sum(...) / m gives
    "float64": "return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / Y.shape[1]",
    # a 0-d array (np.squeeze's result) prints with f"{cost:f}" and adds like a float
    "0-d array": "return np.squeeze(-(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) "
    "/ Y.shape[1])",
}


@pytest.mark.parametrize("kind", list(COSTS_AS_NUMBERS))
def test_a_cost_may_be_a_numpy_float64_or_a_0d_array(kind):
    source = f"def compute_cost(A2, Y):\n    {COSTS_AS_NUMBERS[kind]}\n"
    namespace = specs.base_namespace(SPEC)
    exec(compile(source, f"<cost {kind}>", "exec"), namespace)  # noqa: S102
    cost = namespace["compute_cost"](np.array([[0.5, 0.2]]), np.array([[1, 0]]))
    assert np.ndim(cost) == 0 and (kind != "0-d array" or isinstance(cost, np.ndarray))
    assert_one_pass_line("compute_cost", run_check("compute_cost", namespace["compute_cost"]))


def _course_initialize_parameters(n_x, n_h, n_y):
    """The course's way: np.random.randn(...) * 0.01, unseeded."""
    return {
        "W1": np.random.randn(n_h, n_x) * 0.01,
        "b1": np.zeros((n_h, 1)),
        "W2": np.random.randn(n_y, n_h) * 0.01,
        "b2": np.zeros((n_y, 1)),
    }


@pytest.mark.parametrize("seed", range(25))
def test_the_random_checks_accept_any_draw_of_randn(seed):
    """initialize_parameters and nn_model are checked on properties of random results: they
    must pass whatever numbers np.random draws."""
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        run_check("initialize_parameters", _course_initialize_parameters)
        namespace = dict(
            specs.base_namespace(SPEC), initialize_parameters=_course_initialize_parameters
        )
        exec(compile(inspect.getsource(ref.nn_model), "<nn_model>", "exec"), namespace)  # noqa: S102
        assert_one_pass_line("nn_model", run_check("nn_model", namespace["nn_model"]))
    finally:
        np.random.set_state(state)


def test_isolate_names_only_graded_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert hasattr(checks, f"check_{name}") and name not in others
        assert all(callable(getattr(ref, other, None)) for other in others)


def test_the_reference_initialisation_is_deterministic_and_course_like():
    first, second = ref.initialize_parameters(3, 5, 2), ref.initialize_parameters(3, 5, 2)
    for key in first:
        assert np.array_equal(first[key], second[key])
    run_check("initialize_parameters", ref.initialize_parameters)


@pytest.mark.parametrize(
    "weights, key",
    [
        (np.zeros((3, 2)), "initialize_parameters_zeros"),
        (np.full((3, 2), 0.01), "initialize_parameters_constant"),
        (np.tile([[0.01, -0.02]], (3, 1)), "initialize_parameters_constant"),
        (np.linspace(0.001, 0.02, 24).reshape(6, 4), "initialize_parameters_rand"),
    ],
)
def test_weights_that_are_not_small_random_numbers_are_named(weights, key):
    assert checks._weight_mistake(weights) == key


def test_random_weights_are_not_mistaken_for_a_pattern():
    rng = np.random.default_rng(5)
    assert checks._weight_mistake(rng.standard_normal((4, 3)) * 0.01) is None
    assert checks._weight_mistake(np.abs(rng.standard_normal((1, 5))) * 0.01) is None  # 5 > 0
    assert 2.0 ** (1 - checks.SIGN_CHECK_SIZE) < 1e-6


def test_nn_model_b2_holds_for_any_small_initial_weights_and_tells_the_mistakes_apart():
    """b2's first steps follow b <- b - 1.2 (sigmoid(b) - mean(Y)) to far less than the
    tolerance, and the b2 values the check tells apart differ by far more than it (or not at
    all: two mistakes may give the same b2, the first one's hint is shown)."""
    examples = checks.WEEK.examples("nn_model")
    Y, b, done, atol = examples[0]["args"][1], 0.0, 0, checks.NN_MODEL_ATOL
    for example in examples:
        for _ in range(example["kwargs"]["num_iterations"] - done):
            b -= ref.LEARNING_RATE * (ref.sigmoid(b) - Y.mean())
        done = example["kwargs"]["num_iterations"]
        expected = example["expected"]
        assert abs(b - expected["b2"].item()) < atol / 4
        shapes = {k: v.shape for k, v in expected.items()}
        values = [expected["b2"].item()] + [
            v["b2"].item()
            for v, _ in example["mistakes"]
            if isinstance(v, dict) and {k: np.shape(a) for k, a in v.items()} == shapes
        ]
        gaps = np.abs(np.subtract.outer(values, values))
        assert (gaps[0, 1:] > 4 * atol).all()
        assert ((gaps == 0) | (gaps > 4 * atol)).all()
