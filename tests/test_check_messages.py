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


def test_float_of_a_one_entry_array_says_to_take_its_number_out():
    """NumPy 2 refuses float(b) for b of shape (1, 1, 1) with the same words as math.exp of an
    array: the learner's line tells the two apart."""
    source = "def conv_single_step(a, W, b):\n    return np.sum(a * W) + float(b)\n"
    step = learner_function(source, "conv_single_step")
    with pytest.raises(CheckFailure) as failed:
        call("conv_single_step", step, np.ones((2, 2, 1)), np.ones((2, 2, 1)), np.ones((1, 1, 1)))
    message = str(failed.value)
    assert "line 2 of `conv_single_step`" in message and ".item()" in message
    assert "math functions" not in message


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


# ------------------------------------------------------------- plain words for typical errors
def failure_of(source: str, name: str, *args) -> list[str]:
    with pytest.raises(CheckFailure) as failed:
        call(f"{name}(...)", learner_function(source, name), *args)
    return str(failed.value).splitlines()


@pytest.mark.parametrize(
    ("loop", "key", "fragments"),
    [
        ("range(2)", "W0", ("numbered from 1", "range(1, L + 1)")),  # layer 0 has no W
        ("range(1, len(parameters) + 1)", "W2", ("one layer too far", "len(parameters) // 2")),
    ],
)
def test_a_loop_over_the_wrong_layers_is_named(loop, key, fragments):
    source = (
        "def update(parameters):\n"
        f"    for l in {loop}:\n"
        '        parameters["W" + str(l)] = parameters["W" + str(l)] * 2\n'
        "    return parameters\n"
    )
    lines = failure_of(source, "update", {"W1": np.ones(2), "b1": np.ones(2)})
    assert lines[0].endswith(f"KeyError: '{key}'")
    assert all(fragment in lines[-1] for fragment in fragments)


def test_a_wrong_update_in_place_is_compared_with_the_arguments_as_given():
    """Coursera-style updates edit the caller's dict; the public check passes copies, so a
    wrong one is not told that it "was never updated"."""
    from helpers.checks import c2w2

    source = (
        "def update_parameters_with_gd(parameters, grads, learning_rate):\n"
        "    for key in parameters:\n"
        '        parameters[key] -= 2 * learning_rate * grads["d" + key]\n'
        "    return parameters\n"
    )
    with pytest.raises(CheckFailure) as failed:
        c2w2.check_update_parameters_with_gd(learner_function(source, "update_parameters_with_gd"))
    assert "is wrong." in str(failed.value) and "never updated" not in str(failed.value)


def test_a_list_of_the_right_numbers_is_told_to_be_an_array_not_a_planted_mistake():
    """A planted mistake whose output equals the expected one (on these inputs) cannot be what
    went wrong, though the list matches its numbers too."""
    from helpers.checks import c2w2

    source = (
        "def exponentially_weighted_average(theta, beta, bias_correction=False):\n"
        "    v, out = 0.0, []\n"
        "    for t, x in enumerate(theta, 1):\n"
        "        v = beta * v + (1 - beta) * x\n"
        "        out.append(v / (1 - beta**t) if bias_correction else v)\n"
        "    return out\n"
    )
    with pytest.raises(CheckFailure) as failed:
        c2w2.check_exponentially_weighted_average(
            learner_function(source, "exponentially_weighted_average")
        )
    lines = str(failed.value).splitlines()
    assert "should be a NumPy array, got list" in lines[0]
    assert lines[-1] == "  likely mistake: build it with NumPy (np.array, np.zeros, ...)."


def test_a_name_the_exercise_asks_for_and_never_defined_is_named():
    source = (
        'def optimize(w, grads):\n    w = w - 0.1 * grads["dw"]\n    return {"w": w}, {"dw": dw}\n'
    )
    lines = failure_of(source, "optimize", np.ones(2), {"dw": np.ones(2)})
    assert "NameError: name 'dw' is not defined" in lines[0]
    assert lines[1] == '  where:    line 3 of `optimize`: return {"w": w}, {"dw": dw}'
    assert "define `dw`, with exactly this name" in lines[2]


def test_a_tuple_where_an_array_belongs_says_to_unpack_it():
    source = (
        "def forward(x):\n    return x * 2, {'x': x}\n\n"
        "def backward(x):\n    A = forward(x)\n    return -A\n"
    )
    namespace_function = learner_function(source, "backward")
    with pytest.raises(CheckFailure) as failed:
        call("backward(x)", namespace_function, np.ones(2))
    lines = str(failed.value).splitlines()
    assert "bad operand type for unary -: 'tuple'" in lines[0]
    assert "unpacked" in lines[-1] and "in the order it returns them" in lines[-1]


