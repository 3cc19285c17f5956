"""Hidden checks of batch normalization on random layers (1 to 6 units, 3 to 12 examples):
the forward pass, the running averages and test mode against the reference; the backward pass
against numerical gradients of F = sum(dZ_tilde * Z_tilde) (dZ per example; dgamma and dbeta
averaged over m). m = 2 is left out: two examples normalize to exactly -1 and 1, whatever Z."""

from __future__ import annotations

import numpy as np
import pytest

from grader_tests.checking import narrow
from grader_tests.nn import numerical_gradient
from helpers.checks import expect_sequence

from . import reference as ref
from .common import call_student, check, expect_gradient


def _layer(rng):
    n, m = int(rng.integers(1, 7)), int(rng.integers(3, 13))
    Z = rng.normal(rng.uniform(-2, 2), rng.uniform(0.5, 3), (n, m))
    return Z, rng.normal(1, 0.5, (n, 1)), rng.normal(0, 0.5, (n, 1))


@pytest.mark.grades("test_batchnorm_forward")
@pytest.mark.parametrize("epsilon", [None, 0.1])
def test_batchnorm_forward(batchnorm_forward, rng, epsilon):
    Z, gamma, beta = _layer(rng)
    options = {} if epsilon is None else {"epsilon": epsilon}
    extra = ", epsilon=0.1" if options else ""
    what = f"batchnorm_forward(Z, gamma, beta{extra}) for Z of shape {Z.shape}"
    check(batchnorm_forward, "batchnorm_forward", what, Z, gamma, beta, **options)


@pytest.mark.grades("test_update_running_averages")
@pytest.mark.parametrize("momentum", [0.9, 0.6])
def test_update_running_averages(update_running_averages, rng, momentum):
    n = int(rng.integers(1, 6))
    arrays = [
        rng.normal(0, 1, (n, 1)),
        rng.uniform(0.5, 2, (n, 1)),
        rng.normal(0, 1, (n, 1)),
        rng.uniform(0.5, 2, (n, 1)),
    ]
    what = (
        f"update_running_averages(running_mean, running_var, mu, var, momentum={momentum}) "
        f"for {n} units"
    )
    check(update_running_averages, "update_running_averages", what, *arrays, momentum=momentum)


@pytest.mark.grades("test_batchnorm_forward_test")
@pytest.mark.parametrize("m", [1, 6])
def test_batchnorm_forward_test(batchnorm_forward_test, rng, m):
    Z, gamma, beta = _layer(rng)
    Z = Z[:, :m]
    running = (rng.normal(0, 1, (Z.shape[0], 1)), rng.uniform(0.5, 2, (Z.shape[0], 1)))
    what = (
        "batchnorm_forward_test(Z, gamma, beta, running_mean, running_var) for Z of shape "
        f"{Z.shape}"
    )
    check(batchnorm_forward_test, "batchnorm_forward_test", what, Z, gamma, beta, *running)


@pytest.mark.grades("test_batchnorm_backward")
@pytest.mark.parametrize("part", ["dZ", "dgamma", "dbeta"])
def test_batchnorm_backward(batchnorm_backward, rng, part):
    Z, gamma, beta = _layer(rng)
    dZ_tilde = rng.normal(0, 1, Z.shape)
    cache = ref.batchnorm_forward(Z, gamma, beta)[1]
    what = f"batchnorm_backward(dZ_tilde, cache) for Z of shape {Z.shape}"
    got, wrong = call_student(batchnorm_backward, "batchnorm_backward", what, dZ_tilde, cache)
    got = expect_sequence(got, 3, what)
    m = Z.shape[1]

    def F(Z, gamma, beta):
        return float(np.sum(dZ_tilde * ref.batchnorm_forward(Z, gamma, beta)[0]))

    index = ("dZ", "dgamma", "dbeta").index(part)
    numerical = [
        numerical_gradient(lambda x: F(x, gamma, beta), Z.copy()),
        numerical_gradient(lambda x: F(Z, x, beta), gamma.copy()) / m,
        numerical_gradient(lambda x: F(Z, gamma, x), beta.copy()) / m,
    ][index]
    expect_gradient(got[index], numerical, f"{what}: {part}", narrow(wrong, index))
