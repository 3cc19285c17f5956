"""Hidden checks of training: update_parameters and nn_model.

nn_model is called with its helpers bound to the reference ones (``ISOLATE``), whose
initialize_parameters always draws the same numbers: the learner's nn_model must then give
exactly what the reference nn_model gives. Its learning rate (1.2) and its number of iterations
are checked on their own, with the likely mistake named from the parameters that came back.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from grader_tests.c1w3_shallow_network import reference as ref
from helpers.checks import call, expect_close, expect_keys, expect_shape
from helpers.checks.c1w3 import MISTAKES, NN_MODEL_HINTS, PARAMETER_NAMES

LEARNING_RATE = ref.LEARNING_RATE  # update_parameters' default and nn_model's rate
OTHER_RATES = (0.5, 0.1, 0.01, 0.0075, 1.0)  # rates a learner may type instead
DEFAULT_ITERATIONS = 10000  # nn_model's default num_iterations
TRAINING = (
    "nn_model must start from initialize_parameters(n_x, n_h, n_y) and, num_iterations times, "
    "call forward_propagation, compute_cost, backward_propagation and update_parameters "
    "(learning rate 1.2): the functions above, not new code."
)


def _parameters(rng, n_x: int, n_h: int, n_y: int = 1) -> dict:
    return {
        "W1": rng.normal(0, 1, size=(n_h, n_x)),
        "b1": rng.normal(0, 0.5, size=(n_h, 1)),
        "W2": rng.normal(0, 1, size=(n_y, n_h)),
        "b2": rng.normal(0, 0.5, size=(n_y, 1)),
    }


def _grads(rng, parameters: dict) -> dict:
    return {"d" + k: rng.normal(0, 0.3, size=v.shape) for k, v in parameters.items()}


def _copy(values: dict) -> dict:
    return {k: v.copy() for k, v in values.items()}


def _rate_of(got, start, grad) -> float | None:
    """r if got == start - r * grad for one r (the learning rate the learner used), else None."""
    got = np.asarray(got, dtype=float)
    if got.shape != np.shape(grad) or not np.all(np.abs(grad) > 1e-12):
        return None
    rates = (start - got) / grad
    rate = float(rates.flat[0])
    return rate if np.allclose(rates, rate, rtol=1e-6, atol=1e-12) else None


# ---------------------------------------------------------------------- update_parameters
def _update(update_parameters, parameters, grads, **options):
    rate = f", learning_rate={options['learning_rate']:.4g}" if options else ""
    what = f"update_parameters(parameters, grads{rate}) for n_h = {parameters['W1'].shape[0]}"
    new = call(what, update_parameters, _copy(parameters), _copy(grads), **options)
    expect_keys(new, list(PARAMETER_NAMES), what)
    return what, new


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_returns_every_parameter(update_parameters, rng):
    parameters = _parameters(rng, 3, 4)
    what, new = _update(update_parameters, parameters, _grads(rng, parameters))
    for key in PARAMETER_NAMES:
        expect_shape(new[key], parameters[key].shape, f"{what}: {key}")


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_default_learning_rate(update_parameters, rng):
    for n_x, n_h in ((2, 4), (5, 3), (1, 1)):
        parameters = _parameters(rng, n_x, n_h)
        grads = _grads(rng, parameters)
        what, new = _update(update_parameters, parameters, grads)
        expected = ref.update_parameters(parameters, grads)
        for key in PARAMETER_NAMES:
            start, grad = parameters[key], grads["d" + key]
            mistakes = [
                (start + LEARNING_RATE * grad, MISTAKES["update_parameters_plus"]),
                (
                    lambda got, s=start, g=grad: (_rate_of(got, s, g) or 0) > 0,
                    MISTAKES["update_parameters_default"],
                ),
            ]
            expect_close(new[key], expected[key], f"{what}: {key}", mistakes=mistakes)


@pytest.mark.grades("test_update_parameters")
def test_update_parameters_learning_rate_argument(update_parameters, rng):
    for n_x, n_h in ((3, 2), (4, 6)):
        parameters = _parameters(rng, n_x, n_h)
        grads = _grads(rng, parameters)
        rate = float(rng.uniform(0.01, 0.9))
        what, new = _update(update_parameters, parameters, grads, learning_rate=rate)
        expected = ref.update_parameters(parameters, grads, learning_rate=rate)
        for key in PARAMETER_NAMES:
            start, grad = parameters[key], grads["d" + key]
            mistakes = [
                (start + rate * grad, MISTAKES["update_parameters_plus"]),
                (
                    start - LEARNING_RATE * grad,
                    MISTAKES["update_parameters_fixed_learning_rate"],
                ),
                (
                    lambda got, s=start, g=grad: (_rate_of(got, s, g) or 0) > 0,
                    MISTAKES["update_parameters_fixed_learning_rate"],
                ),
            ]
            expect_close(new[key], expected[key], f"{what}: {key}", mistakes=mistakes)


# ------------------------------------------------------------------------------- nn_model
def _data_set(rng, n_x: int, m: int):
    """X (n_x, m) and labels Y (1, m) of a curved boundary, with both labels."""
    while True:
        X = rng.normal(0, 1, size=(n_x, m))
        Y = ((X**2).sum(axis=0, keepdims=True) + 0.5 * X[:1] > n_x).astype(float)
        if 0 < Y.sum() < m:
            return X, Y


def _train(X, Y, n_h: int, iterations: int, rate: float = LEARNING_RATE) -> dict:
    """The reference nn_model with another learning rate (or the same one)."""
    parameters = ref.initialize_parameters(X.shape[0], n_h, Y.shape[0])
    with np.errstate(all="ignore"):
        for _ in range(iterations):
            _, cache = ref.forward_propagation(X, parameters)
            grads = ref.backward_propagation(parameters, cache, X, Y)
            parameters = ref.update_parameters(parameters, grads, learning_rate=rate)
    return parameters


def _nn_model(nn_model, X, Y, n_h: int, iterations: int, print_cost: bool = False):
    what = f"nn_model(X, Y, n_h={n_h}, num_iterations={iterations}) for X of shape {X.shape}"
    parameters = call(
        what,
        nn_model,
        X.copy(),
        Y.copy(),
        n_h,
        num_iterations=iterations,
        print_cost=print_cost,
        hints=NN_MODEL_HINTS,
    )
    expect_keys(parameters, list(PARAMETER_NAMES), what)
    n_x, n_y = X.shape[0], Y.shape[0]
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    ignored = {"W1": (4, n_x), "b1": (4, 1), "W2": (n_y, 4)}
    swapped = {"W1": (n_h, n_y), "W2": (n_x, n_h), "b2": (n_x, 1)}
    for key, shape in shapes.items():
        mistakes = []
        if key in ignored and n_h != 4:
            mistakes.append((ignored[key], MISTAKES["nn_model_n_h_ignored"]))
        if key in swapped and n_x != n_y:
            mistakes.append((swapped[key], MISTAKES["nn_model_swapped"]))
        expect_shape(parameters[key], shape, f"{what}: parameters[{key!r}]", mistakes=mistakes)
    return what, parameters


def _iteration_mistakes(X, Y, n_h: int, iterations: int, key: str) -> list:
    """Parameters after a wrong number of iterations, or none at all."""

    @functools.cache
    def after_default(_):
        return _train(X, Y, n_h, DEFAULT_ITERATIONS)[key]

    mistakes = [(_train(X, Y, n_h, 0)[key], MISTAKES["nn_model_not_assigned"])]
    for wrong in (iterations - 1, iterations + 1):
        if wrong > 0:
            mistakes.append((_train(X, Y, n_h, wrong)[key], MISTAKES["nn_model_iterations"]))
    mistakes.append(
        (
            lambda got: np.allclose(got, after_default(0), rtol=1e-4, atol=1e-6),
            MISTAKES["nn_model_iterations"],
        )
    )
    return mistakes


def _rate_mistakes(X, Y, n_h: int, iterations: int, key: str) -> list:
    mistakes = [
        (
            _train(X, Y, n_h, iterations, -LEARNING_RATE)[key],
            MISTAKES["nn_model_uphill"],
        )
    ]
    for rate in OTHER_RATES:
        wrong = _train(X, Y, n_h, iterations, rate)[key]
        mistakes.append((wrong, MISTAKES["nn_model_learning_rate"]))
    return mistakes


@pytest.mark.grades("test_nn_model")
def test_nn_model_returns_parameters_of_the_right_shapes(nn_model, rng):
    for n_x, n_h in ((2, int(rng.choice([1, 3, 5]))), (5, int(rng.choice([2, 6, 7])))):
        X, Y = _data_set(rng, n_x, int(rng.integers(8, 20)))
        _nn_model(nn_model, X, Y, n_h, int(rng.integers(1, 5)))


@pytest.mark.grades("test_nn_model")
def test_nn_model_first_step_uses_learning_rate_1_2(nn_model, rng):
    """One iteration: one gradient step of rate 1.2 from initialize_parameters' numbers."""
    X, Y = _data_set(rng, 3, 15)
    n_h = 5
    what, parameters = _nn_model(nn_model, X, Y, n_h, 1)
    start = ref.initialize_parameters(3, n_h, 1)
    _, cache = ref.forward_propagation(X, start)
    grads = ref.backward_propagation(start, cache, X, Y)
    expected = _train(X, Y, n_h, 1)
    for key in ("W2", "b2", "W1", "b1"):
        s, g = start[key], grads["d" + key]
        mistakes = [
            (s, MISTAKES["nn_model_not_assigned"]),
            *_rate_mistakes(X, Y, n_h, 1, key),
            (
                lambda got, s=s, g=g: _rate_of(got, s, g) is not None,
                MISTAKES["nn_model_learning_rate"],
            ),
            *_iteration_mistakes(X, Y, n_h, 1, key),
            (lambda got: True, TRAINING),
        ]
        expect_close(
            parameters[key],
            expected[key],
            f"{what}: parameters[{key!r}]",
            mistakes=mistakes,
        )


