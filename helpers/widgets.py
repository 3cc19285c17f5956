"""Interactive widgets of the course (ipywidgets 8): change a hyperparameter, see the effect.

- :func:`learning_rate_explorer`: sliders for the learning rate and the number of iterations
  retrain *your* ``model`` and show its cost curve and its train / test accuracy.
- :func:`picture_classifier`: upload a picture (PNG or JPEG) and see what *your* ``predict``
  says about it.
- :func:`decision_boundary_explorer`: a data-set menu and sliders for the hidden-layer size
  and the number of iterations retrain *your* ``nn_model`` and show its decision boundary.
- :func:`deep_model_explorer`: a text field for the hidden-layer sizes (``20, 7, 5``) and
  sliders for the learning rate and the iterations retrain *your* ``L_layer_model`` and show
  its cost curve and its train / test accuracy.

Shapes (the vocabulary of :mod:`helpers`): ``X`` is ``(n_x, m)`` with examples as columns,
``Y`` is ``(1, m)``, pictures are ``(num_px, num_px, 3)`` uint8.

The widgets work without a browser too (in a plain Python process, or when a notebook is run
headless by nbclient/nbgrader): they are built, train once with their starting values and
hold their figures as PNG data in an ``ipywidgets.Output``; nothing waits for a user. Each
widget object keeps its parts as attributes (sliders, ``status`` text, ``plot`` output) and
has a method that does what a user action would (:meth:`LearningRateExplorer.update`,
:meth:`PictureClassifier.classify_bytes`, :meth:`DecisionBoundaryExplorer.update`,
:meth:`DeepModelExplorer.update`), so tests can drive it.

When your code raises (for example ``NotImplementedError`` because you have not written it
yet), the widget shows a short message saying what to do instead of a traceback.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import time
import warnings
from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers import datasets, plotting

__all__ = [
    "learning_rate_explorer",
    "picture_classifier",
    "LearningRateExplorer",
    "PictureClassifier",
    "decision_boundary_explorer",
    "DecisionBoundaryExplorer",
    "deep_model_explorer",
    "DeepModelExplorer",
    "parse_hidden_layers",
]

DEFAULT_LEARNING_RATES = (0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1)
DEFAULT_ITERATIONS = (100, 200, 500, 1000, 1500, 2000, 3000)
COST_EVERY = 100  # the course's optimize records the cost every 100 iterations
_PROBLEM_COLOR = "#b00020"


# ==================================================================================== shared
def _figure_output(fig) -> dict:
    """A matplotlib figure as one ``display_data`` output (PNG); the figure is closed."""
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format="png", dpi=100, facecolor="white")
    finally:
        plt.close(fig)
    width, height = (int(round(size * 100)) for size in fig.get_size_inches())
    return {
        "output_type": "display_data",
        "data": {
            "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
            "text/plain": f"<Figure size {width}x{height}>",
        },
        "metadata": {},
    }


def _choice_slider(
    choices, value, description: str, style: dict, label: str = "{}", width: str = "420px"
):
    """A slider over fixed choices that acts only when released (training is slow)."""
    return widgets.SelectionSlider(
        options=[(label.format(choice), choice) for choice in choices],
        value=value,
        description=description,
        continuous_update=False,
        style=style,
        layout=widgets.Layout(width=width),
    )


def _show_figure(output: widgets.Output, fig) -> None:
    """Replace what ``output`` shows by ``fig``.

    Setting ``outputs`` directly (what ``Output.append_display_data`` does) works the same
    in a live kernel, in a headless run and in a test, unlike ``with output: display(fig)``,
    which needs an IPython kernel to capture anything.
    """
    output.outputs = (_figure_output(fig),)


def _problem_html(text: str) -> str:
    return (
        f'<div style="color: {_PROBLEM_COLOR}; border-left: 4px solid {_PROBLEM_COLOR}; '
        f'padding: 4px 10px; white-space: pre-wrap;">{html.escape(text)}</div>'
    )


def _learner_error(name: str, error: Exception) -> str:
    """A short, friendly message for an exception raised by the learner's function ``name``."""
    if isinstance(error, NotImplementedError):
        return (
            f"Your `{name}` is not written yet (it raised NotImplementedError). "
            f"Write `{name}` above, run its cell, then run this cell again."
        )
    detail = str(error).strip() or "(no message)"
    return (
        f"Your `{name}` raised {type(error).__name__}: {detail}\n"
        f"Fix `{name}` above (its public checks help), run its cell, then run this cell again."
    )


def _choices(values, name: str, *, integer: bool) -> tuple:
    try:
        values = tuple(values)
    except TypeError:
        raise ValueError(f"{name} must be a list of numbers, got {values!r}.") from None
    if not values:
        raise ValueError(f"{name} must not be empty.")
    ok_type = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    kind = "positive whole numbers" if integer else "positive numbers"
    for value in values:
        if isinstance(value, bool) or not isinstance(value, ok_type) or not value > 0:
            raise ValueError(f"{name} must hold {kind}, got {value!r}.")
    converted = tuple(int(v) if integer else float(v) for v in values)
    if len(set(converted)) != len(converted):
        raise ValueError(f"{name} holds the same value twice: {values!r}.")
    return converted


