"""Hidden checks of training: update_parameters and nn_model.

nn_model is called with its helpers bound to the reference ones (``ISOLATE``), whose
initialize_parameters always draws the same numbers: the learner's nn_model must then give
exactly what the reference nn_model gives. nn_model returns only the parameters, so how often
(and whether) it prints or records the cost is not graded: a loop that prints or keeps the cost
every 100 iterations, with or without the last one, passes like the course's.
"""

from __future__ import annotations

import pytest

from helpers.checks.c1w3 import PARAMETER_NAMES

from .common import check, parameters_of
from .spec import SPEC


def _grads(rng, parameters: dict) -> dict:
    return {"d" + k: rng.normal(0, 0.3, size=v.shape) for k, v in parameters.items()}


# ---------------------------------------------------------------------- update_parameters
def _check_update(update_parameters, parameters, grads, note="", **options):
    rate = f", learning_rate={options['learning_rate']:.4g}" if options else ""
    what = f"update_parameters(parameters, grads{rate}) for n_h = {len(parameters['b1'])}{note}"
    check(update_parameters, "update_parameters", what, parameters, grads, **options)


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_default_learning_rate(update_parameters, rng):
    for n_x, n_h in ((2, 4), (5, 3), (1, 1)):
        parameters = parameters_of(rng, n_x, n_h)
        _check_update(update_parameters, parameters, _grads(rng, parameters))


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_learning_rate_argument(update_parameters, rng):
    for n_x, n_h in ((3, 2), (4, 6)):
        parameters = parameters_of(rng, n_x, n_h)
        rate = float(rng.uniform(0.01, 0.9))
        _check_update(update_parameters, parameters, _grads(rng, parameters), learning_rate=rate)


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_leaves_its_arguments_alone(update_parameters, rng):
    """The learner's function gets copies of the arguments, so whether it edits the caller's
    arrays cannot be seen afterwards; it shows in the result when each gradient IS another
    parameter's array: an update in place (W1 -= ...) changes the gradient of W2 before W2's
    step uses it (whichever of the two is updated first). A correct update, or one that edits
    its own copy of the parameters (copy.deepcopy, then -=), is not affected."""
    n = int(rng.integers(2, 5))  # n_x = n_h = n_y: W1 and W2 have the same shape, b1 and b2 too
    parameters = parameters_of(rng, n, n, n)
    W1, b1, W2, b2 = (parameters[key] for key in PARAMETER_NAMES)
    grads = {"dW1": W2, "db1": b2, "dW2": W1, "db2": b1}
    _check_update(update_parameters, parameters, grads, " when grads' arrays are parameters'")


# ------------------------------------------------------------------------------- nn_model
# The grader stops an nn_model that calls forward_propagation (or another function it uses)
# far more often than num_iterations needs (grader_tests.plugin.calls_allowed).
STOPPED = ("was stopped after", SPEC.hint("nn_model_fixed_iterations"))


def _data_set(rng, n_x: int, m: int):
    """X (n_x, m) and labels Y (1, m) of a curved boundary, with both labels."""
    while True:
        X = rng.normal(0, 1, size=(n_x, m))
        Y = ((X**2).sum(axis=0, keepdims=True) + 0.5 * X[:1] > n_x).astype(float)
        if 0 < Y.sum() < m:
            return X, Y


def _check_nn_model(nn_model, X, Y, n_h: int, iterations: int, print_cost: bool = False):
    what = f"nn_model(X, Y, n_h={n_h}, num_iterations={iterations}) for X of shape {X.shape}"
    if print_cost:
        what += ", print_cost=True"
    options = {"num_iterations": iterations, "print_cost": print_cost}
    check(nn_model, "nn_model", what, X, Y, n_h, hints=[STOPPED], **options)


@pytest.mark.grades("test_nn_model")
def test_nn_model_returns_parameters_of_the_right_shapes(nn_model, rng):
    for n_x, n_h in ((2, int(rng.choice([1, 3, 5]))), (5, int(rng.choice([2, 6, 7])))):
        X, Y = _data_set(rng, n_x, int(rng.integers(8, 20)))
        _check_nn_model(nn_model, X, Y, n_h, int(rng.integers(1, 5)))


@pytest.mark.grades("test_nn_model")
def test_nn_model_first_step_uses_learning_rate_1_2(nn_model, rng):
    """One iteration: one gradient step of rate 1.2 from initialize_parameters' numbers."""
    _check_nn_model(nn_model, *_data_set(rng, 3, 15), 5, 1)


@pytest.mark.grades("test_nn_model")
def test_nn_model_runs_num_iterations(nn_model, rng):
    X, Y = _data_set(rng, 2, 12)
    n_h = int(rng.choice([3, 5]))
    for iterations in (2, int(rng.integers(5, 30))):
        _check_nn_model(nn_model, X, Y, n_h, iterations)


@pytest.mark.grades("test_nn_model")
def test_nn_model_parameters(nn_model, rng):
    """The whole training on random data of several sizes equals the reference's."""
    for n_x, n_h, m in ((2, 4, 20), (4, int(rng.choice([2, 3, 6])), 30), (1, 3, 10)):
        _check_nn_model(nn_model, *_data_set(rng, n_x, m), n_h, int(rng.integers(20, 80)))


@pytest.mark.grades("test_nn_model")
def test_nn_model_with_print_cost(nn_model, rng):
    """print_cost=True prints (every 1000 iterations in the course; any other cadence is
    fine) and changes nothing else."""
    _check_nn_model(nn_model, *_data_set(rng, 2, 10), 3, 3, print_cost=True)
