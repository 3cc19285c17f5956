"""The public checks of C1 W2 (helpers.checks.c1w2) and their machinery (helpers.checks).

- every public check passes on the reference solution and prints exactly one ✓ line;
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
import math

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import ISOLATE
from grader_tests.c1w2_logistic_regression import reference as ref
from grader_tests.c1w2_logistic_regression.mutants import CATALOGUE, MUTANTS
from helpers import checks as machinery
from helpers.checks import c1w2 as checks

FUNCTIONS = [
    "basic_sigmoid",
    "sigmoid",
    "sigmoid_derivative",
    "image2vector",
    "normalize_rows",
    "softmax",
    "L1",
    "L2",
    "initialize_with_zeros",
    "propagate",
    "optimize",
    "predict",
    "model",
]
VALUES = ["m_train", "m_test", "num_px", "train_set_x", "test_set_x"]
GRADED = FUNCTIONS + VALUES
EXACT = {"rtol": 1e-10, "atol": 1e-12}  # the pasted numbers are reprs of the computed ones


@functools.lru_cache(maxsize=1)
def notebook_namespace() -> dict:
    """What the notebook defines when its solutions run: the data set, functions and values."""
    from helpers.datasets import load_cat_dataset

    train_x, train_y, test_x, test_y, classes = load_cat_dataset()
    namespace = {
        "np": np,
        "math": math,
        "train_set_x_orig": train_x,
        "train_set_y": train_y,
        "test_set_x_orig": test_x,
        "test_set_y": test_y,
        "classes": classes,
    }
    namespace.update({name: getattr(ref, name) for name in FUNCTIONS})
    namespace["m_train"] = train_x.shape[0]
    namespace["m_test"] = test_x.shape[0]
    namespace["num_px"] = train_x.shape[1]
    namespace["train_set_x"] = train_x.reshape(train_x.shape[0], -1).T / 255
    namespace["test_set_x"] = test_x.reshape(test_x.shape[0], -1).T / 255
    return namespace


def planted(key: str):
    """The graded object of a mutant: its cell run in a copy of the notebook's namespace, with
    the functions it calls bound to the reference ones (as the grader's ISOLATE does)."""
    mutant = CATALOGUE[key]
    namespace = dict(notebook_namespace())
    namespace.update({name: getattr(ref, name) for name in FUNCTIONS})
    exec(compile(mutant.source, f"<mutant {key}>", "exec"), namespace)  # noqa: S102
    return namespace[mutant.name]


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


def test_every_graded_item_has_a_public_check():
    defined = {
        n[len("check_") :]
        for n, _ in inspect.getmembers(checks, inspect.isfunction)
        if n.startswith("check_")
    }
    assert defined == set(GRADED)


def test_isolate_names_only_graded_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert name in FUNCTIONS
        assert all(callable(getattr(ref, other, None)) for other in others)


# --------------------------------------------------- hard-coded numbers were computed
def close(a, b) -> bool:
    return bool(np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), **EXACT))


def mutant_output(key: str, *args, **kwargs):
    with np.errstate(all="ignore"):
        return planted(key)(*args, **kwargs)


def test_warmup_expectations_are_reference_outputs():
    for x, expected in checks.BASIC_SIGMOID_EXAMPLES:
        assert close(ref.basic_sigmoid(x), expected)
    for example in checks.SIGMOID_EXAMPLES:
        assert close(ref.sigmoid(np.array(example["x"])), example["expected"])
    for example in checks.SIGMOID_DERIVATIVE_EXAMPLES:
        x = np.array(example["x"])
        assert close(ref.sigmoid_derivative(x), example["expected"])
        for key, wrong in example["wrong"].items():
            assert close(mutant_output(key, x), wrong), key
    example = checks.IMAGE2VECTOR_EXAMPLE
    assert close(ref.image2vector(np.array(example["image"])), example["expected"])
    for examples, function in (
        (checks.NORMALIZE_ROWS_EXAMPLES, ref.normalize_rows),
        (checks.SOFTMAX_EXAMPLES, ref.softmax),
    ):
        for example in examples:
            x = np.array(example["x"])
            assert close(function(x), example["expected"])
            for key, wrong in example["wrong"].items():
                assert close(mutant_output(key, x), wrong), key


def test_loss_expectations_are_reference_outputs():
    yhat, y = np.array(checks.LOSS_EXAMPLE["yhat"]), np.array(checks.LOSS_EXAMPLE["y"])
    assert close(ref.L1(yhat, y), checks.L1_EXPECTED)
    assert close(ref.L2(yhat, y), checks.L2_EXPECTED)
    for key, wrong in {**checks.L1_WRONG, **checks.L2_WRONG}.items():
        assert close(mutant_output(key, yhat, y), wrong), key


def arrays(example: dict, *names: str) -> list:
    return [np.array(example[n]) if isinstance(example[n], list) else example[n] for n in names]


def test_propagate_expectations_are_reference_outputs():
    inputs = arrays(checks.PROPAGATE_EXAMPLE, "w", "b", "X", "Y")
    grads, cost = ref.propagate(*inputs)
    expected = checks.PROPAGATE_EXPECTED
    assert close(grads["dw"], expected["dw"]) and close(grads["db"], expected["db"])
    assert close(cost, expected["cost"])
    for key, wrong in checks.PROPAGATE_WRONG.items():
        grads, cost = mutant_output(key, *inputs)
        assert close(grads["dw"], wrong["dw"]) and close(grads["db"], wrong["db"]), key
        assert close(cost, wrong["cost"]), key


