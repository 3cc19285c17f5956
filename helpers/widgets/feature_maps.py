"""The feature-map viewer of week c4w1 (convolution): pick a test picture and a layer of the
trained CNN, see the picture's feature maps and the class the network predicts.

The notebook passes ``feature_maps_fn(X) -> (maps, probabilities)``: for one picture ``X`` of
shape ``(1, n_H, n_W, n_C)`` (channels last), ``maps`` is a dict ``{layer name: activations}``
in the order of the layers, each ``(1, n_H, n_W, n_C)`` of that layer, and ``probabilities``
holds the network's ``C`` class probabilities. The function runs the trained network, which
calls the learner's convolution.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from helpers import plotting

from .base import Explorer, LearnerProblem, call_named

ALL_LAYERS = "all layers"


@dataclass(frozen=True)
class FeatureMapRun:
    """The feature maps and probabilities of one picture."""

    index: int
    maps: dict  # {layer name: (n_H, n_W, n_C)}
    probabilities: np.ndarray  # (C,)

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.probabilities))


def _labels(labels, m: int, name: str) -> np.ndarray:
    array = np.asarray(labels)
    if array.shape not in ((1, m), (m,)):
        raise ValueError(f"{name}: labels must have shape (1, {m}) or ({m},), got {array.shape}.")
    return array.reshape(m).astype(np.int64)


class FeatureMapExplorer(Explorer):
    """A layer menu and a slider over the test pictures; the picture's feature maps and the
    network's class probabilities.

    Attributes: ``layer_buttons`` (``ToggleButtons``: "all layers" and each layer's name),
    ``picture_slider`` (``IntSlider``: the index of the test picture), ``status`` (``HTML``: the
    prediction, or a message), ``plot`` (``Output``), ``runs`` (``{index: FeatureMapRun}``).
    Changing a control calls :meth:`update`.
    """

    def __init__(
        self,
        feature_maps_fn,
        pictures,
        labels,
        classes=None,
        *,
        index=0,
        layer=ALL_LAYERS,
        name="feature_maps_fn",
    ) -> None:
        function = "feature_map_explorer"
        if not callable(feature_maps_fn):
            raise ValueError(
                f"{function}: expected the function `feature_maps_fn`, got "
                f"{type(feature_maps_fn).__name__}."
            )
        array = np.asarray(pictures, dtype=np.float64)
        if array.ndim != 4 or array.shape[0] == 0:
            raise ValueError(
                f"{function}: pictures must have shape (m, n_H, n_W, n_C), channels last, got "
                f"{array.shape}."
            )
        m = array.shape[0]
        self._pictures, self._labels = array, _labels(labels, m, function)
        self.class_names = (
            [str(c) for c in range(int(self._labels.max()) + 1)]
            if classes is None
            else [str(c) for c in classes]
        )
        if (
            isinstance(index, bool)
            or not isinstance(index, (int, np.integer))
            or not (0 <= index < m)
        ):
            raise ValueError(f"{function}: index must be a whole number 0..{m - 1}, got {index!r}.")
        self._fn, self._name = feature_maps_fn, str(name)
        try:  # the layers' names come from the first picture's maps
            first = self._train(int(index))
        except LearnerProblem:
            first = None  # update() below shows the problem
        layer_names = [ALL_LAYERS] + (list(first.maps) if first is not None else [])
        if layer not in layer_names:
            layer = ALL_LAYERS
        self.layer_buttons = widgets.ToggleButtons(
            options=layer_names,
            value=layer,
            description="layer",
            style={"description_width": "90px", "button_width": "auto"},
        )
        self.picture_slider = widgets.IntSlider(
            value=int(index),
            min=0,
            max=m - 1,
            description="test picture",
            continuous_update=False,
            style={"description_width": "90px"},
            layout=widgets.Layout(width="460px"),
        )
        controls = (self.layer_buttons, self.picture_slider)
        super().__init__(
            "<b>Feature-map viewer</b>: pick a test picture and a layer. The trained CNN "
            "(with your convolution) turns the picture into the feature maps below, one small "
            "picture per channel (white = a large value), and ends with a probability for each "
            "class.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        if first is not None:
            self.runs[(first.index,)] = first
        self.start(controls)

    def update(self, change=None) -> FeatureMapRun | None:
        """Compute (or reuse) the maps of the chosen picture and draw them; ``None`` on a
        problem."""
        index = int(self.picture_slider.value)
        run = self._run((index,), "<i>computing the feature maps...</i>")
        if run is None:
            return None
        layer = self.layer_buttons.value
        maps = run.maps if layer == ALL_LAYERS else _input_and(run.maps, layer)
        true = int(self._labels[index])
        names = self.class_names
        fig = plotting.show_feature_maps(
            maps, run.probabilities, names, label=true, title=f"Test picture #{index}"
        )
        verdict = "right" if run.prediction == true else "wrong"
        status = (
            f"<b>test picture #{index}</b> (true class {names[true]}): the CNN predicts "
            f"<b>{names[run.prediction]}</b> ({verdict}, probability "
            f"{100 * run.probabilities[run.prediction]:.1f} %). Showing: {layer}."
        )
        self._show_result(status, fig)
        return run

    def _train(self, index: int) -> FeatureMapRun:
        X = self._pictures[index : index + 1]
        result = call_named(self, self._name, self._fn, X)
        if not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[0], dict):
            raise LearnerProblem(
                f"`{self._name}` returned {type(result).__name__}; expected the pair (maps, "
                "probabilities), maps a dict {layer name: activations}."
            )
        maps_in, probabilities = result
        if not maps_in:
            raise LearnerProblem(f"`{self._name}` returned no feature maps.")
        maps = {}
        for layer, values in maps_in.items():
            try:
                array = np.asarray(values, dtype=np.float64)
            except (TypeError, ValueError):
                array = None
            if array is None or array.ndim != 4 or array.shape[0] != 1:
                shape = None if array is None else array.shape
                raise LearnerProblem(
                    f"The maps of layer {layer!r} have shape {shape}; expected (1, n_H, n_W, "
                    "n_C) for one picture."
                )
            if not np.all(np.isfinite(array)):
                raise LearnerProblem(f"The maps of layer {layer!r} contain NaN or inf values.")
            maps[str(layer)] = array[0]
        try:
            probs = np.asarray(probabilities, dtype=np.float64).reshape(-1)
        except (TypeError, ValueError):
            probs = np.array([])
        if probs.size != len(self.class_names) or not np.all(np.isfinite(probs)):
            raise LearnerProblem(
                f"`{self._name}` returned {probs.size} probabilities; expected "
                f"{len(self.class_names)}, one per class."
            )
        return FeatureMapRun(index, maps, probs)


def _input_and(maps: dict, layer: str) -> dict:
    """The first map (the input) and ``layer``'s."""
    first = next(iter(maps))
    return {first: maps[first], layer: maps[layer]}


def feature_map_explorer(
    feature_maps_fn,
    pictures,
    labels,
    classes=None,
    *,
    index=0,
    layer=ALL_LAYERS,
    name="feature_maps_fn",
) -> FeatureMapExplorer:
    """A widget that shows the feature maps of a trained CNN for the test picture you pick.

    Arguments:
        feature_maps_fn: the notebook's ``feature_maps_fn(X) -> (maps, probabilities)`` for one
            picture ``X`` ``(1, n_H, n_W, n_C)``: ``maps`` a dict ``{layer name: (1, n_H,
            n_W, n_C)}`` in the order of the layers (the first is drawn as the input),
            ``probabilities`` the ``C`` class probabilities.
        pictures: the test pictures ``(m, n_H, n_W, n_C)``, channels last.
        labels: their classes, ``(1, m)`` or ``(m,)``.
        classes: the name of each class (default 0, 1, ...).
        index, layer: where the controls start ("all layers" or a layer's name).
        name: the function's name in the messages.

    When the learner's code inside ``feature_maps_fn`` raises, a short message names the
    function that raised instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`FeatureMapExplorer`).
    """
    return FeatureMapExplorer(
        feature_maps_fn, pictures, labels, classes, index=index, layer=layer, name=name
    )
