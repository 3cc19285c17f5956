"""The deep model explorer of week c1w4: type the hidden-layer sizes, retrain the learner's
``L_layer_model``, see its cost curve and its accuracies.

Shapes: ``X_train`` ``(n_x, m_train)`` (flattened pictures, one per column), ``Y_train``
``(1, m_train)``, and likewise for the test set; ``layers_dims = (n_x, *hidden sizes, n_y)``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import (
    COST_EVERY,
    Explorer,
    LearnerProblem,
    checked_parameters,
    choice_slider,
    learner_costs,
    problem_html,
    slider_values,
    start_value,
)

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


class DeepModelExplorer(Explorer):
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
        rates = slider_values(learning_rates, "learning_rates")
        counts = slider_values(iterations, "iterations", integer=True)
        learning_rate = start_value(learning_rate, rates, "learning_rate")
        num_iterations = start_value(num_iterations, counts, "num_iterations")
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
        self.learning_rate_slider = choice_slider(
            rates, learning_rate, "learning rate", style, "{:g}", width="460px"
        )
        self.iterations_slider = choice_slider(
            counts, num_iterations, "iterations", style, width="460px"
        )
        self.train_button = widgets.Button(description="train", icon="play")
        self._model = L_layer_model
        self._seed = seed
        n_x, n_y = self._data[0].shape[0], self._data[1].shape[0]
        seeded = (
            f" The weights start from the same random numbers every time (seed {seed})."
            if seed is not None
            else ""
        )
        watched = (self.hidden_layers_text, self.learning_rate_slider, self.iterations_slider)
        controls = widgets.VBox(
            [
                widgets.HBox([self.hidden_layers_text, self.train_button]),
                self.learning_rate_slider,
                self.iterations_slider,
            ]
        )
        super().__init__(
            "<b>Deep model explorer</b>: type the sizes of the hidden layers (for example "
            f"<code>{_LAYER_SIZES_EXAMPLE}</code> gives the network {n_x} → 20 → 7 → 5 → {n_y}; "
            "leave it empty for no hidden layer), pick a learning rate and a number of "
            "iterations, then press Enter or <i>train</i>. Your <code>L_layer_model</code> "
            f"trains the network (this takes a moment) and the plot shows its cost.{seeded}",
            controls=controls,
            busy_controls=(*watched, self.train_button),
        )
        self.train_button.on_click(self.update)
        self.start(watched)

    def update(self, change=None) -> DeepRun | None:
        """Train (or reuse) the run for the controls' values and show it; ``None`` on a problem."""
        try:
            hidden = parse_hidden_layers(self.hidden_layers_text.value)
        except ValueError as error:  # the plot keeps the last run: the text is just a typo
            self.status.value = problem_html(f"Hidden layer sizes: {error}")
            return None
        X_train, Y_train = self._data[0], self._data[1]
        layers_dims = (X_train.shape[0], *hidden, Y_train.shape[0])
        key = (layers_dims, self.learning_rate_slider.value, self.iterations_slider.value)
        busy = (
            f"<i>training {' → '.join(map(str, layers_dims))} with learning rate = "
            f"{key[1]:g} for {key[2]} iterations...</i>"
        )
        run = self._run(key, busy)
        if run is None:
            return None
        hidden_count = len(run.layers_dims) - 2
        status = (
            f"<b>{run.label}</b> (L = {len(run.layers_dims) - 1}: {hidden_count} hidden "
            f"layer{'' if hidden_count == 1 else 's'}), learning rate = {run.learning_rate:g}, "
            f"{run.num_iterations} iterations: train accuracy <b>{run.train_accuracy:.1f} %</b>, "
            f"test accuracy <b>{run.test_accuracy:.1f} %</b>, last recorded cost "
            f"{run.costs[-1]:.4g} (trained in {run.seconds:.1f} s)"
        )
        self._show_result(status, self._figure(run))
        return run

    def _train(self, layers_dims, learning_rate: float, num_iterations: int) -> DeepRun:
        X_train, Y_train, X_test, Y_test = self._data
        start = time.perf_counter()
        result = self._call_learner(
            "L_layer_model",
            self._model,
            X_train,
            Y_train,
            list(layers_dims),
            seed=self._seed,
            learning_rate=learning_rate,
            num_iterations=num_iterations,
            print_cost=False,
        )
        seconds = time.perf_counter() - start
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise LearnerProblem(
                "Your `L_layer_model` should return two things, (parameters, costs); it "
                f"returned {type(result).__name__}"
                + (f" of length {len(result)}." if isinstance(result, (tuple, list)) else ".")
            )
        parameters = checked_parameters(result[0], layers_dims, "your `L_layer_model`")
        costs = learner_costs(result[1], "L_layer_model", "costs")
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
        earlier = self._earlier_runs(run)
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
