"""Tests of week c4w2's helpers: the digits loader for transfer learning, the new figures of
helpers.plotting and the cost explorer, headless (Agg, no frontend, no kernel)."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from widget_support import (
    _close_figures,  # noqa: E402, F401
    move_last_slider_left,
)
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402


# =================================================================================== loaders
def test_digit_pictures_of_6_to_9_are_a_fixed_stratified_split():
    train_x, train_y, test_x, test_y = datasets.load_digit_pictures()
    assert [a.shape for a in (train_x, train_y, test_x, test_y)] == [
        (571, 8, 8, 1), (1, 571), (143, 8, 8, 1), (1, 143),
    ]  # fmt: skip
    assert train_x.dtype == np.float64 and train_y.dtype == np.int64
    assert 0.0 <= train_x.min() and train_x.max() == 1.0
    assert set(np.unique(train_y)) == {0, 1, 2, 3}
    assert np.bincount(test_y[0]).tolist() == [36, 36, 35, 36]
    again = datasets.load_digit_pictures((6, 7, 8, 9))
    for first, second in zip((train_x, train_y, test_x, test_y), again, strict=True):
        np.testing.assert_array_equal(first, second)


def test_digit_pictures_are_scikit_learns_pictures_of_those_digits():
    from sklearn.datasets import load_digits

    data = load_digits()
    train_x, train_y, _, _ = datasets.load_digit_pictures((9, 6))
    picture = train_x[0, :, :, 0].reshape(-1) * 16
    matches = np.flatnonzero(np.all(data.data == picture, axis=1))
    assert matches.size >= 1 and data.target[matches[0]] == (9, 6)[train_y[0, 0]]


def test_digit_pictures_of_0_to_5_are_the_c4w1_pictures():
    mine = datasets.load_digit_pictures((0, 1, 2, 3, 4, 5))
    for first, second in zip(mine, datasets.load_digit_pictures_0_to_5(), strict=True):
        np.testing.assert_array_equal(first, second)


def test_digit_pictures_are_fresh_copies():
    first = datasets.load_digit_pictures()
    first[0][...] = 0
    assert datasets.load_digit_pictures()[0].any()


@pytest.mark.parametrize("digits", [(6,), (6, 6), (6, 10), (6.0, 7), "ab", 5, (True, 2), (-1, 3)])
def test_digit_pictures_reject_bad_digits(digits):
    with pytest.raises(ValueError, match=re.escape("at least two distinct digits 0..9")):
        datasets.load_digit_pictures(digits)


# =================================================================================== figures
ROWS = [
    ("input", (32, 32, 1), 1024, 0),
    ("CONV1", (28, 28, 6), 4704, 156),
    ("POOL1", (14, 14, 6), 1176, 0),
    ("FC", (10,), 10, 11770),
]


def test_plot_network_sizes_draws_two_log_panels_per_network():
    fig = plotting.plot_network_sizes({"small": ROWS, "again": ROWS[:2]}, title="Sizes")
    assert isinstance(fig, Figure) and len(fig.axes) == 4
    assert fig._suptitle.get_text() == "Sizes"
    activations, parameters = fig.axes[:2]
    assert activations.get_yscale() == "log" and parameters.get_yscale() == "log"
    assert parameters.get_title() == "small: parameters, total 11,926"
    assert [t.get_text() for t in activations.get_xticklabels()] == [r[0] for r in ROWS]
    assert len(activations.patches) == 4
    heights = [p.get_height() for p in parameters.patches]
    assert np.isnan(heights[0]) and heights[1] == 156 and heights[3] == 11770
    assert "11.8 k" in [t.get_text() for t in parameters.texts]


@pytest.mark.parametrize(
    ("networks", "message"),
    [
        ({}, "non-empty dict"),
        ({"a": []}, "non-empty list of rows"),
        ({"a": [("x", (1,), 1)]}, "must be (layer, shape, size, parameters)"),
        ({"a": [("x", (1,), 1, -5)]}, "finite number >= 0"),
    ],
)
def test_plot_network_sizes_rejects_bad_rows(networks, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_network_sizes(networks)


def test_plot_multiplications_stacks_the_parts_and_writes_the_totals():
    fig = plotting.plot_multiplications(
        {"normal": 2160, "separable": {"depthwise": 432, "pointwise": 240}}, title="Cost"
    )
    ax = fig.axes[0]
    assert ax.get_title() == "Cost" and len(ax.patches) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["normal", "separable"]
    pointwise = ax.patches[2]
    assert pointwise.get_x() == 432 and pointwise.get_width() == 240
    assert [t.get_text() for t in ax.texts] == ["2,160", "672  (31.1 %)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "normal", "depthwise", "pointwise",
    ]  # fmt: skip
    with pytest.raises(ValueError, match=re.escape("costs['a'] has no parts")):
        plotting.plot_multiplications({"a": {}})
    with pytest.raises(ValueError, match=re.escape("must be a number")):
        plotting.plot_multiplications({"a": "many"})


def test_plot_scaling_draws_one_line_per_factor_on_a_log_axis():
    fig = plotting.plot_scaling([0, 1, 2], {"d": [1, 1.2, 1.44], "w": [1, 1.1, 1.21]})
    ax = fig.axes[0]
    assert len(ax.lines) == 2 and ax.get_yscale() == "log" and ax.get_xlabel() == "φ"
    with pytest.raises(ValueError, match=re.escape("2 values of 'd' for 3 exponents")):
        plotting.plot_scaling([0, 1, 2], {"d": [1, 2]})
    with pytest.raises(ValueError, match=re.escape("must be positive")):
        plotting.plot_scaling([0, 1], {"d": [0, 1]})


def test_plot_accuracy_lines_annotates_every_point():
    fig = plotting.plot_accuracy_lines(
        [5, 10, 20], {"transfer": [86.7, 87.4, 91.6], "scratch": [88.8, 89.5, 93.0]}, "per digit"
    )
    ax = fig.axes[0]
    assert len(ax.lines) == 2 and ax.get_xlabel() == "per digit"
    assert "91.6" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match=re.escape("2 accuracies of 'a' for 3 settings")):
        plotting.plot_accuracy_lines([1, 2, 3], {"a": [1, 2]}, "x")


# ========================================================================= the cost explorer
def conv_cost(n_H, n_W, n_C, f, n_C_prev):
    return n_H * n_W * n_C * f * f * n_C_prev


def depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C):
    return n_H * n_W * n_C_prev * f * f, n_H * n_W * n_C_prev * n_C


def test_cost_explorer_builds_headless_on_the_inception_example():
    figures_before = plt.get_fignums()
    explorer = widgets.cost_explorer(conv_cost, depthwise_separable_cost)
    assert isinstance(explorer, ipywidgets.VBox)
    run = explorer.runs[(28, 192, 5, 32, 16)]
    assert run.normal == 120_422_400 and run.bottleneck_total == 12_443_648
    assert (run.depthwise, run.pointwise) == (28 * 28 * 192 * 25, 28 * 28 * 192 * 32)
    status = _text(explorer.status.value)
    assert status.startswith("output 28 × 28 × 32, input channels 192, filter size f = 5")
    assert "normal convolution 120,422,400; bottleneck 12,443,648" in status
    assert _png(explorer.plot).size[0] > 600
    assert plt.get_fignums() == figures_before


def test_cost_explorer_follows_its_sliders_and_remembers():
    calls = []

    def counting_cost(*args):
        calls.append(args)
        return conv_cost(*args)

    explorer = widgets.cost_explorer(counting_cost, depthwise_separable_cost)
    explorer.output_slider.value = 512
    status = _text(explorer.status.value)
    assert "output 28 × 28 × 512" in status
    assert f"normal convolution {conv_cost(28, 28, 512, 5, 192):,}" in status
    ratio = 1 / 512 + 1 / 25
    assert f"({ratio:.3f} of the normal cost" in status
    explorer.output_slider.value = 32  # remembered: no new calls
    assert len(calls) == 6


def test_cost_explorer_last_slider_shows_its_new_value_in_the_status():
    """What the browser test does: move the last slider one step left; the status must show the
    slider's new readout."""
    label, before, after = move_last_slider_left(
        widgets.cost_explorer(conv_cost, depthwise_separable_cost)
    )
    assert after != before and f"bottleneck channels {label}:" in after
    assert (
        not after.endswith("...")
        and f"bottleneck {conv_cost(28, 28, 8, 1, 192) + conv_cost(28, 28, 32, 5, 8):,}" in after
    )


