"""Tests of plot_decision_boundary and decision_boundary_explorer, headless (Agg, no frontend)."""

from __future__ import annotations

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

from helpers import plotting, widgets  # noqa: E402


def right_half(points):
    """A stand-in classifier: 1 where x1 > 0, as (1, k) floats like the course's predict."""
    return (points[0:1] > 0).astype(float)


CORNERS = np.array([[-4.0, 4.0, -4.0, 4.0], [-4.0, -4.0, 4.0, 4.0]])
CORNER_LABELS = np.array([[0, 1, 0, 1]])


def _pixel(fig: Figure, ax, x: float, y: float) -> tuple[float, float, float]:
    """The RGB colour (0..1) the figure shows at the data point (x, y)."""
    fig.canvas.draw()
    image = np.asarray(fig.canvas.buffer_rgba())
    px, py = ax.transData.transform((x, y))
    row = image.shape[0] - int(round(py))
    return tuple(image[row, int(round(px)), :3] / 255)


# ===================================================================== plot_decision_boundary
def test_plot_decision_boundary_colours_each_side_by_the_prediction():
    fig = plotting.plot_decision_boundary(right_half, CORNERS, CORNER_LABELS)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    right = _pixel(fig, ax, 2.0, 1.0)
    left = _pixel(fig, ax, -2.0, 1.0)
    np.testing.assert_allclose(right, to_rgb(plotting.REGION_COLORS[1]), atol=0.02)
    np.testing.assert_allclose(left, to_rgb(plotting.REGION_COLORS[0]), atol=0.02)


def test_plot_decision_boundary_draws_the_points_by_class_with_labels_and_legend():
    fig = plotting.plot_decision_boundary(right_half, CORNERS, CORNER_LABELS, title="Halves")
    ax = fig.axes[0]
    assert ax.get_title() == "Halves"
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    scatters = [c for c in ax.collections if c.get_label() in ("y = 0", "y = 1")]
    assert [c.get_label() for c in scatters] == ["y = 0", "y = 1"]
    for label, scatter in enumerate(scatters):
        np.testing.assert_allclose(scatter.get_offsets(), CORNERS[:, CORNER_LABELS[0] == label].T)
        np.testing.assert_allclose(
            scatter.get_facecolor()[0][:3], to_rgb(plotting.CLASS_COLORS[label])
        )
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["y = 0", "y = 1", "predicted 0", "predicted 1"]
    # the plotted area covers the data with a margin on every side
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < -4 and x1 > 4 and y0 < -4 and y1 > 4
    default = plotting.plot_decision_boundary(right_half, CORNERS, CORNER_LABELS)
    assert default.axes[0].get_title() == "Decision boundary"


def test_plot_decision_boundary_asks_about_a_grid_of_points_as_columns():
    seen = []

    def recording(points):
        seen.append(points.copy())
        return right_half(points)

    X = np.array([[0.0, 10.0, 3.0], [0.0, 2.0, 1.0]])  # wide data: the grid follows its shape
    plotting.plot_decision_boundary(recording, X, np.array([[0, 1, 1]]))
    assert len(seen) == 1
    grid = seen[0]
    assert grid.ndim == 2 and grid.shape[0] == 2 and grid.shape[1] > 1000
    assert grid[0].min() < 0 and grid[0].max() > 10 and grid[1].min() < 0 and grid[1].max() > 2
    assert len(np.unique(grid[0])) > len(np.unique(grid[1]))  # more steps along the long side


@pytest.mark.parametrize(
    "predict_fn",
    [
        lambda P: (P[0] > 0).astype(int),  # (k,) like a scikit-learn model's predict(P.T)
        lambda P: P[0:1] > 0,  # booleans
        lambda P: (P[0:1] > 0).astype(np.int64).T,  # (k, 1)
    ],
)
def test_plot_decision_boundary_accepts_other_label_layouts(predict_fn):
    fig = plotting.plot_decision_boundary(predict_fn, CORNERS, CORNER_LABELS[0])
    ax = fig.axes[0]
    np.testing.assert_allclose(
        _pixel(fig, ax, 2.0, 1.0), to_rgb(plotting.REGION_COLORS[1]), atol=0.02
    )


