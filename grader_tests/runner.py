"""Grade one notebook: run the hidden checks with pytest and score each test cell.

A cell earns its points times the fraction of its hidden checks that passed, and nothing when
its public checks (the visible check cell, run again here on the student's code) fail. That
gate stays: several hidden checks test only what a result looks like (a tuple of two, a dict
with the right keys, the right shape), so without it a function that returns constants of the
right shapes earned a quarter to a half of its cell (the hostile suite's wrong functions did).
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest

from .client import StudentCodeError
from .course import (
    PACKAGE_DIR,
    NotGradable,
    SourceNotebook,
    find_course_root,
    guess_assignment,
    read_submission,
)
from .sandbox import warn_once

PUBLIC = "public checks"
MESSAGE_LIMIT = 2000
# ANSI escape sequences and control characters (but newline and tab) in text that came from
# student code: feedback shows them as plain text, never as terminal tricks.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class CheckResult:
    name: str
    passed: bool
    message: str


@dataclass
class CellResult:
    grade_id: str
    max_points: float
    checks: list[CheckResult] = field(default_factory=list)

    @property
    def points(self) -> float:
        public = [c for c in self.checks if c.name == PUBLIC]
        hidden = [c for c in self.checks if c.name != PUBLIC]
        if not self.checks or any(not c.passed for c in public):
            return 0.0
        if not hidden:
            return self.max_points
        return round(self.max_points * sum(c.passed for c in hidden) / len(hidden), 4)


@dataclass
class GradeReport:
    assignment: str
    cells: list[CellResult]
    seconds: float = 0.0

    @property
    def score(self) -> float:
        return round(sum(c.points for c in self.cells), 4)

    @property
    def max_score(self) -> float:
        return round(sum(c.max_points for c in self.cells), 4)

    @property
    def all_passed(self) -> bool:
        return all(check.passed for cell in self.cells for check in cell.checks)

    def as_json(self) -> dict:
        cells = [{"grade_id": c.grade_id, "points": c.points, **asdict(c)} for c in self.cells]
        score = {"score": self.score, "max_score": self.max_score}
        return {"assignment": self.assignment, **score, "cells": cells}


class _Collector:
    """Records each check's verdict and a message fit for a student (never the check's code)."""

    def __init__(self):
        self.results: list[tuple[str, CheckResult]] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        marker = item.get_closest_marker("grades")
        if marker is None:
            return
        failed = report.failed
        if report.when == "call" or (report.when == "setup" and failed):
            name = PUBLIC if item.originalname == "test_public_checks" else item.name
            message = ""
            if failed and call.excinfo is not None:
                message = _student_message(call.excinfo.value)
            self.results.append((marker.args[0], CheckResult(name, not failed, message)))


def _student_message(exc: BaseException) -> str:
    if isinstance(exc, AssertionError):
        text = str(exc).strip() or "the check failed"
    else:
        text = str(exc) if isinstance(exc, StudentCodeError) else f"{type(exc).__name__}: {exc}"
    text = _CONTROL.sub("", text)
    if len(text) > MESSAGE_LIMIT:
        text = text[:MESSAGE_LIMIT] + " … (cut)"
    return text


def grade(
    notebook: str | Path | None,
    assignment: str | None = None,
    course_dir: str | Path | None = None,
    call_timeout: float | None = None,
    notebook_timeout: float | None = None,
    cells: list[str] | None = None,
) -> GradeReport:
    """Grade a notebook (or, with ``notebook=None``, the instructor's solutions); ``cells``:
    only these test cells (grade_ids), the report holding only them.

    Raises :class:`~.course.NotGradable` when the input is not a notebook of a known assignment
    or ``cells`` names a test cell it does not have.
    """
    began = time.monotonic()
    root = find_course_root(course_dir)
    if notebook is not None:
        path = Path(notebook)
        submission = read_submission(path)
        assignment = assignment or guess_assignment(path, submission, root)
    if assignment is None:
        raise ValueError("grade(None) needs an assignment")
    source = SourceNotebook.load(root, assignment)
    test_cells = source.test_cells
    if cells:
        unknown = sorted(set(cells) - {c.grade_id for c in test_cells})
        if unknown:
            raise NotGradable(
                f"{assignment} has no test cell {', '.join(unknown)} (its test cells: "
                f"{', '.join(c.grade_id for c in test_cells)})"
            )
        test_cells = [c for c in test_cells if c.grade_id in cells]
    # --tb=native: the messages come from the exceptions themselves (_Collector); pytest's own
    # long tracebacks parse the checks' source for every failure and took half the run's time
    args = [str(PACKAGE_DIR / assignment), "-p", "no:cacheprovider", "--assert=plain", "-q"]
    args += ["--tb=native"]
    args += ["-o", "addopts=", "--rootdir", str(PACKAGE_DIR.parent), "--course-dir", str(root)]
    if notebook is not None:
        args += ["--notebook", str(Path(notebook).resolve())]
    if call_timeout:
        args += ["--call-timeout", str(call_timeout)]
    if notebook_timeout:
        args += ["--notebook-timeout", str(notebook_timeout)]
    if cells:
        args += ["--cells", ",".join(cells)]
    collector = _Collector()
    chatter = io.StringIO()
    with contextlib.redirect_stdout(chatter):
        warn_once()  # before pytest captures stderr: the instructor must see it
        exit_code = pytest.main(args, plugins=[collector])
    if exit_code not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
        raise RuntimeError(
            f"the hidden checks could not run (pytest exit {int(exit_code)}):\n"
            + chatter.getvalue()[-3000:]
        )
    results = [CellResult(c.grade_id, c.points) for c in test_cells]
    by_id = {c.grade_id: c for c in results}
    for cell_id, result in collector.results:
        by_id[cell_id].checks.append(result)
    for cell in results:  # the public checks first, then the hidden ones in file order
        cell.checks.sort(key=lambda c: c.name != PUBLIC)
    return GradeReport(assignment, results, time.monotonic() - began)


def failure_lines(checks: list[dict], indent: str = "  ") -> list[str]:
    """Readable lines for a cell's checks: failures that share one message are listed once."""
    lines, groups = [], {}
    for check in checks:
        if not check["passed"]:
            groups.setdefault(check["message"], []).append(check["name"])
    for check in checks:
        if check["passed"]:
            lines.append(f"{indent}✓ {check['name']}")
    for message, names in groups.items():
        lines.append(f"{indent}✗ {', '.join(names)}")
        lines.extend(f"{indent}    {line}" for line in (message or "failed").splitlines())
    return lines
