"""Reference versions of the graded functions of c2w2 (instructor-only; they run in the
checker), all from the optimizer steps of ``grader_tests.nn.optim``. Parameters are the dict
"W1", "b1", ..., "WL", "bL"; gradients and optimizer states use the keys "dW1", "db1", ...
"""

from __future__ import annotations

import numpy as np

from grader_tests import nn


def update_parameters_with_gd(parameters, grads, learning_rate):
    """One step of gradient descent on every parameter."""
    return nn.update_parameters(parameters, grads, learning_rate)


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """np.random.seed(seed) then one permutation of the columns, cut into batches."""
    return nn.random_mini_batches(X, Y, mini_batch_size, np.random.RandomState(seed))


def exponentially_weighted_average(theta, beta, bias_correction=False):
    """[v_1, ..., v_T], v_0 = 0 and v_t = beta v_{t-1} + (1 - beta) theta_t (corrected)."""
    return nn.exponentially_weighted_average(theta, beta, bias_correction)


def initialize_velocity(parameters):
    """Zeros of each parameter's shape, under the key "d" + its name."""
    return nn.zeros_like_grads(parameters)


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """(parameters, v) after one step of momentum."""
    return nn.momentum_step(parameters, grads, v, beta, learning_rate)


def initialize_adam(parameters):
    """(v, s): two dicts of zeros."""
    return nn.zeros_like_grads(parameters), nn.zeros_like_grads(parameters)


def update_parameters_with_adam(
    parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8
):
    """(parameters, v, s, v_corrected, s_corrected) after Adam's step number t."""
    return nn.adam_step(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)


update_lr = nn.update_lr
schedule_lr_decay = nn.schedule_lr_decay
