"""How a test cell's checks become its points (grader_tests.runner.CellResult)."""

from __future__ import annotations

import pytest

from grader_tests.runner import PUBLIC, CellResult, CheckResult


def cell(public: bool | None, *hidden: bool) -> CellResult:
    checks = [] if public is None else [CheckResult(PUBLIC, public, "")]
    checks += [CheckResult(f"test_{i}", passed, "") for i, passed in enumerate(hidden)]
    return CellResult("test_model", 4.0, checks)


@pytest.mark.parametrize(
    ("public", "hidden", "points"),
    [
        (True, (True, True, True, True), 4.0),  # everything passed
        (True, (True, False, True, True), 3.0),  # the fraction of the hidden checks
        (True, (False, False, False, False), 0.0),
        # a failing public check: nothing, however many hidden checks of structure passed
        (False, (True, True, True, True), 0.0),
        (False, (True, False, False, False), 0.0),
        (True, (), 4.0),  # a cell with only public checks
        (False, (), 0.0),
        (None, (), 0.0),  # no check ran at all
    ],
)
def test_a_cell_earns_the_fraction_of_its_hidden_checks_behind_its_public_ones(
    public, hidden, points
):
    assert cell(public, *hidden).points == points
