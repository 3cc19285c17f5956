"""The optimizer-paths explorer of week c2w2: sliders for the learning rate, β1 and β2 redraw
the steps that gradient descent, momentum, RMSprop and Adam take on a cost of two parameters
(the notebook's elongated bowl). Nothing is trained: each path is a few dozen updates of two
numbers, made by the learner's update functions through the notebook's ``surface_path``.

Shapes: a path is ``(k, 2)``, the two parameters ``(W, b)`` before each step (the first row is
the start).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import (
    Explorer,
    LearnerProblem,
    call_named,
    choice_slider,
    problem_html,
    slider_values,
    start_value,
)

OPTIMIZERS = (
    ("gd", "gradient descent"),
    ("momentum", "momentum (β = β1)"),
    ("rmsprop", "RMSprop (β = β2)"),
    ("adam", "Adam"),
)
DEFAULT_PATH_LEARNING_RATES = (0.01, 0.03, 0.05, 0.1, 0.15, 0.19, 0.21, 0.3, 0.5, 1.0)
DEFAULT_BETA1S = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99)
DEFAULT_BETA2S = (0.9, 0.99, 0.999, 0.9999)
DEFAULT_LIMITS = ((-4.5, 1.5), (-1.5, 1.5))  # the window: W across, b up


@dataclass(frozen=True)
class PathsRun:
    """The paths for one setting of the sliders, and the optimizers that failed."""

    learning_rate: float
    beta1: float
    beta2: float
    paths: dict = field(default_factory=dict)  # {optimizer label: path (k, 2)}
    problems: dict = field(default_factory=dict)  # {optimizer label: message}


def _checked_path(result, optimizer: str) -> np.ndarray:
    """What ``surface_path`` returned, as floats ``(k, 2)``, or a LearnerProblem."""
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"`surface_path({optimizer!r}, ...)` returned {type(result).__name__}; expected "
            "an array of shape (k, 2)."
        ) from None
    if array.ndim != 2 or array.shape[1] != 2 or array.shape[0] < 2:
        raise LearnerProblem(
            f"`surface_path({optimizer!r}, ...)` returned shape {array.shape}; expected "
            "(k, 2), one point (W, b) per step."
        )
    return array


class OptimizerPathsExplorer(Explorer):
    """Sliders for the learning rate, β1 and β2; four panels with the optimizers' paths.

    Attributes: ``learning_rate_slider``, ``beta1_slider``, ``beta2_slider``
    (``SelectionSlider``), ``status`` (``HTML``: each optimizer's last cost, or a message),
    ``plot`` (``Output``: the four paths), ``runs`` (``{(learning_rate, beta1, beta2):
    PathsRun}``). Releasing a slider calls :meth:`update`; so does setting its ``value``.
    """

    def __init__(
        self,
        surface_path,
        cost_fn,
        learning_rates=DEFAULT_PATH_LEARNING_RATES,
        beta1s=DEFAULT_BETA1S,
        beta2s=DEFAULT_BETA2S,
        *,
        learning_rate=0.19,
        beta1=0.9,
        beta2=0.999,
        limits=DEFAULT_LIMITS,
    ) -> None:
        name = "optimizer_paths_explorer"
        for function, label in ((surface_path, "surface_path"), (cost_fn, "cost_fn")):
            if not callable(function):
                raise ValueError(
                    f"{name}: expected the function `{label}`, got {type(function).__name__}."
                )
        rates = slider_values(learning_rates, "learning_rates")
        first_betas = slider_values(beta1s, "beta1s", 0.0, 1.0, low_ok=True)
        second_betas = slider_values(beta2s, "beta2s", 0.0, 1.0, low_ok=True)
        if 1.0 in first_betas or 1.0 in second_betas:
            raise ValueError(f"{name}: β1 and β2 must be below 1.")
        self._surface_path, self._cost_fn, self._limits = surface_path, cost_fn, limits
        style = {"description_width": "110px"}
        self.learning_rate_slider = choice_slider(
            rates, start_value(float(learning_rate), rates, "learning_rate"),
            "learning rate α", style, "{:g}",
        )  # fmt: skip
        self.beta1_slider = choice_slider(
            first_betas, start_value(float(beta1), first_betas, "beta1"), "β1", style, "{:g}"
        )
        self.beta2_slider = choice_slider(
            second_betas, start_value(float(beta2), second_betas, "beta2"), "β2", style, "{:g}"
        )
        sliders = (self.learning_rate_slider, self.beta1_slider, self.beta2_slider)
        super().__init__(
            "<b>Optimizer paths</b>: each panel shows the steps one optimizer takes on the "
            "elongated bowl, from the black square, with the learning rate you pick. Momentum "
            "averages the gradients with β1, RMSprop averages their squares with β2, Adam "
            "does both. The paths come from your update functions (through "
            "<code>surface_path</code>).",
            controls=widgets.VBox(list(sliders)),
            busy_controls=sliders,
        )
        self.start(sliders)

    def update(self, change=None) -> PathsRun | None:
        """Compute (or reuse) the paths for the sliders' values and draw them; ``None`` when no
        optimizer could be drawn."""
        key = (
            self.learning_rate_slider.value,
            self.beta1_slider.value,
            self.beta2_slider.value,
        )
        run = self._run(key, "<i>computing the paths...</i>")
        if run is None:
            return None
        if not run.paths:
            self._show_problem("\n".join(run.problems.values()))
            return None
        try:
            with np.errstate(all="ignore"):
                fig = plotting.plot_optimizer_paths(
                    self._cost_fn,
                    run.paths,
                    self._limits,
                    title=f"α = {key[0]:g}, β1 = {key[1]:g}, β2 = {key[2]:g}",
                    ncols=2,
                )
        except ValueError as error:
            self._show_problem(f"Could not draw the paths: {error}")
            return None
        lines = [f"<b>{html.escape(label)}</b>: {self._describe(path)}"
                 for label, path in run.paths.items()]  # fmt: skip
        settings = f"α = {key[0]:g}, β1 = {key[1]:g}, β2 = {key[2]:g}"
        status = f"<i>{settings}</i><br>" + "<br>".join(lines)
        for message in run.problems.values():
            status += problem_html(message)
        self._show_result(status, fig)
        return run

    def _describe(self, path: np.ndarray) -> str:
        last = path[-1]
        if not np.all(np.isfinite(last)):
            return "diverged (the parameters became inf or NaN)"
        with np.errstate(all="ignore"):
            cost = float(np.asarray(self._cost_fn(last[0:1], last[1:2])).reshape(-1)[0])
        steps = len(path) - 1
        if not np.isfinite(cost) or np.max(np.abs(last)) > 1e6:
            return f"diverged: after {steps} steps the cost is {cost:.3g}"
        return f"cost {cost:.4f} after {steps} steps"

    def _train(self, learning_rate: float, beta1: float, beta2: float) -> PathsRun:
        run = PathsRun(learning_rate, beta1, beta2)
        for optimizer, label in OPTIMIZERS:
            try:
                result = call_named(
                    self,
                    "surface_path",
                    self._surface_path,
                    optimizer,
                    learning_rate=learning_rate,
                    beta1=beta1,
                    beta2=beta2,
                )
                run.paths[label] = _checked_path(result, optimizer)
            except LearnerProblem as problem:
                run.problems[label] = f"{label}: {problem}"
        return run


def optimizer_paths_explorer(
    surface_path,
    cost_fn,
    learning_rates=DEFAULT_PATH_LEARNING_RATES,
    beta1s=DEFAULT_BETA1S,
    beta2s=DEFAULT_BETA2S,
    *,
    learning_rate=0.19,
    beta1=0.9,
    beta2=0.999,
    limits=DEFAULT_LIMITS,
) -> OptimizerPathsExplorer:
    """A widget that draws the paths of four optimizers on a cost of two parameters.

    Arguments:
        surface_path: the notebook's ``surface_path(optimizer, learning_rate, beta1, beta2)``
            returning the path ``(k, 2)`` of ``optimizer`` (``"gd"``, ``"momentum"``,
            ``"rmsprop"`` or ``"adam"``); it calls your update functions.
        cost_fn: the cost ``cost_fn(W, b)`` for arrays of the same shape (the contours).
        learning_rates, beta1s, beta2s: the values of the three sliders.
        learning_rate, beta1, beta2: where the sliders start.
        limits: the window, ``((W_low, W_high), (b_low, b_high))``.

    Each setting takes a moment (a few dozen steps of each optimizer, no network) and is
    remembered. When one of your functions raises (``NotImplementedError`` if it is not
    written yet), its optimizer's panel is left out and a short message names the function;
    the other optimizers are still drawn.

    Returns: the widget, a ``VBox`` (:class:`OptimizerPathsExplorer`).
    """
    return OptimizerPathsExplorer(
        surface_path,
        cost_fn,
        learning_rates,
        beta1s,
        beta2s,
        learning_rate=learning_rate,
        beta1=beta1,
        beta2=beta2,
        limits=limits,
    )