def _start(value, options: tuple, name: str):
    if value is None:
        return options[len(options) // 2]
    if value not in options:
        raise ValueError(f"{name}={value!r} is not one of the slider's values {options}.")
    return options[options.index(value)]


# ======================================================================== learning rates
@dataclass(frozen=True)
class TrainingRun:
    """What one call of the learner's ``model`` produced."""

    learning_rate: float
    num_iterations: int
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float


class _LearnerProblem(Exception):
    """The learner's function failed or returned something unusable (the message says why)."""


def _accuracy(prediction, Y, key: str) -> float:
    """``100 - mean(|Y_prediction - Y|) * 100``, in percent."""
    Y = np.asarray(Y, dtype=np.float64)
    try:
        prediction = np.asarray(prediction, dtype=np.float64)
    except (TypeError, ValueError):
        raise _LearnerProblem(
            f'Your `model` returned d["{key}"] that is not an array of 0/1 labels.'
        ) from None
    if prediction.size != Y.size:
        raise _LearnerProblem(
            f'Your `model` returned d["{key}"] with shape {prediction.shape}, but the labels '
            f"have shape {Y.shape}: it should hold one prediction per example."
        )
    return float(100 - np.mean(np.abs(prediction.reshape(Y.shape) - Y)) * 100)


class LearningRateExplorer(widgets.VBox):
    """Sliders for the learning rate and the number of iterations, a cost plot, accuracies.

    Attributes: ``learning_rate_slider``, ``iterations_slider`` (``SelectionSlider``),
    ``status`` (``HTML``: accuracies or a message), ``plot`` (``Output``: the cost curve),
    ``runs`` (``{(learning_rate, num_iterations): TrainingRun}``, every run so far).
    Moving a slider calls :meth:`update`; so does setting a slider's ``value`` in code.
    """

    def __init__(
        self,
        model,
        X_train,
        Y_train,
        X_test,
        Y_test,
        learning_rates=DEFAULT_LEARNING_RATES,
        iterations=DEFAULT_ITERATIONS,
        *,
        learning_rate=None,
        num_iterations=None,
    ) -> None:
        if not callable(model):
            raise ValueError(
                "learning_rate_explorer: the first argument must be your function `model`, "
                f"got {type(model).__name__}."
            )
        rates = _choices(learning_rates, "learning_rates", integer=False)
        counts = _choices(iterations, "iterations", integer=True)
        learning_rate = _start(learning_rate, rates, "learning_rate")
        num_iterations = _start(num_iterations, counts, "num_iterations")

        slider_style = {"description_width": "110px"}
        self.learning_rate_slider = _choice_slider(
            rates, learning_rate, "learning rate", slider_style, "{:g}"
        )
        self.iterations_slider = _choice_slider(
            counts, num_iterations, "iterations", slider_style, "{}"
        )
        self.status = widgets.HTML()
        self.plot = widgets.Output()
        self.runs: dict[tuple[float, int], TrainingRun] = {}
        self._model = model
        self._data = (X_train, Y_train, X_test, Y_test)
        intro = widgets.HTML(
            "<b>Learning rate explorer</b>: pick a learning rate and a number of iterations; "
            "your <code>model</code> trains again (this takes a moment) and shows its cost "
            "and accuracies. Earlier runs with the same number of iterations stay in grey."
        )
        sliders = widgets.VBox([self.learning_rate_slider, self.iterations_slider])
        super().__init__(children=[intro, sliders, self.status, self.plot])
        self.learning_rate_slider.observe(self.update, names="value")
        self.iterations_slider.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> TrainingRun | None:
        """Train (or reuse) the run for the sliders' values and show it; ``None`` on a problem."""
        key = (self.learning_rate_slider.value, self.iterations_slider.value)
        if key not in self.runs:
            self.status.value = (
                f"<i>training with learning rate = {key[0]:g} for {key[1]} iterations...</i>"
            )
            self._enable_sliders(False)
            try:
                self.runs[key] = self._train(*key)
            except _LearnerProblem as problem:
                self.status.value = _problem_html(str(problem))
                self.plot.outputs = ()
                return None
            finally:
                self._enable_sliders(True)
        run = self.runs[key]
        final = run.costs[-1]
        self.status.value = (
            f"<b>learning rate = {run.learning_rate:g}, {run.num_iterations} iterations</b>: "
            f"train accuracy <b>{run.train_accuracy:.1f} %</b>, "
            f"test accuracy <b>{run.test_accuracy:.1f} %</b>, "
            f"last recorded cost {final:.4g}"
        )
        _show_figure(self.plot, self._figure(run))
        return run

    def _enable_sliders(self, enabled: bool) -> None:
        self.learning_rate_slider.disabled = not enabled
        self.iterations_slider.disabled = not enabled

    def _train(self, learning_rate: float, num_iterations: int) -> TrainingRun:
        X_train, Y_train, X_test, Y_test = self._data
        try:
            # A large learning rate may overflow exp or log; the plot says so instead.
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                result = self._model(
                    X_train,
                    Y_train,
                    X_test,
                    Y_test,
                    num_iterations=num_iterations,
                    learning_rate=learning_rate,
                    print_cost=False,
                )
        except Exception as error:  # the learner's code: show a message, not a traceback
            raise _LearnerProblem(_learner_error("model", error)) from error
        required = ("costs", "Y_prediction_train", "Y_prediction_test")
        if not isinstance(result, dict) or any(key not in result for key in required):
            got = (
                f"a dict with keys {sorted(result)}"
                if isinstance(result, dict)
                else type(result).__name__
            )
            raise _LearnerProblem(
                f"Your `model` should return a dict with the keys {', '.join(required)} "
                f"(and w, b, learning_rate, num_iterations); it returned {got}."
            )
        try:
            costs = plotting._cost_values(result["costs"], "model", 'd["costs"]')
        except ValueError as error:
            raise _LearnerProblem(f"Your `model` returned unusable costs: {error}") from None
        return TrainingRun(
            learning_rate=learning_rate,
            num_iterations=num_iterations,
            costs=costs,
            train_accuracy=_accuracy(result["Y_prediction_train"], Y_train, "Y_prediction_train"),
            test_accuracy=_accuracy(result["Y_prediction_test"], Y_test, "Y_prediction_test"),
        )

    def _figure(self, run: TrainingRun):
        """The run's cost curve in bold, earlier runs with as many iterations thinner.

        Each learning rate keeps one colour (dark = small, light = large) from run to run.
        """
        fig = plotting.plot_costs(
            run.costs,
            learning_rate=run.learning_rate,
            every=COST_EVERY,
            title=f"Cost during training ({run.num_iterations} iterations)",
        )
        ax = fig.axes[0]
        current = ax.lines[0]
        current.set_color(self._color(run.learning_rate))
        current.set_linewidth(2.6)
        current.set_zorder(3)
        earlier = [
            other
            for other in self.runs.values()
            if other.num_iterations == run.num_iterations and other is not run
        ]
        lines = [(run.learning_rate, current)]
        for other in earlier:
            (line,) = ax.plot(
                np.arange(len(other.costs)) * COST_EVERY,
                other.costs,
                color=self._color(other.learning_rate),
                linewidth=1.3,
                alpha=0.6,
                zorder=2,
                label=f"learning rate = {other.learning_rate:g} (earlier)",
            )
            lines.append((other.learning_rate, line))
        if earlier:
            by_rate = [line for _, line in sorted(lines, key=lambda pair: pair[0])]
            ax.legend(by_rate, [line.get_label() for line in by_rate], frameon=False, fontsize=8)
        return fig

    def _color(self, learning_rate: float):
        rates = [value for _, value in self.learning_rate_slider.options]
        position = rates.index(learning_rate) / max(len(rates) - 1, 1)
        return plt.get_cmap("plasma")(0.05 + 0.75 * position)


def learning_rate_explorer(
    model,
    X_train,
    Y_train,
    X_test,
    Y_test,
    learning_rates=DEFAULT_LEARNING_RATES,
    iterations=DEFAULT_ITERATIONS,
    *,
    learning_rate=None,
    num_iterations=None,
) -> LearningRateExplorer:
    """A widget that retrains your ``model`` when you move its learning-rate / iterations sliders.

    Arguments:
        model: your function ``model(X_train, Y_train, X_test, Y_test, num_iterations,
            learning_rate, print_cost) -> dict`` (keys ``"costs"``, ``"Y_prediction_train"``,
            ``"Y_prediction_test"``, ...).
        X_train, Y_train: ``(n_x, m_train)`` and ``(1, m_train)``.
        X_test, Y_test: ``(n_x, m_test)`` and ``(1, m_test)``.
        learning_rates: the values of the learning-rate slider.
        iterations: the values of the iterations slider.
        learning_rate, num_iterations: where the sliders start (default: the middle value,
            0.005 and 1000 with the default lists).

    It trains once when built, then whenever a slider is released; runs are remembered, so
    going back to a setting is instant. Accuracy is ``100 - mean(|Y_prediction - Y|) * 100``.
    If ``model`` raises, the widget shows a short message instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`LearningRateExplorer`).
    """
    return LearningRateExplorer(
        model,
        X_train,
        Y_train,
        X_test,
        Y_test,
        learning_rates,
        iterations,
        learning_rate=learning_rate,
        num_iterations=num_iterations,
    )


# ======================================================================= your own picture
class PictureClassifier(widgets.VBox):
    """An upload button, the picture, and what your ``predict`` says about it.

    Attributes: ``upload`` (``FileUpload``), ``plot`` (``Output``: the picture as uploaded and
    as the model sees it), ``verdict`` (``HTML``), ``prediction`` (the last label, or ``None``
    when the last picture could not be classified). :meth:`classify_bytes` does what an
    upload does.
    """

    def __init__(self, predict, w, b, num_px, classes) -> None:
        if not callable(predict):
            raise ValueError(
                "picture_classifier: the first argument must be your function `predict`, "
                f"got {type(predict).__name__}."
            )
        if isinstance(num_px, bool) or not isinstance(num_px, (int, np.integer)) or num_px < 1:
            raise ValueError(
                f"picture_classifier: num_px must be a positive integer (64), got {num_px!r}."
            )
        self.class_names = plotting._class_names(classes, "picture_classifier")
        self.num_px = int(num_px)
        self.prediction: int | None = None
        self._predict, self._w, self._b = predict, w, b
        self.upload = widgets.FileUpload(
            accept="image/*", multiple=False, description="Upload a picture"
        )
        self.verdict = widgets.HTML()
        self.plot = widgets.Output()
        intro = widgets.HTML(
            "<b>Try your own picture</b>: upload a PNG or JPEG file. It is shrunk to "
            f"{self.num_px} &times; {self.num_px} pixels, scaled to 0..1 like the training "
            "data, and given to your <code>predict</code>. Until you upload one, an example "
            "picture is shown."
        )
        super().__init__(children=[intro, self.upload, self.verdict, self.plot])
        self.upload.observe(self._on_upload, names="value")
        self.classify_picture(datasets.load_example_picture(), name="the example picture")

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        file = files[0]
        self.classify_bytes(bytes(file["content"]), name=file.get("name") or "your picture")
        self.upload.value = ()  # so that uploading the same file again works too

    def classify_bytes(self, data: bytes, name: str = "your picture") -> int | None:
        """Decode a PNG/JPEG file's bytes and classify the picture (as an upload does)."""
        try:
            picture = datasets.read_picture(data)
        except Exception as error:  # anything Pillow or the reader says: tell, don't crash
            detail = str(error).strip() or type(error).__name__
            return self._fail(f"Could not read {name} as a picture: {detail}", None, name)
        return self.classify_picture(picture, name=name)

    def classify_picture(self, picture, name: str = "your picture") -> int | None:
        """Classify a picture ``(height, width, 3)`` uint8; show it and the verdict."""
        try:
            small = datasets.resize_picture(picture, self.num_px)
        except Exception as error:
            return self._fail(f"Could not use {name}: {error}", None, name)
        X = small.reshape((self.num_px * self.num_px * 3, 1)) / 255.0
        try:
            with np.errstate(all="ignore"):
                result = self._predict(self._w, self._b, X)
        except Exception as error:  # the learner's code
            return self._fail(_learner_error("predict", error), (picture, small), name)
        label = self._label(result)
        if label is None:
            message = (
                f"Your `predict` returned {np.asarray(result)!r} for one picture; expected an "
                f"array of shape (1, 1) holding a label 0..{len(self.class_names) - 1}."
            )
            return self._fail(message, (picture, small), name)
        self.prediction = label
        self.verdict.value = (
            f'<span style="font-size: 1.2em;">y = {label} &mdash; your model says this is a '
            f"'<b>{html.escape(self.class_names[label])}</b>' picture.</span>"
        )
        _show_figure(self.plot, self._figure(picture, small, name))
        return label

    def _label(self, result) -> int | None:
        try:
            value = np.asarray(result, dtype=np.float64)
        except (TypeError, ValueError):
            return None
        if value.size != 1 or not np.isfinite(value).all():
            return None
        label = float(value.reshape(()))
        if label != round(label) or not 0 <= label < len(self.class_names):
            return None
        return int(label)

    def _fail(self, message: str, pictures, name: str) -> None:
        self.prediction = None
        self.verdict.value = _problem_html(message)
        if pictures is None:
            self.plot.outputs = ()
        else:
            _show_figure(self.plot, self._figure(*pictures, name))
        return None

    def _figure(self, picture, small, name: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.4), layout="constrained")
        left.imshow(picture)
        left.set_title(_shorten(name), fontsize=10)
        right.imshow(small, interpolation="nearest")
        right.set_title(f"what the model sees ({self.num_px} × {self.num_px})", fontsize=10)
        for ax in (left, right):
            ax.set_xticks([])
            ax.set_yticks([])
        return fig


