"""``python -m grader_tests``: its JSON, damaged and misbehaving submissions, and clear
refusals of bad input. What it gives every week's solutions, stubs and planted mistakes is in
tests/test_week_contract.py."""

from __future__ import annotations

import json

import pytest

from grader_tests.course import nbgrader_meta
from support import ROOT, grade_cli, load, make_submission, solution_answers, write

pytestmark = pytest.mark.slow


def release_of(assignment: str) -> dict:
    return load(ROOT / "release" / assignment / f"{assignment}.ipynb")


def cells_by_id(result: dict) -> dict[str, dict]:
    return {cell["grade_id"]: cell for cell in result["cells"]}


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """The CLI's verdict on c1w2's solutions with one solution cell deleted, one renamed and
    one turned into markdown."""
    assignment = "c1w2_logistic_regression"
    notebook = make_submission(release_of(assignment), solution_answers(assignment))
    cells = notebook["cells"]
    by_id = {nbgrader_meta(c).get("grade_id"): c for c in cells}
    cells.remove(by_id["sigmoid_derivative"])  # deleted
    by_id["L1"]["metadata"]["nbgrader"]["grade_id"] = "my_L1"  # renamed
    by_id["L2"]["cell_type"] = "markdown"  # retyped
    by_id["L2"].pop("outputs", None)
    by_id["L2"].pop("execution_count", None)
    path = write(notebook, tmp_path_factory.mktemp("damaged") / f"{assignment}.ipynb")
    return grade_cli(path)


# the two tests of one grading: on one xdist worker, so it is graded once
@pytest.mark.xdist_group("grading-damaged")
def test_the_json_has_exactly_the_documented_shape(damaged):
    _, result, _ = damaged
    assert set(result) == {"assignment", "score", "max_score", "cells"}
    assert result["cells"]
    for cell in result["cells"]:
        assert set(cell) == {"grade_id", "points", "max_points", "checks"}
        assert cell["checks"]
        for check in cell["checks"]:
            assert set(check) == {"name", "passed", "message"}
            assert isinstance(check["passed"], bool)


@pytest.mark.xdist_group("grading-damaged")
def test_deleted_renamed_and_retyped_cells_cost_only_their_own_points(damaged):
    status, result, _ = damaged
    assert status == 1
    points = {c["grade_id"]: c["points"] for c in result["cells"]}
    for lost in ("test_sigmoid_derivative", "test_L1", "test_L2"):
        assert points[lost] == 0
        messages = " ".join(ch["message"] for ch in cells_by_id(result)[lost]["checks"])
        assert "missing from the notebook" in messages
    others = [
        c
        for c in result["cells"]
        if c["grade_id"] not in ("test_sigmoid_derivative", "test_L1", "test_L2")
    ]
    assert all(c["points"] == c["max_points"] for c in others)


def test_a_function_that_hangs_or_exits_fails_alone(tmp_path):
    assignment = "c1w2_logistic_regression"
    answers = solution_answers(assignment)
    answers["sigmoid"] = "def sigmoid(x):\n    while True:\n        pass\n"
    answers["L1"] = "def L1(yhat, y):\n    import os\n    os._exit(3)\n"
    answers["L2"] = (
        "import sys\nprint('all checks passed', file=sys.stderr)\n"
        "def L2(yhat, y):\n    raise ValueError('my own bug')\n"
    )
    path = write(make_submission(release_of(assignment), answers), tmp_path / "sub.ipynb")
    status, result, _ = grade_cli(path, "--assignment", assignment, "--call-timeout", "3")
    assert status == 1
    cells = cells_by_id(result)
    assert cells["test_sigmoid"]["points"] == 0
    assert "did not finish within 3 s" in json.dumps(cells["test_sigmoid"])
    # once it hung, sigmoid is not run again: its other checks fail at once, saying why
    assert "not run again: it did not finish within 3 s" in json.dumps(cells["test_sigmoid"])
    assert "ended the process" in json.dumps(cells["test_L1"])
    assert "my own bug" in json.dumps(cells["test_L2"])
    assert cells["test_propagate"]["points"] == cells["test_propagate"]["max_points"]
    assert cells["test_model"]["points"] == cells["test_model"]["max_points"]


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"this is not json", "not a notebook"),
        (b"\xff\xfe\x00garbage", "not a notebook"),
        (b'{"hello": "world"}', "not a Jupyter notebook"),
        (b'{"cells": [], "metadata": {}}', "cannot tell which assignment"),
    ],
)
def test_input_that_is_not_a_gradable_notebook_exits_2_with_one_line(tmp_path, content, expected):
    path = tmp_path / "submission.ipynb"
    path.write_bytes(content)
    status, result, stderr = grade_cli(path)
    assert status == 2 and result is None
    assert expected in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1


def test_cells_grades_only_the_test_cells_named_and_refuses_unknown_ones():
    notebook = ROOT / "release" / "c1w3_shallow_network" / "c1w3_shallow_network.ipynb"
    status, result, _ = grade_cli(notebook, "--cells", "test_compute_cost,test_layer_sizes")
    assert status == 1  # the release's stubs fail
    assert [c["grade_id"] for c in result["cells"]] == ["test_layer_sizes", "test_compute_cost"]
    assert all(c["checks"] for c in result["cells"])
    status, result, stderr = grade_cli(notebook, "--cells", "test_compute_cost,test_nothing")
    assert status == 2 and result is None
    assert "no test cell test_nothing" in stderr and len(stderr.strip().splitlines()) == 1


def test_a_missing_file_exits_2(tmp_path):
    status, _, stderr = grade_cli(tmp_path / "nothing.ipynb")
    assert status == 2 and "no such file" in stderr


def test_messages_from_student_code_lose_terminal_tricks_and_are_cut():
    from grader_tests.client import StudentCodeError
    from grader_tests.runner import MESSAGE_LIMIT, _student_message

    text = _student_message(StudentCodeError("\x1b[32mall checks passed\x1b[0m\r\x07" + "x" * 5000))
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text
    assert text.startswith("all checks passed") and len(text) <= MESSAGE_LIMIT + 10


@pytest.mark.parametrize("points, expected", [(2.5, 2.5), (4.0, 4.0), (0.0, 0.0)])
def test_nbgrader_reads_the_checker_verdict_as_partial_credit(points, expected):
    import nbformat
    from nbgrader.utils import determine_grade

    from grader_tests.nbgrader_step import verdict_outputs

    checks = [
        {"name": "public checks", "passed": points > 0, "message": ""},
        {"name": "test_x", "passed": points == 4.0, "message": "forgot to divide by m"},
    ]
    cell = nbformat.v4.new_code_cell("checks.check_x(x)")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "grade_id": "test_x",
        "points": 4,
        "locked": True,
        "schema_version": 3,
    }
    cell.outputs = verdict_outputs(
        {"grade_id": "test_x", "points": points, "max_points": 4.0, "checks": checks}
    )
    assert determine_grade(cell) == (expected, 4.0)
    assert not any(o.get("name") == "stderr" for o in cell.outputs)
