"""Figures of the course: picture grids, cost curves, the pictures a model gets wrong,
activation functions, and 2-D points with the decision boundaries of classifiers.

Shapes (the vocabulary of :mod:`helpers`):

- images: ``(m, num_px, num_px, 3)``, ``uint8`` in 0..255 or floats in [0, 1]
  (grey pictures ``(m, num_px, num_px)`` or ``(m, num_px, num_px, 1)`` work too);
- labels and predictions: ``(1, m)`` as the models return them, or ``(m,)``;
- ``classes``: the name of each label, ``classes[y]``; ``bytes`` entries (``b'cat'``,
  as the course's ``.h5`` files store them) are decoded for display;
- costs: one number per ``every`` iterations (the course records the cost at
  iterations 0, 100, 200, ...);
- 2-D points: ``X`` of shape ``(2, m)``, one point ``(x1, x2)`` per column, labels ``(1, m)``;
- a function of one variable: its inputs ``z`` of shape ``(k,)`` and its values ``(k,)``.

Every function returns the matplotlib ``Figure`` and never calls ``plt.show()``. In a notebook
assign it (``fig = plot_costs(costs)``) or end the line with ``;``: the figure then appears
once, below the cell. (Leaving the call as the last line of a cell without ``;`` shows it
twice: once as the cell's value, once as a pyplot figure.) In a script call ``plt.show()``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

__all__ = [
    "show_images",
    "show_original_and_resized",
    "plot_costs",
    "plot_learning_rates",
    "show_misclassified",
    "plot_activations",
    "plot_points",
    "plot_decision_boundary",
    "plot_decision_boundaries",
    "plot_accuracy_by_hidden_size",
]

MAX_GRID_IMAGES = 64  # show_images draws at most this many pictures
WRONG_COLOR = "#d62728"  # red: a wrong prediction
RIGHT_COLOR = "#1a1a1a"  # near black: a right prediction or a plain label
_CELL_INCHES = 1.45  # width of one picture in a grid


# ================================================================================ validation
def _image_batch(images, function: str) -> np.ndarray:
    """``images`` as an array (m, H, W, 3) or (m, H, W) that imshow draws as intended."""
    array = np.asarray(images)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(
            f"{function}: images must be a numeric array of shape (m, num_px, num_px, 3), "
            f"got {type(images).__name__} with dtype {array.dtype}."
        )
    if array.ndim == 2:
        raise ValueError(
            f"{function}: images must have shape (m, num_px, num_px, 3), got {array.shape}. "
            "These look like flattened pictures (n_x, m), e.g. train_set_x; pass the original "
            "pictures instead, e.g. train_set_x_orig."
        )
    if array.ndim == 3 and array.shape[-1] in (3, 4) and array.shape[0] > 4:
        raise ValueError(
            f"{function}: images must have shape (m, num_px, num_px, 3), got {array.shape}. "
            "That looks like ONE picture; pass a batch of one, e.g. images[np.newaxis] or "
            "images[i : i + 1]."
        )
    if array.ndim == 4 and array.shape[-1] == 1:
        array = array[..., 0]
    if not (array.ndim == 4 and array.shape[-1] == 3) and array.ndim != 3:
        raise ValueError(
            f"{function}: images must have shape (m, num_px, num_px, 3) (or grey "
            f"(m, num_px, num_px)), got {array.shape}."
        )
    if array.shape[0] == 0 or 0 in array.shape:
        raise ValueError(f"{function}: there are no images to show (shape {array.shape}).")
    if array.dtype == np.uint8:
        return array
    if array.dtype == bool:
        raise ValueError(
            f"{function}: images must be uint8 (0..255) or floats in [0, 1], got bool."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{function}: images contain NaN or infinite values.")
    low, high = float(array.min()), float(array.max())
    if np.issubdtype(array.dtype, np.integer):
        if low < 0 or high > 255:
            raise ValueError(
                f"{function}: integer images must be in 0..255 (uint8), got values from "
                f"{low:g} to {high:g}."
            )
        return array.astype(np.uint8)
    if low < 0 or high > 1:
        hint = (
            " They look like 0..255 pixel values stored as floats: pass them as uint8 "
            "(images.astype(np.uint8)) or divide by 255."
            if low >= 0 and high <= 255
            else " Standardized pictures (e.g. minus the mean) cannot be shown as they are; "
            "pass the original uint8 pictures."
        )
        raise ValueError(
            f"{function}: float images must be in [0, 1], got values from {low:.3g} to "
            f"{high:.3g}.{hint}"
        )
    return array


def _label_vector(y, m: int, name: str, function: str) -> np.ndarray:
    """Labels of shape (1, m) or (m,) as an int vector (m,)."""
    array = np.asarray(y)
    if array.ndim == 0 or not (array.shape == (1, m) or array.shape == (m,)):
        raise ValueError(
            f"{function}: {name} must have shape (1, {m}) or ({m},) to match the {m} "
            f"images, got shape {array.shape}."
        )
    array = array.reshape(m)
    if array.dtype == bool:
        array = array.astype(np.int64)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{function}: {name} must hold numbers (0, 1, ...), got {array.dtype}.")
    if not np.all(np.isfinite(array)) or not np.all(array == np.round(array)):
        bad = array[~(np.isfinite(array) & (array == np.round(array)))][0]
        raise ValueError(
            f"{function}: {name} must hold whole class numbers like 0 or 1, found {bad!r}. "
            "(Probabilities? Turn them into labels first, e.g. (A > 0.5).)"
        )
    return array.astype(np.int64)


def _class_names(classes, function: str) -> list[str] | None:
    if classes is None:
        return None
    if isinstance(classes, (str, bytes)):
        raise ValueError(
            f"{function}: classes must be a list of names such as [b'non-cat', b'cat'], "
            f"got the single name {classes!r}."
        )
    names = []
    for entry in np.asarray(classes, dtype=object).reshape(-1):
        if isinstance(entry, bytes):  # also np.bytes_
            names.append(entry.decode("utf-8", errors="replace"))
        else:
            names.append(str(entry))
    if not names:
        raise ValueError(f"{function}: classes is empty; pass e.g. [b'non-cat', b'cat'].")
    return names


def _check_in_classes(labels: np.ndarray, names: list[str] | None, name: str, function: str):
    if names is None:
        return
    bad = labels[(labels < 0) | (labels >= len(names))]
    if bad.size:
        raise ValueError(
            f"{function}: {name} holds {int(bad[0])}, but classes has only {len(names)} "
            f"names ({', '.join(names)}), so labels must be 0..{len(names) - 1}."
        )


def _describe(label: int, names: list[str] | None) -> str:
    return names[label] if names is not None else f"y = {label}"


def _cost_values(costs, function: str, name: str = "costs") -> np.ndarray:
    """A non-empty sequence of numbers (floats, NumPy scalars, 0-d or 1x1 arrays) as floats."""
    if isinstance(costs, Mapping):
        hint = (
            f" It looks like the dict that model returns: pass its costs, {name}['costs']."
            if "costs" in costs
            else ""
        )
        raise ValueError(f"{function}: {name} must be a list of numbers, got a dict.{hint}")
    if isinstance(costs, (str, bytes)):
        raise ValueError(f"{function}: {name} must be a list of numbers, got {costs!r}.")
    if isinstance(costs, np.ndarray):
        squeezed = np.squeeze(costs)
        if squeezed.ndim > 1:
            raise ValueError(
                f"{function}: {name} must be a list of numbers, got an array of shape "
                f"{costs.shape}."
            )
        costs = list(squeezed.reshape(-1))
    elif not isinstance(costs, Sequence):
        try:
            costs = list(costs)
        except TypeError:
            raise ValueError(
                f"{function}: {name} must be a list of numbers (one per 100 iterations), "
                f"got {type(costs).__name__}."
            ) from None
    if len(costs) == 0:
        raise ValueError(
            f"{function}: {name} is empty. Did the training record any cost? (The cost is "
            "appended every 100 iterations, starting at iteration 0.)"
        )
    values = np.empty(len(costs))
    for i, cost in enumerate(costs):
        item = np.squeeze(np.asarray(cost))
        if item.ndim != 0 or item.dtype == bool or not np.issubdtype(item.dtype, np.number):
            raise ValueError(
                f"{function}: {name}[{i}] must be one number, got {cost!r} "
                f"(shape {np.shape(cost)}). Each recorded cost should be a scalar."
            )
        if np.iscomplexobj(item):
            raise ValueError(f"{function}: {name}[{i}] is a complex number ({cost!r}).")
        values[i] = float(item)
    return values


def _positive_int(value, name: str, function: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{function}: {name} must be a positive integer, got {value!r}.")
    return int(value)


def _format_rate(rate) -> str:
    try:
        return f"{float(rate):g}"
    except (TypeError, ValueError):
        return str(rate)


# =================================================================================== figures
def _image_grid(images: np.ndarray, captions: list[str], colors: list[str], ncols: int, title):
    """A grid of pictures; a picture whose caption color is red gets a red frame."""
    count = images.shape[0]
    ncols = max(1, min(ncols, count))
    nrows = math.ceil(count / ncols)
    lines = max(caption.count("\n") + 1 for caption in captions)
    cell_height = _CELL_INCHES + 0.2 * lines
    height = nrows * cell_height + (0.4 if title else 0.0)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(max(_CELL_INCHES * ncols, 3.0), height),
        layout="constrained",
        squeeze=False,
    )
    for index, ax in enumerate(axes.flat):
        if index >= count:
            fig.delaxes(ax)
            continue
        picture = images[index]
        if picture.ndim == 2:
            vmax = 255 if picture.dtype == np.uint8 else 1.0
            ax.imshow(picture, cmap="gray", vmin=0, vmax=vmax, interpolation="nearest")
        else:
            ax.imshow(picture, interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        wrong = colors[index] == WRONG_COLOR
        for spine in ax.spines.values():
            spine.set_visible(wrong)
            spine.set_color(WRONG_COLOR)
            spine.set_linewidth(3)
        ax.set_title(captions[index], fontsize=9, color=colors[index], linespacing=1.15)
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold")
    return fig


def show_images(images, labels=None, classes=None, predictions=None, ncols=8, title=None) -> Figure:
    """Show pictures in a grid, each with its label and, if given, the model's prediction.

    Arguments:
        images: ``(m, num_px, num_px, 3)`` uint8 in 0..255 or floats in [0, 1]
            (e.g. ``train_set_x_orig[:16]``). At most 64 are drawn.
        labels: true labels, ``(1, m)`` or ``(m,)``; ``None`` for no captions.
        classes: names of the labels (``classes[y]``), e.g. ``[b'non-cat', b'cat']``;
            without it a caption reads ``y = 1``.
        predictions: the model's labels, ``(1, m)`` or ``(m,)``. Wrong predictions are
            captioned and framed in red.
        ncols: pictures per row.
        title: a title above the grid.

    Returns: the matplotlib ``Figure`` (one ``Axes`` per picture).
    """
    name = "show_images"
    array = _image_batch(images, name)
    m = array.shape[0]
    ncols = _positive_int(ncols, "ncols", name)
    names = _class_names(classes, name)
    true = None if labels is None else _label_vector(labels, m, "labels", name)
    predicted = None if predictions is None else _label_vector(predictions, m, "predictions", name)
    for vector, vector_name in ((true, "labels"), (predicted, "predictions")):
        if vector is not None:
            _check_in_classes(vector, names, vector_name, name)

    count = min(m, MAX_GRID_IMAGES)
    captions, colors = [], []
    for i in range(count):
        parts = []
        if true is not None:
            prefix = "true: " if predicted is not None else ""
            parts.append(prefix + _describe(true[i], names))
        if predicted is not None:
            parts.append(f"predicted: {_describe(predicted[i], names)}")
        wrong = true is not None and predicted is not None and true[i] != predicted[i]
        captions.append("\n".join(parts))
        colors.append(WRONG_COLOR if wrong else RIGHT_COLOR)
    if m > count:
        note = f"(the first {count} of {m} pictures)"
        title = f"{title}\n{note}" if title else note
    return _image_grid(array[:count], captions, colors, ncols, title)


def plot_costs(costs, learning_rate=None, every=100, title=None) -> Figure:
    """Plot the cost recorded during gradient descent against the iteration number.

    Arguments:
        costs: the recorded costs, one per ``every`` iterations starting at iteration 0
            (e.g. ``d["costs"]`` from ``model``); Python floats, NumPy scalars or 0-d/1x1
            arrays.
        learning_rate: if given, the legend reads ``learning rate = 0.005``.
        every: iterations between two recorded costs (the course records every 100).
        title: the figure's title (default "Cost during training").

    Returns: the matplotlib ``Figure`` with one ``Axes`` holding one line.
    """
    name = "plot_costs"
    values = _cost_values(costs, name)
    every = _positive_int(every, "every", name)
    iterations = np.arange(len(values)) * every
    fig, ax = plt.subplots(figsize=(6.4, 4.0), layout="constrained")
    label = None if learning_rate is None else f"learning rate = {_format_rate(learning_rate)}"
    ax.plot(iterations, values, color="C0", linewidth=2, label=label, **_markers(len(values)))
    _style_cost_axes(ax, title or "Cost during training", iterations[-1])
    if label is not None:
        ax.legend(frameon=False)
    _note_non_finite(ax, {label or "the cost": values})
    return fig


def plot_learning_rates(results, every=100) -> Figure:
    """Compare cost curves of several learning rates in one plot.

    Arguments:
        results: ``{learning_rate: costs}``, e.g. ``{0.01: d1["costs"], 0.001: d2["costs"]}``
            (a value may also be the dict that ``model`` returns: its ``"costs"`` are used).
        every: iterations between two recorded costs.

    Returns: the matplotlib ``Figure`` with one ``Axes`` holding one line per learning rate,
    labelled ``learning rate = 0.01`` etc.
    """
    name = "plot_learning_rates"
    if not isinstance(results, Mapping) or len(results) == 0:
        raise ValueError(
            f"{name}: results must be a non-empty dict {{learning_rate: costs}}, e.g. "
            "{0.01: d1['costs'], 0.001: d2['costs']}; got "
            f"{type(results).__name__ if not isinstance(results, Mapping) else 'an empty dict'}."
        )
    every = _positive_int(every, "every", name)
    curves = {}
    for rate, costs in results.items():
        if isinstance(costs, Mapping) and "costs" in costs:
            costs = costs["costs"]
        label = f"learning rate = {_format_rate(rate)}"
        curves[label] = _cost_values(costs, name, f"results[{rate!r}]")
    fig, ax = plt.subplots(figsize=(7.0, 4.4), layout="constrained")
    longest = max(len(values) for values in curves.values())
    for index, (label, values) in enumerate(curves.items()):
        ax.plot(
            np.arange(len(values)) * every,
            values,
            color=f"C{index % 10}",
            linewidth=2,
            label=label,
            **_markers(longest),
        )
    _style_cost_axes(ax, "Cost for different learning rates", (longest - 1) * every)
    ax.legend(frameon=False)
    _note_non_finite(ax, curves)
    return fig


def show_misclassified(images, y_true, y_pred, classes, max_images=10) -> Figure:
    """Show the pictures the model labels wrongly, with the true and the predicted class.

    Arguments:
        images: ``(m, num_px, num_px, 3)`` pictures (e.g. ``test_set_x_orig``).
        y_true: true labels ``(1, m)`` or ``(m,)`` (e.g. ``test_set_y``).
        y_pred: the model's labels ``(1, m)`` or ``(m,)`` (e.g. ``d["Y_prediction_test"]``).
        classes: names of the labels, e.g. ``[b'non-cat', b'cat']``.
        max_images: show at most this many (the first ones in the data set's order).

    Returns: the matplotlib ``Figure``: one ``Axes`` per misclassified picture shown, or a
    single ``Axes`` with a message when every prediction is right.
    """
    name = "show_misclassified"
    array = _image_batch(images, name)
    m = array.shape[0]
    names = _class_names(classes, name)
    true = _label_vector(y_true, m, "y_true", name)
    predicted = _label_vector(y_pred, m, "y_pred", name)
    _check_in_classes(true, names, "y_true", name)
    _check_in_classes(predicted, names, "y_pred", name)
    max_images = _positive_int(max_images, "max_images", name)

    wrong = np.flatnonzero(true != predicted)
    if wrong.size == 0:
        fig, ax = plt.subplots(figsize=(6.0, 1.6), layout="constrained")
        ax.text(
            0.5,
            0.5,
            f"No misclassified pictures: all {m} predictions are right.",
            ha="center",
            va="center",
            fontsize=12,
        )
        ax.set_axis_off()
        return fig
    shown = wrong[:max_images]
    captions = [
        f"#{i}  true: {_describe(true[i], names)}\npredicted: {_describe(predicted[i], names)}"
        for i in shown
    ]
    title = f"Misclassified: {wrong.size} of {m} pictures"
    if wrong.size > shown.size:
        title += f" (showing the first {shown.size})"
    ncols = min(5, shown.size)
    return _image_grid(array[shown], captions, [WRONG_COLOR] * shown.size, ncols, title)


def show_original_and_resized(picture, resized) -> Figure:
    """Show a picture beside the smaller copy of it that a model gets, each with its size.

    Arguments:
        picture: one picture ``(height, width, 3)``, uint8 in 0..255 or floats in [0, 1]
            (e.g. ``datasets.load_example_picture()``).
        resized: the same picture at the model's size, ``(num_px, num_px, 3)`` (e.g.
            ``datasets.resize_picture(picture, num_px)``).

    Returns: the matplotlib ``Figure`` with two ``Axes`` (no ticks): "original, H × W" and
    "what the model sees, num_px × num_px".
    """
    name = "show_original_and_resized"
    shown = []
    for label, image in (("picture", picture), ("resized", resized)):
        array = np.asarray(image)
        if array.ndim != 3:
            raise ValueError(
                f"{name}: {label} must be one picture of shape (height, width, 3), got shape "
                f"{array.shape}."
            )
        shown.append(_image_batch(array[np.newaxis], name)[0])
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.5))
    for axis, image, title in zip(axes, shown, ("original", "what the model sees"), strict=True):
        axis.imshow(image)
        axis.set_title(f"{title}, {image.shape[0]} × {image.shape[1]}")
        axis.axis("off")
    return fig


# ==================================================================================== styling
def _markers(points: int) -> dict:
    """Markers on the points when there are few of them (a single point needs one)."""
    return {"marker": "o", "markersize": 4} if points <= 30 else {}


def _style_cost_axes(ax, title: str, last_iteration: int) -> None:
    ax.set_title(title, fontsize=12, fontweight="bold")
    ax.set_xlabel("iterations")
    ax.set_ylabel("cost")
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if last_iteration > 0:  # every recorded iteration in view, even where the cost is NaN
        ax.set_xlim(-0.02 * last_iteration, 1.02 * last_iteration)


def _note_non_finite(ax, curves: dict) -> None:
    """Say in the plot when a curve holds NaN or inf (matplotlib leaves those points out)."""
    broken = [label for label, values in curves.items() if not np.all(np.isfinite(values))]
    if broken:
        ax.text(
            0.5,
            0.5,
            "the cost became NaN or inf for " + ", ".join(broken) + "\n"
            "(points left out; is the learning rate too large?)",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=9,
            color=WRONG_COLOR,
            bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": WRONG_COLOR},
        )


# ====================================================================== activation functions
def _curve(values, k: int, name: str, function: str) -> np.ndarray:
    """Numbers of shape ``(k,)`` (or ``(1, k)``) as a float vector ``(k,)``."""
    array = np.asarray(values)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{function}: {name} must be an array of numbers, got {array.dtype}.")
    if array.shape not in ((k,), (1, k)):
        raise ValueError(
            f"{function}: {name} must have shape ({k},), one value per z, got {array.shape}."
        )
    return array.reshape(k).astype(np.float64)


def plot_activations(z, activations, dashed=(), value_limits=(-1.2, 2.2)) -> Figure:
    """Plot activation functions g(z) (left) and their derivatives g'(z) (right).

    Arguments:
        z: the inputs, shape ``(k,)``, e.g. ``np.linspace(-4, 4, 401)``.
        activations: ``{name: (g(z), g'(z))}``, each of shape ``(k,)``, e.g.
            ``{"tanh": (np.tanh(z), 1 - np.tanh(z) ** 2)}``; one line per name in each plot.
        dashed: names drawn dashed (a curve that lies on top of another, e.g. leaky ReLU on
            ReLU for z > 0).
        value_limits: the vertical range of the left plot, ``(bottom, top)``.

    Returns: the matplotlib ``Figure`` with two ``Axes`` (titles "activation g(z)" and
    "derivative g'(z)"), each with a legend.
    """
    name = "plot_activations"
    array = np.asarray(z)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{name}: z must be a non-empty array of shape (k,), e.g. np.linspace(-4, 4, 401); "
            f"got shape {array.shape}."
        )
    inputs = _curve(array, array.size, "z", name)
    if not isinstance(activations, Mapping) or len(activations) == 0:
        got = "an empty dict" if isinstance(activations, Mapping) else type(activations).__name__
        raise ValueError(
            f"{name}: activations must be a non-empty dict {{name: (g(z), g'(z))}}, got {got}."
        )
    if isinstance(dashed, str):  # one name, not the letters of a name
        dashed = (dashed,)
    curves = {}
    for label, pair in activations.items():
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise ValueError(f"{name}: activations[{label!r}] must be a pair (g(z), g'(z)).")
        curves[label] = tuple(
            _curve(values, inputs.size, f"{part} of {label!r}", name)
            for part, values in zip(("g(z)", "g'(z)"), pair, strict=True)
        )
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), layout="constrained")
    for label, (value, slope) in curves.items():
        style = "--" if label in dashed else "-"
        left.plot(inputs, value, style, linewidth=2, label=label)
        right.plot(inputs, slope, style, linewidth=2, label=label)
    left.set_title("activation g(z)")
    right.set_title("derivative g'(z)")
    left.set_ylim(*value_limits)
    for axis in (left, right):
        axis.set_xlabel("z")
        axis.axhline(0, color="grey", linewidth=0.5)
        axis.axvline(0, color="grey", linewidth=0.5)
        axis.legend(frameon=False)
    return fig


# ========================================================================= decision boundary
CLASS_COLORS = ("#e66101", "#5e3c99")  # points of class 0 (orange) and class 1 (purple)
REGION_COLORS = ("#fdd9b5", "#d8d2ea")  # light versions: where the model predicts 0 / 1
BOUNDARY_GRID = 300  # grid points along the longer side of the plotted area
BOUNDARY_MARGIN = 0.1  # blank margin around the data, as a fraction of its range


def _points(X, function: str) -> np.ndarray:
    """``X`` as a float array (2, m) of points, one per column."""
    array = np.asarray(X)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(
            f"{function}: X must be a numeric array of shape (2, m), got "
            f"{type(X).__name__} with dtype {array.dtype}."
        )
    if np.iscomplexobj(array):
        raise ValueError(f"{function}: X must hold real numbers, got complex values.")
    if array.ndim == 2 and array.shape[1] == 2 and array.shape[0] != 2:
        raise ValueError(
            f"{function}: X must have shape (2, m), one point per column, got {array.shape}. "
            "It looks like one point per row: pass X.T."
        )
    if array.ndim != 2 or array.shape[0] != 2:
        raise ValueError(
            f"{function}: X must have shape (2, m), one point (x1, x2) per column, got "
            f"shape {array.shape}. Only data with two features can be drawn in the plane."
        )
    if array.shape[1] == 0:
        raise ValueError(f"{function}: X holds no points (shape {array.shape}).")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{function}: X contains NaN or infinite values.")
    return array.astype(np.float64)


def _binary_labels(values, k: int, name: str, function: str) -> np.ndarray:
    """0/1 labels of shape (1, k) or (k,) as an int vector (k,)."""
    array = np.asarray(values)
    if array.size != k or array.ndim > 2 or (array.ndim == 2 and 1 not in array.shape):
        raise ValueError(
            f"{function}: {name} must have shape (1, {k}), one label per point, got shape "
            f"{array.shape}."
        )
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{function}: {name} must hold the numbers 0 and 1, got {array.dtype}.")
    array = array.reshape(k).astype(np.float64)
    bad = ~np.isin(array, (0.0, 1.0))
    if bad.any():
        value = array[bad][0]
        hint = (
            " They look like probabilities: turn them into labels first, e.g. (A2 > 0.5)."
            if np.all((array >= 0) & (array <= 1))
            else ""
        )
        raise ValueError(f"{function}: {name} must hold only 0 and 1, found {value:g}.{hint}")
    return array.astype(np.int64)


def _grid(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two meshgrid arrays covering the points of X with a margin, about square cells."""
    low, high = X.min(axis=1), X.max(axis=1)
    extent = np.maximum(high - low, 1e-9)
    margin = BOUNDARY_MARGIN * max(extent.max(), 1e-9)
    low, high = low - margin, high + margin
    extent = high - low
    counts = np.maximum(np.round(BOUNDARY_GRID * extent / extent.max()), 2).astype(int)
    axis_1 = np.linspace(low[0], high[0], counts[0])
    axis_2 = np.linspace(low[1], high[1], counts[1])
    return np.meshgrid(axis_1, axis_2)


def plot_decision_boundary(predict_fn, X, Y, title=None, ax=None) -> Figure:
    """Colour the plane by what a classifier predicts, and draw the labelled points on top.

    Arguments:
        predict_fn: a function that maps points ``(2, k)`` (one point per column) to labels
            ``(1, k)`` (or ``(k,)``) of 0 and 1, e.g. ``lambda P: predict(parameters, P)``;
            for a scikit-learn model ``lambda P: clf.predict(P.T)``.
        X: the data's points, ``(2, m)``; the plotted area covers them with a margin.
        Y: their labels, ``(1, m)`` or ``(m,)``, 0 or 1.
        title: the title of the plot (default "Decision boundary").
        ax: a matplotlib ``Axes`` to draw in (e.g. one of several subplots), drawn without
            a legend; by default a new figure is made, with a legend beside the plot.

    The model is asked about a grid of about 300 x 300 points; the area where it predicts 1 is
    light purple, where it predicts 0 light orange, and the line between them (the decision
    boundary 决策边界) is dark. Points of class 0 are orange, of class 1 purple.

    Returns: the matplotlib ``Figure`` (the one holding ``ax`` when ``ax`` is given).
    """
    name = "plot_decision_boundary"
    if not callable(predict_fn):
        raise ValueError(
            f"{name}: the first argument must be a function from points (2, k) to labels, e.g. "
            f"lambda P: predict(parameters, P); got {type(predict_fn).__name__}."
        )
    points = _points(X, name)
    labels = _binary_labels(Y, points.shape[1], "Y", name)
    if ax is not None and not isinstance(ax, plt.Axes):
        raise ValueError(f"{name}: ax must be a matplotlib Axes, got {type(ax).__name__}.")

    xx, yy = _grid(points)
    grid = np.vstack([xx.ravel(), yy.ravel()])
    try:
        with np.errstate(all="ignore"):
            predicted = predict_fn(grid)
    except Exception as error:
        raise ValueError(
            f"{name}: predict_fn raised {type(error).__name__} when given the grid points, an "
            f"array of shape {grid.shape} (one point per column): {error}"
        ) from error
    regions = _binary_labels(predicted, grid.shape[1], "what predict_fn returned", name)
    regions = regions.reshape(xx.shape)

    own_figure = ax is None
    if own_figure:
        fig, ax = plt.subplots(figsize=(6.4, 5.0), layout="constrained")
    else:
        fig = ax.figure
    region_map = ListedColormap(REGION_COLORS)
    ax.contourf(xx, yy, regions, levels=[-0.5, 0.5, 1.5], cmap=region_map)
    if regions.min() != regions.max():
        ax.contour(xx, yy, regions, levels=[0.5], colors="#333333", linewidths=1.2)
    for label in (0, 1):
        chosen = labels == label
        ax.scatter(
            points[0, chosen],
            points[1, chosen],
            s=18,
            color=CLASS_COLORS[label],
            edgecolors="white",
            linewidths=0.4,
            label=f"y = {label}",
            zorder=3,
        )
    ax.set_xlim(xx.min(), xx.max())
    ax.set_ylim(yy.min(), yy.max())
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title or "Decision boundary", fontsize=12, fontweight="bold")
    if not own_figure:
        return fig
    handles = [
        Patch(facecolor=REGION_COLORS[0], edgecolor="#999999", label="predicted 0"),
        Patch(facecolor=REGION_COLORS[1], edgecolor="#999999", label="predicted 1"),
    ]
    point_handles, _ = ax.get_legend_handles_labels()
    ax.legend(
        handles=point_handles + handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=9,
    )
    return fig


def plot_points(X, Y, title=None) -> Figure:
    """Draw 2-D points coloured by their class: orange for 0, purple for 1.

    Arguments:
        X: the points, ``(2, m)``, one point ``(x1, x2)`` per column.
        Y: their labels, ``(1, m)`` or ``(m,)``, 0 or 1.
        title: the title of the plot (default "Data set").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one scatter per class, labelled
    ``y = 0`` and ``y = 1``, equal scales on both axes, and a legend.
    """
    name = "plot_points"
    points = _points(X, name)
    labels = _binary_labels(Y, points.shape[1], "Y", name)
    fig, axis = plt.subplots(figsize=(5.5, 5.0), layout="constrained")
    for label in (0, 1):
        chosen = points[:, labels == label]
        axis.scatter(chosen[0], chosen[1], s=14, color=CLASS_COLORS[label], label=f"y = {label}")
    axis.set_aspect("equal")
    axis.set_xlabel("$x_1$")
    axis.set_ylabel("$x_2$")
    axis.set_title(title or "Data set")
    axis.legend(frameon=False)
    return fig


def plot_decision_boundaries(panels, ncols=4, panel_size=(3.75, 3.75)) -> Figure:
    """Several decision boundaries side by side, in a grid (row by row).

    Arguments:
        panels: a list of ``(predict_fn, X, Y, title)``, one per plot, each as the arguments
            of :func:`plot_decision_boundary`: ``predict_fn`` maps points ``(2, k)`` to labels
            ``(1, k)``, ``X`` is ``(2, m)``, ``Y`` is ``(1, m)``, ``title`` is a string.
        ncols: plots per row; the grid has ``ceil(len(panels) / ncols)`` rows, and the
            places left over in the last row stay empty.
        panel_size: the size of one plot in inches, ``(width, height)``.

    Returns: the matplotlib ``Figure`` with one ``Axes`` per place in the grid (the empty ones
    have no axis), without a legend.
    """
    name = "plot_decision_boundaries"
    if isinstance(panels, (str, bytes, Mapping)) or not isinstance(panels, Sequence):
        raise ValueError(
            f"{name}: panels must be a list of (predict_fn, X, Y, title), got "
            f"{type(panels).__name__}."
        )
    if len(panels) == 0:
        raise ValueError(f"{name}: panels is empty; give at least one (predict_fn, X, Y, title).")
    for index, panel in enumerate(panels):
        if not isinstance(panel, (tuple, list)) or len(panel) != 4:
            raise ValueError(
                f"{name}: panels[{index}] must be a tuple (predict_fn, X, Y, title), got "
                f"{panel!r:.80}."
            )
    ncols = _positive_int(ncols, "ncols", name)
    nrows = math.ceil(len(panels) / ncols)
    width, height = panel_size
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(ncols * width, nrows * height),
        layout="constrained",
        squeeze=False,
    )
    try:
        for index, (axis, (predict_fn, X, Y, title)) in enumerate(
            zip(axes.flat, panels, strict=False)
        ):
            try:
                plot_decision_boundary(predict_fn, X, Y, title=title, ax=axis)
            except ValueError as error:
                raise ValueError(f"{name}: panels[{index}] ({title!r}): {error}") from error
    except Exception:
        plt.close(fig)  # no half-drawn figure left behind
        raise
    for axis in axes.flat[len(panels) :]:
        axis.set_axis_off()
    return fig


