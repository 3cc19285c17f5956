"""A real ``nbgrader autograde`` in a temporary copy of the course: full, zero and partial."""

from __future__ import annotations

import shutil

import pytest

from support import load, make_submission, nbgrader, solution_answers, write

pytestmark = pytest.mark.slow
ASSIGNMENT = "c1w2_logistic_regression"

FORGETS_M = """def propagate(w, b, X, Y):
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(cost)
"""

NOISY = """import warnings
def sigmoid(x):
    warnings.warn("a harmless warning printed on stderr")
    return 1 / (1 + np.exp(-x))
"""


@pytest.fixture(scope="module")
def autograded(built_course, tmp_path_factory):
    course = tmp_path_factory.mktemp("autograde")
    for part in ("source", "release", "nbgrader_config.py", "gradebook.db"):
        src = built_course / part
        (shutil.copytree if src.is_dir() else shutil.copy)(src, course / part)
    release = load(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    answers = solution_answers(ASSIGNMENT)
    submissions = {
        "full": make_submission(release, answers),
        "zero": release,
        "forgets_m": make_submission(release, {**answers, "propagate": FORGETS_M}),
        "noisy": make_submission(release, {**answers, "sigmoid": NOISY}),
    }
    for student, notebook in submissions.items():
        write(notebook, course / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    nbgrader(course, "generate_feedback", ASSIGNMENT, "--force")
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in submissions:
            submission = gradebook.find_submission(ASSIGNMENT, student)
            cells = {g.name: (g.score, g.max_score) for g in submission.notebooks[0].grades}
            scores[student] = (submission.score, submission.max_score, cells)
    return course, scores


def test_a_full_solution_gets_full_marks(autograded):
    _, scores = autograded
    score, max_score, _ = scores["full"]
    assert max_score > 0 and score == max_score


def test_the_untouched_release_gets_zero(autograded):
    _, scores = autograded
    assert scores["zero"][0] == 0


def test_forgetting_to_divide_by_m_costs_propagate_and_says_so(autograded):
    course, scores = autograded
    score, max_score, cells = scores["forgets_m"]
    assert 0 < score < max_score
    assert cells["test_propagate"][0] < cells["test_propagate"][1]
    assert cells["test_sigmoid"][0] == cells["test_sigmoid"][1]
    feedback = (course / "feedback" / "forgets_m" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "divide by m" in feedback


def test_a_warning_on_stderr_from_correct_code_costs_nothing(autograded):
    _, scores = autograded
    score, max_score, _ = scores["noisy"]
    assert score == max_score


def test_feedback_shows_check_names_and_messages_not_their_code(autograded):
    course, _ = autograded
    feedback = (course / "feedback" / "forgets_m" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "checks passed" in feedback
    assert "@pytest.mark.grades" not in feedback and "def test_" not in feedback