def _shorten(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 3] + "..."


def picture_classifier(predict, w, b, num_px, classes) -> PictureClassifier:
    """A widget that classifies a picture you upload with your ``predict``.

    Arguments:
        predict: your function ``predict(w, b, X) -> (1, m)`` array of 0/1.
        w, b: trained parameters, e.g. ``d["w"]`` (``(num_px * num_px * 3, 1)``) and ``d["b"]``.
        num_px: the pictures' size the model was trained on (64).
        classes: names of the labels, e.g. ``[b'non-cat', b'cat']``.

    The picture is resized to ``(num_px, num_px, 3)``, reshaped to ``(num_px * num_px * 3, 1)``
    and divided by 255, exactly like the training data. Until you upload a picture the widget
    classifies an example picture (:func:`helpers.datasets.load_example_picture`). A file that
    is not a picture, or a ``predict`` that raises, gives a short message in the widget.

    Returns: the widget, a ``VBox`` (:class:`PictureClassifier`).
    """
    return PictureClassifier(predict, w, b, num_px, classes)


# ==================================================================== decision-boundary explorer
DEFAULT_HIDDEN_SIZES = (1, 2, 3, 4, 5, 10, 20, 50)
DEFAULT_BOUNDARY_ITERATIONS = (100, 500, 1000, 2000, 5000, 10000)
EXPLORER_SEED = 3  # the explorer seeds np.random with this before each training run


