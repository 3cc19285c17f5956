"""Tests of week c4w1's helpers: the photograph and channels-last digits loaders, the new figures
of helpers.plotting and the filter and feature-map explorers, headless (Agg, no frontend, no
kernel)."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from numpy.lib.stride_tricks import sliding_window_view  # noqa: E402
from widget_support import (
    _close_figures,  # noqa: E402, F401
    move_last_slider_left,
)
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402


# =================================================================================== loaders
def test_photograph_is_a_grey_picture_of_floats_in_0_1():
    photo = datasets.load_photograph()
    assert photo.shape == (213, 320) and photo.dtype == np.float64
    assert 0.0 <= photo.min() < 0.05 and 0.95 < photo.max() <= 1.0
    colour = datasets.load_photograph(grayscale=False, downscale=4)
    assert colour.shape == (106, 160, 3) and 0.0 <= colour.min() and colour.max() <= 1.0
    assert datasets.load_photograph("flower.jpg", downscale=8).shape == (53, 80)


def test_photograph_is_scikit_learns_picture_averaged_by_blocks():
    from sklearn.datasets import load_sample_image

    original = load_sample_image("china.jpg")
    full = datasets.load_photograph(grayscale=False, downscale=1)
    np.testing.assert_array_equal(np.round(full * 255).astype(np.uint8), original)
    block = original[2:4, 6:8].astype(np.float64) / 255  # pixel (1, 3) of the 2 x 2 blocks
    grey = block.mean(axis=(0, 1)) @ np.array([0.299, 0.587, 0.114])
    assert datasets.load_photograph()[1, 3] == pytest.approx(grey, abs=1e-12)
    flower = datasets.load_photograph("flower.jpg")
    assert flower.shape == (213, 320) and np.abs(flower - datasets.load_photograph()).mean() > 0.1


def test_photograph_is_deterministic_and_a_fresh_copy():
    first = datasets.load_photograph()
    first[...] = 0
    second, third = datasets.load_photograph(), datasets.load_photograph()
    np.testing.assert_array_equal(second, third)
    assert second.any()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "cat.jpg"}, "name must be one of"),
        ({"downscale": 0}, "downscale must be a whole number"),
        ({"downscale": 2.0}, "downscale must be a whole number"),
        ({"downscale": True}, "downscale must be a whole number"),
        ({"downscale": 1000}, "larger than the photograph"),
    ],
)
def test_photograph_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        datasets.load_photograph(**kwargs)


def test_digit_pictures_are_the_digit_columns_channels_last():
    train_x, train_y, test_x, test_y = datasets.load_digits_0_to_5()
    pictures = datasets.load_digit_pictures_0_to_5()
    assert [a.shape for a in pictures] == [(866, 8, 8, 1), (1, 866), (217, 8, 8, 1), (1, 217)]
    np.testing.assert_array_equal(pictures[0][5, :, :, 0].reshape(-1), train_x[:, 5])
    np.testing.assert_array_equal(pictures[2][:, 2, 3, 0], test_x[2 * 8 + 3])
    np.testing.assert_array_equal(pictures[1], train_y)
    np.testing.assert_array_equal(pictures[3], test_y)


# =================================================================================== figures
def test_plot_matrices_writes_every_number_with_the_operators_between():
    picture = np.array([[10, 10, 0, 0]] * 4, dtype=float)
    kernel = np.array([[1, -1]] * 2, dtype=float)
    result = np.array([[0, 20, 0]] * 3, dtype=float)
    fig = plotting.plot_matrices(
        [picture, kernel, result], ["picture", "filter", "result"], ("∗", "="), title="Edge"
    )
    assert isinstance(fig, Figure) and len(fig.axes) == 3
    assert fig._suptitle.get_text() == "Edge"
    assert (
        fig.axes[0].get_title() == "picture\n4 × 4" and fig.axes[2].get_title() == "result\n3 × 3"
    )
    assert [t.get_text() for t in fig.axes[1].texts] == ["1", "-1", "1", "-1"]
    assert len(fig.axes[0].texts) == 16 and [t.get_text() for t in fig.texts][:2] == ["∗", "="]
    assert fig.axes[0].get_position().width == pytest.approx(
        4 / 2 * fig.axes[1].get_position().width
    )  # every cell the same size
    decimals = plotting.plot_matrices([np.array([[0.125, 3.75]])])
    assert [t.get_text() for t in decimals.axes[0].texts] == ["0.12", "3.75"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([np.zeros((3, 3)), np.zeros((2, 2))], None, ("=",) * 2), "operators must hold 1"),
        (([np.zeros((13, 13))],), "at most 12 x 12"),
        (([np.zeros((3, 3, 2))],), "must be a 2-D array"),
        (([np.array([[np.nan]])],), "NaN or infinite"),
        ((np.zeros((3, 3)),), "non-empty list"),
    ],
)
def test_plot_matrices_rejects_what_it_cannot_draw(args, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_matrices(*args)


def test_show_image_row_titles_each_picture_with_its_size():
    photo = datasets.load_photograph(downscale=4)
    edges = np.abs(np.diff(photo, axis=1))
    fig = plotting.show_image_row([photo, edges], ["photo", "edges"], title="Two", clip=99)
    assert len(fig.axes) == 2 and fig._suptitle.get_text() == "Two"
    assert fig.axes[0].get_title() == "photo\n106 × 160"
    assert fig.axes[1].get_title() == "edges\n106 × 159"
    low, high = fig.axes[1].images[0].get_clim()
    assert low == edges.min() and high == pytest.approx(np.percentile(edges, 99))
    small = plotting.show_image_row([photo, photo[::4, ::4]], same_scale=True)
    assert small.axes[1].get_xlim() == small.axes[0].get_xlim() == (-0.5, 159.5)
    assert small.axes[1].get_title(loc="left") == "27 × 40"
    with pytest.raises(ValueError, match=re.escape("2 titles for 1 pictures")):
        plotting.show_image_row([photo], ["a", "b"])
    with pytest.raises(ValueError, match=re.escape("clip must be a percentile")):
        plotting.show_image_row([photo], clip=5)


def test_show_filters_draws_each_filter_on_one_symmetric_scale():
    W = np.random.RandomState(0).randn(3, 3, 1, 8)
    fig = plotting.show_filters(W, title="Learned")
    assert len(fig.axes) == 8 and fig._suptitle.get_text() == "Learned"
    assert [ax.get_title() for ax in fig.axes[:2]] == ["filter 0", "filter 1"]
    largest = np.abs(W).max()
    assert fig.axes[3].images[0].get_clim() == (-largest, largest)
    assert len(fig.axes[0].texts) == 9
    named = plotting.show_filters({"Sobel": [[1, 0, -1], [2, 0, -2], [1, 0, -1]]}, numbers=False)
    assert named.axes[0].get_title() == "Sobel" and not named.axes[0].texts
    two_channels = plotting.show_filters(np.ones((5, 5, 2, 3)), ncols=3)
    assert len(two_channels.axes) == 6 and two_channels.axes[1].get_title() == "filter 0, channel 1"
    with pytest.raises(ValueError, match=re.escape("(f, f, n_C_prev, n_C)")):
        plotting.show_filters(np.ones((3, 3, 1, 1, 1)))


def test_show_filter_result_draws_picture_and_output_on_the_same_pixels():
    photo = datasets.load_photograph(downscale=4)
    kernel = np.array([[1.0, 0.0, -1.0]] * 3)
    output = np.random.RandomState(1).randn(52, 79)
    fig = plotting.show_filter_result(
        photo, kernel, output, "vertical", title="s = 2", absolute=True
    )
    picture_ax, kernel_ax, output_ax = fig.axes
    assert picture_ax.get_title(loc="left") == "picture\n106 × 160"
    assert output_ax.get_title(loc="left") == "|output|\n52 × 79"
    assert kernel_ax.get_title() == "vertical\n3 × 3" and len(kernel_ax.texts) == 9
    assert output_ax.get_xlim() == picture_ax.get_xlim() == (-0.5, 159.5)
    assert output_ax.images[0].get_array().min() >= 0  # |output|
    signed = plotting.show_filter_result(photo[None, :, :, None], kernel, output[None, :, :, None])
    low, high = signed.axes[2].images[0].get_clim()
    assert low == -high  # grey = 0


def test_show_feature_maps_draws_one_row_per_layer_and_the_probabilities():
    rng = np.random.RandomState(2)
    maps = {"input": rng.rand(1, 8, 8, 1), "conv 1": rng.rand(8, 8, 8), "pool 1": rng.rand(4, 4, 8)}
    fig = plotting.show_feature_maps(maps, [0.1, 0.7, 0.2], ["a", "b", "c"], label=2, title="#3")
    assert len(fig.axes) == 1 + 8 + 8 + 1 and fig._suptitle.get_text() == "#3"
    assert fig.axes[0].get_ylabel() == "input\n8 × 8 × 1"
    bars = fig.axes[-1]
    assert len(bars.patches) == 3 and bars.get_title() == "prediction: b\ntrue class: c"
    assert bars.title.get_color() == plotting.WRONG_COLOR
    few = plotting.show_feature_maps({"wide": rng.rand(2, 2, 20)}, max_channels=5)
    assert len(few.axes) == 5
    with pytest.raises(ValueError, match=re.escape("activations of ONE picture")):
        plotting.show_feature_maps({"batch": rng.rand(2, 4, 4, 3)})
    with pytest.raises(ValueError, match=re.escape("2 class names for 3 probabilities")):
        plotting.show_feature_maps(maps, [0.2, 0.3, 0.5], ["a", "b"])


def test_plot_shift_accuracies_draws_one_line_per_model():
    fig = plotting.plot_shift_accuracies([0, 1, 2], {"CNN": [99, 70, 30], "dense": [99, 55, 20]})
    ax = fig.axes[0]
    assert len(ax.lines) == 2 and ax.get_xlabel() == "shift (pixels)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["CNN", "dense"]
    assert "70.0" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match=re.escape("2 accuracies of 'CNN' for 3 shifts")):
        plotting.plot_shift_accuracies([0, 1, 2], {"CNN": [99, 70]})


# ======================================================================== the filter explorer
def conv_forward_fast(A_prev, W, b, hparameters):
    """A correct convolution (the learner's function in the notebook)."""
    stride, pad = hparameters["stride"], hparameters["pad"]
    f = W.shape[0]
    padded = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = sliding_window_view(padded, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    Z = np.tensordot(windows, W, axes=([4, 5, 3], [0, 1, 2])) + b.reshape(1, 1, 1, -1)
    return Z, (A_prev, W, b, hparameters)


@pytest.fixture(scope="module")
def photo():
    return datasets.load_photograph(downscale=4)  # 106 x 160: quick


def test_filter_explorer_builds_headless_and_says_the_output_size(photo):
    figures_before = plt.get_fignums()
    explorer = widgets.filter_explorer(conv_forward_fast, photo)
    assert isinstance(explorer, ipywidgets.VBox)
    run = explorer.runs[("vertical edges", 1, 1)]
    assert run.output.shape == (106, 160) and run.finds_edges
    expected, _ = conv_forward_fast(
        photo[None, :, :, None], widgets.FILTERS["vertical edges"][:, :, None, None],
        np.zeros((1, 1, 1, 1)), {"stride": 1, "pad": 1},
    )  # fmt: skip
    np.testing.assert_allclose(run.output, expected[0, :, :, 0])
    status = _text(explorer.status.value)
    assert status.startswith("vertical edges, f = 3, p = 1, s = 1: the 106 × 160 picture")
    assert "gives a 106 × 160 output (a same convolution" in status
    assert _png(explorer.plot).size[0] > 600
    assert plt.get_fignums() == figures_before


def test_filter_explorer_follows_its_controls_and_remembers(photo):
    calls = []

    def counting_conv(A_prev, W, b, hparameters):
        calls.append((W.shape[0], hparameters["pad"], hparameters["stride"]))
        return conv_forward_fast(A_prev, W, b, hparameters)

    explorer = widgets.filter_explorer(counting_conv, photo)
    explorer.stride_slider.value = 2
    assert "p = 1, s = 2" in _text(explorer.status.value)
    assert "53 × 80 output" in _text(explorer.status.value)
    explorer.filter_menu.value = "blur 5 × 5"
    status = _text(explorer.status.value)
    assert status.startswith("blur 5 × 5, f = 5, p = 1, s = 2") and "52 × 79 output" in status
    assert not explorer.runs[("blur 5 × 5", 1, 2)].finds_edges
    explorer.filter_menu.value = "vertical edges"
    explorer.stride_slider.value = 1  # remembered
    assert calls == [(3, 1, 1), (3, 1, 2), (5, 1, 2)]
    assert explorer.update() is explorer.runs[("vertical edges", 1, 1)]


def test_filter_explorer_last_slider_shows_its_new_value_in_the_status(photo):
    """What the browser test does: move the last slider one step left; the status must show the
    slider's new readout."""
    label, before, after = move_last_slider_left(widgets.filter_explorer(conv_forward_fast, photo))
    assert after != before and label in after and not after.endswith("...")
    assert "a valid convolution" in after and "104 × 158 output" in after


def test_filter_explorer_reports_the_learners_problem_not_a_traceback(photo):
    def conv_forward_fast(A_prev, W, b, hparameters):
        raise NotImplementedError()

    explorer = widgets.filter_explorer(conv_forward_fast, photo)
    status = _text(explorer.status.value)
    assert "Your `conv_forward_fast` is not written yet" in status and "Traceback" not in status
    assert explorer.plot.outputs == () and explorer.update() is None

    def zero_pad(X, pad):
        raise ValueError("pad must be positive")

    def padding_conv(A_prev, W, b, hparameters):
        zero_pad(A_prev, hparameters["pad"])

    status = _text(widgets.filter_explorer(padding_conv, photo).status.value)
    assert "Your `zero_pad` raised ValueError: pad must be positive" in status


@pytest.mark.parametrize(
    ("result", "message"),
    [
        (lambda Z, cache: Z, "it should return the pair (Z, cache)"),
        (lambda Z, cache: (Z[:, 1:], cache), "returned Z of shape (1, 105, 160, 1)"),
        (lambda Z, cache: (Z * np.nan, cache), "NaN or infinite"),
    ],
)
def test_filter_explorer_explains_a_wrong_result(photo, result, message):
    def wrong_conv(A_prev, W, b, hparameters):
        return result(*conv_forward_fast(A_prev, W, b, hparameters))

    status = _text(widgets.filter_explorer(wrong_conv, photo).status.value)
    assert message in status


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"photo": np.zeros((4, 4))}, "photo must be one grey picture"),
        ({"photo": np.zeros((20, 20, 3))}, "photo must be one grey picture"),
        ({"filter_name": "emboss"}, "is not one of"),
        ({"pads": (0, 0)}, "pads must be distinct whole numbers"),
        ({"stride": 7}, "not one of the slider's values"),
        ({"filters": {"bad": np.ones((2, 3))}, "filter_name": "bad"}, "square (f, f) array"),
    ],
)
def test_filter_explorer_rejects_bad_arguments(photo, kwargs, message):
    arguments = {"photo": photo, **kwargs}
    with pytest.raises(ValueError, match=re.escape(message)):
        widgets.filter_explorer(conv_forward_fast, **arguments)


