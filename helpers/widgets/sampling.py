"""The sampling explorer of week c2w3: choose how many values to sample and the scale, linear
or logarithmic, and see where the learning rates α and the momentum weights β land.

On the log scale the samples come from the learner's ``sample_learning_rates(num,
low_exponent, high_exponent, seed)`` and ``sample_betas(num, low, high, seed)``; on the linear
scale the widget draws them itself, uniformly between the same bounds, for comparison. Shapes:
each function returns ``(num,)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, choice_slider, slider_values, start_value

DEFAULT_SAMPLE_COUNTS = (10, 30, 100, 300, 1000, 3000)
SCALES = ("log", "linear")
ALPHA_EXPONENTS = (-4, 0)  # α from 10^-4 to 1
BETA_RANGE = (0.9, 0.999)
SAMPLING_SEED = 0


@dataclass(frozen=True)
class SamplingRun:
    """The samples for one setting of the controls."""

    num: int
    scale: str
    learning_rates: np.ndarray
    betas: np.ndarray

    @property
    def share_top_decade(self) -> float:
        """The percentage of the learning rates in the last decade, [0.1, 1]."""
        return float(100 * np.mean(self.learning_rates >= 0.1))

    @property
    def share_long_windows(self) -> float:
        """The percentage of the β with a window 1 / (1 - β) of 100 or more (β >= 0.99)."""
        return float(100 * np.mean(self.betas >= 0.99))


def _checked_samples(result, num: int, name: str, low: float, high: float) -> np.ndarray:
    """The learner's samples as floats ``(num,)`` inside [low, high], or a LearnerProblem."""
    try:
        array = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"`{name}` returned {type(result).__name__}; expected an array of {num} numbers."
        ) from None
    if array.shape != (num,):
        raise LearnerProblem(
            f"`{name}({num}, ...)` returned shape {array.shape}; expected ({num},), one value per "
            "sample."
        )
    tolerance = 1e-9 * max(1.0, abs(high))
    outside = array.min() < low - tolerance or array.max() > high + tolerance
    if not np.all(np.isfinite(array)) or outside:
        raise LearnerProblem(
            f"`{name}` returned values from {np.nanmin(array):.4g} to {np.nanmax(array):.4g}; "
            f"they should lie between {low:g} and {high:g}."
        )
    return array


class SamplingExplorer(Explorer):
    """A slider for the number of samples and a choice of scale; histograms of α and of the
    window 1 / (1 - β) of the sampled β.

    Attributes: ``num_slider`` (``SelectionSlider``), ``scale_buttons`` (``ToggleButtons``:
    ``"log"`` or ``"linear"``), ``status`` (``HTML``), ``plot`` (``Output``), ``runs``
    (``{(num, scale): SamplingRun}``). Changing a control calls :meth:`update`.
    """

    def __init__(self, sample_learning_rates, sample_betas, sample_counts=DEFAULT_SAMPLE_COUNTS,
                 *, num=None, scale="log") -> None:  # fmt: skip
        name = "sampling_explorer"
        for function, label in ((sample_learning_rates, "sample_learning_rates"),
                                (sample_betas, "sample_betas")):  # fmt: skip
            if not callable(function):
                raise ValueError(
                    f"{name}: expected the function `{label}`, got {type(function).__name__}."
                )
        counts = slider_values(sample_counts, "sample_counts", integer=True)
        if scale not in SCALES:
            raise ValueError(f"{name}: scale must be one of {SCALES}, got {scale!r}.")
        self._sample_learning_rates, self._sample_betas = sample_learning_rates, sample_betas
        self.num_slider = choice_slider(
            counts, start_value(num, counts, "num"), "samples", {"description_width": "70px"}
        )
        self.scale_buttons = widgets.ToggleButtons(options=list(SCALES), value=scale,
                                                   description="scale")  # fmt: skip
        controls = (self.num_slider, self.scale_buttons)
        super().__init__(
            "<b>Sampling explorer</b>: how many values of α (between 10<sup>-4</sup> and 1) and "
            "of β (between 0.9 and 0.999) to sample, and on which scale. <i>log</i> uses your "
            "<code>sample_learning_rates</code> and <code>sample_betas</code>; <i>linear</i> "
            "samples uniformly between the same bounds. The histograms use a log axis, on "
            "which every decade has the same width.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def update(self, change=None) -> SamplingRun | None:
        """Sample (or reuse) the values for the controls and draw them; ``None`` on a problem."""
        key = (self.num_slider.value, self.scale_buttons.value)
        run = self._run(key, "<i>sampling...</i>")
        if run is None:
            return None
        windows = 1 / (1 - run.betas)
        fig = plotting.plot_sample_histograms(
            {"learning rate α": run.learning_rates, "window 1 / (1 - β)": windows},
            log_scale=True,
            bins=16,
            ranges={"learning rate α": (1e-4, 1.0), "window 1 / (1 - β)": (10.0, 1000.0)},
            title=f"{run.num} samples on the {run.scale} scale",
        )
        status = (
            f"<b>{run.num} samples, {run.scale} scale</b>: "
            f"{run.share_top_decade:.1f} % of the α lie in [0.1, 1] (one decade of four); "
            f"{run.share_long_windows:.1f} % of the β are 0.99 or more (windows of 100 to 1000 "
            "steps, one decade of two)."
        )
        self._show_result(status, fig)
        return run

    def _train(self, num: int, scale: str) -> SamplingRun:
        low_exponent, high_exponent = ALPHA_EXPONENTS
        low, high = BETA_RANGE
        if scale == "linear":
            rng = np.random.RandomState(SAMPLING_SEED)
            rates = rng.uniform(10.0**low_exponent, 10.0**high_exponent, num)
            betas = rng.uniform(low, high, num)
            return SamplingRun(num, scale, rates, betas)
        rates = self._call_learner(
            "sample_learning_rates", self._sample_learning_rates, num,
            low_exponent=low_exponent, high_exponent=high_exponent, seed=SAMPLING_SEED,
        )  # fmt: skip
        rates = _checked_samples(rates, num, "sample_learning_rates", 1e-4, 1.0)
        betas = self._call_learner(
            "sample_betas", self._sample_betas, num, low=low, high=high, seed=SAMPLING_SEED
        )
        betas = _checked_samples(betas, num, "sample_betas", low, high)
        return SamplingRun(num, scale, rates, betas)


def sampling_explorer(sample_learning_rates, sample_betas, sample_counts=DEFAULT_SAMPLE_COUNTS,
                      *, num=None, scale="log") -> SamplingExplorer:  # fmt: skip
    """A widget that samples learning rates and βs and shows where they land.

    Arguments:
        sample_learning_rates: your ``sample_learning_rates(num, low_exponent=-4,
            high_exponent=0, seed=0)``, returning ``(num,)`` rates.
        sample_betas: your ``sample_betas(num, low=0.9, high=0.999, seed=0)``, returning
            ``(num,)`` values of β.
        sample_counts: the values of the "samples" slider.
        num: where the slider starts (default: the middle value).
        scale: ``"log"`` (your functions) or ``"linear"`` (uniform samples, for comparison).

    When one of your functions raises (``NotImplementedError`` if it is not written yet), a
    short message says so instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`SamplingExplorer`).
    """
    return SamplingExplorer(sample_learning_rates, sample_betas, sample_counts, num=num,
                            scale=scale)  # fmt: skip
