"""The public checks of C1 W3 (helpers.checks.c1w3).

- every public check passes on the reference solution and prints exactly one ✓ line, and
  passes on correct cells written in other ways (mutants.ALTERNATIVES), including the course's
  own random initialisation with np.random;
- every planted mistake (grader_tests/.../mutants.py) fails its public check with a message
  that names the mistake;
- the numbers hard-coded in the public checks are the reference's outputs (and the "wrong"
  ones are the planted mistakes' outputs) on the same inputs;
- the student-facing module defines no solution.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import inspect
import io

import numpy as np
import pytest

from grader_tests.c1w3_shallow_network import ISOLATE
from grader_tests.c1w3_shallow_network import reference as ref
from grader_tests.c1w3_shallow_network.mutants import ALTERNATIVES, CATALOGUE, MUTANTS
from helpers import checks as machinery
from helpers.checks import c1w3 as checks

GRADED = [
    "layer_sizes",
    "initialize_parameters",
    "forward_propagation",
    "compute_cost",
    "backward_propagation",
    "update_parameters",
    "nn_model",
    "predict",
]
EXACT = {"rtol": 1e-10, "atol": 1e-12}  # the pasted numbers are reprs of the computed ones


@functools.lru_cache(maxsize=1)
def notebook_namespace() -> dict:
    """What the notebook defines when its solutions run: numpy, the provided sigmoid and the
    graded functions."""
    namespace = {"np": np, "sigmoid": ref.sigmoid}
    namespace.update({name: getattr(ref, name) for name in GRADED})
    return namespace


def _plant(source: str, label: str) -> dict:
    namespace = dict(notebook_namespace())
    exec(compile(source, f"<{label}>", "exec"), namespace)  # noqa: S102
    return namespace


def planted(key: str):
    """The graded function of a mutant: its cell run in a copy of the notebook's namespace, with
    the functions it calls bound to the reference ones (as the grader's ISOLATE does)."""
    mutant = CATALOGUE[key]
    return _plant(mutant.source, f"mutant {key}")[mutant.name]


def alternative(key: str):
    name, source = ALTERNATIVES[key]
    return _plant(source, f"alternative {key}")[name]


def run_check(name: str, obj) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        getattr(checks, f"check_{name}")(obj)
    return printed.getvalue()


def assert_one_pass_line(name: str, output: str) -> None:
    assert output.count("\n") == 1 and output.startswith(f"✓ {name}: "), output
    assert "passed." in output


# ------------------------------------------------------------------------- the checks
@pytest.mark.parametrize("name", GRADED)
def test_public_check_passes_on_the_reference_with_one_line(name):
    assert_one_pass_line(name, run_check(name, notebook_namespace()[name]))


@pytest.mark.parametrize("key", list(ALTERNATIVES))
def test_public_check_accepts_correct_alternatives(key):
    name = ALTERNATIVES[key][0]
    assert_one_pass_line(name, run_check(name, alternative(key)))


def _course_initialize_parameters(n_x, n_h, n_y):
    """The course's way: np.random.randn(...) * 0.01, unseeded."""
    return {
        "W1": np.random.randn(n_h, n_x) * 0.01,
        "b1": np.zeros((n_h, 1)),
        "W2": np.random.randn(n_y, n_h) * 0.01,
        "b2": np.zeros((n_y, 1)),
    }


@pytest.mark.parametrize("seed", range(25))
def test_the_random_checks_accept_any_draw_of_randn(seed):
    """initialize_parameters and nn_model are checked on properties of random results: they
    must pass whatever numbers np.random draws."""
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        run_check("initialize_parameters", _course_initialize_parameters)
        namespace = dict(notebook_namespace(), initialize_parameters=_course_initialize_parameters)
        exec(compile(inspect.getsource(ref.nn_model), "<nn_model>", "exec"), namespace)  # noqa: S102
        assert_one_pass_line("nn_model", run_check("nn_model", namespace["nn_model"]))
    finally:
        np.random.set_state(state)


@pytest.mark.parametrize("key", list(CATALOGUE))
def test_public_check_names_the_planted_mistake(key):
    mutant = CATALOGUE[key]
    with pytest.raises(machinery.CheckFailure) as failed, np.errstate(all="ignore"):
        run_check(mutant.name, planted(key))
    message = str(failed.value)
    assert mutant.fragment.lower() in message.lower(), message
    assert "likely mistake:" in message, message


def test_the_mutant_catalogue_is_well_formed():
    assert MUTANTS == [tuple(m) for m in CATALOGUE.values()]
    for name, source, cell, fragment in MUTANTS:
        assert name in GRADED and cell == f"test_{name}" and fragment
        compile(source, name, "exec")
    assert {m.name for m in CATALOGUE.values()} == set(GRADED)  # every item has a mutant
    assert {name for name, _ in ALTERNATIVES.values()} == set(GRADED)
    keys = set(checks.MISTAKES)
    for wrong in (
        checks.FORWARD_WRONG,
        checks.BACKWARD_WRONG,
        checks.UPDATE_WRONG,
        checks.NN_MODEL_WRONG,
        *(e["wrong"] for e in checks.COST_EXAMPLES + checks.PREDICT_EXAMPLES),
    ):
        assert set(wrong) <= set(CATALOGUE) & keys, set(wrong) - (set(CATALOGUE) & keys)


def test_every_graded_item_has_a_public_check():
    defined = {
        n[len("check_") :]
        for n, _ in inspect.getmembers(checks, inspect.isfunction)
        if n.startswith("check_")
    }
    assert defined == set(GRADED)


def test_isolate_names_only_graded_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert name in GRADED
        assert all(callable(getattr(ref, other, None)) for other in others)
        assert name not in others


def test_the_reference_initialisation_is_deterministic_and_course_like():
    first, second = ref.initialize_parameters(3, 5, 2), ref.initialize_parameters(3, 5, 2)
    for key in first:
        assert np.array_equal(first[key], second[key])
    run_check("initialize_parameters", ref.initialize_parameters)


# --------------------------------------------------- hard-coded numbers were computed
def close(a, b) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), **EXACT))


