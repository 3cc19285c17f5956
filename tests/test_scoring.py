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
        (True, (True, True, True), 4.0),  # everything passed
        (False, (True, True, True), 3.0),  # a public slip costs one check's share, not the cell
        (True, (True, False, True), 3.0),
        (False, (False, True, False), 1.0),
        (True, (False, False, False), 0.0),  # typed-in answers for the visible examples: nothing
        (False, (False, False, False), 0.0),
        (True, (), 4.0),  # a cell with only public checks
        (False, (), 0.0),
        (None, (), 0.0),  # no check ran at all
    ],
)
def test_a_cell_earns_the_fraction_of_its_checks_that_passed(public, hidden, points):
    assert cell(public, *hidden).points == points
