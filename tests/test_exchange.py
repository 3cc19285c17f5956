"""The course-local exchange: release -> fetch -> submit -> collect on one machine, no set-up."""

from __future__ import annotations

import getpass
import shutil

import pytest

from support import ROOT, load, nbgrader, tool_env

pytestmark = pytest.mark.slow
WEEK = "c1w2_logistic_regression"


def test_release_fetch_submit_collect_work_out_of_the_box(tmp_path, monkeypatch):
    monkeypatch.delenv("NBGRADER_EXCHANGE", raising=False)
    assert "NBGRADER_EXCHANGE" not in tool_env()
    course = tmp_path / "course"
    shutil.copytree(ROOT / "source" / WEEK, course / "source" / WEEK)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    (course / "my-work").mkdir()
    shutil.copy(ROOT / "my-work" / "nbgrader_config.py", course / "my-work")  # as in a clone
    nbgrader(course, "generate_assignment", WEEK, "--force")
    assert (course / "exchange").is_dir()  # made by the config: Formgrader offers Release
    nbgrader(course, "release_assignment", WEEK, "--force")
    assert (course / "exchange" / "deep-learning-from-scratch" / "outbound" / WEEK).is_dir()
    # JupyterLab's Assignment List reads the config again from inside my-work/
    listed = nbgrader(course / "my-work", "list")
    assert f"deep-learning-from-scratch {WEEK}" in listed.stdout + listed.stderr

    nbgrader(course, "fetch_assignment", WEEK)
    mine = course / "my-work" / WEEK / f"{WEEK}.ipynb"
    assert load(mine) == load(course / "release" / WEEK / f"{WEEK}.ipynb")

    nbgrader(course, "submit", str(mine.parent))
    nbgrader(course, "collect", WEEK)
    collected = course / "submitted" / getpass.getuser() / WEEK / f"{WEEK}.ipynb"
    assert load(collected) == load(mine)