def _percent(value, name: str, function: str) -> float:
    """One number (a float, a NumPy scalar or a 0-d array), e.g. an accuracy in percent."""
    array = np.asarray(value)
    if array.ndim != 0 or array.dtype == bool or not np.issubdtype(array.dtype, np.number):
        raise ValueError(f"{function}: {name} must be one number (percent), got {value!r}.")
    return float(array)


def plot_accuracy_by_hidden_size(
    accuracies, baseline_accuracy=None, baseline_label="logistic regression", title=None
) -> Figure:
    """Plot the accuracy of networks against the number of their hidden units (log scale).

    Arguments:
        accuracies: ``{n_h: accuracy}``, the accuracy in percent of a network with ``n_h``
            hidden units, e.g. ``{1: 65.2, 2: 82.8, 4: 92.8}``.
        baseline_accuracy: the accuracy of a simpler model to compare with, in percent, drawn
            as a dashed horizontal line; ``None`` for none.
        baseline_label: the legend's name for that line.
        title: the title of the plot (default "Accuracy against the size of the hidden layer").

    Returns: the matplotlib ``Figure`` with one ``Axes``: the accuracies as a line with a
    marker per network (x ticks at the given ``n_h``), and the baseline with a legend.
    """
    name = "plot_accuracy_by_hidden_size"
    if not isinstance(accuracies, Mapping) or len(accuracies) == 0:
        got = "an empty dict" if isinstance(accuracies, Mapping) else type(accuracies).__name__
        raise ValueError(
            f"{name}: accuracies must be a non-empty dict {{n_h: accuracy}}, e.g. "
            f"{{1: 65.2, 4: 92.8}}; got {got}."
        )
    sizes = sorted(_positive_int(n_h, "each n_h", name) for n_h in accuracies)
    values = [_percent(accuracies[n_h], f"accuracies[{n_h}]", name) for n_h in sizes]
    fig, axis = plt.subplots(figsize=(6, 3.6), layout="constrained")
    axis.plot(sizes, values, marker="o", linewidth=2)
    if baseline_accuracy is not None:
        baseline = _percent(baseline_accuracy, "baseline_accuracy", name)
        axis.axhline(baseline, color="grey", linestyle="--", label=baseline_label)
    axis.set_xscale("log")
    axis.set_xticks(sizes, [str(n_h) for n_h in sizes])
    axis.set_xlabel("hidden units $n_h$ (log scale)")
    axis.set_ylabel("accuracy (%)")
    axis.set_title(title or "Accuracy against the size of the hidden layer")
    axis.grid(True, alpha=0.3)
    if baseline_accuracy is not None:
        axis.legend(frameon=False)
    return fig


