"""The initialization explorer of week c2w1: a log-scale slider for the size of the starting
weights retrains the notebook's three-layer network and shows its cost curve and accuracies,
beside a network that starts from the learner's ``initialize_parameters_he``.

Shapes: ``X_train`` ``(2, m_train)`` (one point per column), ``Y_train`` ``(1, m_train)`` of
0/1, and likewise for the test set; ``layers_dims = [n_x, n_1, ..., n_L]``.
"""

from __future__ import annotations

import html
import time
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import (
    Explorer,
    LearnerProblem,
    SeededRandom,
    call_named,
    checked_parameters,
    checked_split,
    choice_slider,
    problem_html,
    slider_values,
    start_value,
)

DEFAULT_WEIGHT_SCALES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
DEFAULT_INITIALIZATION_ITERATIONS = (1000, 2000, 5000, 10000, 15000)
INITIALIZATION_SEED = 3  # np.random is seeded with this before the weights are drawn
INITIALIZATION_COST_EVERY = 100  # the explorer records the cost every 100 iterations
HE_KEY = "He"  # the key of the runs that start from the learner's initialize_parameters_he


@dataclass(frozen=True)
class InitializationRun:
    """One training run: where the weights started, the costs and the accuracies."""

    scale: float | str  # the weights' factor, or HE_KEY
    num_iterations: int
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float
    seconds: float

    @property
    def label(self) -> str:
        """``"randn × 10"`` or ``"He"``."""
        return HE_KEY if self.scale == HE_KEY else f"randn × {self.scale:g}"


def _cost(A, Y) -> float:
    """The mean cross-entropy (``inf`` when an output is exactly wrong; 0 log 0 counts 0)."""
    with np.errstate(all="ignore"):
        terms = Y * np.log(A) + (1 - Y) * np.log(1 - A)
    return float(-np.nansum(terms) / Y.shape[1])


class InitializationExplorer(Explorer):
    """A slider for the weights' scale, one for the iterations; cost curves and accuracies.

    Attributes: ``scale_slider`` and ``iterations_slider`` (``SelectionSlider``), ``status``
    (``HTML``: the accuracies or a message), ``plot`` (``Output``: the cost curves), ``runs``
    (``{(scale, num_iterations): InitializationRun}``, with ``scale`` = :data:`HE_KEY` for
    the runs from ``initialize_parameters_he``). Releasing a slider calls :meth:`update`; so
    does setting its ``value`` in code.
    """

    def __init__(
        self,
        initialize_parameters_he,
        forward,
        backward,
        X_train,
        Y_train,
        X_test,
        Y_test,
        scales=DEFAULT_WEIGHT_SCALES,
        iterations=DEFAULT_INITIALIZATION_ITERATIONS,
        *,
        scale=10.0,
        num_iterations=5000,
        learning_rate=0.01,
        layers_dims=(2, 10, 5, 1),
    ) -> None:
        name = "initialization_explorer"
        functions = (
            (initialize_parameters_he, "initialize_parameters_he"),
            (forward, "three_layer_forward"),
            (backward, "three_layer_backward"),
        )
        for function, label in functions:
            if not callable(function):
                raise ValueError(
                    f"{name}: expected the function `{label}`, got {type(function).__name__}."
                )
        self._data = checked_split(X_train, Y_train, X_test, Y_test, name)
        weight_scales = slider_values(scales, "scales")
        counts = slider_values(iterations, "iterations", integer=True)
        scale = start_value(float(scale), weight_scales, "scale")
        num_iterations = start_value(num_iterations, counts, "num_iterations")
        if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float)):
            raise ValueError(f"{name}: learning_rate must be a number, got {learning_rate!r}.")
        if not learning_rate > 0:
            raise ValueError(f"{name}: learning_rate must be positive, got {learning_rate!r}.")
        layers_dims = tuple(slider_values(layers_dims, "layers_dims", integer=True))
        if len(layers_dims) < 2 or layers_dims[0] != self._data[0].shape[0]:
            raise ValueError(
                f"{name}: layers_dims must start with the number of input features "
                f"({self._data[0].shape[0]}), got {layers_dims!r}."
            )
        self._layers_dims = layers_dims
        self._learning_rate = float(learning_rate)
        self._initialize_he, self._forward, self._backward = (
            initialize_parameters_he,
            forward,
            backward,
        )

        style = {"description_width": "150px"}
        self.scale_slider = choice_slider(weight_scales, scale, "weights = randn ×", style, "{:g}")
        self.iterations_slider = choice_slider(counts, num_iterations, "iterations", style)
        sliders = (self.scale_slider, self.iterations_slider)
        super().__init__(
            "<b>Initialization explorer</b>: every weight starts as a standard normal number "
            "times the factor you pick (biases at 0); the network "
            f"{' → '.join(map(str, layers_dims))} then trains with learning rate "
            f"{self._learning_rate:g} for the iterations you pick. The dashed curve starts "
            "from your <code>initialize_parameters_he</code> instead. The weights are drawn "
            f"from the same random numbers every time (seed {INITIALIZATION_SEED}).",
            controls=widgets.VBox(list(sliders)),
            busy_controls=sliders,
        )
        self.start(sliders)

    # ------------------------------------------------------------------------ updating
    def update(self, change=None) -> InitializationRun | None:
        """Train (or reuse) the run for the sliders' values and show it beside the He run;
        ``None`` on a problem."""
        scale, num_iterations = self.scale_slider.value, self.iterations_slider.value
        busy = f"<i>training from randn × {scale:g} for {num_iterations} iterations...</i>"
        run = self._run((scale, num_iterations), busy)
        if run is None:
            return None
        he_problem = None
        if (HE_KEY, num_iterations) not in self.runs:
            try:
                self.status.value = "<i>training from your initialize_parameters_he...</i>"
                self.runs[(HE_KEY, num_iterations)] = self._train(HE_KEY, num_iterations)
            except LearnerProblem as problem:
                he_problem = str(problem)
        he_run = self.runs.get((HE_KEY, num_iterations))
        curves = {run.label: run.costs}
        if he_run is not None:
            curves[f"{HE_KEY} (your initialize_parameters_he)"] = he_run.costs
        fig = plotting.plot_cost_curves(
            curves,
            every=INITIALIZATION_COST_EVERY,
            title=f"Cost during training ({num_iterations} iterations)",
            log_scale=True,
        )
        if he_run is not None and len(fig.axes[0].lines) > 1:
            fig.axes[0].lines[1].set_linestyle("--")
        status = (
            f"<b>{html.escape(run.label)}</b>, {run.num_iterations} iterations: "
            f"{self._describe(run)}"
        )
        if he_run is not None:
            status += f"<br><b>He</b>: {self._describe(he_run)}"
        else:
            status += problem_html(f"No He curve: {he_problem}")
        self._show_result(status, fig)
        return run

    @staticmethod
    def _describe(run: InitializationRun) -> str:
        return (
            f"first cost {run.costs[0]:.4g}, last recorded cost {run.costs[-1]:.4g}; train "
            f"accuracy <b>{run.train_accuracy:.1f} %</b>, test accuracy "
            f"<b>{run.test_accuracy:.1f} %</b> (trained in {run.seconds:.1f} s)"
        )

    # ------------------------------------------------------------------------ training
    def _starting_parameters(self, scale) -> dict:
        dims = self._layers_dims
        if scale == HE_KEY:
            parameters = call_named(
                self,
                "initialize_parameters_he",
                self._initialize_he,
                list(dims),
                seed=INITIALIZATION_SEED,
            )
            return checked_parameters(parameters, dims, "your `initialize_parameters_he`")
        parameters = {}
        with SeededRandom(INITIALIZATION_SEED):
            for l in range(1, len(dims)):
                parameters[f"W{l}"] = np.random.randn(dims[l], dims[l - 1]) * scale
                parameters[f"b{l}"] = np.zeros((dims[l], 1))
        return parameters

    def _train(self, scale, num_iterations: int) -> InitializationRun:
        X_train, Y_train, X_test, Y_test = self._data
        start = time.perf_counter()
        parameters = self._starting_parameters(scale)
        rate = self._learning_rate

        def gradient_descent(parameters):
            costs = []
            for i in range(num_iterations):
                A, cache = self._forward(X_train, parameters)
                if i % INITIALIZATION_COST_EVERY == 0:
                    costs.append(_cost(A, Y_train))
                grads = self._backward(X_train, Y_train, cache)
                parameters = {
                    key: value - rate * grads["d" + key] for key, value in parameters.items()
                }
            return parameters, costs

        parameters, costs = call_named(self, "three_layer_forward", gradient_descent, parameters)
        accuracies = []
        for X, Y in ((X_train, Y_train), (X_test, Y_test)):
            A, _ = call_named(self, "three_layer_forward", self._forward, X, parameters)
            with np.errstate(invalid="ignore"):
                accuracies.append(float(100 * np.mean((np.asarray(A) > 0.5) == Y)))
        seconds = time.perf_counter() - start
        return InitializationRun(
            scale, num_iterations, np.array(costs, dtype=np.float64), *accuracies, seconds
        )


