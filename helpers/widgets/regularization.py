"""The regularization explorer of week c2w1: sliders for the L2 strength λ and the dropout
keep_prob retrain the notebook's ``regularization_model`` and show its decision boundary and
its train / test accuracy.

Shapes: ``X_train`` ``(2, m_train)`` (one point per column), ``Y_train`` ``(1, m_train)`` of
0/1, and likewise for the test set.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import (
    Explorer,
    LearnerProblem,
    call_named,
    checked_split,
    choice_slider,
    learner_costs,
    problem_html,
    slider_values,
    start_value,
)

DEFAULT_LAMBDAS = (0.0, 0.01, 0.03, 0.1, 0.3, 0.7, 1.0, 3.0)
DEFAULT_KEEP_PROBS = (0.5, 0.6, 0.7, 0.8, 0.86, 0.9, 0.95, 1.0)
DEFAULT_REGULARIZATION_ITERATIONS = (1000, 2000, 5000, 10000, 30000)
REGULARIZATION_SEED = 3  # np.random is seeded with this before each run (as the model does)


def labels_of(result, m: int, name: str) -> np.ndarray:
    """The learner's predictions as floats ``(1, m)`` of 0/1, or a :class:`LearnerProblem`."""
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"`{name}` returned {type(result).__name__}; expected an array of shape (1, {m}) "
            "of 0 and 1."
        ) from None
    if array.size != m:
        raise LearnerProblem(
            f"`{name}` returned an array of shape {array.shape} for {m} points; expected shape "
            f"(1, {m}), one label per point."
        )
    array = array.reshape(1, m)
    if not np.all(np.isin(array, (0.0, 1.0))):
        raise LearnerProblem(f"`{name}` returned values other than 0 and 1.")
    return array


# ================================================================================ explorer
@dataclass(frozen=True)
class RegularizationRun:
    """What one run of ``regularization_model`` produced."""

    lambd: float
    keep_prob: float
    num_iterations: int
    parameters: dict
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float
    seconds: float

    @property
    def label(self) -> str:
        """``"no regularization"``, ``"L2, λ = 0.7"`` or ``"dropout, keep_prob = 0.86"``."""
        if self.lambd:
            return f"L2, λ = {self.lambd:g}"
        if self.keep_prob < 1:
            return f"dropout, keep_prob = {self.keep_prob:g}"
        return "no regularization"


