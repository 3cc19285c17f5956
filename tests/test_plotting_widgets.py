"""Tests of helpers.plotting and helpers.widgets, headless (Agg backend, no frontend, no kernel)."""

from __future__ import annotations

import datetime
import io
import re

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import same_color  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PIL import Image  # noqa: E402
from widget_support import _close_figures  # noqa: E402, F401
from widget_support import shown_png as _png
from widget_support import shown_text as _text

from helpers import datasets, plotting, widgets  # noqa: E402
from support import ASSIGNMENTS, ROOT, load  # noqa: E402

CLASSES = np.array([b"non-cat", b"cat"])


@pytest.fixture
def pictures():
    """Six small random pictures (m, num_px, num_px, 3) uint8 and labels (1, m)."""
    rng = np.random.default_rng(1)
    images = rng.integers(0, 256, size=(6, 8, 8, 3), dtype=np.uint8)
    labels = np.array([[1, 0, 1, 1, 0, 0]])
    return images, labels


# ================================================================================ show_images
def test_show_images_one_axes_per_picture_with_decoded_class_names(pictures):
    images, labels = pictures
    fig = plotting.show_images(images, labels, CLASSES, ncols=4, title="Six pictures")
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 6
    assert fig.axes[0].get_subplotspec().get_gridspec().get_geometry() == (2, 4)
    for i, ax in enumerate(fig.axes):
        assert len(ax.images) == 1
        np.testing.assert_array_equal(ax.images[0].get_array(), images[i])
        expected = CLASSES[labels[0, i]].decode()
        assert ax.get_title() == expected  # 'cat', not "b'cat'"
    assert fig.get_suptitle() == "Six pictures"


def test_show_images_without_classes_and_with_labels_of_shape_m(pictures):
    images, labels = pictures
    fig = plotting.show_images(images, labels=labels[0])
    assert [ax.get_title() for ax in fig.axes] == [f"y = {y}" for y in labels[0]]


def test_show_images_marks_wrong_predictions_in_red(pictures):
    images, labels = pictures
    predictions = labels.astype(float)  # 0.0 / 1.0 like predict returns
    predictions[0, [1, 4]] = 1 - predictions[0, [1, 4]]
    fig = plotting.show_images(images, labels, CLASSES, predictions=predictions)
    for i, ax in enumerate(fig.axes):
        wrong = i in (1, 4)
        title = ax.get_title()
        assert f"predicted: {CLASSES[int(predictions[0, i])].decode()}" in title
        assert f"true: {CLASSES[labels[0, i]].decode()}" in title
        assert same_color(ax.title.get_color(), plotting.WRONG_COLOR) == wrong
        assert ax.spines["left"].get_visible() == wrong


def test_show_images_accepts_floats_in_0_1_and_grey_pictures(pictures):
    images, _ = pictures
    fig = plotting.show_images(images / 255.0)
    assert len(fig.axes) == 6
    grey = plotting.show_images(images[..., 0])
    assert grey.axes[0].images[0].get_cmap().name == "gray"


def test_show_images_draws_at_most_64_and_says_so():
    images = np.zeros((70, 4, 4, 3), dtype=np.uint8)
    fig = plotting.show_images(images, title="Many")
    assert len(fig.axes) == plotting.MAX_GRID_IMAGES
    assert "first 64 of 70" in fig.get_suptitle()


@pytest.mark.parametrize(
    ("make_images", "labels", "message"),
    [
        (lambda im: im.reshape(6, -1).T, None, "flattened"),
        (lambda im: np.zeros((64, 64, 3), dtype=np.uint8), None, "ONE picture"),
        (lambda im: im.astype(float), None, "divide by 255"),
        (lambda im: im / 255.0 - 0.5, None, "original uint8"),
        (lambda im: im, np.zeros((2, 6)), "shape (1, 6) or (6,)"),
        (lambda im: im, np.full((1, 6), 2), "labels must be 0..1"),
        (lambda im: im, np.full((1, 6), 0.7), "whole class numbers"),
    ],
)
def test_show_images_rejects_bad_input_with_a_helpful_message(
    pictures, make_images, labels, message
):
    images, _ = pictures
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.show_images(make_images(images), labels, CLASSES)


