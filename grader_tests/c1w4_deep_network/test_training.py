"""Hidden checks of training: update_parameters (1 to 4 layers), two_layer_model and
L_layer_model on small random data sets and few iterations.

Every function the student's models call is the reference's (``ISOLATE``, deterministic
initializers included), so they must give the reference model's parameters and costs (recorded
every 100 iterations, with or without the last one: compared at the same iterations).
update_parameters gets copies of its arguments, so only the dict it returns is checked.
"""

from __future__ import annotations

import pytest

from grader_tests.c1w4_deep_network import reference as ref
from grader_tests.c1w4_deep_network.common import call_student, check
from grader_tests.c1w4_deep_network.spec import SPEC
from helpers.checks import CheckFailure
from helpers.checks.c1w4 import expect_model_result


@pytest.mark.grades("test_update_parameters")
@pytest.mark.parametrize("L", [1, 2, 4])
def test_update_parameters(update_parameters, rng, L):
    dims = [int(rng.integers(1, 6)) for _ in range(L + 1)]
    m = int(rng.integers(1, 5))
    parameters, grads = {}, {}
    for l in range(1, L + 1):
        for key, shape in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1))):
            parameters[key] = rng.normal(0, 1, size=shape)
            grads["d" + key] = rng.normal(0, 1, size=shape)
        grads[f"dA{l - 1}"] = rng.normal(0, 1, size=(dims[l - 1], m))  # an extra key
    rate = float(rng.uniform(0.01, 1.0))
    what = f"update_parameters(parameters, grads, learning_rate={rate:.4g}) for {L} layer(s)"
    what = f"{what}: the new parameters"
    check(update_parameters, "update_parameters", what, parameters, grads, rate)


# ------------------------------------------------------------------------------- models
def _problem(rng, name: str, L: int = 2):
    """X, Y and the layer sizes (neighbours different): labels that depend on the features,
    so that training makes progress."""
    dims = [int(rng.integers(2, 6))]
    while len(dims) < L:
        dims += [n for n in [int(rng.integers(2, 6))] if n != dims[-1]]
    n_x, m = dims[0], int(rng.integers(5, 13))
    X = rng.normal(0, 1, size=(n_x, m))
    Y = ((rng.normal(0, 1, size=(1, n_x)) @ X + rng.normal(0, 0.3, size=(1, m))) > 0) * 1.0
    return X, Y, (tuple if name == "two_layer_model" else list)(dims + [1])


def _check_model(model, name: str, problem, num_iterations: int, **options) -> None:
    X, Y, dims = problem
    shown = "".join(f", {k}={v:.4g}" for k, v in options.items())
    what = f"{name}(X, Y, {dims}{shown}, num_iterations={num_iterations}) for X of shape {X.shape}"
    options.update(num_iterations=num_iterations, print_cost=False)
    got, wrong = call_student(model, name, what, X, Y, dims, **options)
    expected = getattr(ref, name)(X, Y, dims, **options)
    try:  # the planted mistakes (each a training run) only for a wrong result's message
        expect_model_result(got, expected, what, num_iterations)
    except CheckFailure:
        first = SPEC.hint(f"{name}_cost_arguments")
        expect_model_result(got, expected, what, num_iterations, wrong, first)


@pytest.mark.grades("test_two_layer_model")
@pytest.mark.parametrize("num_iterations", [1, 100, 101])
def test_two_layer_model_records_the_costs(two_layer_model, rng, num_iterations):
    problem = _problem(rng, "two_layer_model")
    _check_model(two_layer_model, "two_layer_model", problem, num_iterations, learning_rate=0.05)


@pytest.mark.grades("test_two_layer_model")
@pytest.mark.parametrize("run", [1, 2, 3])
def test_two_layer_model(two_layer_model, rng, run):
    iterations = int(rng.integers(110, 180))  # costs at 0, 100 and the last
    options = {"learning_rate": float(rng.uniform(0.02, 0.1))} if run < 3 else {}  # the default
    _check_model(
        two_layer_model, "two_layer_model", _problem(rng, "two_layer_model"), iterations, **options
    )


@pytest.mark.grades("test_L_layer_model")
@pytest.mark.parametrize("num_iterations", [1, 100, 101])
def test_L_layer_model_records_the_costs(L_layer_model, rng, num_iterations):
    problem = _problem(rng, "L_layer_model", 2)
    _check_model(L_layer_model, "L_layer_model", problem, num_iterations, learning_rate=0.05)


@pytest.mark.grades("test_L_layer_model")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_layer_model(L_layer_model, rng, L):
    iterations = int(rng.integers(110, 180))  # costs at 0, 100 and the last
    options = {"learning_rate": float(rng.uniform(0.02, 0.1))} if L != 2 else {}  # the default
    _check_model(
        L_layer_model, "L_layer_model", _problem(rng, "L_layer_model", L), iterations, **options
    )
