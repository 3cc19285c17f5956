"""Interactive widgets of the course (ipywidgets 8): change a hyperparameter, see the effect.

- :func:`learning_rate_explorer`: sliders for the learning rate and the number of iterations
  retrain *your* ``model`` and show its cost curve and its train / test accuracy.
- :func:`picture_classifier`: upload a picture (PNG or JPEG) and see what *your* ``predict``
  says about it.

Shapes (the vocabulary of :mod:`helpers`): ``X`` is ``(n_x, m)`` with examples as columns,
``Y`` is ``(1, m)``, pictures are ``(num_px, num_px, 3)`` uint8.

The widgets work without a browser too (in a plain Python process, or when a notebook is run
headless by nbclient/nbgrader): they are built, train once with their starting values and
hold their figures as PNG data in an ``ipywidgets.Output``; nothing waits for a user. Each
widget object keeps its parts as attributes (sliders, ``status`` text, ``plot`` output) and
has a method that does what a user action would (:meth:`LearningRateExplorer.update`,
:meth:`PictureClassifier.classify_bytes`), so tests can drive it.

When your code raises (for example ``NotImplementedError`` because you have not written it
yet), the widget shows a short message saying what to do instead of a traceback.
"""

from __future__ import annotations

import base64
import html
import io
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
        self.learning_rate_slider = widgets.SelectionSlider(
            options=[(f"{rate:g}", rate) for rate in rates],
            value=learning_rate,
            description="learning rate",
            continuous_update=False,
            style=slider_style,
            layout=widgets.Layout(width="420px"),
        )
        self.iterations_slider = widgets.SelectionSlider(
            options=[(str(count), count) for count in counts],
            value=num_iterations,
            description="iterations",
            continuous_update=False,
            style=slider_style,
            layout=widgets.Layout(width="420px"),
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
