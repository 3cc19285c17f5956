"""Tests of week c2w1's helpers: the circles and goalkeeper loaders, the new figures of
helpers.plotting and the regularization and initialization explorers, headless (Agg, no
frontend, no kernel)."""

from __future__ import annotations

import hashlib
import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from widget_support import _close_figures  # noqa: E402, F401
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402
from helpers.datasets.practical import goalkeeper_boundary  # noqa: E402

# SHA-256 of train_X, train_Y, test_X, test_Y (little-endian float64, in that order), computed
# with load_goalkeeper() when the generator was written. The c2w1 notebook's stated results
# depend on these exact points: if you change the generator on purpose, update the hash and
# re-measure the notebook.
GOALKEEPER_SHA256 = "2f1323a6d2ae5237f8a2fdcce97a07617b6148d113bbef54789b3ad404201e2e"


def _digest(*arrays) -> str:
    digest = hashlib.sha256()
    for array in arrays:
        digest.update(np.ascontiguousarray(array, dtype="<f8").tobytes())
    return digest.hexdigest()


# ==================================================================================== loaders
@pytest.mark.parametrize(
    ("loader", "sizes"),
    [(datasets.load_circles, (300, 100)), (datasets.load_goalkeeper, (211, 200))],
)
def test_loaders_return_points_as_columns_and_float_labels(loader, sizes):
    train_X, train_Y, test_X, test_Y = loader()
    for X, Y, m in ((train_X, train_Y, sizes[0]), (test_X, test_Y, sizes[1])):
        assert X.shape == (2, m) and Y.shape == (1, m)
        assert X.dtype == np.float64 and Y.dtype == np.float64
        assert np.all(np.isfinite(X))
        assert set(np.unique(Y)) == {0.0, 1.0}


@pytest.mark.parametrize("loader", [datasets.load_circles, datasets.load_goalkeeper])
def test_loaders_are_deterministic_and_return_fresh_copies(loader):
    first = loader()
    first[0][:] = 0.0  # changing what a call returned does not change the next call
    first[1][:] = 5.0
    second, third = loader(), loader()
    for a, b in zip(second, third, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.all(second[0] == 0.0) and not np.any(second[1] == 5.0)


def test_circles_are_balanced_rings_with_the_inner_ring_class_1():
    train_X, train_Y, test_X, test_Y = datasets.load_circles()
    assert int(train_Y.sum()) == 150 and int(test_Y.sum()) == 50  # half of each class
    for X, Y in ((train_X, train_Y), (test_X, test_Y)):
        radius = np.sqrt(np.sum(X**2, axis=0))
        inner, outer = radius[Y[0] == 1], radius[Y[0] == 0]
        assert 0.7 < np.median(inner) < 0.9 and 0.9 < np.median(outer) < 1.1
        assert np.mean(inner < 0.9) > 0.8 and np.mean(outer > 0.9) > 0.8


def test_goalkeeper_points_are_the_pinned_ones():
    assert _digest(*datasets.load_goalkeeper()) == GOALKEEPER_SHA256


def test_goalkeeper_labels_follow_the_boundary_except_near_it_and_a_few_strays():
    train_X, train_Y, test_X, test_Y = datasets.load_goalkeeper()
    for X, Y, strays in ((train_X, train_Y, True), (test_X, test_Y, False)):
        assert 0.4 < Y.mean() < 0.6  # both teams win about as many balls
        assert np.all(np.abs(X) <= 1.0)
        gap = X[1] - np.array([goalkeeper_boundary(float(x1)) for x1 in X[0]])
        wrong = (gap > 0) != (Y[0] == 1)
        far_wrong = int(np.sum(wrong & (np.abs(gap) >= 0.1)))
        # contested balls near the curve may go either way; far from it only the strays
        assert np.mean(wrong) < 0.12
        if strays:
            assert 0 < far_wrong <= datasets.practical.GOALKEEPER_STRAYS
        else:
            assert far_wrong == 0


# =================================================================================== figures
def test_plot_cost_curves_draws_one_labelled_line_per_curve():
    curves = {"zeros": [0.69, 0.69, 0.69], "He": np.array([0.9, 0.5, 0.2])}
    fig = plotting.plot_cost_curves(curves, every=1000, title="Three starts")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title() == "Three starts"
    assert ax.get_xlabel() == "iterations" and ax.get_ylabel() == "cost"
    assert [line.get_label() for line in ax.lines] == ["zeros", "He"]
    np.testing.assert_allclose(ax.lines[1].get_xdata(), [0, 1000, 2000])
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0.9, 0.5, 0.2])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["zeros", "He"]
    assert not ax.texts  # every cost is finite: no note
    log = plotting.plot_cost_curves(curves, log_scale=True).axes[0]
    assert log.get_yscale() == "log" and log.get_title() == "Cost during training"


