"""Hidden checks of the cat data set's sizes and of the flattened, scaled picture matrices.

The expected values are what the notebook's own solution cells compute from
``helpers.datasets.load_cat_dataset()`` (``SPEC.values()``, in the checker); a wrong value is
named by the planted mistake (a cell assigning a wrong value) that gives it.
"""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression.common import planted_values
from grader_tests.c1w2_logistic_regression.spec import SPEC
from grader_tests.checking import Outcome, check_view
from helpers.checks import expect_equal, expect_integer


def _each(*names: str) -> list:
    """One parameter per graded value, each counting for its own test cell."""
    return [pytest.param(name, marks=pytest.mark.grades(f"test_{name}")) for name in names]


COUNTS = _each("m_train", "m_test", "num_px")
MATRICES = _each("train_set_x", "test_set_x")


@pytest.mark.parametrize("name", COUNTS)
def test_count_is_an_integer(name, request):
    expect_integer(request.getfixturevalue(name), name)


@pytest.mark.parametrize("name", COUNTS)
def test_count_value(name, request):
    value = request.getfixturevalue(name)
    expect_equal(value, SPEC.values()[name], name, mistakes=planted_values(name))


def _matrix(name: str, request) -> Outcome:
    value = request.getfixturevalue(name)
    return Outcome(value, SPEC.values()[name], planted_values(name), name)


VIEWS = {  # name -> (the property compared, how messages call it)
    "shape": (None, "{}"),
    "values": (lambda matrix: matrix, "{}"),
    "scaled_to_0_1": (lambda matrix: np.array([matrix.min(), matrix.max()]),
                      "(the smallest, the largest number) in {}"),
    "one_picture_per_column": (lambda matrix: np.sort(matrix, axis=0),
                               "{} with each column sorted (which pixels each column holds)"),
}  # fmt: skip


@pytest.mark.parametrize("name", MATRICES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_matrix(name, view, request):
    """The shape, the values, and two properties of them that do not depend on the order."""
    function, what = VIEWS[view]
    check_view(_matrix(name, request), function, what.format(name))
