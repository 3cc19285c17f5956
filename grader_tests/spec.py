"""One specification per graded function, feeding the public checks and the hidden checks.

A week's ``grader_tests/<week>/spec.py`` defines ``SPEC``, a :class:`WeekSpec`: for every
graded function its public examples (:class:`Example`) and its planted mistakes
(:class:`Mistake`: the wrong cell's source with its hint, written once). From that:

- ``python -m grader_tests.spec`` runs the reference and every mistake on the public
  examples and writes what the learner's checks compare with into
  ``helpers/checks/data/<week>.json`` (inputs, expected outputs, each mistake's outputs and
  hints: numbers, never code). ``--check`` only says whether those files are stale; a test
  fails when they are.
- The hidden checks ask ``grader_tests.checking.mistakes_of`` for the (wrong output, hint)
  pairs of a function on their own fresh inputs, so they name a mistake without restating
  its formula.
- The project's tests plant every mistake into a notebook and check that it loses points
  only in its own cell, with its hint (:attr:`Mistake.cell`, :attr:`Mistake.fragment`).

A mistake's source runs in the notebook's namespace as the checker builds it for a week
(``np``, ``math``, the reference versions of every graded function, plus
``WeekSpec.namespace``): like the grader's ``ISOLATE``, the functions a mistake calls are the
right ones, so its outputs show this one mistake alone.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib
import io
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from helpers.checks.engine import Raised

DATA_DIR = Path(__file__).resolve().parents[1] / "helpers" / "checks" / "data"
STALE_RTOL = 1e-9  # stored numbers may differ from a fresh run by this much (last bits of exp)


@dataclass(frozen=True)
class Mistake:
    """A planted mistake: a wrong version of one graded cell and the hint that names it.

    ``source`` is the whole solution cell as a learner might write it. ``cell`` is the test
    cell that must lose points (``test_<function>`` unless said otherwise) and ``fragment`` a
    piece of text that the messages of that cell must contain (the hint unless said otherwise).
    ``public=False`` marks a mistake that the public examples cannot show (only the hidden
    checks on other inputs catch it).
    """

    key: str
    function: str
    hint: str
    source: str
    cell: str = ""
    fragment: str = ""
    public: bool = True

    def __post_init__(self):
        object.__setattr__(self, "source", self.source.strip() + "\n")
        object.__setattr__(self, "cell", self.cell or f"test_{self.function}")
        object.__setattr__(self, "fragment", self.fragment or self.hint)

    @property
    def name(self) -> str:
        """The graded item this mistake replaces (the name the project's tests use)."""
        return self.function


@dataclass(frozen=True)
class Example:
    """One public example: the call's arguments and how a message names the call."""

    label: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Function:
    """A graded function's public examples; ``parts`` name the pieces of what it returns
    (``("grads", "cost")``) so that messages say ``grads['dw']`` instead of ``[0]['dw']``;
    ``calls`` names the graded functions it calls: its public check first runs theirs, on the
    learner's own versions, and says "fix `propagate` first" when one fails."""

    name: str
    examples: tuple[Example, ...] = ()
    parts: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()


@dataclass
class WeekSpec:
    """Everything a week's checks are generated from."""

    assignment: str
    functions: list[Function]
    mistakes: list[Mistake]
    # extra names a mistake's source may use (the data set, provided helpers), built lazily
    namespace: Callable[[], dict] = dict
    # the graded values (not functions) as the solution cells compute them: name -> value
    values: Callable[[], dict] = dict
    # more data for the public checks that do not fit the example pattern: name -> callable
    # returning plain data (computed from the reference, never typed)
    extra: dict[str, Callable[[], object]] = field(default_factory=dict)

    def __post_init__(self):
        names = {f.name for f in self.functions} | {m.function for m in self.mistakes}
        for function in self.functions:
            unknown = set(function.calls) - names
            if unknown:
                raise ValueError(f"{function.name} calls unknown functions: {sorted(unknown)}")
        keys = [m.key for m in self.mistakes]
        duplicated = {k for k in keys if keys.count(k) > 1}
        if duplicated:
            raise ValueError(f"{self.assignment}: mistake keys used twice: {sorted(duplicated)}")

    @property
    def reference(self):
        return importlib.import_module(f"grader_tests.{self.assignment}.reference")

    def function(self, name: str) -> Function:
        return next(f for f in self.functions if f.name == name)

    def mistakes_of(self, function: str) -> list[Mistake]:
        return [m for m in self.mistakes if m.function == function]

    def mistake(self, key: str) -> Mistake:
        return next(m for m in self.mistakes if m.key == key)

    def hint(self, key: str) -> str:
        return self.mistake(key).hint


def function_source(header: str, body: str) -> str:
    """A solution cell defining ``def <header>:`` with ``body`` (unindented lines) inside: how a
    spec writes a planted mistake's source."""
    return f"def {header}:\n" + "".join(f"    {line}\n" for line in body.strip().splitlines())


def changed(source: str, *changes: tuple[str, str]) -> str:
    """``source`` with each (old, new) text change made: a planted mistake written as the
    solution cell with one thing changed. An old text that is not there is a bug of the spec
    (a ValueError), not a mistake."""
    for old, new in changes:
        if old not in source:
            raise ValueError(f"the text to change is not in the source: {old!r}")
        source = source.replace(old, new)
    return source


def solution_cells(assignment: str) -> dict[str, str]:
    """grade_id -> source of every solution cell of the instructor's notebook in source/."""
    from . import course

    root = course.find_course_root(course.PACKAGE_DIR.parent)
    cells = course.SourceNotebook.load(root, assignment).cells
    return {
        course.nbgrader_meta(cell)["grade_id"]: "".join(cell["source"])
        for cell in cells
        if course.is_solution_cell(cell)
    }


def load(assignment: str) -> WeekSpec:
    """The ``SPEC`` of an assignment."""
    return importlib.import_module(f"grader_tests.{assignment}.spec").SPEC


# ------------------------------------------------------------------------ running code
_NAMESPACES: dict[str, dict] = {}


def base_namespace(spec: WeekSpec) -> dict:
    """What a mistake's cell sees: np, math, the week's extra names and the reference's
    functions (fresh copy each time, so a cell cannot leak into the next)."""
    if spec.assignment not in _NAMESPACES:
        reference = spec.reference
        names = {n: getattr(reference, n) for n in dir(reference) if not n.startswith("_")}
        _NAMESPACES[spec.assignment] = {"np": np, "math": math, **names, **spec.namespace()}
    return dict(_NAMESPACES[spec.assignment])


def planted(spec: WeekSpec, key: str):
    """The object a mistake's cell defines (its function, or the value it assigns)."""
    mistake = spec.mistake(key)
    namespace = base_namespace(spec)
    with np.errstate(all="ignore"):
        exec(compile(mistake.source, f"<mistake {key}>", "exec"), namespace)  # noqa: S102
    return namespace[mistake.function]


def run(function, args: tuple, kwargs: dict):
    """``function(*args, **kwargs)`` on copies of the inputs, nothing printed; an exception
    becomes Raised."""
    args, kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    try:
        with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"):
            return function(*args, **kwargs)
    except Exception as exc:  # a planted mistake may raise: that is its output
        return Raised(f"{type(exc).__name__}: {exc}")


# -------------------------------------------------------------------------- plain data
def encode(value):
    """Plain JSON for arrays, tuples, dicts, numbers, strings and Raised."""
    if isinstance(value, Raised):
        return {"raised": value.text}
    if isinstance(value, np.ndarray):
        return {"array": value.tolist(), "dtype": value.dtype.str, "shape": list(value.shape)}
    if isinstance(value, np.generic):
        return encode(value.item()) if value.dtype.kind != "f" else {"float64": float(value)}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError(f"only string keys can be stored: {list(value)}")
        return {"dict": {k: encode(v) for k, v in value.items()}}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the checks' data")


def build(spec: WeekSpec) -> dict:
    """The data the week's public checks read (see the module docstring)."""

    def example_data(function: Function, example: Example) -> dict:
        expected = run(getattr(spec.reference, function.name), example.args, example.kwargs)
        if isinstance(expected, Raised):
            raise RuntimeError(f"the reference {function.name} raised on {example.label}")
        return {
            "label": example.label,
            "args": encode(list(example.args)),
            "kwargs": encode(dict(example.kwargs)),
            "expected": encode(expected),
            "mistakes": {
                m.key: encode(run(planted(spec, m.key), example.args, example.kwargs))
                for m in spec.mistakes_of(function.name)
            },
        }

    functions = {
        f.name: {
            "parts": list(f.parts),
            "calls": list(f.calls),
            "examples": [example_data(f, example) for example in f.examples],
        }
        for f in spec.functions
    }
    return {
        "assignment": spec.assignment,
        "note": "generated by `python -m grader_tests.spec` from grader_tests/"
        f"{spec.assignment}/spec.py: do not edit",
        "hints": {m.key: m.hint for m in spec.mistakes},
        "functions": functions,
        "extra": {name: encode(make()) for name, make in spec.extra.items()},
    }


def data_path(assignment: str) -> Path:
    return DATA_DIR / f"{assignment}.json"


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def differences(stored, fresh, where: str = "") -> list[str]:
    """Where two generated data trees differ beyond the last bits of floating point."""
    if isinstance(stored, dict) and isinstance(fresh, dict):
        if list(stored) != list(fresh):  # the order matters: it decides which hint comes first
            return [f"{where}: keys {list(stored)} stored, {list(fresh)} now"]
        return [d for k in stored for d in differences(stored[k], fresh[k], f"{where}/{k}")]
    if isinstance(stored, list) and isinstance(fresh, list):
        if len(stored) != len(fresh):
            return [f"{where}: {len(stored)} items stored, {len(fresh)} now"]
        pairs = enumerate(zip(stored, fresh, strict=True))
        return [d for i, (a, b) in pairs for d in differences(a, b, f"{where}[{i}]")]
    numbers = (int, float)
    if isinstance(stored, numbers) and isinstance(fresh, numbers):
        if type(stored) is bool or type(fresh) is bool:
            return [] if stored == fresh else [f"{where}: {stored!r} stored, {fresh!r} now"]
        if math.isclose(stored, fresh, rel_tol=STALE_RTOL, abs_tol=1e-12) or (
            math.isnan(stored) and math.isnan(fresh)
        ):
            return []
    elif stored == fresh:
        return []
    return [f"{where}: {stored!r} stored, {fresh!r} now"]


def main(argv: list[str] | None = None) -> int:
    from .course import known_assignments

    parser = argparse.ArgumentParser(
        prog="python -m grader_tests.spec",
        description="Write helpers/checks/data/<week>.json from each week's spec.",
    )
    parser.add_argument("assignments", nargs="*", help="default: every week that has a spec")
    parser.add_argument("--check", action="store_true", help="only report stale files; exit 1")
    options = parser.parse_args(argv)
    weeks = options.assignments or [
        a for a in known_assignments() if (Path(__file__).parent / a / "spec.py").is_file()
    ]
    stale = 0
    for assignment in weeks:
        fresh = json.loads(dumps(build(load(assignment))))
        path = data_path(assignment)
        stored = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
        found = ["missing"] if stored is None else differences(stored, fresh)
        if found and options.check:
            stale += 1
            print(f"{path.name}: stale ({found[0]}); run `python -m grader_tests.spec`")
        elif found:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".json.tmp")
            tmp.write_text(dumps(fresh), encoding="utf-8")
            tmp.replace(path)  # never a half-written file
            print(f"wrote {path}")
        elif not options.check:
            print(f"{path.name}: up to date")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
