"""What tests/test_specs.py does not prove for C1 W2: the hand-written public checks (the data
exercises, initialize_with_zeros), numbers that may come in several forms, the hidden checks
added for the grading-accuracy findings (the strict threshold of predict, model's print_cost),
and the shared check machinery of helpers.checks."""

from __future__ import annotations

import contextlib
import io
import math

import numpy as np
import pytest

from grader_tests.c1w2_logistic_regression import ISOLATE
from grader_tests.c1w2_logistic_regression import reference as ref
from grader_tests.c1w2_logistic_regression import test_logistic_regression as hidden
from grader_tests.c1w2_logistic_regression.spec import SPEC
from grader_tests.spec import planted
from helpers import checks as machinery
from helpers.checks import c1w2 as checks


def quiet(check, value) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        check(value)
    return printed.getvalue()


def test_isolate_names_only_graded_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert name in {f.name for f in SPEC.functions}
        assert all(callable(getattr(ref, other, None)) for other in others)


def test_the_values_are_the_solution_cells_results_on_the_pictures():
    values = SPEC.values()
    m_train, m_test, num_px = values["m_train"], values["m_test"], values["num_px"]
    assert values["train_set_x"].shape == (num_px * num_px * 3, m_train)
    assert values["test_set_x"].shape == (num_px * num_px * 3, m_test)
    assert 0 <= values["train_set_x"].min() and values["train_set_x"].max() <= 1


# ----------------------------------------------------------- numbers in several forms
def _propagate_with_cost(form):
    def propagate(w, b, X, Y):
        grads, cost = ref.propagate(w, b, X, Y)
        return grads, form(cost)

    return propagate


COST_FORMS = {
    "float": float,
    "0-d array": lambda c: np.squeeze(np.array(c)),
    "(1, 1) array": lambda c: np.array([[c]]),
    "float64": np.float64,
}


@pytest.mark.parametrize("form", list(COST_FORMS))
def test_a_cost_may_be_any_single_number(form):
    propagate = _propagate_with_cost(COST_FORMS[form])
    assert quiet(checks.check_propagate, propagate).startswith("✓ propagate")
    rng = np.random.default_rng(0)
    for part in ("dw", "db", "cost"):
        hidden.test_propagate_values(propagate, rng, part)
    hidden.test_propagate_single_example(propagate, rng)

    def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
        params, grads, costs = ref.optimize(w, b, X, Y, num_iterations, learning_rate)
        return params, grads, [COST_FORMS[form](c) for c in costs]

    assert quiet(checks.check_optimize, optimize).startswith("✓ optimize")
    hidden.test_optimize_records_the_cost_every_100_iterations(optimize, rng)


# ------------------------------------------------------------- the hand-written checks
def test_initialize_with_zeros_names_integer_zeros_and_an_array_b():
    with pytest.raises(machinery.CheckFailure, match="w has dtype int"):
        checks.check_initialize_with_zeros(planted(SPEC, "initialize_with_zeros_int"))
    with pytest.raises(machinery.CheckFailure, match=r"b has the wrong type(.|\n)*\(1, 1\)"):
        checks.check_initialize_with_zeros(planted(SPEC, "initialize_with_zeros_b_array"))


@pytest.mark.parametrize("name", ["m_train", "m_test", "num_px"])
def test_a_count_must_be_an_integer(name):
    value = SPEC.values()[name]
    with pytest.raises(machinery.CheckFailure, match="should be a whole number"):
        getattr(checks, f"check_{name}")(float(value))
    with pytest.raises(machinery.CheckFailure, match="a shape is a tuple"):
        getattr(checks, f"check_{name}")((value, 64))


@pytest.mark.parametrize("name", ["train_set_x", "test_set_x"])
def test_an_unknown_mistake_in_a_picture_matrix_fails_without_a_hint(name):
    shuffled = SPEC.values()[name][:, ::-1]  # the pictures in reverse order
    with pytest.raises(machinery.CheckFailure) as failed:
        checks.__dict__[f"check_{name}"](shuffled)
    assert "(picture 0, flattened) is wrong" in str(failed.value)
    assert "likely mistake" not in str(failed.value)


# ----------------------------------------------------------- hidden checks, in-process
def test_predict_at_zero_weights_names_a_non_strict_threshold():
    ge = planted(SPEC, "predict_threshold_ge")
    hidden.test_predict_values(ge, np.random.default_rng(1))  # no tie: right
    with pytest.raises(machinery.CheckFailure, match="the threshold is strict"):
        hidden.test_predict_at_zero_weights(ge, np.random.default_rng(1))


def test_the_print_cost_check_names_a_model_that_ignores_it():
    hidden.test_model_prints_the_costs_only_when_asked(ref.model, np.random.default_rng(2))
    with pytest.raises(machinery.CheckFailure, match="pass print_cost on to optimize"):
        hidden.test_model_prints_the_costs_only_when_asked(
            planted(SPEC, "model_ignores_print_cost"), np.random.default_rng(2)
        )


# ------------------------------------------------------------------------ the machinery
def test_a_function_returning_none_is_told_about_return():
    def forgot_return(x):
        x + 1

    with pytest.raises(machinery.CheckFailure, match=r"returned None — did you forget"):
        checks.check_sigmoid(forgot_return)


def test_an_unfinished_function_is_reported_in_plain_words():
    def sigmoid(x):
        raise NotImplementedError()

    with pytest.raises(machinery.CheckFailure, match="^`sigmoid` is not written yet"):
        checks.check_sigmoid(sigmoid)


def test_a_known_error_gets_a_hint_and_keeps_its_text():
    def uses_math(x):
        return 1 / (1 + math.exp(-x))

    with pytest.raises(machinery.CheckFailure) as failed:
        checks.check_sigmoid(uses_math)
    assert "TypeError" in str(failed.value) and "np.exp" in str(failed.value)


@pytest.mark.parametrize(
    "value", [0.5, 1, np.float64(0.5), np.float32(0.5), np.array(0.5), np.array([[0.5]])]
)
def test_numbers_may_come_in_any_numeric_form(value):
    assert machinery.as_number(value, "x") == float(np.squeeze(value))
    machinery.expect_close(value, float(np.squeeze(value)), "x")


@pytest.mark.parametrize("value", [None, True, "0.5", [0.5, 0.1], np.array([0.5, 0.1])])
def test_non_numbers_are_refused_with_a_clear_message(value):
    with pytest.raises(machinery.CheckFailure, match="should be a"):
        machinery.as_number(value, "cost")


def test_the_message_has_expected_got_and_the_likely_mistake():
    expected = np.array([[0.25], [-0.5]])
    with pytest.raises(machinery.CheckFailure) as failed:
        machinery.expect_close(
            expected * 4, expected, "propagate: grads['dw']", mistakes=[(expected * 4, "no m.")]
        )
    assert str(failed.value) == (
        "propagate: grads['dw'] is wrong.\n"
        "  expected: [[ 0.25] [-0.5 ]]\n"
        "  got:      [[ 1.] [-2.]]\n"
        "  likely mistake: no m."
    )


def test_big_arrays_are_summarised():
    text = machinery.show(np.arange(12288.0).reshape(-1, 1))
    assert text.startswith("array of shape (12288, 1), dtype float64") and len(text) < 200


def test_passed_lines():
    for count, text in (
        (1, "the public check passed."),
        (2, "both public checks passed."),
        (4, "all 4 public checks passed."),
    ):
        printed = quiet(lambda n: machinery.passed("propagate", n), count)
        assert printed == f"✓ propagate: {text}\n"