def test_an_element_wise_product_where_a_matrix_product_belongs_is_not_blamed_on_keepdims():
    source = "def backward(dZ, A_prev):\n    dW = dZ * A_prev.T / 4\n    return dW\n"
    lines = failure_of(source, "backward", np.ones((2, 4)), np.ones((3, 4)))
    assert "could not be broadcast" in lines[0]
    assert "`@` (or np.dot) instead of `*`" in lines[-1] and "keepdims" not in lines[-1]


def test_a_sum_that_drops_its_axis_gets_the_keepdims_hint():
    source = "def normalize(x):\n    return x / np.sum(x, axis=1)\n"
    lines = failure_of(source, "normalize", np.ones((2, 3)))
    assert "keepdims=True" in lines[-1]


def test_an_error_in_a_function_called_names_both_lines():
    source = (
        "def cost(A2, Y):\n    return np.sum(Y * np.log(A2))\n\n"
        "def train(X, Y):\n    A2 = (X, {})\n    c = cost(A2, Y)\n    return c\n"
    )
    with pytest.raises(CheckFailure) as failed:
        call("train(X, Y)", learner_function(source, "train"), np.ones((1, 3)), np.ones((1, 3)))
    lines = str(failed.value).splitlines()
    assert lines[1] == "  where:    line 2 of `cost`: return np.sum(Y * np.log(A2))"
    assert lines[2] == "  called from line 6 of `train`: c = cost(A2, Y)"


def test_an_unfinished_function_called_by_another_is_named():
    source = (
        "def helper(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n\n"
        "def outer(x):\n    return helper(x)\n"
    )
    with pytest.raises(CheckFailure, match=r"^`helper` is not written yet"):
        call("outer(x)", learner_function(source, "outer"), 1.0)


DROPOUT_FORWARD = """
def relu(z):
    return np.maximum(0, z)


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    {seed}
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    D1 = (np.random.rand(*Z1.shape) < keep_prob).astype(int)
    A1 = relu(Z1) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    D2 = (np.random.rand(*Z2.shape) < keep_prob).astype(int)
    A2 = relu(Z2) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = 1 / (1 + np.exp(-Z3))
    return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
"""


@pytest.mark.parametrize("seed", ["pass", "np.random.seed(1)"])
def test_dropout_that_seeds_inside_draws_the_same_masks_and_is_told_so(seed):
    from helpers.checks import c2w1

    function = learner_function(
        DROPOUT_FORWARD.format(seed=seed), "forward_propagation_with_dropout"
    )
    if seed == "pass":
        c2w1.check_forward_propagation_with_dropout(function)
        return
    with pytest.raises(CheckFailure) as failed:
        c2w1.check_forward_propagation_with_dropout(function)
    assert "drew the same masks both times" in str(failed.value)
    assert "do not call np.random.seed inside the function" in str(failed.value)


def test_a_regularized_backward_pass_with_1_over_m_inside_dZ3_passes():
    """Where 1 / m is applied changes dZ3, dA2 ... but not the parameters' gradients, which
    are what the checks (public and hidden) compare."""
    from helpers.checks import c2w1

    source = (
        "def backward_propagation_with_regularization(X, Y, cache, lambd):\n"
        "    m = X.shape[1]\n"
        "    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\n"
        "    dZ3 = (A3 - Y) / m\n"
        "    dW3, db3 = dZ3 @ A2.T + lambd / m * W3, dZ3.sum(axis=1, keepdims=True)\n"
        "    dA2 = W3.T @ dZ3\n"
        "    dZ2 = dA2 * (A2 > 0)\n"
        "    dW2, db2 = dZ2 @ A1.T + lambd / m * W2, dZ2.sum(axis=1, keepdims=True)\n"
        "    dA1 = W2.T @ dZ2\n"
        "    dZ1 = dA1 * (A1 > 0)\n"
        "    dW1, db1 = dZ1 @ X.T + lambd / m * W1, dZ1.sum(axis=1, keepdims=True)\n"
        '    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,\n'
        '            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}\n'
    )
    name = "backward_propagation_with_regularization"
    c2w1.check_backward_propagation_with_regularization(learner_function(source, name))


def test_a_padded_gradient_assigned_where_the_unpadded_one_goes_is_named():
    source = (
        "def conv_backward(dZ, pad):\n"
        "    dA_prev = np.zeros((5, 6, 3))\n"
        "    dA_prev_pad = np.zeros((5 + 2 * pad, 6 + 2 * pad, 3))\n"
        "    dA_prev[:, :, :] = dA_prev_pad\n"
        "    return dA_prev\n"
    )
    lines = failure_of(source, "conv_backward", None, 1)
    assert "from shape (7,8,3) into shape (5,6,3)" in lines[0]
    assert "2 larger in height and width" in lines[-1] and "padding is still on" in lines[-1]