class RegularizationExplorer(Explorer):
    """Sliders for λ, keep_prob and the iterations; the decision boundary and the accuracies.

    Attributes: ``lambda_slider``, ``keep_prob_slider`` and ``iterations_slider``
    (``SelectionSlider``), ``status`` (``HTML``: the accuracies or a message), ``plot``
    (``Output``: the boundary with the training points, and with the test points), ``runs``
    (``{(lambd, keep_prob, num_iterations): RegularizationRun}``, every run so far).
    Releasing a slider calls :meth:`update`; so does setting its ``value`` in code.
    """

    def __init__(
        self,
        regularization_model,
        predict,
        X_train,
        Y_train,
        X_test,
        Y_test,
        lambdas=DEFAULT_LAMBDAS,
        keep_probs=DEFAULT_KEEP_PROBS,
        iterations=DEFAULT_REGULARIZATION_ITERATIONS,
        *,
        lambd=0.0,
        keep_prob=1.0,
        num_iterations=5000,
    ) -> None:
        name = "regularization_explorer"
        for function, label in (
            (regularization_model, "regularization_model"),
            (predict, "predict"),
        ):
            if not callable(function):
                raise ValueError(
                    f"{name}: expected the function `{label}`, got {type(function).__name__}."
                )
        self._data = checked_split(X_train, Y_train, X_test, Y_test, name)
        lambda_values = slider_values(lambdas, "lambdas", 0.0, np.inf, low_ok=True)
        keep_values = slider_values(keep_probs, "keep_probs", 0.0, 1.0, low_ok=False)
        counts = slider_values(iterations, "iterations", integer=True)
        lambd = start_value(float(lambd), lambda_values, "lambd")
        keep_prob = start_value(float(keep_prob), keep_values, "keep_prob")
        num_iterations = start_value(num_iterations, counts, "num_iterations")

        style = {"description_width": "110px"}
        self.lambda_slider = choice_slider(lambda_values, lambd, "L2 λ", style, "{:g}")
        self.keep_prob_slider = choice_slider(keep_values, keep_prob, "keep_prob", style, "{:g}")
        self.iterations_slider = choice_slider(counts, num_iterations, "iterations", style)
        self._model, self._predict = regularization_model, predict
        sliders = (self.lambda_slider, self.keep_prob_slider, self.iterations_slider)
        super().__init__(
            "<b>Regularization explorer</b>: pick the L2 strength λ (0: no L2) or the dropout "
            "keep_prob (1: no dropout), one at a time, and a number of iterations; "
            "<code>regularization_model</code> trains the network with your functions (a "
            "moment) and <code>predict</code> colours the field. Left: the training points, "
            "right: the test points. The weights start from the same random numbers every "
            f"time (seed {REGULARIZATION_SEED}).",
            controls=widgets.VBox(list(sliders)),
            busy_controls=sliders,
        )
        self.start(sliders)

    def update(self, change=None) -> RegularizationRun | None:
        """Train (or reuse) the run for the sliders' values and show it; ``None`` on a problem."""
        key = (
            self.lambda_slider.value,
            self.keep_prob_slider.value,
            self.iterations_slider.value,
        )
        if key[0] != 0 and key[1] < 1:
            self.status.value = problem_html(
                "regularization_model uses one regularizer at a time: set λ to 0 (for dropout) "
                "or keep_prob to 1 (for L2)."
            )
            return None
        busy = (
            f"<i>training with λ = {key[0]:g}, keep_prob = {key[1]:g} for {key[2]} "
            "iterations...</i>"
        )
        run = self._run(key, busy)
        if run is None:
            return None
        try:
            fig = self._figure(run)
        except ValueError as error:  # predict misbehaved on the grid points
            self._show_problem(f"Could not draw the boundary with `predict`: {error}")
            return None
        status = (
            f"<b>{run.label}</b>, {run.num_iterations} iterations: train accuracy "
            f"<b>{run.train_accuracy:.1f} %</b>, test accuracy <b>{run.test_accuracy:.1f} %</b> "
            f"(trained in {run.seconds:.1f} s)"
        )
        self._show_result(status, fig)
        return run

    def _train(self, lambd: float, keep_prob: float, num_iterations: int) -> RegularizationRun:
        X_train, Y_train, X_test, Y_test = self._data
        start = time.perf_counter()
        result = call_named(
            self,
            "regularization_model",
            self._model,
            X_train,
            Y_train,
            seed=REGULARIZATION_SEED,
            num_iterations=num_iterations,
            print_cost=False,
            lambd=lambd,
            keep_prob=keep_prob,
        )
        seconds = time.perf_counter() - start
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise LearnerProblem(
                "`regularization_model` should return (parameters, costs); it returned "
                f"{type(result).__name__}."
            )
        parameters, costs = result
        if not isinstance(parameters, dict):
            raise LearnerProblem(
                "`regularization_model` should return the parameters as a dict; got "
                f"{type(parameters).__name__}."
            )
        costs = learner_costs(costs, "regularization_model", "costs")
        accuracies = []
        for X, Y in ((X_train, Y_train), (X_test, Y_test)):
            predicted = call_named(self, "predict", self._predict, X, Y, parameters)
            accuracies.append(
                float(100 * np.mean(labels_of(predicted, X.shape[1], "predict") == Y))
            )
        return RegularizationRun(
            lambd, keep_prob, num_iterations, parameters, costs, *accuracies, seconds
        )

    def _figure(self, run: RegularizationRun):
        X_train, Y_train, X_test, Y_test = self._data

        def boundary(points):
            with np.errstate(all="ignore"):
                return self._predict(points, np.zeros((1, points.shape[1])), run.parameters)

        return plotting.plot_decision_boundaries(
            [
                (boundary, X_train, Y_train, f"{run.label}: train {run.train_accuracy:.1f} %"),
                (boundary, X_test, Y_test, f"test {run.test_accuracy:.1f} %"),
            ],
            ncols=2,
            panel_size=(4.6, 4.4),
        )


def regularization_explorer(
    regularization_model,
    predict,
    X_train,
    Y_train,
    X_test,
    Y_test,
    lambdas=DEFAULT_LAMBDAS,
    keep_probs=DEFAULT_KEEP_PROBS,
    iterations=DEFAULT_REGULARIZATION_ITERATIONS,
    *,
    lambd=0.0,
    keep_prob=1.0,
    num_iterations=5000,
) -> RegularizationExplorer:
    """A widget that retrains the regularized network and shows its decision boundary.

    Arguments:
        regularization_model: the notebook's ``regularization_model(X, Y, learning_rate=0.3,
            num_iterations=30000, print_cost=True, lambd=0, keep_prob=1) -> (parameters,
            costs)``, which calls your L2 and dropout functions.
        predict: the notebook's ``predict(X, Y, parameters) -> (1, m)`` array of 0 and 1.
        X_train, Y_train: ``(2, m_train)`` and ``(1, m_train)``; X_test, Y_test likewise.
        lambdas: the values of the λ slider (0 means no L2).
        keep_probs: the values of the keep_prob slider (1 means no dropout).
        iterations: the values of the iterations slider.
        lambd, keep_prob, num_iterations: where the sliders start (no regularization, 5000
            iterations: a run of about half a second).

    The model uses one regularizer at a time: with λ > 0 and keep_prob < 1 the widget says so
    instead of training. Before each run ``np.random`` is seeded with
    :data:`REGULARIZATION_SEED` (your random state is put back afterwards); runs are
    remembered, so going back to a setting is instant. The accuracies are ``100 *
    mean(predict(X, Y, parameters) == Y)``; predictions never use dropout. When one of your
    functions raises (``NotImplementedError`` if it is not written yet), the widget names it
    in a short message instead of showing a traceback.

    Returns: the widget, a ``VBox`` (:class:`RegularizationExplorer`).
    """
    return RegularizationExplorer(
        regularization_model,
        predict,
        X_train,
        Y_train,
        X_test,
        Y_test,
        lambdas,
        keep_probs,
        iterations,
        lambd=lambd,
        keep_prob=keep_prob,
        num_iterations=num_iterations,
    )
