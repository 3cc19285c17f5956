"""Public checks of week C1 W3 (a shallow neural network: one tanh hidden layer).

Each ``check_<name>(obj)`` runs your function on small fixed examples. It prints one ✓ line when
everything matches, or stops with a message that says what was expected, what came back and,
when it recognises it, the likely mistake. The hidden checks that grade your work use other
inputs, so write each function for any input.

The expected results and the results of some common mistakes were computed with the course's
reference solution; they live in ``helpers/checks/data/c1w3_shallow_network.json`` (numbers
only). Your initialize_parameters draws random numbers, so its check (and nn_model's) look at
properties of the result (shapes, zeros, size of the numbers) rather than at exact values.
"""

from __future__ import annotations

import numpy as np

from helpers.checks import (
    CheckFailure,
    call,
    expect_close,
    expect_integer,
    expect_keys,
    expect_sequence,
    expect_shape,
    failure,
    passed,
    show,
)
from helpers.checks.engine import Week, narrowed, split_mistakes

WEEK = Week("c1w3_shallow_network", __name__)

check_forward_propagation = WEEK.checker("forward_propagation")
check_backward_propagation = WEEK.checker("backward_propagation")
check_update_parameters = WEEK.checker("update_parameters")
check_predict = WEEK.checker("predict")

PARAMETER_NAMES = ("W1", "b1", "W2", "b2")
# initialize_parameters: (n_x, n_h, n_y) of the networks it builds, then the standard deviation
# its weights must have, measured on a network of INIT_STATS_SIZES (randn(...) * 0.01 gives 0.01)
INIT_SIZES = ((2, 4, 1), (3, 5, 2))
INIT_STATS_SIZES = (30, 20, 10)
INIT_STD_RANGE = (0.005, 0.02)
# Weights of one sign are a mistake only in a matrix this big: randn draws n numbers of one sign
# with probability 2 ** (1 - n).
SIGN_CHECK_SIZE = 24
# nn_model: your initialize_parameters is random, so b2 after a few iterations is compared with
# this absolute tolerance (small weights change b2's first steps by less than 1e-3).
NN_MODEL_ATOL = 2e-3


def expect_three_integers(sizes, what: str) -> None:
    """layer_sizes' result is (n_x, n_h, n_y), three integers (before their values count)."""
    for n, part in zip(expect_sequence(sizes, 3, what), ("n_x", "n_h", "n_y"), strict=True):
        expect_integer(n, f"{what}: {part}")


def check_layer_sizes(layer_sizes) -> None:
    """Check layer_sizes on two data sets of different shapes: three integers, the right ones."""
    for example in WEEK.examples("layer_sizes"):
        what = example["label"]
        expect_three_integers(call(what, layer_sizes, *example["args"]), what)
    WEEK.check("layer_sizes", layer_sizes)


# ----------------------------------------------------------------------- compute_cost
def _python_float(cost, what: str) -> None:
    """The cost is one number, as the exercise asks: a Python float (np.float64 is one too) or
    a 0-d array (what np.squeeze gives; it prints and adds like a float). nn_model prints it
    with f"{cost:f}", which an array of shape (1, 1) cannot do."""
    if isinstance(cost, float) or (isinstance(cost, np.ndarray) and cost.shape == ()):
        return
    if isinstance(cost, np.ndarray):
        got = f"an array of shape {cost.shape}: {show(cost)}"
    else:
        got = f"{type(cost).__name__}: {show(cost)}"
    raise failure(
        f"{what} should return a Python float, not an array.",
        expected=f"a float, such as {float(np.asarray(cost, dtype=float).ravel()[0]):.8g}",
        got=got,
        mistake="the sum (or np.dot of a row and a column) leaves an array holding one number: "
        "return float(cost); float(np.squeeze(cost)) works for an array of any shape that holds "
        'one number. (nn_model prints the cost with f"{cost:f}", which fails on an array.)',
    )


check_compute_cost = WEEK.checker("compute_cost", then=_python_float)


# ------------------------------------------------------------------ initialize_parameters
def _weight_mistake(W: np.ndarray) -> str | None:
    """The key of the likely mistake when a weight matrix is not small random numbers."""
    if not W.any():
        return "initialize_parameters_zeros"
    if W.size > 1 and np.ptp(W) == 0:
        return "initialize_parameters_constant"
    if W.shape[0] > 1 and len(np.unique(W, axis=0)) < W.shape[0]:
        return "initialize_parameters_constant"
    if W.size >= SIGN_CHECK_SIZE and (W.min() >= 0 or W.max() <= 0):
        return "initialize_parameters_rand"
    return None


