"""The data augmentation explorer of week c4w2: mirror a colour photograph, crop a random part of
it and shift its colours with the learner's ``horizontal_flip``, ``random_crop`` and
``color_shift``; the widget shows the original and the augmented picture side by side.

The learner's functions have the week's signatures, on batches of pictures ``(m, n_H, n_W,
n_C)`` with values in [0, 1]: the photograph goes in as a batch of one, ``(1, n_H, n_W, 3)``.
The steps run in the order flip, crop, colour shift; the crop is always made (at "100 %" it is
the whole picture), and so is the colour shift (with shifts of 0 it changes nothing).
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
    slider_values,
    start_value,
)

DEFAULT_CROPS = (100, 90, 75, 60)  # the side of the crop, in % of the photograph's side
DEFAULT_CROP_SEEDS = tuple(range(10))
DEFAULT_SHIFTS = (-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3)
MAX_RUNS = 64  # the augmented pictures kept (there are thousands of settings)
CHANNELS = ("red", "green", "blue")


@dataclass(frozen=True)
class AugmentationRun:
    """The augmented photograph for one setting of the controls."""

    flip: bool
    crop: int  # % of the side
    seed: int
    shifts: tuple  # (red, green, blue)
    crop_size: tuple  # (h, w)
    picture: np.ndarray  # (h, w, 3), in [0, 1]


def crop_size(shape: tuple, percent: int) -> tuple[int, int]:
    """(h, w): ``percent`` % of each side of a picture of ``shape`` (n_H, n_W, ...), at least 1."""
    return tuple(max(1, int(round(n * percent / 100))) for n in shape[:2])


def _colour_picture(photo, name: str) -> np.ndarray:
    """The photograph as floats (n_H, n_W, 3) in [0, 1], or a ValueError that says what is wrong."""
    array = np.asarray(photo)
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3 or array.shape[-1] != 3 or min(array.shape[:2]) < 8:
        raise ValueError(
            f"{name}: photo must be one colour picture (n_H, n_W, 3) of at least 8 x 8 pixels, "
            "e.g. datasets.load_photograph(grayscale=False, downscale=4), got shape "
            f"{array.shape}."
        )
    if array.dtype == object or not np.issubdtype(array.dtype, np.number):
        raise ValueError(f"{name}: photo must be an array of numbers, got {array.dtype}.")
    array = array.astype(np.float64)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: photo contains NaN or infinite values.")
    if array.min() < 0 or array.max() > 1:
        raise ValueError(
            f"{name}: photo must hold values in [0, 1], got {array.min():g} .. {array.max():g} "
            "(divide a uint8 picture by 255)."
        )
    return array


def _checked_pictures(result, name: str, expected: tuple, what: str) -> np.ndarray:
    """The learner's result as floats of shape ``expected`` with values in [0, 1], or a
    :class:`LearnerProblem`; ``what`` describes the call ("for a batch (1, 106, 160, 3)")."""
    try:
        X = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        raise LearnerProblem(
            f"Your `{name}` returned {type(result).__name__}, not an array of numbers."
        ) from None
    if X.shape != expected:
        raise LearnerProblem(f"Your `{name}` returned shape {X.shape} {what}; expected {expected}.")
    if not np.all(np.isfinite(X)):
        raise LearnerProblem(f"Your `{name}` returned NaN or infinite values.")
    low, high = float(X.min()), float(X.max())
    if low < 0 or high > 1:
        hint = " (clip with np.clip)" if name == "color_shift" else ""
        raise LearnerProblem(
            f"Your `{name}` returned values from {low:.3g} to {high:.3g} {what}; a picture's "
            f"values must stay in [0, 1]{hint}."
        )
    return X


def _seeds(values, name: str) -> tuple[int, ...]:
    """The seed slider's values: distinct whole numbers >= 0."""
    try:
        seeds = tuple(values)
    except TypeError:
        raise ValueError(f"{name} must be a list of whole numbers, got {values!r}.") from None
    ok = all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s >= 0 for s in seeds)
    if not seeds or not ok or len(set(seeds)) != len(seeds):
        raise ValueError(f"{name} must hold distinct whole numbers >= 0, got {values!r}.")
    return tuple(int(s) for s in seeds)


