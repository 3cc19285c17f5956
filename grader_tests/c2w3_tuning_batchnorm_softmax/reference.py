"""Reference versions of the graded functions of c2w3 (instructor-only; they run in the
checker): log-scale sampling here, batch normalization and softmax from ``grader_tests.nn``.
Columns are examples: ``Z`` is ``(n, m)``, probabilities and one-hot labels ``(C, m)``."""

from __future__ import annotations

import numpy as np

from grader_tests import nn


def sample_learning_rates(num, low_exponent=-4, high_exponent=0, seed=0):
    """10 ** r with r uniform in [low_exponent, high_exponent]."""
    return 10 ** np.random.RandomState(seed).uniform(low_exponent, high_exponent, num)


def sample_betas(num, low=0.9, high=0.999, seed=0):
    """1 - 10 ** r with r uniform in [log10(1 - high), log10(1 - low)]."""
    r = np.random.RandomState(seed).uniform(np.log10(1 - high), np.log10(1 - low), num)
    return 1 - 10**r


batchnorm_forward = nn.batchnorm_forward
update_running_averages = nn.update_running_averages
batchnorm_forward_test = nn.batchnorm_forward_test
batchnorm_backward = nn.batchnorm_backward
softmax = nn.softmax
one_hot = nn.one_hot
compute_softmax_cost = nn.softmax_cross_entropy
softmax_backward = nn.softmax_cross_entropy_gradient