# ======================================================================= week c2w1 (practical)
__all__ += [
    "plot_cost_curves",
    "plot_gradient_descent_paths",
    "plot_layer_spread",
    "plot_gradient_differences",
]


def _named_curves(curves, function: str, what: str) -> dict[str, np.ndarray]:
    """``{label: numbers}`` as ``{str: float vector}``, or a ValueError naming the problem."""
    if not isinstance(curves, Mapping) or len(curves) == 0:
        got = "an empty dict" if isinstance(curves, Mapping) else type(curves).__name__
        raise ValueError(
            f"{function}: {what} must be a non-empty dict {{label: values}}, got {got}."
        )
    return {
        str(label): _cost_values(values, function, f"{what}[{label!r}]")
        for label, values in curves.items()
    }


def plot_cost_curves(curves, every=1000, title=None, log_scale=False) -> Figure:
    """Several cost curves in one plot, one line per label.

    Arguments:
        curves: ``{label: costs}``, e.g. ``{"zeros": costs_zeros, "He": costs_he}``; each
            ``costs`` holds one number per ``every`` iterations, starting at iteration 0.
        every: iterations between two recorded costs (week c2w1's models record every 1000).
        title: the figure's title (default "Cost during training").
        log_scale: draw the cost on a logarithmic axis (for costs of very different sizes).

    A cost that is ``inf`` or ``NaN`` cannot be drawn: matplotlib leaves the point out, and a
    note in the plot names the curve. (A huge first cost, as after initializing with large
    weights, can be ``inf``.)

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per label, and a legend.
    """
    name = "plot_cost_curves"
    values = _named_curves(curves, name, "curves")
    every = _positive_int(every, "every", name)
    longest = max(len(costs) for costs in values.values())
    fig, ax = plt.subplots(figsize=(7.0, 4.2), layout="constrained")
    for index, (label, costs) in enumerate(values.items()):
        ax.plot(
            np.arange(len(costs)) * every,
            costs,
            color=f"C{index % 10}",
            linewidth=2,
            label=label,
            **_markers(longest),
        )
    _style_cost_axes(ax, title or "Cost during training", (longest - 1) * every)
    if log_scale:
        ax.set_yscale("log")
        ax.set_ylabel("cost (log scale)")
    ax.legend(frameon=False)
    broken = {label: costs for label, costs in values.items() if not np.all(np.isfinite(costs))}
    if broken:
        ax.text(
            0.98,
            0.97,
            "not drawn (inf or NaN): the cost at some iterations of "
            + ", ".join(broken)
            + "\n(see the printed costs)",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=8,
            color=WRONG_COLOR,
        )
    return fig


def _path(path, function: str, index: int) -> np.ndarray:
    """A gradient-descent path as a float array (k, 2): one point (w1, w2) per row."""
    array = np.asarray(path, dtype=np.float64) if not isinstance(path, str) else None
    if array is None or array.ndim != 2 or array.shape[1] != 2 or array.shape[0] == 0:
        shape = None if array is None else array.shape
        raise ValueError(
            f"{function}: the path of panels[{index}] must be an array of shape (k, 2), one "
            f"point (w1, w2) per row, got shape {shape}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{function}: the path of panels[{index}] contains NaN or inf.")
    return array


def plot_gradient_descent_paths(panels, ncols=2, panel_size=(5.0, 4.4)) -> Figure:
    """Contours of costs of two parameters, each with the path gradient descent took.

    Arguments:
        panels: a list of ``(cost_fn, path, title)``, one plot each: ``cost_fn(w1, w2)``
            returns the cost for arrays ``w1``, ``w2`` of the same shape (a grid);
            ``path`` is ``(k, 2)``, the parameters ``(w1, w2)`` before each step (the first
            row is the start, the last the end); ``title`` is a string.
        ncols: plots per row.
        panel_size: the size of one plot in inches, ``(width, height)``.

    Each plot covers its path with a margin, with the same scale on both axes (so a round
    bowl looks round): thin lines are the contours (等高线) of the cost, the dots joined by
    a line are the steps, a square marks the start and a star the end.

    Returns: the matplotlib ``Figure`` with one ``Axes`` per place in the grid.
    """
    name = "plot_gradient_descent_paths"
    if isinstance(panels, (str, bytes, Mapping)) or not isinstance(panels, Sequence):
        raise ValueError(
            f"{name}: panels must be a list of (cost_fn, path, title), got {type(panels).__name__}."
        )
    if len(panels) == 0:
        raise ValueError(f"{name}: panels is empty; give at least one (cost_fn, path, title).")
    checked = []
    for index, panel in enumerate(panels):
        if not isinstance(panel, (tuple, list)) or len(panel) != 3 or not callable(panel[0]):
            raise ValueError(
                f"{name}: panels[{index}] must be a tuple (cost_fn, path, title) with a "
                f"function cost_fn(w1, w2), got {panel!r:.80}."
            )
        checked.append((panel[0], _path(panel[1], name, index), str(panel[2])))
    ncols = min(_positive_int(ncols, "ncols", name), len(checked))
    nrows = math.ceil(len(checked) / ncols)
    width, height = panel_size
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(ncols * width, nrows * height), layout="constrained", squeeze=False
    )
    try:
        for index, (ax, (cost_fn, path, title)) in enumerate(zip(axes.flat, checked, strict=False)):
            low, high = path.min(axis=0), path.max(axis=0)
            half = 0.6 * max(float(np.max(high - low)), 1e-3)
            centre = (low + high) / 2
            w1, w2 = np.meshgrid(
                np.linspace(centre[0] - half, centre[0] + half, 200),
                np.linspace(centre[1] - half, centre[1] + half, 200),
            )
            try:
                costs = np.asarray(cost_fn(w1, w2), dtype=np.float64)
            except Exception as error:
                raise ValueError(
                    f"{name}: the cost_fn of panels[{index}] raised {type(error).__name__}: {error}"
                ) from error
            if costs.shape != w1.shape:
                raise ValueError(
                    f"{name}: the cost_fn of panels[{index}] returned shape {costs.shape} for "
                    f"a grid of shape {w1.shape}; it must return one cost per grid point."
                )
            levels = np.quantile(costs, np.linspace(0.0, 1.0, 14) ** 2)
            ax.contour(w1, w2, costs, levels=np.unique(levels), colors="#999999", linewidths=0.8)
            ax.plot(path[:, 0], path[:, 1], "-o", color="C0", markersize=3, linewidth=1.2)
            ax.plot(*path[0], "s", color="C1", markersize=8, label="start")
            ax.plot(*path[-1], "*", color="C3", markersize=13, label="end")
            ax.set_xlim(centre[0] - half, centre[0] + half)
            ax.set_ylim(centre[1] - half, centre[1] + half)
            ax.set_aspect("equal", adjustable="box")
            ax.set_xlabel("$w_1$")
            ax.set_ylabel("$w_2$")
            ax.set_title(title, fontsize=11, fontweight="bold")
            ax.legend(frameon=False, fontsize=9, loc="lower right")
    except Exception:
        plt.close(fig)
        raise
    for ax in axes.flat[len(checked) :]:
        ax.set_axis_off()
    return fig


