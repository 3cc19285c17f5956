"""A real ``nbgrader autograde`` (then ``generate_feedback``) in a temporary copy of the course.

One week (c1w2) makes the plain nbgrader round trip, with one student, "partial": every
solution cell filled in, except a backprop bug (the first planted mistake of ``propagate``)
and a ``sigmoid`` that is correct but prints a warning on stderr. It runs the whole notebook
in the sandboxed kernel (for its first 20 s: the noisy cell runs in the first few, and the
points come from the hidden checks alone), then the hidden checks grade it, then nbgrader
saves the grades and writes the feedback.

Not redone here, because other tests already autograde such submissions of c1w2 through
nbgrader's autograde: the full solution (27 of 27 in the gradebook, its notebook run top to
bottom in the sandbox) and the untouched release (0) in tests/test_batch.py, the full solution
in tests/test_hostile.py (its honest student). "partial" itself gets full marks in every cell
but its bug's. For the other weeks, tests/test_week_contract.py grades the solutions, the
stubs and every planted mistake with the checker that nbgrader's HiddenChecks step runs.
"""

from __future__ import annotations

import pytest

from support import (
    copy_course,
    load,
    make_submission,
    mutants_of,
    nbgrader,
    solution_answers,
    write,
)

# the module's one autograde is a module fixture: keep its tests on one xdist worker
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("autograde")]

A = "c1w2_logistic_regression"
BUGGY = "propagate"  # the backprop function of the week

NOISY = """import warnings
def sigmoid(x):
    warnings.warn("a harmless warning printed on stderr")
    return 1 / (1 + np.exp(-x))
"""


@pytest.fixture(scope="module")
def autograded(course, tmp_path_factory):
    """Autograde the partial submission of c1w2 and generate its feedback."""
    course = copy_course(course(A), tmp_path_factory.mktemp("autograde"))
    with open(course / "nbgrader_config.py", "a") as config:  # the training cells are not needed
        config.write("\nc.SandboxedExecute.notebook_timeout = 20\n")
    release = load(course / "release" / A / f"{A}.ipynb")
    answers = solution_answers(A)
    mutant = next(m for m in mutants_of(A) if m.name == BUGGY)
    submissions = {
        "partial": make_submission(
            release, {**answers, mutant.name: mutant.source, "sigmoid": NOISY}
        ),
    }
    for student, notebook in submissions.items():
        write(notebook, course / "submitted" / student / A / f"{A}.ipynb")
    nbgrader(course, "autograde", A, "--force")
    nbgrader(course, "generate_feedback", A, "--force")
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in submissions:
            submission = gradebook.find_submission(A, student)
            cells = {g.name: (g.score, g.max_score) for g in submission.notebooks[0].grades}
            scores[student] = (submission.score, submission.max_score, cells)
    return course, scores, mutant


def feedback_of(course, student: str) -> str:
    return (course / "feedback" / student / A / f"{A}.html").read_text()


def test_a_backprop_bug_costs_its_own_cell_and_the_feedback_says_why(autograded):
    course, scores, mutant = autograded
    score, max_score, cells = scores["partial"]
    assert 0 < score < max_score
    assert cells[mutant.cell][0] < cells[mutant.cell][1]
    lost = [name for name, (got, most) in cells.items() if got < most]
    assert lost == [mutant.cell], f"points lost outside {mutant.cell}: {lost}"
    assert mutant.fragment in feedback_of(course, "partial")


def test_a_warning_on_stderr_from_correct_code_costs_nothing(autograded):
    course, scores, mutant = autograded
    _, _, cells = scores["partial"]
    assert cells["test_sigmoid"][0] == cells["test_sigmoid"][1]
    kept = [name for name, (got, most) in cells.items() if name != mutant.cell and got == most]
    assert len(kept) == len(cells) - 1  # every cell but the bug's (the test above says which)
    # the kernel did print the warning: the submission was noisy
    notebook = load(course / "autograded" / "partial" / A / f"{A}.ipynb")
    stderr = [
        "".join(o["text"])
        for c in notebook["cells"]
        for o in c.get("outputs", [])
        if o.get("name") == "stderr"
    ]
    assert any("a harmless warning printed on stderr" in text for text in stderr)


def test_feedback_shows_check_names_and_messages_not_their_code(autograded):
    course, _, _ = autograded
    feedback = feedback_of(course, "partial")
    assert "checks passed" in feedback
    assert "@pytest.mark.grades" not in feedback and "def test_" not in feedback
