"""``python -m grader_tests``: full marks for the solutions, nothing for the stubs, partial
credit with the right message for planted mistakes, and clear refusals of bad input."""

from __future__ import annotations

import importlib
import json

import pytest

from grader_tests.course import SourceNotebook, nbgrader_meta
from support import (
    ASSIGNMENTS,
    ROOT,
    grade_cli,
    load,
    make_submission,
    solution_answers,
    write,
)

pytestmark = pytest.mark.slow


def release_of(assignment: str) -> dict:
    return load(ROOT / "release" / assignment / f"{assignment}.ipynb")


def cells_by_id(result: dict) -> dict[str, dict]:
    return {cell["grade_id"]: cell for cell in result["cells"]}


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def assignment(request):
    return request.param


@pytest.fixture(scope="module")
def solution_result(assignment, tmp_path_factory):
    notebook = make_submission(release_of(assignment), solution_answers(assignment))
    path = write(notebook, tmp_path_factory.mktemp("full") / f"{assignment}.ipynb")
    return grade_cli(path)


def test_the_solutions_earn_every_point(solution_result, assignment):
    status, result, stderr = solution_result
    failed = [
        (cell["grade_id"], check["name"], check["message"])
        for cell in result["cells"]
        for check in cell["checks"]
        if not check["passed"]
    ]
    assert not failed, failed
    assert status == 0, stderr
    assert result["assignment"] == assignment
    assert result["score"] == result["max_score"] > 0


def test_the_json_has_exactly_the_documented_shape(solution_result):
    _, result, _ = solution_result
    assert set(result) == {"assignment", "score", "max_score", "cells"}
    for cell in result["cells"]:
        assert set(cell) == {"grade_id", "points", "max_points", "checks"}
        for check in cell["checks"]:
            assert set(check) == {"name", "passed", "message"}
            assert isinstance(check["passed"], bool)


def test_every_test_cell_has_public_and_hidden_checks(solution_result, assignment):
    _, result, _ = solution_result
    source_cells = [c.grade_id for c in SourceNotebook.load(ROOT, assignment).test_cells]
    assert [cell["grade_id"] for cell in result["cells"]] == source_cells
    for cell in result["cells"]:
        names = [check["name"] for check in cell["checks"]]
        assert names[0] == "public checks", cell["grade_id"]
        assert len(names) >= 2, f"{cell['grade_id']} has no hidden check"
        assert cell["max_points"] > 0


def test_every_check_fails_on_the_untouched_release(assignment):
    status, result, stderr = grade_cli(ROOT / "release" / assignment / f"{assignment}.ipynb")
    assert status == 1, stderr
    passed = [
        (cell["grade_id"], check["name"])
        for cell in result["cells"]
        for check in cell["checks"]
        if check["passed"]
    ]
    assert not passed, f"checks that pass on the empty stubs: {passed}"
    assert result["score"] == 0


def mutant_rounds(assignment: str) -> list[list[tuple]]:
    """The planted mistakes, grouped so that no round plants two into the same function."""
    try:
        mutants = importlib.import_module(f"grader_tests.{assignment}.mutants").MUTANTS
    except ModuleNotFoundError:
        return []
    rounds: list[list[tuple]] = []
    for mutant in mutants:
        for group in rounds:
            if all(other[0] != mutant[0] for other in group):
                group.append(mutant)
                break
        else:
            rounds.append([mutant])
    return rounds


@pytest.mark.parametrize(
    "assignment, round_number",
    [(a, i) for a in ASSIGNMENTS for i in range(len(mutant_rounds(a)))],
)
def test_planted_mistakes_lose_points_only_where_they_are(assignment, round_number, tmp_path):
    planted = mutant_rounds(assignment)[round_number]
    answers = solution_answers(assignment)
    for name, mutant_source, _, _ in planted:
        answers[name] = mutant_source
    path = write(make_submission(release_of(assignment), answers), tmp_path / f"{assignment}.ipynb")
    status, result, stderr = grade_cli(path)
    assert status == 1, stderr
    cells = cells_by_id(result)
    broken = {cell for _, _, cell, _ in planted}
    for name, _, cell_id, fragment in planted:
        cell = cells[cell_id]
        assert cell["points"] < cell["max_points"], f"{cell_id} kept all points with mutant {name}"
        messages = "\n".join(c["message"] for c in cell["checks"] if not c["passed"])
        assert fragment.lower() in messages.lower(), (
            f"mutant of {name}: expected {fragment!r} in the messages of {cell_id}:\n{messages}"
        )
    for cell_id, cell in cells.items():
        if cell_id not in broken:
            assert cell["points"] == cell["max_points"], (
                f"{cell_id} lost points for a mistake planted elsewhere: {cell['checks']}"
            )


def test_deleted_renamed_and_retyped_cells_cost_only_their_own_points(tmp_path):
    assignment = "c1w2_logistic_regression"
    notebook = make_submission(release_of(assignment), solution_answers(assignment))
    cells = notebook["cells"]
    by_id = {nbgrader_meta(c).get("grade_id"): c for c in cells}
    cells.remove(by_id["sigmoid_derivative"])  # deleted
    by_id["L1"]["metadata"]["nbgrader"]["grade_id"] = "my_L1"  # renamed
    by_id["L2"]["cell_type"] = "markdown"  # retyped
    by_id["L2"].pop("outputs", None)
    by_id["L2"].pop("execution_count", None)
    status, result, _ = grade_cli(write(notebook, tmp_path / f"{assignment}.ipynb"))
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
