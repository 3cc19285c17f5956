"""Shared fixtures of the project's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ASSIGNMENTS, ROOT, nbgrader


@pytest.fixture(scope="session")
def built_course(tmp_path_factory) -> Path:
    """A temporary copy of the course with release/ and notebooks/ generated from source/."""
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "source", course / "source")
    shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    for assignment in ASSIGNMENTS:
        nbgrader(course, "generate_assignment", assignment, "--force")
        nbgrader(course, "generate_solution", assignment, "--force")
    return course
