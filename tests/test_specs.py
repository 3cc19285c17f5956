"""The week contract on the public side: each week's spec (grader_tests/<week>/spec.py) and
the data generated from it (helpers/checks/data/<week>.json) feed the public checks.

- the stored data is what the spec gives now (run `python -m grader_tests.spec` after a change);
- every graded item of the notebook has a public check, and it passes on the reference with
  exactly one ✓ line;
- every planted mistake fails its public check with its own hint (the spec's fragment);
- the student-facing check modules hold no solution code.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import inspect
import io
import json

import numpy as np
import pytest

from grader_tests import spec as specs
from grader_tests.course import SourceNotebook
from helpers import checks as machinery
from helpers.checks import engine
from support import ASSIGNMENTS, ROOT

WEEKS = [a for a in ASSIGNMENTS if (ROOT / "grader_tests" / a / "spec.py").is_file()]
FORMULAS = ("np.exp(", "np.log(", "math.exp(", "linalg", "np.dot(", " @ ")
IMPORTS = ("import grader_tests", "from grader_tests")


def public_module(assignment: str):
    return importlib.import_module(
        importlib.import_module(f"grader_tests.{assignment}").PUBLIC_CHECKS
    )


def graded_objects(spec) -> dict:
    """The graded functions and values as the solutions define them."""
    reference = spec.reference
    names = SourceNotebook.load(ROOT, spec.assignment).graded_names
    objects = {n: getattr(reference, n) for n in names if callable(getattr(reference, n, None))}
    return {**objects, **spec.values()}


def run_check(module, name: str, obj) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), np.errstate(all="ignore"):
        getattr(module, f"check_{name}")(obj)
    return printed.getvalue()


@pytest.mark.parametrize("assignment", WEEKS)
def test_the_stored_check_data_is_what_the_spec_gives(assignment):
    fresh = json.loads(specs.dumps(specs.build(specs.load(assignment))))
    path = specs.data_path(assignment)
    assert path.is_file(), f"{path} is missing: run `python -m grader_tests.spec {assignment}`"
    stored = json.loads(path.read_text(encoding="utf-8"))
    found = specs.differences(stored, fresh)
    assert not found, (
        f"{path.name} is stale ({found[:3]}): run `python -m grader_tests.spec {assignment}`"
    )


@pytest.mark.parametrize("assignment", WEEKS)
def test_every_graded_item_has_a_public_check_and_the_spec_knows_it(assignment):
    spec = specs.load(assignment)
    module = public_module(assignment)
    names = set(SourceNotebook.load(ROOT, assignment).graded_names)
    checks = {n[len("check_") :] for n in dir(module) if n.startswith("check_")}
    assert checks == names
    assert {f.name for f in spec.functions} <= names
    assert {m.function for m in spec.mistakes} <= names
    assert all(m.cell == f"test_{m.function}" or m.cell.startswith("test_") for m in spec.mistakes)
    assert set(graded_objects(spec)) == names, "the reference or spec.values lacks a graded item"


def _all_items():
    return [(a, n) for a in WEEKS for n in SourceNotebook.load(ROOT, a).graded_names]


@pytest.mark.parametrize(("assignment", "name"), _all_items())
def test_the_public_check_passes_on_the_solution_with_one_line(assignment, name):
    spec = specs.load(assignment)
    output = run_check(public_module(assignment), name, graded_objects(spec)[name])
    assert output.count("\n") == 1 and output.startswith(f"✓ {name}: "), output


def _all_mistakes():
    return [
        pytest.param(a, m.key, id=f"{a}-{m.key}")
        for a in WEEKS
        for m in specs.load(a).mistakes
        if m.public
    ]


@pytest.mark.parametrize(("assignment", "key"), _all_mistakes())
def test_the_public_check_names_each_planted_mistake(assignment, key):
    spec = specs.load(assignment)
    mistake = spec.mistake(key)
    with pytest.raises(machinery.CheckFailure) as failed:
        run_check(public_module(assignment), mistake.function, specs.planted(spec, key))
    message = str(failed.value)
    assert mistake.fragment.lower() in message.lower(), message


@pytest.mark.parametrize("assignment", WEEKS)
def test_the_public_modules_hold_no_solution(assignment):
    module = public_module(assignment)
    names = set(SourceNotebook.load(ROOT, assignment).graded_names)
    tree = ast.parse(inspect.getsource(module))
    defined = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    assert not defined & names, defined & names
    for module_ in (module, machinery, engine):
        source = inspect.getsource(module_)
        for formula in (*FORMULAS, *IMPORTS):
            assert formula not in source, f"{module_.__name__} uses {formula}"


def test_a_data_file_that_differs_is_reported_where():
    stored = {"a": [1.0, {"b": 2.0}], "c": "x"}
    assert specs.differences(stored, {"a": [1.0, {"b": 2.0 + 1e-13}], "c": "x"}) == []
    assert specs.differences(stored, {"a": [1.0, {"b": 2.5}], "c": "x"}) == [
        "/a[1]/b: 2.0 stored, 2.5 now"
    ]
    assert specs.differences(stored, {"a": [1.0], "c": "x"}) == ["/a: 2 items stored, 1 now"]


def test_encoded_values_come_back_as_they_were():
    value = (
        {"dw": np.arange(6.0).reshape(2, 3), "db": np.float64(0.5), "n": 3},
        [1.0, 2.0],
        np.array([[1, 0]]),
        "text",
        None,
    )
    back = engine.decode(json.loads(json.dumps(specs.encode(value))))
    assert isinstance(back, tuple) and len(back) == 5 and isinstance(back[0], dict)
    np.testing.assert_array_equal(back[0]["dw"], value[0]["dw"])
    assert back[0]["dw"].dtype == np.float64 and isinstance(back[0]["db"], np.float64)
    assert back[0]["n"] == 3 and back[1] == [1.0, 2.0] and back[3:] == ("text", None)
    np.testing.assert_array_equal(back[2], value[2])
    assert back[2].dtype == value[2].dtype and back[2].shape == (1, 2)


def test_a_mistake_that_raises_is_stored_as_its_error_and_named_by_its_hint():
    def raises(x):
        raise ValueError("shapes (2,1) and (2,4) not aligned")

    stored = engine.decode(json.loads(json.dumps(specs.encode(specs.run(raises, (1,), {})))))
    assert isinstance(stored, engine.Raised) and stored.text.startswith("ValueError: shapes")
    week = engine.Week("made_up")
    week.__dict__["data"] = {
        "hints": {"w_T": "use w.T"},
        "functions": {
            "f": {
                "parts": [],
                "examples": [
                    {
                        "label": "f(1)",
                        "args": [1],
                        "kwargs": {"dict": {}},
                        "expected": 2.0,
                        "mistakes": {"w_T": {"raised": stored.text}},
                    }
                ],
            }
        },
    }
    with pytest.raises(machinery.CheckFailure, match="likely mistake: use w.T"):
        week.check("f", raises)
