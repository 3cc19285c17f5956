"""Data sets of the course: generated cat / non-cat pictures, points in the plane, and pictures
a learner uploads.

The cat pictures
----------------
``load_cat_dataset()`` returns 209 training pictures (72 cats) and 50 test pictures (33 cats)
of 64 x 64 pixels, in the layout of the course's ``train_catvnoncat.h5`` / ``test_catvnoncat.h5``
files. Nothing is downloaded: the pictures are *drawn by the code of this package* from a fixed
seed.

- Cats: faces and sitting cats with pointed ears, eyes with slit pupils, a nose, a mouth and
  whiskers, in many coats (orange, grey, brown or silver tabby, black, white, grey-blue,
  calico, tuxedo, Siamese, tortoiseshell), sizes, positions and slight tilts.
- Non-cats: animal faces that share a cat's round face and eyes (dog, rabbit, mouse, bear,
  owl with ear tufts, jack-o'-lantern with triangle eyes), birds and fish, objects and
  scenes (car, house, cup, ball, tree, flower, mountains under a sun, the sea).
- Backgrounds (plain, gradient, a room's wall and floor, a sofa, grass, sky, water, road),
  uneven lighting, a white-balance shift and mild noise.

As with the course's photographs, logistic regression on the raw pixels learns the training
set almost perfectly but does much worse on the test set, and a network with hidden layers
does better (``tests/test_datasets.py`` checks the first; see ``CONTRASTING_BACKGROUND``).
The same bytes come out on every machine and every supported NumPy (see
:mod:`helpers.datasets.drawing`).

Points in the plane
-------------------
``load_planar_dataset()`` returns the "flower" (400 points, two classes, eight petals), also
generated from a fixed seed; ``load_extra_datasets()`` returns four more 2-D sets made by
scikit-learn's generators with fixed seeds (circles, moons, blobs, gaussian quantiles). Points
are columns: ``X`` is ``(2, m)``, ``Y`` is ``(1, m)``.

Week c2w1 adds two point sets split into training and test sets, each returned as
``(train_X, train_Y, test_X, test_Y)``: ``load_circles()`` (two noisy rings, 300 / 100 points,
from scikit-learn's ``make_circles`` with fixed seeds) and ``load_goalkeeper()`` (where a
goalkeeper's kicks came down and which team headed the ball, 211 / 200 points, generated from
a fixed seed, with a few noisy training points near the boundary).

Week c2w2 adds ``load_temperatures()`` (a year of daily temperatures of a made-up city,
``(days, temperatures)``, two arrays of 365 numbers generated from a fixed seed: a seasonal
curve plus day-to-day weather) and ``load_moons()`` (``(train_X, train_Y)``, 300 points of two
half-moons from scikit-learn's ``make_moons`` with a fixed seed).

Week c2w3 adds ``load_digits_0_to_5()`` (``(train_X, train_Y, test_X, test_Y)``: the 8 x 8
pictures of the handwritten digits 0 to 5 from scikit-learn's ``load_digits``, pixels in
[0, 1], ``X`` ``(64, m)``, integer labels ``Y`` ``(1, m)``, a fixed stratified 80 / 20 split
of 866 / 217 pictures) and ``digit_images(X)``, the pictures ``(m, 8, 8)`` for display.

Week c3 (ML strategy) adds ``load_web_and_phone_digits()`` (``(web_X, web_Y, phone_X,
phone_Y)``: all ten digits of ``load_digits``, 1297 clean "web" pictures and 500 degraded
"phone" pictures, ``X`` ``(64, m)``, ``Y`` ``(1, m)`` digits 0..9), ``degrade_pictures(X,
seed)`` (blur, fade and noise, deterministic: the phone look, and artificial data synthesis)
and ``digit_features(Y)`` (three yes/no labels ``(3, m)``: even, greater than 4, closed loop).

Week c4w1 (convolution) adds ``load_photograph(name="china.jpg", grayscale=True,
downscale=2)`` (one of the two photographs bundled with scikit-learn, ``load_sample_image``,
made smaller by block averaging: ``(213, 320)`` grey floats in [0, 1] by default, or
``(n_H, n_W, 3)`` in colour) and ``load_digit_pictures_0_to_5()`` (the pictures and split of
``load_digits_0_to_5``, channels last for a CNN: ``X`` ``(m, 8, 8, 1)``, ``Y`` ``(1, m)``).

Week c4w2 (case studies) adds ``load_digit_pictures(digits=(6, 7, 8, 9))`` (the pictures of the
chosen digits, channels last, a fixed stratified 80 / 20 split, labels 0, 1, ... in the order of
``digits``: with the default 571 / 143 pictures of 6 to 9, for transfer learning); its colour
photograph is ``load_photograph(grayscale=False)``.

Modules
-------
The loaders of the cat pictures are here; everything they need lives in modules of the
package, and every public name below is importable from ``helpers.datasets`` itself.

- :mod:`~helpers.datasets.drawing`: randomness, colours, :class:`Canvas`, :class:`Sketch`;
- :mod:`~helpers.datasets.backgrounds`, :mod:`~helpers.datasets.cats`,
  :mod:`~helpers.datasets.non_cats`: what the pictures show;
- :mod:`~helpers.datasets.scenes`: one whole picture, :func:`draw_picture`;
- :mod:`~helpers.datasets.uploads`: :func:`read_picture`, :func:`resize_picture`;
- :mod:`~helpers.datasets.planar`: :func:`load_planar_dataset`, :func:`load_extra_datasets`;
- :mod:`~helpers.datasets.practical`: :func:`load_circles`, :func:`load_goalkeeper` (c2w1);
- :mod:`~helpers.datasets.optimization`: :func:`load_temperatures`, :func:`load_moons` (c2w2);
- :mod:`~helpers.datasets.digits`: :func:`load_digits_0_to_5`, :func:`digit_images` (c2w3);
- :mod:`~helpers.datasets.strategy`: :func:`load_web_and_phone_digits`,
  :func:`degrade_pictures`, :func:`digit_features` (c3);
- :mod:`~helpers.datasets.photographs`: :func:`load_photograph` (c4w1), and in
  :mod:`~helpers.datasets.digits` :func:`load_digit_pictures_0_to_5` (c4w1);
  :func:`load_digit_pictures` (c4w2).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .digits import DIGIT_NAMES as DIGIT_NAMES
from .digits import (
    digit_images,
    load_digit_pictures,
    load_digit_pictures_0_to_5,
    load_digits_0_to_5,
)

# ``from .m import X as X`` re-exports a name that is not in __all__ (as before the split):
# the constants of the data sets and the generator's main pieces.
from .drawing import Canvas as Canvas
from .drawing import Random
from .drawing import Sketch as Sketch
from .optimization import load_moons, load_temperatures
from .photographs import PHOTOGRAPHS as PHOTOGRAPHS
from .photographs import load_photograph
from .planar import EXTRA_SIZE as EXTRA_SIZE
from .planar import PLANAR_PETALS as PLANAR_PETALS
from .planar import PLANAR_SIZE as PLANAR_SIZE
from .planar import load_extra_datasets, load_planar_dataset
from .practical import load_circles, load_goalkeeper
from .scenes import CONTRASTING_BACKGROUND as CONTRASTING_BACKGROUND
from .scenes import draw_picture
from .strategy import FEATURE_NAMES as FEATURE_NAMES
from .strategy import degrade_pictures, digit_features, load_web_and_phone_digits
from .uploads import read_picture, resize_picture

__all__ = [
    "load_cat_dataset",
    "load_example_picture",
    "read_picture",
    "resize_picture",
    "load_planar_dataset",
    "load_extra_datasets",
    "load_circles",
    "load_goalkeeper",
    "load_temperatures",
    "load_moons",
    "load_digits_0_to_5",
    "digit_images",
    "load_web_and_phone_digits",
    "degrade_pictures",
    "digit_features",
    "load_photograph",
    "load_digit_pictures_0_to_5",
    "load_digit_pictures",
]

CLASSES = (b"non-cat", b"cat")
NUM_PX = 64
TRAIN_SIZE, TRAIN_CATS = 209, 72
TEST_SIZE, TEST_CATS = 50, 33
EXAMPLE_SIZE = 256

_SEED = 1  # the data set's seed: changing it changes every picture (and the course's numbers)
_TRAIN_STREAM, _TEST_STREAM, _SPLIT_STREAM, _EXAMPLE_STREAM = 1, 2, 3, 4
_EXAMPLE_SEED = 5  # which generated cat is the "bundled example picture"


# ================================================================================ generation
def _generate_split(stream: int, size: int, cats: int) -> tuple[np.ndarray, np.ndarray]:
    """``size`` pictures ``(size, NUM_PX, NUM_PX, 3)`` uint8, ``cats`` of them cats, and their
    labels ``(1, size)``; ``stream`` picks the split (training or test)."""
    labels = Random(_SEED, _SPLIT_STREAM, stream).shuffled([1] * cats + [0] * (size - cats))
    images = np.empty((size, NUM_PX, NUM_PX, 3), dtype=np.uint8)
    for i, label in enumerate(labels):
        images[i] = draw_picture(NUM_PX, Random(_SEED, stream, i), bool(label))
    return images, np.array(labels, dtype=np.int64).reshape(1, size)


_CACHE: dict[str, tuple[np.ndarray, ...]] = {}  # generated once per process, then copied


def _generated_dataset() -> tuple[np.ndarray, ...]:
    """The generated data set (kept in ``_CACHE``: callers must copy it)."""
    if "cats" not in _CACHE:
        train_x, train_y = _generate_split(_TRAIN_STREAM, TRAIN_SIZE, TRAIN_CATS)
        test_x, test_y = _generate_split(_TEST_STREAM, TEST_SIZE, TEST_CATS)
        _CACHE["cats"] = (train_x, train_y, test_x, test_y, np.array(CLASSES))
    return _CACHE["cats"]


# =================================================================================== loaders
def load_cat_dataset(path: str | Path | None = None):
    """The cat / non-cat pictures of weeks c1w2 and c1w4.

    Returns ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``:
    pictures ``(m, 64, 64, 3)`` uint8, labels ``(1, m)`` with 1 = cat and 0 = non-cat, and
    ``classes = np.array([b'non-cat', b'cat'])`` (so ``classes[y]`` names a label).

    Where the data comes from:

    - ``path=None`` (default): pictures *generated by this package*, nothing downloaded.
      They are drawn from a fixed seed, identical on every machine: 209 training pictures
      (72 cats, 137 non-cats) and 50 test pictures (33 cats, 17 non-cats).
    - ``path`` = a folder: the course's own files ``train_catvnoncat.h5`` and
      ``test_catvnoncat.h5`` read from that folder (needs ``h5py``), for instructors who have
      them. The return layout is the same.

    Each call returns fresh copies: changing them does not change the next call's result.
    """
    if path is not None:
        return _read_course_files(Path(path))
    return tuple(array.copy() for array in _generated_dataset())


def _read_course_files(folder: Path):
    try:
        import h5py
    except ImportError as error:
        raise ImportError(
            "Reading the course's .h5 files needs the h5py package. Install it with "
            "`python -m pip install h5py` (or install this project with its [h5] extra), "
            "or call load_cat_dataset() without a path to use the generated pictures."
        ) from error
    if not folder.is_dir():
        raise FileNotFoundError(f"load_cat_dataset: the folder {folder} does not exist.")
    files = {name: folder / f"{name}_catvnoncat.h5" for name in ("train", "test")}
    for file in files.values():
        if not file.is_file():
            raise FileNotFoundError(
                f"load_cat_dataset: expected the course's file {file.name} in {folder}, "
                f"but {file} does not exist. Put train_catvnoncat.h5 and test_catvnoncat.h5 "
                "there, or call load_cat_dataset() without a path to use the generated pictures."
            )
    arrays = {}
    classes = None
    for name, file in files.items():
        with h5py.File(file, "r") as data:
            for key in (f"{name}_set_x", f"{name}_set_y"):
                if key not in data:
                    raise ValueError(
                        f"load_cat_dataset: {file} has no data set {key!r} (it has "
                        f"{sorted(data.keys())}); is it the course's {file.name}?"
                    )
                arrays[key] = np.array(data[key][:])
            if "list_classes" in data and (classes is None or name == "test"):
                classes = np.array(data["list_classes"][:])
    if classes is None:
        raise ValueError(f"load_cat_dataset: neither file in {folder} has 'list_classes'.")
    train_y = arrays["train_set_y"].reshape((1, -1))
    test_y = arrays["test_set_y"].reshape((1, -1))
    return arrays["train_set_x"], train_y, arrays["test_set_x"], test_y, classes


def load_example_picture() -> np.ndarray:
    """A bundled example picture of a cat, ``(256, 256, 3)`` uint8.

    It is *generated by this package* (the same drawing code as the data set, at a larger
    size, from a fixed seed) and stands in for "your own picture" when nothing is uploaded.
    """
    if "example" not in _CACHE:
        rng = Random(_SEED, _EXAMPLE_STREAM, _EXAMPLE_SEED)
        _CACHE["example"] = (draw_picture(EXAMPLE_SIZE, rng, is_cat=True),)
    return _CACHE["example"][0].copy()
