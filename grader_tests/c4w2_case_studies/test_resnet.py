"""Hidden checks of the two ResNet blocks on random sizes (an even f, strides 1 to 3 that do
not always divide the picture evenly) against the reference, and the property that makes
residual networks easy to train: with W3 = 0 and b3 = 0 an identity block returns its
(non-negative) input unchanged."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.checks import failure

from .common import block_parameters, call_student, check


@pytest.mark.grades("test_identity_block")
@pytest.mark.parametrize("f", [1, 3, 5])
def test_identity_block(identity_block, rng, f):
    m, n_H, n_W, n_C = 2, int(rng.integers(3, 7)), int(rng.integers(3, 7)), int(rng.integers(2, 5))
    X = np.abs(rng.normal(0, 1, (m, n_H, n_W, n_C)))
    parameters = block_parameters(rng, n_C, 3, 2, n_C, f, shortcut=False)
    what = f"identity_block(X, parameters) for X of shape {X.shape}, f = {f}"
    check(identity_block, "identity_block", what, X, parameters)


@pytest.mark.grades("test_identity_block")
def test_identity_block_with_zero_last_weights_is_the_identity(identity_block, rng):
    X = np.abs(rng.normal(0, 1, (2, 5, 4, 3)))
    parameters = block_parameters(rng, 3, 4, 2, 3, 3, shortcut=False)
    parameters["W3"], parameters["b3"] = np.zeros((1, 1, 2, 3)), np.zeros((1, 1, 1, 3))
    what = "identity_block(X, parameters) with W3 = 0 and b3 = 0, X >= 0"
    got, _ = call_student(identity_block, "identity_block", what, X, parameters)
    if not (isinstance(got, np.ndarray) and got.shape == X.shape and np.allclose(got, X)):
        raise failure(
            f"{what} should return X unchanged: the main path adds 0, and relu(0 + X) = X.",
            got=f"shape {np.shape(got)}",
        )


@pytest.mark.grades("test_convolutional_block")
@pytest.mark.parametrize("s", [1, 2, 3])
def test_convolutional_block(convolutional_block, rng, s):
    m, n_H, n_W, n_C = 2, int(rng.integers(4, 9)), int(rng.integers(4, 9)), int(rng.integers(2, 5))
    X = np.abs(rng.normal(0, 1, (m, n_H, n_W, n_C)))
    f = int(rng.choice([3, 5]))
    parameters = block_parameters(rng, n_C, 2, 3, int(rng.integers(3, 7)), f, shortcut=True)
    what = f"convolutional_block(X, parameters, s={s}) for X of shape {X.shape}, f = {f}"
    check(convolutional_block, "convolutional_block", what, X, parameters, s=s)
