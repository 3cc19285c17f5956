"""Points in the plane for week c2w1 (practical aspects): circles for the initialization
experiments and the goalkeeper's field for regularization.

``load_circles()`` returns two rings (scikit-learn's ``make_circles`` with fixed seeds);
``load_goalkeeper()`` returns the spots of a football field where a goalkeeper's kicks came
down, labelled by the team whose player headed the ball. Both return
``(train_X, train_Y, test_X, test_Y)`` with points as columns: ``X`` is ``(2, m)`` float64,
``Y`` is ``(1, m)`` float64 of 0.0 and 1.0.
"""

from __future__ import annotations

import math

import numpy as np

CIRCLES_TRAIN_SIZE, CIRCLES_TEST_SIZE = 300, 100  # points of the circles, half in each ring
CIRCLES_NOISE = 0.05  # standard deviation of the noise on the rings' points
_CIRCLES_SEEDS = (5, 6)  # random_state of make_circles for the training and the test set

GOALKEEPER_TRAIN_SIZE, GOALKEEPER_TEST_SIZE = 211, 200
GOALKEEPER_BAND = 0.1  # points closer than this to the boundary (vertically) may be mislabelled
GOALKEEPER_FLIP = 0.3  # ... each with this probability: contested balls go either way
GOALKEEPER_STRAYS = 12  # training points placed clearly on the wrong side of the boundary
_GOALKEEPER_SEED = 4  # the training set's seed; the test set uses the next one
_DECIMALS = 12  # coordinates are rounded, so that every machine gives the same bytes

_CACHE: dict[str, tuple[np.ndarray, ...]] = {}  # made once per process, then copied


def load_circles() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two noisy concentric rings: 300 training and 100 test points.

    Where the data comes from: scikit-learn's ``make_circles`` (noise 0.05, the inner ring at
    0.8 of the outer one's radius) with a fixed ``random_state`` for each set, so every call
    returns the same points; nothing is downloaded. Label 0 is the outer ring, 1 the inner
    one, and each set has as many points of each class (150 / 150 and 50 / 50). No straight
    line separates them: a network needs hidden layers, and starting weights that let them
    learn (the initialization experiments of week c2w1).

    Returns:
        train_X: float64 ``(2, 300)``, one point ``(x1, x2)`` per column.
        train_Y: float64 ``(1, 300)``, labels 0.0 or 1.0.
        test_X: float64 ``(2, 100)``.
        test_Y: float64 ``(1, 100)``.
    """
    if "circles" not in _CACHE:
        from sklearn.datasets import make_circles  # imported here: only this loader needs it

        sets = []
        for size, seed in zip((CIRCLES_TRAIN_SIZE, CIRCLES_TEST_SIZE), _CIRCLES_SEEDS, strict=True):
            points, labels = make_circles(n_samples=size, noise=CIRCLES_NOISE, random_state=seed)
            X = np.round(np.asarray(points, dtype=np.float64).T, _DECIMALS)
            Y = np.asarray(labels, dtype=np.float64).reshape(1, size)
            sets += [np.ascontiguousarray(X), Y]
        _CACHE["circles"] = tuple(sets)
    return tuple(array.copy() for array in _CACHE["circles"])


def goalkeeper_boundary(x1):
    """Where the two teams' zones meet: the ``x2`` of the boundary at ``x1`` (a float).

    Above the curve (larger ``x2``) the goalkeeper's own team usually wins the ball.
    """
    return 0.3 * math.sin(2.6 * x1 + 0.5) - 0.1 * x1


def _goalkeeper_set(seed: int, size: int, strays: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    X = rng.uniform(-1.0, 1.0, size=(2, size))
    gap = np.array([X[1, i] - goalkeeper_boundary(float(X[0, i])) for i in range(size)])
    Y = (gap > 0).astype(np.float64)
    contested = (np.abs(gap) < GOALKEEPER_BAND) & (rng.uniform(size=size) < GOALKEEPER_FLIP)
    Y[contested] = 1.0 - Y[contested]
    if strays:
        chosen = rng.choice(size, strays, replace=False)
        across = rng.uniform(-0.9, 0.9, strays)
        side = rng.choice([-1.0, 1.0], strays)
        depth = rng.uniform(0.08, 0.25, strays)
        for k, i in enumerate(chosen):
            X[0, i] = across[k]
            X[1, i] = goalkeeper_boundary(float(across[k])) + side[k] * depth[k]
            Y[i] = 1.0 if side[k] < 0 else 0.0  # on the wrong side of the boundary
    return np.round(X, _DECIMALS), Y.reshape(1, size)


def load_goalkeeper() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The goalkeeper's field: 211 training and 200 test points, two classes.

    The story: a goalkeeper kicks the ball up the field from her goal, and wherever it comes
    down, a player jumps for it. Each point is a spot where one of her kicks came down in
    past games (``x1`` across the field, ``x2`` along it, both scaled to [-1, 1]); the label
    says who headed the ball: 1 a player of her own team, 0 an opponent. A model of the data
    tells her where to aim.

    Where the data comes from: it is generated here, from fixed seeds (the legacy
    ``np.random.RandomState`` stream, which NumPy keeps unchanged; coordinates rounded to 12
    decimals), so every call and every machine gives the same points. The points are uniform
    on the field; the label is 1 above the wavy curve :func:`goalkeeper_boundary` and 0 below
    it. Near the curve the ball is contested: a point closer than 0.1 to it gets the other
    label with probability 0.3, in both sets. The training set also has 12 stray points,
    clearly on the wrong side of the curve (0.08 to 0.25 from it): noise that a network
    without regularization bends its boundary around, and that does not recur in the test
    set.

    Returns:
        train_X: float64 ``(2, 211)``, one point ``(x1, x2)`` per column.
        train_Y: float64 ``(1, 211)``, labels 0.0 or 1.0.
        test_X: float64 ``(2, 200)``.
        test_Y: float64 ``(1, 200)``.
    """
    if "goalkeeper" not in _CACHE:
        train = _goalkeeper_set(_GOALKEEPER_SEED, GOALKEEPER_TRAIN_SIZE, GOALKEEPER_STRAYS)
        test = _goalkeeper_set(_GOALKEEPER_SEED + 1, GOALKEEPER_TEST_SIZE, 0)
        _CACHE["goalkeeper"] = (*train, *test)
    return tuple(array.copy() for array in _CACHE["goalkeeper"])