class AugmentationExplorer(Explorer):
    """A mirror checkbox and sliders for the crop size, the crop's seed and the red, green and
    blue shifts; the photograph and the picture the learner's functions make from it.

    Attributes: ``flip_checkbox`` (``Checkbox``), ``crop_slider``, ``seed_slider``,
    ``red_slider``, ``green_slider``, ``blue_slider`` (``SelectionSlider``, readouts ``75 %``,
    ``3``, ``+0.1``), ``status`` (``HTML``: the settings and the crop's size, or a message),
    ``plot`` (``Output``), ``runs`` (``{(flip, crop, seed, red, green, blue):
    AugmentationRun}``, the last ``MAX_RUNS``). Changing a control calls :meth:`update`.
    """

    def __init__(
        self,
        horizontal_flip,
        random_crop,
        color_shift,
        photo,
        crops=DEFAULT_CROPS,
        seeds=DEFAULT_CROP_SEEDS,
        shifts=DEFAULT_SHIFTS,
        *,
        flip=False,
        crop=75,
        seed=0,
        red=0.0,
        green=0.0,
        blue=0.0,
    ) -> None:
        function = "augmentation_explorer"
        self._functions = {
            "horizontal_flip": horizontal_flip,
            "random_crop": random_crop,
            "color_shift": color_shift,
        }
        for name, learner in self._functions.items():
            if not callable(learner):
                raise ValueError(
                    f"{function}: expected your function {name}, got {type(learner).__name__}."
                )
        self._photo = _colour_picture(photo, function)
        crop_options = slider_values(crops, "crops", integer=True)
        if any(c > 100 for c in crop_options):
            raise ValueError(f"crops must hold percentages 1 .. 100, got {crops!r}.")
        seed_options = _seeds(seeds, "seeds")
        shift_options = slider_values(shifts, "shifts", -1.0, 1.0, low_ok=True)
        style = {"description_width": "90px"}
        self.flip_checkbox = widgets.Checkbox(value=bool(flip), description="mirror", style=style)
        self.crop_slider = choice_slider(
            crop_options, start_value(crop, crop_options, "crop"), "crop size", style, "{} %"
        )
        self.seed_slider = choice_slider(
            seed_options, start_value(seed, seed_options, "seed"), "crop seed", style
        )
        self.red_slider, self.green_slider, self.blue_slider = (
            choice_slider(
                shift_options,
                start_value(float(value), shift_options, channel),
                f"{channel} shift",
                style,
                "{:+.2f}",
            )
            for channel, value in zip(CHANNELS, (red, green, blue), strict=True)
        )
        controls = (
            self.flip_checkbox,
            self.crop_slider,
            self.seed_slider,
            self.red_slider,
            self.green_slider,
            self.blue_slider,
        )
        n_H, n_W, _ = self._photo.shape
        super().__init__(
            f"<b>Data augmentation explorer</b>: your <code>horizontal_flip</code>, "
            f"<code>random_crop</code> and <code>color_shift</code> make a new training picture "
            f"from the {n_H} &times; {n_W} photograph, in that order: mirror it (or not), cut "
            "out a random window of the chosen size (the seed picks its corner), then add a "
            "number to each colour channel. Both pictures are drawn with the same size of "
            "pixel, so a crop looks smaller.",
            controls=widgets.VBox(list(controls)),
            busy_controls=controls,
        )
        self.start(controls)

    def _key(self) -> tuple:
        return (
            bool(self.flip_checkbox.value),
            self.crop_slider.value,
            self.seed_slider.value,
            self.red_slider.value,
            self.green_slider.value,
            self.blue_slider.value,
        )

    def update(self, change=None) -> AugmentationRun | None:
        """Augment (or reuse) for the controls and draw both pictures; ``None`` on a problem."""
        key = self._key()
        if key not in self.runs and len(self.runs) >= MAX_RUNS:
            del self.runs[next(iter(self.runs))]  # the oldest
        run = self._run(key, "<i>augmenting the photograph with your functions...</i>")
        if run is None:
            return None
        n_H, n_W, _ = self._photo.shape
        h, w = run.crop_size
        labels = [s.label for s in (self.red_slider, self.green_slider, self.blue_slider)]
        shifts = ", ".join(f"{c} {label}" for c, label in zip(CHANNELS, labels, strict=True))
        steps = ["mirrored" if run.flip else "not mirrored"]
        if (h, w) == (n_H, n_W):
            steps.append("not cropped (100 %)")
        else:
            steps.append(f"cropped to {run.crop} % ({h} × {w}, seed {run.seed})")
        steps.append("colours unchanged" if not any(run.shifts) else "colours shifted")
        before = self._photo.reshape(-1, 3).mean(axis=0)
        after = run.picture.reshape(-1, 3).mean(axis=0)
        means = ", ".join(
            f"{c} {b:.2f} → {a:.2f}" for c, b, a in zip(CHANNELS, before, after, strict=True)
        )
        fig = plotting.show_image_row(
            [self._photo, run.picture],
            titles=["original", "augmented"],
            title=", ".join(steps),
            same_scale=True,
        )
        status = (
            f"mirror <b>{'on' if run.flip else 'off'}</b>, crop <b>{self.crop_slider.label}</b> "
            f"({h} × {w} of {n_H} × {n_W}, seed {run.seed}), shifts <b>{shifts}</b>: mean "
            f"colour {means}."
        )
        self._show_result(status, fig)
        return run

    def _train(self, flip, crop, seed, red, green, blue) -> AugmentationRun:
        n_H, n_W, n_C = self._photo.shape
        X = self._photo[np.newaxis].copy()
        if flip:
            name = "horizontal_flip"
            result = call_named(self, name, self._functions[name], X)
            X = _checked_pictures(result, name, X.shape, f"for a batch {X.shape}")
        h, w = crop_size(self._photo.shape, crop)
        name = "random_crop"
        # seeded twice: random_crop(X, crop_size, seed) seeds np.random itself, and the
        # learner's own random state is put back afterwards
        result = call_named(self, name, self._functions[name], X, (h, w), seed, seed=seed)
        X = _checked_pictures(
            result, name, (1, h, w, n_C), f"for a batch {X.shape} and crop_size {(h, w)}"
        )
        name = "color_shift"
        shifts = (red, green, blue)
        result = call_named(self, name, self._functions[name], X.copy(), shifts)
        X = _checked_pictures(result, name, X.shape, f"for a batch {X.shape} and shifts {shifts}")
        return AugmentationRun(bool(flip), crop, seed, shifts, (h, w), X[0])