def plot_layer_spread(spreads, title=None) -> Figure:
    """How spread out the activations are in each layer of a deep network (log scale).

    Arguments:
        spreads: ``{label: values}``, where ``values[l - 1]`` is the spread (for example the
            standard deviation 标准差) of the activations of layer ``l`` = 1, 2, ...; e.g.
            ``{"weights x 0.9": [...], "weights x 1.1": [...]}``. Values must be positive.
        title: the figure's title (default "Spread of the activations, layer by layer").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per label against the
    layer number, the spread on a logarithmic axis, a grey line at 1 and a legend.
    """
    name = "plot_layer_spread"
    values = _named_curves(spreads, name, "spreads")
    for label, spread in values.items():
        if not np.all(np.isfinite(spread)) or np.any(spread <= 0):
            raise ValueError(
                f"{name}: the spreads of {label!r} must be positive finite numbers (they are "
                "drawn on a log scale)."
            )
    fig, ax = plt.subplots(figsize=(7.0, 4.2), layout="constrained")
    for index, (label, spread) in enumerate(values.items()):
        ax.plot(np.arange(1, len(spread) + 1), spread, color=f"C{index % 10}", linewidth=2,
                label=label)  # fmt: skip
    ax.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
    ax.set_yscale("log")
    ax.set_xlabel("layer $l$")
    ax.set_ylabel("spread of $a^{[l]}$ (log scale)")
    ax.set_title(title or "Spread of the activations, layer by layer", fontweight="bold")
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False)
    return fig


def plot_gradient_differences(differences, threshold=2e-7, title=None) -> Figure:
    """The relative difference between backprop and numerical gradients, per parameter.

    Arguments:
        differences: ``{name: difference}``, e.g. ``{"W1": 3e-9, "b1": 0.6, ...}``, each the
            relative difference ``||grad - gradapprox|| / (||grad|| + ||gradapprox||)`` of
            one parameter (a number, 0 or more).
        threshold: the line above which a difference means a mistake (drawn dashed).
        title: the figure's title (default "Gradient check, parameter by parameter").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one horizontal bar per name on a
    logarithmic axis, red above ``threshold`` and green below, and the threshold line.
    """
    name = "plot_gradient_differences"
    if not isinstance(differences, Mapping) or len(differences) == 0:
        got = "an empty dict" if isinstance(differences, Mapping) else type(differences).__name__
        raise ValueError(
            f"{name}: differences must be a non-empty dict {{name: difference}}, got {got}."
        )
    labels = [str(label) for label in differences]
    values = np.array(
        [_percent(value, f"differences[{label!r}]", name) for label, value in differences.items()]
    )
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError(f"{name}: every difference must be a finite number, 0 or more.")
    threshold = _percent(threshold, "threshold", name)
    if not threshold > 0:
        raise ValueError(f"{name}: threshold must be positive, got {threshold!r}.")
    shown = np.maximum(values, 1e-16)  # a difference of exactly 0 still gets a (tiny) bar
    colors = [WRONG_COLOR if value > threshold else "#2ca02c" for value in values]
    fig, ax = plt.subplots(figsize=(7.0, 0.45 * len(labels) + 1.4), layout="constrained")
    positions = np.arange(len(labels))[::-1]
    ax.barh(positions, shown, color=colors)
    ax.set_yticks(positions, labels)
    ax.set_xscale("log")
    ax.axvline(threshold, color="black", linestyle="--", linewidth=1,
               label=f"threshold {threshold:.0e}")  # fmt: skip
    ax.set_xlim(min(shown.min(), threshold) / 10, max(shown.max(), threshold) * 10)
    ax.set_xlabel("relative difference (log scale)")
    ax.set_ylabel("parameter")
    ax.set_title(title or "Gradient check, parameter by parameter", fontweight="bold")
    ax.legend(frameon=False, loc="lower right")
    return fig


# ===================================================================== week c2w2 (optimization)
__all__ += [
    "plot_costs_per_step",
    "plot_temperatures",
    "plot_bias_correction",
    "plot_learning_rate_schedules",
    "plot_epoch_costs",
    "plot_optimizer_paths",
]

TEMPERATURE_COLOR = "#8c8c8c"  # the measured temperatures: grey dots
AVERAGE_COLORS = ("#d62728", "#2ca02c", "#1f77b4", "#9467bd", "#ff7f0e", "#8c564b")


def plot_costs_per_step(curves, title=None) -> Figure:
    """The cost of every update, one plot per way of training, side by side on one scale.

    Arguments:
        curves: ``{label: costs}``, e.g. ``{"batch (m = 300)": [...], "mini-batch (64)":
            [...]}``; ``costs[k]`` is the cost, on its own mini-batch, that update ``k`` of
            gradient descent started from (update 0 is the first).
        title: the figure's title (default "The cost at every update").

    Returns: the matplotlib ``Figure`` with one ``Axes`` per label, left to right, sharing the
    cost axis, each titled with its label.
    """
    name = "plot_costs_per_step"
    values = _named_curves(curves, name, "curves")
    fig, axes = plt.subplots(
        1, len(values), figsize=(4.2 * len(values), 3.6), layout="constrained",
        sharey=True, squeeze=False,
    )  # fmt: skip
    for index, (ax, (label, costs)) in enumerate(zip(axes.flat, values.items(), strict=True)):
        ax.plot(np.arange(len(costs)), costs, color=f"C{index % 10}", linewidth=1.0,
                **_markers(len(costs)))  # fmt: skip
        ax.set_title(label, fontsize=11, fontweight="bold")
        ax.set_xlabel("update (step of gradient descent)")
        ax.grid(True, alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        _note_non_finite(ax, {label: costs})
    axes.flat[0].set_ylabel("cost of the update's mini-batch")
    fig.suptitle(title or "The cost at every update", fontweight="bold")
    return fig


def _series(values, name: str, function: str, length: int | None = None) -> np.ndarray:
    """A 1-D array of finite real numbers (of ``length`` numbers when given) as floats."""
    array = np.asarray(values)
    if array.dtype == object or not np.issubdtype(array.dtype, np.number) or array.dtype == bool:
        raise ValueError(f"{function}: {name} must be an array of numbers, got {array.dtype}.")
    if np.iscomplexobj(array):
        raise ValueError(f"{function}: {name} must hold real numbers, got complex values.")
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{function}: {name} must be a non-empty 1-D array, got shape {array.shape}."
        )
    if length is not None and array.size != length:
        raise ValueError(
            f"{function}: {name} has {array.size} numbers, but there are {length} days."
        )
    return array.astype(np.float64)


def plot_temperatures(
    days, temperatures, averages=None, title=None, ax=None, last_day=None
) -> Figure:
    """Daily temperatures as dots, and averages of them as lines.

    Arguments:
        days: the days, ``(T,)``, e.g. 1..365.
        temperatures: the temperature on each day, ``(T,)``.
        averages: ``{label: values}``, each ``(T,)``: one value per day (for example an
            exponentially weighted average); ``None`` draws the dots alone.
        title: the plot's title (default "Daily temperatures").
        ax: a matplotlib ``Axes`` to draw in; by default a new figure is made.
        last_day: draw only the days up to this one (to look at the start); ``None`` for all.

    Returns: the matplotlib ``Figure`` (the one holding ``ax`` when ``ax`` is given), with the
    dots labelled "temperature", one line per average and a legend.
    """
    name = "plot_temperatures"
    day_values = _series(days, "days", name)
    measured = _series(temperatures, "temperatures", name, len(day_values))
    lines = {}
    if averages is not None:
        if not isinstance(averages, Mapping):
            raise ValueError(
                f"{name}: averages must be a dict {{label: values}} or None, got "
                f"{type(averages).__name__}."
            )
        for label, values in averages.items():
            lines[str(label)] = _series(values, f"averages[{label!r}]", name, len(day_values))
    if ax is not None and not isinstance(ax, plt.Axes):
        raise ValueError(f"{name}: ax must be a matplotlib Axes, got {type(ax).__name__}.")
    shown = np.ones(len(day_values), dtype=bool)
    if last_day is not None:
        shown = day_values <= float(last_day)
        if not shown.any():
            raise ValueError(f"{name}: no day is on or before last_day={last_day!r}.")
    fig, ax = (plt.subplots(figsize=(8.0, 4.2), layout="constrained") if ax is None
               else (ax.figure, ax))  # fmt: skip
    ax.scatter(day_values[shown], measured[shown], s=9, color=TEMPERATURE_COLOR,
               label="temperature", zorder=2)  # fmt: skip
    for index, (label, values) in enumerate(lines.items()):
        ax.plot(day_values[shown], values[shown], color=AVERAGE_COLORS[index % 6], linewidth=2,
                label=label, zorder=3)  # fmt: skip
    ax.set_xlabel("day of the year")
    ax.set_ylabel("temperature (°C)")
    ax.set_title(title or "Daily temperatures", fontsize=11, fontweight="bold")
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=9, loc="best")
    return fig


def plot_bias_correction(days, temperatures, plain, corrected, beta, days_shown=60) -> Figure:
    """The start of an exponentially weighted average, without and with bias correction.

    Arguments:
        days, temperatures: the data, ``(T,)`` each.
        plain: the average ``v_t`` without bias correction, ``(T,)``.
        corrected: the average with bias correction ``v_t / (1 - beta^t)``, ``(T,)``.
        beta: the average's β, shown in the titles.
        days_shown: how many days from the start to draw.

    Returns: the matplotlib ``Figure`` with two ``Axes`` side by side on the same scales:
    the plain average (left) and the corrected one (right) over the dots of the data.
    """
    name = "plot_bias_correction"
    day_values = _series(days, "days", name)
    data = _series(temperatures, "temperatures", name, len(day_values))
    curves = [
        _series(plain, "plain", name, len(day_values)),
        _series(corrected, "corrected", name, len(day_values)),
    ]
    beta = _percent(beta, "beta", name)
    days_shown = _positive_int(days_shown, "days_shown", name)
    last_day = day_values[min(days_shown, len(day_values)) - 1]
    fig, axes = plt.subplots(1, 2, figsize=(11.0, 4.0), layout="constrained", sharey=True)
    titles = ("without bias correction", "with bias correction")
    labels = (r"$v_t$", r"$v_t / (1 - \beta^t)$")
    for index, (ax, curve, title, label) in enumerate(
        zip(axes, curves, titles, labels, strict=True)
    ):
        plot_temperatures(
            day_values,
            data,
            {f"{label}, β = {beta:g}": curve},
            title=f"The first {days_shown} days, {title}",
            ax=ax,
            last_day=last_day,
        )
        ax.lines[-1].set_color(AVERAGE_COLORS[index])
        ax.get_legend().remove()
        ax.legend(frameon=False, fontsize=9, loc="lower right")
    return fig


def plot_learning_rate_schedules(epochs, schedules, title=None, log_scale=False) -> Figure:
    """Several learning-rate schedules over the epochs, one line each.

    Arguments:
        epochs: the epoch numbers, ``(k,)``, e.g. ``np.arange(0, 101)``.
        schedules: ``{label: rates}``, each ``(k,)``: the learning rate in each epoch.
        title: the figure's title (default "Learning-rate decay").
        log_scale: draw the learning rate on a logarithmic axis.

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per schedule, a legend.
    """
    name = "plot_learning_rate_schedules"
    epoch_values = _series(epochs, "epochs", name)
    if not isinstance(schedules, Mapping) or len(schedules) == 0:
        raise ValueError(f"{name}: schedules must be a non-empty dict {{label: rates}}.")
    fig, ax = plt.subplots(figsize=(7.5, 4.2), layout="constrained")
    for index, (label, rates) in enumerate(schedules.items()):
        values = _series(rates, f"schedules[{label!r}]", name)
        if values.size != epoch_values.size:
            raise ValueError(
                f"{name}: schedules[{label!r}] has {values.size} rates for "
                f"{epoch_values.size} epochs."
            )
        ax.plot(epoch_values, values, color=f"C{index % 10}", linewidth=2, label=str(label))
    ax.set_xlabel("epoch")
    ax.set_ylabel(r"learning rate $\alpha$" + (" (log scale)" if log_scale else ""))
    if log_scale:
        ax.set_yscale("log")
    ax.set_title(title or "Learning-rate decay", fontweight="bold")
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    return fig


