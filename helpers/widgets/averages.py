"""The averages explorer of week c2w2: a β slider recomputes the learner's exponentially
weighted average of the daily temperatures, without and with bias correction, and draws both
over the whole year and over its first days.

Shapes: ``days`` and ``temperatures`` are 1-D, ``(T,)``; the learner's
``exponentially_weighted_average(theta, beta, bias_correction=False)`` returns ``(T,)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, choice_slider, slider_values, start_value

DEFAULT_BETAS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
DEFAULT_DAYS_SHOWN = 60  # the right-hand plot: the start of the year, where the bias shows


@dataclass(frozen=True)
class AveragesRun:
    """The two averages for one β."""

    beta: float
    plain: np.ndarray
    corrected: np.ndarray

    @property
    def days_averaged(self) -> float:
        """About how many days the average looks back: 1 / (1 - β)."""
        return 1 / (1 - self.beta)


def _checked_average(result, length: int, bias_correction: bool) -> np.ndarray:
    """What the learner's function returned, as floats ``(length,)``, or a LearnerProblem."""
    call = f"exponentially_weighted_average(theta, beta, bias_correction={bias_correction})"
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"`{call}` returned {type(result).__name__}; expected an array of {length} numbers, "
            "one average per day."
        ) from None
    if array.shape != (length,):
        raise LearnerProblem(
            f"`{call}` returned shape {array.shape} for {length} days; expected shape "
            f"({length},), the averages v_1, ..., v_{length}."
        )
    return array


class AveragesExplorer(Explorer):
    """A β slider; the plain and the bias-corrected averages over the temperatures.

    Attributes: ``beta_slider`` (``SelectionSlider``), ``status`` (``HTML``: what the averages
    say on day 1, or a message), ``plot`` (``Output``: the whole year on the left, the first
    ``days_shown`` days on the right), ``runs`` (``{beta: AveragesRun}``). Releasing the slider
    calls :meth:`update`; so does setting its ``value`` in code.
    """

    def __init__(
        self,
        exponentially_weighted_average,
        days,
        temperatures,
        betas=DEFAULT_BETAS,
        *,
        beta=0.9,
        days_shown=DEFAULT_DAYS_SHOWN,
    ) -> None:
        name = "averages_explorer"
        if not callable(exponentially_weighted_average):
            raise ValueError(
                f"{name}: expected the function `exponentially_weighted_average`, got "
                f"{type(exponentially_weighted_average).__name__}."
            )
        self._days = plotting._series(days, "days", name)
        self._temperatures = plotting._series(temperatures, "temperatures", name, len(self._days))
        beta_values = slider_values(betas, "betas", 0.0, 1.0, low_ok=True)
        if 1.0 in beta_values:
            raise ValueError(f"{name}: betas must be below 1 (β = 1 never changes the average).")
        beta = start_value(float(beta), beta_values, "beta")
        if isinstance(days_shown, bool) or not isinstance(days_shown, int) or days_shown < 2:
            raise ValueError(f"{name}: days_shown must be a whole number, 2 or more.")
        self._days_shown = min(days_shown, len(self._days))
        self._average = exponentially_weighted_average

        self.beta_slider = choice_slider(
            beta_values, beta, "β", {"description_width": "40px"}, "{:g}"
        )
        super().__init__(
            "<b>Averages explorer</b>: pick β; your <code>exponentially_weighted_average</code> "
            "averages the daily temperatures without bias correction (red) and with it "
            "(green). Left: the whole year; right: the first "
            f"{self._days_shown} days, where the two differ.",
            controls=self.beta_slider,
            busy_controls=(self.beta_slider,),
        )
        self.start((self.beta_slider,))

    def update(self, change=None) -> AveragesRun | None:
        """Compute (or reuse) the averages for the slider's β and show them; ``None`` on a
        problem."""
        beta = self.beta_slider.value
        run = self._run((beta,), f"<i>averaging with β = {beta:g}...</i>")
        if run is None:
            return None
        first = self._temperatures[0]
        status = (
            f"<b>β = {beta:g}</b> averages about 1 / (1 − β) = <b>{run.days_averaged:.0f} "
            f"days</b>. Day 1: temperature {first:.1f} °C, plain average "
            f"<b>{run.plain[0]:.2f} °C</b>, corrected average <b>{run.corrected[0]:.2f} °C</b>."
        )
        self._show_result(status, self._figure(run))
        return run

    def _train(self, beta: float) -> AveragesRun:
        averages = []
        for bias_correction in (False, True):
            result = self._call_learner(
                "exponentially_weighted_average",
                self._average,
                self._temperatures.copy(),
                beta,
                bias_correction=bias_correction,
            )
            averages.append(_checked_average(result, len(self._temperatures), bias_correction))
        return AveragesRun(beta, *averages)

    def _figure(self, run: AveragesRun):
        fig, axes = plt.subplots(
            1, 2, figsize=(12.0, 4.0), layout="constrained", gridspec_kw={"width_ratios": [3, 2]}
        )
        curves = {
            "without bias correction": run.plain,
            "with bias correction": run.corrected,
        }
        with np.errstate(all="ignore"):
            plotting.plot_temperatures(
                self._days,
                self._temperatures,
                curves,
                title=f"The whole year, β = {run.beta:g}",
                ax=axes[0],
            )
            plotting.plot_temperatures(
                self._days,
                self._temperatures,
                curves,
                title=f"The first {self._days_shown} days",
                ax=axes[1],
                last_day=self._days[self._days_shown - 1],
            )
        return fig


def averages_explorer(
    exponentially_weighted_average,
    days,
    temperatures,
    betas=DEFAULT_BETAS,
    *,
    beta=0.9,
    days_shown=DEFAULT_DAYS_SHOWN,
) -> AveragesExplorer:
    """A widget that averages the temperatures with the β you pick, with your function.

    Arguments:
        exponentially_weighted_average: your function ``exponentially_weighted_average(theta,
            beta, bias_correction=False)`` returning the averages ``(T,)``.
        days, temperatures: the data, ``(T,)`` each (``datasets.load_temperatures()``).
        betas: the values of the β slider, each in [0, 1).
        beta: where the slider starts.
        days_shown: how many days from the start the right-hand plot shows.

    The widget calls your function twice for each β (without and with bias correction) and
    remembers the results, so going back to a β is instant. When it raises
    (``NotImplementedError`` if it is not written yet), a short message says so instead of a
    traceback.

    Returns: the widget, a ``VBox`` (:class:`AveragesExplorer`).
    """
    return AveragesExplorer(
        exponentially_weighted_average,
        days,
        temperatures,
        betas,
        beta=beta,
        days_shown=days_shown,
    )
