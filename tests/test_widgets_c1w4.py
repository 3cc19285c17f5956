"""Tests of helpers.widgets.deep_model_explorer (week c1w4), headless: no frontend, no kernel."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from widget_support import _close_figures  # noqa: E402, F401
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import widgets  # noqa: E402


# ============================================================== a small real L-layer model
def _sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def tiny_L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                       print_cost=False):  # fmt: skip
    """The course's L_layer_model in a few lines: relu hidden layers, sigmoid output."""
    L = len(layers_dims) - 1
    parameters = {}
    for l in range(1, L + 1):
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) / np.sqrt(
            layers_dims[l - 1]
        )
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        A, cache = X, []
        for l in range(1, L + 1):
            Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
            cache.append((A, Z))
            A = np.maximum(0, Z) if l < L else _sigmoid(Z)
        cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
        dA = -(Y / A - (1 - Y) / (1 - A))
        for l in range(L, 0, -1):
            A_prev, Z = cache[l - 1]
            dZ = dA * _sigmoid(Z) * (1 - _sigmoid(Z)) if l == L else dA * (Z > 0)
            dA = parameters[f"W{l}"].T @ dZ
            parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * dZ @ A_prev.T / m
            parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * dZ.sum(1, keepdims=True) / m
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
    return parameters, costs


def _predict(parameters, X):
    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = np.maximum(0, Z) if l < L else _sigmoid(Z)
    return (A > 0.5).astype(float)


@pytest.fixture
def tiny_data():
    """A problem that needs a hidden layer (a ring): X (2, m), Y (1, m), 80 train / 40 test."""
    rng = np.random.default_rng(4)
    X = rng.normal(size=(2, 120))
    Y = (np.sum(X**2, axis=0, keepdims=True) < 1.2).astype(float)
    return X[:, :80], Y[:, :80], X[:, 80:], Y[:, 80:]


def _explorer(model, data, **kwargs):
    options = {"learning_rates": (0.05, 0.5), "iterations": (50, 301), "learning_rate": 0.5,
               "num_iterations": 301, "hidden_layers": "8, 4"}  # fmt: skip
    options.update(kwargs)
    return widgets.deep_model_explorer(model, *data, **options)


# ================================================================================== parsing
@pytest.mark.parametrize(
    ("text", "sizes"),
    [
        ("20, 7, 5", (20, 7, 5)),
        ("20,7,5", (20, 7, 5)),
        ("  20 7   5 ", (20, 7, 5)),
        ("[20, 7, 5]", (20, 7, 5)),
        ("(7,)", (7,)),
        ("20; 7", (20, 7)),
        ("", ()),
        ("   ", ()),
    ],
)
def test_parse_hidden_layers_reads_lists_of_sizes(text, sizes):
    assert widgets.parse_hidden_layers(text) == sizes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("20, 7.5", "'7.5' is not a whole number"),
        ("20, -3", "'-3' is not a whole number"),
        ("twenty", "'twenty' is not a whole number"),
        ("20, 0, 5", "a hidden layer of 0 units has no unit"),
        ("20, 5000", "5000 units is too wide"),
        (", ".join(["3"] * 9), "9 hidden layers are more than"),
    ],
)
def test_parse_hidden_layers_explains_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.parse_hidden_layers(text)