_correct_conv_cost = conv_cost


def _broken_separable():
    def depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C):
        raise ValueError("no idea")

    return depthwise_separable_cost


def test_cost_explorer_reports_the_learners_problem_not_a_traceback():
    def conv_cost(n_H, n_W, n_C, f, n_C_prev):
        raise NotImplementedError()

    explorer = widgets.cost_explorer(conv_cost, depthwise_separable_cost)
    status = _text(explorer.status.value)
    assert "Your `conv_cost` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None

    status = _text(widgets.cost_explorer(_correct_conv_cost, _broken_separable()).status.value)
    assert "Your `depthwise_separable_cost` raised ValueError: no idea" in status


@pytest.mark.parametrize(
    ("conv", "separable", "message"),
    [
        (lambda *a: "many", depthwise_separable_cost, "returned str for the normal convolution"),
        (lambda *a: 2.5, depthwise_separable_cost, "a whole number >= 0"),
        (conv_cost, lambda *a: 7, "it should return the pair (depthwise, pointwise)"),
        (conv_cost, lambda *a: (1, -3), "returned -3 for the pointwise step"),
    ],
)
def test_cost_explorer_explains_a_wrong_result(conv, separable, message):
    status = _text(widgets.cost_explorer(conv, separable).status.value)
    assert message in status


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"size": 9}, "not one of the slider's values"),
        ({"bottlenecks": (4, 4)}, "holds the same value twice"),
        ({"filter_sizes": (0, 1)}, "positive whole numbers"),
    ],
)
def test_cost_explorer_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.cost_explorer(conv_cost, depthwise_separable_cost, **kwargs)
    with pytest.raises(ValueError, match=re.escape("expected your function conv_cost")):
        widgets.cost_explorer(None, depthwise_separable_cost)


