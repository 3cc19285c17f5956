"""The learning-rate explorer of week c1w2: retrain the learner's ``model``, see its cost curve.

Shapes: ``X_train`` ``(n_x, m_train)``, ``Y_train`` ``(1, m_train)``, and likewise for the
test set; the costs are recorded every :data:`~helpers.widgets.base.COST_EVERY` iterations.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers import plotting

from .base import (
    COST_EVERY,
    Explorer,
    LearnerProblem,
    choice_slider,
    learner_costs,
    slider_values,
    start_value,
)

DEFAULT_LEARNING_RATES = (0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1)
DEFAULT_ITERATIONS = (100, 200, 500, 1000, 1500, 2000, 3000)


@dataclass(frozen=True)
class TrainingRun:
    """What one call of the learner's ``model`` produced."""

    learning_rate: float
    num_iterations: int
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float


def _accuracy(prediction, Y, key: str) -> float:
    """``100 - mean(|Y_prediction - Y|) * 100``, in percent."""
    Y = np.asarray(Y, dtype=np.float64)
    try:
        prediction = np.asarray(prediction, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f'Your `model` returned d["{key}"] that is not an array of 0/1 labels.'
        ) from None
    if prediction.size != Y.size:
        raise LearnerProblem(
            f'Your `model` returned d["{key}"] with shape {prediction.shape}, but the labels '
            f"have shape {Y.shape}: it should hold one prediction per example."
        )
    return float(100 - np.mean(np.abs(prediction.reshape(Y.shape) - Y)) * 100)


class LearningRateExplorer(Explorer):
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
        rates = slider_values(learning_rates, "learning_rates")
        counts = slider_values(iterations, "iterations", integer=True)
        learning_rate = start_value(learning_rate, rates, "learning_rate")
        num_iterations = start_value(num_iterations, counts, "num_iterations")

        slider_style = {"description_width": "110px"}
        self.learning_rate_slider = choice_slider(
            rates, learning_rate, "learning rate", slider_style, "{:g}"
        )
        self.iterations_slider = choice_slider(
            counts, num_iterations, "iterations", slider_style, "{}"
        )
        self._model = model
        self._data = (X_train, Y_train, X_test, Y_test)
        sliders = (self.learning_rate_slider, self.iterations_slider)
        super().__init__(
            "<b>Learning rate explorer</b>: pick a learning rate and a number of iterations; "
            "your <code>model</code> trains again (this takes a moment) and shows its cost "
            "and accuracies. Earlier runs with the same number of iterations stay in grey.",
            controls=widgets.VBox(list(sliders)),
            busy_controls=sliders,
        )
        self.start(sliders)

    def update(self, change=None) -> TrainingRun | None:
        """Train (or reuse) the run for the sliders' values and show it; ``None`` on a problem."""
        key = (self.learning_rate_slider.value, self.iterations_slider.value)
        busy = f"<i>training with learning rate = {key[0]:g} for {key[1]} iterations...</i>"
        run = self._run(key, busy)
        if run is None:
            return None
        final = run.costs[-1]
        status = (
            f"<b>learning rate = {run.learning_rate:g}, {run.num_iterations} iterations</b>: "
            f"train accuracy <b>{run.train_accuracy:.1f} %</b>, "
            f"test accuracy <b>{run.test_accuracy:.1f} %</b>, "
            f"last recorded cost {final:.4g}"
        )
        self._show_result(status, self._figure(run))
        return run

    def _train(self, learning_rate: float, num_iterations: int) -> TrainingRun:
        X_train, Y_train, X_test, Y_test = self._data
        result = self._call_learner(
            "model",
            self._model,
            X_train,
            Y_train,
            X_test,
            Y_test,
            num_iterations=num_iterations,
            learning_rate=learning_rate,
            print_cost=False,
        )
        required = ("costs", "Y_prediction_train", "Y_prediction_test")
        if not isinstance(result, dict) or any(key not in result for key in required):
            got = (
                f"a dict with keys {sorted(result)}"
                if isinstance(result, dict)
                else type(result).__name__
            )
            raise LearnerProblem(
                f"Your `model` should return a dict with the keys {', '.join(required)} "
                f"(and w, b, learning_rate, num_iterations); it returned {got}."
            )
        return TrainingRun(
            learning_rate=learning_rate,
            num_iterations=num_iterations,
            costs=learner_costs(result["costs"], "model", 'd["costs"]'),
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
        earlier = self._earlier_runs(run)
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
