"""The batch command: parallel workers, one gradebook writer, resume, crashes and timeouts."""

from __future__ import annotations

import json
import shutil
import sys
import time

import pytest
from nbgrader.api import Gradebook, MissingEntry

from grader_tests.course import cell_source, is_test_cell
from support import (
    ASSIGNMENTS,
    ROOT,
    copy_course,
    load,
    make_submission,
    run,
    solution_answers,
    write,
)

# the module's batch runs are a module fixture: keep its tests on one xdist worker
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("batch")]

A = "c1w2_logistic_regression"
TWO = ("sigmoid", "L1")  # the "partial" student wrote these two (1 point each)


def batch(course, *args: str):
    """Run the batch command in the course: (exit status, outcomes by student, stderr)."""
    began = time.monotonic()
    done = run([sys.executable, "-m", "grader_tests.batch", A, "--json", *args], course)
    outcomes = {o["student"]: o for o in json.loads(done.stdout)} if done.stdout.strip() else {}
    return done.returncode, outcomes, done.stderr, time.monotonic() - began


def scores(course) -> dict:
    found = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student in ("full", "partial", "zero", "broken", "slow"):
            try:
                submission = gradebook.find_submission(A, student)
            except MissingEntry:
                continue
            found[student] = (submission.score, submission.max_score)
    return found


def submit(course, student: str, notebook) -> None:
    path = course / "submitted" / student / A / f"{A}.ipynb"
    if isinstance(notebook, str):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(notebook)
    else:
        write(notebook, path)


@pytest.fixture(scope="module")
def runs(course, tmp_path_factory):
    """One course, and the batch command run on it several times in a row."""
    course = copy_course(course(A), tmp_path_factory.mktemp("batch"))
    release = load(course / "release" / A / f"{A}.ipynb")
    answers = solution_answers(A)
    submit(course, "full", make_submission(release, answers))
    # cheap to run: most of its cells are stubs, so the training cells fail at once
    submit(course, "partial", make_submission(release, {k: answers[k] for k in TWO}))
    submit(course, "zero", release)
    submit(course, "broken", "{ this is not a notebook")
    results = {"first": batch(course, "-j", "2")}
    results["scores_first"] = scores(course)
    results["again"] = batch(course)
    submit(course, "zero", make_submission(release, {"sigmoid": answers["sigmoid"]}))
    results["changed"] = batch(course)
    results["forced"] = batch(course, "--force", "--student", "full")
    submit(course, "slow", release)
    results["timeout"] = batch(course, "--student", "slow", "--timeout", "1")
    results["table"] = run([sys.executable, "-m", "grader_tests.batch", A], course)
    results["scores_last"] = scores(course)
    return course, results


def test_every_submission_is_graded_in_parallel_and_written_once(runs):
    _, results = runs
    status, outcomes, stderr, _ = results["first"]
    assert status == 0, stderr
    assert "4 to grade with 2 workers" in stderr
    assert outcomes["full"]["status"] == "graded" and outcomes["full"]["score"] == 27
    assert outcomes["partial"]["score"] == 2
    assert len(outcomes["partial"]["failed"]) == 16
    assert {"test_sigmoid", "test_L1"}.isdisjoint(outcomes["partial"]["failed"])
    assert outcomes["zero"]["score"] == 0 and len(outcomes["zero"]["failed"]) == 18
    # the writer replayed nbgrader's autograde from the workers' stored results
    assert all(outcomes[s]["reused"] for s in ("full", "partial", "zero"))


def test_the_gradebook_holds_what_the_summary_says(runs):
    _, results = runs
    assert results["scores_first"] == {"full": (27, 27), "partial": (2, 27), "zero": (0, 27)}


def test_the_full_solution_ran_top_to_bottom_in_the_sandboxed_kernel(runs):
    """The one complete run of a whole notebook in the sandbox in the test suite: the
    sandbox's file system, memory and time limits let the week's notebook run to its end."""
    course, _ = runs
    notebook = load(course / "autograded" / "full" / A / f"{A}.ipynb")
    code = [c for c in notebook["cells"] if c["cell_type"] == "code" and not is_test_cell(c)]
    errors = [
        (cell_source(c)[:60], o.get("ename"), o.get("evalue"))
        for c in code
        for o in c.get("outputs", [])
        if o["output_type"] == "error"
    ]
    assert not errors, errors
    assert all(c.get("execution_count") for c in code)


def test_a_crashed_submission_is_recorded_and_the_rest_continue(runs):
    course, results = runs
    _, outcomes, _, _ = results["first"]
    broken = outcomes["broken"]
    assert broken["status"] == "crashed" and broken["score"] is None
    assert "JSON" in broken["detail"] or "json" in broken["detail"], broken["detail"]
    state = json.loads((course / ".grader_batch" / A / "students" / "broken.json").read_text())
    assert state["status"] == "crashed"
    assert "broken" not in results["scores_first"]  # nothing half-written to the gradebook


def test_running_again_grades_nothing_that_is_unchanged(runs):
    _, results = runs
    status, outcomes, stderr, seconds = results["again"]
    assert status == 0, stderr
    assert "0 to grade" in stderr and "4 unchanged since their last grading" in stderr
    assert outcomes["full"]["score"] == 27 and outcomes["broken"]["status"] == "crashed"
    assert seconds < 30, "nothing should have been executed"


def test_a_changed_submission_is_regraded_and_only_it(runs):
    _, results = runs
    status, outcomes, stderr, _ = results["changed"]
    assert status == 0, stderr
    assert "1 to grade" in stderr
    assert outcomes["zero"]["score"] == 1  # its sigmoid is now written: test_sigmoid, 1 point
    assert results["scores_last"]["zero"] == (1, 27)


