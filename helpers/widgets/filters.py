"""The filter explorer of week c4w1 (convolution): pick a filter (vertical or horizontal edges,
Sobel, Scharr, a blur, ...), the padding and the stride; the learner's convolution function
filters a photograph and the widget shows the result and its size.

The learner's function has the week's signature, ``conv_fn(A_prev, W, b, hparameters) ->
(Z, cache)``, channels last: the photograph goes in as ``A_prev`` of shape ``(1, n_H_prev,
n_W_prev, 1)`` (one picture, one grey channel), the filter as ``W`` ``(f, f, 1, 1)`` with ``b``
``(1, 1, 1, 1)`` of zeros and ``hparameters = {"stride": stride, "pad": pad}``; ``Z`` must be
``(1, n_H, n_W, 1)`` with ``n_H = floor((n_H_prev + 2 pad - f) / stride) + 1`` (``n_W`` alike).
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, call_named, choice_slider, slider_values, start_value

_VERTICAL = np.array([[1.0, 0.0, -1.0]] * 3)
_SOBEL = np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]])
_SCHARR = np.array([[3.0, 0.0, -3.0], [10.0, 0.0, -10.0], [3.0, 0.0, -3.0]])

# name: the f x f filter. A filter whose weights add up to 0 finds edges: the widget shows
# |Z| (the strength of an edge, whatever its sign) for those.
FILTERS = {
    "vertical edges": _VERTICAL,
    "horizontal edges": _VERTICAL.T.copy(),
    "Sobel, vertical": _SOBEL,
    "Sobel, horizontal": _SOBEL.T.copy(),
    "Scharr, vertical": _SCHARR,
    "Scharr, horizontal": _SCHARR.T.copy(),
    "blur 3 × 3": np.full((3, 3), 1 / 9),
    "blur 5 × 5": np.full((5, 5), 1 / 25),
    "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
}
DEFAULT_PADS = (0, 1, 2, 4, 8)
DEFAULT_STRIDES = (1, 2, 3, 4)


@dataclass(frozen=True)
class FilterRun:
    """The output of the learner's convolution for one setting of the controls."""

    filter_name: str
    pad: int
    stride: int
    kernel: np.ndarray  # (f, f)
    output: np.ndarray  # (n_H, n_W)
    input_shape: tuple  # (n_H_prev, n_W_prev)

    @property
    def f(self) -> int:
        return int(self.kernel.shape[0])

    @property
    def finds_edges(self) -> bool:
        """True for a filter whose weights add up to 0 (an edge filter)."""
        return bool(abs(float(self.kernel.sum())) < 1e-9)


def expected_size(n: int, f: int, pad: int, stride: int) -> int:
    """floor((n + 2 pad - f) / stride) + 1: the output size of a convolution."""
    return (n + 2 * pad - f) // stride + 1


def _grey_picture(photo, name: str) -> np.ndarray:
    """The photograph as floats (n_H, n_W), from (n_H, n_W), (n_H, n_W, 1) or (1, n_H, n_W, 1)."""
    array = np.asarray(photo)
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 2 or min(array.shape) < 8:
        raise ValueError(
            f"{name}: photo must be one grey picture (n_H, n_W) of at least 8 x 8 pixels, e.g. "
            f"datasets.load_photograph(), got shape {array.shape}."
        )
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise ValueError(f"{name}: photo must be an array of numbers, got {array.dtype}.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: photo contains NaN or infinite values.")
    return array.astype(np.float64)


def _checked_filters(filters, name: str) -> dict[str, np.ndarray]:
    if not isinstance(filters, dict) or not filters:
        raise ValueError(f"{name}: filters must be a non-empty dict {{name: (f, f) array}}.")
    checked = {}
    for key, kernel in filters.items():
        array = np.asarray(kernel, dtype=np.float64)
        if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] < 1:
            raise ValueError(
                f"{name}: filters[{key!r}] must be a square (f, f) array, got shape {array.shape}."
            )
        checked[str(key)] = array
    return checked


