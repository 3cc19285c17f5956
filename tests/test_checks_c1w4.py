"""The public checks of C1 W4 (helpers.checks.c1w4) and the hidden checks' reference.

- every public check passes on the reference solution and prints exactly one ✓ line, both
  with real functions (the notebook's kernel) and behind a proxy (the grader);
- every planted mistake (grader_tests/.../mutants.py) fails its public check with a message
  that names the mistake;
- the numbers hard-coded in the public checks are the reference's outputs (and the "wrong"
  ones are the planted mistakes' outputs) on the same inputs;
- the reference's stand-ins for the notebook's provided functions behave like them, and the
  student-facing module defines no solution.
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import json
from pathlib import Path

import numpy as np
import pytest

from grader_tests.c1w4_deep_network import ISOLATE
from grader_tests.c1w4_deep_network import reference as ref
from grader_tests.c1w4_deep_network.mutants import CATALOGUE, MUTANTS
from grader_tests.course import nbgrader_meta
from helpers import checks as machinery
from helpers.checks import c1w4 as checks

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "source" / "c1w4_deep_network" / "c1w4_deep_network.ipynb"
GRADED = [
    "initialize_parameters",
    "initialize_parameters_deep",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
    "two_layer_model",
    "L_layer_model",
]
PROVIDED = ["sigmoid", "relu", "sigmoid_backward", "relu_backward"]
EXACT = {"rtol": 1e-10, "atol": 1e-12}  # the pasted numbers are reprs of the computed ones
REFERENCE_SOURCE = inspect.getsource(ref)


def notebook_namespace() -> dict:
    """A notebook whose cells are the reference's: the functions' globals are this dict, as
    in the learner's kernel."""
    namespace = {"__name__": "__main__"}
    exec(compile(REFERENCE_SOURCE, "<solutions>", "exec"), namespace)  # noqa: S102
    return namespace


def planted(key: str):
    """The graded function of a mutant, its cell run in a fresh notebook namespace."""
    mutant = CATALOGUE[key]
    namespace = notebook_namespace()
    exec(compile(mutant.source, f"<mutant {key}>", "exec"), namespace)  # noqa: S102
    return namespace[mutant.name]


class Proxy:
    """Stands in for the grader's proxy: a callable without the function's globals."""

    def __init__(self, function):
        self._function = function

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)


def run_check(name: str, obj) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        getattr(checks, f"check_{name}")(obj)
    return printed.getvalue()


# ------------------------------------------------------------------------- the checks
@pytest.mark.parametrize("name", GRADED)
def test_public_check_passes_on_the_reference_with_one_line(name):
    output = run_check(name, notebook_namespace()[name])
    assert output.count("\n") == 1 and output.startswith(f"✓ {name}: "), output
    assert "passed." in output


@pytest.mark.parametrize("name", GRADED)
def test_public_check_passes_behind_the_graders_proxy(name):
    """In the grader the check gets a proxy (no globals to reach) and the models' helpers are
    the reference ones, whose deterministic initializers give the same starting point."""
    output = run_check(name, Proxy(getattr(ref, name)))
    assert output.startswith(f"✓ {name}: "), output


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_public_check_names_the_planted_mistake(key):
    mutant = CATALOGUE[key]
    with pytest.raises(machinery.CheckFailure) as failed, np.errstate(all="ignore"):
        run_check(mutant.name, planted(key))
    message = str(failed.value)
    assert mutant.fragment.lower() in message.lower(), message
    assert "likely mistake:" in message, message


def test_the_model_checks_give_back_the_learners_initializer():
    namespace = notebook_namespace()
    mine = namespace["initialize_parameters"]
    run_check("two_layer_model", namespace["two_layer_model"])
    assert namespace["initialize_parameters"] is mine
    exec(compile(CATALOGUE["L_layer_model_dims_shifted"].source, "<m>", "exec"), namespace)  # noqa: S102
    mine = namespace["initialize_parameters_deep"]
    with pytest.raises(machinery.CheckFailure, match="called initialize_parameters_deep"):
        run_check("L_layer_model", namespace["L_layer_model"])
    assert namespace["initialize_parameters_deep"] is mine


def test_the_model_checks_do_not_depend_on_the_learners_initializer():
    """A wrong initializer costs points in its own cell only, in the kernel as well."""
    namespace = notebook_namespace()
    exec(compile(CATALOGUE["initialize_parameters_zeros"].source, "<m>", "exec"), namespace)  # noqa: S102
    assert "passed" in run_check("two_layer_model", namespace["two_layer_model"])


def test_the_mutant_catalogue_is_well_formed():
    assert MUTANTS == [tuple(m) for m in CATALOGUE.values()]
    for name, source, cell, fragment in MUTANTS:
        assert name in GRADED and cell == f"test_{name}" and fragment
        compile(source, name, "exec")
    assert {m.name for m in CATALOGUE.values()} == set(GRADED)  # every item has a mutant


