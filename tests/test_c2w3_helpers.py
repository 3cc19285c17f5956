"""Tests of week c2w3's helpers: the digits loader, the new figures of helpers.plotting and the
sampling and batch-norm explorers, headless (Agg, no frontend, no kernel)."""

from __future__ import annotations

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


# ==================================================================================== loader
def test_digits_are_columns_of_64_pixels_with_integer_labels():
    train_X, train_Y, test_X, test_Y = datasets.load_digits_0_to_5()
    assert train_X.shape == (64, 866) and train_Y.shape == (1, 866)
    assert test_X.shape == (64, 217) and test_Y.shape == (1, 217)
    assert train_X.dtype == np.float64 and train_Y.dtype == np.int64
    assert 0.0 <= train_X.min() and train_X.max() <= 1.0 and test_X.max() <= 1.0
    assert set(np.unique(train_Y)) == set(range(6)) == set(np.unique(test_Y))
    # stratified: every digit has about a fifth of its pictures in the test set
    share = np.bincount(test_Y[0]) / (np.bincount(train_Y[0]) + np.bincount(test_Y[0]))
    assert np.all(np.abs(share - 0.2) < 0.02)


def test_digits_are_deterministic_fresh_copies_without_overlap():
    first = datasets.load_digits_0_to_5()
    for array in first:
        array[...] = 0
    second, third = datasets.load_digits_0_to_5(), datasets.load_digits_0_to_5()
    for a, b in zip(second, third, strict=True):
        np.testing.assert_array_equal(a, b)
    assert second[0].any() and second[1].any()
    train = {column.tobytes() for column in second[0].T}
    assert sum(column.tobytes() in train for column in second[2].T) <= 2  # rare duplicates


def test_digit_images_are_the_pictures_of_the_columns():
    train_X, _, _, _ = datasets.load_digits_0_to_5()
    images = datasets.digit_images(train_X[:, :5])
    assert images.shape == (5, 8, 8)
    np.testing.assert_array_equal(images[3].reshape(-1), train_X[:, 3])
    assert datasets.digit_images(train_X[:, 0]).shape == (1, 8, 8)
    with pytest.raises(ValueError, match=re.escape("must have shape (64, m)")):
        datasets.digit_images(np.zeros((10, 3)))
    fig = plotting.show_images(images, np.arange(5), datasets.DIGIT_NAMES)
    assert isinstance(fig, Figure)


# =================================================================================== figures
def test_plot_sample_histograms_on_log_and_linear_axes():
    rates = 10 ** np.random.RandomState(0).uniform(-4, 0, 200)
    fig = plotting.plot_sample_histograms(
        {"log": rates, "other": rates * 2}, ranges={"log": (1e-4, 1.0)}, title="Rates"
    )
    assert len(fig.axes) == 2 and fig._suptitle.get_text() == "Rates"
    assert fig.axes[0].get_xscale() == "log" and fig.axes[0].get_title() == "log"
    assert sum(patch.get_height() for patch in fig.axes[0].patches) == 200
    linear = plotting.plot_sample_histograms({"x": [0.1, 0.5, 0.9]}, log_scale=False)
    assert linear.axes[0].get_xscale() == "linear" and "number" in linear.axes[0].get_ylabel()
    with pytest.raises(ValueError, match=re.escape("finite positive numbers")):
        plotting.plot_sample_histograms({"x": [0.0, 1.0]})
    with pytest.raises(ValueError, match=re.escape("non-empty dict")):
        plotting.plot_sample_histograms([1.0])


def test_plot_search_points_counts_the_distinct_values():
    grid = np.array([(a, b) for a in (0.25, 0.75) for b in (0.25, 0.75)])
    random = np.random.RandomState(0).uniform(0, 1, (4, 2))
    fig = plotting.plot_search_points(
        {"grid": grid, "random": random}, lambda h1, h2: h1 + 0 * h2, labels=("a", "b")
    )
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == ["grid: 4 tries", "random: 4 tries"]
    labels = [ax.get_xlabel() for ax in fig.axes]
    assert "2 distinct values of a" in labels and "4 distinct values of a" in labels
    with pytest.raises(ValueError, match=re.escape("shape (k, 2)")):
        plotting.plot_search_points({"grid": [0.1, 0.2]})