def plot_epoch_costs(curves, every=100, title=None) -> Figure:
    """Cost curves recorded once every ``every`` epochs: :func:`plot_cost_curves` with the
    epochs on the horizontal axis.

    Arguments:
        curves: ``{label: costs}``, each ``costs[k]`` the cost of epoch ``k * every``.
        every: epochs between two recorded costs (this week's model records every 100).
        title: the figure's title (default "Cost during training").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per label, and a legend.
    """
    fig = plot_cost_curves(curves, every=every, title=title)
    fig.axes[0].set_xlabel("epochs")
    return fig


def plot_optimizer_paths(cost_fn, paths, limits, minimum=(0.0, 0.0), title=None, ncols=4,
                         labels=("$W$", "$b$")) -> Figure:  # fmt: skip
    """The steps of several optimizers on the contours of one cost of two parameters.

    Arguments:
        cost_fn: ``cost_fn(w1, w2)``, the cost for arrays ``w1``, ``w2`` of the same shape.
        paths: ``{label: path}``, each path ``(k, 2)``: the two parameters before each step
            (the first row is the start); a path may leave the window or hold inf / NaN
            (a run that blew up): the panel then says "diverged".
        limits: ``((w1_low, w1_high), (w2_low, w2_high))``, the window every panel shows.
        minimum: where the cost is lowest, marked with a cross; ``None`` for no mark.
        title: the figure's title (default "Four optimizers on one cost").
        ncols: panels per row.
        labels: the names of the two parameters, for the axes.

    Returns: the matplotlib ``Figure`` with one ``Axes`` per path, all with the same window
    and equal scales, each titled with its label (and "diverged" when the path blew up).
    """
    name = "plot_optimizer_paths"
    if not callable(cost_fn):
        raise ValueError(f"{name}: cost_fn must be a function cost_fn(w1, w2).")
    if not isinstance(paths, Mapping) or len(paths) == 0:
        raise ValueError(f"{name}: paths must be a non-empty dict {{label: path (k, 2)}}.")
    checked = {}
    for label, path in paths.items():
        array = np.asarray(path, dtype=np.float64)
        if array.ndim != 2 or array.shape[1] != 2 or array.shape[0] == 0:
            raise ValueError(
                f"{name}: paths[{label!r}] must have shape (k, 2), one point per row, got "
                f"{array.shape}."
            )
        checked[str(label)] = array
    try:
        (low_1, high_1), (low_2, high_2) = (tuple(map(float, pair)) for pair in limits)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name}: limits must be ((w1_low, w1_high), (w2_low, w2_high))."
        ) from None
    if not (low_1 < high_1 and low_2 < high_2):
        raise ValueError(f"{name}: each pair of limits must be (low, high) with low < high.")
    w1, w2 = np.meshgrid(np.linspace(low_1, high_1, 240), np.linspace(low_2, high_2, 160))
    try:
        costs = np.asarray(cost_fn(w1, w2), dtype=np.float64)
    except Exception as error:
        raise ValueError(f"{name}: cost_fn raised {type(error).__name__}: {error}") from error
    if costs.shape != w1.shape:
        raise ValueError(f"{name}: cost_fn must return one cost per grid point.")
    levels = np.unique(np.quantile(costs, np.linspace(0.0, 1.0, 16) ** 2))
    ncols = min(_positive_int(ncols, "ncols", name), len(checked))
    nrows = math.ceil(len(checked) / ncols)
    width = 3.9 * ncols
    height = nrows * (width / ncols) * (high_2 - low_2) / (high_1 - low_1) + 0.9 * nrows
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, max(height, 2.5)),
                             layout="constrained", squeeze=False)  # fmt: skip
    box = max(high_1 - low_1, high_2 - low_2) * 10
    for index, (ax, (label, path)) in enumerate(zip(axes.flat, checked.items(), strict=False)):
        ax.contour(w1, w2, costs, levels=levels, colors="#aaaaaa", linewidths=0.7)
        finite = np.all(np.isfinite(path), axis=1)
        blew_up = not finite.all() or np.any(np.abs(path[finite]) > box)
        ax.plot(path[finite, 0], path[finite, 1], "-o", color=f"C{index % 10}", markersize=2.5,
                linewidth=1.1)  # fmt: skip
        ax.plot(*path[0], "s", color="black", markersize=6, label="start")
        if finite[-1] and not blew_up:
            ax.plot(*path[-1], "*", color=WRONG_COLOR, markersize=12, label="end")
        if minimum is not None:
            ax.plot(*minimum, "x", color="black", markersize=8, label="minimum")
        ax.set_xlim(low_1, high_1)
        ax.set_ylim(low_2, high_2)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel(labels[0])
        ax.set_ylabel(labels[1])
        suffix = " (diverged)" if blew_up else ""
        ax.set_title(label + suffix, fontsize=11, fontweight="bold",
                     color=WRONG_COLOR if blew_up else "black")  # fmt: skip
        if index == 0:
            ax.legend(frameon=False, fontsize=8, loc="lower right")
    for ax in axes.flat[len(checked) :]:
        ax.set_axis_off()
    fig.suptitle(title or "Four optimizers on one cost", fontweight="bold")
    return fig


# ======================================================= week c2w3 (tuning, batch norm, softmax)
__all__ += [
    "plot_sample_histograms",
    "plot_search_points",
    "plot_random_search",
    "plot_confusion_matrix",
    "plot_value_histograms",
]


def _positive_values(values, name: str, function: str) -> np.ndarray:
    """A 1-D array of finite positive numbers (for a logarithmic axis) as floats."""
    array = _series(values, name, function)
    if not np.all(np.isfinite(array)) or np.any(array <= 0):
        raise ValueError(
            f"{function}: {name} must hold finite positive numbers for a logarithmic axis, got "
            f"values from {np.min(array):.3g} to {np.max(array):.3g}."
        )
    return array


def plot_sample_histograms(samples, log_scale=True, bins=20, ranges=None, title=None) -> Figure:
    """Histograms of sampled hyperparameters, one panel per label, side by side.

    Arguments:
        samples: ``{label: values}``, e.g. ``{"learning rate α": rates}``; each ``values`` a
            1-D array of sampled numbers (positive when ``log_scale``).
        log_scale: the horizontal axes and the bins on a logarithmic scale (each decade gets
            the same width) or, if ``False``, on a linear one.
        bins: the number of bins of each histogram.
        ranges: ``{label: (low, high)}``, the range each histogram covers (default: the
            smallest and largest sample).
        title: the figure's title (default "Sampled values").

    Returns: the matplotlib ``Figure`` with one ``Axes`` per label, titled with the label.
    """
    name = "plot_sample_histograms"
    if not isinstance(samples, Mapping) or len(samples) == 0:
        raise ValueError(f"{name}: samples must be a non-empty dict {{label: values}}.")
    bins = _positive_int(bins, "bins", name)
    ranges = dict(ranges or {})
    fig, axes = plt.subplots(1, len(samples), figsize=(5.2 * len(samples), 3.6),
                             layout="constrained", squeeze=False)  # fmt: skip
    for index, (ax, (label, values)) in enumerate(zip(axes.flat, samples.items(), strict=True)):
        what = f"samples[{label!r}]"
        array = _positive_values(values, what, name) if log_scale else _series(values, what, name)
        low, high = ranges.get(label, (float(array.min()), float(array.max())))
        if not low < high:
            low, high = low - 0.5, high + 0.5
        if log_scale:
            edges = np.logspace(np.log10(low), np.log10(high), bins + 1)
            ax.set_xscale("log")
        else:
            edges = np.linspace(low, high, bins + 1)
        ax.hist(array, bins=edges, color=f"C{index % 10}", edgecolor="white")
        ax.set_title(str(label), fontsize=11, fontweight="bold")
        ax.set_xlabel(f"{label} ({'log' if log_scale else 'linear'} scale)")
        ax.set_ylabel("number of samples")
        ax.grid(True, alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title or "Sampled values", fontweight="bold")
    return fig


def plot_search_points(searches, score_fn=None, labels=("hyperparameter 1", "hyperparameter 2"),
                       title=None) -> Figure:  # fmt: skip
    """The points a search tried in a square of two hyperparameters, one panel per search.

    Arguments:
        searches: ``{label: points}``, each ``points`` of shape ``(k, 2)``, one setting
            ``(h1, h2)`` per row, in [0, 1] x [0, 1] (e.g. ``{"grid": ..., "random": ...}``).
        score_fn: optional ``score_fn(h1, h2)`` for arrays of the same shape; its values
            are drawn as a background colour.
        labels: the names of the two axes.
        title: the figure's title (default "Grid search and random search").

    Under each panel a strip marks the distinct values of the first hyperparameter that were
    tried.

    Returns: the matplotlib ``Figure``: per search one square ``Axes`` with the points and
    one thin ``Axes`` below it with the values of the first hyperparameter.
    """
    name = "plot_search_points"
    if not isinstance(searches, Mapping) or len(searches) == 0:
        raise ValueError(f"{name}: searches must be a non-empty dict {{label: points}}.")
    checked = {}
    for index, (label, points) in enumerate(searches.items()):
        checked[str(label)] = _path(points, name, index)
    count = len(checked)
    fig, axes = plt.subplots(2, count, figsize=(4.4 * count, 5.2), layout="constrained",
                             squeeze=False, gridspec_kw={"height_ratios": [6, 1]})  # fmt: skip
    grid = np.linspace(0.0, 1.0, 101)
    h1, h2 = np.meshgrid(grid, grid)
    background = None
    if score_fn is not None:
        background = np.broadcast_to(np.asarray(score_fn(h1, h2), dtype=np.float64), h1.shape)
    for index, (label, points) in enumerate(checked.items()):
        ax, strip = axes[0, index], axes[1, index]
        if background is not None:
            ax.contourf(h1, h2, background, levels=20, cmap="Greens", alpha=0.6)
        ax.plot(points[:, 0], points[:, 1], "o", color=f"C{index % 10}", markersize=5)
        distinct = np.unique(points[:, 0])
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel(labels[0])
        ax.set_ylabel(labels[1])
        ax.set_title(f"{label}: {len(points)} tries", fontsize=11, fontweight="bold")
        strip.vlines(distinct, 0, 1, color=f"C{index % 10}", linewidth=1.5)
        strip.set_xlim(0, 1)
        strip.set_yticks([])
        strip.set_xlabel(f"{len(distinct)} distinct values of {labels[0]}")
    fig.suptitle(title or "Grid search and random search", fontweight="bold")
    return fig


def plot_random_search(learning_rates, scores, sizes=None, score_label="accuracy (%)",
                       title=None) -> Figure:  # fmt: skip
    """The result of a random search: one dot per try, the score over the learning rate on a
    logarithmic axis.

    Arguments:
        learning_rates: the learning rate α of each try, ``(k,)``, positive.
        scores: the score of each try, ``(k,)`` (e.g. the dev accuracy in %).
        sizes: optional second hyperparameter of each try, ``(k,)`` (e.g. the hidden size),
            shown as the dots' colour.
        score_label: the name of the vertical axis.
        title: the figure's title (default "Random search").

    Returns: the matplotlib ``Figure`` with one ``Axes`` (and a colour bar with ``sizes``).
    """
    name = "plot_random_search"
    rates = _positive_values(learning_rates, "learning_rates", name)
    values = _series(scores, "scores", name)
    if values.size != rates.size:
        raise ValueError(
            f"{name}: scores has {values.size} numbers for {rates.size} learning rates."
        )
    fig, ax = plt.subplots(figsize=(7.0, 4.2), layout="constrained")
    if sizes is None:
        ax.scatter(rates, values, s=40, color="C0", edgecolor="black", linewidth=0.5)
    else:
        colors = _series(sizes, "sizes", name)
        if colors.size != rates.size:
            raise ValueError(f"{name}: sizes has {colors.size} numbers for {rates.size} tries.")
        dots = ax.scatter(rates, values, s=40, c=colors, cmap="viridis", edgecolor="black",
                          linewidth=0.5)  # fmt: skip
        fig.colorbar(dots, ax=ax, label="hidden units")
    best = int(np.nanargmax(values)) if np.any(np.isfinite(values)) else None
    if best is not None:
        ax.plot(rates[best], values[best], "*", color=WRONG_COLOR, markersize=16, label="best")
        ax.legend(frameon=False, loc="lower left")
    ax.set_xscale("log")
    ax.set_xlabel("learning rate α (log scale)")
    ax.set_ylabel(score_label)
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or "Random search", fontsize=12, fontweight="bold")
    return fig


