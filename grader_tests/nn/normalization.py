"""Batch normalization of a layer's linear outputs ``Z`` ``(n, m)`` (Course 2, week 3), over the
m examples of the mini-batch (axis 1), with the layer contract ``forward -> (out, cache)`` and
``backward(dout, cache)``.

Averaging over m: ``dgamma`` and ``dbeta`` are gradients of the mean cost (divided by m, like
``linear_backward``'s dW and db); ``dZ`` is per-example, like every gradient passed between
layers. The variance is the biased one (divided by m). At test time the running averages kept
during training stand in for the batch's mean and variance.
"""

from __future__ import annotations

import numpy as np

EPSILON = 1e-8


def batchnorm_forward(Z, gamma, beta, epsilon=EPSILON):
    """(Z_tilde, cache): Z_norm = (Z - mu) / sqrt(var + epsilon) with mu, var the mean and the
    biased variance of each row over the examples, Z_tilde = gamma Z_norm + beta (gamma, beta
    (n, 1)); cache = (Z, Z_norm, mu, var, gamma, beta, epsilon)."""
    mu = np.mean(Z, axis=1, keepdims=True)
    var = np.mean((Z - mu) ** 2, axis=1, keepdims=True)
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    return gamma * Z_norm + beta, (Z, Z_norm, mu, var, gamma, beta, epsilon)


def batchnorm_backward(dZ_tilde, cache):
    """(dZ, dgamma, dbeta): dgamma and dbeta the means over the examples of dZ_tilde * Z_norm
    and of dZ_tilde; dZ = gamma / sqrt(var + eps) (dZ_tilde - mean(dZ_tilde) - Z_norm
    mean(dZ_tilde Z_norm)) (per-example)."""
    _, Z_norm, _, var, gamma, _, epsilon = cache
    mean_d = np.mean(dZ_tilde, axis=1, keepdims=True)
    mean_dz = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)
    dZ = gamma / np.sqrt(var + epsilon) * (dZ_tilde - mean_d - Z_norm * mean_dz)
    return dZ, mean_dz, mean_d


def update_running_averages(running_mean, running_var, mu, var, momentum=0.9):
    """(running_mean, running_var): momentum * running + (1 - momentum) * the batch's value."""
    return (
        momentum * running_mean + (1 - momentum) * mu,
        momentum * running_var + (1 - momentum) * var,
    )


def batchnorm_forward_test(Z, gamma, beta, running_mean, running_var, epsilon=EPSILON):
    """Z_tilde at test time: normalized with the running averages, not the batch's."""
    return gamma * (Z - running_mean) / np.sqrt(running_var + epsilon) + beta
