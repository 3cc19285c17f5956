"""Hidden checks of training: update_parameters (1 to 4 layers), two_layer_model and
L_layer_model on small random data sets and few iterations.

When the grader calls the student's models, every function they use (initializers included)
is the reference's (see ``ISOLATE``), and the reference initializers are deterministic: so the
student's model must give exactly the reference model's parameters and costs.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w4_deep_network import reference as ref
from helpers.checks import call, expect_close
from helpers.checks.c1w4 import (
    MISTAKES,
    expect_costs_count,
    expect_model_result,
    expect_parameter_keys,
    recorded_iterations,
)

DEFAULT_LEARNING_RATE = 0.0075  # the models' default in the course's signatures


# ------------------------------------------------------------------------ update_parameters
def _parameters_and_grads(rng, L: int):
    dims = [int(rng.integers(1, 6)) for _ in range(L + 1)]
    m = int(rng.integers(1, 5))
    parameters, grads = {}, {}
    for l in range(1, L + 1):
        for key, shape in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1))):
            parameters[key] = rng.normal(0, 1, size=shape)
            grads["d" + key] = rng.normal(0, 1, size=shape)
        grads[f"dA{l - 1}"] = rng.normal(0, 1, size=(dims[l - 1], m))  # an extra key
    return parameters, grads


@pytest.mark.grades("test_update_parameters")
@pytest.mark.parametrize("L", [1, 2, 4])
def test_update_parameters_one_step(update_parameters, rng, L):
    parameters, grads = _parameters_and_grads(rng, L)
    rate = float(rng.uniform(0.01, 1.0))
    what = f"update_parameters(parameters, grads, learning_rate={rate:.4g}) for {L} layer(s)"
    hints = [(f"KeyError: '{p}{L + 1}'", MISTAKES["L_len"]) for p in ("W", "b", "dW", "db")]
    result = call(what, update_parameters, parameters, grads, rate, hints=hints)
    expect_parameter_keys(result, L, what)
    for key, start in parameters.items():
        unchanged = "update_missing_last" if key[1:] == str(L) else "update_not_updated"
        mistakes = [
            (start + rate * grads["d" + key], MISTAKES["update_plus"]),
            (start, MISTAKES[unchanged]),
            (
                start - DEFAULT_LEARNING_RATE * grads["d" + key],
                MISTAKES["model_fixed_learning_rate"],
            ),
        ]
        expected = start - rate * grads["d" + key]
        expect_close(result[key], expected, f"{what}: parameters[{key!r}]", mistakes=mistakes)


# --------------------------------------------------------------------------------- models
def _data(rng, n_x: int, m: int):
    """A small data set whose labels depend on the features (so training makes progress)."""
    X = rng.normal(0, 1, size=(n_x, m))
    direction = rng.normal(0, 1, size=(1, n_x))
    Y = ((direction @ X + rng.normal(0, 0.3, size=(1, m))) > 0).astype(float)
    return X, Y


def _two_layer_problem(rng):
    n_x, n_h = (int(n) for n in rng.choice(range(2, 7), size=2, replace=False))
    X, Y = _data(rng, n_x, int(rng.integers(5, 13)))
    return X, Y, (n_x, n_h, 1)


def _L_layer_problem(rng, L: int):
    dims = [int(rng.integers(2, 6))]
    while len(dims) < L:
        n = int(rng.integers(2, 6))
        if n != dims[-1]:
            dims.append(n)
    dims.append(1)
    X, Y = _data(rng, dims[0], int(rng.integers(5, 13)))
    return X, Y, dims


def _run(model, name: str, X, Y, dims, **options):
    shown = ", ".join(
        f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in options.items()
    )
    what = f"{name}(X, Y, {list(dims)}, {shown}) for X of shape {X.shape}"
    hints = [
        ("not aligned", MISTAKES["model_layers_dims"]),
        ("core dimension", MISTAKES["model_layers_dims"]),
    ]
    result = call(what, model, X, Y, dims, hints=hints, print_cost=False, **options)
    parameters, costs = expect_model_result(result, len(dims) - 1, what)
    return what, parameters, costs


def _reference(name: str):
    return getattr(ref, name)


def _start(name: str, dims):
    if name == "two_layer_model":
        return ref.initialize_parameters(*dims)
    return ref.initialize_parameters_deep(list(dims))


def _every_cost(name: str, X, Y, dims, rate: float, iterations: int) -> list[float]:
    """The cost at every iteration (the reference models record only some of them)."""
    with np.errstate(all="ignore"):
        parameters = _start(name, dims)
        costs = []
        for _ in range(iterations):
            AL, caches = ref.L_model_forward(X, parameters)
            costs.append(ref.compute_cost(AL, Y))
            grads = ref.L_model_backward(AL, Y, caches)
            parameters = ref.update_parameters(parameters, grads, rate)
    return costs


def _check_count(model, name, rng, problem) -> None:
    X, Y, dims = problem
    rate = float(rng.uniform(0.01, 0.1))
    for iterations in (1, 100, 101, int(rng.integers(150, 260))):
        what, _, costs = _run(
            model, name, X, Y, dims, learning_rate=rate, num_iterations=iterations
        )
        expect_costs_count(costs, iterations, what)


def _check_parameters(model, name, rng, problem, iterations: int, **options) -> None:
    X, Y, dims = problem
    rate = options.get("learning_rate", DEFAULT_LEARNING_RATE)
    what, parameters, _ = _run(model, name, X, Y, dims, num_iterations=iterations, **options)
    expected, _ = _reference(name)(X, Y, dims, learning_rate=rate, num_iterations=iterations)
    start = _start(name, dims)
    with np.errstate(all="ignore"):
        uphill, _ = _reference(name)(X, Y, dims, learning_rate=-rate, num_iterations=iterations)
    fixed, _ = _reference(name)(X, Y, dims, num_iterations=iterations)
    for key in expected:
        mistakes = [
            (start[key], MISTAKES["model_not_assigned"]),
            (_same_or_both_nan(uphill[key]), MISTAKES["model_uphill"]),
        ]
        if rate != DEFAULT_LEARNING_RATE:
            mistakes.append((fixed[key], MISTAKES["model_fixed_learning_rate"]))
        expect_close(
            parameters[key], expected[key], f"{what}: parameters[{key!r}]", mistakes=mistakes
        )


def _same_or_both_nan(wrong: np.ndarray):
    """A test: close to ``wrong``, or NaN where ``wrong`` (a run that blew up) is NaN too."""
    return lambda got: (
        np.shape(got) == wrong.shape
        and (np.isnan(wrong).any() and np.isnan(got).any() or np.allclose(got, wrong, rtol=1e-4))
    )


def _check_costs(model, name, rng, problem) -> None:
    X, Y, dims = problem
    rate, iterations = float(rng.uniform(0.02, 0.1)), int(rng.integers(150, 260))
    what, _, costs = _run(model, name, X, Y, dims, learning_rate=rate, num_iterations=iterations)
    expect_costs_count(costs, iterations, what)
    every = _every_cost(name, X, Y, dims, rate, iterations)
    uphill = _every_cost(name, X, Y, dims, -rate, iterations)
    fixed = _every_cost(name, X, Y, dims, DEFAULT_LEARNING_RATE, iterations)
    for i, got in zip(recorded_iterations(iterations), costs, strict=True):
        if i == 0:
            mistakes = [(lambda _: True, MISTAKES["model_first_cost"])]
        else:
            mistakes = [
                (every[0], MISTAKES["model_not_assigned"]),
                (_same_or_both_nan(np.array(uphill[i])), MISTAKES["model_uphill"]),
                (fixed[i], MISTAKES["model_fixed_learning_rate"]),
            ]
        expect_close(got, every[i], f"{what}: the cost at iteration {i}", mistakes=mistakes)


# ----------------------------------------------------------------------------- two_layer_model
@pytest.mark.grades("test_two_layer_model")
def test_two_layer_model_returns_parameters_and_costs(two_layer_model, rng):
    X, Y, dims = _two_layer_problem(rng)
    _run(two_layer_model, "two_layer_model", X, Y, dims, learning_rate=0.05, num_iterations=3)


@pytest.mark.grades("test_two_layer_model")
def test_two_layer_model_records_the_cost_every_100_iterations_and_the_last(two_layer_model, rng):
    _check_count(two_layer_model, "two_layer_model", rng, _two_layer_problem(rng))


@pytest.mark.grades("test_two_layer_model")
def test_two_layer_model_parameters(two_layer_model, rng):
    for _ in range(2):
        rate = float(rng.uniform(0.02, 0.1))
        iterations = int(rng.integers(20, 130))
        _check_parameters(two_layer_model, "two_layer_model", rng, _two_layer_problem(rng),
                          iterations, learning_rate=rate)  # fmt: skip


@pytest.mark.grades("test_two_layer_model")
def test_two_layer_model_costs(two_layer_model, rng):
    _check_costs(two_layer_model, "two_layer_model", rng, _two_layer_problem(rng))


@pytest.mark.grades("test_two_layer_model")
def test_two_layer_model_default_learning_rate(two_layer_model, rng):
    _check_parameters(two_layer_model, "two_layer_model", rng, _two_layer_problem(rng), 60)


# ------------------------------------------------------------------------------- L_layer_model
@pytest.mark.grades("test_L_layer_model")
def test_L_layer_model_returns_parameters_and_costs(L_layer_model, rng):
    X, Y, dims = _L_layer_problem(rng, 3)
    _run(L_layer_model, "L_layer_model", X, Y, dims, learning_rate=0.05, num_iterations=3)


@pytest.mark.grades("test_L_layer_model")
def test_L_layer_model_records_the_cost_every_100_iterations_and_the_last(L_layer_model, rng):
    _check_count(L_layer_model, "L_layer_model", rng, _L_layer_problem(rng, 2))


@pytest.mark.grades("test_L_layer_model")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_L_layer_model_parameters(L_layer_model, rng, L):
    rate = float(rng.uniform(0.02, 0.1))
    iterations = int(rng.integers(20, 130))
    _check_parameters(L_layer_model, "L_layer_model", rng, _L_layer_problem(rng, L), iterations,
                      learning_rate=rate)  # fmt: skip


@pytest.mark.grades("test_L_layer_model")
def test_L_layer_model_costs(L_layer_model, rng):
    _check_costs(L_layer_model, "L_layer_model", rng, _L_layer_problem(rng, 3))


@pytest.mark.grades("test_L_layer_model")
def test_L_layer_model_default_learning_rate(L_layer_model, rng):
    _check_parameters(L_layer_model, "L_layer_model", rng, _L_layer_problem(rng, 2), 60)