def plot_confusion_matrix(matrix, class_names=None, title=None) -> Figure:
    """A confusion matrix: row = the true class, column = the predicted class, each cell the
    number of examples.

    Arguments:
        matrix: ``(C, C)`` counts, ``matrix[i, j]`` = examples of class ``i`` predicted ``j``.
        class_names: the name of each class (default 0, 1, ..., C - 1).
        title: the figure's title (default "Confusion matrix").

    Returns: the matplotlib ``Figure`` with one ``Axes``; the counts are written in the cells.
    """
    name = "plot_confusion_matrix"
    array = np.asarray(matrix)
    if (
        array.ndim != 2
        or array.shape[0] != array.shape[1]
        or array.size == 0
        or not np.issubdtype(array.dtype, np.number)
        or array.dtype == bool
    ):
        raise ValueError(f"{name}: matrix must be a square (C, C) array of counts, got "
                         f"shape {array.shape}.")  # fmt: skip
    count = array.shape[0]
    names = [str(i) for i in range(count)] if class_names is None else [str(c) for c in class_names]
    if len(names) != count:
        raise ValueError(f"{name}: {len(names)} class names for a {count} x {count} matrix.")
    fig, ax = plt.subplots(figsize=(1.0 + 0.75 * count, 0.6 + 0.75 * count), layout="constrained")
    ax.imshow(array, cmap="Blues")
    high = float(array.max()) if array.size else 0.0
    for i in range(count):
        for j in range(count):
            color = "white" if high > 0 and array[i, j] > high / 2 else "black"
            ax.text(j, i, f"{array[i, j]:g}", ha="center", va="center", color=color)
    ax.set_xticks(range(count), names)
    ax.set_yticks(range(count), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title or "Confusion matrix", fontsize=12, fontweight="bold")
    return fig


def plot_value_histograms(histories, bins=40, value_range=None, title=None) -> Figure:
    """A grid of histograms: one row per run, one column per moment of training.

    Arguments:
        histories: ``{row label: {column label: values}}``, e.g.
            ``{"without batch norm": {"epoch 0": Z_0, "epoch 5": Z_5}, ...}``; each ``values``
            an array of any shape (all its entries are counted). Every row must have the same
            column labels.
        bins: the number of bins.
        value_range: ``(low, high)`` of every histogram (default: each row's own range).
        title: the figure's title (default "Distribution of the values").

    Returns: the matplotlib ``Figure``: one ``Axes`` per (row, column), the rows titled on the
    left, the columns on top; the axes of a row share their scale.
    """
    name = "plot_value_histograms"
    if not isinstance(histories, Mapping) or len(histories) == 0:
        raise ValueError(f"{name}: histories must be a non-empty dict {{row: {{column: values}}}}.")
    columns = None
    for row, moments in histories.items():
        if not isinstance(moments, Mapping) or len(moments) == 0:
            raise ValueError(f"{name}: histories[{row!r}] must be a non-empty dict.")
        if columns is None:
            columns = list(moments)
        elif list(moments) != columns:
            raise ValueError(
                f"{name}: every row needs the columns {columns}, histories[{row!r}] has "
                f"{list(moments)}."
            )
    bins = _positive_int(bins, "bins", name)
    nrows, ncols = len(histories), len(columns)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.0 * ncols + 0.6, 2.3 * nrows),
                             layout="constrained", squeeze=False)  # fmt: skip
    for r, (row, moments) in enumerate(histories.items()):
        values = {}
        for column in columns:
            array = np.asarray(moments[column], dtype=np.float64).reshape(-1)
            values[column] = array[np.isfinite(array)]
        if value_range is None:
            finite = np.concatenate(list(values.values()))
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0, 1)
        else:
            low, high = value_range
        if not low < high:
            low, high = low - 0.5, high + 0.5
        for c, column in enumerate(columns):
            ax = axes[r, c]
            ax.hist(values[column], bins=bins, range=(low, high), color=f"C{r % 10}")
            ax.set_xlim(low, high)
            ax.set_yticks([])
            ax.spines[["top", "right", "left"]].set_visible(False)
            if r == 0:
                ax.set_title(str(column), fontsize=11, fontweight="bold")
            if c == 0:
                ax.set_ylabel(str(row), fontsize=10)
            if r == nrows - 1:
                ax.set_xlabel("value")
    fig.suptitle(title or "Distribution of the values", fontweight="bold")
    return fig


# ================================================================== week c3 (ML strategy)
__all__ += ["plot_error_gaps", "plot_cause_shares"]

GAP_NAMES = ("avoidable bias", "variance", "data mismatch", "overfitting to dev")
ERROR_NAMES = ("human", "train", "train-dev", "dev", "test")


def plot_error_gaps(errors, verdict=None, title=None) -> Figure:
    """The five error rates of a model as bars, and the four gaps between neighbours.

    Arguments:
        errors: the five error rates (fractions, e.g. 0.01 for 1 %) in the order human,
            train, train-dev, dev, test.
        verdict: optional name of the gap to highlight (e.g. what ``diagnose`` returned).
        title: the figure's title (default "Errors and the gaps between them").

    Returns: the matplotlib ``Figure`` with two ``Axes``: the errors (left) and the gaps
    (right, one bar per gap: avoidable bias, variance, data mismatch, overfitting to dev).
    """
    name = "plot_error_gaps"
    values = _series(errors, "errors", name)
    if values.size != len(ERROR_NAMES) or not np.all(np.isfinite(values)):
        raise ValueError(
            f"{name}: errors must be 5 finite numbers (human, train, train-dev, dev, test), "
            f"got {values.size}."
        )
    gaps = np.diff(values)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.8), layout="constrained")
    left.bar(ERROR_NAMES, 100 * values, color="C0")
    left.set_ylabel("error (%)")
    left.set_title("Error rates", fontsize=11, fontweight="bold")
    colors = [WRONG_COLOR if gap_name == verdict else "C7" for gap_name in GAP_NAMES]
    right.bar(GAP_NAMES, 100 * gaps, color=colors)
    right.axhline(0, color="black", linewidth=0.8)
    right.set_ylabel("gap (percentage points)")
    right.set_title("Gaps (the largest is the first problem)", fontsize=11, fontweight="bold")
    right.tick_params(axis="x", labelrotation=15)
    for ax, heights in ((left, 100 * values), (right, 100 * gaps)):
        for index, height in enumerate(heights):
            ax.text(index, height, f"{height:.1f}", ha="center", va="bottom", fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(True, axis="y", alpha=0.3)
    fig.suptitle(title or "Errors and the gaps between them", fontweight="bold")
    return fig


def plot_cause_shares(shares, dev_error=None, title=None) -> Figure:
    """Error analysis as bars: the share of the misclassified examples each cause explains.

    Arguments:
        shares: ``{cause: share}`` with shares as fractions in [0, 1] (what ``cause_shares``
            returns).
        dev_error: optional dev error (a fraction); each bar is then labelled with the best
            dev error after fixing that cause, ``dev_error * (1 - share)``.
        title: the figure's title (default "Error analysis").

    Returns: the matplotlib ``Figure`` with one ``Axes``, one horizontal bar per cause.
    """
    name = "plot_cause_shares"
    if not isinstance(shares, Mapping) or len(shares) == 0:
        raise ValueError(f"{name}: shares must be a non-empty dict {{cause: share}}.")
    causes = [str(cause) for cause in shares]
    values = _series(list(shares.values()), "shares", name)
    if not np.all((values >= 0) & (values <= 1)):
        raise ValueError(f"{name}: every share must be a fraction between 0 and 1.")
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.5 * len(causes)), layout="constrained")
    positions = np.arange(len(causes))[::-1]
    ax.barh(positions, 100 * values, color="C1")
    for position, share in zip(positions, values, strict=True):
        text = f"{100 * share:.0f} %"
        if dev_error is not None:
            text += f"  (dev error at best {100 * dev_error * (1 - share):.2f} %)"
        ax.text(100 * share + 1, position, text, va="center", fontsize=9)
    ax.set_yticks(positions, causes)
    ax.set_xlim(0, 130)
    ax.set_xlabel("share of the misclassified dev examples (%)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or "Error analysis", fontsize=12, fontweight="bold")
    return fig


# ============================================================= week c4w1 (convolution)
__all__ += [
    "plot_matrices",
    "show_image_row",
    "show_filters",
    "show_filter_result",
    "show_feature_maps",
    "plot_shift_accuracies",
]

_MATRIX_CELL_INCHES = 0.42  # one number of plot_matrices
_MAP_INCHES = 0.8  # one feature map of show_feature_maps
_MAX_MATRIX_SIZE = 12  # plot_matrices writes the numbers of matrices up to 12 x 12


def _matrix(values, name: str, function: str, max_size: int | None = None) -> np.ndarray:
    """A 2-D array of finite real numbers as floats (at most ``max_size`` rows and columns)."""
    array = np.asarray(values)
    if array.dtype == object or not np.issubdtype(array.dtype, np.number) or array.dtype == bool:
        raise ValueError(f"{function}: {name} must be an array of numbers, got {array.dtype}.")
    if np.iscomplexobj(array):
        raise ValueError(f"{function}: {name} must hold real numbers, got complex values.")
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 2 or array.size == 0:
        raise ValueError(
            f"{function}: {name} must be a 2-D array (one grey picture or one filter, "
            f"(n_H, n_W) or (n_H, n_W, 1)), got shape {array.shape}."
        )
    if max_size is not None and max(array.shape) > max_size:
        raise ValueError(
            f"{function}: {name} has shape {array.shape}; at most {max_size} x {max_size} "
            "numbers can be written in a figure."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{function}: {name} contains NaN or infinite values.")
    return array.astype(np.float64)


def _number_text(value: float, integers: bool) -> str:
    if integers:
        return f"{value:g}"
    return f"{value:.2f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:.0f}"


def _write_numbers(ax, array: np.ndarray, vmin: float, vmax: float, fontsize: float) -> None:
    """Each entry of ``array`` written in its cell, black on light and white on dark cells."""
    integers = bool(np.all(array == np.round(array)))
    middle = (vmin + vmax) / 2
    for (row, col), value in np.ndenumerate(array):
        color = "black" if value >= middle else "white"
        ax.text(
            col,
            row,
            _number_text(float(value), integers),
            ha="center",
            va="center",
            color=color,
            fontsize=fontsize,
        )


def _names(titles, count: int, name: str, function: str) -> list[str]:
    if titles is None:
        return [""] * count
    if isinstance(titles, str):
        raise ValueError(f"{function}: {name} must be a list of {count} titles, got one string.")
    titles = [str(t) for t in titles]
    if len(titles) != count:
        raise ValueError(f"{function}: {len(titles)} {name} for {count} pictures.")
    return titles


def _plain_axes(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])


def plot_matrices(matrices, titles=None, operators=None, title=None) -> Figure:
    """Small matrices side by side with their numbers written in the cells (a convolution
    worked by hand: picture ∗ filter = result).

    Arguments:
        matrices: a list of 2-D arrays (at most 12 x 12 each), e.g. a 6 x 6 picture, a 3 x 3
            filter and the 4 x 4 result. Each is drawn in grey on its own scale (white = its
            largest value, black = its smallest), every cell the same size.
        titles: a title above each matrix (default none; the matrix's size is added below it).
        operators: the symbols between neighbours, one fewer than the matrices, e.g.
            ``("∗", "=")`` (default none).
        title: the figure's title.

    Returns: the matplotlib ``Figure`` with one ``Axes`` per matrix.
    """
    name = "plot_matrices"
    if isinstance(matrices, np.ndarray) or not isinstance(matrices, Sequence) or not matrices:
        raise ValueError(f"{name}: matrices must be a non-empty list of 2-D arrays.")
    arrays = [_matrix(m, f"matrices[{i}]", name, _MAX_MATRIX_SIZE) for i, m in enumerate(matrices)]
    names = _names(titles, len(arrays), "titles", name)
    if operators is not None and len(operators) != len(arrays) - 1:
        raise ValueError(
            f"{name}: operators must hold {len(arrays) - 1} symbols (one between each two "
            f"matrices), got {len(operators)}."
        )
    cell = _MATRIX_CELL_INCHES
    char = 0.085  # inches per character of a title (fontsize 10)
    gap = 0.7 if operators is not None else 0.35  # inches between two panels
    slots = [
        max(a.shape[1] * cell, char * len(label) + 0.1)
        for a, label in zip(arrays, names, strict=True)
    ]
    tallest = max(a.shape[0] for a in arrays) * cell
    top_space = 0.55 + (0.45 if title else 0.0)  # the panels' titles and the figure's title
    width = sum(slots) + gap * (len(arrays) - 1) + 0.3
    height = tallest + top_space + 0.15
    fig = plt.figure(figsize=(width, height))
    axes, x = [], 0.15
    for array, label, slot in zip(arrays, names, slots, strict=True):
        w, h = array.shape[1] * cell, array.shape[0] * cell
        left = x + (slot - w) / 2
        bottom = 0.15 + (tallest - h) / 2
        ax = fig.add_axes((left / width, bottom / height, w / width, h / height))
        low, high = float(array.min()), float(array.max())
        if low == high:
            low, high = low - 1, high + 1
        ax.imshow(array, cmap="gray", vmin=low, vmax=high, interpolation="nearest", aspect="auto")
        _write_numbers(ax, array, low, high, fontsize=9)
        _plain_axes(ax)
        size = f"{array.shape[0]} × {array.shape[1]}"
        ax.set_title(f"{label}\n{size}" if label else size, fontsize=10)
        axes.append(ax)
        x += slot + gap
    if operators is not None:
        x = 0.15
        for slot, symbol in zip(slots[:-1], operators, strict=True):
            x += slot
            fig.text(
                (x + gap / 2) / width,
                (0.15 + tallest / 2) / height,
                str(symbol),
                ha="center",
                va="center",
                fontsize=18,
            )
            x += gap
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold", y=1 - 0.12 / height, va="top")
    return fig


def _picture(values, name: str, function: str) -> np.ndarray:
    """One grey picture (n_H, n_W) or colour picture (n_H, n_W, 3) of finite numbers."""
    array = np.asarray(values)
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim == 3 and array.shape[-1] == 3:
        if array.dtype == object or not np.issubdtype(array.dtype, np.number):
            raise ValueError(f"{function}: {name} must be an array of numbers.")
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{function}: {name} contains NaN or infinite values.")
        return array.astype(np.float64)
    return _matrix(array, name, function)


def _show_picture(ax, picture: np.ndarray, value_range=None) -> None:
    """A grey picture on its own scale (or ``value_range``); a colour one as it is."""
    if picture.ndim == 3:
        low, high = float(picture.min()), float(picture.max())
        shown = picture if low >= 0 and high <= 1 else (picture - low) / max(high - low, 1e-12)
        ax.imshow(shown, interpolation="nearest")
        return
    low, high = value_range if value_range is not None else (picture.min(), picture.max())
    if not low < high:
        low, high = low - 0.5, high + 0.5
    ax.imshow(picture, cmap="gray", vmin=low, vmax=high, interpolation="nearest")


def show_image_row(images, titles=None, title=None, same_scale=False, clip=None) -> Figure:
    """Pictures side by side in one row, each with a title (e.g. the results of edge filters).

    Arguments:
        images: a list of grey pictures ``(n_H, n_W)`` (or ``(n_H, n_W, 1)``, or colour
            ``(n_H, n_W, 3)``) of any sizes and any real values. A grey picture is drawn on its
            own scale: black = its smallest value, white = its largest (pass ``np.abs(Z)`` to
            show the strength of an edge whatever its sign).
        titles: a title above each picture (its size is added below the title).
        title: the figure's title.
        same_scale: draw every picture with the same size of pixel, so that a smaller
            picture looks smaller (e.g. after pooling); by default each fills its panel.
        clip: a percentile, e.g. 99: the values of a grey picture above its 99th percentile
            are drawn white too, so that a few very strong edges do not leave the others dark
            (default: no clipping).

    Returns: the matplotlib ``Figure`` with one ``Axes`` per picture.
    """
    name = "show_image_row"
    if isinstance(images, np.ndarray) or not isinstance(images, Sequence) or not images:
        raise ValueError(f"{name}: images must be a non-empty list of pictures.")
    if clip is not None and not (isinstance(clip, (int, float)) and 50 <= clip <= 100):
        raise ValueError(f"{name}: clip must be a percentile between 50 and 100, got {clip!r}.")
    pictures = [_picture(p, f"images[{i}]", name) for i, p in enumerate(images)]
    names = _names(titles, len(pictures), "titles", name)
    tallest = max(p.shape[0] for p in pictures)
    widest = max(p.shape[1] for p in pictures)
    aspects = [widest / tallest if same_scale else p.shape[1] / p.shape[0] for p in pictures]
    panel_height = min(3.0, 14.5 / sum(aspects))  # at most about 15 inches wide
    width = panel_height * sum(aspects) + 0.15 * len(pictures) + 0.2
    fig, axes = plt.subplots(
        1,
        len(pictures),
        figsize=(max(width, 3.0), panel_height + (0.95 if title else 0.6)),
        layout="constrained",
        squeeze=False,
        width_ratios=aspects,
    )
    for ax, picture, label in zip(axes[0], pictures, names, strict=True):
        value_range = None
        if clip is not None and picture.ndim == 2:
            value_range = (float(picture.min()), float(np.percentile(picture, clip)))
        _show_picture(ax, picture, value_range)
        size = " × ".join(str(n) for n in picture.shape[:2])
        ax.set_title(
            f"{label}\n{size}" if label else size,
            fontsize=10,
            loc="left" if same_scale else "center",
        )
        _plain_axes(ax)
        if same_scale:
            ax.set_xlim(-0.5, widest - 0.5)
            ax.set_ylim(tallest - 0.5, -0.5)
            for spine in ax.spines.values():
                spine.set_visible(False)
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold")
    return fig


def _filter_panels(filters, function: str) -> tuple[list[np.ndarray], list[str]]:
    """The 2-D panels of ``filters`` and their default titles."""
    if isinstance(filters, Mapping):
        if not filters:
            raise ValueError(f"{function}: filters is an empty dict.")
        return (
            [_matrix(v, f"filters[{k!r}]", function) for k, v in filters.items()],
            [str(k) for k in filters],
        )
    array = np.asarray(filters)
    if array.dtype == object or not np.issubdtype(array.dtype, np.number) or array.dtype == bool:
        raise ValueError(f"{function}: filters must be an array of numbers or a dict of them.")
    if array.ndim == 2:
        return [_matrix(array, "filters", function)], ["filter"]
    if array.ndim == 3:
        array = array[:, :, np.newaxis, :]
    if array.ndim != 4 or array.shape[0] == 0 or array.shape[-1] == 0:
        raise ValueError(
            f"{function}: filters must be W of shape (f, f, n_C_prev, n_C), one filter (f, f) "
            f"or a dict {{name: (f, f)}}, got shape {array.shape}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{function}: filters contain NaN or infinite values.")
    panels, names = [], []
    for c in range(array.shape[3]):
        for k in range(array.shape[2]):
            panels.append(array[:, :, k, c].astype(np.float64))
            names.append(f"filter {c}" + (f", channel {k}" if array.shape[2] > 1 else ""))
    return panels, names


def show_filters(filters, titles=None, title=None, ncols=8, numbers=None) -> Figure:
    """Filters as small pictures: white = positive weights, black = negative, grey = 0.

    Arguments:
        filters: the weights ``W`` of a convolution layer ``(f, f, n_C_prev, n_C)`` (one
            panel per filter and input channel), one filter ``(f, f)``, or a dict
            ``{name: (f, f) array}`` (e.g. ``{"Sobel": sobel, "Scharr": scharr}``).
        titles: a title per panel (default: the dict's names, or "filter 0", "filter 1"...).
        title: the figure's title.
        ncols: panels per row.
        numbers: write each weight in its cell (default: when ``f <= 5``).

    Every panel uses the same scale, symmetric around 0, so that the filters can be compared.

    Returns: the matplotlib ``Figure`` with one ``Axes`` per panel.
    """
    name = "show_filters"
    panels, default_names = _filter_panels(filters, name)
    names = default_names if titles is None else _names(titles, len(panels), "titles", name)
    ncols = min(_positive_int(ncols, "ncols", name), len(panels))
    nrows = math.ceil(len(panels) / ncols)
    largest = max(float(np.max(np.abs(p))) for p in panels) or 1.0
    size = max(max(p.shape) for p in panels)
    write = size <= 5 if numbers is None else bool(numbers)
    cell = 1.5 if write else 1.2
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(max(cell * ncols, 3.0), cell * nrows + 0.35 * nrows + (0.4 if title else 0)),
        layout="constrained",
        squeeze=False,
    )
    for index, ax in enumerate(axes.flat):
        if index >= len(panels):
            fig.delaxes(ax)
            continue
        ax.imshow(panels[index], cmap="gray", vmin=-largest, vmax=largest, interpolation="nearest")
        if write:
            _write_numbers(ax, panels[index], -largest, largest, fontsize=8 if size > 3 else 9)
        _plain_axes(ax)
        ax.set_title(names[index], fontsize=9)
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold")
    return fig


