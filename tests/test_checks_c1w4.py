"""What is particular to the public checks of C1 W4 (the generic part is tests/test_specs.py):

- the model checks stand in for the learner's initializer (and hand copies to the learner's
  update_parameters), give both back afterwards, and work behind the grader's proxy too;
- the costs may be recorded every 100 iterations with or without the last iteration, and the
  cost may be a float or an array holding one number;
- ``describe`` tells the scales of random weights apart (the notebook's 1 / sqrt(n) for the deep
  initializer, not 0.01, not 1, not He's sqrt(2 / n));
- the reference's stand-ins for the notebook's provided functions behave like them.
"""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pytest

from grader_tests import spec as specs
from grader_tests.c1w4_deep_network import ISOLATE
from grader_tests.c1w4_deep_network.spec import SPEC
from helpers.checks import CheckFailure
from helpers.checks import c1w4 as checks
from support import ROOT

NOTEBOOK = ROOT / "source" / "c1w4_deep_network" / "c1w4_deep_network.ipynb"
MODELS = ("two_layer_model", "L_layer_model")


def notebook(*cells: str) -> dict:
    """A namespace like the learner's kernel: the reference's functions, then these cells."""
    namespace = specs.base_namespace(SPEC)
    for cell in cells:
        exec(compile(cell, "<cell>", "exec"), namespace)  # noqa: S102
    return namespace


def run_check(name: str, obj) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), np.errstate(all="ignore"):
        getattr(checks, f"check_{name}")(obj)
    return printed.getvalue()


def cell_of(key: str) -> str:
    return SPEC.mistake(key).source


def recording(name: str, condition: str) -> str:
    """The reference model's cell with another condition for recording the cost."""
    source = cell_of(f"{name}_costs_every_iteration")
    return source.replace("if True:", f"if {condition}:")


class Proxy:
    """Stands in for the grader's proxy: a callable without the function's globals."""

    def __init__(self, function):
        self._function = function

    def __call__(self, *args, **kwargs):
        return self._function(*args, **kwargs)


# ------------------------------------------------------------------------------ models
def model_cell(name: str) -> str:
    return recording(name, "i % 100 == 0 or i == num_iterations - 1")


@pytest.mark.parametrize("name", MODELS)
def test_the_model_checks_give_back_the_learners_functions(name):
    namespace = notebook(model_cell(name))
    saved = {n: namespace[n] for n in (checks.INITIALIZERS[name], "update_parameters")}
    assert run_check(name, namespace[name]).startswith(f"✓ {name}")
    assert all(namespace[n] is function for n, function in saved.items())


def test_the_model_checks_say_when_the_initializer_gets_other_sizes():
    namespace = notebook(cell_of("L_layer_model_dims_shifted"))
    mine = namespace["initialize_parameters_deep"]
    with pytest.raises(CheckFailure, match="called initialize_parameters_deep with other"):
        run_check("L_layer_model", namespace["L_layer_model"])
    assert namespace["initialize_parameters_deep"] is mine


@pytest.mark.parametrize("name", MODELS)
def test_the_model_checks_pass_behind_the_graders_proxy(name):
    """No globals to reach: the grader's ISOLATE gives the reference's initializer, whose
    numbers are the fixed start."""
    assert run_check(name, Proxy(getattr(SPEC.reference, name))).startswith(f"✓ {name}")


def test_the_model_checks_do_not_depend_on_the_learners_initializer():
    """A wrong initializer costs points in its own cell only, in the kernel as well."""
    namespace = notebook(cell_of("initialize_parameters_zeros"), model_cell("two_layer_model"))
    assert run_check("two_layer_model", namespace["two_layer_model"]).startswith("✓")


def test_an_update_in_place_does_not_hide_an_unassigned_update_in_the_kernel():
    """With an update_parameters that changes its argument, a model that forgets to assign
    the result trains in the kernel; in the grader (arguments copied) it does not. The model
    check copies the arguments in the kernel too, so both say the same."""
    in_place = """
def update_parameters(parameters, grads, learning_rate):
    for key in list(parameters):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
"""
    namespace = notebook(in_place, cell_of("L_layer_model_not_assigned"))
    with pytest.raises(CheckFailure) as failed:
        run_check("L_layer_model", namespace["L_layer_model"])
    assert SPEC.hint("L_layer_model_not_assigned") in str(failed.value)
    assert run_check("update_parameters", namespace["update_parameters"]).startswith("✓")