@dataclass(frozen=True)
class BoundaryRun:
    """What one training run of the learner's ``nn_model`` produced."""

    dataset: str
    n_h: int
    num_iterations: int
    parameters: dict
    accuracy: float


class _SeededRandom:
    """A ``with`` block with ``np.random`` seeded; the learner's random state is put back after."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def __enter__(self) -> None:
        self.state = np.random.get_state()
        np.random.seed(self.seed)

    def __exit__(self, *exc) -> bool:
        np.random.set_state(self.state)
        return False


def _labels(result, m: int) -> np.ndarray:
    """The learner's predictions as a float array (1, m) of 0/1, or a _LearnerProblem."""
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise _LearnerProblem(
            f"Your `predict` returned {type(result).__name__}; expected an array of shape "
            f"(1, {m}) of 0 and 1."
        ) from None
    if array.size != m:
        raise _LearnerProblem(
            f"Your `predict` returned an array of shape {array.shape} for {m} points; expected "
            f"shape (1, {m}), one label per point (column of X)."
        )
    array = array.reshape(1, m)
    if not np.all(np.isin(array, (0.0, 1.0))):
        raise _LearnerProblem(
            "Your `predict` returned values other than 0 and 1 (probabilities?); it should "
            "return the labels, 1 where A2 > 0.5 and 0 elsewhere."
        )
    return array