# ============================================================================== the widget
def test_deep_model_explorer_builds_headless_and_shows_the_first_run(tiny_data):
    figures_before = plt.get_fignums()
    state = np.random.get_state()
    explorer = _explorer(tiny_L_layer_model, tiny_data)
    after = np.random.get_state()
    assert after[0] == state[0] and np.array_equal(after[1], state[1])  # random state put back
    assert isinstance(explorer, ipywidgets.VBox)
    assert explorer.hidden_layers_text.value == "8, 4"
    assert explorer.hidden_layers_text.continuous_update is False
    assert explorer.learning_rate_slider.continuous_update is False
    assert explorer.iterations_slider.continuous_update is False

    np.random.seed(widgets.DEEP_EXPLORER_SEED)
    parameters, costs = tiny_L_layer_model(
        tiny_data[0], tiny_data[1], [2, 8, 4, 1], learning_rate=0.5, num_iterations=301
    )
    train = 100 * np.mean(_predict(parameters, tiny_data[0]) == tiny_data[1])
    test = 100 * np.mean(_predict(parameters, tiny_data[2]) == tiny_data[3])
    assert train > 85  # the little network really learned the ring
    status = _text(explorer.status.value)
    assert "2 → 8 → 4 → 1 (L = 3: 2 hidden layers)" in status
    assert "learning rate = 0.5, 301 iterations" in status
    assert f"train accuracy {train:.1f} %" in status
    assert f"test accuracy {test:.1f} %" in status

    run = explorer.runs[((2, 8, 4, 1), 0.5, 301)]
    np.testing.assert_allclose(run.costs, costs)
    line = _line(explorer, run)
    np.testing.assert_array_equal(line.get_xdata(), [0, 100, 200, 300])  # 300 = the last one
    assert _png(explorer.plot).size[0] > 300
    assert plt.get_fignums() == figures_before  # the figure was closed after rendering


def _line(explorer, run):
    """The bold line of ``run`` in the figure the explorer would draw."""
    fig = explorer._figure(run)
    line = fig.axes[0].lines[0]
    plt.close(fig)
    return line


def test_deep_model_explorer_retrains_when_a_control_changes(tiny_data):
    calls = []

    def counting_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                       print_cost=False):  # fmt: skip
        calls.append((tuple(layers_dims), learning_rate, num_iterations, print_cost))
        return tiny_L_layer_model(X, Y, layers_dims, learning_rate, num_iterations)

    explorer = _explorer(counting_model, tiny_data)
    assert calls == [((2, 8, 4, 1), 0.5, 301, False)]
    first_png = explorer.plot.outputs[0]["data"]["image/png"]

    explorer.hidden_layers_text.value = "[5]"  # as if the learner pressed Enter
    assert calls[-1] == ((2, 5, 1), 0.5, 301, False)
    assert "2 → 5 → 1 (L = 2: 1 hidden layer)" in _text(explorer.status.value)
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png

    explorer.learning_rate_slider.value = 0.05
    explorer.iterations_slider.value = 50
    assert calls[-2:] == [((2, 5, 1), 0.05, 301, False), ((2, 5, 1), 0.05, 50, False)]

    explorer.hidden_layers_text.value = ""  # no hidden layer: logistic regression
    assert calls[-1] == ((2, 1), 0.05, 50, False)
    assert "(L = 1: 0 hidden layers)" in _text(explorer.status.value)

    explorer.hidden_layers_text.value = "5"  # a run seen before: remembered, not retrained
    explorer.train_button.click()
    assert len(calls) == 5
    assert "2 → 5 → 1" in _text(explorer.status.value)
    assert explorer.train_button.disabled is False and explorer.hidden_layers_text.disabled is False


def test_deep_model_explorer_gives_the_same_result_for_the_same_settings(tiny_data):
    first = _explorer(tiny_L_layer_model, tiny_data).update()
    np.random.seed(123)  # the learner's own random state does not matter
    second = _explorer(tiny_L_layer_model, tiny_data).update()
    np.testing.assert_array_equal(first.costs, second.costs)
    assert first.test_accuracy == second.test_accuracy

    unseeded = [
        _explorer(tiny_L_layer_model, tiny_data, seed=None).update().costs[0] for _ in range(2)
    ]
    assert unseeded[0] != unseeded[1]


def test_deep_model_explorer_explains_a_bad_layer_text_without_training(tiny_data):
    calls = []

    def counting_model(*args, **kwargs):
        calls.append(args[2])
        return tiny_L_layer_model(*args, **kwargs)

    explorer = _explorer(counting_model, tiny_data)
    shown = explorer.plot.outputs
    explorer.hidden_layers_text.value = "20, seven"
    status = _text(explorer.status.value)
    assert "Hidden layer sizes: 'seven' is not a whole number" in status
    assert "20, 7, 5" in status  # an example of what to type
    assert len(calls) == 1
    assert explorer.plot.outputs == shown  # the last good plot stays
    assert explorer.update() is None


