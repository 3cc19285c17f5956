"""Shared fixtures of the project's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ASSIGNMENTS, ROOT, nbgrader

_BUILT: dict[str, Path] = {}


def pytest_collection_modifyitems(items):
    """Keep each week's build and autograde on one xdist worker (see `week` below)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        week = callspec.params.get("assignment") if callspec else None
        if week in ASSIGNMENTS and "build" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group(week))


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """build(assignment): a temporary copy of the course with that week's release/ and
    notebooks/ generated from source/ by nbgrader (built once per test process)."""

    def built(assignment: str) -> Path:
        if assignment not in _BUILT:
            course = tmp_path_factory.mktemp(f"course-{assignment}")
            shutil.copytree(ROOT / "source" / assignment, course / "source" / assignment)
            shutil.copy(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
            nbgrader(course, "generate_assignment", assignment, "--force")
            nbgrader(course, "generate_solution", assignment, "--force")
            _BUILT[assignment] = course
        return _BUILT[assignment]

    return built