def mutant_output(key: str, *args, **kwargs):
    with np.errstate(all="ignore"):
        return planted(key)(*args, **kwargs)


def parameters(values=None) -> dict:
    return {k: np.array(v, dtype=float) for k, v in (values or checks.PARAMETERS).items()}


def test_layer_sizes_expectations_are_reference_outputs():
    for example in checks.LAYER_SIZES_EXAMPLES:
        X, Y = np.zeros(example["X_shape"]), np.zeros(example["Y_shape"])
        assert tuple(ref.layer_sizes(X, Y)) == example["expected"]


def test_forward_expectations_are_reference_outputs():
    X = np.array(checks.FORWARD_EXAMPLE["X"])
    A2, cache = ref.forward_propagation(X, parameters())
    assert close(A2, checks.FORWARD_EXPECTED["A2"])
    for key, value in checks.FORWARD_EXPECTED.items():
        assert close(cache[key], value), key
    for key, wrong in checks.FORWARD_WRONG.items():
        _, cache = mutant_output(key, X, parameters())
        for part, value in wrong.items():
            assert close(cache[part], value), (key, part)


def test_cost_expectations_are_reference_outputs():
    for example in checks.COST_EXAMPLES:
        A2, Y = np.array(example["A2"]), np.array(example["Y"])
        assert close(ref.compute_cost(A2, Y), example["expected"])
        for key, wrong in example["wrong"].items():
            assert close(mutant_output(key, A2, Y), wrong), key


def test_backward_expectations_are_reference_outputs():
    X, Y = np.array(checks.BACKWARD_EXAMPLE["X"]), np.array(checks.BACKWARD_EXAMPLE["Y"])
    _, cache = ref.forward_propagation(X, parameters())
    for key, value in cache.items():  # the cache handed to the learner is the forward's
        assert close(value, checks.FORWARD_EXPECTED[key]), key
    grads = ref.backward_propagation(parameters(), cache, X, Y)
    for key, value in checks.BACKWARD_EXPECTED.items():
        assert close(grads[key], value), key
    for key, wrong in checks.BACKWARD_WRONG.items():
        grads = mutant_output(key, parameters(), cache, X, Y)
        for part, value in wrong.items():
            assert close(grads[part], value), (key, part)


def test_update_expectations_are_reference_outputs():
    grads = parameters(checks.UPDATE_GRADS)
    new = ref.update_parameters(parameters(), grads)
    rated = ref.update_parameters(parameters(), grads, learning_rate=checks.UPDATE_RATE)
    for key in checks.PARAMETER_NAMES:
        assert close(new[key], checks.UPDATE_EXPECTED[key]), key
        assert close(rated[key], checks.UPDATE_EXPECTED_RATE[key]), key
    for key, wrong in checks.UPDATE_WRONG.items():
        new = mutant_output(key, parameters(), parameters(checks.UPDATE_GRADS))
        for part, value in wrong.items():
            assert close(new[part], value), (key, part)


