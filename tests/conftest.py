"""Shared fixtures of the project's tests, and how their expensive work is shared.

Each week's solution notebook is executed ONCE per test run (``nbgrader generate_solution``,
the ``executed`` fixture), and each week's release and gradebook are generated once per run
(``course``): the results live in a folder that every pytest-xdist worker of the run sees,
made by whichever worker asks first while the others wait on a file lock. The tests that use
a week's execution are kept on one worker (an ``xdist_group`` named after the week), so no
worker waits for another's; ``pytest_collection_finish`` fails the run if that grouping does
not reach the node ids (pytest-xdist's ``--dist loadgroup`` reads the group from there).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path

import pytest

from support import ASSIGNMENTS, ROOT, load, nbgrader, quick_run, write

# A test with an ``assignment`` parameter that uses one of these fixtures joins that week's
# group: the week's execution (and what reads it), or the week's grading in one checker process
# (tests/test_week_contract.py). Two groups per week let the two run on different workers.
WEEK_GROUPS = {"executed": "{week}", "graded": "{week}-grading"}


def week_group(item) -> str | None:
    """The xdist group a collected test belongs to for its week's shared work, if any."""
    callspec = getattr(item, "callspec", None)
    week = callspec.params.get("assignment") if callspec else None
    if week not in ASSIGNMENTS:
        return None
    for fixture, group in WEEK_GROUPS.items():
        if fixture in item.fixturenames:
            return group.format(week=week)
    return None


def pytest_configure(config):
    """NumPy in the test processes on one BLAS thread: the workers share the cores (their
    notebooks and checkers run with OPENBLAS_NUM_THREADS=1 already, see support.tool_env)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def pytest_xdist_auto_num_workers(config):
    """``-n auto``: a worker per core, plus one while the hostile autograde runs (with
    bubblewrap): that worker spends most of its minutes waiting on the hostile submissions'
    time limits, which would leave a core idle. PYTEST_XDIST_AUTO_NUM_WORKERS still decides."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    from grader_tests.sandbox import isolation

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + (1 if isolation()[0] else 0)


def _group_of(item) -> str | None:
    mark = item.get_closest_marker("xdist_group")
    return (mark.args[0] if mark.args else mark.kwargs.get("name")) if mark else None


def _schedule_rank(item) -> int:
    """Longest work first (pytest-xdist hands out groups in collection order, see
    --no-loadscope-reorder in pyproject.toml): the hostile autograde (minutes, mostly waiting
    on its time limits), the batch command's runs, each week's execution of its notebook and
    each week's grading, the nbgrader round trip, then the other slow tests, then the rest."""
    group = _group_of(item) or ""
    weeks = {w: i for i, w in enumerate(reversed(ASSIGNMENTS))}  # later weeks run longer
    if group == "hostile":
        return 0
    if group == "batch":
        return 1
    if group == "browser":  # a minute or more: JupyterLab, Chromium and a notebook's Run All
        return 2
    if group in weeks:
        return 10 + 2 * weeks[group]
    if group.endswith("-grading") and group[: -len("-grading")] in weeks:
        return 11 + 2 * weeks[group[: -len("-grading")]]
    if group == "autograde":
        return 100
    return 101 if item.get_closest_marker("slow") else 102


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook turns the mark into "@group"
def pytest_collection_modifyitems(items):
    for item in items:
        group = week_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
    items.sort(key=_schedule_rank)  # stable: within a rank, the collection order


def pytest_collection_finish(session):
    """On an xdist worker with --dist loadgroup, every test of a week's shared work must carry
    its group in its node id; otherwise the scheduler spreads them over the workers."""
    config = session.config
    if not hasattr(config, "workerinput") or not config.getvalue("loadgroup"):
        return
    wrong = [
        item.nodeid
        for item in session.items
        if week_group(item) and not item.nodeid.endswith("@" + week_group(item))
    ]
    if wrong:
        raise pytest.UsageError(
            f"{len(wrong)} tests of a week's shared work lost their xdist group, e.g. {wrong[0]}"
        )


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory, pytestconfig) -> Path:
    """A folder of this test run that every xdist worker sees (the run's base temp folder)."""
    base = tmp_path_factory.getbasetemp()
    on_worker = hasattr(pytestconfig, "workerinput")  # basetemp is then <run>/popen-gwN
    folder = (base.parent if on_worker else base) / "shared"
    folder.mkdir(exist_ok=True)
    return folder


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _once(folder: Path, make) -> Path:
    """``folder``, made by ``make(tmp)`` once per run whichever worker asks first."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with _locked(folder.with_name(folder.name + ".lock")):
        if not folder.is_dir():
            partial = folder.with_name(folder.name + f".part-{os.getpid()}")
            shutil.rmtree(partial, ignore_errors=True)
            make(partial)
            partial.rename(folder)
    return folder


@pytest.fixture(scope="session")
def course(shared_dir):
    """course(assignment): a course folder (do not change it: copy what you need) with that
    week's source/, nbgrader_config.py, and the release/ and gradebook.db that
    ``nbgrader generate_assignment`` makes of them (once per test run). The source has the
    week's ``QUICK_RUN`` cuts (support.quick_run), so every notebook the tests autograde runs
    all its cells with fewer training steps."""

    def made(assignment: str) -> Path:
        def make(folder: Path) -> None:
            shutil.copytree(ROOT / "source" / assignment, folder / "source" / assignment)
            source = folder / "source" / assignment / f"{assignment}.ipynb"
            write(quick_run(load(source), assignment), source)  # fewer training steps
            shutil.copy(ROOT / "nbgrader_config.py", folder / "nbgrader_config.py")
            nbgrader(folder, "generate_assignment", assignment, "--force")

        return _once(shared_dir / assignment / "course", make)

    return made


@pytest.fixture(scope="session")
def executed(course, shared_dir):
    """executed(assignment): a course folder whose notebooks/ holds that week's solution
    notebook as ``nbgrader generate_solution`` makes and EXECUTES it: the one execution of the
    week's notebook in a test run, shared by every test that needs it (tests that use this
    fixture with an ``assignment`` parameter are kept on one xdist worker per week).

    The source is the ``course`` fixture's, cut with the week's ``QUICK_RUN``: every cell runs,
    with fewer training steps, unless COURSE_FULL_RUN=1."""

    def made(assignment: str) -> Path:
        def make(folder: Path) -> None:
            shutil.copytree(course(assignment), folder)  # its source has the QUICK_RUN cuts
            nbgrader(folder, "generate_solution", assignment, "--force")

        return _once(shared_dir / assignment / "executed", make)

    return made