def test_plot_decision_boundary_draws_into_a_given_axes_without_legend():
    fig, axes = plt.subplots(1, 2)
    returned = plotting.plot_decision_boundary(
        right_half, CORNERS, CORNER_LABELS, title="left", ax=axes[0]
    )
    assert returned is fig
    assert axes[0].get_title() == "left" and axes[0].get_legend() is None
    assert not axes[1].collections  # the other subplot is untouched


def test_plot_decision_boundary_with_a_constant_prediction():
    fig = plotting.plot_decision_boundary(
        lambda P: np.zeros((1, P.shape[1])), CORNERS, CORNER_LABELS
    )
    ax = fig.axes[0]
    for x in (-2.0, 2.0):
        np.testing.assert_allclose(
            _pixel(fig, ax, x, 1.0), to_rgb(plotting.REGION_COLORS[0]), atol=0.02
        )


def _raises_not_implemented(points):
    raise NotImplementedError()


@pytest.mark.parametrize(
    ("predict_fn", "X", "Y", "message"),
    [
        (right_half, CORNERS.T, CORNER_LABELS, "pass X.T"),
        (right_half, np.zeros((3, 4)), CORNER_LABELS, "shape (2, m)"),
        (right_half, np.zeros((2, 0)), np.zeros((1, 0)), "holds no points"),
        (right_half, np.array([[0.0, np.nan], [0.0, 1.0]]), [[0, 1]], "NaN"),
        (right_half, CORNERS, CORNER_LABELS[:, :3], "Y must have shape (1, 4)"),
        (right_half, CORNERS, [[0, 1, 2, 1]], "only 0 and 1, found 2"),
        (right_half, CORNERS, [[0, 1, 0.5, 1]], "probabilities"),
        ("predict", CORNERS, CORNER_LABELS, "must be a function"),
        (lambda P: 1 / (1 + np.exp(-P[0:1])), CORNERS, CORNER_LABELS, "probabilities"),
        (lambda P: P[0:1, :10] > 0, CORNERS, CORNER_LABELS, "one label per point"),
        (_raises_not_implemented, CORNERS, CORNER_LABELS, "predict_fn raised NotImplementedError"),
    ],
)
def test_plot_decision_boundary_rejects_bad_input_with_a_helpful_message(predict_fn, X, Y, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_decision_boundary(predict_fn, X, Y)


# ============================================================= plot_points, plot_activations
def test_plot_points_draws_each_class_in_its_colour():
    fig = plotting.plot_points(CORNERS, CORNER_LABELS, title="Corners")
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    ax = fig.axes[0]
    assert ax.get_title() == "Corners"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["y = 0", "y = 1"]
    for label, scatter in enumerate(ax.collections):
        np.testing.assert_allclose(scatter.get_offsets(), CORNERS[:, CORNER_LABELS[0] == label].T)
        np.testing.assert_allclose(
            scatter.get_facecolor()[0][:3], to_rgb(plotting.CLASS_COLORS[label])
        )
    assert plotting.plot_points(CORNERS, CORNER_LABELS[0]).axes[0].get_title() == "Data set"


def test_plot_points_rejects_points_as_rows():
    with pytest.raises(ValueError, match=re.escape("pass X.T")):
        plotting.plot_points(CORNERS.T, CORNER_LABELS)


def test_plot_activations_draws_each_function_and_its_derivative():
    z = np.linspace(-2, 2, 5)
    relu = (np.maximum(0, z), (z > 0).astype(float))
    leaky = (np.maximum(0.01 * z, z), np.where(z > 0, 1.0, 0.01))
    fig = plotting.plot_activations(z, {"ReLU": relu, "leaky ReLU": leaky}, dashed="leaky ReLU")
    left, right = fig.axes
    assert left.get_title() == "activation g(z)" and right.get_title() == "derivative g'(z)"
    for ax, part in ((left, 0), (right, 1)):
        lines = [line for line in ax.lines if line.get_label() in ("ReLU", "leaky ReLU")]
        assert [line.get_label() for line in lines] == ["ReLU", "leaky ReLU"]
        assert [line.get_linestyle() for line in lines] == ["-", "--"]
        np.testing.assert_allclose(lines[1].get_ydata(), leaky[part])
    assert left.get_ylim() == (-1.2, 2.2)


@pytest.mark.parametrize(
    ("z", "activations", "message"),
    [
        (np.zeros((2, 3)), {"f": (np.zeros(3), np.zeros(3))}, "z must be a non-empty array"),
        (np.zeros(3), {}, "non-empty dict"),
        (np.zeros(3), {"f": np.zeros(3)}, "must be a pair"),
        (np.zeros(3), {"f": (np.zeros(3), np.zeros(4))}, "g'(z) of 'f' must have shape (3,)"),
    ],
)
def test_plot_activations_rejects_bad_input(z, activations, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_activations(z, activations)


# ============================================ plot_decision_boundaries, accuracy by hidden size
def test_plot_decision_boundaries_fills_a_grid_row_by_row():
    left_half = lambda P: (P[0:1] < 0).astype(float)  # noqa: E731
    panels = [
        (right_half, CORNERS, CORNER_LABELS, "first"),
        (left_half, CORNERS, 1 - CORNER_LABELS, "second"),
        (right_half, CORNERS, CORNER_LABELS, "third"),
    ]
    fig = plotting.plot_decision_boundaries(panels, ncols=2, panel_size=(3.0, 2.5))
    assert tuple(fig.get_size_inches()) == (6.0, 5.0)
    assert [ax.get_title() for ax in fig.axes] == ["first", "second", "third", ""]
    assert not fig.axes[3].axison and fig.axes[2].axison
    assert all(ax.get_legend() is None for ax in fig.axes)
    np.testing.assert_allclose(
        _pixel(fig, fig.axes[1], -2.0, 1.0), to_rgb(plotting.REGION_COLORS[1]), atol=0.02
    )


def test_plot_decision_boundaries_names_the_panel_that_failed():
    panels = [(right_half, CORNERS, CORNER_LABELS, "fine"), (right_half, CORNERS.T, [0], "bad")]
    figures_before = plt.get_fignums()
    with pytest.raises(ValueError, match=re.escape("panels[1] ('bad'):")):
        plotting.plot_decision_boundaries(panels)
    assert plt.get_fignums() == figures_before  # no half-drawn figure left open
    with pytest.raises(ValueError, match="panels is empty"):
        plotting.plot_decision_boundaries([])
    with pytest.raises(ValueError, match=re.escape("panels[0] must be a tuple")):
        plotting.plot_decision_boundaries([(right_half, CORNERS, CORNER_LABELS)])


def test_plot_accuracy_by_hidden_size_draws_the_accuracies_and_the_baseline():
    fig = plotting.plot_accuracy_by_hidden_size({4: 92.8, 1: 65.2, 20: 94.5}, 51.5)
    ax = fig.axes[0]
    curve, baseline = ax.lines
    np.testing.assert_allclose(curve.get_xdata(), [1, 4, 20])
    np.testing.assert_allclose(curve.get_ydata(), [65.2, 92.8, 94.5])
    np.testing.assert_allclose(baseline.get_ydata(), [51.5, 51.5])
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["logistic regression"]
    alone = plotting.plot_accuracy_by_hidden_size({2: np.float64(80.0)}).axes[0]
    assert len(alone.lines) == 1 and alone.get_legend() is None


@pytest.mark.parametrize(
    ("accuracies", "message"),
    [
        ([65.2, 92.8], "non-empty dict"),
        ({0: 50.0}, "each n_h must be a positive integer"),
        ({1: [50.0, 60.0]}, "accuracies[1] must be one number"),
    ],
)
def test_plot_accuracy_by_hidden_size_rejects_bad_input(accuracies, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_accuracy_by_hidden_size(accuracies)


# ================================================================= decision-boundary explorer
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def tiny_nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    """A real little tanh network with the course's signature (learning rate 1.2)."""
    m = X.shape[1]
    W1, b1 = np.random.randn(n_h, X.shape[0]) * 0.01, np.zeros((n_h, 1))
    W2, b2 = np.random.randn(1, n_h) * 0.01, np.zeros((1, 1))
    for _ in range(num_iterations):
        A1 = np.tanh(W1 @ X + b1)
        A2 = _sigmoid(W2 @ A1 + b2)
        dZ2 = A2 - Y
        dZ1 = (W2.T @ dZ2) * (1 - A1**2)
        W2, b2 = W2 - 1.2 * dZ2 @ A1.T / m, b2 - 1.2 * dZ2.sum(axis=1, keepdims=True) / m
        W1, b1 = W1 - 1.2 * dZ1 @ X.T / m, b1 - 1.2 * dZ1.sum(axis=1, keepdims=True) / m
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def tiny_predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return (_sigmoid(parameters["W2"] @ A1 + parameters["b2"]) > 0.5).astype(float)


@pytest.fixture
def point_sets():
    """Two small 2-D sets: XOR-like quadrants (needs a hidden layer) and two blobs."""
    rng = np.random.default_rng(5)
    X = rng.uniform(-1, 1, size=(2, 80))
    quadrants = (X, ((X[0] > 0) != (X[1] > 0)).astype(int).reshape(1, -1))
    blobs_X = np.hstack([rng.normal(-2, 0.5, (2, 30)), rng.normal(2, 0.5, (2, 30))])
    blobs = (blobs_X, np.array([[0] * 30 + [1] * 30]))
    return {"quadrants": quadrants, "blobs": blobs}


def _small(nn_model=tiny_nn_model, predict=tiny_predict, sets=None, **kwargs):
    kwargs.setdefault("hidden_sizes", (1, 4))
    kwargs.setdefault("iterations", (50, 300))
    kwargs.setdefault("num_iterations", 300)
    return widgets.decision_boundary_explorer(nn_model, predict, sets, **kwargs)


def test_explorer_builds_headless_and_shows_the_first_run(point_sets):
    figures_before = plt.get_fignums()
    explorer = _small(sets=point_sets)
    assert isinstance(explorer, ipywidgets.VBox)
    assert explorer.dataset_dropdown.value == "quadrants"
    assert list(explorer.dataset_dropdown.options) == ["quadrants", "blobs"]
    assert explorer.hidden_size_slider.value == 4
    assert explorer.iterations_slider.value == 300
    assert explorer.hidden_size_slider.continuous_update is False
    X, Y = point_sets["quadrants"]
    np.random.seed(widgets.EXPLORER_SEED)
    expected = tiny_nn_model(X, Y, 4, num_iterations=300)
    accuracy = 100 * np.mean(tiny_predict(expected, X) == Y)
    assert accuracy > 80  # the tiny network really learned the quadrants
    run = explorer.runs[("quadrants", 4, 300)]
    assert run.accuracy == pytest.approx(accuracy)
    np.testing.assert_allclose(run.parameters["W1"], expected["W1"])
    assert f"accuracy {accuracy:.1f} % on its 80 points" in _text(explorer.status.value)
    picture = _png(explorer.plot)
    assert picture.size[0] > 300 and picture.size[1] > 300
    assert plt.get_fignums() == figures_before  # figures are closed after rendering


def test_explorer_updates_when_a_control_changes_and_remembers_runs(point_sets):
    calls = []

    def counting(X, Y, n_h, num_iterations=10000, print_cost=False):
        calls.append((X.shape[1], n_h, num_iterations, print_cost))
        return tiny_nn_model(X, Y, n_h, num_iterations)

    explorer = _small(nn_model=counting, sets=point_sets)
    first_png = explorer.plot.outputs[0]["data"]["image/png"]
    assert calls == [(80, 4, 300, False)]

    explorer.dataset_dropdown.value = "blobs"  # observers fire without a frontend
    assert calls[-1] == (60, 4, 300, False)
    assert "blobs, n_h = 4, 300 iterations" in _text(explorer.status.value)
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png

    explorer.hidden_size_slider.value = 1
    explorer.iterations_slider.value = 50
    assert calls[-1] == (60, 1, 50, False)
    explorer.dataset_dropdown.value = "quadrants"  # (quadrants, 1, 50): new
    explorer.hidden_size_slider.value = 4  # (quadrants, 4, 50): new
    explorer.iterations_slider.value = 300  # (quadrants, 4, 300): remembered
    assert len(calls) == 6
    assert set(explorer.runs) == {
        ("quadrants", 4, 300),
        ("blobs", 4, 300),
        ("blobs", 1, 300),
        ("blobs", 1, 50),
        ("quadrants", 1, 50),
        ("quadrants", 4, 50),
    }
    assert "quadrants, n_h = 4, 300 iterations" in _text(explorer.status.value)
    assert explorer.dataset_dropdown.disabled is False


def test_explorer_update_returns_the_run_and_same_settings_give_the_same_picture(point_sets):
    a = _small(sets=point_sets)
    b = _small(sets=point_sets)
    assert a.update() is a.runs[("quadrants", 4, 300)]
    assert a.plot.outputs[0]["data"]["image/png"] == b.plot.outputs[0]["data"]["image/png"]


def test_explorer_puts_the_learners_random_state_back(point_sets):
    np.random.seed(2024)
    expected_next = np.random.RandomState(2024).randn(3)
    _small(sets=point_sets)
    np.testing.assert_array_equal(np.random.randn(3), expected_next)


def test_explorer_with_an_unwritten_nn_model_shows_a_friendly_message(point_sets):
    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        raise NotImplementedError()

    explorer = _small(nn_model=nn_model, sets=point_sets)
    status = _text(explorer.status.value)
    assert "Your `nn_model` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == ()
    explorer.hidden_size_slider.value = 1  # moving a control still does not raise
    assert "not written yet" in _text(explorer.status.value)
    assert explorer.update() is None


@pytest.mark.parametrize(
    ("nn_model", "predict", "message"),
    [
        (lambda X, Y, n_h, **k: (_ for _ in ()).throw(ValueError("shapes (4,2) and (3,80)")),
         tiny_predict, "Your `nn_model` raised ValueError: shapes (4,2) and (3,80)"),
        (lambda X, Y, n_h, **k: [1, 2], tiny_predict, "should return the parameters dict"),
        (tiny_nn_model, lambda p, X: (_ for _ in ()).throw(NotImplementedError()),
         "Your `predict` is not written yet"),
        (tiny_nn_model, lambda p, X: _sigmoid(p["W2"] @ np.tanh(p["W1"] @ X + p["b1"])),
         "values other than 0 and 1"),
        (tiny_nn_model, lambda p, X: np.zeros((1, 3)), "shape (1, 3) for 80 points"),
    ],
)  # fmt: skip
def test_explorer_explains_broken_learner_functions(point_sets, nn_model, predict, message):
    explorer = _small(nn_model=nn_model, predict=predict, sets=point_sets)
    assert message in _text(explorer.status.value)
    assert explorer.plot.outputs == ()


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((tiny_nn_model, tiny_predict, {}), {}, "non-empty dict"),
        ((tiny_nn_model, tiny_predict, [1]), {}, "non-empty dict"),
        ((tiny_nn_model, tiny_predict, {"a": (np.zeros((80, 2)), np.zeros((1, 80)))}), {},
         "pass X.T"),
        ((tiny_nn_model, tiny_predict, {"a": (np.zeros((2, 5)), np.array([[0, 1, 2, 0, 1]]))}),
         {}, "only 0 and 1"),
        ((tiny_nn_model, tiny_predict, {"a": np.zeros((2, 5))}), {}, "must be a pair (X, Y)"),
        (("nn_model", tiny_predict, None), {}, "your function `nn_model`"),
        ((tiny_nn_model, None, None), {}, "your function `predict`"),
        ((tiny_nn_model, tiny_predict, None), {"n_h": 7}, "not one of the slider's values"),
        ((tiny_nn_model, tiny_predict, None), {"dataset": "moons"}, "is not one of"),
        ((tiny_nn_model, tiny_predict, None), {"hidden_sizes": (1, 2.5)}, "positive whole"),
    ],
)  # fmt: skip
def test_explorer_rejects_bad_arguments(point_sets, args, kwargs, message):
    nn_model, predict, sets = args
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.decision_boundary_explorer(
            nn_model, predict, point_sets if sets is None else sets, **kwargs
        )