def test_force_regrades_and_reuses_stored_results_for_unchanged_input(runs):
    _, results = runs
    status, outcomes, stderr, _ = results["forced"]
    assert status == 0, stderr
    assert "1 to grade" in stderr and list(outcomes) == ["full"]
    assert outcomes["full"]["score"] == 27 and outcomes["full"]["reused"]


def test_a_submission_that_runs_out_of_time_is_recorded(runs):
    _, results = runs
    status, outcomes, stderr, _ = results["timeout"]
    assert status == 0, "a student's timeout is not an error of the tool"
    assert outcomes["slow"]["status"] == "timed out"
    assert "more than 1 s" in outcomes["slow"]["detail"]
    assert "slow" not in results["scores_last"]


def test_the_summary_table_and_progress_are_readable(runs):
    _, results = runs
    done = results["table"]
    assert done.returncode == 0, done.stderr
    header = done.stdout.splitlines()[0].split()
    assert header == ["student", "score", "failed", "checks", "time", "status"]
    lines = {line.split()[0]: line for line in done.stdout.splitlines()[2:]}
    assert "27 / 27" in lines["full"] and "test_L2" in lines["partial"]
    assert "2 / 27" in lines["partial"]
    assert "crashed" in lines["broken"] and "timed out" in lines["slow"]
    first_stderr = results["first"][2]
    assert "4/4" in first_stderr and "[" in first_stderr  # the progress bar's last state


@pytest.mark.parametrize(
    "args, message",
    [
        (["no_such_assignment"], "no assignment 'no_such_assignment'"),
        ([A, "--student", "nobody"], "no submission of c1w2_logistic_regression for: nobody"),
        ([A, "--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_bad_usage_exits_2_with_one_clear_line(tmp_path, args, message):
    shutil.copytree(ROOT / "source" / A, tmp_path / "source" / A)
    (tmp_path / "submitted" / "someone" / A).mkdir(parents=True)
    done = run([sys.executable, "-m", "grader_tests.batch", *args], tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_the_week_group_holds_under_xdist(request):
    """pytest-xdist's --dist loadgroup must keep each week's tests that use its one execution
    on one worker (pytest 9 broke it silently, and so did a conftest hook that ran after
    xdist's: every worker built every week). The group must be in the node ids as collected."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not running on pytest-xdist workers with --dist loadgroup")
    assert request.node.nodeid.endswith("@batch"), request.node.nodeid  # a static mark
    weekly = {}
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        week = callspec.params.get("assignment") if callspec else None
        if week in ASSIGNMENTS and "executed" in item.fixturenames:
            weekly.setdefault(week, []).append(item.nodeid)
    if not weekly:
        pytest.skip("no test that uses a week's execution was collected")
    for week, nodeids in weekly.items():
        wrong = [n for n in nodeids if not n.endswith("@" + week)]
        assert not wrong, f"not in the group of {week}: {wrong}"


def test_one_nbgrader_process_grades_many_and_is_started_again_after_it_dies(runs, tmp_path):
    """The batch command's workers and its writer are long-lived nbgrader processes."""
    import os
    import signal

    from grader_tests.batch import Autograder, Course

    course, _ = runs
    graded = Course(course, A)
    process = Autograder(graded, graded.state / "cache", tmp_path / "process.log")
    private = tmp_path / "private.db"
    shutil.copyfile(course / "gradebook.db", private)
    try:
        assert process.autograde("full", tmp_path / "full.log", 120) == ("ok", "")
        first = process.proc.pid
        got = process.autograde(
            "partial",
            tmp_path / "partial.log",
            120,
            db_url=f"sqlite:///{private}",
            autograded=str(tmp_path / "autograded"),
        )
        assert got == ("ok", "")
        assert process.proc.pid == first  # one process for both
        os.killpg(first, signal.SIGKILL)
        process.proc.wait()
        assert process.autograde("full", tmp_path / "again.log", 120) == ("ok", "")
        assert process.proc.pid != first
        assert process.autograde("nobody", tmp_path / "nobody.log", 120)[0] == "failed"
    finally:
        process.close()
    for name in ("full", "partial", "again"):
        log = (tmp_path / f"{name}.log").read_text()
        assert log.count("reused a stored result") == 2, log[-2000:]
    # the request's gradebook and folder were used for it, the course's own for the others
    assert (tmp_path / "autograded" / "partial" / A / f"{A}.ipynb").is_file()
    assert scores(course)["full"] == (27, 27)
    with Gradebook(f"sqlite:///{private}") as gradebook:
        assert gradebook.find_submission(A, "partial").score == 2


def test_a_change_to_the_assignment_source_makes_stored_results_stale(runs):
    """Fixing the instructor's notebook (or a hidden check) makes every stored result stale:
    the next run regrades the student and computes everything again."""
    course, _ = runs
    store = course / ".grader_batch" / A / "cache"
    before = set(store.rglob("*.json"))
    source = course / "source" / A / f"{A}.ipynb"
    notebook = load(source)
    notebook["cells"][0]["source"] = "".join(notebook["cells"][0]["source"]) + "\n"
    write(notebook, source)
    # "partial" only: its stubs fail at once, so it is the cheapest to grade again
    status, outcomes, stderr, _ = batch(course, "--student", "partial")
    assert status == 0, stderr
    assert "1 to grade" in stderr and "unchanged" not in stderr, stderr
    assert outcomes["partial"]["status"] == "graded" and outcomes["partial"]["score"] == 2
    # both of its steps (execution, hidden checks) were computed and stored afresh
    assert len(set(store.rglob("*.json")) - before) == 2
