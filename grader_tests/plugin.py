"""pytest plugin for the hidden checks: options, the student's objects as fixtures, results.

A check asks for the student's function by name (``def test_x(propagate): ...``). The
implementation under test is the instructor's solutions in ``source/`` by default, or any
notebook given with ``--notebook PATH``; either way it runs in a :class:`~.client.Worker`.
Every check carries ``@pytest.mark.grades("test_<name>")``, the test cell it counts for.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import hashlib
import importlib
import inspect
import io
from pathlib import Path

import numpy as np
import pytest

from .client import CallLimits, StudentCodeError, Worker
from .course import (
    PACKAGE_DIR,
    NotGradable,
    SourceNotebook,
    assignment_config,
    find_course_root,
    guess_assignment,
    read_submission,
)

_IMPLEMENTATIONS = pytest.StashKey[dict]()
# how often a training function may call one isolated function per iteration: a model written
# layer by layer calls linear_activation_forward once per layer (up to 4 in the checks)
CALLS_PER_ITERATION = 5


def pytest_addoption(parser):
    add = parser.getgroup("grader", "hidden checks").addoption
    add("--notebook", metavar="PATH", help="grade this notebook instead of source/'s solutions")
    add("--course-dir", metavar="DIR", help="the course root holding source/ (default: here)")
    add("--cells", metavar="IDS", help="grade only these test cells (grade_ids, comma-separated)")
    for option, default, what in (
        ("--call-timeout", CallLimits.call_seconds, "one call of the student's code"),
        ("--notebook-timeout", CallLimits.program_seconds, "the student's notebook"),
    ):
        add(option, type=float, default=default, metavar="S", help=f"seconds {what} may take")


def pytest_configure(config):
    config.addinivalue_line("markers", "grades(cell): the test cell (grade_id) a check counts for")
    config.stash[_IMPLEMENTATIONS] = {}


def pytest_unconfigure(config):
    for implementation in config.stash.get(_IMPLEMENTATIONS, {}).values():
        if isinstance(implementation, Implementation):
            implementation.close()


def assignment_of(node) -> str | None:
    """The assignment a collected check belongs to (its folder in grader_tests)."""
    path = Path(str(node.path)).resolve()
    try:
        relative = path.relative_to(PACKAGE_DIR)
    except ValueError:
        return None
    return relative.parts[0] if len(relative.parts) > 1 else None


def pytest_collection_modifyitems(session, config, items):
    root = _root(config)
    wanted = None
    if config.getoption("--notebook"):
        path = Path(config.getoption("--notebook"))
        try:
            wanted = guess_assignment(path, read_submission(path), root)
        except NotGradable as exc:
            raise pytest.UsageError(str(exc)) from None
    keep, drop = [], []
    cells: dict[str, set[str]] = {}
    only = set(filter(None, (config.getoption("--cells") or "").split(","))) or None
    for item in items:
        assignment = assignment_of(item)
        if assignment is None:
            keep.append(item)
            continue
        if wanted is not None and assignment != wanted:
            drop.append(item)
            continue
        if assignment not in cells:
            test_cells = SourceNotebook.load(root, assignment).test_cells
            cells[assignment] = {c.grade_id for c in test_cells}
        marker = item.get_closest_marker("grades")
        if marker is None or not marker.args:
            raise pytest.UsageError(
                f"{item.nodeid}: a hidden check needs @pytest.mark.grades(cell)"
            )
        if marker.args[0] not in cells[assignment]:
            raise pytest.UsageError(
                f"{item.nodeid}: grades {marker.args[0]!r}, which is not a test cell of "
                f"{assignment} (test cells: {', '.join(sorted(cells[assignment]))})"
            )
        (keep if only is None or marker.args[0] in only else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_generate_tests(metafunc):
    if "public_test_cell" in metafunc.fixturenames:
        assignment = assignment_of(metafunc.definition)
        cells = SourceNotebook.load(_root(metafunc.config), assignment).test_cells
        metafunc.parametrize(
            "public_test_cell",
            [pytest.param(c, id=c.grade_id, marks=pytest.mark.grades(c.grade_id)) for c in cells],
        )


def _root(config) -> Path:
    try:
        return find_course_root(config.getoption("--course-dir"))
    except NotGradable as exc:
        raise pytest.UsageError(str(exc)) from None


class Implementation:
    """The student's (or the reference) notebook of one assignment, running in a worker."""

    def __init__(self, assignment: str, root: Path, notebook: str | None, limits: CallLimits):
        self.assignment = assignment
        self.source = SourceNotebook.load(root, assignment)
        self.config = assignment_config(assignment)
        self.reference = importlib.import_module(f"grader_tests.{assignment}.reference")
        submission = read_submission(notebook)["cells"] if notebook else None
        program, self.missing = self.source.program(submission)
        self.worker = Worker(program, self.source.graded_names, limits, hidden=[root])
        self.report = self.worker.start()
        self._values: dict[str, object] = {}

    def close(self) -> None:
        self.worker.close()

    def get(self, name: str):
        """A proxy for the student's function, or a copy of the student's value."""
        if name in self.missing:
            raise StudentCodeError(
                f"the cell with grade_id '{name}' is missing from the notebook (deleted, or its "
                "nbgrader metadata was changed): copy it back from the release notebook"
            )
        kind = self.worker.inventory.get(name)
        if kind is None:
            error = self.report.errors.get(name)
            if error and error.startswith("NotImplementedError"):
                raise StudentCodeError(
                    f"{name} is not set yet: its cell still raises "
                    "NotImplementedError. Replace that line with your code."
                )
            if error:
                raise StudentCodeError(f"{name} is not defined: its cell failed ({error})")
            raise StudentCodeError(
                f"{name} is not defined after running the notebook: "
                f"does the cell '{name}' assign it?"
            )
        if kind == "function":
            return StudentFunction(self, name)
        if name not in self._values:
            self._values[name] = self.worker.value(name)
        return copy.deepcopy(self._values[name])


