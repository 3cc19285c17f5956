"""The decision-boundary explorer of week c1w3: retrain the learner's ``nn_model`` on a data set
of 2-D points and colour the plane with the learner's ``predict``.

Shapes: each data set is ``X`` ``(2, m)`` (one point per column) and ``Y`` ``(1, m)`` of 0/1.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, choice_slider, slider_values, start_value

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


def _labels(result, m: int) -> np.ndarray:
    """The learner's predictions as a float array (1, m) of 0/1, or a LearnerProblem."""
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"Your `predict` returned {type(result).__name__}; expected an array of shape "
            f"(1, {m}) of 0 and 1."
        ) from None
    if array.size != m:
        raise LearnerProblem(
            f"Your `predict` returned an array of shape {array.shape} for {m} points; expected "
            f"shape (1, {m}), one label per point (column of X)."
        )
    array = array.reshape(1, m)
    if not np.all(np.isin(array, (0.0, 1.0))):
        raise LearnerProblem(
            "Your `predict` returned values other than 0 and 1 (probabilities?); it should "
            "return the labels, 1 where A2 > 0.5 and 0 elsewhere."
        )
    return array


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


class DecisionBoundaryExplorer(Explorer):
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
        sizes = slider_values(hidden_sizes, "hidden_sizes", integer=True)
        counts = slider_values(iterations, "iterations", integer=True)
        names = list(self._data)
        if dataset is None:
            dataset = names[0]
        if dataset not in self._data:
            raise ValueError(f"{name}: dataset={dataset!r} is not one of {names}.")
        n_h = start_value(n_h, sizes, "n_h")
        num_iterations = start_value(num_iterations, counts, "num_iterations")

        style = {"description_width": "110px"}
        self.dataset_dropdown = widgets.Dropdown(
            options=names, value=dataset, description="data set", style=style
        )
        self.hidden_size_slider = choice_slider(sizes, n_h, "hidden units n_h", style)
        self.iterations_slider = choice_slider(counts, num_iterations, "iterations", style)
        self._nn_model, self._predict = nn_model, predict
        controls = (self.dataset_dropdown, self.hidden_size_slider, self.iterations_slider)
        super().__init__(
            "<b>Decision boundary explorer</b>: pick a data set, the number of hidden units and "
            "of iterations; your <code>nn_model</code> trains a network (learning rate 1.2, "
            "this takes a moment) and your <code>predict</code> colours the plane. The weights "
            f"start from the same random numbers every time (seed {EXPLORER_SEED}).",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def update(self, change=None) -> BoundaryRun | None:
        """Train (or reuse) the run for the controls' values and show it; ``None`` on a problem."""
        key = (
            self.dataset_dropdown.value,
            self.hidden_size_slider.value,
            self.iterations_slider.value,
        )
        X, Y = self._data[key[0]]
        busy = (
            f"<i>training on {html.escape(key[0])} with n_h = {key[1]} for {key[2]} "
            "iterations...</i>"
        )
        run = self._run(key, busy)
        if run is None:
            return None
        try:
            fig = plotting.plot_decision_boundary(
                lambda points: self._predict(run.parameters, points),
                X,
                Y,
                title=f"{run.dataset}: n_h = {run.n_h}, {run.num_iterations} iterations",
            )
        except ValueError as error:  # predict misbehaved on the grid points
            self._show_problem(f"Could not draw the boundary with your `predict`: {error}")
            return None
        status = (
            f"<b>{html.escape(run.dataset)}, n_h = {run.n_h}, {run.num_iterations} "
            f"iterations</b>: accuracy <b>{run.accuracy:.1f} %</b> on its {Y.shape[1]} points"
        )
        self._show_result(status, fig)
        return run

    def _train(self, dataset: str, n_h: int, num_iterations: int) -> BoundaryRun:
        X, Y = self._data[dataset]
        parameters = self._call_learner(
            "nn_model",
            self._nn_model,
            X,
            Y,
            n_h,
            seed=EXPLORER_SEED,
            num_iterations=num_iterations,
            print_cost=False,
        )
        if not isinstance(parameters, dict):
            raise LearnerProblem(
                "Your `nn_model` should return the parameters dict (W1, b1, W2, b2); it "
                f"returned {type(parameters).__name__}."
            )
        predictions = self._call_learner(
            "predict", self._predict, parameters, X, silence_warnings=False
        )
        predictions = _labels(predictions, X.shape[1])
        accuracy = float(100 * np.mean(predictions == Y))
        return BoundaryRun(dataset, n_h, num_iterations, parameters, accuracy)


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
