"""Tests of week c2w2's helpers: the temperature and moons loaders, the new figures of
helpers.plotting and the optimizer-paths and averages explorers, headless (Agg, no frontend,
no kernel)."""

from __future__ import annotations

import hashlib
import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from widget_support import _close_figures  # noqa: E402, F401
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402
from helpers.datasets import optimization  # noqa: E402

# SHA-256 of days (little-endian int64) and temperatures (little-endian float64), computed with
# load_temperatures() when the generator was written. The c2w2 notebook's stated results depend
# on these exact numbers: if you change the generator on purpose, update the hash and
# re-measure the notebook.
TEMPERATURES_SHA256 = "27ad2386f6493e5dfbf6edc617fbbf9112135768929c5f85da4b4ef53a52acb4"


# ==================================================================================== loaders
def test_temperatures_are_a_year_of_days_and_numbers():
    days, temperatures = datasets.load_temperatures()
    assert days.shape == (365,) and temperatures.shape == (365,)
    assert days.dtype == np.int64 and temperatures.dtype == np.float64
    np.testing.assert_array_equal(days, np.arange(1, 366))
    assert np.all(np.isfinite(temperatures))
    np.testing.assert_array_equal(temperatures, np.round(temperatures, 1))  # 0.1 °C readings


def test_temperatures_are_the_pinned_ones():
    days, temperatures = datasets.load_temperatures()
    digest = hashlib.sha256(np.ascontiguousarray(days, dtype="<i8").tobytes())
    digest.update(np.ascontiguousarray(temperatures, dtype="<f8").tobytes())
    assert digest.hexdigest() == TEMPERATURES_SHA256


def test_temperatures_follow_the_seasons_with_noisy_days():
    days, temperatures = datasets.load_temperatures()
    winter = temperatures[(days <= 45) | (days > 350)]
    summer = temperatures[(days > 180) & (days <= 225)]
    assert winter.mean() < 10 < 24 < summer.mean()
    weather = temperatures - optimization.seasonal_temperature(days)
    assert 1.5 < np.std(weather) < 3.5  # the day-to-day weather around the season
    assert abs(np.mean(weather)) < 1.0
    # warm and cold spells last a few days: today's departure follows yesterday's
    assert np.corrcoef(weather[:-1], weather[1:])[0, 1] > 0.4


def test_moons_are_two_balanced_classes_as_columns():
    X, Y = datasets.load_moons()
    assert X.shape == (2, 300) and Y.shape == (1, 300)
    assert X.dtype == np.float64 and Y.dtype == np.float64
    assert set(np.unique(Y)) == {0.0, 1.0} and int(Y.sum()) == 150
    # the upper moon (class 0) lies above the lower one (class 1) on average
    assert X[1, Y[0] == 0].mean() > X[1, Y[0] == 1].mean() + 0.5