def test_nn_model_expectations_are_reference_outputs():
    example = checks.NN_MODEL_EXAMPLE
    X, Y, n_h = np.array(example["X"]), np.array(example["Y"]), example["n_h"]
    for iterations, value in checks.NN_MODEL_B2.items():
        assert close(ref.nn_model(X, Y, n_h, iterations)["b2"], value), iterations
    for key, value in checks.NN_MODEL_WRONG.items():
        assert close(mutant_output(key, X, Y, n_h, 1)["b2"], value), key


def test_nn_model_expectations_hold_for_any_small_initial_weights():
    """b2's first steps follow b <- b - 1.2 (sigmoid(b) - mean(Y)) up to far less than the
    tolerance, and the numbers the check tells apart differ by far more than it."""
    Y = np.array(checks.NN_MODEL_EXAMPLE["Y"])
    b = 0.0
    for iterations in sorted(checks.NN_MODEL_B2):
        b = b - checks.NN_MODEL_LEARNING_RATE * (ref.sigmoid(b) - Y.mean())
        assert abs(b - checks.NN_MODEL_B2[iterations]) < checks.NN_MODEL_ATOL / 4
    values = [0.0, *checks.NN_MODEL_B2.values(), *checks.NN_MODEL_WRONG.values()]
    gaps = np.abs(np.subtract.outer(values, values))[~np.eye(len(values), dtype=bool)]
    assert gaps.min() > 20 * checks.NN_MODEL_ATOL


def test_predict_expectations_are_reference_outputs():
    for example in checks.PREDICT_EXAMPLES:
        X = np.array(example["X"])
        assert close(ref.predict(parameters(), X), example["expected"])
        A2, cache = ref.forward_propagation(X, parameters())
        assert np.abs(A2 - 0.5).min() > 0.02 and np.abs(cache["Z2"] - 0.5).min() > 0.02
        for key, wrong in example["wrong"].items():
            assert close(mutant_output(key, parameters(), X), wrong), key


# ---------------------------------------------------------- no solutions in the release
def test_the_public_module_defines_no_graded_function():
    tree = ast.parse(inspect.getsource(checks))
    defined = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    assert not defined & set(GRADED), defined & set(GRADED)
    for name in defined:
        assert name.startswith(("check_", "_")), f"unexpected function {name} in the public checks"
    assigned = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert not assigned & set(GRADED), assigned & set(GRADED)


def test_the_public_module_does_not_use_the_course_formulas():
    """The exercises' building blocks (tanh, exp, log, matrix products, random draws) are
    called nowhere in the public checks (the hints may name them)."""
    tree = ast.parse(inspect.getsource(checks))
    forbidden = {"tanh", "exp", "log", "dot", "matmul", "randn", "rand", "normal", "power"}
    for node in ast.walk(tree):
        assert not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in forbidden, f"the public checks call {node.func.attr}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [getattr(node, "module", None) or ""] + [a.name for a in node.names]
            assert not any(n.startswith("grader_tests") for n in names)
    assert "default_rng" not in inspect.getsource(checks)


# ------------------------------------------------------------------------ the machinery
def test_a_function_returning_none_is_told_about_return():
    def forgot_return(A2, Y):
        A2 + Y

    with pytest.raises(
        machinery.CheckFailure, match=r"returned None — did you forget the `return`"
    ):
        checks.check_compute_cost(forgot_return)


def test_an_unfinished_function_raises_its_own_error():
    def stub(X, Y):
        raise NotImplementedError()

    with pytest.raises(NotImplementedError):
        checks.check_layer_sizes(stub)


def test_a_gradient_summed_to_a_number_gets_the_sum_hint():
    with pytest.raises(machinery.CheckFailure, match="summed all the numbers"):
        checks._expect_array_shape(
            np.float64(0.5), (3, 1), "db1", mistakes=checks._db_shape_mistakes(3, 4)
        )


@pytest.mark.parametrize(
    "weights, fragment",
    [
        (np.zeros((3, 2)), "all zeros"),
        (np.full((3, 2), 0.01), "symmetry"),
        (np.tile([[0.01, -0.02]], (3, 1)), "symmetry"),
        (np.linspace(0.001, 0.02, 24).reshape(6, 4), "np.random.rand"),
    ],
)
def test_weights_that_are_not_small_random_numbers_are_named(weights, fragment):
    assert fragment in checks._weight_mistake(weights)


def test_random_weights_are_not_mistaken_for_a_pattern():
    rng = np.random.default_rng(5)
    assert checks._weight_mistake(rng.standard_normal((4, 3)) * 0.01) is None
    assert checks._weight_mistake(np.abs(rng.standard_normal((1, 5))) * 0.01) is None  # 5 > 0
    assert 2.0 ** (1 - checks.SIGN_CHECK_SIZE) < 1e-6