def show_filter_result(
    picture, kernel, output, kernel_name="filter", title=None, absolute=False
) -> Figure:
    """A picture, the filter applied to it, and the result, the two pictures drawn with the
    same size of pixel (so that padding and stride visibly change the size).

    Arguments:
        picture: the grey picture ``(n_H_prev, n_W_prev)`` (or with a batch or channel axis of
            size 1).
        kernel: the filter ``(f, f)``.
        output: the result ``(n_H, n_W)`` (same extra axes allowed).
        kernel_name: the filter's name, above it.
        title: the figure's title.
        absolute: draw ``|output|`` (the strength of an edge, whatever its sign). The values
            above the 99th percentile of ``|output|`` are drawn as the strongest ones.

    Returns: the matplotlib ``Figure`` with three ``Axes``: the picture, the filter, the result;
    each titled with its size.
    """
    name = "show_filter_result"
    shown = []
    for label, values in (("picture", picture), ("output", output)):
        array = np.asarray(values)
        while array.ndim > 2 and array.shape[0] == 1:
            array = array[0]
        shown.append(_matrix(array, label, name))
    image, result = shown
    weights = _matrix(kernel, "kernel", name)
    if absolute:
        result = np.abs(result)
    tallest = max(image.shape[0], result.shape[0])
    widest = max(image.shape[1], result.shape[1])
    kernel_width = 0.3 * widest
    panel_height = 3.2
    width = panel_height * (2 * widest + kernel_width) / tallest + 0.6
    fig, axes = plt.subplots(
        1,
        3,
        figsize=(min(max(width, 6.0), 15.0), panel_height + 0.9),
        layout="constrained",
        width_ratios=[widest, kernel_width, widest],
    )
    left, middle, right = axes
    _show_picture(left, image, (0.0, 1.0) if image.min() >= 0 and image.max() <= 1 else None)
    left.set_title(f"picture\n{image.shape[0]} × {image.shape[1]}", fontsize=10, loc="left")
    strongest = float(np.percentile(np.abs(result), 99)) or float(np.max(np.abs(result)))
    if absolute:  # a few very strong edges should not leave the others dark
        value_range = (0.0, strongest)
    elif result.min() < 0:  # grey = 0, white = positive, black = negative
        value_range = (-strongest, strongest)
    else:
        value_range = None
    _show_picture(right, result, value_range)
    what = "|output|" if absolute else "output"
    right.set_title(f"{what}\n{result.shape[0]} × {result.shape[1]}", fontsize=10, loc="left")
    for ax in (left, right):
        _plain_axes(ax)
        ax.set_xlim(-0.5, widest - 0.5)
        ax.set_ylim(tallest - 0.5, -0.5)
        for spine in ax.spines.values():
            spine.set_visible(False)
    largest = float(np.max(np.abs(weights))) or 1.0
    middle.imshow(weights, cmap="gray", vmin=-largest, vmax=largest, interpolation="nearest")
    if max(weights.shape) <= 7:
        _write_numbers(middle, weights, -largest, largest, fontsize=8)
    _plain_axes(middle)
    middle.set_title(f"{kernel_name}\n{weights.shape[0]} × {weights.shape[1]}", fontsize=10)
    if title:
        fig.suptitle(title, fontsize=12, fontweight="bold")
    return fig


def _feature_maps(maps, function: str) -> dict[str, np.ndarray]:
    """``{layer: (n_H, n_W, n_C)}`` from a dict of arrays (n_H, n_W, n_C) or (1, n_H, n_W, n_C)."""
    if not isinstance(maps, Mapping) or len(maps) == 0:
        raise ValueError(f"{function}: maps must be a non-empty dict {{layer name: activations}}.")
    checked = {}
    for layer, values in maps.items():
        array = np.asarray(values)
        if array.ndim == 4 and array.shape[0] == 1:
            array = array[0]
        if array.ndim == 2:
            array = array[:, :, np.newaxis]
        bad_type = array.dtype == object or not np.issubdtype(array.dtype, np.number)
        if bad_type or array.ndim != 3 or array.size == 0:
            raise ValueError(
                f"{function}: maps[{layer!r}] must be the activations of ONE picture, "
                f"(n_H, n_W, n_C) or (1, n_H, n_W, n_C), got shape {np.shape(values)}."
            )
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{function}: maps[{layer!r}] contains NaN or infinite values.")
        checked[str(layer)] = array.astype(np.float64)
    return checked