@pytest.mark.parametrize("loader", [datasets.load_temperatures, datasets.load_moons])
def test_loaders_are_deterministic_and_return_fresh_copies(loader):
    first = loader()
    for array in first:
        array[...] = 0
    second, third = loader(), loader()
    for a, b in zip(second, third, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.all(second[0] == 0) and not np.all(second[1] == 0)


# =================================================================================== figures
def test_plot_costs_per_step_draws_one_panel_per_curve_on_one_scale():
    curves = {"batch": [0.7, 0.6, 0.5], "mini-batches of 64": np.array([0.7, 0.65, 0.4, 0.5])}
    fig = plotting.plot_costs_per_step(curves, title="Noisy")
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert [ax.get_title() for ax in fig.axes] == ["batch", "mini-batches of 64"]
    np.testing.assert_allclose(fig.axes[1].lines[0].get_ydata(), [0.7, 0.65, 0.4, 0.5])
    np.testing.assert_allclose(fig.axes[1].lines[0].get_xdata(), [0, 1, 2, 3])
    assert fig.axes[0].get_shared_y_axes().joined(fig.axes[0], fig.axes[1])
    assert fig._suptitle.get_text() == "Noisy"
    assert "update" in fig.axes[0].get_xlabel()


def test_plot_costs_per_step_rejects_bad_input():
    with pytest.raises(ValueError, match=re.escape("non-empty dict")):
        plotting.plot_costs_per_step([0.7, 0.5])


def test_plot_temperatures_draws_the_dots_and_each_average():
    days = np.arange(1, 11)
    temperatures = np.linspace(5.0, 14.0, 10)
    averages = {"β = 0.9": temperatures * 0.5, "β = 0.5": temperatures * 0.9}
    fig = plotting.plot_temperatures(days, temperatures, averages, title="Ten days")
    ax = fig.axes[0]
    assert ax.get_title() == "Ten days" and ax.get_ylabel() == "temperature (°C)"
    assert [line.get_label() for line in ax.lines] == ["β = 0.9", "β = 0.5"]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), temperatures * 0.5)
    assert len(ax.collections) == 1  # the dots
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "temperature"
    start = plotting.plot_temperatures(days, temperatures, averages, last_day=4).axes[0]
    np.testing.assert_allclose(start.lines[1].get_xdata(), [1, 2, 3, 4])


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((np.arange(3), [1.0, 2.0]), {}, "has 2 numbers, but there are 3 days"),
        ((np.arange(3), [1.0, 2.0, 3.0], {"a": [1.0]}), {}, "averages['a'] has 1 numbers"),
        ((np.arange(3), [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]), {}, "averages must be a dict"),
        ((np.arange(3), np.ones((3, 1))), {}, "non-empty 1-D array"),
        ((np.arange(1, 4), [1.0, 2.0, 3.0]), {"last_day": 0}, "no day is on or before"),
    ],
)
def test_plot_temperatures_rejects_bad_input(args, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_temperatures(*args, **kwargs)


def test_plot_bias_correction_puts_the_two_averages_side_by_side():
    days, temperatures = datasets.load_temperatures()
    plain = np.cumsum(temperatures) / 100
    corrected = temperatures.copy()
    fig = plotting.plot_bias_correction(days, temperatures, plain, corrected, 0.98, days_shown=30)
    left, right = fig.axes
    assert "without bias correction" in left.get_title() and "30 days" in left.get_title()
    assert "with bias correction" in right.get_title()
    np.testing.assert_allclose(left.lines[0].get_ydata(), plain[:30])
    np.testing.assert_allclose(right.lines[0].get_ydata(), corrected[:30])
    assert "0.98" in left.lines[0].get_label()
    assert left.get_shared_y_axes().joined(left, right)


def test_plot_learning_rate_schedules_draws_each_schedule():
    epochs = np.arange(1, 6)
    schedules = {"inverse": 0.1 / (1 + epochs), "exponential": 0.1 * 0.95**epochs}
    fig = plotting.plot_learning_rate_schedules(epochs, schedules, title="Decay")
    ax = fig.axes[0]
    assert ax.get_title() == "Decay" and ax.get_xlabel() == "epoch"
    assert [line.get_label() for line in ax.lines] == ["inverse", "exponential"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), schedules["exponential"])
    log = plotting.plot_learning_rate_schedules(epochs, schedules, log_scale=True).axes[0]
    assert log.get_yscale() == "log"
    with pytest.raises(ValueError, match=re.escape("has 2 rates for 5 epochs")):
        plotting.plot_learning_rate_schedules(epochs, {"short": [0.1, 0.05]})
    with pytest.raises(ValueError, match=re.escape("non-empty dict")):
        plotting.plot_learning_rate_schedules(epochs, {})


def test_plot_epoch_costs_counts_epochs():
    fig = plotting.plot_epoch_costs({"Adam": [0.7, 0.3, 0.1]}, every=100, title="Epochs")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "epochs" and ax.get_title() == "Epochs"
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [0, 100, 200])


def _valley(W, b):
    return 0.5 * (0.1 * W**2 + 10 * b**2)


LIMITS = ((-4.5, 1.5), (-1.5, 1.5))


def test_plot_optimizer_paths_draws_every_path_in_the_same_window():
    paths = {
        "gradient descent": np.array([[-4.0, 1.0], [-3.9, -0.8], [-3.8, 0.6]]),
        "Adam": np.array([[-4.0, 1.0], [-3.0, 0.5], [0.0, 0.0]]),
    }
    fig = plotting.plot_optimizer_paths(_valley, paths, LIMITS, title="Two", ncols=2)
    assert len(fig.axes) == 2 and fig._suptitle.get_text() == "Two"
    for ax, (label, path) in zip(fig.axes, paths.items(), strict=True):
        assert ax.get_title() == label
        assert ax.get_xlim() == LIMITS[0] and ax.get_ylim() == LIMITS[1]
        np.testing.assert_allclose(ax.lines[0].get_xdata(), path[:, 0])
        assert ax.collections  # the contours
    assert ax.get_xlabel() == "$W$" and ax.get_ylabel() == "$b$"


def test_plot_optimizer_paths_says_when_a_path_diverged():
    exploding = np.array([[-4.0, 1.0], [-3.0, -20.0], [-2.0, 400.0], [np.inf, np.nan]])
    fig = plotting.plot_optimizer_paths(_valley, {"gradient descent": exploding}, LIMITS)
    ax = fig.axes[0]
    assert ax.get_title() == "gradient descent (diverged)"
    assert len(ax.lines[0].get_xdata()) == 3  # the inf / NaN point is left out