def augmentation_explorer(
    horizontal_flip,
    random_crop,
    color_shift,
    photo,
    crops=DEFAULT_CROPS,
    seeds=DEFAULT_CROP_SEEDS,
    shifts=DEFAULT_SHIFTS,
    *,
    flip=False,
    crop=75,
    seed=0,
    red=0.0,
    green=0.0,
    blue=0.0,
) -> AugmentationExplorer:
    """A widget that augments a colour photograph with your functions: mirror it, crop a random
    window, shift its colours, and see the result beside the original.

    Arguments:
        horizontal_flip: your ``horizontal_flip(X)``, ``X`` of shape ``(m, n_H, n_W, n_C)``.
        random_crop: your ``random_crop(X, crop_size, seed=0)``.
        color_shift: your ``color_shift(X, shifts)``, the result clipped to [0, 1].
        photo: a colour picture ``(n_H, n_W, 3)`` with values in [0, 1], e.g.
            ``datasets.load_photograph(grayscale=False, downscale=4)``.
        crops: the crop slider's values, the side of the crop in % of the photograph's side
            (whole numbers 1 .. 100; 100 keeps the whole picture).
        seeds: the seed slider's values (whole numbers >= 0), the seed of the random corner.
        shifts: the values of the red, green and blue sliders (numbers in [-1, 1]).
        flip, crop, seed, red, green, blue: where the controls start.

    The photograph is passed as a batch of one, ``(1, n_H, n_W, 3)``: mirrored if the box is
    ticked, then cropped, then colour-shifted. When your function raises
    (``NotImplementedError`` if it is not written yet), returns a wrong shape or values outside
    [0, 1], a short message says so instead of a traceback.

    Returns: the widget, a ``VBox`` (:class:`AugmentationExplorer`).
    """
    return AugmentationExplorer(
        horizontal_flip,
        random_crop,
        color_shift,
        photo,
        crops,
        seeds,
        shifts,
        flip=flip,
        crop=crop,
        seed=seed,
        red=red,
        green=green,
        blue=blue,
    )