# ================================================================================= plot_costs
def test_plot_costs_accepts_floats_numpy_scalars_and_small_arrays():
    costs = [0.69, np.float64(0.5), np.array(0.4), np.array([[0.35]]), np.float32(0.3)]
    fig = plotting.plot_costs(costs, learning_rate=0.01)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 1
    ax = fig.axes[0]
    assert len(ax.lines) == 1
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0.69, 0.5, 0.4, 0.35, 0.3], rtol=1e-6)
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 100, 200, 300, 400])
    assert ax.get_xlabel() == "iterations"
    assert ax.get_ylabel() == "cost"
    assert ax.get_title() == "Cost during training"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["learning rate = 0.01"]


def test_plot_costs_every_title_and_no_legend_without_learning_rate():
    fig = plotting.plot_costs(np.array([0.7, 0.6, 0.5]), every=50, title="My costs")
    ax = fig.axes[0]
    np.testing.assert_array_equal(ax.lines[0].get_xdata(), [0, 50, 100])
    assert ax.get_title() == "My costs"
    assert ax.get_legend() is None


def test_plot_costs_says_when_the_cost_blew_up():
    fig = plotting.plot_costs([0.69, 3.0, np.inf, np.nan], learning_rate=5)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "NaN or inf" in texts and "learning rate = 5" in texts
    assert fig.axes[0].get_xlim()[1] >= 300  # every recorded iteration stays in view