@pytest.mark.parametrize(
    ("cost_fn", "paths", "limits", "message"),
    [
        ("valley", {"a": [[0.0, 0.0]]}, LIMITS, "cost_fn must be a function"),
        (_valley, {}, LIMITS, "non-empty dict"),
        (_valley, {"a": [0.0, 0.0]}, LIMITS, "must have shape (k, 2)"),
        (_valley, {"a": [[0.0, 0.0]]}, (1, 2), "limits must be"),
        (_valley, {"a": [[0.0, 0.0]]}, ((1, 0), (0, 1)), "low < high"),
        (lambda W, b: 1.0, {"a": [[0.0, 0.0]]}, LIMITS, "one cost per grid point"),
        (lambda W, b: 1 / 0, {"a": [[0.0, 0.0]]}, LIMITS, "raised ZeroDivisionError"),
    ],
)
def test_plot_optimizer_paths_rejects_bad_input(cost_fn, paths, limits, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_optimizer_paths(cost_fn, paths, limits)


# ============================================================ the optimizer-paths explorer
def make_surface_path(fail=None, calls=None):
    """A small surface_path with the notebook's signature: a few steps of each optimizer on
    the valley (RMSprop and Adam simplified), raising NotImplementedError from a function
    named like the learner's for the optimizer ``fail``."""

    def update_parameters_with_momentum(point, gradient, velocity, beta, learning_rate):
        raise NotImplementedError()

    def surface_path(optimizer, learning_rate, beta1=0.9, beta2=0.999, num_steps=10):
        if calls is not None:
            calls.append((optimizer, learning_rate, beta1, beta2))
        point = np.array([-4.0, 1.0])
        velocity, squares = np.zeros(2), np.zeros(2)
        path = [point.copy()]
        for t in range(1, num_steps + 1):
            gradient = np.array([0.1, 10.0]) * point
            if optimizer == fail:
                update_parameters_with_momentum(point, gradient, velocity, beta1, learning_rate)
            if optimizer in ("momentum", "adam"):
                velocity = beta1 * velocity + (1 - beta1) * gradient
            if optimizer in ("rmsprop", "adam"):
                squares = beta2 * squares + (1 - beta2) * gradient**2
            step = velocity if optimizer in ("momentum", "adam") else gradient
            if optimizer in ("rmsprop", "adam"):
                step = step / (np.sqrt(squares / (1 - beta2**t)) + 1e-8)
            point = point - learning_rate * step
            path.append(point.copy())
        return np.array(path)

    return surface_path


def _paths_explorer(surface_path, **kwargs):
    options = {"learning_rates": (0.05, 0.19, 0.5), "beta1s": (0.0, 0.9), "beta2s": (0.9, 0.999)}
    options.update(kwargs)
    return widgets.optimizer_paths_explorer(surface_path, _valley, **options)


def test_optimizer_paths_explorer_builds_headless_with_four_paths():
    figures_before = plt.get_fignums()
    calls = []
    explorer = _paths_explorer(make_surface_path(calls=calls))
    assert isinstance(explorer, ipywidgets.VBox)
    assert calls == [(name, 0.19, 0.9, 0.999) for name in ("gd", "momentum", "rmsprop", "adam")]
    run = explorer.runs[(0.19, 0.9, 0.999)]
    assert list(run.paths) == [label for _, label in widgets.optimizers.OPTIMIZERS]
    assert all(path.shape == (11, 2) for path in run.paths.values()) and not run.problems
    status = _text(explorer.status.value)
    assert "gradient descent: cost" in status and "after 10 steps" in status
    assert "Adam: cost" in status and status.startswith("α = 0.19, β1 = 0.9, β2 = 0.999")
    picture = _png(explorer.plot)
    assert picture.size[0] > 600 and picture.size[1] > 300
    assert explorer.learning_rate_slider.continuous_update is False
    assert plt.get_fignums() == figures_before  # figures are closed after rendering


def test_optimizer_paths_explorer_redraws_on_a_slider_and_remembers_runs():
    calls = []
    explorer = _paths_explorer(make_surface_path(calls=calls))
    first_png = explorer.plot.outputs[0]["data"]["image/png"]
    explorer.learning_rate_slider.value = 0.5  # observers fire without a frontend
    assert calls[-1] == ("adam", 0.5, 0.9, 0.999) and len(calls) == 8
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png
    assert "gradient descent: diverged" in _text(explorer.status.value)
    explorer.beta1_slider.value = 0.0
    assert calls[-1] == ("adam", 0.5, 0.0, 0.999)
    explorer.learning_rate_slider.value = 0.19
    explorer.beta1_slider.value = 0.9  # remembered: no new paths
    assert len(calls) == 16
    assert explorer.update() is explorer.runs[(0.19, 0.9, 0.999)] and len(calls) == 16


def test_optimizer_paths_explorer_names_the_unwritten_learner_function():
    explorer = _paths_explorer(make_surface_path(fail="momentum"))
    status = _text(explorer.status.value)
    assert "Your `update_parameters_with_momentum` is not written yet" in status
    assert "Traceback" not in status
    run = explorer.update()
    assert "momentum (β = β1)" not in run.paths and len(run.paths) == 3
    assert len(explorer.plot.outputs) == 1  # the other three are still drawn


def test_optimizer_paths_explorer_with_nothing_written_shows_only_the_messages():
    def surface_path(optimizer, learning_rate, beta1=0.9, beta2=0.999):
        raise NotImplementedError()

    explorer = _paths_explorer(surface_path)
    assert "Your `surface_path` is not written yet" in _text(explorer.status.value)
    assert explorer.plot.outputs == () and explorer.update() is None


def test_optimizer_paths_explorer_explains_a_path_of_the_wrong_shape():
    explorer = _paths_explorer(lambda optimizer, **kwargs: np.zeros((3, 3)))
    assert "returned shape (3, 3); expected (k, 2)" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"surface_path": "path"}, "expected the function `surface_path`"),
        ({"learning_rates": (0.0, 0.1)}, "learning_rates must hold positive numbers"),
        ({"beta1s": (0.9, 1.0)}, "must be below 1"),
        ({"learning_rate": 0.3}, "not one of the slider's values"),
    ],
)
def test_optimizer_paths_explorer_rejects_bad_arguments(kwargs, message):
    surface_path = kwargs.pop("surface_path", make_surface_path())
    with pytest.raises(ValueError, match=re.escape(message)):
        _paths_explorer(surface_path, **kwargs)