class FilterExplorer(Explorer):
    """A filter menu and sliders for the padding and the stride; the photograph, the filter and
    the output of the learner's convolution, drawn with the same size of pixel.

    Attributes: ``filter_menu`` (``Dropdown``), ``stride_slider`` and ``pad_slider``
    (``SelectionSlider``, readouts ``s = 1``, ``p = 1``), ``status`` (``HTML``: the settings and
    the output's size, or a message), ``plot`` (``Output``), ``runs`` (``{(filter name, pad,
    stride): FilterRun}``). Changing a control calls :meth:`update`.
    """

    def __init__(
        self,
        conv_fn,
        photo,
        filters=None,
        pads=DEFAULT_PADS,
        strides=DEFAULT_STRIDES,
        *,
        filter_name="vertical edges",
        pad=1,
        stride=1,
        name="conv_forward_fast",
    ) -> None:
        function = "filter_explorer"
        if not callable(conv_fn):
            raise ValueError(
                f"{function}: expected your convolution function (e.g. conv_forward_fast), got "
                f"{type(conv_fn).__name__}."
            )
        self._conv_fn, self._name = conv_fn, str(name)
        self._photo = _grey_picture(photo, function)
        self.filters = _checked_filters(FILTERS if filters is None else filters, function)
        if filter_name not in self.filters:
            raise ValueError(
                f"{function}: filter_name={filter_name!r} is not one of {list(self.filters)}."
            )
        pad_options = tuple(int(p) for p in pads)
        if (
            not pad_options
            or any(p < 0 for p in pad_options)
            or len(set(pad_options)) != len(pad_options)
        ):
            raise ValueError(f"{function}: pads must be distinct whole numbers >= 0, got {pads!r}.")
        stride_options = slider_values(strides, "strides", integer=True)
        self.filter_menu = widgets.Dropdown(
            options=list(self.filters),
            value=filter_name,
            description="filter",
            style={"description_width": "70px"},
            layout=widgets.Layout(width="300px"),
        )
        style = {"description_width": "70px"}
        self.stride_slider = choice_slider(
            stride_options,
            start_value(stride, stride_options, "stride"),
            "stride",
            style,
            "s = {}",
            width="360px",
        )
        self.pad_slider = choice_slider(
            pad_options,
            start_value(pad, pad_options, "pad"),
            "padding",
            style,
            "p = {}",
            width="360px",
        )
        controls = (self.filter_menu, self.stride_slider, self.pad_slider)
        n_H, n_W = self._photo.shape
        super().__init__(
            f"<b>Filter explorer</b>: your <code>{self._name}</code> filters the {n_H} &times; "
            f"{n_W} photograph with the filter you pick, after padding it with <i>p</i> rows "
            "and columns of zeros on every side, moving the filter <i>s</i> pixels at a time. "
            "The picture and the output are drawn with the same size of pixel, so you see the "
            "output grow with the padding and shrink with the stride. Edge filters show "
            "|output|: white = a strong edge.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def update(self, change=None) -> FilterRun | None:
        """Filter (or reuse) for the controls and draw the result; ``None`` on a problem."""
        key = (self.filter_menu.value, self.pad_slider.value, self.stride_slider.value)
        run = self._run(key, f"<i>filtering the photograph with your {self._name}...</i>")
        if run is None:
            return None
        n_H, n_W = run.output.shape
        n_H_prev, n_W_prev = run.input_shape
        settings = f"p = {run.pad}, s = {run.stride}"
        fig = plotting.show_filter_result(
            self._photo,
            run.kernel,
            run.output,
            run.filter_name,
            title=f"{run.filter_name}, f = {run.f}, {settings}",
            absolute=run.finds_edges,
        )
        kind = ""
        if run.pad == 0:
            kind = " (a valid convolution: no padding)"
        elif (n_H, n_W) == (n_H_prev, n_W_prev):
            kind = " (a same convolution: the size is kept)"
        formula = (
            f"⌊({n_H_prev} + 2·{run.pad} − {run.f}) / {run.stride}⌋ + 1 = {n_H}, "
            f"⌊({n_W_prev} + 2·{run.pad} − {run.f}) / {run.stride}⌋ + 1 = {n_W}"
        )
        status = (
            f"<b>{run.filter_name}</b>, f = {run.f}, <b>{settings}</b>: the {n_H_prev} × "
            f"{n_W_prev} picture gives a <b>{n_H} × {n_W}</b> output{kind}. {formula}."
        )
        self._show_result(status, fig)
        return run

    def _train(self, filter_name: str, pad: int, stride: int) -> FilterRun:
        kernel = self.filters[filter_name]
        f = kernel.shape[0]
        n_H_prev, n_W_prev = self._photo.shape
        n_H, n_W = (expected_size(n, f, pad, stride) for n in (n_H_prev, n_W_prev))
        if n_H < 1 or n_W < 1:
            raise LearnerProblem(
                f"A {f} × {f} filter does not fit in the {n_H_prev} × {n_W_prev} picture padded "
                f"with {pad}: there is no output."
            )
        A_prev = self._photo[np.newaxis, :, :, np.newaxis]
        W = kernel[:, :, np.newaxis, np.newaxis].copy()
        b = np.zeros((1, 1, 1, 1))
        hparameters = {"stride": stride, "pad": pad}
        result = call_named(self, self._name, self._conv_fn, A_prev, W, b, hparameters)
        if not isinstance(result, tuple) or len(result) != 2:
            raise LearnerProblem(
                f"Your `{self._name}` returned {type(result).__name__}; it should return the "
                "pair (Z, cache)."
            )
        try:
            Z = np.asarray(result[0], dtype=np.float64)
        except (TypeError, ValueError):
            raise LearnerProblem(
                f"The Z of your `{self._name}` is not an array of numbers."
            ) from None
        expected = (1, n_H, n_W, 1)
        if Z.shape != expected:
            raise LearnerProblem(
                f"Your `{self._name}` returned Z of shape {Z.shape} for a {n_H_prev} × "
                f"{n_W_prev} picture, f = {f}, pad = {pad}, stride = {stride}; expected "
                f"{expected}: n_H = ⌊(n_H_prev + 2·pad − f) / stride⌋ + 1, and n_W alike."
            )
        if not np.all(np.isfinite(Z)):
            raise LearnerProblem(f"Your `{self._name}` returned a Z with NaN or infinite values.")
        return FilterRun(filter_name, pad, stride, kernel, Z[0, :, :, 0], (n_H_prev, n_W_prev))


def filter_explorer(
    conv_fn,
    photo,
    filters=None,
    pads=DEFAULT_PADS,
    strides=DEFAULT_STRIDES,
    *,
    filter_name="vertical edges",
    pad=1,
    stride=1,
    name="conv_forward_fast",
) -> FilterExplorer:
    """A widget that filters a photograph with your convolution: pick the filter, the padding
    and the stride, see the output and its size.

    Arguments:
        conv_fn: your ``conv_forward_fast`` (or ``conv_forward``, slower):
            ``conv_fn(A_prev, W, b, hparameters) -> (Z, cache)``, channels last.
        photo: a grey picture ``(n_H, n_W)`` with values in [0, 1], e.g.
            ``datasets.load_photograph()``.
        filters: ``{name: (f, f) array}`` (default: vertical and horizontal edges, Sobel,
            Scharr, two blurs and a sharpening filter, see ``FILTERS``).
        pads, strides: the values of the padding and stride sliders.
        filter_name, pad, stride: where the controls start.
        name: the name of your function in the messages.

    The photograph is passed as ``A_prev`` ``(1, n_H, n_W, 1)``, the filter as ``W``
    ``(f, f, 1, 1)``, ``b`` is 0. When your function raises (``NotImplementedError`` if it is not
    written yet) or returns a wrong shape, a short message says so instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`FilterExplorer`).
    """
    return FilterExplorer(
        conv_fn,
        photo,
        filters,
        pads,
        strides,
        filter_name=filter_name,
        pad=pad,
        stride=stride,
        name=name,
    )