def initialization_explorer(
    initialize_parameters_he,
    three_layer_forward,
    three_layer_backward,
    X_train,
    Y_train,
    X_test,
    Y_test,
    scales=DEFAULT_WEIGHT_SCALES,
    iterations=DEFAULT_INITIALIZATION_ITERATIONS,
    *,
    scale=10.0,
    num_iterations=5000,
    learning_rate=0.01,
    layers_dims=(2, 10, 5, 1),
) -> InitializationExplorer:
    """A widget that trains the three-layer network from weights of the size you pick.

    Arguments:
        initialize_parameters_he: your function ``initialize_parameters_he(layers_dims) ->
            parameters``; the dashed reference curve starts from it.
        three_layer_forward: the notebook's ``three_layer_forward(X, parameters) -> (A3,
            cache)``.
        three_layer_backward: the notebook's ``three_layer_backward(X, Y, cache) ->
            gradients`` (with ``"dW1"``, ``"db1"``, ...).
        X_train, Y_train: ``(2, m_train)`` and ``(1, m_train)``; X_test, Y_test likewise.
        scales: the values of the log-scale slider: every weight starts as
            ``np.random.randn(n_l, n_{l-1}) * scale``, every bias at 0.
        iterations: the values of the iterations slider.
        scale, num_iterations: where the sliders start (weights × 10, as
            ``initialize_parameters_random``; 5000 iterations, about half a second).
        learning_rate: the step of gradient descent (0.01, as ``initialization_model``).
        layers_dims: the sizes of the layers, input first.

    The widget runs gradient descent itself with your forward and backward functions, records
    the cost every 100 iterations (an ``inf`` cost is not drawn: the plot says so) and shows
    the train and test accuracy (prediction 1 where ``A3 > 0.5``). Runs are remembered, so
    going back to a setting is instant. When a function raises (``NotImplementedError`` if it
    is not written yet), a short message names it instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`InitializationExplorer`).
    """
    return InitializationExplorer(
        initialize_parameters_he,
        three_layer_forward,
        three_layer_backward,
        X_train,
        Y_train,
        X_test,
        Y_test,
        scales,
        iterations,
        scale=scale,
        num_iterations=num_iterations,
        learning_rate=learning_rate,
        layers_dims=layers_dims,
    )