class DecisionBoundaryExplorer(widgets.VBox):
    """Pick a data set, a hidden-layer size and a number of iterations; see the boundary.

    Attributes: ``dataset_dropdown`` (``Dropdown``), ``hidden_size_slider`` and
    ``iterations_slider`` (``SelectionSlider``), ``status`` (``HTML``: the accuracy or a
    message), ``plot`` (``Output``: the decision boundary), ``runs``
    (``{(dataset, n_h, num_iterations): BoundaryRun}``, every run so far).
    Changing a control calls :meth:`update`; so does setting its ``value`` in code.
    """

    def __init__(
        self,
        nn_model,
        predict,
        datasets,
        hidden_sizes=DEFAULT_HIDDEN_SIZES,
        iterations=DEFAULT_BOUNDARY_ITERATIONS,
        *,
        dataset=None,
        n_h=4,
        num_iterations=2000,
    ) -> None:
        name = "decision_boundary_explorer"
        for function, label in ((nn_model, "nn_model"), (predict, "predict")):
            if not callable(function):
                raise ValueError(
                    f"{name}: expected your function `{label}`, got {type(function).__name__}."
                )
        self._data = _checked_datasets(datasets, name)
        sizes = _choices(hidden_sizes, "hidden_sizes", integer=True)
        counts = _choices(iterations, "iterations", integer=True)
        names = list(self._data)
        if dataset is None:
            dataset = names[0]
        if dataset not in self._data:
            raise ValueError(f"{name}: dataset={dataset!r} is not one of {names}.")
        n_h = _start(n_h, sizes, "n_h")
        num_iterations = _start(num_iterations, counts, "num_iterations")

        style = {"description_width": "110px"}
        self.dataset_dropdown = widgets.Dropdown(
            options=names, value=dataset, description="data set", style=style
        )
        self.hidden_size_slider = _choice_slider(sizes, n_h, "hidden units n_h", style)
        self.iterations_slider = _choice_slider(counts, num_iterations, "iterations", style)
        self.status = widgets.HTML()
        self.plot = widgets.Output()
        self.runs: dict[tuple[str, int, int], BoundaryRun] = {}
        self._nn_model, self._predict = nn_model, predict
        intro = widgets.HTML(
            "<b>Decision boundary explorer</b>: pick a data set, the number of hidden units and "
            "of iterations; your <code>nn_model</code> trains a network (learning rate 1.2, "
            "this takes a moment) and your <code>predict</code> colours the plane. The weights "
            f"start from the same random numbers every time (seed {EXPLORER_SEED})."
        )
        controls = widgets.VBox(
            [self.dataset_dropdown, self.hidden_size_slider, self.iterations_slider]
        )
        super().__init__(children=[intro, controls, self.status, self.plot])
        for control in (self.dataset_dropdown, self.hidden_size_slider, self.iterations_slider):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> BoundaryRun | None:
        """Train (or reuse) the run for the controls' values and show it; ``None`` on a problem."""
        key = (
            self.dataset_dropdown.value,
            self.hidden_size_slider.value,
            self.iterations_slider.value,
        )
        X, Y = self._data[key[0]]
        if key not in self.runs:
            self.status.value = (
                f"<i>training on {html.escape(key[0])} with n_h = {key[1]} for {key[2]} "
                "iterations...</i>"
            )
            self._enable(False)
            try:
                self.runs[key] = self._train(*key)
            except _LearnerProblem as problem:
                self.status.value = _problem_html(str(problem))
                self.plot.outputs = ()
                return None
            finally:
                self._enable(True)
        run = self.runs[key]
        try:
            fig = plotting.plot_decision_boundary(
                lambda points: self._predict(run.parameters, points),
                X,
                Y,
                title=f"{run.dataset}: n_h = {run.n_h}, {run.num_iterations} iterations",
            )
        except ValueError as error:  # predict misbehaved on the grid points
            self.status.value = _problem_html(
                f"Could not draw the boundary with your `predict`: {error}"
            )
            self.plot.outputs = ()
            return None
        self.status.value = (
            f"<b>{html.escape(run.dataset)}, n_h = {run.n_h}, {run.num_iterations} "
            f"iterations</b>: accuracy <b>{run.accuracy:.1f} %</b> on its {Y.shape[1]} points"
        )
        _show_figure(self.plot, fig)
        return run

    def _enable(self, enabled: bool) -> None:
        for control in (self.dataset_dropdown, self.hidden_size_slider, self.iterations_slider):
            control.disabled = not enabled

    def _train(self, dataset: str, n_h: int, num_iterations: int) -> BoundaryRun:
        X, Y = self._data[dataset]
        try:
            with _SeededRandom(EXPLORER_SEED), np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                parameters = self._nn_model(
                    X, Y, n_h, num_iterations=num_iterations, print_cost=False
                )
        except Exception as error:  # the learner's code: a message, not a traceback
            raise _LearnerProblem(_learner_error("nn_model", error)) from error
        if not isinstance(parameters, dict):
            raise _LearnerProblem(
                "Your `nn_model` should return the parameters dict (W1, b1, W2, b2); it "
                f"returned {type(parameters).__name__}."
            )
        try:
            with np.errstate(all="ignore"):
                predictions = self._predict(parameters, X)
        except Exception as error:
            raise _LearnerProblem(_learner_error("predict", error)) from error
        predictions = _labels(predictions, X.shape[1])
        accuracy = float(100 * np.mean(predictions == Y))
        return BoundaryRun(dataset, n_h, num_iterations, parameters, accuracy)


def _checked_datasets(datasets, function: str) -> dict:
    """``{name: (X (2, m), Y (1, m))}`` as float arrays, or a ValueError that says what is wrong."""
    if not isinstance(datasets, dict) or not datasets:
        raise ValueError(
            f"{function}: datasets must be a non-empty dict {{name: (X, Y)}}, e.g. "
            "{'flower': (X, Y)} or datasets.load_extra_datasets(); got "
            f"{type(datasets).__name__ if not isinstance(datasets, dict) else 'an empty dict'}."
        )
    checked = {}
    for name, pair in datasets.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(f"{function}: datasets[{name!r}] must be a pair (X, Y).")
        X = plotting._points(pair[0], function)
        Y = plotting._binary_labels(pair[1], X.shape[1], f"the Y of {name!r}", function)
        checked[str(name)] = (X, Y.reshape(1, -1).astype(np.float64))
    return checked


def decision_boundary_explorer(
    nn_model,
    predict,
    datasets,
    hidden_sizes=DEFAULT_HIDDEN_SIZES,
    iterations=DEFAULT_BOUNDARY_ITERATIONS,
    *,
    dataset=None,
    n_h=4,
    num_iterations=2000,
) -> DecisionBoundaryExplorer:
    """A widget that trains your one-hidden-layer network and shows its decision boundary.

    Arguments:
        nn_model: your function ``nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)
            -> parameters`` (a dict with ``"W1"``, ``"b1"``, ``"W2"``, ``"b2"``).
        predict: your function ``predict(parameters, X) -> (1, m)`` array of 0 and 1.
        datasets: ``{name: (X, Y)}`` with ``X`` ``(2, m)`` and ``Y`` ``(1, m)`` of 0/1, e.g.
            ``{"flower": (X, Y), **datasets.load_extra_datasets()}``.
        hidden_sizes: the values of the hidden-units slider.
        iterations: the values of the iterations slider.
        dataset, n_h, num_iterations: where the controls start (default: the first data set,
            4 hidden units, 2000 iterations).

    What it exposes: the data set (a dropdown), the hidden-layer size ``n_h`` and the number
    of iterations (sliders). ``nn_model`` has no learning-rate argument, so the learning rate
    is the one inside it (1.2). Before each run ``np.random`` is seeded with
    :data:`EXPLORER_SEED` (and your random state is put back afterwards), so the same
    settings always give the same picture; runs are remembered, so going back is instant.
    The status line shows the accuracy on the data set's points,
    ``100 * mean(predict(parameters, X) == Y)``. If your functions raise, or return something
    unusable, the widget shows a short message instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`DecisionBoundaryExplorer`).
    """
    return DecisionBoundaryExplorer(
        nn_model,
        predict,
        datasets,
        hidden_sizes,
        iterations,
        dataset=dataset,
        n_h=n_h,
        num_iterations=num_iterations,
    )