def test_plot_random_search_uses_a_log_axis_and_marks_the_best():
    fig = plotting.plot_random_search([1e-3, 1e-2, 1e-1], [50.0, 90.0, 70.0], [8, 16, 32])
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_title() == "Random search"
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [1e-2])  # the star on the best try
    assert "learning rate" in ax.get_xlabel() and len(fig.axes) == 2  # with the colour bar
    with pytest.raises(ValueError, match=re.escape("2 numbers for 3 learning rates")):
        plotting.plot_random_search([1e-3, 1e-2, 1e-1], [1.0, 2.0])


def test_plot_confusion_matrix_writes_the_counts():
    matrix = np.array([[5, 1], [0, 4]])
    fig = plotting.plot_confusion_matrix(matrix, ["zero", "one"], title="Two classes")
    ax = fig.axes[0]
    assert ax.get_title() == "Two classes" and ax.get_xlabel() == "predicted class"
    assert [text.get_text() for text in ax.texts] == ["5", "1", "0", "4"]
    with pytest.raises(ValueError, match=re.escape("square (C, C)")):
        plotting.plot_confusion_matrix(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=re.escape("3 class names")):
        plotting.plot_confusion_matrix(matrix, ["a", "b", "c"])


def test_plot_value_histograms_draws_a_grid_of_rows_and_columns():
    rng = np.random.RandomState(0)
    histories = {
        "without": {"epoch 0": rng.randn(4, 10), "epoch 5": 3 * rng.randn(4, 10)},
        "with": {"epoch 0": rng.randn(4, 10), "epoch 5": rng.randn(4, 10)},
    }
    fig = plotting.plot_value_histograms(histories, title="Values")
    assert len(fig.axes) == 4 and fig._suptitle.get_text() == "Values"
    assert [ax.get_title() for ax in fig.axes[:2]] == ["epoch 0", "epoch 5"]
    assert fig.axes[2].get_ylabel() == "with"
    with pytest.raises(ValueError, match=re.escape("every row needs the columns")):
        plotting.plot_value_histograms({"a": {"x": [1.0]}, "b": {"y": [1.0]}})


# ======================================================================= the sampling explorer
def sample_learning_rates(num, low_exponent=-4, high_exponent=0, seed=0):
    np.random.seed(seed)
    return 10 ** np.random.uniform(low_exponent, high_exponent, num)


def sample_betas(num, low=0.9, high=0.999, seed=0):
    np.random.seed(seed)
    return 1 - 10 ** np.random.uniform(np.log10(1 - high), np.log10(1 - low), num)


def test_sampling_explorer_builds_headless_and_shows_the_shares():
    figures_before = plt.get_fignums()
    explorer = widgets.sampling_explorer(sample_learning_rates, sample_betas, num=1000)
    assert isinstance(explorer, ipywidgets.VBox)
    run = explorer.runs[(1000, "log")]
    assert run.learning_rates.shape == (1000,) and run.betas.shape == (1000,)
    assert 20 < run.share_top_decade < 30 and 40 < run.share_long_windows < 60
    status = _text(explorer.status.value)
    assert status.startswith("1000 samples, log scale") and "lie in [0.1, 1]" in status
    assert _png(explorer.plot).size[0] > 800
    assert plt.get_fignums() == figures_before


def test_sampling_explorer_updates_on_the_controls_and_remembers():
    calls = []

    def counting_rates(num, low_exponent=-4, high_exponent=0, seed=0):
        calls.append(num)
        return sample_learning_rates(num, low_exponent, high_exponent, seed)

    explorer = widgets.sampling_explorer(counting_rates, sample_betas, num=100)
    explorer.scale_buttons.value = "linear"  # observers fire without a frontend
    run = explorer.runs[(100, "linear")]
    assert run.share_top_decade > 80 and calls == [100]
    explorer.num_slider.value = 1000
    explorer.scale_buttons.value = "log"
    explorer.num_slider.value = 100  # remembered
    assert calls == [100, 1000] and explorer.update() is explorer.runs[(100, "log")]


