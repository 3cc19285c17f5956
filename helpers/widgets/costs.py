"""The cost explorer of week c4w2 (case studies): sliders for the output size, the input
channels, the filter size, the output channels and the channels of a 1 x 1 bottleneck; the
learner's ``conv_cost`` and ``depthwise_separable_cost`` count the multiplications of a normal
convolution, of the Inception-style bottleneck (a 1 x 1 convolution down to fewer channels,
then the convolution) and of MobileNet's depthwise-separable convolution, drawn as bars.

The learner's functions have the week's signatures: ``conv_cost(n_H, n_W, n_C, f, n_C_prev)``
(the multiplications of a convolution whose output is ``n_H x n_W x n_C``, with filters
``f x f x n_C_prev``) and ``depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C) ->
(depthwise, pointwise)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, call_named, choice_slider, slider_values, start_value

DEFAULT_OUTPUT_SIZES = (7, 14, 28, 56, 112)
DEFAULT_INPUT_CHANNELS = (3, 16, 32, 64, 128, 192, 256, 512, 1024)
DEFAULT_FILTER_SIZES = (1, 3, 5, 7)
DEFAULT_OUTPUT_CHANNELS = (16, 32, 64, 128, 256, 512, 1024)
DEFAULT_BOTTLENECKS = (4, 8, 16, 32, 64, 128)


@dataclass(frozen=True)
class CostRun:
    """The multiplications counted by the learner's functions for one setting of the sliders."""

    size: int  # the output is size x size x n_C
    input_channels: int
    f: int
    output_channels: int
    bottleneck: int
    normal: int
    reduce: int  # the 1 x 1 convolution down to `bottleneck` channels
    after_reduce: int  # the f x f convolution from `bottleneck` channels
    depthwise: int
    pointwise: int

    @property
    def bottleneck_total(self) -> int:
        return self.reduce + self.after_reduce

    @property
    def separable_total(self) -> int:
        return self.depthwise + self.pointwise