# ======================================================================= deep model explorer
DEFAULT_DEEP_LEARNING_RATES = (0.001, 0.0025, 0.005, 0.0075, 0.01, 0.02, 0.05)
DEFAULT_DEEP_ITERATIONS = (100, 200, 300, 500, 1000, 1500, 2500)
DEEP_EXPLORER_SEED = 1  # np.random is seeded with this before each training run
MAX_HIDDEN_LAYERS = 8  # the text field accepts at most this many hidden layers ...
MAX_HIDDEN_UNITS = 500  # ... of at most this many units each (bigger ones would take minutes)
_LAYER_SIZES_EXAMPLE = "20, 7, 5"


def parse_hidden_layers(text: str) -> tuple[int, ...]:
    """The hidden-layer sizes typed in the explorer's text field: ``"20, 7, 5"`` -> (20, 7, 5).

    Commas, semicolons and spaces separate the sizes; brackets around them are allowed
    (``"[20, 7, 5]"``). An empty text means no hidden layer (the network is then logistic
    regression). Raises ``ValueError`` with a message for the learner when a size is not a
    whole number from 1 to :data:`MAX_HIDDEN_UNITS`, or when there are more than
    :data:`MAX_HIDDEN_LAYERS` sizes.
    """
    if not isinstance(text, str):
        raise ValueError(f"the layer sizes should be text like {_LAYER_SIZES_EXAMPLE!r}.")
    cleaned = text.strip().strip("[]()").replace(",", " ").replace(";", " ")
    sizes = []
    for word in cleaned.split():
        if not word.isdigit():
            raise ValueError(
                f"{word!r} is not a whole number. Type the number of units of each hidden "
                f"layer, separated by commas, for example {_LAYER_SIZES_EXAMPLE}."
            )
        size = int(word)
        if not 1 <= size <= MAX_HIDDEN_UNITS:
            reason = "has no unit" if size == 0 else "is too wide for a quick experiment"
            raise ValueError(
                f"a hidden layer of {size} units {reason}: use sizes from 1 to {MAX_HIDDEN_UNITS}."
            )
        sizes.append(size)
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise ValueError(
            f"{len(sizes)} hidden layers are more than this explorer trains "
            f"(at most {MAX_HIDDEN_LAYERS})."
        )
    return tuple(sizes)


@dataclass(frozen=True)
class DeepRun:
    """What one training run of the learner's ``L_layer_model`` produced."""

    layers_dims: tuple[int, ...]
    learning_rate: float
    num_iterations: int
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float
    seconds: float

    @property
    def label(self) -> str:
        return " → ".join(str(n) for n in self.layers_dims)


def _cost_iterations(count: int, num_iterations: int) -> np.ndarray:
    """The iterations at which ``count`` costs were recorded.

    The course's models record the cost every 100 iterations and at the last one; a model that
    records only every 100 iterations is drawn as such.
    """
    recorded = [i for i in range(num_iterations) if i % 100 == 0 or i == num_iterations - 1]
    if count == len(recorded):
        return np.array(recorded)
    return np.arange(count) * COST_EVERY


def _deep_predictions(parameters, X, L: int) -> np.ndarray:
    """Labels (1, m) of a trained L-layer network: relu for layers 1 .. L-1, sigmoid for L."""
    A = np.asarray(X, dtype=np.float64)
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        A = np.maximum(0, Z) if l < L else 1 / (1 + np.exp(-Z))
    return (A > 0.5).astype(np.float64)


def _checked_parameters(parameters, layers_dims) -> dict:
    """The learner's parameters as float arrays of the right shapes, or a _LearnerProblem."""
    if not isinstance(parameters, dict):
        raise _LearnerProblem(
            "Your `L_layer_model` should return (parameters, costs) with parameters a dict "
            f"W1, b1, ...; the parameters are a {type(parameters).__name__}."
        )
    checked = {}
    for l in range(1, len(layers_dims)):
        shapes = {"W": (layers_dims[l], layers_dims[l - 1]), "b": (layers_dims[l], 1)}
        for name, shape in shapes.items():
            key = f"{name}{l}"
            if key not in parameters:
                raise _LearnerProblem(
                    f"The parameters returned by your `L_layer_model` have no {key!r} (keys: "
                    f"{', '.join(map(str, parameters)) or 'none'}); a network "
                    f"{' → '.join(map(str, layers_dims))} needs W1, b1 .. "
                    f"W{len(layers_dims) - 1}, b{len(layers_dims) - 1}."
                )
            try:
                value = np.asarray(parameters[key], dtype=np.float64)
            except (TypeError, ValueError):
                value = None
            if value is None or value.shape != shape:
                got = "not an array of numbers" if value is None else f"shape {value.shape}"
                raise _LearnerProblem(
                    f"parameters[{key!r}] returned by your `L_layer_model` has {got}; "
                    f"expected shape {shape}."
                )
            checked[key] = value
    return checked