class StudentFunction:
    """Calls the student's function in the worker; only plain data crosses."""

    def __init__(self, implementation: Implementation, name: str):
        self._implementation = implementation
        self.__name__ = self.__qualname__ = name

    def __call__(self, *args, **kwargs):
        impl = self._implementation
        names = getattr(impl.config, "ISOLATE", {}).get(self.__name__, [])
        # the reference versions run here, in the checker, when the student's code calls them
        isolate = {name: getattr(impl.reference, name) for name in names}
        reference = getattr(impl.reference, self.__name__, None)
        max_calls = calls_allowed(reference, args, kwargs) if isolate else None
        return impl.worker.call(self.__name__, args, kwargs, isolate or None, max_calls)

    def __repr__(self) -> str:
        return f"<{self.__name__} from the notebook under test>"


def calls_allowed(reference, args, kwargs) -> int | None:
    """How often a function that trains (one with ``num_iterations``) may call each isolated
    function: CALLS_PER_ITERATION times per iteration asked for. Every such call crosses the
    process boundary, so a model that ignores num_iterations and runs its own 10,000
    iterations would take minutes; it is stopped early instead."""
    try:
        bound = inspect.signature(reference).bind(*args, **kwargs)
    except (TypeError, ValueError):  # not a training function, or arguments it does not take
        return None
    bound.apply_defaults()
    iterations = bound.arguments.get("num_iterations")
    return CALLS_PER_ITERATION * (iterations + 1) if isinstance(iterations, int) else None


def implementation_for(request) -> Implementation:
    config, assignment = request.config, assignment_of(request.node)
    cache, option = config.stash[_IMPLEMENTATIONS], config.getoption
    if assignment not in cache:
        limits = CallLimits(
            call_seconds=option("--call-timeout"), program_seconds=option("--notebook-timeout")
        )
        try:
            cache[assignment] = Implementation(
                assignment, _root(config), option("--notebook"), limits
            )
        except NotGradable as exc:
            cache[assignment] = exc
    implementation = cache[assignment]
    if isinstance(implementation, Exception):
        raise implementation
    return implementation


@pytest.fixture
def implementation(request) -> Implementation:
    """The notebook under test for this check's assignment."""
    return implementation_for(request)


@pytest.fixture
def rng(request) -> np.random.Generator:
    """A random generator seeded from the check's id: fresh inputs, the same on every run."""
    digest = hashlib.sha256(request.node.nodeid.encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def graded_fixtures(conftest_name: str) -> dict:
    """Fixtures named after every graded item of the conftest's assignment."""
    assignment = conftest_name.split(".")[-2]
    names = SourceNotebook.load(find_course_root(PACKAGE_DIR.parent), assignment).graded_names

    def make(name):
        @pytest.fixture(name=name)
        def graded(request):
            return implementation_for(request).get(name)

        graded.__doc__ = f"The notebook's {name}."
        return graded

    return {f"_graded_{name}": make(name) for name in names}


def run_public_checks(implementation: Implementation, test_cell) -> str:
    """Run a test cell's visible code here, with the student's objects behind proxies."""
    module = importlib.import_module(implementation.config.PUBLIC_CHECKS)
    tree = ast.parse(test_cell.source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    namespace = {"checks": module}
    for name in sorted(used & set(implementation.source.graded_names)):
        namespace[name] = implementation.get(name)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(tree, f"<public checks {test_cell.grade_id}>", "exec"), namespace)  # noqa: S102
    return printed.getvalue()