def _whole(value, name: str, what: str) -> int:
    """The learner's count as an int, or a LearnerProblem that says what came back."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise LearnerProblem(
            f"Your `{name}` returned {type(value).__name__} for {what}; it should return a number."
        )
    if not np.isfinite(value) or value < 0 or float(value) != round(float(value)):
        raise LearnerProblem(
            f"Your `{name}` returned {value!r} for {what}; a count of multiplications is a "
            "whole number >= 0."
        )
    return int(round(float(value)))


class CostExplorer(Explorer):
    """Five sliders; the multiplications of the three ways to compute the layer, as bars.

    Attributes: ``size_slider``, ``input_slider``, ``filter_slider``, ``output_slider`` and
    ``bottleneck_slider`` (``SelectionSlider``), ``status`` (``HTML``: the settings and the
    three counts, or a message), ``plot`` (``Output``), ``runs`` (``{(size, n_C_prev, f, n_C,
    bottleneck): CostRun}``). Changing a slider calls :meth:`update`.
    """

    def __init__(
        self,
        conv_cost,
        depthwise_separable_cost,
        sizes=DEFAULT_OUTPUT_SIZES,
        input_channels=DEFAULT_INPUT_CHANNELS,
        filter_sizes=DEFAULT_FILTER_SIZES,
        output_channels=DEFAULT_OUTPUT_CHANNELS,
        bottlenecks=DEFAULT_BOTTLENECKS,
        *,
        size=28,
        n_C_prev=192,
        f=5,
        n_C=32,
        bottleneck=16,
    ) -> None:
        function = "cost_explorer"
        for argument, value in (
            ("conv_cost", conv_cost),
            ("depthwise_separable_cost", depthwise_separable_cost),
        ):
            if not callable(value):
                raise ValueError(
                    f"{function}: expected your function {argument}, got {type(value).__name__}."
                )
        self._conv_cost = conv_cost
        self._separable_cost = depthwise_separable_cost
        style = {"description_width": "150px"}
        sliders = []
        for values, start, argument, description, label in (
            (sizes, size, "sizes", "output n_H = n_W", "{}"),
            (input_channels, n_C_prev, "input_channels", "input channels n_C_prev", "{}"),
            (filter_sizes, f, "filter_sizes", "filter size f", "{}"),
            (output_channels, n_C, "output_channels", "output channels n_C", "{}"),
            (bottlenecks, bottleneck, "bottlenecks", "bottleneck channels", "{}"),
        ):
            options = slider_values(values, f"{function}: {argument}", integer=True)
            value = start_value(start, options, f"{function}: {argument[:-1]}")
            sliders.append(choice_slider(options, value, description, style, label))
        (
            self.size_slider,
            self.input_slider,
            self.filter_slider,
            self.output_slider,
            self.bottleneck_slider,
        ) = sliders
        super().__init__(
            "<b>Cost explorer</b>: a convolution layer whose output is <i>n<sub>H</sub></i> "
            "&times; <i>n<sub>W</sub></i> &times; <i>n<sub>C</sub></i>, with <i>f</i> &times; "
            "<i>f</i> filters on an input of <i>n<sub>C_prev</sub></i> channels, computed three "
            "ways: a normal convolution, an Inception-style 1 &times; 1 bottleneck down to fewer "
            "channels followed by the convolution, and MobileNet's depthwise-separable "
            "convolution. Your <code>conv_cost</code> and <code>depthwise_separable_cost</code> "
            "count the multiplications.",
            controls=widgets.VBox(sliders),
            busy_controls=sliders,
        )
        self.start(sliders)

    def _key(self) -> tuple:
        return (
            self.size_slider.value,
            self.input_slider.value,
            self.filter_slider.value,
            self.output_slider.value,
            self.bottleneck_slider.value,
        )

    def update(self, change=None) -> CostRun | None:
        """Count (or reuse) for the sliders and draw the bars; ``None`` on a problem."""
        run = self._run(self._key(), "<i>counting with your functions...</i>")
        if run is None:
            return None
        costs = {
            "normal convolution": run.normal,
            f"1 × 1 bottleneck ({run.bottleneck} channels), then {run.f} × {run.f}": {
                f"1 × 1 down to {run.bottleneck} channels": run.reduce,
                f"{run.f} × {run.f} convolution": run.after_reduce,
            },
            "depthwise-separable": {"depthwise": run.depthwise, "pointwise": run.pointwise},
        }
        fig = plotting.plot_multiplications(
            costs,
            title=(
                f"Output {run.size} × {run.size} × {run.output_channels}, "
                f"input channels {run.input_channels}, f = {run.f}"
            ),
        )
        ratio = run.separable_total / run.normal if run.normal else float("nan")
        status = (
            f"output <b>{run.size} × {run.size} × {run.output_channels}</b>, input channels "
            f"<b>{run.input_channels}</b>, filter size <b>f = {run.f}</b>, bottleneck channels "
            f"<b>{run.bottleneck}</b>: normal convolution {run.normal:,}; bottleneck "
            f"{run.bottleneck_total:,}; depthwise-separable {run.separable_total:,} "
            f"({ratio:.3f} of the normal cost; 1/n_C + 1/f² = "
            f"{1 / run.output_channels + 1 / run.f**2:.3f})."
        )
        self._show_result(status, fig)
        return run

    def _train(self, size: int, n_C_prev: int, f: int, n_C: int, bottleneck: int) -> CostRun:
        conv_name, separable_name = "conv_cost", "depthwise_separable_cost"

        def conv(n_C_out, f_used, n_C_in, what):
            result = call_named(
                self, conv_name, self._conv_cost, size, size, n_C_out, f_used, n_C_in
            )
            return _whole(result, conv_name, what)

        normal = conv(n_C, f, n_C_prev, "the normal convolution")
        reduce = conv(bottleneck, 1, n_C_prev, "the 1 × 1 bottleneck")
        after_reduce = conv(n_C, f, bottleneck, "the convolution after the bottleneck")
        result = call_named(
            self, separable_name, self._separable_cost, size, size, n_C_prev, f, n_C
        )
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise LearnerProblem(
                f"Your `{separable_name}` returned {type(result).__name__}; it should return the "
                "pair (depthwise, pointwise)."
            )
        depthwise = _whole(result[0], separable_name, "the depthwise step")
        pointwise = _whole(result[1], separable_name, "the pointwise step")
        return CostRun(
            size, n_C_prev, f, n_C, bottleneck, normal, reduce, after_reduce, depthwise, pointwise
        )


def cost_explorer(
    conv_cost,
    depthwise_separable_cost,
    sizes=DEFAULT_OUTPUT_SIZES,
    input_channels=DEFAULT_INPUT_CHANNELS,
    filter_sizes=DEFAULT_FILTER_SIZES,
    output_channels=DEFAULT_OUTPUT_CHANNELS,
    bottlenecks=DEFAULT_BOTTLENECKS,
    *,
    size=28,
    n_C_prev=192,
    f=5,
    n_C=32,
    bottleneck=16,
) -> CostExplorer:
    """A widget that counts the multiplications of a convolution layer computed three ways:
    normal, with an Inception-style 1 x 1 bottleneck, and depthwise-separable (MobileNet).

    Arguments:
        conv_cost: your ``conv_cost(n_H, n_W, n_C, f, n_C_prev)``.
        depthwise_separable_cost: your ``depthwise_separable_cost(n_H, n_W, n_C_prev, f, n_C)
            -> (depthwise, pointwise)``.
        sizes, input_channels, filter_sizes, output_channels, bottlenecks: the values of the
            five sliders (positive whole numbers).
        size, n_C_prev, f, n_C, bottleneck: where the sliders start (default: the notes'
            Inception example, 28 x 28 x 32 from 192 channels with 5 x 5 filters, bottleneck 16).

    The bottleneck's cost is ``conv_cost`` of a 1 x 1 convolution down to ``bottleneck``
    channels plus ``conv_cost`` of the ``f x f`` convolution from them. When your function
    raises (``NotImplementedError`` if it is not written yet) or returns something that is not
    a count, a short message says so instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`CostExplorer`).
    """
    return CostExplorer(
        conv_cost,
        depthwise_separable_cost,
        sizes,
        input_channels,
        filter_sizes,
        output_channels,
        bottlenecks,
        size=size,
        n_C_prev=n_C_prev,
        f=f,
        n_C=n_C,
        bottleneck=bottleneck,
    )