def test_optimize_expectations_are_reference_outputs():
    example = checks.OPTIMIZE_EXAMPLE
    inputs = arrays(example, "w", "b", "X", "Y")
    options = {k: example[k] for k in ("num_iterations", "learning_rate")}
    params, grads, costs = ref.optimize(*inputs, **options)
    expected = checks.OPTIMIZE_EXPECTED
    for key, value in {**params, **grads, "costs": costs}.items():
        assert close(value, expected[key]), key
    for key, wrong in checks.OPTIMIZE_WRONG.items():
        params, grads, _ = mutant_output(key, *arrays(example, "w", "b", "X", "Y"), **options)
        for part, value in wrong.items():
            assert close({**params, **grads}[part], value), (key, part)


def test_predict_expectations_are_reference_outputs():
    for example in checks.PREDICT_EXAMPLES:
        inputs = arrays(example, "w", "b", "X")
        assert close(ref.predict(*inputs), example["expected"])
        z = inputs[0].T @ inputs[2] + inputs[1]
        assert np.abs(z).min() > 0.05  # no example sits on the threshold
        for key, wrong in example["wrong"].items():
            assert close(mutant_output(key, *inputs), wrong), key


def test_model_expectations_are_reference_outputs():
    example = checks.MODEL_EXAMPLE
    inputs = arrays(example, "X_train", "Y_train", "X_test", "Y_test")
    options = {k: example[k] for k in ("num_iterations", "learning_rate")}
    d = ref.model(*inputs, **options)
    assert set(d) == set(checks.MODEL_EXPECTED)
    for key, value in checks.MODEL_EXPECTED.items():
        assert close(d[key], value), key
    for key, wrong in checks.MODEL_WRONG.items():
        d = mutant_output(
            key, *arrays(example, "X_train", "Y_train", "X_test", "Y_test"), **options
        )
        for part, value in wrong.items():
            assert close(d[part], value), (key, part)


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


def test_the_public_modules_do_not_use_the_course_formulas():
    """The exercises' building blocks (exp, log, norms, products) appear in no public check."""
    for module in (checks, machinery):
        source = inspect.getsource(module)
        for formula in (
            "np.exp(",
            "np.log(",
            "math.exp(",
            "linalg",
            "np.dot(",
            " @ ",
            "grader_tests",
        ):
            assert formula not in source, f"{module.__name__} uses {formula}"


# ------------------------------------------------------------------------ the machinery
def test_a_function_returning_none_is_told_about_return():
    def forgot_return(x):
        x + 1

    with pytest.raises(
        machinery.CheckFailure, match=r"returned None — did you forget the `return`"
    ):
        checks.check_sigmoid(forgot_return)


def test_an_unfinished_function_raises_its_own_error():
    def stub(x):
        raise NotImplementedError()

    with pytest.raises(NotImplementedError):
        checks.check_sigmoid(stub)


def test_check_failure_is_an_assertion_error():
    assert issubclass(machinery.CheckFailure, AssertionError)


@pytest.mark.parametrize(
    "value", [0.5, 1, np.float64(0.5), np.float32(0.5), np.array(0.5), np.array([[0.5]])]
)
def test_numbers_may_come_in_any_numeric_form(value):
    assert machinery.as_number(value, "x") == float(
        value if not isinstance(value, np.ndarray) else value.reshape(())
    )
    machinery.expect_close(value, float(np.squeeze(value)), "x")


@pytest.mark.parametrize("value", [None, True, "0.5", [0.5, 0.1], np.array([0.5, 0.1])])
def test_non_numbers_are_refused_with_a_clear_message(value):
    with pytest.raises(machinery.CheckFailure, match="should be a"):
        machinery.as_number(value, "cost")


def test_the_message_has_expected_got_and_the_likely_mistake():
    expected = np.array([[0.25], [-0.5]])
    with pytest.raises(machinery.CheckFailure) as failed:
        machinery.expect_close(
            expected * 4,
            expected,
            "propagate: grads['dw']",
            mistakes=[(expected * 4, "you forgot to divide by m (the number of examples).")],
        )
    assert str(failed.value) == (
        "propagate: grads['dw'] is wrong.\n"
        "  expected: [[ 0.25] [-0.5 ]]\n"
        "  got:      [[ 1.] [-2.]]\n"
        "  likely mistake: you forgot to divide by m (the number of examples)."
    )


def test_a_wrong_shape_is_reported_as_a_shape():
    with pytest.raises(machinery.CheckFailure, match=r"wrong shape(.|\n)*\(3, 1\)(.|\n)*\(1, 3\)"):
        machinery.expect_close(np.zeros((1, 3)), np.zeros((3, 1)), "w")


def test_big_arrays_are_summarised():
    text = machinery.show(np.arange(12288.0).reshape(-1, 1))
    assert text.startswith("array of shape (12288, 1), dtype float64") and len(text) < 200


def test_an_integer_result_gets_a_hint_about_integer_arrays():
    with pytest.raises(machinery.CheckFailure, match="integers"):
        machinery.expect_close(np.array([0, 0]), np.array([0.25, 0.5]), "s")


def test_a_known_error_gets_a_hint_and_keeps_its_text():
    def uses_math(x):
        return 1 / (1 + math.exp(-x))

    with pytest.raises(machinery.CheckFailure) as failed:
        checks.check_sigmoid(uses_math)
    message = str(failed.value)
    assert "TypeError" in message and "np.exp" in message


def test_passed_lines():
    for count, text in (
        (1, "the public check passed."),
        (2, "both public checks passed."),
        (4, "all 4 public checks passed."),
    ):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            machinery.passed("propagate", count)
        assert printed.getvalue() == f"✓ propagate: {text}\n"
