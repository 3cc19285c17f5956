"""Each test cell's visible public checks, run again by the checker on the student's code."""

from grader_tests.plugin import run_public_checks


def test_public_checks(public_test_cell, implementation):
    run_public_checks(implementation, public_test_cell)
