"""Hidden checks of gradient checking.

- forward_propagation and backward_propagation (J = theta x) on random numbers and arrays;
- gradient_check with other functions behind its calls: while it runs, forward_propagation
  computes J = x theta^2 and backward_propagation returns its derivative 2 x theta, right or
  scaled by k. With the right derivative the difference must be below 2e-7; with k it must be
  |k - 1| / (k + 1), the relative difference of the two numbers;
- gradient_check_n on random networks: below 2e-7 for the right gradients, and the reference's
  difference for gradients with a planted bug (one parameter's gradient scaled);
- backward_propagation_n against numerical gradients of the checker's own cost.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import as_number, expect_keys, failure, likely_mistake, show

from . import reference as ref
from .common import (
    WEIGHT_GRADIENTS,
    call_student,
    check,
    expect_gradients,
    network,
    numerical,
    sizes,
)
from .spec import SPEC, planted, run


@pytest.mark.grades("test_forward_propagation")
@pytest.mark.parametrize("kind", ["numbers", "arrays"])
def test_forward_propagation(forward_propagation, rng, kind):
    x, theta = (
        (rng.normal(0, 3), rng.normal(0, 3))
        if kind == "numbers"
        else (rng.normal(size=(3, 2)), rng.normal(0, 2))
    )
    check(
        forward_propagation,
        "forward_propagation",
        f"forward_propagation(x={show(x)}, theta={show(theta)})",
        x,
        theta,
    )


@pytest.mark.grades("test_backward_propagation")
@pytest.mark.parametrize("kind", ["numbers", "arrays"])
def test_backward_propagation(backward_propagation, rng, kind):
    x, theta = (
        (rng.normal(0, 3), rng.normal(0, 3))
        if kind == "numbers"
        else (rng.normal(size=(3, 2)), rng.normal(0, 2))
    )
    check(
        backward_propagation,
        "backward_propagation",
        f"backward_propagation(x={show(x)}, theta={show(theta)})",
        x,
        theta,
    )


OWN_FUNCTIONS = (
    "compute J_plus and J_minus with forward_propagation(x, theta +/- epsilon) and grad with "
    "backward_propagation(x, theta), not with formulas of your own: gradient checking tests "
    "whatever backward_propagation returns (here the grader puts J = x theta^2 and a "
    "derivative in their place)."
)


def _square(x, theta):
    return x * theta**2


def _difference(got, what: str) -> float:
    number = as_number(got, what)
    if not number >= 0:
        raise failure(f"{what} should be a relative difference, 0 or more.", got=show(number))
    return number


@pytest.mark.grades("test_gradient_check")
@pytest.mark.parametrize("k", [1.0, 2.0, 0.5])
def test_gradient_check(gradient_check, rng, monkeypatch, k):
    x, theta = float(np.round(rng.uniform(0.5, 3), 3)), float(np.round(rng.uniform(0.5, 3), 3))

    def derivative(x, theta):
        return k * 2 * x * theta

    monkeypatch.setattr(ref, "forward_propagation", _square)
    monkeypatch.setattr(ref, "backward_propagation", derivative)
    story = "the right derivative" if k == 1 else f"{k} times the derivative"
    what = (
        f"gradient_check(x={x}, theta={theta}) for J = x theta^2 and a backward_propagation "
        f"returning {story}"
    )
    got = _difference(call_student(gradient_check, "gradient_check", what, x, theta)[0], what)
    mistakes = []
    for mistake in SPEC.mistakes_of("gradient_check"):  # the same functions behind their calls
        function = planted(SPEC, mistake.key)
        function.__globals__.update(forward_propagation=_square, backward_propagation=derivative)
        mistakes.append((run(function, (x, theta), {}), mistake.hint))
    if k == 1:
        if got >= ref.DIFFERENCE_THRESHOLD:
            raise failure(
                f"{what} should be far below {ref.DIFFERENCE_THRESHOLD:g}.",
                got=show(got),
                mistake=likely_mistake(got, mistakes) or OWN_FUNCTIONS,
            )
        # the same small number with a wrong derivative: the result does not come from the
        # two functions (right answers for the notebook's J only)
        monkeypatch.setattr(ref, "backward_propagation", lambda x, theta: 4 * x * theta)
        again = call_student(gradient_check, "gradient_check", what, x, theta)[0]
        if _difference(again, what) < ref.DIFFERENCE_THRESHOLD:
            raise failure(
                f"{what}: the difference stays below {ref.DIFFERENCE_THRESHOLD:g} when "
                "backward_propagation returns twice the derivative.",
                expected=show(1 / 3),
                got=show(as_number(again, what)),
                mistake=OWN_FUNCTIONS,
            )
        return
    expected = abs(k - 1) / (k + 1)
    if not np.isclose(got, expected, rtol=1e-5):
        raise failure(
            f"{what} is wrong.",
            expected=show(expected),
            got=show(got),
            mistake=likely_mistake(got, mistakes) or OWN_FUNCTIONS,
        )


@pytest.mark.grades("test_gradient_check_n")
@pytest.mark.parametrize("bug", [None, "dW1", "db2", "dW3"])
def test_gradient_check_n(gradient_check_n, rng, bug):
    dims = sizes(rng)
    m = int(rng.integers(2, 6))
    parameters, X, Y = network(rng, dims, m)
    gradients = ref.backward_propagation_n(X, Y, ref.forward_propagation_n(X, Y, parameters)[1])
    text = f"for a network of {' -> '.join(map(str, dims))} and {m} examples"
    if bug is None:
        what = f"gradient_check_n(parameters, gradients, X, Y) with the right gradients {text}"
        got = _difference(
            call_student(gradient_check_n, "gradient_check_n", what, parameters, gradients, X, Y)[
                0
            ],
            what,
        )
        if got >= ref.DIFFERENCE_THRESHOLD:
            raise failure(
                f"{what} should be below {ref.DIFFERENCE_THRESHOLD:g}: the gradients are right.",
                got=show(got),
            )
        return
    gradients[bug] = gradients[bug] * 1.5 + 0.01
    what = f"gradient_check_n(parameters, gradients, X, Y) with a wrong {bug} {text}"
    check(gradient_check_n, "gradient_check_n", what, parameters, gradients, X, Y)


@pytest.mark.grades("test_backward_propagation_n")
@pytest.mark.parametrize("m", [1, 4])
def test_backward_propagation_n(backward_propagation_n, rng, m):
    dims = sizes(rng)
    parameters, X, Y = network(rng, dims, m)
    cache = ref.forward_propagation_n(X, Y, parameters)[1]
    network_text = " -> ".join(map(str, dims))
    what = f"backward_propagation_n(X, Y, cache) for a network of {network_text} and {m} example(s)"
    grads, wrong = call_student(backward_propagation_n, "backward_propagation_n", what, X, Y, cache)
    grads = expect_keys(grads, WEIGHT_GRADIENTS, f"{what}: grads")
    expected = numerical(lambda p: ref.forward_propagation_n(X, Y, p)[0], parameters)
    expect_gradients(grads, expected, what, wrong, WEIGHT_GRADIENTS)
