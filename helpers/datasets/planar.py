"""Points in the plane (week c1w3): the "flower" and four more 2-D sets with two classes.

``load_planar_dataset()`` returns the "flower" (400 points, two classes, eight petals),
generated here from a fixed seed; ``load_extra_datasets()`` returns four more 2-D sets made by
scikit-learn's generators with fixed seeds (circles, moons, blobs, gaussian quantiles). Points
are columns: ``X`` is ``(2, m)``, ``Y`` is ``(1, m)``.
"""

from __future__ import annotations

import math

import numpy as np

PLANAR_SIZE = 400  # points in the "flower", half of them in each class
PLANAR_PETALS = "00110011"  # the class of each petal, counter-clockwise from the x1 axis
EXTRA_SIZE = 200  # points in each of the extra 2-D sets
_PLANAR_SEED = 1  # the flower's seed: changing it changes every point
_PETAL_LENGTH = 4.0  # distance from the centre to the tip of a petal
_ALONG_NOISE = 0.2  # noise on a point's position along its petal (1 = the whole petal)
_RADIAL_NOISE = 0.2  # noise on a point's distance from the centre
_DECIMALS = 12  # coordinates are rounded, so that every machine gives the same bytes


def load_planar_dataset() -> tuple[np.ndarray, np.ndarray]:
    """The "flower": 400 points in the plane, two classes, eight petals.

    Where the data comes from: it is generated here, from a fixed seed; nothing is downloaded.
    Each petal is one of the eight loops of the rose curve ``r = 4 |sin(4 theta)|``, and its
    points are spread along the loop, with noise on the position along the petal and on the
    distance from the centre. The petals belong to the classes in pairs,
    ``0 0 1 1 0 0 1 1`` counter-clockwise from the ``x1`` axis (:data:`PLANAR_PETALS`), so
    opposite quarters of the plane share a class. No straight line separates the classes,
    and near the centre, where the petals meet, they overlap.

    The same bytes come out on every machine: the random numbers are the legacy
    ``np.random.RandomState`` stream (which NumPy keeps unchanged), the trigonometry is done
    point by point with :mod:`math`, and the coordinates are rounded to 12 decimals.

    Returns:
        X: float64 array of shape ``(2, 400)``, one point ``(x1, x2)`` per column.
        Y: int64 array of shape ``(1, 400)``, the labels 0 or 1 (200 of each; the first 200
            columns are class 0).
    """
    rng = np.random.RandomState(_PLANAR_SEED)
    per_class = PLANAR_SIZE // 2
    petal_angle = 2 * math.pi / len(PLANAR_PETALS)
    X = np.empty((2, PLANAR_SIZE))
    Y = np.empty((1, PLANAR_SIZE), dtype=np.int64)
    for label in (0, 1):
        own = [k for k, owner in enumerate(PLANAR_PETALS) if int(owner) == label]
        along = rng.uniform(0.0, 1.0, per_class) + _ALONG_NOISE * rng.randn(per_class)
        radial = _RADIAL_NOISE * rng.randn(per_class)
        for i in range(per_class):
            column = label * per_class + i
            s = float(along[i])  # 0 and 1: the petal's two ends at the centre; 0.5: its tip
            angle = (own[i % len(own)] + s) * petal_angle
            r = _PETAL_LENGTH * math.sin(math.pi * s) + float(radial[i])
            X[0, column] = r * math.cos(angle)
            X[1, column] = r * math.sin(angle)
            Y[0, column] = label
    return np.round(X, _DECIMALS), Y


def load_extra_datasets() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Four more 2-D sets with two classes, for trying a classifier on other shapes.

    Where the data comes from: scikit-learn's generators (``sklearn.datasets.make_*``) with
    fixed ``random_state``, so every call returns the same points; nothing is downloaded.

    - ``"noisy_circles"``: a ring (class 0) around a disc (class 1) (``make_circles``, factor
      0.5, noise 0.15);
    - ``"noisy_moons"``: two interleaving half circles (``make_moons``, noise 0.2);
    - ``"blobs"``: six round clusters (``make_blobs``); clusters 0, 2, 4 are class 0 and
      clusters 1, 3, 5 class 1, so each class is three separate clusters;
    - ``"gaussian_quantiles"``: one Gaussian cloud, class 1 outside a circle, class 0 inside
      (``make_gaussian_quantiles``).

    Returns:
        a dict ``name -> (X, Y)`` in the order above, where ``X`` is float64 ``(2, 200)``
        (one point per column) and ``Y`` is int64 ``(1, 200)`` with labels 0 and 1.
    """
    from sklearn import datasets as generators  # imported here: only this loader needs it

    m = EXTRA_SIZE
    made = {
        "noisy_circles": generators.make_circles(
            n_samples=m, factor=0.5, noise=0.15, random_state=3
        ),
        "noisy_moons": generators.make_moons(n_samples=m, noise=0.2, random_state=3),
        "blobs": generators.make_blobs(
            n_samples=m, n_features=2, centers=6, cluster_std=0.9, random_state=7
        ),
        "gaussian_quantiles": generators.make_gaussian_quantiles(
            cov=0.5, n_samples=m, n_features=2, n_classes=2, random_state=3
        ),
    }
    sets = {}
    for name, (points, labels) in made.items():
        X = np.round(np.asarray(points, dtype=np.float64).T, _DECIMALS)
        Y = (np.asarray(labels, dtype=np.int64) % 2).reshape(1, m)
        sets[name] = (np.ascontiguousarray(X), Y)
    return sets