def _check_initial_parameters(parameters, n_x: int, n_h: int, n_y: int, what: str) -> None:
    """Keys and shapes, zero biases, weights that are random (not all equal) of both signs."""
    expect_keys(parameters, list(PARAMETER_NAMES), what)
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    for key, shape in shapes.items():
        if key.startswith("W"):
            wrong = [(shape[::-1], WEEK.hint("initialize_parameters_transposed"))]
        else:
            wrong = [(s, WEEK.hint("initialize_parameters_b_1d")) for s in (shape[:1], shape[::-1])]
        expect_shape(parameters[key], shape, f"{what}[{key!r}]", mistakes=wrong)
    for key in ("b1", "b2"):
        b = parameters[key]
        random = [(lambda _: True, WEEK.hint("initialize_parameters_b_random"))]
        expect_close(b, np.zeros(b.shape), f"{what}[{key!r}]", rtol=0, atol=0, mistakes=random)
    for key in ("W1", "W2"):
        mistake = _weight_mistake(parameters[key])
        if mistake is not None:
            raise failure(
                f"{what}[{key!r}] is not a matrix of small random numbers.",
                expected="small random numbers of both signs, around 0.01 in size",
                got=show(parameters[key]),
                mistake=WEEK.hint(mistake),
            )


def _check_initial_scale(parameters: dict, what: str) -> None:
    """The weights' standard deviation lies in INIT_STD_RANGE."""
    low, high = INIT_STD_RANGE
    for key in ("W1", "W2"):
        std = float(np.std(parameters[key]))
        if not low <= std <= high:
            mistake = "no_scale" if 0.5 <= std <= 2 else "scale"
            raise failure(
                f"{what}[{key!r}] has the wrong scale.",
                expected=f"a standard deviation between {low} and {high} (about 0.01)",
                got=f"a standard deviation of {std:.4g}",
                mistake=WEEK.hint(f"initialize_parameters_{mistake}"),
            )


def check_initialize_parameters(
    initialize_parameters, sizes=INIT_SIZES, stats_sizes=INIT_STATS_SIZES
) -> None:
    """Check initialize_parameters: keys and shapes, zero biases, small random weights (the
    networks' sizes may be given; ``stats_sizes=None`` leaves out the scale)."""
    for n_x, n_h, n_y in [*sizes, *([stats_sizes] if stats_sizes else [])]:
        what = f"initialize_parameters({n_x}, {n_h}, {n_y})"
        parameters = call(what, initialize_parameters, n_x, n_h, n_y)
        _check_initial_parameters(parameters, n_x, n_h, n_y, what)
    if stats_sizes:
        _check_initial_scale(parameters, what)
    passed("initialize_parameters", len(sizes) + bool(stats_sizes))


# ------------------------------------------------------------------------------- nn_model
def check_nn_model(nn_model) -> None:
    """Check nn_model on 8 examples: the parameters' shapes, then b2 after 1 and 3 iterations
    (close to the reference's whatever small random weights it starts from)."""
    WEEK.dependencies_first("nn_model", nn_model)
    swapped = WEEK.hint("nn_model_swapped")
    note = f"(compared to within {NN_MODEL_ATOL:g}, as the initial weights are random)"
    examples = WEEK.examples("nn_model")
    for number, example in enumerate(examples):
        what = example["label"]
        wrong, errors = split_mistakes(example["mistakes"])
        errors += [("not aligned", swapped), ("core dimension", swapped)]
        got = call(what, nn_model, *example["args"], hints=errors, **example["kwargs"])
        expected = example["expected"]
        expect_keys(got, list(expected), what)
        for key, value in expected.items():
            shapes = [(np.shape(v), h) for v, h in narrowed(wrong, key)]
            expect_shape(got[key], value.shape, f"{what}: parameters[{key!r}]", mistakes=shapes)
        unknown = "nn_model_first_step" if number == 0 else "nn_model_one_iteration_more"
        b2 = [*narrowed(wrong, "b2"), (lambda _: True, WEEK.hint(unknown))]
        options = {"rtol": 0, "atol": NN_MODEL_ATOL, "mistakes": b2}
        expect_close(got["b2"], expected["b2"], f"{what}: parameters['b2'] {note}", **options)
    passed("nn_model", len(examples))


__all__ = ["CheckFailure", *sorted(n for n in globals() if n.startswith("check_"))]