class DeepModelExplorer(widgets.VBox):
    """A text field for the hidden-layer sizes, sliders, a cost plot and the accuracies.

    Attributes: ``hidden_layers_text`` (``Text``, e.g. ``"20, 7, 5"``),
    ``learning_rate_slider`` and ``iterations_slider`` (``SelectionSlider``), ``train_button``
    (``Button``), ``status`` (``HTML``: the accuracies or a message), ``plot`` (``Output``: the
    cost curve), ``runs`` (``{(layers_dims, learning_rate, num_iterations): DeepRun}``, every
    run so far). Pressing Enter in the text field, releasing a slider or clicking the button
    calls :meth:`update`; so does setting a control's ``value`` in code.
    """

    def __init__(
        self,
        L_layer_model,
        X_train,
        Y_train,
        X_test,
        Y_test,
        learning_rates=DEFAULT_DEEP_LEARNING_RATES,
        iterations=DEFAULT_DEEP_ITERATIONS,
        *,
        hidden_layers=_LAYER_SIZES_EXAMPLE,
        learning_rate=0.0075,
        num_iterations=300,
        seed=DEEP_EXPLORER_SEED,
    ) -> None:
        name = "deep_model_explorer"
        if not callable(L_layer_model):
            raise ValueError(
                f"{name}: the first argument must be your function `L_layer_model`, got "
                f"{type(L_layer_model).__name__}."
            )
        self._data = _checked_split(X_train, Y_train, X_test, Y_test, name)
        rates = _choices(learning_rates, "learning_rates", integer=False)
        counts = _choices(iterations, "iterations", integer=True)
        learning_rate = _start(learning_rate, rates, "learning_rate")
        num_iterations = _start(num_iterations, counts, "num_iterations")
        try:
            parse_hidden_layers(hidden_layers)
        except ValueError as error:
            raise ValueError(f"{name}: hidden_layers={hidden_layers!r}: {error}") from None
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError(f"{name}: seed must be an int or None, got {seed!r}.")

        style = {"description_width": "150px"}
        self.hidden_layers_text = widgets.Text(
            value=hidden_layers,
            placeholder=_LAYER_SIZES_EXAMPLE,
            description="hidden layer sizes",
            continuous_update=False,
            style=style,
            layout=widgets.Layout(width="420px"),
        )
        self.learning_rate_slider = _choice_slider(
            rates, learning_rate, "learning rate", style, "{:g}", width="460px"
        )
        self.iterations_slider = _choice_slider(
            counts, num_iterations, "iterations", style, width="460px"
        )
        self.train_button = widgets.Button(description="train", icon="play")
        self.status = widgets.HTML()
        self.plot = widgets.Output()
        self.runs: dict[tuple[tuple[int, ...], float, int], DeepRun] = {}
        self._model = L_layer_model
        self._seed = seed
        n_x, n_y = self._data[0].shape[0], self._data[1].shape[0]
        seeded = (
            f" The weights start from the same random numbers every time (seed {seed})."
            if seed is not None
            else ""
        )
        intro = widgets.HTML(
            "<b>Deep model explorer</b>: type the sizes of the hidden layers (for example "
            f"<code>{_LAYER_SIZES_EXAMPLE}</code> gives the network {n_x} → 20 → 7 → 5 → {n_y}; "
            "leave it empty for no hidden layer), pick a learning rate and a number of "
            "iterations, then press Enter or <i>train</i>. Your <code>L_layer_model</code> "
            f"trains the network (this takes a moment) and the plot shows its cost.{seeded}"
        )
        controls = widgets.VBox(
            [
                widgets.HBox([self.hidden_layers_text, self.train_button]),
                self.learning_rate_slider,
                self.iterations_slider,
            ]
        )
        super().__init__(children=[intro, controls, self.status, self.plot])
        for control in (self.hidden_layers_text, self.learning_rate_slider, self.iterations_slider):
            control.observe(self.update, names="value")
        self.train_button.on_click(self.update)
        self.update()

    def update(self, change=None) -> DeepRun | None:
        """Train (or reuse) the run for the controls' values and show it; ``None`` on a problem."""
        try:
            hidden = parse_hidden_layers(self.hidden_layers_text.value)
        except ValueError as error:
            self.status.value = _problem_html(f"Hidden layer sizes: {error}")
            return None
        X_train, Y_train = self._data[0], self._data[1]
        layers_dims = (X_train.shape[0], *hidden, Y_train.shape[0])
        key = (layers_dims, self.learning_rate_slider.value, self.iterations_slider.value)
        if key not in self.runs:
            self.status.value = (
                f"<i>training {' → '.join(map(str, layers_dims))} with learning rate = "
                f"{key[1]:g} for {key[2]} iterations...</i>"
            )
            self._enable(False)
            try:
                self.runs[key] = self._train(*key)
            except _LearnerProblem as problem:
                self.status.value = _problem_html(str(problem))
                self.plot.outputs = ()
                return None
            finally:
                self._enable(True)
        run = self.runs[key]
        hidden_count = len(run.layers_dims) - 2
        self.status.value = (
            f"<b>{run.label}</b> (L = {len(run.layers_dims) - 1}: {hidden_count} hidden "
            f"layer{'' if hidden_count == 1 else 's'}), learning rate = {run.learning_rate:g}, "
            f"{run.num_iterations} iterations: train accuracy <b>{run.train_accuracy:.1f} %</b>, "
            f"test accuracy <b>{run.test_accuracy:.1f} %</b>, last recorded cost "
            f"{run.costs[-1]:.4g} (trained in {run.seconds:.1f} s)"
        )
        _show_figure(self.plot, self._figure(run))
        return run

    def _enable(self, enabled: bool) -> None:
        for control in (
            self.hidden_layers_text,
            self.learning_rate_slider,
            self.iterations_slider,
            self.train_button,
        ):
            control.disabled = not enabled

    def _train(self, layers_dims, learning_rate: float, num_iterations: int) -> DeepRun:
        X_train, Y_train, X_test, Y_test = self._data
        seeded = _SeededRandom(self._seed) if self._seed is not None else contextlib.nullcontext()
        start = time.perf_counter()
        try:
            # A large learning rate may overflow exp or log; the plot says so instead.
            with seeded, np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                result = self._model(
                    X_train,
                    Y_train,
                    list(layers_dims),
                    learning_rate=learning_rate,
                    num_iterations=num_iterations,
                    print_cost=False,
                )
        except Exception as error:  # the learner's code: a message, not a traceback
            raise _LearnerProblem(_learner_error("L_layer_model", error)) from error
        seconds = time.perf_counter() - start
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise _LearnerProblem(
                "Your `L_layer_model` should return two things, (parameters, costs); it "
                f"returned {type(result).__name__}"
                + (f" of length {len(result)}." if isinstance(result, (tuple, list)) else ".")
            )
        parameters = _checked_parameters(result[0], layers_dims)
        try:
            costs = plotting._cost_values(result[1], "L_layer_model", "costs")
        except ValueError as error:
            raise _LearnerProblem(
                f"Your `L_layer_model` returned unusable costs: {error}"
            ) from None
        L = len(layers_dims) - 1
        with np.errstate(all="ignore"):
            accuracies = [
                float(100 * np.mean(_deep_predictions(parameters, X, L) == Y))
                for X, Y in ((X_train, Y_train), (X_test, Y_test))
            ]
        return DeepRun(
            layers_dims=tuple(layers_dims),
            learning_rate=learning_rate,
            num_iterations=num_iterations,
            costs=costs,
            train_accuracy=accuracies[0],
            test_accuracy=accuracies[1],
            seconds=seconds,
        )

    def _figure(self, run: DeepRun):
        """The run's cost curve in bold; earlier runs with as many iterations thinner."""
        fig = plotting.plot_costs(
            run.costs,
            every=COST_EVERY,
            title=f"Cost during training ({run.num_iterations} iterations)",
        )
        ax = fig.axes[0]
        current = ax.lines[0]
        current.set_xdata(_cost_iterations(len(run.costs), run.num_iterations))
        current.set_label(f"{run.label}, learning rate = {run.learning_rate:g}")
        current.set_linewidth(2.6)
        current.set_zorder(3)
        earlier = [
            other
            for other in self.runs.values()
            if other.num_iterations == run.num_iterations and other is not run
        ]
        for index, other in enumerate(earlier[-5:]):  # the last five, to keep the plot readable
            ax.plot(
                _cost_iterations(len(other.costs), other.num_iterations),
                other.costs,
                color=f"C{index + 1}",
                linewidth=1.2,
                alpha=0.6,
                zorder=2,
                label=f"{other.label}, learning rate = {other.learning_rate:g} (earlier)",
            )
        ax.legend(frameon=False, fontsize=8)
        return fig


