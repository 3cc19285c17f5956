"""Tests of the 2-D point sets of helpers.datasets: the "flower" and the four extra sets."""

from __future__ import annotations

import hashlib
import math
import warnings

import numpy as np
import pytest

from helpers import datasets

# SHA-256 of X (little-endian float64) followed by Y (little-endian int64), computed with
# load_planar_dataset() when the generator was written. It must not change: the notebook's
# stated results depend on these exact points. If you change the generator on purpose,
# update this hash and re-measure the c1w3 notebook.
FLOWER_SHA256 = "eb2f352f39674952b72192ce8e30af6255587068f9cbb329684c24986f59f2f4"
EXTRA_NAMES = ["noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"]


def _digest(X: np.ndarray, Y: np.ndarray) -> str:
    data = np.ascontiguousarray(X, dtype="<f8").tobytes()
    data += np.ascontiguousarray(Y, dtype="<i8").tobytes()
    return hashlib.sha256(data).hexdigest()


# ================================================================================== flower
def test_flower_shapes_types_and_labels():
    X, Y = datasets.load_planar_dataset()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1}
    assert int(np.sum(Y)) == 200
    assert np.all(np.isfinite(X))
    assert 3.5 < np.max(np.hypot(X[0], X[1])) < 5.5  # petals about 4 long


def test_flower_is_the_same_on_every_call_and_calls_do_not_share_arrays():
    X1, Y1 = datasets.load_planar_dataset()
    X1[0, 0] = 99.0
    Y1[0, 0] = 7
    X2, Y2 = datasets.load_planar_dataset()
    X3, Y3 = datasets.load_planar_dataset()
    np.testing.assert_array_equal(X2, X3)
    np.testing.assert_array_equal(Y2, Y3)
    assert X2[0, 0] != 99.0 and Y2[0, 0] != 7


def test_flower_bytes_are_pinned():
    X, Y = datasets.load_planar_dataset()
    assert _digest(X, Y) == FLOWER_SHA256, (
        "the flower's points changed: the c1w3 notebook's stated numbers depend on them"
    )


def test_flower_does_not_depend_on_the_global_random_state():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    X1, _ = datasets.load_planar_dataset()
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # left untouched
    np.random.seed(456)
    X2, _ = datasets.load_planar_dataset()
    np.testing.assert_array_equal(X1, X2)


def test_flower_petals_belong_to_the_classes_in_pairs():
    """Away from the centre, each 45-degree sector is (almost) one class, as PLANAR_PETALS says."""
    X, Y = datasets.load_planar_dataset()
    radius = np.hypot(X[0], X[1])
    angle = np.mod(np.arctan2(X[1], X[0]), 2 * math.pi)
    sector = np.floor(angle / (2 * math.pi / 8)).astype(int)
    far = radius > 2.5
    assert datasets.PLANAR_PETALS == "00110011"
    for k, owner in enumerate(datasets.PLANAR_PETALS):
        labels = Y[0, far & (sector == k)]
        assert labels.size >= 20, f"petal {k} has too few points away from the centre"
        assert np.mean(labels == int(owner)) > 0.9, f"petal {k} is not mostly class {owner}"


def test_flower_is_not_linearly_separable():
    """The notebook's lesson: logistic regression is close to a coin flip on the flower."""
    from sklearn.linear_model import LogisticRegression

    X, Y = datasets.load_planar_dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression().fit(X.T, Y.ravel())
    assert np.mean(model.predict(X.T) == Y.ravel()) < 0.6


# ============================================================================== extra sets
def test_extra_datasets_names_shapes_and_binary_labels():
    sets = datasets.load_extra_datasets()
    assert list(sets) == EXTRA_NAMES
    for name, (X, Y) in sets.items():
        assert X.shape == (2, datasets.EXTRA_SIZE) and X.dtype == np.float64, name
        assert Y.shape == (1, datasets.EXTRA_SIZE) and Y.dtype == np.int64, name
        assert set(np.unique(Y)) == {0, 1}, name
        assert 0.3 < np.mean(Y) < 0.7, name  # both classes well represented
        assert np.all(np.isfinite(X)), name


def test_extra_datasets_are_the_same_on_every_call():
    first = datasets.load_extra_datasets()
    np.random.seed(99)  # the global random state plays no part
    second = datasets.load_extra_datasets()
    for name in EXTRA_NAMES:
        np.testing.assert_array_equal(first[name][0], second[name][0])
        np.testing.assert_array_equal(first[name][1], second[name][1])
    first["blobs"][0][0, 0] = 1e6
    assert datasets.load_extra_datasets()["blobs"][0][0, 0] != 1e6


@pytest.mark.parametrize("name", ["noisy_circles", "gaussian_quantiles"])
def test_extra_datasets_with_one_class_around_the_other(name):
    """Circles: class 1 is the inner disc; quantiles: class 0 is the inner part."""
    X, Y = datasets.load_extra_datasets()[name]
    radius = np.hypot(X[0] - X[0].mean(), X[1] - X[1].mean())
    inner = 1 if name == "noisy_circles" else 0
    assert np.mean(radius[Y[0] == inner]) < 0.75 * np.mean(radius[Y[0] != inner])


def test_blobs_are_three_clusters_per_class():
    from sklearn import datasets as generators

    X, Y = datasets.load_extra_datasets()["blobs"]
    _, clusters = generators.make_blobs(
        n_samples=datasets.EXTRA_SIZE, n_features=2, centers=6, cluster_std=0.9, random_state=7
    )
    np.testing.assert_array_equal(Y[0], clusters % 2)
    assert len(np.unique(clusters[Y[0] == 0])) == 3 and len(np.unique(clusters[Y[0] == 1])) == 3
