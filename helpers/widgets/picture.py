"""The picture classifier of week c1w2: upload a picture, see what the learner's ``predict`` says.

Shapes: a picture is ``(height, width, 3)`` uint8; the model gets it resized to
``(num_px, num_px, 3)`` and unrolled into one column ``(num_px * num_px * 3, 1)`` in 0..1.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from helpers import datasets, plotting

from .base import Explorer, LearnerProblem


def _shorten(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 3] + "..."


class PictureClassifier(Explorer):
    """An upload button, the picture, and what your ``predict`` says about it.

    Attributes: ``upload`` (``FileUpload``), ``plot`` (``Output``: the picture as uploaded and
    as the model sees it), ``verdict`` (``HTML``; the same widget as ``status``),
    ``prediction`` (the last label, or ``None`` when the last picture could not be
    classified). :meth:`classify_bytes` does what an upload does.
    """

    def __init__(self, predict, w, b, num_px, classes) -> None:
        if not callable(predict):
            raise ValueError(
                "picture_classifier: the first argument must be your function `predict`, "
                f"got {type(predict).__name__}."
            )
        if isinstance(num_px, bool) or not isinstance(num_px, (int, np.integer)) or num_px < 1:
            raise ValueError(
                f"picture_classifier: num_px must be a positive integer (64), got {num_px!r}."
            )
        self.class_names = plotting._class_names(classes, "picture_classifier")
        self.num_px = int(num_px)
        self.prediction: int | None = None
        self._predict, self._w, self._b = predict, w, b
        self.upload = widgets.FileUpload(
            accept="image/*",
            multiple=False,
            description="Upload a picture",
            layout=widgets.Layout(width="auto"),  # the whole label, not "Upload a pictu..."
        )
        super().__init__(
            "<b>Try your own picture</b>: upload a PNG or JPEG file. It is shrunk to "
            f"{self.num_px} &times; {self.num_px} pixels, scaled to 0..1 like the training "
            "data, and given to your <code>predict</code>. Until you upload one, an example "
            "picture is shown.",
            controls=self.upload,
        )
        self.verdict = self.status
        self.upload.observe(self._on_upload, names="value")
        self.classify_picture(datasets.load_example_picture(), name="the example picture")

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        file = files[0]
        self.classify_bytes(bytes(file["content"]), name=file.get("name") or "your picture")
        self.upload.value = ()  # so that uploading the same file again works too

    def classify_bytes(self, data: bytes, name: str = "your picture") -> int | None:
        """Decode a PNG/JPEG file's bytes and classify the picture (as an upload does)."""
        try:
            picture = datasets.read_picture(data)
        except Exception as error:  # anything Pillow or the reader says: tell, don't crash
            detail = str(error).strip() or type(error).__name__
            return self._fail(f"Could not read {name} as a picture: {detail}", None, name)
        return self.classify_picture(picture, name=name)

    def classify_picture(self, picture, name: str = "your picture") -> int | None:
        """Classify a picture ``(height, width, 3)`` uint8; show it and the verdict."""
        try:
            small = datasets.resize_picture(picture, self.num_px)
        except Exception as error:
            return self._fail(f"Could not use {name}: {error}", None, name)
        X = small.reshape((self.num_px * self.num_px * 3, 1)) / 255.0
        try:
            result = self._call_learner(
                "predict", self._predict, self._w, self._b, X, silence_warnings=False
            )
        except LearnerProblem as problem:
            return self._fail(str(problem), (picture, small), name)
        label = self._label(result)
        if label is None:
            message = (
                f"Your `predict` returned {np.asarray(result)!r} for one picture; expected an "
                f"array of shape (1, 1) holding a label 0..{len(self.class_names) - 1}."
            )
            return self._fail(message, (picture, small), name)
        self.prediction = label
        verdict = (
            f'<span style="font-size: 1.2em;">y = {label} &mdash; your model says this is a '
            f"'<b>{html.escape(self.class_names[label])}</b>' picture.</span>"
        )
        self._show_result(verdict, self._figure(picture, small, name))
        return label

    def _label(self, result) -> int | None:
        try:
            value = np.asarray(result, dtype=np.float64)
        except (TypeError, ValueError):
            return None
        if value.size != 1 or not np.isfinite(value).all():
            return None
        label = float(value.reshape(()))
        if label != round(label) or not 0 <= label < len(self.class_names):
            return None
        return int(label)

    def _fail(self, message: str, pictures, name: str) -> None:
        """Show ``message``, and the ``(picture, small)`` pair if there is one."""
        self.prediction = None
        self._show_problem(message, None if pictures is None else self._figure(*pictures, name))
        return None

    def _figure(self, picture, small, name: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.4), layout="constrained")
        left.imshow(picture)
        left.set_title(_shorten(name), fontsize=10)
        right.imshow(small, interpolation="nearest")
        right.set_title(f"what the model sees ({self.num_px} × {self.num_px})", fontsize=10)
        for ax in (left, right):
            ax.set_xticks([])
            ax.set_yticks([])
        return fig


def picture_classifier(predict, w, b, num_px, classes) -> PictureClassifier:
    """A widget that classifies a picture you upload with your ``predict``.

    Arguments:
        predict: your function ``predict(w, b, X) -> (1, m)`` array of 0/1.
        w, b: trained parameters, e.g. ``d["w"]`` (``(num_px * num_px * 3, 1)``) and ``d["b"]``.
        num_px: the pictures' size the model was trained on (64).
        classes: names of the labels, e.g. ``[b'non-cat', b'cat']``.

    The picture is resized to ``(num_px, num_px, 3)``, reshaped to ``(num_px * num_px * 3, 1)``
    and divided by 255, exactly like the training data. Until you upload a picture the widget
    classifies an example picture (:func:`helpers.datasets.load_example_picture`). A file that
    is not a picture, or a ``predict`` that raises, gives a short message in the widget.

    Returns: the widget, a ``VBox`` (:class:`PictureClassifier`).
    """
    return PictureClassifier(predict, w, b, num_px, classes)