def test_deep_model_explorer_with_an_unwritten_model_shows_a_friendly_message(tiny_data):
    def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                      print_cost=False):  # fmt: skip
        raise NotImplementedError()

    explorer = _explorer(L_layer_model, tiny_data)
    status = _text(explorer.status.value)
    assert "Your `L_layer_model` is not written yet" in status
    assert "Traceback" not in status
    assert explorer.plot.outputs == ()
    explorer.iterations_slider.value = 50  # moving a control still does not raise
    assert "not written yet" in _text(explorer.status.value)


def _returning(value):
    return lambda *args, **kwargs: value


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (lambda *a, **k: (_ for _ in ()).throw(KeyError("W3")),
         "Your `L_layer_model` raised KeyError: 'W3'"),
        (_returning({"W1": 0}), "should return two things, (parameters, costs); it returned dict"),
        (_returning(({"W1": np.zeros((8, 2))}, [0.5])), "have no 'b1'"),
        (_returning(({"W1": np.zeros((2, 8)), "b1": np.zeros((8, 1))}, [0.5])),
         "parameters['W1'] from your `L_layer_model` has shape (2, 8); expected shape "
         "(8, 2)"),
        (_returning(([1, 2], [0.5])), "they are a list"),
    ],
)  # fmt: skip
def test_deep_model_explorer_explains_a_broken_model(tiny_data, model, message):
    explorer = _explorer(model, tiny_data, hidden_layers="8")
    assert message in _text(explorer.status.value)
    assert explorer.plot.outputs == ()


def test_deep_model_explorer_explains_unusable_costs(tiny_data):
    def no_costs(X, Y, layers_dims, **kwargs):
        parameters, _ = tiny_L_layer_model(X, Y, layers_dims, num_iterations=1)
        return parameters, []

    explorer = _explorer(no_costs, tiny_data)
    assert "Your `L_layer_model` returned unusable costs" in _text(explorer.status.value)


def test_deep_model_explorer_draws_costs_recorded_only_every_100_iterations(tiny_data):
    def every_100(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):  # fmt: skip
        parameters, costs = tiny_L_layer_model(X, Y, layers_dims, learning_rate, num_iterations)
        return parameters, costs[:3]  # iterations 0, 100, 200 (no cost at the last one)

    explorer = _explorer(every_100, tiny_data)
    run = explorer.runs[((2, 8, 4, 1), 0.5, 301)]
    np.testing.assert_array_equal(_line(explorer, run).get_xdata(), [0, 100, 200])


def test_deep_model_explorer_rejects_bad_arguments(tiny_data):
    with pytest.raises(ValueError, match="your function `L_layer_model`"):
        widgets.deep_model_explorer("L_layer_model", *tiny_data)
    X_train, Y_train, X_test, Y_test = tiny_data
    with pytest.raises(ValueError, match=re.escape("train_x, not train_x_orig")):
        widgets.deep_model_explorer(tiny_L_layer_model, X_train.T, Y_train, X_test, Y_test)
    with pytest.raises(ValueError, match="X_test has 3"):
        widgets.deep_model_explorer(tiny_L_layer_model, X_train, Y_train, np.zeros((3, 40)), Y_test)
    with pytest.raises(ValueError, match="hidden_layers='7, x'"):
        widgets.deep_model_explorer(tiny_L_layer_model, *tiny_data, hidden_layers="7, x")
    with pytest.raises(ValueError, match="not one of the slider's values"):
        widgets.deep_model_explorer(tiny_L_layer_model, *tiny_data, learning_rate=0.123)
    with pytest.raises(ValueError, match="seed must be an int or None"):
        widgets.deep_model_explorer(tiny_L_layer_model, *tiny_data, seed=1.5)