# =================================================================== the feature-map explorer
def make_feature_maps_fn(calls=None):
    def feature_maps_fn(X):
        if calls is not None:
            calls.append(X.shape)
        conv = np.maximum(0, np.repeat(X, 4, axis=3) - 0.3)
        pool = conv.reshape(1, 4, 2, 4, 2, 4).max(axis=(2, 4))
        brightness = X.mean()
        probabilities = np.array([brightness, 1 - brightness, 0.0])
        return {"input": X, "conv": conv, "pool": pool}, probabilities

    return feature_maps_fn


@pytest.fixture(scope="module")
def digits():
    noise = 0.01 * np.random.RandomState(3).rand(5, 8, 8, 1)
    pictures = 0.2 * np.arange(5).reshape(5, 1, 1, 1) + noise  # brightness 0, 0.2, ..., 0.8
    labels = np.array([[0, 1, 1, 0, 2]])  # the fake network predicts 1, 1, 1, 0, 0
    return pictures, labels


def test_feature_map_explorer_builds_headless_and_says_the_prediction(digits):
    figures_before = plt.get_fignums()
    calls = []
    explorer = widgets.feature_map_explorer(
        make_feature_maps_fn(calls), *digits, ["zero", "one", "two"], index=2
    )
    assert isinstance(explorer, ipywidgets.VBox) and calls == [(1, 8, 8, 1)]
    assert explorer.layer_buttons.options == ("all layers", "input", "conv", "pool")
    run = explorer.runs[(2,)]
    assert set(run.maps) == {"input", "conv", "pool"} and run.maps["pool"].shape == (4, 4, 4)
    status = _text(explorer.status.value)
    assert status.startswith("test picture #2 (true class one): the CNN predicts one (right")
    assert _png(explorer.plot).size[0] > 500
    assert plt.get_fignums() == figures_before