def test_sampling_explorer_names_the_unwritten_learner_function():
    def sample_betas(num, low=0.9, high=0.999, seed=0):
        raise NotImplementedError()

    explorer = widgets.sampling_explorer(sample_learning_rates, sample_betas)
    status = _text(explorer.status.value)
    assert "Your `sample_betas` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None


def test_sampling_explorer_explains_samples_out_of_range():
    def wrong_rates(num, low_exponent=-4, high_exponent=0, seed=0):
        return np.random.uniform(low_exponent, high_exponent, num)  # forgot 10 **

    explorer = widgets.sampling_explorer(wrong_rates, sample_betas)
    assert "should lie between 0.0001 and 1" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sample_counts": (10, 10)}, "holds the same value twice"),
        ({"scale": "cubic"}, "scale must be one of"),
        ({"num": 7}, "not one of the slider's values"),
    ],
)
def test_sampling_explorer_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.sampling_explorer(sample_learning_rates, sample_betas, **kwargs)


# ===================================================================== the batch-norm explorer
def make_train_fn(calls=None, fail=False):
    def batchnorm_forward(Z, gamma, beta, epsilon=1e-8):
        raise NotImplementedError()

    def train_fn(use_batchnorm, learning_rate, num_epochs, seed=1):
        if calls is not None:
            calls.append((use_batchnorm, learning_rate, num_epochs, seed))
        if fail:
            batchnorm_forward(None, None, None)
        start = 1.8 if use_batchnorm else 2.0
        costs = [start / (1 + learning_rate * epoch) for epoch in range(num_epochs)]
        return {"costs": costs, "train_accuracy": 90.0, "test_accuracy": 88.5}

    return train_fn


def test_batchnorm_explorer_builds_headless_and_trains_once():
    figures_before = plt.get_fignums()
    calls = []
    explorer = widgets.batchnorm_explorer(make_train_fn(calls), num_epochs=3)
    assert isinstance(explorer, ipywidgets.VBox)
    assert calls == [(True, 1.0, 3, widgets.batchnorm.BATCHNORM_SEED)]
    run = explorer.runs[(True, 1.0)]
    assert run.costs.shape == (3,) and run.test_accuracy == 88.5
    status = _text(explorer.status.value)
    assert status.startswith("with batch norm, α = 1: train accuracy 90.0 %")
    assert "test accuracy 88.5 %" in status
    assert _png(explorer.plot).size[0] > 500
    assert plt.get_fignums() == figures_before


def test_batchnorm_explorer_retrains_on_the_controls_and_draws_earlier_runs():
    calls = []
    explorer = widgets.batchnorm_explorer(make_train_fn(calls), num_epochs=3)
    explorer.batchnorm_checkbox.value = False
    explorer.learning_rate_slider.value = 0.1
    assert [call[:2] for call in calls] == [(True, 1.0), (False, 1.0), (False, 0.1)]
    assert _text(explorer.status.value).startswith("without batch norm, α = 0.1")
    explorer.batchnorm_checkbox.value = True
    explorer.learning_rate_slider.value = 1.0  # remembered
    assert len(calls) == 4 and explorer.update() is explorer.runs[(True, 1.0)]


def test_batchnorm_explorer_names_the_unwritten_learner_function():
    explorer = widgets.batchnorm_explorer(make_train_fn(fail=True), num_epochs=2)
    status = _text(explorer.status.value)
    assert "Your `batchnorm_forward` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None


def test_batchnorm_explorer_explains_an_unusable_result():
    explorer = widgets.batchnorm_explorer(lambda *args, **kwargs: [0.5], num_epochs=2)
    assert "expected a dict with 'costs'" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("train",), {}, "expected the function `train_fn`"),
        ((make_train_fn(),), {"num_epochs": 0}, "num_epochs must be a positive whole number"),
        ((make_train_fn(),), {"learning_rate": 0.42}, "not one of the slider's values"),
        ((make_train_fn(), (0.0, 1.0)), {}, "learning_rates must hold positive numbers"),
    ],
)
def test_batchnorm_explorer_rejects_bad_arguments(args, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.batchnorm_explorer(*args, **kwargs)