def _checked_split(X_train, Y_train, X_test, Y_test, function: str) -> tuple[np.ndarray, ...]:
    """The training and test sets as float arrays, or a ValueError that says what is wrong."""
    arrays = []
    for X, Y, split in ((X_train, Y_train, "train"), (X_test, Y_test, "test")):
        try:
            X = np.asarray(X, dtype=np.float64)
            Y = np.asarray(Y, dtype=np.float64)
        except (TypeError, ValueError):
            raise ValueError(
                f"{function}: X_{split} and Y_{split} must be arrays of numbers."
            ) from None
        if X.ndim != 2 or Y.ndim != 2 or Y.shape[1] != X.shape[1]:
            raise ValueError(
                f"{function}: X_{split} must have shape (n_x, m) and Y_{split} shape (1, m), "
                f"got {X.shape} and {Y.shape}. (Flattened pictures, one per column: "
                "train_x, not train_x_orig.)"
            )
        arrays += [X, Y]
    if arrays[0].shape[0] != arrays[2].shape[0]:
        raise ValueError(
            f"{function}: X_train has {arrays[0].shape[0]} features per example but X_test has "
            f"{arrays[2].shape[0]}."
        )
    return tuple(arrays)


def deep_model_explorer(
    L_layer_model,
    X_train,
    Y_train,
    X_test,
    Y_test,
    learning_rates=DEFAULT_DEEP_LEARNING_RATES,
    iterations=DEFAULT_DEEP_ITERATIONS,
    *,
    hidden_layers=_LAYER_SIZES_EXAMPLE,
    learning_rate=0.0075,
    num_iterations=300,
    seed=DEEP_EXPLORER_SEED,
) -> DeepModelExplorer:
    """A widget that trains your deep network with the layer sizes you type.

    Arguments:
        L_layer_model: your function ``L_layer_model(X, Y, layers_dims, learning_rate=0.0075,
            num_iterations=3000, print_cost=False) -> (parameters, costs)``.
        X_train, Y_train: ``(n_x, m_train)`` and ``(1, m_train)``.
        X_test, Y_test: ``(n_x, m_test)`` and ``(1, m_test)``.
        learning_rates: the values of the learning-rate slider.
        iterations: the values of the iterations slider.
        hidden_layers: the text the layer-sizes field starts with, e.g. ``"20, 7, 5"``.
        learning_rate, num_iterations: where the sliders start (0.0075 and 300: short runs).
        seed: ``np.random`` is seeded with it before each run (your random state is put back
            afterwards), so the same settings give the same result; ``None`` not to seed.

    The network is ``layers_dims = [n_x, *hidden sizes, n_y]``: relu in the hidden layers and a
    sigmoid output (an empty text gives no hidden layer, i.e. logistic regression). The widget
    trains once when built, then whenever the text is entered, a slider is released or the
    *train* button is clicked; runs are remembered, so going back to a setting is instant.
    Accuracies are ``100 * mean(prediction == Y)`` with the prediction 1 where the network's
    output ``AL > 0.5``, computed by the widget from the returned parameters. A text that is not
    a list of positive whole numbers, or an ``L_layer_model`` that raises or returns something
    unusable, gives a short message instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`DeepModelExplorer`).
    """
    return DeepModelExplorer(
        L_layer_model,
        X_train,
        Y_train,
        X_test,
        Y_test,
        learning_rates,
        iterations,
        hidden_layers=hidden_layers,
        learning_rate=learning_rate,
        num_iterations=num_iterations,
        seed=seed,
    )
