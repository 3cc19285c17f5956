"""`python -m helpers.workspace`: a learner's own copy, outside the tracked folders."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from helpers import workspace
from support import ROOT

WEEK = "c1w2_logistic_regression"


@pytest.fixture
def course(tmp_path):
    for part in ("release", "notebooks"):
        shutil.copytree(ROOT / part / WEEK, tmp_path / part / WEEK)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    return tmp_path


def test_a_copy_of_the_exercises_and_of_the_solution(course):
    mine = workspace.make_copy("c1w2", root=course)
    assert mine == course / "my-work" / WEEK / f"{WEEK}.ipynb"
    assert mine.read_bytes() == (course / "release" / WEEK / f"{WEEK}.ipynb").read_bytes()
    solution = workspace.make_copy(WEEK, solution=True, root=course)
    assert solution.read_bytes() == (course / "notebooks" / WEEK / f"{WEEK}.ipynb").read_bytes()


def test_an_existing_copy_is_never_overwritten(course):
    mine = workspace.make_copy("c1w2", root=course)
    mine.write_text("my work")
    with pytest.raises(SystemExit, match="you already have a copy"):
        workspace.make_copy("c1w2", root=course)
    assert mine.read_text() == "my work"


def test_an_unknown_week_lists_the_weeks(course):
    with pytest.raises(SystemExit, match=f"unknown week 'c9'.*{WEEK}"):
        workspace.make_copy("c9", root=course)


def test_the_command_says_where_the_copy_is(course):
    done = subprocess.run(
        [sys.executable, "-m", "helpers.workspace", "c1w2"],
        cwd=course,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert f"your copy: {course / 'my-work' / WEEK / WEEK}.ipynb" in done.stdout
