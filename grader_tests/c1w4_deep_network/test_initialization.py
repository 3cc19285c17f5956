"""Hidden checks of the initializers, for random sizes and 1 to 4 layers.

The weights are random, so no value is compared: the checks compare what
``helpers.checks.c1w4.describe`` says about the result (keys, shapes, zero biases, weights not
all equal, their spread where a matrix is big enough to measure it) with what it says about the
reference's, and name the planted mistake that has the same wrong feature on the same sizes.
"""

from __future__ import annotations

import pytest

from grader_tests.c1w4_deep_network import reference as ref
from grader_tests.c1w4_deep_network.common import call_student
from helpers.checks.c1w4 import describe, expect_facts


def _check(function, name: str, args, dims) -> None:
    lax = name == "initialize_parameters"  # the two-layer initializer may use any small scale
    what = f"{name}({', '.join(map(str, args))})"
    got, wrong = call_student(function, name, what, *args)
    mistakes = [(describe(output, dims, lax=lax), hint) for output, hint in wrong]
    expected = describe(getattr(ref, name)(*args), dims, lax=lax)
    expect_facts(describe(got, dims, lax=lax), expected, what, mistakes)


def _distinct(rng, count: int, low: int = 2, high: int = 8) -> list[int]:
    """``count`` different sizes (so that a transposed matrix has another shape)."""
    return [int(n) for n in rng.choice(range(low, high), size=count, replace=False)]


def _wide(rng, L: int) -> list[int]:
    """Layer sizes whose first two weight matrices are big enough to measure their spread."""
    dims = [int(rng.integers(100, 300)), int(rng.integers(30, 60)), int(rng.integers(16, 30))]
    return dims[:L] + [1]


@pytest.mark.grades("test_initialize_parameters")
@pytest.mark.parametrize("case", ["distinct", "one output", "ones", "wide"])
def test_initialize_parameters(initialize_parameters, rng, case):
    sizes = {
        "distinct": lambda: _distinct(rng, 3),
        "one output": lambda: [*_distinct(rng, 2), 1],
        "ones": lambda: [1, 1, 1],
        "wide": lambda: _wide(rng, 2),
    }[case]()
    _check(initialize_parameters, "initialize_parameters", sizes, sizes)


@pytest.mark.grades("test_initialize_parameters_deep")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_parameters_deep(initialize_parameters_deep, rng, L):
    dims = [int(rng.integers(1, 8))]
    while len(dims) < L + 1:  # neighbours different
        dims += [n for n in [int(rng.integers(1, 8))] if n != dims[-1]]
    _check(initialize_parameters_deep, "initialize_parameters_deep", [dims], dims)


@pytest.mark.grades("test_initialize_parameters_deep")
@pytest.mark.parametrize("L", [2, 3])
def test_initialize_parameters_deep_spread(initialize_parameters_deep, rng, L):
    dims = _wide(rng, L)
    _check(initialize_parameters_deep, "initialize_parameters_deep", [dims], dims)