@pytest.mark.parametrize(
    ("costs", "kwargs", "message"),
    [
        ([], {}, "costs is empty"),
        ({"costs": [0.5], "w": None}, {}, "pass its costs"),
        ([0.5, [0.4, 0.3]], {}, "costs[1] must be one number"),
        ("0.5", {}, "must be a list of numbers"),
        ([0.5, None], {}, "costs[1] must be one number"),
        ([0.5], {"every": 0}, "every must be a positive integer"),
        (np.zeros((2, 3)), {}, "shape (2, 3)"),
    ],
)
def test_plot_costs_rejects_bad_input_with_a_helpful_message(costs, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_costs(costs, **kwargs)


# ======================================================================== plot_learning_rates
def test_plot_learning_rates_one_labelled_line_per_rate():
    results = {
        0.01: [0.69, 0.4, 0.2],
        0.001: {"costs": [np.float64(0.69), 0.6, 0.55], "w": None},  # a model's dict works too
        "0.0001": [0.69, 0.68, 0.67],
    }
    fig = plotting.plot_learning_rates(results)
    ax = fig.axes[0]
    assert len(fig.axes) == 1 and len(ax.lines) == 3
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["learning rate = 0.01", "learning rate = 0.001", "learning rate = 0.0001"]
    np.testing.assert_allclose(ax.lines[1].get_ydata(), [0.69, 0.6, 0.55])
    assert ax.get_xlabel() == "iterations" and ax.get_ylabel() == "cost"
    assert ax.get_title()


@pytest.mark.parametrize(
    ("results", "message"),
    [({}, "non-empty dict"), ([[0.5]], "non-empty dict"), ({0.1: []}, "is empty")],
)
def test_plot_learning_rates_rejects_bad_input(results, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.plot_learning_rates(results)


# ========================================================================= show_misclassified
def test_show_misclassified_shows_exactly_the_wrong_ones(pictures):
    images, labels = pictures
    predictions = labels.copy()
    predictions[0, [0, 3, 5]] = 1 - predictions[0, [0, 3, 5]]
    fig = plotting.show_misclassified(images, labels, predictions, CLASSES)
    assert len(fig.axes) == 3
    for ax, index in zip(fig.axes, [0, 3, 5], strict=True):
        np.testing.assert_array_equal(ax.images[0].get_array(), images[index])
        assert ax.get_title().startswith(f"#{index} ")
        assert f"true: {CLASSES[labels[0, index]].decode()}" in ax.get_title()
    assert "Misclassified: 3 of 6" in fig.get_suptitle()

    capped = plotting.show_misclassified(images, labels, predictions, CLASSES, max_images=2)
    assert len(capped.axes) == 2
    assert "showing the first 2" in capped.get_suptitle()


def test_show_misclassified_when_all_are_right(pictures):
    images, labels = pictures
    fig = plotting.show_misclassified(images, labels, labels.astype(float), CLASSES)
    assert len(fig.axes) == 1
    assert "No misclassified pictures" in fig.axes[0].texts[0].get_text()


def test_show_misclassified_rejects_mismatched_labels(pictures):
    images, labels = pictures
    with pytest.raises(ValueError, match=re.escape("y_pred must have shape (1, 6) or (6,)")):
        plotting.show_misclassified(images, labels, labels[:, :5], CLASSES)


# ================================================================== show_original_and_resized
def test_show_original_and_resized_shows_both_with_their_sizes():
    picture = datasets.load_example_picture()
    small = datasets.resize_picture(picture, 64)
    fig = plotting.show_original_and_resized(picture, small)
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    left, right = fig.axes
    np.testing.assert_array_equal(left.images[0].get_array(), picture)
    np.testing.assert_array_equal(right.images[0].get_array(), small)
    assert left.get_title() == "original, 256 × 256"
    assert right.get_title() == "what the model sees, 64 × 64"
    assert not left.axison and not right.axison


@pytest.mark.parametrize(
    ("picture", "small", "message"),
    [
        (np.zeros((2, 8, 8, 3), np.uint8), np.zeros((4, 4, 3), np.uint8), "one picture"),
        (np.zeros((8, 8, 3), np.uint8), np.full((4, 4, 3), 300.0), "float images"),
    ],
)
def test_show_original_and_resized_rejects_bad_pictures(picture, small, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        plotting.show_original_and_resized(picture, small)


# ======================================================================== learning-rate widget
def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def tiny_model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
               print_cost=False):  # fmt: skip
    """A real little logistic regression with the course's signature and return dict."""
    w, b = np.zeros((X_train.shape[0], 1)), 0.0
    m = X_train.shape[1]
    costs = []
    for i in range(num_iterations):
        A = _sigmoid(w.T @ X_train + b)
        if i % 100 == 0:
            costs.append(-np.mean(Y_train * np.log(A) + (1 - Y_train) * np.log(1 - A)))
        w = w - learning_rate * (X_train @ (A - Y_train).T) / m
        b = b - learning_rate * float(np.sum(A - Y_train)) / m
    return {
        "costs": costs,
        "Y_prediction_train": (_sigmoid(w.T @ X_train + b) > 0.5).astype(float),
        "Y_prediction_test": (_sigmoid(w.T @ X_test + b) > 0.5).astype(float),
        "w": w,
        "b": b,
        "learning_rate": learning_rate,
        "num_iterations": num_iterations,
    }


@pytest.fixture
def tiny_data():
    """A linearly separable-ish problem: X (4, m), Y (1, m)."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(4, 60))
    Y = (X[0:1] + 0.5 * X[1:2] + 0.3 * rng.normal(size=(1, 60)) > 0).astype(float)
    return X[:, :40], Y[:, :40], X[:, 40:], Y[:, 40:]


def _accuracy(prediction, Y):
    return 100 - np.mean(np.abs(prediction - Y)) * 100


def test_learning_rate_explorer_builds_headless_and_shows_the_first_run(tiny_data):
    figures_before = plt.get_fignums()
    explorer = widgets.learning_rate_explorer(
        tiny_model, *tiny_data, learning_rates=(0.01, 0.1, 1.0), iterations=(100, 300)
    )
    assert isinstance(explorer, ipywidgets.VBox)
    assert explorer.learning_rate_slider.value == 0.1
    assert explorer.iterations_slider.value == 300
    assert explorer.learning_rate_slider.continuous_update is False
    assert explorer.iterations_slider.continuous_update is False
    expected = tiny_model(*tiny_data, num_iterations=300, learning_rate=0.1)
    status = _text(explorer.status.value)
    train = _accuracy(expected["Y_prediction_train"], tiny_data[1])
    test = _accuracy(expected["Y_prediction_test"], tiny_data[3])
    assert f"train accuracy {train:.1f} %" in status
    assert f"test accuracy {test:.1f} %" in status
    assert train > 70  # the tiny model really learned something
    picture = _png(explorer.plot)
    assert picture.size[0] > 300 and picture.size[1] > 200
    assert plt.get_fignums() == figures_before  # figures are closed after rendering


def test_learning_rate_explorer_updates_when_a_slider_moves(tiny_data):
    calls = []

    def counting_model(*args, **kwargs):
        calls.append((kwargs["learning_rate"], kwargs["num_iterations"]))
        return tiny_model(*args, **kwargs)

    explorer = widgets.learning_rate_explorer(
        counting_model, *tiny_data, learning_rates=(0.01, 1.0), iterations=(100, 200),
        learning_rate=0.01, num_iterations=100,
    )  # fmt: skip
    first_status, first_png = explorer.status.value, explorer.plot.outputs[0]["data"]["image/png"]
    assert calls == [(0.01, 100)]

    explorer.learning_rate_slider.value = 1.0  # observers fire without a frontend
    assert calls == [(0.01, 100), (1.0, 100)]
    assert explorer.status.value != first_status
    assert "learning rate = 1, 100 iterations" in _text(explorer.status.value)
    assert explorer.plot.outputs[0]["data"]["image/png"] != first_png
    assert set(explorer.runs) == {(0.01, 100), (1.0, 100)}
    np.testing.assert_allclose(
        explorer.runs[(1.0, 100)].costs, tiny_model(*tiny_data, 100, 1.0)["costs"]
    )

    explorer.iterations_slider.value = 200
    assert calls[-1] == (1.0, 200)
    explorer.learning_rate_slider.value = 0.01  # (0.01, 200): new
    explorer.iterations_slider.value = 100  # (0.01, 100): remembered, not retrained
    assert len(calls) == 4
    assert "learning rate = 0.01, 100 iterations" in _text(explorer.status.value)
    assert explorer.learning_rate_slider.disabled is False


def test_learning_rate_explorer_with_an_unwritten_model_shows_a_friendly_message(tiny_data):
    def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
              print_cost=False):  # fmt: skip
        raise NotImplementedError()

    explorer = widgets.learning_rate_explorer(model, *tiny_data)
    status = _text(explorer.status.value)
    assert "not written yet" in status and "NotImplementedError" in status
    assert "Traceback" not in status
    assert explorer.plot.outputs == ()
    explorer.iterations_slider.value = 100  # moving a slider still does not raise
    assert "not written yet" in _text(explorer.status.value)


@pytest.mark.parametrize(
    ("model", "message"),
    [
        (lambda *a, **k: (_ for _ in ()).throw(ValueError("shapes (1,4) and (5,40)")),
         "Your `model` raised ValueError: shapes (1,4) and (5,40)"),
        (lambda *a, **k: (1, 2), "should return a dict with the keys costs"),
        (lambda *a, **k: {"costs": [], "Y_prediction_train": 0, "Y_prediction_test": 0},
         "d[\"costs\"] is empty"),
        (lambda X, Y, Xt, Yt, **k: {"costs": [0.5], "Y_prediction_train": Y[:, :3],
                                     "Y_prediction_test": Yt},
         "shape (1, 3)"),
    ],
)  # fmt: skip
def test_learning_rate_explorer_explains_a_broken_model(tiny_data, model, message):
    explorer = widgets.learning_rate_explorer(model, *tiny_data, iterations=(100,))
    assert message in _text(explorer.status.value)


def test_learning_rate_explorer_rejects_bad_arguments(tiny_data):
    with pytest.raises(ValueError, match="learning_rates must not be empty"):
        widgets.learning_rate_explorer(tiny_model, *tiny_data, learning_rates=())
    with pytest.raises(ValueError, match="positive whole numbers"):
        widgets.learning_rate_explorer(tiny_model, *tiny_data, iterations=(100, 1.5))
    with pytest.raises(ValueError, match="not one of the slider's values"):
        widgets.learning_rate_explorer(tiny_model, *tiny_data, learning_rate=0.123)
    with pytest.raises(ValueError, match="your function `model`"):
        widgets.learning_rate_explorer("model", *tiny_data)


# ========================================================================== picture classifier
NUM_PX = 16


class BrightnessPredict:
    """A stand-in ``predict``: "cat" when the picture is bright. Records what it was given."""

    def __init__(self):
        self.inputs = []

    def __call__(self, w, b, X):
        self.inputs.append(X)
        return (np.mean(X, axis=0, keepdims=True) + b > w).astype(float)


def _png_bytes(color, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def test_picture_classifier_starts_with_the_example_picture():
    predict = BrightnessPredict()
    figures_before = plt.get_fignums()
    classifier = widgets.picture_classifier(predict, 0.5, 0.0, NUM_PX, CLASSES)
    assert isinstance(classifier, ipywidgets.VBox)
    assert classifier.upload.accept == "image/*" and classifier.upload.multiple is False
    expected_X = datasets.resize_picture(datasets.load_example_picture(), NUM_PX)
    expected_X = expected_X.reshape(NUM_PX * NUM_PX * 3, 1) / 255
    assert len(predict.inputs) == 1
    np.testing.assert_allclose(predict.inputs[0], expected_X)
    label = int(np.mean(expected_X) > 0.5)
    assert classifier.prediction == label
    name = CLASSES[label].decode()
    assert _text(classifier.verdict.value) == (
        f"y = {label} — your model says this is a '{name}' picture."
    )
    assert _png(classifier.plot).size[0] > 300
    assert plt.get_fignums() == figures_before


@pytest.mark.parametrize(("color", "label", "name"), [((250, 240, 230), 1, "cat"),
                                                      ((10, 20, 30), 0, "non-cat")])  # fmt: skip
def test_picture_classifier_classifies_uploaded_bytes(color, label, name):
    predict = BrightnessPredict()
    classifier = widgets.picture_classifier(predict, 0.5, 0.0, NUM_PX, CLASSES)
    assert classifier.classify_bytes(_png_bytes(color), name="mine.png") == label
    assert predict.inputs[-1].shape == (NUM_PX * NUM_PX * 3, 1)
    np.testing.assert_allclose(predict.inputs[-1][:3, 0], np.array(color) / 255, atol=1 / 255)
    assert _text(classifier.verdict.value) == (
        f"y = {label} — your model says this is a '{name}' picture."
    )


def test_picture_classifier_reacts_to_the_upload_button():
    classifier = widgets.picture_classifier(BrightnessPredict(), 0.5, 0.0, NUM_PX, CLASSES)
    content = _png_bytes((5, 5, 5))
    classifier.upload.value = (
        {
            "name": "dark.png",
            "type": "image/png",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime.now(datetime.timezone.utc),
        },
    )
    assert classifier.prediction == 0
    assert "'non-cat' picture" in _text(classifier.verdict.value)
    assert classifier.upload.value == ()  # ready for the next upload


def test_picture_classifier_says_when_the_file_is_not_a_picture():
    classifier = widgets.picture_classifier(BrightnessPredict(), 0.5, 0.0, NUM_PX, CLASSES)
    assert classifier.classify_bytes(b"this is not a picture", name="notes.txt") is None
    verdict = _text(classifier.verdict.value)
    assert "Could not read notes.txt" in verdict and "PNG or JPEG" in verdict
    assert classifier.prediction is None
    assert classifier.plot.outputs == ()


def test_picture_classifier_with_an_unwritten_or_broken_predict():
    def unwritten(w, b, X):
        raise NotImplementedError()

    classifier = widgets.picture_classifier(unwritten, 0.5, 0.0, NUM_PX, CLASSES)
    assert "Your `predict` is not written yet" in _text(classifier.verdict.value)
    assert classifier.prediction is None

    wrong_shape = widgets.picture_classifier(
        lambda w, b, X: np.ones((1, 3)), 0.5, 0.0, NUM_PX, CLASSES
    )
    assert "expected an array of shape (1, 1)" in _text(wrong_shape.verdict.value)


def test_picture_classifier_rejects_bad_arguments():
    with pytest.raises(ValueError, match="num_px must be a positive integer"):
        widgets.picture_classifier(BrightnessPredict(), 0.5, 0.0, 0, CLASSES)
    with pytest.raises(ValueError, match="your function `predict`"):
        widgets.picture_classifier(None, 0.5, 0.0, NUM_PX, CLASSES)


def test_a_static_viewer_sees_one_clean_line_for_an_explorer():
    import ipywidgets

    from helpers.widgets.base import Explorer

    explorer = Explorer("<b>intro</b>", ipywidgets.HBox([]))
    text = explorer._repr_mimebundle_()["text/plain"]
    assert text == "[Explorer: an interactive widget; run the notebook to use it]"
    assert "children" not in text


def test_an_explorer_trains_with_one_blas_thread():
    import ipywidgets
    from threadpoolctl import threadpool_info

    from helpers.widgets.base import Explorer

    def blas_threads():
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    explorer = Explorer("<b>intro</b>", ipywidgets.HBox([]))
    assert explorer._call_learner("blas_threads", blas_threads) == {1}


def test_a_notebook_limits_numpy_to_one_blas_thread_unless_told(monkeypatch):
    """Each notebook's setup cell calls helpers.limit_blas_threads(): OpenBLAS threads that
    spin against each other made a Run All several times slower on a shared machine.
    COURSE_BLAS_THREADS lets a learner choose."""
    from threadpoolctl import threadpool_info, threadpool_limits

    import helpers

    def blas_threads():
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    with threadpool_limits(limits=None):  # put back whatever the process had
        monkeypatch.delenv("COURSE_BLAS_THREADS", raising=False)
        assert helpers.limit_blas_threads() == 1 and blas_threads() == {1}
        monkeypatch.setenv("COURSE_BLAS_THREADS", "2")
        assert helpers.limit_blas_threads() == 2
        assert blas_threads() <= {1, 2}  # at most what this OpenBLAS was built for
    for assignment in ASSIGNMENTS:
        notebook = load(ROOT / "source" / assignment / f"{assignment}.ipynb")
        setup = next(
            c
            for c in notebook["cells"]
            if c["metadata"].get("nbgrader", {}).get("grade_id") == "setup"
        )
        assert "limit_blas_threads()" in "".join(setup["source"]), assignment


def test_what_the_learners_code_prints_does_not_land_above_the_explorer(capsys):
    import ipywidgets

    from helpers.widgets.base import Explorer

    def model():
        print("train accuracy: 99.0 %")
        return 1

    explorer = Explorer("<b>intro</b>", ipywidgets.HBox([]))
    assert explorer._call_learner("model", model) == 1
    assert capsys.readouterr().out == ""


def test_the_upload_button_shows_its_whole_label():
    def predict(w, b, X):
        return np.zeros((1, X.shape[1]))

    widget = widgets.picture_classifier(predict, 0.5, 0.0, NUM_PX, CLASSES)
    assert widget.upload.description == "Upload a picture" and widget.upload.layout.width == "auto"
