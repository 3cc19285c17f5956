"""Hidden checks of the three initializers, for random sizes and 1 to 4 layers.

The random weights are compared by what ``helpers.checks.c2w1.describe`` says about them (keys,
shapes, zero biases, weights of both signs, their spread on layers large enough to measure it)
against what it says about the reference's result on the same sizes; a planted mistake with
the same wrong fact is named. No random stream is compared.
"""

from __future__ import annotations

import pytest

from helpers.checks.c2w1 import describe, expect_facts

from . import reference as ref
from .common import call_student, check
from .spec import spreads


def _dims(rng, L: int) -> list[int]:
    """L + 1 layer sizes, neighbours different (a transposed matrix has another shape)."""
    dims = [int(rng.integers(1, 8))]
    while len(dims) < L + 1:
        dims += [n for n in [int(rng.integers(1, 8))] if n != dims[-1]]
    return dims


def _wide(rng) -> list[int]:
    """Sizes whose first weight matrix is large enough to measure its spread (and the layer
    before it clearly larger than the layer itself)."""
    return [int(rng.integers(250, 400)), int(rng.integers(50, 120)), int(rng.integers(2, 10)), 1]


def _check_random(function, name: str, dims) -> None:
    what = f"{name}({dims})"
    got, wrong = call_student(function, name, what, dims)
    reference = getattr(ref, name)(dims)
    L = len(dims) - 1
    scales = {"reference": spreads(reference, L)}
    scales.update({str(i): spreads(value, L) for i, (value, _) in enumerate(wrong)})
    mistakes = [(describe(value, dims, scales), hint) for value, hint in wrong]
    expect_facts(describe(got, dims, scales), describe(reference, dims, scales), what, mistakes)


@pytest.mark.grades("test_initialize_parameters_zeros")
@pytest.mark.parametrize("L", [1, 2, 3, 4])
def test_initialize_parameters_zeros(initialize_parameters_zeros, rng, L):
    dims = _dims(rng, L)
    check(
        initialize_parameters_zeros,
        "initialize_parameters_zeros",
        f"initialize_parameters_zeros({dims})",
        dims,
    )


@pytest.mark.grades("test_initialize_parameters_random")
@pytest.mark.parametrize("case", ["small", "deep", "wide"])
def test_initialize_parameters_random(initialize_parameters_random, rng, case):
    dims = {
        "small": lambda: _dims(rng, 2),
        "deep": lambda: _dims(rng, 4),
        "wide": lambda: _wide(rng),
    }
    _check_random(initialize_parameters_random, "initialize_parameters_random", dims[case]())


@pytest.mark.grades("test_initialize_parameters_he")
@pytest.mark.parametrize("case", ["small", "deep", "wide"])
def test_initialize_parameters_he(initialize_parameters_he, rng, case):
    dims = {
        "small": lambda: _dims(rng, 2),
        "deep": lambda: _dims(rng, 4),
        "wide": lambda: _wide(rng),
    }
    _check_random(initialize_parameters_he, "initialize_parameters_he", dims[case]())
