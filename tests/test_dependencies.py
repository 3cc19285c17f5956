"""A public check of a function that calls other graded functions first runs their checks on
the learner's own versions, and says in one line which one to fix first."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from grader_tests import spec as specs
from helpers.checks import CheckFailure, c1w2, c1w4
from helpers.checks.engine import DependencyFailure


def notebook(assignment: str, *keys: str, solutions=()) -> dict:
    """A namespace like a learner's notebook: the reference functions, the planted cells of
    ``keys``, then the notebook's own solution cells of ``solutions`` (defined in this
    namespace, so the functions they call are the planted ones)."""
    spec = specs.load(assignment)
    namespace = specs.base_namespace(spec)
    for key in keys:
        exec(compile(spec.mistake(key).source, f"<cell {key}>", "exec"), namespace)  # noqa: S102
    cells = specs.solution_cells(assignment)
    for name in solutions:
        exec(compile(cells[name], f"<cell {name}>", "exec"), namespace)  # noqa: S102
    return namespace


def run(check, function) -> str:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), np.errstate(all="ignore"):
        check(function)
    return printed.getvalue()


def test_optimize_says_fix_propagate_first_with_the_first_line_of_its_failure():
    namespace = notebook("c1w2_logistic_regression", "propagate_no_m", solutions=["optimize"])
    with pytest.raises(DependencyFailure) as failed:
        run(c1w2.check_optimize, namespace["optimize"])
    message = str(failed.value)
    assert message.startswith("fix `propagate` first: its check above fails (propagate(w, b, X")
    assert len(message.splitlines()) == 1 and "likely mistake" not in message


def test_the_root_of_a_chain_is_named():
    """model calls optimize, which calls propagate: model says fix propagate first."""
    names = ["optimize", "predict", "model"]
    namespace = notebook("c1w2_logistic_regression", "propagate_no_m", solutions=names)
    with pytest.raises(CheckFailure, match=r"^fix `propagate` first"):
        run(c1w2.check_model, namespace["model"])
    with pytest.raises(CheckFailure, match=r"^the training did not start: fix `propagate` first"):
        c1w2.before_training(namespace["model"], *(np.ones((4, 6)), np.ones((1, 6))) * 2)


def test_the_training_cell_refuses_a_w_of_shape_n_x():
    names = ["initialize_with_zeros", "model"]
    namespace = notebook("c1w2_logistic_regression", solutions=names)
    exec("def initialize_with_zeros(dim):\n    return np.zeros(dim), 0.0\n", namespace)  # noqa: S102
    data = (np.ones((12, 6)), np.ones((1, 6)), np.ones((12, 3)), np.ones((1, 3)))
    with pytest.raises(CheckFailure) as failed:
        c1w2.before_training(namespace["model"], *data)
    assert "fix `initialize_with_zeros` first" in str(failed.value)
    namespace["check_initialize_with_zeros"] = None
    exec(  # noqa: S102 - a model that makes its own 1-D w: caught by running it small
        "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,\n"
        "          print_cost=False):\n"
        "    params, grads, costs = optimize(np.zeros(X_train.shape[0]), 0.0, X_train, "
        "Y_train, num_iterations, learning_rate)\n"
        "    return {'w': params['w'], 'b': params['b']}\n",
        namespace,
    )
    with pytest.raises(CheckFailure) as failed:
        c1w2.before_training(namespace["model"], *data)
    lines = str(failed.value).splitlines()
    assert lines[0] == (
        "the training did not start: model on the first 5 features of 6 training pictures "
        "gives w of shape (5, 5), not (5, 1)."
    )
    assert "12 x 12 numbers" in lines[-1] and "np.zeros((dim, 1))" in lines[-1]
    namespace = notebook("c1w2_logistic_regression", solutions=["model"])
    assert c1w2.before_training(namespace["model"], *data) is None


def test_a_dependency_the_function_does_not_call_is_not_checked():
    namespace = notebook("c1w4_deep_network", "linear_forward_no_b")
    source = (
        "def linear_activation_forward(A_prev, W, b, activation):\n"
        "    Z = W @ A_prev + b\n"
        "    A, activation_cache = sigmoid(Z) if activation == 'sigmoid' else relu(Z)\n"
        "    return A, ((A_prev, W, b), activation_cache)\n"
    )
    exec(source, namespace)  # noqa: S102
    assert run(c1w4.check_linear_activation_forward, namespace["linear_activation_forward"])


def test_the_graders_proxy_has_no_globals_and_is_checked_alone():
    namespace = notebook("c1w2_logistic_regression", "propagate_no_m")
    optimize = namespace["optimize"]

    class Proxy:
        __name__ = "optimize"

        def __call__(self, *args, **kwargs):
            return specs.load("c1w2_logistic_regression").reference.optimize(*args, **kwargs)

    assert "propagate" in optimize.__globals__ and not hasattr(Proxy(), "__globals__")
    assert run(c1w2.check_optimize, Proxy()).startswith("✓ optimize")


def test_every_call_the_spec_declares_is_a_graded_function_with_a_check():
    for assignment, module in (("c1w2_logistic_regression", c1w2), ("c1w4_deep_network", c1w4)):
        for function in specs.load(assignment).functions:
            for name in function.calls:
                assert callable(getattr(module, f"check_{name}", None)), (function.name, name)
