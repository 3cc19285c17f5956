"""A real ``nbgrader autograde`` in a temporary copy of the course: full, zero and partial."""

from __future__ import annotations

import importlib
import shutil

import pytest

from support import ASSIGNMENTS, load, make_submission, nbgrader, solution_answers, write

pytestmark = pytest.mark.slow

# The planted mistake of each week's "partial" submission: a backprop bug (a key of the
# week's mutants.CATALOGUE), the cell that must lose points, and what the feedback must say.
# Each runs the whole notebook once more in the sandboxed kernel (c1w4: over a minute), so
# only the weeks listed here have one; how the checker scores every planted mistake of every
# week is tested without nbgrader in tests/test_grading.py.
PARTIAL = {
    "c1w2_logistic_regression": "propagate_no_m",
    "c1w3_shallow_network": "backward_no_m",
}

NOISY = """import warnings
def sigmoid(x):
    warnings.warn("a harmless warning printed on stderr")
    return 1 / (1 + np.exp(-x))
"""


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def assignment(request):
    return request.param


def catalogue(assignment: str) -> dict:
    return importlib.import_module(f"grader_tests.{assignment}.mutants").CATALOGUE


@pytest.fixture(scope="module")
def autograded(assignment, build, tmp_path_factory):
    """Autograde full, zero and partial submissions (and for c1w2 a noisy one) of a week."""
    built_course = build(assignment)
    course = tmp_path_factory.mktemp("autograde")
    for part in ("source", "release", "nbgrader_config.py", "gradebook.db"):
        src = built_course / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, course / part)
    release = load(course / "release" / assignment / f"{assignment}.ipynb")
    answers = solution_answers(assignment)
    submissions = {"full": make_submission(release, answers), "zero": release}
    mutant = None
    if assignment in PARTIAL:
        mutant = catalogue(assignment)[PARTIAL[assignment]]
        submissions["partial"] = make_submission(release, {**answers, mutant.name: mutant.source})
    if "sigmoid" in answers:
        submissions["noisy"] = make_submission(release, {**answers, "sigmoid": NOISY})
    for student, notebook in submissions.items():
        write(notebook, course / "submitted" / student / assignment / f"{assignment}.ipynb")
    nbgrader(course, "autograde", assignment, "--force")
    nbgrader(course, "generate_feedback", assignment, "--force")
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in submissions:
            submission = gradebook.find_submission(assignment, student)
            cells = {g.name: (g.score, g.max_score) for g in submission.notebooks[0].grades}
            scores[student] = (submission.score, submission.max_score, cells)
    return assignment, course, scores, mutant


def feedback_of(course, student: str, assignment: str) -> str:
    return (course / "feedback" / student / assignment / f"{assignment}.html").read_text()


def test_a_full_solution_gets_full_marks(autograded):
    _, _, scores, _ = autograded
    score, max_score, _ = scores["full"]
    assert max_score > 0 and score == max_score


def test_the_untouched_release_gets_zero(autograded):
    _, _, scores, _ = autograded
    assert scores["zero"][0] == 0


def test_a_backprop_bug_costs_its_own_cell_and_the_feedback_says_why(autograded):
    assignment, course, scores, mutant = autograded
    if mutant is None:
        pytest.skip(f"{assignment} has no partial submission here (see PARTIAL)")
    score, max_score, cells = scores["partial"]
    assert 0 < score < max_score
    assert cells[mutant.cell][0] < cells[mutant.cell][1]
    lost = [name for name, (got, most) in cells.items() if got < most]
    assert lost == [mutant.cell], f"points lost outside {mutant.cell}: {lost}"
    assert mutant.fragment in feedback_of(course, "partial", assignment)


def test_a_warning_on_stderr_from_correct_code_costs_nothing(autograded):
    _, _, scores, _ = autograded
    if "noisy" not in scores:
        pytest.skip("this week has no sigmoid to make noisy")
    score, max_score, _ = scores["noisy"]
    assert score == max_score


def test_feedback_shows_check_names_and_messages_not_their_code(autograded):
    assignment, course, scores, _ = autograded
    feedback = feedback_of(course, "partial" if "partial" in scores else "zero", assignment)
    assert "checks passed" in feedback
    assert "@pytest.mark.grades" not in feedback and "def test_" not in feedback