# ================================================================= the augmentation explorer
def horizontal_flip(X):
    return np.flip(X, axis=2).copy()


def random_crop(X, crop_size, seed=0):
    np.random.seed(seed)
    m, n_H, n_W, n_C = X.shape
    h, w = crop_size
    crops = np.zeros((m, h, w, n_C), dtype=X.dtype)
    for i in range(m):
        top = np.random.randint(0, n_H - h + 1)
        left = np.random.randint(0, n_W - w + 1)
        crops[i] = X[i, top : top + h, left : left + w, :]
    return crops


def color_shift(X, shifts):
    return np.clip(X + np.asarray(shifts, dtype=np.float64).reshape(1, 1, 1, -1), 0.0, 1.0)


def _colour_photo():
    rng = np.random.default_rng(0)
    return rng.uniform(0.2, 0.8, size=(40, 60, 3))


def _augmentation_explorer(**kwargs):
    functions = {
        "horizontal_flip": horizontal_flip,
        "random_crop": random_crop,
        "color_shift": color_shift,
    }
    functions.update(kwargs)
    return widgets.augmentation_explorer(
        functions["horizontal_flip"],
        functions["random_crop"],
        functions["color_shift"],
        _colour_photo(),
    )


def test_augmentation_explorer_builds_headless_with_a_crop():
    figures_before = plt.get_fignums()
    state = np.random.get_state()
    explorer = _augmentation_explorer()
    np.testing.assert_array_equal(np.random.get_state()[1], state[1])  # learner's state kept
    assert isinstance(explorer, ipywidgets.VBox)
    run = explorer.runs[(False, 75, 0, 0.0, 0.0, 0.0)]
    assert run.crop_size == (30, 45) and run.picture.shape == (30, 45, 3)
    np.testing.assert_array_equal(run.picture, random_crop(_colour_photo()[None], (30, 45))[0])
    status = _text(explorer.status.value)
    assert status.startswith("mirror off, crop 75 % (30 × 45 of 40 × 60, seed 0)")
    assert "shifts red +0.00, green +0.00, blue +0.00" in status
    assert _png(explorer.plot).size[0] > 400
    assert plt.get_fignums() == figures_before


def test_augmentation_explorer_follows_its_controls():
    explorer = _augmentation_explorer()
    first_png = explorer.plot.outputs[0]["data"]["image/png"]
    explorer.crop_slider.value = 100
    explorer.flip_checkbox.value = True
    run = explorer.update()
    np.testing.assert_array_equal(run.picture, _colour_photo()[:, ::-1])
    assert _text(explorer.status.value).startswith("mirror on, crop 100 % (40 × 60 of 40 × 60")
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png
    explorer.red_slider.value = 0.3
    run = explorer.update()
    expected = np.clip(_colour_photo()[:, ::-1] + [0.3, 0.0, 0.0], 0, 1)
    np.testing.assert_allclose(run.picture, expected)
    assert "shifts red +0.30, green +0.00" in _text(explorer.status.value)


def test_augmentation_explorer_last_slider_shows_its_new_value_in_the_status():
    """What the browser test does: move the last slider one step left; the status must show the
    slider's new readout."""
    label, before, after = move_last_slider_left(_augmentation_explorer())
    assert label == "-0.10" and after != before
    assert f"blue {label}" in after and not after.endswith("...")


def test_augmentation_explorer_reports_the_learners_problem_not_a_traceback():
    def random_crop(X, crop_size, seed=0):
        raise NotImplementedError()

    explorer = _augmentation_explorer(random_crop=random_crop)
    status = _text(explorer.status.value)
    assert "Your `random_crop` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None

    def horizontal_flip(X):
        return X[:, :, ::-1][..., 0]  # forgot the channels

    explorer = _augmentation_explorer(horizontal_flip=horizontal_flip)
    explorer.flip_checkbox.value = True
    assert "Your `horizontal_flip` returned shape (1, 40, 60)" in _text(explorer.status.value)
    unclipped = _text(_augmentation_explorer(color_shift=lambda X, s: X + 2).status.value)
    assert "Your `color_shift` returned values from" in unclipped
    assert "must stay in [0, 1] (clip with np.clip)" in unclipped


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (np.full((40, 60), 0.5), "photo must be one colour picture (n_H, n_W, 3)"),
        (np.full((40, 60, 3), 255.0), "photo must hold values in [0, 1]"),
    ],
)
def test_augmentation_explorer_rejects_bad_arguments(photo, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.augmentation_explorer(horizontal_flip, random_crop, color_shift, photo)
    with pytest.raises(ValueError, match=re.escape("expected your function color_shift")):
        widgets.augmentation_explorer(horizontal_flip, random_crop, None, _colour_photo())
    with pytest.raises(ValueError, match=re.escape("not one of the slider's values")):
        widgets.augmentation_explorer(
            horizontal_flip, random_crop, color_shift, _colour_photo(), crop=50
        )