@pytest.mark.parametrize("name", MODELS)
def test_the_costs_may_be_recorded_with_or_without_the_last_iteration(name):
    """The original course's loop appends when i == num_iterations, which never happens."""
    for condition in ("i % 100 == 0", "i % 100 == 0 or i == num_iterations"):
        namespace = notebook(recording(name, condition))
        assert run_check(name, namespace[name]).startswith(f"✓ {name}")
    namespace = notebook(recording(name, "i % 50 == 0"))
    with pytest.raises(CheckFailure, match="costs should hold the cost at iterations 0, 100"):
        run_check(name, namespace[name])


@pytest.mark.parametrize("form", ["float(np.squeeze(cost))", "np.squeeze(cost)", "cost"])
def test_a_cost_may_be_a_float_or_an_array_of_one_number(form):
    cell = f"""
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), keepdims=True) / m
    return {form}
"""
    namespace = notebook(cell, *(model_cell(name) for name in MODELS))
    for name in ("compute_cost", *MODELS):  # the models record what compute_cost returns
        assert run_check(name, namespace[name]).startswith(f"✓ {name}")


def test_the_model_examples_tell_the_recording_and_the_learning_rate_apart():
    for name in MODELS:
        (example,) = checks.WEEK.examples(name)
        iterations = example["kwargs"]["num_iterations"]
        assert iterations % 100 not in (0, 1)  # a last cost apart from the 100s
        assert example["kwargs"]["learning_rate"] != 0.0075  # the default is told apart
        costs = example["expected"][1]
        assert all(a > b for a, b in zip(costs, costs[1:], strict=False))  # decreasing


# ------------------------------------------------------------------------ initializers
def test_describe_tells_the_scales_of_random_weights_apart():
    rng = np.random.default_rng(1)
    draw = rng.standard_normal((40, 300))
    spreads = {
        scale: checks.describe({"W1": draw * scale, "b1": np.zeros((40, 1))}, [300, 40])
        for scale in (0.01, 1 / np.sqrt(300), np.sqrt(2 / 300), 1.0)
    }
    said = {s: facts["spread (standard deviation) of W1"] for s, facts in spreads.items()}
    assert said[0.01] == "about 0.01" and said[1.0] == "about 1"
    assert said[1 / np.sqrt(300)] == "about 1 / sqrt(300) = 0.0577"
    assert said[np.sqrt(2 / 300)].startswith("0.08")  # He's scale is not what is asked
    lax = checks.describe({"W1": draw / np.sqrt(300), "b1": np.zeros((40, 1))}, [300, 40], lax=True)
    assert lax["spread (standard deviation) of W1"].startswith("small")
    small = checks.describe({"W1": draw[:4, :5], "b1": np.zeros((4, 1))}, [5, 4])
    assert "spread (standard deviation) of W1" not in small  # too few weights to say


def test_a_deep_initializer_scaled_by_0_01_is_told_why_it_stalls():
    namespace = notebook(cell_of("initialize_parameters_deep_small"))
    with pytest.raises(CheckFailure) as failed:
        run_check("initialize_parameters_deep", namespace["initialize_parameters_deep"])
    message = str(failed.value)
    assert "about 0.01" in message and "vanish" in message and "0.64" in message


# --------------------------------------------------------------------------- reference
def test_isolate_names_only_functions_the_reference_defines():
    for name, others in ISOLATE.items():
        assert name not in others
        assert all(callable(getattr(SPEC.reference, other, None)) for other in others)


def test_the_reference_stands_in_for_the_notebooks_provided_functions():
    """ISOLATE rebinds sigmoid, relu and their backward steps too: they must agree with the
    notebook's own (locked) definitions."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    source = next(
        "".join(c["source"]) for c in cells if "def relu_backward" in "".join(c["source"])
    )
    provided = {"np": np}
    exec(compile(source, "<provided>", "exec"), provided)  # noqa: S102
    rng = np.random.default_rng(7)
    Z, dA = rng.normal(size=(3, 5)), rng.normal(size=(3, 5))
    for name in ("sigmoid", "relu"):
        for mine, theirs in zip(getattr(SPEC.reference, name)(Z), provided[name](Z), strict=True):
            np.testing.assert_array_equal(mine, theirs)
    for name in ("sigmoid_backward", "relu_backward"):
        np.testing.assert_array_equal(getattr(SPEC.reference, name)(dA, Z), provided[name](dA, Z))
