"""What a learner sees when a public check fails: plain words, the learner's own line, no
traceback through the checks' code."""

from __future__ import annotations

import linecache
import math

import nbformat
import numpy as np
import pytest

from helpers.checks import CheckFailure, call

CELL = "<learner cell 7>"


def learner_function(source: str, name: str):
    """A function defined as a notebook cell defines it (its source known to linecache)."""
    linecache.cache[CELL] = (len(source), None, source.splitlines(True), CELL)
    namespace = {"np": np, "math": math}
    exec(compile(source, CELL, "exec"), namespace)  # noqa: S102
    return namespace[name]


def test_an_unfinished_function_is_named_in_one_plain_line():
    stub = learner_function("def sigmoid(x):\n    raise NotImplementedError()\n", "sigmoid")
    with pytest.raises(CheckFailure) as failed:
        call("sigmoid(x) for x = [0.0]", stub, np.zeros(1))
    message = str(failed.value)
    assert message.startswith("`sigmoid` is not written yet: in its cell, replace the lines")
    assert "# YOUR CODE HERE" in message and len(message.splitlines()) == 1
    assert failed.value.__suppress_context__  # the stub's own traceback is not chained


def test_an_error_names_the_learners_line_and_the_likely_mistake():
    source = "def sigmoid(x):\n    s = 1 / (1 + math.exp(-x))\n    return s\n"
    with pytest.raises(CheckFailure) as failed:
        call("sigmoid(x) for x = [0.0, 1.5]", learner_function(source, "sigmoid"), np.ones(2))
    lines = str(failed.value).splitlines()
    assert lines[0].startswith("sigmoid(x) for x = [0.0, 1.5] failed with an error: TypeError")
    assert lines[1] == "  where:    line 2 of `sigmoid`: s = 1 / (1 + math.exp(-x))"
    assert lines[2].startswith("  likely mistake: math functions")


def test_an_error_deep_inside_numpy_still_points_at_the_learners_line():
    source = "def propagate(w, X):\n    return np.dot(w, X)\n"
    with pytest.raises(CheckFailure) as failed:
        call("propagate", learner_function(source, "propagate"), np.ones((2, 1)), np.ones((2, 4)))
    message = str(failed.value)
    assert "line 2 of `propagate`: return np.dot(w, X)" in message
    assert "matrix product" in message and "(n_x, 1)" not in message  # no week's own names


def test_jupyter_shows_the_message_without_a_traceback():
    shown = CheckFailure(
        "sigmoid(x) is wrong.\n  expected: 0.5\n  got:      0.2"
    )._render_traceback_()
    assert shown[0].endswith("✗ sigmoid(x) is wrong.\x1b[0m") and shown[1:] == [
        "  expected: 0.5",
        "  got:      0.2",
    ]


@pytest.mark.slow
def test_in_a_real_kernel_an_unfinished_exercise_gives_one_plain_line():
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("import numpy as np\nfrom helpers.checks import c1w2 as checks"),
        nbformat.v4.new_code_cell(
            "def sigmoid(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()"
        ),
        nbformat.v4.new_code_cell("checks.check_sigmoid(sigmoid)"),
    ]
    client = NotebookClient(notebook, timeout=120, kernel_name="python3")
    with pytest.raises(CellExecutionError):
        client.execute()
    (error,) = notebook.cells[2].outputs
    assert error["output_type"] == "error" and error["ename"] == "CheckFailure"
    shown = "\n".join(error["traceback"])
    assert "`sigmoid` is not written yet" in shown
    assert "helpers/checks" not in shown and "Traceback" not in shown
    assert len(error["traceback"]) == 1