def test_plot_cost_curves_says_which_curve_has_an_infinite_cost():
    fig = plotting.plot_cost_curves({"random": [np.inf, 0.6, 0.5], "He": [0.9, 0.4, 0.1]})
    notes = [text.get_text() for text in fig.axes[0].texts]
    assert len(notes) == 1 and "random" in notes[0] and "He" not in notes[0]


@pytest.mark.parametrize(
    ("curves", "kwargs", "message"),
    [
        ([0.7, 0.5], {}, "non-empty dict"),
        ({}, {}, "non-empty dict"),
        ({"a": []}, {}, "is empty"),
        ({"a": [0.7, [0.5, 0.4]]}, {}, "must be one number"),
        ({"a": [0.7]}, {"every": 0}, "every must be a positive integer"),
    ],
)
def test_plot_cost_curves_rejects_bad_input(curves, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_cost_curves(curves, **kwargs)


def _bowl(w1, w2):
    return (w1 - 1.0) ** 2 + 4 * (w2 - 0.5) ** 2


PATH = np.array([[0.0, 0.0], [0.5, 0.4], [0.8, 0.5], [1.0, 0.5]])


def test_plot_gradient_descent_paths_draws_contours_and_each_path():
    fig = plotting.plot_gradient_descent_paths(
        [(_bowl, PATH, "raw"), (_bowl, PATH[:2], "normalized")], ncols=2
    )
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    for ax, path, title in zip(fig.axes, (PATH, PATH[:2]), ("raw", "normalized"), strict=True):
        assert ax.get_title() == title
        assert ax.get_xlabel() == "$w_1$" and ax.get_ylabel() == "$w_2$"
        steps = ax.lines[0]
        np.testing.assert_allclose(steps.get_xdata(), path[:, 0])
        np.testing.assert_allclose(steps.get_ydata(), path[:, 1])
        assert ax.collections  # the contour lines
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        assert x0 < path[:, 0].min() and x1 > path[:, 0].max()
        assert y0 < path[:, 1].min() and y1 > path[:, 1].max()
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["start", "end"]


@pytest.mark.parametrize(
    ("panels", "message"),
    [
        ([], "panels is empty"),
        ({"a": 1}, "must be a list"),
        ([(_bowl, PATH)], "must be a tuple (cost_fn, path, title)"),
        ([("bowl", PATH, "t")], "must be a tuple (cost_fn, path, title)"),
        ([(_bowl, PATH.T, "t")], "must be an array of shape (k, 2)"),
        ([(_bowl, [[0.0, np.nan]], "t")], "NaN or inf"),
        ([(lambda w1, w2: 1.0, PATH, "t")], "one cost per grid point"),
        ([(lambda w1, w2: 1 / 0, PATH, "t")], "raised ZeroDivisionError"),
    ],
)
def test_plot_gradient_descent_paths_rejects_bad_input(panels, message):
    figures_before = plt.get_fignums()
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_gradient_descent_paths(panels)
    assert plt.get_fignums() == figures_before  # no half-drawn figure left open


def test_plot_layer_spread_draws_each_stack_on_a_log_scale():
    spreads = {"0.9 I": 0.9 ** np.arange(1, 6), "1.1 I": 1.1 ** np.arange(1, 6)}
    fig = plotting.plot_layer_spread(spreads, title="Five layers")
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and ax.get_title() == "Five layers"
    assert ax.get_xlabel() == "layer $l$"
    curves = [line for line in ax.lines if line.get_label() in spreads]
    assert [line.get_label() for line in curves] == ["0.9 I", "1.1 I"]
    np.testing.assert_allclose(curves[0].get_xdata(), [1, 2, 3, 4, 5])
    np.testing.assert_allclose(curves[1].get_ydata(), spreads["1.1 I"])


@pytest.mark.parametrize(
    ("spreads", "message"),
    [([1.0, 0.5], "non-empty dict"), ({"a": [1.0, 0.0]}, "positive finite numbers")],
)
def test_plot_layer_spread_rejects_bad_input(spreads, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_layer_spread(spreads)


def test_plot_gradient_differences_marks_the_disagreeing_gradients_red():
    differences = {"W1": 3e-9, "b1": 0.6, "W2": 0.33, "b2": 0.0}
    fig = plotting.plot_gradient_differences(differences, threshold=2e-7)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["W1", "b1", "W2", "b2"]
    assert list(ax.get_yticks()) == [3, 2, 1, 0]  # the first parameter on top
    colors = [to_rgb(bar.get_facecolor()) for bar in ax.patches]
    wrong, right = to_rgb(plotting.WRONG_COLOR), to_rgb("#2ca02c")
    assert colors == [right, wrong, wrong, right]  # bars in the order of the dict
    assert ax.get_title() == "Gradient check, parameter by parameter"


@pytest.mark.parametrize(
    ("differences", "kwargs", "message"),
    [
        ({}, {}, "non-empty dict"),
        ({"W1": -1.0}, {}, "finite number, 0 or more"),
        ({"W1": [1e-9, 2e-9]}, {}, "must be one number"),
        ({"W1": 1e-9}, {"threshold": 0}, "threshold must be positive"),
    ],
)
def test_plot_gradient_differences_rejects_bad_input(differences, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_gradient_differences(differences, **kwargs)


# ======================================================= a small copy of the notebook's network
def _sigmoid(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))


def three_layer_forward(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = np.maximum(0, Z1)
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(0, Z2)
    Z3 = W3 @ A2 + b3
    A3 = _sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def three_layer_backward(X, Y, cache, lambd=0.0):
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    gradients = {"dZ3": dZ3, "dA2": dA2, "dZ2": dZ2, "dA1": dA1, "dZ1": dZ1}
    for l, dZ, A_prev, W in ((3, dZ3, A2, W3), (2, dZ2, A1, W2), (1, dZ1, X, W1)):
        gradients[f"dW{l}"] = dZ @ A_prev.T / m + lambd / m * W
        gradients[f"db{l}"] = np.sum(dZ, axis=1, keepdims=True) / m
    return gradients


def initialize_parameters_he(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        scale = np.sqrt(2 / layers_dims[l - 1])
        parameters[f"W{l}"] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale
        parameters[f"b{l}"] = np.zeros((layers_dims[l], 1))
    return parameters


def predict(X, Y, parameters):
    return (three_layer_forward(X, parameters)[0] > 0.5).astype(float)


def make_regularization_model(compute_cost_with_regularization=None, calls=None):
    """A regularization_model with the notebook's signature (L2 only; dropout trains plainly),
    which calls ``compute_cost_with_regularization`` when lambd != 0."""

    def regularization_model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True,
                             lambd=0, keep_prob=1):  # fmt: skip
        if calls is not None:
            calls.append((lambd, keep_prob, num_iterations, print_cost))
        np.random.seed(3)
        dims = [X.shape[0], 6, 3, 1]
        parameters = {}
        for l in range(1, 4):
            parameters[f"W{l}"] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
            parameters[f"b{l}"] = np.zeros((dims[l], 1))
        costs = []
        for i in range(num_iterations):
            A3, cache = three_layer_forward(X, parameters)
            if lambd != 0 and compute_cost_with_regularization is not None:
                cost = compute_cost_with_regularization(A3, Y, parameters, lambd)
            else:
                cost = float(-np.mean(Y * np.log(A3 + 1e-12) + (1 - Y) * np.log(1 - A3 + 1e-12)))
            grads = three_layer_backward(X, Y, cache, lambd)
            parameters = {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}
            if i % 10 == 0:
                costs.append(cost)
        return parameters, costs

    return regularization_model


@pytest.fixture
def field():
    """A small goalkeeper-like split: label 1 above a bent line, 60 train / 40 test points."""
    rng = np.random.default_rng(2)
    X = rng.uniform(-1, 1, size=(2, 100))
    Y = (X[1:2] > 0.3 * np.sin(2 * X[0:1])).astype(float)
    return X[:, :60], Y[:, :60], X[:, 60:], Y[:, 60:]


# ============================================================== the regularization explorer
def _regularization(model, data, **kwargs):
    options = {"lambdas": (0.0, 0.1, 1.0), "keep_probs": (0.8, 1.0), "iterations": (20, 50),
               "num_iterations": 50}  # fmt: skip
    options.update(kwargs)
    return widgets.regularization_explorer(model, predict, *data, **options)


def test_regularization_explorer_builds_headless_and_shows_the_first_run(field):
    figures_before = plt.get_fignums()
    calls = []
    explorer = _regularization(make_regularization_model(calls=calls), field)
    assert isinstance(explorer, ipywidgets.VBox)
    assert calls == [(0.0, 1.0, 50, False)]
    run = explorer.runs[(0.0, 1.0, 50)]
    train_X, train_Y, test_X, test_Y = field
    parameters, _ = make_regularization_model()(train_X, train_Y, num_iterations=50)
    expected = 100 * np.mean(predict(train_X, train_Y, parameters) == train_Y)
    assert run.train_accuracy == pytest.approx(expected)
    assert run.label == "no regularization"
    status = _text(explorer.status.value)
    assert "no regularization, 50 iterations" in status
    assert f"train accuracy {run.train_accuracy:.1f} %" in status
    assert f"test accuracy {run.test_accuracy:.1f} %" in status
    picture = _png(explorer.plot)
    assert picture.size[0] > 600 and picture.size[1] > 300  # two boundaries side by side
    assert explorer.lambda_slider.continuous_update is False
    assert plt.get_fignums() == figures_before  # figures are closed after rendering


def test_regularization_explorer_retrains_on_a_slider_and_remembers_runs(field):
    calls = []
    explorer = _regularization(make_regularization_model(calls=calls), field)
    first_png = explorer.plot.outputs[0]["data"]["image/png"]
    explorer.lambda_slider.value = 1.0  # observers fire without a frontend
    assert calls[-1] == (1.0, 1.0, 50, False)
    assert "L2, λ = 1, 50 iterations" in _text(explorer.status.value)
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png
    explorer.lambda_slider.value = 0.0  # remembered: no new training
    assert len(calls) == 2
    explorer.keep_prob_slider.value = 0.8
    assert calls[-1] == (0.0, 0.8, 50, False)
    assert "dropout, keep_prob = 0.8" in _text(explorer.status.value)
    run = explorer.update()
    assert run is explorer.runs[(0.0, 0.8, 50)] and len(calls) == 3
    assert explorer.lambda_slider.disabled is False


def test_regularization_explorer_uses_one_regularizer_at_a_time(field):
    calls = []
    explorer = _regularization(make_regularization_model(calls=calls), field)
    explorer.keep_prob_slider.value = 0.8
    explorer.lambda_slider.value = 0.1
    assert "one regularizer at a time" in _text(explorer.status.value)
    assert (0.1, 0.8, 50) not in explorer.runs and len(calls) == 2
    assert explorer.update() is None


def test_regularization_explorer_names_the_unwritten_learner_function(field):
    def compute_cost_with_regularization(A3, Y, parameters, lambd):
        raise NotImplementedError()

    model = make_regularization_model(compute_cost_with_regularization)
    explorer = _regularization(model, field, lambd=0.1)
    status = _text(explorer.status.value)
    assert "Your `compute_cost_with_regularization` is not written yet" in status
    assert "Traceback" not in status
    assert explorer.plot.outputs == ()
    explorer.lambda_slider.value = 0.0  # the plain model does not need it: it trains
    assert "no regularization" in _text(explorer.status.value)


def test_regularization_explorer_explains_a_model_that_returns_the_wrong_thing(field):
    explorer = _regularization(lambda X, Y, **kwargs: {"W1": 1}, field)
    assert "should return (parameters, costs)" in _text(explorer.status.value)


def test_regularization_explorer_puts_the_learners_random_state_back(field):
    np.random.seed(2024)
    expected_next = np.random.RandomState(2024).randn(3)
    _regularization(make_regularization_model(), field)
    np.testing.assert_array_equal(np.random.randn(3), expected_next)


@pytest.mark.parametrize(
    ("model", "kwargs", "message"),
    [
        ("model", {}, "expected the function `regularization_model`"),
        (None, {"lambdas": (0.0, -1.0)}, "lambdas must hold numbers in [0, inf]"),
        (None, {"keep_probs": (0.0, 1.0)}, "keep_probs must hold numbers in (0, 1]"),
        (None, {"keep_probs": (0.5, 1.5)}, "keep_probs must hold numbers in (0, 1]"),
        (None, {"lambd": 0.7}, "not one of the slider's values"),
        (None, {"iterations": (10, 10)}, "the same value twice"),
    ],
)
def test_regularization_explorer_rejects_bad_arguments(field, model, kwargs, message):
    model = make_regularization_model() if model is None else model
    with pytest.raises(ValueError, match=re.escape(message)):
        _regularization(model, field, **kwargs)


def test_regularization_explorer_rejects_points_as_rows(field):
    train_X, train_Y, test_X, test_Y = field
    with pytest.raises(ValueError, match=re.escape("pass X.T")):
        widgets.regularization_explorer(
            make_regularization_model(), predict, train_X.T, train_Y, test_X, test_Y
        )


# ============================================================== the initialization explorer
def _initialization(data, he=initialize_parameters_he, forward=three_layer_forward, **kwargs):
    options = {"scales": (0.01, 1.0, 10.0), "iterations": (30, 100), "num_iterations": 100,
               "layers_dims": (2, 4, 3, 1), "learning_rate": 0.05}  # fmt: skip
    options.update(kwargs)
    return widgets.initialization_explorer(he, forward, three_layer_backward, *data, **options)


def test_initialization_explorer_builds_headless_with_the_he_reference(field):
    figures_before = plt.get_fignums()
    explorer = _initialization(field)
    assert isinstance(explorer, ipywidgets.VBox)
    assert explorer.scale_slider.value == 10.0 and explorer.iterations_slider.value == 100
    assert set(explorer.runs) == {(10.0, 100), ("He", 100)}
    run = explorer.runs[(10.0, 100)]
    assert run.label == "randn × 10" and len(run.costs) == 1  # one cost per 100 iterations
    he_run = explorer.runs[("He", 100)]
    assert he_run.costs[0] < 1.0  # He's start: a moderate first cost
    status = _text(explorer.status.value)
    assert "randn × 10, 100 iterations: first cost" in status and "He: first cost" in status
    assert f"test accuracy {he_run.test_accuracy:.1f} %" in status
    assert _png(explorer.plot).size[0] > 400
    assert plt.get_fignums() == figures_before


def test_initialization_explorer_draws_the_weights_from_the_scale(field):
    seen = []

    def recording_forward(X, parameters):
        if not seen:
            seen.append({key: value.copy() for key, value in parameters.items()})
        return three_layer_forward(X, parameters)

    _initialization(field, forward=recording_forward, scale=0.01, num_iterations=30)
    np.random.seed(3)
    expected = np.random.randn(4, 2) * 0.01
    np.testing.assert_allclose(seen[0]["W1"], expected)
    assert np.all(seen[0]["b2"] == 0)


def test_initialization_explorer_retrains_on_a_slider_and_remembers_runs(field):
    explorer = _initialization(field)
    explorer.scale_slider.value = 1.0
    assert (1.0, 100) in explorer.runs
    assert "randn × 1, 100 iterations:" in _text(explorer.status.value)
    explorer.iterations_slider.value = 30
    assert {(1.0, 30), ("He", 30)} <= set(explorer.runs)
    assert len(explorer.runs[(1.0, 30)].costs) == 1
    count = len(explorer.runs)
    explorer.iterations_slider.value = 100  # remembered
    explorer.scale_slider.value = 10.0
    assert len(explorer.runs) == count
    assert explorer.update() is explorer.runs[(10.0, 100)]


def test_initialization_explorer_with_an_unwritten_he_still_shows_the_scale_run(field):
    def initialize_parameters_he(layers_dims):
        raise NotImplementedError()

    explorer = _initialization(field, he=initialize_parameters_he)
    status = _text(explorer.status.value)
    assert "randn × 10, 100 iterations: first cost" in status
    assert "Your `initialize_parameters_he` is not written yet" in status
    assert "Traceback" not in status
    assert len(explorer.plot.outputs) == 1  # the scale run's curve is still drawn


def test_initialization_explorer_names_a_failing_forward_function(field):
    def three_layer_forward(X, parameters):
        raise ValueError("shapes (4,2) and (3,60) not aligned")

    explorer = _initialization(field, forward=three_layer_forward)
    status = _text(explorer.status.value)
    assert "Your `three_layer_forward` raised ValueError: shapes (4,2) and (3,60)" in status
    assert explorer.plot.outputs == () and explorer.update() is None


def test_initialization_explorer_checks_what_he_returns(field):
    explorer = _initialization(field, he=lambda dims: {"W1": np.zeros((2, 2))})
    status = _text(explorer.status.value)
    expected = "from your `initialize_parameters_he` has shape (2, 2); expected shape (4, 2)"
    assert f"parameters['W1'] {expected}" in status


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"he": "he"}, "expected the function `initialize_parameters_he`"),
        ({"scales": (0.0, 1.0)}, "scales must hold positive numbers"),
        ({"scale": 3.0}, "not one of the slider's values"),
        ({"learning_rate": 0}, "learning_rate must be positive"),
        ({"layers_dims": (3, 4, 1)}, "must start with the number of input features"),
    ],
)
def test_initialization_explorer_rejects_bad_arguments(field, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        _initialization(field, **kwargs)