def test_every_graded_item_has_a_public_check():
    defined = {
        n[len("check_") :]
        for n, _ in inspect.getmembers(checks, inspect.isfunction)
        if n.startswith("check_")
    }
    assert defined == set(GRADED)


def test_the_graded_items_are_the_notebooks_solution_cells():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    solutions = [nbgrader_meta(c)["grade_id"] for c in cells if nbgrader_meta(c).get("solution")]
    assert solutions == GRADED


def test_isolate_names_only_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert name in GRADED and name not in others
        assert all(callable(getattr(ref, other, None)) for other in others)
        assert all(other in GRADED + PROVIDED for other in others)


def test_the_reference_stands_in_for_the_notebooks_provided_functions():
    """ISOLATE rebinds sigmoid, relu and their backward steps too: they must agree with the
    notebook's own (locked) definitions."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    source = next(
        "".join(c["source"]) for c in cells if "def relu_backward" in "".join(c["source"])
    )
    notebook = {"np": np}
    exec(compile(source, "<provided>", "exec"), notebook)  # noqa: S102
    rng = np.random.default_rng(7)
    Z, dA = rng.normal(size=(3, 5)), rng.normal(size=(3, 5))
    for name in ("sigmoid", "relu"):
        for mine, theirs in zip(getattr(ref, name)(Z), notebook[name](Z), strict=True):
            assert np.allclose(mine, theirs)
    for name in ("sigmoid_backward", "relu_backward"):
        assert np.allclose(getattr(ref, name)(dA, Z), notebook[name](dA, Z))


def test_the_reference_initializers_are_deterministic_and_small():
    first, second = (
        ref.initialize_parameters_deep([30, 20, 1]),
        ref.initialize_parameters_deep([30, 20, 1]),
    )
    assert all(np.array_equal(first[k], second[k]) for k in first)
    checks.expect_initialized(first, [30, 20, 1], "reference")
    checks.expect_initialized(ref.initialize_parameters(30, 20, 1), [30, 20, 1], "reference")


# --------------------------------------------------- hard-coded numbers were computed
def close(a, b) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), **EXACT))


def arrays(example: dict, *names: str) -> list:
    return [np.array(example[n], dtype=float) for n in names]


def mutant_output(key: str, *args, **kwargs):
    with np.errstate(all="ignore"):
        return planted(key)(*args, **kwargs)


def forward_example():
    example = checks.L_MODEL_FORWARD_EXAMPLE
    X = np.array(example["X"])
    parameters = {k: np.array(v) for k, v in example["parameters"].items()}
    return X, parameters


def test_forward_expectations_are_reference_outputs():
    inputs = arrays(checks.LINEAR_FORWARD_EXAMPLE, "A", "W", "b")
    assert close(ref.linear_forward(*inputs)[0], checks.LINEAR_FORWARD_EXPECTED["Z"])
    for key, wrong in checks.LINEAR_FORWARD_WRONG.items():
        assert close(mutant_output(key, *inputs)[0], wrong["Z"]), key

    inputs = arrays(checks.LINEAR_ACTIVATION_FORWARD_EXAMPLE, "A_prev", "W", "b")
    expected = checks.LINEAR_ACTIVATION_FORWARD_EXPECTED
    for activation in ("sigmoid", "relu"):
        A, (_, Z) = ref.linear_activation_forward(*inputs, activation)
        assert close(A, expected[activation]["A"]) and close(Z, expected["Z"])

    X, parameters = forward_example()
    AL, caches = ref.L_model_forward(X, parameters)
    expected = checks.L_MODEL_FORWARD_EXPECTED
    assert close(AL, expected["A"][-1])
    for l, ((A_prev, _, _), Z) in enumerate(caches):
        assert close(Z, expected["Z"][l])
        assert close(A_prev, X if l == 0 else expected["A"][l - 1])
        if l < len(caches) - 1:
            assert np.abs(Z).min() > 0.01  # no relu input sits on the kink
    for key, wrong in checks.L_MODEL_FORWARD_WRONG.items():
        assert close(mutant_output(key, X, parameters)[0], wrong["AL"]), key

    AL, Y = arrays(checks.COMPUTE_COST_EXAMPLE, "AL", "Y")
    assert close(ref.compute_cost(AL, Y), checks.COMPUTE_COST_EXPECTED)
    for key, wrong in checks.COMPUTE_COST_WRONG.items():
        assert close(mutant_output(key, AL, Y), wrong), key


def test_backward_expectations_are_reference_outputs():
    dZ, A_prev, W, b = arrays(checks.LINEAR_BACKWARD_EXAMPLE, "dZ", "A_prev", "W", "b")
    got = ref.linear_backward(dZ, (A_prev, W, b))
    for name, value in zip(("dA_prev", "dW", "db"), got, strict=True):
        assert close(value, checks.LINEAR_BACKWARD_EXPECTED[name]), name
    assert W.shape[0] != W.shape[1]  # W dZ (W not transposed) fails with a shape error

    example = checks.LINEAR_ACTIVATION_BACKWARD_EXAMPLE
    dA, A_prev, W, b, Z = arrays(example, "dA", "A_prev", "W", "b", "Z")
    assert close(Z, W @ A_prev + b) and np.abs(Z).min() > 0.01
    cache = ((A_prev, W, b), Z)
    for activation, expected in checks.LINEAR_ACTIVATION_BACKWARD_EXPECTED.items():
        got = ref.linear_activation_backward(dA, cache, activation)
        for name, value in zip(("dA_prev", "dW", "db"), got, strict=True):
            assert close(value, expected[name]), (activation, name)
    for key, wrong in checks.LINEAR_ACTIVATION_BACKWARD_WRONG.items():
        for activation, expected in wrong.items():
            got = mutant_output(key, dA, cache, activation)
            for name, value in zip(("dA_prev", "dW", "db"), got, strict=True):
                assert close(value, expected[name]), (key, activation, name)

    X, parameters = forward_example()
    AL, caches = ref.L_model_forward(X, parameters)
    Y = np.array(checks.L_MODEL_BACKWARD_Y)
    grads = ref.L_model_backward(AL, Y, caches)
    assert set(checks.L_MODEL_BACKWARD_EXPECTED) == set(grads)
    for key, value in checks.L_MODEL_BACKWARD_EXPECTED.items():
        assert close(grads[key], value), key
    for key, wrong in checks.L_MODEL_BACKWARD_WRONG.items():
        grads = mutant_output(key, AL, Y, caches)
        for name, value in wrong.items():
            assert close(grads[name], value), (key, name)


def test_update_parameters_expectations_are_reference_outputs():
    example = checks.UPDATE_PARAMETERS_EXAMPLE
    parameters = {k: np.array(v) for k, v in example["parameters"].items()}
    grads = {k: np.array(v) for k, v in example["grads"].items()}
    updated = ref.update_parameters(parameters, grads, example["learning_rate"])
    assert set(updated) == set(checks.UPDATE_PARAMETERS_EXPECTED)
    for key, value in checks.UPDATE_PARAMETERS_EXPECTED.items():
        assert close(updated[key], value), key


@pytest.mark.parametrize(
    "name, example, start, expected, wrong",
    [
        (
            "two_layer_model",
            checks.TWO_LAYER_MODEL_EXAMPLE,
            checks.TWO_LAYER_MODEL_START,
            checks.TWO_LAYER_MODEL_EXPECTED,
            checks.TWO_LAYER_MODEL_WRONG,
        ),
        (
            "L_layer_model",
            checks.L_LAYER_MODEL_EXAMPLE,
            checks.L_LAYER_MODEL_START,
            checks.L_LAYER_MODEL_EXPECTED,
            checks.L_LAYER_MODEL_WRONG,
        ),
    ],
)
def test_model_expectations_are_reference_outputs(name, example, start, expected, wrong):
    dims = example["layers_dims"]
    initial = (
        ref.initialize_parameters(*dims)
        if name == "two_layer_model"
        else ref.initialize_parameters_deep(dims)
    )
    assert set(initial) == set(start)
    for key, value in start.items():
        assert close(initial[key], value), key
    X, Y = arrays(example, "X", "Y")
    options = {k: example[k] for k in ("learning_rate", "num_iterations")}
    parameters, costs = getattr(ref, name)(X, Y, dims, **options)
    assert close(costs, expected["costs"])
    for key, value in expected["parameters"].items():
        assert close(parameters[key], value), key
    assert options["num_iterations"] % 100 not in (0, 1)  # a last cost apart from the 100s
    assert options["learning_rate"] != 0.0075  # the default learning rate is told apart
    for key, outputs in wrong.items():
        got, _ = mutant_output(key, X, Y, dims, **options)
        for part, value in outputs["parameters"].items():
            assert close(got[part], value), (key, part)


def test_every_hard_coded_mistake_has_a_text():
    assert set(checks.MUTANT_MISTAKES) <= set(CATALOGUE)
    assert set(checks.MUTANT_MISTAKES.values()) <= set(checks.MISTAKES)


# ---------------------------------------------------------- no solutions in the release
HELPERS = {"gradient_keys", "recorded_iterations"}  # plain facts of the course, no solution


def test_the_public_module_defines_no_graded_function():
    tree = ast.parse(inspect.getsource(checks))
    defined = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    assert not defined & set(GRADED + PROVIDED), defined & set(GRADED + PROVIDED)
    for name in defined - HELPERS:
        assert name.startswith(("check_", "expect_", "_")), f"unexpected function {name}"
    assigned = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert not assigned & set(GRADED + PROVIDED), assigned & set(GRADED + PROVIDED)


def test_the_public_module_does_not_compute_what_the_exercises_compute():
    """The exercises' building blocks (exp, log, max, products, random draws) appear in no
    public check's code (the hints may name them)."""
    source = inspect.getsource(checks)
    assert "grader_tests" not in source
    banned = {"exp", "log", "maximum", "where", "dot", "matmul", "divide", "random"}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            assert not (node.value.id == "np" and node.attr in banned), f"np.{node.attr}"
        assert not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult))