def test_feature_map_explorer_follows_the_slider_and_the_layer(digits):
    calls = []
    explorer = widgets.feature_map_explorer(make_feature_maps_fn(calls), *digits, index=1)
    all_layers = _png(explorer.plot)
    explorer.picture_slider.value = 4
    status = _text(explorer.status.value)
    assert (
        status.startswith("test picture #4 (true class 2): the CNN predicts 0")
        and "(wrong" in status
    )
    explorer.layer_buttons.value = "pool"
    assert "Showing: pool." in _text(explorer.status.value)
    assert _png(explorer.plot).size != all_layers.size
    explorer.picture_slider.value = 1  # remembered
    assert len(calls) == 2


def test_feature_map_explorer_reports_the_learners_problem(digits):
    def conv_forward_fast(A_prev, W, b, hparameters):
        raise NotImplementedError()

    def feature_maps_fn(X):
        conv_forward_fast(X, None, None, None)

    explorer = widgets.feature_map_explorer(feature_maps_fn, *digits)
    status = _text(explorer.status.value)
    assert "Your `conv_forward_fast` is not written yet" in status and "Traceback" not in status
    assert explorer.layer_buttons.options == ("all layers",) and explorer.update() is None

    def wrong_fn(X):
        return {"conv": np.zeros((8, 8, 2))}, [0.5, 0.5, 0.0]

    status = _text(widgets.feature_map_explorer(wrong_fn, *digits).status.value)
    assert "expected (1, n_H, n_W, n_C) for one picture" in status


def test_feature_map_explorer_rejects_bad_arguments(digits):
    pictures, labels = digits
    with pytest.raises(ValueError, match=re.escape("index must be a whole number 0..4")):
        widgets.feature_map_explorer(make_feature_maps_fn(), pictures, labels, index=5)
    with pytest.raises(ValueError, match=re.escape("labels must have shape (1, 5)")):
        widgets.feature_map_explorer(make_feature_maps_fn(), pictures, labels[:, :3])
    with pytest.raises(ValueError, match=re.escape("(m, n_H, n_W, n_C), channels last")):
        widgets.feature_map_explorer(make_feature_maps_fn(), pictures[..., 0], labels)