@pytest.mark.grades("test_nn_model")
def test_nn_model_runs_num_iterations(nn_model, rng):
    X, Y = _data_set(rng, 2, 12)
    n_h = int(rng.choice([3, 5]))
    for iterations in (2, int(rng.integers(5, 30))):
        what, parameters = _nn_model(nn_model, X, Y, n_h, iterations)
        expected = _train(X, Y, n_h, iterations)
        for key in PARAMETER_NAMES:
            mistakes = [
                *_iteration_mistakes(X, Y, n_h, iterations, key),
                *_rate_mistakes(X, Y, n_h, iterations, key),
                (lambda got: True, TRAINING),
            ]
            expect_close(
                parameters[key],
                expected[key],
                f"{what}: parameters[{key!r}]",
                mistakes=mistakes,
            )


@pytest.mark.grades("test_nn_model")
def test_nn_model_parameters(nn_model, rng):
    """The whole training on random data of several sizes equals the reference's."""
    for n_x, n_h, m in ((2, 4, 20), (4, int(rng.choice([2, 3, 6])), 30), (1, 3, 10)):
        X, Y = _data_set(rng, n_x, m)
        iterations = int(rng.integers(20, 80))
        what, parameters = _nn_model(nn_model, X, Y, n_h, iterations)
        expected = ref.nn_model(X, Y, n_h, iterations)
        for key in PARAMETER_NAMES:
            mistakes = [
                *_iteration_mistakes(X, Y, n_h, iterations, key),
                *_rate_mistakes(X, Y, n_h, iterations, key),
                (lambda got: True, TRAINING),
            ]
            expect_close(
                parameters[key],
                expected[key],
                f"{what}: parameters[{key!r}]",
                mistakes=mistakes,
            )


@pytest.mark.grades("test_nn_model")
def test_nn_model_with_print_cost(nn_model, rng):
    """print_cost=True prints (every 1000 iterations) and changes nothing else."""
    X, Y = _data_set(rng, 2, 10)
    what, parameters = _nn_model(nn_model, X, Y, 3, 3, print_cost=True)
    expected = ref.nn_model(X, Y, 3, 3)
    for key in PARAMETER_NAMES:
        mistakes = [
            *_iteration_mistakes(X, Y, 3, 3, key),
            *_rate_mistakes(X, Y, 3, 3, key),
            (lambda got: True, TRAINING),
        ]
        expect_close(
            parameters[key],
            expected[key],
            f"{what} (print_cost=True): parameters[{key!r}]",
            mistakes=mistakes,
        )
