"""The batch command with nbgrader's db_url pointing at a real PostgreSQL server."""

from __future__ import annotations

import json
import shutil
import sys

import pytest
from nbgrader.api import Gradebook

from pg_server import PostgresServer, skip_reason
from support import ROOT, load, make_submission, nbgrader, run, solution_answers, write

pytestmark = pytest.mark.slow

A = "c1w2_logistic_regression"


def test_batch_autograde_writes_a_postgresql_gradebook(tmp_path):
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    with PostgresServer(tmp_path / "pg") as server:
        url = server.url()
        course = tmp_path / "course"
        shutil.copytree(ROOT / "source" / A, course / "source" / A)
        config = (ROOT / "nbgrader_config.py").read_text()
        config += f"\nc.CourseDirectory.db_url = {url!r}\n"
        (course / "nbgrader_config.py").write_text(config)
        nbgrader(course, "generate_assignment", A, "--force")
        assert not (course / "gradebook.db").exists(), "the gradebook must be the server's"

        release = load(course / "release" / A / f"{A}.ipynb")
        answers = solution_answers(A)
        submissions = {
            "zero": release,
            "two": make_submission(release, {k: answers[k] for k in ("sigmoid", "L1")}),
        }
        for student, notebook in submissions.items():
            write(notebook, course / "submitted" / student / A / f"{A}.ipynb")

        done = run([sys.executable, "-m", "grader_tests.batch", A, "-j", "2", "--json"], course)
        assert done.returncode == 0, done.stderr
        outcomes = {o["student"]: o for o in json.loads(done.stdout)}
        assert {s: o["status"] for s, o in outcomes.items()} == dict.fromkeys(submissions, "graded")

        gradebook = Gradebook(url)
        try:
            found = {s: gradebook.find_submission(A, s).score for s in submissions}
            assert found == {"zero": 0, "two": 2}
            assert sorted(s.id for s in gradebook.students) == sorted(submissions)
        finally:
            gradebook.close()
            gradebook.engine.dispose()
        assert not (course / "gradebook.db").exists()

        again = run([sys.executable, "-m", "grader_tests.batch", A, "--json"], course)
        assert again.returncode == 0 and "0 to grade" in again.stderr