# ==================================================================== the averages explorer
def exponentially_weighted_average(theta, beta, bias_correction=False):
    averages, v = np.zeros(len(theta)), 0.0
    for t in range(1, len(theta) + 1):
        v = beta * v + (1 - beta) * theta[t - 1]
        averages[t - 1] = v / (1 - beta**t) if bias_correction else v
    return averages


@pytest.fixture
def year():
    return datasets.load_temperatures()


def test_averages_explorer_builds_headless_and_shows_both_averages(year):
    figures_before = plt.get_fignums()
    explorer = widgets.averages_explorer(exponentially_weighted_average, *year)
    assert isinstance(explorer, ipywidgets.VBox)
    assert explorer.beta_slider.value == 0.9 and set(explorer.runs) == {(0.9,)}
    run = explorer.runs[(0.9,)]
    days, temperatures = year
    np.testing.assert_allclose(run.plain[0], 0.1 * temperatures[0])
    np.testing.assert_allclose(run.corrected[0], temperatures[0])
    status = _text(explorer.status.value)
    assert "β = 0.9 averages about 1 / (1 − β) = 10 days" in status
    assert f"plain average {0.1 * temperatures[0]:.2f} °C" in status
    assert f"corrected average {temperatures[0]:.2f} °C" in status
    assert _png(explorer.plot).size[0] > 800  # the year and its start side by side
    assert plt.get_fignums() == figures_before


def test_averages_explorer_recomputes_on_the_slider_and_remembers(year):
    calls = []

    def counting_average(theta, beta, bias_correction=False):
        calls.append((beta, bias_correction))
        return exponentially_weighted_average(theta, beta, bias_correction)

    explorer = widgets.averages_explorer(counting_average, *year)
    explorer.beta_slider.value = 0.98
    assert calls == [(0.9, False), (0.9, True), (0.98, False), (0.98, True)]
    assert "= 50 days" in _text(explorer.status.value)
    explorer.beta_slider.value = 0.9  # remembered
    assert len(calls) == 4 and explorer.update() is explorer.runs[(0.9,)]


def test_averages_explorer_names_the_unwritten_learner_function(year):
    def exponentially_weighted_average(theta, beta, bias_correction=False):
        raise NotImplementedError()

    explorer = widgets.averages_explorer(exponentially_weighted_average, *year)
    status = _text(explorer.status.value)
    assert "Your `exponentially_weighted_average` is not written yet" in status
    assert "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None


def test_averages_explorer_explains_an_average_of_the_wrong_shape(year):
    explorer = widgets.averages_explorer(lambda theta, beta, bias_correction=False: 1.0, *year)
    assert "returned shape () for 365 days" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"betas": (0.5, 1.0)}, "betas must be below 1"),
        ({"betas": (0.5, 1.5)}, "betas must hold numbers in [0, 1]"),
        ({"beta": 0.42}, "not one of the slider's values"),
        ({"days_shown": 1}, "days_shown must be a whole number"),
    ],
)
def test_averages_explorer_rejects_bad_arguments(year, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.averages_explorer(exponentially_weighted_average, *year, **kwargs)