def show_feature_maps(
    maps, probabilities=None, classes=None, label=None, title=None, max_channels=16
) -> Figure:
    """The feature maps of one picture, layer by layer: one row per layer, one small picture
    per channel; optionally the class probabilities beside them.

    Arguments:
        maps: ``{layer name: activations}`` in the order of the layers, each the activations of
            one picture ``(n_H, n_W, n_C)`` or ``(1, n_H, n_W, n_C)`` (e.g. ``{"input": X,
            "conv 1 + ReLU": A1, "max pool 1": P1}``). All channels of a row share one grey
            scale (black = the row's smallest value, white = its largest), so that a strongly
            active channel stands out.
        probabilities: the network's probability for each class (``(C,)``, ``(C, 1)`` or
            ``(1, C)``); drawn as bars on the right.
        classes: the name of each class (default 0, 1, ...).
        label: the true class, whose bar is drawn in another colour.
        title: the figure's title (default "Feature maps, layer by layer").
        max_channels: draw at most this many channels of a layer.

    Returns: the matplotlib ``Figure``: one ``Axes`` per map drawn, plus one for the bars when
    ``probabilities`` is given. The first map of each row is labelled with the layer's name
    and shape.
    """
    name = "show_feature_maps"
    layers = _feature_maps(maps, name)
    max_channels = _positive_int(max_channels, "max_channels", name)
    ncols = min(max_channels, max(a.shape[2] for a in layers.values()))
    nrows = len(layers)
    bars = probabilities is not None
    if bars:
        probs = np.asarray(probabilities, dtype=np.float64).reshape(-1)
        if probs.size == 0 or not np.all(np.isfinite(probs)):
            raise ValueError(f"{name}: probabilities must be C finite numbers.")
        names = (
            [str(i) for i in range(probs.size)] if classes is None else [str(c) for c in classes]
        )
        if len(names) != probs.size:
            raise ValueError(f"{name}: {len(names)} class names for {probs.size} probabilities.")
    width = _MAP_INCHES * ncols + 1.6 + (2.6 if bars else 0.0)
    height = (_MAP_INCHES + 0.25) * nrows + 0.6
    fig = plt.figure(figsize=(width, max(height, 2.6)), layout="constrained")
    if bars:
        left, right = fig.subfigures(1, 2, width_ratios=[width - 2.6, 2.6])
    else:
        left, right = fig, None
    grid = left.subplots(nrows, ncols, squeeze=False)
    for r, (layer, array) in enumerate(layers.items()):
        low, high = float(array.min()), float(array.max())
        if not low < high:
            low, high = low - 0.5, high + 0.5
        for c in range(ncols):
            ax = grid[r, c]
            if c >= min(array.shape[2], max_channels):
                ax.remove()
                continue
            ax.imshow(array[:, :, c], cmap="gray", vmin=low, vmax=high, interpolation="nearest")
            _plain_axes(ax)
            if c == 0:
                shape = " × ".join(str(n) for n in array.shape)
                ax.set_ylabel(f"{layer}\n{shape}", fontsize=9, rotation=0, ha="right", va="center")
    if bars:
        ax = right.subplots()
        colors = ["C7"] * probs.size
        best = int(np.argmax(probs))
        colors[best] = "C0"
        if label is not None and 0 <= int(label) < probs.size and int(label) != best:
            colors[int(label)] = WRONG_COLOR
        positions = np.arange(probs.size)[::-1]
        ax.barh(positions, probs, color=colors)
        for position, value in zip(positions, probs, strict=True):
            if value >= 0.005:
                ax.text(
                    min(value, 0.75) + 0.02,
                    position,
                    f"{100 * value:.1f} %",
                    va="center",
                    fontsize=8,
                )
        ax.set_yticks(positions, names)
        ax.set_xlim(0, 1)
        ax.set_xlabel("probability")
        ax.spines[["top", "right"]].set_visible(False)
        caption = f"prediction: {names[best]}"
        if label is not None:
            caption += f"\ntrue class: {names[int(label)]}"
        ax.set_title(
            caption,
            fontsize=10,
            color=WRONG_COLOR if label is not None and int(label) != best else RIGHT_COLOR,
        )
    fig.suptitle(title or "Feature maps, layer by layer", fontsize=12, fontweight="bold")
    return fig


def plot_shift_accuracies(shifts, accuracies, title=None) -> Figure:
    """Accuracy on pictures shifted by a few pixels, one line per model.

    Arguments:
        shifts: the shifts in pixels, e.g. ``[0, 1, 2]``.
        accuracies: ``{model name: accuracies in %}``, one accuracy per shift.
        title: the figure's title (default "Accuracy on shifted test pictures").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per model, and a legend.
    """
    return _accuracy_lines(
        shifts, accuracies, "shift (pixels)", title or "Accuracy on shifted test pictures",
        "plot_shift_accuracies", "shifts",
    )  # fmt: skip


# ============================================================ week c4w2: case studies
def _count(value, name: str, function: str) -> int:
    """A whole number >= 0 (a count of parameters or multiplications)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer, float, np.floating)):
        raise ValueError(f"{function}: {name} must be a number, got {value!r}.")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{function}: {name} must be a finite number >= 0, got {value!r}.")
    return int(round(float(value)))


def _short_number(value: float) -> str:
    """1234 -> '1.2 k', 62378344 -> '62.4 M', 7 -> '7'."""
    for size, unit in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:.1f} {unit}"
    return f"{value:g}"


def plot_network_sizes(networks, title=None) -> Figure:
    """The activation size and the parameters of each layer of one or more networks, as bars
    on a logarithmic scale (one row of two panels per network).

    Arguments:
        networks: ``{network name: rows}``, each row ``(layer name, activation shape,
            activation size, parameters)`` (the rows of the week's layer table, the input
            first); a layer without parameters (pooling, the input) gets no parameter bar.
        title: the figure's title (default "Activation sizes and parameters, layer by layer").

    Returns: the matplotlib ``Figure`` with two ``Axes`` per network (activation sizes, then
    parameters), each titled with the network's name and its total.
    """
    name = "plot_network_sizes"
    if not isinstance(networks, Mapping) or len(networks) == 0:
        raise ValueError(f"{name}: networks must be a non-empty dict {{name: rows}}.")
    checked = {}
    for network, rows in networks.items():
        if isinstance(rows, (str, np.ndarray)) or not isinstance(rows, Sequence) or not rows:
            raise ValueError(f"{name}: networks[{network!r}] must be a non-empty list of rows.")
        table = []
        for index, row in enumerate(rows):
            if not isinstance(row, Sequence) or len(row) != 4:
                raise ValueError(
                    f"{name}: row {index} of {network!r} must be (layer, shape, size, "
                    f"parameters), got {row!r}."
                )
            where = f"row {index} of {network!r}"
            table.append(
                (
                    str(row[0]),
                    _count(row[2], f"the size in {where}", name),
                    _count(row[3], f"the parameters in {where}", name),
                )
            )
        checked[str(network)] = table
    widest = max(len(table) for table in checked.values())
    fig, axes = plt.subplots(
        len(checked),
        2,
        figsize=(max(9.0, 0.5 * widest * 2 + 2), 3.3 * len(checked) + 0.6),
        layout="constrained",
        squeeze=False,
    )
    for (network, table), row_axes in zip(checked.items(), axes, strict=True):
        labels = [layer for layer, _, _ in table]
        x = np.arange(len(table))
        for ax, column, color, what in (
            (row_axes[0], 1, "C0", "activation size"),
            (row_axes[1], 2, "C3", "parameters"),
        ):
            values = np.array([entry[column] for entry in table], dtype=float)
            shown = np.where(values > 0, values, np.nan)
            ax.bar(x, shown, color=color, width=0.7)
            ax.set_yscale("log")
            ax.set_xticks(x, labels, rotation=60, ha="right", fontsize=8)
            ax.set_ylabel(f"{what} (log scale)")
            ax.grid(True, axis="y", alpha=0.3)
            ax.spines[["top", "right"]].set_visible(False)
            for xi, value in zip(x, values, strict=True):
                if value > 0:
                    ax.annotate(
                        _short_number(value), (xi, value), textcoords="offset points",
                        xytext=(0, 2), ha="center", fontsize=7,
                    )  # fmt: skip
            total = f", total {int(values.sum()):,}" if column == 2 else ""
            ax.set_title(f"{network}: {what}{total}", fontsize=10)
    fig.suptitle(
        title or "Activation sizes and parameters, layer by layer", fontsize=12, fontweight="bold"
    )
    return fig


def plot_multiplications(costs, title=None, xlabel="multiplications") -> Figure:
    """Horizontal bars comparing the cost of ways to compute a layer (e.g. a normal
    convolution, a 1 x 1 bottleneck followed by the convolution, a depthwise-separable one).

    Arguments:
        costs: ``{label: count}`` or ``{label: {part: count, ...}}``: a bar per label, made of
            its parts stacked left to right (e.g. ``{"depthwise": 432, "pointwise": 240}``).
            Each bar is annotated with its total, and with the share of the first bar's total.
        title: the figure's title (default "Cost of each way").
        xlabel: what the counts are.

    Returns: the matplotlib ``Figure`` with one ``Axes``; the parts are named in a legend.
    """
    name = "plot_multiplications"
    if not isinstance(costs, Mapping) or len(costs) == 0:
        raise ValueError(f"{name}: costs must be a non-empty dict {{label: count or parts}}.")
    bars = {}
    for label, value in costs.items():
        parts = value if isinstance(value, Mapping) else {str(label): value}
        if not parts:
            raise ValueError(f"{name}: costs[{label!r}] has no parts.")
        bars[str(label)] = {
            str(part): _count(count, f"costs[{label!r}][{part!r}]", name)
            for part, count in parts.items()
        }
    fig, ax = plt.subplots(figsize=(8.0, 0.8 * len(bars) + 1.6), layout="constrained")
    colors: dict[str, str] = {}
    first_total = sum(next(iter(bars.values())).values())
    largest = max(sum(parts.values()) for parts in bars.values())
    for row, parts in enumerate(bars.values()):
        left = 0
        for part, count in parts.items():
            if part not in colors:
                colors[part] = f"C{len(colors) % 10}"
            ax.barh(
                row, count, left=left, color=colors[part], height=0.6,
                label=part if part not in ax.get_legend_handles_labels()[1] else None,
            )  # fmt: skip
            left += count
        share = f"  ({100 * left / first_total:.1f} %)" if row > 0 and first_total > 0 else ""
        ax.text(left + 0.01 * largest, row, f"{left:,}{share}", va="center", fontsize=9)
    ax.set_yticks(range(len(bars)), list(bars))
    ax.invert_yaxis()
    ax.set_xlim(0, 1.35 * max(largest, 1))
    ax.set_xlabel(xlabel)
    ax.grid(True, axis="x", alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    if any(len(parts) > 1 for parts in bars.values()):
        ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.set_title(title or "Cost of each way", fontsize=12, fontweight="bold")
    return fig


def plot_scaling(phis, factors, title=None) -> Figure:
    """How the factors of compound scaling grow with the exponent φ, on a log-2 axis.

    Arguments:
        phis: the exponents φ, e.g. ``[0, 1, ..., 7]``.
        factors: ``{name: values}``, one value per φ (e.g. depth, width, resolution and the
            FLOPs factor).
        title: the figure's title (default "Compound scaling").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per factor, and a legend.
    """
    name = "plot_scaling"
    x = _series(phis, "phis", name)
    if not isinstance(factors, Mapping) or len(factors) == 0:
        raise ValueError(f"{name}: factors must be a non-empty dict {{name: values}}.")
    fig, ax = plt.subplots(figsize=(6.8, 4.2), layout="constrained")
    for index, (label, values) in enumerate(factors.items()):
        y = _series(values, f"factors[{label!r}]", name)
        if y.size != x.size:
            raise ValueError(f"{name}: {y.size} values of {label!r} for {x.size} exponents.")
        if np.any(y <= 0):
            raise ValueError(f"{name}: factors[{label!r}] must be positive (log scale).")
        ax.plot(x, y, marker="o", linewidth=2, color=f"C{index % 10}", label=str(label))
    ax.set_yscale("log", base=2)
    ax.set_xticks(x)
    ax.set_xlabel("φ")
    ax.set_ylabel("factor (log scale)")
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False)
    ax.set_title(title or "Compound scaling", fontsize=12, fontweight="bold")
    return fig


def plot_accuracy_lines(x, accuracies, xlabel, title=None) -> Figure:
    """Test accuracies of several models against one setting (e.g. the number of labelled
    pictures per class), one line per model, each point annotated.

    Arguments:
        x: the settings, e.g. ``[5, 10, 20]``.
        accuracies: ``{model name: accuracies in %}``, one per setting.
        xlabel: what ``x`` is.
        title: the figure's title (default "Test accuracy").

    Returns: the matplotlib ``Figure`` with one ``Axes``: one line per model, and a legend.
    """
    return _accuracy_lines(x, accuracies, xlabel, title or "Test accuracy", "plot_accuracy_lines")


def _accuracy_lines(x, accuracies, xlabel, title, name, unit="settings") -> Figure:
    """The figure of plot_accuracy_lines and plot_shift_accuracies (``name`` and ``unit`` are
    for their error messages)."""
    xs = _series(x, "x", name)
    if not isinstance(accuracies, Mapping) or len(accuracies) == 0:
        raise ValueError(f"{name}: accuracies must be a non-empty dict {{model: accuracies}}.")
    fig, ax = plt.subplots(figsize=(6.4, 4.0), layout="constrained")
    lines = {}
    for model, values in accuracies.items():
        lines[model] = _series(values, f"accuracies[{model!r}]", name)
        if lines[model].size != xs.size:
            raise ValueError(
                f"{name}: {lines[model].size} accuracies of {model!r} for {xs.size} {unit}."
            )
    highest = np.max(np.stack(list(lines.values())), axis=0)
    for index, (model, y) in enumerate(lines.items()):
        ax.plot(xs, y, marker="o", linewidth=2, color=f"C{index % 10}", label=str(model))
        for xi, yi, top in zip(xs, y, highest, strict=True):
            above = yi >= top  # the highest value at this x above its point, the others below
            ax.annotate(
                f"{yi:.1f}", (xi, yi), textcoords="offset points", xytext=(0, 7 if above else -13),
                ha="center", fontsize=8, color=f"C{index % 10}",
            )  # fmt: skip
    ax.set_xticks(xs)
    ax.set_xlabel(str(xlabel))
    ax.set_ylabel("test accuracy (%)")
    lowest = float(np.min(np.stack(list(lines.values()))))
    ax.set_ylim(max(0.0, 10 * np.floor((lowest - 5) / 10)), 102)
    ax.grid(True, alpha=0.3)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="best")
    ax.set_title(title, fontsize=12, fontweight="bold")
    return fig
