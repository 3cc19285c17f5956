"""The batch-norm explorer of week c2w3: switch batch normalization on or off and pick the
learning rate; the notebook's ``train_fn`` retrains the deep digits network briefly (calling
the learner's batch-norm and softmax functions) and the widget shows the cost curve and the
train / test accuracy, beside the earlier runs.

``train_fn(use_batchnorm, learning_rate, num_epochs)`` returns a dict with ``"costs"`` (one
cost per epoch), ``"train_accuracy"`` and ``"test_accuracy"`` (in %).
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import (
    Explorer,
    LearnerProblem,
    call_named,
    choice_slider,
    learner_costs,
    slider_values,
    start_value,
)

DEFAULT_BATCHNORM_LEARNING_RATES = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
DEFAULT_BATCHNORM_EPOCHS = 5
BATCHNORM_SEED = 1  # np.random is seeded with this before each run


@dataclass(frozen=True)
class BatchNormRun:
    """What one short training run produced."""

    use_batchnorm: bool
    learning_rate: float
    num_iterations: int  # the number of epochs (named so for Explorer._earlier_runs)
    costs: np.ndarray
    train_accuracy: float
    test_accuracy: float

    @property
    def label(self) -> str:
        mode = "with" if self.use_batchnorm else "without"
        return f"{mode} batch norm, α = {self.learning_rate:g}"


def _accuracy(result: dict, key: str) -> float:
    try:
        value = float(result[key])
    except (KeyError, TypeError, ValueError):
        raise LearnerProblem(
            f"`train_fn` returned no usable {key!r}; expected a number (a percentage)."
        ) from None
    return value


class BatchNormExplorer(Explorer):
    """A batch-norm checkbox and a learning-rate slider; the cost curves of the runs so far.

    Attributes: ``batchnorm_checkbox`` (``Checkbox``), ``learning_rate_slider``
    (``SelectionSlider``), ``status`` (``HTML``: the accuracies, or a message), ``plot``
    (``Output``), ``runs`` (``{(use_batchnorm, learning_rate): BatchNormRun}``). Changing a
    control calls :meth:`update`.
    """

    def __init__(self, train_fn, learning_rates=DEFAULT_BATCHNORM_LEARNING_RATES, *,
                 learning_rate=1.0, use_batchnorm=True,
                 num_epochs=DEFAULT_BATCHNORM_EPOCHS) -> None:  # fmt: skip
        name = "batchnorm_explorer"
        if not callable(train_fn):
            raise ValueError(f"{name}: expected the function `train_fn`, got "
                             f"{type(train_fn).__name__}.")  # fmt: skip
        rates = slider_values(learning_rates, "learning_rates")
        if isinstance(num_epochs, bool) or not isinstance(num_epochs, int) or num_epochs < 1:
            raise ValueError(f"{name}: num_epochs must be a positive whole number.")
        self._train_fn, self._num_epochs = train_fn, num_epochs
        self.batchnorm_checkbox = widgets.Checkbox(value=bool(use_batchnorm),
                                                   description="batch norm")  # fmt: skip
        self.learning_rate_slider = choice_slider(
            rates, start_value(float(learning_rate), rates, "learning_rate"),
            "learning rate α", {"description_width": "110px"}, "{:g}",
        )  # fmt: skip
        controls = (self.batchnorm_checkbox, self.learning_rate_slider)
        super().__init__(
            "<b>Batch-norm explorer</b>: train the deep network on the digits for "
            f"{num_epochs} epochs of mini-batch gradient descent, with or without batch "
            "normalization, at the learning rate you pick. The network uses your batch-norm "
            "and softmax functions (through <code>train_fn</code>); every run is remembered and "
            "drawn.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def update(self, change=None) -> BatchNormRun | None:
        """Train (or reuse) the run for the controls and draw it; ``None`` on a problem."""
        key = (self.batchnorm_checkbox.value, self.learning_rate_slider.value)
        run = self._run(key, f"<i>training for {self._num_epochs} epochs...</i>")
        if run is None:
            return None
        curves = {other.label: other.costs for other in self._earlier_runs(run)}
        curves[run.label] = run.costs
        fig = plotting.plot_cost_curves(curves, every=1, title="Cost per epoch, every run so far")
        fig.axes[0].set_xlabel("epochs")
        diverged = ""
        if not np.all(np.isfinite(run.costs)):
            diverged = " The cost became inf or NaN: training diverged."
        status = (
            f"<b>{run.label}</b>: train accuracy <b>{run.train_accuracy:.1f} %</b>, test "
            f"accuracy <b>{run.test_accuracy:.1f} %</b> after {run.num_iterations} epochs."
            + diverged
        )
        self._show_result(status, fig)
        return run

    def _train(self, use_batchnorm: bool, learning_rate: float) -> BatchNormRun:
        result = call_named(
            self, "train_fn", self._train_fn, use_batchnorm, learning_rate,
            num_epochs=self._num_epochs, seed=BATCHNORM_SEED,
        )  # fmt: skip
        if not isinstance(result, dict):
            raise LearnerProblem(
                f"`train_fn` returned {type(result).__name__}; expected a dict with 'costs', "
                "'train_accuracy' and 'test_accuracy'."
            )
        costs = learner_costs(result.get("costs"), "train_fn", 'result["costs"]')
        return BatchNormRun(
            bool(use_batchnorm), float(learning_rate), self._num_epochs, costs,
            _accuracy(result, "train_accuracy"), _accuracy(result, "test_accuracy"),
        )  # fmt: skip


def batchnorm_explorer(train_fn, learning_rates=DEFAULT_BATCHNORM_LEARNING_RATES, *,
                       learning_rate=1.0, use_batchnorm=True,
                       num_epochs=DEFAULT_BATCHNORM_EPOCHS) -> BatchNormExplorer:  # fmt: skip
    """A widget that retrains the deep digits network with or without batch normalization.

    Arguments:
        train_fn: the notebook's ``train_fn(use_batchnorm, learning_rate, num_epochs)``
            returning ``{"costs": [...], "train_accuracy": ..., "test_accuracy": ...}``; it
            calls your batch-norm and softmax functions.
        learning_rates: the values of the learning-rate slider.
        learning_rate, use_batchnorm: where the controls start.
        num_epochs: the epochs of every run (a few: each run takes about a second).

    ``np.random`` is seeded before every run, so each setting starts from the same weights.
    When one of your functions raises (``NotImplementedError`` if it is not written yet), a
    short message names it instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`BatchNormExplorer`).
    """
    return BatchNormExplorer(train_fn, learning_rates, learning_rate=learning_rate,
                             use_batchnorm=use_batchnorm, num_epochs=num_epochs)  # fmt: skip
